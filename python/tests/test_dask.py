"""vdist's ufuncs on dask arrays: lazy, blockwise, never the whole array in memory."""
import numpy as np
import pytest

import vdist

da = pytest.importorskip("dask.array")


def test_blockwise_and_equal_to_numpy():
    x = np.linspace(-4, 4, 10_000).reshape(100, 100)
    d = da.from_array(x, chunks=(30, 40))
    lazy = vdist.pnorm(d, 0.5, 2, lower_tail=False)
    assert isinstance(lazy, da.Array) and lazy.chunks == d.chunks
    np.testing.assert_array_equal(lazy.compute(), vdist.pnorm(x, 0.5, 2, lower_tail=False))
    # scipy-style too, with a dask array of parameters
    scale = da.from_array(np.linspace(0.5, 3, 100), chunks=50)
    np.testing.assert_array_equal(vdist.gamma.cdf(d, 2.5, 0, scale).compute(),
                                  vdist.gamma.cdf(x, 2.5, 0, np.linspace(0.5, 3, 100)))


def test_an_array_too_large_for_memory_stays_lazy():
    # 1e11 float64 would be 800 GB: only the blocks asked for are ever computed
    d = da.random.RandomState(1).uniform(0, 1, size=(10**7, 10**4), chunks=(100, 10**4))
    q = vdist.qnorm(d, 10, 3)
    assert q.shape == d.shape and q.numblocks == d.numblocks
    corner = q[:3, :5].compute()
    np.testing.assert_array_equal(corner, vdist.qnorm(d[:3, :5].compute(), 10, 3))
    last = q[-1].compute()
    assert last.shape == (10**4,) and np.all(np.abs(last - 10) < 3 * 9)
