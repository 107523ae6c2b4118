/* Gamma distribution (shape, scale) kernels.
 *
 * THE VECTOR KERNELS ARE STILL TO BE WRITTEN: for now d/p/qgamma_array run the scalar
 * reference (src/scalar/gamma.c) element by element, so that the registry, dispatch, the
 * vdist tool, the tests and the benchmark see the functions under every ISA. The pieces a
 * vector kernel will need (x per lane, the parameters fixed per call) are in
 * src/scalar/gamma_internal.h: the log term, the series, the continued fraction and
 * Temme's expansion with its coefficient table (gamma_temme.h). */
#ifndef VDIST_SIMD_GAMMA_H
#define VDIST_SIMD_GAMMA_H

#include "vdist.h"
#include "common.h"
#include "../scalar/specfun.h"

/* x at least this: x/scale's remainder is exact and log x a normal log */
#define GAMMA_X_TINY 0x1p-960
/* dgamma up to this shape: log d = (shape - 1) log y - y - lgamma(shape) - log scale directly
 * (the log's ~2^-70 absolute times shape - 1, lgamma's 2^-64 relative: below 2^-56);
 * beyond, Loader's form through bd0, whose terms do not grow with shape */
#define GAMMA_D_DIRECT_MAX 64.0
/* bd0(x, np) by its series in v = (x - np)/(x + np) up to this |v| (as the scalar core) */
#define BD0_SERIES_MAX 0x1p-4

struct gamma_args {
    double shape, scale, inv_scale;
    double ls_hi, ls_lo;   /* log scale */
    double la_hi, la_lo;   /* log shape */
    double m1_hi, m1_lo;   /* shape - 1 */
    double c_hi, c_lo;     /* dgamma: the constant term of log d (see dgamma_vec) */
    int lower_tail, log_flag;
    int direct;            /* dgamma: shape <= GAMMA_D_DIRECT_MAX */
};

/* bd0(x, np) = x log(x/np) + np - x for an exact double x > 0 and np = np + np_lo, with
 * log x - log np = L + L_lo at hand (~2^-70 absolute), as hi + *lo to ~2^-64 relative:
 * where |v| <= 1/16 Loader's series
 *     bd0 = (x - np) v + 2x (v^3/3 + v^5/5 + ...),  v = (x - np)/(x + np),
 * with (x - np) v and 2x v^3/3 in double-double (the rest is below 2^-14 of the sum), else
 * x (log x - log np) + (np - x), which cancels by at most a factor ~2^8 there. */
ALWAYS_INLINE vdbl v_bd0_dd(vdbl x, vdbl np, vdbl np_lo, vdbl L, vdbl L_lo, vdbl *lo)
{
    static const double series[7] = {1.0 / 5,  1.0 / 7,  1.0 / 9, 1.0 / 11,
                                     1.0 / 13, 1.0 / 15, 1.0 / 17}; /* truncation 2^-70 */
    vdbl e, dh = v_two_sum(x, v_neg(np), &e);
    vdbl dl = v_sub(e, np_lo); /* x - np */
    vdbl sh = v_two_sum(x, np, &e);
    vdbl sl = v_add(e, np_lo); /* x + np */
    vdbl rec = v_div(v_set(1), sh);
    vdbl vh = v_mul(dh, rec);
    vdbl vl = v_mul(v_add(v_fnma(vh, sh, dh), v_fnma(vh, sl, dl)), rec);
    /* (x - np) v */
    vdbl dv_lo, dv = v_two_prod(dh, vh, &dv_lo);
    dv_lo = v_add(dv_lo, v_fma(dh, vl, v_mul(dl, vh)));
    /* v^3 and 2x/3 v^3 (2x/3 with its remainder: 2x is exact) */
    vdbl v2_lo, v2 = v_two_prod(vh, vh, &v2_lo);
    v2_lo = v_fma(v_add(vh, vh), vl, v2_lo);
    vdbl v3_lo, v3 = v_two_prod(v2, vh, &v3_lo);
    v3_lo = v_add(v3_lo, v_fma(v2, vl, v_mul(v2_lo, vh)));
    vdbl x2 = v_add(x, x), c = v_mul(x2, v_set(1.0 / 3));
    vdbl c_lo = v_mul(v_fnma(c, v_set(3), x2), v_set(1.0 / 3));
    vdbl t_lo, t = v_two_prod(c, v3, &t_lo);
    t_lo = v_add(t_lo, v_fma(c, v3_lo, v_mul(c_lo, v3)));
    vdbl rest = v_mul(v_mul(v_mul(x2, v3), v2), v_poly_split(series, 6, v2));
    vdbl s_err, s = v_two_sum(dv, t, &s_err);
    vdbl s_lo = v_add(v_add(s_err, rest), v_add(dv_lo, t_lo));
    /* far: x L - (x - np) */
    vdbl xL_lo, xL = v_two_prod(x, L, &xL_lo);
    xL_lo = v_fma(x, L_lo, xL_lo);
    vdbl f_err, f = v_two_sum(xL, v_neg(dh), &f_err);
    vdbl f_lo = v_add(f_err, v_sub(xL_lo, dl));
    vmsk series_lane = v_le(v_abs(vh), v_set(BD0_SERIES_MAX));
    return v_fast_two_sum(v_sel(series_lane, s, f), v_sel(series_lane, s_lo, f_lo), lo);
}

