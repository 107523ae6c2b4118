#!/usr/bin/python3
"""Golden-data generator for vdist's normal distribution (dnorm / pnorm / qnorm).

What it does
------------
Builds a deterministic (fixed-seed) set of test inputs for the R >= 4.2 Rmath
functions

    dnorm(x, mu, sigma, give_log)
    pnorm(q, mu, sigma, lower_tail, log_p)
    qnorm(p, mu, sigma, lower_tail, log_p)

and computes, for each input, the *exact* result with mpmath (80 significant
digits, more while solving for quantiles), then rounds it correctly to an IEEE
double.  Inputs are doubles; the exact value is computed from the exact
rational values of those doubles (x - mu is formed exactly, z = (x - mu)/sigma
at 80 digits), never from float arithmetic.

Special inputs (NaN, +-Inf, sigma <= 0, probability boundaries) follow R's
conventions (verified against libRmath 4.2.2, see --check).

Output format (tests/data/norm.tsv)
-----------------------------------
Tab separated.  One header line starting with '#':

    #func  region  x  mu  sigma  lower_tail  log  want  want_lo

  func        dnorm | pnorm | qnorm
  region      lowercase word: where in the domain the point lies
              dnorm: body tail subnormal far_tail locscale log_cancel special
              pnorm: body mid tail near_one subnormal log_extreme locscale
                     inexact_z special
              qnorm: body near_half tail near_one subnormal log_extreme
                     locscale special
              (pnorm/qnorm regions are defined relative to the requested
              tail, e.g. 'tail' always means "small probability in the tail
              that was asked for", 'near_one' means "probability close to 1".)
  x           first argument: x (dnorm), q (pnorm), p (qnorm, log_p=0) or
              log(p) (qnorm, log_p=1)
  mu, sigma   location, scale
  lower_tail  0/1 (always 1 for dnorm, unused there)
  log         give_log (dnorm) / log_p (pnorm, qnorm), 0/1
  want        the correctly rounded (round-to-nearest-even) double of the
              exact value, including gradual underflow; 0 / +-inf when the
              exact value is beyond the double range.  The sign of a zero is
              the sign of the exact value, so a few log_p rows have want=-0.0
              (log of a probability that is 1 - tiny).
  want_lo     (exact - want) rounded to double; 0 when want is 0, inf or nan
              or when the exact value is representable.  want + want_lo is
              the exact value to ~2^-106 relative, so a test can measure the
              error in ULPs of the true value.

All doubles are written with Python repr() (shortest round-trip string;
'inf', '-inf', 'nan'), which C's strtod reads back bit-exactly.

Regenerate
----------
    /usr/bin/python3 tests/golden/gen_norm.py > tests/data/norm.tsv
or  /usr/bin/python3 tests/golden/gen_norm.py tests/data/norm.tsv

Takes well under a minute on 2 cores (multiprocessing, 2 workers).  Needs
only Debian's python3-mpmath.

Self-check
----------
    /usr/bin/python3 tests/golden/gen_norm.py --check tests/data/norm.tsv

re-reads the file, recomputes every row at 120 digits and checks want/want_lo
are identical, checks |exact - want| <= 1/2 ulp, checks the want_lo rules,
cross-checks against independent formulas (mpmath npdf/ncdf; for qnorm that
the target lies between the probabilities of want's half-ulp neighbours),
and (if /usr/lib/libRmath.so is present) reports libRmath's error in ULPs of
the exact value per function/flags/region.
"""

import math
import multiprocessing
import random
import sys
import time
import zlib

import mpmath
from mpmath import mp, mpf

DPS = 80
mp.dps = DPS

NAN = float('nan')
INF = float('inf')
DBL_MAX = sys.float_info.max
DBL_MIN = sys.float_info.min          # 2.2250738585072014e-308
DBL_TRUE_MIN = 5e-324

N = 300            # points per (func, flags, region)
N_TRIVIAL = 60     # regions whose results are all 0 / 1 for a flag combo


# --------------------------------------------------------------------------
# correct rounding of an mpf to an IEEE double
# --------------------------------------------------------------------------

def round_double(v):
    """Round the mpf v to the nearest double (ties to even), with gradual
    underflow and overflow to +-inf.  Returns a Python float."""
    if mpmath.isnan(v):
        return NAN
    if mpmath.isinf(v):
        return INF if v > 0 else -INF
    if v == 0:
        return 0.0
    sign, man, exp, bc = v._mpf_
    sgn = -1.0 if sign else 1.0
    e = exp + bc - 1                  # 2^e <= |v| < 2^(e+1)
    if e > 1023:
        return sgn * INF
    if e <= -1076:                    # |v| < 2^-1075: rounds to zero
        return sgn * 0.0
    q = max(e - 52, -1074)            # exponent of one ulp at |v|
    sh = exp - q
    if sh >= 0:
        n = man << sh
    else:
        s = -sh
        n = man >> s
        rem = man - (n << s)
        half = 1 << (s - 1)
        if rem > half or (rem == half and (n & 1)):
            n += 1
    if n == 0:
        return sgn * 0.0
    if n.bit_length() + q > 1024:
        return sgn * INF
    return sgn * math.ldexp(float(n), q)


def split_exact(v):
    """(want, want_lo) for the exact mpf value v."""
    want = round_double(v)
    if want == 0 or math.isinf(want) or math.isnan(want):
        return want, 0.0
    lo = round_double(mpmath.fsub(v, mpf(want), exact=True))
    if lo == 0:
        lo = 0.0                      # normalise -0.0
    return want, lo


def fmt(d):
    return repr(float(d))


# --------------------------------------------------------------------------
# exact standard normal pieces (mpmath, current precision)
# --------------------------------------------------------------------------

ASYM_Z = 10 ** 6     # beyond this |z| use the asymptotic series of Mills' ratio
TINY = mpf(2) ** -5000   # stand-in for e^-(huge): rounds like it (to +-0)
TINY_CUT = mpf(2) ** -2000


