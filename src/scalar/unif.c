/* Uniform distribution: scalar reference (the accuracy oracle for the SIMD kernels).
 *
 * Rmath rounds b - a, x - a and the quotient separately; here the differences are exact
 * double-doubles (two_sum) and the quotient a double-double, so
 *     density   1/(b - a), log: -log(b - a)
 *     cdf       (x - a)/(b - a) or (b - x)/(b - a); log: log of the smaller of the two
 *               fractions, log1p(-other) where the fraction exceeds 1/2
 *     quantile  a + P (b - a) for P <= 1/2, else b - (1 - P)(b - a), P from p or log p
 * are correctly rounded up to the last step. Where b - a overflows the same is done at
 * half scale. Infinite min or max give Rmath's own answers.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"

int unif_params_regular(const double *param)
{
    /* b - a finite and normal, so the kernels' differences stay exact */
    double a = param[0], b = param[1], d = b - a;
    return isfinite(a) && isfinite(b) && d >= 0x1p-1000 && d <= 0x1p1000 &&
           fabs(a) <= 0x1p1000 && fabs(b) <= 0x1p1000;
}

static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

/* b - a = 2^e (hi + lo) with e = 0, or e = 1 where b - a overflows */
static dd width(double a, double b, int *e)
{
    dd d = two_sum(b, -a);
    *e = 0;
    if (!isfinite(d.hi)) {
        d = two_sum(0.5 * b, -0.5 * a);
        *e = 1;
    }
    return d;
}

static double dunif_checked(double x, double a, double b, int give_log)
{
    if (isnan(x) || isnan(a) || isnan(b))
        return x + a + b;
    if (b <= a)
        return NAN;
    if (!(a <= x && x <= b))
        return give_log ? -INFINITY : 0.0;
    if (!isfinite(a) || !isfinite(b))
        return give_log ? -log(b - a) : 1. / (b - a);
    int e;
    dd d = width(a, b, &e);
    if (give_log) {
        dd l = log_dd(d.hi);
        return -(l.hi + (l.lo + d.lo / d.hi + e * LN2_DD_HI));
    }
    double r = 1 / d.hi;
    double r_lo = (fma(-r, d.hi, 1) - r * d.lo) / d.hi; /* 1/(hi + lo) = r + r_lo */
    return ldexp(r + r_lo, -e);
}

/* (num.hi + num.lo) / (den.hi + den.lo) */
static dd dd_quotient(dd num, dd den)
{
    if (num.hi == 0)
        return (dd){0, 0};
    return dd_div(num, den);
}

static double punif_checked(double x, double a, double b, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(a) || isnan(b))
        return x + a + b;
    if (b < a || !isfinite(a) || !isfinite(b))
        return NAN;
    if (x >= b)
        return dt_0(!lower_tail, log_p);
    if (x <= a)
        return dt_0(lower_tail, log_p);
    int e;
    dd d = width(a, b, &e);
    double s = e ? 0.5 : 1;
    dd below = two_sum(s * x, -s * a), above = two_sum(s * b, -s * x);
    dd v = dd_quotient(lower_tail ? below : above, d);
    if (!log_p)
        return v.hi + v.lo;
    if (v.hi < 0x1p-1000) { /* v rounded to the subnormal grid: its log from the exact parts */
        dd num = lower_tail ? below : above;
        dd l = log_ratio_dd(num.hi, d.hi);
        return l.hi + (l.lo + num.lo / num.hi - d.lo / d.hi);
    }
    if (v.hi <= 0.5) {
        dd l = log_dd(v.hi);
        return l.hi + (l.lo + v.lo / v.hi);
    }
    dd w = dd_quotient(lower_tail ? above : below, d); /* 1 - v, < 1/2 */
    dd l = log1p_dd(-w.hi);
    return l.hi + (l.lo - w.lo / (1 - w.hi));
}

static double qunif_checked(double p, double a, double b, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(a) || isnan(b))
        return p + a + b;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        return NAN;
    if (!isfinite(a) || !isfinite(b) || b < a)
        return NAN;
    if (b == a)
        return a;
    /* P = P(X <= q) and Q = 1 - P, each exact or a double-double where it is the smaller */
    dd P, Q;
    if (!log_p) {
        double lo_frac = lower_tail ? p : 1 - p, hi_frac = lower_tail ? 1 - p : p;
        P = (dd){lo_frac, 0};
        Q = (dd){hi_frac, 0}; /* 1 - p is exact where it is used (p >= 1/2) */
    } else if (p < -M_LN2) {
        int k;
        dd m = p < -1500 ? (dd){0, 0} : exp_dd_scaled((dd){p, 0}, &k);
        dd ep = p < -1500 ? m : (dd){ldexp(m.hi, k), ldexp(m.lo, k)}; /* e^p < 1/2 */
        if (lower_tail)
            P = ep, Q = (dd){1, 0};
        else
            Q = ep, P = (dd){1, 0};
    } else {
        /* e^p - 1 (= p + p^2/2 near 0, where expm1_dd's scaling would lose bits) */
        dd q = p > -0x1p-60 ? (dd){p, 0.5 * p * p} : expm1_dd((dd){p, 0});
        dd one_minus = {-q.hi, -q.lo}; /* <= 1/2 */
        if (lower_tail)
            Q = one_minus, P = (dd){1, 0};
        else
            P = one_minus, Q = (dd){1, 0};
    }
    if (P.hi == 0) { /* the lower end: Rmath's a + R_DT_qIv(p) (b - a), signed zeros and all */
        double qiv = log_p ? (lower_tail ? exp(p) : -expm1(p)) : (lower_tail ? p : 0.5 - p + 0.5);
        return a + qiv * (b - a);
    }
    if (Q.hi == 0)
        return b;
    int e;
    dd d = width(a, b, &e);
    double s = e ? 0.5 : 1;
    if (P.hi <= 0.5) {
        dd pd = dd_mul(P, d);
        dd sum = two_sum(s * a, pd.hi);
        return (sum.hi + (sum.lo + pd.lo)) / s;
    }
    dd qd = dd_mul(Q, d);
    dd diff = two_sum(s * b, -qd.hi);
    return (diff.hi + (diff.lo - qd.lo)) / s;
}

VD_PUBLIC_SCALAR_FAMILY2(unif, min, max)
