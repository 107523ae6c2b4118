/* Special-function core: log Gamma, stirlerr, bd0, log1pmx as double-doubles (specfun.h).
 *
 * log Gamma(x), by where x lies:
 *   x < 1/16          -log x + lgamma(1 + x), the second from its Taylor series
 *   |x - 1| <= 1/16   Taylor series of lgamma(1 + a) in a = x - 1 (zeta(k)/k coefficients)
 *   |x - 2| <= 1/16   Taylor series of lgamma(2 + a) ((zeta(k) - 1)/k coefficients)
 *   x < 10            lgamma(x + n) - log(x (x + 1) ... (x + n - 1)), x + n >= 10, the
 *                     product in double-double
 *   x >= 10           Stirling: (x - 1/2)(log x - 1) + log sqrt(2 pi) - 1/2 + mu(x), Binet's
 *                     mu(x) from its asymptotic (Bernoulli) series in 1/x^2
 * The windows keep relative accuracy at the zeros 1 and 2 (where the recurrence would cancel
 * ~30 against ~1e-17); outside them |lgamma| >= 0.027, and the recurrence cancels terms of
 * ~30 whose logs come from numerics' log_fast_dd (absolute error ~2^-78, a quarter of
 * log_dd's cost): ~2^-70 relative, as the windows' series (double-double steps for the
 * leading terms) and Binet's series (2^-72). The coefficients come from
 * tools/gen_specfun_tables.py (mpmath), with the term counts for a truncation of 2^-76
 * (windows) and 2^-68 (Stirling) relative to the first term.
 *
 * stirlerr(n) = mu(n): a table at the half-integers below 10 (dpois and dbinom call it at
 * integers), the series from 10 on, and below 10 lgamma(n) - (n - 1/2) log n + n - log
 * sqrt(2 pi) in double-double (the terms cancel to mu(n) >= 0.0083, 2^-12 of them at most:
 * the logs' absolute 2^-78 leaves ~2^-66 relative; measured 2^-70).
 *
 * bd0(x, np) = np phi(x/np), phi(r) = r log r + 1 - r, homogeneous of degree 1 (the
 * arguments are scaled by a power of two to keep intermediate values in range):
 *   |v| <= 1/16, v = (x - np)/(x + np):  Loader's series
 *       bd0 = v ((x - np) + 2 x v^2 S(v^2)), S(w) = 1/3 + w/5 + w^2/7 + ...,
 *     in double-double but for S's tail beyond 1/3 (a polynomial of fixed degree that a
 *     vector layer can evaluate in every lane);
 *   else x log(x/np) + (np - x) with the quotient's exact remainder and numerics'
 *     log_fast_dd (|log(x/np)| >= 0.125 here, and the two terms cancel to no less than
 *     1/17 of the larger: ~2^-71).
 * log1pmx(x) = u (2 u^2 S(u^2) - x), u = x/(2 + x), the same series, for |u| <= 1/16
 * (x in [-2/17, 2/15]); else log(1 + x) - x with log_fast_dd (no more than ~4 bits cancel).
 */
#include "specfun.h"
#include "specfun_tables.h"

#define LGAMMA_WINDOW 0.0625 /* half-width of the Taylor windows at 1 and 2 */
#define STIRLING_MIN 10      /* the Stirling series from here on */

static const dd dd_nan = {NAN, 0};
static const dd dd_inf = {INFINITY, 0};

/* c[0] + c[1] t + ... + c[degree] t^degree times t, as a double-double for a double t: the
 * first n_dd coefficients (hi + lo) in double-double steps, the rest in double */
static dd series_times_t(const double *c, const double *c_lo, int degree, int n_dd, double t)
{
    dd s = {poly_eval_even_odd(c + n_dd, degree - n_dd, t), 0};
    for (int k = n_dd - 1; k >= 0; k--)
        s = horner_step_dd(c[k], c_lo[k], t, s);
    return horner_step_dd(0, 0, t, s);
}

/* (a.hi + a.lo) s for a power of two s < 1 where the product is subnormal, rounded once:
 * a.hi s rounded, then the rest of a (exact: a.hi - (a.hi s)/s loses nothing) added in the
 * same scale; rounding a.hi + a.lo first and scaling after rounds twice, which gave 0.61 ULP
 * at stirlerr(1.2318e307) */
static double scaled_subnormal(dd a, double s)
{
    double h = a.hi * s;
    double rest = (a.hi - h / s) + a.lo;
    return h + rest * s;
}