def log_Q_asym(t):
    """log P(Z > t) for t >= ASYM_Z by the asymptotic expansion
    Q(t) = phi(t)/t * sum_k (-1)^k (2k-1)!! / t^(2k); for t >= 1e6 the terms
    shrink by >= 1e12 each, so a few terms give full working precision.
    (mpmath's erfc overflows internally for arguments beyond ~1e154.)"""
    t = mpf(t)
    return -t * t / 2 - mpmath.log(t) - mpmath.log(mpmath.sqrt(2 * mp.pi)) \
        + mpmath.log(asym_S(t))


def asym_S(t):
    """sum_k (-1)^k (2k-1)!! / t^(2k) = t Q(t) / phi(t), t >= ASYM_Z."""
    t2 = t * t
    s = mpf(1)
    term = mpf(1)
    eps = mpf(2) ** (-(mp.prec + 10))
    k = 1
    while True:
        term = -term * (2 * k - 1) / t2
        s += term
        if abs(term) < eps:
            break
        k += 1
    return s


def dlog_Phi(z, lphi):
    """phi(z)/Phi(z) (the derivative of log Phi), lphi = log Phi(z).
    For very negative z the naive exp(log phi - log Phi) cancels
    catastrophically, so use -z / S(-z) there."""
    if z < -ASYM_Z:
        return -z / asym_S(-z)
    return mpmath.exp(-z * z / 2 - mpmath.log(mpmath.sqrt(2 * mp.pi)) - lphi)


def log_Phi(z):
    """log P(Z <= z), accurate relative to the result for all z."""
    if z < -ASYM_Z:
        return log_Q_asym(-z)
    if z > ASYM_Z:
        lq = log_Q_asym(z)
        return -TINY if lq < -3000 else mpmath.log1p(-mpmath.exp(lq))
    if z <= 0:
        return mpmath.log(mpmath.erfc(-z / mpmath.sqrt(2)) / 2)
    return mpmath.log1p(-mpmath.erfc(z / mpmath.sqrt(2)) / 2)


def Phi(z):
    """P(Z <= z), as an mpf accurate relative to the result and, when the
    result is close to 1/2 or 1, also relative to its distance from 1/2 or 1
    (so that exact - want is accurate)."""
    if abs(z) > ASYM_Z:
        lq = log_Q_asym(abs(z))
        q = TINY if lq < -3000 else mpmath.exp(lq)
        return q if z < 0 else mpmath.fsub(1, q, exact=True)
    if abs(z) < 1:
        return mpmath.fadd(mpf(0.5), mpmath.erf(z / mpmath.sqrt(2)) / 2, exact=True)
    if z <= 0:
        return mpmath.erfc(-z / mpmath.sqrt(2)) / 2
    q = mpmath.erfc(z / mpmath.sqrt(2)) / 2
    if q < TINY_CUT:
        q = TINY        # keep the exact subtraction small; rounds identically
    return mpmath.fsub(1, q, exact=True)


def exact_z(x, mu, sigma):
    return mpmath.fsub(mpf(x), mpf(mu), exact=True) / mpf(sigma)


def std_quantile_logp(p, lg):
    """z with log Phi(z) == lp, where lp = p if lg else log(p) (p a double,
    -inf < lp < 0).

    Newton on the concave increasing g(z) = log Phi(z) - lp (globally
    convergent), started from an asymptotic guess, with extra precision to
    cover the cancellation near p = 1/2.  The result is verified by a
    residual check at even higher precision."""
    base = mp.prec
    # bits lost to cancellation in log Phi(z) - lp when p is near 1/2
    if lg:
        c = abs(mpf(p) - mpmath.log(mpf(0.5)))
    else:
        c = abs(mpmath.fsub(p, 0.5, exact=True)) * 2
    extra = 64
    if 0 < c < 0.25:
        extra += int(-mpmath.log(c, 2)) + 8
    with mp.extraprec(extra):
        lp = mpf(p) if lg else mpmath.log(mpf(p))
        if lp > -2 and lp < mpmath.log1p(-mpmath.exp(-2)):
            z = (mpmath.exp(lp) - mpf(0.5)) * mpmath.sqrt(2 * mp.pi)
        elif lp <= -2:
            t = -lp
            y = 2 * t - mpmath.log(4 * mp.pi * t)
            z = -mpmath.sqrt(y) if y > 0 else mpf(-1)
        else:
            qq = -mpmath.expm1(lp)
            t = -mpmath.log(qq)
            y = 2 * t - mpmath.log(4 * mp.pi * t)
            z = mpmath.sqrt(y) if y > 0 else mpf(1)
        tol = mpf(2) ** (-(base + 24))
        for _ in range(200):
            lphi = log_Phi(z)
            f = lphi - lp
            d = dlog_Phi(z, lphi)
            dz = f / d
            z -= dz
            if dz == 0 or abs(dz) <= abs(z) * tol:
                break
        else:
            raise RuntimeError("qnorm Newton did not converge for p=%r" % p)
    # verify: relative error of z implied by the residual
    with mp.extraprec(extra + 64):
        lphi = log_Phi(z)
        d = dlog_Phi(z, lphi)
        rel = abs((lphi - lp) / (d * z))
        if rel > mpf(2) ** (-(base - 8)):
            raise RuntimeError("qnorm residual too large: lp=%s rel=%s"
                               % (mpmath.nstr(lp, 20), mpmath.nstr(rel, 5)))
    return +z


# --------------------------------------------------------------------------
# R conventions for the special (non-finite / degenerate) inputs
# --------------------------------------------------------------------------

def _D0(lg):
    return -INF if lg else 0.0


def _D1(lg):
    return 0.0 if lg else 1.0


def dnorm_special(x, mu, sigma, lg):
    """R 4.2 dnorm4 for inputs that are not (finite x, mu; 0 < sigma < inf).
    Returns None for ordinary inputs."""
    if math.isnan(x) or math.isnan(mu) or math.isnan(sigma):
        return NAN
    if sigma < 0:
        return NAN
    if math.isinf(sigma):
        return _D0(lg)
    if math.isinf(x) and mu == x:
        return NAN
    if sigma == 0:
        return INF if x == mu else _D0(lg)
    if math.isinf(x) or math.isinf(mu):
        return _D0(lg)               # z = +-inf
    return None


