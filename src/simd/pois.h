/* Poisson distribution (lambda) kernels.
 *
 * dpois is vectorised: for integral x = k >= 1 (Rmath's R_nonint rule, then k = the nearest
 * integer), Loader's saddle-point form as the scalar reference,
 *     log d = -stirlerr(k) - bd0(k, lambda) - log sqrt(2 pi) - log(k)/2,
 * with stirlerr from specfun's double-double table below 10 (gathered per lane) and Binet's
 * series from 10 on (~2^-60 absolute), bd0 from gamma.h's v_bd0_dd and log k from
 * v_log_full_dd, summed in double-double. Lanes left to the scalar reference: x = 0,
 * non-finite x, k beyond 2^52, results outside the normal range and log densities that
 * cancel to below 1/4.
 *
 * Where a call is long enough, all three go through a table of their values per call
 * (below); ppois and qpois without it run the scalar reference element by element. */
#ifndef VDIST_SIMD_POIS_H
#define VDIST_SIMD_POIS_H

#include "vdist.h"
#include "common.h"
#include "../scalar/specfun_tables.h"
/* gamma.h's v_bd0_dd and v_density_from_log: all.h includes gamma.h before this file */

struct pois_args {
    double lambda;
    double ll_hi, ll_lo; /* log lambda */
    int lower_tail, log_flag;
};

VD_SCALAR_LANES1(pois, struct pois_args, lambda)

/* stirlerr(k) = hi + *lo for integral k >= 1 (other lanes: any stand-in) */
ALWAYS_INLINE vdbl v_stirlerr_int(vdbl k, vdbl *lo)
{
    vmsk small = v_lt(k, v_set(10));
    /* stirlerr_halves[2k] = {hi, lo}: flat index 4k */
    vdbl row = v_mul(v_min(k, v_set(9)), v_set(4));
    vdbl t_hi = v_gather(&stirlerr_halves[0][0], row), t_lo = v_gather(&stirlerr_halves[0][1], row);
    vdbl r = v_div(v_set(1), v_max(k, v_set(10)));
    vdbl series = v_mul(r, v_poly_split(stirling_series, STIRLING_SERIES_DEGREE, v_mul(r, r)));
    *lo = v_sel(small, t_lo, v_set(0));
    return v_sel(small, t_hi, series);
}

/* k = the integer nearest x; *zero: the lanes whose density is 0, x < 0 or x not integral
 * by Rmath's R_nonint, |x - k| > 1e-7 max(1, |x|) (NaN: neither) */
ALWAYS_INLINE vdbl pois_k(vdbl x, vmsk *zero)
{
    vdbl k = v_round(x);
    vmsk nonint = v_lt(v_mul(v_set(1e-7), v_max(v_set(1), v_abs(x))), v_abs(v_sub(x, k)));
    *zero = v_or(nonint, v_lt(x, v_set(0)));
    return k;
}

ALWAYS_INLINE vdbl dpois_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct pois_args *a = args;
    vmsk zero;
    vdbl k = pois_k(x, &zero);
    vmsk ok = v_andnot(zero, v_and(v_le(v_set(1), k), v_le(k, v_set(0x1p52))));
    k = v_sel(ok, k, v_set(1));
    vdbl lk_lo, lk = v_log_full_dd(k, &lk_lo);
    vdbl L_lo, L = v_two_sum(lk, v_set(-a->ll_hi), &L_lo); /* log k - log lambda */
    L_lo = v_add(L_lo, v_sub(lk_lo, v_set(a->ll_lo)));
    vdbl b_lo, b = v_bd0_dd(k, v_set(a->lambda), v_set(0), L, L_lo, &b_lo);
    vdbl st_lo, st = v_stirlerr_int(k, &st_lo);
    /* -(stirlerr + bd0 + log k / 2 + log sqrt(2 pi)) */
    vdbl e1, s1 = v_two_sum(b, st, &e1);
    vdbl e2, s2 = v_two_sum(s1, v_mul(v_set(0.5), lk), &e2);
    vdbl e3, s3 = v_two_sum(s2, v_set(LN_SQRT_2PI_HI), &e3);
    vdbl rest = v_add(v_add(v_add(e1, e2), e3),
                      v_add(v_add(b_lo, st_lo), v_fma(v_set(0.5), lk_lo, v_set(LN_SQRT_2PI_LO))));
    vdbl hi = v_neg(s3), lo = v_neg(rest);
    vdbl r = v_density_from_log(hi, lo, a->log_flag, &ok);
    *slow = v_not(v_or(zero, ok));
    return v_sel(zero, v_set(a->log_flag ? -INFINITY : 0), r);
}

