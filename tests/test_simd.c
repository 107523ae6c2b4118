/* checkasm-style consistency: every SIMD kernel against the scalar reference, lane by lane,
 * over random and adversarial inputs, every flag combination, lengths 0..67 at unaligned
 * offsets, in place, and a large array. Special values must be bit-identical; finite
 * results within the SIMD budget (4 ULP) of the scalar reference. */
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

#include "testlib.h"
#include "vdist.h"

#define SIMD_BUDGET 4.0
#define N_LARGE 100003 /* not a multiple of any vector width */

enum func { DNORM, PNORM, QNORM };
static const char *const func_names[] = {"dnorm", "pnorm", "qnorm"};

static void run_array(enum func f, size_t n, const double *x, double mu, double sigma,
                      int lower, int logf, double *out)
{
    switch (f) {
    case DNORM: vd_dnorm_array(n, x, mu, sigma, logf, out); break;
    case PNORM: vd_pnorm_array(n, x, mu, sigma, lower, logf, out); break;
    case QNORM: vd_qnorm_array(n, x, mu, sigma, lower, logf, out); break;
    }
}

static double run_scalar(enum func f, double x, double mu, double sigma, int lower, int logf)
{
    switch (f) {
    case DNORM: return vd_dnorm(x, mu, sigma, logf);
    case PNORM: return vd_pnorm(x, mu, sigma, lower, logf);
    case QNORM: return vd_qnorm(x, mu, sigma, lower, logf);
    }
    return NAN;
}

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
static void fill_inputs(enum func f, int logf, double *x, size_t n)
{
    size_t i = 0;
    for (; i < n && i < N_ADV; i++)
        x[i] = adversarial_x[i];
    for (; i < n; i++) {
        double u = rng_unit();
        switch (rng_next() % 4) {
        case 0: /* body */
            x[i] = (f == QNORM && !logf) ? u : (f == QNORM ? -4 * u : 12 * u - 6);
            break;
        case 1: /* tails, log-uniform magnitude */
            x[i] = (f == QNORM && !logf) ? pow(10, -320 * u) : -pow(10, 6 * u - 3);
            if (f != QNORM && (rng_next() & 1))
                x[i] = -x[i];
            break;
        case 2: /* very far, and log p to -1e300 */
            x[i] = (f == QNORM) ? (logf ? -pow(10, 600 * u - 300) : 1 - pow(10, -17 * u))
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

static const double param_sets[][2] = {
    {0, 1}, {0.5, 2}, {-3, 0.25}, {1e10, 1e-3}, {-1e5, 1e5}, {0, 1e-290}, {1e300, 1e290},
    {3, 0x1p-1000}, {0, 0x1p1000}, {NAN, 1}, {0, NAN}, {0, -1}, {0, 0}, {INFINITY, 1},
    {0, INFINITY}, {2, DBL_TRUE_MIN},
};
#define N_PARAMS (sizeof param_sets / sizeof *param_sets)

static int check_one_isa(enum func f, const char *isa)
{
    int failures = 0, reported = 0;
    size_t checked = 0;
    double worst = 0;
    double *x = malloc(N_LARGE * sizeof *x), *ref = malloc(N_LARGE * sizeof *ref);
    double *big = malloc(N_LARGE * sizeof *big), *buf = malloc(80 * sizeof *buf);
    double *inplace = malloc(80 * sizeof *inplace);
    assert_int_equal(vd_set_isa(isa), 0);
    for (size_t ps = 0; ps < N_PARAMS; ps++) {
        double mu = param_sets[ps][0], sigma = param_sets[ps][1];
        int n_flags = f == DNORM ? 2 : 4;
        for (int fl = 0; fl < n_flags; fl++) {
            int lower = f == DNORM ? 1 : !(fl & 2), logf = fl & 1;
            /* big parameter sets get fewer elements: the first ones are the most varied */
            size_t n = ps < 5 ? N_LARGE : N_LARGE / 10;
            fill_inputs(f, logf, x, n);
            for (size_t i = 0; i < n; i++)
                ref[i] = run_scalar(f, x[i], mu, sigma, lower, logf);
            run_array(f, n, x, mu, sigma, lower, logf, big);
            for (size_t i = 0; i < n; i++, checked++) {
                int special = !isfinite(ref[i]) || ref[i] == 0 || !isfinite(big[i]) || big[i] == 0;
                /* a quantile mu + sigma z is judged on the scale of mu too */
                double err = special      ? (same_bits(big[i], ref[i]) ? 0 : INFINITY)
                             : f == QNORM ? ulp_error_scaled(big[i], ref[i], fabs(mu) + fabs(ref[i] - mu))
                                          : ulp_error(big[i], ref[i], 0);
                if (err > worst && isfinite(err))
                    worst = err;
                if (!(err <= SIMD_BUDGET)) {
                    failures++;
                    if (reported++ < 10)
                        printf("  %s %s(%.17g, %.17g, %.17g, lower=%d, log=%d): simd %.17g "
                               "scalar %.17g (%.3g ULP)\n",
                               isa, func_names[f], x[i], mu, sigma, lower, logf, big[i], ref[i],
                               err);
                }
            }
            /* lengths 0..67 at every offset, and in place: same bits as the large run */
            for (size_t len = 0; len <= 67; len++) {
                for (size_t off = 0; off < 4; off++) {
                    size_t start = (len * 7 + off * 13) % (n - 80);
                    for (size_t i = 0; i < 80; i++)
                        buf[i] = -12345.0; /* sentinel */
                    run_array(f, len, x + start, mu, sigma, lower, logf, buf + off);
                    memcpy(inplace + off, x + start, len * sizeof *x);
                    run_array(f, len, inplace + off, mu, sigma, lower, logf, inplace + off);
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
                                       isa, func_names[f], len, off, i, buf[i],
                                       inside ? big[start + i - off] : -12345.0);
                        }
                    }
                }
            }
        }
    }
    printf("%s %-6s: %zu elements vs scalar, worst %.3g ULP, %d failures\n", func_names[f], isa,
           checked, worst, failures);
    free(x), free(ref), free(big), free(buf), free(inplace);
    return failures;
}

static void check_function(enum func f)
{
    const char *isas[4];
    int n = supported_isas(isas), failures = 0;
    for (int i = 0; i < n; i++)
        failures += check_one_isa(f, isas[i]);
    vd_set_isa("auto");
    assert_int_equal(failures, 0);
}

static void test_dnorm(void **state) { (void)state; check_function(DNORM); }
static void test_pnorm(void **state) { (void)state; check_function(PNORM); }
static void test_qnorm(void **state) { (void)state; check_function(QNORM); }

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dnorm),
        cmocka_unit_test(test_pnorm),
        cmocka_unit_test(test_qnorm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
