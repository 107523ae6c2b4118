/* AVX2+FMA instantiation of the src/simd kernels on the wide layer over vec.h: four of its
 * vectors, 16 doubles, per vector (src/simd/parts.h says why; dispatch/ picks per function). */
#define ISA_NAME "avx2"
#define VEC_HALF_H "../avx2/vec.h"
#define VD_WIDE_LAYER
#include "../simd/parts.h"
#undef ISA_SUFFIX
#define ISA_SUFFIX(name) name##_avx2_wide
/* all.h's table takes only VD_WIDE_FUNCTIONS: the other kernels go unused here */
#define VD_WIDE_LIST VD_WIDE_FUNCTIONS
#pragma GCC diagnostic ignored "-Wunused-function"
#include "../simd/all.h"
