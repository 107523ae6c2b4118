/* Normal-family helpers the SIMD front ends share with the scalar reference. */
#ifndef VDIST_NORM_INTERNAL_H
#define VDIST_NORM_INTERNAL_H

/* log(sigma sqrt(2 pi)) = hi + *lo, as a double-double (the per-call constant of dnorm's log). */
double norm_log_sigma_sqrt_2pi_hi(double sigma, double *lo);

#endif
