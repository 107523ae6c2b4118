/* Weibull distribution kernels, written once over the vector layer (see
 * src/scalar/weibull.c for the method, which these follow). u = x/scale is the quotient
 * with its exact remainder; log u and L = shape log u are double-doubles from the vector
 * layer's precise log (v_log_full_dd, ~2^-70 absolute), and w = e^L comes from wb_exp (a 4-entry lookup and a long series, ~2^-66): the
 * upper tail e^-w, the log lower tail near 0 and the log density have condition w in w, so
 * L and w must be that good. Results that are only rounded (d, q, e^-w) and 1 - e^-w use
 * exp.h's cheaper exponentials; qweibull takes the vector layer's log from shape 1 on (q's
 * error is log y's over shape) and leaves shapes below 2^-10 to the scalar reference.
 * Lanes the vector path does not cover (non-finite or tiny inputs, x/scale near the
 * subnormal or overflow range, subnormal or overflowing results, p at 0 or 1, log
 * densities that cancel to near 0) are recomputed by the scalar reference; dispatch/ sends
 * parameters outside weibull_params_regular (shape in [2^-20, 2^20], scale in
 * [2^-1000, 2^1000]) to the scalar loop. */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "exp.h"

struct weibull_args {
    double shape, scale, inv_scale, inv_shape;
    double log_hi, log_lo; /* dweibull: log shape - log scale; p and q: log scale */
    int lower_tail, log_flag;
    int ipow; /* shape if it is 1..WEIBULL_IPOW_MAX, else 0 */
    double coef_hi, coef_lo; /* dweibull: shape / scale */
};

#define WEIBULL_TINY 0x1p-960   /* x below: the remainder of x/scale may be inexact */
#define WEIBULL_SMALL 0x1p-10   /* w, e^-w or 1 - e^p below: their series */
#define WEIBULL_EXP_MAX 708.0   /* e^a, a in [-708, 708], stays a normal double */
#define WEIBULL_IPOW_MAX 4      /* integral shapes up to this: w = u^shape by products */

/* log(hi + lo) = result + *l_lo for hi positive normal, |lo| <= ulp(hi): log(1 + lo/hi) to
 * second order (all of it where hi = 1) */
ALWAYS_INLINE vdbl wb_log_dd(vdbl hi, vdbl lo, vdbl *l_lo)
{
    vdbl ll, l = v_log_full_dd(hi, &ll);
    vdbl d = v_div(lo, hi);
    vdbl err, s = v_two_sum(l, d, &err);
    return v_fast_two_sum(s, v_add(err, v_fnma(v_mul(v_set(0.5), d), d, ll)), l_lo);
}

/* 2^(j/4), j = 0..3, as hi + lo (tools/fit_weibull_tables.py) */
static const double weibull_exp4_hi[4] = {0x1.0000000000000p+0, 0x1.306fe0a31b715p+0,
                                          0x1.6a09e667f3bcdp+0, 0x1.ae89f995ad3adp+0};
static const double weibull_exp4_lo[4] = {0x0.0p+0, 0x1.6f46ad23182e4p-55,
                                          -0x1.bdd3413b26456p-54, 0x1.7a1cd345dcc81p-54};

/* pweibull's lower tail (not log) and upper log tail: up to this shape, log u from the
 * vector layer's log (~2^-55 absolute) costs at most ~1 ULP */
#define WEIBULL_P_CHEAP_SHAPE 4.0

/* qweibull's logs: q's relative error is that of log y over shape, so from shape
 * WEIBULL_Q_CHEAP_SHAPE on the vector layer's log (~2^-54 absolute) is enough */
#define WEIBULL_Q_CHEAP_SHAPE 1.0

ALWAYS_INLINE vdbl wb_log_dd_q(vdbl hi, vdbl lo, const struct weibull_args *a, vdbl *l_lo)
{
    if (a->shape < WEIBULL_Q_CHEAP_SHAPE)
        return wb_log_dd(hi, lo, l_lo);
    return v_log_sum_dd(hi, lo, l_lo);
}

/* exp(a + a_lo) = 2^k (hi + *lo) for |a| <= WEIBULL_EXP_MAX, returned as the scaled hi and
 * *lo (relative error ~2^-66): a = n ln2/4 + r, |r| <= ln2/8, exp(r) - 1 with r^2/2 exact
 * and r^3/3! + ... + r^12/12! (truncation 2^-71), times 2^(j/4) from a 4-entry lookup */
