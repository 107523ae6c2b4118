/* Parameter checks shared by the families (internal). */
#ifndef VDIST_PARAMS_H
#define VDIST_PARAMS_H

#include <math.h>

/* Location-scale parameters the SIMD kernels take: finite location and a scale whose
 * reciprocal is a normal double. Anything else (NaN, scale <= 0, Inf, extreme scales) is
 * rare and goes to the scalar reference, which owns every special case. */
static inline int loc_scale_regular(double location, double scale)
{
    return isfinite(location) && scale >= 0x1p-1000 && scale <= 0x1p1000;
}

/* Rmath's R_Q_P01_boundaries: a quantile's argument outside [0, 1] (log p > 0) gives NaN, and
 * p at 0 or 1 gives the support's ends `left` / `right` (swapped for the upper tail). Returns
 * 1 with *out set in those cases, 0 otherwise. */
static inline int quantile_boundaries(double p, int lower_tail, int log_p, double left,
                                      double right, double *out)
{
    double low = lower_tail ? left : right, high = lower_tail ? right : left;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        *out = NAN;
    else if (p == (log_p ? -INFINITY : 0))
        *out = low;
    else if (p == (log_p ? 0 : 1))
        *out = high;
    else
        return 0;
    return 1;
}

#endif
