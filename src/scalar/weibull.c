/* Weibull distribution: scalar reference (the accuracy oracle).
 *
 * Everything goes through L = shape * log(x / scale) as a double-double and
 * w = (x/scale)^shape = exp(L): the upper tail exp(-w) has condition number w (up to ~745)
 * with respect to w, and w has condition number |L| with respect to L, so L is carried to
 * ~1e-30 and log(x/scale) is taken as log x - log scale (no rounded quotient).
 *   pweibull: lower -expm1(-w) (w <= 2) or 1 - exp(-w); upper exp(-w); log upper -w;
 *             log lower L + log((1 - e^-w)/w) by its series for tiny w, else log of the dd.
 *   dweibull: log d = log shape - log x + L - w, d = exp(log d) (no overflow in between).
 *   qweibull: log q = log scale + log(y)/shape, y = -log(1 - P) kept in log form so that
 *             tiny P (or log P far below 0) keeps its digits.
 * Non-finite parameters and an x/scale that underflows to 0 follow Rmath's formulas
 * literally (their special values are part of the drop-in contract).
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "weibull_internal.h"

int weibull_params_regular(const double *param)
{
    double shape = param[0], scale = param[1];
    return shape >= 0x1p-20 && shape <= 0x1p20 && scale >= 0x1p-1000 && scale <= 0x1p1000;
}

/* exp(a) as a double-double, any a (0 below -746, Inf above 709.8): 2^k (1 + expm1(r)). */
dd weibull_exp_dd(dd a)
{
    if (!(a.hi > -746))
        return (dd){0, 0};
    if (a.hi > 710)
        return (dd){INFINITY, 0};
    double k = nearbyint(a.hi * 0x1.71547652b82fep0);
    dd r = dd_add(a, dd_add(two_prod(-k, LN2_DD_HI), two_prod(-k, LN2_DD_LO)));
    dd e = dd_add((dd){1, 0}, weibull_expm1_dd(r));
    if (k < -1000) /* subnormal result: one rounding at the end */
        return (dd){ldexp(e.hi + e.lo, (int)k), 0};
    double hi = ldexp(e.hi, (int)k);
    return (dd){hi, isfinite(hi) ? ldexp(e.lo, (int)k) : 0};
}

/* log(u) for a positive double-double u (u.hi normal or subnormal): log(u.hi) + log1p(u.lo/u.hi)
 * to second order. */
dd weibull_log_of_dd(dd u)
{
    double t = u.lo / u.hi;
    return dd_add(log_dd(u.hi), two_sum(t, -0.5 * t * t));
}

static dd dd_neg(dd a) { return (dd){-a.hi, -a.lo}; }
static dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

/* expm1(x) as a double-double for |x| <= 2, tiny x included (expm1_dd scales its argument
 * down by 32 and would lose a subnormal-bound x): x + x^2/2 + x^3/6 below 2^-30. */
