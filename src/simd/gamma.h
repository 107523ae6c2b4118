/* Gamma distribution (shape, scale) kernels, x per lane and the parameters fixed per call.
 *
 *   dgamma: every shape (the direct log form, Loader's beyond GAMMA_D_DIRECT_MAX);
 *   pgamma: every shape: the series for P and the continued fraction for Q up to
 *     GAMMA_P_SHAPE_MAX, Temme's expansion near the mean beyond, two stages
 *     (run_array_split); below shape 1, y < 1 is Taylor's region (P near 1), which takes
 *     the scalar reference's Taylor form unless P itself is asked for (the series serves P);
 *   qgamma: from GAMMA_P_SHAPE_MIN, Householder's steps on those same pieces in linear
 *     space; below (down to shape 2^-40), Halley's steps on log P from Taylor's form.
 * Shapes below 2^-40 in Taylor's region run the scalar reference (src/scalar/gamma.c), and
 * so do single lanes that leave a kernel's range (each kernel lists its own). */
#ifndef VDIST_SIMD_GAMMA_H
#define VDIST_SIMD_GAMMA_H

#include "vdist.h"
#include "common.h"
#include "../scalar/specfun.h"
#include "../scalar/gamma_temme.h"
#include "../scalar/gamma_internal.h"

/* x at least this: x/scale's remainder is exact and log x a normal log */
#define GAMMA_X_TINY 0x1p-960
/* dgamma up to this shape: log d = (shape - 1) log y - y - lgamma(shape) - log scale directly
 * (the log's ~2^-70 absolute times shape - 1, lgamma's 2^-64 relative of lgamma(128) = 491:
 * below 2^-55, a quarter ULP of d; measured within 1 ULP of the scalar reference for
 * shapes 64 to 128); beyond, Loader's form through bd0, whose terms do not grow with shape */
#define GAMMA_D_DIRECT_MAX 128.0
/* pgamma's and qgamma's vector paths: the series and the continued fraction up to shape
 * GAMMA_P_SHAPE_MAX (at most GAMMA_P_TERMS terms each), Temme beyond; qgamma's linear-space
 * steps from GAMMA_P_SHAPE_MIN: y's relative error is P's over d log P/d log y, which near
 * 0 is the shape, and P's linear value carries e^log T's ~0.3 ULP; below, log space */
#define GAMMA_P_SHAPE_MIN 0.25
#define GAMMA_P_SHAPE_MAX 20.0
#define GAMMA_P_TERMS 100
/* dgamma without log_p for shapes with 2 shape an integer in [1, 2 GAMMA_D_POWER_MAX] (chi-squared
 * with integral df, Erlang): y^(shape - 1) by products and one square root, no logarithm */
#define GAMMA_D_POWER_MAX 64.0
/* bd0(x, np) by its series in v = (x - np)/(x + np) up to this |v| (as the scalar core) */
#define BD0_SERIES_MAX 0x1p-4

struct gamma_args {
    double shape, scale, inv_scale;
    double ls_hi, ls_lo;   /* log scale */
    double la_hi, la_lo;   /* log shape */
    double m_hi, m_lo;     /* the multiplier of log y in the direct form: shape - 1 (d), shape (p) */
    double c_hi, c_lo;     /* the constant term of log d (dgamma_vec) or log T (pgamma) */
    int lower_tail, log_flag;
    int direct;            /* log d or log T = m log y - y + c */
    double series_max_y;   /* pgamma: the series up to this y, the continued fraction beyond */
    double series_band_y;  /* P's series serves up to here (two standard deviations on) */
    /* pgamma beyond GAMMA_P_SHAPE_MAX: Temme's S(eta) = sum_j temme[j] eta^j (the
     * coefficients' sums over shape^-k), and S's factor 1/sqrt(2 pi shape) */
    double temme[GAMMA_TEMME_N], temme_scale, inv_sqrt_shape;
    double lgamma1p, lgamma1p_lo; /* lgamma(shape + 1): qgamma's start, pgamma's Taylor */
    double inv_shape;             /* 1/shape */
    /* qgamma's start: Wilson-Hilferty's cube root 1 - 1/(9 shape) + z/(3 sqrt(shape)), and
     * the log of the largest p taken as P's target where P is asked for */
    double wh_centre, wh_slope, q_log_direct_max;
    double shape_1_hi, shape_1_lo;  /* shape + 1 */
    /* dgamma's power form (power set): d = C y^k sqrt(y)^half e^-y, C = 1/(Gamma(shape) scale),
     * for y in [power_y_min, power_y_max] */
    int power, power_k, power_half;
    double power_c_hi, power_c_lo, power_y_min, power_y_max;
    /* pgamma's series: 1/(shape + n) and, for odd n, 1/((shape + n)(shape + n + 1)), each
     * rounded once (the sum's terms are running products of them) */
    double inv_shape_n[GAMMA_P_TERMS + VLEN], inv_pair_n[GAMMA_P_TERMS + VLEN];
};

/* bd0(x, np) = x log(x/np) + np - x for an exact double x > 0 and np = np + np_lo, with
 * log x - log np = L + L_lo at hand (~2^-70 absolute), as hi + *lo to ~2^-64 relative:
 * where |v| <= 1/16 Loader's series
 *     bd0 = (x - np) v + 2x (v^3/3 + v^5/5 + ...),  v = (x - np)/(x + np),
 * with (x - np) v and 2x v^3/3 in double-double (the rest is below 2^-14 of the sum), else
 * x (log x - log np) + (np - x), which cancels by at most a factor ~2^8 there. */
ALWAYS_INLINE vdbl v_bd0_dd(vdbl x, vdbl np, vdbl np_lo, vdbl L, vdbl L_lo, vdbl *lo)
{
    static const double series[7] = {1.0 / 5,  1.0 / 7,  1.0 / 9, 1.0 / 11,
                                     1.0 / 13, 1.0 / 15, 1.0 / 17}; /* truncation 2^-70 */
    vdbl e, dh = v_two_sum(x, v_neg(np), &e);
    vdbl dl = v_sub(e, np_lo); /* x - np */
    vdbl sh = v_two_sum(x, np, &e);
    vdbl sl = v_add(e, np_lo); /* x + np */
    vdbl rec = v_div(v_set(1), sh);
    vdbl vh = v_mul(dh, rec);
    vdbl vl = v_mul(v_add(v_fnma(vh, sh, dh), v_fnma(vh, sl, dl)), rec);
    /* (x - np) v */
    vdbl dv_lo, dv = v_two_prod(dh, vh, &dv_lo);
    dv_lo = v_add(dv_lo, v_fma(dh, vl, v_mul(dl, vh)));
    /* v^3 and 2x/3 v^3 (2x/3 with its remainder: 2x is exact) */
    vdbl v2_lo, v2 = v_two_prod(vh, vh, &v2_lo);
    v2_lo = v_fma(v_add(vh, vh), vl, v2_lo);
    vdbl v3_lo, v3 = v_two_prod(v2, vh, &v3_lo);
    v3_lo = v_add(v3_lo, v_fma(v2, vl, v_mul(v2_lo, vh)));
    vdbl x2 = v_add(x, x), c = v_mul(x2, v_set(1.0 / 3));
    vdbl c_lo = v_mul(v_fnma(c, v_set(3), x2), v_set(1.0 / 3));
    vdbl t_lo, t = v_two_prod(c, v3, &t_lo);
    t_lo = v_add(t_lo, v_fma(c, v3_lo, v_mul(c_lo, v3)));
    vdbl rest = v_mul(v_mul(v_mul(x2, v3), v2), v_poly_split(series, 6, v2));
    vdbl s_err, s = v_two_sum(dv, t, &s_err);
    vdbl s_lo = v_add(v_add(s_err, rest), v_add(dv_lo, t_lo));
    /* far: x L - (x - np) */
    vdbl xL_lo, xL = v_two_prod(x, L, &xL_lo);
    xL_lo = v_fma(x, L_lo, xL_lo);
    vdbl f_err, f = v_two_sum(xL, v_neg(dh), &f_err);
    vdbl f_lo = v_add(f_err, v_sub(xL_lo, dl));
    vmsk series_lane = v_le(v_abs(vh), v_set(BD0_SERIES_MAX));
    return v_fast_two_sum(v_sel(series_lane, s, f), v_sel(series_lane, s_lo, f_lo), lo);
}

/* A density from its log hi + lo (to ~2^-56 absolute): the log itself, where it does not
 * cancel to below 1/4 (its relative error would show), or its exponential in the normal
 * range; *ok loses the other lanes */
