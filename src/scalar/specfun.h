/* The special-function core shared by the gamma, chi-squared and Poisson families (and later
 * beta and binomial): log Gamma, Binet's function (stirlerr), Loader's deviance term bd0 and
 * log1pmx, as double-doubles so that callers can take exp() of large results and subtract
 * nearly equal ones. Internal to vdist (hidden like the rest of src/scalar), not public API.
 *
 * Accuracy, measured by tests/test_specfun.c on tests/data/specfun.tsv (5022 points, mpmath)
 * and by a 55,000-point random sweep: the hi part within 0.500 ULP of the true value (the
 * budget in tests/data/ulp_budget.tsv is 2), and hi + lo within 2^-64 of it, relative, or
 * better (test budget 2^-60), for every function and region, subnormal results included
 * (there in absolute terms). Per function, the worst pair: lgamma 2^-68.7, lgamma1p 2^-69,
 * stirlerr 2^-70, bd0 2^-64.2, log1pmx 2^-64.6 (in the series' double tails).
 * Arguments outside a domain give NaN (never a trap, never errno). Cost per call on a
 * shared x86-64 built without FMA (tools/bench-specfun, where libRmath's lgammafn takes
 * ~70 ns): lgamma 55-230 ns, lgamma1p 50-240 ns, stirlerr 4 ns at half-integers below 10,
 * 35 ns from 10 on, ~230 ns elsewhere; bd0 ~25 ns (series) and ~50 ns (log); log1pmx
 * 24-40 ns (libRmath's ~17). R's lgammacor(x) is stirlerr_dd(x) for x >= 10. */
#ifndef VDIST_SPECFUN_H
#define VDIST_SPECFUN_H

#include "numerics.h"

/* log Gamma(x) for x > 0: relative accuracy everywhere, also at the zeros x = 1 and x = 2,
 * for subnormal x (where it is -log x) and up to the overflow point 2.5537e305 (+Inf
 * beyond, and for x = +Inf). NaN for x <= 0 and NaN: unlike R's lgammafn, which gives +Inf
 * at 0 and the non-positive integers and log|Gamma| between them, the core serves the
 * families' shapes and counts, which are positive; a public lgamma would add the
 * reflection. */
dd lgamma_dd(double x);

/* log Gamma(1 + a) for a > -1, with relative accuracy for small |a| (where it is -gamma a,
 * and 1 + a as a double would have lost a's digits); NaN for a <= -1 and NaN, +Inf for
 * a = +Inf. */
dd lgamma1p_dd(double a);

/* stirlerr(n) = log Gamma(n + 1) - ((n + 1/2) log n - n + log sqrt(2 pi)) for n >= 0, which
 * is Binet's function mu(n) = log Gamma(n) - ((n - 1/2) log n - n + log sqrt(2 pi)) (R's
 * lgammacor(n) for n >= 10 is the same function). Positive and decreasing; ~1/(12 n) for
 * large n; 0 at n = +Inf. At n = 0 the limit is +Inf (-log(n)/2 grows without bound), which
 * is returned; R's stirlerr(0) is 0, a placeholder of its table that its callers never use
 * (they treat x = 0 themselves), and callers of this one must do the same. NaN for n < 0
 * and NaN. */
dd stirlerr_dd(double n);

/* bd0(x, np) = x log(x / np) + np - x >= 0, the deviance term of Loader's saddle-point
 * densities, for x >= 0 and np > 0, without cancellation where x is near np and without
 * overflow of x log(x / np) where the result is finite (+Inf only where the true value
 * overflows). x = 0 gives np. An infinite x or np (not both) gives +Inf, the limit; both
 * infinite, np <= 0, x < 0 or NaN give NaN. (R's bd0 gives NaN for every non-finite
 * argument; its callers check those first.) */
dd bd0_dd(double x, double np);

/* log(1 + x) - x for x >= -1: -Inf at x = -1 and x = +Inf, NaN below -1 and for NaN;
 * relative accuracy near 0 (where it is -x^2/2). */
dd log1pmx_dd(double x);
static inline double log1pmx(double x) { return log1pmx_dd(x).hi; }

#endif
