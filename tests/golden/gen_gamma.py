#!/usr/bin/python3
"""Golden-data generator for vdist's gamma, chi-squared and Poisson families.

What it does
------------
Builds a deterministic (fixed-seed) set of test inputs for the R >= 4.2 Rmath
functions, in Rmath's C argument order and semantics,

    gamma(shape, scale)  dgamma(x, shape, scale, give_log)
                         pgamma(q, shape, scale, lower_tail, log_p)
                         qgamma(p, shape, scale, lower_tail, log_p)   (scale, not rate)
    chisq(df)            dchisq(x, df, give_log), pchisq, qchisq       (central only)
    pois(lambda)         dpois(x, lambda, give_log), ppois, qpois

and computes, for each input, the exact result with mpmath (80 digits, more
while too close to a rounding boundary), rounded correctly to a double plus
the remainder want_lo.  All the machinery (rounding, Tails, prob_arg_tails,
seeding, special-row points, writer, --check) is gen_closed.py's, imported;
this file adds the families.  Inputs are doubles and are used as exact
rationals: x/scale, df/2 and k + 1 are formed at working precision from the
exact values.

Exact values
------------
The regularized incomplete gamma P(a, y) = gamma(a, y)/Gamma(a), Q = 1 - P
(y = x/scale; chisq: a = df/2, y = x/2; ppois(k, lambda) = Q(k + 1, lambda)).
Only the smaller of P and Q is computed, as a log accurate relative to
itself; the other is 1 - it exactly (gen_closed.Tails):
  y > 1e30 max(a,1) the asymptotic series of Gamma(a, y) (upper)
  a < 1e4           mpmath.gammainc(a, 0, y) or gammainc(a, y, inf)
                    (regularized), whichever tail is < 1/2;
  a < 0.01, y < 2   Q = -expm1(a log y - lgamma(1+a)) - y^a/Gamma(a+1) *
                    a sum_{n>=1} (-y)^n/(n! (a+n))  (mpmath's upper gammainc
                    is slow there: a cancellation of -log10(a) digits);
  a >= 1e4          y <= a/2: gammainc lower (the series converges at once);
                    y >= 2a: gammainc upper; in between: quadrature
                    (mpmath.quad, tanh-sinh) of the density in
                    w = sqrt(a) log(t/a), exp(-a (e^s - 1 - s)), s = w/sqrt(a),
                    over (-inf, w0] or [w0, inf), split at w0 + 4^k h with
                    h the e-folding length at w0, times the prefactor
                    a^a e^-a / (Gamma(a) sqrt(a)) computed with log2(a) extra
                    bits.  (mpmath's series needs ~sqrt(a) * 200 terms near
                    the mean and gives up beyond a ~ 1e6.)
Densities are logs ((a-1) log y - y - lgamma(a) - log scale; k log lambda -
lambda - lgamma(k+1)) with extra bits for the cancellation of their terms;
values near 1 go through expm1.  Quantiles: qgamma solves log T(u) = log p
for u = log y by Newton (T = the smaller tail of the target; log P and log Q
are concave in u -- the log-gamma density is log-concave -- so Newton
converges monotonically from any start), from the exact p or exact log p.
qpois is exact: the smallest integer k with P(X <= k) >= p (lower) or
P(X > k) <= p (upper), found by galloping + bisection from the Cornish-Fisher
guess, each comparison made on the smaller tail.

Accuracy is verified by recomputation: --check recomputes every row from 120
digits (gen_closed's _recheck), i.e. at a second, higher precision with
mpmath's and the quadrature's own error control, and requires identical want
and want_lo; it also checks that every q row's want lies within half an ulp
(qgamma: the target lies between the tails of want's half-ulp neighbours;
qpois: P(X <= want - 1) < p <= P(X <= want)), and for a < 2e5 the d and p rows
against mpmath.gammainc / the textbook Poisson sum at 200 digits, and for
huge shapes the quadrature against mpmath's series where both work.

qpois rows near a CDF step are left out
--------------------------------------
R's qpois searches with a fuzz: p * (1 - 8 eps) (lower) or p * (1 + 8 eps)
(upper), and log p * (1 +- 2 eps) for log_p, to keep the result left-
continuous despite rounded CDF values.  Where p lies that close to a step the
exact answer and R's may legitimately differ by one, so no qpois row is
emitted whose argument lies within relative 1e-10 of a step, i.e.
|T(k) - p| <= 1e-10 p for k = want and want - 1 (T the argument's tail) or,
for log_p, |log T(k) - log p| <= 1e-10 max(1, |log p|) (R's fuzz is relative
to log p).

Special inputs and R's conventions
----------------------------------
The 'special' rows are exactly the inputs R 4.2 has a special case for, and
--check compares every one with libRmath.  R's conventions (values that are
not the limit of the function, or not the obvious answer):
  gamma  shape = 0 is a point mass at 0: dgamma(0, 0, s) = +Inf, dgamma(x > 0,
         0, s) = 0; pgamma(x, 0, s) = 0 for x <= 0 (also at x = 0: R's
         `x <= 0 ? R_DT_0`), 1 for x > 0; qgamma(p, 0, s) = 0 for p < 1, but
         Inf at p = 1 (the boundaries come first).  dgamma(0, shape < 1) =
         +Inf (also with give_log), dgamma(0, 1, s) = 1/s (log: -log s),
         dgamma(0, shape > 1) = 0.  qgamma checks p = 0 / 1 (log p = -Inf / 0)
         before the parameters: qgamma(0, -1, 1) = 0, qgamma(1, -1, 1) = Inf.
         dgamma / pgamma at x = +Inf: 0 / 1.
  chisq  R's chisq is gamma(df/2, 2) with df/2 rounded: df = 5e-324 gives
         df/2 = 0, the point mass (dchisq(x > 0, 5e-324) = 0, pchisq(x > 0,
         5e-324) = 1, qchisq(p, 5e-324) = 0) although the exact distribution
         with that df is not degenerate.  dchisq(0, df < 2) = +Inf,
         dchisq(0, 2) = 1/2, dchisq(0, df > 2) = 0.
  pois   dpois(x, lambda) is 0 (log -Inf) for non-integer x; x counts as an
         integer (R_nonint) when |x - nearbyint(x)| <= 1e-7 max(1, |x|), and
         then dpois(x) = dpois(nearbyint(x)): such rows (region
         near_integer) carry the exact dpois at the rounded integer.
         ppois(q) = P(X <= floor(q + 1e-7)) with q + 1e-7 rounded as a double
         (region non_integer).  lambda = 0: dpois(0) = 1, ppois(q >= 0) = 1,
         qpois(p, 0) = 0 for every p in [0, 1] (also p = 1: lambda = 0 is
         checked before p = 1).  lambda = +Inf: dpois = 0, ppois(q) = 0
         (lower) for finite q >= 0 and 1 for q = +Inf, qpois = NaN for every
         p (the first check).  qpois(p = 1) = +Inf.
NaN arguments give NaN, invalid parameters (shape < 0, scale <= 0, df < 0,
lambda < 0) NaN, p outside [0, 1] (log p > 0) NaN.

Ordinary inputs where libRmath 4.2.2 is far from the exact value (region
edge and others; --check lists the worst row per function/flags/region), e.g.
  dgamma/dchisq/dpois at large shapes or lambda (R's dpois_raw: stirlerr and
  bd0): ~1e5 ulp at shape 3e5, ~1e8 ulp (relative 1.5e-8) at dgamma(1.4195e8,
  1.4227e8); pgamma at shapes 1e8..1e10 up to ~1e5 ulp in the tails;
  qgamma(log p, lower) with log p near 0 (p = 1 - 4e-168, shape 0.1): R gives
  119.3 for 377.9; qgamma(-1e300, 1.27, s, upper, log) = Inf in R (exact
  3.7e297); qgamma(-5e-324, a, s, lower, log) = Inf in R; dchisq(5e-324, 3)
  = 0 in R (x/2 underflows); pchisq(1, 1e-320, upper, log) off by 8.7e-4
  relative (subnormal df/2); qpois(-DBL_MAX, lambda, lower, log) = Inf in R
  (exact 0); dpois / ppois(DBL_MAX, lambda) = NaN in R.

Output format: gen_closed.py's (tests/data/<family>.tsv, header
#func region x <params> lower_tail log want want_lo).  qpois want is an
integer (want_lo 0).

Regions
-------
 gamma d, p (shape classes; scale 1, 1e-3..1e3 or 1e-200..1e200):
  tiny_shape   shape 1e-300 .. 1e-3, y = x/scale e^-745 .. e^6
  small_shape  shape 1e-3 .. 1, y e^-700 .. e^4 and near the mean
  moderate     shape 1 .. 100, y = shape (1 + t/sqrt(shape)), |t| <= 3
  large        shape 100 .. 1e6, the same
  huge         shape 1e6 .. 1e10, the same (fewer rows: quadrature)
  half_integer shape k/2, k = 1 .. 400 (the chi-squared link), near the mean
  power_form   (d only) shape k/2, k = 1 .. 128, near the mean or y 1e-3 .. 600: the
               vector density's power form
  left_tail    shape 0.5 .. 1e10, lower tail e^-5 .. e^-760 (subnormal, 0)
  right_tail   the same on the right
  log_extreme  log of tails -1e3 .. -1e300: x up to 1e300, x down to 5e-324
 chisq d, p: tiny_df 1e-300..1e-3, small_df 1e-3..1, df_near_one / df_near_two (df
  within 1e-8..0.5 of 1 and 2, and 1, 2 exactly), moderate 2..200, large
  200..1e10, left_tail, right_tail, log_extreme
 pois d, p: tiny_lambda 1e-300..1e-3, small_lambda 1e-3..1, moderate 1..100,
  large 100..1e6, huge 1e6..1e10, huge15 1e14..1e15.5 (x near the mean,
  |t| <= 3), left_tail, right_tail (probabilities e^-5 .. e^-745 and beyond),
  non_integer (d: 0 / -Inf; p: floor), near_integer (d: R's 1e-7 fuzz)
 q (every family): the same regions, their arguments being the (lower or
  upper, log or not) tail probabilities of such points, plus body (p
  0.02..0.98), near_zero, near_one, log_extreme (log p down to -1e300)
 and in every function: special edge

Regenerate / check
------------------
    nice -n 15 /usr/bin/python3 tests/golden/gen_gamma.py [family ...] [--out DIR]
    nice -n 15 /usr/bin/python3 tests/golden/gen_gamma.py --check [family ...]
One process (single core) by default; --workers N for more.
"""

