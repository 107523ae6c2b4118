/* cli/numconv.c against the C library: num_format must print the shortest decimal that reads
 * back (strtod) as the same double, with the digits of the correctly rounded printf("%.*e") of
 * that length, in the tool's fixed/scientific style; num_parse must agree bit for bit with
 * strtod on every token strtod consumes entirely, and reject the others.
 *
 * The one place where the shortest digits need not be printf's: a power of two (above the
 * smallest binade) has a rounding interval twice as wide above it as below, so the shortest
 * decimal that reads back can be above it while printf's nearest one of that length is below
 * and does not read back. For those doubles the test asks for the minimal length over the
 * decimals rounded down and up (printf under FE_DOWNWARD and FE_UPWARD) and, when both read
 * back, the nearer; it counts the doubles where that is not printf's nearest. */
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "numconv.h"

/* Sized to run in a few seconds natively and about a minute under qemu-aarch64. */
#define N_FORMAT_RANDOM 1200000
#define N_PARSE_PRINTED 300000 /* doubles, each printed 5 or 6 ways */
#define N_PARSE_DIGITS 700000
#define N_HALFWAY 1500 /* doubles with 2 midpoints each, 4 strings per midpoint */
#define N_FUZZ 300000

/* ---- helpers ------------------------------------------------------------------------------- */

static uint64_t rng_state = 0x853c49e6748fea9bu;

