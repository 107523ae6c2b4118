/* The AVX2+FMA vector layer: 4 doubles per vector. Kernels in src/simd are written only
 * against the names below (see src/neon/vec.h for the other implementation); exp and log
 * are built on them in src/simd/common.h. */
#ifndef VDIST_AVX2_VEC_H
#define VDIST_AVX2_VEC_H

#if !defined(__AVX2__) || !defined(__FMA__)
#error "src/avx2 must be compiled with -mavx2 -mfma"
#endif

#include <immintrin.h>
#include <stdint.h>

#define VLEN 4
#define ISA_SUFFIX(name) name##_avx2

typedef __m256d vdbl; /* 4 doubles */
typedef __m256d vmsk; /* 4 lane masks (all ones / all zeros) */

static inline vdbl v_load(const double *p) { return _mm256_loadu_pd(p); }
static inline void v_store(double *p, vdbl a) { _mm256_storeu_pd(p, a); }
static inline vdbl v_set(double a) { return _mm256_set1_pd(a); }

static inline vdbl v_add(vdbl a, vdbl b) { return _mm256_add_pd(a, b); }
static inline vdbl v_sub(vdbl a, vdbl b) { return _mm256_sub_pd(a, b); }
static inline vdbl v_mul(vdbl a, vdbl b) { return _mm256_mul_pd(a, b); }
static inline vdbl v_div(vdbl a, vdbl b) { return _mm256_div_pd(a, b); }
static inline vdbl v_sqrt(vdbl a) { return _mm256_sqrt_pd(a); }
/* a * b + c with one rounding */
static inline vdbl v_fma(vdbl a, vdbl b, vdbl c) { return _mm256_fmadd_pd(a, b, c); }
/* -(a * b) + c with one rounding */
static inline vdbl v_fnma(vdbl a, vdbl b, vdbl c) { return _mm256_fnmadd_pd(a, b, c); }
/* max/min: a NaN in a gives b */
static inline vdbl v_max(vdbl a, vdbl b) { return _mm256_max_pd(a, b); }
static inline vdbl v_min(vdbl a, vdbl b) { return _mm256_min_pd(a, b); }
static inline vdbl v_neg(vdbl a) { return _mm256_xor_pd(a, _mm256_set1_pd(-0.0)); }
static inline vdbl v_abs(vdbl a) { return _mm256_andnot_pd(_mm256_set1_pd(-0.0), a); }

static inline vmsk v_lt(vdbl a, vdbl b) { return _mm256_cmp_pd(a, b, _CMP_LT_OQ); }
static inline vmsk v_le(vdbl a, vdbl b) { return _mm256_cmp_pd(a, b, _CMP_LE_OQ); }
static inline vmsk v_gt(vdbl a, vdbl b) { return _mm256_cmp_pd(a, b, _CMP_GT_OQ); }
/* a == b (false for NaN) */
static inline vmsk v_eq(vdbl a, vdbl b) { return _mm256_cmp_pd(a, b, _CMP_EQ_OQ); }
/* !(a <= b): true for NaN, in one compare */
static inline vmsk v_not_le(vdbl a, vdbl b) { return _mm256_cmp_pd(a, b, _CMP_NLE_UQ); }
/* lanes whose sign bit is set (-0 and NaNs with the bit included): blendv and movemask read
 * only the sign bit, so a itself serves */
static inline vmsk v_sign_mask(vdbl a) { return a; }
static inline vmsk v_not(vmsk a) { return _mm256_xor_pd(a, _mm256_castsi256_pd(_mm256_set1_epi64x(-1))); }
static inline vmsk v_or(vmsk a, vmsk b) { return _mm256_or_pd(a, b); }
static inline vmsk v_and(vmsk a, vmsk b) { return _mm256_and_pd(a, b); }
static inline vmsk v_andnot(vmsk a, vmsk b) { return _mm256_andnot_pd(a, b); } /* ~a & b */
/* m ? a : b, lane by lane */
static inline vdbl v_sel(vmsk m, vdbl a, vdbl b) { return _mm256_blendv_pd(b, a, m); }
/* bit i set when lane i of m is set */
static inline int v_bits(vmsk m) { return _mm256_movemask_pd(m); }
static inline int v_any(vmsk m) { return _mm256_movemask_pd(m) != 0; }

