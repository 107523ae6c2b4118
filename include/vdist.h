/* vdist — vectorized statistical distribution functions, a drop-in for R's libRmath.
 *
 * Every function F of Rmath comes twice:
 *   double vd_F(x, params..., flags...)                      scalar reference
 *   void   vd_F_array(n, x, params..., flags..., out)        n elements, SIMD dispatched
 * Arguments, their order and meaning are Rmath's (R >= 4.2). In the _array form `out` may
 * alias `x`, n == 0 does nothing and no alignment is required; the parameters are scalars
 * shared by all elements. Results follow Rmath's semantics for boundaries, point masses and
 * invalid parameters (NaN), and are more accurate where Rmath loses digits.
 * The library never prints, never sets errno, never aborts and never allocates.
 *
 * Accuracy (ULP of the true value, measured against mpmath, tests/data): every public
 * function states its measured maximum below; subnormal results are within 2 ULP of
 * DBL_TRUE_MIN. Special values are bit-identical across ISAs.
 */
#ifndef VDIST_H
#define VDIST_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden visibility; these are its exported symbols. */
#if defined(__GNUC__)
#define VD_API __attribute__((visibility("default")))
#else
#define VD_API
#endif

/* ---- normal distribution N(mu, sigma^2) ------------------------------------------------
 * sigma < 0 or NaN anywhere gives NaN; sigma == 0 is a point mass at mu; x = ±Inf and
 * mu = ±Inf follow Rmath (e.g. pnorm(Inf, Inf, 1) is NaN).
 */

/* Density. Domain: all x; z = (x - mu)/sigma is formed in double-double so that large |z|
 * keeps its digits. give_log returns log density (finite for |z| up to ~1.9e154). */
VD_API double vd_dnorm(double x, double mu, double sigma, int give_log);
VD_API void vd_dnorm_array(size_t n, const double *x, double mu, double sigma, int give_log,
                    double *out);

/* Distribution function P(X <= q) (lower_tail) or P(X > q); log_p returns its log.
 * Accurate in both tails down to subnormal results, and log_p for any q
 * (e.g. log Phi(-1e5), log(1 - Phi(40))). */
VD_API double vd_pnorm(double q, double mu, double sigma, int lower_tail, int log_p);
VD_API void vd_pnorm_array(size_t n, const double *q, double mu, double sigma, int lower_tail,
                    int log_p, double *out);

/* Quantile: the x with pnorm(x, mu, sigma, lower_tail, log_p) == p. p in [0, 1]
 * (log p in [-Inf, 0] with log_p); p = 0, 1 give ∓Inf (reversed for the upper tail),
 * outside gives NaN. Accurate for every p in (0, 1) and log p down to -1e300 and beyond. */
VD_API double vd_qnorm(double p, double mu, double sigma, int lower_tail, int log_p);
VD_API void vd_qnorm_array(size_t n, const double *p, double mu, double sigma, int lower_tail,
                    int log_p, double *out);

/* ---- closed-form families ----------------------------------------------------------------
 * Rmath's argument order and semantics (R >= 4.2); NaN anywhere or an invalid parameter
 * (scale <= 0, shape <= 0, min > max) gives NaN. Densities take give_log; distribution
 * functions and quantiles take lower_tail and log_p, as vd_pnorm and vd_qnorm do. The tails
 * are computed in expm1/log1p forms, so upper tails, log p and p near 0 or 1 keep their
 * digits where Rmath loses them: Cauchy's far tails through atan of the reciprocal, the
 * log-normal through the normal's kernels with log x carried as a double-double, Weibull's
 * (x/scale)^shape from log x - log scale (no underflowing quotient). Measured against mpmath
 * over every golden region: scalar within 1.2 ULP, _array (AVX2, NEON) within 2.1 ULP. */

/* Uniform on [min, max] (min == max is a point mass). */
VD_API double vd_dunif(double x, double min, double max, int give_log);
VD_API double vd_punif(double q, double min, double max, int lower_tail, int log_p);
VD_API double vd_qunif(double p, double min, double max, int lower_tail, int log_p);
VD_API void vd_dunif_array(size_t n, const double *x, double min, double max, int give_log,
                           double *out);
VD_API void vd_punif_array(size_t n, const double *q, double min, double max, int lower_tail,
                           int log_p, double *out);
VD_API void vd_qunif_array(size_t n, const double *p, double min, double max, int lower_tail,
                           int log_p, double *out);

