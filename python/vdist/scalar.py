"""vdist's scalar C functions, vd_F with Rmath's arguments, as ctypes functions.

numba compiles calls to ctypes functions into direct C calls, so these work inside
@numba.njit and @numba.vectorize code (nopython mode)::

    from vdist import scalar
    @numba.njit
    def tail(x):
        return scalar.pnorm(x, 0.0, 1.0, 0, 1)   # log P(X > x): lower_tail=0, log_p=1

Arguments are all positional, as in C: x, the parameters in Rmath's order, then give_log
(densities) or lower_tail, log_p (0 or 1). Plain Python can call them too, one value at a
time; for arrays the ufuncs (vdist.pnorm ...) are far faster.
"""
import ctypes

from . import _vdist

# The extension links the C library in and exports its vd_* symbols.
_lib = ctypes.CDLL(_vdist.__file__)


def _bind(name, kind, n_params):
    fn = getattr(_lib, "vd_" + name)
    fn.restype = ctypes.c_double
    n_flags = 1 if kind == "d" else 2
    fn.argtypes = [ctypes.c_double] * (1 + n_params) + [ctypes.c_int] * n_flags
    return fn


for _name, _family, _kind, _params, _defaults in _vdist.functions:
    globals()[_name] = _bind(_name, _kind, len(_params))

__all__ = [f[0] for f in _vdist.functions]