ALWAYS_INLINE vdbl wb_exp(vdbl a, vdbl a_lo, vdbl *lo)
{
    static const double taylor[10] = {
        1.0 / 6,      1.0 / 24,      1.0 / 120,      1.0 / 720,       1.0 / 5040,
        1.0 / 40320,  1.0 / 362880,  1.0 / 3628800,  1.0 / 39916800,  1.0 / 479001600,
    };
    vdbl n = v_round(v_mul(a, v_set(4 * 0x1.71547652b82fep0)));
    vdbl k = v_round(v_mul(v_sub(n, v_set(1.5)), v_set(0.25))); /* n = 4k + j, j = 0..3 */
    vtab j = v_table_index(v_fnma(k, v_set(4), n));
    vdbl T = v_lookup4(weibull_exp4_hi, j), T_lo = v_lookup4(weibull_exp4_lo, j);
    /* a - n LN2_DD_HI/4 exact (Sterbenz); the rest of n ln2/4 into r_lo */
    vdbl p_lo, p = v_two_prod(n, v_set(LN2_DD_HI / 4), &p_lo);
    vdbl r_lo, r = v_fast_two_sum(v_sub(a, p), v_fnma(n, v_set(LN2_DD_LO / 4), v_sub(a_lo, p_lo)),
                                   &r_lo);
    vdbl sq_lo, sq = v_two_prod(r, r, &sq_lo);
    vdbl eps_lo, eps = v_fast_two_sum(r, v_mul(v_set(0.5), sq), &eps_lo);
    vdbl cube = v_mul(v_mul(r, sq), v_poly_split(taylor, 9, r));
    eps_lo = v_add(eps_lo, v_fma(v_set(0.5), sq_lo, v_fma(r_lo, r, v_add(r_lo, cube))));
    vdbl q_lo, q = v_two_prod(T, eps, &q_lo);
    vdbl s_err, s = v_fast_two_sum(T, q, &s_err); /* |T| >= 1 > |q| */
    vdbl rest = v_add(v_add(s_err, q_lo), v_fma(T, eps_lo, v_fma(T_lo, eps, T_lo)));
    vdbl scale = v_pow2i(k);
    vdbl hi_lo, hi = v_fast_two_sum(s, rest, &hi_lo);
    *lo = v_mul(hi_lo, scale);
    return v_mul(hi, scale);
}

/* exp(a + a_lo) rounded, for -708 <= a <= 708: where only the result's own rounding counts
 * (d, q, e^-w), the cheaper v_exp_dd times 1 + a_lo */
ALWAYS_INLINE vdbl wb_exp_result(vdbl a, vdbl a_lo)
{
    vdbl lo, hi = v_exp_dd(a, &lo);
    return v_add(hi, v_fma(hi, a_lo, lo));
}

/* log(x / scale) = hi + *lo for x >= WEIBULL_TINY with the quotient in [2^-1000, 2^1000]
 * (*ok; other lanes computed on a stand-in) */
ALWAYS_INLINE vdbl wb_log_u(vdbl x, const struct weibull_args *a, vmsk *ok, vdbl *lo)
{
    vdbl u_lo, u = v_div_diff_dd(x, v_set(0), v_set(a->scale), v_set(a->inv_scale), &u_lo);
    *ok = v_and(v_and(v_le(v_set(WEIBULL_TINY), x), v_le(v_set(0x1p-1000), u)),
                v_le(u, v_set(0x1p1000)));
    return wb_log_dd(v_sel(*ok, u, v_set(1)), v_sel(*ok, u_lo, v_set(0)), lo);
}

/* shape (hi + lo) as a double-double */
ALWAYS_INLINE vdbl wb_times_shape(vdbl hi, vdbl lo, const struct weibull_args *a, vdbl *r_lo)
{
    vdbl shape = v_set(a->shape);
    vdbl err, p = v_two_prod(shape, hi, &err);
    return v_fast_two_sum(p, v_fma(shape, lo, err), r_lo);
}

/* w = (x / scale)^shape = hi + *w_lo for integral shape a->ipow, and u^(shape - 1) =
 * *v + *v_lo: double-double products (~2^-100) instead of e^(shape log u), whose log and
 * exp must be good to ~2^-62 where w's condition is large. *ok: x >= WEIBULL_TINY and w in
 * [2^-1000, 708] (both tails normal) */