/* The density through its log:
 *   shape <= GAMMA_D_DIRECT_MAX: log d = (shape - 1) log y - y + c, c = -lgamma(shape) - log scale;
 *   beyond (Loader):             log d = c - bd0(shape, y) - log x,
 *                                c = log(shape)/2 - stirlerr(shape) - log sqrt(2 pi),
 * summed in double-double; log y = log x - log scale with log x from v_log_full_dd. Lanes
 * left to the scalar reference: x = 0, tiny or non-finite x, y outside [2^-1000, 2^1000],
 * a density outside the normal range, and log densities that cancel to below 1/4 (their
 * relative error would show the terms' ~2^-56 absolute). */
ALWAYS_INLINE vdbl dgamma_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct gamma_args *a = args;
    vmsk negative = v_lt(x, v_set(0)); /* -Inf included */
    vdbl y_lo, y = v_div_diff_dd(x, v_set(0), v_set(a->scale), v_set(a->inv_scale), &y_lo);
    vmsk ok = v_and(v_and(v_le(v_set(GAMMA_X_TINY), x), v_finite(x)),
                    v_and(v_le(v_set(0x1p-1000), y), v_le(y, v_set(0x1p1000))));
    vdbl xs = v_sel(ok, x, v_set(a->scale));
    y = v_sel(ok, y, v_set(1));
    y_lo = v_sel(ok, y_lo, v_set(0));
    vdbl lx_lo, lx = v_log_full_dd(xs, &lx_lo);
    vdbl ly_lo, ly = v_two_sum(lx, v_set(-a->ls_hi), &ly_lo);
    ly_lo = v_add(ly_lo, v_sub(lx_lo, v_set(a->ls_lo)));
    vdbl hi, lo;
    if (a->direct) {
        vdbl p_lo, p = v_two_prod(v_set(a->m1_hi), ly, &p_lo);
        p_lo = v_add(p_lo, v_fma(v_set(a->m1_hi), ly_lo, v_mul(v_set(a->m1_lo), ly)));
        vdbl e1, s1 = v_two_sum(p, v_neg(y), &e1);
        vdbl e2, s2 = v_two_sum(s1, v_set(a->c_hi), &e2);
        hi = s2;
        lo = v_add(v_add(e1, e2), v_add(v_sub(p_lo, y_lo), v_set(a->c_lo)));
    } else {
        /* log shape - log y */
        vdbl L_lo, L = v_two_sum(v_set(a->la_hi), v_neg(ly), &L_lo);
        L_lo = v_add(L_lo, v_sub(v_set(a->la_lo), ly_lo));
        vdbl b_lo, b = v_bd0_dd(v_set(a->shape), y, y_lo, L, L_lo, &b_lo);
        vdbl e1, s1 = v_two_sum(v_set(a->c_hi), v_neg(b), &e1);
        vdbl e2, s2 = v_two_sum(s1, v_neg(lx), &e2);
        hi = s2;
        lo = v_add(v_add(e1, e2), v_sub(v_set(a->c_lo), v_add(b_lo, lx_lo)));
    }
    vdbl r;
    if (a->log_flag) {
        r = v_add(hi, lo);
        ok = v_and(ok, v_le(v_set(0.25), v_abs(hi)));
    } else {
        ok = v_and(ok, v_and(v_le(v_set(-707), hi), v_le(hi, v_set(709))));
        vdbl e_lo, e = v_exp_dd(v_min(v_max(hi, v_set(-707)), v_set(709)), &e_lo);
        r = v_add(e, v_fma(e, lo, e_lo));
    }
    *slow = v_not(v_or(negative, ok));
    return v_sel(negative, v_set(a->log_flag ? -INFINITY : 0), r);
}


VD_SCALAR_LANES2(gamma, struct gamma_args, shape, scale)

/* param = {shape, scale}: what the kernels need of them, computed once per call */
static struct gamma_args gamma_args_make(const double *param, int lower_tail, int log_flag)
{
    double shape = param[0], scale = param[1];
    dd ls = log_dd(scale), la = log_dd(shape), m1 = two_sum(shape, -1);
    int direct = shape <= GAMMA_D_DIRECT_MAX;
    dd c;
    if (direct)
        c = dd_neg(dd_add(lgamma_dd(shape), ls));
    else
        c = dd_sub(dd_sub((dd){la.hi / 2, la.lo / 2}, stirlerr_dd(shape)),
                   (dd){LN_SQRT_2PI_HI, LN_SQRT_2PI_LO});
    return (struct gamma_args){shape, scale, 1 / scale, ls.hi,      ls.lo,    la.hi,  la.lo, m1.hi,
                               m1.lo, c.hi,  c.lo,      lower_tail, log_flag, direct};
}

static void ISA_SUFFIX(dgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    const struct gamma_args a = gamma_args_make(param, 1, give_log);
    run_array(n, x, out, &a, dgamma_vec, dgamma_one);
}

static void ISA_SUFFIX(pgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = gamma_args_make(param, lower_tail, log_p);
    for (size_t i = 0; i < n; i++)
        out[i] = pgamma_one(x[i], &a);
}

static void ISA_SUFFIX(qgamma_array)(size_t n, const double *x, const double *param,
                                   int lower_tail, int log_p, double *out)
{
    const struct gamma_args a = gamma_args_make(param, lower_tail, log_p);
    for (size_t i = 0; i < n; i++)
        out[i] = qgamma_one(x[i], &a);
}

#endif