ALWAYS_INLINE vdbl v_density_from_log(vdbl hi, vdbl lo, int log_flag, vmsk *ok)
{
    if (log_flag) {
        *ok = v_and(*ok, v_le(v_set(0.25), v_abs(hi)));
        return v_add(hi, lo);
    }
    *ok = v_and(*ok, v_and(v_le(v_set(-707), hi), v_le(hi, v_set(709))));
    vdbl e_lo, e = v_exp_dd(v_min(v_max(hi, v_set(-707)), v_set(709)), &e_lo);
    return v_add(e, v_fma(e, lo, e_lo));
}

/* The density through its log:
 *   shape <= GAMMA_D_DIRECT_MAX: log d = (shape - 1) log y - y + c, c = -lgamma(shape) - log scale;
 *   beyond (Loader):             log d = c - bd0(shape, y) - log x,
 *                                c = log(shape)/2 - stirlerr(shape) - log sqrt(2 pi),
 * summed in double-double; log y = log x - log scale with log x from v_log_full_dd. Lanes
 * left to the scalar reference: x = 0, tiny or non-finite x, y outside [2^-1000, 2^1000],
 * a density outside the normal range, and log densities that cancel to below 1/4 (their
 * relative error would show the terms' ~2^-56 absolute). */
/* y = x/scale = y + *y_lo, log x = lx + *lx_lo and log y = ly + *ly_lo (log x - log scale) for
 * the lanes *ok (x >= GAMMA_X_TINY finite, y in [2^-1000, 2^1000]; the others computed on
 * a stand-in) */
ALWAYS_INLINE vdbl gamma_y_logs(vdbl x, const struct gamma_args *a, vmsk *ok, vdbl *y_lo,
                                vdbl *lx, vdbl *lx_lo, vdbl *ly, vdbl *ly_lo)
{
    if (a->scale == 1) { /* y = x and log y = log x: the same bits without the two sums */
        *ok = v_and(v_le(v_set(GAMMA_X_TINY), x), v_le(x, v_set(0x1p1000))); /* NaN: not ok */
        vdbl xs = v_sel(*ok, x, v_set(1));
        *y_lo = v_set(0);
        *lx = v_log_full_dd(xs, lx_lo);
        *ly = *lx;
        *ly_lo = *lx_lo;
        return xs;
    }
    vdbl y = v_div_diff_dd(x, v_set(0), v_set(a->scale), v_set(a->inv_scale), y_lo);
    *ok = v_and(v_and(v_le(v_set(GAMMA_X_TINY), x), v_finite(x)),
                v_and(v_le(v_set(0x1p-1000), y), v_le(y, v_set(0x1p1000))));
    vdbl xs = v_sel(*ok, x, v_set(a->scale));
    *y_lo = v_sel(*ok, *y_lo, v_set(0));
    *lx = v_log_full_dd(xs, lx_lo);
    *ly = v_two_sum(*lx, v_set(-a->ls_hi), ly_lo);
    *ly_lo = v_add(*ly_lo, v_sub(*lx_lo, v_set(a->ls_lo)));
    return v_sel(*ok, y, v_set(1));
}

/* m log y - y + c = hi + *lo in double-double (the direct form of log d and log T) */
ALWAYS_INLINE vdbl gamma_log_direct(vdbl y, vdbl y_lo, vdbl ly, vdbl ly_lo,
                                    const struct gamma_args *a, vdbl *lo)
{
    vdbl p_lo, p = v_two_prod(v_set(a->m_hi), ly, &p_lo);
    p_lo = v_add(p_lo, v_fma(v_set(a->m_hi), ly_lo, v_mul(v_set(a->m_lo), ly)));
    vdbl e1, s1 = v_two_sum(p, v_neg(y), &e1);
    vdbl e2, s2 = v_two_sum(s1, v_set(a->c_hi), &e2);
    *lo = v_add(v_add(e1, e2), v_add(v_sub(p_lo, y_lo), v_set(a->c_lo)));
    return s2;
}

/* bd0(shape, y) = shape log(shape/y) + y - shape = hi + *lo (y + y_lo, log y = ly + ly_lo) */
ALWAYS_INLINE vdbl gamma_bd0(vdbl y, vdbl y_lo, vdbl ly, vdbl ly_lo, const struct gamma_args *a,
                             vdbl *lo)
{
    vdbl L_lo, L = v_two_sum(v_set(a->la_hi), v_neg(ly), &L_lo);
    L_lo = v_add(L_lo, v_sub(v_set(a->la_lo), ly_lo));
    return v_bd0_dd(v_set(a->shape), y, y_lo, L, L_lo, lo);
}

ALWAYS_INLINE vdbl dgamma_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct gamma_args *a = args;
    vmsk negative = v_lt(x, v_set(0)); /* -Inf included */
    vmsk ok;
    vdbl y_lo, lx, lx_lo, ly, ly_lo, y = gamma_y_logs(x, a, &ok, &y_lo, &lx, &lx_lo, &ly, &ly_lo);
    vdbl hi, lo;
    if (a->direct) {
        hi = gamma_log_direct(y, y_lo, ly, ly_lo, a, &lo);
    } else {
        vdbl b_lo, b = gamma_bd0(y, y_lo, ly, ly_lo, a, &b_lo);
        vdbl e1, s1 = v_two_sum(v_set(a->c_hi), v_neg(b), &e1);
        vdbl e2, s2 = v_two_sum(s1, v_neg(lx), &e2);
        hi = s2;
        lo = v_add(v_add(e1, e2), v_sub(v_set(a->c_lo), v_add(b_lo, lx_lo)));
    }
    vdbl r = v_density_from_log(hi, lo, a->log_flag, &ok);
    *slow = v_not(v_or(negative, ok));
    return v_sel(negative, v_set(a->log_flag ? -INFINITY : 0), r);
}

/* dgamma's power form (a->power): y^k sqrt(y)^half e^-y C (k = -1 for shape 1/2) in
 * double-double with one rounding at the end, for the lanes with y in [power_y_min,
 * power_y_max]; the others (rare: tiny, huge, non-finite or negative x) take dgamma_vec's
 * log form, by their value alone. */
ALWAYS_INLINE vdbl dgamma_power_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct gamma_args *a = args;
    vdbl y = x, y_lo = v_set(0);
    if (a->scale != 1)
        y = v_div_diff_dd(x, v_set(0), v_set(a->scale), v_set(a->inv_scale), &y_lo);
    vmsk ok = v_and(v_le(v_set(a->power_y_min), y), v_le(y, v_set(a->power_y_max))); /* NaN: not */
    y = v_sel(ok, y, v_set(1));
    y_lo = v_sel(ok, y_lo, v_set(0));
    vdbl p_lo = v_set(0), p = v_set(1);
    if (a->power_half) { /* sqrt(y + y_lo) = s + (y - s^2 + y_lo)/(2 s) */
        p = v_sqrt(y);
        p_lo = v_div(v_add(v_fnma(p, p, y), y_lo), v_add(p, p));
    }
    if (a->power_k < 0) { /* shape 1/2: 1/(p + p_lo) = r (1 + (1 - r p - r p_lo)) */
        vdbl r = v_div(v_set(1), p);
        p_lo = v_mul(r, v_fnma(r, p_lo, v_fnma(r, p, v_set(1))));
        p = r;
    }
    vdbl b = y, b_lo = y_lo; /* y^(2^j) */
    for (int k = a->power_k; k > 0; k >>= 1) {
        if (k & 1)
            p = v_mul_dd(p, p_lo, b, b_lo, &p_lo);
        if (k > 1)
            b = v_mul_dd(b, b_lo, b, b_lo, &b_lo);
    }
    vdbl e_lo, e = v_exp_neg_dd(y, y_lo, &e_lo);
    vdbl pe_lo, pe = v_mul_dd(p, p_lo, e, e_lo, &pe_lo);
    vdbl d_lo, d = v_mul_dd(pe, pe_lo, v_set(a->power_c_hi), v_set(a->power_c_lo), &d_lo);
    d = v_add(d, d_lo);
    /* a result outside the normal range goes to the scalar reference */
    vmsk normal = v_and(v_le(v_set(DBL_MIN), d), v_le(d, v_set(DBL_MAX)));
    *slow = v_andnot(normal, ok);
    if (v_any(v_not(ok))) {
        vmsk log_slow;
        d = v_sel(ok, d, dgamma_vec(x, args, &log_slow));
        *slow = v_or(*slow, v_andnot(ok, log_slow));
    }
    return d;
}

/* pgamma's value from l + l_lo, the log of the tail computed (lanes of `upper`: Q, else P),
 * in the wanted form; P + Q = 1 is used only where the computed tail is at most ~0.63
 * (the smaller one, or near the mean). Marks lanes whose result would leave the normal
 * range. */
