/* Weibull distribution: scalar reference (the accuracy oracle).
 *
 * Everything goes through log u, u = x / scale, and L = shape log u as double-doubles, and
 * w = (x/scale)^shape = exp(L): the upper tail exp(-w) has condition number w (up to ~745)
 * with respect to w, and w has condition number |L| with respect to L, so L is carried to
 * ~2^-75. u is the quotient with its exact remainder (near 1, log u keeps its relative
 * accuracy even for shape 1e12); where the quotient would be subnormal or overflow,
 * log x - log scale.
 *   pweibull: lower w (1 - w/2 + ...) for tiny w, else 1 - e^-w; upper e^-w; log upper -w;
 *             log lower L + log((1 - e^-w)/w) by its series for tiny w, else log of the dd.
 *   dweibull: log d = log(shape/scale) + L - log u - w, d = exp(log d).
 *   qweibull: log q = log scale + log(y)/shape, y = -log(1 - P) kept in log form so that
 *             tiny P (or log P far below 0) keeps its digits.
 * The logs and exps are numerics' table-driven log_fast_dd and exp_fast_dd_scaled (~2^-75,
 * a few dozen flops), the same method and tables as the SIMD
 * kernels. Non-finite parameters follow Rmath's formulas literally (their special values
 * are part of the drop-in contract).
 */
#include <float.h>
#include <stdint.h>
#include <string.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"

int weibull_params_regular(const double *param)
{
    double shape = param[0], scale = param[1];
    return shape >= 0x1p-20 && shape <= 0x1p20 && scale >= 0x1p-1000 && scale <= 0x1p1000;
}

/* ---- Rmath's formulas, for non-finite parameters and x/scale == 0 ------------------------ */

static double dweibull_literal(double x, double shape, double scale, int give_log)
{
    double r = x / scale, t1 = pow(r, shape - 1), t2 = t1 * r;
    return give_log ? -t2 + log(shape * t1 / scale) : shape * t1 * exp(-t2) / scale;
}

static double pweibull_literal(double x, double shape, double scale, int lower_tail, int log_p)
{
    double m = -pow(x / scale, shape);
    if (!lower_tail)
        return log_p ? m : exp(m);
    if (!log_p)
        return -expm1(m);
    return m > -M_LN2 ? log(-expm1(m)) : log1p(-exp(m));
}

static double qweibull_literal(double p, double shape, double scale, int lower_tail, int log_p)
{
    double c; /* log(1 - P) for the lower-tail probability P */
    if (lower_tail)
        c = log_p ? (p > -M_LN2 ? log(-expm1(p)) : log1p(-exp(p))) : log1p(-p);
    else
        c = log_p ? p : log(p);
    return scale * pow(-c, 1 / shape);
}

/* ---- fast double-double log and exp ------------------------------------------------------ */

/* log(u.hi + u.lo) for u.hi > 0 finite, |u.lo| <= ulp(u.hi) */
static dd weibull_log_dd_fast(dd u)
{
    dd l = log_fast_dd(u.hi);
    double d = u.lo / u.hi; /* log(1 + d) to second order: d is all of it where u.hi = 1 */
    dd s = two_sum(l.hi, d);
    return fast_two_sum(s.hi, s.lo + (l.lo - 0.5 * d * d));
}

/* exp(a) as a double-double: 0 below -1500 (and a subnormal result rounded once to a
 * single double), Inf above 710 */
static dd weibull_exp_fast(dd a)
{
    if (!(a.hi > -1500))
        return (dd){0, 0};
    if (a.hi > 710)
        return (dd){INFINITY, 0};
    int k;
    dd e = exp_fast_dd_scaled(a, &k);
    if (k >= -1000 && k <= 1000) {
        double s = pow2i(k);
        return (dd){e.hi * s, e.lo * s};
    }
    return (dd){ldexp(e.hi + e.lo, k), 0};
}

/* ---- the accurate paths ------------------------------------------------------------------ */

/* log(x / scale) for positive finite x and scale: the quotient and its exact remainder where
 * the quotient is a normal double, else the difference of the logs (then |log u| > 600) */
static dd weibull_log_u(double x, double scale)
{
    if (x < 0x1p-960) { /* keep the remainder out of the subnormal range */
        if (scale > 0x1p500) /* the quotient underflows anyway */
            return dd_sub(log_fast_dd(x), log_fast_dd(scale));
        x *= 0x1p500;
        scale *= 0x1p500;
    }
    double u = x / scale;
    if (u >= 0x1p-1000 && u <= 0x1p1000) {
        double u_lo = exact_remainder(x, u, scale) / scale;
        return weibull_log_dd_fast((dd){u, u_lo});
    }
    return dd_sub(log_fast_dd(x), log_fast_dd(scale));
}

static double dweibull_checked(double x, double shape, double scale, int give_log)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    if (x < 0 || !isfinite(x))
        return give_log ? -INFINITY : 0;
    if (x == 0 && shape < 1)
        return INFINITY;
    if (!isfinite(shape) || !isfinite(scale) || x == 0)
        return dweibull_literal(x, shape, scale, give_log);
    dd log_u = weibull_log_u(x, scale);
    dd L = dd_mul((dd){shape, 0}, log_u);
    dd w = weibull_exp_fast(L);
    if (isinf(w.hi)) /* exp(-w) with w > 1.8e308 */
        return give_log ? -INFINITY : 0;
    dd log_d = dd_add(weibull_log_u(shape, scale), dd_sub(dd_sub(L, log_u), w));
    if (give_log)
        return log_d.hi + log_d.lo;
    dd d = weibull_exp_fast(log_d);
    return d.hi + d.lo;
}