ALWAYS_INLINE vdbl wb_pow_u(vdbl x, const struct weibull_args *a, vmsk *ok, vdbl *w_lo,
                            vdbl *v, vdbl *v_lo)
{
    vdbl u_lo, u = v_div_diff_dd(x, v_set(0), v_set(a->scale), v_set(a->inv_scale), &u_lo);
    vdbl w = u, lo = u_lo;
    *v = v_set(1), *v_lo = v_set(0);
    for (int i = 1; i < a->ipow; i++) {
        *v = w, *v_lo = lo;
        vdbl err, p = v_two_prod(w, u, &err);
        w = v_fast_two_sum(p, v_fma(w, u_lo, v_fma(lo, u, err)), &lo);
    }
    *ok = v_and(v_and(v_le(v_set(WEIBULL_TINY), x), v_le(v_set(0x1p-1000), w)),
                v_le(w, v_set(WEIBULL_EXP_MAX)));
    *w_lo = lo;
    return w;
}

/* -log(1 - e) = e + e^2/2 + e^3 P(-e) for 0 <= e <= WEIBULL_SMALL (the reference's
 * neg_log1m_small) */
ALWAYS_INLINE vdbl wb_neg_log1m_small(vdbl e, vdbl e_lo, vdbl *lo)
{
    vdbl sq_lo, sq = v_two_prod(e, e, &sq_lo);
    vdbl s_lo, s = v_fast_two_sum(e, v_mul(v_set(0.5), sq), &s_lo);
    vdbl cube = v_mul(v_mul(e, sq), v_poly_split(log1p_tail_coeffs, 7, v_neg(e)));
    s_lo = v_add(s_lo, v_add(v_fma(e_lo, e, e_lo), v_fma(v_set(0.5), sq_lo, cube)));
    return v_fast_two_sum(s, s_lo, lo);
}

/* 1 - e^-w = w - w^2 (1/2 - w/6 + ...) for 0 <= w <= WEIBULL_SMALL */
ALWAYS_INLINE vdbl wb_one_minus_exp_neg_small(vdbl w, vdbl w_lo, vdbl *lo)
{
    static const double c[5] = {-1.0 / 2, 1.0 / 6, -1.0 / 24, 1.0 / 120, -1.0 / 720};
    vdbl corr = v_fma(v_mul(w, w), v_poly_split(c, 4, w), v_fnma(w_lo, w, w_lo));
    return v_fast_two_sum(w, corr, lo);
}

/* 1 - e = hi + *lo for 0 <= e <= 1 */
ALWAYS_INLINE vdbl wb_one_minus(vdbl e, vdbl e_lo, vdbl *lo)
{
    vdbl err, s = v_two_sum(v_set(1), v_neg(e), &err);
    return v_fast_two_sum(s, v_sub(err, e_lo), lo);
}

ALWAYS_INLINE vdbl dweibull_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct weibull_args *a = args;
    vmsk negative = v_lt(x, v_set(0)); /* -Inf included */
    vmsk ok;
    if (a->ipow && !a->log_flag) {
        /* d = (shape / scale) u^(shape - 1) e^-w by products: no log u, no precise e^L */
        vdbl v, v_lo, w_lo, w = wb_pow_u(x, a, &ok, &w_lo, &v, &v_lo);
        vdbl e = wb_exp_result(v_neg(w), v_neg(w_lo));
        vdbl t_lo, t = v_two_prod(v_set(a->coef_hi), v, &t_lo);
        t_lo = v_fma(v_set(a->coef_hi), v_lo, v_fma(v_set(a->coef_lo), v, t_lo));
        vdbl d = v_fma(t, e, v_mul(t_lo, e));
        ok = v_and(ok, v_and(v_le(v_set(0x1p-1020), d), v_le(d, v_set(0x1p1020))));
        *slow = v_not(v_or(negative, ok));
        return v_sel(negative, v_set(0), d);
    }
    vdbl lu_lo, lu = wb_log_u(x, a, &ok, &lu_lo);
    vdbl L_lo, L = wb_times_shape(lu, lu_lo, a, &L_lo);
    ok = v_and(ok, v_le(L, v_set(WEIBULL_EXP_MAX))); /* beyond, w overflows soon */
    vdbl w_lo, w = wb_exp(v_max(L, v_set(-WEIBULL_EXP_MAX)), L_lo, &w_lo);
    /* log d = (log shape - log scale) + (L - log u) - w */
    vdbl err1, s1 = v_two_sum(L, v_neg(lu), &err1);
    vdbl err2, s2 = v_two_sum(v_set(a->log_hi), s1, &err2);
    vdbl err3, s3 = v_two_sum(s2, v_neg(w), &err3);
    vdbl rest = v_add(v_add(v_add(err1, err2), err3),
                      v_add(v_sub(L_lo, lu_lo), v_sub(v_set(a->log_lo), w_lo)));
    vdbl ld_lo, ld = v_fast_two_sum(s3, rest, &ld_lo);
    vdbl r;
    if (a->log_flag) {
        r = v_add(ld, ld_lo);
        /* where the sum cancels, w's ~2^-66 relative error would show: the scalar reference */
        ok = v_and(ok, v_le(v_mul(w, v_set(0x1p-6)), v_abs(ld)));
    } else {
        ok = v_and(ok, v_and(v_le(v_set(-WEIBULL_EXP_MAX), ld), v_le(ld, v_set(WEIBULL_EXP_MAX))));
        vdbl clamped = v_min(v_max(ld, v_set(-WEIBULL_EXP_MAX)), v_set(WEIBULL_EXP_MAX));
        r = wb_exp_result(clamped, ld_lo);
    }
    *slow = v_not(v_or(negative, v_and(ok, v_finite(x))));
    return v_sel(negative, v_set(a->log_flag ? -INFINITY : 0), r);
}

