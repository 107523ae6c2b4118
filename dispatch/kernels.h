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
extern const struct vd_kernels vd_kernels_avx2;
extern const struct vd_kernels vd_kernels_neon;

#endif
