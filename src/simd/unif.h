/* Uniform distribution kernels, written once over the vector layer (see src/scalar/unif.c).
 * Near the memory floor, so kept short: exact differences (two_sum), one quotient by
 * 1/(b - a) with its remainder, and a logarithm only for the log flags. Boundary lanes
 * (x outside (a, b), p at 0 or 1) take the constant Rmath gives; NaN and the rare lanes
 * the vector path does not cover go to the scalar reference. dispatch/ has sent infinite,
 * degenerate and extreme (a, b) to the scalar loop (unif_params_regular). */
#include <float.h>

#include "vdist.h"
#include "common.h"
#include "exp.h"

struct unif_args {
    double a, b, d, d_lo, inv; /* b - a = d + d_lo exactly, inv = 1/d rounded */
    double density;            /* the scalar reference's value inside [a, b] */
    int lower_tail, log_flag;
};

static struct unif_args unif_args_make(double a, double b, int lower_tail, int log_flag)
{
    dd d = two_sum(b, -a);
    return (struct unif_args){a, b, d.hi, d.lo, 1 / d.hi, vd_dunif(a, a, b, log_flag),
                              lower_tail, log_flag};
}

/* num / (b - a) = hi + *lo for num = num_hi + num_lo: the remainder is exact (fma) */
ALWAYS_INLINE vdbl unif_fraction(vdbl num, vdbl num_lo, const struct unif_args *a, vdbl *lo)
{
    vdbl q = v_mul(num, v_set(a->inv));
    vdbl r = v_fnma(q, v_set(a->d), num);
    *lo = v_mul(v_add(v_fnma(q, v_set(a->d_lo), r), num_lo), v_set(a->inv));
    return q;
}

ALWAYS_INLINE vdbl dunif_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct unif_args *a = args;
    vmsk inside = v_and(v_le(v_set(a->a), x), v_le(x, v_set(a->b)));
    *slow = v_not(v_le(x, x)); /* NaN */
    return v_sel(inside, v_set(a->density), v_set(a->log_flag ? -INFINITY : 0.0));
}

ALWAYS_INLINE vdbl punif_vec(vdbl x, const void *args, vmsk *slow)
{
    const struct unif_args *a = args;
    vdbl va = v_set(a->a), vb = v_set(a->b);
    vmsk above = v_le(vb, x), below = v_le(x, va);
    *slow = v_not(v_le(x, x)); /* NaN */
    /* the fraction of the requested tail, and of the other */
    vdbl lo_err, lo_num = v_two_sum(x, v_neg(va), &lo_err); /* x - a */
    vdbl hi_err, hi_num = v_two_sum(vb, v_neg(x), &hi_err); /* b - x */
    vdbl num = a->lower_tail ? lo_num : hi_num, num_lo = a->lower_tail ? lo_err : hi_err;
    vdbl v_lo, v = unif_fraction(num, num_lo, a, &v_lo);
    vdbl at_0 = v_set(a->log_flag ? -INFINITY : 0.0), at_1 = v_set(a->log_flag ? 0.0 : 1.0);
    vdbl dt_lower = a->lower_tail ? at_0 : at_1, dt_upper = a->lower_tail ? at_1 : at_0;
    vdbl r;
    if (!a->log_flag) {
        r = v_add(v, v_lo);
        /* subnormal results: the scalar reference rounds them once */
        *slow = v_or(*slow, v_andnot(v_or(above, below), v_lt(v, v_set(DBL_MIN))));
    } else {
        /* log v for v <= 1/2, else log(1 - w) with 1 - w = u + u_lo exactly (w the other
         * fraction): one logarithm of whichever */
        vdbl w_lo, w = unif_fraction(a->lower_tail ? hi_num : lo_num, a->lower_tail ? hi_err : lo_err,
                                     a, &w_lo);
        vdbl u_err, u = v_two_sum(v_set(1), v_neg(w), &u_err);
        vmsk small = v_le(v, v_set(0.5));
        vdbl in = v_sel(small, v, u), in_lo = v_sel(small, v_lo, v_sub(u_err, w_lo));
        /* subnormal fractions (x within a few ULP of a, tiny a) go to the scalar reference */
        *slow = v_or(*slow, v_andnot(v_or(above, below), v_lt(v_min(in, w), v_set(DBL_MIN))));
        in = v_max(in, v_set(DBL_MIN));
        vdbl l_lo, l = v_log_normal_dd(in, &l_lo);
        r = v_add(l, v_add(l_lo, v_div(in_lo, in)));
    }
    return v_sel(above, dt_upper, v_sel(below, dt_lower, r));
}

