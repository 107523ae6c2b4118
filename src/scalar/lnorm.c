/* Log-normal distribution: scalar reference (the accuracy oracle for the SIMD kernels),
 * built on the normal family's internals:
 *     plnorm(x) = Phi(z),  dlnorm(x) = phi(z) / (sdlog x),  qlnorm(p) = exp(meanlog + sdlog z),
 * z = (log x - meanlog) / sdlog. log x is a double-double and so is z: a rounded log x would
 * put 2^-53 |log x| / sdlog into z, and Phi(z) moves by |z| times that relative (hundreds of
 * ULP in the tails for small sdlog). The density goes through its log,
 *     log f = -log x - log(sdlog sqrt(2 pi)) - z^2/2,
 * summed in double-double (the terms can cancel to a small result), then exp of the
 * double-double. The quantile takes the double-double z of the normal quantile and
 * exponentiates meanlog + sdlog z as a double-double (exp turns an absolute error of the
 * exponent into a relative one of the result).
 * Each function has a fast path (log x to ~2^-78 from log_fast_dd, z of the quantile to
 * ~1e-17 from norm_q_standard_fine, ~100 ns) taken wherever its error bound, magnified by
 * |z| / sdlog (d, p) or sdlog (q), stays far below an ULP; elsewhere (tiny sdlog for d and p,
 * large sdlog for q) the slower paths with the 2^-100 log_dd and the polished quantile.
 * Degenerate and non-finite arguments give Rmath's own expressions (Rmath computes these
 * functions through log(x) and the normal family exactly so). */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "norm_internal.h"
#include "params.h"

/* The kernels' log x is good to ~2^-72 absolute, which z = (log x - meanlog) / sdlog divides
 * by sdlog: below sdlog = 2^-12 that is more than the budget allows in the tails, and the
 * scalar reference (log x - meanlog to ~2^-110) takes those parameters. */
int lnorm_params_regular(const double *param)
{
    return loc_scale_regular(param[0], param[1]) && param[1] >= 0x1p-12;
}

/* exp(t.hi + t.lo) rounded once (twice where subnormal), for any finite t.hi */
static double lnorm_exp_dd(dd t)
{
    if (t.hi > 710)
        return INFINITY;
    if (t.hi < -1500)
        return 0.0;
    int k;
    dd e = exp_dd_scaled(t, &k);
    /* overflow gives Inf; a subnormal result is rounded a second time, by ldexp */
    return ldexp(e.hi + e.lo, k);
}

/* exp(t.hi + t.lo) rounded once, to ~0.6 ULP, for -708 <= t.hi <= 709 (where the result and
 * 2^k stay normal): 2^k (1 + r + r^2 P(r)), t = k ln 2 + r, P the Taylor series to r^11 --
 * a tenth of lnorm_exp_dd's cost. */
static double lnorm_exp_fast(dd t)
{
    static const double taylor[12] = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
        1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800,
    };
    if (!(t.hi >= -708 && t.hi <= 709))
        return lnorm_exp_dd(t);
    double kd = nearbyint(t.hi * 0x1.71547652b82fep0);
    dd r = two_sum(t.hi - kd * LN2_HI, t.lo - kd * LN2_LO); /* t.hi - k LN2_HI exact */
    double quad = r.hi * r.hi * poly_eval(taylor, 11, r.hi);
    dd e = two_sum(1, r.hi);
    return ldexp(e.hi + (e.lo + (quad + r.lo * (1 + r.hi))), (int)kd);
}

/* ln 2 - LN2_DD_HI - LN2_DD_LO: a third part for k ln 2 below */
#define LN2_DD_LO2 0x1.7b57a079a1934p-111

/* log x - meanlog as a double-double, x > 0 finite, meanlog finite. Where the two cancel
 * (tiny sdlog) the difference must be good to far below log_dd's ~|log x| 2^-106: with
 * x = 2^k m, log x - meanlog = (k LN2_DD_HI - meanlog) + k LN2_DD_LO + k LN2_DD_LO2 + log m,
 * the first difference exact, the products exact, log m (|log m| < 0.35) a double-double. */
static dd log_minus(double x, double meanlog)
{
    int k;
    double m = frexp(x, &k);
    if (m < 0x1.6a09e667f3bcdp-1) { /* sqrt(1/2) */
        m *= 2;
        k -= 1;
    }
    dd a = two_prod(k, LN2_DD_HI), b = two_prod(k, LN2_DD_LO);
    dd d = two_sum(a.hi, -meanlog);
    d = dd_add(d, (dd){a.lo, b.hi});
    d = dd_add(d, log_dd(m));
    return dd_add(d, (dd){b.lo, k * LN2_DD_LO2});
}

/* (log x - b) / c as a double-double, c > 0 finite; quotients that overflow or vanish come
 * out as in plain double arithmetic. */
