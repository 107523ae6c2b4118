#!/usr/bin/python3
"""Golden-data generator for vdist's six closed-form families.

What it does
------------
Builds a deterministic (fixed-seed) set of test inputs for the R >= 4.2 Rmath
functions, in Rmath's C argument order and semantics,

    unif(min, max)           dunif(x, min, max, give_log)
                             punif(q, min, max, lower_tail, log_p)
                             qunif(p, min, max, lower_tail, log_p)
    exp(scale)               dexp(x, scale, give_log), pexp(q, scale, ...), qexp(p, scale, ...)
                             (scale = 1/rate, as in Rmath's C functions)
    lnorm(meanlog, sdlog)    dlnorm, plnorm, qlnorm
    logis(location, scale)   dlogis, plogis, qlogis
    cauchy(location, scale)  dcauchy, pcauchy, qcauchy
    weibull(shape, scale)    dweibull, pweibull, qweibull

and computes, for each input, the *exact* result with mpmath (80 significant
digits, more while the result is too close to a rounding boundary to call),
then rounds it correctly to an IEEE double.  Inputs are doubles; the exact
value is computed from the exact rational values of those doubles, never from
float arithmetic: x - location, max - min and 1 - p are formed exactly;
log(x) - meanlog (lnorm) is recomputed with the bits that cancel;
log(x/scale) (weibull) goes through log1p((x - scale)/scale) near 1;
quantiles are the exact quantiles of the exact p (or of the exact log p).
Each family computes whichever form of its two tail probabilities it gets
accurately (values for unif and cauchy, logs for the others) and shared code
(Tails) derives the rest, e.g. log F = log1p(-S) for F near 1, and F = 1 - S
exactly so that want_lo is right.  Values below e^-5000 are replaced by
2^-5000, which rounds the same and keeps exact arithmetic small.  Rounding,
seeding and the normal distribution (for lnorm) come from gen_norm.py.

Special inputs
--------------
NaN and infinite arguments, invalid parameters, support boundaries and p at
0 / 1 (log p at -Inf / 0) follow libRmath 4.2.2: the 'special' rows are
exactly the inputs R has a special case for, and --check compares every one
with libRmath.  Where R's result is not the limit of the function, or not the
obvious answer, R's convention is used:

  unif    dunif(x, a, a) = NaN (min == max), but punif(x, a, a) is the step
          (1 from a on) and qunif(p, a, a) = a.  An infinite min or max:
          dunif = 0 (log -Inf), punif = NaN, qunif = NaN.  (qunif at p = 0
          and 1 is min and max exactly; R's min + 1 * (max - min) can round,
          e.g. qunif(1, -1, 5e-324) is 0 in R.)
  exp     qexp(p, 0) = 0, except at the top of the distribution (p = 1,
          log p = 0 lower; p = 0, log p = -Inf upper): NaN (R's 0 * Inf).
          qexp(log p, Inf, lower) = NaN where exp(log p) underflows
          (log p < -745.13): R's log1p(-exp(log p)) is -0 and Inf * 0 = NaN.
          pexp(q > 0, scale = -0.0) is R's -expm1(-(q / -0.0)): -Inf lower,
          NaN lower log, +Inf upper and upper log (-0.0 passes scale < 0).
          pexp(q > 0, Inf, upper, log) = -0.0; dexp, pexp(Inf, Inf) = NaN.
  lnorm   qlnorm checks p = 0 / 1 before sdlog: qlnorm(0, ml, -1) = 0 and
          qlnorm(1, ml, -1) = Inf.  qlnorm(p, ml, Inf) = NaN where R's F
          rounds to 1/2: p = 1/2, and log p = log(1/2) as a double.
          dlnorm with sdlog = 0 is +Inf where log(x) == meanlog in doubles
          (also at x = 0 with meanlog = -Inf), else 0.  dlnorm with an
          infinite argument is R's formula: 0 (log -Inf), Inf/Inf = NaN, and
          NaN where x * sdlog underflows (R's 0/0, e.g. dlnorm(0.5, -Inf,
          5e-324)).  plnorm is R's pnorm(log(x), ...) with log(x) rounded.
  logis   qlogis checks p = 0 / 1 before the scale: qlogis(0, l, -1) = -Inf.
          qlogis(p, l, 0) = l for 0 < p < 1.  qlogis(p, l, Inf) = NaN where
          R's logit is 0: p = 1/2 and log p = log(1/2).
  cauchy  qcauchy(p, l, Inf) = NaN for every p, also 0 and 1 (R rejects an
          infinite scale); qcauchy(p, l, 0) = l, also at p = 0 and 1.
          qcauchy at p = 0 / 1 (and log p < -745.13) is l -/+ Inf: NaN for
          l = +/-Inf; qcauchy(p, +/-Inf, s) is NaN where R's s / tan(pi p)
          overflows (p < ~1e-308), else l.
  weibull dweibull(0, shape < 1, scale) = +Inf, also with give_log.  Infinite
          shape or scale are R's formulas in IEEE arithmetic:
          dweibull(x, Inf, s) = NaN except +Inf at x = s;
          dweibull(x > 0, shape < 1, Inf) = NaN (Inf * 0);
          pweibull(x, Inf, s) = 0 below s, 1 - 1/e at s, 1 above;
          qweibull(p, Inf, s) = s; qweibull(p, k, Inf) = Inf, or NaN where
          R's pow(-log(1 - p), 1/k) underflows to 0.
  logis, cauchy (and lnorm, through pnorm): d/p with (x - location)/scale
          = Inf/Inf or Inf - Inf: NaN; p with an infinite scale and a finite
          x - location: 1/2.

Other points at the edges of the argument range (x = +-DBL_MAX, 5e-324,
scale = 5e-324, ...) are ordinary inputs for R: they are region 'edge' and
have exact values, which R does not always meet (e.g. dcauchy(1e300, log)
is -Inf in R: z*z overflows).  Rows whose exact result overflows the double
range are left out, except 'special' rows (where R's Inf is the answer).

Output format (tests/data/<family>.tsv)
---------------------------------------
Tab separated.  One header line starting with '#', e.g. for weibull

    #func  region  x  shape  scale  lower_tail  log  want  want_lo

  func        d<family> | p<family> | q<family>
  region      lowercase word: where in the domain the point lies (below)
  x           first argument: x (d), q (p), p (q, log=0) or log(p) (q, log=1)
  parameters  the family's, in Rmath's order (one column for exp, two for the
              others); the C loader counts them as (number of fields - 7)
  lower_tail  0/1 (always 1 for d functions, unused there)
  log         give_log (d) / log_p (p, q), 0/1
  want        the correctly rounded (round-to-nearest-even) double of the
              exact value, including gradual underflow; for 'special' rows
              R's value
  want_lo     (exact - want) rounded to double; 0 when want is 0, inf or nan
              or when the exact value is representable.

All doubles are written with Python repr() (shortest round-trip string;
'inf', '-inf', 'nan'), which C's strtod reads back bit-exactly.

Regions
-------
            d                          p                          q
  unif      body tail locscale wide    body near_edges locscale   body near_zero near_one
                                       wide                       log_extreme locscale wide
  exp       body tail subnormal        body near_zero right_tail  body near_zero near_one
            near_zero log_extreme      log_extreme scale_range    log_extreme scale_range
            scale_range
  lnorm     body tail near_zero huge_x body left_tail right_tail  body near_zero near_one
            locscale log_extreme       near_zero huge_x locscale  log_extreme locscale
                                       log_extreme                sdlog_to_1
  logis     body tail subnormal        body left_tail right_tail  body near_half near_zero
            far_tail locscale          subnormal far_tail         near_one log_extreme
                                       locscale                   locscale
  cauchy    body tail far_tail         body mid left_tail         as logis
            locscale                   right_tail far_tail locscale
  weibull   body near_zero tail        body near_zero right_tail  body near_zero near_one
            shape_range log_extreme    shape_range log_extreme    log_extreme shape_range
            integral_shape             integral_shape             integral_shape
  and in every function: special edge

 d and p (where x lies; p uses the same points for both tails):
  body         typical x, standard or random typical parameters
  tail         d: unif outside [min, max]; exp, weibull: hazard 5 .. 745;
               lnorm |z| 3 .. 38; logis |z| 5 .. 708; cauchy |z| 10 .. 1e150
  left_tail    far left: logis z -800 .. -5 (the lower tail goes subnormal,
               then 0; its log needs log1pexp), lnorm z -38.5 .. -3, cauchy
               z -1e300 .. -1e3 (R's atan(1/z))
  right_tail   far right: logis z 5 .. 40, lnorm z 3 .. 38.5, cauchy z 1e3
               .. 1e300, exp and weibull hazard 5 .. 760
  mid          pcauchy 1 < |z| < 1e3
  near_edges   punif: x a few ulps, or 1e-300 .. 1e-3 of the width, inside
  near_zero    exp: x/scale 1e-320 .. 1e-3; lnorm: x 5e-324 .. 1e-5;
               weibull: (x/scale)^shape below 2^-1074 (R's pow underflows)
  huge_x       lnorm: x 1e5 .. DBL_MAX
  subnormal    results in the subnormal range (dexp, dlogis, plogis)
  far_tail     logis |z| 1e3 .. 1e300 (log results); dcauchy |z| > 1e150
               (R's z*z overflows); pcauchy |z| > 1e300 (R's 1/z subnormal)
  log_extreme  results beyond the double range that only logs can hold
  locscale     location far from 0 (x - location, log x - meanlog cancel),
               x within ulps of it, tiny and huge scales, narrow intervals
  scale_range  exp: scale 1e-300 .. 1e300 (q: from 1e-320)
  sdlog_to_1   qlnorm: p 0.02 .. 0.98, meanlog -5 .. 5, sdlog 0.5 .. 1 (the vector
               quantile's plain-z range), four times the usual count
  shape_range  weibull: shape 1e-6 .. 0.1 and 10 .. 1e12
  integral_shape  weibull: shapes 1-4 (the SIMD kernels' exact-product paths), hazard
               e^-30 .. e^6.5
  wide         unif: max - min beyond DBL_MAX (R's b - a is Inf)
 q (where the probability argument lies, for the requested tail):
  body         p in [0.02, 0.98]
  near_half    logis, cauchy: p within 2^-54 .. 1e-2 of 1/2 (quantile ~ 0)
  near_zero    p from 2^-1074 to 1e-2 (log: log of those)
  near_one     p = 1 - 2^-k, 1 - 1e-16 .. 1 - 1e-2; log: -1e-300 .. -1e-2
  log_extreme  log p in -5e-324 .. -1e-10 and -1e3 .. -DBL_MAX
 special       R's special cases (see above)
 edge          ordinary inputs at the edges of the argument range

Regenerate
----------
    /usr/bin/python3 tests/golden/gen_closed.py                # all six files
    /usr/bin/python3 tests/golden/gen_closed.py weibull exp    # some of them
    /usr/bin/python3 tests/golden/gen_closed.py --out DIR ...  # elsewhere

writes tests/data/<family>.tsv (or DIR/<family>.tsv).  About 30 s for all
six on 2 cores (multiprocessing, 2 workers).  Needs only Debian's
python3-mpmath.

Self-check
----------
    /usr/bin/python3 tests/golden/gen_closed.py --check [family ...]

re-reads the files, recomputes every row starting from 120 digits and checks
want/want_lo are identical and |exact - want| <= 1/2 ulp, checks the want_lo
rules, cross-checks against independent formulas (the textbook d and p at
400 digits; for q that the target lies between the probabilities of want's
half-ulp neighbours), compares every 'special' row with libRmath
(/usr/lib/libRmath.so through ctypes: identical, or within 1 ulp for
rounded constants such as exp(meanlog) and log(1/2)), and reports
libRmath's error in ULPs of the exact value per function/flags/region.
"""

