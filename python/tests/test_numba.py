"""vdist.scalar from numba's nopython mode: @njit and @vectorize(target='parallel')."""
import numpy as np
import pytest

import vdist
from vdist import scalar

numba = pytest.importorskip("numba")


def test_njit_calls_the_c_functions():
    @numba.njit
    def log_tail_sum(xs):
        total = 0.0
        for x in xs:
            total += scalar.pnorm(x, 0.0, 1.0, 0, 1)  # log P(X > x)
        return total

    xs = np.linspace(-5, 40, 101)
    want = sum(scalar.pnorm(x, 0.0, 1.0, 0, 1) for x in xs)
    assert log_tail_sum(xs) == want
    assert log_tail_sum(xs) < -800  # the far tail's log, which 1 - pnorm would lose


def test_parallel_vectorize():
    @numba.vectorize(["float64(float64, float64)"], target="parallel")
    def pgamma_upper(x, shape):
        return scalar.pgamma(x, shape, 2.0, 0, 0)

    x = np.linspace(0, 30, 20001)
    shape = np.linspace(0.5, 9, 20001)
    want = np.array([scalar.pgamma(a, b, 2.0, 0, 0) for a, b in zip(x, shape)])
    np.testing.assert_array_equal(pgamma_upper(x, shape), want)
    # and the ufunc with varying parameters runs the same scalar reference
    np.testing.assert_array_equal(vdist.pgamma(x, shape, 2.0, lower_tail=False), want)
