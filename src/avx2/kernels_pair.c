/* AVX2+FMA instantiation of the src/simd kernels on the pair layer over vec.h, 8 doubles
 * per vector (src/simd/pair.h says why; dispatch/ picks per family). */
#define ISA_NAME "avx2"
#define VEC_HALF_H "../avx2/vec.h"
#include "../simd/pair.h"
#undef ISA_SUFFIX
#define ISA_SUFFIX(name) name##_avx2_pair
#include "../simd/all.h"
