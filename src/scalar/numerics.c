/* Shared scalar numerics that are too long to inline. */
#include "numerics.h"

/* The double-double exp and log are table driven (tools/gen_numerics_tables.py): the
 * reduced argument is below 2^-8.4, so a short series reaches 2^-100, with only its leading
 * Horner steps in double-double. Relative error about 2^-100: log densities cancel terms
 * of ~1e15 times the result, and Weibull's (x/scale)^shape amplifies log x - log scale. */
#include "numerics_tables.h"

/* c + t l for a double t and double-doubles c = c_hi + c_lo and l: one Horner step of a
 * series whose leading terms need more than a double's precision */
static inline dd horner_step_dd(double c_hi, double c_lo, double t, dd l)
{
    dd p = two_prod(t, l.hi);
    dd s = two_sum(c_hi, p.hi);
    s.lo += c_lo + p.lo + t * l.lo;
    return two_sum(s.hi, s.lo);
}

/* expm1(r) for |r.hi| <= ln2/512 (plus a little): r (1 + r/2 + r^2/6 + r^3/24 + r^4 h(r)),
 * h (1/5! to 1/9!, r^9/10! < 2^-107 r) in double and the steps above it in double-double;
 * r.lo enters through the derivative e^r = 1 + expm1(r) */
static dd expm1_small(dd r)
{
    static const double inverse_factorial_5_to_9[5] = {
        1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320, 1.0 / 362880,
    };
    double t = r.hi;
    dd s = {poly_eval(inverse_factorial_5_to_9, 4, t), 0};
    s = horner_step_dd(0x1.5555555555555p-5, 0x1.5555555555555p-59, t, s); /* 1/24 */
    s = horner_step_dd(0x1.5555555555555p-3, 0x1.5555555555555p-57, t, s); /* 1/6 */
    s = horner_step_dd(0.5, 0, t, s);
    s = horner_step_dd(1, 0, t, s);
    s = horner_step_dd(0, 0, t, s);
    s.lo += r.lo * (1 + s.hi);
    return two_sum(s.hi, s.lo);
}

/* log(1 + u) for |u.hi| <= 2^-8.4: u (1 - u (1/2 - u (1/3 - u (1/4 - u (1/5 - u g(u)))))),
 * g (1/6 to 1/13, u^13/13 < 2^-100 u) in double and the steps above it in double-double; u.lo enters
 * through the derivative 1/(1 + u) */
static dd log1p_small(dd u)
{
    static const double alternating_inverse_6_to_13[8] = {
        1.0 / 6, -1.0 / 7, 1.0 / 8, -1.0 / 9, 1.0 / 10, -1.0 / 11, 1.0 / 12, -1.0 / 13,
    };
    double t = u.hi;
    dd s = {poly_eval(alternating_inverse_6_to_13, 7, t), 0};
    s = horner_step_dd(0.2, -0x1.999999999999ap-57, -t, s); /* 1/5 */
    s = horner_step_dd(0.25, 0, -t, s);
    s = horner_step_dd(0x1.5555555555555p-2, 0x1.5555555555555p-56, -t, s); /* 1/3 */
    s = horner_step_dd(0.5, 0, -t, s);
    s = horner_step_dd(1, 0, -t, s);
    s = horner_step_dd(0, 0, t, s);
    s.lo += u.lo / (1 + t);
    return two_sum(s.hi, s.lo);
}

/* log(x) = k ln 2 - log(r) + log(m r), x = 2^k m with m in [sqrt(1/2), sqrt(2)) and r from
 * the table: m r is exact as a double-double and within 2^-8.4 of 1. */
dd log_dd(double x)
{
    int k;
    double m = frexp(x, &k);
    if (m < 0x1.6a09e667f3bcdp-1) { /* sqrt(1/2) */
        m *= 2;
        k -= 1;
    }
    const double *entry = log_table[(int)(m * 256 + 0.5) - LOG_TABLE_FIRST];
    dd mr = two_prod(m, entry[0]);
    dd u = two_sum(mr.hi - 1, mr.lo); /* mr.hi - 1 is exact (Sterbenz) */
    dd k_ln2 = two_prod(k, LN2_DD_HI);
    k_ln2.lo += k * LN2_DD_LO;
    return dd_add(dd_add(k_ln2, (dd){entry[1], entry[2]}), log1p_small(u));
}

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

/* exp(x) = 2^(n/256) exp(r), n = round(256 x / ln 2), |r| <= ln2/512: 2^(j/256) from the
 * table for j = n mod 256 and exp(r) = 1 + expm1_small(r). */
dd exp_dd_scaled(dd x, int *k)
{
    double n = (x.hi * 0x1.71547652b82fep8 + 0x1.8p52) - 0x1.8p52; /* round(x 256/ln 2) */
    long n_int = (long)n;
    int j = (int)(n_int & 255);
    *k = (int)((n_int - j) / 256);
    /* n times the first two parts is exact and x.hi - n part1 is exact (Sterbenz) */
    dd r = two_sum(x.hi - n * EXP_LN2_256_1, -n * EXP_LN2_256_2);
    r.lo += x.lo - n * EXP_LN2_256_3;
    dd em = expm1_small(r);
    double t_hi = exp2_table[j][0], t_lo = exp2_table[j][1];
    dd p = two_prod(t_hi, em.hi);
    dd e = two_sum(t_hi, p.hi);
    e.lo += p.lo + t_hi * em.lo + t_lo * (1 + em.hi);
    return two_sum(e.hi, e.lo);
}

/* expm1 near 0 from the series (no cancellation); beyond, 2^k e - 1 from exp_dd_scaled,
 * where the result is at least ln2/512 in size, so the subtraction costs nothing. */
dd expm1_dd(dd x)
{
    if (fabs(x.hi) <= 0x1.62e42fefa39efp-10) /* ln2/512 */
        return expm1_small(x);
    int k;
    dd e = exp_dd_scaled(x, &k);
    if (k < -200) /* e^x < 2^-199: -1 + e^x */
        return two_sum(-1, ldexp(e.hi, k));
    return dd_add((dd){-1, 0}, (dd){ldexp(e.hi, k), ldexp(e.lo, k)});
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
