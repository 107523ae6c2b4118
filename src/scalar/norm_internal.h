/* Normal-family helpers the SIMD front ends share with the scalar reference. */
#ifndef VDIST_NORM_INTERNAL_H
#define VDIST_NORM_INTERNAL_H

#include "numerics.h"

/* log(sigma sqrt(2 pi)) = hi + *lo, as a double-double (the per-call constant of dnorm's log). */
double norm_log_sigma_sqrt_2pi_hi(double sigma, double *lo);

/* Phi(z) (lower_tail) or 1 - Phi(z), or their logs, for z = zh + zl a double-double
 * (|zl| <= ulp(zh), zh finite): pnorm of the standard normal without rounding z first.
 * (Used by lnorm, where z comes from a double-double log x.) */
double norm_p_standard_dd(double zh, double zl, int lower_tail, int log_p);

/* The standard normal quantile z of p (exp(p) with log_p; the upper tail's unless
 * lower_tail) as zh + *lo, p strictly inside (0, 1) (log p in (-Inf, 0)): the double-double
 * qnorm computes before forming mu + sigma z. */
double norm_q_standard_dd(double p, int lower_tail, int log_p, double *lo);

/* The same z to ~1e-17 absolute instead of ~1e-19 relative, ~15 times faster: lnorm takes it
 * while sdlog times that error stays well below an ULP of exp(meanlog + sdlog z). */
double norm_q_standard_fine(double p, int lower_tail, int log_p, double *lo);

/* The scaled Mills ratio R(x) = Q(x) exp(x^2/2) = (1 - Phi(x)) exp(x^2/2) for x >= 0 as a
 * double-double (the pieces pnorm is built on): erfc-like terms elsewhere (the gamma
 * family's uniform expansion) take it instead of another erfc. */
dd norm_mills_r_dd(double x);

#endif
