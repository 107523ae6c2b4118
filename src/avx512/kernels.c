/* AVX-512 instantiation of the src/simd kernels (built with -mavx512f -mavx512dq
 * -mavx512vl), 8 doubles per vector. */
#define ISA_NAME "avx512"
#include "vec.h"
#include "../simd/all.h"