static struct pois_args pois_args_make(const double *param, int lower_tail, int log_flag)
{
    dd ll = log_dd(param[0]);
    return (struct pois_args){param[0], ll.hi, ll.lo, lower_tail, log_flag};
}

/* Tables per call (lambda is fixed): the d, p or q function's values at every integer
 * k = k_lo ... k_hi within lambda +- POIS_TABLE_WIDTH sqrt(lambda) + 20 (all but ~1e-12 of
 * the probability), each entry computed by the very code that computes that k without a
 * table (dpois's kernel, the scalar ppois), so that a lane's result does not depend on
 * whether its call took the table; lanes outside it take that code. A table is built only
 * where the call has at least POIS_TABLE_USES elements per entry: its cost per element is
 * then at most 1/POIS_TABLE_USES of the code it replaces. */
#define POIS_TABLE_MAX 2048
#define POIS_TABLE_WIDTH 7.0
#define POIS_TABLE_USES 8

struct pois_table_args {
    double k_lo, k_hi;
    const double *value; /* value[k - k_lo] */
    struct pois_args pois;
};

/* the table's range for a call of n elements, or 0 where it is not worth building */
static int pois_table_range(const struct pois_args *a, size_t n, double *k_lo, double *k_hi)
{
    double lambda = a->lambda, width = POIS_TABLE_WIDTH * sqrt(lambda) + 20;
    *k_lo = fmax(0, floor(lambda - width)), *k_hi = ceil(lambda + width);
    double entries = *k_hi - *k_lo + 1;
    return entries <= POIS_TABLE_MAX && (double)n >= POIS_TABLE_USES * entries;
}

/* dpois: integral x = k in the table from it, the rest by dpois_vec (the whole vector) */
ALWAYS_INLINE vdbl dpois_table_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct pois_table_args *a = args;
    vmsk zero;
    vdbl k = pois_k(x, &zero);
    vmsk in = v_andnot(zero, v_and(v_le(v_set(a->k_lo), k), v_le(k, v_set(a->k_hi))));
    if (v_bits(v_or(in, zero)) != (1 << VLEN) - 1)
        return dpois_vec(x, &a->pois, slow);
    *slow = v_lt(x, x); /* none */
    vdbl r = v_gather(a->value, v_sub(v_sel(in, k, v_set(a->k_lo)), v_set(a->k_lo)));
    return v_sel(zero, v_set(a->pois.log_flag ? -INFINITY : 0), r);
}

static double dpois_table_one(double x, const void *args)
{
    return dpois_one(x, &((const struct pois_table_args *)args)->pois);
}

static void ISA_SUFFIX(dpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct pois_args a = pois_args_make(param, 1, give_log);
    double k_lo, k_hi;
    if (!pois_table_range(&a, n, &k_lo, &k_hi)) {
        run_array(n, x, out, &a, dpois_vec, dpois_one);
        return;
    }
    double value[POIS_TABLE_MAX];
    int entries = (int)(k_hi - k_lo + 1);
    for (int i = 0; i < entries; i += 64) {
        double k[64];
        int len = entries - i < 64 ? entries - i : 64;
        for (int j = 0; j < len; j++)
            k[j] = k_lo + i + j;
        run_array(len, k, value + i, &a, dpois_vec, dpois_one);
    }
    const struct pois_table_args t = {k_lo, k_hi, value, a};
    run_array(n, x, out, &t, dpois_table_vec, dpois_table_one);
}

ALWAYS_INLINE vdbl ppois_table_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct pois_table_args *a = args;
    vdbl t = v_add(x, v_set(1e-7)); /* Rmath's floor(x + 1e-7) */
    vdbl k = v_round(t);
    k = v_sel(v_lt(t, k), v_sub(k, v_set(1)), k);
    vmsk in = v_and(v_and(v_le(v_set(a->k_lo), k), v_le(k, v_set(a->k_hi))), /* NaN: out */
                    v_le(v_set(0), x)); /* x < 0 is below the support before any rounding */
    *slow = v_not(in);
    return v_gather(a->value, v_sub(v_sel(in, k, v_set(a->k_lo)), v_set(a->k_lo)));
}

static double ppois_table_one(double x, const void *args)
{
    return ppois_one(x, &((const struct pois_table_args *)args)->pois);
}

