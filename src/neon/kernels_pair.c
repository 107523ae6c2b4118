/* AdvSIMD instantiation of the src/simd kernels on the pair layer over vec.h, 4 doubles per
 * vector (src/simd/pair.h says why; dispatch/ picks per family). */
#define ISA_NAME "neon"
#define VEC_HALF_H "../neon/vec.h"
#include "../simd/pair.h"
#undef ISA_SUFFIX
#define ISA_SUFFIX(name) name##_neon_pair
#include "../simd/all.h"