import argparse
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_norm as norm  # noqa: E402
import gen_closed as closed  # noqa: E402

import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

from gen_closed import (Tails, exp_small, D0, D1, DT0, DT1, any_nan,  # noqa: E402
                        q_out_of_range, is_dt0, is_dt1, q_boundaries, NAN, INF,
                        DBL_TRUE_MIN, logu, pow10u, sgn)

BIG_SHAPE = 1e4


# --------------------------------------------------------------------------
# exact regularized incomplete gamma: log of the smaller tail
# --------------------------------------------------------------------------

def exp_near1(v):
    """e^v, with e^v - 1 exact in the result when v is small (want_lo)."""
    if abs(v) < 0.5:
        return mpmath.fadd(1, mpmath.expm1(v), exact=True)
    return exp_small(v)


def tiny_shape_upper(a, y):
    """Q(a, y) for a < 0.01, y < 2."""
    with mp.extraprec(int(-mpmath.mag(a)) + 40):
        a1 = mpmath.fadd(a, 1, exact=True)
        lg1 = mpmath.loggamma(a1)
        ly = mpmath.log(y)
        head = -mpmath.expm1(a * ly - lg1)
        s, term, n = mpf(0), mpf(1), 1
        eps = mpf(2) ** -(mp.prec + 20)
        while True:
            term = term * (-y) / n
            c = term / (a + n)
            s += c
            if abs(c) < eps:
                break
            n += 1
        q = head - mpmath.exp(a * ly - lg1) * a * s
    return +q


