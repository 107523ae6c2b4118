/* Shared scalar numerics: double-double arithmetic and polynomial evaluation.
 * Internal to vdist; every family uses these instead of its own copies. */
#ifndef VDIST_NUMERICS_H
#define VDIST_NUMERICS_H

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Public scalar functions return this: libm may set errno (ERANGE on underflow), and vdist
 * promises to leave errno as the caller had it. */
#define RETURN_KEEPING_ERRNO(expr)                                                             \
    do {                                                                                       \
        int saved_errno_ = errno;                                                              \
        double result_ = (expr);                                                               \
        errno = saved_errno_;                                                                  \
        return result_;                                                                        \
    } while (0)

/* The public vd_d/p/q<family> of a family with one or two parameters (named a, b): its
 * d/p/q<family>_checked functions with errno kept. */
#define VD_PUBLIC_SCALAR_FAMILY1(family, a)                                                    \
    double vd_d##family(double x, double a, int give_log)                                      \
    { RETURN_KEEPING_ERRNO(d##family##_checked(x, a, give_log)); }                             \
    double vd_p##family(double q, double a, int lower_tail, int log_p)                         \
    { RETURN_KEEPING_ERRNO(p##family##_checked(q, a, lower_tail, log_p)); }                    \
    double vd_q##family(double p, double a, int lower_tail, int log_p)                         \
    { RETURN_KEEPING_ERRNO(q##family##_checked(p, a, lower_tail, log_p)); }
#define VD_PUBLIC_SCALAR_FAMILY2(family, a, b)                                                 \
    double vd_d##family(double x, double a, double b, int give_log)                            \
    { RETURN_KEEPING_ERRNO(d##family##_checked(x, a, b, give_log)); }                          \
    double vd_p##family(double q, double a, double b, int lower_tail, int log_p)               \
    { RETURN_KEEPING_ERRNO(p##family##_checked(q, a, b, lower_tail, log_p)); }                 \
    double vd_q##family(double p, double a, double b, int lower_tail, int log_p)               \
    { RETURN_KEEPING_ERRNO(q##family##_checked(p, a, b, lower_tail, log_p)); }

/* a * b + c for polynomial evaluation: fused where the hardware has fma (FP_FAST_FMA: the
 * aarch64 baseline, or x86-64 built with -mfma); elsewhere two roundings, since a libm fma()
 * call per Horner step would cost more than the whole Rmath function. Where exactness
 * matters two_prod below is exact either way. */
#ifdef FP_FAST_FMA
#define MUL_ADD(a, b, c) fma(a, b, c)
#else
#define MUL_ADD(a, b, c) ((a) * (b) + (c))
#endif

/* An unevaluated sum hi + lo with |lo| <= ulp(hi)/2: about 106 bits of precision. */
typedef struct {
    double hi, lo;
} dd;

/* a + b exactly (Knuth). */
static inline dd two_sum(double a, double b)
{
    double s = a + b;
    double bb = s - a;
    double err = (a - (s - bb)) + (b - bb);
    return (dd){s, err};
}

/* a + b exactly for |a| >= |b| or a = 0 (Dekker's fast two-sum). */
static inline dd fast_two_sum(double a, double b)
{
    double s = a + b;
    return (dd){s, b - (s - a)};
}

/* a * b exactly: fma where the hardware has it, else Dekker's splitting (inline, exact while
 * nothing overflows or underflows; outside that range a libm fma() call). */
static inline dd two_prod(double a, double b)
{
    double p = a * b;
#ifndef FP_FAST_FMA
    double ap = fabs(p);
    if (fabs(a) < 0x1p995 && fabs(b) < 0x1p995 && ap < 0x1p995 && ap > 0x1p-960) {
        const double split = 0x1p27 + 1;
        double ca = split * a, cb = split * b;
        double ah = ca - (ca - a), al = a - ah, bh = cb - (cb - b), bl = b - bh;
        return (dd){p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
    }
#endif
    return (dd){p, fma(a, b, -p)};
}

/* n - q c exactly, for q a rounded quotient n / c (the remainder is representable). */
static inline double exact_remainder(double n, double q, double c)
{
    dd p = two_prod(q, c);
    return (n - p.hi) - p.lo;
}

/* Double-double + double-double (accurate version, relative error ~2^-104). */
static inline dd dd_add(dd a, dd b)
{
    dd s = two_sum(a.hi, b.hi);
    dd t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return two_sum(s.hi, s.lo);
}

static inline dd dd_neg(dd a) { return (dd){-a.hi, -a.lo}; }
static inline dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

/* Double-double * double-double (relative error ~2^-102). */
static inline dd dd_mul(dd a, dd b)
{
    dd p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return two_sum(p.hi, p.lo);
}

/* Double-double / double-double (relative error ~2^-100). */
static inline dd dd_div(dd a, dd b)
{
    double q1 = a.hi / b.hi;
    dd r = dd_add(a, dd_mul((dd){-q1, 0}, b));
    double q2 = r.hi / b.hi;
    return two_sum(q1, q2);
}

/* Horner evaluation of c[0] + c[1] t + ... + c[degree] t^degree. */
static inline double poly_eval(const double *c, int degree, double t)
{
    double r = c[degree];
    for (int i = degree - 1; i >= 0; i--)
        r = MUL_ADD(r, t, c[i]);
    return r;
}

/* c[0] + c[1] t + ... + c[degree] t^degree as E(t^2) + t O(t^2): two Horner chains of half
 * the length, for long polynomials whose latency (not their flops) is the cost. */
static inline double poly_eval_even_odd(const double *c, int degree, double t)
{
    double t2 = t * t;
    int top_odd = degree & 1 ? degree : degree - 1;
    int top_even = degree & 1 ? degree - 1 : degree;
    double odd = top_odd >= 1 ? c[top_odd] : 0, even = c[top_even];
    for (int i = top_odd - 2; i >= 1; i -= 2)
        odd = MUL_ADD(odd, t2, c[i]);
    for (int i = top_even - 2; i >= 0; i -= 2)
        even = MUL_ADD(even, t2, c[i]);
    return MUL_ADD(odd, t, even);
}

/* Horner with the coefficients c[0], c[stride], ... and the constant term as the
 * double-double c[0] + c0_lo; the last step is exact, so the result carries the rounding
 * of the higher-order part only (a fraction of an ULP when |t| is small). */
static inline dd poly_eval_dd(const double *c, int stride, int degree, double c0_lo, double t)
{
    /* c[1] + c[2] t + ... as E(t^2) + t O(t^2): two chains of half the latency */
    double t2 = t * t;
    int top_odd = degree & 1 ? degree : degree - 1; /* highest odd and even indices */
    int top_even = degree & 1 ? degree - 1 : degree;
    double odd = c[top_odd * stride], even = top_even >= 2 ? c[top_even * stride] : 0;
    for (int i = top_odd - 2; i >= 1; i -= 2)
        odd = MUL_ADD(odd, t2, c[i * stride]);
    for (int i = top_even - 2; i >= 2; i -= 2)
        even = MUL_ADD(even, t2, c[i * stride]);
    double r = MUL_ADD(even, t, odd); /* c[1] + c[2] t + c[3] t^2 + ... */
    dd p = two_prod(r, t);
    dd s = two_sum(c[0], p.hi);
    return two_sum(s.hi, s.lo + p.lo + c0_lo);
}

/* c + t l for a double t and double-doubles c = c_hi + c_lo and l: one Horner step of a
 * series whose leading terms need more than a double's precision (numerics.c's exp and log,
 * specfun.c's series) */
static inline dd horner_step_dd(double c_hi, double c_lo, double t, dd l)
{
    dd p = two_prod(t, l.hi);
    dd s = two_sum(c_hi, p.hi);
    s.lo += c_lo + p.lo + t * l.lo;
    return two_sum(s.hi, s.lo);
}

/* p(s) and its derivative p'(s) by Horner. */
static inline double poly_eval_deriv(const double *c, int degree, double s, double *deriv)
{
    double p = c[degree], d = 0;
    for (int i = degree - 1; i >= 0; i--) {
        d = MUL_ADD(d, s, p);
        p = MUL_ADD(p, s, c[i]);
    }
    *deriv = d;
    return p;
}

/* (a - b) / c as a double-double: the quotient keeps the digits that rounding
 * a - b or the quotient would lose. Non-finite intermediate values come out as in plain
 * double arithmetic. */
static inline dd div_diff_dd(double a, double b, double c)
{
    if (fabs(c) < 0x1p-900 && fabs(a) < 0x1p800 && fabs(b) < 0x1p800) {
        /* keep the remainder out of the subnormal range, where it would not be exact */
        a *= 0x1p200, b *= 0x1p200, c *= 0x1p200;
    }
    dd d = two_sum(a, -b);
    double qh = d.hi / c;
    if (!isfinite(qh) || qh == 0)
        return (dd){qh, 0};
    double r = exact_remainder(d.hi, qh, c);
    return (dd){qh, (r + d.lo) / c};
}

/* log(x) as a double-double, x > 0 finite (subnormal too): relative error about 2^-100. */
dd log_dd(double x);

/* log(1 + t) = t - t^2/2 + t^3 P(t): P's Taylor coefficients 1/3, -1/4, ..., -1/10
 * (truncation below 2^-90 for |t| <= 2^-8.4; log_fast_dd and the Weibull kernels) */
static const double log1p_tail_coeffs[8] = {
    1.0 / 3, -1.0 / 4, 1.0 / 5, -1.0 / 6, 1.0 / 7, -1.0 / 8, 1.0 / 9, -1.0 / 10,
};

/* log(x) as log_dd, absolute error about 2^-78 (relative near x = 1), about half the cost. */
dd log_fast_dd(double x);

/* log(a / b) for positive finite a, b, from the logs of their mantissas: for quotients that
 * would lose bits as a double (subnormal) or overflow. */
dd log_ratio_dd(double a, double b);

/* exp(x) - 1 as a double-double for x <= 709, tiny and subnormal x included: relative error
 * about 2^-100. */
dd expm1_dd(dd x);

/* exp(x.hi + x.lo) = 2^*k (hi + lo), hi + lo in [0.99, 2), relative error about 2^-100, for
 * |x.hi| <= 2000. */
dd exp_dd_scaled(dd x, int *k);

/* exp_dd_scaled to a relative error of about 2^-73, about half the cost. */
dd exp_fast_dd_scaled(dd x, int *k);

/* exp(-t) as a double-double for t >= 0 (rounded once where subnormal; 0 beyond t = 1500). */
dd exp_neg_dd(dd t);

/* log(1 + y) as a double-double for y > -1. */
dd log1p_dd(double y);

/* location + scale c with one rounding of the sum, for a quantile location + scale z whose
 * location may cancel part of scale z; an infinite or NaN location or scale c gives the
 * plain sum (Rmath's infinite and NaN results). */
static inline double loc_scale_sum(double location, double scale, dd c)
{
    dd p = two_prod(scale, c.hi);
    if (!isfinite(p.hi) || !isfinite(location))
        return location + p.hi;
    dd s = two_sum(location, p.hi);
    return s.hi + (s.lo + (p.lo + scale * c.lo));
}

/* 2^k as a double for integral k in [-1022, 1023] (no libm call). */
static inline double pow2i(int k)
{
    uint64_t bits = (uint64_t)(k + 1023) << 52;
    double r;
    memcpy(&r, &bits, sizeof r);
    return r;
}

/* The tables of the double-double exp and log (also read by SIMD kernels). */
#include "numerics_tables.h"

/* ln 2 as a double-double accurate to 2^-110 */
#define LN2_DD_HI 0x1.62e42fefa39efp-1
#define LN2_DD_LO 0x1.abc9e3b39803fp-56
/* ln 2 split so that k * LN2_HI is exact for |k| < 2^11. */
#define LN2_HI 0x1.62e42fefa3800p-1
#define LN2_LO 0x1.ef35793c76730p-45
/* log(sqrt(2 pi)) and 1/sqrt(2 pi) as double-doubles. */
#define LN_SQRT_2PI_HI 0x1.d67f1c864beb5p-1
#define LN_SQRT_2PI_LO -0x1.65b5a1b7ff5dfp-55
#define SQRT_2PI_HI 0x1.40d931ff62706p+1
#define SQRT_2PI_LO -0x1.a6a0d6f814637p-53
#define SQRT2_HI 0x1.6a09e667f3bcdp+0
#define SQRT2_LO -0x1.bdd3413b26456p-54
#define INV_SQRT_2PI 0x1.9884533d43651p-2
#define INV_SQRT_2PI_LO -0x1.cbc0d30ebfd15p-56

#endif
