/* Exponential distribution: scalar reference (the accuracy oracle for the SIMD kernels).
 * Rmath's parameter is scale = 1/rate.
 *
 * Everything goes through t = x / scale, carried as a double-double (the remainder of the
 * rounded quotient is exact): exp(-t) with a rounded t would be off by t 2^-53 relative,
 * hundreds of ULP at t = 700. exp(-t) itself is a double-double (exp_dd_scaled), and the
 * tails that cancel use expm1 / log1p forms:
 *     lower   1 - e^-t       -expm1(-t) for t <= ln 2, else 1 - e^-t
 *     log     log(1 - e^-t)  log(-expm1(-t)) for t <= ln 2, else log1p(-e^-t)
 *     upper   e^-t, log -t
 *     quantile -scale log(1 - p) = -scale log1p(-p), and the like per tail and log flag.
 * Degenerate parameters (scale 0 or Inf) give Rmath's own expressions.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"

int exp_params_regular(const double *param)
{
    /* 1/scale a normal double both ways: the kernels' t = x (1/scale) stays exact to 2^-100 */
    return param[0] >= 0x1p-1000 && param[0] <= 0x1p1000;
}

/* scale * 2^k (T.hi + T.lo) rounded once (twice where subnormal): both factors normalised
 * first so that neither a tiny T nor a huge scale spoils the product. scale > 0 finite,
 * T.hi > 0 finite. */
static double scaled_product(double scale, dd T, int k)
{
    int es, et;
    double f = frexp(scale, &es);
    double m = frexp(T.hi, &et);
    double ml = ldexp(T.lo, -et);
    dd p = two_prod(f, m);
    return ldexp(p.hi + (p.lo + f * ml), es + et + k);
}

/* ---- the distribution --------------------------------------------------------------------- */

/* R_DT_0 of Rmath: the value at the lower end of the support. */
static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

static double dexp_checked(double x, double scale, int give_log)
{
    if (isnan(x) || isnan(scale))
        return x + scale;
    if (scale <= 0)
        return NAN;
    if (x < 0)
        return give_log ? -INFINITY : 0.0;
    if (isinf(scale)) /* Rmath's expression: 0 or -Inf, NaN at x = Inf */
        return give_log ? (-x / scale) - log(scale) : exp(-x / scale) / scale;
    dd t = div_diff_dd(x, 0, scale);
    if (give_log) {
        if (isinf(t.hi))
            return -INFINITY;
        dd l = log_dd(scale);
        dd s = two_sum(-t.hi, -l.hi);
        double r = s.hi + (s.lo - t.lo - l.lo);
        /* exact zero only at x = 0, scale = 1: Rmath's -0 - 0 = -0 (and +0 for x = -0) */
        return r == 0 ? (-x / scale) - log(scale) : r;
    }
    if (!(t.hi <= 1500)) /* e^-1500 2^1074 rounds to 0 */
        return 0.0;
    /* e^-t / scale = 2^(k - es) (hi + lo) / f for scale = f 2^es, f in [1/2, 1) */
    int k, es;
    dd e = exp_dd_scaled((dd){-t.hi, -t.lo}, &k);
    double f = frexp(scale, &es);
    double qh = e.hi / f;
    double ql = (exact_remainder(e.hi, qh, f) + e.lo) / f;
    return ldexp(qh + ql, k - es);
}