def quad_tail(a, y, lower):
    """log of P(a, y) (lower) or Q(a, y) for large a, by quadrature."""
    with mp.extraprec(int(mpmath.mag(a)) + 64):
        ra = mpmath.sqrt(a)
        w0 = ra * mpmath.log(y / a)

        def phi(w):
            s = w / ra
            return a * (mpmath.expm1(s) - s)
        p0 = phi(w0)

        def f(w):
            v = p0 - phi(w)
            return mpf(0) if v < -10 ** 6 else mpmath.exp(v)
        h = 1 / max(1, abs(ra * mpmath.expm1(w0 / ra)))
        if lower:
            pts = [-mpmath.inf] + [w0 - h * 4 ** k for k in range(8, -1, -1)] + [w0]
        else:
            pts = [w0] + [w0 + h * 4 ** k for k in range(9)] + [mpmath.inf]
        integral, err = mpmath.quad(f, pts, error=True)
        if not err <= integral * mpf(2) ** (-mp.prec + 40):
            raise RuntimeError("quadrature error %s for a=%s y=%s" % (
                mpmath.nstr(err / integral, 3), mpmath.nstr(a, 20), mpmath.nstr(y, 20)))
        lpre = a * mpmath.log(a) - a - mpmath.loggamma(a) - mpmath.log(a) / 2
        return +(lpre - p0 + mpmath.log(integral))


def gammainc_tail(a, y, lower):
    """P(a, y) or Q(a, y) by mpmath; where its series gives up (NoConvergence:
    a above ~1e4 with y near the mean), by quadrature (returned as a value)."""
    try:
        if lower:
            return mpmath.gammainc(a, 0, y, regularized=True)
        return mpmath.gammainc(a, y, mpmath.inf, regularized=True)
    except mpmath.libmp.libhyper.NoConvergence:
        return mpmath.exp(quad_tail(a, y, lower))


def upper_asymptotic(a, y):
    """log Q(a, y) for y > 1e30 max(a, 1): (a-1) log y - y - lgamma(a) + log of
    sum_k (a-1)(a-2)...(a-k) / y^k (terms shrink by 1e-30 and more; mpmath's
    exp(-y) overflows its shift count beyond y ~ 1e300)."""
    s, term, k = mpf(1), mpf(1), 1
    eps = mpf(2) ** -(mp.prec + 20)
    while True:
        term = term * (a - k) / y
        s += term
        if abs(term) < eps or term == 0:
            break
        k += 1
    return (a - 1) * mpmath.log(y) - y - mpmath.loggamma(a) + mpmath.log(s)


def gamma_small_tail(a, y):
    """(lower, log T): the smaller tail T of the gamma(a) law at y > 0, as a log."""
    a, y = mpf(a), mpf(y)
    if y > 1e30 * max(a, 1):
        return False, upper_asymptotic(a, y)
    if a >= BIG_SHAPE:
        if y <= a / 2:
            return True, mpmath.log(gammainc_tail(a, y, True))
        if y >= 2 * a:
            return False, mpmath.log(gammainc_tail(a, y, False))
        lower = y < a
        return lower, quad_tail(a, y, lower)
    if a < 0.01 and y < 2:
        q = tiny_shape_upper(a, y)
        if q <= 0.5:
            return False, mpmath.log(q)
        return True, mpmath.log(gammainc_tail(a, y, True))
    lower = y < a
    v = gammainc_tail(a, y, lower)
    if v > 0.5:
        lower = not lower
        v = gammainc_tail(a, y, lower)
    return lower, mpmath.log(v)


def log1m_exp_of(lv):
    """log(1 - e^lv), lv <= log(1/2) or so."""
    if lv < -5000:
        return -norm.TINY
    return mpmath.log1p(-mpmath.exp(lv))


def gamma_tails_std(a, y):
    lower, lt = gamma_small_tail(a, y)
    other = log1m_exp_of(lt) if lt < -0.5 else mpmath.log(-mpmath.expm1(lt))
    return Tails(logF=lt, logS=other) if lower else Tails(logF=other, logS=lt)


