/* Log-normal distribution: scalar reference (the accuracy oracle for the SIMD kernels),
 * built on the normal family's internals:
 *     plnorm(x) = Phi(z),  dlnorm(x) = phi(z) / (sdlog x),  qlnorm(p) = exp(meanlog + sdlog z),
 * z = (log x - meanlog) / sdlog. log x is a double-double (log_dd) and so is z: a rounded
 * log x would put 2^-53 |log x| / sdlog into z, and Phi(z) moves by |z| times that relative
 * (hundreds of ULP in the tails for small sdlog). The density goes through its log,
 *     log f = -log x - log(sdlog sqrt(2 pi)) - z^2/2,
 * summed in double-double (the terms can cancel to a small result), then exp of the
 * double-double. The quantile takes the double-double z of the normal quantile and
 * exponentiates meanlog + sdlog z as a double-double (exp turns an absolute error of the
 * exponent into a relative one of the result).
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

/* exp(t.hi + t.lo) rounded once (twice where subnormal), for any finite t.hi:
 * 2^k (1 + expm1(r)), t = k ln 2 + r, |r| <= ln2/2, r a double-double. */
static double lnorm_exp_dd(dd t)
{
    if (t.hi > 710)
        return INFINITY;
    if (t.hi < -1500)
        return 0.0;
    double kd = nearbyint(t.hi * 0x1.71547652b82fep0); /* t / ln 2 */
    dd p = two_prod(kd, LN2_DD_HI);
    /* t.hi - p.hi is exact: both lie within ln2/2 of each other (Sterbenz) */
    dd r = two_sum(t.hi - p.hi, t.lo - p.lo - kd * LN2_DD_LO);
    dd em = expm1_dd(r);
    dd e = two_sum(1, em.hi);
    e.lo += em.lo;
    /* overflow gives Inf; a subnormal result is rounded a second time, by ldexp */
    return ldexp(e.hi + e.lo, (int)kd);
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
    dd lx = log_dd(x);
    dd z = lnorm_z(x, meanlog, sdlog);
    double a = fabs(z.hi), al = z.hi < 0 ? -z.lo : z.lo;
    double half = 0.5 * a;
    double hs = a * half;
    if (!isfinite(hs))
        return d0;
    /* z^2/2 = hs + c to ~2^-106 */
    double c = two_prod(a, half).lo + a * al;
    dd ls = dd_add(log_dd(sdlog), (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
    dd t = dd_add(dd_add(two_sum(-hs, -c), (dd){-lx.hi, -lx.lo}), (dd){-ls.hi, -ls.lo});
    return give_log ? t.hi + t.lo : lnorm_exp_dd(t);
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
    dd z = lnorm_z(x, meanlog, sdlog);
    if (!isfinite(z.hi)) /* beyond either end */
        return z.hi < 0 ? dt_0(lower_tail, log_p) : dt_0(!lower_tail, log_p);
    return norm_p_standard_dd(z.hi, z.lo, lower_tail, log_p);
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
    double zl, zh = norm_q_standard_dd(p, lower_tail, log_p, &zl);
    /* meanlog + sdlog z as a double-double */
    dd sz = two_prod(sdlog, zh);
    if (!isfinite(sz.hi))
        return exp(meanlog + sdlog * zh);
    dd y = two_sum(meanlog, sz.hi);
    return lnorm_exp_dd(two_sum(y.hi, y.lo + (sz.lo + sdlog * zl)));
}

double vd_dlnorm(double x, double meanlog, double sdlog, int give_log)
{
    RETURN_KEEPING_ERRNO(dlnorm_checked(x, meanlog, sdlog, give_log));
}

double vd_plnorm(double q, double meanlog, double sdlog, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(plnorm_checked(q, meanlog, sdlog, lower_tail, log_p));
}

double vd_qlnorm(double p, double meanlog, double sdlog, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(qlnorm_checked(p, meanlog, sdlog, lower_tail, log_p));
}
