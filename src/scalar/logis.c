/* Logistic distribution: scalar reference (the accuracy oracle for the SIMD kernels).
 *
 * z = (x - location)/scale is carried as a double-double and e^-|z| as a double-double
 * with its binary exponent apart (exp_dd_scaled, numerics.c), so neither a rounded z nor
 * an underflowing exponential costs digits:
 *     density   e^-a / (scale (1 + e^-a)^2), a = |z|; log: -a - log scale - 2 log1p(e^-a)
 *     cdf       1/(1 + e^-w) or e^w/(1 + e^w) (w = z, or -z for the upper tail);
 *               log: -log1p(e^-w) or w - log1p(e^w) (R's log1pexp, exact for all w)
 *     quantile  location + scale logit(p): log p - log1p(-p) in the tails and
 *               2 atanh(2p - 1) around p = 1/2 (no cancellation), the same from log p
 *               through expm1.
 * Degenerate parameters (scale 0 or Inf, infinite location) give Rmath's own results.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"

int logis_params_regular(const double *param) { return loc_scale_regular(param[0], param[1]); }

static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

static dd dd_neg(dd a)
{
    return (dd){-a.hi, -a.lo};
}

/* (x - location) / scale as a double-double; the low part 0 where the remainder's product
 * overflows (|z| near DBL_MAX / scale, far beyond where it matters) */
static dd standardise(double x, double location, double scale)
{
    dd z = div_diff_dd(x, location, scale);
    if (!isfinite(z.lo))
        z.lo = 0;
    return z;
}

/* log1p(y.hi + y.lo), y > -1 */
static dd log1p_dd2(dd y)
{
    dd l = log1p_dd(y.hi);
    return two_sum(l.hi, l.lo + y.lo / (1 + y.hi));
}

static double dlogis_checked(double x, double location, double scale, int give_log)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    if (!isfinite(scale) || !isfinite(location) || !isfinite(x)) { /* Rmath's expression */
        double a = fabs((x - location) / scale), e = exp(-a), f = 1.0 + e;
        return give_log ? -(a + log(scale * f * f)) : e / (scale * f * f);
    }
    dd z = standardise(x, location, scale);
    dd a = z.hi < 0 ? dd_neg(z) : z;
    if (!isfinite(a.hi) || (!give_log && a.hi > 1500)) /* e^-1500 2^1074 underflows */
        return give_log ? -INFINITY : 0.0;
    if (a.hi == 0) { /* 1/(4 scale); Rmath's -(0 + log(4 scale)) is -0 at scale = 1/4 */
        if (!give_log)
            return 0.25 / scale;
        dd l = scale < 0x1p1020 ? log_dd(4 * scale) : dd_add(log_dd(scale), (dd){2 * LN2_DD_HI, 2 * LN2_DD_LO});
        return -l.hi - l.lo;
    }
    if (give_log) {
        /* log(4 scale) is a double-double; log(scale) + 2 ln 2 where 4 scale overflows */
        dd l4 = scale < 0x1p1020 ? log_dd(4 * scale)
                                 : dd_add(log_dd(scale), (dd){2 * LN2_DD_HI, 2 * LN2_DD_LO});
        dd g; /* a + 2 log1p(e^-a) - 2 ln 2 = 2 log cosh(a/2) */
        if (a.hi < 1) {
            /* = 2 log1p(2 sinh(a/4)^2): no cancellation as a -> 0 (it is a^2/4 there) */
            dd v = {0.25 * a.hi, 0.25 * a.lo};
            dd sh = dd_add(expm1_dd(v), dd_neg(expm1_dd(dd_neg(v)))); /* 2 sinh(a/4) */
            dd c = dd_mul(sh, sh);
            c = (dd){0.5 * c.hi, 0.5 * c.lo};
            g = log1p_dd2(c);
            g = (dd){2 * g.hi, 2 * g.lo};
        } else {
            dd l1 = log1p_dd2(exp_neg_dd(a));
            g = dd_add(dd_add(a, (dd){2 * l1.hi, 2 * l1.lo}), (dd){-2 * LN2_DD_HI, -2 * LN2_DD_LO});
        }
        dd s = dd_add(l4, g);
        return -s.hi - s.lo;
    }
    /* 2^k m / (1 + e)^2 / scale with e^-a = 2^k m and scale = f 2^es */
    int k, es;
    dd m = exp_dd_scaled(dd_neg(a), &k);
    dd e = k >= -1000 ? (dd){ldexp(m.hi, k), ldexp(m.lo, k)} : (dd){0, 0};
    dd one_e = dd_add((dd){1, 0}, e);
    dd q = dd_div(m, dd_mul(one_e, one_e));
    double f = frexp(scale, &es);
    double qh = q.hi / f;
    double ql = (exact_remainder(q.hi, qh, f) + q.lo) / f;
    return ldexp(qh + ql, k - es);
}

/* P(W <= w) of the standard logistic for w = w.hi + w.lo finite, or its log */
static double plogis_standard(dd w, int log_p)
{
    dd a = w.hi < 0 ? w : dd_neg(w); /* -|w| */
    int k = 0;
    dd m = a.hi < -1500 ? (dd){0, 0} : exp_dd_scaled(a, &k); /* e^-|w| = 2^k m */
    dd e = k >= -1000 ? (dd){ldexp(m.hi, k), ldexp(m.lo, k)} : (dd){ldexp(m.hi + m.lo, k), 0};
    if (log_p) {
        /* w >= 0: -log1p(e^-w); w < 0: w - log1p(e^w) */
        dd l1 = e.hi < 0x1p-60 ? (dd){e.hi, e.lo - 0.5 * e.hi * e.hi} : log1p_dd2(e);
        if (w.hi >= 0)
            return -l1.hi - l1.lo; /* -0 when e^-w underflows, as Rmath */
        dd s = dd_add(a, dd_neg(l1));
        return s.hi + s.lo;
    }
    dd one_e = dd_add((dd){1, 0}, e);
    if (w.hi >= 0) {
        dd p = dd_div((dd){1, 0}, one_e);
        return p.hi + p.lo;
    }
    dd p = dd_div(m, one_e);
    return ldexp(p.hi + p.lo, k);
}

