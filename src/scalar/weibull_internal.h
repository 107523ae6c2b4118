/* Scalar double-double helpers of the Weibull reference that the Cauchy reference shares
 * (internal; candidates for numerics.h). */
#ifndef VDIST_WEIBULL_INTERNAL_H
#define VDIST_WEIBULL_INTERNAL_H

#include "numerics.h"

/* exp(a) as a double-double for any a: 0 below -746, Inf above 710, relative error ~1e-30
 * (a subnormal result is rounded once). */
dd weibull_exp_dd(dd a);

/* expm1(x) as a double-double for |x| <= 2, tiny and subnormal x included. */
dd weibull_expm1_dd(dd x);

/* log(u) as a double-double for u = u.hi + u.lo > 0 (u.hi may be subnormal). */
dd weibull_log_of_dd(dd u);

#endif
