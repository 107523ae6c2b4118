/* vdist-bench: in-process throughput, ns/element, of a plain libRmath loop, the vdist scalar
 * reference and every SIMD ISA this machine runs, with the speed-up against libRmath
 * measured in the same run.
 *   vdist-bench [--n N] [--reps R] [--filter NAME] [--csv]
 * Inputs are spread over the realistic domain: for d/pnorm 90% standard normal samples (the
 * z-scores of normal data) and 10% uniform on [-10, 10] (tails); for qnorm p uniform on
 * (0, 1) (log p = its log). --uniform puts d/pnorm's inputs uniformly on [-3, 3] instead. Each timing is the median
 * (and min) of R repetitions after a warm-up; results are summed so no work is dropped. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vdist.h"

#ifdef HAVE_RMATH
#define MATHLIB_STANDALONE
#include <Rmath.h>
#endif

struct bench_case {
    const char *name;
    int is_quantile, is_density, lower_tail, log_flag;
};

static const struct bench_case cases[] = {
    {"dnorm", 0, 1, 1, 0},
    {"dnorm(log)", 0, 1, 1, 1},
    {"pnorm", 0, 0, 1, 0},
    {"pnorm(upper)", 0, 0, 0, 0},
    {"pnorm(log)", 0, 0, 1, 1},
    {"qnorm", 1, 0, 1, 0},
    {"qnorm(log)", 1, 0, 1, 1},
};

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

static volatile double sink;

static void run_vdist(const struct bench_case *c, size_t n, const double *x, double *out)
{
    if (c->is_density)
        vd_dnorm_array(n, x, 0, 1, c->log_flag, out);
    else if (c->is_quantile)
        vd_qnorm_array(n, x, 0, 1, c->lower_tail, c->log_flag, out);
    else
        vd_pnorm_array(n, x, 0, 1, c->lower_tail, c->log_flag, out);
}

#ifdef HAVE_RMATH
static void run_rmath(const struct bench_case *c, size_t n, const double *x, double *out)
{
    if (c->is_density)
        for (size_t i = 0; i < n; i++)
            out[i] = dnorm(x[i], 0, 1, c->log_flag);
    else if (c->is_quantile)
        for (size_t i = 0; i < n; i++)
            out[i] = qnorm(x[i], 0, 1, c->lower_tail, c->log_flag);
    else
        for (size_t i = 0; i < n; i++)
            out[i] = pnorm(x[i], 0, 1, c->lower_tail, c->log_flag);
}
#endif

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* median and min ns/element over reps runs of fn (or of vdist under isa) */
static void time_it(const struct bench_case *c, const char *isa, size_t n, int reps,
                    const double *x, double *out, double *median, double *min)
{
    double t[64];
    if (isa)
        vd_set_isa(isa);
    for (int r = -1; r < reps; r++) {
        double t0 = now();
#ifdef HAVE_RMATH
        if (!isa)
            run_rmath(c, n, x, out);
        else
#endif
            run_vdist(c, n, x, out);
        double dt = now() - t0;
        double s = 0;
        for (size_t i = 0; i < n; i += 97)
            s += out[i];
        sink += s;
        if (r >= 0)
            t[r] = dt * 1e9 / n;
    }
    qsort(t, reps, sizeof *t, cmp_double);
    *median = t[reps / 2];
    *min = t[0];
}

int main(int argc, char **argv)
{
    size_t n = 100000;
    int reps = 11, csv = 0, uniform = 0;
    const char *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc)
            n = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--filter") && i + 1 < argc)
            filter = argv[++i];
        else if (!strcmp(argv[i], "--csv"))
            csv = 1;
        else if (!strcmp(argv[i], "--uniform"))
            uniform = 1;
        else {
            fprintf(stderr, "usage: %s [--n N] [--reps R] [--filter NAME] [--csv] [--uniform]\n",
                    argv[0]);
            return 2;
        }
    }
    if (reps < 1 || reps > 64 || n == 0) {
        fprintf(stderr, "--reps must be 1..64 and --n positive\n");
        return 2;
    }
    double *x = malloc(n * sizeof *x), *p = malloc(n * sizeof *p), *lp = malloc(n * sizeof *lp);
    double *out = malloc(n * sizeof *out);
    if (!x || !p || !lp || !out) {
        fprintf(stderr, "out of memory for n = %zu\n", n);
        return 1;
    }
    uint64_t s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        double u = ((s >> 11) + 0.5) * 0x1p-53;
        s = s * 6364136223846793005u + 1442695040888963407u;
        double v = ((s >> 11) + 0.5) * 0x1p-53;
        double normal = sqrt(-2 * log(u)) * cos(6.283185307179586 * v); /* Box-Muller */
        x[i] = uniform ? 6 * u - 3 : (i % 10 == 9) ? 20 * u - 10 : normal;
        p[i] = u;
        lp[i] = log(u);
    }
    const char *isas[3];
    int n_isa = 0;
    static const char *const all[] = {"scalar", "avx2", "neon"};
    for (int i = 0; i < 3; i++)
        if (vd_isa_supported(all[i]))
            isas[n_isa++] = all[i];

    if (csv)
        printf("function,n,impl,ns_per_element_median,ns_per_element_min,speedup_vs_rmath\n");
    else {
        printf("n = %zu, median of %d runs, ns/element (speed-up vs libRmath in this run); "
               "x: %s\n",
               n, reps, uniform ? "uniform on [-3, 3]" : "90% N(0,1) samples, 10% uniform on [-10, 10]");
        printf("%-14s %10s", "function", "libRmath");
        for (int k = 0; k < n_isa; k++)
            printf(" %18s", isas[k]);
        printf("\n");
    }
    for (size_t ci = 0; ci < sizeof cases / sizeof *cases; ci++) {
        const struct bench_case *c = &cases[ci];
        if (filter && !strstr(c->name, filter))
            continue;
        const double *in = c->is_quantile ? (c->log_flag ? lp : p) : x;
        double rmed = NAN, rmin = NAN;
#ifdef HAVE_RMATH
        time_it(c, NULL, n, reps, in, out, &rmed, &rmin);
#endif
        if (csv)
            printf("%s,%zu,libRmath,%.4g,%.4g,1\n", c->name, n, rmed, rmin);
        else
            printf("%-14s %10.2f", c->name, rmed);
        for (int k = 0; k < n_isa; k++) {
            double med, mn;
            time_it(c, isas[k], n, reps, in, out, &med, &mn);
            if (csv)
                printf("%s,%zu,%s,%.4g,%.4g,%.3g\n", c->name, n, isas[k], med, mn, rmed / med);
            else
                printf(" %9.2f (%5.1fx)", med, rmed / med);
        }
        if (!csv)
            printf("\n");
    }
    vd_set_isa("auto");
    free(x), free(p), free(lp), free(out);
    return 0;
}
