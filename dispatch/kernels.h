/* The table of _array kernels one ISA provides (internal). */
#ifndef VDIST_KERNELS_H
#define VDIST_KERNELS_H

#include <stddef.h>

typedef void (*vd_dfn1)(size_t n, const double *x, double p1, double p2, int give_log,
                        double *out);
typedef void (*vd_pfn1)(size_t n, const double *x, double p1, double p2, int lower_tail,
                        int log_p, double *out);

struct vd_kernels {
    const char *name;
    vd_dfn1 dnorm;
    vd_pfn1 pnorm, qnorm;
};

extern const struct vd_kernels vd_kernels_scalar;
extern const struct vd_kernels vd_kernels_avx2;
extern const struct vd_kernels vd_kernels_neon;

#endif
