/* Poisson distribution (lambda) kernels.
 *
 * THE VECTOR KERNELS ARE STILL TO BE WRITTEN: for now d/p/qpois_array run the scalar
 * reference (src/scalar/pois.c) element by element, so that the registry, dispatch, the
 * vdist tool, the tests and the benchmark see the functions under every ISA. The pieces a
 * vector kernel will need (x per lane, the parameters fixed per call) are in
 * src/scalar/gamma_internal.h: the log term, the series, the continued fraction and
 * Temme's expansion with its coefficient table (gamma_temme.h). */
#ifndef VDIST_SIMD_POIS_H
#define VDIST_SIMD_POIS_H

#include "vdist.h"
#include "common.h"

struct pois_args { double lambda; int lower_tail, log_flag; };

VD_SCALAR_LANES1(pois, struct pois_args, lambda)

static void ISA_SUFFIX(dpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct pois_args a = {param[0], 1, give_log};
    for (size_t i = 0; i < n; i++)
        out[i] = dpois_one(x[i], &a);
}

static void ISA_SUFFIX(ppois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct pois_args a = {param[0], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = ppois_one(x[i], &a);
}

static void ISA_SUFFIX(qpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct pois_args a = {param[0], lower_tail, log_p};
    for (size_t i = 0; i < n; i++)
        out[i] = qpois_one(x[i], &a);
}

#endif