static uint64_t next_u64(void) /* splitmix64 */
{
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static unsigned below(unsigned n) { return (unsigned)(next_u64() % n); }

static double uniform01(void) { return (double)(next_u64() >> 11) * 0x1p-53; }

static double normal01(void)
{
    double u1 = (double)((next_u64() >> 11) + 1) * 0x1p-53; /* (0, 1] */
    return sqrt(-2 * log(u1)) * cos(6.283185307179586 * uniform01());
}

static uint64_t bits_of(double x)
{
    uint64_t b;
    memcpy(&b, &x, sizeof b);
    return b;
}

static double double_of(uint64_t b)
{
    double x;
    memcpy(&x, &b, sizeof x);
    return x;
}

static int same_bits(double a, double b) { return bits_of(a) == bits_of(b); }

/* A finite double of one of several kinds: any bit pattern, subnormal, N(0,1), (0,1),
 * log-uniform over 1e-300..1e300, integers, short decimals, near powers of two. */
static double random_double(void)
{
    double sign = next_u64() & 1 ? -1.0 : 1.0;
    double x;
    switch (below(8)) {
    case 0:
        do
            x = double_of(next_u64());
        while (!isfinite(x));
        return x;
    case 1:
        return sign * double_of(next_u64() & ((UINT64_C(1) << 52) - 1));
    case 2:
        return normal01();
    case 3:
        return uniform01();
    case 4:
        return sign * pow(10.0, -300 + 600 * uniform01());
    case 5:
        return sign * (double)(next_u64() >> below(64));
    case 6: {
        char text[64];
        snprintf(text, sizeof text, "%u.%ue%d", below(100000), below(1000), (int)below(40) - 20);
        return sign * strtod(text, NULL);
    }
    default:
        x = ldexp(1.0, (int)below(2098) - 1074);
        for (unsigned steps = below(4); steps--;)
            x = nextafter(x, (next_u64() & 1) ? INFINITY : 0);
        return sign * x;
    }
}

/* Digits (no leading or trailing zeros) and exponent X of a decimal string: value =
 * d1.d2..dn 10^X. Handles our output and printf's "%e". Returns n. */
static int decompose(const char *text, char *digits, int *x)
{
    const char *p = text + (*text == '-');
    char mantissa[64];
    int m = 0, point = -1;
    for (; *p && *p != 'e'; p++) {
        if (*p == '.')
            point = m;
        else
            mantissa[m++] = *p;
    }
    if (point < 0)
        point = m;
    int exponent = *p == 'e' ? atoi(p + 1) : 0;
    int lead = 0, last = m - 1;
    while (lead < last && mantissa[lead] == '0')
        lead++;
    while (last > lead && mantissa[last] == '0')
        last--;
    int n = last - lead + 1;
    memcpy(digits, mantissa + lead, (size_t)n);
    digits[n] = '\0';
    *x = point - lead - 1 + exponent;
    return n;
}

/* The tool's style for digits d1..dn and exponent X, written independently of numconv.c. */
static void styled(char *out, int negative, const char *d, int x)
{
    int n = (int)strlen(d);
    char *p = out;
    if (negative)
        *p++ = '-';
    if (x < -4 || x >= 16) {
        *p++ = d[0];
        if (n > 1)
            p += sprintf(p, ".%s", d + 1);
        sprintf(p, "e%c%02d", x < 0 ? '-' : '+', abs(x));
    } else if (x < 0) {
        p += sprintf(p, "0.");
        for (int i = 0; i < -x - 1; i++)
            *p++ = '0';
        strcpy(p, d);
    } else if (n <= x + 1) {
        p += sprintf(p, "%s", d);
        for (int i = 0; i < x + 1 - n; i++)
            *p++ = '0';
        *p = '\0';
    } else {
        sprintf(p, "%.*s.%s", x + 1, d, d + x + 1);
    }
}

static int reads_back(const char *text, double x) { return same_bits(strtod(text, NULL), x); }

static long format_checked, power_of_two_not_nearest;

/* Every property of num_format(x) for a finite x (see the top of the file). */
static void check_format(double x)
{
    char buf[64], want[64], ref[64], digits[32], ref_digits[32];
    memset(buf, 'Z', sizeof buf);
    size_t len = num_format(x, buf);
    if (len >= NUMCONV_MAX_LEN || buf[len] != '\0' || strlen(buf) != len)
        fail_msg("%a: bad length %zu for '%s'", x, len, buf);
    for (size_t i = NUMCONV_MAX_LEN; i < sizeof buf; i++)
        if (buf[i] != 'Z')
            fail_msg("%a: wrote past NUMCONV_MAX_LEN", x);
    if (!reads_back(buf, x))
        fail_msg("%.17g (%a): '%s' does not read back", x, x, buf);
    if (x == 0) {
        if (strcmp(buf, signbit(x) ? "-0" : "0"))
            fail_msg("a zero printed as '%s'", buf);
        format_checked++;
        return;
    }

    int negative = x < 0, ex, ref_ex;
    double ax = fabs(x);
    int n = decompose(buf, digits, &ex);
    if (bits_of(ax) & ((UINT64_C(1) << 52) - 1)) {
        /* Symmetric interval: the nearest P-digit decimal reads back iff any does, and
         * reading back at P digits implies at P + 1. So: n digits are printf's, n - 1 fail. */
        snprintf(ref, sizeof ref, "%.*e", n - 1, ax);
        if (n > 1) {
            char shorter[64];
            snprintf(shorter, sizeof shorter, "%.*e", n - 2, ax);
            if (reads_back(shorter, ax))
                fail_msg("%.17g: '%s' is not shortest, '%s' reads back", x, buf, shorter);
        }
    } else {
        /* A power of two: the shortest of the decimals rounded down or up; the nearer if both
         * read back. */
        int found = 0;
        for (int p = 1; p <= 17 && !found; p++) {
            char down[64], up[64];
            fesetround(FE_DOWNWARD);
            snprintf(down, sizeof down, "%.*e", p - 1, ax);
            fesetround(FE_UPWARD);
            snprintf(up, sizeof up, "%.*e", p - 1, ax);
            fesetround(FE_TONEAREST);
            int down_ok = reads_back(down, ax), up_ok = reads_back(up, ax);
            if (down_ok && up_ok)
                snprintf(ref, sizeof ref, "%.*e", p - 1, ax);
            else if (down_ok || up_ok)
                strcpy(ref, down_ok ? down : up);
            found = down_ok || up_ok;
            if (found && !down_ok) { /* down, on the narrow side, is nearer if it reads back */
                char nearest[64];
                snprintf(nearest, sizeof nearest, "%.*e", p - 1, ax);
                power_of_two_not_nearest += strcmp(nearest, up) != 0;
            }
        }
        assert_true(found);
    }
    int ref_n = decompose(ref, ref_digits, &ref_ex);
    if (ref_n != n || strcmp(ref_digits, digits) || ref_ex != ex)
        fail_msg("%.17g: '%s' has other digits than '%s'", x, buf, ref);
    styled(want, negative, ref_digits, ref_ex);
    if (strcmp(want, buf))
        fail_msg("%.17g: '%s', want '%s'", x, buf, want);
    format_checked++;
}

static long parse_checked;

/* num_parse(text) must accept exactly when strtod consumes all of it, with the same bits. */
static void check_parse_len(const char *text, size_t len)
{
    char copy[4096];
    const char *z = text;
    if (len < sizeof copy) { /* strtod needs the NUL right after the token */
        memcpy(copy, text, len);
        copy[len] = '\0';
        z = copy;
    }
    char *stop;
    double want = strtod(z, &stop);
    int want_ok = stop == z + len && len > 0 && stop != z;
    double got = 1234.5;
    errno = 4321;
    int r = num_parse(text, text + len, &got);
    if (errno != 4321)
        fail_msg("'%.60s': errno changed to %d", z, errno);
    if (len == 2 && !memcmp(text, "NA", 2)) {
        assert_int_equal(r, 0);
        assert_true(isnan(got));
    } else if (want_ok) {
        if (r != 0)
            fail_msg("'%.200s' rejected, strtod reads %.17g", z, want);
        if (!same_bits(got, want) && !(isnan(got) && isnan(want)))
            fail_msg("'%.200s': %.17g (%a), strtod %.17g (%a)", z, got, got, want, want);
    } else {
        if (r != -1)
            fail_msg("'%.200s' accepted as %.17g, strtod stops at offset %td", z, got, stop - z);
        if (!same_bits(got, 1234.5))
            fail_msg("'%.200s': *out changed on failure", z);
    }
    parse_checked++;
}

static void check_parse(const char *text) { check_parse_len(text, strlen(text)); }

static void check_parse_value(const char *text, double want)
{
    double got;
    if (num_parse(text, text + strlen(text), &got) != 0)
        fail_msg("'%s' rejected", text);
    if (!same_bits(got, want) && !(isnan(got) && isnan(want)))
        fail_msg("'%s': %.17g, want %.17g", text, got, want);
    check_parse(text);
}

static void check_reject(const char *text, size_t len)
{
    double got = 1234.5;
    if (num_parse(text, text + len, &got) != -1)
        fail_msg("'%.*s' accepted as %.17g", (int)len, text, got);
    check_parse_len(text, len);
}

/* ---- formatting ---------------------------------------------------------------------------- */

static void test_format_known_values(void **state)
{
    (void)state;
    static const struct {
        double x;
        const char *text;
    } known[] = {
        {0.1, "0.1"},
        {1e-5, "1e-05"},
        {1e-4, "0.0001"},
        {1.5e-4, "0.00015"},
        {9.9999e-5, "9.9999e-05"},
        {1e16, "1e+16"},
        {1234567890123456.0, "1234567890123456"},
        {12345678901234567.0, "1.2345678901234568e+16"},
        {5e-324, "5e-324"},
        {1.5e-323, "1.5e-323"},
        {DBL_MAX, "1.7976931348623157e+308"},
        {DBL_MIN, "2.2250738585072014e-308"},
        {2.2250738585072009e-308, "2.225073858507201e-308"}, /* the largest subnormal */
        {0.0, "0"},
        {-0.0, "-0"},
        {INFINITY, "Inf"},
        {-INFINITY, "-Inf"},
        {100, "100"},
        {1000, "1000"},
        {3, "3"},
        {-1.5, "-1.5"},
        {0.3, "0.3"},
        {0.1 + 0.2, "0.30000000000000004"},
        {1.0 / 3, "0.3333333333333333"},
        {2.0 / 3, "0.6666666666666666"},
        {123.25, "123.25"},
        {4.35, "4.35"},
        {9007199254740993.0, "9007199254740992"}, /* not a double: rounds to 2^53 */
        {9007199254740991.0, "9007199254740991"},
        {1000000000000000.5, "1000000000000000.5"},
        {1125899906842624.25, "1125899906842624.2"}, /* a tie between ...2 and ...3: even */
        {1125899906842624.75, "1125899906842624.8"}, /* a tie between ...7 and ...8: even */
        {9223372036854775808.0, "9.223372036854776e+18"},
        {1e21, "1e+21"},
        {1e23, "1e+23"},
        {1e308, "1e+308"},
        {1e-300, "1e-300"},
        {0x1p-20, "9.5367431640625e-07"},
        {-2.5e-7, "-2.5e-07"},
        {0.001, "0.001"},
        {123456.789, "123456.789"},
    };
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        char buf[NUMCONV_MAX_LEN];
        size_t len = num_format(known[i].x, buf);
        if (strcmp(buf, known[i].text) || len != strlen(known[i].text))
            fail_msg("%.17g: '%s' (%zu), want '%s'", known[i].x, buf, len, known[i].text);
    }
    char buf[NUMCONV_MAX_LEN];
    assert_int_equal(num_format(NAN, buf), 3);
    assert_string_equal(buf, "NaN");
    assert_int_equal(num_format(-NAN, buf), 3);
    assert_string_equal(buf, "NaN");
    assert_int_equal(num_format(double_of(0x7ff0000000000001u), buf), 3);
    assert_string_equal(buf, "NaN");
}

