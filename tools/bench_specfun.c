/* Times the special-function core (src/scalar/specfun.h) per branch, against libm's lgamma
 * and log1p and (when built with it) libRmath's lgammafn, lgamma1p and log1pmx in the same run: 4096 arguments per case (splitmix64, fixed seed), the results
 * summed so nothing is optimized away, best of 25 runs, in ns per call. On a shared machine
 * the ratios to libm are the figure, not the nanoseconds.
 *
 *   build/tools/bench-specfun   (built by meson) */
#include "bench_util.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "specfun.h"

#ifdef HAVE_RMATH
/* libRmath's (declared here: Rmath.h's log1pmx would clash with specfun.h's) */
double lgammafn(double);
double lgamma1p(double);
double rmath_log1pmx(double) __asm__("log1pmx");
#endif

#define M 4096
#define RUNS 25

static uint64_t rng_state = 42;


static double xs[M], ys[M];

static void uniform(double lo, double hi)
{
    for (int i = 0; i < M; i++)
        xs[i] = lo + (hi - lo) * bench_uniform01(&rng_state);
}

static void log_uniform(double lo, double hi)
{
    for (int i = 0; i < M; i++)
        xs[i] = lo * pow(hi / lo, bench_uniform01(&rng_state));
}

enum fn {
    LGAMMA, LGAMMA1P, STIRLERR, BD0, LOG1PMX, LOG1PMX_D, LIBM_LGAMMA, LIBM_LOG1P,
    RMATH_LGAMMA, RMATH_LGAMMA1P, RMATH_LOG1PMX,
};

static double call(enum fn f, double x, double y)
{
    switch (f) {
    case LGAMMA: return lgamma_dd(x).hi;
    case LGAMMA1P: return lgamma1p_dd(x).hi;
    case STIRLERR: return stirlerr_dd(x).hi;
    case BD0: return bd0_dd(x, y).hi;
    case LOG1PMX: return log1pmx_dd(x).hi;
    case LOG1PMX_D: return log1pmx(x);
    case LIBM_LGAMMA: return lgamma(x);
    case LIBM_LOG1P: return log1p(x);
#ifdef HAVE_RMATH
    case RMATH_LGAMMA: return lgammafn(x);
    case RMATH_LGAMMA1P: return lgamma1p(x);
    case RMATH_LOG1PMX: return rmath_log1pmx(x);
#else
    default: break;
#endif
    }
    return 0;
}

static volatile double sink;

static void bench(const char *name, enum fn f)
{
#ifndef HAVE_RMATH
    if (f >= RMATH_LGAMMA)
        return;
#endif
    double best = INFINITY;
    for (int run = 0; run < RUNS; run++) {
        double t0 = bench_now(), s = 0;
        for (int i = 0; i < M; i++)
            s += call(f, xs[i], ys[i]);
        double t = (bench_now() - t0) / M * 1e9;
        best = t < best ? t : best;
        sink += s;
    }
    printf("%-44s %7.1f ns/call\n", name, best);
}

int main(void)
{
    uniform(0.07, 0.93);
    bench("lgamma_dd   (1/16, 15/16)  recurrence", LGAMMA);
    uniform(0.95, 1.05);
    bench("lgamma_dd   [15/16, 17/16] Taylor at 1", LGAMMA);
    uniform(3, 9.9);
    bench("lgamma_dd   (3, 10)        recurrence", LGAMMA);
    log_uniform(10, 1e6);
    bench("lgamma_dd   [10, 1e6]      Stirling", LGAMMA);
    log_uniform(1e-300, 0.06);
    bench("lgamma_dd   (0, 1/16)      -log x + Taylor", LGAMMA);
    uniform(0.07, 5);
    bench("libm lgamma (0.07, 5)", LIBM_LGAMMA);
    bench("libRmath lgammafn (0.07, 5)", RMATH_LGAMMA);
    uniform(-0.06, 0.06);
    bench("lgamma1p_dd |a| < 1/16     Taylor", LGAMMA1P);
    bench("libRmath lgamma1p |a| < 1/16", RMATH_LGAMMA1P);
    uniform(0.1, 5);
    bench("lgamma1p_dd (0.1, 5)       recurrence", LGAMMA1P);
    for (int i = 0; i < M; i++)
        xs[i] = (double)(i % 19 + 1) / 2;
    bench("stirlerr_dd k/2 < 10       table", STIRLERR);
    uniform(0.1, 9.9);
    bench("stirlerr_dd (0.1, 10)      via lgamma", STIRLERR);
    log_uniform(10, 1e6);
    bench("stirlerr_dd [10, 1e6]      Binet series", STIRLERR);
    for (int i = 0; i < M; i++) {
        ys[i] = 1 + 1000 * bench_uniform01(&rng_state);
        xs[i] = ys[i] * (1 + 0.2 * (bench_uniform01(&rng_state) - 0.5)); /* |v| < 0.05 */
    }
    bench("bd0_dd      |x/np - 1| < 0.1  atanh series", BD0);
    for (int i = 0; i < M; i++) {
        ys[i] = 1 + 1000 * bench_uniform01(&rng_state);
        double r = pow(10, 4 * (bench_uniform01(&rng_state) - 0.5));
        xs[i] = ys[i] * (r > 0.8 && r < 1.25 ? 3 * r : r);
    }
    bench("bd0_dd      x/np 1e-2..1e2  x log(x/np) + ...", BD0);
    uniform(-0.11, 0.13);
    bench("log1pmx_dd  (-0.11, 0.13)  atanh series", LOG1PMX);
    bench("log1pmx     (-0.11, 0.13)  (hi only)", LOG1PMX_D);
    bench("libRmath log1pmx (-0.11, 0.13)", RMATH_LOG1PMX);
    log_uniform(0.14, 1e6);
    bench("log1pmx_dd  (0.14, 1e6)    log", LOG1PMX);
    bench("libRmath log1pmx (0.14, 1e6)", RMATH_LOG1PMX);
    uniform(-0.11, 0.13);
    bench("libm log1p  (-0.11, 0.13)", LIBM_LOG1P);
    return 0;
}
