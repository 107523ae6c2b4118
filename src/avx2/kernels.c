/* AVX2+FMA instantiation of the src/simd kernels (built with -mavx2 -mfma) on the ISA's own
 * vector layer, 4 doubles per vector; kernels_wide.c is the wide layer's (dispatch/ picks
 * per function). */
#define ISA_NAME "avx2"
#include "vec.h"
#include "../simd/all.h"
