/* Normal distribution kernels, written once over the vector layer (see src/scalar/norm.c
 * for the method: Q(x) = exp(-x^2/2) R(x) with the same polynomial pieces). Lanes the
 * vector path does not cover (non-finite input, subnormal results, far tails of the
 * quantile) are recomputed by the scalar reference. The callers (dispatch/) have already
 * sent degenerate parameters (NaN, sigma <= 0, infinite mu or sigma) to the scalar loop. */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "../scalar/numerics.h"
#include "../scalar/norm_coeffs.h"
#include "../scalar/norm_as241.h"
#include "../scalar/norm_internal.h"

struct norm_args {
    double mu, sigma, inv_sigma;
    int standard; /* mu == 0 and sigma == 1 */
    int lower_tail, log_flag;
    double phi_hi, phi_lo; /* dnorm: 1/(sigma sqrt(2 pi)) as a double-double */
    double log_hi, log_lo; /* dnorm: log(sigma sqrt(2 pi)) as a double-double */
    double hs_max;         /* dnorm: largest z^2/2 whose density is a safe normal double */
};

static struct norm_args norm_args_make(double mu, double sigma, int lower_tail, int log_flag)
{
    return (struct norm_args){mu, sigma, 1 / sigma, mu == 0 && sigma == 1, lower_tail, log_flag,
                              0, 0, 0, 0, 0};
}

/* z = (x - mu) / sigma as zh + *zl (exactly x for the standard normal) */
ALWAYS_INLINE vdbl norm_z(vdbl x, const struct norm_args *a, vdbl *zl)
{
    if (a->standard) {
        *zl = v_set(0);
        return x;
    }
    return v_div_diff_dd(x, v_set(a->mu), v_set(a->sigma), v_set(a->inv_sigma), zl);
}

/* w = z for the lower tail, -z for the upper (both parts): the tail asked for is Phi(w), and
 * a quantile w of the lower tail is the asked one's z */
ALWAYS_INLINE vdbl norm_tail_w(vdbl zh, vdbl zl, const struct norm_args *a, vdbl *wl)
{
    *wl = a->lower_tail ? zl : v_neg(zl);
    return a->lower_tail ? zh : v_neg(zh);
}

/* R(x) = Q(x) exp(x^2/2) = hi + *lo, x >= 0: the unit pieces by table lookup, the far
 * piece only when some lane needs it. As in the scalar reference the constant term is a
 * double-double and the last step c0 + t P1(t) is exact. */
ALWAYS_INLINE vdbl v_norm_mills_r_dd(vdbl x, vdbl *lo)
{
    vmsk far = v_gt(x, v_set(4));
    int far_bits = v_bits(far), all = (1 << VLEN) - 1;
    vdbl hi = v_set(0);
    *lo = v_set(0);
    if (far_bits != all) {
        vtab k = v_table_index(v_min(v_max(x, v_set(0)), v_set(3)));
        vdbl t = v_sub(x, v_lookup4(norm_r_piece_centre, k));
        vdbl p1 = v_poly_lookup4(&norm_r_piece[1], NORM_R_PIECE_DEGREE - 1, k, t);
        hi = v_last_step_dd(v_lookup4(norm_r_piece[0], k), v_lookup4(norm_r_piece_c0_lo, k), p1, t,
                            lo);
    }
    if (far_bits) {
        /* R = S(1/x^2) / x with S's last step exact too */
        vdbl inv = v_div(v_set(1), x), v = v_mul(inv, inv);
        vdbl s1 = v_poly_split(norm_r_far + 1, NORM_R_FAR_DEGREE - 1, v);
        vdbl s_lo, s_hi = v_last_step_dd(v_set(norm_r_far[0]), v_set(norm_r_far_c0_lo), s1, v, &s_lo);
        vdbl r_hi = v_mul(s_hi, inv);
        vdbl r_lo = v_mul(v_add(v_fnma(r_hi, x, s_hi), s_lo), inv); /* remainder exact */
        hi = v_sel(far, r_hi, hi);
        *lo = v_sel(far, r_lo, *lo);
    }
    return hi;
}

