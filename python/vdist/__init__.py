"""vdist: R's d/p/q distribution functions over numpy arrays, on a SIMD C library.

Three ways in, all numpy ufuncs underneath (broadcasting over every argument, out=,
where=, float64 results; float32 and integer inputs are upcast):

- Rmath's names and arguments:  vdist.pnorm(q, mean=0, sd=1, lower_tail=True, log_p=False),
  vdist.dgamma(x, shape, scale=1, log=False), ... Extra keywords (out=, where=) go to the ufunc.
  (R's lambda is lambda_: vdist.ppois(q, lambda_).)
- scipy.stats' names and conventions:  vdist.norm.cdf(x, loc=0, scale=1),
  vdist.gamma.pdf(x, a, loc=0, scale=1), vdist.poisson.pmf(k, mu, loc=0), ... with
  pdf/logpdf (pmf/logpmf), cdf/logcdf, sf/logsf, ppf, isf, and frozen forms (vdist.norm(1, 2)).
- the ufuncs themselves, one per function and flag combination:  vdist.ufuncs["pnorm"],
  vdist.ufuncs["pnorm_upper_log"], or vdist.ufunc("pnorm", lower_tail=False, log=True).

vdist.scalar has the scalar C functions as ctypes functions, which numba.njit code can call.
"""
import functools
import keyword
import math

import numpy as np

from . import _vdist
from . import scalar  # noqa: F401 (vdist.scalar: the C functions for numba)

__all__ = ["ufuncs", "ufunc", "get_isa", "set_isa"]

get_isa = _vdist.get_isa
set_isa = _vdist.set_isa

# name ("pnorm", "pnorm_upper_log", ...) -> numpy ufunc; see _vdist.c
ufuncs = _vdist.ufuncs


def ufunc(name, lower_tail=True, log=False):
    """The ufunc of function `name` ("pnorm") with those flags (a density has no tails)."""
    return ufuncs[name + ("" if lower_tail else "_upper") + ("_log" if log else "")]


_SCALAR = (int, float, np.integer, np.floating)

# ---- Rmath's names ------------------------------------------------------------------------
# One Python function per registry entry, with R's signature (required parameters first, R's
# defaults), written from a template so that Python itself binds the arguments: that is both
# the clearest signature for help() and the cheapest call.

_DENSITY = '''\
def {name}(x, {params}, log=False, **kwargs):
    """R's {name} over arrays: a numpy ufunc underneath, which kwargs (out=, where=) go to."""
    return _ufuncs[bool(log)](x, {args}, **kwargs)
'''
_TAILED = '''\
def {name}({x}, {params}, lower_tail=True, log_p=False, **kwargs):
    """R's {name} over arrays: a numpy ufunc underneath, which kwargs (out=, where=) go to."""
    return _ufuncs[bool(lower_tail), bool(log_p)]({x}, {args}, **kwargs)
'''


def _rmath_function(name, kind, param_names, param_defaults):
    # R's names, but a Python keyword gets a trailing underscore (dpois's lambda: lambda_)
    param_names = [p + "_" if keyword.iskeyword(p) else p for p in param_names]
    params = ", ".join(p if math.isnan(d) else f"{p}={d!r}"
                       for p, d in zip(param_names, param_defaults))
    fields = dict(name=name, params=params, x="q" if kind == "p" else "p",
                  args=", ".join(param_names))
    if kind == "d":
        source = _DENSITY.format(**fields)
        table = {log: ufunc(name, log=log) for log in (False, True)}
    else:
        source = _TAILED.format(**fields)
        table = {(lower, log): ufunc(name, lower, log)
                 for lower in (True, False) for log in (False, True)}
    namespace = {"_ufuncs": table}
    exec(source, namespace)
    function = namespace[name]
    function.__module__ = __name__
    return function


for _name, _family, _kind, _params, _defaults in _vdist.functions:
    globals()[_name] = _rmath_function(_name, _kind, _params, _defaults)
    __all__.append(_name)


# ---- scipy.stats' names ----------------------------------------------------------------------
# Each distribution is a function with scipy's parameters (shapes, loc, scale) that names the
# vdist family, the shift of x (scipy's loc, where the family has no location of its own), the
# family's parameters, and scipy's validity condition; invalid parameters give nan, as scipy.

def _positive(*values):
    """True when every value is a scalar > 0, else the elementwise mask of v > 0 for all."""
    for v in values:  # a plain loop: this runs on every call
        if not (isinstance(v, _SCALAR) and v > 0):
            return functools.reduce(np.logical_and, [np.greater(v, 0) for v in values])
    return True


def _log_positive(v):
    """log(v) for v > 0, nan otherwise (and no warning: the result is nan either way)."""
    if isinstance(v, _SCALAR):
        return math.log(v) if v > 0 else math.nan
    return np.log(np.where(np.greater(v, 0), v, np.nan))


def _norm(loc=0.0, scale=1.0):
    return "norm", 0, (loc, scale), _positive(scale)


def _uniform(loc=0.0, scale=1.0):
    both_scalars = isinstance(loc, _SCALAR) and isinstance(scale, _SCALAR)
    return "unif", 0, (loc, loc + scale if both_scalars else np.add(loc, scale)), _positive(scale)


def _expon(loc=0.0, scale=1.0):
    return "exp", loc, (scale,), _positive(scale)


