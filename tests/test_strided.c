/* The strided form (vd_F_strided and the registry's `strided`): with every parameter
 * broadcast (increment 0) it gives bit for bit the _array form's results, with a parameter
 * varying the scalar reference's, for every function; increments of any sign, n == 0, runs
 * longer than the gather buffer with a tail, broadcast x, out aliasing x. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "per_function.h"
#include "testlib.h"
#include "vdist.h"

/* Longer than the gather buffer (256) twice over, not a multiple of any vector width. */
#define N 601

static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static double uniform01(void)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (double)(rng_state >> 11) * 0x1p-53;
}

/* An argument x of function f: a probability for quantiles, else a value around the support
 * (some of them integers, for the Poisson's density). */
static double random_x(const struct vd_function *f, size_t k)
{
    if (f->kind == VD_QUANTILE)
        return uniform01();
    return k % 3 ? 6 * uniform01() - 1 : (double)(k % 7);
}

/* A valid parameter: every family takes values in [0.5, 3] (min < max for the uniform). */
static double random_param(int i)
{
    return 0.5 + 2.5 * uniform01() + i * 3;
}

#define CHECK_SAME(got, want, k)                                                               \
    do {                                                                                       \
        if (!same_bits((got), (want)))                                                         \
            fail_msg("%s element %zu: %.17g, want %.17g", f->name, (size_t)(k), (got), (want)); \
    } while (0)

/* Every flag combination the function takes (a density ignores lower_tail). */
static int n_flag_sets(const struct vd_function *f) { return f->kind == VD_DENSITY ? 2 : 4; }

static void test_broadcast_params(void **state)
{
    const struct vd_function *f = *state;
    double x[3 * N], contiguous[N], want[N], out[2 * N], param[VD_MAX_PARAMS];
    const double *pp[VD_MAX_PARAMS];
    ptrdiff_t inc0[VD_MAX_PARAMS] = {0, 0, 0};
    for (int i = 0; i < f->n_params; i++) {
        param[i] = random_param(i);
        pp[i] = &param[i];
    }
    for (size_t k = 0; k < 3 * N; k++)
        x[k] = random_x(f, k);
    for (int flags = 0; flags < n_flag_sets(f); flags++) {
        int lower = !(flags & 2), lg = flags & 1;
        /* contiguous: the _array form itself */
        f->array(N, x, param, lower, lg, want);
        f->strided(N, x, 1, pp, inc0, lower, lg, out, 1);
        for (size_t k = 0; k < N; k++)
            CHECK_SAME(out[k], want[k], k);
        /* x with increment 3 and out with 2: gathered through the buffer, same bits */
        for (size_t k = 0; k < N; k++)
            contiguous[k] = x[3 * k];
        f->array(N, contiguous, param, lower, lg, want);
        f->strided(N, x, 3, pp, inc0, lower, lg, out, 2);
        for (size_t k = 0; k < N; k++)
            CHECK_SAME(out[2 * k], want[k], k);
        /* negative increments: element k is x[-k], written to out[-k] */
        for (size_t k = 0; k < N; k++)
            contiguous[k] = x[N - 1 - k];
        f->array(N, contiguous, param, lower, lg, want);
        f->strided(N, x + N - 1, -1, pp, inc0, lower, lg, out + N - 1, -1);
        for (size_t k = 0; k < N; k++)
            CHECK_SAME(out[N - 1 - k], want[k], k);
        /* x broadcast too: every element is F(x[0]) */
        f->array(1, x, param, lower, lg, want);
        f->strided(N, x, 0, pp, inc0, lower, lg, out, 1);
        for (size_t k = 0; k < N; k++)
            CHECK_SAME(out[k], want[0], k);
        /* n == 0 touches nothing */
        out[0] = 12345;
        f->strided(0, x, 1, pp, inc0, lower, lg, out, 1);
        assert_true(out[0] == 12345);
    }
}

