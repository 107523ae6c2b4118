/* Log-normal kernels, written once over the vector layer, through the normal family's vector
 * pieces (src/simd/norm.h): z = (log x - meanlog) / sdlog as a double-double, then
 *     plnorm = pnorm_body_z_vec / pnorm_z_vec of z,
 *     dlnorm = exp(-log x - log(sdlog sqrt(2 pi)) - z^2/2), the sum in double-double,
 *     qlnorm = exp(meanlog + sdlog z), z from qnorm_central_z_vec / qnorm_tail_z_vec in their
 *              precise forms (the rationals' last steps in double-double); for sdlog > 1 the
 *              tail lanes take one Newton step on top (exp turns sdlog times z's error into
 *              the result's, and the tail fits are only good to ~1.5e-17). Up to sdlog 1
 *              the wide central region and the tail rationals alone are enough.
 * log x must be good to ~2^-70 absolute (Phi(z) moves by |z| / sdlog times its error): common.h's
 * v_log_full_dd, except in the body stage of plnorm where the cheap log is enough.
 * x <= 0, Inf, NaN, results outside the normal range and quantiles for sdlog > 4 go to the
 * scalar reference. The callers (dispatch/) have sent irregular parameters
 * (lnorm_params_regular) to the scalar loop already. */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "../scalar/numerics.h"
/* norm.h's kernels and struct norm_args: all.h includes norm.h before this file */

struct lnorm_args {
    struct norm_args n; /* mu = meanlog, sigma = sdlog; n.standard is 0 (z has a low part) */
    int unit;           /* meanlog == 0 and sdlog == 1: z = log x */
    double log_hi, log_lo; /* dlnorm: log(sdlog sqrt(2 pi)) as a double-double */
    int q_in_range; /* qlnorm: meanlog + sdlog z in [-707, 709] for every |z| <= LNORM_Q_Z_MAX */
};

/* |z| of the quantiles the vector stages take: P >= DBL_MIN, or log P >= -729 */
#define LNORM_Q_Z_MAX 38.5

/* z = (log x - meanlog) / sdlog = zh + *zl for x > 0 finite; from the vector layer's log
 * (~2^-55 absolute) where the caller allows it (cheap), else from v_log_full_dd */
ALWAYS_INLINE vdbl lnorm_z_impl(vdbl x, const struct lnorm_args *a, vdbl *zl, vdbl *lx_hi,
                                vdbl *lx_lo, const int cheap)
{
    vdbl l_lo, l = cheap ? v_log_normal_dd(x, &l_lo) : v_log_full_dd(x, &l_lo);
    if (lx_hi) {
        *lx_hi = l;
        *lx_lo = l_lo;
    }
    if (a->unit) {
        *zl = l_lo;
        return l;
    }
    vdbl d_err, d0 = v_two_sum(l, v_set(-a->n.mu), &d_err);
    /* renormalised: log x ~ meanlog leaves d0 = 0 and the whole difference in the low part */
    vdbl small = v_add(d_err, l_lo), d = v_add(d0, small);
    vdbl d_lo = v_sub(small, v_sub(d, d0));
    vdbl zh = v_mul(d, v_set(a->n.inv_sigma));
    vdbl r = v_fnma(zh, v_set(a->n.sigma), d); /* exact: zh is within an ulp or two */
    *zl = v_mul(v_add(r, d_lo), v_set(a->n.inv_sigma));
    return zh;
}

ALWAYS_INLINE vdbl lnorm_z(vdbl x, const struct lnorm_args *a, vdbl *zl, vdbl *lx_hi, vdbl *lx_lo)
{
    return lnorm_z_impl(x, a, zl, lx_hi, lx_lo, 0);
}

/* lanes the vector path cannot take: x <= 0, Inf, NaN */
ALWAYS_INLINE vmsk lnorm_bad_x(vdbl x)
{
    return v_not(v_and(v_lt(v_set(0), x), v_lt(x, v_set(INFINITY))));
}

