/* Gamma distribution: scalar reference (the accuracy oracle).
 *
 * Everything is standardized to y = x/scale (the quotient with its exact remainder y_lo,
 * which enters to first order through the derivative) and built on
 *     log_term(a, y) = log(y^a e^-y / Gamma(a + 1)),
 * Loader's saddle-point form -stirlerr(a) - bd0(a, y) - log sqrt(2 pi a) from the
 * special-function core (specfun.h), which keeps its digits where a log y and y cancel.
 *   dgamma: log d = log(a/x) + log_term(a, y)  (the density is (a/x) e^log_term);
 *   pgamma: the log of P(a, y) or Q(a, y) from gamma_log_ratio (the methods and their
 *           regions are listed in gamma_internal.h: Taylor for a < 1, y < 1; Temme's uniform
 *           expansion for a >= 20 within 40% of the mean; the series below a; Legendre's
 *           continued fraction above), the other ratio as log(1 - e^l);
 *   qgamma: Newton on log y for log P(a, y) = log p (or log Q = log(1 - p), whichever
 *           keeps the target's digits) from a Wilson-Hilferty or tail start; both are
 *           concave in log y (the log-gamma density is log-concave), so Newton converges
 *           monotonically; tiny quantiles come from y^a / Gamma(a + 1) = p directly.
 * Every log is a double-double good to about 2^-64 relative (specfun's accuracy), so that
 * e^log and the quantile's residual keep their digits; the sums themselves run in double.
 * Non-finite and degenerate parameters follow Rmath's special cases.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "specfun.h"
#include "norm_internal.h"
#include "gamma_internal.h"
#include "gamma_temme.h"

int gamma_params_regular(const double *param)
{
    double shape = param[0], scale = param[1];
    return shape > 0 && shape <= 0x1p60 && scale >= 0x1p-1000 && scale <= 0x1p1000;
}

/* ---- double-double helpers ---------------------------------------------------------------- */

/* log(v.hi + v.lo) for v.hi > 0 */
static dd log_of_dd(dd v)
{
    dd l = log_dd(v.hi);
    return two_sum(l.hi, l.lo + v.lo / v.hi);
}

static dd dd_scale(dd v, double s) { return (dd){v.hi * s, v.lo * s}; }

double exp_dd_value(dd l)
{
    if (!(l.hi > -1500))
        return 0;
    if (l.hi > 710)
        return INFINITY;
    int k;
    dd e = exp_dd_scaled(l, &k);
    if (k >= -1000 && k <= 1000)
        return (e.hi + e.lo) * pow2i(k);
    return ldexp(e.hi + e.lo, k);
}

dd log1m_exp_dd(dd l)
{
    if (l.hi > -LN2_DD_HI) { /* log(-expm1(l)) */
        if (l.hi > -0x1p-60) { /* -expm1(l) = -l (1 + l/2) */
            dd m = log_of_dd((dd){-l.hi, -l.lo});
            return two_sum(m.hi, m.lo + 0.5 * l.hi);
        }
        dd e = expm1_dd(l);
        return log_of_dd((dd){-e.hi, -e.lo});
    }
    if (l.hi < -1500)
        return (dd){-0.0, 0};
    /* log1p(-e), e = e^l <= 1/2 as a double-double */
    int k;
    dd e = exp_dd_scaled(l, &k);
    e = (k >= -1000) ? (dd){ldexp(e.hi, k), ldexp(e.lo, k)} : (dd){ldexp(e.hi + e.lo, k), 0};
    if (e.hi < 0x1p-60) /* log(1 - e) = -e - e^2/2 */
        return two_sum(-e.hi, -e.lo - 0.5 * e.hi * e.hi);
    dd l1 = log1p_dd(-e.hi);
    return two_sum(l1.hi, l1.lo - e.lo / (1 - e.hi));
}

/* hi + lo, keeping the sign of a zero hi (log 1 = -0 where the true log is a negative
 * number too small to show) */
static double dd_value(dd v) { return v.lo == 0 ? v.hi : v.hi + v.lo; }

/* ---- the prefactor ------------------------------------------------------------------------ */

