/* AdvSIMD instantiation of the src/simd kernels on the ISA's own vector layer, 2 doubles
 * per vector; kernels_wide.c is the wide layer's (dispatch/ picks per function). */
#define ISA_NAME "neon"
#include "vec.h"
#include "../simd/all.h"