ALWAYS_INLINE vdbl pweibull_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct weibull_args *a = args;
    vmsk nonpositive = v_le(x, v_set(0)); /* R_DT_0 */
    vdbl dt_0 = v_set(a->lower_tail ? (a->log_flag ? -INFINITY : 0.0) : (a->log_flag ? 0.0 : 1.0));
    vmsk ok;
    vdbl w_lo, w, L = v_set(0), L_lo = v_set(0);
    if (a->ipow) {
        vdbl v, v_lo;
        w = wb_pow_u(x, a, &ok, &w_lo, &v, &v_lo);
    } else {
        vdbl lu_lo, lu;
        if (a->lower_tail != a->log_flag && a->shape <= WEIBULL_P_CHEAP_SHAPE) {
            /* 1 - e^-w and -w have condition <= 1 in w, so L may be off by shape 2^-55:
             * log u = log x - log scale with the vector layer's log */
            /* x in [2^-1000, Inf): where clamping leaves x as it is (NaN clamps to a number;
             * the clamped value is the other lanes' stand-in, with no blend) */
            vdbl xc = v_min(v_max(x, v_set(0x1p-1000)), v_set(DBL_MAX));
            ok = v_eq(xc, x);
            vdbl lx_lo, lx = v_log_normal_dd(xc, &lx_lo);
            if (a->log_hi == 0 && a->log_lo == 0) { /* scale 1: the same bits, 11 operations fewer */
                lu = lx, lu_lo = lx_lo;
            } else {
                vdbl err, d = v_two_sum(lx, v_set(-a->log_hi), &err);
                lu = v_fast_two_sum(d, v_add(err, v_sub(lx_lo, v_set(a->log_lo))), &lu_lo);
            }
        } else {
            lu = wb_log_u(x, a, &ok, &lu_lo);
        }
        if (a->lower_tail != a->log_flag) {
            /* shape (lu + lu_lo) unnormalised: v_exp_dd takes the high part and the low
             * part enters as the factor 1 + L_lo */
            vdbl err;
            L = v_two_prod(v_set(a->shape), lu, &err);
            L_lo = v_fma(v_set(a->shape), lu_lo, err);
        } else {
            L = wb_times_shape(lu, lu_lo, a, &L_lo);
        }
        /* w and e^-w normal: -708 <= L <= log 708, where clamping leaves L as it is (a NaN
         * clamps to a number) */
        vdbl Lc = v_min(v_max(L, v_set(-WEIBULL_EXP_MAX)), v_set(6.5624)); /* log 708 */
        ok = v_and(ok, v_eq(Lc, L));
        if (a->lower_tail != a->log_flag) {
            /* 1 - e^-w and -w have condition <= 1 in w: the cheaper exponential is enough */
            w = v_exp_dd(Lc, &w_lo);
            w_lo = v_fma(w, L_lo, w_lo);
        } else {
            w = wb_exp(Lc, L_lo, &w_lo);
        }
    }
    vdbl r;
    if (!a->lower_tail) {
        r = a->log_flag ? v_neg(v_add(w, w_lo)) : wb_exp_result(v_neg(w), v_neg(w_lo));
    } else {
        /* 1 - e^-w without cancellation (exp.h); its log, or for tiny w from a general
         * shape L + log((1 - e^-w)/w) (L is at hand, log P's ~1 ULP is not needed) */
        vdbl P_lo, P = v_one_minus_exp_neg(w, w_lo, &P_lo);
        if (!a->log_flag) {
            r = v_add(P, P_lo);
        } else if (a->ipow) {
            r = v_log_dd_input(P, P_lo);
        } else {
            static const double ratio[5] = {-1.0 / 2, 1.0 / 24, 0, -1.0 / 2880, 0};
            vdbl by_ratio = v_add(L, v_fma(w, v_poly_split(ratio, 4, w), L_lo));
            vmsk small_w = v_le(w, v_set(WEIBULL_SMALL));
            vdbl l = v_log_dd_input(v_sel(small_w, v_set(1), P), v_sel(small_w, v_set(0), P_lo));
            r = v_sel(small_w, by_ratio, l);
        }
    }
    *slow = v_not(v_or(nonpositive, ok));
    return v_sel(nonpositive, dt_0, r);
}