/* Exponential with mean `scale` (Rmath's C functions take scale = 1/rate, unlike R's). */
VD_API double vd_dexp(double x, double scale, int give_log);
VD_API double vd_pexp(double q, double scale, int lower_tail, int log_p);
VD_API double vd_qexp(double p, double scale, int lower_tail, int log_p);
VD_API void vd_dexp_array(size_t n, const double *x, double scale, int give_log, double *out);
VD_API void vd_pexp_array(size_t n, const double *q, double scale, int lower_tail, int log_p,
                          double *out);
VD_API void vd_qexp_array(size_t n, const double *p, double scale, int lower_tail, int log_p,
                          double *out);

/* Logistic with location and scale. */
VD_API double vd_dlogis(double x, double location, double scale, int give_log);
VD_API double vd_plogis(double q, double location, double scale, int lower_tail, int log_p);
VD_API double vd_qlogis(double p, double location, double scale, int lower_tail, int log_p);
VD_API void vd_dlogis_array(size_t n, const double *x, double location, double scale,
                            int give_log, double *out);
VD_API void vd_plogis_array(size_t n, const double *q, double location, double scale,
                            int lower_tail, int log_p, double *out);
VD_API void vd_qlogis_array(size_t n, const double *p, double location, double scale,
                            int lower_tail, int log_p, double *out);

/* Log-normal: log(X) is normal with mean meanlog and standard deviation sdlog. */
VD_API double vd_dlnorm(double x, double meanlog, double sdlog, int give_log);
VD_API double vd_plnorm(double q, double meanlog, double sdlog, int lower_tail, int log_p);
VD_API double vd_qlnorm(double p, double meanlog, double sdlog, int lower_tail, int log_p);
VD_API void vd_dlnorm_array(size_t n, const double *x, double meanlog, double sdlog,
                            int give_log, double *out);
VD_API void vd_plnorm_array(size_t n, const double *q, double meanlog, double sdlog,
                            int lower_tail, int log_p, double *out);
VD_API void vd_qlnorm_array(size_t n, const double *p, double meanlog, double sdlog,
                            int lower_tail, int log_p, double *out);

/* Cauchy with location and scale. */
VD_API double vd_dcauchy(double x, double location, double scale, int give_log);
VD_API double vd_pcauchy(double q, double location, double scale, int lower_tail, int log_p);
VD_API double vd_qcauchy(double p, double location, double scale, int lower_tail, int log_p);
VD_API void vd_dcauchy_array(size_t n, const double *x, double location, double scale,
                             int give_log, double *out);
VD_API void vd_pcauchy_array(size_t n, const double *q, double location, double scale,
                             int lower_tail, int log_p, double *out);
VD_API void vd_qcauchy_array(size_t n, const double *p, double location, double scale,
                             int lower_tail, int log_p, double *out);

/* Weibull with shape and scale: P(X <= x) = 1 - exp(-(x/scale)^shape). */
VD_API double vd_dweibull(double x, double shape, double scale, int give_log);
VD_API double vd_pweibull(double q, double shape, double scale, int lower_tail, int log_p);
VD_API double vd_qweibull(double p, double shape, double scale, int lower_tail, int log_p);
VD_API void vd_dweibull_array(size_t n, const double *x, double shape, double scale,
                              int give_log, double *out);
VD_API void vd_pweibull_array(size_t n, const double *q, double shape, double scale,
                              int lower_tail, int log_p, double *out);
VD_API void vd_qweibull_array(size_t n, const double *p, double shape, double scale,
                              int lower_tail, int log_p, double *out);

/* ---- gamma, chi-squared and Poisson ----------------------------------------------------------
 * Rmath's argument order and semantics (R >= 4.2); NaN anywhere or an invalid parameter
 * (shape < 0, scale <= 0, df < 0, lambda < 0) gives NaN. They rest on the incomplete gamma
 * ratios P(a, y), Q(a, y), computed in log space with double-double prefactors (Loader's
 * saddle-point form with stirlerr and bd0): both tails and their logs keep their digits for
 * shapes and lambdas from subnormal to beyond 1e15, x up to 1e300 and log p down to -1e300.
 * Measured against mpmath over every region of tests/data/gamma.tsv, chisq.tsv, pois.tsv
 * (tiny to 1e15 shapes and lambdas, both tails, subnormal results, log p to -1e300): scalar
 * within 1.6 ULP (d 0.5, p 1.6, q 0.9; qpois exact), _array (AVX2, NEON) within 3.2 ULP
 * (d 0.7, p 2.5, q 3.2; qpois exact). The _array forms run vector kernels for every shape
 * (Taylor's region from shape 2^-40; below, and single lanes out of a kernel's range, the
 * scalar reference). The Poisson _array forms build a table of their values over lambda +-
 * 7 sqrt(lambda) + 20 once per call where the call has at least 8 elements per entry (at
 * most 2048 entries, on the stack); every result is the same whichever way it is computed. */

