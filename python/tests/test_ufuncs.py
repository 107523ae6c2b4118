"""The ufuncs and Rmath-named functions: agreement with the C library, broadcasting, strides,
out= and where=, dtypes, and bad arguments."""
import math

import numpy as np
import pytest

import vdist
from vdist import scalar

FUNCTIONS = vdist._vdist.functions  # (name, family, kind, param_names, param_defaults)
FLAGS = {"d": [(True, False), (True, True)],
         "p": [(lt, lg) for lt in (True, False) for lg in (False, True)]}
FLAGS["q"] = FLAGS["p"]


def random_arguments(rng, kind, n_params, n):
    """x (a probability for quantiles; integers among them for the Poisson) and parameters in
    [0.5, 3.5] (valid for every family: the uniform's min < max)."""
    x = rng.uniform(0, 1, n) if kind == "q" else rng.uniform(-1, 6, n)
    if kind != "q":
        x[::3] = np.round(x[::3])
    params = [rng.uniform(0.5, 3.5, n) + 3 * i for i in range(n_params)]
    return x, params


@pytest.fixture
def scalar_isa():
    """Run the ufuncs on the scalar reference, as vdist.scalar does; back to auto after."""
    vdist.set_isa("scalar")
    yield
    vdist.set_isa("auto")


@pytest.mark.parametrize("name,family,kind,param_names,defaults", FUNCTIONS,
                         ids=[f[0] for f in FUNCTIONS])
def test_ufuncs_agree_with_the_c_library(rng, scalar_isa, name, family, kind, param_names,
                                          defaults):
    """Every ufunc and flag set, parameters varying and broadcast, bit for bit vd_F."""
    x, params = random_arguments(rng, kind, len(param_names), 300)
    c_function = getattr(scalar, name)
    for lower_tail, log in FLAGS[kind]:
        flags = (log,) if kind == "d" else (lower_tail, log)
        u = vdist.ufunc(name, lower_tail, log)
        for args in (params, [p[0] for p in params]):  # per element, then broadcast
            got = u(x, *args)
            want = [c_function(x[i], *[np.broadcast_to(p, x.shape)[i] for p in args], *flags)
                    for i in range(x.size)]
            np.testing.assert_array_equal(got, want)


def test_rmath_names_and_defaults():
    x = np.linspace(-3, 3, 13)
    np.testing.assert_array_equal(vdist.pnorm(x), vdist.ufuncs["pnorm"](x, 0.0, 1.0))
    np.testing.assert_array_equal(vdist.pnorm(x, 1, 2, lower_tail=False, log_p=True),
                                  vdist.ufuncs["pnorm_upper_log"](x, 1, 2))
    np.testing.assert_array_equal(vdist.dgamma(x, 2.5, log=True),
                                  vdist.ufuncs["dgamma_log"](x, 2.5, 1.0))
    np.testing.assert_array_equal(vdist.qpois(0.3, lambda_=4), vdist.qpois(0.3, 4))
    np.testing.assert_array_equal(vdist.punif(x, max=5), vdist.punif(x, 0, 5))
    assert vdist.pnorm(0.0) == 0.5 and isinstance(vdist.pnorm(0.0), float)
    assert vdist.qnorm(0.975, mean=1, sd=2) == pytest.approx(1 + 2 * 1.959963984540054, rel=1e-15)


def test_broadcasting_over_every_argument(rng):
    x = rng.uniform(-2, 2, (3, 1, 4))
    mean = rng.uniform(-1, 1, (5, 1))
    sd = rng.uniform(0.5, 2, (4,))
    got = vdist.pnorm(x, mean, sd, lower_tail=False)
    assert got.shape == (3, 5, 4)
    for i, j, k in np.ndindex(got.shape):
        assert got[i, j, k] == scalar.pnorm(x[i, 0, k], mean[j, 0], sd[k], 0, 0)


def test_strides_of_any_sign_and_order(rng):
    base = rng.uniform(-3, 3, (40, 30))
    for view in (base[::-2, 1::3], base.T, base[:, ::-1], base[::3]):
        np.testing.assert_array_equal(vdist.dlogis(view, 0.5, 2), vdist.dlogis(view.copy(), 0.5, 2))


def test_unaligned_and_byte_swapped_input():
    # a packed record's float field (offset 1) and a big-endian array: numpy buffers them
    rec = np.zeros(50, dtype=[("pad", "u1"), ("x", "<f8")])
    rec["x"] = np.linspace(-2, 2, 50)
    want = vdist.pcauchy(rec["x"].copy(), 1.0, 3.0)
    np.testing.assert_array_equal(vdist.pcauchy(rec["x"], 1.0, 3.0), want)
    np.testing.assert_array_equal(vdist.pcauchy(rec["x"].astype(">f8"), 1.0, 3.0), want)


def test_out_in_place_and_where(rng):
    x = rng.uniform(0, 5, 1000)
    want = vdist.pexp(x, 2.0)
    y = x.copy()
    assert vdist.pexp(y, 2.0, out=y) is y
    np.testing.assert_array_equal(y, want)
    out = np.full(1000, -7.0)
    mask = x > 2.5
    vdist.pexp(x, 2.0, out=out, where=mask)
    np.testing.assert_array_equal(out[mask], want[mask])
    assert np.all(out[~mask] == -7.0)
    # in place on a strided view
    z = x.copy()
    vdist.pexp(z[::2], 2.0, out=z[::2])
    np.testing.assert_array_equal(z[::2], want[::2])
    np.testing.assert_array_equal(z[1::2], x[1::2])


def test_float32_and_integers_are_upcast():
    x32 = np.linspace(-2, 2, 33, dtype=np.float32)
    got = vdist.dnorm(x32, np.float32(0.5))
    assert got.dtype == np.float64
    np.testing.assert_array_equal(got, vdist.dnorm(x32.astype(np.float64), 0.5))
    k = np.arange(10)
    np.testing.assert_array_equal(vdist.dpois(k, 3), vdist.dpois(k.astype(float), 3.0))


def test_bad_arguments_raise_type_error():
    with pytest.raises(TypeError):
        vdist.pnorm("a")
    with pytest.raises(TypeError):
        vdist.pnorm(np.array(["1.0", "2.0"]))
    with pytest.raises(TypeError):
        vdist.pnorm(np.array([1 + 2j]))  # complex does not cast to float64
    with pytest.raises(TypeError):
        vdist.pgamma(1.0)  # shape is required
    with pytest.raises(TypeError):
        vdist.pnorm(1.0, sigma=2)  # R's name is sd
    with pytest.raises(TypeError):
        vdist.pnorm(1.0, out=np.empty(1, dtype=np.int64))  # float64 does not cast to int64
    with pytest.raises(ValueError):
        vdist.pnorm(np.ones(3), np.ones(4))  # shapes do not broadcast


def test_invalid_values_give_nan_without_warnings():
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isnan(vdist.pnorm(1.0, 0, -1))
        assert math.isnan(vdist.qgamma(0.5, -1.0))
        assert math.isnan(vdist.qnorm(1.5))
        assert math.isnan(vdist.dnorm(np.nan))


def test_isa_selection():
    assert vdist.get_isa() in ("scalar", "avx2", "avx512", "neon")
    with pytest.raises(ValueError):
        vdist.set_isa("pentium")
    vdist.set_isa("scalar")
    assert vdist.get_isa() == "scalar"
    vdist.set_isa("auto")
