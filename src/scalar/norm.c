/* Normal distribution: scalar reference (the accuracy oracle for the SIMD kernels).
 *
 * Everything is built on the upper tail Q(x) = 1 - Phi(x), x >= 0, written as
 *     Q(x) = exp(-x^2/2) R(x),
 * with R (a scaled Mills ratio, smooth and slowly varying) from the polynomial pieces of
 * norm_coeffs.h. x^2/2 is split exactly (hs + ls) so exp() sees no rounded argument, and
 * z = (x - mu)/sigma is carried as a double-double: at |z| = 30 a rounded z would cost
 * z^2 * 2^-53 relative, hundreds of ULP.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "norm_coeffs.h"
#include "norm_as241.h"
#include "norm_internal.h"
#include "params.h"

int norm_params_regular(const double *param) { return loc_scale_regular(param[0], param[1]); }

/* R(x) = Q(x) exp(x^2/2) for x >= 0, as a double-double (the pieces' constants are
 * double-doubles and their last Horner step is exact). */
static dd mills_r_dd(double x)
{
    if (x <= 4) {
        int k = x < 1 ? 0 : x < 2 ? 1 : x < 3 ? 2 : 3;
        return poly_eval_dd(&norm_r_piece[0][k], 4, NORM_R_PIECE_DEGREE, norm_r_piece_c0_lo[k],
                            x - norm_r_piece_centre[k]);
    }
    /* R = S(1/x^2) / x; x*x = inf sends v to 0, where S is exact enough */
    dd s = poly_eval_dd(norm_r_far, 1, NORM_R_FAR_DEGREE, norm_r_far_c0_lo, 1 / (x * x));
    double rh = s.hi / x;
    return (dd){rh, (exact_remainder(s.hi, rh, x) + s.lo) / x};
}

dd norm_mills_r_dd(double x)
{
    return mills_r_dd(x);
}

static double norm_mills_r(double x)
{
    return mills_r_dd(x).hi;
}

/* Q(xh + xl) for xh >= 0, |xl| <= ulp(xh): with x^2/2 = hs + ls exactly,
 *     log Q = -hs - ls + log R(xh) - xl/sqrt(2 pi)/R(xh)   (first order in xl; xl^2 is
 *                                                           below 2^-100 relative)
 * and, where Q is representable (hs < 746, so ls and xl xh are below 2^-40),
 *     Q = exp(-hs) (R - R ls - xl/sqrt(2 pi)). */
static double pnorm_standard(double wh, double wl, int log_p)
{
    int lower = wh <= 0;
    double xh = lower ? -wh : wh, xl = lower ? -wl : wl;
    double half = 0.5 * xh;
    double hs = xh * half;
    double ls = two_prod(xh, half).lo;
    dd r = mills_r_dd(xh);
    if (lower && log_p) {
        if (!isfinite(hs))
            return -INFINITY;
        dd s = two_sum(-hs, log(r.hi));
        return s.hi + (s.lo + ((r.lo - INV_SQRT_2PI * xl) / r.hi - ls));
    }
    if (hs > 800) /* Q = 0. log(1 - Q) is -0 (Q > 0 underflowed), as Rmath has it up to its
                   * cut-off at 1e170, where it takes +0 (R_D__1) */
        return lower ? 0.0 : (log_p ? (xh < 1e170 ? -0.0 : 0.0) : 1.0);
    dd m = two_sum(r.hi, r.lo - MUL_ADD(r.hi, ls, INV_SQRT_2PI * xl));
    double e = exp(-hs);
    dd q = two_prod(e, m.hi);
    q.lo += e * m.lo;
    if (lower)
        return q.hi + q.lo;
    if (log_p) /* log(1 - q) */
        return log1p(-q.hi) - q.lo / (1 - q.hi);
    return (1 - q.hi) - q.lo; /* 1 - q.hi is exact when it matters (q >= 1/4) */
}

/* R_DT_0 / R_DT_1 of Rmath: the value at the lower / upper end of the support. */
static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