import argparse
import collections
import math
import multiprocessing
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_norm as norm  # noqa: E402  (shared rounding, seeding and normal pieces)

import mpmath  # noqa: E402
from mpmath import mp, mpf  # noqa: E402

DPS = 80
CHECK_DPS = 120
mp.dps = DPS

NAN = float('nan')
INF = float('inf')
DBL_MAX = sys.float_info.max
DBL_MIN = sys.float_info.min
DBL_TRUE_MIN = 5e-324

rng_for, logu, pow10u, sgn = norm.rng_for, norm.logu, norm.pow10u, norm.sgn


# --------------------------------------------------------------------------
# exact pieces shared by the families
# --------------------------------------------------------------------------

def exp_small(v):
    """exp(v); below e^-5000 a stand-in 2^-5000, which rounds the same (to 0)
    and keeps later exact arithmetic (1 - tiny) small."""
    if v < -5000:
        return mpf(0) if v == -INF else norm.TINY
    return mpmath.exp(v)


def log1mexp(v):
    """log(1 - e^v) for v < 0, accurate relative to the result."""
    if v > -mpmath.ln2:
        return mpmath.log(-mpmath.expm1(v))
    return mpmath.log1p(-exp_small(v))


def log1pexp(v):
    """log(1 + e^v) without overflow."""
    if v > 0:
        return v + mpmath.log1p(exp_small(-v))
    return mpmath.log1p(exp_small(v))


class Tails:
    """The lower and upper tail probabilities F = P(X <= x), S = P(X > x) of
    one point, each accurate relative to itself.  A family gives them as values
    (F, S) or as logs (logF, logS), whichever it computes directly; the other
    form is derived here without losing that accuracy."""

    def __init__(self, F=None, S=None, logF=None, logS=None, arg=None):
        self.vals = {True: F, False: S}
        self.logs = {True: logF, False: logS}
        self.arg = arg          # (p, lower, lg) when built from a q argument

    def value(self, lower):
        v = self.vals[lower]
        if v is not None:
            return v
        own = self.logs[lower]
        if own < -mpmath.ln2:
            return exp_small(own)
        # close to 1: 1 - (the other tail), exactly, so that want_lo is right
        return mpmath.fsub(1, exp_small(self.logs[not lower]), exact=True)

    def log(self, lower):
        v = self.logs[lower]
        if v is not None:
            return v
        own = self.vals[lower]
        if own <= 0.5:
            return mpmath.log(own)
        return mpmath.log1p(-self.vals[not lower])

    def get(self, lower, lg):
        return self.log(lower) if lg else self.value(lower)


def prob_arg_tails(p, lower, lg):
    """Tails of the quantile asked for by the argument p (a double; log p if
    lg) of the requested tail."""
    if lg:
        given, other = mpf(p), log1mexp(mpf(p))
        t = Tails(logF=given, logS=other) if lower else Tails(logF=other, logS=given)
    else:
        given, other = mpf(p), mpmath.fsub(1, p, exact=True)
        t = Tails(F=given, S=other) if lower else Tails(F=other, S=given)
    t.arg = (p, lower, lg)
    return t


def hazard_tails(t, log_t):
    """Tails of a point with cumulative hazard t: S = e^-t (exp, weibull)."""
    if log_t < -5000:
        # log(1 - e^-t) = log t - t/2 + ...: t/2 is below any working precision
        return Tails(logF=log_t, logS=-t)
    return Tails(logF=log1mexp(-t), logS=-t)


def std_z(x, loc, scale):
    return mpmath.fsub(x, loc, exact=True) / mpf(scale)


def loc_plus(loc, scale, z):
    """loc + scale*z with an exact addition (keeps want_lo accurate when
    scale*z is far below ulp(loc))."""
    return mpmath.fadd(mpf(loc), mpf(scale) * z, exact=True)


# --------------------------------------------------------------------------
# the families' exact d / p / q (finite, valid inputs only)
# --------------------------------------------------------------------------

# ---- unif(a, b) ----

def unif_density(x, a, b, lg):
    width = mpmath.fsub(b, a, exact=True)
    return -mpmath.log(width) if lg else 1 / width


def unif_tails(x, a, b):
    width = mpmath.fsub(b, a, exact=True)
    return Tails(F=mpmath.fsub(x, a, exact=True) / width,
                 S=mpmath.fsub(b, x, exact=True) / width)


def unif_quantile(P, a, b):
    width = mpmath.fsub(b, a, exact=True)
    F = P.value(True)
    if F <= 0.5:
        return mpmath.fadd(a, mpmath.fmul(F, width, exact=True), exact=True)
    return mpmath.fsub(b, mpmath.fmul(P.value(False), width, exact=True), exact=True)


# ---- exp(scale) ----

def exp_density(x, scale, lg):
    log_d = -mpf(x) / scale - mpmath.log(scale)
    return log_d if lg else exp_small(log_d)


def exp_tails(x, scale):
    t = mpf(x) / scale
    return hazard_tails(t, mpmath.log(t))


def exp_quantile(P, scale):
    return -mpf(scale) * P.log(False)


# ---- lnorm(meanlog, sdlog) ----

def log_sqrt_2pi():
    return mpmath.log(mpmath.sqrt(2 * mp.pi))


def log_minus(x, meanlog):
    """log(x) - meanlog, accurate relative to the result: log(x) carries an
    absolute error of |log x| * 2^-prec, so when it nearly equals meanlog the
    difference is recomputed with the bits that cancelled."""
    d = mpmath.log(x) - meanlog
    if d != 0 and meanlog != 0:
        lost = int(mpmath.mag(meanlog)) - int(mpmath.mag(d))
        if lost > 0:
            with mp.extraprec(lost + 32):
                d = mpmath.log(x) - meanlog
    return d


def lnorm_y(x, meanlog, sdlog):
    return log_minus(mpf(x), mpf(meanlog)) / sdlog


def lnorm_density(x, meanlog, sdlog, lg):
    y = lnorm_y(x, meanlog, sdlog)
    log_d = -y * y / 2 - mpmath.log(x) - mpmath.log(sdlog) - log_sqrt_2pi()
    return log_d if lg else exp_small(log_d)


def lnorm_tails(x, meanlog, sdlog):
    y = lnorm_y(x, meanlog, sdlog)
    return Tails(logF=norm.log_Phi(y), logS=norm.log_Phi(-y))


def lnorm_quantile(P, meanlog, sdlog):
    z = norm.std_quantile(*P.arg)
    return mpmath.exp(mpf(meanlog) + sdlog * z)


# ---- logis(location, scale) ----

def logis_density(x, loc, scale, lg):
    a = abs(std_z(x, loc, scale))
    log_d = -a - mpmath.log(scale) - 2 * mpmath.log1p(exp_small(-a))
    return log_d if lg else exp_small(log_d)


def logis_tails(x, loc, scale):
    z = std_z(x, loc, scale)
    return Tails(logF=-log1pexp(-z), logS=-log1pexp(z))


def logit(P):
    return P.log(True) - P.log(False)


def logis_quantile(P, loc, scale):
    return loc_plus(loc, scale, logit(P))


