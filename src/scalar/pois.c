/* Poisson distribution: scalar reference.
 *
 *   dpois(x, lambda) = e^log_term(x, lambda) (gamma_internal.h: Loader's saddle-point form
 *       -stirlerr(x) - bd0(x, lambda) - log sqrt(2 pi x), in double-double), for integral x;
 *       Rmath's rule for "integral": |x - nearbyint(x)| <= 1e-7 max(1, |x|), else 0.
 *   ppois(x, lambda) = P(X <= floor(x + 1e-7)) = Q(x + 1, lambda), the upper incomplete gamma
 *       ratio (its upper tail P(x + 1, lambda)) from the gamma reference's gamma_log_ratio, in
 *       log space.
 *   qpois: Rmath's discrete semantics: the smallest integer k with P(X <= k) >= p (lower
 *       tail) or P(X > k) < p (upper tail), compared in the caller's scale (log or not), p
 *       first moved by Rmath's fuzz (p (1 - 8 eps), p (1 + 8 eps) unless 1 - p <= 32 eps,
 *       log p (1 + 2 eps) lower and (1 - 2 eps) upper) so that a probability computed at a
 *       step still returns that step. The search starts at the Cornish-Fisher guess
 *       lambda + sqrt(lambda) (z + (z^2 - 1) / (6 sqrt(lambda))) and gallops, then bisects,
 *       with the accurate ppois.
 */
#include <float.h>

#include "vdist.h"
#include "numerics.h"
#include "params.h"
#include "gamma_internal.h"

int pois_params_regular(const double *param)
{
    double lambda = param[0];
    return lambda > 0 && lambda <= 0x1p60;
}

static double d0(int give_log) { return give_log ? -INFINITY : 0; }

static double dt_0(int lower_tail, int log_p)
{
    return lower_tail ? (log_p ? -INFINITY : 0.0) : (log_p ? 0.0 : 1.0);
}

/* Rmath's R_nonint */
static int non_integer(double x)
{
    return fabs(x - nearbyint(x)) > 1e-7 * fmax(1., fabs(x));
}

static double dpois_checked(double x, double lambda, int give_log)
{
    if (isnan(x) || isnan(lambda))
        return x + lambda;
    if (lambda < 0)
        return NAN;
    if (non_integer(x) || x < 0 || !isfinite(x))
        return d0(give_log);
    x = nearbyint(x);
    if (lambda == 0)
        return x == 0 ? (give_log ? 0 : 1) : d0(give_log);
    if (!isfinite(lambda))
        return d0(give_log);
    if (x == 0)
        return give_log ? -lambda : exp(-lambda);
    dd l = gamma_log_term(x, lambda);
    return give_log ? l.hi + l.lo : exp_dd_value(l);
}

static double ppois_checked(double x, double lambda, int lower_tail, int log_p)
{
    if (isnan(x) || isnan(lambda))
        return x + lambda;
    if (lambda < 0)
        return NAN;
    if (x < 0)
        return dt_0(lower_tail, log_p);
    if (lambda == 0 || !isfinite(x))
        return dt_0(!lower_tail, log_p);
    if (!isfinite(lambda))
        return dt_0(lower_tail, log_p);
    x = floor(x + 1e-7);
    /* P(X <= x) = Q(x + 1, lambda) */
    dd l = gamma_log_ratio(x + 1, lambda, lower_tail, NULL);
    return log_p ? (l.lo == 0 ? l.hi : l.hi + l.lo) : exp_dd_value(l);
}

/* The search's predicate: k is the quantile or beyond */
struct pois_search {
    double lambda, p;
    int lower_tail, log_p;
};

static int pois_at_or_past(const struct pois_search *s, double k)
{
    double F = ppois_checked(k, s->lambda, s->lower_tail, s->log_p);
    return s->lower_tail ? F >= s->p : F < s->p;
}

static double qpois_checked(double p, double lambda, int lower_tail, int log_p)
{
    if (isnan(p) || isnan(lambda))
        return p + lambda;
    if (!isfinite(lambda) || lambda < 0)
        return NAN;
    if (log_p ? p > 0 : (p < 0 || p > 1))
        return NAN;
    if (lambda == 0)
        return 0;
    double b;
    if (quantile_boundaries(p, lower_tail, log_p, 0, INFINITY, &b))
        return b;
    /* the Cornish-Fisher start, from p as given */
    double sigma = sqrt(lambda);
    double z = vd_qnorm(p, 0, 1, lower_tail, log_p);
    double k = nearbyint(lambda + sigma * (z + (z * z - 1) / (6 * sigma)));
    if (!(k >= 0))
        k = 0;
    if (!(k <= DBL_MAX))
        k = DBL_MAX;
    /* Rmath's fuzz */
    if (log_p)
        p *= lower_tail && p > -DBL_MAX ? 1 + 2 * DBL_EPSILON : 1 - 2 * DBL_EPSILON;
    else if (lower_tail)
        p *= 1 - 8 * DBL_EPSILON;
    else if (1 - p > 32 * DBL_EPSILON)
        p *= 1 + 8 * DBL_EPSILON;
    const struct pois_search s = {lambda, p, lower_tail, log_p};
    /* a start far out (log p near -Inf) whose answer is 0: no search down to it */
    if (k > 0x1p20 && pois_at_or_past(&s, 0))
        return 0;
    /* far in the upper tail (log of the upper tail probability L below -1000, beyond what
     * the normal start can see) P(X > k) ~ dpois(k + 1): start from the root of
     * k (log(k / lambda) - 1) + lambda = -L by fixed-point steps */
    double L = log_p ? (lower_tail ? NAN : p) : (lower_tail ? NAN : log(p));
    if (L < -1000 && k > lambda) {
        double t = fmax(-L, lambda);
        for (int i = 0; i < 60; i++) {
            double next = (-L - lambda) / (log(t / lambda) - 1);
            if (!(next > lambda) || fabs(next - t) <= 0x1p-40 * t)
                break;
            t = next;
        }
        if (t > lambda && t <= DBL_MAX)
            k = nearbyint(t);
    }
    /* lo: not yet the quantile (-1: below 0), hi: the quantile or beyond */
    /* steps of 1 from the start (it is within a few of the answer but in the far tails);
     * from starts beyond 2^52 (log p near -Inf) steps of k 2^-30 */
    double lo, hi, step = k < 0x1p52 ? 1 : floor(k * 0x1p-30);
    if (pois_at_or_past(&s, k)) {
        hi = k;
        for (;;) {
            if (hi == 0) {
                lo = -1;
                break;
            }
            lo = fmax(hi - step, 0);
            if (!pois_at_or_past(&s, lo))
                break;
            hi = lo;
            step *= 2;
        }
    } else {
        lo = k;
        for (;;) {
            hi = lo + step;
            if (!(hi <= DBL_MAX))
                return INFINITY;
            if (pois_at_or_past(&s, hi))
                break;
            lo = hi;
            step *= 2;
        }
    }
    while (hi - lo > 1) {
        /* bisect on the log scale while the bracket spans more than a factor of 8 (a start
         * of ~1e300 for an answer of 0 would take ~1000 halvings) */
        double mid = hi > 8 * fmax(lo, 1) ? floor(sqrt(fmax(lo, 1)) * sqrt(hi))
                                          : floor(lo + (hi - lo) / 2);
        if (mid <= lo || mid >= hi)
            break;
        if (pois_at_or_past(&s, mid))
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

VD_PUBLIC_SCALAR_FAMILY1(pois, lambda)
