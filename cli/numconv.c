/* Exact double <-> decimal conversions for the vdist tool (see numconv.h).
 *
 * Formatting is Schubfach: R. Giulietti, "The Schubfach way to render doubles" (2020). The
 * rounding interval R_v of v = c 2^q (the reals that read back as v) is scaled by 10^-k so
 * that it is 1 to 10 units wide: it then holds at most one multiple of 10 (the shortest
 * candidate, if there is one) and otherwise one of the two integers next to v 10^-k is in it
 * (the closer one wins). The scaling multiplies by a 126-bit g ~ 10^-k and keeps the integer
 * part plus a round-to-odd sticky bit; the paper proves that this decides every comparison
 * exactly for all doubles.
 *
 * Parsing is Clinger's fast path (W. D. Clinger, "How to read floating point numbers
 * accurately", 1990: w 10^q with w <= 2^53 and |q| <= 22 is one correctly rounded IEEE
 * operation) and the Eisel-Lemire algorithm (D. Lemire, "Number Parsing at a Gigabyte per
 * Second", 2021: w times 5^q rounded to 128 bits gives the rounded result unless the
 * rounding error could cross a rounding boundary). What those cannot decide (more than 19
 * significant digits, a product too close to a boundary) and every token that is not a plain
 * decimal goes to strtod.
 *
 * Both tables come from tools/gen_pow10.py. Assumes IEEE binary64 doubles, rounding to nearest
 * and gcc's unsigned __int128. */
#include "numconv.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pow10_table.h"

__extension__ typedef unsigned __int128 u128; /* gcc, clang: x86-64 and aarch64 */

#define FRACTION_BITS 52
#define FRACTION_MASK ((UINT64_C(1) << FRACTION_BITS) - 1)
#define HIDDEN_BIT (UINT64_C(1) << FRACTION_BITS)
#define EXPONENT_ALL_ONES 0x7ff
#define EXPONENT_BIAS 1075 /* v = c 2^(biased exponent - 1075) with the hidden bit in c */
#define Q_MIN (-1074)      /* the exponent q of the subnormals and of the smallest binade */
#define INF_BITS (UINT64_C(0x7ff) << FRACTION_BITS)

