/* Logistic distribution kernels, written once over the vector layer (see src/scalar/logis.c
 * for the method). z = (x - location)/scale is a double-double and e^-|z| comes from the
 * exponential family's split exponential (exp.h), so 1 + e^-|z| is exact as a
 * double-double. Lanes the vector path does not cover (non-finite input, results that may
 * be subnormal, log densities near 0 where log(scale) cancels, p at 0 or 1) are recomputed
 * by the scalar reference; dispatch/ has sent infinite or extreme parameters to the scalar
 * loop (logis_params_regular). */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "exp.h"

struct logis_args {
    double location, scale, inv_scale, inv_lo; /* 1/scale = inv_scale + inv_lo */
    double log_hi, log_lo;                     /* dlogis: log(scale) */
    int lower_tail, log_flag;
};

static struct logis_args logis_args_make(double location, double scale, int lower_tail,
                                         int log_flag)
{
    double inv = 1 / scale;
    return (struct logis_args){location, scale, inv, fma(-inv, scale, 1) / scale, 0, 0,
                               lower_tail, log_flag};
}

#define LOGIS_A_MAX 700.0   /* e^-a, and results of that size, stay normal */
#define LOGIS_A_ZERO 1500.0 /* e^-1500 is 0 even scaled by 2^1000 */

/* z = hi + *lo */
ALWAYS_INLINE vdbl logis_z(vdbl x, const struct logis_args *a, vdbl *lo)
{
    return v_div_diff_dd(x, v_set(a->location), v_set(a->scale), v_set(a->inv_scale), lo);
}

/* e^-a = hi + *lo for a = a_hi + a_lo >= 0; beyond LOGIS_A_MAX it is e^-700 (callers use it
 * only where it is negligible or send the lane elsewhere) */
ALWAYS_INLINE vdbl logis_exp_neg(vdbl a_hi, vdbl a_lo, vdbl *lo)
{
    vmsk big = v_lt(v_set(LOGIS_A_MAX), a_hi);
    return v_exp_neg_dd(v_sel(big, v_set(LOGIS_A_MAX), a_hi), v_sel(big, v_set(0), a_lo), lo);
}

/* log1p(e) = hi + *lo for e = e_hi + e_lo in (0, 1]: log(1 + e) of the exact double-double
 * 1 + e (hi + lo good to ~2^-55 absolute) */
ALWAYS_INLINE vdbl logis_log1p_small(vdbl e_hi, vdbl e_lo, vdbl *lo)
{
    vdbl u_err, u = v_two_sum(v_set(1), e_hi, &u_err);
    vdbl l_lo, l = v_log_normal_dd(u, &l_lo);
    *lo = v_add(l_lo, v_div(v_add(u_err, e_lo), u));
    return l;
}

ALWAYS_INLINE vdbl dlogis_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct logis_args *a = args;
    vdbl z_lo, z = logis_z(x, a, &z_lo);
    vmsk neg = v_lt(z, v_set(0));
    vdbl ah = v_abs(z), al = v_sel(neg, v_neg(z_lo), z_lo); /* |z| */
    vdbl e_lo, e = logis_exp_neg(ah, al, &e_lo);
    vmsk finite = v_finite(z);
    if (a->log_flag) {
        /* -(a + 2 log1p(e^-a) + log scale), summed as double-doubles */
        vdbl l_lo, l = logis_log1p_small(e, e_lo, &l_lo);
        vdbl err1, s = v_two_sum(ah, v_mul(v_set(2), l), &err1);
        vdbl err2, t = v_two_sum(s, v_set(a->log_hi), &err2);
        vdbl rest = v_add(v_add(err1, err2), v_add(v_fma(v_set(2), l_lo, al), v_set(a->log_lo)));
        vdbl r = v_neg(v_add(t, rest));
        /* near 0 the ~2^-54 absolute error of the sum would show: the scalar reference */
        *slow = v_not(v_and(finite, v_le(v_set(0.5), v_abs(r))));
        return r;
    }
    /* e / (1 + e)^2 / scale */
    vdbl u_err, u = v_two_sum(v_set(1), e, &u_err);
    vdbl ul = v_add(u_err, e_lo);
    vdbl sq_err, sq = v_two_prod(u, u, &sq_err);
    vdbl sq_lo = v_fma(v_mul(v_set(2), u), ul, sq_err);
    vdbl q = v_div(e, sq);
    vdbl q_lo = v_div(v_add(v_fnma(q, sq, e), v_fnma(q, sq_lo, e_lo)), sq);
    vdbl kh = v_set(a->inv_scale);
    vdbl d = v_fma(q, kh, v_fma(q_lo, kh, v_mul(q, v_set(a->inv_lo))));
    vmsk zero = v_lt(v_set(LOGIS_A_ZERO), ah); /* +0, as the scalar reference */
    vmsk ok = v_and(v_le(ah, v_set(LOGIS_A_MAX)), v_le(v_set(0x1p-1000), d));
    *slow = v_not(v_and(finite, v_or(zero, ok)));
    return v_sel(zero, v_set(0), d);
}

