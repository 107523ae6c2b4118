/* Chi-squared distribution (df) kernels: the gamma kernels (gamma.h) with shape df/2 and
 * scale 2, as the scalar reference (src/scalar/chisq.c) does. dispatch/ has sent df whose
 * gamma parameters are irregular (chisq_params_regular) to the scalar loop already. */
#ifndef VDIST_SIMD_CHISQ_H
#define VDIST_SIMD_CHISQ_H

#include "vdist.h"
#include "common.h"
/* gamma.h's kernels: all.h includes gamma.h before this file */

#define VD_CHISQ_THROUGH_GAMMA(kind)                                                     \
    static void ISA_SUFFIX(kind##chisq_array)(size_t n, const double *x, const double *param,  \
                                              int lower_tail, int log_flag, double *out)       \
    {                                                                                          \
        const double gamma_param[2] = {param[0] / 2, 2};                                       \
        ISA_SUFFIX(kind##gamma_array)(n, x, gamma_param, lower_tail, log_flag, out);           \
    }

VD_CHISQ_THROUGH_GAMMA(d)
VD_CHISQ_THROUGH_GAMMA(p)
VD_CHISQ_THROUGH_GAMMA(q)

#endif