def pnorm_special(x, mu, sigma, lower, lg):
    DT0 = _D0(lg) if lower else _D1(lg)
    DT1 = _D1(lg) if lower else _D0(lg)
    if math.isnan(x) or math.isnan(mu) or math.isnan(sigma):
        return NAN
    if math.isinf(x) and mu == x:
        return NAN
    if sigma <= 0:
        if sigma < 0:
            return NAN
        return DT0 if x < mu else DT1
    if not (math.isinf(x) or math.isinf(mu) or math.isinf(sigma)):
        return None
    p = (x - mu) / sigma             # IEEE semantics, as R
    if math.isinf(p) or math.isnan(p):
        return DT0 if x < mu else DT1
    # finite x, mu with sigma = inf: z = 0
    return mpmath.log(mpf(0.5)) if lg else mpf(0.5)


def qnorm_special(p, mu, sigma, lower, lg):
    """Returns a float, or None if the exact path applies.  For infinite mu or
    sigma returns the string 'inf_ls' (IEEE mu + sigma*z)."""
    if math.isnan(p) or math.isnan(mu) or math.isnan(sigma):
        return NAN
    if lg:
        if p > 0:
            return NAN
        if p == 0:
            return INF if lower else -INF
        if p == -INF:
            return -INF if lower else INF
    else:
        if p < 0 or p > 1:
            return NAN
        if p == 0:
            return -INF if lower else INF
        if p == 1:
            return INF if lower else -INF
    if sigma < 0:
        return NAN
    if sigma == 0:
        return mu
    if math.isinf(mu) or math.isinf(sigma):
        return 'inf_ls'
    return None


# --------------------------------------------------------------------------
# exact values
# --------------------------------------------------------------------------

def exact_dnorm(x, mu, sigma, lg):
    s = dnorm_special(x, mu, sigma, lg)
    if s is not None:
        return mpf(s)
    z = exact_z(x, mu, sigma)
    logd = -z * z / 2 - mpmath.log(mpf(sigma)) - mpmath.log(mpmath.sqrt(2 * mp.pi))
    if lg:
        return logd
    if logd < -2000:
        return mpf(0)                 # positive, far below 2^-1074
    return mpmath.exp(logd)


def exact_pnorm(x, mu, sigma, lower, lg):
    s = pnorm_special(x, mu, sigma, lower, lg)
    if s is not None:
        return mpf(s)
    z = exact_z(x, mu, sigma)
    if not lower:
        z = -z
    return log_Phi(z) if lg else Phi(z)


def std_quantile(p, lower, lg):
    """Exact standard quantile for the (double) probability argument p."""
    if not lg and p == 0.5:
        return mpf(0)
    z = std_quantile_logp(p, lg)
    return z if lower else -z


def exact_qnorm(p, mu, sigma, lower, lg):
    s = qnorm_special(p, mu, sigma, lower, lg)
    if s is None:
        z = std_quantile(p, lower, lg)
        # exact addition: keeps exact - want accurate when sigma*z << ulp(mu)
        return mpmath.fadd(mpf(mu), mpf(sigma) * z, exact=True)
    if s == 'inf_ls':
        zf = round_double(std_quantile(p, lower, lg))
        return mpf(mu + sigma * zf)
    return mpf(s)


EXACT = {'dnorm': exact_dnorm, 'pnorm': exact_pnorm, 'qnorm': exact_qnorm}


def compute_row(case):
    func, region, x, mu, sigma, lower, lg = case
    mp.dps = DPS
    if func == 'dnorm':
        v = exact_dnorm(x, mu, sigma, lg)
    else:
        v = EXACT[func](x, mu, sigma, lower, lg)
    want, lo = split_exact(v)
    return (func, region, x, mu, sigma, lower, lg, want, lo)


# --------------------------------------------------------------------------
# input generation
# --------------------------------------------------------------------------

def rng_for(*key):
    return random.Random(zlib.crc32("/".join(map(str, key)).encode()))


def logu(r, lo, hi):
    """log-uniform in [lo, hi] (lo, hi > 0)."""
    return math.exp(r.uniform(math.log(lo), math.log(hi)))


def pow10u(r, a, b):
    """10**U(a, b), safe for exponents near the double limits."""
    u = r.uniform(a, b)
    e = math.floor(u)
    return float(mpf(10) ** mpf(u)) if e < -300 or e > 300 else 10.0 ** u


def sgn(r):
    return 1.0 if r.random() < 0.5 else -1.0


def ulp(v):
    return math.ulp(v)


def place(r, z, mode=None):
    """Pick (x, mu, sigma) such that (x - mu)/sigma ~= z.
    mode: 'std' (mu=0, sigma=1), 'ms' (moderate random mu, sigma), or None
    (std half of the time)."""
    if mode is None:
        mode = 'std' if r.random() < 0.5 else 'ms'
    if mode == 'std':
        return (float(z), 0.0, 1.0)
    mu = sgn(r) * logu(r, 1e-3, 1e3) if r.random() < 0.8 else 0.0
    sigma = logu(r, 1e-3, 1e3)
    return (mu + sigma * z, mu, sigma)


def dedup(cases):
    seen = set()
    out = []
    for c in cases:
        k = tuple(repr(v) for v in c)
        if k not in seen:
            seen.add(k)
            out.append(c)
    return out


# ---- dnorm ----------------------------------------------------------------

def dn_body(r, lg, n):
    out = []
    for i in range(n):
        if i % 10 == 9:
            z = sgn(r) * logu(r, 1e-300, 3.0)      # very small |z| too
        else:
            z = r.uniform(-3, 3)
        out.append(place(r, z))
    return out


def dn_tail(r, lg, n):
    return [place(r, sgn(r) * r.uniform(3, 38), 'std' if r.random() < 0.6 else 'ms')
            for _ in range(n)]