ALWAYS_INLINE vdbl dlnorm_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct lnorm_args *a = args;
    vmsk bad = lnorm_bad_x(x);
    x = v_sel(bad, v_set(1), x);
    vdbl lx, lx_lo, zl, zh = lnorm_z(x, a, &zl, &lx, &lx_lo);
    vmsk neg = v_lt(zh, v_set(0));
    vdbl za = v_abs(zh);
    vdbl ls, hs = v_two_prod(za, v_mul(za, v_set(0.5)), &ls);
    vdbl c = v_fma(za, v_sel(neg, v_neg(zl), zl), ls); /* z^2/2 = hs + c */
    /* log f = -hs - log x - log(sdlog sqrt(2 pi)) - (the low parts): the large terms
     * summed exactly, since they may cancel */
    vdbl e1, s1 = v_two_sum(v_neg(hs), v_neg(lx), &e1);
    vdbl e2, s2 = v_two_sum(s1, v_set(-a->log_hi), &e2);
    vdbl t_lo = v_sub(v_add(e1, e2), v_add(v_add(c, lx_lo), v_set(a->log_lo)));
    if (a->n.log_flag) {
        *slow = v_or(bad, v_not(v_finite(hs)));
        return v_add(s2, t_lo);
    }
    /* exp(s2) (1 + t_lo) while the result stays a normal double */
    vmsk in_range = v_and(v_le(v_set(-707), s2), v_le(s2, v_set(709)));
    *slow = v_or(bad, v_not(in_range));
    vdbl e_lo, e = v_exp_dd(v_min(v_max(s2, v_set(-707)), v_set(709)), &e_lo);
    return v_add(e, v_fma(e, t_lo, e_lo));
}

/* plnorm, first stage: the normal body series of z; the rest is deferred to plnorm_tail_vec.
 * In the body (|z| <= 1.5) P's relative error is at most 1.94 |dz| (phi/Phi at -1.5), so for
 * P itself (not log P, which is small) and sdlog >= 1 the cheap log's 2^-55 costs < 0.5 ULP. */
ALWAYS_INLINE vdbl plnorm_body_vec_impl(vdbl x, const void *args, vmsk *deferred, vmsk *slow,
                                        const int cheap)
{
    const struct lnorm_args *a = args;
    vmsk bad = lnorm_bad_x(x);
    /* the cheap log takes normal x only: subnormal x goes to the second stage */
    vmsk subnormal = cheap ? v_lt(x, v_set(DBL_MIN)) : v_none();
    vdbl zl, zh = lnorm_z_impl(v_sel(v_or(bad, subnormal), v_set(1), x), a, &zl, NULL, NULL, cheap);
    vdbl r = pnorm_body_z_vec(zh, zl, &a->n, deferred, slow);
    *slow = v_or(*slow, bad);
    *deferred = v_andnot(bad, v_or(*deferred, subnormal));
    return r;
}

ALWAYS_INLINE vdbl plnorm_body_vec(vdbl x, const void *args, vmsk *deferred, vmsk *slow)
{
    return plnorm_body_vec_impl(x, args, deferred, slow, 0);
}

ALWAYS_INLINE vdbl plnorm_body_vec_cheap(vdbl x, const void *args, vmsk *deferred, vmsk *slow)
{
    return plnorm_body_vec_impl(x, args, deferred, slow, 1);
}

/* second stage: x > 0 finite (deferred lanes only) */
ALWAYS_INLINE vdbl plnorm_tail_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct lnorm_args *a = args;
    vdbl zl, zh = lnorm_z(x, a, &zl, NULL, NULL);
    return pnorm_z_vec(zh, zl, &a->n, slow);
}

/* exp(meanlog + sdlog z) for the lower-tail quantile z = z + z_lo; marks lanes whose result
 * leaves the normal range (none when the parameters keep it in: a uniform branch that
 * spares the common case the clamp) */
