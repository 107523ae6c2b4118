"""The headline table: scipy.stats vs numba + cffi + libRmath vs vdist, µs per call.

Each row evaluates one function over an array of x in (0, 3) with the distribution's default
parameters (gamma: shape 2.5), the way a user would call it:
  scipy.stats   scipy.stats.norm.pdf(x)
  numba+Rmath   a @numba.vectorize ufunc (target 'cpu') whose body calls libRmath's C function
                (dnorm4, pnorm5, dunif, punif, dgamma, pgamma) through cffi's ABI mode
  vdist         vdist.norm.pdf(x): the same call as scipy's, on vdist's ufuncs
Times are the best of many repeats (timeit), at 100x100 and at 1e6 elements; the ratios are
vdist's speed-up. Usage (from the repository, after building build/):
  PYTHONPATH=build/python /usr/bin/python3 bench/python/headline.py [--quick]
"""
import platform
import sys
import timeit

import cffi
import numba
import numpy as np
import scipy
import scipy.stats

import vdist

RMATH = "/usr/lib/libRmath.so"
ffi = cffi.FFI()
ffi.cdef("""
double dnorm4(double x, double mu, double sigma, int give_log);
double pnorm5(double q, double mu, double sigma, int lower_tail, int log_p);
double dunif(double x, double a, double b, int give_log);
double punif(double q, double a, double b, int lower_tail, int log_p);
double dgamma(double x, double shape, double scale, int give_log);
double pgamma(double q, double shape, double scale, int lower_tail, int log_p);
""")
rmath = ffi.dlopen(RMATH)
dnorm4, pnorm5, dunif, punif = rmath.dnorm4, rmath.pnorm5, rmath.dunif, rmath.punif
dgamma, pgamma = rmath.dgamma, rmath.pgamma
SIGNATURE = ["float64(float64)"]


@numba.vectorize(SIGNATURE)
def rmath_norm_pdf(x):
    return dnorm4(x, 0.0, 1.0, 0)


@numba.vectorize(SIGNATURE)
def rmath_norm_cdf(x):
    return pnorm5(x, 0.0, 1.0, 1, 0)


@numba.vectorize(SIGNATURE)
def rmath_unif_pdf(x):
    return dunif(x, 0.0, 1.0, 0)


@numba.vectorize(SIGNATURE)
def rmath_unif_cdf(x):
    return punif(x, 0.0, 1.0, 1, 0)


@numba.vectorize(SIGNATURE)
def rmath_gamma_pdf(x):
    return dgamma(x, 2.5, 1.0, 0)


@numba.vectorize(SIGNATURE)
def rmath_gamma_cdf(x):
    return pgamma(x, 2.5, 1.0, 1, 0)


# row name -> (scipy, numba + libRmath, vdist), each a function of x
ROWS = {
    "norm pdf": (scipy.stats.norm.pdf, rmath_norm_pdf, vdist.norm.pdf),
    "norm cdf": (scipy.stats.norm.cdf, rmath_norm_cdf, vdist.norm.cdf),
    "unif pdf": (scipy.stats.uniform.pdf, rmath_unif_pdf, vdist.uniform.pdf),
    "unif cdf": (scipy.stats.uniform.cdf, rmath_unif_cdf, vdist.uniform.cdf),
    "gamma pdf": (lambda x: scipy.stats.gamma.pdf(x, 2.5), rmath_gamma_pdf,
                  lambda x: vdist.gamma.pdf(x, 2.5)),
    "gamma cdf": (lambda x: scipy.stats.gamma.cdf(x, 2.5), rmath_gamma_cdf,
                  lambda x: vdist.gamma.cdf(x, 2.5)),
}


def best_us(fn, x, budget):
    """Best time of one call in µs: repeats of `number` calls, `number` sized so that one
    repeat takes about budget/10 seconds."""
    t = timeit.timeit(lambda: fn(x), number=1)
    number = max(1, int(budget / 10 / max(t, 1e-7)))
    return min(timeit.repeat(lambda: fn(x), number=number, repeat=10)) / number * 1e6


def main():
    quick = "--quick" in sys.argv
    rng = np.random.default_rng(1)
    sizes = [("100x100", rng.uniform(0, 3, (100, 100))), ("1e6", rng.uniform(0, 3, 10**6))]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), platform.processor())
    print(f"CPU: {cpu}; vdist ISA {vdist.get_isa()}; numpy {np.__version__}, scipy "
          f"{scipy.__version__}, numba {numba.__version__}, Python {platform.python_version()}")
    print("µs per call, best of many; x in (0, 3), default parameters (gamma: shape 2.5)\n")
    print("| function | n | scipy.stats | numba+cffi+libRmath | vdist | vs scipy | vs numba+Rmath |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for size, x in sizes:
        for row, fns in ROWS.items():
            # the three agree (to 1e-13; x is away from every tail), and numba is compiled
            results = [fn(x) for fn in fns]
            for r in results[:2]:
                np.testing.assert_allclose(results[2], r, rtol=1e-13, atol=1e-300)
            budget = 0.1 if quick else 0.5
            scipy_t, numba_t, vdist_t = (best_us(fn, x, budget) for fn in fns)
            print(f"| {row} | {size} | {scipy_t:.1f} | {numba_t:.1f} | {vdist_t:.1f} | "
                  f"{scipy_t / vdist_t:.1f}x | {numba_t / vdist_t:.1f}x |", flush=True)


if __name__ == "__main__":
    # libRmath raises floating-point flags (dgamma at x = 0) that numba's ufuncs would report
    with np.errstate(all="ignore"):
        main()