/* x^2/2 = hs + *ls exactly */
ALWAYS_INLINE vdbl v_half_square(vdbl x, vdbl *ls)
{
    return v_two_prod(x, v_mul(x, v_set(0.5)), ls);
}

/* standard is a compile-time constant in each instance: for mu = 0, sigma = 1 z is exact */
ALWAYS_INLINE vdbl dnorm_vec_impl(vdbl x, const struct norm_args *a, vmsk *slow, const int standard)
{
    vdbl xh, c, ls, hs;
    if (standard) {
        xh = v_abs(x);
        hs = v_half_square(xh, &ls);
        c = ls; /* z^2/2 = hs + c */
    } else {
        vdbl zl, zh = norm_z(x, a, &zl);
        vmsk neg = v_lt(zh, v_set(0));
        xh = v_abs(zh);
        hs = v_half_square(xh, &ls);
        c = v_fma(xh, v_sel(neg, v_neg(zl), zl), ls);
    }
    if (a->log_flag) {
        vdbl err, s = v_two_sum(v_neg(hs), v_set(-a->log_hi), &err);
        *slow = v_not(v_finite(hs));
        return v_add(s, v_sub(v_sub(err, c), v_set(a->log_lo)));
    }
    vdbl e_lo, e = v_exp_dd(v_neg(hs), &e_lo);
    vdbl kh = v_set(a->phi_hi);
    vdbl d = v_fma(e, kh, v_fma(e, v_fnma(kh, c, v_set(a->phi_lo)), v_mul(e_lo, kh)));
    /* hs_max keeps exp's argument and the result normal; NaN and Inf fail it too */
    *slow = v_not(v_le(hs, v_set(a->hs_max)));
    return d;
}

ALWAYS_INLINE vdbl dnorm_vec(vdbl x, const void *args, vmsk *slow)
{
    return dnorm_vec_impl(x, args, slow, 0);
}

ALWAYS_INLINE vdbl dnorm_vec_standard(vdbl x, const void *args, vmsk *slow)
{
    return dnorm_vec_impl(x, args, slow, 1);
}

/* pnorm of z = zh + zl (before the tail flip): the second stage of pnorm_vec, also the entry
 * for lnorm, whose z comes from a double-double log x (a->standard must be 0 there). */
ALWAYS_INLINE vdbl pnorm_z_vec(vdbl zh, vdbl zl, const struct norm_args *a, vmsk *slow)
{
    zh = norm_tail_w(zh, zl, a, &zl);
    /* Phi(w), w = zh + zl: for w <= 0 it is Q(-w), else 1 - Q(w) */
    vmsk neg = v_le(zh, v_set(0));
    vdbl xh = v_abs(zh), xl = v_sel(neg, v_neg(zl), zl);
    vdbl ls, hs = v_half_square(xh, &ls);
    vdbl r_lo, r = v_norm_mills_r_dd(xh, &r_lo);
    vdbl phi_xl = v_mul(v_set(INV_SQRT_2PI), xl);
    /* slow lanes: NaN/Inf, |z| > 1e150, and |z| > 37 where the result is a subnormal Q
     * (lower tail) or log(1 - Q) with Q subnormal (upper tail of the log) */
    vdbl limit = a->log_flag ? v_sel(neg, v_set(1e150), v_set(37)) : v_sel(neg, v_set(37), v_set(1e150));
    *slow = v_not(v_le(xh, limit));
    if (a->log_flag && !v_any(v_not(neg))) /* all lanes: log Q = log R - hs - ls - ... */
        return v_sub(v_log_normal(r), v_add(hs, v_add(ls, v_div(v_sub(phi_xl, r_lo), r))));
    /* Q = exp(-hs) m while hs < 746 (there ls and xl xh are tiny), m = R - R ls - phi xl */
    vdbl m_lo = v_sub(r_lo, v_fma(r, ls, phi_xl));
    vdbl e_lo, e = v_exp_dd(v_max(v_neg(hs), v_set(-708)), &e_lo); /* Q < 1e-300 is 0 in 1 - Q */
    vdbl q_lo, q = v_two_prod(e, r, &q_lo);
    q_lo = v_add(q_lo, v_fma(e, m_lo, v_mul(e_lo, r)));
    if (!a->log_flag)
        return v_sel(neg, v_add(q, q_lo), v_sub(v_sub(v_set(1), q), q_lo));
    vdbl upper = v_log1p_normal(v_neg(v_add(q, q_lo)));
    if (!v_any(neg))
        return upper;
    vdbl lower = v_sub(v_log_normal(r), v_add(hs, v_add(ls, v_div(v_sub(phi_xl, r_lo), r))));
    return v_sel(neg, lower, upper);
}