def gamma_log_density_std(a, y):
    """log of the gamma(a, 1) density at y > 0."""
    a, y = mpf(a), mpf(y)
    ly = mpmath.log(y)
    big = max(abs(a * ly), y, abs(mpmath.loggamma(a)), 1)
    with mp.extraprec(int(mpmath.mag(big)) + 20):
        a, y = mpf(a), mpf(y)
        return +((a - 1) * mpmath.log(y) - y - mpmath.loggamma(a))


def y_of(x, scale):
    with mp.extraprec(20):
        return mpf(x) / mpf(scale)


# ---- gamma(shape, scale) ----

def gamma_density(x, shape, scale, lg):
    ld = gamma_log_density_std(shape, y_of(x, scale)) - mpmath.log(scale)
    return ld if lg else exp_near1(ld)


def gamma_tails(x, shape, scale):
    return gamma_tails_std(shape, y_of(x, scale))


def gamma_std_quantile(P, a):
    """y with T(y) = target (T the smaller tail of the target), Newton in u = log y."""
    a = mpf(a)
    lower = P.log(True) < -mpmath.ln2
    lt = P.log(lower)
    lga = mpmath.loggamma(a)
    # start: the small-y or large-y asymptote, or Wilson-Hilferty
    if lower:
        u = (lt + mpmath.loggamma(a + 1)) / a
    else:
        u = mpmath.log(max(-lt, mpf(1)) + a)
    if a > 1 and -700 < lt:
        with mp.workdps(20):
            z = norm.std_quantile(float(lt), 1 if lower else 0, 1)
            c = 1 - 1 / (9 * a) + z / (3 * mpmath.sqrt(a))
        if c > 0:
            u = mpmath.log(a) + 3 * mpmath.log(c)
    if u < -1e6:
        return u                        # y = e^u far below any double
    tol = mpf(2) ** (-mp.prec + 48)
    for _ in range(200):
        y = mpmath.exp(u)
        if lower:
            ltu = gamma_tails_std(a, y).log(True)
        else:
            ltu = gamma_tails_std(a, y).log(False)
        if not lower and y > 1e30 * max(a, 1):
            dlog = y           # y dens(y) / Q(y) = y / (1 + (a-1)/y + ...)
        else:
            dlog = mpmath.exp(a * u - y - lga - ltu)     # |d log T / du|
        du = (ltu - lt) / dlog
        if not lower:
            du = -du
        u -= du
        if abs(du) <= tol * max(1, abs(u)):
            return u
    raise RuntimeError("qgamma Newton did not converge: a=%s" % mpmath.nstr(a, 20))


def gamma_quantile(P, shape, scale):
    u = gamma_std_quantile(P, shape)
    return scale * exp_small(u)


# ---- chisq(df) = gamma(df/2, 2) ----

def chisq_density(x, df, lg):
    return gamma_density(x, mpf(df) / 2, 2, lg)


def chisq_tails(x, df):
    return gamma_tails(x, mpf(df) / 2, 2)


def chisq_quantile(P, df):
    return gamma_quantile(P, mpf(df) / 2, 2)


# ---- pois(lambda) ----

def r_nonint(x):
    return abs(x - round_half_even(x)) > 1e-7 * max(1.0, abs(x))


def round_half_even(x):
    """C's nearbyint (R_forceint) in the default rounding mode."""
    return float(round(x))


def pois_density(x, lam, lg):
    k = mpf(round_half_even(float(x)))
    lam = mpf(lam)
    if lam == 0:
        raise RuntimeError("lambda = 0 is special")
    llam = mpmath.log(lam)
    big = max(abs(k * llam), lam, 1)
    with mp.extraprec(int(mpmath.mag(big)) + 20):
        ld = +(k * mpmath.log(lam) - lam - mpmath.loggamma(k + 1))
    return ld if lg else exp_near1(ld)


def pois_k(x):
    return math.floor(float(x) + 1e-7)          # R: floor(x + 1e-7) in doubles


def pois_tails_k(k, lam):
    """Tails of P(X <= k): F = Q(k + 1, lambda), S = P(k + 1, lambda)."""
    t = gamma_tails_std(mpf(k) + 1, mpf(lam))
    return Tails(logF=t.log(False), logS=t.log(True))


def pois_tails(x, lam):
    return pois_tails_k(pois_k(x), lam)


class NearStep(Exception):
    pass


def pois_quantile(P, lam):
    """The smallest integer k with P(X <= k) >= p (lower) / P(X > k) <= p (upper);
    mpmath.inf (the row is left out) when p lies within the fuzz zone of a step."""
    p, arg_lower, lg = P.arg
    lam = mpf(lam)
    side = P.log(True) < -mpmath.ln2       # compare on the smaller tail
    lt = P.log(side)

    def big_enough(k):
        t = pois_tails_k(k, lam)
        if lg:
            near = abs(t.log(arg_lower) - p) <= mpf(1e-10) * max(1, abs(p))
        else:
            near = abs(t.value(arg_lower) - mpf(p)) <= mpf(1e-10) * p
        if near:
            raise NearStep()
        return t.log(True) >= lt if side else t.log(False) <= lt

    try:
        with mp.workdps(20):                # Cornish-Fisher guess
            lF = float(P.log(True))
            if -700 < lF < -1e-15:
                z = float(norm.std_quantile(lF, 1, 1))
            else:
                z = -38.0 if lF < -1 else 38.0
        s = math.sqrt(float(lam))
        g = max(0, round(float(lam) + s * z + (z * z - 1) / 6))
        if big_enough(g):
            hi, step, lo = g, 1, g - 1
            while lo >= 0 and big_enough(lo):
                hi = lo
                step *= 2
                lo = hi - step
            lo = max(lo, -1)
        else:
            lo, step, hi = g, 1, g + 1
            while not big_enough(hi):
                lo = hi
                step *= 2
                hi = lo + step
        while hi - lo > 1:          # big_enough(hi); not big_enough(lo) (or lo = -1)
            mid = (lo + hi) // 2
            if big_enough(mid):
                hi = mid
            else:
                lo = mid
        if hi > 0:
            big_enough(hi - 1)      # the step below hi: outside the fuzz zone too
        return float(hi)
    except NearStep:
        return mpmath.inf           # left out: make_row drops rows whose want is infinite


