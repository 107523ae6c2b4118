/* AVX2+FMA instantiation of the src/simd kernels on the wide layer over vec.h: four of its
 * vectors, 16 doubles, per vector (src/simd/parts.h says why; dispatch/ picks per function). */
#define ISA_NAME "avx2"
#define VEC_HALF_H "../avx2/vec.h"
#define VEC_PARTS 4
#include "../simd/parts.h"
#undef ISA_SUFFIX
#define ISA_SUFFIX(name) name##_avx2_wide
#include "../simd/all.h"
