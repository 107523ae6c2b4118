/* Cauchy distribution kernels, written once over the vector layer (see src/scalar/cauchy.c
 * for the method; the polynomials and constants are the scalar reference's, from
 * cauchy_coeffs.h). z = (x - location)/scale is a double-double; a vector atan(t)/pi and
 * sin/cos(pi a) on the reduced ranges serve p and q, with one division each (log_p adds
 * the logarithm's). cauchy_div_dd (a double-double quotient from one reciprocal) is
 * generic enough for common.h. Lanes the
 * vector path does not cover (non-finite input, |z| beyond 2^500 / 2^1000, subnormal or
 * zero results, log densities near 0, p outside [2^-1000, 1), quantiles where location
 * cancels scale z) are recomputed by the scalar reference; dispatch/ has sent irregular
 * parameters to the scalar loop (cauchy_params_regular). */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "../scalar/cauchy_coeffs.h"

struct cauchy_args {
    double location, scale, inv_scale;
    double k_hi, k_lo;     /* dcauchy: 1/(pi scale); log: log(pi scale) */
    int lower_tail, log_flag;
};

static struct cauchy_args cauchy_args_make(double location, double scale, int lower_tail,
                                           int log_flag)
{
    return (struct cauchy_args){location, scale, 1 / scale, 0, 0, lower_tail, log_flag};
}

/* z = hi + *lo */
ALWAYS_INLINE vdbl cauchy_z(vdbl x, const struct cauchy_args *a, vdbl *lo)
{
    return v_div_diff_dd(x, v_set(a->location), v_set(a->scale), v_set(a->inv_scale), lo);
}

/* num / den = hi + *lo for double-doubles with small low parts: one division, the quotient
 * from the reciprocal (its remainder stays exact) */
ALWAYS_INLINE vdbl cauchy_div_dd(vdbl nh, vdbl nl, vdbl dh, vdbl dl, vdbl *lo)
{
    vdbl inv = v_div(v_set(1), dh);
    vdbl q = v_mul(nh, inv);
    vdbl r = v_fnma(q, dh, nh);
    *lo = v_mul(v_fnma(q, dl, v_add(r, nl)), inv);
    return q;
}

/* atan(t)/pi = hi + *lo for t = th + tl, |t| <= tan(pi/8): the vector atan. t/pi as a
 * double-double, the fitted correction t^3 Q(t^2), tl through 1/(pi (1 + t^2)) (to
 * second order in t^2) */
ALWAYS_INLINE vdbl v_atanpi_reduced(vdbl th, vdbl tl, vdbl *lo)
{
    vdbl x = v_mul(th, th);
    vdbl lead_lo, lead = v_two_prod(th, v_set(CAUCHY_INV_PI_HI), &lead_lo);
    vdbl tail = v_mul(v_mul(th, x), v_poly_split(cauchy_atan, CAUCHY_ATAN_DEGREE, x));
    vdbl err, hi = v_two_sum(lead, tail, &err);
    vdbl deriv = v_fma(x, v_sub(x, v_set(1)), v_set(1)); /* 1/(1 + x) */
    vdbl small = v_fma(th, v_set(CAUCHY_INV_PI_LO), v_mul(v_mul(tl, v_set(CAUCHY_INV_PI_HI)), deriv));
    *lo = v_add(v_add(err, lead_lo), small);
    return hi;
}

/* sin(pi a) = *sh + *sl and cos(pi a) = *ch + *cl for a = ah + al in [0, 1/4]: the vector
 * sinpi/cospi (al through the derivatives) */