ALWAYS_INLINE vdbl gamma_tail_result(vdbl l, vdbl l_lo, vmsk upper, const struct gamma_args *a,
                                     vmsk *ok)
{
    vmsk wanted = a->lower_tail ? v_not(upper) : upper; /* the computed tail is the wanted */
    int all_wanted = v_bits(wanted) == (1 << VLEN) - 1;
    vdbl t = v_set(0);
    if (!(a->log_flag && all_wanted)) {
        vmsk need_exp = a->log_flag ? v_not(wanted) : v_or(wanted, v_not(wanted));
        *ok = v_andnot(v_andnot(v_and(v_le(v_set(-707), l), v_le(l, v_set(709))), need_exp), *ok);
        vdbl e_lo, e = v_exp_dd(v_min(v_max(l, v_set(-707)), v_set(709)), &e_lo);
        t = v_add(e, v_fma(e, l_lo, e_lo));
    }
    vdbl same = a->log_flag ? v_add(l, l_lo) : t;
    if (all_wanted)
        return same;
    vdbl other = a->log_flag ? v_log1p_normal(v_neg(t)) : v_sub(v_set(1), t);
    return v_sel(wanted, same, other);
}

/* the same from log T + log F (F the series sum, or K for the continued fraction; F
 * (1 + F_rel_lo) where F has a low part), all lanes of one tail */
ALWAYS_INLINE vdbl gamma_p_result(vdbl lt, vdbl lt_lo, vdbl F, vdbl F_rel_lo, const int upper,
                                  const struct gamma_args *a, vmsk *ok)
{
    vdbl lf_lo, lf = v_log_normal_dd(F, &lf_lo);
    vdbl err, l = v_two_sum(lt, lf, &err);
    vdbl l_lo = v_add(v_add(err, F_rel_lo), v_add(lt_lo, lf_lo));
    vdbl zero = v_set(0);
    return gamma_tail_result(l, l_lo, upper ? v_le(zero, zero) : v_lt(zero, zero), a, ok);
}

/* log T = log(y^shape e^-y / Gamma(shape + 1)) at y + y_lo (log y = ly + ly_lo): the direct
 * form up to GAMMA_P_SHAPE_MAX, Loader's beyond (where shape log y and y cancel),
 * c - bd0(shape, y) with c = -stirlerr(shape) - log sqrt(2 pi shape) */
ALWAYS_INLINE vdbl gamma_log_t_at(vdbl y, vdbl y_lo, vdbl ly, vdbl ly_lo,
                                  const struct gamma_args *a, vdbl *lo)
{
    if (a->direct)
        return gamma_log_direct(y, y_lo, ly, ly_lo, a, lo);
    vdbl b_lo, b = gamma_bd0(y, y_lo, ly, ly_lo, a, &b_lo);
    vdbl err, l = v_two_sum(v_set(a->c_hi), v_neg(b), &err);
    *lo = v_add(err, v_sub(v_set(a->c_lo), b_lo));
    return l;
}

/* The same for x (y = x/scale) for the lanes *ok; *y_out + *y_lo = y */
ALWAYS_INLINE vdbl gamma_log_t(vdbl x, const struct gamma_args *a, vmsk *ok, vdbl *y_out,
                               vdbl *y_lo, vdbl *lo)
{
    vdbl lx, lx_lo, ly, ly_lo, y = gamma_y_logs(x, a, ok, y_lo, &lx, &lx_lo, &ly, &ly_lo);
    *y_out = y;
    return gamma_log_t_at(y, *y_lo, ly, ly_lo, a, lo);
}

/* The series S = 1 + y/(a+1) + y^2/((a+1)(a+2)) + ... (P = T S) as hi + *lo, for the lanes
 * *active and y exact, until a term is below 2^-56 S; *active keeps the lanes that did not
 * converge in GAMMA_P_TERMS terms. Four terms per step, added to S as one, compensated (the
 * chains term -> term and S -> S are what limit the speed). Lanes that have converged keep
 * adding to S: their terms decrease from below 2^-56 S on, under half an ulp of S, so S
 * stays as it is; the low part is masked, so that a lane's result does not depend on its
 * neighbours. */
ALWAYS_INLINE vdbl gamma_series_sum(vdbl y, vmsk *active, const struct gamma_args *a, vdbl *lo)
{
    vdbl y2_lo, y2 = v_two_prod(y, y, &y2_lo); /* exact: its rounding would add up over n */
    vdbl term = v_set(1), S = v_set(1), S_lo = v_set(0);
    for (int n = 1; n + 3 <= GAMMA_P_TERMS && v_any(*active); n += 4) {
        /* terms n .. n + 3: the chain term -> t2 -> next is two products per four terms */
        vdbl c = v_set(a->inv_pair_n[n]), c2 = v_set(a->inv_pair_n[n + 2]);
        vdbl t1 = v_mul(term, v_mul(y, v_set(a->inv_shape_n[n])));
        vdbl t2 = v_mul(term, v_fma(y2, c, v_mul(y2_lo, c)));
        vdbl t3 = v_mul(t2, v_mul(y, v_set(a->inv_shape_n[n + 2])));
        term = v_mul(t2, v_fma(y2, c2, v_mul(y2_lo, c2)));
        vdbl e;
        S = v_two_sum(S, v_add(v_add(t1, t2), v_add(t3, term)), &e);
        S_lo = v_add(S_lo, v_sel(*active, e, v_set(0)));
        *active = v_and(*active, v_lt(v_mul(v_set(0x1p-56), S), term));
    }
    *lo = S_lo;
    return S;
}

/* The continued fraction Q = shape T K, K = 1/(b0 + a1/(b1 + a2/(b2 + ...))),
 * b_n = y + 2n + 1 - shape, a_n = -n (n - shape), for the lanes *ok (y exact, y <= 2^100,
 * others any stand-in); returns K and *inv_k = 1/K, and *ok loses the lanes that did not
 * converge. A forward pass over the convergents P_n/Q_n of the denominator finds, per
 * lane, the n where they agree to 2^-44 (their cross difference is exactly a_1 ... a_n in
 * size: no cancellation to fear), and the fraction is then summed backward from
 * N = 3n/2 + 8 terms (as t = u/v, no divisions), which is stable where the forward
 * recurrence is not. Both rescale by 2^-600 when they grow large. */
ALWAYS_INLINE vdbl gamma_cf_k(vdbl y, vmsk *ok, const struct gamma_args *a, vdbl *inv_k)
{
    vdbl b0_lo, b0 = v_two_sum(y, v_set(1 - a->shape), &b0_lo); /* 1 - shape exact */
    vdbl p_prev = v_set(1), q_prev = v_set(0), p = b0, q = v_set(1), det = v_set(1);
    vdbl terms = v_set(0);
    vmsk active = *ok;
    int n = 1;
    for (; n <= GAMMA_P_TERMS && v_any(active); n++) {
        vdbl an = v_set(-n * (n - a->shape)), bn = v_add(b0, v_set(2.0 * n));
        vdbl p_next = v_fma(bn, p, v_mul(an, p_prev)), q_next = v_fma(bn, q, v_mul(an, q_prev));
        p_prev = p, q_prev = q, p = p_next, q = q_next;
        det = v_mul(det, v_abs(an)); /* |P_n Q_(n-1) - P_(n-1) Q_n| */
        if (n % 4 == 0) { /* 4 steps grow them by at most ~2^404 (y <= 2^100) */
            vdbl f = v_sel(v_lt(v_set(0x1p600), v_abs(p)), v_set(0x1p-600), v_set(1));
            p_prev = v_mul(p_prev, f), q_prev = v_mul(q_prev, f);
            p = v_mul(p, f), q = v_mul(q, f), det = v_mul(det, v_mul(f, f));
        }
        vmsk done = v_and(active, v_le(det, v_mul(v_set(0x1p-44), v_abs(v_mul(p, q_prev)))));
        terms = v_sel(done, v_set(n + n / 2 + 8), terms);
        active = v_andnot(done, active);
    }
    *ok = v_andnot(active, *ok);
    /* backward: t_k = a_k / (b_k + t_(k+1)) = u/v, t = 0 beyond a lane's N */
    int top = n + n / 2 + 8;
    vdbl u = v_set(0), v = v_set(1);
    for (int k = top; k >= 1; k--) {
        vmsk in = v_le(v_set(k), terms);
        vdbl bk = v_add(b0, v_set(2.0 * k));
        vdbl u_next = v_mul(v_set(-k * (k - a->shape)), v), v_next = v_fma(bk, v, u);
        u = v_sel(in, u_next, u);
        v = v_sel(in, v_next, v);
        if (k % 4 == 0) {
            vdbl f = v_sel(v_lt(v_set(0x1p600), v_abs(v)), v_set(0x1p-600), v_set(1));
            u = v_mul(u, f), v = v_mul(v, f);
        }
    }
    /* K = v / (b0 v + u) */
    vdbl den = v_sel(*ok, v_fma(b0_lo, v, v_fma(b0, v, u)), v_set(1));
    v = v_sel(*ok, v, v_set(1));
    *inv_k = v_div(den, v);
    return v_div(v, den);
}

