/* checkasm-style consistency: every SIMD kernel against the scalar reference, lane by lane,
 * over random and adversarial inputs, every flag combination, lengths 0..67 at unaligned
 * offsets, in place, and a large array. Special values must be bit-identical; finite
 * results within the function's SIMD budget of the scalar reference (tests/data/
 * ulp_budget.tsv, the "*" region: DESIGN.md's target per family, 4 ULP for the closed
 * forms, 16 for the gamma family). */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "per_function.h"
#include "testlib.h"
#include "vdist.h"

#ifndef N_LARGE /* cross builds under qemu take fewer (meson passes -DN_LARGE) */
#define N_LARGE 100003 /* not a multiple of any vector width */
#endif

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static uint64_t rng_next(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}
static double rng_unit(void) { return (rng_next() >> 11) * 0x1p-53; }

/* Values where the kernels switch methods or break, and the IEEE specials. */
static const double adversarial_x[] = {
    NAN, -NAN, INFINITY, -INFINITY, 0.0, -0.0, DBL_TRUE_MIN, -DBL_TRUE_MIN, DBL_MIN, -DBL_MIN,
    DBL_MAX, -DBL_MAX, 1e-300, -1e-300, 1e300, -1e300, 1e154, -1e154, 1e150, -1e150,
    2, -2, 0x1.0000000000001p1, -0x1.0000000000001p1, 4, -4, 0x1.0000000000001p2,
    37, -37, 37.5, -37.5, 38.4, -38.4, 38.5, -38.5, 38.6, -38.6, 40, -40,
    1, -1, 0.5, -0.5, 0.075, 0.925, 0.425, 0.575, 1 - 0x1p-53, 0x1p-36, 0x1p-37, 1 - 0x1p-36,
    -2.5902671654458267, -0.07796154146971186, -25, -25.000001, -24.99999, -0x1p-36,
    -1e-300, -1e300, -DBL_MAX, -0.6931471805599453, -1e-20, 26.5, -26.5, 1e-10, -1e-10,
};
#define N_ADV (sizeof adversarial_x / sizeof *adversarial_x)

/* Inputs for one function and flag set: adversarial values, then random ones spread over
 * the domain (linear near the body, log-uniform magnitudes out to the far tails). */
static void fill_inputs(const struct vd_function *f, int logf, double *x, size_t n)
{
    size_t i = 0;
    for (; i < n && i < N_ADV; i++)
        x[i] = adversarial_x[i];
    int quantile = f->kind == VD_QUANTILE;
    for (; i < n; i++) {
        double u = rng_unit();
        switch (rng_next() % 4) {
        case 0: /* body */
            x[i] = (quantile && !logf) ? u : (quantile ? -4 * u : 12 * u - 6);
            break;
        case 1: /* tails, log-uniform magnitude */
            x[i] = (quantile && !logf) ? pow(10, -320 * u) : -pow(10, 6 * u - 3);
            if (!quantile && (rng_next() & 1))
                x[i] = -x[i];
            break;
        case 2: /* very far, and log p to -1e300 */
            x[i] = quantile ? (logf ? -pow(10, 600 * u - 300) : 1 - pow(10, -17 * u))
                                : (rng_next() & 1 ? 1 : -1) * pow(10, 160 * u - 2);
            break;
        default: /* any bit pattern */
        {
            uint64_t b = rng_next();
            memcpy(&x[i], &b, sizeof b);
        }
        }
    }
}

