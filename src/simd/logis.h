/* Logistic distribution kernels, written once over the vector layer (see src/scalar/logis.c
 * for the method). The kernels keep the dependency chains short and the operation count
 * low, and use the error budget where the condition allows: z = (x - location)/scale is a
 * double-double, e^-|z| a plain double from one reduction and a fitted polynomial
 * (tools/fit_logis.py), with z's low part and the rounding of 1 + e carried by first-order
 * terms; logarithms take a ratio P/U apart into exponents and a mantissa ratio near 1, with
 * one division. Lanes the vector path does not cover (non-finite input, |z| beyond 700,
 * results that may be subnormal, log densities near 0 where log(scale) cancels, p at 0 or
 * 1, cancellation against location) are recomputed by the scalar reference; dispatch/ has
 * sent infinite or extreme parameters to the scalar loop (logis_params_regular). */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "exp.h"
#include "../scalar/logis_coeffs.h"

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

#define LOGIS_A_MAX 700.0 /* e^-a, and results of that size, stay normal */

/* z = hi + *lo; exact (a compile-time constant) for location 0 and scale a power of 2
 * (logis_z_exact), where x/scale = x inv_scale is exact (or, subnormal, beside results that
 * are 1/2 to 2^-900): the double-double quotient is a sixth of plogis's work */
ALWAYS_INLINE vdbl logis_z(vdbl x, const struct logis_args *a, vdbl *lo, const int exact)
{
    if (exact) {
        *lo = v_set(0);
        return v_mul(x, v_set(a->inv_scale));
    }
    return v_div_diff_dd(x, v_set(a->location), v_set(a->scale), v_set(a->inv_scale), lo);
}

/* location 0 and scale = 2^k (the standard logistic, the sigmoid's users) */
static int logis_z_exact(const struct logis_args *a)
{
    int e;
    return a->location == 0 && frexp(a->scale, &e) == 0.5;
}

/* c[0] + c[1] t + ... + c[degree] t^degree by Estrin's scheme: pairs c[i] + c[i+1] t joined
 * by t^2, t^4, ...: a dependency chain of log2(degree) steps (|t| is small enough here for
 * it to round as well as Horner). */
ALWAYS_INLINE vdbl logis_estrin(const double *c, int degree, vdbl t)
{
    vdbl level[8];
    int n = 0;
    for (int i = 0; i <= degree; i += 2)
        level[n++] = i < degree ? v_fma(v_set(c[i + 1]), t, v_set(c[i])) : v_set(c[i]);
    vdbl power = t;
    while (n > 1) {
        power = v_mul(power, power);
        int m = 0;
        for (int i = 0; i < n; i += 2)
            level[m++] = i + 1 < n ? v_fma(level[i + 1], power, level[i]) : level[i];
        n = m;
    }
    return level[0];
}

/* e^-a (~0.5 ULP) for |a| <= LOGIS_A_MAX (other lanes unspecified: callers send them
 * to the scalar reference): a = r - k ln 2, k = round(-a / ln 2), e^-r = 1 - r + r^2 Q(r).
 * A caller whose argument is a + a_lo carries a_lo as the factor 1 - a_lo. */
ALWAYS_INLINE vdbl logis_exp_neg(vdbl a)
{
    vdbl b = v_fma(a, v_set(-0x1.71547652b82fep0), v_set(V_POW2I_SHIFTER));
    vdbl k = v_sub(b, v_set(V_POW2I_SHIFTER));
    vdbl r = v_fma(k, v_set(LN2_LO), v_fma(k, v_set(LN2_HI), a)); /* k LN2_HI + a exact */
    vdbl q = v_mul(v_mul(r, r), v_poly_split(logis_exp_q, 9, r));
    return v_mul(v_add(v_set(1), v_sub(q, r)), v_pow2i_biased(b));
}

/* log(P/U) + corr = hi + *lo for P, U positive normal and |corr| small beside the result's
 * ULP, with one division: P = 2^e m, U = 2^f n (v_exponent, m and n in [1/sqrt 2, sqrt 2)),
 * m - n exact (Sterbenz: m/n in (1/2, 2)) and log(m/n) = 2 atanh(s) = 2s + s^3 R(s^2),
 * s = (m - n)/(m + n), |s| < 1/3. A ratio near 1 keeps all its digits, so logit needs no
 * separate series around p = 1/2. */