static void check_format_with_neighbours(double x)
{
    double around[5] = {x, nextafter(x, INFINITY), nextafter(x, -INFINITY),
                        nextafter(nextafter(x, INFINITY), INFINITY),
                        nextafter(nextafter(x, -INFINITY), -INFINITY)};
    for (int i = 0; i < 5; i++)
        if (isfinite(around[i]) && around[i] != 0) {
            check_format(around[i]);
            check_format(-around[i]);
        }
}

static void test_format_special_sets(void **state)
{
    (void)state;
    long before = format_checked;
    for (int e = -1074; e <= 1023; e++)
        check_format(ldexp(1.0, e));
    printf("  format: %ld of the 2098 powers of two have a shortest decimal that is not printf's "
           "nearest of its length\n", power_of_two_not_nearest);
    for (int e = -1074; e <= 1023; e++)
        check_format_with_neighbours(ldexp(1.0, e));
    for (int e = -323; e <= 308; e++) {
        char text[16];
        snprintf(text, sizeof text, "1e%d", e);
        check_format_with_neighbours(strtod(text, NULL));
    }
    check_format_with_neighbours(DBL_MIN);
    check_format_with_neighbours(DBL_TRUE_MIN);
    check_format_with_neighbours(DBL_MAX);
    for (int i = 1; i <= 100000; i++)
        check_format((double)i);
    for (int i = 0; i < 100000; i++) { /* integers below 2^53, then beyond */
        check_format((double)(next_u64() >> (11 + below(53))));
        check_format((double)(next_u64() >> below(11)));
        check_format(ldexp(1.0, 53) + 2.0 * below(1000000));
    }
    for (int i = 1; i < 1000; i++)
        check_format((double)i / 1000);
    printf("  format: %ld special values\n", format_checked - before);
}