def dn_subnormal(r, lg, n):
    out = []
    lr_lo, lr_hi = math.log(DBL_TRUE_MIN), math.log(DBL_MIN)
    c = 0.5 * math.log(2 * math.pi)
    for i in range(n):
        lr = r.uniform(lr_lo, lr_hi)       # log of the target density
        if i % 2 == 0:
            sigma, mu = 1.0, 0.0
        else:
            sigma = logu(r, 1e-300, 1e290)
            mu = 0.0 if r.random() < 0.5 else sigma * r.uniform(-10, 10)
        z = math.sqrt(-2 * (lr + math.log(sigma) + c))
        out.append((mu + sigma * sgn(r) * z, mu, sigma))
    return out


def overflow_z():
    """Doubles z around sqrt(2*DBL_MAX), where -z^2/2 stops being finite."""
    zb = float(mpmath.sqrt(2 * mpf(DBL_MAX)))
    out = [zb]
    a = b = zb
    for _ in range(3):
        a = math.nextafter(a, 0.0)
        b = math.nextafter(b, INF)
        out += [a, b]
    return out


def dn_far_tail(r, lg, n):
    out = [(z, 0.0, 1.0) for z in [40.0, 1e3, 1e5, 1e10, 1e100, 1e154, 2e154,
                                   2.68e154, 1e155, 1e300, DBL_MAX]]
    out += [(-z, 0.0, 1.0) for z in overflow_z()]
    for i in range(n - len(out)):
        z = sgn(r) * pow10u(r, math.log10(38.6), 160)
        if i % 3 == 0:
            sigma = logu(r, 1e-5, 1e5)
            mu = sgn(r) * logu(r, 1e-3, 1e3)
            x = mu + sigma * z
            if math.isinf(x):
                x = math.copysign(DBL_MAX, z)
            out.append((x, mu, sigma))
        else:
            out.append((z, 0.0, 1.0))
    return out


def locscale_points(r, n, zlo, zhi):
    out = []
    for i in range(n):
        k = i % 4
        z = r.uniform(zlo, zhi)
        if k == 0:      # huge |mu|, x within a few ulps .. sigma-widths of mu
            mu = sgn(r) * pow10u(r, 10, 300)
            if r.random() < 0.5:
                sigma = ulp(mu) * logu(r, 0.5, 1e3)
                x = mu + ulp(mu) * r.randint(-64, 64)
            else:
                sigma = abs(mu) * pow10u(r, -15, -1)
                x = mu + sigma * z
        elif k == 1:    # tiny sigma
            if r.random() < 0.1:
                sigma = logu(r, DBL_TRUE_MIN, DBL_MIN)   # subnormal sigma
            else:
                sigma = pow10u(r, -300, -5)
            u = r.random()
            if u < 0.4:
                mu = 0.0
            elif u < 0.8 or sigma < 1e-12:
                mu = sigma * r.uniform(-1e3, 1e3)
            else:
                mu = r.uniform(-1, 1)
            x = mu + sigma * z
        elif k == 2:    # huge sigma
            sigma = pow10u(r, 5, 300)
            mu = 0.0 if r.random() < 0.3 else sigma * r.uniform(-5, 5)
            x = mu + sigma * z
        else:           # moderate sigma, huge mu with x at a moderate z
            mu = sgn(r) * pow10u(r, 5, 300)
            sigma = abs(mu) * pow10u(r, -12, 0)
            x = mu + sigma * z
        out.append((x, mu, sigma))
    return out


def dn_locscale(r, lg, n):
    return locscale_points(r, n, -8, 8)


def dn_log_cancel(r, lg, n):
    out = []
    s0 = 1 / math.sqrt(2 * math.pi)
    for i in range(n):
        sigma = pow10u(r, -300, math.log10(s0 * 0.999))
        c = -math.log(sigma * math.sqrt(2 * math.pi))   # > 0
        z0 = math.sqrt(2 * c)
        z = z0 * (1 + sgn(r) * pow10u(r, -15, -2))
        mu = 0.0 if i % 3 else sigma * r.uniform(-10, 10)
        out.append((mu + sigma * sgn(r) * z, mu, sigma))
    return out


def dn_special(lg):
    return [
        (NAN, 0.0, 1.0), (0.0, NAN, 1.0), (0.0, 0.0, NAN), (NAN, NAN, NAN),
        (INF, 0.0, NAN), (1.0, 0.0, -1.0), (0.0, 0.0, -INF), (NAN, 0.0, -1.0),
        (0.0, 0.0, 0.0), (1.5, 1.5, 0.0), (-0.0, 0.0, 0.0), (1.0, 0.0, 0.0),
        (-1.0, 0.0, 0.0), (5e-324, 0.0, 0.0), (INF, 0.0, 0.0), (INF, INF, 0.0),
        (INF, 0.0, 1.0), (-INF, 0.0, 1.0), (INF, 3.0, 2.0), (-INF, -3.0, 0.5),
        (1.0, INF, 1.0), (1.0, -INF, 1.0), (INF, INF, 1.0), (-INF, -INF, 1.0),
        (INF, -INF, 1.0), (-INF, INF, 1.0),
        (1.0, 0.0, INF), (0.0, 0.0, INF), (INF, 0.0, INF), (INF, INF, INF),
        (0.0, 0.0, 5e-324), (0.0, 0.0, 1e-308), (0.0, 0.0, DBL_MAX),
        (DBL_MAX, -DBL_MAX, 1.0), (DBL_MAX, 0.0, 1e-300), (1.0, 0.0, 1.0),
    ]


# ---- pnorm ----------------------------------------------------------------
# z is drawn for the lower tail; for lower_tail=0 it is mirrored so that each
# region means the same thing (small / near-one probability) for both tails.

def pn_body(r, n):
    out = []
    for i in range(n):
        if i % 5 == 4:
            out.append(sgn(r) * logu(r, 1e-300, 0.7))
        else:
            out.append(r.uniform(-0.7, 0.7))
    return out


def pn_mid(r, n):
    return [sgn(r) * r.uniform(0.7, 5) for _ in range(n)]