static double pnorm_checked(double q, double mu, double sigma, int lower_tail, int log_p)
{
    if (isnan(q) || isnan(mu) || isnan(sigma))
        return q + mu + sigma;
    if (!isfinite(q) && mu == q)
        return NAN; /* x - mu is NaN */
    if (sigma <= 0) {
        if (sigma < 0)
            return NAN;
        return q < mu ? dt_0(lower_tail, log_p) : dt_0(!lower_tail, log_p);
    }
    dd z = div_diff_dd(q, mu, sigma);
    if (!isfinite(z.hi))
        return q < mu ? dt_0(lower_tail, log_p) : dt_0(!lower_tail, log_p);
    if (!lower_tail)
        z = (dd){-z.hi, -z.lo};
    return pnorm_standard(z.hi, z.lo, log_p);
}

/* log(sigma sqrt(2 pi)) as a double-double. For sigma >= 1 it is positive like the z^2/2
 * it is added to, so a double log(sigma) suffices; below 1 the two can cancel. */
static dd log_sigma_sqrt_2pi(double sigma)
{
    dd c = {LN_SQRT_2PI_HI, LN_SQRT_2PI_LO};
    if (sigma == 1)
        return c;
    dd ls = sigma > 1 ? (dd){log(sigma), 0} : log_dd(sigma);
    return dd_add(ls, c);
}

double norm_log_sigma_sqrt_2pi_hi(double sigma, double *lo)
{
    dd l = log_sigma_sqrt_2pi(sigma);
    *lo = l.lo;
    return l.hi;
}

static double dnorm_checked(double x, double mu, double sigma, int give_log)
{
    double d0 = give_log ? -INFINITY : 0.0;
    if (isnan(x) || isnan(mu) || isnan(sigma))
        return x + mu + sigma;
    if (sigma < 0)
        return NAN;
    if (!isfinite(sigma))
        return d0;
    if (!isfinite(x) && mu == x)
        return NAN;
    if (sigma == 0)
        return x == mu ? INFINITY : d0;
    dd z = div_diff_dd(x, mu, sigma);
    if (!isfinite(z.hi))
        return d0;
    if (z.hi < 0)
        z = (dd){-z.hi, -z.lo};
    double half = 0.5 * z.hi;
    double hs = z.hi * half;
    if (!isfinite(hs) || (!give_log && hs > 1500))
        return d0; /* e^-1500 / DBL_TRUE_MIN rounds to 0 */
    /* z^2/2 = hs + c to ~2^-106 */
    double c = two_prod(z.hi, half).lo + z.hi * z.lo;
    if (give_log) {
        dd l = log_sigma_sqrt_2pi(sigma);
        dd s = two_sum(-hs, -l.hi);
        return s.hi + (s.lo - c - l.lo);
    }
    /* phi0 exp(-hs - c) / sigma: directly when exp and 1/sigma stay well inside the normal
     * range and so does the result, ... */
    if (hs <= 700 && sigma >= 0x1p-1000 && sigma <= 0x1p1000) {
        double kh = INV_SQRT_2PI / sigma;
        double kl = (exact_remainder(INV_SQRT_2PI, kh, sigma) + INV_SQRT_2PI_LO) / sigma;
        double ey = exp(-hs);
        dd d = two_prod(ey, kh);
        double r = d.hi + (d.lo + ey * MUL_ADD(kh, -c, kl));
        if (r >= 0x1p-1000)
            return r;
    }
    /* ... else with sigma = f 2^e, f in [1/2, 1): exp() stays in the normal range (2^-k
     * scaled out when hs > 700) and one ldexp rounds at the end. */
    int e;
    double f = frexp(sigma, &e);
    int k = 0;
    double y = -hs, yl = -c;
    if (hs > 700) {
        k = (int)(hs * 0x1.71547652b82fep0) - 60; /* hs / ln 2 - 60 */
        dd t = two_sum(-hs, k * LN2_HI);
        y = t.hi;
        yl = t.lo - c + k * LN2_LO;
    }
    double kh = INV_SQRT_2PI / f;
    double kl = (exact_remainder(INV_SQRT_2PI, kh, f) + INV_SQRT_2PI_LO) / f; /* phi0/f = kh + kl */
    double ey = exp(y);
    dd d = two_prod(ey, kh);
    d.lo += ey * MUL_ADD(kh, yl, kl);
    return ldexp(d.hi + d.lo, -e - k);
}

