/* Cauchy distribution: scalar reference (the accuracy oracle).
 *
 * z = (x - location)/scale is a double-double; atan and tan(pi t) are evaluated in
 * double-double by their series (slow, exact to ~1e-30):
 *   pcauchy: |z| <= 1: 1/2 + atan(z)/pi; |z| > 1: the small tail atan(1/|z|)/pi, the other
 *            side 1 - tail (no cancellation either way); |z| > 2^1000 (or z overflowing while
 *            x - location does not): tail = scale/(pi |x - location|) through logs.
 *   qcauchy: tan(pi (P - 1/2)) as -1/tan(pi P) for P <= 1/4, 1/tan(pi (1 - P)) for P >= 3/4
 *            and tan(pi (P - 1/2)) between (P - 1/2 exact); P from log p as a double-double
 *            (-expm1 near 0, exp below -1), and through logs where 1/(pi P) would overflow.
 *   dcauchy: log d = -(log pi + log scale + log(1 + z^2)), d = exp(log d).
 * x - location overflowing and non-finite scale follow Rmath's formulas.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "weibull_internal.h"

#define PI_HI 0x1.921fb54442d18p+1
#define PI_LO 0x1.1a62633145c07p-53
#define INV_PI_HI 0x1.45f306dc9c883p-2
#define INV_PI_LO -0x1.6b01ec5417056p-56
#define LOG_PI_HI 0x1.250d048e7a1bdp+0
#define LOG_PI_LO 0x1.7abf2ad8d5088p-57

int cauchy_params_regular(const double *param) { return loc_scale_regular(param[0], param[1]); }

static dd dd_neg(dd a) { return (dd){-a.hi, -a.lo}; }
static dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

static dd sqrt_dd(dd a)
{
    double s = sqrt(a.hi);
    dd p = two_prod(s, s);
    return two_sum(s, (((a.hi - p.hi) - p.lo) + a.lo) / (2 * s));
}

/* atan(a) for |a| <= 1: two halvings atan(a) = 2 atan(a / (1 + sqrt(1 + a^2))) bring |a| to
 * tan(pi/16) ~ 0.2, then the series a - a^3/3 + ... (a^2 <= 0.04, 24 terms: < 1e-33). */
static dd atan_dd(dd a)
{
    for (int i = 0; i < 2; i++) {
        dd root = sqrt_dd(dd_add((dd){1, 0}, dd_mul(a, a)));
        a = dd_div(a, dd_add((dd){1, 0}, root));
    }
    dd a2 = dd_mul(a, a), sum = {0, 0};
    for (int k = 24; k >= 0; k--) {
        double d = 2.0 * k + 1, inv_hi = 1 / d;
        dd term = {inv_hi, exact_remainder(1.0, inv_hi, d) / d};
        sum = dd_add(k & 1 ? dd_neg(term) : term, dd_mul(sum, a2));
    }
    dd r = dd_mul(a, sum);
    return (dd){4 * r.hi, 4 * r.lo};
}

/* tan(pi t) for |t| <= 1/4: sin y / cos y, y = pi t, by their series to y^29 / y^28
 * (y^2 <= 0.62: truncation < 1e-33). */
static dd tanpi_dd(dd t)
{
    dd y = dd_mul(t, (dd){PI_HI, PI_LO}), y2 = dd_mul(y, y);
    dd s = {1, 0}, c = {1, 0};
    for (int k = 14; k >= 1; k--) {
        /* s = 1 - y^2/((2k)(2k+1)) s, c = 1 - y^2/((2k-1)(2k)) c */
        s = dd_sub((dd){1, 0}, dd_div(dd_mul(y2, s), (dd){(2.0 * k) * (2 * k + 1), 0}));
        c = dd_sub((dd){1, 0}, dd_div(dd_mul(y2, c), (dd){(2.0 * k - 1) * (2 * k), 0}));
    }
    return dd_div(dd_mul(y, s), c);
}

/* ---- density ------------------------------------------------------------------------------ */

static double dcauchy_checked(double x, double location, double scale, int give_log)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    dd d = two_sum(x, -location);
    if (!isfinite(d.hi) || !isfinite(scale)) { /* Rmath's formula: y = +-Inf, 0 or NaN */
        double y = d.hi / scale, den = M_PI * scale * (1 + y * y);
        return give_log ? -log(den) : 1 / den;
    }
    dd log_1pz2; /* log(1 + z^2) */
    dd z = div_diff_dd(x, location, scale);
    if (fabs(z.hi) <= 0x1p500) {
        log_1pz2 = weibull_log_of_dd(dd_add((dd){1, 0}, dd_mul(z, z)));
    } else { /* 2 log|z|, |z| = |x - location| / scale (z itself may overflow) */
        dd abs_d = d.hi < 0 ? dd_neg(d) : d;
        dd log_z = dd_sub(weibull_log_of_dd(abs_d), log_dd(scale));
        log_1pz2 = (dd){2 * log_z.hi, 2 * log_z.lo};
    }
    dd log_den = dd_add(dd_add((dd){LOG_PI_HI, LOG_PI_LO}, log_dd(scale)), log_1pz2);
    if (give_log)
        return -log_den.hi - log_den.lo;
    dd dens = weibull_exp_dd(dd_neg(log_den));
    return dens.hi + dens.lo;
}

/* ---- distribution function ---------------------------------------------------------------- */

/* the lower-tail probability hi + lo of (the sign-adjusted) z, or its log */
static double cauchy_finish(dd P, int log_p)
{
    if (!log_p)
        return P.hi + P.lo;
    dd l = weibull_log_of_dd(P);
    return l.hi + l.lo;
}

