/* Every family's kernels for one ISA, and that ISA's kernel table. Included by
 * src/<isa>/kernels.c after its vec.h. */
#include "norm.h"
#include "../../dispatch/kernels.h"

const struct vd_kernels ISA_SUFFIX(vd_kernels) = {
    .name = ISA_NAME,
    .dnorm = ISA_SUFFIX(dnorm_array),
    .pnorm = ISA_SUFFIX(pnorm_array),
    .qnorm = ISA_SUFFIX(qnorm_array),
};