# ---- cauchy(location, scale) ----

def cauchy_density(x, loc, scale, lg):
    z = std_z(x, loc, scale)
    log_d = -mpmath.log(mp.pi * scale) - mpmath.log1p(z * z)
    return log_d if lg else exp_small(log_d)


def cauchy_tails(x, loc, scale):
    z = std_z(x, loc, scale)
    # atan2(1, -z)/pi is the lower tail, accurate also when it is tiny
    return Tails(F=mpmath.atan2(1, -z) / mp.pi, S=mpmath.atan2(1, z) / mp.pi)


def cauchy_std_quantile(P):
    """tan(pi (F - 1/2)) from the smaller tail (cospi/sinpi reduce exactly)."""
    F = P.value(True)
    if F <= 0.5:
        return -mpmath.cospi(F) / mpmath.sinpi(F)
    S = P.value(False)
    return mpmath.cospi(S) / mpmath.sinpi(S)


def cauchy_quantile(P, loc, scale):
    return loc_plus(loc, scale, cauchy_std_quantile(P))


# ---- weibull(shape, scale) ----

def weibull_log_u(x, scale):
    """log(x/scale) accurate relative to itself, also for x/scale near 1."""
    u = x / scale
    if 0.5 < u < 2:
        return mpmath.log1p(mpmath.fsub(x, scale, exact=True) / scale)
    return mpmath.log(u)


def weibull_density(x, shape, scale, lg):
    if x == 0:                 # shape == 1 here (special cases have the others)
        log_d = -mpmath.log(scale)
    else:
        log_u = weibull_log_u(x, scale)
        t = mpmath.exp(shape * log_u)
        log_d = mpmath.log(shape) - mpmath.log(scale) + (shape - 1) * log_u - t
    return log_d if lg else exp_small(log_d)


def weibull_tails(x, shape, scale):
    log_t = shape * weibull_log_u(x, scale)
    return hazard_tails(mpmath.exp(log_t), log_t)


def weibull_quantile(P, shape, scale):
    # x = scale * H^(1/shape), H = -log S the cumulative hazard; below
    # F = e^-5000, log H = log F + F/2 + ... and F/2 is below any working precision
    log_F = P.log(True)
    log_H = log_F if log_F < -5000 else mpmath.log(-P.log(False))
    return scale * exp_small(log_H / shape)


# --------------------------------------------------------------------------
# R's conventions for special inputs: a float (or mpf to be rounded), or None
# when the exact path applies (finite, valid inputs)
# --------------------------------------------------------------------------

D0, D1 = norm._D0, norm._D1


def DT0(lower, lg):
    return D0(lg) if lower else D1(lg)


def DT1(lower, lg):
    return D1(lg) if lower else D0(lg)


def any_nan(*v):
    return any(math.isnan(a) for a in v)


def all_finite(*v):
    return all(math.isfinite(a) for a in v)


def c_log(v):
    """C's log(): -Inf at 0, NaN below."""
    if math.isnan(v) or v < 0:
        return NAN
    return -INF if v == 0 else math.log(v)


def c_log1p(v):
    if math.isnan(v) or v < -1:
        return NAN
    return -INF if v == -1 else math.log1p(v)


def c_exp(v):
    try:
        return math.exp(v)
    except OverflowError:
        return INF


def c_expm1(v):
    try:
        return math.expm1(v)
    except OverflowError:
        return INF


def ieee_div(a, b):
    """a / b with IEEE semantics (Python raises for b = 0)."""
    if b != 0 or math.isnan(b):
        return a / b
    if a == 0 or math.isnan(a):
        return NAN
    return math.copysign(INF, a) * math.copysign(1.0, b)


def c_pow(b, e):
    """C's pow() for b >= 0 (Python raises where C returns 0 or Inf)."""
    try:
        return math.pow(b, e)
    except (OverflowError, ValueError):      # overflow, or 0 ** negative
        return INF


def ieee_mul(a, b):
    return a * b          # Python floats: Inf * 0 = nan, no exception


def q_out_of_range(p, lg):
    return p > 0 if lg else (p < 0 or p > 1)


def is_dt0(p, lower, lg):
    """p is R_DT_0: the bottom of the distribution for this tail."""
    if lg:
        return p == (-INF if lower else 0)
    return p == (0 if lower else 1)


def is_dt1(p, lower, lg):
    return is_dt0(p, not lower, lg)


def q_boundaries(p, lower, lg, left, right):
    """R_Q_P01_boundaries: NaN outside [0, 1], left/right at its ends."""
    if q_out_of_range(p, lg):
        return NAN
    if is_dt0(p, lower, lg):
        return left
    if is_dt1(p, lower, lg):
        return right
    return None


# R's formulas in double arithmetic, for the special cases where R's value
# (Inf * 0 = NaN, a rounded 0) decides the answer

def r_log1_exp(v):
    """R_Log1_Exp: log(1 - e^v)."""
    return c_log(-c_expm1(v)) if v > -math.log(2) else c_log1p(-c_exp(v))


def r_dt_clog(p, lower, lg):
    """R_DT_Clog(p) = log(1 - F)."""
    if lower:
        return r_log1_exp(p) if lg else c_log1p(-p)
    return p if lg else c_log(p)


def r_dt_qiv(p, lower, lg):
    """R_DT_qIv(p) = F."""
    if lg:
        return c_exp(p) if lower else -c_expm1(p)
    return p if lower else 0.5 - p + 0.5


def r_logit(p, lower, lg):
    """qlogis's log(F / (1 - F))."""
    if lg:
        return p - r_log1_exp(p) if lower else r_log1_exp(p) - p
    return c_log(p / (1 - p) if lower else (1 - p) / p)


def r_hazard_tail(h, lower, lg):
    """pexp / pweibull from R's double cumulative hazard h."""
    if lower:
        return r_log1_exp(-h) if lg else -c_expm1(-h)
    return -h if lg else c_exp(-h)


# ---- unif ----

def unif_d_special(x, a, b, lg):
    if any_nan(x, a, b) or b <= a:
        return NAN
    if not all_finite(a, b) or not (a <= x <= b):
        return D0(lg)          # R: 1/(b - a) = 0 for an infinite interval
    return None


def unif_p_special(x, a, b, lower, lg):
    if any_nan(x, a, b) or b < a or not all_finite(a, b):
        return NAN
    if x >= b:
        return DT1(lower, lg)
    if x <= a:
        return DT0(lower, lg)
    return None


def unif_q_special(p, a, b, lower, lg):
    if any_nan(p, a, b) or q_out_of_range(p, lg) or not all_finite(a, b) or b < a:
        return NAN
    if b == a:
        return a
    return q_boundaries(p, lower, lg, a, b)


# ---- exp ----

def exp_d_special(x, scale, lg):
    if any_nan(x, scale) or scale <= 0:
        return NAN
    if x < 0:
        return D0(lg)
    if math.isinf(x) and math.isinf(scale):
        return NAN             # Inf/Inf
    if math.isinf(x) or math.isinf(scale):
        return D0(lg)
    return None


def exp_p_special(x, scale, lower, lg):
    if any_nan(x, scale) or scale < 0:
        return NAN
    if x <= 0:
        return DT0(lower, lg)
    if all_finite(x, scale) and scale > 0:
        return None
    # R's formula, e.g. upper log = -(x/Inf) = -0.0, and with scale = -0.0
    # x/scale = -Inf gives -expm1(Inf) = -Inf
    return r_hazard_tail(ieee_div(x, scale), lower, lg)


def exp_q_special(p, scale, lower, lg):
    if any_nan(p, scale) or scale < 0 or q_out_of_range(p, lg):
        return NAN
    if is_dt0(p, lower, lg):
        return 0.0
    if scale == 0 or math.isinf(scale) or is_dt1(p, lower, lg):
        # R: -scale * R_DT_Clog(p), with its 0 * Inf = NaN
        return ieee_mul(-scale, r_dt_clog(p, lower, lg)) + 0.0
    return None


# ---- lnorm ----

def lnorm_d_special(x, meanlog, sdlog, lg):
    if any_nan(x, meanlog, sdlog) or sdlog < 0:
        return NAN
    log_x = c_log(x)
    if math.isinf(x) and log_x == meanlog:
        return NAN
    if sdlog == 0:
        return INF if log_x == meanlog else D0(lg)
    if x <= 0:
        return D0(lg)
    if all_finite(x, meanlog, sdlog):
        return None
    # R's formula: 0 mostly, but NaN where x * sdlog underflows (0/0, Inf - Inf)
    y = (log_x - meanlog) / sdlog
    if lg:
        return -(math.log(math.sqrt(2 * math.pi)) + 0.5 * y * y + c_log(x * sdlog))
    return ieee_div(c_exp(-0.5 * y * y) / math.sqrt(2 * math.pi), x * sdlog)


def lnorm_p_special(x, meanlog, sdlog, lower, lg):
    if any_nan(x, meanlog, sdlog) or sdlog < 0:
        return NAN
    if x <= 0:
        return DT0(lower, lg)
    # R: pnorm(log(x), ...) with log(x) rounded to a double
    return norm.pnorm_special(c_log(x), meanlog, sdlog, lower, lg)


