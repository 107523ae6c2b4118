#!/usr/bin/python3
"""Fit the polynomial pieces behind vdist's normal distribution kernels.

Writes src/scalar/norm_coeffs.h, shared by the scalar reference and every SIMD kernel.

The upper tail Q(x) = 1 - Phi(x), x >= 0, is written as
    Q(x) = exp(-x^2/2) R(x),          R(x) = Q(x) exp(x^2/2)   (a scaled Mills ratio)
and R is approximated by
    x in [k, k+1], k = 0..3 : R(x) = norm_r_piece[.][k] in t = x - (k + 1/2), |t| <= 1/2
    x >= 4                  : R(x) = norm_r_far(v) / x in v = 1/x^2;  norm_r_far(0) = 1/sqrt(2 pi)
The four unit pieces share one degree and are stored coefficient-major ([i][k]), so a SIMD
kernel picks each lane's coefficient with one table lookup instead of evaluating every piece.
Near the centre the quantile also needs Phi itself without cancellation:
    Phi(x) - 1/2 = x * norm_body(x^2),   |x| <= 1.5
Each fit is a near-minimax relative least-squares fit at 60 digits on Chebyshev nodes. The
constant term is kept as a double-double (its low part in *_c0_lo, used by the scalar
reference), then the other coefficients are rounded to double one at a time from low order
up, the remaining ones refitted after each rounding, so rounding costs as little as possible.

The SIMD quantile kernels use rational approximations of Phi^-1 instead of a Newton step
(the scalar reference keeps Newton, to stay the oracle). Each approximates a small
correction h to a leading term that the kernel forms exactly, so h's own rounding is scaled
down by |h| <= 0.36:
    |q| <= 0.425, q = p - 1/2       : x = q sqrt(2 pi) (1 + h(r)), r = 0.180625 - q^2
    r = sqrt(-log P) in [1.6, 5]    : x = r sqrt(2) (1 + h(r - 1.6)), P the smaller tail
    r in [5, 27]                    : x = r sqrt(2) (1 + h(r - 5))
h = N/D is fitted for absolute error by iteratively reweighted linear least squares
(Lawson's weights, towards minimax), then rounded to double one coefficient at a time with
the rest refitted.

Run: /usr/bin/python3 tools/fit_norm.py > src/scalar/norm_coeffs.h   (needs python3-mpmath)
"""
import sys
import mpmath as mp

mp.mp.dps = 60


def mills_r(x):
    x = mp.mpf(x)
    return mp.erfc(x / mp.sqrt(2)) / 2 * mp.exp(x * x / 2)


def far_s(v):
    """x R(x) as a function of v = 1/x^2 (its limit at v = 0 is 1/sqrt(2 pi))."""
    v = mp.mpf(v)
    if v == 0:
        return 1 / mp.sqrt(2 * mp.pi)
    x = 1 / mp.sqrt(v)
    return x * mills_r(x)


def body(s):
    """(Phi(x) - 1/2) / x as a function of s = x^2."""
    s = mp.mpf(s)
    if s == 0:
        return 1 / mp.sqrt(2 * mp.pi)
    x = mp.sqrt(s)
    return (mp.ncdf(x) - mp.mpf(1) / 2) / x


def fit(f, t_lo, t_hi, degree, nodes=None):
    """Returns (c0_lo, [c0_hi, c1, ..., c_degree]) with sum c_i t^i ~ f(t) on [t_lo, t_hi]."""
    nodes = nodes or 4 * (degree + 1)
    t_lo, t_hi = mp.mpf(t_lo), mp.mpf(t_hi)
    ts = [(t_lo + t_hi) / 2 + (t_hi - t_lo) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / nodes)
          for k in range(nodes)]
    fs = [f(t) for t in ts]
    scale = max(abs(t_lo), abs(t_hi))  # columns in t/scale keep the system well conditioned
    fixed = []
    c0_lo = 0.0
    for k in range(degree + 1):
        rows, rhs = [], []
        for t, fv in zip(ts, fs):
            done = mp.fsum(c * t ** i for i, c in enumerate(fixed))
            rows.append([(t / scale) ** i / fv for i in range(k, degree + 1)])
            rhs.append((fv - done) / fv)
        sol, _ = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))
        c = sol[0] / scale ** k
        if k == 0:  # keep the constant as hi + lo
            hi = float(c)
            c0_lo = float(c - hi)
            fixed.append(mp.mpf(hi) + mp.mpf(c0_lo))
        else:
            fixed.append(mp.mpf(float(c)))
    coeffs = [float(c) for c in fixed]
    coeffs[0] = float(fixed[0] - mp.mpf(c0_lo))
    return c0_lo, coeffs


