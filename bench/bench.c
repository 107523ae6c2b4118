/* vdist-bench: in-process throughput, ns/element, of a plain libRmath loop, the vdist scalar
 * reference and every SIMD ISA this machine runs, at several array sizes, with the speed-up
 * against libRmath measured in the same run and a memcpy row as the memory-bandwidth floor.
 *   vdist-bench [--n N[,N...]] [--time SECONDS] [--filter NAME] [--csv] [--uniform]
 * Inputs are spread over the realistic domain: for dnorm/pnorm 90% standard normal samples
 * (the z-scores of normal data) and 10% uniform on [-10, 10] (tails); for the other d/p
 * functions samples of their own distribution (the quantile of uniform p); for quantiles p
 * uniform on (0, 1) (log p = its log). --uniform puts dnorm/pnorm's inputs uniformly on
 * [-3, 3] instead.
 * Every cell is timed after a warm-up call (itself a sample when it outlasts --time), repeated
 * until about --time seconds (at least 3 and at most 101 samples; small n loops several calls
 * per sample), and reported as the median and the minimum; each sample's output is summed into a volatile so no work can be dropped,
 * and every vdist result is compared with libRmath's (a row that disagrees is flagged). */
#include "bench_util.h"
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "vdist.h"

#include "testlib.h"

/* What a row's x is: the normal mix below, p, log p, or samples of the row's own
 * distribution (with the row's parameters: the values its users evaluate). */
enum input { INPUT_X, INPUT_P, INPUT_LOG_P, INPUT_SAMPLE };

/* A row: a function of the registry with its parameters and flags; libRmath runs as a plain
 * loop over the same function (testlib's table, generated from the family list). */
struct bench_case {
    const char *label, *function;
    double param[VD_MAX_PARAMS];
    int lower_tail, log_flag;
    enum input input;
};

static const struct bench_case cases[] = {
    {"dnorm", "dnorm", {0, 1}, 1, 0, INPUT_X},
    {"dnorm(log)", "dnorm", {0, 1}, 1, 1, INPUT_X},
    {"pnorm", "pnorm", {0, 1}, 1, 0, INPUT_X},
    {"pnorm(upper)", "pnorm", {0, 1}, 0, 0, INPUT_X},
    {"pnorm(log)", "pnorm", {0, 1}, 1, 1, INPUT_X},
    {"qnorm", "qnorm", {0, 1}, 1, 0, INPUT_P},
    {"qnorm(log)", "qnorm", {0, 1}, 1, 1, INPUT_LOG_P},
    {"dunif", "dunif", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"punif", "punif", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"qunif", "qunif", {0, 1}, 1, 0, INPUT_P},
    {"dexp", "dexp", {1}, 1, 0, INPUT_SAMPLE},
    {"pexp", "pexp", {1}, 1, 0, INPUT_SAMPLE},
    {"pexp(upper,log)", "pexp", {1}, 0, 1, INPUT_SAMPLE},
    {"qexp", "qexp", {1}, 1, 0, INPUT_P},
    {"dlogis", "dlogis", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"plogis", "plogis", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"plogis(log)", "plogis", {0, 1}, 1, 1, INPUT_SAMPLE},
    {"qlogis", "qlogis", {0, 1}, 1, 0, INPUT_P},
    {"dlnorm", "dlnorm", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"plnorm", "plnorm", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"qlnorm", "qlnorm", {0, 1}, 1, 0, INPUT_P},
    {"dcauchy", "dcauchy", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"pcauchy", "pcauchy", {0, 1}, 1, 0, INPUT_SAMPLE},
    {"qcauchy", "qcauchy", {0, 1}, 1, 0, INPUT_P},
    {"dweibull", "dweibull", {2, 1}, 1, 0, INPUT_SAMPLE},
    {"pweibull", "pweibull", {2, 1}, 1, 0, INPUT_SAMPLE},
    {"pweibull(upper,log)", "pweibull", {2, 1}, 0, 1, INPUT_SAMPLE},
    {"qweibull", "qweibull", {2, 1}, 1, 0, INPUT_P},
    {"dweibull(k=1.5)", "dweibull", {1.5, 1}, 1, 0, INPUT_SAMPLE},
    {"pweibull(k=1.5)", "pweibull", {1.5, 1}, 1, 0, INPUT_SAMPLE},
    {"qweibull(k=1.5)", "qweibull", {1.5, 1}, 1, 0, INPUT_P},
    {"dgamma(a=2.5)", "dgamma", {2.5, 1}, 1, 0, INPUT_SAMPLE},
    {"pgamma(a=2.5)", "pgamma", {2.5, 1}, 1, 0, INPUT_SAMPLE},
    {"qgamma(a=2.5)", "qgamma", {2.5, 1}, 1, 0, INPUT_P},
    {"dgamma(a=100)", "dgamma", {100, 1}, 1, 0, INPUT_SAMPLE},
    {"pgamma(a=100)", "pgamma", {100, 1}, 1, 0, INPUT_SAMPLE},
    {"pgamma(a=100,upper,log)", "pgamma", {100, 1}, 0, 1, INPUT_SAMPLE},
    {"qgamma(a=100)", "qgamma", {100, 1}, 1, 0, INPUT_P},
    {"dchisq(df=5)", "dchisq", {5}, 1, 0, INPUT_SAMPLE},
    {"pchisq(df=5)", "pchisq", {5}, 1, 0, INPUT_SAMPLE},
    {"qchisq(df=5)", "qchisq", {5}, 1, 0, INPUT_P},
    {"dpois(l=10)", "dpois", {10}, 1, 0, INPUT_SAMPLE},
    {"ppois(l=10)", "ppois", {10}, 1, 0, INPUT_SAMPLE},
    {"qpois(l=10)", "qpois", {10}, 1, 0, INPUT_P},
    {"dpois(l=1e4)", "dpois", {1e4}, 1, 0, INPUT_SAMPLE},
    {"ppois(l=1e4)", "ppois", {1e4}, 1, 0, INPUT_SAMPLE},
    {"qpois(l=1e4)", "qpois", {1e4}, 1, 0, INPUT_P},
};