/* Gamma with shape and scale (Rmath's C functions take scale = 1/rate): density
 * x^(shape-1) e^(-x/scale) / (Gamma(shape) scale^shape). shape == 0 is a point mass at 0;
 * at x = 0 the density is +Inf (shape < 1), 1/scale (shape == 1) or 0. */
VD_API double vd_dgamma(double x, double shape, double scale, int give_log);
VD_API double vd_pgamma(double q, double shape, double scale, int lower_tail, int log_p);
VD_API double vd_qgamma(double p, double shape, double scale, int lower_tail, int log_p);
VD_API void vd_dgamma_array(size_t n, const double *x, double shape, double scale,
                            int give_log, double *out);
VD_API void vd_pgamma_array(size_t n, const double *q, double shape, double scale,
                            int lower_tail, int log_p, double *out);
VD_API void vd_qgamma_array(size_t n, const double *p, double shape, double scale,
                            int lower_tail, int log_p, double *out);

/* Chi-squared with df degrees of freedom: the gamma with shape df/2 and scale 2, as in Rmath
 * (central only; df/2 rounds like Rmath's for subnormal df). */
VD_API double vd_dchisq(double x, double df, int give_log);
VD_API double vd_pchisq(double q, double df, int lower_tail, int log_p);
VD_API double vd_qchisq(double p, double df, int lower_tail, int log_p);
VD_API void vd_dchisq_array(size_t n, const double *x, double df, int give_log, double *out);
VD_API void vd_pchisq_array(size_t n, const double *q, double df, int lower_tail, int log_p,
                            double *out);
VD_API void vd_qchisq_array(size_t n, const double *p, double df, int lower_tail, int log_p,
                            double *out);

/* Poisson with mean lambda. dpois is 0 (log: -Inf) for non-integral x (|x - round(x)| >
 * 1e-7 max(1, |x|), Rmath's rule, without its warning); ppois(x) = P(X <= floor(x + 1e-7));
 * qpois is the smallest integer k with P(X <= k) >= p (P(X > k) < p for the upper tail),
 * with Rmath's fuzz of p by 8 (log p: 2) machine epsilons toward the step below. */
VD_API double vd_dpois(double x, double lambda, int give_log);
VD_API double vd_ppois(double q, double lambda, int lower_tail, int log_p);
VD_API double vd_qpois(double p, double lambda, int lower_tail, int log_p);
VD_API void vd_dpois_array(size_t n, const double *x, double lambda, int give_log, double *out);
VD_API void vd_ppois_array(size_t n, const double *q, double lambda, int lower_tail, int log_p,
                           double *out);
VD_API void vd_qpois_array(size_t n, const double *p, double lambda, int lower_tail, int log_p,
                           double *out);

/* ---- the strided form ---------------------------------------------------------------------
 * vd_F_strided(n, x, incx, p1, incp1, [p2, incp2,] flags..., out, incout): for k in [0, n),
 * out[k incout] = F(x[k incx], p1[k incp1], ...) — every argument an array with an element
 * increment (ptrdiff_t: elements, not bytes; any sign, the pointer is element 0), and an
 * increment of 0 broadcasts that argument. The shape a numpy ufunc's inner loop needs.
 * When all parameter increments are 0 the elements run through the SIMD _array form (in place
 * when x and out have increment 1, else gathered through a small buffer on the stack), so the
 * results are bit for bit those of vd_F_array; when a parameter varies, each element is the
 * scalar reference vd_F. out may be x itself (same increment); other overlaps of out with an
 * input are undefined. n == 0 does nothing; nothing is allocated. Declared per family: */
#define VD_STRIDED_D(F, ...) \
    VD_API void vd_##F##_strided(size_t n, const double *x, ptrdiff_t incx, __VA_ARGS__, \
                                 int give_log, double *out, ptrdiff_t incout);
#define VD_STRIDED_P(F, ...) \
    VD_API void vd_##F##_strided(size_t n, const double *x, ptrdiff_t incx, __VA_ARGS__, \
                                 int lower_tail, int log_p, double *out, ptrdiff_t incout);
