/* Exact, fast conversions between doubles and decimal text for the vdist tool.
 *
 * num_format prints the shortest decimal that reads back as the same double (Schubfach);
 * num_parse reads a decimal correctly rounded (Clinger's fast path, Eisel-Lemire, and strtod
 * for what those cannot decide). Both assume the default rounding mode (to nearest) and the
 * "C" LC_NUMERIC locale (a '.' decimal point), as the tool never calls setlocale. */
#ifndef VDIST_CLI_NUMCONV_H
#define VDIST_CLI_NUMCONV_H

#include <stddef.h>

/* Enough for any num_format output and its NUL (the longest is 24 characters + NUL). */
#define NUMCONV_MAX_LEN 32

/* Writes the shortest decimal string that reads back (round-to-nearest-even) as exactly x;
 * among shortest candidates the one closest to x (ties: even digit). buf must hold
 * NUMCONV_MAX_LEN bytes; returns the length and writes a NUL after it.
 *
 * Style: "NaN", "Inf", "-Inf", "0", "-0"; otherwise, with digits d1..dn (no trailing zeros)
 * and value d1.d2..dn x 10^X: scientific "d1.d2..dne-05", "1e+16" (exponent sign always, at
 * least two exponent digits) when X < -4 or X >= 16, else fixed notation without an exponent
 * and without a trailing ".0" ("3", "1000", "0.0001", "123.25", "1234567890123456"). */
size_t num_format(double x, char *buf);

/* Parses the whole token [s, end) as a double, correctly rounded (to nearest, ties to even).
 * Returns 0 and sets *out on success, -1 if the token is not entirely a number (*out is then
 * left alone).
 *
 * Accepts [+-]?digits[.digits][(e|E)[+-]?digits] (also ".5" and "5."), of any length, plus
 * everything else strtod converts while consuming the whole token (inf, infinity, nan,
 * nan(...), hex floats, any case; also leading white space, as strtod skips it), plus R's "NA"
 * (a NaN). Overflow gives +-Inf and underflow +-0 or a subnormal, as strtod. Tokens that are
 * not plain decimals (hex floats, nan(...), leading white space) are rejected if longer than
 * 800 characters. errno is left as it was. */
int num_parse(const char *s, const char *end, double *out);

#endif