ALWAYS_INLINE vdbl logis_log_ratio(vdbl P, vdbl U, vdbl corr, vdbl *lo)
{
    vdbl m, e = v_exponent_offset(P, &m);
    vdbl n, f = v_exponent_offset(U, &n);
    vdbl k = v_sub(e, f); /* the offsets cancel exactly */
    vdbl s = v_div(v_sub(m, n), v_add(m, n));
    vdbl s2 = v_mul(s, s);
    vdbl tail = v_fma(v_mul(s, s2), logis_estrin(logis_log_r_wide, 9, s2), corr);
    vdbl small = v_fma(k, v_set(LN2_LO), v_fma(v_set(2), s, tail));
    return v_two_sum(v_mul(k, v_set(LN2_HI)), small, lo); /* k LN2_HI is exact */
}

/* log1p(e) = hi + *lo for e = e_hi (1 - e_rel), 0 <= e_hi <= 1 (e_rel tiny): log u for
 * u = 1 + e_hi rounded, its rounding and e_rel divided by u ~ 3/2 - u/2 (8% is enough for
 * terms of 2^-53 relative) */
ALWAYS_INLINE vdbl logis_log1p(vdbl e_hi, vdbl e_rel, vdbl *lo)
{
    vdbl u = v_add(v_set(1), e_hi);
    vdbl ul = v_fnma(e_hi, e_rel, v_add(v_sub(v_set(1), u), e_hi));
    vdbl inv_u = v_fnma(v_set(0.5), u, v_set(1.5));
    return logis_log_ratio(u, v_set(1), v_mul(ul, inv_u), lo);
}

ALWAYS_INLINE vdbl dlogis_vec_impl(vdbl x, const void *args, vmsk *slow, const int exact)
{
    const struct logis_args *a = args;
    vdbl z_lo, z = logis_z(x, a, &z_lo, exact);
    vdbl ah = v_abs(z), al = v_sel(v_lt(z, v_set(0)), v_neg(z_lo), z_lo); /* |z| */
    vdbl e = logis_exp_neg(ah); /* e^-(ah + al) = e (1 - al) */
    vmsk in_range = v_le(ah, v_set(LOGIS_A_MAX)); /* false for NaN */
    if (a->log_flag) {
        /* -(a + 2 log1p(e^-a) + log scale), summed as double-doubles */
        vdbl l_lo, l = logis_log1p(e, al, &l_lo);
        vdbl err1, s = v_two_sum(ah, v_mul(v_set(2), l), &err1);
        vdbl err2, t = v_two_sum(s, v_set(a->log_hi), &err2);
        vdbl rest = v_add(v_add(err1, err2), v_add(v_fma(v_set(2), l_lo, al), v_set(a->log_lo)));
        vdbl r = v_neg(v_add(t, rest));
        /* near 0 the ~2^-54 absolute error of the sum would show: the scalar reference */
        *slow = v_not(v_and(in_range, v_le(v_set(0.5), v_abs(r))));
        return r;
    }
    /* e / (1 + e)^2 / scale with 1 + e = u + ul exact: one reciprocal, the quotient's
     * remainder by fma */
    vdbl u = v_add(v_set(1), e);
    vdbl ul = v_add(v_sub(v_set(1), u), e);
    vdbl sq_err, sq = v_two_prod(u, u, &sq_err);
    vdbl sq_lo = v_fma(v_add(u, u), ul, sq_err);
    vdbl inv = v_div(v_set(1), sq);
    vdbl q = v_mul(e, inv);
    vdbl q_lo = v_mul(v_fnma(q, sq_lo, v_fnma(e, al, v_fnma(q, sq, e))), inv);
    vdbl kh = v_set(a->inv_scale);
    vdbl d = v_fma(q, kh, v_fma(q_lo, kh, v_mul(q, v_set(a->inv_lo))));
    *slow = v_not(v_and(in_range, v_le(v_set(0x1p-1000), d)));
    return d;
}