def pn_tail(r, n):
    return [-r.uniform(5, 38) for _ in range(n)]


def pn_near_one(r, n):
    return [r.uniform(5, 39.5) for _ in range(n)]


def pn_subnormal(r, n):
    return [-r.uniform(37.4, 38.5) for _ in range(n)]


PN_EXPLICIT = {
    'log_extreme': [-40.0, -1e3, -1e5, -1e10, -1e100, -1e150, -1e154, -1e155,
                    -1e170, -1e300, -DBL_MAX, 40.0, 1e5, 1e170]
    + [-z for z in overflow_z()],
}


def pn_log_extreme(r, n):
    out = []
    for i in range(n - len(PN_EXPLICIT['log_extreme'])):
        if i % 6 == 5:
            out.append(pow10u(r, math.log10(38.5), 160))      # 1 - tiny side
        else:
            out.append(-pow10u(r, math.log10(38.5), 160))
    return out


def pn_piece_edges(r, n):
    """|z| near where the kernels switch pieces: 1, 2, 3, 4 (the scalar and SIMD pieces of
    R), 1.5 (the SIMD body series) and 0.5, within a few ulps or up to 0.05 away."""
    out = []
    for i in range(n):
        edge = [0.5, 1.0, 1.5, 2.0, 3.0, 4.0][i % 6]
        if i % 3 == 0:
            z = edge + r.randint(-8, 8) * math.ulp(edge)
        else:
            z = edge + r.uniform(-0.05, 0.05)
        out.append(sgn(r) * z)
    return out


PN_Z = {'body': pn_body, 'mid': pn_mid, 'tail': pn_tail, 'near_one': pn_near_one,
        'subnormal': pn_subnormal, 'log_extreme': pn_log_extreme,
        'piece_edges': pn_piece_edges}


def pn_points(region, r, lower, lg, n):
    zs = PN_Z[region](r, n)
    out = []
    for z in PN_EXPLICIT.get(region, []):
        out.append((z if lower else -z, 0.0, 1.0))
    for z in zs:
        if not lower:
            z = -z
        mode = 'std' if r.random() < 0.6 else 'ms'
        x, mu, sigma = place(r, z, mode)
        if math.isinf(x):
            x = math.copysign(DBL_MAX, z)
        out.append((x, mu, sigma))
    return out


def pn_locscale(r, lower, lg, n):
    return locscale_points(r, n, -10, 10)


def pn_inexact_z(r, lower, lg, n):
    out = []
    while len(out) < n:
        if r.random() < 0.8:
            z = sgn(r) * logu(r, 1.0, 38.5)
        else:
            z = sgn(r) * logu(r, 38.5, 1e4)
        mu = sgn(r) * logu(r, 1e-5, 1e5)
        sigma = logu(r, 1e-5, 1e5)
        x = mu + sigma * z
        ez = exact_z(x, mu, sigma)
        if mpf(float(ez)) == ez:
            continue                 # z representable: not what we want here
        out.append((x, mu, sigma))
    return out


def pn_special(lower, lg):
    return [
        (NAN, 0.0, 1.0), (0.0, NAN, 1.0), (0.0, 0.0, NAN), (INF, INF, NAN),
        (1.0, 0.0, -1.0), (NAN, 0.0, -1.0), (0.0, 0.0, -INF),
        (0.0, 0.0, 0.0), (-0.0, 0.0, 0.0), (1.0, 0.0, 0.0), (-1.0, 0.0, 0.0),
        (5e-324, 0.0, 0.0), (-5e-324, 0.0, 0.0), (2.5, 2.5, 0.0),
        (INF, 0.0, 0.0), (-INF, 0.0, 0.0),
        (INF, 0.0, 1.0), (-INF, 0.0, 1.0), (INF, -3.0, 2.0), (-INF, 3.0, 0.5),
        (1.0, INF, 1.0), (1.0, -INF, 1.0), (INF, INF, 1.0), (-INF, -INF, 1.0),
        (INF, -INF, 1.0), (-INF, INF, 1.0),
        (1.0, 0.0, INF), (-1.0, 0.0, INF), (0.0, 0.0, INF), (INF, 0.0, INF),
        (-INF, 0.0, INF), (INF, INF, INF),
        (DBL_MAX, -DBL_MAX, 1.0), (-DBL_MAX, DBL_MAX, 1.0),
        (1.0, 0.0, 5e-324), (-1.0, 0.0, 5e-324), (0.0, 0.0, 1.0),
        (3.0, 3.0, 7.0),
    ]


# ---- qnorm ----------------------------------------------------------------
# Points are drawn as a probability 'p' of the requested tail (or as q = 1-p);
# for log_p the argument is log(p) computed in floating point (whatever double
# results is the input; the exact value is computed from it).

def q_arg(p=None, q=None, lg=0):
    """Argument for probability p (or p = 1 - q given q)."""
    if lg:
        return math.log(p) if q is None else math.log1p(-q)
    return p if q is None else 1.0 - q


def qn_body(r, lg, n):
    return [q_arg(r.uniform(0.075, 0.925), lg=lg) for _ in range(n)]


def qn_central_edge(r, lg, n):
    """p near the ends of the central region (0.075 and 0.925), where the quantile's
    conditioning is worst and the method changes."""
    out = []
    for i in range(n):
        p = r.uniform(0.075, 0.1)
        if i % 2:
            out.append(q_arg(q=p, lg=lg))      # 1 - p side
        else:
            out.append(q_arg(p=p, lg=lg))
    return out


def qn_locscale_cancel(r, lower, lg, n):
    """Central p with mu cancelling up to half of sigma z (so |result| >= |sigma z|/2): a
    quantile rounded to a double before mu + sigma z would cost up to 2 ULP here. Beyond
    that the error grows with the cancellation (z is carried to about 2^-56)."""
    from statistics import NormalDist
    out = []
    for _ in range(n):
        p = r.uniform(0.075, 0.925)
        z = NormalDist().inv_cdf(p) * (1 if lower else -1)
        sigma = logu(r, 1e-3, 1e3)
        mu = -r.uniform(0.0, 0.5) * sigma * z
        out.append((q_arg(p=p, lg=lg), mu, sigma))
    return out