ALWAYS_INLINE void v_sincospi(vdbl ah, vdbl al, vdbl *sh, vdbl *sl, vdbl *ch, vdbl *cl)
{
    vdbl x = v_mul(ah, ah);
    vdbl lead_lo, lead = v_two_prod(ah, v_set(CAUCHY_PI_HI), &lead_lo);
    vdbl s_tail = v_mul(v_mul(ah, x), v_poly_split(cauchy_sinpi, CAUCHY_SINPI_DEGREE, x));
    vdbl s_err, s = v_two_sum(lead, s_tail, &s_err);
    vdbl pi_al = v_mul(v_set(CAUCHY_PI_HI), al);
    *sh = s;
    *sl = v_add(v_add(s_err, lead_lo), v_fma(ah, v_set(CAUCHY_PI_LO), pi_al));
    /* 1 - (pi^2/2) a^2 with the square and the product exact */
    vdbl a2_lo, a2 = v_two_prod(ah, ah, &a2_lo);
    vdbl h_lo, h = v_two_prod(a2, v_set(CAUCHY_HALF_PI2_HI), &h_lo);
    h_lo = v_fma(a2, v_set(CAUCHY_HALF_PI2_LO), v_fma(a2_lo, v_set(CAUCHY_HALF_PI2_HI), h_lo));
    vdbl c_tail = v_mul(v_mul(x, x), v_poly_split(cauchy_cospi, CAUCHY_COSPI_DEGREE, x));
    vdbl c1_err, c1 = v_two_sum(v_set(1), v_neg(h), &c1_err);
    vdbl c2_err, c2 = v_two_sum(c1, c_tail, &c2_err);
    *ch = c2;
    *cl = v_fnma(pi_al, s, v_sub(v_add(c1_err, c2_err), h_lo));
}

/* standard is a compile-time constant in each instance: for location 0, scale 1 z is x */
ALWAYS_INLINE vdbl dcauchy_vec_impl(vdbl x, const struct cauchy_args *a, vmsk *slow,
                                    const int standard)
{
    vdbl zl = v_set(0), z = standard ? x : cauchy_z(x, a, &zl);
    /* 1 + z^2 = u + ul */
    vdbl sq_lo, sq = v_two_prod(z, z, &sq_lo);
    vdbl u_err, u = v_two_sum(v_set(1), sq, &u_err);
    vdbl ul = v_add(u_err, v_fma(v_add(z, z), zl, sq_lo));
    vmsk in_range = v_le(v_abs(z), v_set(0x1p500)); /* false for NaN */
    if (a->log_flag) {
        /* -(log(pi scale) + log(1 + z^2)); near 0 the scalar reference (cancellation) */
        vdbl l_lo, l = v_log_normal_dd(u, &l_lo);
        vdbl err, s = v_two_sum(v_set(a->k_hi), l, &err);
        vdbl r = v_neg(v_add(s, v_add(v_add(err, l_lo), v_add(v_set(a->k_lo), v_div(ul, u)))));
        *slow = v_not(v_and(in_range, v_le(v_set(0.5), v_abs(r))));
        return r;
    }
    /* 1/(pi scale) / (1 + z^2) */
    vdbl q_lo, q = cauchy_div_dd(v_set(a->k_hi), v_set(a->k_lo), u, ul, &q_lo);
    vdbl d = v_add(q, q_lo);
    *slow = v_not(v_and(in_range, v_le(v_set(0x1p-1020), d)));
    return d;
}

ALWAYS_INLINE vdbl dcauchy_vec(vdbl x, const void *args, vmsk *slow)
{
    return dcauchy_vec_impl(x, args, slow, 0);
}

ALWAYS_INLINE vdbl dcauchy_vec_standard(vdbl x, const void *args, vmsk *slow)
{
    return dcauchy_vec_impl(x, args, slow, 1);
}

