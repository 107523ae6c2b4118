/* Shared vector numerics and the array driver, written once over the vector layer
 * (include the ISA's vec.h first). */
#ifndef VDIST_SIMD_COMMON_H
#define VDIST_SIMD_COMMON_H

#include <float.h>
#include <stddef.h>
#include <string.h>

#include "../scalar/numerics.h"

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* a + b = s + *err exactly (Knuth's two-sum). */
ALWAYS_INLINE vdbl v_two_sum(vdbl a, vdbl b, vdbl *err)
{
    vdbl s = v_add(a, b);
    vdbl bb = v_sub(s, a);
    *err = v_add(v_sub(a, v_sub(s, bb)), v_sub(b, bb));
    return s;
}

/* a + b = s + *err exactly for |a| >= |b| or a = 0 (Dekker's fast two-sum). */
ALWAYS_INLINE vdbl v_fast_two_sum(vdbl a, vdbl b, vdbl *err)
{
    vdbl s = v_add(a, b);
    *err = v_sub(b, v_sub(s, a));
    return s;
}

/* a * b = p + *err exactly (one fma), as the scalar two_prod. */
ALWAYS_INLINE vdbl v_two_prod(vdbl a, vdbl b, vdbl *err)
{
    vdbl p = v_mul(a, b);
    *err = v_fma(a, b, v_neg(p));
    return p;
}

/* (a + a_lo)(b + b_lo) = hi + *lo, dropping a_lo b_lo */
ALWAYS_INLINE vdbl v_mul_dd(vdbl a, vdbl a_lo, vdbl b, vdbl b_lo, vdbl *lo)
{
    vdbl err, hi = v_two_prod(a, b, &err);
    *lo = v_fma(a, b_lo, v_fma(a_lo, b, err));
    return hi;
}

/* c[0] + c[1] t + ... + c[degree] t^degree as E(t^2) + t O(t^2), E and O by Horner: two
 * independent chains of half the length (for |t| well below 1 it rounds about as well as
 * plain Horner). */
ALWAYS_INLINE vdbl v_poly_split(const double *c, int degree, vdbl t)
{
    vdbl t2 = v_mul(t, t);
    int top_even = degree & ~1, top_odd = (degree - 1) | 1;
    vdbl even = v_set(c[top_even]), odd = v_set(top_odd <= degree ? c[top_odd] : 0);
    for (int i = top_even - 2; i >= 0; i -= 2)
        even = v_fma(even, t2, v_set(c[i]));
    for (int i = top_odd - 2; i >= 1; i -= 2)
        odd = v_fma(odd, t2, v_set(c[i]));
    return v_fma(odd, t, even);
}

/* The same with coefficient i taken per lane from table[i][index]: piecewise polynomials
 * whose pieces share a degree. */
ALWAYS_INLINE vdbl v_poly_lookup4(const double (*table)[4], int degree, vtab index, vdbl t)
{
    vdbl t2 = v_mul(t, t);
    int top_even = degree & ~1, top_odd = (degree - 1) | 1;
    vdbl even = v_lookup4(table[top_even], index);
    vdbl odd = top_odd <= degree ? v_lookup4(table[top_odd], index) : v_set(0);
    for (int i = top_even - 2; i >= 0; i -= 2)
        even = v_fma(even, t2, v_lookup4(table[i], index));
    for (int i = top_odd - 2; i >= 1; i -= 2)
        odd = v_fma(odd, t2, v_lookup4(table[i], index));
    return v_fma(odd, t, even);
}

/* c0 + c0_lo + t p1 = hi + *lo with the product and the sum exact: the last Horner step of
 * a polynomial whose constant term is a double-double. */
ALWAYS_INLINE vdbl v_last_step_dd(vdbl c0, vdbl c0_lo, vdbl p1, vdbl t, vdbl *lo)
{
    vdbl prod_lo, prod = v_two_prod(p1, t, &prod_lo);
    vdbl err, hi = v_two_sum(c0, prod, &err);
    *lo = v_add(v_add(err, prod_lo), c0_lo);
    return hi;
}

/* x = k ln 2 + r, |r| <= ln2/2 (to an ulp), returns 2^k; r_err != NULL gets r's rounding
 * (r as a double-double; k LN2_HI has 42 bits, so x - k LN2_HI is exact). *quad gets
 * expm1(r) - r = r^2 P(r), P the Taylor series 1/2! + r/3! + ... to r^11 (truncation
 * < 5e-18). Shared by exp and expm1. */
ALWAYS_INLINE vdbl v_exp_reduce(vdbl x, vdbl *r, vdbl *r_err, vdbl *quad)
{
    static const double taylor[12] = {
        1.0 / 2, 1.0 / 6, 1.0 / 24, 1.0 / 120, 1.0 / 720, 1.0 / 5040, 1.0 / 40320,
        1.0 / 362880, 1.0 / 3628800, 1.0 / 39916800, 1.0 / 479001600, 1.0 / 6227020800,
    };
    /* k = x / ln 2 rounded, in one fma (v_pow2i_biased) */
    vdbl b = v_fma(x, v_set(0x1.71547652b82fep0), v_set(V_POW2I_SHIFTER));
    vdbl k = v_sub(b, v_set(V_POW2I_SHIFTER));
    vdbl r_hi = v_fnma(k, v_set(LN2_HI), x);
    if (r_err)
        *r = v_two_sum(r_hi, v_mul(k, v_set(-LN2_LO)), r_err);
    else
        *r = v_fnma(k, v_set(LN2_LO), r_hi);
    *quad = v_mul(v_mul(*r, *r), v_poly_split(taylor, 11, *r)); /* |quad| < |r| / 2 */
    return v_pow2i_biased(b);
}

/* exp(x) = hi + *lo (hi + lo good to ~0.3 ULP) for -708 <= x <= 709 (other lanes
 * unspecified: clamp first where they are not sent elsewhere): 2^k (1 + (r + quad)) with
 * the 1 + ... kept exact in lo. */
ALWAYS_INLINE vdbl v_exp_dd(vdbl x, vdbl *lo)
{
    vdbl r, quad, scale = v_exp_reduce(x, &r, NULL, &quad);
    vdbl small = v_add(r, quad); /* |small| < 1/2 */
    vdbl hi = v_add(v_set(1), small);
    vdbl err = v_add(v_sub(v_set(1), hi), small); /* exact: |1| > |small| */
    *lo = v_mul(err, scale);
    return v_mul(hi, scale);
}

/* e^x for -708 <= x <= 709, to a fraction of an ULP (v_exp_dd rounded) */
ALWAYS_INLINE vdbl v_exp(vdbl x)
{
    vdbl lo, hi = v_exp_dd(x, &lo);
    return v_add(hi, lo);
}

/* expm1(x) = hi + *lo for -708 <= x <= 709, to a fraction of an ULP: expm1(r) = r + quad as
 * an unevaluated sum, and expm1(x) = 2^k expm1(r) + (2^k - 1) summed exactly. */
ALWAYS_INLINE vdbl v_expm1_dd(vdbl x, vdbl *lo)
{
    vdbl r, r_err, quad, a = v_exp_reduce(x, &r, &r_err, &quad);
    vdbl s = v_add(r, quad);
    vdbl s_lo = v_fma(r_err, v_add(v_set(1), r), v_add(v_sub(r, s), quad));
    vdbl err, hi = v_two_sum(v_mul(a, s), v_sub(a, v_set(1)), &err); /* a s, a - 1 exact */
    *lo = v_fma(a, s_lo, err);
    return hi;
}

/* no lane set; and every lane's bit, as v_bits gives them */
static inline vmsk v_none(void)
{
    return v_lt(v_set(1), v_set(0));
}
#define V_ALL_BITS ((int)((1u << VLEN) - 1))

/* |a| < Inf (false for NaN) */
static inline vmsk v_finite(vdbl a)
{
    return v_lt(v_abs(a), v_set(__builtin_inf()));
}

/* 2^k for integral k in [-1022, 1023], through the layer's v_pow2i_biased */
static inline vdbl v_pow2i(vdbl k)
{
    return v_pow2i_biased(v_add(k, v_set(V_POW2I_SHIFTER)));
}

/* x = 2^e m with m in [sqrt(1/2), sqrt(2)) for positive normal x; returns e (the ISA layer's
 * v_exponent_offset less its offset) */
static inline vdbl v_exponent(vdbl x, vdbl *m)
{
    return v_sub(v_exponent_offset(x, m), v_set(V_EXPONENT_OFFSET));
}

/* e ln2 + log(1 + f) + extra as hi + *lo, for m = 1 + f (to rounding) in [sqrt(1/2),
 * sqrt(2)): log m = 2 atanh(s) with s = f/(m + 1), |s| <= 0.1716, by its series to s^23
 * (truncation < 1e-19). The series and the final sum of the two logs below. */
ALWAYS_INLINE vdbl v_log_from_parts(vdbl e, vdbl m, vdbl f, vdbl extra, vdbl *lo)
{
    static const double atanh_series[11] = {
        2.0 / 3, 2.0 / 5, 2.0 / 7, 2.0 / 9, 2.0 / 11, 2.0 / 13,
        2.0 / 15, 2.0 / 17, 2.0 / 19, 2.0 / 21, 2.0 / 23,
    };
    vdbl s = v_div(f, v_add(m, v_set(1)));
    vdbl s2 = v_mul(s, s);
    /* 2s + s^3 P(s^2), with 2s = f - s f so the leading term keeps f's exactness */
    vdbl tail = v_mul(v_mul(s, s2), v_poly_split(atanh_series, 10, s2));
    vdbl log_m = v_add(v_fnma(s, f, f), v_add(tail, extra));
    vdbl small = v_fma(e, v_set(LN2_LO), log_m);
    /* e LN2_HI is exact, and 0 or beyond |small| < 0.35: an ordered sum */
    vdbl err, hi = v_fast_two_sum(v_mul(e, v_set(LN2_HI)), small, &err);
    *lo = err;
    return hi;
}

/* log(x) = hi + *lo for positive normal x (other lanes unspecified); hi is within ~1 ULP
 * away from x = 1 and hi + lo carries e ln 2 + log m without the final rounding */
ALWAYS_INLINE vdbl v_log_normal_dd(vdbl x, vdbl *lo)
{
    vdbl m, e = v_exponent(x, &m);
    return v_log_from_parts(e, m, v_sub(m, v_set(1)), v_set(-0.0), lo); /* + -0: folded */
}

/* log(hi + lo) = result + *l_lo for hi positive normal, |lo| <= ulp(hi), to ~2^-55
 * absolute: lo 2^-e joins f = m - 1 (no division by hi), the rounding of that sum f_err
 * entering as f_err / m ~ f_err (1 - f) */
ALWAYS_INLINE vdbl v_log_sum_dd(vdbl hi, vdbl lo, vdbl *l_lo)
{
    vdbl m, e = v_exponent(hi, &m);
    vdbl f_err, f = v_two_sum(v_sub(m, v_set(1)), v_mul(lo, v_pow2i(v_neg(e))), &f_err);
    return v_log_from_parts(e, m, f, v_fnma(f_err, f, f_err), l_lo);
}

/* log(x) = hi + *lo for x > 0 finite (other lanes unspecified), to ~2^-70 absolute:
 * x = 2^e m, m in [sqrt(1/2), sqrt(2)), log m = 2 atanh(s), s = (m - 1)/(m + 1) with
 *     2 atanh(s) = 2s + s^3 (2/3 + s^2 (2/5 + s^2 U(s^2))),
 * s, the 2/3 and 2/5 steps and the products in double-double (|s| <= 0.1716: the 2/5 s^5
 * term alone is 2^-14, too big to round in double). Subnormal x is scaled by 2^54 first. */
ALWAYS_INLINE vdbl v_log_full_dd(vdbl x, vdbl *lo)
{
    static const double atanh_rest[10] = {
        2.0 / 7,  2.0 / 9,  2.0 / 11, 2.0 / 13, 2.0 / 15,
        2.0 / 17, 2.0 / 19, 2.0 / 21, 2.0 / 23, 2.0 / 25, /* truncation < 2^-72 */
    };
    vmsk sub = v_lt(x, v_set(DBL_MIN));
    int any_sub = v_any(sub);
    if (any_sub)
        x = v_sel(sub, v_mul(x, v_set(0x1p54)), x);
    vdbl m, e = v_exponent(x, &m);
    if (any_sub)
        e = v_sel(sub, v_sub(e, v_set(54)), e);
    vdbl f = v_sub(m, v_set(1)); /* exact */
    vdbl d_lo, d = v_two_sum(m, v_set(1), &d_lo);
    vdbl s = v_div(f, d);
    /* (f - s (d + d_lo)) / d, with 1/d = (1 - s)/2 (to ~2^-53, plenty for this correction) */
    vdbl s_lo = v_mul(v_fnma(s, d_lo, v_fnma(s, d, f)), v_fnma(s, v_set(0.5), v_set(0.5)));
    vdbl s2_lo, s2 = v_two_prod(s, s, &s2_lo);
    s2_lo = v_fma(v_add(s, s), s_lo, s2_lo);
    vdbl u = v_mul(s2, v_poly_split(atanh_rest, 9, s2));
    /* v = 2/5 + s2 U, w = 2/3 + s2 v, each as a double-double */
    vdbl v = v_add(v_set(0x1.999999999999ap-2), u);
    vdbl v_lo = v_add(v_add(v_sub(v_set(0x1.999999999999ap-2), v), u), v_set(-0x1.999999999999ap-56));
    vdbl sv_lo, sv = v_mul_dd(s2, s2_lo, v, v_lo, &sv_lo);
    vdbl w = v_add(v_set(0x1.5555555555555p-1), sv);
    vdbl w_lo = v_add(v_add(v_sub(v_set(0x1.5555555555555p-1), w), sv),
                      v_add(sv_lo, v_set(0x1.5555555555555p-55)));
    /* s^3 w */
    vdbl s3_lo, s3 = v_mul_dd(s, s_lo, s2, s2_lo, &s3_lo);
    vdbl t_lo, t = v_mul_dd(s3, s3_lo, w, w_lo, &t_lo);
    /* log m = 2s + t; + e ln 2 (e LN2_HI exact) */
    vdbl lm_err, lm = v_two_sum(v_add(s, s), t, &lm_err);
    vdbl lm_lo = v_add(lm_err, v_fma(v_set(2), s_lo, t_lo));
    vdbl err, hi = v_fast_two_sum(v_mul(e, v_set(LN2_HI)), lm, &err); /* 0 or beyond |lm| */
    vdbl small = v_add(err, v_fma(e, v_set(LN2_LO), lm_lo)); /* e LN2_LO may exceed ulp(hi) */
    vdbl sum = v_add(hi, small);
    *lo = v_sub(small, v_sub(sum, hi));
    return sum;
}

ALWAYS_INLINE vdbl v_log_normal(vdbl x)
{
    vdbl lo;
    return v_log_normal_dd(x, &lo);
}

/* log(1 + y) for y > -1 with 1 + y normal: log(u), u = 1 + y, plus the rounding of u
 * ((y - (u - 1)) / u, first order). */
ALWAYS_INLINE vdbl v_log1p_normal(vdbl y)
{
    vdbl u = v_add(v_set(1), y);
    vdbl corr = v_div(v_sub(y, v_sub(u, v_set(1))), u);
    return v_add(v_log_normal(u), corr);
}

/* z = (x - mu) / sigma as zh + *zl, given inv_sigma ~ 1/sigma: the remainder of the
 * rounded quotient is exact (fma), so zh + zl carries ~2^-100 relative even though zh
 * comes from a multiplication. */
ALWAYS_INLINE vdbl v_div_diff_dd(vdbl x, vdbl mu, vdbl sigma, vdbl inv_sigma, vdbl *zl)
{
    vdbl dl;
    vdbl dh = v_two_sum(x, v_neg(mu), &dl);
    vdbl zh = v_mul(dh, inv_sigma);
    vdbl r = v_fnma(zh, sigma, dh);
    *zl = v_mul(v_add(r, dl), inv_sigma);
    return zh;
}

/* d/p/q<family>_one(x, args): the scalar reference for the lanes a kernel does not finish,
 * with the parameters taken from the kernel's args struct (of type `type`, fields p1[, p2],
 * lower_tail and log_flag). */
#define VD_SCALAR_LANES1(family, type, p1)                                                     \
    static double d##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_d##family(x, a->p1, a->log_flag); }                      \
    static double p##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_p##family(x, a->p1, a->lower_tail, a->log_flag); }       \
    static double q##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_q##family(x, a->p1, a->lower_tail, a->log_flag); }
#define VD_SCALAR_LANES2(family, type, p1, p2)                                                 \
    static double d##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_d##family(x, a->p1, a->p2, a->log_flag); }               \
    static double p##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_p##family(x, a->p1, a->p2, a->lower_tail, a->log_flag); }\
    static double q##family##_one(double x, const void *args)                                  \
    { const type *a = args; return vd_q##family(x, a->p1, a->p2, a->lower_tail, a->log_flag); }

/* location + scale (L + L_lo) with one rounding of the sum, as the scalar loc_scale_sum;
 * *offset gets scale L (callers compare it with the result to find cancellation). */
ALWAYS_INLINE vdbl v_loc_scale_sum(double location, double scale, vdbl L, vdbl L_lo,
                                   vdbl *offset)
{
    vdbl s = v_set(scale);
    vdbl offset_lo;
    *offset = v_two_prod(s, L, &offset_lo);
    vdbl sum_lo, sum = v_two_sum(v_set(location), *offset, &sum_lo);
    return v_add(sum, v_add(sum_lo, v_fma(s, L_lo, offset_lo)));
}

/* One element-wise kernel: the vector result of x, and in *slow the lanes that must be
 * recomputed by the scalar reference (non-finite input, rare tails). */
typedef vdbl (*vec_fn)(vdbl x, const void *args, vmsk *slow);
typedef double (*scalar_fn)(double x, const void *args);

/* Runs vf over x[0..n) into out (which may alias x). The last n % VLEN elements go through
 * a padded vector so they get the same lane computation as the body. */
ALWAYS_INLINE void run_array(size_t n, const double *x, double *out, const void *args,
                             vec_fn vf, scalar_fn sf)
{
    size_t i = 0;
    /* two vectors per step: independent work for the out-of-order core to overlap */
    for (; i + 2 * VLEN <= n; i += 2 * VLEN) {
        vdbl xa = v_load(x + i), xb = v_load(x + i + VLEN);
        vmsk slow_a, slow_b;
        vdbl ra = vf(xa, args, &slow_a);
        vdbl rb = vf(xb, args, &slow_b);
        int bits = v_bits(slow_a) | (v_bits(slow_b) << VLEN);
        if (__builtin_expect(bits != 0, 0)) {
            double in[2 * VLEN], res[2 * VLEN];
            v_store(in, xa);
            v_store(in + VLEN, xb);
            v_store(res, ra);
            v_store(res + VLEN, rb);
            for (int j = 0; j < 2 * VLEN; j++)
                if (bits & (1 << j))
                    res[j] = sf(in[j], args);
            ra = v_load(res);
            rb = v_load(res + VLEN);
        }
        v_store(out + i, ra);
        v_store(out + i + VLEN, rb);
    }
    for (; i + VLEN <= n; i += VLEN) {
        vdbl xv = v_load(x + i);
        vmsk slow;
        vdbl r = vf(xv, args, &slow);
        int bits = v_bits(slow);
        if (__builtin_expect(bits != 0, 0)) {
            double in[VLEN], res[VLEN];
            v_store(in, xv);
            v_store(res, r);
            for (int j = 0; j < VLEN; j++)
                if (bits & (1 << j))
                    res[j] = sf(in[j], args);
            r = v_load(res);
        }
        v_store(out + i, r);
    }
    if (i < n) {
        size_t rest = n - i;
        double in[VLEN] = {0}, res[VLEN];
        memcpy(in, x + i, rest * sizeof(double));
        vmsk slow;
        v_store(res, vf(v_load(in), args, &slow));
        int bits = v_bits(slow);
        for (size_t j = 0; j < rest; j++)
            if (bits & (1 << j))
                res[j] = sf(in[j], args);
        memcpy(out + i, res, rest * sizeof(double));
    }
}

/* A kernel in two stages: `first` computes the common case and marks in *deferred the lanes
 * that need the costlier `second`; those are queued (value and index) and run through
 * `second` in packed vectors, so rare lanes do not drag whole vectors through the slow
 * code. Every lane's result is computed lane by lane, so where a lane travels does not
 * change it. out may alias x: queued lanes keep their input value. */
typedef vdbl (*vec_split_fn)(vdbl x, const void *args, vmsk *deferred, vmsk *slow);

ALWAYS_INLINE void run_deferred(size_t count, double *values, const double *positions,
                                double *out, const void *args, vec_fn second, scalar_fn sf)
{
    for (size_t k = 0; k < count; k += VLEN) {
        size_t m = count - k < VLEN ? count - k : VLEN;
        for (size_t j = m; j < VLEN; j++)
            values[k + j] = values[k]; /* pad with a lane of the same kind (room reserved) */
        vmsk slow;
        vdbl r = second(v_load(values + k), args, &slow);
        int bits = v_bits(slow);
        if (bits) { /* rare */
            double res[VLEN];
            v_store(res, r);
            for (size_t j = 0; j < m; j++)
                if (bits & (1 << j))
                    res[j] = sf(values[k + j], args);
            r = v_load(res);
        }
        int lanes = m == VLEN ? V_ALL_BITS : (1 << m) - 1;
        v_scatter(out, v_load(positions + k), r, lanes); /* the padding's positions unused */
    }
}

/* 0, 1, ..., VLEN - 1 */
ALWAYS_INLINE vdbl v_lane_numbers(void)
{
    _Static_assert(VLEN <= 16, "lane numbers for up to 16 lanes");
    static const double lane[16] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    return v_load(lane);
}

/* The lanes of one vector that first() did not finish: slow ones now, deferred ones queued. */
ALWAYS_INLINE void handle_lanes(size_t i, vdbl xv, int slow_bits, int defer_bits, double *out,
                                const void *args, scalar_fn sf, double *queued,
                                double *queued_at, size_t *nq)
{
    if (slow_bits) {
        double in[VLEN];
        v_store(in, xv); /* out may alias x */
        for (int bits = slow_bits; bits; bits &= bits - 1) {
            int j = __builtin_ctz(bits);
            out[i + j] = sf(in[j], args);
        }
    }
    v_compress_store(queued_at + *nq, v_add(v_set((double)i), v_lane_numbers()), defer_bits);
    *nq += v_compress_store(queued + *nq, xv, defer_bits);
}

/* Lanes a split kernel sends to a cheaper second stage of their own: the deferred lanes that
 * pick() marks (a function of the lane's value alone, so a lane's path does not depend on its
 * neighbours). */
typedef vmsk (*vec_pick_fn)(vdbl x, const void *args);

enum { SPLIT_QUEUE = 32 * VLEN }; /* queued lanes, + VLEN of room in each buffer */

/* Copies values[from..to) and their positions to the queue's front part at `kept` (in place
 * too: kept <= from); returns the new count. */
ALWAYS_INLINE size_t requeue(double *queued, double *queued_at, size_t kept, const double *values,
                             const double *positions, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++, kept++) {
        queued[kept] = values[k];
        queued_at[kept] = positions[k];
    }
    return kept;
}

/* Runs the nq queued lanes and returns how many stay queued (moved to the front): unless
 * final, only whole vectors run. With pick, the lanes it marks run through second_pick and
 * the rest through second, each kind in its own packed vectors. */
ALWAYS_INLINE size_t drain_queue(size_t nq, double *queued, double *queued_at, double *out,
                                 const void *args, vec_pick_fn pick, vec_fn second_pick,
                                 vec_fn second, scalar_fn sf, int final)
{
    if (!pick) {
        size_t run = final ? nq : nq - nq % VLEN;
        run_deferred(run, queued, queued_at, out, args, second, sf);
        return requeue(queued, queued_at, 0, queued, queued_at, run, nq);
    }
    if (nq == 0)
        return 0;
    double picked[SPLIT_QUEUE + VLEN], picked_at[SPLIT_QUEUE + VLEN];
    double rest[SPLIT_QUEUE + VLEN], rest_at[SPLIT_QUEUE + VLEN];
    size_t np = 0, nr = 0;
    for (size_t k = nq; k < nq + VLEN; k++)
        queued[k] = queued[0]; /* defined lanes past the end (room reserved) */
    for (size_t k = 0; k < nq; k += VLEN) {
        int valid = nq - k >= VLEN ? V_ALL_BITS : (1 << (nq - k)) - 1;
        vdbl xv = v_load(queued + k), at = v_load(queued_at + k);
        int picks = v_bits(pick(xv, args)) & valid, others = valid & ~picks;
        v_compress_store(picked_at + np, at, picks);
        np += v_compress_store(picked + np, xv, picks);
        v_compress_store(rest_at + nr, at, others);
        nr += v_compress_store(rest + nr, xv, others);
    }
    size_t run_p = final ? np : np - np % VLEN, run_r = final ? nr : nr - nr % VLEN;
    run_deferred(run_p, picked, picked_at, out, args, second_pick, sf);
    run_deferred(run_r, rest, rest_at, out, args, second, sf);
    size_t kept = requeue(queued, queued_at, 0, picked, picked_at, run_p, np);
    return requeue(queued, queued_at, kept, rest, rest_at, run_r, nr);
}

/* run_array_split with the lanes pick() marks run through second_pick (pick may be NULL) */
ALWAYS_INLINE void run_array_split_pick(size_t n, const double *x, double *out, const void *args,
                                        vec_split_fn first, vec_pick_fn pick, vec_fn second_pick,
                                        vec_fn second, scalar_fn sf)
{
    /* queued inputs and their positions (as doubles, exact below 2^53) */
    double queued[SPLIT_QUEUE + VLEN], queued_at[SPLIT_QUEUE + VLEN];
    size_t nq = 0, i = 0;
    for (; i + VLEN <= n; i += VLEN) {
        vdbl xv = v_load(x + i);
        vmsk deferred, slow;
        vdbl r = first(xv, args, &deferred, &slow);
        int defer_bits = v_bits(deferred), slow_bits = v_bits(slow);
        v_store(out + i, r); /* deferred and slow lanes are overwritten below or later */
        /* queue unconditionally (an empty mask queues nothing): a branch on whether this
         * vector has deferred lanes would be a coin toss for the predictor */
        handle_lanes(i, xv, slow_bits, defer_bits, out, args, sf, queued, queued_at, &nq);
        if (nq > SPLIT_QUEUE - VLEN)
            nq = drain_queue(nq, queued, queued_at, out, args, pick, second_pick, second, sf, 0);
    }
    if (i < n) { /* the last n % VLEN elements, padded */
        size_t m = n - i;
        double in[VLEN] = {0}, res[VLEN];
        memcpy(in, x + i, m * sizeof(double));
        vdbl xv = v_load(in);
        vmsk deferred, slow;
        v_store(res, first(xv, args, &deferred, &slow));
        memcpy(out + i, res, m * sizeof(double));
        int valid = (1 << m) - 1;
        handle_lanes(i, xv, v_bits(slow) & valid, v_bits(deferred) & valid, out, args, sf, queued,
                     queued_at, &nq);
    }
    drain_queue(nq, queued, queued_at, out, args, pick, second_pick, second, sf, 1);
}

ALWAYS_INLINE void run_array_split(size_t n, const double *x, double *out, const void *args,
                                   vec_split_fn first, vec_fn second, scalar_fn sf)
{
    run_array_split_pick(n, x, out, args, first, NULL, NULL, second, sf);
}

#endif