static double plogis_checked(double x, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    dd z = standardise(x, location, scale);
    if (isnan(z.hi))
        return NAN;
    if (!isfinite(z.hi))
        return z.hi > 0 ? dt_0(!lower_tail, log_p) : dt_0(lower_tail, log_p);
    if (!isfinite(scale) || !isfinite(location)) { /* Rmath's expressions (z = 0 here) */
        double y = lower_tail ? -z.hi : z.hi;
        return log_p ? -log1p(exp(y)) : 1 / (1 + exp(y));
    }
    return plogis_standard(lower_tail ? z : dd_neg(z), log_p);
}

/* logit(p) = log(p / (1 - p)) for 0 < p < 1 */
static dd logit(double p)
{
    if (p < 0.25) {
        dd l = log_dd(p), l1 = log1p_dd(-p);
        return dd_add(l, dd_neg(l1));
    }
    if (p > 0.75) {
        dd l = log1p_dd(p - 1), l1 = log_dd(1 - p); /* 1 - p exact */
        return dd_add(l, dd_neg(l1));
    }
    /* 2 atanh(d) = log1p(d) - log1p(-d), d = 2p - 1 exact */
    double d = 2 * p - 1;
    if (d == 0)
        return (dd){0, 0}; /* +0 for both tails, as Rmath's log(1) */
    return dd_add(log1p_dd(d), dd_neg(log1p_dd(-d)));
}

#define LOG_QUARTER -1.3862943611198906    /* log(1/4) */
#define LOG_THREE_QUARTERS -0.2876820724517809 /* log(3/4) */

/* logit(e^lp) for lp < 0 finite */
static dd logit_log(double lp)
{
    if (lp < LOG_QUARTER) {
        /* lp - log1p(-e^lp) */
        int k;
        dd m = lp < -1500 ? (dd){0, 0} : exp_dd_scaled((dd){lp, 0}, &k);
        dd e = lp < -1500 || k < -1000 ? (dd){0, 0} : (dd){ldexp(m.hi, k), ldexp(m.lo, k)};
        dd l1 = e.hi < 0x1p-60 ? (dd){-e.hi, -e.lo - 0.5 * e.hi * e.hi} : log1p_dd2(dd_neg(e));
        return dd_add((dd){lp, 0}, dd_neg(l1));
    }
    if (lp > LOG_THREE_QUARTERS) {
        /* lp - log(1 - e^lp), 1 - e^lp = -expm1(lp) = v */
        dd lv;
        if (lp > -0x1p-60) { /* v = -lp (1 + lp/2) */
            dd l = log_dd(-lp);
            lv = two_sum(l.hi, l.lo + 0.5 * lp);
        } else {
            dd v = dd_neg(expm1_dd((dd){lp, 0}));
            dd l = log_dd(v.hi);
            lv = two_sum(l.hi, l.lo + v.lo / v.hi);
        }
        return dd_add((dd){lp, 0}, dd_neg(lv));
    }
    /* 2 atanh(d), d = 2 e^lp - 1 = expm1(lp + ln 2) */
    dd t = two_sum(lp, LN2_DD_HI);
    dd d = expm1_dd(two_sum(t.hi, t.lo + LN2_DD_LO));
    return dd_add(log1p_dd2(d), dd_neg(log1p_dd2(dd_neg(d))));
}

/* Rmath's own logit, for infinite location or scale (where its Inf and NaN results are
 * the contract) */
static double rmath_logit(double p, int lower_tail, int log_p)
{
    if (log_p) {
        double l1 = p > -M_LN2 ? log(-expm1(p)) : log1p(-exp(p));
        return lower_tail ? p - l1 : l1 - p;
    }
    return log(lower_tail ? p / (1 - p) : (1 - p) / p);
}

static double qlogis_checked(double p, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(location) || isnan(scale))
        return p + location + scale;
    double boundary;
    if (quantile_boundaries(p, lower_tail, log_p, -INFINITY, INFINITY, &boundary))
        return boundary;
    if (scale < 0)
        return NAN;
    if (scale == 0)
        return location;
    if (!isfinite(location) || !isfinite(scale))
        return location + scale * rmath_logit(p, lower_tail, log_p);
    dd L = log_p ? logit_log(p) : logit(p);
    if (!lower_tail)
        L = dd_neg(L);
    /* location + scale L with one rounding of the sum */
    dd sl = two_prod(scale, L.hi);
    if (!isfinite(sl.hi))
        return sl.hi;
    dd sum = two_sum(location, sl.hi);
    return sum.hi + (sum.lo + (sl.lo + scale * L.lo));
}

double vd_dlogis(double x, double location, double scale, int give_log)
{
    RETURN_KEEPING_ERRNO(dlogis_checked(x, location, scale, give_log));
}

double vd_plogis(double q, double location, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(plogis_checked(q, location, scale, lower_tail, log_p));
}

double vd_qlogis(double p, double location, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(qlogis_checked(p, location, scale, lower_tail, log_p));
}
