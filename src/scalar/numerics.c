/* Shared scalar numerics that are too long to inline. */
#define VD_NUMERICS_TABLES_DEFINE
#include "numerics.h"

/* The double-double exp and log are table driven (tools/gen_numerics_tables.py): the
 * reduced argument is below 2^-8.4, so a short series reaches 2^-100, with only its leading
 * Horner steps in double-double. Relative error about 2^-100: log densities cancel terms
 * of ~1e15 times the result, and Weibull's (x/scale)^shape amplifies log x - log scale.
 * The _fast variants stop the double-double steps at the square (about 2^-75) for callers
 * whose condition numbers are small. */

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

/* x = 2^*k m with m in [sqrt(1/2), sqrt(2)), and u = m r - 1 exactly as a double-double
 * (|u| <= 2^-8.4) for r the table row's, returned in *row */
static dd log_reduce(double x, int *k, const double **row)
{
    double m = frexp(x, k);
    if (m < 0x1.6a09e667f3bcdp-1) { /* sqrt(1/2) */
        m *= 2;
        *k -= 1;
    }
    /* the clamp only matters for inputs outside the domain (0, Inf, NaN: a wrong value,
     * never a read outside the table) */
    double j = m * 256 + 0.5;
    j = j >= LOG_TABLE_FIRST ? j : LOG_TABLE_FIRST;
    *row = log_table[(j <= LOG_TABLE_FIRST + 181 ? (int)j : LOG_TABLE_FIRST + 181) - LOG_TABLE_FIRST];
    dd mr = two_prod(m, (*row)[0]);
    return two_sum(mr.hi - 1, mr.lo); /* mr.hi - 1 is exact (Sterbenz) */
}

/* log(x) = k ln 2 - log(r) + log(m r) from log_reduce */
dd log_dd(double x)
{
    int k;
    const double *row;
    dd u = log_reduce(x, &k, &row);
    dd k_ln2 = two_prod(k, LN2_DD_HI);
    k_ln2.lo += k * LN2_DD_LO;
    return dd_add(dd_add(k_ln2, (dd){row[1], row[2]}), log1p_small(u));
}

/* The same with log(1 + u) = u - u^2/2 + u^3 (1/3 - ...) in double past the exact square:
 * absolute error about 2^-78 (relative near x = 1) */
dd log_fast_dd(double x)
{
    int k;
    const double *row;
    dd u = log_reduce(x, &k, &row);
    dd sq = two_prod(u.hi, u.hi);
    double tail = u.hi * sq.hi * poly_eval(log1p_tail_coeffs, 7, u.hi) +
                  u.lo * (1 - u.hi);
    dd a = two_sum(k * LN2_HI, row[1]); /* k LN2_HI is exact */
    dd s1 = two_sum(a.hi, u.hi);
    dd s2 = two_sum(s1.hi, -0.5 * sq.hi);
    return two_sum(s2.hi, s1.lo + s2.lo + (a.lo + k * LN2_LO + row[2]) - 0.5 * sq.lo + tail);
}

dd log_ratio_dd(double a, double b)
{
    int ea, eb;
    double ma = frexp(a, &ea), mb = frexp(b, &eb);
    dd la = log_dd(ma), lb = log_dd(mb);
    double k = ea - eb;
    dd kl = two_prod(k, LN2_DD_HI); /* |k| reaches 2098: exact product, not LN2_HI's split */
    /* la.hi - lb.hi exactly: rounded, it cost up to 2^-54 absolute, 2^-63 of a log ratio of
     * 700 (bd0 with a subnormal np) */
    dd m = two_sum(la.hi, -lb.hi);
    dd s = two_sum(kl.hi, m.hi);
    return two_sum(s.hi, s.lo + m.lo + kl.lo + (la.lo - lb.lo) + k * LN2_DD_LO);
}

/* x = n ln2/256 + r, |r| <= ln2/512 (r a double-double), n = 256 *k + *j, 0 <= *j < 256 */
static dd exp_reduce(dd x, int *k, int *j)
{
    double n = (x.hi * 0x1.71547652b82fep8 + 0x1.8p52) - 0x1.8p52; /* round(x 256/ln 2) */
    long n_int = (long)n;
    *j = (int)(n_int & 255);
    *k = (int)((n_int - *j) / 256);
    /* n times the first two parts is exact and x.hi - n part1 is exact (Sterbenz) */
    dd r = two_sum(x.hi - n * EXP_LN2_256_1, -n * EXP_LN2_256_2);
    r.lo += x.lo - n * EXP_LN2_256_3;
    return r;
}

/* 2^(j/256) (1 + em) as a double-double */
static dd exp_from_table(int j, dd em)
{
    double t_hi = exp2_table[j][0], t_lo = exp2_table[j][1];
    dd p = two_prod(t_hi, em.hi);
    dd e = two_sum(t_hi, p.hi);
    e.lo += p.lo + t_hi * em.lo + t_lo * (1 + em.hi);
    return two_sum(e.hi, e.lo);
}

/* exp(x) = 2^(n/256) exp(r): 2^(j/256) from the table, exp(r) = 1 + expm1_small(r) */
dd exp_dd_scaled(dd x, int *k)
{
    int j;
    dd r = exp_reduce(x, k, &j);
    return exp_from_table(j, expm1_small(r));
}

/* The same with expm1(r) = r + r^2/2 + r^3 (1/6 + ...) in double past the exact square:
 * relative error about 2^-73 */
dd exp_fast_dd_scaled(dd x, int *k)
{
    static const double inverse_factorial_3_to_7[5] = {
        1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040,
    };
    int j;
    dd r = exp_reduce(x, k, &j);
    dd sq = two_prod(r.hi, r.hi);
    dd em = two_sum(r.hi, 0.5 * sq.hi);
    em.lo += 0.5 * sq.lo + r.lo * (1 + r.hi) +
             r.hi * sq.hi * poly_eval(inverse_factorial_3_to_7, 4, r.hi);
    return exp_from_table(j, em);
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
