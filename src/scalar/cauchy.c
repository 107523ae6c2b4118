/* Cauchy distribution: scalar reference (the accuracy oracle).
 *
 * z = (x - location)/scale is a double-double (its rounding matters in the tails). Two
 * reduced functions, with the polynomials of cauchy_coeffs.h (tools/fit_cauchy.py) beyond
 * leading terms formed as double-doubles:
 *   atan(t)/pi for |t| <= tan(pi/8), and sin(pi a), cos(pi a) for 0 <= a <= 1/4.
 *   pcauchy: P(W <= w) = c + atan(t)/pi with t = num/den from one division:
 *              |w| <= tan(pi/8)       t = w,                 c = 1/2
 *              up to tan(3 pi/8)      t = (w -+ 1)/(1 + |w|), c = 1/2 +- 1/4
 *              beyond                 t = -1/w,              c = 0 (w < 0) or 1
 *            so the far lower tail is atan(1/|w|)/pi to full relative accuracy and the
 *            upper one 1 - that; |z| > 2^1000: scale/(pi |x - location|) with scaling.
 *   qcauchy: the lower-tail quantile is tan(pi (P - 1/2)) = -cot(pi P) (P <= 1/4, exact
 *            as given or as 1 - p) or -tan(pi (1/2 - P)) (1/4 < P <= 1/2, 1/2 - P exact),
 *            the tail flag carrying the side; one division of sin by cos or cos by sin.
 *            From log p: P = e^lp below log 1/4, 1 - P = -expm1(lp) above log 3/4, and
 *            P - 1/2 = expm1(lp + log 2)/2 between (no cancellation near 1/2). Far out,
 *            where cot(pi P) = 1/(pi P) to double precision: scale/(pi P) by a scaled
 *            division, or through logs when P itself underflows.
 *   dcauchy: 1/(pi scale (1 + z^2)) with 1 + z^2 a double-double; log: log of the
 *            product pi scale (1 + z^2) (no cancellation when it is near 1).
 * x - location overflowing and non-finite scale follow Rmath's formulas. Logarithms and
 * exponentials are numerics' table-driven double-double ones.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "cauchy_coeffs.h"

int cauchy_params_regular(const double *param) { return loc_scale_regular(param[0], param[1]); }


/* num / den for double-doubles whose low parts are small: one division (a reciprocal),
 * the remainder of the quotient exact */
static dd div_dd_fast(dd num, dd den)
{
    double inv = 1 / den.hi;
    double q = num.hi * inv;
    double r = exact_remainder(num.hi, q, den.hi);
    return two_sum(q, (r + num.lo - q * den.lo) * inv);
}

/* log(2^e u) for u = u.hi + u.lo positive normal: numerics' log of u.hi (~2^-78 absolute,
 * relative near 1), u.lo to first order */
static double log_of_dd(dd u, int e)
{
    dd log_u = log_fast_dd(u.hi);
    dd el = two_prod((double)e, LN2_DD_HI); /* exact, and 0 for e = 0 */
    dd sum = two_sum(el.hi, log_u.hi);
    return sum.hi + (sum.lo + (el.lo + log_u.lo + u.lo / u.hi + e * LN2_DD_LO));
}

/* 2^e (v.hi + v.lo) rounded once, also where it is subnormal */
static double ldexp_dd(dd v, int e)
{
    double s = ldexp(v.hi, e);
    if (fabs(s) >= DBL_MIN || s != s)
        return ldexp(v.hi + v.lo, e); /* exact scaling */
    /* s is v.hi rounded to the subnormal grid; the rest decides past half a step */
    double rest = (v.hi - ldexp(s, -e)) + v.lo, half_step = ldexp(1, -1075 - e);
    if (fabs(rest) > half_step)
        s += copysign(0x1p-1074, rest);
    return s;
}

/* exp(a) rounded to double (0 below -2000) */
static double exp_of_dd(dd a)
{
    if (a.hi < -2000)
        return 0;
    int k;
    dd m = exp_dd_scaled(a, &k);
    return ldexp_dd(m, k);
}

/* atan(t)/pi for t = t.hi + t.lo, |t| <= tan(pi/8): t/pi as a double-double, the
 * polynomial correction, and t.lo through the derivative 1/(pi (1 + t^2)) (to second
 * order in t^2: t.lo is 2^-53 of t) */
