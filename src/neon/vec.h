/* The AdvSIMD (NEON) vector layer: 2 doubles per vector; same names as src/avx2/vec.h. */
#ifndef VDIST_NEON_VEC_H
#define VDIST_NEON_VEC_H

#if !defined(__aarch64__) || !defined(__ARM_NEON)
#error "src/neon needs an aarch64 compiler with AdvSIMD"
#endif

#include <arm_neon.h>

#define VLEN 2
#define ISA_SUFFIX(name) name##_neon

typedef float64x2_t vdbl;
typedef uint64x2_t vmsk;

static inline vdbl v_load(const double *p) { return vld1q_f64(p); }
static inline void v_store(double *p, vdbl a) { vst1q_f64(p, a); }
static inline vdbl v_set(double a) { return vdupq_n_f64(a); }

static inline vdbl v_add(vdbl a, vdbl b) { return vaddq_f64(a, b); }
static inline vdbl v_sub(vdbl a, vdbl b) { return vsubq_f64(a, b); }
static inline vdbl v_mul(vdbl a, vdbl b) { return vmulq_f64(a, b); }
static inline vdbl v_div(vdbl a, vdbl b) { return vdivq_f64(a, b); }
static inline vdbl v_sqrt(vdbl a) { return vsqrtq_f64(a); }
static inline vdbl v_fma(vdbl a, vdbl b, vdbl c) { return vfmaq_f64(c, a, b); }
static inline vdbl v_fnma(vdbl a, vdbl b, vdbl c) { return vfmsq_f64(c, a, b); }
/* max/min: a NaN in a gives b */
static inline vdbl v_max(vdbl a, vdbl b) { return vmaxnmq_f64(a, b); }
static inline vdbl v_min(vdbl a, vdbl b) { return vminnmq_f64(a, b); }
static inline vdbl v_neg(vdbl a) { return vnegq_f64(a); }
static inline vdbl v_abs(vdbl a) { return vabsq_f64(a); }

static inline vmsk v_lt(vdbl a, vdbl b) { return vcltq_f64(a, b); }
/* a == b (false for NaN) */
static inline vmsk v_eq(vdbl a, vdbl b) { return vceqq_f64(a, b); }
/* !(a <= b): true for NaN */
static inline vmsk v_not_le(vdbl a, vdbl b)
{
    return vreinterpretq_u64_u32(vmvnq_u32(vreinterpretq_u32_u64(vcleq_f64(a, b))));
}
/* lanes whose sign bit is set (-0 and NaNs with the bit included) */
static inline vmsk v_sign_mask(vdbl a)
{
    return vreinterpretq_u64_s64(vshrq_n_s64(vreinterpretq_s64_f64(a), 63));
}
static inline vmsk v_le(vdbl a, vdbl b) { return vcleq_f64(a, b); }
static inline vmsk v_gt(vdbl a, vdbl b) { return vcgtq_f64(a, b); }
static inline vmsk v_not(vmsk a) { return vreinterpretq_u64_u32(vmvnq_u32(vreinterpretq_u32_u64(a))); }
static inline vmsk v_or(vmsk a, vmsk b) { return vorrq_u64(a, b); }
static inline vmsk v_and(vmsk a, vmsk b) { return vandq_u64(a, b); }
static inline vmsk v_andnot(vmsk a, vmsk b) { return vbicq_u64(b, a); }
static inline vdbl v_sel(vmsk m, vdbl a, vdbl b) { return vbslq_f64(m, a, b); }
static inline int v_bits(vmsk m)
{
    return (int)(vgetq_lane_u64(m, 0) & 1) | (int)((vgetq_lane_u64(m, 1) & 1) << 1);
}
static inline int v_any(vmsk m) { return (vgetq_lane_u64(m, 0) | vgetq_lane_u64(m, 1)) != 0; }

/* round to nearest integer (ties to even) */
static inline vdbl v_round(vdbl a) { return vrndnq_f64(a); }
/* 2^k from b = k + V_POW2I_SHIFTER (k integral in [-1022, 1023]): b's low mantissa bits are
 * k + 1023, so one shift makes the exponent field (see src/avx2/vec.h) */
#define V_POW2I_SHIFTER (0x1.8p52 + 1023)
static inline vdbl v_pow2i_biased(vdbl b)
{
    return vreinterpretq_f64_u64(vshlq_n_u64(vreinterpretq_u64_f64(b), 52));
}

/* x = 2^e m with m in [sqrt(1/2), sqrt(2)) for positive normal x; returns e +
 * V_EXPONENT_OFFSET (an offset of this ISA's choosing, exact: the difference of two
 * exponents needs no subtraction of the bias) */
#define V_EXPONENT_OFFSET 1023.0
static inline vdbl v_exponent_offset(vdbl x, vdbl *m)
{
    uint64x2_t bits = vaddq_u64(vreinterpretq_u64_f64(x), vdupq_n_u64(0x00095f619980c433ULL));
    uint64x2_t frac = vandq_u64(bits, vdupq_n_u64(0x000fffffffffffffULL));
    *m = vreinterpretq_f64_u64(vaddq_u64(frac, vdupq_n_u64(0x3fe6a09e667f3bcdULL)));
    return vcvtq_f64_u64(vshrq_n_u64(bits, 52));
}


/* Per-lane lookups in 4-entry tables (lane values 0..3 as doubles). */
typedef uint64x2_t vtab;
static inline vtab v_table_index(vdbl k) { return vcvtq_u64_f64(k); }
static inline vdbl v_lookup4(const double t[4], vtab i)
{
    return vcombine_f64(vld1_f64(t + vgetq_lane_u64(i, 0)), vld1_f64(t + vgetq_lane_u64(i, 1)));
}

/* t[i] per lane for lane values i (integral doubles, in range of t): two loads (AdvSIMD
 * has no gather) */
static inline vdbl v_gather(const double *t, vdbl i)
{
    uint64x2_t k = vcvtq_u64_f64(i);
    return vcombine_f64(vld1_f64(t + vgetq_lane_u64(k, 0)), vld1_f64(t + vgetq_lane_u64(k, 1)));
}

/* Writes the lanes of a whose bit is set in mask to dst, packed; returns their number. */
static inline int v_compress_store(double *dst, vdbl a, int mask)
{
    int n = 0;
    if (mask & 1)
        dst[n++] = vgetq_lane_f64(a, 0);
    if (mask & 2)
        dst[n++] = vgetq_lane_f64(a, 1);
    return n;
}

/* base[at[j]] = a[j] for the lanes j set in mask; at holds integral doubles below 2^53 */
static inline void v_scatter(double *base, vdbl at, vdbl a, int mask)
{
    uint64x2_t i = vcvtq_u64_f64(at);
    if (mask & 1)
        base[vgetq_lane_u64(i, 0)] = vgetq_lane_f64(a, 0);
    if (mask & 2)
        base[vgetq_lane_u64(i, 1)] = vgetq_lane_f64(a, 1);
}

#endif
