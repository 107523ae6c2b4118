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

#define VD_KERNEL_ENTRIES(family, ...)                                                          \
    .d##family = ISA_SUFFIX(d##family##_array), .p##family = ISA_SUFFIX(p##family##_array),    \
    .q##family = ISA_SUFFIX(q##family##_array),

const struct vd_kernels ISA_SUFFIX(vd_kernels) = {
    .name = ISA_NAME,
    VD_FAMILIES(VD_KERNEL_ENTRIES)
};