def _logistic(loc=0.0, scale=1.0):
    return "logis", 0, (loc, scale), _positive(scale)


def _cauchy(loc=0.0, scale=1.0):
    return "cauchy", 0, (loc, scale), _positive(scale)


def _lognorm(s, loc=0.0, scale=1.0):
    # scipy: log((x - loc)/scale) is N(0, s^2), so log(x - loc) is N(log scale, s^2)
    return "lnorm", loc, (_log_positive(scale), s), _positive(s, scale)


def _weibull_min(c, loc=0.0, scale=1.0):
    return "weibull", loc, (c, scale), _positive(c, scale)


def _gamma(a, loc=0.0, scale=1.0):
    return "gamma", loc, (a, scale), _positive(a, scale)


def _chi2(df, loc=0.0, scale=1.0):
    # chi2(df) scaled is the gamma with shape df/2 and scale 2 scale
    return "gamma", loc, (np.multiply(df, 0.5), np.multiply(scale, 2.0)), _positive(df, scale)


def _poisson(mu, loc=0):
    return "pois", loc, (mu,), True  # mu < 0 gives nan in the C library already


def _is_zero(v):
    return isinstance(v, _SCALAR) and v == 0


# (function name, lower_tail, log) -> its ufunc, for the methods below
_UFUNC_OF = {(f[0], lower, log): ufunc(f[0], lower, log) for f in _vdist.functions
             for lower in (True, False) for log in (False, True)
             if f[2] != "d" or lower}


class Distribution:
    """A scipy.stats-like distribution over vdist's ufuncs: the methods take scipy's arguments
    (shape parameters, then loc and scale; positional or by name) and give scipy's values."""

    def __init__(self, name, parameters, discrete=False):
        self.name = name
        self._parameters = parameters
        self._discrete = discrete
        if discrete:
            self.pmf, self.logpmf = self.pdf, self.logpdf

    def __repr__(self):
        return f"<vdist.{self.name}>"

    def _evaluate(self, kind, x, args, kwds, lower_tail, log):
        # lists become arrays (the mappings do arithmetic on the parameters)
        if (args or kwds) and any(isinstance(a, (list, tuple)) for a in (*args, *kwds.values())):
            args = [np.asarray(a) if isinstance(a, (list, tuple)) else a for a in args]
            kwds = {k: np.asarray(a) if isinstance(a, (list, tuple)) else a
                    for k, a in kwds.items()}
        family, shift, params, valid = self._parameters(*args, **kwds)
        if valid is not True and valid is not np.True_:
            params = (np.where(valid, params[0], np.nan),) + tuple(params[1:])
        if kind != "q" and not _is_zero(shift):
            x = np.subtract(x, shift)
        result = _UFUNC_OF[kind + family, lower_tail, log](x, *params)
        if kind == "q":
            if self._discrete:
                # scipy's discrete quantiles at the ends: one below the support at 0 and inf
                # at 1 (isf: the other way round), whatever the parameters
                low, high = (0, 1) if lower_tail else (1, 0)
                result = np.where(np.equal(x, low), -1.0,
                                  np.where(np.equal(x, high), np.inf, result))
            if not _is_zero(shift):
                result = result + shift
        if isinstance(result, np.ndarray) and result.ndim == 0:
            result = result[()]  # a scalar for scalars, as scipy
        return result

    def pdf(self, x, *args, **kwds):
        return self._evaluate("d", x, args, kwds, True, False)

    def logpdf(self, x, *args, **kwds):
        return self._evaluate("d", x, args, kwds, True, True)

    def cdf(self, x, *args, **kwds):
        return self._evaluate("p", x, args, kwds, True, False)

    def logcdf(self, x, *args, **kwds):
        return self._evaluate("p", x, args, kwds, True, True)

    def sf(self, x, *args, **kwds):
        return self._evaluate("p", x, args, kwds, False, False)

    def logsf(self, x, *args, **kwds):
        return self._evaluate("p", x, args, kwds, False, True)

    def ppf(self, q, *args, **kwds):
        return self._evaluate("q", q, args, kwds, True, False)

    def isf(self, q, *args, **kwds):
        return self._evaluate("q", q, args, kwds, False, False)

    def __call__(self, *args, **kwds):
        """The frozen distribution: norm(1, 2).cdf(x) is norm.cdf(x, 1, 2)."""
        return Frozen(self, args, kwds)


class Frozen:
    """A distribution with its parameters fixed, as scipy's frozen distributions."""

    def __init__(self, dist, args, kwds):
        self.dist, self.args, self.kwds = dist, args, kwds

    def __getattr__(self, method):
        bound = getattr(self.dist, method)
        if not callable(bound):
            return bound  # name
        return lambda x: bound(x, *self.args, **self.kwds)


norm = Distribution("norm", _norm)
uniform = Distribution("uniform", _uniform)
expon = Distribution("expon", _expon)
logistic = Distribution("logistic", _logistic)
cauchy = Distribution("cauchy", _cauchy)
lognorm = Distribution("lognorm", _lognorm)
weibull_min = Distribution("weibull_min", _weibull_min)
gamma = Distribution("gamma", _gamma)
chi2 = Distribution("chi2", _chi2)
poisson = Distribution("poisson", _poisson, discrete=True)
__all__ += ["norm", "uniform", "expon", "logistic", "cauchy", "lognorm", "weibull_min",
            "gamma", "chi2", "poisson", "Distribution"]