static void test_format_random(void **state)
{
    (void)state;
    long before = format_checked;
    for (int i = 0; i < N_FORMAT_RANDOM; i++)
        check_format(random_double());
    printf("  format: %ld random values\n", format_checked - before);
}

/* ---- parsing ------------------------------------------------------------------------------- */

static void test_parse_known_values(void **state)
{
    (void)state;
    check_parse_value("0.1", 0.1);
    check_parse_value(".5", 0.5);
    check_parse_value("5.", 5.0);
    check_parse_value("+1", 1.0);
    check_parse_value("-0", -0.0);
    check_parse_value("-0.000e-5", -0.0);
    check_parse_value("0e999999999999999999999", 0.0);
    check_parse_value("NA", NAN);
    check_parse_value("nan", NAN);
    check_parse_value("NaN", NAN);
    check_parse_value("Inf", INFINITY);
    check_parse_value("-inf", -INFINITY);
    check_parse_value("infinity", INFINITY);
    check_parse_value("-INFINITY", -INFINITY);
    check_parse_value("0x1p-3", 0.125);
    check_parse_value("0X1.8P1", 3.0);
    check_parse_value("1e400", INFINITY);
    check_parse_value("-1e400", -INFINITY);
    check_parse_value("1e-400", 0.0);
    check_parse_value("-1e-400", -0.0);
    check_parse_value("1e99999999999999999999", INFINITY);
    check_parse_value("1.7976931348623157e308", DBL_MAX);
    check_parse_value("1.7976931348623158e308", DBL_MAX);
    check_parse_value("1.7976931348623159e308", INFINITY);
    check_parse_value("2.2250738585072014e-308", DBL_MIN);
    check_parse_value("4.9406564584124654e-324", DBL_TRUE_MIN);
    check_parse_value("2.4703282292062328e-324", DBL_TRUE_MIN);
    check_parse_value("2.4703282292062327e-324", 0.0);
    check_parse_value("9007199254740993", 9007199254740992.0);
    check_parse_value("9007199254740995", 9007199254740996.0);
    check_parse_value("000000000000000000000000000000001.5", 1.5);
    check_parse_value("1.50000000000000000000000000000000000000", 1.5);
    check_parse_value("100000000000000000000000", 1e23);
    check_parse_value("0.000000000000000000000000000000000000000000001e45", 1.0);
    check_parse_value("1e23", 1e23);
    check_parse_value("8.5e-1", 0.85);
    check_parse_value("1E5", 1e5);
    check_parse_value("1.e5", 1e5);
    check_parse_value("  1.5", 1.5); /* strtod skips leading white space */

    static const char *const rejected[] = {"",   "abc", "1.5x", "1e",  "1e+", "--1", ".",   "+",
                                           "-",  "1..2", "1 2", "0x",  "NA ", "na",  "-NA", "e5",
                                           ".e5", "1e5.5", "1,5", "1.5 ", "inf ", "0x1p", "nan(",
                                           "+-1", "1e--1", "- 1", "1_000", "Infinit"};
    for (size_t i = 0; i < sizeof rejected / sizeof *rejected; i++)
        check_reject(rejected[i], strlen(rejected[i]));
    check_reject("1\0" "2", 3); /* a NUL inside the token */
    check_reject("12", 0);
}