def lnorm_q_special(p, meanlog, sdlog, lower, lg):
    if any_nan(p, meanlog, sdlog):
        return NAN
    b = q_boundaries(p, lower, lg, 0.0, INF)
    if b is not None:
        return b
    s = norm.qnorm_special(p, meanlog, sdlog, lower, lg)
    if s is None:
        return None
    if s == 'inf_ls':       # exp(meanlog + sdlog * z) in IEEE arithmetic
        z_sign = r_dt_qiv(p, lower, lg) - 0.5        # as R's qnorm: 0 when F rounds to 1/2
        return c_exp(meanlog + ieee_mul(sdlog, z_sign))
    return NAN if math.isnan(s) else mpmath.exp(mpf(s))   # sdlog = 0: exp(meanlog)


# ---- logis and cauchy (symmetric location-scale) ----

def symmetric_d_special(x, loc, scale, lg):
    if any_nan(x, loc, scale) or scale <= 0:
        return NAN
    if all_finite(x, loc, scale):
        return None
    z = (x - loc) / scale
    return NAN if math.isnan(z) else D0(lg)     # |z| = Inf, or scale = Inf


def symmetric_p_special(x, loc, scale, lower, lg):
    if any_nan(x, loc, scale) or scale <= 0:
        return NAN
    if all_finite(x, loc, scale):
        return None
    z = (x - loc) / scale
    if math.isnan(z):
        return NAN
    if math.isinf(z):
        return DT1(lower, lg) if z > 0 else DT0(lower, lg)
    return mpmath.log(mpf(0.5)) if lg else mpf(0.5)    # scale = Inf: z = 0


def logis_q_special(p, loc, scale, lower, lg):
    if any_nan(p, loc, scale):
        return NAN
    b = q_boundaries(p, lower, lg, -INF, INF)
    if b is not None:
        return b
    if scale < 0:
        return NAN
    if scale == 0:
        return loc
    if all_finite(loc, scale):
        return None
    return loc + ieee_mul(scale, r_logit(p, lower, lg))


def r_cauchy_offset(p, scale, lower, lg):
    """R's qcauchy(p, 0, scale) in double arithmetic: +-Inf at p = 0 / 1
    (also where exp(log p) underflows), and where scale/tan(pi p) overflows."""
    if lg:
        if p > -1:
            lower, p = not lower, -c_expm1(p)
        else:
            p = c_exp(p)
    elif p > 0.5:
        lower, p = not lower, 1 - p
    if p == 0.5:
        return 0.0
    if p == 0:
        return (scale if lower else -scale) * -INF
    return ieee_div(-scale if lower else scale, math.tan(math.pi * p))


def cauchy_q_special(p, loc, scale, lower, lg):
    if any_nan(p, loc, scale) or q_out_of_range(p, lg):
        return NAN
    if scale == 0:
        return loc
    if scale < 0 or math.isinf(scale):
        return NAN
    if is_dt0(p, lower, lg) or is_dt1(p, lower, lg) or math.isinf(loc):
        return loc + r_cauchy_offset(p, scale, lower, lg)
    return None


# ---- weibull ----

def weibull_d_special(x, shape, scale, lg):
    if any_nan(x, shape, scale) or shape <= 0 or scale <= 0:
        return NAN
    if x < 0 or math.isinf(x):
        return D0(lg)
    if x == 0 and shape < 1:
        return INF
    if all_finite(shape, scale):
        if x == 0 and shape > 1:
            return D0(lg)
        return None
    # infinite shape or scale: R's formula in IEEE arithmetic
    u = x / scale
    tmp1 = c_pow(u, shape - 1)
    tmp2 = tmp1 * u
    if lg:
        return -tmp2 + c_log(shape * tmp1 / scale)
    return shape * tmp1 * c_exp(-tmp2) / scale


def weibull_p_special(x, shape, scale, lower, lg):
    if any_nan(x, shape, scale) or shape <= 0 or scale <= 0:
        return NAN
    if x <= 0:
        return DT0(lower, lg)
    if all_finite(x, shape, scale):
        return None
    t = c_pow(x / scale, shape)      # R's cumulative hazard
    if 0 < t < INF:                  # shape = Inf, x = scale: t = 1
        return hazard_tails(mpf(t), mpmath.log(t)).get(lower, lg)
    return r_hazard_tail(t, lower, lg)


def weibull_q_special(p, shape, scale, lower, lg):
    if any_nan(p, shape, scale) or shape <= 0 or scale <= 0:
        return NAN
    b = q_boundaries(p, lower, lg, 0.0, INF)
    if b is not None:
        return b
    if all_finite(shape, scale):
        return None
    # scale * pow(-R_DT_Clog(p), 1/shape) in IEEE arithmetic
    return ieee_mul(scale, c_pow(-r_dt_clog(p, lower, lg), 1 / shape))


# --------------------------------------------------------------------------
# input generation
# --------------------------------------------------------------------------
# A region generator gen(fam, r, lower, lg, n) returns a list of (x, params).
# d/p regions mostly draw a standardized point z and place it with drawn
# parameters (fam.place); q regions draw the probability argument.  Parameters
# are drawn by mode ('std', 'typical', 'mix' = either) or by a function r -> params.

def draw_params(fam, r, params):
    if callable(params):
        return params(r)
    if params == 'mix':
        params = 'std' if r.random() < 0.5 else 'typical'
    return fam.std_params(r) if params == 'std' else fam.typical_params(r)


def placed(zgen, params='mix'):
    """Region of standardized points zgen(r); points whose x is not a finite
    double (or not > 0 where the support is) are redrawn."""
    def gen(fam, r, lower, lg, n):
        out = []
        for _ in range(50 * n):
            if len(out) == n:
                break
            theta = draw_params(fam, r, params)
            x = fam.place(zgen(r), theta)
            if math.isfinite(x) and not (fam.positive and x <= 0):
                out.append((x, theta))
        return out
    return gen


def x_points(params, xgen):
    """Region of points drawn directly as x = xgen(r) (x near 0 or huge)."""
    def gen(fam, r, lower, lg, n):
        return [(xgen(r), draw_params(fam, r, params)) for _ in range(n)]
    return gen


def uniform(lo, hi, signs=False):
    """z uniform in [lo, hi] (signs: either sign)."""
    return lambda r: (sgn(r) if signs else 1) * r.uniform(lo, hi)


def decades(lo, hi, signs=False, sign=1):
    """|z| log-uniform in [10^lo, 10^hi] (signs: either sign)."""
    return lambda r: (sgn(r) if signs else sign) * pow10u(r, lo, hi)


def either(*zgens):
    return lambda r: r.choice(zgens)(r)