/* ---- quantile ---------------------------------------------------------------------------
 * Central region: AS 241 directly. Tails: the AS 241 tail formula (or, beyond its range, the
 * asymptotic log Q(w) ~ -w^2/2 - log(w sqrt(2 pi))) as a start, then Newton on the accurate
 * Q, in probability space while P is a normal double (the residual Q(w) - P then costs no
 * digits) and in log space otherwise. */

/* Phi^-1(1/2 + q), |q| <= 0.425: AS 241, then one Newton step on the accurate residual
 * x B(x^2) - q (Phi(x) - 1/2 = x B(x^2)), so AS 241's last-digit error goes away. */
static double as241_central(double q)
{
    double r = AS241_CENTRAL_R - q * q;
    return q * poly_eval(as241_central_num, 7, r) / poly_eval(as241_central_den, 7, r);
}

static dd central_quantile(dd qq)
{
    double q = qq.hi;
    double x = as241_central(q);
    dd s = two_prod(x, x);
    double db;
    poly_eval_deriv(norm_body, NORM_BODY_DEGREE, s.hi, &db);
    dd b = poly_eval_dd(norm_body, 1, NORM_BODY_DEGREE, norm_body_c0_lo, s.hi);
    dd xb = two_prod(x, b.hi);
    double resid = (xb.hi - q) + (xb.lo + (x * (b.lo + db * s.lo) - qq.lo));
    /* d/dx x B(x^2) = phi(x); the step is the low part of the double-double result */
    return two_sum(x, -resid / (b.hi + 2 * s.hi * db));
}

/* Start for w > 0 with log Q(w) = l. */
static double upper_quantile_start(double l)
{
    double r = sqrt(-l);
    if (r <= AS241_TAIL_RMAX) {
        r -= AS241_TAIL_SHIFT;
        return poly_eval(as241_tail_num, 7, r) / poly_eval(as241_tail_den, 7, r);
    }
    /* w^2 = 2a - log(2a) - log(2 pi), a = -l, written so that 2a cannot overflow */
    double a = -l;
    return sqrt(a) * sqrt(2 - (log(a) + 0x1.43f89a3f0edd6p+1) / a); /* log(4 pi) */
}

/* Newton stops once a step is this small relative to w: the next would be ~w^2 step^2. */
#define NEWTON_DONE 0x1p-40

/* w > 0 with log Q(w) = l, for l <= log(0.075). */
static dd norm_upper_quantile_log(double l)
{
    double w = upper_quantile_start(l), w_lo = 0;
    for (int i = 0; i < 16; i++) {
        double half = 0.5 * w, hs = w * half, ls = two_prod(w, half).lo;
        if (!isfinite(hs))
            break;
        double r = norm_mills_r(w);
        dd a = two_sum(-hs, -l); /* exact where it matters: hs ~ -l */
        double resid = a.hi + (a.lo + (log(r) - ls)); /* log Q(w) - l */
        double step = resid * r * (1 / INV_SQRT_2PI); /* -resid / (d/dw log Q) */
        dd next = two_sum(w, step);
        w = next.hi, w_lo = next.lo;
        if (fabs(step) <= NEWTON_DONE * w)
            break;
    }
    return (dd){w, w_lo};
}

/* w > 0 with Q(w) = P, 0 < P <= 0.075. */
static dd norm_upper_quantile(double P)
{
    if (P < DBL_MIN)
        return norm_upper_quantile_log(log(P));
    double w = upper_quantile_start(log(P)), w_lo = 0;
    for (int i = 0; i < 16; i++) {
        double half = 0.5 * w, hs = w * half, ls = two_prod(w, half).lo;
        dd r = mills_r_dd(w);
        double eh = exp(-hs);
        /* Q(w) - P = eh (r - r ls) - P, the product kept exact */
        dd er = two_prod(eh, r.hi);
        double resid = (er.hi - P) + (er.lo + eh * (r.lo - r.hi * ls));
        double step = resid / (INV_SQRT_2PI * eh * (1 - ls)); /* resid / phi(w) */
        dd next = two_sum(w, step);
        w = next.hi, w_lo = next.lo;
        if (fabs(step) <= NEWTON_DONE * w)
            break;
    }
    return (dd){w, w_lo};
}

#define LOG_0_075 -2.5902671654458267 /* log(0.075): AS 241's central region ends */
#define LOG_0_925 -0.07796154146971186 /* log(0.925) */