/* Taylor's region (shape < 1, y < 1), in the wanted form, for the lanes *ok (the scalar
 * reference's method, without its tiny-shape form: shapes below 2^-40 are taken out):
 *     u = shape log y - lgamma(shape + 1),  P = e^u (1 + s),  Q = -(expm1(u) + s e^u),
 *     s = sum_{n>=1} shape (-y)^n / (n! (shape + n)),
 * s's first term in double-double and the rest summed with compensation (each lane's sum
 * under its own mask); y's low part is left out of s (it moves s by ~shape y 2^-53). */
ALWAYS_INLINE vdbl gamma_taylor_parts(vdbl y, vdbl ly, vdbl ly_lo, const struct gamma_args *a,
                                      vmsk *ok, vdbl *u_lo_out, vdbl *s_out, vdbl *s_lo_out)
{
    if (a->shape < 0x1p-40)
        *ok = v_lt(y, y); /* none */
    /* u = shape log y - lgamma1p(shape) */
    vdbl p_lo, p = v_two_prod(v_set(a->shape), ly, &p_lo);
    p_lo = v_fma(v_set(a->shape), ly_lo, p_lo);
    vdbl u_err, u = v_two_sum(p, v_set(-a->lgamma1p), &u_err);
    vdbl u_lo = v_add(u_err, v_sub(p_lo, v_set(a->lgamma1p_lo)));
    /* s's first term -shape y / (shape + 1), the quotient's remainder exact */
    vdbl n_lo, n = v_two_prod(v_set(-a->shape), y, &n_lo);
    vdbl q = v_mul(n, v_set(a->inv_shape_n[1]));
    vdbl q_lo = v_mul(v_sub(v_add(v_fnma(q, v_set(a->shape_1_hi), n), n_lo),
                            v_mul(q, v_set(a->shape_1_lo))), v_set(a->inv_shape_n[1]));
    /* the rest, terms shape t_n / (shape + n), t_n = (-y)^n / n!, to 2^-60 of the first */
    vdbl t = v_neg(y), tail = v_set(0), comp = v_set(0);
    vmsk active = *ok;
    for (int k = 2; k < GAMMA_P_TERMS && v_any(active); k++) {
        t = v_mul(t, v_mul(y, v_set(-1.0 / k)));
        vdbl term = v_mul(t, v_set(a->shape * a->inv_shape_n[k]));
        vdbl e, next = v_two_sum(tail, term, &e);
        tail = v_sel(active, next, tail);
        comp = v_sel(active, v_add(comp, e), comp);
        active = v_and(active, v_lt(v_mul(v_set(0x1p-60), v_abs(q)), v_abs(term)));
    }
    *ok = v_andnot(active, *ok);
    vdbl s_err;
    *s_out = v_two_sum(q, tail, &s_err);
    *s_lo_out = v_add(s_err, v_add(q_lo, comp));
    *u_lo_out = u_lo;
    return u;
}

/* log(1 + s) for a double-double s in (-0.37, 0], to ~2^-53 of itself (s kept exact in the
 * atanh form), as hi + *lo */
ALWAYS_INLINE vdbl gamma_log1p_s(vdbl s, vdbl s_lo, vdbl *lo)
{
    vdbl m = v_add(v_set(1), s);
    return v_log_from_parts(v_set(0), m, s, v_div(s_lo, m), lo);
}

ALWAYS_INLINE vdbl gamma_taylor_vec(vdbl y, vdbl ly, vdbl ly_lo, const struct gamma_args *a,
                                    vmsk *ok)
{
    vdbl u_lo, s, s_lo, u = gamma_taylor_parts(y, ly, ly_lo, a, ok, &u_lo, &s, &s_lo);
    if (!a->lower_tail) { /* Q = -(em + s (1 + em)), em = expm1(u) */
        vdbl em_lo, em = v_expm1_dd(u, &em_lo);
        vdbl e_err, e = v_two_sum(v_set(1), em, &e_err); /* e^u = 1 + em */
        em_lo = v_fma(e, u_lo, em_lo);                   /* u's low part: d expm1 = e^u du */
        vdbl se_lo, se = v_two_prod(s, e, &se_lo);
        se_lo = v_fma(s, v_add(e_err, em_lo), v_fma(s_lo, e, se_lo));
        vdbl qe, qh = v_two_sum(em, se, &qe);
        vdbl ql = v_add(qe, v_add(em_lo, se_lo));
        vdbl Q_lo, Q = v_fast_two_sum(v_neg(qh), v_neg(ql), &Q_lo);
        *ok = v_and(*ok, v_lt(v_set(DBL_MIN), Q));
        if (!a->log_flag)
            return v_add(Q, Q_lo);
        /* log Q: of Q where it is below 1/2, else log(1 - P), P = e^u (1 + s) <= 1/2 */
        vdbl l_lo, l = v_log_sum_dd(v_max(Q, v_set(DBL_MIN)), Q_lo, &l_lo);
        vdbl eu_lo, eu = v_exp_dd(u, &eu_lo); /* e^u itself: 1 + em loses it when tiny */
        vdbl P = v_mul(v_fma(eu, u_lo, v_add(eu, eu_lo)), v_add(v_set(1), v_add(s, s_lo)));
        return v_sel(v_lt(Q, v_set(0.5)), v_add(l, l_lo), v_log1p_normal(v_neg(P)));
    }
    /* log P = u + log(1 + s) */
    vdbl lo_lo, lo1 = gamma_log1p_s(s, s_lo, &lo_lo);
    vdbl l_err, l = v_two_sum(u, lo1, &l_err);
    return v_add(l, v_add(l_err, v_add(u_lo, lo_lo)));
}

/* pgamma, first stage: x <= 0 gives R_DT_0; y <= series_max_y the series P = T S;
 * beyond is deferred to the continued fraction. */
ALWAYS_INLINE vdbl pgamma_series_vec(vdbl x, const void *args, vmsk *deferred, vmsk *slow)
{
    const struct gamma_args *a = args;
    vmsk nonpositive = v_le(x, v_set(0));
    vmsk ok;
    vdbl y_lo, lx, lx_lo, ly, ly_lo, y = gamma_y_logs(x, a, &ok, &y_lo, &lx, &lx_lo, &ly, &ly_lo);
    vdbl lt_lo, lt = gamma_log_t_at(y, y_lo, ly, ly_lo, a, &lt_lo);
    *deferred = v_and(ok, v_lt(v_set(a->series_max_y), y));
    /* Taylor's region (shape < 1, y < 1: P near 1) unless P itself is asked for */
    vmsk taylor = v_lt(y, y); /* none */
    if (a->shape < 1 && !(a->lower_tail && !a->log_flag)) {
        taylor = v_and(ok, v_lt(y, v_set(1)));
        ok = v_andnot(taylor, ok);
        *deferred = v_andnot(taylor, *deferred);
    }
    vmsk active = v_andnot(*deferred, ok);
    vdbl S_lo, S = gamma_series_sum(y, &active, a, &S_lo);
    ok = v_andnot(v_or(active, *deferred), ok); /* unconverged lanes: the scalar reference */
    /* log P = log T + log S: log T has y's low part in, the sum S (run on y's high part)
     * gets it here as y_lo d log S/dy = y_lo (1 + (shape/y) (1/S - 1)) (d P/dy = shape T/y),
     * with its own low part, relative to F = S + S_lo */
    vdbl F = v_add(S, S_lo);
    vdbl dS = v_mul(y_lo, v_fma(v_div(v_set(a->shape), y), v_sub(v_set(1), F), F));
    vdbl F_rel_lo = v_div(v_add(v_add(v_sub(S, F), S_lo), dS), F);
    vdbl r;
    if (a->lower_tail && !a->log_flag) { /* P itself: T F, no log of F */
        ok = v_and(ok, v_le(v_set(-707), lt));
        vdbl e_lo, e = v_exp_dd(v_max(lt, v_set(-707)), &e_lo);
        vdbl p_lo, p = v_two_prod(e, F, &p_lo);
        r = v_add(p, v_fma(p, v_add(lt_lo, F_rel_lo), v_fma(e_lo, F, p_lo)));
    } else {
        r = gamma_p_result(lt, lt_lo, F, F_rel_lo, 0, a, &ok);
    }
    if (v_any(taylor)) {
        vmsk taylor_ok = taylor;
        r = v_sel(taylor, gamma_taylor_vec(y, ly, ly_lo, a, &taylor_ok), r);
        ok = v_or(ok, taylor_ok);
    }
    *slow = v_not(v_or(v_or(nonpositive, *deferred), ok));
    vdbl dt_0 = v_set(a->lower_tail ? (a->log_flag ? -INFINITY : 0.0) : (a->log_flag ? 0.0 : 1.0));
    return v_sel(nonpositive, dt_0, r);
}