/* a + P (b - a) for P <= 1/2, else b - Q (b - a), Q = 1 - P; P + Q exact pairs */
ALWAYS_INLINE vdbl unif_from_fraction(vdbl P, vdbl P_lo, vdbl Q, vdbl Q_lo,
                                      const struct unif_args *a)
{
    vmsk low = v_le(P, v_set(0.5));
    vdbl f = v_sel(low, P, v_neg(Q)), f_lo = v_sel(low, P_lo, v_neg(Q_lo));
    vdbl start = v_sel(low, v_set(a->a), v_set(a->b));
    vdbl d = v_set(a->d);
    vdbl prod_lo, prod = v_two_prod(f, d, &prod_lo);
    vdbl err, sum = v_two_sum(start, prod, &err);
    return v_add(sum, v_add(err, v_add(prod_lo, v_fma(f, v_set(a->d_lo), v_mul(f_lo, d)))));
}

ALWAYS_INLINE vdbl qunif_vec(vdbl p, const void *args, vmsk *slow)
{
    const struct unif_args *a = args;
    vdbl P, P_lo = v_set(0), Q, Q_lo = v_set(0);
    if (!a->log_flag) {
        /* 0 < p < 1; 1 - p is exact where it is used (p >= 1/2) */
        *slow = v_not(v_and(v_lt(v_set(0), p), v_lt(p, v_set(1))));
        vdbl other = v_sub(v_set(1), p);
        P = a->lower_tail ? p : other;
        Q = a->lower_tail ? other : p;
    } else {
        /* -708 <= log p < 0: e^p and 1 - e^p from one reduction */
        *slow = v_not(v_and(v_le(v_set(-EXP_T_MAX), p), v_lt(p, v_set(0))));
        vdbl t = v_min(v_max(v_neg(p), v_set(0)), v_set(EXP_T_MAX));
        vdbl e_lo, e = v_exp_neg_dd(t, v_set(0), &e_lo);
        vdbl u_lo, u = v_one_minus_exp_neg(t, v_set(0), &u_lo);
        P = a->lower_tail ? e : u;
        P_lo = a->lower_tail ? e_lo : u_lo;
        Q = a->lower_tail ? u : e;
        Q_lo = a->lower_tail ? u_lo : e_lo;
    }
    return unif_from_fraction(P, P_lo, Q, Q_lo, a);
}

VD_SCALAR_LANES2(unif, struct unif_args, a, b)

/* The kernels in the registry's calling form: param = {min, max}. */
static void ISA_SUFFIX(dunif_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int give_log, double *out)
{
    (void)lower_tail;
    struct unif_args a = unif_args_make(param[0], param[1], 1, give_log);
    run_array(n, x, out, &a, dunif_vec, dunif_one);
}

static void ISA_SUFFIX(punif_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct unif_args a = unif_args_make(param[0], param[1], lower_tail, log_p);
    run_array(n, x, out, &a, punif_vec, punif_one);
}

static void ISA_SUFFIX(qunif_array)(size_t n, const double *x, const double *param,
                                    int lower_tail, int log_p, double *out)
{
    struct unif_args a = unif_args_make(param[0], param[1], lower_tail, log_p);
    run_array(n, x, out, &a, qunif_vec, qunif_one);
}