static double pexp_checked(double x, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(scale))
        return x + scale;
    if (scale < 0)
        return NAN;
    if (x <= 0)
        return dt_0(lower_tail, log_p);
    if (scale == 0 || isinf(scale)) { /* Rmath's expressions */
        double y = -(x / scale);
        if (!lower_tail)
            return log_p ? y : exp(y);
        return log_p ? (y > -M_LN2 ? log(-expm1(y)) : log1p(-exp(y))) : -expm1(y);
    }
    dd t = div_diff_dd(x, 0, scale);
    if (!lower_tail) {
        if (log_p)
            return -t.hi;
        dd e = exp_neg_dd(t);
        return e.hi + e.lo;
    }
    if (t.hi < 0x1p-1000) { /* t rounded to the subnormal grid: its log from x and scale */
        if (!log_p)
            return t.hi;
        dd l = log_ratio_dd(x, scale);
        return l.hi + l.lo;
    }
    if (t.hi < 0x1p-60) { /* 1 - e^-t = t (1 - t/2) */
        if (!log_p)
            return t.hi + (t.lo - 0.5 * t.hi * t.hi);
        if (t.hi == 0)
            return -INFINITY;
        dd l = log_dd(t.hi);
        return l.hi + (l.lo + t.lo / t.hi - 0.5 * t.hi);
    }
    if (t.hi <= M_LN2) {
        dd v = expm1_dd((dd){-t.hi, -t.lo}); /* -v = 1 - e^-t */
        if (!log_p)
            return -v.hi - v.lo;
        dd l = log_dd(-v.hi);
        return l.hi + (l.lo + v.lo / v.hi);
    }
    dd e = exp_neg_dd(t); /* e <= 1/2 */
    if (!log_p) {
        dd s = two_sum(1, -e.hi);
        return s.hi + (s.lo - e.lo);
    }
    if (e.hi < 0x1p-60) /* log(1 - e) = -e - e^2/2; -0 when e underflows, as Rmath */
        return -e.hi - (e.lo + 0.5 * e.hi * e.hi);
    dd l = log1p_dd(-e.hi);
    return l.hi + (l.lo - e.lo / (1 - e.hi));
}

/* Rmath's qexp for scale 0 or Inf: -scale R_DT_Clog(p) */
static double qexp_rmath(double p, double scale, int lower_tail, int log_p)
{
    double clog;
    if (lower_tail)
        clog = log_p ? (p > -M_LN2 ? log(-expm1(p)) : log1p(-exp(p))) : log1p(-p);
    else
        clog = log_p ? p : log(p);
    return -scale * clog;
}

static double qexp_checked(double p, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(scale))
        return p + scale;
    if (scale < 0)
        return NAN;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        return NAN;
    if (p == dt_0(lower_tail, log_p))
        return 0;
    if (scale == 0 || isinf(scale))
        return qexp_rmath(p, scale, lower_tail, log_p);
    /* the quantile is scale 2^k T, T = -log(P(X > x)) for the requested p */
    dd T;
    int k = 0;
    if (p == 0 || p == -INFINITY) /* the upper end: log(0) */
        return INFINITY;
    if (!lower_tail) {
        if (log_p)
            return scaled_product(scale, (dd){-p, 0}, 0);
        dd l = log_dd(p);
        T = (dd){-l.hi, -l.lo};
    } else if (!log_p) {
        if (p == 1)
            return INFINITY;
        dd l = log1p_dd(-p);
        T = (dd){-l.hi, -l.lo};
    } else if (p > -0x1p-60) {
        /* 1 - e^p = -p (1 + p/2): T = -log(-p) - p/2 */
        dd l = log_dd(-p);
        T = two_sum(-l.hi, -l.lo - 0.5 * p);
    } else if (p > -M_LN2) {
        dd v = expm1_dd((dd){p, 0}); /* 1 - e^p = -v */
        dd l = log_dd(-v.hi);
        T = (dd){-l.hi, -l.lo - v.lo / v.hi};
    } else {
        if (p < -1500) /* scale e^p < 2^1024 e^-1500 underflows */
            return 0;
        /* T = -log1p(-e^p) = e^p (1 + e^p/2 + ...) */
        dd e = exp_dd_scaled((dd){p, 0}, &k);
        double eh = ldexp(e.hi, k); /* 0 where tiny: then only the e^p term counts */
        if (eh < 0x1p-60) {
            T = (dd){e.hi, e.lo + 0.5 * e.hi * eh};
        } else {
            dd l = log1p_dd(-eh);
            T = (dd){-l.hi, -l.lo + ldexp(e.lo, k) / (1 - eh)};
            k = 0;
        }
    }
    return scaled_product(scale, T, k);
}

VD_PUBLIC_SCALAR_FAMILY1(exp, scale)