static void test_parse_printed_doubles(void **state)
{
    (void)state;
    long before = parse_checked;
    static const char *const formats[] = {"%.17g", "%.16g", "%.15g", "%.20e", "%.18e", "%+.17E", "%.3f"};
    char text[512];
    for (int i = 0; i < N_PARSE_PRINTED; i++) {
        double x = random_double();
        for (int f = 0; f < 5; f++) {
            snprintf(text, sizeof text, formats[f], x);
            check_parse(text);
        }
        if (i % 8 == 0) {
            snprintf(text, sizeof text, formats[5 + below(2)], x);
            check_parse(text);
        }
        if (i % 4 == 0) { /* our own output reads back */
            char ours[NUMCONV_MAX_LEN];
            size_t len = num_format(x, ours);
            double y;
            if (num_parse(ours, ours + len, &y) != 0 || !same_bits(x, y))
                fail_msg("'%s' does not read back as %.17g", ours, x);
        }
    }
    printf("  parse: %ld printed doubles\n", parse_checked - before);
}

/* Random [+-][zeros]digits[.digits][(e|E)[+-]exponent] with 1..25 significant digits. */
static void test_parse_random_digit_strings(void **state)
{
    (void)state;
    long before = parse_checked;
    for (int i = 0; i < N_PARSE_DIGITS; i++) {
        char text[128], *p = text;
        unsigned sign = below(3);
        if (sign)
            *p++ = sign == 1 ? '-' : '+';
        for (unsigned z = below(4) ? 0 : below(4); z; z--)
            *p++ = '0';
        int n = 1 + (int)(below(3) ? below(19) : below(25));
        int point = below(3) ? (int)below((unsigned)n + 1) : -1;
        for (int d = 0; d < n; d++) {
            if (d == point)
                *p++ = '.';
            /* runs of 0 and 9 make the halfway-ish cases more likely */
            unsigned kind = below(4);
            *p++ = (char)(kind == 0 ? '0' : kind == 1 ? '9' : '0' + below(10));
        }
        if (point == n)
            *p++ = '.';
        if (below(5))
            p += sprintf(p, "%c%s%d", below(2) ? 'e' : 'E', below(2) ? "+" : "",
                         (int)below(681) - 350);
        *p = '\0';
        check_parse(text);
    }
    printf("  parse: %ld random digit strings\n", parse_checked - before);
}