def qn_near_half(r, lg, n):
    out = []
    L = math.log(0.5)
    for i in range(n):
        k = i % 3
        if k == 0:          # a few ulps away from 0.5 / log(0.5)
            m = int(logu(r, 1, 2 ** 30))
            if lg:
                v = L
                up = r.random() < 0.5
                for _ in range(min(m, 64)):
                    v = math.nextafter(v, 0.0 if up else -INF)
                if m > 64:
                    v += (1 if up else -1) * m * ulp(L)
                out.append(v)
            else:
                if r.random() < 0.5:
                    out.append(0.5 + m * 2.0 ** -53)
                else:
                    out.append(0.5 - m * 2.0 ** -54)
        else:
            d = sgn(r) * pow10u(r, -15.5, -2)
            out.append(q_arg(0.5 + d, lg=lg))
    if lg:
        out[:2] = [L, math.nextafter(L, 0.0)]
    else:
        out[:2] = [0.5, math.nextafter(0.5, 0.0)]
    return out


def qn_tail(r, lg, n):
    return [q_arg(pow10u(r, -300, math.log10(0.075)), lg=lg) for _ in range(n)]


def qn_near_one(r, lg, n):
    out = []
    for i in range(n):
        if i < 53:
            q = 2.0 ** -(i + 1)
        elif lg and i % 2:
            q = pow10u(r, -300, math.log10(0.075))
        else:
            q = pow10u(r, math.log10(2.0 ** -53), math.log10(0.075))
        out.append(q_arg(q=q, lg=lg))
    return out


def qn_subnormal(r, lg, n):
    ps = [DBL_TRUE_MIN, 2 * DBL_TRUE_MIN, 3 * DBL_TRUE_MIN, DBL_MIN,
          math.nextafter(DBL_MIN, 0.0), 1e-320, 1e-310]
    while len(ps) < n:
        e = r.randint(-1074, -1023)
        m = r.getrandbits(52)
        p = math.ldexp(m, e)
        if 0 < p < DBL_MIN:
            ps.append(p)
    return [q_arg(p, lg=lg) for p in ps]


def qn_log_extreme(r, lg, n):
    assert lg
    out = [-1e300, -DBL_MAX, -1e-300, -5e-324, -DBL_MIN, -1e-310, -1e-20,
           -1e-16, -1e-10, -745.0, -1e5, -1e10, -1e150]
    while len(out) < n:
        out.append(-pow10u(r, -323, 308.2))
    return out


def qn_locscale(r, lower, lg, n):
    out = []
    for i in range(n):
        s = sgn(r)                        # sign of the quantile and of mu
        k = i % 3
        if k == 0:
            mu = s * pow10u(r, -300, 300)
            sigma = pow10u(r, -300, 300)
            if abs(mu) > 1e290 and sigma > abs(mu):
                sigma = abs(mu) * r.random()
        elif k == 1:
            mu = s * pow10u(r, 5, 300)    # huge mu, relatively small sigma
            sigma = abs(mu) * pow10u(r, -15, 0)
        else:
            sigma = pow10u(r, -300, 300)  # mu comparable to sigma
            mu = s * sigma * logu(r, 1e-3, 1e3)
        if sigma > 1e306:
            sigma = 1e306
        q = pow10u(r, -300, math.log10(0.5)) if (lg or r.random() < 0.5) \
            else r.uniform(2.0 ** -53, 0.5)
        # quantile > 0  <=>  (lower and p > 1/2) or (upper and p < 1/2)
        big = (s > 0) == bool(lower)      # need p > 1/2
        if big:
            if not lg:
                q = max(q, 2.0 ** -53)
            x = q_arg(q=q, lg=lg)
        else:
            x = q_arg(p=q, lg=lg)
        out.append((x, mu, sigma))
    return out


def qn_special(lower, lg):
    if lg:
        ps = [NAN, 0.0, -0.0, -INF, 1e-300, 5e-324, 1.0, INF, math.log(0.5)]
    else:
        ps = [NAN, 0.0, -0.0, 1.0, -1e-300, -0.1, -INF, 1.5,
              math.nextafter(1.0, 2.0), INF, 0.5]
    out = [(p, 0.0, 1.0) for p in ps]
    p = math.log(0.3) if lg else 0.3
    p0 = 0.0 if not lg else -INF            # boundary value
    out += [
        (p, NAN, 1.0), (p, 0.0, NAN), (p0, NAN, 1.0),
        (p, 0.0, -1.0), (p0, 0.0, -1.0), (p, 2.0, -INF),
        (p, 3.0, 0.0), (p, -INF, 0.0), (p0, 3.0, 0.0),
        (p, INF, 1.0), (p, -INF, 1.0), (p0, INF, 1.0),
        (p, 0.0, INF), (p, 3.0, INF), (p, INF, INF), (p, -INF, INF),
        (0.5 if not lg else math.log(0.5), 0.0, INF),
        (0.5 if not lg else math.log(0.5), 3.0, 2.0),
        (0.5 if not lg else math.log(0.5), INF, 1.0),
    ]
    return out


# ---- assemble ---------------------------------------------------------------