ALWAYS_INLINE vdbl qlnorm_finish(vdbl z, vdbl z_lo, const struct lnorm_args *a, vmsk *slow)
{
    z = norm_tail_w(z, z_lo, &a->n, &z_lo);
    vdbl y = z, y_lo = z_lo; /* meanlog 0, sdlog 1: the sums below are exact, the same bits */
    if (!a->unit) {
        vdbl sigma = v_set(a->n.sigma);
        vdbl p_lo, p = v_two_prod(sigma, z, &p_lo);
        vdbl err;
        y = v_two_sum(v_set(a->n.mu), p, &err);
        y_lo = v_add(err, v_fma(sigma, z_lo, p_lo));
    }
    vdbl yc = y;
    *slow = v_none();
    if (!a->q_in_range) {
        yc = v_min(v_max(y, v_set(-707)), v_set(709));
        *slow = v_not(v_eq(yc, y));
    }
    vdbl e_lo, e = v_exp_dd(yc, &e_lo);
    return v_add(e, v_fma(e, y_lo, e_lo));
}
/* Tail lanes: w = |z| with log Q(w) = -s, s = -log P as qnorm_tail_z_vec formed it (P the
 * smaller tail probability); the residual log Q(w) + s = s - w^2/2 + log R(w), and
 * d/dw log Q = -1/c, c = sqrt(2 pi) R = Q/phi. */
ALWAYS_INLINE vdbl qlnorm_refine_tail(vdbl z, vdbl *z_lo, vdbl s, vdbl s_lo)
{
    vdbl w = v_abs(z);
    vdbl ls, hs = v_half_square(w, &ls);
    vdbl r_lo, r = v_norm_mills_r_dd(w, &r_lo);
    vdbl lr_lo, lr = v_log_normal_dd(r, &lr_lo);
    vdbl e1, d = v_two_sum(s, v_neg(hs), &e1);
    vdbl e2, d2 = v_two_sum(d, lr, &e2);
    /* log(r + r_lo) = lr + r_lo / r */
    vdbl small = v_add(v_add(e1, e2), v_add(v_sub(s_lo, ls), v_add(lr_lo, v_div(r_lo, r))));
    vdbl w_lo = v_mul(v_add(d2, small), v_mul(v_set(SQRT_2PI_HI), r));
    *z_lo = v_sel(v_lt(z, v_set(0)), v_neg(w_lo), w_lo);
    return z;
}

/* precise (a compile-time constant): z to ~1e-17 of |z|, as larger sdlog needs; without,
 * the wide central region's z (up to sdlog 1: |p - 1/2| <= 0.475, two thirds fewer tail
 * lanes; its rational's roundings stay in z, but small where |z| is large) */
ALWAYS_INLINE vdbl qlnorm_central_vec_impl(vdbl p, const struct lnorm_args *a, vmsk *deferred,
                                           vmsk *slow, const int precise)
{
    vdbl z_lo, z = qnorm_central_z_vec(p, &a->n, deferred, slow, &z_lo, precise ? Z_PRECISE : Z_WIDE);
    if (v_bits(v_or(*deferred, *slow)) == V_ALL_BITS) /* no central lane: no exp */
        return z;
    vmsk finish_slow;
    vdbl r = qlnorm_finish(z, z_lo, a, &finish_slow);
    if (!a->q_in_range)
        *slow = v_or(*slow, v_andnot(*deferred, finish_slow));
    return r;
}

ALWAYS_INLINE vdbl qlnorm_central_vec(vdbl p, const void *args, vmsk *deferred, vmsk *slow)
{
    return qlnorm_central_vec_impl(p, args, deferred, slow, 1);
}

ALWAYS_INLINE vdbl qlnorm_central_vec_direct(vdbl p, const void *args, vmsk *deferred, vmsk *slow)
{
    return qlnorm_central_vec_impl(p, args, deferred, slow, 0);
}

/* direct (a compile-time constant): z from the tail rationals in double-double, without the
 * Newton step: good to ~2e-17 of |z| (the fits' own error), enough for small sdlog only */