/* lgamma(1 + a) for |a| <= 1/16: four double-double steps (the double tail from
 * zeta(5)/5 a^4 on is 2^-18 of -gamma a at most: 2^-70 relative) */
static dd lgamma1p_taylor_dd(double a)
{
    return series_times_t(lgamma1p_taylor, lgamma1p_taylor_lo, LGAMMA1P_TAYLOR_DEGREE, 4, a);
}

/* lgamma(2 + a) for |a| <= 1/16: three double-double steps (the tail from
 * (zeta(4) - 1)/4 a^3 on is 2^-16.4 of (1 - gamma) a: 2^-69 relative) */
static dd lgamma2p_taylor_dd(double a)
{
    return series_times_t(lgamma2p_taylor, lgamma2p_taylor_lo, LGAMMA2P_TAYLOR_DEGREE, 3, a);
}

/* log(x) for a double-double x > 0: log x.hi plus the first-order term of x.lo */
static dd log_of_dd(dd x)
{
    dd l = log_fast_dd(x.hi);
    return fast_two_sum(l.hi, l.lo + x.lo / x.hi);
}

/* Binet's mu(x) for x >= 10 (a double-double x, x.lo small): 1/x (c1 + z (c2 + z P(z))),
 * z = 1/x^2, with 1/x, z and the two leading steps in double-double (the tail z P is
 * 2^-20 of c2 at most, and the second step 2^-11.5 of c1: ~2^-72 relative); beyond 2^1000,
 * where 1/x nears the subnormal range, 1/(12 x) computed 2^100 times too large and scaled
 * once at the end */
static dd binet_series_dd(dd x)
{
    double scale = 1;
    if (x.hi > 0x1p1000) {
        x.hi *= 0x1p-100;
        x.lo *= 0x1p-100;
        scale = 0x1p-100;
    }
    double r = 1 / x.hi;
    dd p = two_prod(r, x.hi);
    double r_lo = r * (((1 - p.hi) - p.lo) - r * x.lo); /* 1/x = r (1 + e), e the residual */
    dd c = {stirling_series[0], stirling_series_lo[0]};
    if (scale == 1) {
        dd z = two_prod(r, r);
        z.lo += 2 * r * r_lo;
        double tail =
            z.hi * poly_eval_even_odd(stirling_series + 2, STIRLING_SERIES_DEGREE - 2, z.hi);
        dd q = fast_two_sum(stirling_series[1], tail + stirling_series_lo[1]);
        c = dd_add(c, dd_mul(z, q));
    }
    dd mu = dd_mul((dd){r, r_lo}, c);
    if (scale == 1)
        return mu;
    double hi = mu.hi * scale;
    if (hi >= 0x1p-1022) /* still normal: both parts scale exactly (lo to ~2^-1074) */
        return (dd){hi, mu.lo * scale};
    return (dd){scaled_subnormal(mu, scale), 0};
}

/* Stirling's formula for x >= 10 (a double-double x): +Inf where the result overflows */
static dd lgamma_stirling_dd(dd x)
{
    dd xm = fast_two_sum(x.hi, -0.5); /* exact for x >= 1 */
    xm.lo += x.lo;
    dd lm = dd_add(log_of_dd(x), (dd){-1, 0});
    dd p = dd_mul(xm, lm);
    /* log sqrt(2 pi) - 1/2: the subtraction is exact (Sterbenz) */
    dd c = {LN_SQRT_2PI_HI - 0.5, LN_SQRT_2PI_LO};
    dd r = dd_add(p, dd_add(c, binet_series_dd(x)));
    return isfinite(r.hi) ? r : dd_inf;
}

/* x + k for a double-double x and an integer k, as a double-double */
static inline dd plus_int_dd(dd x, int k)
{
    dd s = two_sum(x.hi, k);
    s.lo += x.lo;
    return s;
}

/* lgamma(x) for 0 < x < 10 (a double-double x): lgamma(x + n) - log(x (x + 1) ... (x + n - 1))
 * with x + n in [10, 11); the product as two chains (even and odd k), whose latency (not their
 * flops) is the cost */
static dd lgamma_recurrence_dd(dd x)
{
    int n = (int)(STIRLING_MIN - x.hi) + 1;
    dd even = x, odd = {1, 0};
    int k = 1;
    for (; k + 1 < n; k += 2) {
        odd = dd_mul(odd, plus_int_dd(x, k));
        even = dd_mul(even, plus_int_dd(x, k + 1));
    }
    if (k < n)
        odd = dd_mul(odd, plus_int_dd(x, k));
    dd prod = dd_mul(even, odd);
    dd xn = two_sum(x.hi, n);
    xn = fast_two_sum(xn.hi, xn.lo + x.lo);
    return dd_sub(lgamma_stirling_dd(xn), log_of_dd(prod));
}