# --------------------------------------------------------------------------
# R's special cases: a float (or mpf to be rounded), or None for the exact path
# --------------------------------------------------------------------------

def gamma_d_special(x, shape, scale, lg):
    if any_nan(x, shape, scale) or shape < 0 or scale <= 0:
        return NAN
    if x < 0:
        return D0(lg)
    if shape == 0:
        return INF if x == 0 else D0(lg)
    if x == 0:
        if shape < 1:
            return INF
        if shape > 1:
            return D0(lg)
        return -mpmath.log(scale) if lg else 1 / mpf(scale)
    if math.isinf(x) or math.isinf(shape) or math.isinf(scale):
        return D0(lg)
    return None


def gamma_p_special(x, shape, scale, lower, lg):
    if any_nan(x, shape, scale) or shape < 0 or scale <= 0:
        return NAN
    y = x / scale
    if math.isnan(y):
        return NAN
    if shape == 0 or y <= 0 or math.isinf(y):
        return DT0(lower, lg) if y <= 0 else DT1(lower, lg)
    return None


def gamma_q_special(p, shape, scale, lower, lg):
    if any_nan(p, shape, scale):
        return NAN
    b = q_boundaries(p, lower, lg, 0.0, INF)
    if b is not None:
        return b
    if shape < 0 or scale <= 0:
        return NAN
    if shape == 0:
        return 0.0
    return None


def chisq_d_special(x, df, lg):
    return gamma_d_special(x, df / 2, 2.0, lg)


def chisq_p_special(x, df, lower, lg):
    return gamma_p_special(x, df / 2, 2.0, lower, lg)


def chisq_q_special(p, df, lower, lg):
    return gamma_q_special(p, 0.5 * df, 2.0, lower, lg)


def pois_d_special(x, lam, lg):
    if any_nan(x, lam) or lam < 0:
        return NAN
    if math.isfinite(x) and r_nonint(x):
        return D0(lg)
    if x < 0 or math.isinf(x) or math.isinf(lam):
        return D0(lg)
    if lam == 0:
        return D1(lg) if round_half_even(x) == 0 else D0(lg)
    return None


def pois_p_special(x, lam, lower, lg):
    if any_nan(x, lam) or lam < 0:
        return NAN
    if x < 0:
        return DT0(lower, lg)
    if lam == 0 or math.isinf(x):
        return DT1(lower, lg)
    if math.isinf(lam):
        return DT0(lower, lg)
    return None


def pois_q_special(p, lam, lower, lg):
    if any_nan(p, lam) or math.isinf(lam) or lam < 0 or q_out_of_range(p, lg):
        return NAN
    if lam == 0 or is_dt0(p, lower, lg):
        return 0.0
    if is_dt1(p, lower, lg):
        return INF
    return None


# --------------------------------------------------------------------------
# input generation
# --------------------------------------------------------------------------

def draw_scale(r):
    u = r.random()
    if u < 0.4:
        return 1.0
    if u < 0.8:
        return logu(r, 1e-3, 1e3)
    return pow10u(r, -200, 200)


def shape_in(lo, hi):
    return lambda r: pow10u(r, lo, hi)


def near_mean_y(r, a):
    t = r.uniform(-3, 3)
    return a * (1 + t / math.sqrt(a))


def tail_v(c, right):
    """v with v - 1 - log v = c (v > 1 right, v < 1 left), as e^y."""
    if right:
        lo, hi = 0.0, math.log1p(c) + 2
    else:
        lo, hi = -(c + 2), 0.0
    for _ in range(200):
        mid = (lo + hi) / 2
        f = math.expm1(mid) - mid - c
        if (f > 0) == right:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def tail_y(r, a, right, lmin, lmax):
    """y where the tail is about e^-L, L uniform in [lmin, lmax]."""
    L = r.uniform(lmin, lmax)
    return a * math.exp(tail_v(L / a, right))


# A point generator: (r) -> (shape, y); the family turns it into (x, params).

def pts_mean(shape_gen):
    def g(r):
        a = shape_gen(r)
        return a, near_mean_y(r, a)
    return g


def pts_logy(shape_gen, lo, hi, mean_share=0.0):
    def g(r):
        a = shape_gen(r)
        if r.random() < mean_share and a > 0.05:
            return a, a * math.exp(r.uniform(-2, 2))
        return a, math.exp(r.uniform(lo, hi))
    return g


def pts_tail(shape_gen, right, lmin, lmax):
    def g(r):
        a = shape_gen(r)
        return a, tail_y(r, a, right, lmin, lmax)
    return g


def body_y(r, a):
    """y in the body of shape a: near the mean, or over e^-3 .. e^1.5 of a for small a"""
    return near_mean_y(r, a) if a > 9 else a * math.exp(r.uniform(-3, 1.5))