/* Q = shape T K by the continued fraction for the lanes `lanes` (the others: slow) */
ALWAYS_INLINE vdbl pgamma_cf_lanes(vdbl x, const struct gamma_args *a, vmsk lanes, vmsk *slow)
{
    vmsk ok;
    vdbl y, y_lo, lt_lo, lt = gamma_log_t(x, a, &ok, &y, &y_lo, &lt_lo);
    ok = v_and(v_and(ok, lanes), v_le(y, v_set(0x1p100))); /* the convergents grow like (2y)^n */
    if (a->shape < 1) /* below 1 (Taylor's region) it converges slowly and loses digits */
        ok = v_and(ok, v_le(v_set(1), y));
    vdbl inv_k, K = gamma_cf_k(y, &ok, a, &inv_k);
    /* log(shape T) = log T + log shape */
    vdbl err, l = v_two_sum(lt, v_set(a->la_hi), &err);
    vdbl l_lo = v_add(err, v_add(lt_lo, v_set(a->la_lo)));
    /* y's low part in log K: y_lo d log K/dy = y_lo (1 - (shape + 1/K)/y) (d Q/dy = -shape T/y) */
    vdbl dK = v_mul(y_lo, v_sub(v_set(1), v_div(v_add(v_set(a->shape), inv_k), y)));
    vdbl r = gamma_p_result(l, l_lo, K, dK, 1, a, &ok);
    *slow = v_not(ok);
    return r;
}

/* second stage (y > series_max_y): the continued fraction */
ALWAYS_INLINE vdbl pgamma_cf_vec(vdbl x, const void *args, vmsk *slow)
{
    vdbl zero = v_set(0);
    return pgamma_cf_lanes(x, args, v_le(zero, zero), slow);
}

/* Beyond GAMMA_P_SHAPE_MAX, within GAMMA_TEMME_WIDTH of the mean: Temme's uniform
 * expansion of the smaller tail (Q in the lanes *upper, set where y >= shape) at y + y_lo
 * (log y = ly + ly_lo),
 *     tail = e^-b v,  v = R(z) +- S(eta) / sqrt(2 pi shape),  b = bd0(shape, y) = shape eta^2/2,
 * z = sqrt(2b), eta = +-z/sqrt(shape) (the sign of y - shape), R the normal's scaled Mills
 * ratio, S the coefficient sums of gamma_args; R' = z R - 1/sqrt(2 pi) carries z's low
 * part. Returns v = hi + *v_lo, and b = *b_hi + *b_lo. */
ALWAYS_INLINE vdbl gamma_temme_parts(vdbl y, vdbl y_lo, vdbl ly, vdbl ly_lo,
                                     const struct gamma_args *a, vmsk *upper, vdbl *v_lo,
                                     vdbl *b_hi, vdbl *b_lo_out)
{
    vdbl b_lo, b = gamma_bd0(y, y_lo, ly, ly_lo, a, &b_lo);
    b = v_max(b, v_set(0)), b_lo = v_sel(v_lt(v_set(0), b), b_lo, v_set(0));
    /* z = sqrt(2b) + z_lo */
    vdbl b2 = v_add(b, b), z = v_sqrt(b2);
    vdbl z_lo = v_div(v_fma(v_set(2), b_lo, v_fnma(z, z, b2)), v_max(v_add(z, z), v_set(DBL_MIN)));
    *upper = v_le(v_set(a->shape), y);
    vdbl eta = v_mul(v_sel(*upper, z, v_neg(z)), v_set(a->inv_sqrt_shape));
    vdbl S = v_poly_split(a->temme, GAMMA_TEMME_N - 1, eta);
    vdbl r_lo, r = v_norm_mills_r_dd(z, &r_lo);
    r_lo = v_fma(v_fma(z, r, v_set(-INV_SQRT_2PI)), z_lo, r_lo);
    vdbl corr = v_mul(S, v_set(a->temme_scale));
    vdbl v_err, v = v_two_sum(r, v_sel(*upper, corr, v_neg(corr)), &v_err);
    *b_hi = b, *b_lo_out = b_lo;
    return v_fast_two_sum(v, v_add(v_err, r_lo), v_lo);
}

/* the smaller tail itself, e^-b v = hi + *lo, for the lanes *ok (those with b above 707 are
 * taken out) */
ALWAYS_INLINE vdbl gamma_temme_tail_vec(vdbl y, vdbl y_lo, vdbl ly, vdbl ly_lo,
                                        const struct gamma_args *a, vmsk *upper, vmsk *ok,
                                        vdbl *lo)
{
    vdbl v_lo, b, b_lo, v = gamma_temme_parts(y, y_lo, ly, ly_lo, a, upper, &v_lo, &b, &b_lo);
    *ok = v_and(*ok, v_le(b, v_set(707)));
    vdbl e_lo, e = v_exp_dd(v_neg(v_min(b, v_set(707))), &e_lo);
    vdbl t_lo, t = v_two_prod(e, v, &t_lo);
    *lo = v_fma(e, v_lo, v_fma(e_lo, v, v_fnma(t, b_lo, t_lo))); /* e^-b_lo ~ 1 - b_lo */
    return t;
}

/* the lanes of y within GAMMA_TEMME_WIDTH of the mean (none up to GAMMA_P_SHAPE_MAX) */
ALWAYS_INLINE vmsk gamma_temme_lanes(vdbl y, const struct gamma_args *a)
{
    if (a->direct)
        return v_lt(y, v_set(-INFINITY));
    return v_le(v_abs(v_sub(y, v_set(a->shape))), v_set(GAMMA_TEMME_WIDTH * a->shape));
}

/* pgamma beyond GAMMA_P_SHAPE_MAX, first stage: Temme's lanes; the others are deferred to
 * pgamma_rest_vec */
ALWAYS_INLINE vdbl pgamma_temme_vec(vdbl x, const void *args, vmsk *deferred, vmsk *slow)
{
    const struct gamma_args *a = args;
    vmsk nonpositive = v_le(x, v_set(0));
    vmsk ok;
    vdbl y_lo, lx, lx_lo, ly, ly_lo, y = gamma_y_logs(x, a, &ok, &y_lo, &lx, &lx_lo, &ly, &ly_lo);
    vmsk temme = v_and(ok, gamma_temme_lanes(y, a));
    *deferred = v_andnot(temme, ok);
    vmsk upper;
    vdbl res;
    if (a->log_flag) {
        /* one log per lane: of v where the smaller tail is the one asked for (log v - b),
         * else of 1 - e^-b v */
        vdbl v_lo, b, b_lo, v = gamma_temme_parts(y, y_lo, ly, ly_lo, a, &upper, &v_lo, &b, &b_lo);
        vmsk wanted = a->lower_tail ? v_not(upper) : upper;
        vdbl arg = v, arg_lo = v_lo;
        if (v_bits(v_and(wanted, temme)) != v_bits(temme)) {
            temme = v_and(temme, v_or(wanted, v_le(b, v_set(707)))); /* e^-b normal */
            vdbl e_lo, e = v_exp_dd(v_neg(v_min(b, v_set(707))), &e_lo);
            vdbl t_lo, t = v_two_prod(e, v, &t_lo);
            t_lo = v_fma(e, v_lo, v_fma(e_lo, v, v_fnma(t, b_lo, t_lo)));
            vdbl o_err, o = v_two_sum(v_set(1), v_neg(t), &o_err);
            arg = v_sel(wanted, v, o);
            arg_lo = v_sel(wanted, v_lo, v_sub(o_err, t_lo));
        }
        vdbl l_lo, l = v_log_sum_dd(arg, arg_lo, &l_lo);
        vdbl err, lb = v_two_sum(l, v_neg(b), &err);
        res = v_sel(wanted, v_add(lb, v_add(err, v_sub(l_lo, b_lo))), v_add(l, l_lo));
    } else { /* no log of v and exp of the sum: e^-b v */
        vdbl t_lo, t = gamma_temme_tail_vec(y, y_lo, ly, ly_lo, a, &upper, &temme, &t_lo);
        vmsk wanted = a->lower_tail ? v_not(upper) : upper;
        res = v_sel(wanted, v_add(t, t_lo), v_sub(v_sub(v_set(1), t), t_lo));
    }
    *slow = v_not(v_or(v_or(nonpositive, *deferred), temme));
    vdbl dt_0 = v_set(a->lower_tail ? (a->log_flag ? -INFINITY : 0.0) : (a->log_flag ? 0.0 : 1.0));
    return v_sel(nonpositive, dt_0, res);
}

