/* Normal-family helpers shared between the scalar reference and the SIMD front ends. */
#ifndef VDIST_NORM_INTERNAL_H
#define VDIST_NORM_INTERNAL_H

/* R(x) = Q(x) exp(x^2/2), x >= 0. */
double norm_mills_r(double x);
/* w > 0 with Q(w) = P (0 < P <= 0.075), and with log Q(w) = l (l <= log 0.075). */
double norm_upper_quantile(double P);
double norm_upper_quantile_log(double l);
/* log(sigma sqrt(2 pi)) = hi + *lo. */
double norm_log_sigma_sqrt_2pi_hi(double sigma, double *lo);

#endif
