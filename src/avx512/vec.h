/* The AVX-512 vector layer (F, DQ, VL): 8 doubles per vector, masks in the k registers.
 * Same names as src/avx2/vec.h; the kernels in src/simd are written only against them. */
#ifndef VDIST_AVX512_VEC_H
#define VDIST_AVX512_VEC_H

#if !defined(__AVX512F__) || !defined(__AVX512DQ__) || !defined(__AVX512VL__)
#error "src/avx512 must be compiled with -mavx512f -mavx512dq -mavx512vl"
#endif

#include <immintrin.h>

#define VLEN 8
#define ISA_SUFFIX(name) name##_avx512

typedef __m512d vdbl;  /* 8 doubles */
typedef __mmask8 vmsk; /* 8 lane bits */

static inline vdbl v_load(const double *p) { return _mm512_loadu_pd(p); }
static inline void v_store(double *p, vdbl a) { _mm512_storeu_pd(p, a); }
static inline vdbl v_set(double a) { return _mm512_set1_pd(a); }

static inline vdbl v_add(vdbl a, vdbl b) { return _mm512_add_pd(a, b); }
static inline vdbl v_sub(vdbl a, vdbl b) { return _mm512_sub_pd(a, b); }
static inline vdbl v_mul(vdbl a, vdbl b) { return _mm512_mul_pd(a, b); }
static inline vdbl v_div(vdbl a, vdbl b) { return _mm512_div_pd(a, b); }
static inline vdbl v_sqrt(vdbl a) { return _mm512_sqrt_pd(a); }
/* a * b + c with one rounding */
static inline vdbl v_fma(vdbl a, vdbl b, vdbl c) { return _mm512_fmadd_pd(a, b, c); }
/* -(a * b) + c with one rounding */
static inline vdbl v_fnma(vdbl a, vdbl b, vdbl c) { return _mm512_fnmadd_pd(a, b, c); }
/* max/min: a NaN in a gives b (as the SSE/AVX instructions) */
static inline vdbl v_max(vdbl a, vdbl b) { return _mm512_max_pd(a, b); }
static inline vdbl v_min(vdbl a, vdbl b) { return _mm512_min_pd(a, b); }
static inline vdbl v_neg(vdbl a) { return _mm512_xor_pd(a, _mm512_set1_pd(-0.0)); }
static inline vdbl v_abs(vdbl a) { return _mm512_andnot_pd(_mm512_set1_pd(-0.0), a); }

static inline vmsk v_lt(vdbl a, vdbl b) { return _mm512_cmp_pd_mask(a, b, _CMP_LT_OQ); }
static inline vmsk v_le(vdbl a, vdbl b) { return _mm512_cmp_pd_mask(a, b, _CMP_LE_OQ); }
static inline vmsk v_gt(vdbl a, vdbl b) { return _mm512_cmp_pd_mask(a, b, _CMP_GT_OQ); }
/* a == b (false for NaN) */
static inline vmsk v_eq(vdbl a, vdbl b) { return _mm512_cmp_pd_mask(a, b, _CMP_EQ_OQ); }
/* !(a <= b): true for NaN, in one compare */
static inline vmsk v_not_le(vdbl a, vdbl b) { return _mm512_cmp_pd_mask(a, b, _CMP_NLE_UQ); }
/* lanes whose sign bit is set (-0 and NaNs with the bit included) */
static inline vmsk v_sign_mask(vdbl a) { return _mm512_movepi64_mask(_mm512_castpd_si512(a)); }
static inline vmsk v_not(vmsk a) { return (vmsk)~a; }
static inline vmsk v_or(vmsk a, vmsk b) { return a | b; }
static inline vmsk v_and(vmsk a, vmsk b) { return a & b; }
static inline vmsk v_andnot(vmsk a, vmsk b) { return (vmsk)(~a & b); } /* ~a & b */
/* m ? a : b, lane by lane */
static inline vdbl v_sel(vmsk m, vdbl a, vdbl b) { return _mm512_mask_blend_pd(m, b, a); }
/* bit i set when lane i of m is set */
static inline int v_bits(vmsk m) { return m; }
static inline int v_any(vmsk m) { return m != 0; }

/* round to nearest integer (ties to even) */
static inline vdbl v_round(vdbl a) { return _mm512_roundscale_pd(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
/* 2^k from b = k + V_POW2I_SHIFTER (see src/avx2/vec.h) */
#define V_POW2I_SHIFTER (0x1.8p52 + 1023)
static inline vdbl v_pow2i_biased(vdbl b)
{
    return _mm512_castsi512_pd(_mm512_slli_epi64(_mm512_castpd_si512(b), 52));
}

/* x = 2^e m with m in [sqrt(1/2), sqrt(2)) for positive normal x; returns e +
 * V_EXPONENT_OFFSET (see src/avx2/vec.h) */
#define V_EXPONENT_OFFSET (0x1p52 + 1023)
static inline vdbl v_exponent_offset(vdbl x, vdbl *m)
{
    __m512i bits = _mm512_add_epi64(_mm512_castpd_si512(x), _mm512_set1_epi64(0x00095f619980c433LL));
    __m512i frac = _mm512_and_si512(bits, _mm512_set1_epi64(0x000fffffffffffffLL));
    *m = _mm512_castsi512_pd(_mm512_add_epi64(frac, _mm512_set1_epi64(0x3fe6a09e667f3bcdLL)));
    return _mm512_castsi512_pd(_mm512_or_si512(_mm512_srli_epi64(bits, 52),
                                               _mm512_set1_epi64(0x4330000000000000LL)));
}


/* Per-lane lookups in 4-entry tables: v_table_index takes lane values 0..3 (as doubles),
 * v_lookup4 returns t[index] in each lane (one vpermpd). */
typedef __m512i vtab;
static inline vtab v_table_index(vdbl k) { return _mm512_cvttpd_epi64(k); }
static inline vdbl v_lookup4(const double t[4], vtab i)
{
    return _mm512_permutexvar_pd(i, _mm512_castpd256_pd512(_mm256_loadu_pd(t)));
}

/* t[i] per lane for lane values i (integral doubles, in range of t, below 2^31): one
 * vgatherdpd */
static inline vdbl v_gather(const double *t, vdbl i)
{
    return _mm512_i32gather_pd(_mm512_cvttpd_epi32(i), t, 8);
}

/* Writes the lanes of a whose bit is set in mask to dst, packed to the front, and returns
 * their number (one vcompresspd). */
static inline int v_compress_store(double *dst, vdbl a, int mask)
{
    _mm512_mask_compressstoreu_pd(dst, (__mmask8)mask, a);
    return __builtin_popcount(mask);
}

/* base[at[j]] = a[j] for the lanes j set in mask; at holds integral doubles below 2^53 (one
 * vscatterqpd) */
static inline void v_scatter(double *base, vdbl at, vdbl a, int mask)
{
    _mm512_mask_i64scatter_pd(base, (__mmask8)mask, _mm512_cvttpd_epi64(at), a, 8);
}

#endif