/* What one timing runs: fn over n elements with the case's parameters. */
struct job {
    vd_array_fn fn;
    const struct bench_case *c;
};

static void copy_memcpy(size_t n, const double *in, const double *param, int lower_tail,
                        int log_flag, double *out)
{
    (void)param, (void)lower_tail, (void)log_flag;
    memcpy(out, in, n * sizeof *in);
}

static void run_job(const struct job *j, size_t n, const double *in, double *out)
{
    static const struct bench_case none = {0};
    const struct bench_case *c = j->c ? j->c : &none;
    j->fn(n, in, c->param, c->lower_tail, c->log_flag, out);
}

/* The quantile function of a row's family ("q" + family) */
static const struct vd_function *f_quantile(const struct bench_case *c)
{
    char name[32];
    snprintf(name, sizeof name, "q%s", vd_function_named(c->function)->family);
    return vd_function_named(name);
}


static volatile double sink;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

#define MAX_SAMPLES 101

struct timing {
    double median, min; /* ns/element */
};

/* Times fn over n elements: one warm-up call, then samples of `calls` calls each until
 * budget seconds have passed (3..MAX_SAMPLES samples); a sample lasts at least ~50 us. */
static struct timing time_it(struct job job, size_t n, const double *in, double *out,
                             double budget)
{
    double t0 = bench_now();
    run_job(&job, n, in, out);
    double once = bench_now() - t0;
    size_t calls = once > 5e-5 ? 1 : (size_t)(5e-5 / (once > 1e-9 ? once : 1e-9)) + 1;
    double samples[MAX_SAMPLES];
    int count = 0;
    if (once > budget) /* a call longer than the budget (the scalar reference at 1e7) counts */
        samples[count++] = once * 1e9 / n;
    double start = bench_now();
    int min_count = count ? 1 : 3; /* a call longer than the budget is sample enough */
    while (count < min_count || (count < MAX_SAMPLES && bench_now() - start < budget)) {
        t0 = bench_now();
        for (size_t c = 0; c < calls; c++)
            run_job(&job, n, in, out);
        double dt = bench_now() - t0;
        double s = 0;
        for (size_t i = 0; i < n; i += 97)
            s += out[i];
        sink += s;
        samples[count++] = dt * 1e9 / ((double)n * calls);
    }
    qsort(samples, count, sizeof *samples, cmp_double);
    return (struct timing){samples[count / 2], samples[0]};
}

/* Elements where got and want differ by more than 1e-9 relative (NaN only matches NaN); for
 * a quantile, relative to max(|want|, 1): near its zero crossing libRmath's own error is
 * large relative to the result (qlogis at p = 0.5 + tiny). */