static dd lnorm_z(double x, double b, double c)
{
    dd d = log_minus(x, b);
    if (c < 0x1p-900 && fabs(d.hi) < 0x1p800) {
        /* keep the remainder out of the subnormal range, where it would not be exact */
        d.hi *= 0x1p200, d.lo *= 0x1p200, c *= 0x1p200;
    }
    double qh = d.hi / c;
    if (!isfinite(qh) || qh == 0)
        return (dd){qh, 0};
    return (dd){qh, (exact_remainder(d.hi, qh, c) + d.lo) / c};
}

/* How far z from lnorm_z_fine can be trusted. */
enum lnorm_z_quality {
    Z_LOOSE,    /* neither: the caller takes lnorm_z */
    Z_RELATIVE, /* |log x - meanlog| >= 2^-8: z to ~2^-61 relative, enough far out */
    Z_ABSOLUTE, /* z's error, 2^-69/sdlog, costs at most ~2^-57 of the result (|z| times it,
                 * relative, in Phi and in the density) */
};

/* z = (log x - meanlog) / sdlog with log x = *lx from log_fast_dd (~2^-78 absolute, a tenth
 * of log_dd's cost). Extreme sdlog is only trusted relatively (the quotient's remainder
 * need not be exact there). */
static enum lnorm_z_quality lnorm_z_fine(double x, double meanlog, double sdlog, dd *lx, dd *z)
{
    *lx = log_fast_dd(x);
    dd d = two_sum(lx->hi, -meanlog);
    d = two_sum(d.hi, d.lo + lx->lo);
    enum lnorm_z_quality far = fabs(d.hi) >= 0x1p-8 ? Z_RELATIVE : Z_LOOSE;
    double qh = d.hi / sdlog;
    if (!isfinite(qh)) {
        *z = (dd){qh, 0};
        return far;
    }
    *z = (dd){qh, (exact_remainder(d.hi, qh, sdlog) + d.lo) / sdlog};
    if (sdlog >= 0x1p-900 && sdlog <= 0x1p900 && fabs(qh) + 1 <= 0x1p12 * sdlog)
        return Z_ABSOLUTE;
    return far;
}

/* log of the density, -z^2/2 - log x - log(sdlog sqrt(2 pi)), as a double-double, given
 * log x and log sdlog; 0 where z^2/2 overflows */