def either_region(*gens):
    """Region made of equal parts of other regions."""
    def gen(fam, r, lower, lg, n):
        out = []
        for k, g in enumerate(gens):
            out += g(fam, r, lower, lg, n // len(gens) + (k < n % len(gens)))
        return out
    return gen


# ---- probability arguments of the q functions ----

q_arg = norm.q_arg      # q_arg(p) / q_arg(q=1-p): p, or log(p) for lg


def probs_body(r, lg, n):
    return [q_arg(r.uniform(0.02, 0.98), lg=lg) for _ in range(n)]


def probs_near_half(r, lg, n):
    out = []
    for i in range(n):
        d = sgn(r) * (r.randint(1, 64) * 2.0 ** -54 if i % 3 == 0 else pow10u(r, -16, -2))
        out.append(q_arg(0.5 + d, lg=lg))
    return out


def probs_near_zero(r, lg, n):
    ps = [DBL_TRUE_MIN, 3 * DBL_TRUE_MIN, 1e-320, DBL_MIN, 1e-300, 2.0 ** -53, 1e-16]
    ps += [pow10u(r, -323, -2) for _ in range(n - len(ps))]
    return [q_arg(p, lg=lg) for p in ps]


def probs_near_one(r, lg, n):
    qs = [2.0 ** -k for k in (53, 52, 40, 27, 20, 10, 2, 1)]
    if lg:     # log p up to -1e-300, where 1 - p is not a double
        qs += [pow10u(r, -300, -2) for _ in range(n - len(qs))]
    else:
        qs += [pow10u(r, -16, -2) for _ in range(n - len(qs))]
    return [q_arg(q=q, lg=lg) for q in qs]


def probs_log_extreme(r, lg, n):
    assert lg
    out = [-1e300, -DBL_MAX, -1e-300, -DBL_TRUE_MIN, -DBL_MIN, -1e-310, -1e-20,
           -1e-16, -1e-10, -745.2, -1e5, -1e10, -1e150]
    while len(out) < n:
        out.append(-pow10u(r, -323, -10) if r.random() < 0.5 else -pow10u(r, 3, 308.25))
    return out


PROBS = {'body': probs_body, 'near_half': probs_near_half, 'near_zero': probs_near_zero,
         'near_one': probs_near_one, 'log_extreme': probs_log_extreme}


def probs(kind, params='mix'):
    """q region: probability arguments of one kind."""
    def gen(fam, r, lower, lg, n):
        return [(p, draw_params(fam, r, params)) for p in PROBS[kind](r, lg, n)]
    return gen


def probs_any(params):
    """q region for extreme parameters: probabilities of every kind."""
    kinds = ('body', 'near_zero', 'near_one')

    def gen(fam, r, lower, lg, n):
        return [(r.choice(PROBS[kinds[i % 3]](r, lg, 20)), draw_params(fam, r, params))
                for i in range(n)]
    return gen


# ---- special rows ----
# Each special argument with the family's plain parameters, and a few
# arguments with each special parameter set.  Points for which R has no
# special case (x = DBL_MAX, scale = 5e-324, ...) become region 'edge'.

D_SPECIAL_X = [NAN, -INF, INF, -DBL_MAX, DBL_MAX, -1.0, -0.0, 0.0, DBL_TRUE_MIN, 1.0]
Q_SPECIAL_ARGS = {
    0: [NAN, -INF, -1.0, -0.0, 0.0, DBL_TRUE_MIN, 0.5, 1.0, math.nextafter(1.0, 2.0), 2.0, INF],
    1: [NAN, -INF, -DBL_MAX, -1.0, math.log(0.5), -DBL_TRUE_MIN, -0.0, 0.0, DBL_TRUE_MIN,
        1.0, INF],
}
D_PROBE_X = [-INF, -1.0, 0.0, 0.5, 1.0, 2.0, INF]
Q_PROBE_ARGS = {0: [0.0, 1e-300, 0.25, 0.5, 1.0],
                1: [-INF, -1e300, math.log(0.25), math.log(0.5), -1e-300, 0.0]}


def special_points(fam, func, lg):
    theta0 = fam.special_theta
    if func == 'q':
        xs, probe = Q_SPECIAL_ARGS[lg], Q_PROBE_ARGS[lg]
    else:
        xs, probe = D_SPECIAL_X + fam.boundary_x(theta0), D_PROBE_X
    return [(x, theta0) for x in xs] + [(x, th) for th in fam.special_params for x in probe]


# ---- parameter draws ----

def unif_typical(r):
    a = sgn(r) * logu(r, 1e-3, 1e3) if r.random() < 0.8 else 0.0
    return (a, a + logu(r, 1e-3, 1e3))


def unif_narrow(r):
    """Intervals far from 0 and narrow, tiny ones and huge ones."""
    while True:
        k = r.randrange(4)
        if k == 0:
            a = sgn(r) * pow10u(r, 5, 300)
            b = a + math.ulp(a) * r.randint(1, 1000)
        elif k == 1:
            a = sgn(r) * pow10u(r, 5, 300)
            b = a + abs(a) * pow10u(r, -15, -1)
        elif k == 2:
            a = sgn(r) * pow10u(r, -320, -300) if r.random() < 0.5 else 0.0
            b = a + pow10u(r, -308, -290)
        else:
            a = -pow10u(r, 100, 307.5) if r.random() < 0.5 else pow10u(r, 0, 300)
            b = a + pow10u(r, 100, 307.5)
        if a < b:               # a == b is a special case
            return (a, b)


def unif_wide(r):
    """max - min beyond DBL_MAX (R's b - a overflows)."""
    return (-pow10u(r, 308, 308.25), pow10u(r, 308, 308.25))


def exp_any_scale(r):
    return (pow10u(r, -300, 300),)


def lnorm_extreme(r):
    """meanlog far from 0 (log x - meanlog cancels), sdlog tiny or huge."""
    return (sgn(r) * r.uniform(1, 650), logu(r, 1e-15, 1e3))


def lnorm_small_x_params(r):
    return (0.0, 1.0) if r.random() < 0.5 else (r.uniform(-700, -5), logu(r, 0.05, 30))


def lnorm_huge_x_params(r):
    return (0.0, 1.0) if r.random() < 0.5 else (r.uniform(5, 700), logu(r, 0.05, 30))


def lnorm_tiny_sdlog(r):
    return (0.0, pow10u(r, -300, -3)) if r.random() < 0.5 else (0.0, 1.0)


def locscale_typical(r):
    loc = sgn(r) * logu(r, 1e-3, 1e3) if r.random() < 0.8 else 0.0
    return (loc, logu(r, 1e-3, 1e3))


def locscale_extreme(r):
    """Location far from 0 relative to the scale, tiny and huge scales."""
    k = r.randrange(4)
    if k == 0:
        loc = sgn(r) * pow10u(r, 5, 300)
        return (loc, abs(loc) * pow10u(r, -15, -1))
    if k == 1:
        scale = pow10u(r, -323, -5)
        return (0.0 if r.random() < 0.4 else scale * r.uniform(-1e3, 1e3), scale)
    if k == 2:
        scale = pow10u(r, 5, 300)
        return (0.0 if r.random() < 0.3 else scale * r.uniform(-5, 5), scale)
    scale = logu(r, 1e-3, 1e3)
    return (sgn(r) * scale * pow10u(r, 1, 12), scale)


def weibull_typical(r):
    return (logu(r, 0.3, 10), logu(r, 1e-3, 1e3))


def weibull_std(r):
    return (logu(r, 0.3, 10), 1.0)


def weibull_big_shape(r):
    return (logu(r, 0.3, 200), logu(r, 1e-3, 1e3) if r.random() < 0.5 else 1.0)


# ---- family-specific regions ----

def locscale_cancel(zgen):
    """Half with x within a few ulps of a huge location, tiny and huge scales
    (gen_norm.locscale_points), half placed with locscale_extreme."""
    def gen(fam, r, lower, lg, n):
        half = n // 2
        out = [(x, (mu, sigma)) for x, mu, sigma in norm.locscale_points(r, half, -8, 8)]
        return out + placed(zgen, locscale_extreme)(fam, r, lower, lg, n - half)
    return gen


def unif_near_edges(fam, r, lower, lg, n):
    """x a few ulps, or 1e-300 .. 1e-3 of the width, inside min or max."""
    out = []
    for i in range(n):
        a, b = draw_params(fam, r, 'mix')
        edge, toward = (a, b) if i % 2 == 0 else (b, a)
        if i % 4 < 2:
            x = edge
            for _ in range(r.randint(1, 64)):
                x = math.nextafter(x, toward)
        else:
            x = edge + (toward - edge) * pow10u(r, -300, -3)
        if a < x < b:
            out.append((x, (a, b)))
    return out


def lnorm_log_extreme(fam, r, lower, lg, n):
    """|y| = |log x - meanlog|/sdlog from 1e2 to 1e154 (tiny sdlog; beyond,
    even the log density overflows)."""
    out = []
    while len(out) < n:
        meanlog = r.uniform(-10, 10)
        w = r.uniform(-700, 700)                 # log x - meanlog
        sdlog = abs(w) / pow10u(r, 2, 154)
        if sdlog >= DBL_MIN:
            out.append((math.exp(meanlog + w), (meanlog, sdlog)))
    return out


def hazard_probability(H, lower, lg):
    """The Weibull probability of hazard H = (x/scale)^shape: 1 - e^-H (lower) or e^-H, or
    its log."""
    if lower:
        return math.log(-math.expm1(-H)) if lg else -math.expm1(-H)
    return -H if lg else math.exp(-H)


def integral_shape(r):
    """Shapes 1-4, which the SIMD kernels take through exact products and square roots."""
    return float(r.randint(1, 4)), (logu(r, 1e-3, 1e3) if r.random() < 0.7 else 1.0)


def weibull_integral_shape(fam, r, lower, lg, n):
    """Integral shapes, the hazard (x/scale)^shape from e^-30 to e^6.5 (x near 0 to the
    far right tail)."""
    out = []
    for _ in range(n):
        shape, scale = integral_shape(r)
        out.append((scale * math.exp(r.uniform(-30, 6.5) / shape), (shape, scale)))
    return out


def weibull_q_integral_shape(fam, r, lower, lg, n):
    """The same for q: probabilities of hazards e^-30 .. e^6.5."""
    out = []
    for _ in range(n):
        shape, scale = integral_shape(r)
        p = hazard_probability(math.exp(r.uniform(-30, 6.5)), lower, lg)
        if (lg and p < 0) or (not lg and 0 < p < 1):
            out.append((p, (shape, scale)))
    return out


def weibull_small_x(fam, r, lower, lg, n):
    """x/scale from e^-1 down to e^-740 with shapes up to 200: the hazard
    (x/scale)^shape far below 2^-1074, where R's pow underflows."""
    out = []
    for _ in range(n):
        shape, scale = weibull_big_shape(r)
        out.append((scale * math.exp(-r.uniform(1, 740)), (shape, scale)))
    return out


def tiny_or_huge_shape(r, i):
    scale = logu(r, 1e-3, 1e3) if r.random() < 0.5 else 1.0
    return (pow10u(r, -6, -1) if i % 2 else pow10u(r, 1, 12)), scale


def weibull_shape_range(fam, r, lower, lg, n):
    """Tiny shapes (x spread over hundreds of decades) and huge ones (x within
    ~1/shape of the scale), with the hazard in a moderate range."""
    out = []
    for i in range(n):
        shape, scale = tiny_or_huge_shape(r, i)
        log_u = r.uniform(-700, 700) if shape < 1 else r.uniform(-6, 3) / shape
        x = scale * math.exp(log_u)
        if 0 < x < INF:
            out.append((x, (shape, scale)))
    return out


def weibull_q_shape_range(fam, r, lower, lg, n):
    """The same for q: arguments whose quantile is representable."""
    out = []
    for i in range(n):
        shape, scale = tiny_or_huge_shape(r, i)
        H = math.exp(shape * r.uniform(-700, 700) if shape < 1 else r.uniform(-30, 3))
        p = hazard_probability(H, lower, lg)
        if (lg and p < 0) or (not lg and 0 < p < 1):
            out.append((p, (shape, scale)))
    return out


# --------------------------------------------------------------------------
# the families
# --------------------------------------------------------------------------

N = 60                      # points per (func, flags, region)
N_SMALL = 24                # regions with few distinct behaviours
LOG_ONLY = (0, N)           # sizes (log = 0, log = 1) of regions whose values
LOG_MOSTLY = (N_SMALL, N)   # are all 0 or 1 and only their logs tell

Family = collections.namedtuple('Family', [
    'name', 'params',            # column names of the parameters, Rmath order
    'density', 'tails', 'quantile',
    'special',                   # {'d', 'p', 'q'}: R's special cases
    'std_params', 'typical_params',
    'place',                     # (z, params) -> x for a standardized z
    'positive',                  # support x > 0: x = 0 only on purpose
    'special_theta', 'special_params', 'boundary_x',
    'regions',                   # {'d', 'p', 'q'}: [(region, n or (n_nonlog, n_log), gen)]
])

FAMILIES = collections.OrderedDict()


def family(**kw):
    FAMILIES[kw['name']] = Family(**kw)


family(
    name='unif', params=('min', 'max'),
    density=unif_density, tails=unif_tails, quantile=unif_quantile,
    special={'d': unif_d_special, 'p': unif_p_special, 'q': unif_q_special},
    std_params=lambda r: (0.0, 1.0), typical_params=unif_typical,
    place=lambda u, ab: ab[0] + u * (ab[1] - ab[0]),
    positive=False,
    special_theta=(0.25, 2.5),
    special_params=[(NAN, 1.0), (0.0, NAN), (NAN, NAN), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0),
                    (0.0, INF), (-INF, 0.0), (-INF, INF), (INF, INF), (-INF, -INF),
                    (DBL_TRUE_MIN, 2 * DBL_TRUE_MIN), (0.0, DBL_MAX)],
    boundary_x=lambda ab: [ab[0], ab[1], math.nextafter(ab[0], -INF),
                           math.nextafter(ab[1], INF), math.nextafter(ab[0], INF),
                           math.nextafter(ab[1], -INF)],
    regions={
        'd': [('body', N, placed(uniform(0, 1))),
              ('tail', N_SMALL, placed(either(uniform(-10, 0), uniform(1, 10)))),
              ('locscale', N, placed(uniform(0, 1), unif_narrow)),
              ('wide', N_SMALL, placed(uniform(0, 1), unif_wide))],
        'p': [('body', N, placed(uniform(0, 1))),
              ('near_edges', N, unif_near_edges),
              ('locscale', N, placed(uniform(0, 1), unif_narrow)),
              ('wide', N_SMALL, placed(uniform(0, 1), unif_wide))],
        'q': [('body', N, probs('body')),
              ('near_zero', N, probs('near_zero')),
              ('near_one', N, probs('near_one')),
              ('log_extreme', LOG_ONLY, probs('log_extreme')),
              ('locscale', N, probs_any(unif_narrow)),
              ('wide', N_SMALL, probs_any(unif_wide))],
    })