ALWAYS_INLINE vdbl plogis_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct logis_args *a = args;
    vdbl z_lo, z = logis_z(x, a, &z_lo);
    vdbl w = a->lower_tail ? z : v_neg(z), w_lo = a->lower_tail ? z_lo : v_neg(z_lo);
    vmsk neg = v_lt(w, v_set(0));
    vdbl ah = v_abs(w), al = v_sel(neg, v_neg(w_lo), w_lo); /* |w| */
    vdbl e_lo, e = logis_exp_neg(ah, al, &e_lo);
    vmsk finite = v_finite(z);
    vmsk big = v_lt(v_set(LOGIS_A_MAX), ah);
    vmsk zero = v_lt(v_set(LOGIS_A_ZERO), ah);
    if (a->log_flag) {
        /* w >= 0: -log1p(e^-w); w < 0: w - log1p(e^w) */
        vdbl l_lo, l = logis_log1p_small(e, e_lo, &l_lo);
        vdbl t = v_sel(neg, ah, v_set(0)), t_lo = v_sel(neg, al, v_set(0));
        vdbl err, s = v_two_sum(t, l, &err);
        vdbl r = v_neg(v_add(s, v_add(err, v_add(t_lo, l_lo))));
        /* w >= 0 far out: -e^-w may be subnormal; beyond 1500 it is Rmath's -0 */
        vmsk pos_big = v_andnot(neg, big), pos_zero = v_andnot(neg, zero);
        *slow = v_not(v_and(finite, v_or(v_not(pos_big), pos_zero)));
        return v_sel(pos_zero, v_set(-0.0), r);
    }
    /* 1/(1 + e) for w >= 0, e/(1 + e) for w < 0, with 1 + e = u + ul exact */
    vdbl u_err, u = v_two_sum(v_set(1), e, &u_err);
    vdbl ul = v_add(u_err, e_lo);
    vdbl num = v_sel(neg, e, v_set(1)), num_lo = v_sel(neg, e_lo, v_set(0));
    vdbl q = v_div(num, u);
    vdbl q_lo = v_div(v_add(v_fnma(q, u, num), v_fnma(q, ul, num_lo)), u);
    vdbl r = v_add(q, q_lo);
    /* w < 0 far out: e^w may be subnormal (the scalar reference), then +0 */
    vmsk neg_big = v_and(neg, big), neg_zero = v_and(neg, zero);
    *slow = v_not(v_and(finite, v_or(v_not(neg_big), neg_zero)));
    return v_sel(neg_zero, v_set(0), r);
}

/* log(hi + lo) = result + *l_lo for hi positive normal, |lo| <= ulp(hi) */
ALWAYS_INLINE vdbl logis_log_dd(vdbl hi, vdbl lo, vdbl *l_lo)
{
    vdbl ll, l = v_log_normal_dd(hi, &ll);
    *l_lo = v_add(ll, v_div(lo, hi));
    return l;
}

#define LOGIS_D_SERIES 0.1716 /* |d| below: 2 atanh(d) by its series (as v_log_normal_dd) */

/* 2 atanh(d) for d = dh + dl, |d| <= LOGIS_D_SERIES: 2d + d^3 P(d^2), the derivative
 * 2/(1 - d^2) for dl */
ALWAYS_INLINE vdbl logis_atanh2(vdbl dh, vdbl dl, vdbl *lo)
{
    static const double atanh_series[11] = {
        2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13,
        2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21, 2.0 / 23,
    };
    vdbl d2 = v_mul(dh, dh);
    vdbl tail = v_mul(v_mul(dh, d2), v_poly_split(atanh_series, 10, d2));
    vdbl err, hi = v_two_sum(v_add(dh, dh), tail, &err);
    *lo = v_add(err, v_div(v_add(dl, dl), v_fnma(dh, dh, v_set(1))));
    return hi;
}

/* p inside (0, 1) and a finite result; the rest (p = 0 or 1, NaN, subnormal p, log p near
 * 0) goes to the scalar reference */