def all_cases():
    cases = []

    def add(func, region, lower, lg, pts):
        for (x, mu, sigma) in dedup(pts):
            cases.append((func, region, float(x), float(mu), float(sigma),
                          int(lower), int(lg)))

    for lg in (0, 1):
        R = lambda reg: rng_for('dnorm', reg, lg)
        add('dnorm', 'body', 1, lg, dn_body(R('body'), lg, N))
        add('dnorm', 'tail', 1, lg, dn_tail(R('tail'), lg, N))
        add('dnorm', 'subnormal', 1, lg, dn_subnormal(R('subnormal'), lg, N))
        add('dnorm', 'far_tail', 1, lg,
            dn_far_tail(R('far_tail'), lg, N if lg else N_TRIVIAL))
        add('dnorm', 'locscale', 1, lg, dn_locscale(R('locscale'), lg, N))
        add('dnorm', 'log_cancel', 1, lg, dn_log_cancel(R('log_cancel'), lg, N))
        add('dnorm', 'special', 1, lg, dn_special(lg))

    for lower in (1, 0):
        for lg in (0, 1):
            R = lambda reg: rng_for('pnorm', reg, lower, lg)
            for reg in ('body', 'mid', 'tail', 'near_one', 'subnormal', 'piece_edges'):
                add('pnorm', reg, lower, lg, pn_points(reg, R(reg), lower, lg, N))
            add('pnorm', 'log_extreme', lower, lg,
                pn_points('log_extreme', R('log_extreme'), lower, lg,
                          N if lg else N_TRIVIAL))
            add('pnorm', 'locscale', lower, lg, pn_locscale(R('locscale'), lower, lg, N))
            add('pnorm', 'inexact_z', lower, lg,
                pn_inexact_z(R('inexact_z'), lower, lg, N))
            add('pnorm', 'special', lower, lg, pn_special(lower, lg))

    for lower in (1, 0):
        for lg in (0, 1):
            R = lambda reg: rng_for('qnorm', reg, lower, lg)

            def std(pts):
                return [(p, 0.0, 1.0) for p in pts]
            add('qnorm', 'body', lower, lg, std(qn_body(R('body'), lg, N)))
            add('qnorm', 'near_half', lower, lg, std(qn_near_half(R('near_half'), lg, N)))
            add('qnorm', 'tail', lower, lg, std(qn_tail(R('tail'), lg, N)))
            add('qnorm', 'near_one', lower, lg, std(qn_near_one(R('near_one'), lg, N)))
            add('qnorm', 'subnormal', lower, lg, std(qn_subnormal(R('subnormal'), lg, N)))
            if lg:
                add('qnorm', 'log_extreme', lower, lg,
                    std(qn_log_extreme(R('log_extreme'), lg, N)))
            add('qnorm', 'locscale', lower, lg, qn_locscale(R('locscale'), lower, lg, N))
            add('qnorm', 'central_edge', lower, lg,
                std(qn_central_edge(R('central_edge'), lg, N)))
            add('qnorm', 'locscale_cancel', lower, lg,
                qn_locscale_cancel(R('locscale_cancel'), lower, lg, N))
            add('qnorm', 'special', lower, lg, qn_special(lower, lg))
    return cases


HEADER = "#func\tregion\tx\tmu\tsigma\tlower_tail\tlog\twant\twant_lo"


def format_row(row):
    func, region, x, mu, sigma, lower, lg, want, lo = row
    return "\t".join([func, region, fmt(x), fmt(mu), fmt(sigma), str(lower),
                      str(lg), fmt(want), fmt(lo)])


def generate(out):
    t0 = time.time()
    cases = all_cases()
    with multiprocessing.Pool(2) as pool:
        rows = pool.map(compute_row, cases, chunksize=64)
    out.write(HEADER + "\n")
    for row in rows:
        out.write(format_row(row) + "\n")
    sys.stderr.write("gen_norm: %d rows in %.1f s\n" % (len(rows), time.time() - t0))


# --------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------

def data_fields(path):
    """The tab-separated fields of each data line of a golden file (comments skipped)."""
    with open(path) as f:
        for line in f:
            if not line.startswith('#'):
                yield line.rstrip('\n').split('\t')


def read_tsv(path):
    return [(a[0], a[1], float(a[2]), float(a[3]), float(a[4]), int(a[5]), int(a[6]),
             float(a[7]), float(a[8])) for a in data_fields(path)]


def ulp_of_exact(v):
    """One ulp (as mpf) of the binade of the exact mpf value v (>= 2^-1074)."""
    if v == 0:
        return mpf(2) ** -1074
    sign, man, exp, bc = v._mpf_
    e = exp + bc - 1
    return mpf(2) ** max(e - 52, -1074)


def _recheck(row):
    func, region, x, mu, sigma, lower, lg, want, lo = row
    mp.dps = 120
    if func == 'dnorm':
        v = exact_dnorm(x, mu, sigma, lg)
    else:
        v = EXACT[func](x, mu, sigma, lower, lg)
    w2, lo2 = split_exact(v)
    same = (repr(w2) == repr(want)) and (repr(lo2) == repr(lo))
    halfulp_ok = True
    if not (math.isnan(want) or math.isinf(want)) and mpmath.isfinite(v):
        if want != 0 or v != 0:
            err = abs(mpmath.fsub(v, mpf(want), exact=True))
            ref = v if v != 0 else mpf(want)
            halfulp_ok = err <= ulp_of_exact(abs(ref)) / 2 or \
                (want == 0 and abs(v) <= mpf(2) ** -1075)
    mp.dps = DPS
    return same, halfulp_ok, row


