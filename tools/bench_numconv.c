/* Times cli/numconv.c against the C library on 1e6 N(0,1) doubles: num_format against
 * snprintf("%.17g"), num_parse against strtod (on num_format's output and on "%.17g" text).
 * Best of 11 runs, in ns per number.
 *
 *   build/tools/bench-numconv   (built by meson), or by hand:
 *   gcc -std=gnu11 -O2 -ffp-contract=off -Icli cli/numconv.c tools/bench_numconv.c -lm \
 *       -o /tmp/bench_numconv && /tmp/bench_numconv */
#define _GNU_SOURCE
#include "bench_util.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "numconv.h"

#define N 1000000
#define RUNS 11

static uint64_t rng_state = 42;


/* The numbers as text, one after another, with their offsets. */
struct texts {
    char *chars;
    size_t *start;
};

static double x[N];
static char out[NUMCONV_MAX_LEN];
static volatile double sink;

static struct texts print_all(int shortest)
{
    struct texts t = {malloc((size_t)N * NUMCONV_MAX_LEN), malloc((N + 1) * sizeof(size_t))};
    size_t at = 0;
    for (int i = 0; i < N; i++) {
        t.start[i] = at;
        at += shortest ? num_format(x[i], t.chars + at)
                       : (size_t)snprintf(t.chars + at, NUMCONV_MAX_LEN, "%.17g", x[i]);
        t.chars[at++] = '\0';
    }
    t.start[N] = at;
    return t;
}

static double time_format(int ours)
{
    double best = 1e9;
    for (int r = 0; r < RUNS; r++) {
        size_t total = 0;
        double t0 = bench_now();
        for (int i = 0; i < N; i++)
            total += ours ? num_format(x[i], out) : (size_t)snprintf(out, sizeof out, "%.17g", x[i]);
        double t = bench_now() - t0;
        sink = (double)total;
        best = t < best ? t : best;
    }
    return best / N * 1e9;
}

static double time_parse(const struct texts *t, int ours)
{
    double best = 1e9;
    for (int r = 0; r < RUNS; r++) {
        double sum = 0;
        double t0 = bench_now();
        for (int i = 0; i < N; i++) {
            const char *s = t->chars + t->start[i];
            double v;
            if (ours)
                num_parse(s, t->chars + t->start[i + 1] - 1, &v);
            else
                v = strtod(s, NULL);
            sum += v;
        }
        double elapsed = bench_now() - t0;
        sink = sum;
        best = elapsed < best ? elapsed : best;
    }
    return best / N * 1e9;
}

int main(void)
{
    for (int i = 0; i < N; i += 2) { /* Box-Muller */
        double r = sqrt(-2 * log(1 - bench_uniform01(&rng_state)));
        double a = 6.283185307179586 * bench_uniform01(&rng_state);
        x[i] = r * cos(a);
        x[i + 1] = r * sin(a);
    }
    struct texts shortest = print_all(1), g17 = print_all(0);
    printf("1e6 N(0,1) doubles, ns per number (best of %d)\n", RUNS);
    printf("  num_format            %6.1f\n", time_format(1));
    printf("  snprintf %%.17g        %6.1f\n", time_format(0));
    printf("  num_parse (shortest)  %6.1f\n", time_parse(&shortest, 1));
    printf("  strtod    (shortest)  %6.1f\n", time_parse(&shortest, 0));
    printf("  num_parse (%%.17g)     %6.1f\n", time_parse(&g17, 1));
    printf("  strtod    (%%.17g)     %6.1f\n", time_parse(&g17, 0));
    return 0;
}