ALWAYS_INLINE vdbl pnorm_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct norm_args *a = args;
    vdbl zl, zh = norm_z(x, a, &zl);
    return pnorm_z_vec(zh, zl, a, slow);
}

/* pnorm's deferred lanes with Phi near 1, w in (1.5, 3] (not log_p): the common case of a
 * positive z. 1 - Q needs Q only to ~1e-17 absolute there, which one polynomial gives
 * without an exponential: Q(zh + zl) = Q(zh) - phi(zh) zl. They run on their own
 * (run_array_split_pick), so vectors of them skip the general path. */
ALWAYS_INLINE vdbl pnorm_near_one_w(vdbl x, const struct norm_args *a, vdbl *wl)
{
    vdbl zl, zh = norm_z(x, a, &zl);
    return norm_tail_w(zh, zl, a, wl);
}

ALWAYS_INLINE vmsk pnorm_near_one_pick(vdbl x, const void *args)
{
    vdbl wl, w = pnorm_near_one_w(x, args, &wl);
    return v_and(v_lt(v_set(1.5), w), v_le(w, v_set(3)));
}

ALWAYS_INLINE vdbl pnorm_near_one_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct norm_args *a = args;
    vdbl wl, t = v_sub(pnorm_near_one_w(x, a, &wl), v_set(2.25));
    vdbl q = v_poly_split(norm_near_one_q, NORM_NEAR_ONE_DEGREE, t);
    if (!a->standard)
        q = v_fnma(v_poly_split(norm_near_one_density, NORM_NEAR_ONE_DENSITY_DEGREE, t), wl, q);
    *slow = v_none();
    return v_sub(v_set(1), q);
}

/* Phi(w) - 1/2 = w B(w^2) for |w| <= 1.5, as t_hi + *t_lo: no exponential, and the
 * cancellation in 1/2 + t costs nothing because t carries ~2^-100. (The rounding of w^2 is
 * put back through B1 = (B - B(0))/w^2 instead of B', which is close enough there.) */
ALWAYS_INLINE vdbl v_norm_body_dd(vdbl w, vdbl *t_lo)
{
    vdbl s_lo, s = v_two_prod(w, w, &s_lo);
    vdbl b1 = v_poly_split(norm_body + 1, NORM_BODY_DEGREE - 1, s);
    vdbl b_lo, b = v_last_step_dd(v_set(norm_body[0]), v_fma(b1, s_lo, v_set(norm_body_c0_lo)), b1,
                                  s, &b_lo);
    vdbl t = v_two_prod(w, b, t_lo);
    *t_lo = v_fma(w, b_lo, *t_lo);
    return t;
}

#define NORM_BODY_MAX 1.5
#define NORM_BODY_LOG_MAX 0.6745 /* Phi = 3/4 */

/* pnorm, first stage: |z| <= 1.5 by the body series; the other lanes are deferred to
 * pnorm_vec (the Q = exp(-x^2/2) R path) and run there in packed vectors. */
