/* What the benchmark programs share: a monotonic clock and a seeded uniform generator. */
#ifndef VDIST_BENCH_UTIL_H
#define VDIST_BENCH_UTIL_H

#include <stdint.h>
#include <time.h>

/* seconds on the monotonic clock */
static inline double bench_now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

/* splitmix64 from *state: uniform on [0, 1) with 53 random bits */
static inline double bench_uniform01(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return (double)((z ^ (z >> 31)) >> 11) * 0x1p-53;
}

#endif