ALWAYS_INLINE vdbl qlnorm_tail_vec_impl(vdbl p, const struct lnorm_args *a, vmsk *slow, const int direct)
{
    vdbl s = v_set(0), s_lo = v_set(0);
    vdbl z_lo, z = qnorm_tail_z_vec(p, &a->n, slow, &z_lo, &s, &s_lo, direct);
    if (!direct)
        z = qlnorm_refine_tail(z, &z_lo, s, s_lo);
    vmsk finish_slow;
    vdbl r = qlnorm_finish(z, z_lo, a, &finish_slow);
    *slow = v_or(*slow, finish_slow);
    return r;
}

ALWAYS_INLINE vdbl qlnorm_tail_vec(vdbl p, const void *args, vmsk *slow)
{
    return qlnorm_tail_vec_impl(p, args, slow, 0);
}

ALWAYS_INLINE vdbl qlnorm_tail_vec_direct(vdbl p, const void *args, vmsk *slow)
{
    return qlnorm_tail_vec_impl(p, args, slow, 1);
}

/* struct lnorm_args starts with the normal family's args (mu = meanlog, sigma = sdlog) */
VD_SCALAR_LANES2(lnorm, struct norm_args, mu, sigma)

static struct lnorm_args lnorm_args_make(const double *param, int lower_tail, int log_flag)
{
    struct lnorm_args a = {norm_args_make(param[0], param[1], lower_tail, log_flag),
                           param[0] == 0 && param[1] == 1, 0, 0,
                           fabs(param[0]) + param[1] * LNORM_Q_Z_MAX <= 707};
    a.n.standard = 0;
    return a;
}

/* The kernels in the registry's calling form: param = {meanlog, sdlog}. */
static void ISA_SUFFIX(dlnorm_array)(size_t n, const double *x, const double *param,
                                     int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    struct lnorm_args a = lnorm_args_make(param, 1, give_log);
    dd l = dd_add(log_dd(param[1]), (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
    a.log_hi = l.hi;
    a.log_lo = l.lo;
    run_array(n, x, out, &a, dlnorm_vec, dlnorm_one);
}

static void ISA_SUFFIX(plnorm_array)(size_t n, const double *x, const double *param,
                                     int lower_tail, int log_p, double *out)
{
    struct lnorm_args a = lnorm_args_make(param, lower_tail, log_p);
    if (!log_p && param[1] >= 1)
        run_array_split(n, x, out, &a, plnorm_body_vec_cheap, plnorm_tail_vec, plnorm_one);
    else
        run_array_split(n, x, out, &a, plnorm_body_vec, plnorm_tail_vec, plnorm_one);
}

/* z is good to ~1e-17 (measured vs the scalar reference: up to ~0.75 ULP of the result per
 * unit of sdlog, 3 ULP at sdlog 4, worst in the central region); beyond this sdlog the scalar
 * reference takes every lane. */
#define LNORM_Q_SDLOG_MAX 4.0
/* up to this sdlog the tail lanes skip the Newton step and the central ones take the wide
 * central region (measured against mpmath up to sdlog 1, every flag: max 1.80 ULP, against
 * 1.41 with the precise z; libRmath 4.54 at sdlog 1; at sdlog 4 the wide form gives 5.5) */
#define LNORM_Q_DIRECT_SDLOG_MAX 1.0

static void ISA_SUFFIX(qlnorm_array)(size_t n, const double *x, const double *param,
                                     int lower_tail, int log_p, double *out)
{
    struct lnorm_args a = lnorm_args_make(param, lower_tail, log_p);
    if (param[1] > LNORM_Q_SDLOG_MAX) {
        for (size_t i = 0; i < n; i++)
            out[i] = qlnorm_one(x[i], &a);
        return;
    }
    if (param[1] <= LNORM_Q_DIRECT_SDLOG_MAX)
        run_array_split(n, x, out, &a, qlnorm_central_vec_direct, qlnorm_tail_vec_direct,
                        qlnorm_one);
    else
        run_array_split(n, x, out, &a, qlnorm_central_vec, qlnorm_tail_vec, qlnorm_one);
}
