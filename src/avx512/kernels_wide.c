/* AVX-512 instantiation of the src/simd kernels on the wide layer over vec.h: two of its
 * vectors, 16 doubles, per vector (src/simd/parts.h says why; dispatch/ picks per function). */
#define ISA_NAME "avx512"
#define VEC_HALF_H "../avx512/vec.h"
#define VEC_PARTS 2
#define VD_WIDE_LAYER
#include "../simd/parts.h"
#undef ISA_SUFFIX
#define ISA_SUFFIX(name) name##_avx512_wide
/* all.h's table takes only VD_WIDE_FUNCTIONS_AVX512: the other kernels go unused here */
#define VD_WIDE_LIST VD_WIDE_FUNCTIONS_AVX512
#pragma GCC diagnostic ignored "-Wunused-function"
#include "../simd/all.h"