/* its second stage: the series below the mean (and up to series_max_y), the continued
 * fraction above */
ALWAYS_INLINE vdbl pgamma_rest_vec(vdbl x, const void *args, vmsk *slow)
{
    vmsk cf;
    vdbl r = pgamma_series_vec(x, args, &cf, slow);
    if (v_any(cf)) {
        vmsk cf_slow;
        vdbl r_cf = pgamma_cf_lanes(x, args, cf, &cf_slow);
        r = v_sel(cf, r_cf, r);
        *slow = v_or(v_andnot(cf, *slow), v_and(cf, cf_slow));
    }
    return r;
}

/* qgamma's Newton steps: at most this many evaluations per lane, each step at most this in
 * log y; a lane is done once its step, against the scale F varies on, is below
 * GAMMA_Q_DONE (Householder's third-order steps converge quartically) */
#define GAMMA_Q_ITERATIONS 10
#define GAMMA_Q_MAX_STEP 4.0
#define GAMMA_Q_DONE 0x1p-16
/* the same for qgamma_small_vec's Halley steps (cubic: ~GAMMA_Q_DONE_HALLEY^3 remains) */
#define GAMMA_Q_DONE_HALLEY 0x1p-20
/* a lower-tail p up to this is P's target (the series serves it), beyond Q's (1 - p exact);
 * P's target costs 1/(1 - p) of the evaluation's error in y, ~10x at most */
#define GAMMA_Q_P_DIRECT 0.9
/* targets from here up (smaller ones: the scalar reference, which works in logs) */
#define GAMMA_Q_TARGET_MIN 0x1p-960

/* The tail wanted (lanes of `upper`: Q, the others P) at an exact y, for the lanes *ok
 * (y in [2^-1000, 2^100]), as hi + *lo, and *dens = shape T = y times the density, its
 * derivative in log y up to the sign. The series gives P for y up to the mean where Q is
 * wanted (1 - P keeps its digits there) and up to series_band_y where P is; the continued
 * fraction gives Q beyond, Temme's expansion near the mean beyond shape 20. Below shape 1,
 * Q is not taken as 1 - P in Taylor's region (y < 1). *ok loses lanes that did not
 * converge, whose T is out of range or that Taylor's region excludes. */
ALWAYS_INLINE vdbl gamma_tail_at(vdbl y, vmsk upper, const struct gamma_args *a, vmsk *ok,
                                 vdbl *lo, vdbl *dens)
{
    vdbl ly_lo, ly = v_log_full_dd(y, &ly_lo);
    vdbl lt_lo, lt = gamma_log_t_at(y, v_set(0), ly, ly_lo, a, &lt_lo);
    *ok = v_and(*ok, v_le(v_set(-707), lt));
    vdbl e_lo, e = v_exp_dd(v_max(lt, v_set(-707)), &e_lo);
    e_lo = v_fma(e, lt_lo, e_lo); /* T = e + e_lo */
    if (a->shape < 1) /* Q as 1 - P in Taylor's region (y < 1) would cancel */
        *ok = v_andnot(v_and(upper, v_lt(y, v_set(1))), *ok);
    vmsk temme = v_and(*ok, gamma_temme_lanes(y, a)), rest = v_andnot(temme, *ok);
    vdbl series_max = v_sel(upper, v_set(a->shape), v_set(a->series_band_y));
    vmsk series = v_and(rest, v_le(y, series_max)), cf = v_andnot(series, rest);
    vdbl S = v_set(1), S_lo = v_set(0), K = v_set(1), inv_k;
    if (v_any(series)) {
        vmsk unconverged = series;
        S = gamma_series_sum(y, &unconverged, a, &S_lo);
        *ok = v_andnot(unconverged, *ok);
    }
    if (v_any(cf)) {
        vmsk converged = cf;
        K = gamma_cf_k(y, &converged, a, &inv_k);
        *ok = v_andnot(v_andnot(converged, cf), *ok);
    }
    /* the computed tail T F: P (F = S + S_lo) or Q (F = shape K, its rounding in F_lo) */
    vdbl aK = v_mul(v_set(a->shape), K);
    vdbl F = v_sel(series, S, aK);
    vdbl F_lo = v_sel(series, S_lo, v_fma(v_set(a->shape), K, v_neg(aK)));
    vdbl t_lo, t = v_two_prod(e, F, &t_lo);
    t_lo = v_add(t_lo, v_fma(e, F_lo, v_mul(e_lo, F)));
    vmsk computed_q = cf;
    if (v_any(temme)) { /* the smaller tail, e^l */
        vmsk temme_upper, temme_ok = temme;
        vdbl x_lo, x = gamma_temme_tail_vec(y, v_set(0), ly, ly_lo, a, &temme_upper, &temme_ok,
                                           &x_lo);
        *ok = v_andnot(v_andnot(temme_ok, temme), *ok);
        t = v_sel(temme, x, t);
        t_lo = v_sel(temme, x_lo, t_lo);
        computed_q = v_or(cf, v_and(temme, temme_upper));
    }
    *dens = v_mul(v_set(a->shape), e);
    /* the other tail where asked: 1 - t */
    vmsk other = v_or(v_andnot(computed_q, upper), v_andnot(upper, computed_q));
    vdbl o_err, o = v_two_sum(v_set(1), v_neg(t), &o_err);
    *lo = v_sel(other, v_sub(o_err, t_lo), t_lo);
    return v_sel(other, o, t);
}

/* a quantile step's bookkeeping: the lanes done take x = scale y e^step (rounded once)
 * and leave *active; the others move on to y e^step, returned */
ALWAYS_INLINE vdbl gamma_q_advance(vdbl y, vdbl step, vmsk done, const struct gamma_args *a,
                                   vdbl *x, vmsk *finished, vmsk *active)
{
    vdbl sy_lo, sy = v_two_prod(v_set(a->scale), y, &sy_lo);
    vdbl em = v_fma(v_mul(step, step), v_set(0.5), step);
    *x = v_sel(done, v_add(sy, v_fma(sy, em, sy_lo)), *x);
    *finished = v_or(*finished, done);
    *active = v_andnot(done, *active);
    return v_mul(y, v_exp(v_sel(*active, step, v_set(0))));
}

/* The quantile for 0 < p < 1 (log p in (-700, 0)) and shapes in [1, 20]:
 *   the target: P or Q, P = p while p <= GAMMA_Q_P_DIRECT where P is asked for, else
 *     whichever is at most 1/2 (as the scalar reference), as a double-double;
 *   the start: Wilson-Hilferty y = shape (1 - 1/(9 shape) + z/(3 sqrt(shape)))^3 with z from
 *     the normal quantile of Abramowitz and Stegun 26.2.23 (|error| < 4.5e-4, plenty for a
 *     start), and for P at least y^shape/Gamma(shape + 1) = P's root (P is below that);
 *   Householder's third-order steps on u = log y for F(u) = P - target or Q - target:
 *     F' = +-shape T, F''/F' = r2 = shape - y, F'''/F' = r3 = r2^2 - y (y times the density
 *     is y^shape e^-y up to a constant), so a step is
 *         d (1 + d r2/2) / (1 + d r2 + d^2 r3/6),  d = -F/F' (Newton's step);
 *   far from the root (the value off the target by more than a factor 2) Newton's step on
 *     log F instead;
 *   the last step is applied as x = scale y (1 + step + step^2/2), rounded once.
 * Lanes left to the scalar reference: p outside (0, 1), NaN, targets below
 * GAMMA_Q_TARGET_MIN, the tiny quantiles the scalar reference takes in closed form
 * (log y < -45), y leaving [2^-1000, 2^100] and lanes not done in GAMMA_Q_ITERATIONS
 * steps. */