dd lgamma_dd(double x)
{
    if (!(x > 0)) /* NaN, 0, negative */
        return dd_nan;
    if (isinf(x)) /* +Inf */
        return dd_inf;
    if (x < LGAMMA_WINDOW)
        return dd_sub(lgamma1p_taylor_dd(x), log_fast_dd(x));
    if (fabs(x - 1) <= LGAMMA_WINDOW) /* x - 1 and x - 2 are exact here (Sterbenz) */
        return lgamma1p_taylor_dd(x - 1);
    if (fabs(x - 2) <= LGAMMA_WINDOW)
        return lgamma2p_taylor_dd(x - 2);
    if (x < STIRLING_MIN)
        return lgamma_recurrence_dd((dd){x, 0});
    return lgamma_stirling_dd((dd){x, 0});
}

dd lgamma1p_dd(double a)
{
    if (!(a > -1))
        return dd_nan;
    if (fabs(a) <= LGAMMA_WINDOW)
        return lgamma1p_taylor_dd(a);
    if (fabs(a - 1) <= LGAMMA_WINDOW)
        return lgamma2p_taylor_dd(a - 1);
    if (a <= -0.5) /* 1 + a is exact (Sterbenz) */
        return lgamma_dd(1 + a);
    if (isinf(a)) /* +Inf */
        return dd_inf;
    /* 1 + a as a double-double: rounded, its error would be amplified by |psi/lgamma| */
    dd x = two_sum(1, a);
    return x.hi < STIRLING_MIN ? lgamma_recurrence_dd(x) : lgamma_stirling_dd(x);
}

dd stirlerr_dd(double n)
{
    if (!(n > 0))
        return n == 0 ? dd_inf : dd_nan;
    if (n >= STIRLING_MIN)
        return isinf(n) ? (dd){0, 0} : binet_series_dd((dd){n, 0});
    double n2 = n + n; /* exact; below 20 */
    if (n2 == (int)n2)
        return (dd){stirlerr_halves[(int)n2][0], stirlerr_halves[(int)n2][1]};
    /* mu(n) = lgamma(n) - (n - 1/2) log n + n - log sqrt(2 pi); below 1/16 lgamma(n) is
     * lgamma(1 + n) - log n, whose log joins the other */
    dd lg, coef;
    if (n < LGAMMA_WINDOW) {
        lg = lgamma1p_taylor_dd(n);
        coef = two_sum(n, 0.5);
    } else {
        lg = lgamma_dd(n);
        coef = two_sum(n, -0.5);
    }
    dd t = two_sum(n, -LN_SQRT_2PI_HI);
    t.lo -= LN_SQRT_2PI_LO;
    return dd_add(dd_sub(lg, dd_mul(coef, log_fast_dd(n))), t);
}

#define ATANH_V_MAX 0.0625 /* |v| of the atanh series in bd0 and log1pmx */

/* a / b for a double a and a double-double b, as a double-double (error ~2^-104) */
static inline dd quotient_dd(double a, dd b)
{
    double q = a / b.hi;
    dd p = two_prod(q, b.hi);
    return (dd){q, (((a - p.hi) - p.lo) - q * b.lo) / b.hi}; /* a - p.hi exact (Sterbenz) */
}

/* f w S(w) for a double f and w = v^2 <= 1/256, S(w) = (atanh(v)/v - 1)/w = 1/3 + w/5 + ...:
 * f w/3 in double-double, f w^2 (1/5 + w/7 + ...) in double (its ~3 roundings are 2^-60 of
 * the whole at w = 1/256, and the whole is at most 1/24 of bd0 and of log1pmx: 2^-64.6) */
static dd scaled_w_atanh_tail_dd(double f, dd w)
{
    dd fw = two_prod(f, w.hi);
    fw.lo += f * w.lo;
    double rest = fw.hi * w.hi * poly_eval(atanh_tail + 1, ATANH_TAIL_DEGREE - 1, w.hi);
    dd t = two_prod(fw.hi, atanh_tail[0]);
    t.lo += fw.hi * atanh_tail_lo[0] + fw.lo * atanh_tail[0] + rest;
    return t;
}

