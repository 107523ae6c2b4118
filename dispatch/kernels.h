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
/* each SIMD ISA's kernels on its own vector layer and on the wide layer (src/simd/parts.h) */
extern const struct vd_kernels vd_kernels_avx2, vd_kernels_avx2_wide;
extern const struct vd_kernels vd_kernels_neon, vd_kernels_neon_wide;
extern const struct vd_kernels vd_kernels_avx512, vd_kernels_avx512_wide;

/* The functions whose kernels run on the wide layer: long dependency chains (logs,
 * divisions and exps in sequence), where four vectors side by side overlap what one left
 * idle. The rest stay on the ISA's own layer: short kernels gain nothing, and some lose
 * (punif +43%, pcauchy +14%, pnorm +7%, qlogis +65%: temporaries outgrow the registers).
 * Chosen from AVX2 at n = 1e5, best of 3 alternating runs: 5% faster or more. */
#define VD_WIDE_FUNCTIONS(X)                                                                   \
    X(qnorm) X(dexp) X(qexp) X(dlogis) X(dlnorm) X(plnorm) X(qlnorm) X(qcauchy) X(dweibull)    \
    X(pweibull) X(qweibull) X(dgamma) X(pgamma) X(qgamma) X(dchisq) X(pchisq) X(qchisq)        \
    X(qpois)
/* AVX-512's wide layer is two of its vectors (16 lanes, as AVX2's four): there these gain
 * too (n = 1e5, best of 2 alternating runs against its own layer: dnorm 12%, pnorm 5-9%,
 * plogis 6% and 17% with log_p, ppois 7%; pcauchy lost 6%, the rest within 5%) */
#define VD_WIDE_FUNCTIONS_AVX512(X) VD_WIDE_FUNCTIONS(X) X(dnorm) X(pnorm) X(plogis) X(ppois)

#endif