/* plogis, not log: F/(1 + F), F = e^w for either sign of w = -nw (F up to e^700: 1 + F and
 * the quotient stay normal): no select between e^-|w|/(1 + e^-|w|) and 1/(1 + e^-|w|), and
 * in the left tail 1 + F = 1 leaves the quotient exact. The rounding ul of u = 1 + F (exact
 * by ordering the pair) and w's low part enter by first order, through 1/u = 1 - p and
 * dp/dw = p (1 - p): p + p (1 - p) (w_lo - ul). */
ALWAYS_INLINE vdbl plogis_ratio(vdbl nw, vdbl w_lo, const int exact)
{
    vdbl F = logis_exp_neg(nw);
    vdbl u = v_add(v_set(1), F);
    vdbl ul = v_add(v_sub(v_max(v_set(1), F), u), v_min(v_set(1), F));
    vdbl p = v_div(F, u);
    vdbl t = v_fnma(p, p, p); /* p (1 - p) */
    return exact ? v_fnma(t, ul, p) : v_fma(t, v_sub(w_lo, ul), p); /* exact: w_lo = 0 */
}

/* |w| beyond LOGIS_A_MAX (subnormal results, or Rmath's 1 and -0), NaN, Inf */
ALWAYS_INLINE vmsk plogis_slow(vdbl w)
{
    return v_not_le(v_abs(w), v_set(LOGIS_A_MAX));
}

ALWAYS_INLINE vdbl plogis_vec_impl(vdbl x, const void *args, vmsk *slow, const int exact)
{
    const struct logis_args *a = args;
    if (exact && !a->log_flag) { /* -w = x (-+1/scale), exact */
        vdbl nw = v_mul(x, v_set(a->lower_tail ? -a->inv_scale : a->inv_scale));
        *slow = plogis_slow(nw);
        return plogis_ratio(nw, v_set(0), 1);
    }
    vdbl z_lo, z = logis_z(x, a, &z_lo, exact);
    vdbl w = a->lower_tail ? z : v_neg(z), w_lo = a->lower_tail ? z_lo : v_neg(z_lo);
    *slow = plogis_slow(w);
    if (!a->log_flag)
        return plogis_ratio(v_neg(w), w_lo, 0);
    /* w >= 0: -log1p(e^-w); w < 0: w - log1p(e^w) */
    vmsk neg = v_sign_mask(w); /* -0 as 0: the same results */
    vdbl ah = v_abs(w);
    vdbl e = logis_exp_neg(ah); /* e^-(ah + al) = e (1 - al), al = w_lo or -w_lo */
    vdbl al = v_sel(neg, v_neg(w_lo), w_lo);
    vdbl l_lo, l = logis_log1p(e, al, &l_lo);
    vdbl t = v_sel(neg, ah, v_set(0)), t_lo = v_sel(neg, al, v_set(0));
    vdbl err, s = v_two_sum(t, l, &err);
    return v_neg(v_add(s, v_add(err, v_add(t_lo, l_lo))));
}

ALWAYS_INLINE vdbl dlogis_vec(vdbl x, const void *args, vmsk *slow)
{
    return dlogis_vec_impl(x, args, slow, 0);
}

ALWAYS_INLINE vdbl dlogis_vec_exact(vdbl x, const void *args, vmsk *slow)
{
    return dlogis_vec_impl(x, args, slow, 1);
}

ALWAYS_INLINE vdbl plogis_vec(vdbl x, const void *args, vmsk *slow)
{
    return plogis_vec_impl(x, args, slow, 0);
}

ALWAYS_INLINE vdbl plogis_vec_exact(vdbl x, const void *args, vmsk *slow)
{
    return plogis_vec_impl(x, args, slow, 1);
}

#define LOGIS_LOG_QUARTER -1.3862943611198906        /* log(1/4) */
#define LOGIS_LOG_THREE_QUARTERS -0.2876820724517809 /* log(3/4) */

/* p inside (0, 1) and a finite result; the rest (p = 0 or 1, NaN, p below 2^-1000, log p
 * near 0 or below -708) goes to the scalar reference. With a location (no_location, a
 * compile-time constant, is 0), lanes where location cancels scale L by more than half are
 * deferred to qlogis_cancel_vec (p) or sent to the scalar reference (log p: e^lp's ~2^-55
 * would show). */
