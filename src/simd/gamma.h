/* Gamma distribution (shape, scale) kernels.
 *
 * THE VECTOR KERNELS ARE STILL TO BE WRITTEN: for now d/p/qgamma_array run the scalar
 * reference (src/scalar/gamma.c) element by element, so that the registry, dispatch, the
 * vdist tool, the tests and the benchmark see the functions under every ISA. The pieces a
 * vector kernel will need (x per lane, the parameters fixed per call) are in
 * src/scalar/gamma_internal.h: the log term, the series, the continued fraction and
 * Temme's expansion with its coefficient table (gamma_temme.h). */
#ifndef VDIST_SIMD_GAMMA_H
#define VDIST_SIMD_GAMMA_H

#include "vdist.h"
#include "common.h"

struct gamma_args { double shape, scale; int lower_tail, log_flag; };

VD_SCALAR_LANES2(gamma, struct gamma_args, shape, scale)

static void ISA_SUFFIX(dgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct gamma_args a = {param[0], param[1], 1, give_log};
    for (size_t i = 0; i < n; i++)
        out[i] = dgamma_one(x[i], &a);
}

static void ISA_SUFFIX(pgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = {param[0], param[1], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = pgamma_one(x[i], &a);
}

static void ISA_SUFFIX(qgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = {param[0], param[1], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = qgamma_one(x[i], &a);
}

#endif