ALWAYS_INLINE vdbl qlogis_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct logis_args *a = args;
    vmsk ok;
    vdbl L, L_lo, dh, dl;
    if (!a->log_flag) {
        /* log p - log(1 - p) (1 - p exact as u + u_err); 2 atanh(2p - 1) near p = 1/2 */
        ok = v_and(v_le(v_set(0x1p-1000), p), v_lt(p, v_set(1)));
        vdbl pp = v_sel(ok, p, v_set(0.5));
        vdbl u_err, u = v_two_sum(v_set(1), v_neg(pp), &u_err);
        vdbl la_lo, la = v_log_normal_dd(pp, &la_lo);
        vdbl lu_lo, lu = logis_log_dd(u, u_err, &lu_lo);
        vdbl err, s = v_two_sum(la, v_neg(lu), &err);
        L = s;
        L_lo = v_add(err, v_sub(la_lo, lu_lo));
        dh = v_fma(v_set(2), pp, v_set(-1)); /* exact */
        dl = v_set(0);
    } else {
        /* lp < log 1/4: lp - log(1 - e^lp); lp > log 3/4: lp - log(-expm1(lp)); between:
         * d = expm1(lp + ln 2) = 2p - 1 and log(1 + d) - log(1 - d) */
        ok = v_and(v_lt(v_set(-INFINITY), p), v_lt(p, v_set(-0x1p-1000)));
        vdbl lp = v_sel(ok, p, v_set(-1));
        vdbl lpc = v_max(lp, v_set(-708)); /* below, e^lp is negligible beside lp */
        vmsk low = v_lt(lp, v_set(-1.3862943611198906)), high = v_lt(v_set(-0.2876820724517809), lp);
        vdbl e_lo, e = v_exp_dd(lpc, &e_lo);
        vdbl m_lo, m = v_expm1_dd(lpc, &m_lo);
        /* d: expm1(t + t_lo) = expm1(t) + t_lo e^t to first order */
        vdbl t_err, t = v_two_sum(lp, v_set(LN2_DD_HI), &t_err);
        vdbl t_lo = v_add(t_err, v_set(LN2_DD_LO));
        vdbl d_lo, d = v_expm1_dd(v_max(t, v_set(-708)), &d_lo);
        dh = d;
        dl = v_fma(t_lo, v_add(v_set(1), d), d_lo);
        /* U: the argument of the subtracted logarithm, A: of the first (middle only) */
        vdbl c_err, c = v_two_sum(v_set(1), v_neg(e), &c_err); /* 1 - e^lp */
        vdbl one_m_d_err, one_m_d = v_two_sum(v_set(1), v_neg(dh), &one_m_d_err);
        vdbl U = v_sel(low, c, v_sel(high, v_neg(m), one_m_d));
        vdbl U_lo = v_sel(low, v_sub(c_err, e_lo), v_sel(high, v_neg(m_lo), v_sub(one_m_d_err, dl)));
        vdbl one_p_d_err, one_p_d = v_two_sum(v_set(1), dh, &one_p_d_err);
        vdbl A_lo, A = logis_log_dd(one_p_d, v_add(one_p_d_err, dl), &A_lo);
        vmsk middle = v_not(v_or(low, high));
        A = v_sel(middle, A, lp);
        A_lo = v_sel(middle, A_lo, v_set(0));
        vdbl lu_lo, lu = logis_log_dd(U, U_lo, &lu_lo);
        vdbl err, s = v_two_sum(A, v_neg(lu), &err);
        L = s;
        L_lo = v_add(err, v_sub(A_lo, lu_lo));
        /* the series applies only in the middle */
        dh = v_sel(middle, dh, v_set(1));
    }
    vmsk series = v_le(v_abs(dh), v_set(LOGIS_D_SERIES));
    vdbl S_lo, S = logis_atanh2(v_sel(series, dh, v_set(0)), v_sel(series, dl, v_set(0)), &S_lo);
    L = v_sel(series, S, L);
    L_lo = v_sel(series, S_lo, L_lo);
    if (!a->lower_tail) {
        L = v_neg(L);
        L_lo = v_neg(L_lo);
    }
    /* location + scale L with one rounding of the sum, as the scalar reference */
    vdbl scale = v_set(a->scale);
    vdbl sl_lo, sl = v_two_prod(scale, L, &sl_lo);
    vdbl sum_lo, sum = v_two_sum(v_set(a->location), sl, &sum_lo);
    vdbl q = v_add(sum, v_add(sum_lo, v_fma(scale, L_lo, sl_lo)));
    /* where location cancels scale L, L's ~2^-54 relative error would grow: the scalar
     * reference (only for location of the opposite sign and near |scale L|) */
    vmsk cancels = v_lt(v_abs(q), v_mul(v_set(0.5), v_abs(sl)));
    *slow = v_not(v_and(v_andnot(cancels, ok), v_finite(q)));
    return q;
}

static double dlogis_one(double x, const void *args)
{
    const struct logis_args *a = args;
    return vd_dlogis(x, a->location, a->scale, a->log_flag);
}

static double plogis_one(double x, const void *args)
{
    const struct logis_args *a = args;
    return vd_plogis(x, a->location, a->scale, a->lower_tail, a->log_flag);
}

static double qlogis_one(double x, const void *args)
{
    const struct logis_args *a = args;
    return vd_qlogis(x, a->location, a->scale, a->lower_tail, a->log_flag);
}

/* The kernels in the registry's calling form: param = {location, scale}. */
static void ISA_SUFFIX(dlogis_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    struct logis_args a = logis_args_make(param[0], param[1], 1, give_log);
    if (give_log) {
        dd l = log_dd(a.scale);
        a.log_hi = l.hi;
        a.log_lo = l.lo;
    }
    run_array(n, x, out, &a, dlogis_vec, dlogis_one);
}

static void ISA_SUFFIX(plogis_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct logis_args a = logis_args_make(param[0], param[1], lower_tail, log_p);
    run_array(n, x, out, &a, plogis_vec, plogis_one);
}

static void ISA_SUFFIX(qlogis_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct logis_args a = logis_args_make(param[0], param[1], lower_tail, log_p);
    run_array(n, x, out, &a, qlogis_vec, qlogis_one);
}