static dd atanpi_reduced(dd t)
{
    double x = t.hi * t.hi;
    dd lead = two_prod(t.hi, CAUCHY_INV_PI_HI);
    double tail = t.hi * x * poly_eval(cauchy_atan, CAUCHY_ATAN_DEGREE, x);
    dd s = two_sum(lead.hi, tail);
    double deriv = 1 - x + x * x; /* 1/(1 + x) closely enough for t.lo */
    return two_sum(s.hi, s.lo + lead.lo + t.hi * CAUCHY_INV_PI_LO + t.lo * CAUCHY_INV_PI_HI * deriv);
}

/* sin(pi a) and cos(pi a) for a = a.hi + a.lo in [0, 1/4] (a.lo through the derivatives) */
static void sincospi(dd a, dd *sin_pa, dd *cos_pa)
{
    double x = a.hi * a.hi;
    dd lead = two_prod(a.hi, CAUCHY_PI_HI);
    double s_tail = a.hi * x * poly_eval(cauchy_sinpi, CAUCHY_SINPI_DEGREE, x);
    dd s = two_sum(lead.hi, s_tail);
    *sin_pa = two_sum(s.hi, s.lo + lead.lo + a.hi * CAUCHY_PI_LO + CAUCHY_PI_HI * a.lo);
    /* 1 - (pi^2/2) a^2 with the square and the product exact */
    dd a2 = two_prod(a.hi, a.hi);
    dd h = two_prod(a2.hi, CAUCHY_HALF_PI2_HI);
    double h_lo = h.lo + a2.hi * CAUCHY_HALF_PI2_LO + a2.lo * CAUCHY_HALF_PI2_HI;
    double c_tail = x * x * poly_eval(cauchy_cospi, CAUCHY_COSPI_DEGREE, x);
    dd c = two_sum(1, -h.hi);
    *cos_pa = two_sum(c.hi, c.lo + (c_tail - h_lo) - CAUCHY_PI_HI * a.lo * s.hi);
}

/* ---- density ------------------------------------------------------------------------------ */

/* log(pi scale (1 + z^2)) for |x - location| / scale beyond 2^500 or irregular scales, from
 * the double-double logarithms of numerics (slow, rare) */
static dd log_denominator_far(dd d, dd z, double scale)
{
    dd log_1pz2;
    if (fabs(z.hi) <= 0x1p500) {
        dd u = dd_add((dd){1, 0}, dd_mul(z, z));
        log_1pz2 = dd_add(log_dd(u.hi), (dd){u.lo / u.hi, 0});
    } else { /* 2 log|z|, |z| = |x - location| / scale (z itself may overflow) */
        dd abs_d = d.hi < 0 ? dd_neg(d) : d;
        dd log_z = dd_sub(dd_add(log_dd(abs_d.hi), (dd){abs_d.lo / abs_d.hi, 0}), log_dd(scale));
        log_1pz2 = (dd){2 * log_z.hi, 2 * log_z.lo};
    }
    return dd_add(dd_add((dd){CAUCHY_LOG_PI_HI, CAUCHY_LOG_PI_LO}, log_dd(scale)), log_1pz2);
}

static double dcauchy_checked(double x, double location, double scale, int give_log)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    dd d = two_sum(x, -location);
    if (!isfinite(d.hi) || !isfinite(scale)) { /* Rmath's formula: y = +-Inf, 0 or NaN */
        double y = d.hi / scale, den = M_PI * scale * (1 + y * y);
        return give_log ? -log(den) : 1 / den;
    }
    dd z = div_diff_dd(x, location, scale);
    if (fabs(z.hi) <= 0x1p500 && loc_scale_regular(location, scale)) {
        dd sq = two_prod(z.hi, z.hi);
        dd u = two_sum(1, sq.hi); /* 1 + z^2 */
        u = two_sum(u.hi, u.lo + sq.lo + 2 * z.hi * z.lo);
        if (give_log) { /* log(pi scale (1 + z^2)), the exponents of scale and u apart */
            int es, eu;
            double ms = frexp(scale, &es), mu = frexp(u.hi, &eu);
            dd pi_scale = dd_mul((dd){CAUCHY_PI_HI, CAUCHY_PI_LO}, (dd){ms, 0});
            return -log_of_dd(dd_mul(pi_scale, (dd){mu, ldexp(u.lo, -eu)}), es + eu);
        }
        /* 1/(pi scale) / (1 + z^2) */
        double k = CAUCHY_INV_PI_HI / scale;
        double k_lo = (exact_remainder(CAUCHY_INV_PI_HI, k, scale) + CAUCHY_INV_PI_LO) / scale;
        dd dens = div_dd_fast((dd){k, k_lo}, u);
        if (dens.hi >= 0x1p-1020)
            return dens.hi + dens.lo;
    }
    dd log_den = log_denominator_far(d, z, scale);
    return give_log ? -log_den.hi - log_den.lo : exp_of_dd(dd_neg(log_den));
}

