/* Logistic distribution: scalar reference (the accuracy oracle for the SIMD kernels).
 *
 * z = (x - location)/scale is carried as a double-double. The common case runs on three
 * double-double building blocks accurate to ~2^-56, from the polynomials of
 * tools/fit_logis.py (logis_coeffs.h, shared with the SIMD kernels):
 *     e^x       one reduction x = k ln 2 - r, e^-r = 1 - r + r^2 Q(r), the 1 - r exact
 *     log(P/U)  exponents apart and a mantissa ratio in [1/sqrt 2, sqrt 2]: 2 atanh(s),
 *               s = (m - n)/(m + n) with m - n exact and s's remainder kept
 *     expm1     the same polynomial for |x| <= ln2/2, without cancellation
 * and
 *     density   e^-a / (scale (1 + e^-a)^2), a = |z|; log: -(log(4 scale) + g),
 *               g = a + 2 log((1 + e^-a)/2) = 2 log cosh(a/2)
 *     cdf       1/(1 + e^-w) or e^w/(1 + e^w) (w = z, or -z for the upper tail);
 *               log: -log1p(e^-w) or w - log1p(e^w)
 *     quantile  location + scale logit(p), logit = log(p/(1 - p)) as one ratio (near
 *               p = 1/2 the ratio is near 1 and keeps its digits); from log p through
 *               e^lp, 1 - e^lp = -expm1(lp), or 1 +- d with d = expm1(lp + ln 2) = 2p - 1.
 * The rare rest (|z| > 700, subnormal results, log densities where log(4 scale) cancels g,
 * p or log p at the ends of the range) takes the slower paths further down, whose
 * exponentials keep their binary exponent apart and whose series run in double-double
 * throughout. Degenerate parameters (scale 0 or Inf, infinite location) give Rmath's own
 * results.
 */
#include <float.h>

#include <stdint.h>
#include <string.h>

#include "vdist.h"
#include "logis_coeffs.h"
#include "numerics.h"
#include "params.h"

int logis_params_regular(const double *param) { return loc_scale_regular(param[0], param[1]); }

static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

#define LOGIS_FAST_MAX 700.0 /* |z| up to which e^-|z| and the results stay normal */

/* x = 2^e m, m in [1, 2), for positive normal x */
static double split_exponent(double x, int *e)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    *e = (int)(bits >> 52) - 1023;
    bits = (bits & 0x000fffffffffffffu) | 0x3ff0000000000000u;
    double m;
    memcpy(&m, &bits, sizeof m);
    return m;
}

/* e^-r - 1 + r = r^2 Q(r) for |r| <= ln2/2 (relative error ~2^-53 of a term below r/5) */
static double exp_neg_quad(double r)
{
    return r * r * poly_eval(logis_exp_q, 9, r);
}

/* e^(x.hi + x.lo) = 2^*k (hi + lo), hi + lo in [0.7, 1.5) with relative error ~2^-56, for
 * |x.hi| <= 745: x = k ln 2 - r, r = r_hi + r_lo with k LN2_HI - x.hi exact (Sterbenz) */
static dd exp_split(dd x, int *k)
{
    double kd = (x.hi * 0x1.71547652b82fep0 + 0x1.8p52) - 0x1.8p52; /* round(x / ln 2) */
    double r_hi = kd * LN2_HI - x.hi, r_lo = kd * LN2_LO - x.lo;
    double q = exp_neg_quad(r_hi + r_lo);
    dd s = two_sum(1, -r_hi); /* e^-r = 1 - r_hi - r_lo + q */
    *k = (int)kd;
    return two_sum(s.hi, s.lo + (q - r_lo));
}

/* e^(x.hi + x.lo) for -745 <= x.hi <= 700 with a normal result (x >= -708) */
static dd exp_fast(dd x)
{
    int k;
    dd e = exp_split(x, &k);
    double scale = pow2i(k);
    return (dd){e.hi * scale, e.lo * scale};
}

/* expm1(t.hi + t.lo) for |t.hi| <= ln2/2: -r + r^2 Q(r), r = -t, no cancellation */
static dd expm1_small(dd t)
{
    dd s = two_sum(t.hi, exp_neg_quad(-(t.hi + t.lo)));
    return two_sum(s.hi, s.lo + t.lo);
}

/* log(P/U) for P, U positive normal, relative error ~2^-56: P/U = 2^k m/n with m/n in
 * [1/sqrt 2, sqrt 2] (n scaled by 2 or 1/2 from U's mantissa), m - n exact, and
 * log(m/n) = 2 atanh(s), s = (m - n)/(m + n) = s + s_lo (the division's remainder kept),
 * 2 atanh(s + s_lo) = 2s + s^3 R(s^2) + 2 s_lo (1 + s^2) */
static dd log_ratio_fast(double P, double U)
{
    int e, f;
    double m = split_exponent(P, &e), n = split_exponent(U, &f);
    int k = e - f;
    if (m > n * SQRT2_HI) {
        n *= 2;
        k += 1;
    } else if (n > m * SQRT2_HI) {
        n *= 0.5;
        k -= 1;
    }
    double d = m - n;
    dd den = two_sum(m, n);
    double s = d / den.hi;
    dd sd = two_prod(s, den.hi);
    double s_lo = ((d - sd.hi) - sd.lo - s * den.lo) / den.hi;
    double s2 = s * s;
    double tail = s * s2 * poly_eval(logis_log_r, 6, s2);
    dd atanh2 = two_sum(2 * s, tail + 2 * s_lo * (1 + s2)); /* 2s exact */
    return dd_add((dd){k * LN2_HI, k * LN2_LO}, atanh2);  /* k LN2_HI exact */
}