dd gamma_log_term(double a, double y)
{
    if (a > 1 && y >= 0x1p-1000 && y <= 0x1p1000) {
        dd s = stirlerr_dd(a), b = bd0_dd(a, y), la = log_dd(a);
        if (isinf(b.hi)) /* bd0 overflows (a near DBL_MAX): the term is e^-Inf */
            return (dd){-INFINITY, 0};
        dd r = dd_add(dd_add(s, b), (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
        r = dd_add(r, dd_scale(la, 0.5));
        return dd_neg(r);
    }
    /* a <= 1: |a log y| < y wherever y is large, so nothing cancels */
    dd t = dd_mul((dd){a, 0}, log_dd(y));
    t = dd_add(t, (dd){-y, 0});
    t = dd_sub(t, lgamma1p_dd(a));
    /* a log y or lgamma1p(a) overflowing (a near DBL_MAX) meet as Inf - Inf: the term is 0 */
    return isnan(t.hi) ? (dd){-INFINITY, 0} : t;
}

/* ---- the methods ---------------------------------------------------------------------------- */

#define EULER_GAMMA_HI 0x1.2788cfc6fb619p-1 /* Euler's gamma as a double-double */
#define EULER_GAMMA_LO -0x1.6cb90701fbfabp-58
#define ZETA2_HALF 0x1.a51a6625307d3p-1     /* zeta(2) / 2 = pi^2 / 12 */

/* Taylor (a < 1, y < 1): u = a log y - lgamma1p(a), P = e^u (1 + s), Q = -expm1(u) - e^u s */
static dd gamma_taylor_log_ratio(double a, double y, int upper)
{
    /* s = -a y/(a + 1) + sum_{n>=2}: the first term (up to 0.37 near y = 1, where Q's two
     * parts cancel a little) in double-double, the rest summed with compensation */
    dd s_dd = dd_div(two_prod(-a, y), two_sum(a, 1));
    double t = -y, tail = 0, comp = 0;
    for (int n = 2; n < 200; n++) {
        t *= -y / n;
        double term = a * t / (a + n);
        dd acc = two_sum(tail, term);
        tail = acc.hi;
        comp += acc.lo;
        if (fabs(term) <= 0x1p-60 * fabs(s_dd.hi))
            break;
    }
    s_dd = dd_add(s_dd, two_sum(tail, comp));
    double s = s_dd.hi;
    dd u = dd_sub(dd_mul((dd){a, 0}, log_dd(y)), lgamma1p_dd(a));
    if (!upper) {
        dd l = log1p_dd(s);
        l.lo += s_dd.lo / (1 + s);
        return dd_add(u, l);
    }
    if (a < 0x1p-40) {
        /* Q = a W, W = -(u/a) (1 + u/2) - (1 + u) s/a with u/a = log y - lgamma1p(a)/a: Q
         * itself may be subnormal (a = 5e-324), W is not */
        /* lgamma1p(a)/a = -gamma + zeta(2)/2 a - ... (lgamma1p(a) itself would be
         * subnormal for subnormal a) */
        dd lg_over_a = two_sum(-EULER_GAMMA_HI, -EULER_GAMMA_LO + ZETA2_HALF * a);
        dd v = dd_sub(log_dd(y), lg_over_a);
        double sigma = 0, t2 = 1;
        for (int n = 1; n < 200; n++) {
            t2 *= -y / n;
            double term = t2 / (a + n);
            sigma += term;
            if (fabs(term) <= 0x1p-60 * fabs(sigma))
                break;
        }
        dd w = dd_add(dd_neg(v), (dd){-0.5 * u.hi * v.hi, 0});
        w = dd_add(w, two_prod(-sigma, 1 + u.hi));
        return dd_add(log_dd(a), log_of_dd(w));
    }
    dd em = expm1_dd(u); /* Q = -(em + s (1 + em)) */
    dd e = two_sum(1, em.hi);
    e.lo += em.lo;
    dd q = dd_add(em, dd_mul(s_dd, e));
    return log_of_dd((dd){-q.hi, -q.lo});
}

dd gamma_series_log_p(double a, double y, dd log_term)
{
    double term = 1;
    dd sum = {1, 0};
    for (int n = 1; n < 100000; n++) {
        term *= y / (a + n);
        sum = fast_two_sum(sum.hi, sum.lo + term);
        if (term <= 0x1p-60 * sum.hi)
            break;
    }
    return dd_add(log_term, log_of_dd(sum));
}

dd gamma_cf_log_q(double a, double y, dd log_term)
{
    /* Q = a e^log_term / f, f = (y + 1 - a) - 1 (1 - a) / ((y + 3 - a) - 2 (2 - a) / ...).
     * Lentz's forward evaluation finds how many terms converge; its running product of
     * ratios accumulates ~n roundings (2.5e-15 at n = 40 near y = a), so f itself is then
     * evaluated backward from a few more terms (a handful of roundings). */
    const double tiny = 0x1p-1000;
    dd b = two_sum(y, 1 - a);
    if (y > 0x1p40 * fmax(1, a)) {
        /* f = y + 1 - a + (a - 1)/y to 2^-80 relative; there the iteration's ratios are 1
         * up to their roundings and would never settle (and 1/d turns subnormal for
         * y > 2^1022) */
        dd r = dd_add(log_term, log_dd(a));
        return dd_sub(r, log_dd(b.hi + (b.lo + (a - 1) / y)));
    }
    double f = y + 1 - a;
    if (f == 0)
        f = tiny;
    double c = f, d = 0;
    int n = 1;
    for (; n < 100000; n++) {
        double an = -n * (n - a), bn = y + (2 * n + 1 - a);
        d = bn + an * d;
        if (d == 0)
            d = tiny;
        c = bn + an / c;
        if (c == 0)
            c = tiny;
        d = 1 / d;
        double delta = c * d;
        f *= delta;
        if (fabs(delta - 1) <= 0x1p-52) /* 1 to within its last bit */
            break;
    }
    double t = 0;
    for (int k = n + n / 4 + 4; k >= 1; k--)
        t = -k * (k - a) / ((y + (2 * k + 1 - a)) + t);
    f = b.hi + (b.lo + t);
    dd r = dd_add(log_term, log_dd(a));
    return dd_sub(r, log_dd(f));
}

/* sqrt(v) as a double-double */
static dd dd_sqrt(dd v)
{
    double s = sqrt(v.hi);
    if (s == 0)
        return (dd){0, 0};
    dd sq = two_prod(s, s);
    return fast_two_sum(s, ((v.hi - sq.hi) - sq.lo + v.lo) / (2 * s));
}

dd gamma_temme_log_tail(double a, double y, int *upper)
{
    dd b = bd0_dd(a, y); /* a eta^2 / 2 */
    dd z = dd_sqrt(dd_scale(b, 2));
    double sqrt_a = sqrt(a);
    double eta = y >= a ? z.hi / sqrt_a : -z.hi / sqrt_a;
    /* S = sum_k C_k(eta) a^-k, without the terms below 2^-64 of S's first (|d[k][n]| < 1):
     * a^-k < 2^-64 beyond k_top, |eta|^n < 2^-64 beyond n_top */
    double inv_a = 1 / a, s = 0;
    int k_top = 0, n_top = 0;
    for (double t = inv_a; k_top < GAMMA_TEMME_K - 1 && t >= 0x1p-64; t *= inv_a)
        k_top++;
    for (double t = fabs(eta); n_top < GAMMA_TEMME_N - 1 && t >= 0x1p-64; t *= fabs(eta))
        n_top++;
    for (int k = k_top; k >= 0; k--)
        s = MUL_ADD(s, inv_a, poly_eval(gamma_temme_d[k], n_top, eta));
    /* T = e^-b (R(|z|) +- S / sqrt(2 pi a)), R the normal's scaled Mills ratio; R' = z R -
     * 1/sqrt(2 pi) carries z.lo */
    dd r = norm_mills_r_dd(z.hi);
    r.lo += (z.hi * r.hi - INV_SQRT_2PI) * z.lo;
    double corr = s * INV_SQRT_2PI / sqrt_a;
    *upper = y >= a;
    dd v = two_sum(r.hi, *upper ? corr : -corr);
    v = fast_two_sum(v.hi, v.lo + r.lo);
    return dd_sub(log_of_dd(v), b);
}

dd gamma_log_ratio(double a, double y, int upper, dd *log_term)
{
    dd lt = gamma_log_term(a, y);
    if (log_term)
        *log_term = lt;
    if (lt.hi == -INFINITY) /* y^a e^-y / Gamma(a + 1) = 0: the tail away from y is 0 */
        return (y < a) == upper ? (dd){-0.0, 0} : (dd){-INFINITY, 0};
    if (a < 1 && y < 1)
        return gamma_taylor_log_ratio(a, y, upper);
    dd l;
    int got_upper;
    if (a >= GAMMA_TEMME_MIN && fabs(y - a) <= GAMMA_TEMME_WIDTH * a) {
        l = gamma_temme_log_tail(a, y, &got_upper);
    } else if (y < a) {
        l = gamma_series_log_p(a, y, lt);
        got_upper = 0;
    } else {
        l = gamma_cf_log_q(a, y, lt);
        got_upper = 1;
    }
    return got_upper == upper ? l : log1m_exp_dd(l);
}

double gamma_log_ratio_slope(double a, double y, int upper, dd log_term, dd log_t)
{
    double s = a / y * exp((log_term.hi - log_t.hi) + (log_term.lo - log_t.lo));
    return upper ? -s : s;
}

/* ---- Rmath's special cases ---------------------------------------------------------------- */

static double d0(int give_log) { return give_log ? -INFINITY : 0; }

/* R_DT_0 / R_DT_1 */
static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

/* y = x / scale as a double-double for positive finite x, scale whose quotient is a normal
 * double; 0 (and *ok = 0) where it is not */
static dd quotient_dd(double x, double scale, int *ok)
{
    double y = x / scale;
    *ok = y >= 0x1p-1000 && y <= 0x1p1000 && x >= 0x1p-960;
    if (!*ok)
        return (dd){y, 0};
    return (dd){y, exact_remainder(x, y, scale) / scale};
}

/* ---- density -------------------------------------------------------------------------------- */

static double dgamma_checked(double x, double shape, double scale, int give_log)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape < 0 || scale <= 0)
        return NAN;
    if (x < 0)
        return d0(give_log);
    if (shape == 0)
        return x == 0 ? INFINITY : d0(give_log);
    if (x == 0) {
        if (shape < 1)
            return INFINITY;
        if (shape > 1)
            return d0(give_log);
        return give_log ? -log(scale) : 1 / scale;
    }
    if (isinf(x) || isinf(shape) || isinf(scale))
        return d0(give_log);
    int ok;
    dd y = quotient_dd(x, scale, &ok);
    dd lt;
    if (ok) {
        lt = gamma_log_term(shape, y.hi);
        lt.lo += (shape / y.hi - 1) * y.lo;
    } else { /* a log y - y - lgamma1p(a) with log y from the logs of x and scale */
        lt = dd_mul((dd){shape, 0}, log_ratio_dd(x, scale));
        lt = dd_sub(dd_add(lt, (dd){-y.hi, 0}), lgamma1p_dd(shape));
    }
    dd l = dd_add(log_ratio_dd(shape, x), lt);
    if (give_log)
        return l.hi + l.lo;
    return exp_dd_value(l);
}