static size_t count_mismatches(size_t n, const double *got, const double *want, int quantile)
{
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        double g = got[i], w = want[i];
        double scale = quantile && fabs(w) < 1 ? 1 : fabs(w);
        if (isnan(g) || isnan(w) ? isnan(g) != isnan(w) : g != w && !(fabs(g - w) <= 1e-9 * scale))
            bad++;
    }
    return bad;
}

static void fill_inputs(size_t n, int uniform, double *x, double *p, double *log_p)
{
    uint64_t s = 12345;
    for (size_t i = 0; i < n; i++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        double u = ((s >> 11) + 0.5) * 0x1p-53;
        s = s * 6364136223846793005u + 1442695040888963407u;
        double v = ((s >> 11) + 0.5) * 0x1p-53;
        double normal = sqrt(-2 * log(u)) * cos(6.283185307179586 * v); /* Box-Muller */
        x[i] = uniform ? 6 * u - 3 : (i % 10 == 9) ? 20 * u - 10 : normal;
        p[i] = u;
        log_p[i] = log(u);
    }
}

/* "1e5" for powers of ten, the plain number otherwise */
static const char *size_label(size_t n)
{
    static char label[32];
    int e = 0;
    size_t m = n;
    while (m >= 10 && m % 10 == 0)
        m /= 10, e++;
    if (m == 1 && e > 0)
        snprintf(label, sizeof label, "1e%d", e);
    else
        snprintf(label, sizeof label, "%zu", n);
    return label;
}

static int parse_sizes(const char *arg, size_t *sizes, int max)
{
    int count = 0;
    const char *s = arg;
    while (*s && count < max) {
        char *end;
        double v = strtod(s, &end);
        if (end == s || !(v >= 1 && v <= 1e10))
            return 0;
        sizes[count++] = (size_t)v;
        s = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return 0;
    }
    return *s ? 0 : count;
}

static void usage(const char *argv0)
{
    fprintf(stderr,
            "usage: %s [--n N[,N...]] [--time SECONDS] [--filter NAME] [--csv] [--uniform]\n"
            "  --n       array sizes (default 1e3,1e5,1e7)\n"
            "  --time    seconds of samples per cell (default 0.2)\n"
            "  --filter  only the functions whose name contains NAME\n",
            argv0);
}