/* The exact decimal of m (printf prints a long double exactly at this precision), with and
 * without a minus sign, that decimal a bit above, and a bit below. */
static void check_decimal_around(long double m)
{
    char exact[1024], variant[1100], exponent[16];
    snprintf(exact, sizeof exact, "%.800Le", m);
    char *e = strchr(exact, 'e'), *last = e - 1;
    strcpy(exponent, e);
    while (*last == '0')
        last--;
    if (*last == '.')
        last--;
    last[1] = '\0';
    const char *point = strchr(exact, '.') ? "" : ".";
    snprintf(variant, sizeof variant, "%s%s", exact, exponent);
    check_parse(variant);
    snprintf(variant, sizeof variant, "-%s%s", exact, exponent);
    check_parse(variant);
    snprintf(variant, sizeof variant, "%s%s0000001%s", exact, point, exponent);
    check_parse(variant);
    last[0]--; /* the last digit is not 0: lower it, then 9s */
    snprintf(variant, sizeof variant, "%s%s99999%s", exact, point, exponent);
    check_parse(variant);
}

/* The midpoint between x >= 0 and its upper neighbour, exact in a long double. */
static void check_midpoints_of(double x)
{
    double next = nextafter(x, INFINITY);
    if (isfinite(next))
        check_decimal_around(((long double)x + (long double)next) / 2);
}

static void test_parse_halfway(void **state)
{
    (void)state;
    assert_true(LDBL_MANT_DIG >= 54 && LDBL_MIN_EXP < DBL_MIN_EXP - 53);
    long before = parse_checked;
    for (int i = 0; i < N_HALFWAY; i++) {
        double x = fabs(random_double());
        check_midpoints_of(x);
        check_midpoints_of(nextafter(x, 0));
    }
    /* midpoints with few digits (ties the fast path must see or hand over): 2^50..2^64 */
    for (int i = 0; i < N_HALFWAY; i++)
        check_midpoints_of(ldexp(1.0 + uniform01(), 50 + (int)below(14)));
    /* around powers of two (the gap changes there), the subnormal and overflow boundaries */
    for (int e = -1074; e <= 1023; e += 1 + (int)below(8)) {
        check_midpoints_of(ldexp(1.0, e));
        check_midpoints_of(nextafter(ldexp(1.0, e), 0));
    }
    check_midpoints_of(0.0);
    check_midpoints_of(DBL_TRUE_MIN);
    check_midpoints_of(nextafter(DBL_MIN, 0));
    check_midpoints_of(DBL_MIN);
    check_midpoints_of(nextafter(DBL_MAX, 0));
    /* DBL_MAX's upper "neighbour" is 2^1024: the overflow threshold 2^1024 - 2^970 */
    check_decimal_around((long double)DBL_MAX + 0x1p970L);
    char text[1200];
    snprintf(text, sizeof text, "%.400Lf", (long double)DBL_MAX + 0x1p970L);
    check_parse(text);
    printf("  parse: %ld strings at and next to midpoints\n", parse_checked - before);
}

