/* AdvSIMD instantiation of the src/simd kernels. */
#define ISA_NAME "neon"
#include "vec.h"
#include "../simd/all.h"