dd weibull_expm1_dd(dd x)
{
    if (fabs(x.hi) >= 0x1p-30)
        return expm1_dd(x);
    double h = x.hi;
    return two_sum(h, x.lo + h * h * (0.5 + h * (1.0 / 6)));
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

/* ---- the accurate paths ------------------------------------------------------------------ */

/* L = shape * (log x - log scale), x > 0 and scale > 0 finite */
static dd weibull_log_w(double x, double shape, double scale)
{
    return dd_mul((dd){shape, 0}, dd_sub(log_dd(x), log_dd(scale)));
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
    if (!isfinite(shape) || !isfinite(scale) || x / scale == 0)
        return dweibull_literal(x, shape, scale, give_log);
    dd L = weibull_log_w(x, shape, scale);
    if (L.hi > 709.7) /* exp(-w) with w > 1.6e308: -Inf in the log, 0 */
        return give_log ? -INFINITY : 0;
    dd w = weibull_exp_dd(L);
    dd log_d = dd_sub(dd_add(dd_sub(log_dd(shape), log_dd(x)), L), w);
    if (give_log)
        return log_d.hi + log_d.lo;
    dd d = weibull_exp_dd(log_d);
    return d.hi + d.lo;
}

/* log((1 - e^-w)/w) = -w/2 + w^2/24 - w^4/2880 + w^6/181440 for w <= 2^-10 */
static double log_expm1_ratio(double w)
{
    double w2 = w * w;
    return w * (-0.5 + w * (1.0 / 24 + w2 * (-1.0 / 2880 + w2 * (1.0 / 181440))));
}

static double pweibull_checked(double x, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape <= 0 || scale <= 0)
        return NAN;
    if (x <= 0)
        return lower_tail ? (log_p ? -INFINITY : 0) : (log_p ? 0 : 1);
    if (!isfinite(shape) || !isfinite(scale) || !isfinite(x) || x / scale == 0)
        return pweibull_literal(x, shape, scale, lower_tail, log_p);
    dd L = weibull_log_w(x, shape, scale);
    if (L.hi > 709.7) /* w > 1.6e308: exp(-w) = 0 */
        return pweibull_literal(INFINITY, 1, 1, lower_tail, log_p);
    dd w = weibull_exp_dd(L);
    if (!lower_tail) {
        if (log_p)
            return -w.hi - w.lo;
        dd e = weibull_exp_dd(dd_neg(w));
        return e.hi + e.lo;
    }
    if (w.hi <= 2) {
        if (!log_p && w.hi < 0x1p-30) /* w - w^2/2 (+0 when w underflows) */
            return w.hi + (w.lo - 0.5 * w.hi * w.hi);
        if (log_p && w.hi <= 0x1p-10) /* log P = L + log((1 - e^-w)/w) */
            return L.hi + (L.lo + log_expm1_ratio(w.hi));
        dd P = dd_neg(weibull_expm1_dd(dd_neg(w)));
        if (!log_p)
            return P.hi + P.lo;
        dd l = weibull_log_of_dd(P);
        return l.hi + l.lo;
    }
    dd e = weibull_exp_dd(dd_neg(w));
    dd P = dd_sub((dd){1, 0}, e);
    if (!log_p)
        return P.hi + P.lo;
    if (e.hi == 0)
        return -0.0; /* log(1 - 0), negative as the true value (Rmath's log1p(-0) too) */
    dd l = weibull_log_of_dd(P);
    return l.hi + l.lo;
}

/* log y, y = -log(1 - P) > 0 for P the lower-tail probability in (0, 1) */
static void weibull_log_quantile_y(double p, int lower_tail, int log_p, dd *log_y)
{
    if (!lower_tail) {
        /* y = -log p or -log_p */
        dd y = log_p ? (dd){-p, 0} : dd_neg(log_dd(p));
        *log_y = weibull_log_of_dd(y);
        return;
    }
    if (!log_p) {
        dd u = two_sum(1, -p); /* 1 - p exactly */
        *log_y = weibull_log_of_dd(dd_neg(weibull_log_of_dd(u)));
        return;
    }
    if (p > -M_LN2) { /* P = -expm1(p) */
        dd P = dd_neg(weibull_expm1_dd((dd){p, 0}));
        *log_y = weibull_log_of_dd(dd_neg(weibull_log_of_dd(P)));
        return;
    }
    if (p < -40) { /* y = e^p (1 + e^p/2 + ...): log y = p + e^p/2 */
        *log_y = two_sum(p, 0.5 * exp(p));
        return;
    }
    dd e = weibull_exp_dd((dd){p, 0});
    dd u = dd_sub((dd){1, 0}, e);
    *log_y = weibull_log_of_dd(dd_neg(weibull_log_of_dd(u)));
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
    dd log_y;
    weibull_log_quantile_y(p, lower_tail, log_p, &log_y);
    dd log_q = dd_add(log_dd(scale), dd_div(log_y, (dd){shape, 0}));
    dd q = weibull_exp_dd(log_q);
    return q.hi + q.lo;
}

double vd_dweibull(double x, double shape, double scale, int give_log)
{
    RETURN_KEEPING_ERRNO(dweibull_checked(x, shape, scale, give_log));
}

double vd_pweibull(double q, double shape, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(pweibull_checked(q, shape, scale, lower_tail, log_p));
}

double vd_qweibull(double p, double shape, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(qweibull_checked(p, shape, scale, lower_tail, log_p));
}