/* log(a) for a = a.hi + a.lo positive normal */
static dd log_fast(dd a)
{
    dd l = log_ratio_fast(a.hi, 1);
    return two_sum(l.hi, l.lo + a.lo / a.hi);
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

/* The density for 0 < a = |z| <= LOGIS_FAST_MAX by the fast building blocks; 0 (and the
 * slower path) where the result may be subnormal or log(4 scale) cancels most of g */
static int dlogis_fast(dd a, double scale, int give_log, double *out)
{
    dd e = exp_fast(dd_neg(a));
    dd u = two_sum(1, e.hi);
    u.lo += e.lo;
    if (give_log) {
        if (!(scale >= 0x1p-1000 && scale < 0x1p1020)) /* 4 scale normal */
            return 0;
        dd l4 = log_ratio_fast(4 * scale, 1);
        dd h = log_ratio_fast(u.hi, 2); /* log((1 + e)/2), near 0 for small a */
        h = two_sum(h.hi, h.lo + u.lo / u.hi);
        dd g = dd_add(a, (dd){2 * h.hi, 2 * h.lo});
        dd sum = dd_add(l4, g);
        if (!(fabs(sum.hi) >= 0.0625 * (fabs(l4.hi) + a.hi)))
            return 0;
        *out = -sum.hi - sum.lo;
        return 1;
    }
    dd q = dd_div(e, dd_mul(u, u));
    double qh = q.hi / scale;
    double r = qh + (exact_remainder(q.hi, qh, scale) + q.lo) / scale;
    if (!(r >= 0x1p-1000))
        return 0;
    *out = r;
    return 1;
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
    double fast;
    if (a.hi <= LOGIS_FAST_MAX && dlogis_fast(a, scale, give_log, &fast))
        return fast;
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
    if (a.hi >= -LOGIS_FAST_MAX) {
        dd e = exp_fast(a);
        dd u = two_sum(1, e.hi);
        u.lo += e.lo;
        if (log_p) {
            dd l1 = log_fast(u); /* log1p(e) */
            if (w.hi >= 0)
                return -l1.hi - l1.lo;
            dd s = dd_add(a, dd_neg(l1));
            return s.hi + s.lo;
        }
        dd p = dd_div(w.hi >= 0 ? (dd){1, 0} : e, u);
        return p.hi + p.lo;
    }
    /* |w| > LOGIS_FAST_MAX: e^-|w| as 2^k m, for results that may be subnormal */
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

/* logit(p) = log(p / (1 - p)) for 0 < p < 1: to ~2^-60 relative, or (precise) from the
 * double-double logs, for results that location cancels */
static dd logit(double p, int precise)
{
    if (!precise && p >= 0x1p-1000) { /* -u_err/u: the rounding of 1 - p (exact for p >= 1/2) */
        double u = 1 - p, u_err = (1 - u) - p;
        dd l = log_ratio_fast(p, u);
        return two_sum(l.hi, l.lo - u_err / u);
    }
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

/* logit(e^lp) for lp < 0 finite (precise: as logit's) */
static dd logit_log(double lp, int precise)
{
    if (!precise && lp >= -LOGIS_FAST_MAX && lp <= -0x1p-1000) {
        /* P = e^lp and U = 1 - e^lp, each where it keeps its digits */
        dd t = two_sum(lp, LN2_DD_HI);
        t.lo += LN2_DD_LO; /* lp + ln 2 */
        dd P, U;
        if (fabs(t.hi) <= 0.5 * LN2_DD_HI) { /* 1 + d and 1 - d, d = 2 e^lp - 1 */
            dd d = expm1_small(t);
            P = two_sum(1, d.hi);
            P.lo += d.lo;
            U = two_sum(1, -d.hi);
            U.lo -= d.lo;
        } else if (t.hi < 0) { /* e^lp < 0.36 */
            P = exp_fast((dd){lp, 0});
            U = two_sum(1, -P.hi);
            U.lo -= P.lo;
        } else { /* U = -expm1(lp), |lp| < ln2/2 */
            dd m = expm1_small((dd){lp, 0});
            U = dd_neg(m);
            P = two_sum(1, m.hi);
            P.lo += m.lo;
        }
        dd l = log_ratio_fast(P.hi, U.hi);
        return two_sum(l.hi, l.lo + (P.lo / P.hi - U.lo / U.hi));
    }
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
    dd L = log_p ? logit_log(p, 0) : logit(p, 0);
    if (!lower_tail)
        L = dd_neg(L);
    double sL = scale * L.hi;
    if (fabs(location + sL) < 0.5 * fabs(sL)) { /* location cancels: L's 2^-60 would show */
        L = log_p ? logit_log(p, 1) : logit(p, 1);
        if (!lower_tail)
            L = dd_neg(L);
    }
    return loc_scale_sum(location, scale, L);
}

VD_PUBLIC_SCALAR_FAMILY2(logis, location, scale)