ALWAYS_INLINE vdbl pnorm_body_z_vec(vdbl zh, vdbl zl, const struct norm_args *a, vmsk *deferred,
                                    vmsk *slow)
{
    zh = norm_tail_w(zh, zl, a, &zl);
    /* NaN: deferred. With log_p, Phi near 1 goes to log1p(-Q) instead: there log Phi is
     * small and would magnify the body's last-bit errors */
    vmsk body = a->log_flag ? v_and(v_le(v_set(-NORM_BODY_MAX), zh), v_le(zh, v_set(NORM_BODY_LOG_MAX)))
                            : v_le(v_abs(zh), v_set(NORM_BODY_MAX));
    *deferred = v_not(body);
    *slow = v_none(); /* pnorm_vec sorts the rest out */
    if (!v_any(body))
        return zh;
    vdbl t_lo, t = v_norm_body_dd(zh, &t_lo);
    if (!a->standard) {
        /* + phi(z) zl; phi(z)/phi0 = exp(-z^2/2) by its series to z^10 (0.6% at |z| = 1.5) */
        static const double half_gauss[6] = {1, -1.0 / 2, 1.0 / 8, -1.0 / 48, 1.0 / 384, -1.0 / 3840};
        vdbl phi = v_mul(v_set(INV_SQRT_2PI), v_poly_split(half_gauss, 5, v_mul(zh, zh)));
        t_lo = v_fma(phi, zl, t_lo);
    }
    vdbl err, p = v_two_sum(v_set(0.5), t, &err);
    vdbl p_lo = v_add(err, t_lo);
    if (!a->log_flag)
        return v_add(p, p_lo);
    return v_add(v_log_normal(p), v_div(p_lo, p));
}

ALWAYS_INLINE vdbl pnorm_body_vec(vdbl x, const void *args, vmsk *deferred, vmsk *slow)
{
    const struct norm_args *a = args;
    vdbl zl, zh = norm_z(x, a, &zl);
    return pnorm_body_z_vec(zh, zl, a, deferred, slow);
}

/* ---- quantile: rational approximations fitted to ~1e-18 (tools/fit_norm.py) ------------
 * The scalar reference takes a Newton step on the accurate distribution function; here the
 * fits are accurate enough on their own (<= 2 ULP measured), at a fraction of the cost. */

/* N(t)/D(t), N and D of their own degrees */
ALWAYS_INLINE vdbl v_rational_parts(const double *num, int num_degree, const double *den,
                                    int den_degree, vdbl t)
{
    return v_div(v_poly_split(num, num_degree, t), v_poly_split(den, den_degree, t));
}

/* N(t)/D(t) */
ALWAYS_INLINE vdbl v_rational(const double *num, const double *den, int degree, vdbl t)
{
    return v_rational_parts(num, degree, den, degree, t);
}

/* c (1 + h) + extra = hi + *lo for c = a (k_hi + k_lo), with a k_hi exact: the rounding left
 * is h's own, scaled by |h|. */
ALWAYS_INLINE vdbl v_scaled_correction(vdbl a, double k_hi, double k_lo, vdbl h, vdbl extra,
                                       vdbl *lo)
{
    vdbl c_lo, c = v_two_prod(a, v_set(k_hi), &c_lo);
    c_lo = v_fma(a, v_set(k_lo), c_lo);
    vdbl small = v_fma(c, h, v_add(c_lo, extra));
    vdbl hi = v_add(c, small);
    *lo = v_add(v_sub(c, hi), small); /* |c| > |small| */
    return hi;
}

/* The same with c h formed exactly and h = h_hi + h_lo (lnorm: exp magnifies z's error, so
 * the roundings of c h and of N/D must not land in z; what is left is N's and D's own). */
ALWAYS_INLINE vdbl v_scaled_correction_dd(vdbl a, double k_hi, double k_lo, vdbl h, vdbl h_lo,
                                          vdbl extra, vdbl *lo)
{
    vdbl c_lo, c = v_two_prod(a, v_set(k_hi), &c_lo);
    c_lo = v_fma(a, v_set(k_lo), c_lo);
    vdbl ch_lo, ch = v_two_prod(c, h, &ch_lo);
    vdbl err, hi = v_fast_two_sum(c, ch, &err); /* |c| > |c h| */
    *lo = v_add(err, v_add(v_fma(c, h_lo, ch_lo), v_fma(c_lo, h, v_add(c_lo, extra))));
    return hi;
}

/* N/D = hi + *lo with N's and D's last steps c0 + t P1(t) exact and the division's rounding
 * put back: what is left is P1's rounding, scaled by |t P1| / |N| */
