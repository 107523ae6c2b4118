/* A wide vector layer built from an ISA's own: a vector is VEC_PARTS = 4 of the ISA's
 * vectors (VLEN four times the ISA's), and every operation is applied to each part, the
 * parts next to each other in the instruction stream. Include this (not the ISA's vec.h)
 * with VEC_HALF_H naming that vec.h (a path from src/simd).
 * Why: the long kernels are dependency chains (a log, a division, an exp, one after another:
 * hundreds of instructions per vector); written once per vector, one vector's chain filled
 * the out-of-order window before the next one's could start. With four parts side by side
 * the chains overlap (AVX2, n = 1e5: qweibull(1.5) 10.4 -> 6.8 ns, qgamma 100 -> 69,
 * dgamma 9.8 -> 7.3, qlnorm 8.9 -> 6.9; two parts gave about half of that, eight were
 * slower than one: spills). Short kernels
 * gain nothing or lose (punif +43%, qlogis +65%: their temporaries outgrow the registers),
 * so dispatch/ takes only the ISA's list (VD_WIDE_FUNCTIONS, VD_WIDE_FUNCTIONS_AVX512) from
 * this layer.
 * Masks are a type of their own here on every ISA, so mixing masks and values fails to
 * compile (on AVX2 alone both are __m256d). The ISA layer's names get the prefix vh_. */
#ifndef VDIST_SIMD_PARTS_H
#define VDIST_SIMD_PARTS_H

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
#define v_not vh_not
#define v_or vh_or
#define v_and vh_and
#define v_andnot vh_andnot
#define v_sel vh_sel
#define v_bits vh_bits
#define v_any vh_any
#define v_round vh_round
#define v_pow2i_biased vh_pow2i_biased
#define v_exponent_offset vh_exponent_offset
#define v_table_index vh_table_index
#define v_lookup4 vh_lookup4
#define v_gather vh_gather
#define v_compress_store vh_compress_store
#define v_scatter vh_scatter
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
#undef v_not
#undef v_or
#undef v_and
#undef v_andnot
#undef v_sel
#undef v_bits
#undef v_any
#undef v_round
#undef v_pow2i_biased
#undef v_exponent_offset
#undef v_table_index
#undef v_lookup4
#undef v_gather
#undef v_compress_store
#undef v_scatter

#ifndef VEC_PARTS /* 4, or 2 where the ISA's vectors are already wide (AVX-512) */
#define VEC_PARTS 4
#endif
enum { VLEN_HALF = VLEN }; /* the ISA layer's lanes */
#undef VLEN
#define VLEN (VEC_PARTS * VLEN_HALF)

typedef struct { vdbl_half p[VEC_PARTS]; } vdbl;
typedef struct { vmsk_half p[VEC_PARTS]; } vmsk;
typedef struct { vtab_half p[VEC_PARTS]; } vtab;

/* each part i of the result from part i of the operands, written out (as a loop, GCC took
 * twice as long to build the kernels: 116 s against 55 for AVX2's) */
#define ONE_PART(k, expr) { enum { i = k }; r.p[i] = expr; }
#if VEC_PARTS == 4
#define EACH_PART(out, expr)                                                                   \
    out r;                                                                                     \
    ONE_PART(0, expr) ONE_PART(1, expr) ONE_PART(2, expr) ONE_PART(3, expr)                    \
    return r
#elif VEC_PARTS == 2
#define EACH_PART(out, expr) out r; ONE_PART(0, expr) ONE_PART(1, expr) return r
#else
#error "VEC_PARTS is 2 or 4"
#endif
#define PARTS_1(out, name, in)                                                                 \
    static inline out v_##name(in x) { EACH_PART(out, vh_##name(x.p[i])); }
#define PARTS_2(out, name, in)                                                                 \
    static inline out v_##name(in x, in y) { EACH_PART(out, vh_##name(x.p[i], y.p[i])); }
#define PARTS_3(out, name, in0, in)                                                            \
    static inline out v_##name(in0 x, in y, in z)                                              \
    {                                                                                          \
        EACH_PART(out, vh_##name(x.p[i], y.p[i], z.p[i]));                                     \
    }

static inline vdbl v_load(const double *a) { EACH_PART(vdbl, vh_load(a + i * VLEN_HALF)); }
static inline void v_store(double *a, vdbl x)
{
    for (int i = 0; i < VEC_PARTS; i++)
        vh_store(a + i * VLEN_HALF, x.p[i]);
}
static inline vdbl v_set(double c) { EACH_PART(vdbl, vh_set(c)); }
PARTS_2(vdbl, add, vdbl)
PARTS_2(vdbl, sub, vdbl)
PARTS_2(vdbl, mul, vdbl)
PARTS_2(vdbl, div, vdbl)
PARTS_1(vdbl, sqrt, vdbl)
PARTS_3(vdbl, fma, vdbl, vdbl)
PARTS_3(vdbl, fnma, vdbl, vdbl)
PARTS_2(vdbl, max, vdbl)
PARTS_2(vdbl, min, vdbl)
PARTS_1(vdbl, neg, vdbl)
PARTS_1(vdbl, abs, vdbl)
PARTS_2(vmsk, lt, vdbl)
PARTS_2(vmsk, le, vdbl)
PARTS_2(vmsk, gt, vdbl)
PARTS_2(vmsk, eq, vdbl)
PARTS_2(vmsk, not_le, vdbl)
PARTS_1(vmsk, sign_mask, vdbl)
PARTS_1(vmsk, not, vmsk)
PARTS_2(vmsk, or, vmsk)
PARTS_2(vmsk, and, vmsk)
PARTS_2(vmsk, andnot, vmsk)
PARTS_3(vdbl, sel, vmsk, vdbl)
PARTS_1(vdbl, round, vdbl)
PARTS_1(vdbl, pow2i_biased, vdbl)
PARTS_1(vtab, table_index, vdbl)
static inline int v_bits(vmsk m)
{
    int bits = 0;
    for (int i = 0; i < VEC_PARTS; i++)
        bits |= vh_bits(m.p[i]) << (i * VLEN_HALF);
    return bits;
}
static inline int v_any(vmsk m)
{
    vmsk_half any = m.p[0];
    for (int i = 1; i < VEC_PARTS; i++)
        any = vh_or(any, m.p[i]);
    return vh_any(any);
}
static inline vdbl v_exponent_offset(vdbl x, vdbl *m)
{
    EACH_PART(vdbl, vh_exponent_offset(x.p[i], &m->p[i]));
}
static inline vdbl v_lookup4(const double t[4], vtab k) { EACH_PART(vdbl, vh_lookup4(t, k.p[i])); }
static inline vdbl v_gather(const double *t, vdbl k) { EACH_PART(vdbl, vh_gather(t, k.p[i])); }
static inline int v_compress_store(double *dst, vdbl x, int mask)
{
    int n = 0;
    for (int i = 0; i < VEC_PARTS; i++)
        n += vh_compress_store(dst + n, x.p[i], (mask >> (i * VLEN_HALF)) & ((1 << VLEN_HALF) - 1));
    return n;
}
static inline void v_scatter(double *base, vdbl at, vdbl x, int mask)
{
    for (int i = 0; i < VEC_PARTS; i++)
        vh_scatter(base, at.p[i], x.p[i], (mask >> (i * VLEN_HALF)) & ((1 << VLEN_HALF) - 1));
}

#endif
