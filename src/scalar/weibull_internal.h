/* Internal helpers of the Weibull reference: the tables of its fast double-double log and
 * exp (shared with the SIMD kernels, src/simd/weibull.h), and double-double helpers the
 * Cauchy reference shares (candidates for numerics.h). */
#ifndef VDIST_WEIBULL_INTERNAL_H
#define VDIST_WEIBULL_INTERNAL_H

#include "numerics.h"

/* log: x = 2^e m, m in [sqrt(1/2), sqrt(2)), j = round(256 (m - 1)) in -75..106;
 * row j + WEIBULL_LOG_OFFSET holds r_j ~ 1/(1 + j/256) and -log(r_j) as hi, lo
 * (r_0 = 1, so x near 1 keeps its relative accuracy). */
#define WEIBULL_LOG_OFFSET 75
#define WEIBULL_LOG_ENTRIES 182
extern const double weibull_log_table[WEIBULL_LOG_ENTRIES][3];

/* exp: row j + 32 holds 2^(j/64) as hi, lo for j = -32..32 */
#define WEIBULL_EXP_ENTRIES 65
extern const double weibull_exp_table[WEIBULL_EXP_ENTRIES][2];

/* log(1 + t) = t - t^2/2 + t^3 P(t): Taylor coefficients 1/3, -1/4, ..., -1/10 (truncation
 * below 2^-90 for |t| <= 2^-8.5) */
static const double weibull_log1p_tail[8] = {
    1.0 / 3, -1.0 / 4, 1.0 / 5, -1.0 / 6, 1.0 / 7, -1.0 / 8, 1.0 / 9, -1.0 / 10,
};

/* exp(r) = 1 + r + r^2/2 + r^3 Q(r): 1/3!, ..., 1/7! (truncation ~2^-75 for |r| <= ln2/128) */
static const double weibull_exp_tail[5] = {
    1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040,
};

#define WEIBULL_64_OVER_LN2 0x1.71547652b82fep6
#define WEIBULL_LN2_64_HI (LN2_DD_HI / 64)
#define WEIBULL_LN2_64_LO (LN2_DD_LO / 64)

/* exp(a) as a double-double for any a: 0 below -746, Inf above 710, relative error ~1e-30
 * (a subnormal result is rounded once). */
dd weibull_exp_dd(dd a);

/* expm1(x) as a double-double for |x| <= 2, tiny and subnormal x included. */
dd weibull_expm1_dd(dd x);

/* log(u) as a double-double for u = u.hi + u.lo > 0 (u.hi may be subnormal). */
dd weibull_log_of_dd(dd u);

#endif
