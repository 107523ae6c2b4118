/* Poisson distribution (lambda) kernels.
 *
 * dpois is vectorised: for integral x = k >= 1 (Rmath's R_nonint rule, then k = the nearest
 * integer), Loader's saddle-point form as the scalar reference,
 *     log d = -stirlerr(k) - bd0(k, lambda) - log sqrt(2 pi) - log(k)/2,
 * with stirlerr from specfun's double-double table below 10 (gathered per lane) and Binet's
 * series from 10 on (~2^-60 absolute), bd0 from gamma.h's v_bd0_dd and log k from
 * v_log_full_dd, summed in double-double. Lanes left to the scalar reference: x = 0,
 * non-finite x, k beyond 2^52, results outside the normal range and log densities that
 * cancel to below 1/4.
 *
 * ppois and qpois STILL RUN THE SCALAR REFERENCE element by element (their vector kernels
 * are still to be written: ppois through the incomplete gamma ratio, see
 * src/scalar/gamma_internal.h). */
#ifndef VDIST_SIMD_POIS_H
#define VDIST_SIMD_POIS_H

#include "vdist.h"
#include "common.h"
#include "../scalar/specfun_tables.h"
/* gamma.h's v_bd0_dd and v_density_from_log: all.h includes gamma.h before this file */

struct pois_args {
    double lambda;
    double ll_hi, ll_lo; /* log lambda */
    int lower_tail, log_flag;
};

VD_SCALAR_LANES1(pois, struct pois_args, lambda)

/* stirlerr(k) = hi + *lo for integral k >= 1 (other lanes: any stand-in) */
ALWAYS_INLINE vdbl v_stirlerr_int(vdbl k, vdbl *lo)
{
    vmsk small = v_lt(k, v_set(10));
    /* stirlerr_halves[2k] = {hi, lo}: flat index 4k */
    vdbl row = v_mul(v_min(k, v_set(9)), v_set(4));
    vdbl t_hi = v_gather(&stirlerr_halves[0][0], row), t_lo = v_gather(&stirlerr_halves[0][1], row);
    vdbl r = v_div(v_set(1), v_max(k, v_set(10)));
    vdbl series = v_mul(r, v_poly_split(stirling_series, STIRLING_SERIES_DEGREE, v_mul(r, r)));
    *lo = v_sel(small, t_lo, v_set(0));
    return v_sel(small, t_hi, series);
}

ALWAYS_INLINE vdbl dpois_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct pois_args *a = args;
    vdbl k = v_round(x);
    vdbl ax = v_abs(x);
    /* R_nonint: |x - k| > 1e-7 max(1, |x|) (NaN: neither) */
    vmsk nonint = v_lt(v_mul(v_set(1e-7), v_max(v_set(1), ax)), v_abs(v_sub(x, k)));
    vmsk zero = v_or(nonint, v_lt(x, v_set(0)));
    vmsk ok = v_andnot(zero, v_and(v_le(v_set(1), k), v_le(k, v_set(0x1p52))));
    k = v_sel(ok, k, v_set(1));
    vdbl lk_lo, lk = v_log_full_dd(k, &lk_lo);
    vdbl L_lo, L = v_two_sum(lk, v_set(-a->ll_hi), &L_lo); /* log k - log lambda */
    L_lo = v_add(L_lo, v_sub(lk_lo, v_set(a->ll_lo)));
    vdbl b_lo, b = v_bd0_dd(k, v_set(a->lambda), v_set(0), L, L_lo, &b_lo);
    vdbl st_lo, st = v_stirlerr_int(k, &st_lo);
    /* -(stirlerr + bd0 + log k / 2 + log sqrt(2 pi)) */
    vdbl e1, s1 = v_two_sum(b, st, &e1);
    vdbl e2, s2 = v_two_sum(s1, v_mul(v_set(0.5), lk), &e2);
    vdbl e3, s3 = v_two_sum(s2, v_set(LN_SQRT_2PI_HI), &e3);
    vdbl rest = v_add(v_add(v_add(e1, e2), e3),
                      v_add(v_add(b_lo, st_lo), v_fma(v_set(0.5), lk_lo, v_set(LN_SQRT_2PI_LO))));
    vdbl hi = v_neg(s3), lo = v_neg(rest);
    vdbl r = v_density_from_log(hi, lo, a->log_flag, &ok);
    *slow = v_not(v_or(zero, ok));
    return v_sel(zero, v_set(a->log_flag ? -INFINITY : 0), r);
}

static struct pois_args pois_args_make(const double *param, int lower_tail, int log_flag)
{
    dd ll = log_dd(param[0]);
    return (struct pois_args){param[0], ll.hi, ll.lo, lower_tail, log_flag};
}

static void ISA_SUFFIX(dpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct pois_args a = pois_args_make(param, 1, give_log);
    run_array(n, x, out, &a, dpois_vec, dpois_one);
}

static void ISA_SUFFIX(ppois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct pois_args a = pois_args_make(param, lower_tail, log_p);
    for (size_t i = 0; i < n; i++)
        out[i] = ppois_one(x[i], &a);
}

static void ISA_SUFFIX(qpois_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct pois_args a = pois_args_make(param, lower_tail, log_p);
    for (size_t i = 0; i < n; i++)
        out[i] = qpois_one(x[i], &a);
}

#endif