def pts_half_integer(r):
    a = r.randint(1, 400) / 2
    if r.random() < 0.5:
        return a, body_y(r, a)
    return a, tail_y(r, a, r.random() < 0.5, 5, 700)


def pts_power_form(r):
    """dgamma's vector power form: 2 shape an integer up to 128, y near the mean or spread
    over [1e-3, 600] (where the form is taken)"""
    a = r.randint(1, 128) / 2
    if r.random() < 0.5:
        return a, body_y(r, a)
    return a, logu(r, 1e-3, 600)


def pts_log_extreme(r):
    k = r.randrange(3)
    if k == 0:          # x huge: the upper tail far beyond e^-745
        a = logu(r, 0.5, 1e3)
        return a, pow10u(r, 3, 300)
    if k == 1:          # y tiny with shape > 1: lower tail below e^-1000
        a = logu(r, 2, 1e6)
        return a, math.exp(-r.uniform(1000 / a + 1, 740))
    a = pow10u(r, 0, 10)
    return a, tail_y(r, a, r.random() < 0.5, 1e3, 1e5)


# ---- families' placement of (shape, y) ----

def gamma_place(r, a, y):
    s = draw_scale(r)
    x = y * s
    if not (0 < x < INF) or a <= 0:
        return None
    return x, (a, s)


def chisq_place(r, a, y):
    df = 2 * a
    x = 2 * y
    if not (0 < x < INF) or not (0 < df < INF):
        return None
    return x, (df,)


def pois_place(r, lam, y):
    """Poisson points: k = round(y) (y from the gamma generators with shape lambda)."""
    k = float(round(y))
    if not (0 <= k < 2.0 ** 53):
        return None
    return k, (lam,)


def collect(n, draw):
    """Up to n values of draw() (None: drawn and dropped), at most 20 n draws."""
    out = []
    for _ in range(20 * n):
        if len(out) == n:
            break
        v = draw()
        if v is not None:
            out.append(v)
    return out


def d_region(point_gen, place):
    def gen(fam, r, lower, lg, n):
        return collect(n, lambda: place(r, *point_gen(r)))
    return gen


def q_region(point_gen, place, fam_name):
    """q arguments: the requested tail (log or not) of such points, at 20 digits."""
    def tail_probability(fam, r, lower, lg, v):
        if v is None:
            return None
        x, theta = v
        with mp.workdps(20):
            try:
                if fam_name == 'pois':
                    # between the steps at k - 1 and k
                    k = x
                    t1 = pois_tails_k(k, theta[0])
                    l1 = t1.log(lower)
                    if k > 0:
                        l0 = pois_tails_k(k - 1, theta[0]).log(lower)
                        u = r.uniform(0.05, 0.95)
                        lp = l0 + u * (l1 - l0)
                    else:
                        lp = l1 + mpf(r.uniform(0.001, 0.5)) * (-1 if lower else 1) \
                            * abs(l1) if l1 != 0 else l1
                else:
                    lp = fam.tails(mpf(x), *[mpf(t) for t in theta]).log(lower)
            except (ValueError, ZeroDivisionError):
                return None
            p = float(lp) if lg else float(mpmath.exp(lp))
        if (lg and -INF < p < 0) or (not lg and 0 < p < 1):
            return (p, theta)
        return None

    def gen(fam, r, lower, lg, n):
        return collect(n, lambda: tail_probability(fam, r, lower, lg, place(r, *point_gen(r))))
    return gen


def probs_region(kind, params):
    def gen(fam, r, lower, lg, n):
        return [(p, params(r)) for p in closed.PROBS[kind](r, lg, n)]
    return gen


# --------------------------------------------------------------------------
# the families
# --------------------------------------------------------------------------

N = 36
N_FEW = 12           # the quadrature regions (shape >= 1e6)


def regions_for(classes, place, name, n_q_override=None):
    """d, p, q regions from a list of (region, n, point generator)."""
    reg = {'d': [], 'p': [], 'q': []}
    for region, n, pts in classes:
        reg['d'].append((region, n, d_region(pts, place)))
        reg['p'].append((region, n, d_region(pts, place)))
        nq = n if n_q_override is None else n_q_override.get(region, n)
        reg['q'].append((region, nq, q_region(pts, place, name)))
    return reg


GAMMA_CLASSES = [
    ('tiny_shape', N, pts_logy(shape_in(-300, -3), -745, 6)),
    ('small_shape', N, pts_logy(shape_in(-3, 0), -700, 4, mean_share=0.4)),
    ('moderate', N, pts_mean(shape_in(0, 2))),
    ('large', N, pts_mean(shape_in(2, 6))),
    ('huge', N_FEW, pts_mean(shape_in(6, 10))),
    ('half_integer', N, pts_half_integer),
    ('left_tail', N, pts_tail(shape_in(-0.3, 10), False, 5, 760)),
    ('right_tail', N, pts_tail(shape_in(-0.3, 10), True, 5, 760)),
    ('log_extreme', N, pts_log_extreme),
]


def gamma_typical(r):
    return (logu(r, 0.1, 100), draw_scale(r))


g_reg = regions_for(GAMMA_CLASSES, gamma_place, 'gamma',
                    {'huge': 8, 'left_tail': 24, 'right_tail': 24, 'log_extreme': 24})
g_reg['d'] += [('power_form', N, d_region(pts_power_form, gamma_place))]
g_reg['q'] += [('body', N, probs_region('body', gamma_typical)),
               ('near_zero', N, probs_region('near_zero', gamma_typical)),
               ('near_one', N, probs_region('near_one', gamma_typical)),
               ('log_probs', (0, N), probs_region('log_extreme', gamma_typical))]