ALWAYS_INLINE vdbl pcauchy_vec_impl(vdbl x, const struct cauchy_args *a, vmsk *slow,
                                    const int standard)
{
    vdbl zl = v_set(0), z = standard ? x : cauchy_z(x, a, &zl);
    vdbl w = a->lower_tail ? z : v_neg(z), wl = a->lower_tail ? zl : v_neg(zl);
    vdbl aw = v_abs(w);
    vmsk neg = v_lt(w, v_set(0));
    vdbl sgn = v_sel(neg, v_set(-1), v_set(1));
    vmsk mid = v_lt(v_set(CAUCHY_TAN_PI_8), aw), far = v_lt(v_set(CAUCHY_TAN_3PI_8), aw);
    /* t = num/den: w/1, (w -+ 1)/(1 + |w|) or -1/w; P = c + atan(t)/pi */
    vdbl m_err, m = v_two_sum(w, v_neg(sgn), &m_err);
    vdbl e_err, e = v_two_sum(v_set(1), aw, &e_err);
    vdbl nh = v_sel(far, v_set(-1), v_sel(mid, m, w));
    vdbl nl = v_sel(far, v_set(0), v_sel(mid, v_add(m_err, wl), wl));
    vdbl dh = v_sel(far, w, v_sel(mid, e, v_set(1)));
    vdbl dl = v_sel(far, wl, v_sel(mid, v_fma(sgn, wl, e_err), v_set(0)));
    vdbl tl, th = cauchy_div_dd(nh, nl, dh, dl, &tl);
    vdbl at_lo, at = v_atanpi_reduced(th, tl, &at_lo);
    vdbl c = v_fma(sgn, v_sel(far, v_set(0.5), v_sel(mid, v_set(0.25), v_set(0))), v_set(0.5));
    vdbl err, P = v_two_sum(c, at, &err);
    vdbl P_lo = v_add(err, at_lo);
    vmsk ok = v_le(aw, v_set(0x1p1000)); /* P normal; false for NaN */
    *slow = v_not(ok);
    if (!a->log_flag)
        return v_add(P, P_lo);
    vdbl l_lo, l = v_log_normal_dd(P, &l_lo);
    return v_add(l, v_add(l_lo, v_div(P_lo, P)));
}

ALWAYS_INLINE vdbl pcauchy_vec(vdbl x, const void *args, vmsk *slow)
{
    return pcauchy_vec_impl(x, args, slow, 0);
}

ALWAYS_INLINE vdbl pcauchy_vec_standard(vdbl x, const void *args, vmsk *slow)
{
    return pcauchy_vec_impl(x, args, slow, 1);
}

/* p inside [2^-1000, 1) (log: [-700, -2^-1000]) and a finite result not cancelled by the
 * location; the rest goes to the scalar reference */
ALWAYS_INLINE vdbl qcauchy_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct cauchy_args *a = args;
    /* the lower-tail quantile is -ratio, ratio = cot(pi a) or tan(pi a) (use_tan), with the
     * tail flag flipped where the other side is taken */
    vmsk ok, use_tan, flip;
    vdbl ah, al;
    if (!a->log_flag) {
        ok = v_and(v_le(v_set(0x1p-1000), p), v_lt(p, v_set(1)));
        flip = v_lt(v_set(0.5), p);
        vdbl P = v_sel(flip, v_sub(v_set(1), p), p); /* exact */
        use_tan = v_lt(v_set(0.25), P);
        ah = v_sel(use_tan, v_sub(v_set(0.5), P), P); /* exact */
        al = v_set(0);
    } else {
        /* P = e^lp below log 1/4, 1 - P = -expm1(lp) above log 3/4, P - 1/2 =
         * expm1(lp + log 2)/2 between */
        ok = v_and(v_le(v_set(-700), p), v_le(p, v_set(-0x1p-1000)));
        vdbl lp = v_sel(ok, p, v_set(-1));
        vmsk low = v_lt(lp, v_set(CAUCHY_LOG_QUARTER));
        vmsk high = v_lt(v_set(CAUCHY_LOG_THREE_QUARTERS), lp);
        use_tan = v_not(v_or(low, high));
        vdbl t_err, t = v_two_sum(lp, v_set(LN2_DD_HI), &t_err);
        vdbl arg = v_sel(use_tan, t, lp);
        vdbl arg_lo = v_sel(use_tan, v_add(t_err, v_set(LN2_DD_LO)), v_set(0));
        vdbl m_lo, m = v_expm1_dd(arg, &m_lo);
        m_lo = v_fma(arg_lo, v_add(v_set(1), m), m_lo);
        vdbl e_lo, e = v_exp_dd(lp, &e_lo);
        /* middle: a = |m|/2, the upper side where m > 0; high: a = -m, the upper side */
        vmsk m_pos = v_lt(v_set(0), m);
        flip = v_or(high, v_and(use_tan, m_pos));
        vdbl half = v_sel(use_tan, v_set(0.5), v_set(1));
        vdbl factor = v_mul(half, v_sel(m_pos, v_set(1), v_set(-1)));
        ah = v_sel(low, e, v_mul(factor, m));
        al = v_sel(low, e_lo, v_mul(factor, m_lo));
    }
    vdbl sh, sl, ch, cl;
    v_sincospi(ah, al, &sh, &sl, &ch, &cl);
    vdbl r_lo, r = cauchy_div_dd(v_sel(use_tan, sh, ch), v_sel(use_tan, sl, cl),
                                 v_sel(use_tan, ch, sh), v_sel(use_tan, cl, sl), &r_lo);
    /* quantile offset -ratio (lower tail, not flipped) or +ratio */
    vmsk positive = a->lower_tail ? flip : v_not(flip);
    vdbl L = v_sel(positive, r, v_neg(r)), L_lo = v_sel(positive, r_lo, v_neg(r_lo));
    /* location + scale L with one rounding of the sum, as the scalar reference */
    vdbl offset, q = v_loc_scale_sum(a->location, a->scale, L, L_lo, &offset);
    /* where location cancels scale L its error would grow; a = 0 (p = 1/2) is the
     * location itself, with the scalar reference's sign of zero */
    vmsk cancels = v_lt(v_abs(q), v_mul(v_set(0.5), v_abs(offset)));
    vmsk bad = v_or(cancels, v_le(ah, v_set(0)));
    *slow = v_not(v_and(v_andnot(bad, ok), v_finite(q)));
    return q;
}

