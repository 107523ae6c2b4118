#!/usr/bin/python3
"""The Weibull SIMD kernels' 2^(j/4), j = 0..3, as hi + lo (a 4-entry lookup in the vector
layer; src/simd/weibull.h). The scalar reference and the kernels' log use numerics' tables
(tools/gen_numerics_tables.py).

Usage: /usr/bin/python3 tools/fit_weibull_tables.py   (prints the two C arrays)
"""
import mpmath

mpmath.mp.prec = 300


def split(v):
    hi = float(v)
    lo = float(v - mpmath.mpf(hi))
    return hi, lo


def main():
    rows = [split(mpmath.power(2, mpmath.mpf(j) / 4)) for j in range(4)]
    print("static const double weibull_exp4_hi[4] = {" + ", ".join(r[0].hex() for r in rows) + "};")
    print("static const double weibull_exp4_lo[4] = {" + ", ".join(r[1].hex() for r in rows) + "};")


if __name__ == "__main__":
    main()
