/* Exponential distribution kernels, written once over the vector layer (see
 * src/scalar/exp.c for the method). t = x/scale is carried as t_hi + t_lo and e^-t comes
 * from one range reduction as 2^-k (1 + s + s_lo), from which e^-t and 1 - e^-t are both
 * assembled without cancellation. Lanes the vector path does not cover (NaN, infinite,
 * tiny or subnormal inputs and results, t > 708) are recomputed by the scalar reference;
 * dispatch/ has sent scale outside [2^-1000, 2^1000] to the scalar loop. */
#ifndef VDIST_SIMD_EXP_H
#define VDIST_SIMD_EXP_H

#include <float.h>

#include "vdist.h"
#include "common.h"

struct exp_args {
    double scale, inv_scale, inv_lo; /* 1/scale = inv_scale + inv_lo */
    double log_hi, log_lo;           /* log(scale) */
    int lower_tail, log_flag;
};

static struct exp_args exp_args_make(double scale, int lower_tail, int log_flag)
{
    double inv = 1 / scale;
    return (struct exp_args){scale, inv, fma(-inv, scale, 1) / scale, 0, 0, lower_tail, log_flag};
}

#define EXP_T_MAX 708.0   /* e^-t stays a normal double (v_pow2i) */
#define EXP_TINY 0x1p-960 /* below: x - t scale is no longer exact, t's logarithm subnormal */

/* t = x / scale = hi + *lo (the remainder exact by fma) */
ALWAYS_INLINE vdbl exp_t(vdbl x, const struct exp_args *a, vdbl *lo)
{
    vdbl inv = v_set(a->inv_scale);
    vdbl t = v_mul(x, inv);
    *lo = v_mul(v_fnma(t, v_set(a->scale), x), inv);
    return t;
}

/* e^-(t + t_lo) = a (1 + s + *s_lo), a = 2^-k returned, for 0 <= t <= 708; |s| < 0.42.
 * (shared by pexp and qexp; t_lo goes into the reduction's error term) */
ALWAYS_INLINE vdbl v_exp_neg_split(vdbl t, vdbl t_lo, vdbl *s, vdbl *s_lo)
{
    vdbl r, r_err, quad, a = v_exp_reduce(v_neg(t), &r, &r_err, &quad);
    r_err = v_sub(r_err, t_lo); /* up to 2^-44: its factor is e^r = 1 + s, not 1 + r */
    *s = v_add(r, quad);
    *s_lo = v_fma(r_err, v_add(v_set(1), *s), v_add(v_sub(r, *s), quad));
    return a;
}

/* e^-t = hi + *lo */
ALWAYS_INLINE vdbl v_exp_neg_dd(vdbl t, vdbl t_lo, vdbl *lo)
{
    vdbl s, s_lo, a = v_exp_neg_split(t, t_lo, &s, &s_lo);
    vdbl err, hi = v_two_sum(a, v_mul(a, s), &err); /* a s exact: a is a power of 2 */
    *lo = v_fma(a, s_lo, err);
    return hi;
}

/* 1 - e^-t = hi + *lo with every step exact but the last: -expm1(-t) for all t in
 * [0, 708]. The sums are ordered (fast two-sums): a = 2^-k <= 1, and c = 1 - a is 0 (k = 0)
 * or at least 1/2, beside |a s| <= 0.42 a. */
ALWAYS_INLINE vdbl v_one_minus_exp_neg(vdbl t, vdbl t_lo, vdbl *lo)
{
    vdbl s, s_lo, a = v_exp_neg_split(t, t_lo, &s, &s_lo);
    vdbl c_err, c = v_fast_two_sum(v_set(1), v_neg(a), &c_err);
    vdbl u_err, u = v_fast_two_sum(c, v_neg(v_mul(a, s)), &u_err);
    *lo = v_fnma(a, s_lo, v_add(u_err, c_err));
    return u;
}

/* log(hi + lo) rounded, for hi positive normal, |lo| <= ulp(hi) */
ALWAYS_INLINE vdbl v_log_dd_input(vdbl hi, vdbl lo)
{
    vdbl l_lo, l = v_log_sum_dd(hi, lo, &l_lo);
    return v_add(l, l_lo);
}

ALWAYS_INLINE vdbl dexp_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct exp_args *a = args;
    vmsk negative = v_lt(x, v_set(0));
    vdbl t_lo, t = exp_t(x, a, &t_lo);
    if (a->log_flag) { /* -t - log(scale) */
        vdbl err, s = v_two_sum(v_neg(t), v_set(-a->log_hi), &err);
        vdbl r = v_add(s, v_sub(v_sub(err, t_lo), v_set(a->log_lo)));
        /* an exact zero (x = 0, scale = 1) takes Rmath's sign from the scalar reference */
        *slow = v_andnot(negative, v_or(v_not(v_finite(t)), v_not(v_lt(v_set(0), v_abs(r)))));
        return v_sel(negative, v_set(-INFINITY), r);
    }
    vdbl e_lo, e = v_exp_neg_dd(v_min(v_abs(t), v_set(EXP_T_MAX)), t_lo, &e_lo);
    vdbl kh = v_set(a->inv_scale);
    vdbl d = v_fma(e, kh, v_fma(e_lo, kh, v_mul(e, v_set(a->inv_lo))));
    /* t <= 708 and a normal result (NaN fails both) */
    *slow = v_andnot(negative, v_not(v_and(v_le(t, v_set(EXP_T_MAX)), v_le(v_set(0x1p-1000), d))));
    return v_sel(negative, v_set(0), d);
}