ALWAYS_INLINE vdbl v_rational_dd(const double *num, const double *den, int degree, vdbl t, vdbl *lo)
{
    vdbl zero = v_set(0);
    vdbl n_lo, n = v_last_step_dd(v_set(num[0]), zero, v_poly_split(num + 1, degree - 1, t), t, &n_lo);
    vdbl d_lo, d = v_last_step_dd(v_set(den[0]), zero, v_poly_split(den + 1, degree - 1, t), t, &d_lo);
    /* one division: h need not be N/D correctly rounded, its remainder is still exact */
    vdbl inv = v_div(v_set(1), d), h = v_mul(n, inv);
    *lo = v_mul(v_add(v_fnma(h, d, n), v_fnma(h, d_lo, n_lo)), inv);
    return h;
}

/* Phi^-1(1/2 + q) = hi + *lo, q = q_hi + q_lo, |q| <= 0.425:
 * q sqrt(2 pi) (1 + h(0.180625 - q^2)) */
ALWAYS_INLINE vdbl v_central_quantile(vdbl q, vdbl q_lo, vdbl *lo, const int precise)
{
    vdbl t = v_fnma(q, q, v_set(AS241_CENTRAL_R));
    vdbl q_lo_g = v_mul(q_lo, v_set(SQRT_2PI_HI)); /* q_lo's share, to first order */
    if (precise) { /* q_lo moves h too: t - 2 q q_lo */
        t = v_fnma(v_add(q, q), q_lo, t);
        vdbl h_lo, h = v_rational_dd(norm_q_central_num, norm_q_central_den, NORM_Q_CENTRAL_DEGREE, t, &h_lo);
        return v_scaled_correction_dd(q, SQRT_2PI_HI, SQRT_2PI_LO, h, h_lo, v_fma(q_lo_g, h, q_lo_g), lo);
    }
    vdbl h = v_rational(norm_q_central_num, norm_q_central_den, NORM_Q_CENTRAL_DEGREE, t);
    return v_scaled_correction(q, SQRT_2PI_HI, SQRT_2PI_LO, h, v_fma(q_lo_g, h, q_lo_g), lo);
}

/* The same for |q| <= 0.475 (qlnorm up to sdlog 1, qnorm's lanes with P in [0.025, 0.075):
 * fewer lanes for the tail stage, whose log, square root and divisions cost twice the
 * central ones): q K (1 + h) with
 * h = t N1(t)/D(t), t = 0.475^2 - q^2 (q_lo's share included), K = K_HI + K_LO. h vanishes at
 * the edge, where z is largest, so its rounding shows most where z is small and the exp
 * (meanlog + sdlog z) feels it only times sdlog |z|. */
ALWAYS_INLINE vdbl v_central_quantile_wide(vdbl q, vdbl q_lo, vdbl *lo)
{
    vdbl t = v_fnma(v_add(q, q), q_lo, v_fnma(q, q, v_set(NORM_Q_WIDE_TOP)));
    vdbl h = v_mul(t, v_rational_parts(norm_q_wide_n1, NORM_Q_WIDE_DEGREE - 1, norm_q_wide_den,
                                       NORM_Q_WIDE_DEGREE, t));
    vdbl q_lo_k = v_mul(q_lo, v_set(NORM_Q_WIDE_K_HI));
    return v_scaled_correction(q, NORM_Q_WIDE_K_HI, NORM_Q_WIDE_K_LO, h, v_fma(q_lo_k, h, q_lo_k), lo);
}

/* w > 0 with Q(w) = exp(-s), s = s_hi + s_lo in [1.6^2, 27^2]: r sqrt(2) (1 + h(r - shift))
 * with r = sqrt(s); the roundings of s and of the square root go back in through r_lo. */