/* log((1 - e^-w)/w) = -w/2 + w^2/24 - w^4/2880 + w^6/181440 for w <= 2^-10 */
static double log_expm1_ratio(double w)
{
    double w2 = w * w;
    return w * (-0.5 + w * (1.0 / 24 + w2 * (-1.0 / 2880 + w2 * (1.0 / 181440))));
}

/* 1 - e^-w = w - w^2 (1/2 - w/6 + ...) as a double-double for 0 <= w <= 2^-10
 * (truncation below 2^-70) */
static dd one_minus_exp_neg_small(dd w)
{
    static const double c[5] = {-1.0 / 2, 1.0 / 6, -1.0 / 24, 1.0 / 120, -1.0 / 720};
    double h = w.hi;
    return fast_two_sum(h, h * h * poly_eval(c, 4, h) + w.lo * (1 - h));
}

#define SMALL_W 0x1p-10

/* -log(1 - e) = e + e^2/2 + e^3 P(-e) as a double-double for 0 <= e <= 2^-10 (where 1 - e
 * as a double-double would have lost e's low digits) */
static dd neg_log1m_small(dd e)
{
    double h = e.hi;
    dd sq = two_prod(h, h);
    dd s = fast_two_sum(h, 0.5 * sq.hi);
    s.lo += e.lo * (1 + h) + 0.5 * sq.lo + h * sq.hi * poly_eval(log1p_tail_coeffs, 7, -h);
    return fast_two_sum(s.hi, s.lo);
}

/* 1 - e as a double-double for 0 <= e <= 1 (exact but for e.lo's last digits) */
static dd one_minus(dd e)
{
    dd s = two_sum(1, -e.hi);
    return fast_two_sum(s.hi, s.lo - e.lo);
}

static double pweibull_checked(double x, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    if (x <= 0)
        return lower_tail ? (log_p ? -INFINITY : 0) : (log_p ? 0 : 1);
    if (!isfinite(shape) || !isfinite(scale) || !isfinite(x))
        return pweibull_literal(x, shape, scale, lower_tail, log_p);
    dd L = dd_mul((dd){shape, 0}, weibull_log_u(x, scale));
    dd w = weibull_exp_fast(L);
    if (!lower_tail) {
        if (log_p)
            return -w.hi - w.lo;
        dd e = weibull_exp_fast(dd_neg(w));
        return e.hi + e.lo;
    }
    if (w.hi <= SMALL_W) {
        if (log_p) /* log P = L + log((1 - e^-w)/w) */
            return L.hi + (L.lo + log_expm1_ratio(w.hi));
        dd P = one_minus_exp_neg_small(w);
        return P.hi + P.lo;
    }
    if (!log_p) {
        dd P = one_minus(weibull_exp_fast(dd_neg(w)));
        return P.hi + P.lo;
    }
    dd e = weibull_exp_fast(dd_neg(w));
    if (e.hi == 0)
        return -0.0; /* log(1 - 0), negative as the true value (Rmath's log1p(-0) too) */
    dd l = e.hi <= SMALL_W ? dd_neg(neg_log1m_small(e))
                           : weibull_log_dd_fast(one_minus(e));
    return l.hi + l.lo;
}

/* log y, y = -log(1 - P) > 0 for P the lower-tail probability in (0, 1) */
static dd weibull_log_quantile_y(double p, int lower_tail, int log_p)
{
    dd c; /* 1 - P, the upper-tail probability, as a double-double */
    if (!lower_tail) {
        if (log_p) /* y = -log_p */
            return log_fast_dd(-p);
        c = (dd){p, 0};
    } else if (!log_p) {
        c = two_sum(1, -p); /* exact */
    } else if (p < -40) { /* y = e^p (1 + e^p/2 + ...): log y = p + e^p/2 */
        return two_sum(p, 0.5 * exp(p));
    } else if (p >= -SMALL_W) { /* 1 - e^p = -p (1 + p/2 + ...) */
        c = one_minus_exp_neg_small((dd){-p, 0});
    } else {
        dd e = weibull_exp_fast((dd){p, 0});
        if (e.hi <= SMALL_W)
            return weibull_log_dd_fast(neg_log1m_small(e));
        c = one_minus(e);
    }
    return weibull_log_dd_fast(dd_neg(weibull_log_dd_fast(c)));
}

static double qweibull_checked(double p, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(shape) || isnan(scale))
        return p + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    /* p = 0 and 1 (log p = -Inf and 0) give 0 and Inf; outside [0, 1] NaN */
    if (log_p) {
        if (p > 0)
            return NAN;
        if (p == 0)
            return lower_tail ? INFINITY : 0;
        if (p == -INFINITY)
            return lower_tail ? 0 : INFINITY;
    } else {
        if (p < 0 || p > 1)
            return NAN;
        if (p == 0)
            return lower_tail ? 0 : INFINITY;
        if (p == 1)
            return lower_tail ? INFINITY : 0;
    }
    if (!isfinite(shape) || !isfinite(scale))
        return qweibull_literal(p, shape, scale, lower_tail, log_p);
    dd log_y = weibull_log_quantile_y(p, lower_tail, log_p);
    dd log_q = dd_add(log_fast_dd(scale), dd_div(log_y, (dd){shape, 0}));
    dd q = weibull_exp_fast(log_q);
    return q.hi + q.lo;
}

VD_PUBLIC_SCALAR_FAMILY2(weibull, shape, scale)
