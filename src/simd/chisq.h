/* Chi-squared distribution (df) kernels.
 *
 * THE VECTOR KERNELS ARE STILL TO BE WRITTEN: for now d/p/qchisq_array run the scalar
 * reference (src/scalar/chisq.c) element by element, so that the registry, dispatch, the
 * vdist tool, the tests and the benchmark see the functions under every ISA. The pieces a
 * vector kernel will need (x per lane, the parameters fixed per call) are in
 * src/scalar/gamma_internal.h: the log term, the series, the continued fraction and
 * Temme's expansion with its coefficient table (gamma_temme.h). */
#ifndef VDIST_SIMD_CHISQ_H
#define VDIST_SIMD_CHISQ_H

#include "vdist.h"
#include "common.h"

struct chisq_args { double df; int lower_tail, log_flag; };

VD_SCALAR_LANES1(chisq, struct chisq_args, df)

static void ISA_SUFFIX(dchisq_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct chisq_args a = {param[0], 1, give_log};
    for (size_t i = 0; i < n; i++)
        out[i] = dchisq_one(x[i], &a);
}

static void ISA_SUFFIX(pchisq_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct chisq_args a = {param[0], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = pchisq_one(x[i], &a);
}

static void ISA_SUFFIX(qchisq_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct chisq_args a = {param[0], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = qchisq_one(x[i], &a);
}

#endif