ALWAYS_INLINE vdbl qgamma_impl(vdbl p, const struct gamma_args *a, const int first,
                               vmsk *deferred, vmsk *slow)
{
    /* the target's tail (upper: Q) and value G + G_lo; the smaller of G and 1 - G, s, for
     * the start (its log Ls) */
    vdbl G, G_lo, s;
    vmsk upper, ok, direct;
    double direct_max = a->lower_tail ? GAMMA_Q_P_DIRECT : 0.5;
    if (a->log_flag) {
        ok = v_and(v_lt(v_set(-700), p), v_lt(p, v_set(0)));
        direct = v_le(p, v_set(a->q_log_direct_max));
        vdbl ps = v_sel(ok, p, v_set(-1));
        vdbl e_lo, e = v_exp_dd(ps, &e_lo);
        vdbl m_lo, m = v_expm1_dd(ps, &m_lo); /* 1 - e^p = -m */
        G = v_sel(direct, e, v_neg(m));
        G_lo = v_sel(direct, e_lo, v_neg(m_lo));
        s = v_min(e, v_neg(m));
    } else {
        ok = v_and(v_lt(v_set(0), p), v_lt(p, v_set(1)));
        direct = v_le(p, v_set(direct_max));
        G = v_sel(direct, p, v_sub(v_set(1), p)); /* exact */
        G_lo = v_set(0);
        s = v_min(p, v_sub(v_set(1), p)); /* only a start: 1 - p need not be exact */
    }
    upper = a->lower_tail ? v_not(direct) : direct;
    ok = v_and(ok, v_le(v_set(GAMMA_Q_TARGET_MIN), G));
    if (first) { /* Q's lanes (mostly the continued fraction's) to the second stage */
        *deferred = v_and(ok, upper);
        ok = v_andnot(upper, ok);
    }
    vdbl Ls = v_log_normal(v_sel(ok, s, v_set(0.5)));
    /* start: z > 0 above the median */
    vmsk small_g = v_le(G, v_set(0.5));
    vmsk above = v_or(v_and(upper, small_g), v_andnot(upper, v_not(small_g)));
    vdbl tt = v_sqrt(v_mul(v_set(-2), v_min(Ls, v_set(-0x1p-20))));
    vdbl z = v_sub(tt, v_div(v_fma(v_fma(v_set(0.010328), tt, v_set(0.802853)), tt, v_set(2.515517)),
                             v_fma(v_fma(v_fma(v_set(0.001308), tt, v_set(0.189269)), tt,
                                         v_set(1.432788)), tt, v_set(1))));
    z = v_sel(above, z, v_neg(z));
    vdbl c = v_add(v_set(a->wh_centre), v_mul(z, v_set(a->wh_slope)));
    vdbl y = v_mul(v_set(a->shape), v_mul(c, v_mul(c, c)));
    /* P's root: log y = (log P + lgamma(shape + 1))/shape */
    /* (a lower bound: P <= y^shape/Gamma(shape + 1)), for every P target */
    vdbl LG = Ls; /* log G */
    if (v_any(v_andnot(small_g, ok)))
        LG = v_sel(small_g, Ls, v_log_normal(v_max(G, v_set(0.5))));
    vdbl u_small = v_mul(v_add(LG, v_set(a->lgamma1p)), v_set(a->inv_shape));
    ok = v_andnot(v_andnot(upper, v_lt(u_small, v_set(-45))), ok);
    vdbl y_small = v_exp(v_min(v_max(u_small, v_set(-45)), v_set(700)));
    y = v_sel(upper, y, v_max(y, y_small));
    y = v_sel(ok, v_min(v_max(y, v_set(0x1p-1000)), v_set(0x1p100)), v_set(a->shape));
    vdbl x = v_set(0);
    vmsk active = ok, finished = v_lt(x, x); /* none */
    for (int it = 0; it < GAMMA_Q_ITERATIONS && v_any(active); it++) {
        vdbl v_lo, dens, v = gamma_tail_at(y, upper, a, &active, &v_lo, &dens);
        vdbl resid = v_add(v_sub(v, G), v_sub(v_lo, G_lo));
        vdbl slope = v_sel(upper, v_neg(dens), dens); /* F' */
        vdbl d = v_div(v_neg(resid), slope);
        vdbl r2 = v_sub(v_set(a->shape), y), r3 = v_fnma(r2, v_neg(r2), v_neg(y));
        vdbl num = v_fma(v_mul(d, v_set(0.5)), r2, v_set(1));
        vdbl den = v_fma(d, v_fma(v_mul(d, v_set(1.0 / 6)), r3, r2), v_set(1));
        vdbl step = v_div(v_mul(d, num), den);
        /* far from the root (v/G outside [1/2, 2]) Newton's step on log F instead, which
         * converges from anywhere (log P and log Q are concave in u) where the linear
         * steps crawl or overshoot */
        vdbl ratio = v_div(v, G);
        vmsk far = v_or(v_lt(ratio, v_set(0.5)), v_lt(v_set(2), ratio));
        vdbl log_step = v_mul(v_neg(v_log_normal(v_max(ratio, v_set(DBL_MIN)))), v_div(v, slope));
        vmsk near = v_and(v_le(v_abs(d), v_set(0.25)), v_lt(v_set(0.5), den));
        step = v_sel(far, log_step, v_sel(near, step, d)); /* Newton's where d is large */
        step = v_min(v_max(step, v_set(-GAMMA_Q_MAX_STEP)), v_set(GAMMA_Q_MAX_STEP));
        /* F varies on the scale 1/w in u, w = 1 + |r2| + sqrt|r3|: what remains after the
         * step is ~(step w)^4 / w of y, below 2^-64 once step w^(3/4) <= GAMMA_Q_DONE */
        vdbl w = v_add(v_add(v_set(1), v_abs(r2)), v_sqrt(v_abs(r3)));
        vdbl w34 = v_div(w, v_sqrt(v_sqrt(w)));
        vmsk done = v_and(active, v_le(v_mul(v_abs(step), w34), v_set(GAMMA_Q_DONE)));
        y = gamma_q_advance(y, step, done, a, &x, &finished, &active);
        active = v_and(active, v_and(v_le(v_set(0x1p-1000), y), v_le(y, v_set(0x1p100))));
    }
    *slow = v_not(first ? v_or(finished, *deferred) : finished);
    return x;
}

/* first stage: the lanes whose target is P (the series'), the others deferred */
ALWAYS_INLINE vdbl qgamma_p_target_vec(vdbl p, const void *args, vmsk *deferred, vmsk *slow)
{
    return qgamma_impl(p, args, 1, deferred, slow);
}

/* second stage, or all lanes */
ALWAYS_INLINE vdbl qgamma_vec(vdbl p, const void *args, vmsk *slow)
{
    return qgamma_impl(p, args, 0, NULL, slow);
}

/* qgamma below GAMMA_P_SHAPE_MIN (down to 2^-40), where y's relative error is log P's
 * absolute error over the shape: Halley's steps on log P in log space, P from Taylor's form
 * (y < 1): log P = u + log(1 + s), u = shape log y - lgamma(shape + 1), whose errors are
 * ~2^-64 |u| and ~2^-53 |s| with s of the order of the shape, so y keeps its digits;
 * d log P / d log y = shape e^-y / (1 + s), and the second derivative as above. The start
 * is P's root, log y = (log P + lgamma(shape + 1))/shape. Lanes left to the scalar reference:
 * p outside (0, 1) (log p outside (-700, 0)), y at or beyond 1 (where Taylor's form ends)
 * or below e^-45 (the scalar reference's closed form), and lanes not done in
 * GAMMA_Q_ITERATIONS steps. */
