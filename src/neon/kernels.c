/* AdvSIMD instantiation of the src/simd kernels on the ISA's own vector layer, 2 doubles
 * per vector; kernels_pair.c is the pair layer's (dispatch/ picks per family). */
#define ISA_NAME "neon"
#include "vec.h"
#include "../simd/all.h"