/* Phi^-1(p), or Phi^-1(exp(p)) with log_p, as a double-double (the last Newton step is the
 * low part: mu + sigma z then keeps its digits when mu cancels part of sigma z); p strictly
 * inside the range. */
static dd qnorm_standard(double p, int log_p)
{
    if (!log_p) {
        dd q = two_sum(p, -0.5); /* below p = 1/4 p - 1/2 is not a double */
        if (fabs(q.hi) <= AS241_SPLIT)
            return central_quantile(q);
        return q.hi < 0 ? dd_neg(norm_upper_quantile(p)) : norm_upper_quantile(1 - p); /* 1 - p exact */
    }
    if (p < LOG_0_075)
        return dd_neg(norm_upper_quantile_log(p));
    if (p > LOG_0_925)
        return norm_upper_quantile(-expm1(p));
    /* exp(p) - 1/2 = expm1(p + ln 2) / 2, in double-double: a rounded q would cost up to
     * 1.4 ULP of the quantile here */
    dd t = two_sum(p, LN2_DD_HI);
    dd q = expm1_dd(two_sum(t.hi, t.lo + LN2_DD_LO));
    return central_quantile((dd){0.5 * q.hi, 0.5 * q.lo});
}

static double qnorm_checked(double p, double mu, double sigma, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(mu) || isnan(sigma))
        return p + mu + sigma;
    if (log_p) {
        if (p > 0)
            return NAN;
        if (p == 0)
            return lower_tail ? INFINITY : -INFINITY;
        if (p == -INFINITY)
            return lower_tail ? -INFINITY : INFINITY;
    } else {
        if (p < 0 || p > 1)
            return NAN;
        if (p == 0)
            return lower_tail ? -INFINITY : INFINITY;
        if (p == 1)
            return lower_tail ? INFINITY : -INFINITY;
    }
    if (sigma < 0)
        return NAN;
    if (sigma == 0)
        return mu;
    dd z = qnorm_standard(p, log_p);
    if (!lower_tail)
        z = dd_neg(z);
    return loc_scale_sum(mu, sigma, z);
}

/* ---- a quantile for exp(mu + sigma z) (lnorm) ---------------------------------------------
 * There an error e in z becomes sigma z e relative in the result, and sigma z reaches ~1400
 * before exp leaves the double range: z must be good to ~1e-19 relative, beyond the
 * polynomial pieces above (their roundings leave ~1e-17). So the quantile gets one more
 * Newton step whose residual comes from series evaluated wholly in double-double. */

/* Phi(x) - 1/2 = phi(x) (x + x^3/3 + x^5/(3 5) + ...) for |x| < 4, and *phi = phi(x), both
 * double-doubles: the terms are all of one sign, so the sum keeps ~1e-30. */
static dd half_centred_dd(dd x, dd *phi)
{
    dd x2 = dd_mul(x, x);
    *phi = dd_mul(exp_neg_dd((dd){0.5 * x2.hi, 0.5 * x2.lo}), (dd){INV_SQRT_2PI, INV_SQRT_2PI_LO});
    dd term = x, sum = x;
    for (int k = 1; k < 200; k++) {
        term = dd_div(dd_mul(term, x2), (dd){2.0 * k + 1, 0});
        sum = dd_add(sum, term);
        if (fabs(term.hi) <= 0x1p-110 * fabs(sum.hi))
            break;
    }
    return dd_mul(*phi, sum);
}

/* log Q(w) as a double-double for 0 < w < 1e150, and *mills = Q(w)/phi(w): for w < 4 from
 * 1/2 - (Phi(w) - 1/2) (at most 5 of the ~31 digits cancel), beyond by Laplace's continued
 * fraction Q/phi = 1/(w + 1/(w + 2/(w + 3/(w + ...)))) (60 terms: < 1e-23 from w = 4 on). */
