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

/* a / k for a small positive integer k, to ~2^-104 */
static dd dd_div_int(dd a, double k)
{
    double q = a.hi / k;
    double rem = exact_remainder(a.hi, q, k);
    return two_sum(q, (rem + a.lo) / k);
}

/* expm1(x) = r (1 + r/2 (1 + r/3 (... (1 + r/n)))) at r = x / 32, then
 * expm1(2r) = expm1(r) (expm1(r) + 2) five times: no cancellation anywhere. */
dd expm1_dd(dd x)
{
    enum { TERMS = 16, HALVINGS = 5 };
    dd r = {x.hi * 0x1p-5, x.lo * 0x1p-5};
    dd t = {1, 0};
    for (int k = TERMS; k >= 2; k--)
        t = dd_add((dd){1, 0}, dd_div_int(dd_mul(t, r), k));
    dd e = dd_mul(r, t);
    for (int i = 0; i < HALVINGS; i++)
        e = dd_mul(e, dd_add(e, (dd){2, 0}));
    return e;
}