ALWAYS_INLINE vdbl v_upper_quantile(vdbl s_hi, vdbl s_lo, vdbl *lo, const int precise)
{
    vdbl r = v_sqrt(s_hi);
    vdbl r_lo = v_div(v_add(v_fnma(r, r, s_hi), s_lo), v_add(r, r));
    vmsk far = v_gt(r, v_set(5));
    vdbl r_lo_sqrt2 = v_mul(r_lo, v_set(SQRT2_HI));
    if (precise) { /* as v_central_quantile's, r_lo through t too */
        vdbl h_lo, h = v_rational_dd(norm_q_tail_num, norm_q_tail_den, NORM_Q_TAIL_DEGREE,
                                     v_add(v_sub(r, v_set(1.6)), r_lo), &h_lo);
        if (v_any(far)) {
            vdbl f_lo, f = v_rational_dd(norm_q_far_num, norm_q_far_den, NORM_Q_FAR_DEGREE,
                                         v_add(v_sub(r, v_set(5)), r_lo), &f_lo);
            h = v_sel(far, f, h);
            h_lo = v_sel(far, f_lo, h_lo);
        }
        return v_scaled_correction_dd(r, SQRT2_HI, SQRT2_LO, h, h_lo, v_fma(r_lo_sqrt2, h, r_lo_sqrt2), lo);
    }
    vdbl h = v_rational(norm_q_tail_num, norm_q_tail_den, NORM_Q_TAIL_DEGREE, v_sub(r, v_set(1.6)));
    if (v_any(far))
        h = v_sel(far, v_rational(norm_q_far_num, norm_q_far_den, NORM_Q_FAR_DEGREE, v_sub(r, v_set(5))), h);
    return v_scaled_correction(r, SQRT2_HI, SQRT2_LO, h, v_fma(r_lo_sqrt2, h, r_lo_sqrt2), lo);
}

#define LOG_0_075 -2.5902671654458267
#define LOG_0_925 -0.07796154146971186
#define LOG_0_025 -3.6888794541139363
#define LOG_0_975 -0.025317807984289876
#define LOG_0_25 -1.3862943611198906
#define LOG_0_75 -0.2876820724517809

/* mu + sigma z, z = z_hi + z_lo for the requested tail, with one rounding of the sum (mu may
 * cancel part of sigma z) */
ALWAYS_INLINE vdbl qnorm_finish(vdbl z, vdbl z_lo, const struct norm_args *a)
{
    z = norm_tail_w(z, z_lo, a, &z_lo);
    if (a->standard) /* (+0 for a zero quantile, as mu + sigma z) */
        return v_add(z, v_add(z_lo, v_set(0)));
    vdbl offset;
    return v_loc_scale_sum(a->mu, a->sigma, z, z_lo, &offset);
}

#define LOG_P_MIN -729.0 /* the far fit ends at r = sqrt(-log P) = 27 */

/* How qnorm_central_z_vec forms z: qnorm's plain rational; its last steps in double-double
 * (z good to ~1e-17, as lnorm needs for large sdlog: exp multiplies z's error by sdlog); or
 * the wide central region (v_central_quantile_wide, lnorm up to sdlog 1). */
enum { Z_PLAIN, Z_PRECISE, Z_WIDE };

/* First stage: the central region, z = hi + *z_lo_out of the lower tail (qnorm_finish applies
 * the tail and mu + sigma z; lnorm takes z as it is). Tail lanes are deferred to
 * qnorm_tail_vec (run on packed vectors of tail lanes); p outside (0, 1) and the extreme
 * tails go to the scalar reference. form (a compile-time constant) is one of the above. */
