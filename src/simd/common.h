/* Shared vector numerics and the array driver, written once over the vector layer
 * (include the ISA's vec.h first). */
#ifndef VDIST_SIMD_COMMON_H
#define VDIST_SIMD_COMMON_H

#include <stddef.h>
#include <string.h>

#define ALWAYS_INLINE static inline __attribute__((always_inline))

/* a + b = s + *err exactly (Knuth's two-sum). */
ALWAYS_INLINE vdbl v_two_sum(vdbl a, vdbl b, vdbl *err)
{
    vdbl s = v_add(a, b);
    vdbl bb = v_sub(s, a);
    *err = v_add(v_sub(a, v_sub(s, bb)), v_sub(b, bb));
    return s;
}

/* Horner: c[0] + c[1] t + ... + c[degree] t^degree (the same order as the scalar poly_eval,
 * so both round alike). */
ALWAYS_INLINE vdbl v_poly(const double *c, int degree, vdbl t)
{
    vdbl r = v_set(c[degree]);
    for (int i = degree - 1; i >= 0; i--)
        r = v_fma(r, t, v_set(c[i]));
    return r;
}

/* The same with coefficient i taken per lane from table[i][index] (piecewise polynomials
 * whose pieces share a degree). */
ALWAYS_INLINE vdbl v_poly_lookup4(const double (*table)[4], int degree, vtab index, vdbl t)
{
    vdbl r = v_lookup4(table[degree], index);
    for (int i = degree - 1; i >= 0; i--)
        r = v_fma(r, t, v_lookup4(table[i], index));
    return r;
}

/* p(s) = hi + *lo with an exact last Horner step and the constant c[0] + c0_lo, as the
 * scalar poly_eval_dd; *deriv = p'(s). */
ALWAYS_INLINE vdbl v_poly_dd_deriv(const double *c, double c0_lo, int degree, vdbl s, vdbl *lo,
                                   vdbl *deriv)
{
    vdbl p = v_set(c[degree]), d = v_set(0);
    for (int i = degree - 1; i >= 1; i--) {
        d = v_fma(d, s, p);
        p = v_fma(p, s, v_set(c[i]));
    }
    *deriv = v_fma(d, s, p);
    vdbl prod = v_mul(p, s), prod_lo = v_fma(p, s, v_neg(prod));
    vdbl err, hi = v_two_sum(v_set(c[0]), prod, &err);
    *lo = v_add(v_add(err, prod_lo), v_set(c0_lo));
    return hi;
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

#endif