closed.family(
    name='gamma', params=('shape', 'scale'),
    density=gamma_density, tails=gamma_tails, quantile=gamma_quantile,
    special={'d': gamma_d_special, 'p': gamma_p_special, 'q': gamma_q_special},
    std_params=None, typical_params=gamma_typical, place=None, positive=True,
    special_theta=(2.5, 2.0),
    special_params=[(NAN, 1.0), (1.0, NAN), (-1.0, 1.0), (-INF, 1.0), (0.0, 1.0), (0.0, 2.0),
                    (1.0, -1.0), (1.0, 0.0), (1.0, -INF), (0.5, 1.0), (1.0, 1.0), (1.0, 4.0),
                    (3.0, 1.0), (DBL_TRUE_MIN, 1.0)],
    boundary_x=lambda ks: [ks[0] * ks[1]],
    regions=g_reg)


def chisq_shape(lo, hi):
    return lambda r: pow10u(r, lo, hi) / 2


def near(c):
    def g(r):
        if r.random() < 0.2:
            return c / 2
        return (c + sgn(r) * pow10u(r, -8, math.log10(0.5))) / 2
    return g


CHISQ_CLASSES = [
    ('tiny_df', N, pts_logy(chisq_shape(-300, -3), -745, 6)),
    ('small_df', N, pts_logy(chisq_shape(-3, 0), -700, 4, mean_share=0.4)),
    ('df_near_one', N, pts_logy(near(1.0), -30, 3.5, mean_share=0.5)),
    ('df_near_two', N, pts_logy(near(2.0), -30, 3.5, mean_share=0.5)),
    ('moderate', N, pts_mean(chisq_shape(math.log10(2), math.log10(200)))),
    ('large', N_FEW, pts_mean(chisq_shape(math.log10(200), 10))),
    ('left_tail', 24, pts_tail(chisq_shape(0, 10), False, 5, 760)),
    ('right_tail', 24, pts_tail(chisq_shape(0, 10), True, 5, 760)),
    ('log_extreme', 24, pts_log_extreme),
]


def chisq_typical(r):
    return (logu(r, 0.1, 200),)


c_reg = regions_for(CHISQ_CLASSES, chisq_place, 'chisq', {'large': 8})
c_reg['q'] += [('body', N, probs_region('body', chisq_typical)),
               ('near_zero', 24, probs_region('near_zero', chisq_typical)),
               ('near_one', 24, probs_region('near_one', chisq_typical)),
               ('log_probs', (0, 24), probs_region('log_extreme', chisq_typical))]

closed.family(
    name='chisq', params=('df',),
    density=chisq_density, tails=chisq_tails, quantile=chisq_quantile,
    special={'d': chisq_d_special, 'p': chisq_p_special, 'q': chisq_q_special},
    std_params=None, typical_params=chisq_typical, place=None, positive=True,
    special_theta=(3.0,),
    special_params=[(NAN,), (-1.0,), (-INF,), (0.0,), (1.0,), (2.0,), (DBL_TRUE_MIN,),
                    (1e-320,)],
    boundary_x=lambda d: [d[0]],
    regions=c_reg)


def pois_mean(lam_gen):
    def g(r):
        lam = lam_gen(r)
        return lam, lam + r.uniform(-3, 3) * math.sqrt(lam)
    return g


def pois_small(lam_gen):
    def g(r):
        lam = lam_gen(r)
        return lam, float(r.choice([0, 0, 1, 1, 2, 3, r.randint(4, 40), r.randint(40, 400)]))
    return g


def pois_tail(right):
    def g(r):
        lam = pow10u(r, -0.3, 10)
        return lam, tail_y(r, lam, right, 5, 745)
    return g


def pois_non_integer(fam, r, lower, lg, n):
    out = []
    for i in range(n):
        lam = logu(r, 0.1, 1e4)
        k = round(lam + r.uniform(-3, 3) * math.sqrt(lam))
        x = max(k, 0) + r.choice([r.uniform(0.001, 0.999), 1e-6 * (1 + r.random()),
                                  -1e-6 * (1 + r.random())])
        out.append((x, (lam,)))
    return out


def pois_near_integer(fam, r, lower, lg, n):
    """x within R's 1e-7 fuzz of an integer (dpois and ppois treat it as that integer)."""
    out = []
    for i in range(n):
        lam = logu(r, 0.1, 1e4)
        k = max(0, round(lam + r.uniform(-3, 3) * math.sqrt(lam)))
        x = k + sgn(r) * r.uniform(0, 0.9e-7) * max(1, k)
        if x >= 0:
            out.append((x, (lam,)))
    return out


POIS_CLASSES = [
    ('tiny_lambda', N, pois_small(shape_in(-300, -3))),
    ('small_lambda', N, pois_small(shape_in(-3, 0))),
    ('moderate', N, pois_mean(shape_in(0, 2))),
    ('large', N, pois_mean(shape_in(2, 6))),
    ('huge', N_FEW, pois_mean(shape_in(6, 10))),
    ('huge15', 8, pois_mean(shape_in(14, 15.5))),
    ('left_tail', 24, pois_tail(False)),
    ('right_tail', 24, pois_tail(True)),
]