def max_rel_error(f, c0_lo, coeffs, t_lo, t_hi, points=300):
    """Max relative error with the double coefficients evaluated exactly: with the
    double-double constant (scalar) and with its high part only (SIMD)."""
    worst_dd = worst_hi = 0
    for k in range(points + 1):
        t = mp.mpf(t_lo) + (mp.mpf(t_hi) - t_lo) * k / points
        p = mp.mpf(0)
        for c in reversed(coeffs):
            p = p * t + mp.mpf(c)
        fv = f(t)
        worst_hi = max(worst_hi, abs(p / fv - 1))
        worst_dd = max(worst_dd, abs((p + mp.mpf(c0_lo)) / fv - 1))
    return float(worst_dd), float(worst_hi)


def quantile_upper_r(r):
    """x > 0 with Q(x) = exp(-r^2)."""
    r = mp.mpf(r)
    target = -r * r
    x0 = mp.sqrt(2 * r * r - mp.log(4 * mp.pi * r * r)) if r > 1 else mp.mpf(1)
    return mp.findroot(lambda x: mp.log(mp.erfc(x / mp.sqrt(2)) / 2) - target, x0)


def central_h(r, top=mp.mpf("0.180625")):
    """Phi^-1(1/2 + q) / (q sqrt(2 pi)) - 1 as a function of r = top - q^2."""
    u = top - r
    if u == 0:
        return mp.mpf(0)
    q = mp.sqrt(u)
    return mp.sqrt(2) * mp.erfinv(2 * q) / (q * mp.sqrt(2 * mp.pi)) - 1


def tail_h(r):
    """w / (r sqrt(2)) - 1, w > 0 with Q(w) = exp(-r^2)."""
    return quantile_upper_r(r) / (r * mp.sqrt(2)) - 1


def fit_rational(f, lo, hi, m, n, iters=30, relative=True):
    """N/D ~ f on [lo, hi] (relative or absolute error), deg N = m, deg D = n, D(0) = 1.
    Returns (a0_lo, a, b)."""
    nodes = 3 * (m + n + 2)
    lo, hi = mp.mpf(lo), mp.mpf(hi)
    ts = [(lo + hi) / 2 + (hi - lo) / 2 * mp.cos(mp.pi * (k + mp.mpf(1) / 2) / nodes)
          for k in range(nodes)]
    fs = [f(t) for t in ts]
    scale = max(abs(lo), abs(hi))
    weights = [mp.mpf(1)] * nodes
    d_prev = [mp.mpf(1)] * nodes
    fixed = {}  # column -> value (in units of t/scale)

    def columns(t, fv):
        return ([(t / scale) ** i for i in range(m + 1)] +
                [-fv * (t / scale) ** j for j in range(1, n + 1)])

    def solve():
        free = [c for c in range(m + n + 1) if c not in fixed]
        rows, rhs = [], []
        for t, fv, w, dp in zip(ts, fs, weights, d_prev):
            s = w / ((fv if relative else 1) * dp)
            c = columns(t, fv)
            rows.append([s * c[j] for j in free])
            rhs.append(s * (fv - mp.fsum(c[j] * v for j, v in fixed.items())))
        sol, _ = mp.qr_solve(mp.matrix(rows), mp.matrix(rhs))
        full = dict(fixed)
        full.update(zip(free, sol))
        return [full[j] for j in range(m + n + 1)]

    def unscale(x):
        return ([x[i] / scale ** i for i in range(m + 1)],
                [mp.mpf(1)] + [x[m + j] / scale ** j for j in range(1, n + 1)])

    for it in range(iters):
        a, b = unscale(solve())
        errs = []
        for k, (t, fv) in enumerate(zip(ts, fs)):
            d_prev[k] = mp.polyval(b[::-1], t)
            err = mp.polyval(a[::-1], t) / d_prev[k] - fv
            errs.append(abs(err / fv if relative else err))
        if it >= 3:  # Lawson: weight where the error is large
            total = mp.fsum(w * e for w, e in zip(weights, errs))
            weights = [w * e / total * nodes for w, e in zip(weights, errs)]
    a0_lo = 0.0
    order = [c for i in range(max(m, n) + 1) for c in ([i] if i <= m else []) + ([m + i] if 1 <= i <= n else [])]
    for c in order:
        x = solve()
        power = c if c <= m else c - m
        value = x[c] / scale ** power
        if c == 0:
            a0_lo = float(value - mp.mpf(float(value)))
            fixed[c] = (mp.mpf(float(value)) + mp.mpf(a0_lo)) * scale ** power
        else:
            fixed[c] = mp.mpf(float(value)) * scale ** power
    a, b = unscale([fixed[j] for j in range(m + n + 1)])
    a[0] -= mp.mpf(a0_lo)
    return a0_lo, [float(v) for v in a], [float(v) for v in b]