ALWAYS_INLINE vdbl qnorm_central_z_vec(vdbl p, const struct norm_args *a, vmsk *deferred,
                                       vmsk *slow, vdbl *z_lo_out, const int form)
{
    const int wide = form == Z_WIDE, precise = form == Z_PRECISE;
    vmsk central, tail;
    vdbl z = v_set(0), z_lo = v_set(0);
    if (!a->log_flag) {
        /* p - 1/2 exactly, by an ordered sum: for p <= 1/2 the pair is ordered, above it
         * the difference is exact (Sterbenz) and the error term 0 */
        vdbl q_lo, q = v_fast_two_sum(v_set(-0.5), p, &q_lo);
        central = v_le(v_abs(q), v_set(wide ? NORM_Q_WIDE_SPLIT : AS241_SPLIT));
        if (v_any(central))
            z = wide ? v_central_quantile_wide(q, q_lo, &z_lo)
                     : v_central_quantile(q, q_lo, &z_lo, precise);
        /* the smaller tail: below 0.075 off the central region, negative for p outside
         * [0, 1], NaN for NaN p (1 - p is NaN too, whichever operand v_min returns) */
        vdbl P = v_min(p, v_sub(v_set(1), p));
        tail = v_andnot(central, v_le(v_set(DBL_MIN), P));
    } else {
        vmsk lower = v_lt(p, v_set(wide ? LOG_0_025 : LOG_0_075));
        vmsk upper = v_gt(p, v_set(wide ? LOG_0_975 : LOG_0_925));
        central = v_not(v_or(v_or(lower, upper), v_not(v_le(p, v_set(0))))); /* NaN: not central */
        if (v_any(central)) {
            /* q = exp(p) - 1/2 as a double-double: expm1(p + ln 2)/2 for exp(p) in
             * [1/4, 3/4] (no cancellation near 1/2), else 1/2 + expm1(p) */
            vmsk middle = v_and(v_le(v_set(LOG_0_25), p), v_le(p, v_set(LOG_0_75)));
            vdbl t_err, t = v_two_sum(p, v_set(LN2_DD_HI), &t_err);
            t_err = v_add(t_err, v_set(LN2_DD_LO));
            vdbl arg = v_sel(middle, t, p);
            vdbl e_lo, e = v_expm1_dd(arg, &e_lo);
            vdbl half_lo, half = v_two_sum(v_set(0.5), e, &half_lo);
            /* middle: (e + e_lo + t_err (1 + e)) / 2 */
            vdbl mid_lo = v_mul(v_set(0.5), v_fma(t_err, v_add(v_set(1), e), e_lo));
            vdbl q = v_sel(middle, v_mul(v_set(0.5), e), half);
            vdbl q_lo = v_sel(middle, mid_lo, v_add(half_lo, e_lo));
            z = wide ? v_central_quantile_wide(q, q_lo, &z_lo)
                     : v_central_quantile(q, q_lo, &z_lo, precise);
        }
        /* upper: P = 1 - exp(p) >= -p (1 + p/2) must be a normal double */
        tail = v_or(v_and(lower, v_le(v_set(LOG_P_MIN), p)), v_and(upper, v_le(p, v_set(-2 * DBL_MIN))));
    }
    *deferred = tail;
    *slow = v_not(v_or(central, tail));
    *z_lo_out = z_lo;
    return z;
}

ALWAYS_INLINE vdbl qnorm_central_vec(vdbl p, const void *args, vmsk *deferred, vmsk *slow)
{
    const struct norm_args *a = args;
    vdbl z_lo, z = qnorm_central_z_vec(p, a, deferred, slow, &z_lo, Z_PLAIN);
    return qnorm_finish(z, z_lo, a);
}

/* The deferred lanes with P >= 0.025 (|p - 1/2| <= 0.475, or log p in [log 0.025,
 * log 0.975]): they take the wide central form in a second stage of their own
 * (run_array_split_pick) instead of the tail's log, square root and divisions. The first
 * stage keeps the narrower region, whose form is the more accurate near p = 1/2 (the wide
 * one's rounding is small only near its edge, where these lanes are). */
ALWAYS_INLINE vmsk qnorm_mid_pick(vdbl p, const void *args)
{
    const struct norm_args *a = args;
    if (a->log_flag)
        return v_and(v_le(v_set(LOG_0_025), p), v_le(p, v_set(LOG_0_975)));
    return v_le(v_abs(v_sub(p, v_set(0.5))), v_set(NORM_Q_WIDE_SPLIT)); /* the stages' q */
}

ALWAYS_INLINE vdbl qnorm_mid_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct norm_args *a = args;
    vmsk deferred;
    vdbl z_lo, z = qnorm_central_z_vec(p, a, &deferred, slow, &z_lo, Z_WIDE);
    *slow = v_or(*slow, deferred); /* none: the pick and the wide region agree */
    return qnorm_finish(z, z_lo, a);
}