p_reg = regions_for(POIS_CLASSES, pois_place, 'pois', {'huge': 6, 'huge15': 4})
p_reg['d'] += [('non_integer', 24, pois_non_integer), ('near_integer', 24, pois_near_integer)]
p_reg['p'] += [('non_integer', 24, pois_non_integer), ('near_integer', 24, pois_near_integer)]

closed.family(
    name='pois', params=('lambda',),
    density=pois_density, tails=pois_tails, quantile=pois_quantile,
    special={'d': pois_d_special, 'p': pois_p_special, 'q': pois_q_special},
    std_params=None, typical_params=None, place=None, positive=False,
    special_theta=(3.5,),
    special_params=[(NAN,), (-1.0,), (-INF,), (0.0,), (INF,), (DBL_TRUE_MIN,), (1e-300,)],
    boundary_x=lambda lam: [3.0, 2.5, 3.0 + 1e-8, 3.0 - 1e-8, 3.0 + 1e-6, 1e15, 2.0 ** 53],
    regions=p_reg)

FAMILIES = ('gamma', 'chisq', 'pois')


# --------------------------------------------------------------------------
# independent cross-checks (for gen_closed.check)
# --------------------------------------------------------------------------

def _indep(row):
    name, func, region, x, theta, lower, lg, want, lo = row
    exact = mpf(want) + mpf(lo)
    try:
        if func == 'q':
            mp.dps = closed.CHECK_DPS
            th = [mpf(v) for v in theta]
            fam = closed.FAMILIES[name]
            if name == 'pois':
                k = int(want)
                tk = pois_tails_k(k, th[0])
                # P(X <= k) >= p and P(X <= k-1) < p, in the argument's terms
                arg = closed.prob_arg_tails(x, lower, lg)
                side = arg.log(True) < -mpmath.ln2
                def big(t):
                    return t.log(True) >= arg.log(True) if side else t.log(False) <= arg.log(False)
                if not big(tk):
                    return "qpois: want too small"
                if k > 0 and big(pois_tails_k(k - 1, th[0])):
                    return "qpois: want - 1 is enough"
                return None
            a = (mpf(want) + mpf(math.nextafter(want, -INF))) / 2
            b = (mpf(want) + mpf(math.nextafter(want, INF))) / 2
            fa = fam.tails(a, *th).get(True, lg) if lower else fam.tails(b, *th).get(False, lg)
            fb = fam.tails(b, *th).get(True, lg) if lower else fam.tails(a, *th).get(False, lg)
            if not (fa <= mpf(x) <= fb):
                return "q bracket fails: %s %s %s" % (mpmath.nstr(fa, 20), mpmath.nstr(
                    mpf(x), 20), mpmath.nstr(fb, 20))
            return None
        # d and p: independent formulas at 200 digits where they are cheap
        mp.dps = 200
        if name == 'pois':
            lam = mpf(theta[0])
            if lam > 1e4 or lam < 1e-250:
                return None
            if func == 'd':
                k = round_half_even(x)
                v = mpmath.exp(-lam) * lam ** k / mpmath.factorial(k)
            else:
                k = pois_k(x)
                if k > 3e4:
                    return None
                F = mpmath.nsum(lambda j: mpmath.exp(-lam) * lam ** j / mpmath.factorial(j),
                                [0, k]) if k < 2000 else None
                if F is None:
                    return None
                v = F if lower else 1 - F
        else:
            a, s = (mpf(theta[0]), mpf(theta[1])) if name == 'gamma' else \
                (mpf(theta[0]) / 2, mpf(2))
            if a > 1e4 or a < 1e-250:
                return None
            y = mpf(x) / s
            if func == 'd':
                v = y ** (a - 1) * mpmath.exp(-y) / mpmath.gamma(a) / s
            else:
                v = mpmath.gammainc(a, 0, y, regularized=True) if lower else \
                    mpmath.gammainc(a, y, mpmath.inf, regularized=True)
                if lg and v > 0.5:       # log of 1 - tiny: from the other tail
                    w = mpmath.gammainc(a, y, mpmath.inf, regularized=True) if lower else \
                        mpmath.gammainc(a, 0, y, regularized=True)
                    return _compare(mpmath.log1p(-w), exact, func, name)
        if v == 0 or v < mpf(10) ** -280 or (lg and name == 'pois' and v > 0.5):
            return None
        if lg:
            v = mpmath.log(v)
        return _compare(v, exact, func, name)
    finally:
        mp.dps = closed.DPS


def _compare(v, exact, func, name):
    tol = max(abs(exact) * mpf(2) ** -100, mpf(2) ** -1074)
    if abs(v - exact) > tol:
        return "%s%s rel %s" % (func, name, mpmath.nstr(abs(v - exact) / abs(exact), 3))
    return None


for _name in FAMILIES:
    closed.INDEPENDENT[_name] = _indep


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('families', nargs='*', metavar='family',
                    help='families to write or check (default: all: %s)' % ' '.join(FAMILIES))
    ap.add_argument('--out', default=os.path.normpath(os.path.join(HERE, '..', 'data')))
    ap.add_argument('--check', action='store_true')
    ap.add_argument('--workers', type=int, default=1)
    args = ap.parse_args(argv[1:])
    names = args.families or list(FAMILIES)
    for name in names:
        if name not in FAMILIES:
            ap.error("unknown family %r" % name)
    if args.check:
        closed.check(names, args.out, workers=args.workers)
    else:
        closed.generate(names, args.out, workers=args.workers, prog='gen_gamma')


if __name__ == '__main__':
    main(sys.argv)
