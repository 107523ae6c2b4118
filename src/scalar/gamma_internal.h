/* The incomplete gamma machinery of src/scalar/gamma.c, shared with the Poisson and
 * chi-squared references and meant for the SIMD kernels to come (x per lane, shape fixed per
 * call). Internal to vdist.
 *
 * Notation: a > 0 the shape, y > 0 the standardized argument x/scale, P(a, y) and
 * Q(a, y) = 1 - P(a, y) the regularized incomplete gamma ratios, and
 *     log_term(a, y) = log(y^a e^-y / Gamma(a + 1))   (Loader's dpois_raw(a, y) in log form),
 * the common prefactor: the gamma density is (a/x) e^log_term, Poisson's is e^log_term.
 *
 * Which method computes which ratio (gamma_log_ratio):
 *   a < 1, y < 1           Taylor: P = y^a/Gamma(a+1) (1 + s), s = sum_{n>=1} a (-y)^n/(n! (a+n)),
 *                          Q = -expm1(a log y - lgamma1p(a)) - y^a/Gamma(a+1) s  (both direct)
 *   a >= GAMMA_TEMME_MIN,  Temme's uniform expansion (the smaller tail: Q for y > a, P below),
 *   |y/a - 1| <= GAMMA_TEMME_WIDTH
 *   else y < a             the series P = e^log_term sum_n y^n / ((a+1)...(a+n))
 *   else                   Legendre's continued fraction for Q = a e^log_term / f (Lentz)
 * and the other ratio as log(1 - e^log T). */
#ifndef VDIST_GAMMA_INTERNAL_H
#define VDIST_GAMMA_INTERNAL_H

#include "numerics.h"

#define GAMMA_TEMME_MIN 20.0   /* shapes from here on take the uniform expansion ... */
#define GAMMA_TEMME_WIDTH 0.4  /* ... for |y/a - 1| up to this */

/* log_term(a, y) as a double-double, for finite a > 0 and y > 0 (subnormal y too):
 * -stirlerr(a) - bd0(a, y) - log sqrt(2 pi a) for a > 1 and y a normal double in
 * [2^-1000, 2^1000] (no cancellation between a log y and y), else a log y - y - lgamma1p(a). */
dd gamma_log_term(double a, double y);

/* log P(a, y) (upper = 0) or log Q(a, y) (upper = 1) as a double-double, for finite a > 0
 * and y > 0 a double taken as exact (its absolute error ~2^-64 max(1, |log T|) and the
 * methods' few roundings: relative error of T a few 2^-53). *log_term gets log_term(a, y)
 * unless NULL (the quantile's Newton step and the derivative correction need it). */
dd gamma_log_ratio(double a, double y, int upper, dd *log_term);

/* d log T / dy at y for T = P (upper = 0) or Q: +-(a/y) e^(log_term - log T); the first-order
 * correction for an argument y + y_lo that is a double-double. */
double gamma_log_ratio_slope(double a, double y, int upper, dd log_term, dd log_t);

/* The pieces, each returning the log of the ratio it computes directly:
 * the series for log P (y < a, or anywhere it converges), */
dd gamma_series_log_p(double a, double y, dd log_term);
/* the continued fraction for log Q (y > a, or y >= 1 for a < 1), */
dd gamma_cf_log_q(double a, double y, dd log_term);
/* Temme's expansion for a >= GAMMA_TEMME_MIN (coefficients in gamma_temme.h): the log of
 * the smaller ratio, Q if *upper is set to 1 (y > a), else P. S(eta, a) = sum_k C_k(eta)
 * a^-k and the normal tail through norm's scaled Mills ratio. */
dd gamma_temme_log_tail(double a, double y, int *upper);

/* log(1 - e^l) for l < 0 as a double-double (the other ratio from one's log). */
dd log1m_exp_dd(dd l);

/* e^l as a double for a double-double l (0 below -1500, Inf above 710). */
double exp_dd_value(dd l);

/* The gamma quantile x = scale y, y with log P(a, y) = target (upper = 0) or log Q(a, y) =
 * target (upper = 1), for a double-double target < 0 and finite a > 0, scale > 0:
 *   y < e^-45:  log y = (log P + lgamma1p(a)) / a, P = y^a / Gamma(a + 1) (1 + O(y)) being
 *               exact to the last digit there; x = e^(log y + log scale);
 *   else        Newton on u = log y (log P and log Q are concave in u, so it converges
 *               monotonically; steps clamped to 4) from Wilson-Hilferty (a >= 1), the small-y
 *               relation above, or for the upper tail far out the fixed point of
 *               y = -log Q - lgamma(a) + (a - 1) log y; it stops once a step is below 2^-36
 *               and x = scale y e^step is rounded once. */
double gamma_quantile_scaled(double a, double scale, int upper, dd target);

#endif