/* round to nearest integer (ties to even) */
static inline vdbl v_round(vdbl a) { return _mm256_round_pd(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
/* 2^k from b = k + V_POW2I_SHIFTER (k integral in [-1022, 1023]): b's low mantissa bits are
 * k + 1023, so one shift makes the exponent field. fma(x, c, V_POW2I_SHIFTER) rounds x c to
 * that integer in one step, where v_round and v_pow2i take three. */
#define V_POW2I_SHIFTER (0x1.8p52 + 1023)
static inline vdbl v_pow2i_biased(vdbl b)
{
    return _mm256_castsi256_pd(_mm256_slli_epi64(_mm256_castpd_si256(b), 52));
}

/* A 64-bit integer constant in every lane, as a broadcast load: built from the integer,
 * GCC moved it through a general register (movabs, vmovq, vpbroadcastq) inside loops short
 * of vector registers, two extra instructions each time. */
#define V_INT64_CONST(name, value)                                                             \
    static const union { long long i; double d; } name##_bits = {value};                         \
    __m256i name = _mm256_castpd_si256(_mm256_broadcast_sd(&name##_bits.d))

/* x = 2^e m with m in [sqrt(1/2), sqrt(2)) for positive normal x; returns e +
 * V_EXPONENT_OFFSET (an offset of this ISA's choosing, exact: the difference of two
 * exponents needs no subtraction of the bias). Adding 2 - sqrt(2) in the mantissa field
 * carries into the exponent exactly when the mantissa is >= sqrt(2). */
#define V_EXPONENT_OFFSET (0x1p52 + 1023)
static inline vdbl v_exponent_offset(vdbl x, vdbl *m)
{
    V_INT64_CONST(round_up, 0x00095f619980c433LL);
    V_INT64_CONST(frac_mask, 0x000fffffffffffffLL);
    V_INT64_CONST(sqrt_half, 0x3fe6a09e667f3bcdLL);
    V_INT64_CONST(two52, 0x4330000000000000LL);
    __m256i bits = _mm256_add_epi64(_mm256_castpd_si256(x), round_up);
    __m256i frac = _mm256_and_si256(bits, frac_mask);
    *m = _mm256_castsi256_pd(_mm256_add_epi64(frac, sqrt_half));
    return _mm256_castsi256_pd(_mm256_or_si256(_mm256_srli_epi64(bits, 52), two52));
}


/* Per-lane lookups in 4-entry tables: v_table_index takes lane values 0..3 (as doubles),
 * v_lookup4 returns t[index] in each lane (one vpermd). */
typedef __m256i vtab;
static inline vtab v_table_index(vdbl k)
{
    __m256i i = _mm256_cvtepu32_epi64(_mm256_cvttpd_epi32(k));
    __m256i lo = _mm256_slli_epi64(i, 1); /* 32-bit halves 2i and 2i + 1 */
    return _mm256_or_si256(lo, _mm256_slli_epi64(_mm256_add_epi64(lo, _mm256_set1_epi64x(1)), 32));
}
static inline vdbl v_lookup4(const double t[4], vtab i)
{
    return _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(_mm256_loadu_pd(t)), i));
}

/* t[i] per lane for lane values i (integral doubles, in range of t, below 2^31): one
 * vgatherdpd */
static inline vdbl v_gather(const double *t, vdbl i)
{
    return _mm256_i32gather_pd(t, _mm256_cvttpd_epi32(i), 8);
}

/* Writes the lanes of a whose bit is set in mask to dst, packed to the front, and returns
 * their number; dst must have room for VLEN doubles. (One vpermd by a left-pack table.) */
static inline int v_compress_store(double *dst, vdbl a, int mask)
{
    static const int perm[16][8] = {
        {0, 1, 0, 1, 0, 1, 0, 1}, {0, 1, 0, 1, 0, 1, 0, 1},
        {2, 3, 0, 1, 0, 1, 0, 1}, {0, 1, 2, 3, 0, 1, 0, 1},
        {4, 5, 0, 1, 0, 1, 0, 1}, {0, 1, 4, 5, 0, 1, 0, 1},
        {2, 3, 4, 5, 0, 1, 0, 1}, {0, 1, 2, 3, 4, 5, 0, 1},
        {6, 7, 0, 1, 0, 1, 0, 1}, {0, 1, 6, 7, 0, 1, 0, 1},
        {2, 3, 6, 7, 0, 1, 0, 1}, {0, 1, 2, 3, 6, 7, 0, 1},
        {4, 5, 6, 7, 0, 1, 0, 1}, {0, 1, 4, 5, 6, 7, 0, 1},
        {2, 3, 4, 5, 6, 7, 0, 1}, {0, 1, 2, 3, 4, 5, 6, 7},
    };
    __m256i idx = _mm256_loadu_si256((const __m256i *)perm[mask]);
    _mm256_storeu_pd(dst, _mm256_castps_pd(_mm256_permutevar8x32_ps(_mm256_castpd_ps(a), idx)));
    return __builtin_popcount(mask);
}

/* base[at[j]] = a[j] for the lanes j set in mask; at holds integral doubles below 2^52.
 * AVX2 has no scatter: at + 2^52 has the integer in its low bits, then scalar stores. */
static inline void v_scatter(double *base, vdbl at, vdbl a, int mask)
{
    int64_t i[4];
    double v[4];
    __m256d shifted = _mm256_add_pd(at, _mm256_set1_pd(0x1p52));
    _mm256_storeu_si256((__m256i *)i, _mm256_xor_si256(_mm256_castpd_si256(shifted),
                                                       _mm256_castpd_si256(_mm256_set1_pd(0x1p52))));
    _mm256_storeu_pd(v, a);
    for (int j = 0; j < 4; j++)
        if (mask & (1 << j))
            base[i[j]] = v[j];
}

#endif