/* the p or q function's table (the scalar ppois), or 0 where it is not worth building */
static int pois_table_make(const struct pois_args *a, size_t n, double *value, double *k_lo,
                           double *k_hi)
{
    if (!pois_table_range(a, n, k_lo, k_hi))
        return 0;
    for (int i = 0; i <= (int)(*k_hi - *k_lo); i++)
        value[i] = ppois_one(*k_lo + i, a);
    return 1;
}

/* ppois or qpois over the ppois table where it is worth building, else the scalar loop */
ALWAYS_INLINE void pois_p_or_q_array(size_t n, const double *x, const double *param,
                                     int lower_tail, int log_p, double *out, vec_fn table_vec,
                                     scalar_fn table_one, scalar_fn one)
{
    const struct pois_args a = pois_args_make(param, lower_tail, log_p);
    double value[POIS_TABLE_MAX], k_lo, k_hi;
    if (!pois_table_make(&a, n, value, &k_lo, &k_hi)) {
        for (size_t i = 0; i < n; i++)
            out[i] = one(x[i], &a);
        return;
    }
    const struct pois_table_args t = {k_lo, k_hi, value, a};
    run_array(n, x, out, &t, table_vec, table_one);
}

static void ISA_SUFFIX(ppois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    pois_p_or_q_array(n, x, param, lower_tail, log_p, out, ppois_table_vec, ppois_table_one,
                      ppois_one);
}

/* qpois over the same table: the smallest k with ppois(k) >= p (lower tail; upper:
 * ppois(k) < p), p moved by Rmath's fuzz as the scalar reference does, by a binary search
 * of the table (ppois is monotone in k), so the answer is the scalar reference's. Lanes
 * whose answer is outside the table or 0, and p at or beyond its boundaries, are the
 * scalar reference's. */
ALWAYS_INLINE vdbl qpois_table_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct pois_table_args *a = args;
    const struct pois_args *pa = &a->pois;
    vmsk ok;
    if (pa->log_flag) {
        ok = v_and(v_lt(v_set(-DBL_MAX), p), v_lt(p, v_set(0))); /* the rest: scalar's fuzz */
        p = v_mul(p, v_set(pa->lower_tail ? 1 + 2 * DBL_EPSILON : 1 - 2 * DBL_EPSILON));
    } else {
        ok = v_and(v_lt(v_set(0), p), v_lt(p, v_set(1)));
        if (pa->lower_tail)
            p = v_mul(p, v_set(1 - 8 * DBL_EPSILON));
        else
            p = v_sel(v_lt(v_set(32 * DBL_EPSILON), v_sub(v_set(1), p)),
                      v_mul(p, v_set(1 + 8 * DBL_EPSILON)), p);
    }
    /* pos: the last index known short of the quantile (-1: none yet) */
    double last = a->k_hi - a->k_lo;
    int step = 1;
    while (2 * step <= (int)last + 1)
        step *= 2;
    vdbl pos = v_set(-1);
    for (; step >= 1; step /= 2) {
        vdbl cand = v_add(pos, v_set(step));
        vmsk inside = v_le(cand, v_set(last));
        vdbl F = v_gather(a->value, v_sel(inside, cand, v_set(0)));
        vmsk short_of = pa->lower_tail ? v_lt(F, p) : v_le(p, F); /* not (F >= p), not (F < p) */
        pos = v_sel(v_and(inside, short_of), cand, pos);
    }
    vdbl k = v_add(pos, v_set(1));
    /* the answer is in the table: found, and not below k_lo unless k_lo is 0 */
    ok = v_and(ok, v_le(k, v_set(last)));
    /* an answer of 0 too: the scalar reference's zero has the sign of its Cornish-Fisher
     * start (Rmath's -0 where that rounds from below) */
    ok = v_and(ok, v_lt(v_set(0), v_add(k, v_set(a->k_lo))));
    if (a->k_lo > 0)
        ok = v_and(ok, v_lt(v_set(0), k));
    *slow = v_not(ok);
    return v_add(k, v_set(a->k_lo));
}

static double qpois_table_one(double p, const void *args)
{
    return qpois_one(p, &((const struct pois_table_args *)args)->pois);
}

static void ISA_SUFFIX(qpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    pois_p_or_q_array(n, x, param, lower_tail, log_p, out, qpois_table_vec, qpois_table_one,
                      qpois_one);
}

#endif