/* sqrt(hi + lo) = s + *s_lo for positive normal hi: the remainder hi - s^2 is exact (fma) */
ALWAYS_INLINE vdbl wb_sqrt_dd(vdbl hi, vdbl lo, vdbl *s_lo)
{
    vdbl s = v_sqrt(hi);
    *s_lo = v_div(v_add(v_fnma(s, s, hi), lo), v_add(s, s));
    return s;
}

/* p inside (0, 1) and a normal result; the rest goes to the scalar reference */
ALWAYS_INLINE vdbl qweibull_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct weibull_args *a = args;
    vmsk ok, far = v_none(); /* lanes whose log y is f + f_lo */
    vmsk deep = far;                         /* e^p clamped: y only through log y */
    vdbl y, y_lo = v_set(0), f = v_set(0), f_lo = v_set(0); /* y = -log(1 - P) */
    if (!a->log_flag) {
        /* p in [2^-1000, 1): where clamping leaves p as it is (NaN clamps to a number) */
        vdbl pp = v_min(v_max(p, v_set(0x1p-1000)), v_set(0x1.fffffffffffffp-1));
        ok = v_eq(pp, p);
        vdbl c, c_lo; /* 1 - P */
        if (a->lower_tail)
            c = v_fast_two_sum(v_set(1), v_neg(pp), &c_lo); /* pp < 1 */
        else
            c = pp, c_lo = v_set(0);
        vdbl lc_lo, lc = wb_log_dd_q(c, c_lo, a, &lc_lo);
        y = v_neg(lc), y_lo = v_neg(lc_lo);
    } else if (!a->lower_tail) {
        ok = v_and(v_lt(v_set(-INFINITY), p), v_le(p, v_set(-0x1p-1000)));
        y = v_neg(v_sel(ok, p, v_set(-1)));
    } else {
        /* 1 - e^p by its series near p = 0; where e^p is small, y = -log(1 - e^p) by its
         * series (below p = -40, log y = p + e^p/2); else log(1 - e^p) */
        ok = v_and(v_lt(v_set(-INFINITY), p), v_le(p, v_set(-0x1p-1000)));
        vdbl pp = v_sel(ok, p, v_set(-1));
        vdbl e_lo, e = wb_exp(v_max(pp, v_set(-WEIBULL_EXP_MAX)), v_set(0), &e_lo);
        vmsk small_p = v_le(v_set(-WEIBULL_SMALL), pp), small_e = v_le(e, v_set(WEIBULL_SMALL));
        vdbl s_lo, s = wb_one_minus_exp_neg_small(v_neg(pp), v_set(0), &s_lo);
        vdbl m_lo, m = wb_one_minus(e, e_lo, &m_lo);
        vdbl c = v_sel(small_p, s, m), c_lo = v_sel(small_p, s_lo, m_lo);
        vdbl lc_lo, lc = wb_log_dd_q(c, c_lo, a, &lc_lo);
        vdbl n_lo, n = wb_neg_log1m_small(e, e_lo, &n_lo);
        y = v_sel(small_e, n, v_neg(lc)), y_lo = v_sel(small_e, n_lo, v_neg(lc_lo));
        far = v_lt(pp, v_set(-40));
        deep = v_lt(pp, v_set(-WEIBULL_EXP_MAX));
        f = v_two_sum(pp, v_mul(v_set(0.5), e), &f_lo);
    }
    if (a->ipow == 1 || a->ipow == 2 || a->ipow == 4) {
        /* q = scale y^(1/shape) by square roots: no log y and e^(log q) */
        for (int k = a->ipow; k > 1; k /= 2)
            y = wb_sqrt_dd(y, y_lo, &y_lo);
        vdbl scale = v_set(a->scale);
        vdbl q = v_fma(scale, y, v_mul(scale, y_lo));
        ok = v_and(ok, v_and(v_le(v_set(0x1p-1020), q), v_le(q, v_set(0x1p1020))));
        *slow = v_or(deep, v_not(ok));
        return q;
    }
    vdbl ly_lo, ly = wb_log_dd_q(y, y_lo, a, &ly_lo);
    if (a->log_flag && a->lower_tail) { /* the only case with far lanes (blends cost 3 uops) */
        ly = v_sel(far, f, ly);
        ly_lo = v_sel(far, f_lo, ly_lo);
    }
    /* log q = log scale + log y / shape (the quotient with its remainder) */
    vdbl inv = v_set(a->inv_shape), shape = v_set(a->shape);
    vdbl q1 = v_mul(ly, inv);
    vdbl q2 = v_mul(v_add(v_fnma(q1, shape, ly), ly_lo), inv);
    vdbl lq_lo, lq;
    if (a->log_hi == 0 && a->log_lo == 0) { /* scale 1: the same sum without its first step */
        lq = v_fast_two_sum(q1, q2, &lq_lo);
    } else {
        vdbl err, s = v_two_sum(v_set(a->log_hi), q1, &err);
        lq = v_fast_two_sum(s, v_add(err, v_add(q2, v_set(a->log_lo))), &lq_lo);
    }
    vdbl lq_clamped = v_min(v_max(lq, v_set(-WEIBULL_EXP_MAX)), v_set(WEIBULL_EXP_MAX));
    *slow = v_not(v_and(ok, v_eq(lq_clamped, lq))); /* lq in [-708, 708] */
    return wb_exp_result(lq_clamped, lq_lo);
}

