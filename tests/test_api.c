/* The API contract: Rmath's special values and boundaries (hard-coded, and against libRmath
 * itself when it is available), errno untouched, n == 0, and the ISA dispatcher (vd_set_isa,
 * vd_get_isa, VDIST_ISA). Usage: test_api [--expect-isa NAME] */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pthread.h>

#include "testlib.h"
#include "vdist.h"

#ifdef HAVE_RMATH
#define MATHLIB_STANDALONE
#include <Rmath.h>
#endif

static const char *expected_isa;

#define CHECK_SAME(got, want)                                                                  \
    do {                                                                                       \
        double g_ = (got), w_ = (want);                                                        \
        if (!same_bits(g_, w_))                                                                \
            fail_msg("%s = %.17g, want %.17g", #got, g_, w_);                                 \
    } while (0)

static void test_norm_special_values(void **state)
{
    (void)state;
    /* NaN in, NaN out; invalid sigma */
    CHECK_SAME(vd_dnorm(NAN, 0, 1, 0), NAN);
    CHECK_SAME(vd_pnorm(0, NAN, 1, 1, 0), NAN);
    CHECK_SAME(vd_qnorm(0.5, 0, NAN, 1, 0), NAN);
    CHECK_SAME(vd_dnorm(0, 0, -1, 0), NAN);
    CHECK_SAME(vd_pnorm(0, 0, -1, 1, 0), NAN);
    CHECK_SAME(vd_qnorm(0.5, 0, -1, 1, 0), NAN);
    /* point mass at mu */
    CHECK_SAME(vd_dnorm(1, 1, 0, 0), INFINITY);
    CHECK_SAME(vd_dnorm(1, 1, 0, 1), INFINITY);
    CHECK_SAME(vd_dnorm(2, 1, 0, 0), 0.0);
    CHECK_SAME(vd_dnorm(2, 1, 0, 1), -INFINITY);
    CHECK_SAME(vd_pnorm(0.5, 1, 0, 1, 0), 0.0);
    CHECK_SAME(vd_pnorm(1, 1, 0, 1, 0), 1.0);
    CHECK_SAME(vd_pnorm(1, 1, 0, 0, 1), -INFINITY);
    CHECK_SAME(vd_qnorm(0.3, 7, 0, 1, 0), 7.0);
    /* infinities */
    CHECK_SAME(vd_dnorm(INFINITY, 0, 1, 0), 0.0);
    CHECK_SAME(vd_dnorm(-INFINITY, 0, 1, 1), -INFINITY);
    CHECK_SAME(vd_dnorm(INFINITY, INFINITY, 1, 0), NAN);
    CHECK_SAME(vd_dnorm(0, 0, INFINITY, 0), 0.0);
    CHECK_SAME(vd_pnorm(INFINITY, 0, 1, 1, 0), 1.0);
    CHECK_SAME(vd_pnorm(-INFINITY, 0, 1, 1, 1), -INFINITY);
    CHECK_SAME(vd_pnorm(INFINITY, INFINITY, 1, 1, 0), NAN);
    CHECK_SAME(vd_pnorm(0, INFINITY, 1, 1, 0), 0.0);
    CHECK_SAME(vd_pnorm(3, 0, INFINITY, 1, 0), 0.5);
    /* quantile boundaries, both tails, both scales */
    CHECK_SAME(vd_qnorm(0, 0, 1, 1, 0), -INFINITY);
    CHECK_SAME(vd_qnorm(1, 0, 1, 1, 0), INFINITY);
    CHECK_SAME(vd_qnorm(0, 0, 1, 0, 0), INFINITY);
    CHECK_SAME(vd_qnorm(1, 0, 1, 0, 0), -INFINITY);
    CHECK_SAME(vd_qnorm(-INFINITY, 0, 1, 1, 1), -INFINITY);
    CHECK_SAME(vd_qnorm(0, 0, 1, 1, 1), INFINITY);
    CHECK_SAME(vd_qnorm(1.5, 0, 1, 1, 0), NAN);
    CHECK_SAME(vd_qnorm(-0.1, 0, 1, 1, 0), NAN);
    CHECK_SAME(vd_qnorm(0.1, 0, 1, 1, 1), NAN);
    CHECK_SAME(vd_qnorm(0.5, 3, 2, 1, 0), 3.0);
    /* the tails libRmath flushes: pnorm(-38) is a positive subnormal */
    double p = vd_pnorm(-38, 0, 1, 1, 0);
    assert_true(p > 0 && p < DBL_MIN);
    assert_true(vd_pnorm(-1e5, 0, 1, 1, 1) < -5e9);
    assert_true(isfinite(vd_qnorm(-1e300, 0, 1, 1, 1)));
}

static void test_errno_untouched(void **state)
{
    (void)state;
    double x[3] = {-40, 40, -1e200}, out[3];
    errno = 1234;
    vd_pnorm(-40, 0, 1, 1, 0);
    vd_dnorm(1e200, 0, 1, 0);
    vd_qnorm(DBL_TRUE_MIN, 0, 1, 1, 0);
    vd_pnorm_array(3, x, 0, 1, 1, 0, out);
    vd_dnorm_array(3, x, 0, 1, 0, out);
    assert_int_equal(errno, 1234);
}

static void test_n_zero(void **state)
{
    (void)state;
    double out = 42;
    vd_dnorm_array(0, NULL, 0, 1, 0, &out);
    vd_pnorm_array(0, NULL, 0, 1, 1, 0, &out);
    vd_qnorm_array(0, NULL, 0, 1, 1, 0, &out);
    assert_true(out == 42);
}

static void test_dispatch(void **state)
{
    (void)state;
    const char *start = vd_get_isa();
    const char *isas[MAX_ISAS];
    int n = supported_isas(isas);
    if (expected_isa) /* "best": an unknown VDIST_ISA means auto */
        assert_string_equal(start, strcmp(expected_isa, "best") ? expected_isa : isas[n - 1]);
    assert_int_equal(vd_set_isa("no-such-isa"), -1);
    assert_string_equal(vd_get_isa(), start);
    assert_int_equal(vd_set_isa(NULL), -1);
    assert_int_equal(vd_set_isa("scalar"), 0);
    assert_string_equal(vd_get_isa(), "scalar");
    for (int i = 0; i < n; i++) {
        assert_int_equal(vd_set_isa(isas[i]), 0);
        assert_string_equal(vd_get_isa(), isas[i]);
    }
#if defined(__x86_64__)
    assert_int_equal(vd_set_isa("neon"), -1); /* not built for this machine */
#elif defined(__aarch64__)
    assert_int_equal(vd_set_isa("avx2"), -1);
    assert_true(vd_isa_supported("neon"));
#endif
    assert_int_equal(vd_set_isa("auto"), 0);
    assert_string_equal(vd_get_isa(), isas[n - 1]); /* auto = the best one */
#if defined(__x86_64__)
    /* x86-64 builds AVX-512 wherever the compiler takes it; a machine without it says so */
    assert_int_equal(vd_set_isa("avx512"), vd_isa_supported("avx512") ? 0 : -1);
    vd_set_isa("auto");
#endif
}

/* vd_isa_name: "scalar" first, every name once, NULL past the end and for negative i; every
 * name vd_set_isa knows (and only those) */
static void test_isa_names(void **state)
{
    (void)state;
    assert_string_equal(vd_isa_name(0), "scalar");
    assert_null(vd_isa_name(-1));
    int count = 0;
    while (vd_isa_name(count))
        count++;
    assert_int_equal(count, 4);
    assert_null(vd_isa_name(count + 1));
    for (int i = 0; i < count; i++) {
        for (int j = 0; j < i; j++)
            assert_string_not_equal(vd_isa_name(i), vd_isa_name(j));
        /* a name vd_set_isa takes exactly when the ISA runs here */
        assert_int_equal(vd_set_isa(vd_isa_name(i)) == 0, vd_isa_supported(vd_isa_name(i)));
    }
    vd_set_isa("auto");
    assert_false(vd_isa_supported("auto")); /* not an ISA of its own */
}

#ifdef TEST_THREADS
/* Threads evaluating arrays while another switches the ISA back and forth: every result
 * stays within the SIMD budget of the scalar reference (and nothing crashes). Native builds
 * only: under qemu-user here even a bare pthread_create/join never returns. */
enum { THREAD_N = 400 };
static double thread_x[THREAD_N], thread_ref[THREAD_N];

static void *evaluate_repeatedly(void *arg)
{
    double out[THREAD_N];
    long bad = 0;
    for (int r = 0; r < 50; r++) {
        vd_pnorm_array(THREAD_N, thread_x, 0, 1, 1, 0, out);
        for (int i = 0; i < THREAD_N; i++)
            bad += !(ulp_error(out[i], thread_ref[i], 0) <= 4);
    }
    *(long *)arg = bad;
    return NULL;
}

static void test_threads_and_isa_switching(void **state)
{
    (void)state;
    for (int i = 0; i < THREAD_N; i++) {
        thread_x[i] = -40 + 80.0 * i / THREAD_N;
        thread_ref[i] = vd_pnorm(thread_x[i], 0, 1, 1, 0);
    }
    pthread_t threads[3];
    long bad[3];
    for (int t = 0; t < 3; t++)
        assert_int_equal(pthread_create(&threads[t], NULL, evaluate_repeatedly, &bad[t]), 0);
    const char *isas[MAX_ISAS];
    int n = supported_isas(isas);
    for (int r = 0; r < 500; r++)
        assert_int_equal(vd_set_isa(isas[r % n]), 0);
    for (int t = 0; t < 3; t++) {
        pthread_join(threads[t], NULL);
        assert_int_equal(bad[t], 0);
    }
    vd_set_isa("auto");
}
#endif

#ifdef HAVE_RMATH
/* Points of the conformance grid where libRmath's answer is an artifact of its arithmetic,
 * not R's semantics; vdist gives the true value there (the golden data checks values). */
static int rmath_artifact(const char *func, double x, const double *param, int lower_tail,
                          int log_p)
{
    /* qlogis upper tail: Rmath's log((1 - p)/p) overflows to +Inf for p < 1/DBL_MAX; the true
     * quantile is at most 745 scales above the location */
    if (!strcmp(func, "qlogis"))
        return !lower_tail && !log_p && x == DBL_TRUE_MIN;
    /* dweibull, pweibull: Rmath's x/scale underflows to 0 (a log of -Inf); vdist works with
     * log x - log scale */
    int dweibull = !strcmp(func, "dweibull");
    if ((dweibull || !strcmp(func, "pweibull")) && x > 0 && x / param[1] == 0)
        return 1;
    /* dweibull: Rmath's (x/scale)^(shape - 1) overflows and meets exp(-Inf) = 0 as NaN; the
     * density there is 0 */
    if (dweibull && isfinite(x) && pow(x / param[1], param[0] - 1) == INFINITY)
        return 1;
    /* dgamma, dchisq: Rmath's x/scale underflows to 0 and its dpois_raw(shape, 0) gives 0;
     * the density is positive (dgamma(5e-324, 0.5, 2) = 1.7948e161 by mpmath) */
    int dchisq = !strcmp(func, "dchisq");
    if ((dchisq || !strcmp(func, "dgamma")) && x > 0 && x / (dchisq ? 2 : param[1]) == 0)
        return 1;
    /* qgamma, qchisq with log p at -1e300 or within DBL_MIN of 0: Rmath's qgamma works with
     * p = e^(log p) (and 1 - p) there and returns -Inf, NaN, Inf or a value ~1e-3 off; true
     * values by mpmath: qgamma(-1e300, 1, 1, upper, log) = 1e300 (Rmath NaN),
     * qgamma(-5e-324, 2.5, 1, upper, log) = 754.0956563659132 (Rmath 755.4498),
     * qchisq(-1e300, 5, upper, log) = 2e300 (Rmath Inf); likewise p below DBL_MIN:
     * qgamma(5e-324, 3, 0.5) = 1.5474453017462107e-108 (Rmath ...62362e-108, 1.6e-14 off) */
    if ((!strcmp(func, "qgamma") || !strcmp(func, "qchisq")) &&
        (log_p ? x <= -1e300 || (x < 0 && x > -DBL_MIN) : x > 0 && x < DBL_MIN))
        return 1;
    return 0;
}

/* Rmath's incomplete gamma ratio (pgamma, and ppois and pchisq through it) and its qgamma
 * (Newton steps that stop at a relative 1e-15 or so) are good to ~1e-15 relative, not to a
 * few ULP: at the grid's points they are off by up to ~40 ULP where vdist agrees with
 * mpmath to within 1, e.g. pchisq(3, 3.5) = 0.47666453180516712 (Rmath ...16777, 11 ULP),
 * pgamma(1 - 2^-53, 1, 1, upper, log) = -0.99999999999999989 (Rmath ...99933, 5 ULP),
 * qchisq(0.5, 3.5) = 2.8605894030665504 (Rmath ...65548, 10 ULP), qgamma(5e-324, 2.5, 1,
 * upper) = 7.6938611805812850e-130 (Rmath ...12241e-130, 38 ULP), qpois(-1e300, 3, upper,
 * log) = 1.46594966100171..e297 (Rmath 8 ULP higher, its search's 1e-15 relative stop).
 * Their finite values are compared at 64 ULP (the golden data judges accuracy). */
static int rmath_loose(const char *func)
{
    static const char *const loose[] = {"pgamma", "qgamma", "pchisq", "qchisq", "ppois", "qpois"};
    for (size_t i = 0; i < sizeof loose / sizeof *loose; i++)
        if (!strcmp(func, loose[i]))
            return 1;
    return 0;
}

/* ULPs between got and Rmath's want, on the scale Rmath's own rounding has there: a quantile
 * location + scale z on the scale of its terms (`scale`), two quantiles computed through an
 * exponential or a power, and a log density whose terms cancel. */
static double rmath_error(const char *func, double x, const double *param, int log_flag,
                          double got, double want, double scale)
{
    /* qlnorm is exp(meanlog + sdlog z): the rounding of that sum, on the scale of its terms,
     * is judged on log q */
    if (!strcmp(func, "qlnorm")) {
        double lq = log(want);
        return ulp_error_scaled(log(got), lq, fabs(param[0]) + fabs(lq - param[0]));
    }
    /* qweibull is scale y^(1/shape) with 1/shape rounded: the same on log q = log scale +
     * log(y)/shape */
    if (!strcmp(func, "qweibull")) {
        double lq = log(want), ls = log(param[1]);
        return ulp_error_scaled(log(got), lq, fabs(ls) + fabs(lq - ls));
    }
    /* log dweibull is log(shape/scale) + (shape - 1) log(x/scale) - (x/scale)^shape */
    if (!strcmp(func, "dweibull") && log_flag && x > 0) {
        double t = x / param[1];
        scale = fabs(log(param[0] / param[1])) + fabs((param[0] - 1) * log(t)) + pow(t, param[0]);
    }
    if (rmath_loose(func))
        return ulp_error_scaled(got, want, scale) / 16;
    return ulp_error_scaled(got, want, scale);
}

/* Rmath's own answers for the special cases, every function of the registry, under every
 * ISA: specials (NaN, Inf, 0) bit for bit, finite values within 4 ULP (Rmath is accurate at
 * these points). */
static void test_rmath_conformance(void **state)
{
    (void)state;
    static const double xs[] = {NAN, INFINITY, -INFINITY, 0, -0.0, 1, -1, 3, 1e300, -1e300,
                                DBL_TRUE_MIN, 0.5, 0.075, 1 - 0x1p-53};
    size_t n_functions;
    const struct vd_function *functions = vd_functions(&n_functions);
    const char *isas[MAX_ISAS];
    int n_isa = supported_isas(isas), mismatches = 0;
    for (size_t fi = 0; fi < n_functions; fi++) {
        const struct vd_function *f = &functions[fi];
        const struct family_tests *ft = family_tests(f->family);
        vd_scalar_fn rmath = rmath_scalar(f->name);
        assert_non_null(ft);
        assert_non_null(rmath);
        for (int k = 0; k < n_isa; k++) {
            vd_set_isa(isas[k]);
            for (size_t i = 0; i < sizeof xs / sizeof *xs; i++)
                for (size_t j = 0; j < ft->n_rmath_sets; j++)
                    for (int fl = 0; fl < 4; fl++) {
                        const double *param = ft->rmath_sets[j];
                        int lower = !(fl & 2), lg = fl & 1;
                        double x = xs[i], got;
                        if (f->kind == VD_QUANTILE && lg && x > 0)
                            x = -x; /* log p <= 0 mostly */
                        if (rmath_artifact(f->name, x, param, lower, lg))
                            continue;
                        f->array(1, &x, param, lower, lg, &got);
                        double want = rmath(x, param, lower, lg);
                        double location = ft->location >= 0 ? param[ft->location] : 0;
                        int special = !isfinite(want) || want == 0;
                        /* where Rmath flushes a subnormal result to 0, a value within the
                         * subnormal accuracy rule (2 DBL_TRUE_MIN) is the true one; in log
                         * space its -Inf is the log of such a 0, and a finite log below
                         * log(2 DBL_TRUE_MIN) the true one */
                        int flushed = (want == 0 && got != 0 && fabs(got) <= 2 * DBL_TRUE_MIN) ||
                                      (lg && f->kind != VD_QUANTILE && want == -INFINITY &&
                                       isfinite(got) && got < log(2 * DBL_TRUE_MIN));
                        int ok = flushed ? 1
                               : special ? same_bits(got, want)
                                         : rmath_error(f->name, x, param, lg, got, want,
                                                       f->kind == VD_QUANTILE
                                                           ? fabs(location) + fabs(want - location)
                                                           : 0) <= 4;
                        if (!ok && mismatches++ < 20)
                            printf("%s %s(%g, param %g %g, lower=%d, log=%d) = %.17g, Rmath %.17g\n",
                                   isas[k], f->name, x, param[0], param[1], lower, lg, got, want);
                    }
        }
    }
    vd_set_isa("auto");
    assert_int_equal(mismatches, 0);
}

/* A location-scale quantile whose scale z overflows is +-Inf, as Rmath's location + scale z
 * (not the NaN a compensated sum of Inf gives), under every ISA. */
static void test_quantile_scale_overflow(void **state)
{
    (void)state;
    static const char *const quantiles[] = {"qnorm", "qlogis", "qcauchy"};
    static const double ps[] = {0.999, 0.001, 1e-300};
    const double param[2] = {1, 1e308};
    const char *isas[MAX_ISAS];
    int n_isa = supported_isas(isas);
    for (int k = 0; k < n_isa; k++) {
        vd_set_isa(isas[k]);
        for (size_t q = 0; q < sizeof quantiles / sizeof *quantiles; q++) {
            const struct vd_function *f = vd_function_named(quantiles[q]);
            vd_scalar_fn rmath = rmath_scalar(f->name);
            for (size_t i = 0; i < sizeof ps / sizeof *ps; i++)
                for (int lower = 0; lower <= 1; lower++) {
                    double got, want = rmath(ps[i], param, lower, 0);
                    f->array(1, &ps[i], param, lower, 0, &got);
                    assert_true(isinf(want));
                    if (!same_bits(got, want))
                        fail_msg("%s %s(%g, 1, 1e308, lower=%d) = %g, Rmath %g", isas[k],
                                 f->name, ps[i], lower, got, want);
                }
        }
    }
    vd_set_isa("auto");
}
#endif

/* The registry names every function once, d p q per family, with calling forms that are the
 * public functions themselves. */
static void test_registry(void **state)
{
    (void)state;
    size_t n;
    const struct vd_function *f = vd_functions(&n);
    assert_true(n >= 3 && n % 3 == 0);
    for (size_t i = 0; i < n; i++) {
        assert_ptr_equal(vd_function_named(f[i].name), &f[i]);
        assert_int_equal(f[i].kind, (enum vd_kind)(i % 3));
        assert_true(f[i].n_params >= 1 && f[i].n_params <= VD_MAX_PARAMS);
        assert_true(strchr("dpq", f[i].name[0]) && !strcmp(f[i].name + 1, f[i].family));
    }
    assert_null(vd_function_named("pnrom"));
    assert_null(vd_function_named(NULL));
    const struct vd_function *p = vd_function_named("pnorm");
    assert_non_null(p);
    assert_string_equal(p->param_name[1], "sd");
    double x[3] = {-1.5, 0.25, 7}, got[3], want[3];
    const double param[2] = {0.5, 2};
    p->array(3, x, param, 0, 1, got);
    vd_pnorm_array(3, x, 0.5, 2, 0, 1, want);
    for (int i = 0; i < 3; i++) {
        assert_true(same_bits(got[i], want[i]));
        assert_true(same_bits(p->scalar(x[i], param, 0, 1), vd_pnorm(x[i], 0.5, 2, 0, 1)));
    }
    const struct vd_function *d = vd_function_named("dnorm");
    assert_true(same_bits(d->scalar(0.5, param, 0, 1), vd_dnorm(0.5, 0.5, 2, 1)));
}

int main(int argc, char **argv)
{
    for (int i = 1; i + 1 < argc; i++)
        if (!strcmp(argv[i], "--expect-isa"))
            expected_isa = argv[i + 1];
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dispatch), /* first: checks the ISA chosen at first use */
        cmocka_unit_test(test_isa_names),
        cmocka_unit_test(test_norm_special_values),
        cmocka_unit_test(test_errno_untouched),
        cmocka_unit_test(test_n_zero),
        cmocka_unit_test(test_registry),
#ifdef TEST_THREADS
        cmocka_unit_test(test_threads_and_isa_switching),
#endif
#ifdef HAVE_RMATH
        cmocka_unit_test(test_rmath_conformance),
        cmocka_unit_test(test_quantile_scale_overflow),
#endif
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