ALWAYS_INLINE vdbl qlogis_vec_impl(vdbl p, const void *args, vmsk *deferred, vmsk *slow,
                                   const int no_location)
{
    const struct logis_args *a = args;
    vmsk ok;
    vdbl L, L_lo; /* L_lo only where the logarithm's last rounding shows */
    if (!a->log_flag) {
        /* logit = log(p / (1 - p)), 1 - p = u + u_err (exact for p >= 1/2); -u_err/u by
         * u_err (2u - 3): for u in [1/2, 1] its error u_err (1 - 2u)(1 - u)/u scales with
         * logit itself near p = 1/2 */
        ok = v_and(v_le(v_set(0x1p-1000), p), v_lt(p, v_set(1))); /* other lanes: garbage */
        vdbl u = v_sub(v_set(1), p);
        vdbl u_err = v_sub(v_sub(v_set(1), u), p);
        L = logis_log_ratio(p, u, v_mul(u_err, v_fma(v_set(2), u, v_set(-3))), &L_lo);
    } else {
        /* P = e^lp and U = 1 - e^lp, each where it is accurate: P = e^lp for lp < log 1/4;
         * U = -expm1(lp) for lp > log 3/4; between, P = 1 + d and U = 1 - d with
         * d = 2 e^lp - 1 = expm1(lp + ln 2), which keeps P/U - 1 to full precision
         * around p = 1/2 */
        ok = v_and(v_le(v_set(-EXP_T_MAX), p), v_lt(p, v_set(-0x1p-1000)));
        vdbl lp = v_sel(ok, p, v_set(-1));
        vmsk low = v_lt(lp, v_set(LOGIS_LOG_QUARTER));
        vmsk high = v_lt(v_set(LOGIS_LOG_THREE_QUARTERS), lp);
        vdbl t_err, t = v_two_sum(lp, v_set(LN2_DD_HI), &t_err);
        vdbl t_lo = v_sel(high, v_set(0), v_add(t_err, v_set(LN2_DD_LO)));
        vdbl M_lo, M = v_expm1_dd(v_sel(high, lp, v_max(t, v_set(-1))), &M_lo);
        M_lo = v_fma(t_lo, v_add(v_set(1), M), M_lo); /* expm1(t + t_lo), first order */
        vdbl c = v_sel(high, v_set(0), v_set(1)); /* U = c - M, both sums exact: |M| <= 1 */
        vdbl P = v_add(v_set(1), M), P_lo = v_add(v_add(v_sub(v_set(1), P), M), M_lo);
        vdbl U = v_sub(c, M), U_lo = v_sub(v_sub(v_sub(c, U), M), M_lo);
        vdbl E_lo, E = v_exp_neg_dd(v_neg(v_min(lp, v_set(LOGIS_LOG_QUARTER))), v_set(0), &E_lo);
        vdbl V = v_sub(v_set(1), E), V_lo = v_sub(v_sub(v_sub(v_set(1), V), E), E_lo);
        P = v_sel(low, E, P);
        P_lo = v_sel(low, E_lo, P_lo);
        U = v_sel(low, V, U);
        U_lo = v_sel(low, V_lo, U_lo);
        /* P_lo/P - U_lo/U, one division beside the logarithm's */
        vdbl corr = v_div(v_fnma(U_lo, P, v_mul(P_lo, U)), v_mul(P, U));
        L = logis_log_ratio(P, U, corr, &L_lo);
    }
    (void)L_lo;
    vdbl scale = v_set(a->lower_tail ? a->scale : -a->scale);
    *deferred = v_lt(scale, scale); /* none */
    if (no_location) {
        /* location 0: nothing to cancel, and |L| <= 745 with scale <= 2^1000
         * (logis_params_regular) cannot overflow */
        *slow = v_not(ok);
        return v_fma(scale, L, v_set(0)); /* + 0: a zero quantile is +0, as Rmath's */
    }
    /* location + scale L, one rounding */
    vdbl q = v_fma(scale, L, v_set(a->location));
    /* where location cancels scale L, L's relative error would grow (only for location of
     * the opposite sign and near |scale L|); and an overflow */
    vmsk kept = v_le(v_mul(v_set(0.5 * a->scale), v_abs(L)), v_abs(q));
    vmsk taken = v_and(ok, v_finite(q));
    if (!a->log_flag)
        *deferred = v_andnot(kept, taken);
    *slow = v_not(a->log_flag ? v_and(taken, kept) : taken);
    return q;
}

