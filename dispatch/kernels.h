/* The table of _array kernels one ISA provides (internal): for every family of families.h,
 * d/p/q<family> in the registry's calling form. */
#ifndef VDIST_KERNELS_H
#define VDIST_KERNELS_H

#include <stddef.h>

#include "families.h"
#include "vdist.h"

#define VD_KERNEL_FIELDS(family, ...) vd_array_fn d##family, p##family, q##family;

struct vd_kernels {
    const char *name;
    VD_FAMILIES(VD_KERNEL_FIELDS)
};

extern const struct vd_kernels vd_kernels_scalar;
/* each SIMD ISA's kernels on its own vector layer and on the pair layer (src/simd/pair.h) */
extern const struct vd_kernels vd_kernels_avx2, vd_kernels_avx2_pair;
extern const struct vd_kernels vd_kernels_neon, vd_kernels_neon_pair;

/* The functions whose kernels run on the pair layer: long dependency chains (logs,
 * divisions and exps in sequence), where two vectors side by side overlap what one left
 * idle. The rest stay on the ISA's own layer: short kernels gain nothing, and some lose
 * (punif +15%, pcauchy +9%, qlogis 2x: its temporaries outgrow the registers in pairs).
 * Chosen from AVX2 at n = 1e5, best of 5 alternating runs: 4% faster or more. */
#define VD_PAIRED_FUNCTIONS(X)                                                                 \
    X(qnorm) X(dlogis) X(plogis) X(dlnorm) X(plnorm) X(qlnorm) X(qcauchy) X(dweibull)          \
    X(pweibull) X(qweibull) X(dgamma) X(pgamma) X(qgamma) X(dchisq) X(pchisq) X(qchisq)        \
    X(dpois) X(qpois)

#endif
