#!/usr/bin/python3
"""Tables of the Weibull family's fast double-double log and exp (src/scalar/weibull.c).

log: x = 2^e m, m in [sqrt(1/2), sqrt(2)) (the fold of v_exponent); j = round(256 (m - 1))
in -75..106, r_j = the double nearest 1/(1 + j/256), and -log(r_j) (of that double, so the
reduction m r_j - 1 carries no table error) as hi + lo.  j = 0 has r = 1, -log r = 0, so
the log of x near 1 keeps its relative accuracy.
exp: 2^(j/64) for j = -32..32 as hi + lo; the SIMD kernels' 2^(j/4), j = 0..3 (a 4-entry
lookup in the vector layer) likewise.

Usage: /usr/bin/python3 tools/fit_weibull_tables.py > table.c   (pasted into weibull.c)
"""
import mpmath

mpmath.mp.prec = 300


def split(v):
    hi = float(v)
    lo = float(v - mpmath.mpf(hi))
    return hi, lo


def main():
    print("const double weibull_log_table[WEIBULL_LOG_ENTRIES][3] = {")
    for j in range(-75, 107):
        r = float(1 / (1 + mpmath.mpf(j) / 256))
        hi, lo = split(-mpmath.log(mpmath.mpf(r)))
        print(f"    {{{r.hex()}, {hi.hex()}, {lo.hex()}}}, /* {j} */")
    print("};")
    print()
    print("const double weibull_exp_table[WEIBULL_EXP_ENTRIES][2] = {")
    for j in range(-32, 33):
        hi, lo = split(mpmath.power(2, mpmath.mpf(j) / 64))
        print(f"    {{{hi.hex()}, {lo.hex()}}}, /* 2^({j}/64) */")
    print("};")
    print()
    rows = [split(mpmath.power(2, mpmath.mpf(j) / 4)) for j in range(4)]
    print("static const double weibull_exp4_hi[4] = {" + ", ".join(r[0].hex() for r in rows) + "};")
    print("static const double weibull_exp4_lo[4] = {" + ", ".join(r[1].hex() for r in rows) + "};")


if __name__ == "__main__":
    main()