def rational_error(f, a0_lo, a, b, lo, hi, points=300, relative=True):
    """Max relative (or absolute) error; fails if D has a zero (a spurious pole) on the
    interval."""
    den = [mp.mpf(c) for c in b[::-1]]
    if min(mp.polyval(den, mp.mpf(lo) + (mp.mpf(hi) - lo) * k / 3000) for k in range(3001)) <= 0:
        raise SystemExit("the fitted denominator vanishes on the interval: change the degrees")
    worst = 0
    for k in range(points + 1):
        t = mp.mpf(lo) + (mp.mpf(hi) - lo) * k / points
        num = mp.polyval([mp.mpf(c) for c in a[::-1]], t) + mp.mpf(a0_lo)
        err = num / mp.polyval(den, t) - f(t)
        worst = max(worst, abs(err / f(t) if relative else err))
    return float(worst)


RATIONALS = [
    # name, h as a function of t, t range, degrees, what t is
    ("norm_q_central", central_h, (0, mp.mpf("0.180625")), (8, 8),
     "r = 0.180625 - q^2, x = q sqrt(2 pi) (1 + h), |q| <= 0.425"),
    ("norm_q_tail", lambda t: tail_h(t + mp.mpf("1.6")), (0, mp.mpf("3.4")), (8, 8),
     "t = sqrt(-log P) - 1.6 in [0, 3.4], x = r sqrt(2) (1 + h)"),
    ("norm_q_far", lambda t: tail_h(t + 5), (0, 22), (9, 9),
     "t = sqrt(-log P) - 5 in [0, 22], x = r sqrt(2) (1 + h)"),
]

R_PIECE_DEGREE = 16
R_FAR_DEGREE = 20
BODY_DEGREE = 13
NEAR_ONE_DEGREE = 17
NEAR_ONE_DENSITY_DEGREE = 6


def emit_array(out, name, values):
    out.write(f"static const double {name}[{len(values)}] = {{\n")
    for v in values:
        out.write(f"    {v!r},\n")
    out.write("};\n")


