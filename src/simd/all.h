/* Every family's kernels for one ISA, and that ISA's kernel table. Included by
 * src/<isa>/kernels.c after its vec.h. */
#include "norm.h"
#include "unif.h"
#include "exp.h"
#include "logis.h"
#include "lnorm.h"
#include "cauchy.h"
#include "weibull.h"
#include "gamma.h"
#include "chisq.h"
#include "pois.h"
#include "../../dispatch/kernels.h"

#ifndef VD_WIDE_LAYER
#define VD_KERNEL_ENTRIES(family, ...)                                                          \
    .d##family = ISA_SUFFIX(d##family##_array), .p##family = ISA_SUFFIX(p##family##_array),    \
    .q##family = ISA_SUFFIX(q##family##_array),

const struct vd_kernels ISA_SUFFIX(vd_kernels) = {
    .name = ISA_NAME,
    VD_FAMILIES(VD_KERNEL_ENTRIES)
};
#else
/* the wide layer's table has only the functions dispatch/ takes from it (the compiler then
 * drops the other kernels, which would only cost build time) */
#define VD_WIDE_ENTRY(function) .function = ISA_SUFFIX(function##_array),

const struct vd_kernels ISA_SUFFIX(vd_kernels) = {
    .name = ISA_NAME,
    VD_WIDE_LIST(VD_WIDE_ENTRY)
};
#endif
