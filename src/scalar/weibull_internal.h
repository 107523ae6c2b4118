/* Internal helpers of the Weibull reference shared with its SIMD kernels
 * (src/simd/weibull.h), and double-double helpers the Cauchy reference shares. */
#ifndef VDIST_WEIBULL_INTERNAL_H
#define VDIST_WEIBULL_INTERNAL_H

#include "numerics.h"

/* log(1 + t) = t - t^2/2 + t^3 P(t): Taylor coefficients 1/3, -1/4, ..., -1/10 (truncation
 * below 2^-90 for |t| <= 2^-8.5) */
static const double weibull_log1p_tail[8] = {
    1.0 / 3, -1.0 / 4, 1.0 / 5, -1.0 / 6, 1.0 / 7, -1.0 / 8, 1.0 / 9, -1.0 / 10,
};

/* exp(a) as a double-double for any a: 0 below -746, Inf above 710, relative error ~1e-30
 * (a subnormal result is rounded once). */
dd weibull_exp_dd(dd a);

/* expm1(x) as a double-double for |x| <= 2, tiny and subnormal x included. */
dd weibull_expm1_dd(dd x);

/* log(u) as a double-double for u = u.hi + u.lo > 0 (u.hi may be subnormal). */
dd weibull_log_of_dd(dd u);

#endif
