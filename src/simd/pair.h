/* A vector layer of pairs, built from an ISA's own layer: include this (not the ISA's vec.h)
 * with VEC_HALF_H naming that vec.h (a path from src/simd). A vector is two of the ISA's
 * vectors (VLEN twice the ISA's), and every operation is applied to both halves next to
 * each other. The kernels are long dependency chains (a log, a division, an exp, one after
 * another: ~250 instructions per vector); written once per vector they filled the
 * out-of-order window before the next vector's chain could start, and on this layer the two
 * halves' chains run side by side (measured on AVX2: qweibull(1.5) 10.2 -> 8.5 ns,
 * qlnorm 8.9 -> 7.4, dgamma 9.8 -> 8.2, pgamma 21.6 -> 18.6; short kernels unchanged).
 * Masks are their own type here on every ISA, so mixing masks and values fails to compile
 * (on AVX2 alone both are __m256d). The half layer's names get the prefix vh_. */
#ifndef VDIST_SIMD_PAIR_H
#define VDIST_SIMD_PAIR_H

#define vdbl vdbl_half
#define vmsk vmsk_half
#define vtab vtab_half
#define v_load vh_load
#define v_store vh_store
#define v_set vh_set
#define v_add vh_add
#define v_sub vh_sub
#define v_mul vh_mul
#define v_div vh_div
#define v_sqrt vh_sqrt
#define v_fma vh_fma
#define v_fnma vh_fnma
#define v_max vh_max
#define v_min vh_min
#define v_neg vh_neg
#define v_abs vh_abs
#define v_lt vh_lt
#define v_le vh_le
#define v_gt vh_gt
#define v_eq vh_eq
#define v_not_le vh_not_le
#define v_sign_mask vh_sign_mask
#define v_finite vh_finite
#define v_not vh_not
#define v_or vh_or
#define v_and vh_and
#define v_andnot vh_andnot
#define v_sel vh_sel
#define v_bits vh_bits
#define v_any vh_any
#define v_round vh_round
#define v_pow2i vh_pow2i
#define v_pow2i_biased vh_pow2i_biased
#define v_exponent_offset vh_exponent_offset
#define v_exponent vh_exponent
#define v_table_index vh_table_index
#define v_lookup4 vh_lookup4
#define v_gather vh_gather
#define v_compress_store vh_compress_store
#include VEC_HALF_H
#undef vdbl
#undef vmsk
#undef vtab
#undef v_load
#undef v_store
#undef v_set
#undef v_add
#undef v_sub
#undef v_mul
#undef v_div
#undef v_sqrt
#undef v_fma
#undef v_fnma
#undef v_max
#undef v_min
#undef v_neg
#undef v_abs
#undef v_lt
#undef v_le
#undef v_gt
#undef v_eq
#undef v_not_le
#undef v_sign_mask
#undef v_finite
#undef v_not
#undef v_or
#undef v_and
#undef v_andnot
#undef v_sel
#undef v_bits
#undef v_any
#undef v_round
#undef v_pow2i
#undef v_pow2i_biased
#undef v_exponent_offset
#undef v_exponent
#undef v_table_index
#undef v_lookup4
#undef v_gather
#undef v_compress_store

enum { VLEN_HALF = VLEN }; /* the half layer's lanes */
#undef VLEN
#define VLEN (2 * VLEN_HALF)

typedef struct { vdbl_half a, b; } vdbl;
typedef struct { vmsk_half a, b; } vmsk;
typedef struct { vtab_half a, b; } vtab;

/* out name(in x, ...) applied to both halves */
#define PAIR_1(out, name, in)                                                                  \
    static inline out v_##name(in x) { return (out){vh_##name(x.a), vh_##name(x.b)}; }
#define PAIR_2(out, name, in)                                                                  \
    static inline out v_##name(in x, in y) { return (out){vh_##name(x.a, y.a), vh_##name(x.b, y.b)}; }
#define PAIR_3(name)                                                                           \
    static inline vdbl v_##name(vdbl x, vdbl y, vdbl z)                                        \
    {                                                                                          \
        return (vdbl){vh_##name(x.a, y.a, z.a), vh_##name(x.b, y.b, z.b)};                     \
    }

static inline vdbl v_load(const double *p) { return (vdbl){vh_load(p), vh_load(p + VLEN_HALF)}; }
static inline void v_store(double *p, vdbl x)
{
    vh_store(p, x.a);
    vh_store(p + VLEN_HALF, x.b);
}
static inline vdbl v_set(double c) { return (vdbl){vh_set(c), vh_set(c)}; }
PAIR_2(vdbl, add, vdbl)
PAIR_2(vdbl, sub, vdbl)
PAIR_2(vdbl, mul, vdbl)
PAIR_2(vdbl, div, vdbl)
PAIR_1(vdbl, sqrt, vdbl)
PAIR_3(fma)
PAIR_3(fnma)
PAIR_2(vdbl, max, vdbl)
PAIR_2(vdbl, min, vdbl)
PAIR_1(vdbl, neg, vdbl)
PAIR_1(vdbl, abs, vdbl)
PAIR_2(vmsk, lt, vdbl)
PAIR_2(vmsk, le, vdbl)
PAIR_2(vmsk, gt, vdbl)
PAIR_2(vmsk, eq, vdbl)
PAIR_2(vmsk, not_le, vdbl)
PAIR_1(vmsk, sign_mask, vdbl)
PAIR_1(vmsk, finite, vdbl)
PAIR_1(vmsk, not, vmsk)
PAIR_2(vmsk, or, vmsk)
PAIR_2(vmsk, and, vmsk)
PAIR_2(vmsk, andnot, vmsk)
static inline vdbl v_sel(vmsk m, vdbl x, vdbl y)
{
    return (vdbl){vh_sel(m.a, x.a, y.a), vh_sel(m.b, x.b, y.b)};
}
static inline int v_bits(vmsk m) { return vh_bits(m.a) | vh_bits(m.b) << VLEN_HALF; }
static inline int v_any(vmsk m) { return vh_any(vh_or(m.a, m.b)); }
PAIR_1(vdbl, round, vdbl)
PAIR_1(vdbl, pow2i, vdbl)
PAIR_1(vdbl, pow2i_biased, vdbl)
static inline vdbl v_exponent_offset(vdbl x, vdbl *m)
{
    return (vdbl){vh_exponent_offset(x.a, &m->a), vh_exponent_offset(x.b, &m->b)};
}
static inline vdbl v_exponent(vdbl x, vdbl *m)
{
    return (vdbl){vh_exponent(x.a, &m->a), vh_exponent(x.b, &m->b)};
}
PAIR_1(vtab, table_index, vdbl)
static inline vdbl v_lookup4(const double t[4], vtab i)
{
    return (vdbl){vh_lookup4(t, i.a), vh_lookup4(t, i.b)};
}
static inline vdbl v_gather(const double *t, vdbl i) { return (vdbl){vh_gather(t, i.a), vh_gather(t, i.b)}; }
static inline int v_compress_store(double *dst, vdbl x, int mask)
{
    int n = vh_compress_store(dst, x.a, mask & ((1 << VLEN_HALF) - 1));
    return n + vh_compress_store(dst + n, x.b, mask >> VLEN_HALF);
}

#endif