def emit_near_one(out):
    """The SIMD pnorm's vectors whose every lane has Phi near 1, z in (1.5, 3]: there 1 - Q
    needs Q only to ~1e-17 absolute, and one polynomial in t = z - 9/4 gives it without an
    exponential; the density (for the rounding of z) to ~1e-5 relative."""
    centre = mp.mpf(9) / 4
    q = lambda t: mp.ncdf(-(centre + t))
    density = lambda t: mp.npdf(centre + t)
    q_co = fit(q, -0.75, 0.75, NEAR_ONE_DEGREE)[1]
    d_co = fit(density, -0.75, 0.75, NEAR_ONE_DENSITY_DEGREE)[1]
    points = [mp.mpf(-0.75) + mp.mpf(1.5) * k / 600 for k in range(601)]
    q_err = max(abs(mp.polyval([mp.mpf(c) for c in q_co[::-1]], t) - q(t)) for t in points)
    d_err = max(abs(mp.polyval([mp.mpf(c) for c in d_co[::-1]], t) / density(t) - 1) for t in points)
    out.write(f"/* SIMD pnorm, every lane z in (1.5, 3]: Q(z) in t = z - 9/4, degree {NEAR_ONE_DEGREE}, max "
              f"abs error {float(q_err):.1e};\n * the density, degree {NEAR_ONE_DENSITY_DEGREE}, max rel "
              f"error {float(d_err):.1e} */\n")
    out.write(f"#define NORM_NEAR_ONE_DEGREE {NEAR_ONE_DEGREE}\n")
    emit_array(out, "norm_near_one_q", q_co)
    out.write(f"#define NORM_NEAR_ONE_DENSITY_DEGREE {NEAR_ONE_DENSITY_DEGREE}\n")
    emit_array(out, "norm_near_one_density", d_co)
    out.write("\n")
    sys.stderr.write(f"near one: max abs error {float(q_err):.2e}, density {float(d_err):.2e}\n")


WIDE_SPLIT = mp.mpf("0.475")
WIDE_DEGREE = 10


def emit_wide_central(out):
    """The SIMD qlnorm's central region up to |q| = 0.475 (p in [0.025, 0.975]; qnorm's lanes
    with P in [0.025, 0.075) take it too, in a second stage of their own): h = N/D in
    t = 0.475^2 - q^2 fitted as above, then rewritten as
        Phi^-1(1/2 + q) = q (K_hi (1 + t N1(t)/D(t)) + K_lo),  K = sqrt(2 pi) (1 + h(0)),
    N1 = sqrt(2 pi) (N - h(0) D)/(t K_hi). At the edge (t -> 0, where z is largest) the
    rounding of the rational part hardly shows; at the centre it is large, but there z is
    small and exp(meanlog + sdlog z) feels only sdlog z times it."""
    top = WIDE_SPLIT ** 2
    f = lambda t: central_h(t, top)
    a0_lo, a, b = fit_rational(f, 0, top, WIDE_DEGREE, WIDE_DEGREE, relative=False)
    s2p = mp.sqrt(2 * mp.pi)
    a0 = mp.mpf(a[0]) + mp.mpf(a0_lo)
    k = s2p * (1 + a0)
    k_hi = float(k)
    k_lo = float(k - mp.mpf(k_hi))
    n1 = [float(s2p * (mp.mpf(a[j]) - a0 * mp.mpf(b[j])) / k_hi) for j in range(1, WIDE_DEGREE + 1)]
    worst = 0
    for i in range(1, 601):  # abs error of z (what exp sees), the double coefficients exactly
        q = WIDE_SPLIT * i / 600
        t = top - q * q
        h = t * mp.polyval([mp.mpf(c) for c in n1[::-1]], t) / mp.polyval([mp.mpf(c) for c in b[::-1]], t)
        g = mp.mpf(k_hi) * (1 + h) + mp.mpf(k_lo)  # as the kernel sums it (v_scaled_correction)
        z = mp.sqrt(2) * mp.erfinv(2 * q)
        worst = max(worst, abs(q * g - z))
    out.write(f"/* quantile, SIMD qlnorm up to sdlog 1 and qnorm for P in [0.025, 0.075): "
              f"x = q (K_HI (1 + t N1/D) + K_LO),\n * t = {float(top)!r} - q^2, "
              f"|q| <= {float(WIDE_SPLIT)}; degrees {WIDE_DEGREE - 1}/{WIDE_DEGREE}; max abs "
              f"error of x {float(worst):.1e} */\n")
    out.write(f"#define NORM_Q_WIDE_SPLIT {float(WIDE_SPLIT)!r}\n")
    out.write(f"#define NORM_Q_WIDE_TOP {float(top)!r}\n")
    out.write(f"#define NORM_Q_WIDE_DEGREE {WIDE_DEGREE}\n")
    out.write(f"#define NORM_Q_WIDE_K_HI {k_hi!r}\n#define NORM_Q_WIDE_K_LO {k_lo!r}\n")
    emit_array(out, "norm_q_wide_n1", n1)
    emit_array(out, "norm_q_wide_den", b)
    out.write("\n")
    sys.stderr.write(f"norm_q_wide: max abs error of x {float(worst):.2e}\n")