VD_SCALAR_LANES2(weibull, struct weibull_args, shape, scale)

/* param = {shape, scale}; log_hi, log_lo as the kernel needs */
static struct weibull_args weibull_args_make(const double *param, int lower_tail, int log_flag,
                                             dd log_term)
{
    double shape = param[0], scale = param[1];
    int ipow = shape >= 1 && shape <= WEIBULL_IPOW_MAX && shape == (int)shape ? (int)shape : 0;
    double coef = shape / scale; /* with its remainder */
    return (struct weibull_args){shape,       scale,      1 / scale, 1 / shape, log_term.hi,
                                 log_term.lo, lower_tail, log_flag,  ipow,      coef,
                                 fma(-coef, scale, shape) / scale};
}

static void ISA_SUFFIX(dweibull_array)(size_t n, const double *x, const double *param,
                                       int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    dd ls = log_dd(param[0]), lc = log_dd(param[1]);
    dd diff = dd_add(ls, (dd){-lc.hi, -lc.lo});
    struct weibull_args a = weibull_args_make(param, 1, give_log, diff);
    run_array(n, x, out, &a, dweibull_vec, dweibull_one);
}

static void ISA_SUFFIX(pweibull_array)(size_t n, const double *x, const double *param,
                                       int lower_tail, int log_p, double *out)
{
    struct weibull_args a = weibull_args_make(param, lower_tail, log_p, log_dd(param[1]));
    run_array(n, x, out, &a, pweibull_vec, pweibull_one);
}

/* q's relative error is y's over shape: below this shape the vector path's ~2^-65 in y
 * (from its exp) would show, and the scalar reference takes the whole call */
#define WEIBULL_Q_SHAPE_MIN 0x1p-10

static void ISA_SUFFIX(qweibull_array)(size_t n, const double *x, const double *param,
                                       int lower_tail, int log_p, double *out)
{
    struct weibull_args a = weibull_args_make(param, lower_tail, log_p, log_dd(param[1]));
    if (a.shape < WEIBULL_Q_SHAPE_MIN) {
        for (size_t i = 0; i < n; i++)
            out[i] = qweibull_one(x[i], &a);
        return;
    }
    run_array(n, x, out, &a, qweibull_vec, qweibull_one);
}