static dd log_upper_dd(dd w, double *mills)
{
    if (w.hi < 4) {
        dd phi, t = half_centred_dd(w, &phi);
        dd q = dd_add((dd){0.5, 0}, (dd){-t.hi, -t.lo});
        *mills = q.hi / phi.hi;
        dd l = log_dd(q.hi);
        return two_sum(l.hi, l.lo + q.lo / q.hi);
    }
    dd t = {0, 0};
    for (int k = w.hi >= 8 ? 30 : 60; k >= 1; k--)
        t = dd_div((dd){k, 0}, dd_add(w, t));
    dd r = dd_div((dd){1, 0}, dd_add(w, t));
    *mills = r.hi;
    dd lr = log_dd(r.hi);
    lr = two_sum(lr.hi, lr.lo + r.lo / r.hi);
    dd w2 = dd_mul(w, w);
    dd a = dd_add((dd){-0.5 * w2.hi, -0.5 * w2.lo}, (dd){-LN_SQRT_2PI_HI, -LN_SQRT_2PI_LO});
    return dd_add(a, lr);
}

/* log P as a double-double for the smaller tail probability P = min(p, 1 - p) (of exp(p)
 * with log_p), p strictly inside the range. */
static dd tail_log_probability(double p, int log_p)
{
    if (!log_p)
        return log_dd(p < 0.5 ? p : 1 - p); /* 1 - p exact */
    if (p <= -LN2_DD_HI)
        return (dd){p, 0};
    if (p > -0x1p-60) { /* log(-expm1(p)) = log(-p) + p/2 + O(p^2); expm1_dd would underflow */
        dd l = log_dd(-p);
        return two_sum(l.hi, l.lo + 0.5 * p);
    }
    dd e = expm1_dd((dd){p, 0}); /* P = -expm1(p) */
    dd l = log_dd(-e.hi);
    return two_sum(l.hi, l.lo + e.lo / e.hi);
}

/* z from qnorm_standard(p, log_p) with one Newton step on the double-double residual:
 * Phi(z) - 1/2 - q for |z| < 1 (q = P - 1/2 exactly as qnorm_standard forms it), else
 * log Q(|z|) - log P in the smaller tail. */
static dd qnorm_standard_polished(double p, int log_p)
{
    dd z = qnorm_standard(p, log_p);
    if (fabs(z.hi) < 1) {
        dd q;
        if (!log_p) {
            q = two_sum(p, -0.5);
        } else { /* exp(p) - 1/2 = expm1(p + ln 2) / 2 */
            dd t = two_sum(p, LN2_DD_HI);
            q = expm1_dd(two_sum(t.hi, t.lo + LN2_DD_LO));
            q = (dd){0.5 * q.hi, 0.5 * q.lo};
        }
        dd phi, t = half_centred_dd(z, &phi);
        dd resid = dd_add(t, (dd){-q.hi, -q.lo});
        return two_sum(z.hi, z.lo - resid.hi / phi.hi);
    }
    dd w = z.hi < 0 ? dd_neg(z) : z;
    if (!(w.hi < 1e150)) /* w^2 would overflow; there z's own error is far below 1e-19 */
        return z;
    double mills;
    dd lq = log_upper_dd(w, &mills);
    dd resid = dd_add(lq, dd_neg(tail_log_probability(p, log_p)));
    w = two_sum(w.hi, w.lo + resid.hi * mills); /* -resid / (d/dw log Q), d/dw log Q = -1/mills */
    return z.hi < 0 ? dd_neg(w) : w;
}

/* ---- the same quantile, fast: one Newton step whose residual is good to ~1e-17 ---------------
 * (the polished one above costs ~2 us; this one is what lnorm's scalar reference uses while
 * sdlog is small enough for its error, ~1e-17 in z, to stay below half an ULP of the result) */

/* B(s) = (Phi(z) - 1/2)/z at s = z^2 = s.hi + s.lo, its last three Horner steps in
 * double-double (one exact step leaves ~1e-16 of B near |z| = 1.4) */
static dd body_step(double c, dd p, double t)
{
    dd prod = two_prod(p.hi, t);
    dd sum = two_sum(c, prod.hi);
    sum.lo += prod.lo + p.lo * t;
    return sum;
}

static dd body_fine(dd s)
{
    dd u = body_step(norm_body[2], (dd){poly_eval(norm_body + 3, NORM_BODY_DEGREE - 3, s.hi), 0}, s.hi);
    dd v = body_step(norm_body[1], u, s.hi);
    dd b = body_step(norm_body[0], v, s.hi);
    /* + c0_lo + B'(s) s.lo, B' to its first three terms */
    double db = MUL_ADD(s.hi, MUL_ADD(s.hi, 3 * norm_body[3], 2 * norm_body[2]), norm_body[1]);
    return two_sum(b.hi, b.lo + (norm_body_c0_lo + db * s.lo));
}