def main():
    out = sys.stdout
    out.write("/* Generated by tools/fit_norm.py -- do not edit; rerun the script instead.\n"
              " * R(x) = Q(x) exp(x^2/2), Q the standard normal upper tail, and the body of Phi;\n"
              " * see the script for the pieces. Coefficients in ascending powers; the max\n"
              " * relative error of the double coefficients, evaluated exactly, is given with\n"
              " * the double-double constant (scalar) and with its high part only (SIMD). */\n")
    out.write("#ifndef VDIST_NORM_COEFFS_H\n#define VDIST_NORM_COEFFS_H\n\n")

    pieces = []
    for k in range(4):
        centre = mp.mpf(k) + mp.mpf(1) / 2
        c0_lo, co = fit(lambda t, c=centre: mills_r(c + t), -0.5, 0.5, R_PIECE_DEGREE)
        err = max_rel_error(lambda t, c=centre: mills_r(c + t), c0_lo, co, -0.5, 0.5)
        pieces.append((c0_lo, co, err))
        sys.stderr.write(f"R piece [{k},{k + 1}]: max rel error {err[0]:.2e} / {err[1]:.2e}\n")
    out.write(f"/* R on [k, k+1], k = 0..3, in t = x - (k + 1/2); degree {R_PIECE_DEGREE}; max rel "
              "error " + ", ".join(f"{p[2][0]:.1e}/{p[2][1]:.1e}" for p in pieces) + " */\n")
    out.write(f"#define NORM_R_PIECE_DEGREE {R_PIECE_DEGREE}\n")
    out.write(f"static const double norm_r_piece[{R_PIECE_DEGREE + 1}][4] = {{\n")
    for i in range(R_PIECE_DEGREE + 1):
        out.write("    {" + ", ".join(repr(p[1][i]) for p in pieces) + "},\n")
    out.write("};\n")
    emit_array(out, "norm_r_piece_c0_lo", [p[0] for p in pieces])
    out.write("static const double norm_r_piece_centre[4] = {0.5, 1.5, 2.5, 3.5};\n\n")

    for name, f, (lo, hi), deg, what in [
            ("norm_r_far", far_s, (0, mp.mpf(1) / 16), R_FAR_DEGREE,
             "x R(x) in v = 1/x^2, x >= 4"),
            ("norm_body", body, (0, mp.mpf(9) / 4), BODY_DEGREE,
             "(Phi(x) - 1/2)/x in s = x^2, |x| <= 1.5")]:
        c0_lo, co = fit(f, lo, hi, deg)
        err = max_rel_error(f, c0_lo, co, lo, hi)
        out.write(f"/* {what}; degree {deg}; max rel error {err[0]:.1e}/{err[1]:.1e} */\n")
        out.write(f"#define {name.upper()}_DEGREE {deg}\n")
        emit_array(out, name, co)
        out.write(f"static const double {name}_c0_lo = {c0_lo!r};\n\n")
        sys.stderr.write(f"{name}: max rel error {err[0]:.2e} / {err[1]:.2e}\n")
    emit_near_one(out)
    for name, f, (lo, hi), (m, n), what in RATIONALS:
        a0_lo, a, b = fit_rational(f, lo, hi, m, n, relative=False)
        a[0] += a0_lo  # h is a correction: a double constant is plenty
        err = rational_error(f, 0.0, a, b, lo, hi, relative=False)
        out.write(f"/* quantile: {what}; h = N/D, degrees {m}/{n}; max abs error of h {err:.1e} */\n")
        out.write(f"#define {name.upper()}_DEGREE {m}\n")
        emit_array(out, name + "_num", a)
        emit_array(out, name + "_den", b)
        out.write("\n")
        sys.stderr.write(f"{name}: max abs error {err:.2e}\n")
    emit_wide_central(out)
    out.write("#endif\n")


if __name__ == "__main__":
    main()
