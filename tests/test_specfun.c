/* The special-function core (src/scalar/specfun.h) on its own: every row of
 * tests/data/specfun.tsv (mpmath, tests/golden/gen_specfun.py) per function and region, the
 * hi part in ULP of the true value against tests/data/ulp_budget.tsv (isa "scalar"), the
 * double-double pair's relative error against PAIR_BUDGET; then each function's special
 * values. Usage: test_specfun [DATA_DIR]; VDIST_SHOW_WORST=1 prints every region's worst row. */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "specfun.h"
#include "testlib.h"

/* hi + lo within 2^-60 of the true value, relative (where the true value is a normal double
 * beyond 2^-960, so that lo has all of its digits) */
#define PAIR_BUDGET 0x1p-60

static const char *data_dir = "tests/data";

struct specfun_row {
    char func[16], region[24];
    double x, y, want, want_lo;
};
static struct specfun_row *rows;
static size_t n_rows;

static size_t load_rows(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot open %s\n", path);
        return 0;
    }
    size_t n = 0, cap = 0;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 4096;
            struct specfun_row *grown = realloc(rows, cap * sizeof *rows);
            if (!grown)
                break;
            rows = grown;
        }
        struct specfun_row *r = &rows[n];
        char x[64], y[64], want[64], want_lo[64];
        if (sscanf(line, "%15s %23s %63s %63s %63s %63s", r->func, r->region, x, y, want,
                   want_lo) != 6) {
            fprintf(stderr, "%s: bad row: %s", path, line);
            continue;
        }
        r->x = strtod(x, NULL);
        r->y = strtod(y, NULL);
        r->want = strtod(want, NULL);
        r->want_lo = strtod(want_lo, NULL);
        n++;
    }
    fclose(f);
    return n;
}

static dd call(const char *func, double x, double y)
{
    if (!strcmp(func, "lgamma"))
        return lgamma_dd(x);
    if (!strcmp(func, "lgamma1p"))
        return lgamma1p_dd(x);
    if (!strcmp(func, "stirlerr"))
        return stirlerr_dd(x);
    if (!strcmp(func, "bd0"))
        return bd0_dd(x, y);
    if (!strcmp(func, "log1pmx"))
        return log1pmx_dd(x);
    return (dd){NAN, NAN};
}

/* relative error of the pair, or 0 where it does not apply */
static double pair_error(dd got, double want, double want_lo)
{
    if (!isfinite(want) || fabs(want) < 0x1p-960)
        return 0;
    if (!isfinite(got.hi) || !isfinite(got.lo))
        return INFINITY;
    return fabs(((got.hi - want) + got.lo) - want_lo) / fabs(want);
}

/* Every row of func: per region the worst hi error in ULP and the worst pair error; returns
 * the number of regions over a budget. */
static int check_golden(const char *func)
{
    struct stat {
        char region[24];
        size_t count;
        double max_ulp, max_pair;
        const struct specfun_row *worst, *worst_pair;
        dd worst_got;
    } s[32];
    int n = 0;
    for (size_t i = 0; i < n_rows; i++) {
        const struct specfun_row *r = &rows[i];
        if (strcmp(r->func, func))
            continue;
        int k = 0;
        while (k < n && strcmp(s[k].region, r->region))
            k++;
        if (k == n) {
            if (n == 32)
                continue;
            memset(&s[n], 0, sizeof s[n]);
            snprintf(s[n].region, sizeof s[n].region, "%s", r->region);
            s[n].max_ulp = -1;
            n++;
        }
        dd got = call(func, r->x, r->y);
        double e = ulp_error(got.hi, r->want, r->want_lo);
        double p = pair_error(got, r->want, r->want_lo);
        s[k].count++;
        if (!(e <= s[k].max_ulp)) {
            s[k].max_ulp = e;
            s[k].worst = r;
            s[k].worst_got = got;
        }
        if (!(p <= s[k].max_pair)) {
            s[k].max_pair = p;
            s[k].worst_pair = r;
        }
    }
    int failures = 0;
    for (int k = 0; k < n; k++) {
        double budget = ulp_budget(func, s[k].region, "scalar");
        int bad = !(s[k].max_ulp <= budget) || !(s[k].max_pair <= PAIR_BUDGET);
        printf("%-9s %-15s n=%-4zu max %6.3f ULP (budget %g)  pair 2^%.1f%s\n", func,
               s[k].region, s[k].count, s[k].max_ulp, budget,
               s[k].max_pair > 0 ? log2(s[k].max_pair) : -INFINITY,
               bad ? "  <-- OVER BUDGET" : "");
        if (bad || getenv("VDIST_SHOW_WORST")) {
            const struct specfun_row *r = s[k].worst;
            printf("    worst: %s(%.17g, %.17g) = %.17g + %.3g, want %.17g + %.3g\n", func,
                   r->x, r->y, s[k].worst_got.hi, s[k].worst_got.lo, r->want, r->want_lo);
            if ((r = s[k].worst_pair))
                printf("    worst pair: %s(%.17g, %.17g)\n", func, r->x, r->y);
        }
        failures += bad;
    }
    if (n == 0) {
        printf("%s: no golden rows\n", func);
        failures++;
    }
    return failures;
}