/* z with Phi(z) - 1/2 = q, from AS 241 (~1e-16) and one Newton step on the double-double
 * residual */
static dd central_fine(dd q)
{
    dd z = {as241_central(q.hi), 0};
    dd s = two_prod(z.hi, z.hi); /* z.lo enters through phi below */
    dd b = body_fine(s);
    double phi = INV_SQRT_2PI * exp(-0.5 * s.hi);
    dd t = two_prod(z.hi, b.hi);
    t.lo += z.hi * b.lo + phi * z.lo;
    double resid = (t.hi - q.hi) + (t.lo - q.lo); /* t.hi - q.hi exact: they agree to ~1e-16 */
    return (dd){z.hi, z.lo - resid / phi};
}

/* w > 0 with log Q(w) = -s, s = -log P (s.hi >= -log 0.075): AS 241's tail formula (or the
 * log-space Newton iteration beyond it) and one Newton step on the residual
 *     log Q(w) + s = s - w^2/2 + log R(w) - w.lo / c,   c = sqrt(2 pi) R = Q/phi,
 * with both logs good to ~2^-70. */
static dd upper_fine(dd s)
{
    double w = sqrt(s.hi) <= AS241_TAIL_RMAX ? upper_quantile_start(-s.hi) : norm_upper_quantile_log(-s.hi).hi;
    if (!(w < 1e150))
        return (dd){w, 0};
    double half = 0.5 * w, hs = w * half, ls = two_prod(w, half).lo;
    dd r = mills_r_dd(w);
    dd lr = log_fast_dd(r.hi);
    double c = SQRT_2PI_HI * r.hi;
    dd d = two_sum(s.hi, -hs);
    dd d2 = two_sum(d.hi, lr.hi);
    double resid = d2.hi + ((d.lo + d2.lo) + ((s.lo - ls) + lr.lo + SQRT_2PI_HI * r.lo / c));
    return two_sum(w, resid * c);
}

double norm_q_standard_fine(double p, int lower_tail, int log_p, double *lo)
{
    dd z;
    if (!log_p) {
        dd q = two_sum(p, -0.5);
        if (fabs(q.hi) <= AS241_SPLIT) {
            z = central_fine(q);
        } else {
            dd l = log_fast_dd(q.hi < 0 ? p : 1 - p); /* 1 - p exact */
            z = upper_fine((dd){-l.hi, -l.lo});
            if (q.hi < 0)
                z = dd_neg(z);
        }
    } else if (p < LOG_0_075) {
        z = dd_neg(upper_fine((dd){-p, 0}));
    } else if (p > LOG_0_925) {
        /* P = -expm1(p); log P = log(-e.hi) + e.lo/e.hi */
        dd e = expm1_dd((dd){p, 0});
        dd l = log_fast_dd(-e.hi);
        z = upper_fine(two_sum(-l.hi, -(l.lo + e.lo / e.hi)));
    } else { /* exp(p) - 1/2 = expm1(p + ln 2) / 2 */
        dd t = two_sum(p, LN2_DD_HI);
        dd e = expm1_dd((dd){t.hi, 0});
        /* + t.lo + LN2_DD_LO, times d/dx expm1 = 1 + e */
        e.lo += (t.lo + LN2_DD_LO) * (1 + e.hi);
        z = central_fine((dd){0.5 * e.hi, 0.5 * e.lo});
    }
    if (!lower_tail)
        z = dd_neg(z);
    *lo = z.lo;
    return z.hi;
}

double norm_p_standard_dd(double zh, double zl, int lower_tail, int log_p)
{
    if (!lower_tail)
        zh = -zh, zl = -zl;
    return pnorm_standard(zh, zl, log_p);
}

double norm_q_standard_dd(double p, int lower_tail, int log_p, double *lo)
{
    dd z = qnorm_standard_polished(p, log_p);
    if (!lower_tail)
        z = dd_neg(z);
    *lo = z.lo;
    return z.hi;
}

VD_PUBLIC_SCALAR_FAMILY2(norm, mu, sigma)