static int check_one_isa(const struct vd_function *f, const char *isa)
{
    const struct family_tests *ft = family_tests(f->family);
    int failures = 0, reported = 0;
    size_t checked = 0;
    double worst = 0;
    double *x = malloc(N_LARGE * sizeof *x), *ref = malloc(N_LARGE * sizeof *ref);
    double *big = malloc(N_LARGE * sizeof *big), *buf = malloc(80 * sizeof *buf);
    double *inplace = malloc(80 * sizeof *inplace);
    assert_int_equal(vd_set_isa(isa), 0);
    double budget = ulp_budget(f->name, "*", "simd");
    assert_true(budget > 0);
    for (size_t ps = 0; ps < ft->n_param_sets; ps++) {
        const double *param = ft->param_sets[ps];
        /* a quantile loc + scale z is judged on the scale of the location too */
        double location = ft->location >= 0 ? param[ft->location] : 0;
        int n_flags = f->kind == VD_DENSITY ? 2 : 4;
        for (int fl = 0; fl < n_flags; fl++) {
            int lower = f->kind == VD_DENSITY ? 1 : !(fl & 2), logf = fl & 1;
            /* big parameter sets get fewer elements: the first ones are the most varied;
             * the scalar ISA's _array is a loop over the reference itself, so it needs the
             * length and aliasing checks more than the numbers */
            size_t n = (ps < 5 ? N_LARGE : N_LARGE / 10) / ft->simd_divisor;
            if (!strcmp(isa, "scalar"))
                n /= 10;
            if (n < 160) /* the length checks below take their slices from the large run */
                n = 160;
            fill_inputs(f, logf, x, n);
            for (size_t i = 0; i < n; i++)
                ref[i] = f->scalar(x[i], param, lower, logf);
            f->array(n, x, param, lower, logf, big);
            for (size_t i = 0; i < n; i++, checked++) {
                int special = !isfinite(ref[i]) || ref[i] == 0 || !isfinite(big[i]) || big[i] == 0;
                double err = special ? (same_bits(big[i], ref[i]) ? 0 : INFINITY)
                             : f->kind == VD_QUANTILE
                                 ? ulp_error_scaled(big[i], ref[i],
                                                    fabs(location) + fabs(ref[i] - location))
                                 : ulp_error(big[i], ref[i], 0);
                if (err > worst && isfinite(err))
                    worst = err;
                if (!(err <= budget)) {
                    failures++;
                    if (reported++ < 10)
                        printf("  %s %s(%.17g, param set %zu, lower=%d, log=%d): simd %.17g "
                               "scalar %.17g (%.3g ULP)\n",
                               isa, f->name, x[i], ps, lower, logf, big[i], ref[i], err);
                }
            }
            /* lengths 0..67 at every offset (one offset per length where the oracle is
             * slow), and in place: same bits as the large run */
            for (size_t len = 0; len <= 67; len++) {
                size_t first_off = ft->simd_divisor > 1 ? len % 4 : 0;
                size_t end_off = ft->simd_divisor > 1 ? first_off + 1 : 4;
                for (size_t off = first_off; off < end_off; off++) {
                    size_t start = (len * 7 + off * 13) % (n - 80);
                    for (size_t i = 0; i < 80; i++)
                        buf[i] = -12345.0; /* sentinel */
                    f->array(len, x + start, param, lower, logf, buf + off);
                    memcpy(inplace + off, x + start, len * sizeof *x);
                    f->array(len, inplace + off, param, lower, logf, inplace + off);
                    for (size_t i = 0; i < 80; i++) {
                        int inside = i >= off && i < off + len;
                        int ok = inside ? same_bits(buf[i], big[start + i - off]) &&
                                              same_bits(inplace[i], big[start + i - off])
                                        : buf[i] == -12345.0;
                        if (!ok) {
                            failures++;
                            if (reported++ < 10)
                                printf("  %s %s len %zu offset %zu element %zu: %.17g vs %.17g "
                                       "in the large run\n",
                                       isa, f->name, len, off, i, buf[i],
                                       inside ? big[start + i - off] : -12345.0);
                        }
                    }
                }
            }
        }
    }
    printf("%s %-6s: %zu elements vs scalar, worst %.3g ULP, %d failures\n", f->name, isa,
           checked, worst, failures);
    free(x), free(ref), free(big), free(buf), free(inplace);
    return failures;
}

/* Two SIMD ISAs of one machine (AVX2 and AVX-512) run the same kernels lane by lane: their
 * results must be the same bits, not only within the budget of the scalar reference. */
static int check_isas_agree(const struct vd_function *f, const char *isa_a, const char *isa_b)
{
    const struct family_tests *ft = family_tests(f->family);
    int failures = 0;
    size_t n = N_LARGE / 10 / ft->simd_divisor;
    double *x = malloc(n * sizeof *x), *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    for (size_t ps = 0; ps < ft->n_param_sets; ps++) {
        for (int fl = 0; fl < (f->kind == VD_DENSITY ? 2 : 4); fl++) {
            int lower = f->kind == VD_DENSITY ? 1 : !(fl & 2), logf = fl & 1;
            fill_inputs(f, logf, x, n);
            assert_int_equal(vd_set_isa(isa_a), 0);
            f->array(n, x, ft->param_sets[ps], lower, logf, a);
            assert_int_equal(vd_set_isa(isa_b), 0);
            f->array(n, x, ft->param_sets[ps], lower, logf, b);
            for (size_t i = 0; i < n; i++)
                if (!same_bits(a[i], b[i]) && failures++ < 10)
                    printf("  %s(%.17g, param set %zu, lower=%d, log=%d): %s %.17g, %s %.17g\n",
                           f->name, x[i], ps, lower, logf, isa_a, a[i], isa_b, b[i]);
        }
    }
    printf("%s %s = %s: %d differ\n", f->name, isa_a, isa_b, failures);
    free(x), free(a), free(b);
    return failures;
}

/* One test per function of the registry, under every ISA. */
static void check_function(void **state)
{
    const struct vd_function *f = *state;
    const char *isas[MAX_ISAS];
    int n = supported_isas(isas), failures = 0;
    for (int i = 0; i < n; i++)
        failures += check_one_isa(f, isas[i]);
    for (int i = 2; i < n; i++) /* isas[0] is scalar */
        failures += check_isas_agree(f, isas[1], isas[i]);
    vd_set_isa("auto");
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ulp_budget.tsv", argc > 1 ? argv[1] : "tests/data");
    if (ulp_budget_load(path) <= 0)
        return 1;
    return run_per_function("simd-vs-scalar", check_function);
}