ALWAYS_INLINE vdbl pexp_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct exp_args *a = args;
    vmsk nonpositive = v_le(x, v_set(0)); /* R_DT_0 */
    vdbl dt_0 = v_set(a->lower_tail ? (a->log_flag ? -INFINITY : 0.0) : (a->log_flag ? 0.0 : 1.0));
    vdbl t_lo, t = exp_t(x, a, &t_lo);
    /* x and t away from the subnormal range, t below 708 (or, for the lower tail without
     * log, finite: 1 - e^-t is 1 beyond 708) */
    vdbl t_max = v_set(a->lower_tail && !a->log_flag ? DBL_MAX : EXP_T_MAX);
    vmsk ok = v_and(v_and(v_le(v_set(EXP_TINY), x), v_le(v_set(EXP_TINY), t)), v_le(t, t_max));
    *slow = v_not(v_or(nonpositive, ok));
    vdbl r;
    if (!a->lower_tail) {
        if (a->log_flag) {
            r = v_neg(v_add(t, t_lo)); /* the rounded quotient, as Rmath's -(x/scale) */
        } else {
            vdbl e_lo, e = v_exp_neg_dd(v_min(t, v_set(EXP_T_MAX)), t_lo, &e_lo);
            r = v_add(e, e_lo);
        }
    } else {
        vdbl u_lo, u = v_one_minus_exp_neg(v_min(t, v_set(EXP_T_MAX)), t_lo, &u_lo);
        r = a->log_flag ? v_log_dd_input(u, u_lo) : v_add(u, u_lo);
    }
    return v_sel(nonpositive, dt_0, r);
}

/* The upper tail's log for a power-of-2 scale (1/scale exact): -(x/scale) is -x times
 * 1/scale with the quotient's own rounding; x <= 0 gives log 1 = 0, NaN stays NaN and +Inf
 * gives -Inf, so no lane needs the scalar reference. */
ALWAYS_INLINE vdbl pexp_upper_log_exact_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct exp_args *a = args;
    *slow = v_none();
    return v_sel(v_le(x, v_set(0)), v_set(0), v_mul(x, v_set(-a->inv_scale)));
}

/* scale (T + T_lo) with one rounding of the product */
ALWAYS_INLINE vdbl exp_scaled(vdbl T, vdbl T_lo, const struct exp_args *a)
{
    vdbl scale = v_set(a->scale);
    return v_fma(scale, T, v_mul(scale, T_lo));
}

/* p strictly inside the range, and results normal; the rest (p = 0 or 1, NaN, log p near 0
 * or below -708, subnormal p) goes to the scalar reference */
ALWAYS_INLINE vdbl qexp_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct exp_args *a = args;
    vmsk ok;
    vdbl T, T_lo = v_set(0);
    if (!a->log_flag && a->lower_tail) { /* T = -log(1 - p), 1 - p = u + u_err exactly */
        ok = v_and(v_lt(v_set(0), p), v_lt(p, v_set(1)));
        vdbl u_err, u = v_two_sum(v_set(1), v_neg(p), &u_err);
        T = v_neg(v_log_dd_input(v_sel(ok, u, v_set(0.5)), u_err));
    } else if (!a->log_flag) { /* T = -log p */
        ok = v_and(v_le(v_set(DBL_MIN), p), v_lt(p, v_set(1)));
        vdbl l_lo, l = v_log_normal_dd(v_sel(ok, p, v_set(0.5)), &l_lo);
        T = v_neg(l);
        T_lo = v_neg(l_lo);
    } else if (a->lower_tail) { /* T = -log(1 - e^p) */
        ok = v_and(v_le(v_set(-EXP_T_MAX), p), v_lt(p, v_set(-EXP_TINY)));
        vdbl u_lo, u = v_one_minus_exp_neg(v_sel(ok, v_neg(p), v_set(1)), v_set(0), &u_lo);
        T = v_neg(v_log_dd_input(u, u_lo));
    } else { /* T = -log p */
        ok = v_and(v_lt(v_set(-INFINITY), p), v_lt(p, v_set(0)));
        T = v_neg(p);
    }
    vdbl q = exp_scaled(T, T_lo, a);
    /* normal results (below, the scalar reference rounds once; Inf is the same either way) */
    *slow = v_not(v_and(ok, v_le(v_set(0x1p-1000), q)));
    return q;
}

VD_SCALAR_LANES1(exp, struct exp_args, scale)

/* log(scale) as a double-double, from the scalar numerics */
static void exp_log_scale(struct exp_args *a)
{
    dd l = log_dd(a->scale);
    a->log_hi = l.hi;
    a->log_lo = l.lo;
}

/* The kernels in the registry's calling form: param = {scale}. */
static void ISA_SUFFIX(dexp_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    struct exp_args a = exp_args_make(param[0], 1, give_log);
    if (give_log)
        exp_log_scale(&a);
    run_array(n, x, out, &a, dexp_vec, dexp_one);
}

static void ISA_SUFFIX(pexp_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    struct exp_args a = exp_args_make(param[0], lower_tail, log_p);
    if (!lower_tail && log_p && a.inv_lo == 0)
        run_array(n, x, out, &a, pexp_upper_log_exact_vec, pexp_one);
    else
        run_array(n, x, out, &a, pexp_vec, pexp_one);
}

static void ISA_SUFFIX(qexp_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    struct exp_args a = exp_args_make(param[0], lower_tail, log_p);
    run_array(n, x, out, &a, qexp_vec, qexp_one);
}

#endif