int main(int argc, char **argv)
{
    size_t sizes[8] = {1000, 100000, 10000000};
    int n_sizes = 3, csv = 0, uniform = 0;
    double budget = 0.2;
    const char *filter = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--n") && i + 1 < argc) {
            if (!(n_sizes = parse_sizes(argv[++i], sizes, 8))) {
                fprintf(stderr, "--n takes sizes such as 1e5 or 1000,1e6\n");
                return 2;
            }
        } else if (!strcmp(argv[i], "--time") && i + 1 < argc) {
            budget = atof(argv[++i]);
        } else if (!strcmp(argv[i], "--filter") && i + 1 < argc) {
            filter = argv[++i];
        } else if (!strcmp(argv[i], "--csv")) {
            csv = 1;
        } else if (!strcmp(argv[i], "--uniform")) {
            uniform = 1;
        } else {
            usage(argv[0]);
            return 2;
        }
    }
    size_t n_max = 0;
    for (int k = 0; k < n_sizes; k++)
        n_max = sizes[k] > n_max ? sizes[k] : n_max;
    double *x = malloc(n_max * sizeof *x), *p = malloc(n_max * sizeof *p);
    double *log_p = malloc(n_max * sizeof *log_p), *out = malloc(n_max * sizeof *out);
    double *want = malloc(n_max * sizeof *want), *sample = malloc(n_max * sizeof *sample);
    if (!x || !p || !log_p || !out || !want || !sample) {
        fprintf(stderr, "out of memory for n = %zu\n", n_max);
        return 1;
    }
    fill_inputs(n_max, uniform, x, p, log_p);
    memset(out, 0, n_max * sizeof *out);
    memset(want, 0, n_max * sizeof *want);

    const char *isas[8];
    int n_isa = 0;
    for (int i = 0; vd_isa_name(i) && n_isa < 8; i++)
        if (vd_isa_supported(vd_isa_name(i)))
            isas[n_isa++] = vd_isa_name(i);
    const char *best = isas[n_isa - 1];

    if (csv)
        printf("function,n,impl,ns_per_element_median,ns_per_element_min,speedup_vs_rmath,"
               "ratio_to_memcpy\n");
    else {
        printf("ns/element, median (min) of samples; (x) = speed-up vs libRmath in this run; "
               "%s/memcpy = time over the memcpy floor\n",
               best);
        printf("dnorm/pnorm inputs: %s; other d/p: samples of their distribution; q: p uniform "
               "on (0, 1)\n",
               uniform ? "uniform on [-3, 3]" : "90% N(0,1) samples, 10% uniform on [-10, 10]");
        printf("%-13s %5s %15s", "function", "n", "libRmath");
        for (int k = 0; k < n_isa; k++)
            printf(" %22s", isas[k]);
        printf(" %11s/memcpy\n", best);
    }
    /* ns/element of each row's slowest column at the last size: rows whose cells would take
     * more than ROW_SECONDS at this size (the gamma family's scalar references at 1e7) are
     * left out and say so */
    enum { N_CASES = sizeof cases / sizeof *cases };
    double slowest[N_CASES] = {0};
    const double ROW_SECONDS = 10;
    for (int k = 0; k < n_sizes; k++) {
        size_t n = sizes[k];
        struct timing floor = time_it((struct job){copy_memcpy, NULL}, n, x, out, budget);
        if (csv)
            printf("memcpy,%zu,memcpy,%.4g,%.4g,,1\n", n, floor.median, floor.min);
        else
            printf("%-13s %5s %6.2f (%6.2f)\n", "memcpy", size_label(n), floor.median, floor.min);
        for (size_t ci = 0; ci < sizeof cases / sizeof *cases; ci++) {
            const struct bench_case *c = &cases[ci];
            if (filter && !strstr(c->label, filter))
                continue;
            const struct vd_function *f = vd_function_named(c->function);
            vd_array_fn rmath = rmath_array(c->function);
            if (slowest[ci] * 1e-9 * n * (n_isa + 2) > ROW_SECONDS) {
                if (!csv)
                    printf("%-13s %5s   (left out: ~%.0f s at %.0f ns/element)\n", c->label,
                           size_label(n), slowest[ci] * 1e-9 * n * (n_isa + 2), slowest[ci]);
                continue;
            }
            const double *in = c->input == INPUT_X ? x : c->input == INPUT_P ? p : log_p;
            if (c->input == INPUT_SAMPLE) { /* inverse transform of the uniform p */
                vd_set_isa("scalar");
                f_quantile(c)->array(n, p, c->param, 1, 0, sample);
                in = sample;
            }
            struct timing r = {NAN, NAN};
            if (rmath)
                r = time_it((struct job){rmath, c}, n, in, want, budget);
            slowest[ci] = isnan(r.median) ? 0 : r.median;
            if (csv) /* labels hold commas ("pexp(upper,log)"): quoted, as RFC 4180 has it */
                printf("\"%s\",%zu,libRmath,%.4g,%.4g,1,%.4g\n", c->label, n, r.median, r.min,
                       r.median / floor.median);
            else
                printf("%-13s %5s %6.2f (%6.2f)", c->label, size_label(n), r.median, r.min);
            size_t mismatches = 0;
            for (int i = 0; i < n_isa; i++) {
                vd_set_isa(isas[i]);
                struct timing t = time_it((struct job){f->array, c}, n, in, out, budget);
                slowest[ci] = t.median > slowest[ci] ? t.median : slowest[ci];
                if (rmath)
                    mismatches += count_mismatches(n, out, want, f->kind == VD_QUANTILE);
                if (csv)
                    printf("\"%s\",%zu,%s,%.4g,%.4g,%.4g,%.4g\n", c->label, n, isas[i], t.median,
                           t.min, r.median / t.median, t.median / floor.median);
                else
                    printf(" %6.2f (%6.2f) %5.1fx", t.median, t.min, r.median / t.median);
                if (!csv && i == n_isa - 1)
                    printf(" %11.1fx", t.median / floor.median);
            }
            if (mismatches)
                fprintf(csv ? stderr : stdout, " MISMATCH: %zu results differ from libRmath%s",
                        mismatches, csv ? "\n" : "");
            if (!csv)
                printf("\n");
        }
    }
    vd_set_isa("auto");
    free(x), free(p), free(log_p), free(out), free(want), free(sample);
    return 0;
}