VD_SCALAR_LANES2(cauchy, struct cauchy_args, location, scale)

/* The kernels in the registry's calling form: param = {location, scale}. */
static void ISA_SUFFIX(dcauchy_array)(size_t n, const double *x, const double *param,
                                      int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    struct cauchy_args a = cauchy_args_make(param[0], param[1], 1, give_log);
    if (give_log) { /* log(pi scale) */
        vdbl lo, hi = v_log_normal_dd(v_set(CAUCHY_PI_HI * a.scale), &lo);
        double prod_lo = fma(CAUCHY_PI_HI, a.scale, -CAUCHY_PI_HI * a.scale) + CAUCHY_PI_LO * a.scale;
        double l[VLEN], l_lo[VLEN];
        v_store(l, hi);
        v_store(l_lo, lo);
        a.k_hi = l[0];
        a.k_lo = l_lo[0] + prod_lo / (CAUCHY_PI_HI * a.scale);
    } else {
        a.k_hi = CAUCHY_INV_PI_HI / a.scale;
        a.k_lo = (fma(-a.k_hi, a.scale, CAUCHY_INV_PI_HI) + CAUCHY_INV_PI_LO) / a.scale;
    }
    if (a.location == 0 && a.scale == 1)
        run_array(n, x, out, &a, dcauchy_vec_standard, dcauchy_one);
    else
        run_array(n, x, out, &a, dcauchy_vec, dcauchy_one);
}

static void ISA_SUFFIX(pcauchy_array)(size_t n, const double *x, const double *param,
                                      int lower_tail, int log_p, double *out)
{
    struct cauchy_args a = cauchy_args_make(param[0], param[1], lower_tail, log_p);
    if (a.location == 0 && a.scale == 1)
        run_array(n, x, out, &a, pcauchy_vec_standard, pcauchy_one);
    else
        run_array(n, x, out, &a, pcauchy_vec, pcauchy_one);
}

static void ISA_SUFFIX(qcauchy_array)(size_t n, const double *x, const double *param,
                                      int lower_tail, int log_p, double *out)
{
    struct cauchy_args a = cauchy_args_make(param[0], param[1], lower_tail, log_p);
    run_array(n, x, out, &a, qcauchy_vec, qcauchy_one);
}
