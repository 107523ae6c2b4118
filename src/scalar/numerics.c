/* Shared scalar numerics that are too long to inline. */
#include "numerics.h"

/* log(x) = k ln 2 + 2 atanh(s), s = (m - 1)/(m + 1), x = m 2^k, m in [sqrt(1/2), sqrt(2)).
 * |s| <= 0.1716, so 2 atanh(s) = 2 s (1 + s^2/3 + s^4/5 + ...) converges by a factor
 * s^2 <= 0.0295 per term; 22 terms in double-double reach ~1e-32. */
dd log_dd(double x)
{
    int k;
    double m = frexp(x, &k);
    if (m < 0x1.6a09e667f3bcdp-1) { /* sqrt(1/2) */
        m *= 2;
        k -= 1;
    }
    dd den = two_sum(m, 1.0);
    dd s = dd_div((dd){m - 1.0, 0}, den); /* m - 1 is exact (Sterbenz) */
    dd u = dd_mul(s, s);
    enum { TERMS = 22 };
    dd series = {1.0 / (2 * TERMS + 1), 0};
    for (int j = TERMS - 1; j >= 0; j--) {
        double d = 2.0 * j + 1, inv_hi = 1.0 / d;
        dd inv = {inv_hi, exact_remainder(1.0, inv_hi, d) / d}; /* 1/d to ~2^-106 */
        series = dd_add(dd_mul(series, u), inv);
    }
    dd log_m = dd_mul(dd_mul(s, series), (dd){2.0, 0});
    dd k_ln2 = dd_add(two_prod(k, LN2_DD_HI), two_prod(k, LN2_DD_LO)); /* ~k 2^-110 */
    return dd_add(k_ln2, log_m);
}

/* 1/k for k = 2..16 as double-doubles (exact to ~2^-107) */
static const dd inverse_of[17] = {
    {0, 0}, {1, 0},
    {0x1.0000000000000p-1, 0.0}, /* 1/2 */
    {0x1.5555555555555p-2, 0x1.5555555555555p-56}, /* 1/3 */
    {0x1.0000000000000p-2, 0.0}, /* 1/4 */
    {0x1.999999999999ap-3, -0x1.999999999999ap-57}, /* 1/5 */
    {0x1.5555555555555p-3, 0x1.5555555555555p-57}, /* 1/6 */
    {0x1.2492492492492p-3, 0x1.2492492492492p-57}, /* 1/7 */
    {0x1.0000000000000p-3, 0.0}, /* 1/8 */
    {0x1.c71c71c71c71cp-4, 0x1.c71c71c71c71cp-58}, /* 1/9 */
    {0x1.999999999999ap-4, -0x1.999999999999ap-58}, /* 1/10 */
    {0x1.745d1745d1746p-4, -0x1.745d1745d1746p-59}, /* 1/11 */
    {0x1.5555555555555p-4, 0x1.5555555555555p-58}, /* 1/12 */
    {0x1.3b13b13b13b14p-4, -0x1.3b13b13b13b14p-58}, /* 1/13 */
    {0x1.2492492492492p-4, 0x1.2492492492492p-58}, /* 1/14 */
    {0x1.1111111111111p-4, 0x1.1111111111111p-60}, /* 1/15 */
    {0x1.0000000000000p-4, 0.0}, /* 1/16 */
};

/* expm1(x) = r (1 + r/2 (1 + r/3 (... (1 + r/n)))) at r = x / 32, then
 * expm1(2r) = expm1(r) (expm1(r) + 2) five times: no cancellation anywhere. */
dd log_ratio_dd(double a, double b)
{
    int ea, eb;
    double ma = frexp(a, &ea), mb = frexp(b, &eb);
    dd la = log_dd(ma), lb = log_dd(mb);
    double k = ea - eb;
    dd kl = two_prod(k, LN2_DD_HI); /* |k| reaches 2098: exact product, not LN2_HI's split */
    dd s = two_sum(kl.hi, la.hi - lb.hi);
    return two_sum(s.hi, s.lo + kl.lo + (la.lo - lb.lo) + k * LN2_DD_LO);
}

dd expm1_dd(dd x)
{
    enum { TERMS = 16, HALVINGS = 5 };
    dd r = {x.hi * 0x1p-5, x.lo * 0x1p-5};
    dd t = {1, 0};
    for (int k = TERMS; k >= 2; k--)
        t = dd_add((dd){1, 0}, dd_mul(dd_mul(t, r), inverse_of[k]));
    dd e = dd_mul(r, t);
    for (int i = 0; i < HALVINGS; i++)
        e = dd_mul(e, dd_add(e, (dd){2, 0}));
    return e;
}

/* exp(x.hi + x.lo) = 2^*k (hi + lo), hi + lo in [0.7, 1.5), relative error ~1e-30, for
 * |x.hi| <= 2000: x = k ln 2 + r, |r| <= ln2/2, exp(r) = 1 + expm1_dd(r). */
dd exp_dd_scaled(dd x, int *k)
{
    double kd = nearbyint(x.hi * 0x1.71547652b82fep0); /* x / ln 2 */
    dd p = two_prod(kd, LN2_DD_HI);
    /* x.hi - p.hi is exact: both lie within ln2/2 of each other (Sterbenz) */
    dd r = two_sum(x.hi - p.hi, x.lo - p.lo - kd * LN2_DD_LO);
    dd em = expm1_dd(r);
    dd e = two_sum(1, em.hi);
    e.lo += em.lo;
    *k = (int)kd;
    return e;
}

/* exp(-t) as a double-double for t >= 0 (hi + lo rounded once where the result is
 * subnormal; 0 beyond t = 1500). */
dd exp_neg_dd(dd t)
{
    if (t.hi > 1500)
        return (dd){0, 0};
    int k;
    dd e = exp_dd_scaled((dd){-t.hi, -t.lo}, &k);
    if (k >= -1000)
        return (dd){ldexp(e.hi, k), ldexp(e.lo, k)};
    return (dd){ldexp(e.hi + e.lo, k), 0};
}

/* log(1 + y) as a double-double for y > -1: log(u) for u = 1 + y rounded, plus
 * log(1 + c) = c - c^2/2 for the rounding c = (y - (u - 1)) / u, |c| <= 2^-53. */
dd log1p_dd(double y)
{
    dd u = two_sum(1, y);
    dd l = log_dd(u.hi);
    double c = u.lo / u.hi;
    dd s = two_sum(l.hi, c);
    s.lo += l.lo - 0.5 * c * c;
    return two_sum(s.hi, s.lo);
}