def _independent(row):
    """Cross-check with methods independent of the generator's formulas:
    dnorm/pnorm against mpmath.npdf / mpmath.ncdf at 120 digits, qnorm by
    checking that the target probability lies between the probabilities of
    the two half-ulp neighbours of want (i.e. want is the correctly rounded
    quantile).  Returns None if fine/not applicable, else a message."""
    func, region, x, mu, sigma, lower, lg, want, lo = row
    if region == 'special' or not math.isfinite(want) or want == 0:
        return None
    mp.dps = 120
    try:
        exact = mpf(want) + mpf(lo)
        if func == 'dnorm':
            if abs(want) < 1e-300 or abs(exact_z(x, mu, sigma)) > 1e6:
                return None
            v = mpmath.npdf(mpf(x), mpf(mu), mpf(sigma))
            if lg:
                v = mpmath.log(v)
            # want + want_lo is exact only to ~2^-1075 absolute (want_lo is a double)
            tol = max(abs(exact) * mpf(2) ** -100, mpf(2) ** -1074)
            rel = abs(v - exact) / abs(exact)
            return None if abs(v - exact) <= tol else "dnorm rel %s" % mpmath.nstr(rel, 3)
        if func == 'pnorm':
            if lower:
                v = mpmath.ncdf(mpf(x), mpf(mu), mpf(sigma))
            else:
                v = mpmath.ncdf(-mpf(x), -mpf(mu), mpf(sigma))
            if v > 0.25 or abs(want) < 1e-300 or abs(exact_z(x, mu, sigma)) > 1e6:
                return None                      # ncdf not relatively accurate
            if lg:
                v = mpmath.log(v)
            # want + want_lo is exact only to ~2^-1075 absolute (want_lo is a double)
            tol = max(abs(exact) * mpf(2) ** -100, mpf(2) ** -1074)
            rel = abs(v - exact) / abs(exact)
            return None if abs(v - exact) <= tol else "pnorm rel %s" % mpmath.nstr(rel, 3)
        # qnorm: bracket check
        a = (mpf(want) + mpf(math.nextafter(want, -INF))) / 2
        b = (mpf(want) + mpf(math.nextafter(want, INF))) / 2
        za = mpmath.fsub(a, mu, exact=True) / mpf(sigma)
        zb = mpmath.fsub(b, mu, exact=True) / mpf(sigma)
        if not lower:
            za, zb = -zb, -za
        target = mpf(x)
        if lg:
            fa, fb = log_Phi(za), log_Phi(zb)
        else:
            fa, fb = Phi(za), Phi(zb)
        if not (fa <= target <= fb):
            return "qnorm bracket fails: %s %s %s" % (
                mpmath.nstr(fa, 25), mpmath.nstr(target, 25), mpmath.nstr(fb, 25))
        return None
    finally:
        mp.dps = DPS


def rmath_ulps(row, lib):
    """Error of libRmath in ulps of the exact value; (err, got)."""
    func, region, x, mu, sigma, lower, lg, want, lo = row
    if func == 'dnorm':
        got = lib.dnorm4(x, mu, sigma, lg)
    elif func == 'pnorm':
        got = lib.pnorm5(x, mu, sigma, lower, lg)
    else:
        got = lib.qnorm5(x, mu, sigma, lower, lg)
    if math.isnan(want) or math.isnan(got):
        return (0.0 if math.isnan(want) and math.isnan(got) else INF), got
    if math.isinf(want) or math.isinf(got):
        return (0.0 if want == got else INF), got
    exact = mpf(want) + mpf(lo)
    e = abs(mpf(got) - exact) / ulp_of_exact(abs(exact))
    return float(e), got


def load_rmath():
    import ctypes
    try:
        lib = ctypes.CDLL("/usr/lib/libRmath.so")
    except OSError:
        return None
    d = ctypes.c_double
    i = ctypes.c_int
    lib.dnorm4.restype = d
    lib.dnorm4.argtypes = [d, d, d, i]
    lib.pnorm5.restype = d
    lib.pnorm5.argtypes = [d, d, d, i, i]
    lib.qnorm5.restype = d
    lib.qnorm5.argtypes = [d, d, d, i, i]
    return lib


def check(path):
    rows = read_tsv(path)
    from collections import Counter, defaultdict
    cnt = Counter((r[0], r[5], r[6], r[1]) for r in rows)
    print("rows:", len(rows))
    for k in sorted(cnt):
        print("  %s lower=%d log=%d %-12s %d" % (k[0], k[1], k[2], k[3], cnt[k]))
    bad = [r for r in rows
           if (r[7] == 0 or math.isinf(r[7]) or math.isnan(r[7])) and r[8] != 0]
    print("want_lo rule violations:", len(bad))
    with multiprocessing.Pool(2) as pool:
        res = pool.map(_recheck, rows, chunksize=64)
        ind = pool.map(_independent, rows, chunksize=64)
    nd = [r for s, h, r in res if not s]
    nh = [r for s, h, r in res if not h]
    print("recheck at 120 digits: %d rows, %d differ, %d not within 1/2 ulp"
          % (len(res), len(nd), len(nh)))
    for r in (nd + nh)[:10]:
        print("   ", format_row(r))
    fails = [(m, r) for m, r in zip(ind, rows) if m is not None]
    print("independent cross-check (npdf/ncdf, qnorm half-ulp bracket): %d failures"
          % len(fails))
    for m, r in fails[:10]:
        print("   ", m, format_row(r))
    nz = [r for r in rows if r[7] == 0 and math.copysign(1, r[7]) < 0]
    print("rows with want = -0.0:", len(nz))
    lib = load_rmath()
    if lib is None:
        print("libRmath not found; skipping comparison")
        return
    worst = defaultdict(lambda: [0.0, 0, 0, None])
    for r in rows:
        e, got = rmath_ulps(r, lib)
        key = (r[0], r[5], r[6], r[1])
        w = worst[key]
        w[2] += 1
        if r[1] == 'special':
            same = (math.isnan(got) and math.isnan(r[7])) or got == r[7] \
                or (e <= 4 and r[7] != 0 and math.isfinite(r[7]))
            if not same:
                print("  special mismatch: %s  R=%r" % (format_row(r), got))
            continue
        if e > 4:
            w[1] += 1
        if e > w[0]:
            w[0], w[3] = e, (r, got)
    print("libRmath error (ulps of exact): max, count>4ulp / rows")
    for k in sorted(worst):
        mx, n4, n, ex = worst[k]
        print("  %s lower=%d log=%d %-12s max %-10.4g  >4ulp: %d/%d"
              % (k[0], k[1], k[2], k[3], mx, n4, n))
        if mx > 4 and ex is not None:
            r, got = ex
            print("      e.g. x=%r mu=%r sigma=%r want=%r R=%r"
                  % (r[2], r[3], r[4], r[7], got))


def main(argv):
    if len(argv) >= 2 and argv[1] == '--check':
        check(argv[2] if len(argv) > 2 else 'tests/data/norm.tsv')
        return
    if len(argv) >= 2:
        with open(argv[1], 'w') as f:
            generate(f)
    else:
        generate(sys.stdout)


if __name__ == '__main__':
    main(sys.argv)