family(
    name='exp', params=('scale',),
    density=exp_density, tails=exp_tails, quantile=exp_quantile,
    special={'d': exp_d_special, 'p': exp_p_special, 'q': exp_q_special},
    std_params=lambda r: (1.0,), typical_params=lambda r: (logu(r, 1e-3, 1e3),),
    place=lambda t, s: t * s[0],                                # z = x/scale
    positive=True,
    special_theta=(2.0,),
    special_params=[(NAN,), (-1.0,), (-0.0,), (0.0,), (-INF,), (INF,), (DBL_TRUE_MIN,),
                    (DBL_MAX,)],
    boundary_x=lambda s: [math.nextafter(0.0, 1.0)],
    regions={
        'd': [('body', N, placed(uniform(0, 5))),
              ('tail', N, placed(uniform(5, 740))),
              ('subnormal', N, placed(uniform(708.4, 745.1), 'std')),
              ('near_zero', N, placed(decades(-300, -3))),
              ('log_extreme', LOG_ONLY, placed(decades(3, 300))),
              ('scale_range', N, placed(uniform(0, 20), exp_any_scale))],
        'p': [('body', N, placed(uniform(0, 5))),
              ('near_zero', N, placed(decades(-320, -3), 'std')),
              ('right_tail', N, placed(uniform(5, 760))),
              ('log_extreme', LOG_MOSTLY, placed(decades(3, 300))),
              ('scale_range', N, placed(uniform(0, 20), exp_any_scale))],
        'q': [('body', N, probs('body')),
              ('near_zero', N, probs('near_zero')),
              ('near_one', N, probs('near_one')),
              ('log_extreme', LOG_ONLY, probs('log_extreme')),
              ('scale_range', N, probs_any(lambda r: (pow10u(r, -320, 300),)))],
    })

family(
    name='lnorm', params=('meanlog', 'sdlog'),
    density=lnorm_density, tails=lnorm_tails, quantile=lnorm_quantile,
    special={'d': lnorm_d_special, 'p': lnorm_p_special, 'q': lnorm_q_special},
    std_params=lambda r: (0.0, 1.0),
    typical_params=lambda r: (r.uniform(-5, 5), logu(r, 0.05, 5)),
    place=lambda y, ms: c_exp(ms[0] + ms[1] * y),       # z = (log x - meanlog)/sdlog
    positive=True,
    special_theta=(0.5, 1.5),
    special_params=[(NAN, 1.0), (0.0, NAN), (0.0, -1.0), (0.0, 0.0), (0.5, 0.0),
                    (-INF, 0.0), (0.0, -INF), (INF, 1.0), (-INF, 1.0), (0.0, INF),
                    (INF, INF), (-INF, INF)],
    boundary_x=lambda ms: [math.exp(ms[0])],
    regions={
        'd': [('body', N, placed(uniform(-3, 3))),
              ('tail', N, placed(uniform(3, 38, signs=True))),
              ('near_zero', N, x_points(lnorm_small_x_params, decades(-323.3, -5))),
              ('huge_x', N, x_points(lnorm_huge_x_params, decades(5, 308.25))),
              ('locscale', N, placed(uniform(-6, 6), lnorm_extreme)),
              ('log_extreme', LOG_ONLY, lnorm_log_extreme)],
        'p': [('body', N, placed(uniform(-3, 3))),
              ('left_tail', N, placed(uniform(-38.5, -3))),
              ('right_tail', N, placed(uniform(3, 38.5))),
              ('near_zero', N, x_points(lnorm_small_x_params, decades(-323.3, -5))),
              ('huge_x', N, x_points(lnorm_huge_x_params, decades(5, 308.25))),
              ('locscale', N, placed(uniform(-8, 8), lnorm_extreme)),
              ('log_extreme', LOG_MOSTLY, lnorm_log_extreme)],
        'q': [('body', N, probs('body')),
              ('near_zero', N, probs('near_zero')),
              ('near_one', N, probs('near_one')),
              ('log_extreme', LOG_ONLY, probs('log_extreme', lnorm_tiny_sdlog)),
              ('locscale', N, probs_any(lnorm_extreme)),
              # the vector quantile's plain-z range (sdlog up to 1), densely
              ('sdlog_to_1', 4 * N, probs('body', lambda r: (r.uniform(-5, 5),
                                                            r.uniform(0.5, 1))))],
    })


def symmetric_family(name, density, tails, quantile, q_special, d_regions, p_regions,
                     q_extra=()):
    """logis and cauchy: location-scale, symmetric, same special cases for d and p."""
    family(
        name=name, params=('location', 'scale'),
        density=density, tails=tails, quantile=quantile,
        special={'d': symmetric_d_special, 'p': symmetric_p_special, 'q': q_special},
        std_params=lambda r: (0.0, 1.0), typical_params=locscale_typical,
        place=lambda z, ls: ls[0] + ls[1] * z,          # z = (x - location)/scale
        positive=False,
        special_theta=(1.0, 2.0),
        special_params=[(NAN, 1.0), (0.0, NAN), (0.0, -1.0), (0.0, 0.0), (0.0, -INF),
                        (INF, 1.0), (-INF, 1.0), (0.0, INF), (INF, INF), (-INF, INF),
                        (0.0, DBL_TRUE_MIN), (DBL_MAX, 1.0)],
        boundary_x=lambda ls: [ls[0]],
        regions={
            'd': d_regions + [('locscale', N, locscale_cancel(uniform(-10, 10)))],
            'p': p_regions + [('locscale', N, locscale_cancel(uniform(-10, 10)))],
            'q': [('body', N, probs('body')),
                  ('near_half', N, probs('near_half')),
                  ('near_zero', N, probs('near_zero')),
                  ('near_one', N, probs('near_one')),
                  ('log_extreme', LOG_ONLY, probs('log_extreme')),
                  ('locscale', N, probs_any(locscale_extreme))] + list(q_extra),
        })


def logis_near_root(fam, r, lower, lg, n):
    """p within a relative 1e-15 .. 1e-2 of the probability whose quantile is 0, for a
    location that is not 0: location cancels scale logit(p) (the quantile is
    ill-conditioned there, but the value at the given p is exact)."""
    out = []
    while len(out) < n:
        loc, scale = locscale_typical(r)
        if loc == 0:
            continue
        with mp.workdps(60):
            root = 1 / (1 + mpmath.exp(mpf(loc) / scale))  # F(0), the lower tail
            if not lower:
                root = 1 - root
            p = root * (1 + sgn(r) * pow10u(r, -15, -2))
            x = float(mpmath.log(p)) if lg else float(p)
        if (lg and x < 0) or (not lg and 0 < x < 1):
            out.append((x, (loc, scale)))
    return out