static inline uint64_t bits_of(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static inline double double_of(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

/* ---- formatting: Schubfach ----------------------------------------------------------------- */

/* The paper's r_o'(g cp 2^-127) (its section 9): floor(g cp / 2^127) with bit 0 forced to 1
 * when the fraction, truncated to 63 bits as below, is not zero. g = g[0] 2^63 + g[1]. The
 * exactness proof relies on this very truncation and on cp being even. */
static inline uint64_t scaled_round_to_odd(const uint64_t g[2], uint64_t cp)
{
    u128 high = (u128)g[0] * cp;
    uint64_t low_top = (uint64_t)(((u128)g[1] * cp) >> 64);
    uint64_t middle = ((uint64_t)high >> 1) + low_top; /* fraction in bits 62..0, carry in 63 */
    uint64_t integer = (uint64_t)(high >> 64) + (middle >> 63);
    uint64_t fraction = middle & (UINT64_MAX >> 1);
    return integer | (fraction != 0);
}

struct decimal {
    uint64_t digits; /* value = digits * 10^exponent; up to 17 digits */
    int exponent;
};

/* The shortest decimal in the rounding interval of v = c 2^q, closest to v among those.
 * irregular: c is a power of two above the smallest binade, so the gap below v is half the gap
 * above. */
static struct decimal shortest_decimal(uint64_t c, int q, bool irregular)
{
    /* In units of 2^(q-2): v is 4c, the interval ends are 4c - 2 (4c - 1 if irregular) and
     * 4c + 2. They read back as v (round half to even) only if c is even: then the interval
     * is closed. */
    uint64_t open = c & 1;
    uint64_t cb = c << 2, cb_right = cb + 2, cb_left;
    int k;
    if (!irregular) {
        cb_left = cb - 2;
        k = NUMCONV_FLOOR_LOG10_POW2(q);
    } else {
        cb_left = cb - 1;
        k = NUMCONV_FLOOR_LOG10_3_4_POW2(q);
    }
    /* h is 2..5 for every double, so cb << h < 2^61 and even; vb = 4 v 10^-k and vb_left,
     * vb_right the interval ends in the same units. */
    int h = q + NUMCONV_FLOOR_LOG2_POW10(-k) + 2;
    const uint64_t *g = numconv_g_table[k - NUMCONV_G_K_MIN];
    uint64_t vb = scaled_round_to_odd(g, cb << h);
    uint64_t vb_left = scaled_round_to_odd(g, cb_left << h);
    uint64_t vb_right = scaled_round_to_odd(g, cb_right << h);

    /* The interval is 1 to 10 units wide: one multiple of 10 at most. If there is one, it is
     * the unique shortest (one digit less than any other candidate, or fewer). */
    uint64_t s = vb >> 2; /* floor(v 10^-k) */
    uint64_t s10 = s / 10 * 10, t10 = s10 + 10;
    bool s10_in = vb_left + open <= s10 << 2;
    bool t10_in = (t10 << 2) + open <= vb_right;

    /* Otherwise all candidates have the same length; s or s + 1 is the closest to v and at
     * least one of them is in the interval. vb is exact or odd, so its comparison with the
     * midpoint 4s + 2 (even) is exact. */
    uint64_t t = s + 1;
    bool s_in = vb_left + open <= s << 2;
    bool t_in = (t << 2) + open <= vb_right;
    uint64_t midpoint = (s << 2) + 2;
    bool s_closer = (vb < midpoint) | ((vb == midpoint) & ((s & 1) == 0));
    bool take_s = s_in & (!t_in | s_closer);

    /* Arithmetic selects rather than branches: which case applies is close to random. */
    uint64_t shortest = t10 - 10 * (uint64_t)s10_in, nearest = t - take_s;
    uint64_t use_shortest = -(uint64_t)(s10_in != t10_in); /* all ones or zero */
    return (struct decimal){(shortest & use_shortest) | (nearest & ~use_shortest), k};
}

static const char digit_pairs[201] = "00010203040506070809"
                                     "10111213141516171819"
                                     "20212223242526272829"
                                     "30313233343536373839"
                                     "40414243444546474849"
                                     "50515253545556575859"
                                     "60616263646566676869"
                                     "70717273747576777879"
                                     "80818283848586878889"
                                     "90919293949596979899";

static inline void write_2_digits(char *p, uint32_t v) { memcpy(p, digit_pairs + 2 * v, 2); }

static inline void write_4_digits(char *p, uint32_t v)
{
    write_2_digits(p, v / 100);
    write_2_digits(p + 2, v % 100);
}

static inline void write_8_digits(char *p, uint32_t v)
{
    write_4_digits(p, v / 10000);
    write_4_digits(p + 4, v % 10000);
}

/* m < 10^17 as exactly 17 digits, leading zeros included (divisions by constants only). */
static inline void write_17_digits(char *p, uint64_t m)
{
    uint64_t high = m / 100000000;
    p[0] = (char)('0' + high / 100000000);
    write_8_digits(p + 1, (uint32_t)(high % 100000000));
    write_8_digits(p + 9, (uint32_t)(m % 100000000));
}

static const uint64_t pow10_u64[18] = {1,
                                       10,
                                       100,
                                       1000,
                                       10000,
                                       100000,
                                       1000000,
                                       10000000,
                                       100000000,
                                       1000000000,
                                       10000000000,
                                       100000000000,
                                       1000000000000,
                                       10000000000000,
                                       100000000000000,
                                       1000000000000000,
                                       10000000000000000,
                                       100000000000000000};

/* The number of decimal digits of 1 <= m < 10^17. */
static inline int decimal_length(uint64_t m)
{
    int guess = ((64 - __builtin_clzll(m)) * 1233) >> 12; /* 1233 / 4096 ~ log10(2) */
    return guess + (m >= pow10_u64[guess]);
}

/* Lays out d (digits != 0) in the style numconv.h describes; returns the characters written.
 * Copies are of fixed sizes (no length-dependent loops); they may write scratch past the end
 * of the result, but not past out[23] (buf[24] after a sign: within NUMCONV_MAX_LEN). */
static size_t write_decimal(char *out, struct decimal d)
{
    char all[17 + 16]; /* the 17 digits of d.digits with leading zeros, then 16 zeros */
    write_17_digits(all, d.digits);
    memset(all + 17, '0', 16);
    int length = decimal_length(d.digits);
    const char *digit = all + 17 - length; /* the first significant digit */
    int n = length;
    while (digit[n - 1] == '0')
        n--;
    int x = d.exponent + length - 1; /* value = d1.d2..dn 10^x */
    char *p = out;

    if (x < -4 || x >= 16) {
        memcpy(p + 1, digit, 17);
        p[0] = p[1];
        if (n > 1) {
            p[1] = '.';
            p += n + 1;
        } else {
            p += 1;
        }
        *p++ = 'e';
        *p++ = x < 0 ? '-' : '+';
        uint32_t ax = (uint32_t)(x < 0 ? -x : x);
        if (ax >= 100) {
            *p++ = (char)('0' + ax / 100);
            ax %= 100;
        }
        write_2_digits(p, ax);
        p += 2;
    } else if (x < 0) { /* 0.000ddd */
        memcpy(p, "0.000000", 8);
        memcpy(p + 1 - x, digit, 17);
        p += 1 - x + n;
    } else if (n <= x + 1) { /* an integer: the digits, then zeros */
        memcpy(p, digit, 16);
        p += x + 1;
    } else { /* ddd.ddd, assembled aside: the fraction's copy would reach past buf[31] */
        char text[16 + 1 + 16];
        memcpy(text, digit, 16);
        text[x + 1] = '.';
        memcpy(text + x + 2, digit + x + 1, 16); /* n > x + 1: digit + x + 17 <= all + 32 */
        memcpy(p, text, 18);                     /* n + 1 <= 18 characters, all set */
        p += n + 1;
    }
    *p = '\0';
    return (size_t)(p - out);
}

static size_t write_text(char *buf, const char *text)
{
    size_t len = strlen(text);
    memcpy(buf, text, len + 1);
    return len;
}

size_t num_format(double x, char *buf)
{
    uint64_t bits = bits_of(x);
    uint64_t fraction = bits & FRACTION_MASK;
    int biased = (int)(bits >> FRACTION_BITS) & EXPONENT_ALL_ONES;
    bool negative = bits >> 63;

    if (biased == EXPONENT_ALL_ONES)
        return write_text(buf, fraction ? "NaN" : negative ? "-Inf" : "Inf");
    char *p = buf;
    *p = '-';
    p += negative; /* no branch on a random sign */
    if (biased == 0 && fraction == 0) {
        *p++ = '0';
        *p = '\0';
        return (size_t)(p - buf);
    }

    struct decimal d;
    if (biased == 0) {
        d = shortest_decimal(fraction, Q_MIN, false);
    } else {
        uint64_t c = fraction | HIDDEN_BIT;
        int q = biased - EXPONENT_BIAS;
        /* An integer below 2^53 is its own shortest form (the interval is at most 1 wide, so
         * it holds no other integer and any non-integer needs more digits) (section 8.3).
         * One branch for both conditions, false for most non-integers. */
        uint32_t fraction_bits = (uint32_t)-q; /* huge if q > 0 */
        uint64_t below_point = c & ((UINT64_C(1) << (fraction_bits & 63)) - 1);
        if ((fraction_bits <= FRACTION_BITS) & (below_point == 0))
            d = (struct decimal){c >> fraction_bits, 0};
        else
            d = shortest_decimal(c, q, fraction == 0 && biased > 1);
    }
    return (size_t)(p - buf) + write_decimal(p, d);
}

/* ---- parsing ------------------------------------------------------------------------------- */

#define MAX_FAST_DIGITS 19     /* w < 10^19 fits in 64 bits */
#define EXPONENT_SATURATION 100000000 /* an exponent this large says all there is to say */

/* Slow path: strtod on a NUL-terminated copy in a stack buffer. A plain decimal of any length
 * is first rewritten with at most SLOW_MAX_DIGITS significant digits plus one nonzero digit
 * standing for any nonzero tail: a midpoint between two doubles has at most 767 significant
 * digits, so such a tail cannot change which side of one the value is on. */
#define SLOW_MAX_DIGITS 800
#define SLOW_MAX_EXPONENT 99999 /* beyond it, 801 digits are certainly 0 or Inf */
#define SLOW_BUF_LEN (SLOW_MAX_DIGITS + 16)
#define OTHER_MAX_LEN 800 /* the longest non-decimal token handed to strtod (numconv.h) */

static const double exact_pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

static inline bool is_digit(char c) { return (unsigned char)(c - '0') < 10; }

/* strtod of the NUL-terminated buf, which must be consumed entirely; errno is left alone. */
static int strtod_whole(const char *buf, size_t len, double *out)
{
    int saved_errno = errno;
    char *stop;
    double v = strtod(buf, &stop);
    errno = saved_errno;
    if (len == 0 || stop != buf + len)
        return -1;
    *out = v;
    return 0;
}

/* Anything that is not a plain decimal: inf, nan, hex floats, or not a number. */
static int parse_other(const char *s, const char *end, double *out)
{
    char buf[OTHER_MAX_LEN + 1];
    size_t len = (size_t)(end - s);
    if (len > OTHER_MAX_LEN)
        return -1;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return strtod_whole(buf, len, out);
}

/* An optional exponent part (e|E)[+-]?digits at p, added to *q (saturating). Returns its end
 * (p if there is none), or NULL if an 'e' has no digits (strtod would stop before the 'e':
 * the token is not all a number). */
static const char *scan_exponent(const char *p, const char *end, int64_t *q)
{
    if (p == end || (*p != 'e' && *p != 'E'))
        return p;
    p++;
    bool negative = false;
    if (p < end && (*p == '+' || *p == '-'))
        negative = *p++ == '-';
    if (p == end || !is_digit(*p))
        return NULL;
    int64_t e = 0;
    for (; p < end && is_digit(*p); p++)
        if (e < EXPONENT_SATURATION)
            e = e * 10 + (*p - '0');
    *q += negative ? -e : e;
    return p;
}

/* A token already known to be a plain decimal, rewritten as [-]DIGITSe[-]EXPONENT. */
static int parse_decimal_slow(const char *s, const char *end, double *out)
{
    char buf[SLOW_BUF_LEN];
    char *b = buf;
    const char *p = s;
    if (*p == '+' || *p == '-') {
        if (*p == '-')
            *b++ = '-';
        p++;
    }
    int64_t exponent = 0; /* value = (digits written) 10^exponent */
    int kept = 0;
    bool in_fraction = false, tail_nonzero = false;
    for (; p < end && (is_digit(*p) || *p == '.'); p++) {
        if (*p == '.') {
            in_fraction = true;
            continue;
        }
        exponent -= in_fraction;
        if (kept == 0 && *p == '0')
            continue;
        if (kept < SLOW_MAX_DIGITS) {
            *b++ = *p;
            kept++;
        } else {
            exponent++;
            tail_nonzero |= *p != '0';
        }
    }
    if (kept == 0) {
        *out = buf[0] == '-' ? -0.0 : 0.0;
        return 0;
    }
    if (tail_nonzero) {
        *b++ = '1';
        exponent--;
    }
    scan_exponent(p, end, &exponent); /* e[+-]digits, if any */
    if (exponent > SLOW_MAX_EXPONENT)
        exponent = SLOW_MAX_EXPONENT;
    if (exponent < -SLOW_MAX_EXPONENT)
        exponent = -SLOW_MAX_EXPONENT;
    *b++ = 'e';
    if (exponent < 0) {
        *b++ = '-';
        exponent = -exponent;
    }
    char digits[8];
    int n = 0;
    do {
        digits[n++] = (char)('0' + exponent % 10);
        exponent /= 10;
    } while (exponent);
    while (n)
        *b++ = digits[--n];
    *b = '\0';
    return strtod_whole(buf, (size_t)(b - buf), out);
}

/* Eisel-Lemire for w != 0 and q in the table's range: sets *bits to the bits of w 10^q
 * correctly rounded and returns 0, or returns -1 if the table's error leaves it open. */
static int eisel_lemire(uint64_t w, int q, uint64_t *bits)
{
    /* With F the exact 128-bit-scaled 5^q (5^q = F 2^(e5 - 127)) and w normalized to
     * wn = w 2^lz in [2^63, 2^64): w 10^q = wn F 2^(e5 + q - 127 - lz). P = wn T (T = F
     * rounded, see gen_pow10.py) is computed exactly in 192 bits, p2 p1 p0. The true product
     * is in [P, P + 2^64) for q >= 0 (equal to P for q <= 55: exact) and in (P - 2^64, P) for
     * q < 0: above bit 63 it differs from P by at most one carry or borrow out of p0. */
    const uint64_t *t = numconv_pow5_table[q - NUMCONV_P5_Q_MIN];
    int lz = __builtin_clzll(w);
    uint64_t wn = w << lz;
    u128 high = (u128)wn * t[0], low = (u128)wn * t[1];
    u128 middle = (u128)(uint64_t)high + (uint64_t)(low >> 64);
    uint64_t p0 = (uint64_t)low, p1 = (uint64_t)middle;
    uint64_t p2 = (uint64_t)(high >> 64) + (uint64_t)(middle >> 64);

    int top = (int)(p2 >> 63); /* the leading bit is bit 190 + top of P */
    int e = 63 + top + NUMCONV_FLOOR_LOG2_POW10(q) - lz; /* P's value is in [2^e, 2^(e+1)) */
    if (e > 1023) {
        *bits = INF_BITS;
        return 0;
    }
    int shift = 10 + top; /* bits of p2 below the 53 kept */
    if (e < -1022) {      /* subnormal: fewer bits kept */
        int extra = -1022 - e;
        if (extra >= 54) { /* under 2^-1075 (q < 0 here: the true product is under P) */
            *bits = 0;
            return 0;
        }
        shift += extra; /* <= 64 */
    }
    uint64_t mantissa = shift < 64 ? p2 >> shift : 0;
    bool round_bit = (p2 >> (shift - 1)) & 1;
    /* the bits from the one under the rounding bit down to bit 64 */
    uint64_t rest_mask = (UINT64_C(1) << (shift - 1)) - 1;
    bool rest_zero = (p2 & rest_mask) == 0 && p1 == 0;
    bool rest_ones = (p2 & rest_mask) == rest_mask && p1 == UINT64_MAX;
    bool exact = q >= 0 && q <= NUMCONV_P5_EXACT_MAX;
    bool round_up;
    if (round_bit) {
        /* q < 0: a borrow could take the true product under halfway, or it is a tie that P
         * cannot show. q > 55: above halfway in fact, but left to strtod (never seen). */
        if (rest_zero && !exact)
            return -1;
        /* P is exact (a tie if the rest is zero), or the true product is above halfway (after
         * a carry too: then it is at or above the next double) */
        round_up = !rest_zero || p0 != 0 || (mantissa & 1);
    } else {
        if (rest_ones && !exact && q > 0)
            return -1; /* a carry could take it to halfway or beyond */
        /* Under halfway, or for q < 0 a borrow under the kept bits: less than a quarter unit
         * under a double, which rounds to that double all the same. */
        round_up = false;
    }
    mantissa += round_up;
    /* A mantissa carried to 2^53 (2^52 for a subnormal) steps the exponent field; past the
     * largest binade that gives the bits of Inf. */
    *bits = e >= -1022 ? ((uint64_t)(e + 1022) << FRACTION_BITS) + mantissa : mantissa;
    return 0;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Eight ASCII digits at once (SWAR, as in Lemire 2021): the first character is the low byte. */
static inline bool are_8_digits(uint64_t chunk)
{
    /* every byte's high nibble is 3, before and after adding 6 (so the low nibble is <= 9) */
    uint64_t high = chunk & UINT64_C(0xf0f0f0f0f0f0f0f0);
    uint64_t high_plus_6 = (chunk + UINT64_C(0x0606060606060606)) & UINT64_C(0xf0f0f0f0f0f0f0f0);
    return (high | high_plus_6 >> 4) == UINT64_C(0x3333333333333333);
}

static inline uint32_t value_of_8_digits(uint64_t chunk)
{
    chunk -= UINT64_C(0x3030303030303030);
    chunk = chunk * 10 + (chunk >> 8); /* bytes 0, 2, 4, 6: the pairs d0d1, d2d3, d4d5, d6d7 */
    uint64_t pairs_0_4 = chunk & UINT64_C(0x000000ff000000ff);
    uint64_t pairs_2_6 = (chunk >> 16) & UINT64_C(0x000000ff000000ff);
    /* the high halves of the products: d0d1 10^6 + d4d5 10^2, and d2d3 10^4 + d6d7 */
    return (uint32_t)((pairs_0_4 * (100 + (UINT64_C(1000000) << 32)) +
                       pairs_2_6 * (1 + (UINT64_C(10000) << 32))) >> 32);
}
#endif

/* w * 10^n + the n digits at p (n as many as there are; w wraps past 19 digits). */
static inline const char *accumulate_digits(const char *p, const char *end, uint64_t *w)
{
    uint64_t v = *w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (end - p >= 8) {
        uint64_t chunk;
        memcpy(&chunk, p, sizeof chunk);
        if (!are_8_digits(chunk))
            break;
        v = v * 100000000 + value_of_8_digits(chunk);
        p += 8;
    }
#endif
    for (; p < end && is_digit(*p); p++)
        v = v * 10 + (uint64_t)(*p - '0');
    *w = v;
    return p;
}

/* The common case: [p, end) is digits[.digits][(e|E)[+-]digits] with 1 to 19 digits in all
 * (so w < 10^19 is exact) and any exponent (saturating); value = w 10^q. Anything else
 * returns false, for scan_decimal to decide. */
static bool scan_short_decimal(const char *p, const char *end, uint64_t *w_out, int64_t *q_out)
{
    uint64_t w = 0;
    const char *start = p;
    p = accumulate_digits(p, end, &w);
    int64_t digits = p - start, q = 0;
    if (p < end && *p == '.') {
        const char *fraction_start = ++p;
        p = accumulate_digits(p, end, &w);
        q = -(p - fraction_start);
        digits -= q;
    }
    if (digits == 0 || digits > MAX_FAST_DIGITS)
        return false;
    if (!(p = scan_exponent(p, end, &q)))
        return false;
    if (p != end)
        return false;
    *w_out = w;
    *q_out = q;
    return true;
}

/* Any decimal: [digits][.digits][(e|E)[+-]digits] with at least one digit. Sets w to its first
 * MAX_FAST_DIGITS significant digits and q so that value = w 10^q, exactly unless
 * *dropped_nonzero. Returns false if the token is not entirely such a decimal. */
static bool scan_decimal(const char *p, const char *end, uint64_t *w_out, int64_t *q_out,
                         bool *dropped_nonzero)
{
    uint64_t w = 0;
    int kept = 0;
    int64_t q = 0;
    const char *digits_start = p;
    while (p < end && *p == '0')
        p++;
    for (; p < end && is_digit(*p); p++) {
        if (kept < MAX_FAST_DIGITS) {
            w = w * 10 + (uint64_t)(*p - '0');
            kept++;
        } else {
            q++;
            *dropped_nonzero |= *p != '0';
        }
    }
    bool any_digit = p > digits_start;
    if (p < end && *p == '.') {
        const char *fraction_start = ++p;
        if (kept == 0) { /* 0.000ddd */
            while (p < end && *p == '0')
                p++;
            q -= p - fraction_start;
        }
        for (; p < end && is_digit(*p); p++) {
            if (kept < MAX_FAST_DIGITS) {
                w = w * 10 + (uint64_t)(*p - '0');
                kept++;
                q--;
            } else {
                *dropped_nonzero |= *p != '0';
            }
        }
        any_digit |= p > fraction_start;
    }
    if (!any_digit)
        return false;
    if (!(p = scan_exponent(p, end, &q)))
        return false;
    *w_out = w;
    *q_out = q;
    return p == end;
}

int num_parse(const char *s, const char *end, double *out)
{
    if (s == end)
        return -1;
    /* no branch on a random sign */
    bool negative = *s == '-';
    const char *p = s + (negative | (*s == '+'));
    if (p == end)
        return -1;
    if (!is_digit(*p) && *p != '.') {
        if (end - s == 2 && s[0] == 'N' && s[1] == 'A') {
            *out = NAN;
            return 0;
        }
        return parse_other(s, end, out);
    }

    uint64_t w;
    int64_t q;
    if (!scan_short_decimal(p, end, &w, &q)) {
        bool dropped_nonzero = false;
        if (!scan_decimal(p, end, &w, &q, &dropped_nonzero)) {
            if (p[0] == '0' && end - p > 1 && (p[1] == 'x' || p[1] == 'X'))
                return parse_other(s, end, out); /* a hex float */
            return -1;
        }
        if (dropped_nonzero)
            return parse_decimal_slow(s, end, out);
    }

    double v; /* the magnitude */
    if (w == 0) {
        v = 0.0;
    }
#if FLT_EVAL_METHOD == 0 /* each operation rounds once to double */
    else if (w <= (UINT64_C(1) << 53) && q >= -22 && q <= 22) {
        v = q < 0 ? (double)w / exact_pow10[-q] : (double)w * exact_pow10[q];
    }
#endif
    else if (q < NUMCONV_P5_Q_MIN) { /* below 10^19 10^-343, under half the least subnormal */
        v = 0.0;
    } else if (q > NUMCONV_P5_Q_MAX) { /* at least 10^309 */
        v = INFINITY;
    } else {
        uint64_t bits;
        if (eisel_lemire(w, (int)q, &bits) != 0)
            return parse_decimal_slow(s, end, out);
        v = double_of(bits);
    }
    *out = double_of(bits_of(v) | (uint64_t)negative << 63);
    return 0;
}
