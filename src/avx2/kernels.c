/* AVX2+FMA instantiation of the src/simd kernels (built with -mavx2 -mfma). */
#define ISA_NAME "avx2"
#include "vec.h"
#include "../simd/all.h"