ALWAYS_INLINE vdbl qlogis_vec_no_location(vdbl p, const void *args, vmsk *slow)
{
    vmsk deferred;
    return qlogis_vec_impl(p, args, &deferred, slow, 1);
}

/* The lanes qlogis_vec deferred (p in [2^-1000, 1), location cancelling scale L): logit as
 * log p - log(1 - p) from the precise logs, 1 - p = u + u_err exact, so L is good to
 * ~2^-68 absolute; then location + scale L in double-double. The scalar reference takes the
 * lanes where that error is still over 2^-55 of |q| (q within 2^-13 scale of 0). */
ALWAYS_INLINE vdbl qlogis_cancel_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct logis_args *a = args;
    vdbl u = v_sub(v_set(1), p);
    vdbl u_err = v_sub(v_sub(v_set(1), u), p);
    vdbl lp_lo, lp = v_log_full_dd(p, &lp_lo);
    vdbl lu_lo, lu = v_log_full_dd(u, &lu_lo);
    vdbl e1, L = v_two_sum(lp, v_neg(lu), &e1);
    vdbl L_lo = v_add(e1, v_sub(lp_lo, v_fma(u_err, v_div(v_set(1), u), lu_lo))); /* - u_err/u */
    vdbl offset, q = v_loc_scale_sum(a->location, a->lower_tail ? a->scale : -a->scale, L, L_lo,
                                     &offset);
    *slow = v_lt(v_abs(q), v_set(0x1p-13 * a->scale));
    return q;
}

ALWAYS_INLINE vdbl qlogis_vec_split(vdbl p, const void *args, vmsk *deferred, vmsk *slow)
{
    return qlogis_vec_impl(p, args, deferred, slow, 0);
}

/* the same with the cancelling lanes done in place: the results are the same lane by lane */
ALWAYS_INLINE vdbl qlogis_vec(vdbl p, const void *args, vmsk *slow)
{
    vmsk deferred;
    vdbl q = qlogis_vec_impl(p, args, &deferred, slow, 0);
    if (v_any(deferred)) {
        vmsk cancel_slow;
        q = v_sel(deferred, qlogis_cancel_vec(p, args, &cancel_slow), q);
        *slow = v_or(*slow, v_and(deferred, cancel_slow));
    }
    return q;
}

VD_SCALAR_LANES2(logis, struct logis_args, location, scale)

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
    if (logis_z_exact(&a))
        run_array(n, x, out, &a, dlogis_vec_exact, dlogis_one);
    else
        run_array(n, x, out, &a, dlogis_vec, dlogis_one);
}

static void ISA_SUFFIX(plogis_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct logis_args a = logis_args_make(param[0], param[1], lower_tail, log_p);
    if (logis_z_exact(&a))
        run_array(n, x, out, &a, plogis_vec_exact, plogis_one);
    else
        run_array(n, x, out, &a, plogis_vec, plogis_one);
}

/* The share of p in (0, 1) whose quantile cancels against location (qlogis_vec_impl's
 * deferred lanes: logit p between -2c and -2c/3, c = location/scale): it only picks how those
 * lanes are gathered, never their results. */
static double qlogis_cancel_share(const struct logis_args *a)
{
    double c = fabs(a->location) / a->scale;
    return 1 / (1 + exp(2 * c / 3)) - 1 / (1 + exp(2 * c));
}

static void ISA_SUFFIX(qlogis_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct logis_args a = logis_args_make(param[0], param[1], lower_tail, log_p);
    if (a.location == 0)
        run_array(n, x, out, &a, qlogis_vec_no_location, qlogis_one);
    else if (qlogis_cancel_share(&a) > 1.0 / 64)
        run_array_split(n, x, out, &a, qlogis_vec_split, qlogis_cancel_vec, qlogis_one);
    else /* where the cancelling lanes are rare, a branch costs less than the queue */
        run_array(n, x, out, &a, qlogis_vec, qlogis_one);
}