/* ---- distribution function ---------------------------------------------------------------- */

static double pgamma_checked(double x, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(shape) || isnan(scale))
        return x + shape + scale;
    if (shape < 0 || scale <= 0)
        return NAN;
    double y0 = x / scale;
    if (isnan(y0))
        return NAN;
    if (shape == 0 || y0 <= 0 || isinf(y0))
        return y0 <= 0 ? dt_0(lower_tail, log_p) : dt_0(!lower_tail, log_p);
    if (isinf(shape)) /* Rmath's limit: NaN below y = 1, the lower end from there on */
        return y0 < 1 ? NAN : lower_tail ? dt_0(1, log_p) : (log_p ? -0.0 : 1);
    int upper = !lower_tail, ok;
    dd y = quotient_dd(x, scale, &ok);
    dd l;
    if (ok) {
        dd lt;
        l = gamma_log_ratio(shape, y.hi, upper, &lt);
        if (y.lo != 0 && l.hi != 0)
            l = two_sum(l.hi, l.lo + gamma_log_ratio_slope(shape, y.hi, upper, lt, l) * y.lo);
    } else if (y0 < 1) { /* y < 2^-1000: P = y^a / Gamma(a + 1) (1 + O(y)) */
        dd u = dd_sub(dd_mul((dd){shape, 0}, log_ratio_dd(x, scale)), lgamma1p_dd(shape));
        l = upper ? log1m_exp_dd(u) : u;
    } else { /* y > 2^1000 with x tiny: the same as the quotient */
        l = gamma_log_ratio(shape, y0, upper, NULL);
    }
    if (log_p)
        return dd_value(l);
    return exp_dd_value(l);
}