static int lnorm_log_density(dd lx, dd z, dd ls, dd *t)
{
    double a = fabs(z.hi), al = z.hi < 0 ? -z.lo : z.lo;
    double half = 0.5 * a;
    double hs = a * half;
    if (!isfinite(hs))
        return 0;
    /* z^2/2 = hs + c to ~2^-106 */
    double c = two_prod(a, half).lo + a * al;
    ls = dd_add(ls, (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
    *t = dd_add(dd_add(two_sum(-hs, -c), (dd){-lx.hi, -lx.lo}), (dd){-ls.hi, -ls.lo});
    return 1;
}

/* The cases the double-double paths take: x finite and positive, meanlog finite,
 * 0 < sdlog < Inf. Everything else follows Rmath's expressions. */
static int lnorm_regular(double x, double meanlog, double sdlog)
{
    return x > 0 && x < INFINITY && isfinite(meanlog) && sdlog > 0 && sdlog < INFINITY;
}

static double dlnorm_checked(double x, double meanlog, double sdlog, int give_log)
{
    double d0 = give_log ? -INFINITY : 0.0;
    if (isnan(x) || isnan(meanlog) || isnan(sdlog))
        return x + meanlog + sdlog;
    if (sdlog < 0)
        return NAN;
    if (!isfinite(x) && log(x) == meanlog)
        return NAN; /* log(x) - meanlog is NaN */
    if (sdlog == 0) /* point mass at exp(meanlog) */
        return log(x) == meanlog ? INFINITY : d0;
    if (x <= 0)
        return d0;
    if (!lnorm_regular(x, meanlog, sdlog)) { /* x = Inf, meanlog = +-Inf or sdlog = Inf */
        double y = (log(x) - meanlog) / sdlog;
        return give_log ? -(LN_SQRT_2PI_HI + 0.5 * y * y + log(x * sdlog))
                        : INV_SQRT_2PI * exp(-0.5 * y * y) / (x * sdlog);
    }
    dd lx, z, t;
    enum lnorm_z_quality q = lnorm_z_fine(x, meanlog, sdlog, &lx, &z);
    if (q != Z_LOOSE) {
        dd ls = sdlog == 1 ? (dd){0, 0} : log_fast_dd(sdlog);
        if (!lnorm_log_density(lx, z, ls, &t))
            return d0;
        /* with z trusted only relatively: z^2/2 >= 2000 outweighs log x and log sdlog (each
         * below 746 in size), so t keeps z's relative error, which the log density can
         * afford; the density only where it underflows */
        double hs = 0.5 * z.hi * z.hi;
        if (q == Z_ABSOLUTE || (hs >= 2000 && (give_log || t.hi < -800)))
            return give_log ? t.hi + t.lo : lnorm_exp_fast(t);
    }
    lx = log_dd(x);
    z = lnorm_z(x, meanlog, sdlog);
    if (!lnorm_log_density(lx, z, log_dd(sdlog), &t))
        return d0;
    return give_log ? t.hi + t.lo : lnorm_exp_fast(t);
}

/* R_DT_0 of Rmath: the value at the lower end of the support. */
static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

static double plnorm_checked(double x, double meanlog, double sdlog, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(meanlog) || isnan(sdlog))
        return x + meanlog + sdlog;
    if (sdlog < 0)
        return NAN;
    if (!(x > 0))
        return dt_0(lower_tail, log_p);
    if (!lnorm_regular(x, meanlog, sdlog))
        return vd_pnorm(log(x), meanlog, sdlog, lower_tail, log_p);
    dd lx, z;
    enum lnorm_z_quality q = lnorm_z_fine(x, meanlog, sdlog, &lx, &z);
    /* far out (|z| > 40: Phi is 0 or 1, or log Phi ~ -z^2/2) only z's relative error counts */
    if (!(q == Z_ABSOLUTE || (q == Z_RELATIVE && fabs(z.hi) > 40)))
        z = lnorm_z(x, meanlog, sdlog);
    if (!isfinite(z.hi)) /* beyond either end */
        return z.hi < 0 ? dt_0(lower_tail, log_p) : dt_0(!lower_tail, log_p);
    return norm_p_standard_dd(z.hi, z.lo, lower_tail, log_p);
}

#define LNORM_Q_FINE_DZ 4e-17

/* meanlog + sdlog z as a double-double (hi non-finite where sdlog z overflows) */
static dd lnorm_q_exponent(double zh, double zl, double meanlog, double sdlog)
{
    dd sz = two_prod(sdlog, zh);
    if (!isfinite(sz.hi))
        return (dd){meanlog + sdlog * zh, 0};
    dd y = two_sum(meanlog, sz.hi);
    return two_sum(y.hi, y.lo + (sz.lo + sdlog * zl));
}

static double qlnorm_checked(double p, double meanlog, double sdlog, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(meanlog) || isnan(sdlog))
        return p + meanlog + sdlog;
    /* R_Q_P01_boundaries(p, 0, Inf) */
    if (log_p) {
        if (p > 0)
            return NAN;
        if (p == 0)
            return lower_tail ? INFINITY : 0.0;
        if (p == -INFINITY)
            return lower_tail ? 0.0 : INFINITY;
    } else {
        if (p < 0 || p > 1)
            return NAN;
        if (p == 0)
            return lower_tail ? 0.0 : INFINITY;
        if (p == 1)
            return lower_tail ? INFINITY : 0.0;
    }
    if (sdlog == INFINITY) {
        /* Rmath: meanlog + Inf z with z's sign from its rounded lower-tail probability
         * (z = 0, so NaN, where that is exactly 1/2, e.g. log p = log(0.5) rounded) */
        double pl = lower_tail ? (log_p ? exp(p) : p) : (log_p ? -expm1(p) : (0.5 - p) + 0.5);
        return exp(meanlog + INFINITY * (pl < 0.5 ? -1.0 : pl > 0.5 ? 1.0 : 0.0));
    }
    if (!(isfinite(meanlog) && sdlog > 0))
        return exp(vd_qnorm(p, meanlog, sdlog, lower_tail, log_p)); /* sdlog <= 0, meanlog Inf */
    double zl, zh = norm_q_standard_fine(p, lower_tail, log_p, &zl);
    /* the fast z's error (measured <= 3.1e-17 for |z| < 3, falling off as 1/|z| beyond) times
     * sdlog is the result's relative error: up to ~1 ULP here, else the slow z */
    double dz = LNORM_Q_FINE_DZ / fmax(1, 0.5 * fabs(zh));
    dd y = lnorm_q_exponent(zh, zl, meanlog, sdlog);
    if (sdlog * dz > 0x1p-53 && !(fabs(y.hi) > 800 && sdlog * dz < 0.01 * fabs(y.hi))) {
        zh = norm_q_standard_dd(p, lower_tail, log_p, &zl);
        y = lnorm_q_exponent(zh, zl, meanlog, sdlog);
    }
    return isfinite(y.hi) ? lnorm_exp_fast(y) : exp(y.hi);
}

VD_PUBLIC_SCALAR_FAMILY2(lnorm, meanlog, sdlog)