/* ---- distribution function ---------------------------------------------------------------- */

/* P(W <= w) = hi + lo for the standard Cauchy W, |w| <= 2^1000 */
static dd pcauchy_standard(dd w)
{
    double aw = fabs(w.hi), sgn = w.hi < 0 ? -1 : 1, c;
    dd num, den;
    if (aw <= CAUCHY_TAN_PI_8) {
        num = w, den = (dd){1, 0}, c = 0.5;
    } else if (aw <= CAUCHY_TAN_3PI_8) { /* atan(|w|) = pi/4 + atan((|w| - 1)/(|w| + 1)) */
        num = two_sum(w.hi, -sgn);
        num.lo += w.lo;
        den = two_sum(1, aw);
        den.lo += sgn * w.lo;
        c = 0.5 + 0.25 * sgn;
    } else { /* atan(|w|) = pi/2 - atan(1/|w|) */
        num = (dd){-1, 0}, den = w, c = 0.5 + 0.5 * sgn;
    }
    dd a = atanpi_reduced(div_dd_fast(num, den));
    dd s = two_sum(c, a.hi);
    return two_sum(s.hi, s.lo + a.lo);
}

static double pcauchy_checked(double x, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    dd d = two_sum(x, -location);
    dd z = isfinite(scale) ? div_diff_dd(x, location, scale) : (dd){d.hi / scale, 0};
    if (isnan(z.hi))
        return NAN;
    if (!isfinite(d.hi)) { /* Rmath's limits */
        int at_zero = (z.hi < 0) == (lower_tail != 0);
        return at_zero ? (log_p ? -INFINITY : 0) : (log_p ? 0 : 1);
    }
    if (!lower_tail)
        z = dd_neg(z), d = dd_neg(d);
    if (fabs(z.hi) <= 0x1p1000) {
        dd P = pcauchy_standard(z);
        return log_p ? log_of_dd(P, 0) : P.hi + P.lo;
    }
    /* tail = atan(1/|z|)/pi = scale/(pi |x - location|) to double precision; |d| >= 2^1000
     * scale, so scale < 2^24 and scale 2^200 / |d| cannot overflow */
    dd abs_d = d.hi < 0 ? dd_neg(d) : d;
    if (d.hi < 0) { /* the lower side: the tail itself */
        if (log_p) {
            dd l = log_ratio_dd(scale, abs_d.hi);
            return (l.hi - CAUCHY_LOG_PI_HI) + (l.lo - CAUCHY_LOG_PI_LO - abs_d.lo / abs_d.hi);
        }
        dd q = div_dd_fast((dd){ldexp(scale, 200), 0}, abs_d);
        return ldexp_dd(dd_mul(q, (dd){CAUCHY_INV_PI_HI, CAUCHY_INV_PI_LO}), -200);
    }
    if (!log_p)
        return 1;
    /* log(1 - tail) = -tail; -0 where it underflows (negative as the true value) */
    dd q = div_dd_fast((dd){ldexp(scale, 200), 0}, abs_d);
    return -ldexp_dd(dd_mul(q, (dd){CAUCHY_INV_PI_HI, CAUCHY_INV_PI_LO}), -200);
}

/* ---- quantile ----------------------------------------------------------------------------- */

/* location -+ scale/(pi P) (the lower-tail quantile for P, the upper one's with the flag):
 * cot(pi P) = 1/(pi P) to double precision for P < 2^-500; P may be subnormal */
static double quantile_far(double location, double scale, int lower_tail, dd P)
{
    /* the mantissas' quotient, then the exponents: scale/(pi P) may overflow */
    int es, ep;
    double ms = frexp(scale, &es), mp = frexp(P.hi, &ep);
    dd k = two_prod(ms, CAUCHY_INV_PI_HI);
    k.lo += ms * CAUCHY_INV_PI_LO;
    dd m = div_dd_fast(k, (dd){mp, ldexp(P.lo, -ep)});
    m = (dd){ldexp(m.hi, es - ep), ldexp(m.lo, es - ep)};
    return loc_scale_sum(location, lower_tail ? -1 : 1, m);
}