symmetric_family(
    'logis', logis_density, logis_tails, logis_quantile, logis_q_special,
    d_regions=[('body', N, placed(uniform(-5, 5))),
               ('tail', N, placed(uniform(5, 708, signs=True))),
               ('subnormal', N, placed(uniform(708.4, 745.1, signs=True), 'std')),
               ('far_tail', LOG_MOSTLY, placed(decades(2.9, 300, signs=True)))],
    p_regions=[('body', N, placed(uniform(-5, 5))),
               ('left_tail', N, placed(uniform(-800, -5))),
               ('right_tail', N, placed(uniform(5, 40))),
               ('subnormal', N, placed(uniform(-745.2, -708.3), 'std')),
               ('far_tail', LOG_MOSTLY, placed(decades(2.9, 300, signs=True)))],
    q_extra=[('root', N, logis_near_root)])

symmetric_family(
    'cauchy', cauchy_density, cauchy_tails, cauchy_quantile, cauchy_q_special,
    d_regions=[('body', N, placed(uniform(-10, 10))),
               ('tail', N, placed(decades(1, 150, signs=True))),
               ('far_tail', N, placed(decades(150, 308.25, signs=True), 'std'))],
    p_regions=[('body', N, placed(uniform(-1, 1))),
               ('mid', N, placed(decades(0, 3, signs=True))),
               ('left_tail', N, placed(decades(3, 300, sign=-1))),
               ('right_tail', N, placed(decades(3, 300))),
               ('far_tail', N, placed(decades(300, 308.25, signs=True), 'std'))])

family(
    name='weibull', params=('shape', 'scale'),
    density=weibull_density, tails=weibull_tails, quantile=weibull_quantile,
    special={'d': weibull_d_special, 'p': weibull_p_special, 'q': weibull_q_special},
    std_params=weibull_std, typical_params=weibull_typical,
    place=lambda log_t, ks: ks[1] * c_exp(log_t / ks[0]),  # z = log (x/scale)^shape
    positive=True,
    special_theta=(1.5, 2.0),
    special_params=[(NAN, 1.0), (1.0, NAN), (-1.0, 1.0), (0.0, 1.0), (1.0, -1.0), (1.0, 0.0),
                    (-INF, 1.0), (1.0, -INF), (INF, 1.0), (1.0, INF), (0.5, INF), (2.0, INF),
                    (INF, INF), (0.5, 1.0), (1.0, 1.0), (DBL_TRUE_MIN, 1.0)],
    boundary_x=lambda ks: [ks[1]],
    regions={
        'd': [('body', N, placed(uniform(-6, 1.5))),
              ('near_zero', N, weibull_small_x),
              ('tail', N, placed(lambda r: math.log(r.uniform(5, 745)))),
              ('shape_range', N, weibull_shape_range),
              ('integral_shape', N, weibull_integral_shape),
              ('log_extreme', LOG_ONLY, placed(uniform(7, 709)))],
        'p': [('body', N, placed(uniform(-6, 1.5))),
              ('near_zero', N, weibull_small_x),
              ('right_tail', N, placed(lambda r: math.log(r.uniform(5, 760)))),
              ('shape_range', N, weibull_shape_range),
              ('integral_shape', N, weibull_integral_shape),
              ('log_extreme', N, either_region(placed(uniform(7, 709)), weibull_small_x))],
        'q': [('body', N, probs('body')),
              ('near_zero', N, probs('near_zero')),
              ('near_one', N, probs('near_one')),
              ('log_extreme', LOG_ONLY, probs('log_extreme')),
              ('shape_range', N, weibull_q_shape_range),
              ('integral_shape', N, weibull_q_integral_shape)],
    })


# --------------------------------------------------------------------------
# rows
# --------------------------------------------------------------------------

FLAGS = {'d': [(1, 0), (1, 1)], 'p': [(1, 0), (1, 1), (0, 0), (0, 1)],
         'q': [(1, 0), (1, 1), (0, 0), (0, 1)]}


def dedup(points):
    seen = set()
    out = []
    for x, theta in points:
        key = tuple(repr(float(v)) for v in (x,) + tuple(theta))
        if key not in seen:
            seen.add(key)
            out.append((float(x), tuple(float(v) for v in theta)))
    return out


def all_cases(fam):
    cases = []
    for func in 'dpq':
        for lower, lg in FLAGS[func]:
            for region, n, gen in fam.regions[func]:
                if isinstance(n, tuple):
                    n = n[lg]
                if n == 0:
                    continue
                r = rng_for(fam.name, func, region, lower, lg)
                for x, theta in dedup(gen(fam, r, lower, lg, n)):
                    cases.append((fam.name, func, region, x, theta, lower, lg))
            # the special points that are ordinary inputs (R has no special
            # case for them, e.g. x = DBL_MAX) get the exact value, as 'edge'
            for x, theta in dedup(special_points(fam, func, lg)):
                conv = special_value(fam, func, x, theta, lower, lg) is not None
                cases.append((fam.name, func, 'special' if conv else 'edge', x, theta,
                              lower, lg))
    return cases


def special_value(fam, func, x, theta, lower, lg):
    """R's value for a special input, or None for an ordinary one."""
    if func == 'd':
        return fam.special['d'](x, *theta, lg)
    return fam.special[func](x, *theta, lower, lg)


def exact_value(fam, func, x, theta, lower, lg):
    """R's special-case value (a float or mpf) or the exact value (an mpf)."""
    s = special_value(fam, func, x, theta, lower, lg)
    if s is not None:
        return s
    th = [mpf(v) for v in theta]
    if func == 'd':
        return fam.density(mpf(x), *th, lg)
    if func == 'p':
        return fam.tails(mpf(x), *th).get(lower, lg)
    return fam.quantile(prob_arg_tails(x, lower, lg), *th)


def settled(v, want, lo):
    """Whether the mpf v, good to about mp.dps digits, is far enough from the
    rounding boundaries of want and of want_lo (the midpoints between doubles)
    and from want itself that more digits cannot change want or want_lo."""
    if not mpmath.isfinite(v) or v == 0:
        return True
    noise = abs(v) * mpf(10) ** (20 - mp.dps)
    rest = mpmath.fsub(v, want, exact=True)
    to_tie = norm.ulp_of_exact(abs(mpf(want) if want != 0 else v)) / 2 - abs(rest)
    if noise >= to_tie:
        return False
    if noise < mpf(2) ** -1100:
        return True                 # the rest is below anything want_lo can hold
    lo_to_tie = norm.ulp_of_exact(abs(rest)) / 2 - abs(mpmath.fsub(rest, lo, exact=True))
    return noise < min(abs(rest), lo_to_tie)


def exact_row_value(case, dps):
    """The row's value: R's special value (a float), or (exact, want, want_lo),
    the exact value computed with more digits while it is too close to call
    (exact - want far below 10^-dps relative, or a near tie)."""
    name, func, region, x, theta, lower, lg = case
    try:
        for k in range(4):          # up to 8 * dps digits (an exact result goes all the way)
            mp.dps = dps << k
            v = exact_value(FAMILIES[name], func, x, theta, lower, lg)
            if isinstance(v, float):
                return v
            want, lo = norm.split_exact(v)
            if settled(v, want, lo):
                break
        return v, want, lo
    finally:
        mp.dps = DPS


def compute_row(case, dps=DPS):
    """(case..., want, want_lo), or None for a row whose exact value overflows."""
    return make_row(case, exact_row_value(case, dps))


def make_row(case, v):
    if isinstance(v, float):
        return case + (v, 0.0)
    _, want, lo = v
    region = case[2]
    if math.isnan(want):
        raise RuntimeError("NaN from the exact path: %r" % (case,))
    if math.isinf(want) and region != 'special':
        return None
    return case + (want, lo)


def header(fam):
    return "\t".join(['#func', 'region', 'x'] + list(fam.params)
                     + ['lower_tail', 'log', 'want', 'want_lo'])


def format_row(row):
    name, func, region, x, theta, lower, lg, want, lo = row
    return "\t".join([func + name, region] + [norm.fmt(v) for v in (x,) + theta]
                     + [str(lower), str(lg), norm.fmt(want), norm.fmt(lo)])


def pool_map(workers, func, items):
    """map(func, items) in `workers` processes (1: in this one)."""
    if workers <= 1:
        return list(map(func, items))
    with multiprocessing.Pool(workers) as pool:
        return pool.map(func, items, chunksize=32)


def generate(names, out_dir, workers=2, prog='gen_closed'):
    t0 = time.time()
    cases = [c for name in names for c in all_cases(FAMILIES[name])]
    rows = pool_map(workers, compute_row, cases)
    for name in names:
        fam = FAMILIES[name]
        mine = [row for row in rows if row is not None and row[0] == name]
        path = os.path.join(out_dir, name + '.tsv')
        with open(path, 'w') as f:
            f.write(header(fam) + "\n")
            for row in mine:
                f.write(format_row(row) + "\n")
        sys.stderr.write("%s: %s: %d rows\n" % (prog, path, len(mine)))
    sys.stderr.write("%s: %d rows in %.1f s\n"
                     % (prog, sum(r is not None for r in rows), time.time() - t0))


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------

def read_tsv(path):
    rows = []
    for a in norm.data_fields(path):
        n_params = len(a) - 7
        func = a[0]
        rows.append((func[1:], func[0], a[1], float(a[2]),
                     tuple(float(v) for v in a[3:3 + n_params]),
                     int(a[3 + n_params]), int(a[4 + n_params]),
                     float(a[5 + n_params]), float(a[6 + n_params])))
    return rows