/* v^2 for a double-double v */
static inline dd square_dd(dd v)
{
    dd w = two_prod(v.hi, v.hi);
    w.lo += 2 * v.hi * v.lo;
    return w;
}

/* log(a / b) for positive finite a, b: the quotient and its exact remainder where the
 * quotient is normal (the remainder is inexact only where a is subnormal, and then a log(a/b)
 * is below 2^-1000 b in bd0), else numerics' log_ratio_dd */
static dd log_quotient_dd(double a, double b)
{
    double q = a / b;
    if (!(q > 0x1p-1000 && q < 0x1p1000))
        return log_ratio_dd(a, b);
    dd l = log_fast_dd(q);
    /* log(1 + r/(q b)), r the remainder, to first order; q b = a but for rounding */
    return fast_two_sum(l.hi, l.lo + exact_remainder(a, q, b) / a);
}

/* bd0(x, np) / s for s = 2^k, x >= 0, 0 < np, both finite, with xs = x / s and nps = np / s:
 * max(xs, nps) in [2^-900, 2^1000], so that neither the series nor x log(x/np) overflows,
 * and the series' values stay normal. Where s > 1 the smaller of xs and nps may have lost
 * digits (is negligible in bd0 then), so the log of the ratio is taken from x and np. */
static dd bd0_scaled_dd(double x, double np, double xs, double nps, double s)
{
    double d = xs - nps;
    dd sum = two_sum(xs, nps);
    if (fabs(d) <= ATANH_V_MAX * sum.hi) {
        /* x/np in [15/17, 17/15]: d is exact (Sterbenz); v = d/sum, bd0 = v (d + 2x w S(w)) */
        dd v = quotient_dd(d, sum);
        dd t = scaled_w_atanh_tail_dd(2 * xs, square_dd(v));
        dd inner = two_sum(d, t.hi);
        inner.lo += t.lo;
        return dd_mul(v, inner);
    }
    dd l = s > 1 ? log_quotient_dd(x, np) : log_quotient_dd(xs, nps);
    dd xl = two_prod(xs, l.hi);
    xl.lo += xs * l.lo;
    return dd_add(xl, dd_neg(two_sum(xs, -nps))); /* x log(x/np) + (np - x) */
}

dd bd0_dd(double x, double np)
{
    if (isnan(x) || isnan(np) || x < 0 || np <= 0)
        return dd_nan;
    if (x == 0)
        return (dd){np, 0};
    if (isinf(x) || isinf(np))
        return isinf(x) && isinf(np) ? dd_nan : dd_inf;
    double m = fmax(x, np);
    if (m > 0x1p1000) {
        dd r = bd0_scaled_dd(x, np, x * 0x1p-100, np * 0x1p-100, 0x1p100);
        double hi = r.hi * 0x1p100;
        return isfinite(hi) ? (dd){hi, r.lo * 0x1p100} : dd_inf;
    }
    if (m < 0x1p-900) {
        dd r = bd0_scaled_dd(x, np, x * 0x1p200, np * 0x1p200, 0x1p-200);
        double hi = r.hi * 0x1p-200;
        if (hi >= 0x1p-1022)
            return (dd){hi, r.lo * 0x1p-200};
        return (dd){scaled_subnormal(r, 0x1p-200), 0};
    }
    return bd0_scaled_dd(x, np, x, np, 1);
}

dd log1pmx_dd(double x)
{
    if (!(x >= -1)) /* NaN, below -1 */
        return dd_nan;
    if (x == -1 || isinf(x)) /* -1, +Inf */
        return (dd){-INFINITY, 0};
    dd s = two_sum(2, x);
    if (fabs(x) <= ATANH_V_MAX * s.hi) {
        /* u = x/(2 + x), log(1 + x) - x = u (2 u^2 S(u^2) - x) */
        dd u = quotient_dd(x, s);
        dd t = scaled_w_atanh_tail_dd(2, square_dd(u));
        dd inner = two_sum(-x, t.hi);
        inner.lo += t.lo;
        return dd_mul(u, inner);
    }
    /* log(1 + x) = log(r) + log(1 + c), r = 1 + x rounded, c = (1 + x - r)/r (|c| <= 2^-53);
     * |log(1 + x)| >= 0.12 here and at most ~4 bits cancel, so log_fast_dd's absolute
     * 2^-78 is enough */
    dd r = two_sum(1, x);
    dd l = log_fast_dd(r.hi);
    double c = r.lo / r.hi;
    dd y = two_sum(l.hi, -x);
    y.lo += l.lo + c;
    return fast_two_sum(y.hi, y.lo);
}