/* Rmath's qcauchy in double arithmetic, for infinite location (where its Inf and NaN
 * results are the contract) */
static double rmath_qcauchy(double p, double location, double scale, int lower_tail, int log_p)
{
    double toward_inf = location + (lower_tail ? scale : -scale) * INFINITY;
    if (log_p) {
        if (p > -1) {
            if (p == 0)
                return toward_inf;
            lower_tail = !lower_tail;
            p = -expm1(p);
        } else {
            p = exp(p);
        }
    } else if (p > 0.5) {
        if (p == 1)
            return toward_inf;
        p = 1 - p;
        lower_tail = !lower_tail;
    }
    if (p == 0.5)
        return location;
    if (p == 0)
        return location + (lower_tail ? scale : -scale) * -INFINITY;
    return location + (lower_tail ? -scale : scale) / tan(M_PI * p);
}

static double qcauchy_checked(double p, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(location) || isnan(scale))
        return p + location + scale;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        return NAN;
    if (scale <= 0 || !isfinite(scale))
        return scale == 0 ? location : NAN;
    if (!isfinite(location))
        return rmath_qcauchy(p, location, scale, lower_tail, log_p);
    double toward_inf = location + (lower_tail ? scale : -scale) * INFINITY;
    if (p == (log_p ? 0 : 1))
        return toward_inf;
    if (p == (log_p ? -INFINITY : 0))
        return location + (lower_tail ? scale : -scale) * -INFINITY;
    /* the quantile is -ratio for the lower tail (the flag flipped where that side is
     * taken), ratio = cot(pi a) or tan(pi a) */
    dd a;
    int use_tan;
    if (!log_p) {
        if (p > 0.5) {
            p = 1 - p; /* exact */
            lower_tail = !lower_tail;
        }
        if (p == 0.5)
            return location;
        if (p < 0x1p-500)
            return quantile_far(location, scale, lower_tail, (dd){p, 0});
        use_tan = p > 0.25;
        a = (dd){use_tan ? 0.5 - p : p, 0};
    } else if (p > CAUCHY_LOG_THREE_QUARTERS) { /* the other tail, 1 - P = -expm1(p) */
        lower_tail = !lower_tail;
        if (p > -0x1p-500) /* -expm1(p) = -p (1 + p/2) */
            return quantile_far(location, scale, lower_tail, (dd){-p, 0});
        use_tan = 0;
        a = dd_neg(expm1_dd((dd){p, 0}));
    } else if (p >= CAUCHY_LOG_QUARTER) { /* P - 1/2 = expm1(p + log 2)/2 */
        dd t = two_sum(p, LN2_DD_HI);
        t.lo += LN2_DD_LO;
        dd e = expm1_dd(t);
        dd m = {0.5 * e.hi, 0.5 * e.lo};
        if (m.hi > 0) {
            lower_tail = !lower_tail;
            m = dd_neg(m);
        }
        use_tan = 1;
        a = dd_neg(m);
    } else if (p >= -700) {
        use_tan = 0;
        a = exp_neg_dd((dd){-p, 0});
        if (a.hi < 0x1p-500)
            return quantile_far(location, scale, lower_tail, a);
    } else { /* |quantile - location| = scale/(pi e^p), through logs */
        dd log_m = dd_sub(dd_sub(log_dd(scale), (dd){CAUCHY_LOG_PI_HI, CAUCHY_LOG_PI_LO}), (dd){p, 0});
        double m = log_m.hi > 710 ? INFINITY : exp_of_dd(log_m);
        return location + (lower_tail ? -m : m);
    }
    if (a.hi == 0.25 && a.lo == 0) /* exactly 1, so that location +- scale can be 0 */
        return loc_scale_sum(location, scale, (dd){lower_tail ? -1 : 1, 0});
    dd s, c;
    sincospi(a, &s, &c);
    dd ratio = use_tan ? div_dd_fast(s, c) : div_dd_fast(c, s);
    return loc_scale_sum(location, scale, lower_tail ? dd_neg(ratio) : ratio);
}

VD_PUBLIC_SCALAR_FAMILY2(cauchy, location, scale)