static double pcauchy_checked(double x, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(location) || isnan(scale))
        return x + location + scale;
    if (scale <= 0)
        return NAN;
    dd d = two_sum(x, -location);
    dd z = isfinite(scale) ? div_diff_dd(x, location, scale) : (dd){d.hi / scale, 0};
    if (isnan(z.hi))
        return NAN;
    if (!isfinite(d.hi)) { /* Rmath's limits */
        int at_zero = (z.hi < 0) == (lower_tail != 0);
        return at_zero ? (log_p ? -INFINITY : 0) : (log_p ? 0 : 1);
    }
    if (!lower_tail)
        z = dd_neg(z);
    if (fabs(z.hi) <= 1) {
        dd a = dd_mul(atan_dd(z), (dd){INV_PI_HI, INV_PI_LO});
        return cauchy_finish(dd_add((dd){0.5, 0}, a), log_p);
    }
    dd tail; /* atan(1/|z|)/pi */
    if (fabs(z.hi) <= 0x1p1000) {
        dd abs_z = z.hi < 0 ? dd_neg(z) : z;
        tail = dd_mul(atan_dd(dd_div((dd){1, 0}, abs_z)), (dd){INV_PI_HI, INV_PI_LO});
    } else { /* atan(u) = u here: tail = exp(log scale - log |x - location| - log pi) */
        dd abs_d = d.hi < 0 ? dd_neg(d) : d;
        dd log_tail = dd_sub(dd_sub(log_dd(scale), weibull_log_of_dd(abs_d)),
                             (dd){LOG_PI_HI, LOG_PI_LO});
        if (log_p && z.hi < 0)
            return log_tail.hi + log_tail.lo;
        tail = weibull_exp_dd(log_tail);
    }
    if (z.hi < 0)
        return cauchy_finish(tail, log_p);
    if (log_p && tail.hi == 0)
        return -0.0; /* log(1 - tiny): negative as the true value */
    return cauchy_finish(dd_sub((dd){1, 0}, tail), log_p);
}

/* ---- quantile ----------------------------------------------------------------------------- */

/* location + scale c with one rounding (location may cancel part of scale c) */
static double loc_scale_sum(double location, double scale, dd c)
{
    dd p = two_prod(scale, c.hi);
    if (!isfinite(p.hi) || !isfinite(location))
        return location + p.hi;
    dd s = two_sum(location, p.hi);
    return s.hi + (s.lo + fma(scale, c.lo, p.lo));
}

static double qcauchy_checked(double p, double location, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(location) || isnan(scale))
        return p + location + scale;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        return NAN;
    if (scale <= 0 || !isfinite(scale))
        return scale == 0 ? location : NAN;
    double toward_inf = location + (lower_tail ? scale : -scale) * INFINITY;
    dd P; /* the probability of the tail the quantile lies in, with `lower_tail` its side */
    dd log_P = {0, 0};
    int use_log = 0; /* P so small that 1/(pi P) is taken through log P */
    if (log_p) {
        if (p == 0)
            return toward_inf;
        if (p > -1) { /* the other tail: P = 1 - e^p = -expm1(p) */
            lower_tail = !lower_tail;
            if (p > -0x1p-500) {
                use_log = 1;
                log_P = log_dd(-p); /* log(-expm1(p)) = log(-p) + p/2 + ..., p negligible */
            } else {
                P = dd_neg(weibull_expm1_dd((dd){p, 0}));
            }
        } else if (p < -40) { /* cot(pi P) = 1/(pi P) to 1e-34 */
            if (p == -INFINITY)
                return location + (lower_tail ? scale : -scale) * -INFINITY;
            use_log = 1;
            log_P = (dd){p, 0};
        } else {
            P = weibull_exp_dd((dd){p, 0});
        }
    } else {
        if (p > 0.5) {
            if (p == 1)
                return toward_inf;
            p = 1 - p; /* exact */
            lower_tail = !lower_tail;
        }
        if (p == 0)
            return location + (lower_tail ? scale : -scale) * -INFINITY;
        if (p < 0x1p-500) {
            use_log = 1;
            log_P = log_dd(p);
        } else {
            P = (dd){p, 0};
        }
    }
    if (use_log) { /* |quantile - location| = scale/(pi P) */
        dd log_m = dd_sub(dd_sub(log_dd(scale), (dd){LOG_PI_HI, LOG_PI_LO}), log_P);
        dd m = weibull_exp_dd(log_m);
        return loc_scale_sum(location, lower_tail ? -1 : 1, m);
    }
    if (P.hi == 0.5 && P.lo == 0)
        return location;
    dd c; /* tan(pi (P - 1/2)) */
    if ((P.hi == 0.25 || P.hi == 0.75) && P.lo == 0)
        c = (dd){P.hi == 0.25 ? -1 : 1, 0}; /* exact, so that location +- scale can be 0 */
    else if (P.hi <= 0.25)
        c = dd_neg(dd_div((dd){1, 0}, tanpi_dd(P)));
    else if (P.hi >= 0.75)
        c = dd_div((dd){1, 0}, tanpi_dd(dd_sub((dd){1, 0}, P)));
    else
        c = tanpi_dd(dd_sub(P, (dd){0.5, 0}));
    if (!lower_tail)
        c = dd_neg(c);
    return loc_scale_sum(location, scale, c);
}

double vd_dcauchy(double x, double location, double scale, int give_log)
{
    RETURN_KEEPING_ERRNO(dcauchy_checked(x, location, scale, give_log));
}

double vd_pcauchy(double q, double location, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(pcauchy_checked(q, location, scale, lower_tail, log_p));
}

double vd_qcauchy(double p, double location, double scale, int lower_tail, int log_p)
{
    RETURN_KEEPING_ERRNO(qcauchy_checked(p, location, scale, lower_tail, log_p));
}