static void test_parse_long_tokens(void **state)
{
    (void)state;
    static char text[3000];
    /* 0.000...01 with 300 to 2000 zeros; 0.000...025 with an exponent that brings it back */
    for (int zeros = 300; zeros <= 2000; zeros += 17) {
        snprintf(text, sizeof text, "0.%0*d1", zeros, 0);
        check_parse(text);
        snprintf(text, sizeof text, "0.%0*d25e%d", zeros, 0, zeros - 10);
        check_parse(text);
    }
    /* many digits: random, then all 9s, then 2^-1075 written out (a tie that goes to 0) with
     * a long tail of zeros, and just above it */
    for (int i = 0; i < 300; i++) {
        int n = 20 + (int)below(2500);
        char *p = text;
        *p++ = (char)('1' + below(9));
        for (int d = 1; d < n; d++)
            *p++ = (char)('0' + (below(3) ? below(10) : 0));
        sprintf(p, "e-%u", below(2900));
        check_parse(text);
    }
    memset(text, '9', 2000);
    strcpy(text + 2000, "e-2000");
    check_parse(text);
    snprintf(text, sizeof text, "%.1100Le", (long double)DBL_TRUE_MIN / 2); /* the tie to 0 */
    check_parse(text);
    char *e = strchr(text, 'e');
    memmove(e + 1, e, strlen(e) + 1);
    *e = '1'; /* just above it */
    check_parse(text);
    /* 1 followed by 1500 zeros, with an exponent that brings it back */
    text[0] = '1';
    memset(text + 1, '0', 1500);
    strcpy(text + 1501, "e-1500");
    check_parse_value(text, 1.0);
    /* a non-decimal token too long for the stack buffer is rejected (documented) */
    memset(text, ' ', 900);
    strcpy(text + 900, "1");
    double got;
    assert_int_equal(num_parse(text, text + 901, &got), -1);
}

/* Short random strings over the characters of every number syntax: num_parse must accept
 * exactly what strtod consumes entirely. */
static void test_parse_fuzz_grammar(void **state)
{
    (void)state;
    static const char alphabet[] = "0123456789.eE+-xXpPnNaAiIfFtTyY()_ \t,0011..";
    long before = parse_checked;
    for (int i = 0; i < N_FUZZ; i++) {
        char text[16];
        int n = 1 + (int)below(9);
        for (int j = 0; j < n; j++)
            text[j] = alphabet[below(sizeof alphabet - 1)];
        text[n] = '\0';
        check_parse(text);
    }
    printf("  parse: %ld fuzzed tokens\n", parse_checked - before);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_known_values),
        cmocka_unit_test(test_format_special_sets),
        cmocka_unit_test(test_format_random),
        cmocka_unit_test(test_parse_known_values),
        cmocka_unit_test(test_parse_printed_doubles),
        cmocka_unit_test(test_parse_random_digit_strings),
        cmocka_unit_test(test_parse_halfway),
        cmocka_unit_test(test_parse_long_tokens),
        cmocka_unit_test(test_parse_fuzz_grammar),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