static void test_varying_params(void **state)
{
    const struct vd_function *f = *state;
    double x[N], param[VD_MAX_PARAMS][2 * N], out[N];
    const double *pp[VD_MAX_PARAMS];
    /* parameter i varies with increment 2 - i (the last one of two broadcast: increment 0) */
    ptrdiff_t inc[VD_MAX_PARAMS];
    for (int i = 0; i < f->n_params; i++) {
        inc[i] = f->n_params == 1 ? 1 : 2 - 2 * i;
        pp[i] = param[i];
        for (size_t k = 0; k < 2 * N; k++)
            param[i][k] = random_param(i);
    }
    for (size_t k = 0; k < N; k++)
        x[k] = random_x(f, k);
    for (int flags = 0; flags < n_flag_sets(f); flags++) {
        int lower = !(flags & 2), lg = flags & 1;
        f->strided(N, x, 1, pp, inc, lower, lg, out, 1);
        for (size_t k = 0; k < N; k++) {
            double p[VD_MAX_PARAMS];
            for (int i = 0; i < f->n_params; i++)
                p[i] = param[i][(ptrdiff_t)k * inc[i]];
            CHECK_SAME(out[k], f->scalar(x[k], p, lower, lg), k);
        }
    }
}

/* out == x, increment 2, on both paths: each element reads its x before writing it. */
static void test_in_place(void **state)
{
    const struct vd_function *f = *state;
    double x[2 * N], data[2 * N], contiguous[N], want[N], param[VD_MAX_PARAMS][N];
    const double *pp[VD_MAX_PARAMS];
    ptrdiff_t inc0[VD_MAX_PARAMS] = {0, 0, 0}, inc1[VD_MAX_PARAMS] = {1, 1, 1};
    for (int i = 0; i < VD_MAX_PARAMS; i++) { /* all of them: the unused ones are read */
        pp[i] = param[i];
        for (size_t k = 0; k < N; k++)
            param[i][k] = random_param(i);
    }
    for (size_t k = 0; k < 2 * N; k++)
        x[k] = random_x(f, k);
    for (size_t k = 0; k < N; k++)
        contiguous[k] = x[2 * k];

    memcpy(data, x, sizeof x);
    /* broadcast: each parameter's element 0 */
    f->array(N, contiguous, (double[]){param[0][0], param[1][0], param[2][0]}, 1, 0, want);
    f->strided(N, data, 2, pp, inc0, 1, 0, data, 2);
    for (size_t k = 0; k < N; k++) {
        CHECK_SAME(data[2 * k], want[k], k);
        CHECK_SAME(data[2 * k + 1], x[2 * k + 1], k); /* untouched between */
    }

    memcpy(data, x, sizeof x);
    f->strided(N, data, 2, pp, inc1, 1, 0, data, 2);
    for (size_t k = 0; k < N; k++) {
        double p[VD_MAX_PARAMS] = {param[0][k], param[1][k], param[2][k]};
        CHECK_SAME(data[2 * k], f->scalar(contiguous[k], p, 1, 0), k);
    }
}

/* The public functions take Rmath's parameters as (array, increment) pairs, in order. */
static void test_public_signatures(void **state)
{
    (void)state;
    const double x[3] = {-1, 0.5, 2}, mu[3] = {0, 1, 2}, sigma = 2, scale = 1.5, shape[2] = {0.7, 3};
    double out[3];
    vd_pnorm_strided(3, x, 1, mu, 1, &sigma, 0, 0, 1, out, 1);
    for (int k = 0; k < 3; k++)
        assert_true(same_bits(out[k], vd_pnorm(x[k], mu[k], sigma, 0, 1)));
    vd_dexp_strided(3, x, 1, &scale, 0, 1, out, 1);
    double want[3];
    vd_dexp_array(3, x, scale, 1, want);
    for (int k = 0; k < 3; k++)
        assert_true(same_bits(out[k], want[k]));
    vd_qgamma_strided(2, x + 1, 0, shape, 1, &scale, 0, 1, 0, out, 1);
    for (int k = 0; k < 2; k++)
        assert_true(same_bits(out[k], vd_qgamma(0.5, shape[k], scale, 1, 0)));
    /* the registry's strided member is the public function's */
    const struct vd_function *f = vd_function_named("qgamma");
    const double *pp[2] = {shape, &scale};
    f->strided(2, x + 1, 0, pp, (const ptrdiff_t[]){1, 0}, 1, 0, want, 1);
    assert_true(same_bits(want[0], out[0]) && same_bits(want[1], out[1]));
}

int main(void)
{
    int failed = 0;
    failed += run_per_function("strided, broadcast parameters", test_broadcast_params);
    failed += run_per_function("strided, varying parameters", test_varying_params);
    failed += run_per_function("strided, in place", test_in_place);
    const struct CMUnitTest api[] = {cmocka_unit_test(test_public_signatures)};
    failed += cmocka_run_group_tests_name("strided, public signatures", api, NULL, NULL);
    return failed != 0;
}