/* Second stage, for the lanes qnorm_central_vec deferred (P the smaller tail probability,
 * DBL_MIN <= P < 0.075, or log P in [-729, log 0.075]); z = hi + *z_lo of the lower tail.
 * s_out, if not NULL, gets -log P as hi + *s_lo_out (lnorm refines z against it). */
ALWAYS_INLINE vdbl qnorm_tail_z_vec(vdbl p, const struct norm_args *a, vmsk *slow, vdbl *z_lo,
                                    vdbl *s_out, vdbl *s_lo_out, const int precise)
{
    vmsk low;
    vdbl s_lo = v_set(0), s; /* -log P */
    *slow = v_none();
    if (!a->log_flag) {
        low = v_lt(p, v_set(0.5));
        s = v_neg(v_log_normal_dd(v_sel(low, p, v_sub(v_set(1), p)), &s_lo));
        s_lo = v_neg(s_lo);
    } else {
        low = v_lt(p, v_set(LOG_0_075));
        s = v_neg(p);
        if (v_any(v_not(low))) { /* P = -expm1(p), log P with P's low part */
            vdbl e_lo, e = v_expm1_dd(v_sel(low, v_set(-1), p), &e_lo);
            vdbl l_lo, l = v_log_normal_dd(v_neg(e), &l_lo);
            l_lo = v_add(l_lo, v_div(e_lo, e)); /* log(P_hi + P_lo) = log P_hi + P_lo/P_hi */
            s = v_sel(low, s, v_neg(l));
            s_lo = v_sel(low, s_lo, v_neg(l_lo));
        }
    }
    if (s_out) {
        *s_out = s;
        *s_lo_out = s_lo;
    }
    vdbl w_lo, w = v_upper_quantile(s, s_lo, &w_lo, precise);
    *z_lo = v_sel(low, v_neg(w_lo), w_lo);
    return v_sel(low, v_neg(w), w);
}

ALWAYS_INLINE vdbl qnorm_tail_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct norm_args *a = args;
    vdbl z_lo, z = qnorm_tail_z_vec(p, a, slow, &z_lo, NULL, NULL, 0);
    return qnorm_finish(z, z_lo, a);
}

VD_SCALAR_LANES2(norm, struct norm_args, mu, sigma)

/* The kernels in the registry's calling form: param = {mu, sigma}. */
static void ISA_SUFFIX(dnorm_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int give_log, double *out)
{
    double mu = param[0], sigma = param[1];
    (void)lower_tail;
    struct norm_args a = norm_args_make(mu, sigma, 1, give_log);
    if (give_log)
        a.log_hi = norm_log_sigma_sqrt_2pi_hi(sigma, &a.log_lo);
    a.phi_hi = INV_SQRT_2PI / sigma;
    a.phi_lo = (fma(-a.phi_hi, sigma, INV_SQRT_2PI) + INV_SQRT_2PI_LO) / sigma;
    /* exp(-hs) phi_hi >= 2^-1000 */
    a.hs_max = fmin(700, log(a.phi_hi) + 1000 * LN2_HI - 1);
    if (a.standard)
        run_array(n, x, out, &a, dnorm_vec_standard, dnorm_one);
    else
        run_array(n, x, out, &a, dnorm_vec, dnorm_one);
}

static void ISA_SUFFIX(pnorm_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct norm_args a = norm_args_make(param[0], param[1], lower_tail, log_p);
    if (log_p)
        run_array_split(n, x, out, &a, pnorm_body_vec, pnorm_vec, pnorm_one);
    else
        run_array_split_pick(n, x, out, &a, pnorm_body_vec, pnorm_near_one_pick, pnorm_near_one_vec,
                             pnorm_vec, pnorm_one);
}

static void ISA_SUFFIX(qnorm_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct norm_args a = norm_args_make(param[0], param[1], lower_tail, log_p);
    run_array_split_pick(n, x, out, &a, qnorm_central_vec, qnorm_mid_pick, qnorm_mid_vec,
                         qnorm_tail_vec, qnorm_one);
}