/* hi bit for bit (up to the sign of NaN) and lo 0 for non-finite results */
#define CHECK_DD(expr, want)                                                                   \
    do {                                                                                       \
        dd g_ = (expr);                                                                        \
        double w_ = (want);                                                                    \
        if (!same_bits(g_.hi, w_) || (!isfinite(w_) && g_.lo != 0 && !isnan(w_)))             \
            fail_msg("%s = %.17g + %.3g, want %.17g", #expr, g_.hi, g_.lo, w_);               \
    } while (0)

/* hi within max_ulp of a double want (for values the golden data does not hold) */
#define CHECK_NEAR(expr, want, max_ulp)                                                        \
    do {                                                                                       \
        double g_ = (expr).hi, e_ = ulp_error(g_, (want), 0);                                 \
        if (!(e_ <= (max_ulp)))                                                                \
            fail_msg("%s = %.17g, want %.17g (%g ULP)", #expr, g_, (double)(want), e_);       \
    } while (0)

static void test_lgamma(void **state)
{
    (void)state;
    assert_int_equal(check_golden("lgamma"), 0);
    CHECK_DD(lgamma_dd(NAN), NAN);
    CHECK_DD(lgamma_dd(0), NAN);
    CHECK_DD(lgamma_dd(-0.0), NAN);
    CHECK_DD(lgamma_dd(-1), NAN);
    CHECK_DD(lgamma_dd(-2.5), NAN);
    CHECK_DD(lgamma_dd(-INFINITY), NAN);
    CHECK_DD(lgamma_dd(INFINITY), INFINITY);
    CHECK_DD(lgamma_dd(DBL_MAX), INFINITY);
    CHECK_DD(lgamma_dd(1), 0.0);
    CHECK_DD(lgamma_dd(2), 0.0);
    CHECK_NEAR(lgamma_dd(3), M_LN2, 0.5);
    CHECK_NEAR(lgamma_dd(0.5), 0.5723649429247001, 0.5); /* log sqrt(pi) */
    CHECK_NEAR(lgamma_dd(DBL_TRUE_MIN), 744.44007192138122, 0.5);
}

static void test_lgamma1p(void **state)
{
    (void)state;
    assert_int_equal(check_golden("lgamma1p"), 0);
    CHECK_DD(lgamma1p_dd(NAN), NAN);
    CHECK_DD(lgamma1p_dd(-1), NAN);
    CHECK_DD(lgamma1p_dd(-1.5), NAN);
    CHECK_DD(lgamma1p_dd(-INFINITY), NAN);
    CHECK_DD(lgamma1p_dd(INFINITY), INFINITY);
    CHECK_DD(lgamma1p_dd(DBL_MAX), INFINITY);
    CHECK_DD(lgamma1p_dd(0), 0.0);
    CHECK_DD(lgamma1p_dd(1), 0.0);
    /* -gamma a, the subnormal a included */
    CHECK_NEAR(lgamma1p_dd(DBL_TRUE_MIN), -DBL_TRUE_MIN, 0); /* -0.58 2^-1074 */
    CHECK_NEAR(lgamma1p_dd(-0x1p-1000), 0.57721566490153286 * 0x1p-1000, 0.5);
    CHECK_NEAR(lgamma1p_dd(2), M_LN2, 0.5);
}

static void test_stirlerr(void **state)
{
    (void)state;
    assert_int_equal(check_golden("stirlerr"), 0);
    CHECK_DD(stirlerr_dd(NAN), NAN);
    CHECK_DD(stirlerr_dd(-1), NAN);
    CHECK_DD(stirlerr_dd(-DBL_TRUE_MIN), NAN);
    CHECK_DD(stirlerr_dd(-INFINITY), NAN);
    CHECK_DD(stirlerr_dd(0), INFINITY); /* the limit; R's table has a placeholder 0 */
    CHECK_DD(stirlerr_dd(INFINITY), 0.0);
    /* stirlerr(1) = 1 - log sqrt(2 pi) */
    CHECK_NEAR(stirlerr_dd(1), 0.081061466795327258, 0.5);
    /* decreasing across the branch at 10 and the table's half-integers */
    assert_true(stirlerr_dd(nextafter(10, 0)).hi >= stirlerr_dd(10).hi);
    assert_true(stirlerr_dd(10).hi >= stirlerr_dd(nextafter(10, 11)).hi);
    assert_true(stirlerr_dd(nextafter(3.5, 0)).hi >= stirlerr_dd(3.5).hi);
    assert_true(stirlerr_dd(3.5).hi >= stirlerr_dd(nextafter(3.5, 4)).hi);
}

static void test_bd0(void **state)
{
    (void)state;
    assert_int_equal(check_golden("bd0"), 0);
    CHECK_DD(bd0_dd(NAN, 1), NAN);
    CHECK_DD(bd0_dd(1, NAN), NAN);
    CHECK_DD(bd0_dd(-1, 1), NAN);
    CHECK_DD(bd0_dd(-DBL_TRUE_MIN, 1), NAN);
    CHECK_DD(bd0_dd(1, 0), NAN);
    CHECK_DD(bd0_dd(1, -1), NAN);
    CHECK_DD(bd0_dd(0, 0), NAN);
    CHECK_DD(bd0_dd(INFINITY, INFINITY), NAN);
    CHECK_DD(bd0_dd(INFINITY, 1), INFINITY);
    CHECK_DD(bd0_dd(1, INFINITY), INFINITY);
    CHECK_DD(bd0_dd(0, INFINITY), INFINITY);
    CHECK_DD(bd0_dd(0, 3.5), 3.5);
    CHECK_DD(bd0_dd(0, DBL_TRUE_MIN), DBL_TRUE_MIN);
    CHECK_DD(bd0_dd(7, 7), 0.0);
    CHECK_DD(bd0_dd(DBL_MAX, DBL_MAX), 0.0);
    CHECK_DD(bd0_dd(DBL_TRUE_MIN, DBL_TRUE_MIN), 0.0);
    CHECK_DD(bd0_dd(DBL_MAX, 1), INFINITY); /* 1.8e308 (709.8 - 1) */
    CHECK_DD(bd0_dd(DBL_MAX, DBL_TRUE_MIN), INFINITY);
    /* homogeneous: bd0(2^k x, 2^k np) = 2^k bd0(x, np) while nothing under- or overflows */
    for (int k = -900; k <= 900; k += 300) {
        dd a = bd0_dd(ldexp(3, k), ldexp(2, k)), b = bd0_dd(3, 2);
        assert_true(a.hi == ldexp(b.hi, k) && a.lo == ldexp(b.lo, k));
    }
}

static void test_log1pmx(void **state)
{
    (void)state;
    assert_int_equal(check_golden("log1pmx"), 0);
    CHECK_DD(log1pmx_dd(NAN), NAN);
    CHECK_DD(log1pmx_dd(-1.5), NAN);
    CHECK_DD(log1pmx_dd(nextafter(-1, -2)), NAN);
    CHECK_DD(log1pmx_dd(-INFINITY), NAN);
    CHECK_DD(log1pmx_dd(-1), -INFINITY);
    CHECK_DD(log1pmx_dd(INFINITY), -INFINITY);
    CHECK_DD(log1pmx_dd(0), 0.0);
    CHECK_DD(log1pmx_dd(DBL_MAX), -DBL_MAX);
    assert_true(same_bits(log1pmx(NAN), NAN));
    assert_true(log1pmx(-1) == -INFINITY);
    assert_true(log1pmx(0.5) == log1pmx_dd(0.5).hi);
    /* -x^2/2 underflows to a zero, never to NaN */
    CHECK_NEAR(log1pmx_dd(DBL_TRUE_MIN), 0, 0);
    CHECK_NEAR(log1pmx_dd(-DBL_TRUE_MIN), 0, 0);
    CHECK_NEAR(log1pmx_dd(M_E - 1), 1 - (M_E - 1), 1);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        data_dir = argv[1];
    char path[4096];
    snprintf(path, sizeof path, "%s/ulp_budget.tsv", data_dir);
    if (ulp_budget_load(path) <= 0)
        return 1;
    snprintf(path, sizeof path, "%s/specfun.tsv", data_dir);
    n_rows = load_rows(path);
    if (n_rows == 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lgamma),   cmocka_unit_test(test_lgamma1p),
        cmocka_unit_test(test_stirlerr), cmocka_unit_test(test_bd0),
        cmocka_unit_test(test_log1pmx),
    };
    int r = cmocka_run_group_tests_name("specfun", tests, NULL, NULL);
    free(rows);
    return r;
}