#define VD_STRIDED_FAMILY(family, ...) \
    VD_STRIDED_D(d##family, __VA_ARGS__) VD_STRIDED_P(p##family, __VA_ARGS__) \
    VD_STRIDED_P(q##family, __VA_ARGS__)
VD_STRIDED_FAMILY(norm, const double *mu, ptrdiff_t incmu, const double *sigma, ptrdiff_t incsigma)
VD_STRIDED_FAMILY(unif, const double *min, ptrdiff_t incmin, const double *max, ptrdiff_t incmax)
VD_STRIDED_FAMILY(exp, const double *scale, ptrdiff_t incscale)
VD_STRIDED_FAMILY(logis, const double *location, ptrdiff_t inclocation, const double *scale,
                  ptrdiff_t incscale)
VD_STRIDED_FAMILY(lnorm, const double *meanlog, ptrdiff_t incmeanlog, const double *sdlog,
                  ptrdiff_t incsdlog)
VD_STRIDED_FAMILY(cauchy, const double *location, ptrdiff_t inclocation, const double *scale,
                  ptrdiff_t incscale)
VD_STRIDED_FAMILY(weibull, const double *shape, ptrdiff_t incshape, const double *scale,
                  ptrdiff_t incscale)
VD_STRIDED_FAMILY(gamma, const double *shape, ptrdiff_t incshape, const double *scale,
                  ptrdiff_t incscale)
VD_STRIDED_FAMILY(chisq, const double *df, ptrdiff_t incdf)
VD_STRIDED_FAMILY(pois, const double *lambda, ptrdiff_t inclambda)
#undef VD_STRIDED_FAMILY
#undef VD_STRIDED_P
#undef VD_STRIDED_D

/* ---- the function registry ---------------------------------------------------------------
 * Every function of the library with its name, parameters and one calling form for all, for
 * code that wraps them all (the vdist tool, language bindings, tests). `param` holds the
 * n_params parameters in Rmath's order; log_flag is give_log for a density (which ignores
 * lower_tail) and log_p otherwise. `scalar` is vd_F, `array` is vd_F_array, `strided`
 * vd_F_strided (with param[i] an array of increment inc_param[i]). */
enum vd_kind { VD_DENSITY, VD_CDF, VD_QUANTILE };
#define VD_MAX_PARAMS 3
typedef double (*vd_scalar_fn)(double x, const double *param, int lower_tail, int log_flag);
typedef void (*vd_array_fn)(size_t n, const double *x, const double *param, int lower_tail,
                            int log_flag, double *out);
typedef void (*vd_strided_fn)(size_t n, const double *x, ptrdiff_t incx,
                              const double *const *param, const ptrdiff_t *inc_param,
                              int lower_tail, int log_flag, double *out, ptrdiff_t incout);
struct vd_function {
    const char *name;   /* "pnorm" */
    const char *family; /* "norm" */
    enum vd_kind kind;
    int n_params;
    const char *param_name[VD_MAX_PARAMS]; /* R's names: "mean", "sd" */
    double param_default[VD_MAX_PARAMS];   /* R's defaults */
    vd_scalar_fn scalar;
    vd_array_fn array;
    vd_strided_fn strided; /* vd_F_strided */
};

/* All functions (*count of them, families in order, d p q within a family). */
VD_API const struct vd_function *vd_functions(size_t *count);
/* The function with that name ("pnorm"), or NULL. */
VD_API const struct vd_function *vd_function_named(const char *name);

/* ---- dispatch ---------------------------------------------------------------------------
 * The _array functions run the kernels of one instruction set, chosen once: the best the
 * CPU supports, unless the environment variable VDIST_ISA ("auto", "scalar", "avx2",
 * "avx512", "neon") says otherwise at first use (an unknown or unsupported value means "auto").
 * vd_set_isa changes it later (thread-safe): 0 on success, -1 and nothing changed if the
 * name is unknown or the ISA is not supported here. "scalar" is always available and runs
 * the scalar reference. vd_get_isa names the ISA the _array functions run now.
 */
VD_API const char *vd_get_isa(void);
VD_API int vd_set_isa(const char *name);

/* 1 if the named ISA ("scalar", "avx2", "avx512", "neon") can run on this machine and was
 * built in. */
VD_API int vd_isa_supported(const char *name);
/* The ISA names vdist knows, i = 0, 1, ...: "scalar" first, then from the least to the most
 * preferred (of the supported ones, "auto" takes the last); NULL past the end. Supported or
 * not: ask vd_isa_supported. (avx512 means AVX-512 F, DQ and VL.) */
VD_API const char *vd_isa_name(int i);

#ifdef __cplusplus
}
#endif

#endif