ALWAYS_INLINE vdbl qgamma_small_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct gamma_args *a = args;
    /* the P target as a double-double G, and log G */
    vdbl G, G_lo;
    vmsk ok;
    if (a->log_flag) {
        ok = v_and(v_lt(v_set(-700), p), v_lt(p, v_set(0)));
        vdbl ps = v_sel(ok, p, v_set(-1));
        if (a->lower_tail) {
            G = v_exp_dd(ps, &G_lo); /* only the start and the checks use it */
        } else {
            vdbl m_lo, m = v_expm1_dd(ps, &m_lo); /* P = 1 - e^p = -m */
            G = v_neg(m), G_lo = v_neg(m_lo);
        }
    } else {
        ok = v_and(v_lt(v_set(0), p), v_lt(p, v_set(1)));
        G = a->lower_tail ? p : v_two_sum(v_set(1), v_neg(p), &G_lo);
        if (a->lower_tail)
            G_lo = v_set(0);
    }
    G = v_sel(ok, G, v_set(0.5)), G_lo = v_sel(ok, G_lo, v_set(0));
    vdbl LG_lo, LG = v_log_full_dd(G, &LG_lo);
    LG_lo = v_add(LG_lo, v_div(G_lo, G));
    if (a->log_flag && a->lower_tail)
        LG = v_sel(ok, p, LG), LG_lo = v_sel(ok, v_set(0), LG_lo);
    /* start: P's root */
    vdbl u0 = v_mul(v_add(LG, v_set(a->lgamma1p)), v_set(a->inv_shape));
    ok = v_and(ok, v_and(v_le(v_set(-45), u0), v_lt(u0, v_set(0))));
    vdbl y = v_exp(v_sel(ok, u0, v_set(-1)));
    vdbl x = v_set(0);
    vmsk active = ok, finished = v_lt(x, x); /* none */
    for (int it = 0; it < GAMMA_Q_ITERATIONS && v_any(active); it++) {
        vdbl ly_lo, ly = v_log_full_dd(y, &ly_lo);
        vdbl u_lo, s, s_lo, u = gamma_taylor_parts(y, ly, ly_lo, a, &active, &u_lo, &s, &s_lo);
        vdbl l1_lo, l1 = gamma_log1p_s(s, s_lo, &l1_lo);
        vdbl e, r = v_two_sum(u, v_neg(LG), &e); /* log P - log G */
        r = v_add(r, v_add(v_add(l1, e), v_add(v_sub(u_lo, LG_lo), l1_lo)));
        vdbl g = v_div(v_mul(v_set(a->shape), v_exp(v_neg(y))), v_add(v_set(1), s));
        vdbl d = v_div(v_neg(r), g);
        vdbl r2 = v_sub(v_sub(v_set(a->shape), y), g); /* g''/g' */
        vdbl den = v_fma(v_mul(d, v_set(0.5)), r2, v_set(1));
        vmsk near = v_and(v_le(v_abs(d), v_set(0.25)), v_lt(v_set(0.5), den));
        vdbl step = v_sel(near, v_div(d, den), d);
        step = v_min(v_max(step, v_set(-GAMMA_Q_MAX_STEP)), v_set(GAMMA_Q_MAX_STEP));
        /* Halley's steps converge cubically: ~(step w)^3 of y remains, w = 1 + |r2| (< 3) */
        vdbl w = v_add(v_set(1), v_abs(r2));
        vmsk done = v_and(active, v_le(v_mul(v_abs(step), w), v_set(GAMMA_Q_DONE_HALLEY)));
        y = gamma_q_advance(y, step, done, a, &x, &finished, &active);
        active = v_and(active, v_and(v_le(v_set(0x1p-1000), y), v_lt(y, v_set(1))));
    }
    *slow = v_not(finished);
    return x;
}

VD_SCALAR_LANES2(gamma, struct gamma_args, shape, scale)

/* 1/(hi + lo) for a double-double, by one Newton step from the rounded reciprocal (the
 * residual 1 - r hi is exact): good to ~2^-100 before its last rounding */
ALWAYS_INLINE vdbl v_recip_dd(vdbl hi, vdbl lo)
{
    vdbl r = v_div(v_set(1), hi);
    return v_fma(r, v_fnma(r, lo, v_fnma(r, hi, v_set(1))), r);
}

/* inv[n] = 1/(shape + n) and pair[n] = 1/((shape + n)(shape + n + 1)) for n = 0 ...
 * GAMMA_P_TERMS (and up to VLEN - 1 more), each rounded once from the double-double sums
 * and product: VLEN at a time, a per-call cost that short calls notice */
static void gamma_inverse_tables(double shape, double *inv, double *pair)
{
    for (int n = 0; n <= GAMMA_P_TERMS; n += VLEN) {
        vdbl k = v_add(v_set(n), v_lane_numbers());
        vdbl s0_lo, s0 = v_two_sum(v_set(shape), k, &s0_lo);
        vdbl s1_lo, s1 = v_two_sum(v_set(shape), v_add(k, v_set(1)), &s1_lo);
        vdbl p_lo, p = v_two_prod(s0, s1, &p_lo);
        p_lo = v_add(p_lo, v_fma(s0, s1_lo, v_mul(s0_lo, s1)));
        v_store(inv + n, v_recip_dd(s0, s0_lo));
        v_store(pair + n, v_recip_dd(p, p_lo));
    }
}

/* param = {shape, scale}: what the d (density = 1) or p kernels need, once per call */
static struct gamma_args gamma_args_make(const double *param, int lower_tail, int log_flag,
                                         int density)
{
    double shape = param[0], scale = param[1];
    dd ls = log_dd(scale), la = log_dd(shape);
    struct gamma_args a = {.shape = shape, .scale = scale, .inv_scale = 1 / scale,
                           .ls_hi = ls.hi, .ls_lo = ls.lo, .la_hi = la.hi, .la_lo = la.lo,
                           .lower_tail = lower_tail, .log_flag = log_flag};
    dd m = density ? two_sum(shape, -1) : (dd){shape, 0}, c;
    a.direct = shape <= (density ? GAMMA_D_DIRECT_MAX : GAMMA_P_SHAPE_MAX);
    dd lg1p = density ? (dd){0, 0} : lgamma1p_dd(shape), s1 = two_sum(shape, 1);
    a.lgamma1p = lg1p.hi, a.lgamma1p_lo = lg1p.lo, a.shape_1_hi = s1.hi, a.shape_1_lo = s1.lo;
    if (!density && a.direct) /* log T: -lgamma(shape + 1) */
        c = dd_neg(lg1p);
    else if (!density) /* log T, Loader's form: -stirlerr(shape) - log sqrt(2 pi shape) */
        c = dd_neg(dd_add(dd_add((dd){la.hi / 2, la.lo / 2}, stirlerr_dd(shape)),
                          (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO}));
    else if (a.direct) /* log d: -lgamma(shape) - log scale */
        c = dd_neg(dd_add(lgamma_dd(shape), ls));
    else /* log d, Loader's form */
        c = dd_sub(dd_sub((dd){la.hi / 2, la.lo / 2}, stirlerr_dd(shape)),
                   (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
    a.m_hi = m.hi, a.m_lo = m.lo, a.c_hi = c.hi, a.c_lo = c.lo;
    if (density && !log_flag && 2 * shape == floor(2 * shape) && 1 <= 2 * shape &&
        shape <= GAMMA_D_POWER_MAX) {
        int k; /* C = e^c */
        dd C = exp_dd_scaled(c, &k);
        a.power_k = (int)floor(shape - 1); /* -1 for shape 1/2: sqrt(y)/y */
        a.power_half = 2 * shape != 2 * floor(shape);
        a.power_c_hi = ldexp(C.hi, k), a.power_c_lo = ldexp(C.lo, k);
        /* y^(shape - 1) within 2^+-900 (its low part normal), e^-y normal */
        double m_abs = fmax(fabs(shape - 1), 1);
        a.power_y_min = exp2(-900 / m_abs), a.power_y_max = fmin(600, exp2(900 / m_abs));
        a.power = k > -900 && k < 900;
    }
    if (!density)
        gamma_inverse_tables(shape, a.inv_shape_n, a.inv_pair_n);
    /* The series computes P, the fraction Q. Where P itself is wanted the series serves two
     * standard deviations beyond the mean too (P in ~[0.5, 0.98], no cancellation), where
     * it is cheaper than the fraction; elsewhere the tail computed is the smaller one. */
    a.series_band_y = shape + 2 * sqrt(shape) + 3;
    a.inv_shape = 1 / shape;
    a.wh_centre = 1 - 1 / (9 * shape), a.wh_slope = 1 / (3 * sqrt(shape));
    a.q_log_direct_max = log(lower_tail ? GAMMA_Q_P_DIRECT : 0.5);
    a.series_max_y = lower_tail && !log_flag ? a.series_band_y : shape;
    if (!density && !a.direct) {
        double inv = 1 / shape;
        for (int j = 0; j < GAMMA_TEMME_N; j++) {
            double c_j = 0;
            for (int k = GAMMA_TEMME_K - 1; k >= 0; k--)
                c_j = c_j * inv + gamma_temme_d[k][j];
            a.temme[j] = c_j;
        }
        a.inv_sqrt_shape = 1 / sqrt(shape);
        a.temme_scale = INV_SQRT_2PI * a.inv_sqrt_shape;
    }
    return a;
}

static void ISA_SUFFIX(dgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct gamma_args a = gamma_args_make(param, 1, give_log, 1);
    if (a.power)
        run_array(n, x, out, &a, dgamma_power_vec, dgamma_one);
    else
        run_array(n, x, out, &a, dgamma_vec, dgamma_one);
}

static void ISA_SUFFIX(pgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = gamma_args_make(param, lower_tail, log_p, 0);
    if (a.shape > GAMMA_P_SHAPE_MAX)
        run_array_split(n, x, out, &a, pgamma_temme_vec, pgamma_rest_vec, pgamma_one);
    else
        run_array_split(n, x, out, &a, pgamma_series_vec, pgamma_cf_vec, pgamma_one);
}

static void ISA_SUFFIX(qgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = gamma_args_make(param, lower_tail, log_p, 0);
    if (a.shape < GAMMA_P_SHAPE_MIN) {
        run_array(n, x, out, &a, qgamma_small_vec, qgamma_one);
        return;
    }
    run_array_split(n, x, out, &a, qgamma_p_target_vec, qgamma_vec, qgamma_one);
}

#endif