def _recheck(row):
    """Recompute from 120 digits on: (identical, within half an ulp)."""
    case, want, lo = row[:7], row[7], row[8]
    v = exact_row_value(case, CHECK_DPS)
    new = make_row(case, v)
    same = new is not None and repr(new[7]) == repr(want) and repr(new[8]) == repr(lo)
    halfulp = True
    if math.isfinite(want) and not isinstance(v, float):
        v = v[0]
        err = abs(mpmath.fsub(v, mpf(want), exact=True))
        ref = abs(v) if v != 0 else abs(mpf(want))
        halfulp = err <= norm.ulp_of_exact(ref) / 2 or (want == 0 and abs(v) <= mpf(2) ** -1075)
    return same, halfulp


# textbook formulas, evaluated at high precision where they are well
# conditioned: an independent check of the generator's stable forms
def naive_cdf(name, x, th):
    x = mpf(x)
    if name == 'unif':
        return (x - th[0]) / (th[1] - th[0])
    if name == 'exp':
        return 1 - mpmath.exp(-x / th[0])
    if name == 'lnorm':
        y = (mpmath.log(x) - th[0]) / th[1]
        return None if abs(y) > 1e6 else mpmath.ncdf(y)   # mpmath's erfc overflows
    if name == 'logis':
        return 1 / (1 + mpmath.exp(-(x - th[0]) / th[1]))
    if name == 'cauchy':
        return mpf(0.5) + mpmath.atan((x - th[0]) / th[1]) / mp.pi
    return 1 - mpmath.exp(-(x / th[1]) ** th[0])


def naive_pdf(name, x, th):
    x = mpf(x)
    if name == 'unif':
        return 1 / (th[1] - th[0])
    if name == 'exp':
        return mpmath.exp(-x / th[0]) / th[0]
    if name == 'lnorm':
        return mpmath.npdf(mpmath.log(x), th[0], th[1]) / x
    if name == 'logis':
        e = mpmath.exp(-(x - th[0]) / th[1])
        return e / (th[1] * (1 + e) ** 2)
    if name == 'cauchy':
        return 1 / (mp.pi * th[1] * (1 + ((x - th[0]) / th[1]) ** 2))
    return th[0] / th[1] * (x / th[1]) ** (th[0] - 1) * mpmath.exp(-(x / th[1]) ** th[0])


# name -> check(row): the independent cross-check of a family defined in another
# generator (gen_gamma.py), which replaces the textbook formulas below
INDEPENDENT = {}


def _independent(row):
    """None if fine or not applicable, else a message."""
    name, func, region, x, theta, lower, lg, want, lo = row
    if region == 'special' or not math.isfinite(want) or want == 0:
        return None
    if name in INDEPENDENT:
        return INDEPENDENT[name](row)
    fam = FAMILIES[name]
    exact = mpf(want) + mpf(lo)
    try:
        if func == 'q':
            # the target lies between the probabilities of want's half-ulp neighbours
            mp.dps = CHECK_DPS
            th = [mpf(v) for v in theta]
            a = (mpf(want) + mpf(math.nextafter(want, -INF))) / 2
            b = (mpf(want) + mpf(math.nextafter(want, INF))) / 2
            if name == 'unif':          # the tails are flat outside [min, max]
                a, b = max(a, th[0]), min(b, th[1])
            fa = fam.tails(a, *th).get(True, lg) if lower else fam.tails(b, *th).get(False, lg)
            fb = fam.tails(b, *th).get(True, lg) if lower else fam.tails(a, *th).get(False, lg)
            if not (fa <= mpf(x) <= fb):
                return "q bracket fails: %s %s %s" % (mpmath.nstr(fa, 20), mpmath.nstr(
                    mpf(x), 20), mpmath.nstr(fb, 20))
            return None
        if abs(want) < 1e-250 or abs(want) > 1e250 or (lg and abs(want) > 1e4):
            return None                      # textbook form needs huge precision
        mp.dps = 400
        th = [mpf(v) for v in theta]
        if func == 'd':
            v = naive_pdf(name, x, th)
        else:
            F = naive_cdf(name, x, th)
            if F is None:
                return None
            v = F if lower else 1 - F
            if v < mpf(10) ** -300:
                return None                  # 400 digits do not reach that far
        if lg:
            v = mpmath.log(v)
        tol = max(abs(exact) * mpf(2) ** -100, mpf(2) ** -1074)
        if abs(v - exact) > tol:
            return "%s%s rel %s" % (func, name, mpmath.nstr(abs(v - exact) / abs(exact), 3))
        return None
    finally:
        mp.dps = DPS


def load_rmath():
    import ctypes
    try:
        lib = ctypes.CDLL("/usr/lib/libRmath.so")
    except OSError:
        return None
    d, i = ctypes.c_double, ctypes.c_int
    for name, fam in FAMILIES.items():
        for func in 'dpq':
            f = getattr(lib, func + name)
            f.restype = d
            f.argtypes = [d] * (1 + len(fam.params)) + ([i] if func == 'd' else [i, i])
    return lib


def rmath_call(lib, row):
    name, func, region, x, theta, lower, lg = row[:7]
    f = getattr(lib, func + name)
    return f(x, *theta, lg) if func == 'd' else f(x, *theta, lower, lg)


def ulps(got, want, lo):
    """Error of got in ulps of the exact value want + lo."""
    if math.isnan(want) or math.isnan(got):
        return 0.0 if math.isnan(want) and math.isnan(got) else INF
    if math.isinf(want) or math.isinf(got):
        return 0.0 if want == got else INF
    exact = mpf(want) + mpf(lo)
    return float(abs(mpf(got) - exact) / norm.ulp_of_exact(abs(exact)))


def check(names, data_dir, workers=2):
    rows = []
    for name in names:
        rows += read_tsv(os.path.join(data_dir, name + '.tsv'))
    print("rows: %d (per function and region, all flag combinations together)" % len(rows))
    count = collections.OrderedDict()
    for r in rows:
        func = r[1] + r[0]
        count.setdefault(func, collections.OrderedDict())
        count[func][r[2]] = count[func].get(r[2], 0) + 1
    for func, regions in count.items():
        print("  %-9s %5d: %s" % (func, sum(regions.values()),
                                 " ".join("%s %d" % kv for kv in regions.items())))
    bad = [r for r in rows if (not math.isfinite(r[7]) or r[7] == 0) and r[8] != 0]
    print("want_lo rule violations:", len(bad))
    misfiled = [r for r in rows if r[2] in ('special', 'edge') and (r[2] == 'special')
                != (special_value(FAMILIES[r[0]], *r[1:2], *r[3:7]) is not None)]
    print("'special' rows that are no R special case, 'edge' rows that are:", len(misfiled))
    t0 = time.time()
    res = pool_map(workers, _recheck, rows)
    ind = pool_map(workers, _independent, rows)
    differ = [r for (s, h), r in zip(res, rows) if not s]
    not_half = [r for (s, h), r in zip(res, rows) if not h]
    print("recheck at %d digits: %d differ, %d not within 1/2 ulp (%.0f s)"
          % (CHECK_DPS, len(differ), len(not_half), time.time() - t0))
    for r in (differ + not_half)[:10]:
        print("   ", format_row(r))
    fails = [(m, r) for m, r in zip(ind, rows) if m is not None]
    print("independent cross-check (textbook formulas at 400 digits, q half-ulp bracket): "
          "%d failures" % len(fails))
    for m, r in fails[:10]:
        print("   ", m, format_row(r))
    lib = load_rmath()
    if lib is None:
        print("libRmath not found; skipping the comparison")
        return
    worst = collections.OrderedDict()
    n_conventions = mismatches = 0
    for r in rows:
        got = rmath_call(lib, r)
        e = ulps(got, r[7], r[8])
        if r[2] == 'special':
            # R's convention: identical, up to the rounding of exp(meanlog),
            # 1/2, log(1/2) and the like
            n_conventions += 1
            if not (e == 0 or (e <= 1 and r[7] != 0 and got != 0)):
                mismatches += 1
                print("  special mismatch: %s  R=%r" % (format_row(r), got))
            continue
        key = (r[1] + r[0], r[5], r[6], r[2])
        w = worst.setdefault(key, [0.0, 0, 0, None])
        w[2] += 1
        if e > 4:
            w[1] += 1
        if e > w[0] or w[3] is None:
            w[0], w[3] = e, (r, got)
    print("special rows that are R conventions, against libRmath: %d rows, %d mismatches"
          % (n_conventions, mismatches))
    print("libRmath error (ulps of exact): max, count > 4 ulp / rows")
    for k, (mx, n4, n, ex) in worst.items():
        print("  %-9s lower=%d log=%d %-12s max %-10.3g >4ulp: %d/%d"
              % (k[0], k[1], k[2], k[3], mx, n4, n))
        if mx > 4:
            r, got = ex
            print("      e.g. x=%r params=%r want=%r R=%r" % (r[3], r[4], r[7], got))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('families', nargs='*', metavar='family',
                    help='families to write or check (default: all: %s)'
                    % ' '.join(FAMILIES))
    ap.add_argument('--out', default=os.path.normpath(os.path.join(HERE, '..', 'data')),
                    help='directory of the <family>.tsv files (default tests/data)')
    ap.add_argument('--check', action='store_true',
                    help='re-verify the files instead of writing them')
    args = ap.parse_args(argv[1:])
    names = args.families or list(FAMILIES)
    for name in names:
        if name not in FAMILIES:
            ap.error("unknown family %r" % name)
    if args.check:
        check(names, args.out)
    else:
        generate(names, args.out)


if __name__ == '__main__':
    main(sys.argv)