/* ---- quantile ---------------------------------------------------------------------------- */

/* Newton on u = log y stops once a step is this small: the next would be ~step^2 */
#define GAMMA_NEWTON_DONE 0x1p-36
#define GAMMA_NEWTON_MAX_STEP 4.0

double gamma_quantile_scaled(double a, double scale, int upper, dd target)
{
    dd lg1p = lgamma1p_dd(a);
    /* log P of the target, for the start and the tiny-quantile shortcut */
    dd lp = upper ? log1m_exp_dd(target) : target;
    /* log y from y^a / Gamma(a + 1) = P, which holds to a relative y/(1 + a) */
    double u_hi = (lp.hi + lg1p.hi) / a;
    if (!(u_hi > -1e5))
        return 0; /* y < e^-1e5 (and a subnormal a's -Inf) */
    dd u_small = dd_div(dd_add(lp, lg1p), (dd){a, 0});
    if (u_small.hi < -45) /* y < e^-45: that relation to the last digit; x = e^(u + log scale) */
        return exp_dd_value(dd_add(u_small, log_dd(scale)));
    double y;
    double y_small = exp(u_small.hi);
    if (a >= 1) { /* Wilson-Hilferty */
        double z = vd_qnorm(target.hi, 0, 1, !upper, 1);
        double c = 1 - 1 / (9 * a) + z / (3 * sqrt(a));
        y = c > 0 ? a * c * c * c : y_small;
        if (!upper && y < y_small) /* P(a, y) <= y^a / Gamma(a + 1): y >= y_small */
            y = y_small;
    } else {
        y = y_small;
    }
    if (upper) {
        /* Q = y^(a-1) e^-y / Gamma(a) (1 + O(1/y)) far out: the fixed point of
         * y = t + (a - 1) log y, where Wilson-Hilferty overshoots or fails */
        double t = -target.hi - lgamma_dd(a).hi;
        if (t > 1) {
            double y1 = t;
            for (int i = 0; i < 4; i++)
                y1 = t + (a - 1) * log(y1);
            if (y1 > 0 && (!(y > 0 && y <= DBL_MAX) || y1 > 4 * a || a < 1))
                y = y1;
        }
    }
    if (!(y >= 0x1p-1000))
        y = 0x1p-1000;
    if (!(y <= DBL_MAX))
        y = DBL_MAX;
    for (int it = 0; it < 200; it++) {
        dd lt;
        dd l = gamma_log_ratio(a, y, upper, &lt);
        dd resid = dd_sub(l, target);
        double r = resid.hi + resid.lo;
        if (r == 0)
            break;
        double g = a * exp((lt.hi - l.hi) + (lt.lo - l.lo)); /* d log P / d log y */
        if (upper)
            g = -g;
        double du = -r / g;
        if (!(du >= -GAMMA_NEWTON_MAX_STEP))
            du = -GAMMA_NEWTON_MAX_STEP;
        if (!(du <= GAMMA_NEWTON_MAX_STEP))
            du = GAMMA_NEWTON_MAX_STEP;
        if (fabs(du) <= GAMMA_NEWTON_DONE) {
            /* x = scale y e^du, one rounding */
            double y_lo = y * (du + 0.5 * du * du);
            dd p = two_prod(scale, y);
            return p.hi + (p.lo + scale * y_lo);
        }
        double next = y * exp(du);
        if (next < 0x1p-1000)
            next = 0x1p-1000;
        if (!(next <= DBL_MAX)) {
            if (y == DBL_MAX)
                return INFINITY;
            next = DBL_MAX;
        }
        if (next == y)
            break;
        y = next;
    }
    return scale * y;
}

static double qgamma_checked(double p, double shape, double scale, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(shape) || isnan(scale))
        return p + shape + scale;
    double b;
    if (quantile_boundaries(p, lower_tail, log_p, 0, INFINITY, &b))
        return b;
    if (shape < 0 || scale <= 0)
        return NAN;
    if (shape == 0)
        return 0;
    if (isinf(shape) || isinf(scale))
        return INFINITY; /* Rmath: the quantile of an unbounded scale or shape */
    /* the target: log P or log Q, whichever keeps p's digits */
    int upper = !lower_tail;
    dd target;
    if (!log_p) {
        if (p <= 0.5) {
            target = log_dd(p);
        } else {
            target = log_dd(1 - p); /* exact */
            upper = !upper;
        }
    } else if (p <= -LN2_DD_HI) {
        target = (dd){p, 0};
    } else {
        target = log1m_exp_dd((dd){p, 0});
        upper = !upper;
    }
    return gamma_quantile_scaled(shape, scale, upper, target);
}

VD_PUBLIC_SCALAR_FAMILY2(gamma, shape, scale)
