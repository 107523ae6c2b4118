"""vdist's scipy-style distributions against scipy.stats on random inputs and parameters."""
import numpy as np
import pytest
import scipy.stats

import vdist

# name -> the number of shape parameters (before loc and scale)
CONTINUOUS = {"norm": 0, "uniform": 0, "expon": 0, "logistic": 0, "cauchy": 0, "lognorm": 1,
              "weibull_min": 1, "gamma": 1, "chi2": 1}
METHODS = ["pdf", "logpdf", "cdf", "logcdf", "sf", "logsf", "ppf", "isf"]
N = 2000


def random_case(rng, name, n_shapes):
    """Shapes, loc and scale varying per element, x inside the support with probabilities in
    [0.001, 0.999] (where the problem is well conditioned), and probabilities q for ppf/isf."""
    args = [rng.uniform(0.5, 5, N) for _ in range(n_shapes)]
    args += [rng.uniform(-2, 2, N), rng.uniform(0.5, 3, N)]
    x = getattr(scipy.stats, name).ppf(rng.uniform(0.001, 0.999, N), *args)
    return args, x, rng.uniform(0, 1, N)


def check(got, want, rtol, scale_of_terms=0.0, atol=0.0):
    """|got - want| <= rtol (|want| + scale_of_terms) + atol, nan where want is nan."""
    assert got.shape == want.shape
    np.testing.assert_array_equal(np.isnan(got), np.isnan(want))
    ok = ~np.isnan(want)
    with np.errstate(invalid="ignore"):  # inf - inf: equal, and err 0
        err = np.where(got[ok] == want[ok], 0.0, np.abs(got[ok] - want[ok]))
    bound = rtol * (np.abs(want[ok]) + np.broadcast_to(scale_of_terms, want.shape)[ok]) + atol
    bad = np.flatnonzero(~(err <= bound))
    assert bad.size == 0, (got[ok][bad[:3]], want[ok][bad[:3]])


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("name", CONTINUOUS)
def test_continuous_against_scipy(rng, name, method):
    args, x, q = random_case(rng, name, CONTINUOUS[name])
    arg = q if method in ("ppf", "isf") else x
    got = getattr(getattr(vdist, name), method)(arg, *args)
    want = getattr(getattr(scipy.stats, name), method)(arg, *args)
    rtol, scale_of_terms, atol = 1e-12, 0.0, 0.0
    if method in ("ppf", "isf"):
        # a quantile is loc + (a quantity of the size of the result): near 0 both sums cancel,
        # and the error is relative to |loc|
        scale_of_terms = np.abs(args[-2])
        if name == "cauchy":
            # scipy's tan(pi (q - 1/2)) loses digits as q nears 0 or 1 (its relative error
            # grows like eps / min(q, 1 - q): 2e-12 at q = 3e-5); vdist's reciprocal form
            # does not
            rtol = 1e-10
    if method == "logpdf":
        # a log density near 0 is a cancellation of terms of order 1, in both
        atol = 1e-14
    check(got, want, rtol, scale_of_terms, atol)


@pytest.mark.parametrize("method", ["pmf", "logpmf", "cdf", "logcdf", "sf", "logsf", "ppf",
                                    "isf"])
def test_poisson_against_scipy(rng, method):
    mu = rng.uniform(0.1, 50, N)
    loc = rng.integers(-3, 3, N)
    k = np.floor(scipy.stats.poisson.ppf(rng.uniform(0.001, 0.999, N), mu)) + loc
    k[::7] += 0.5  # not an integer: pmf 0, cdf of the floor
    arg = rng.uniform(0, 1, N) if method in ("ppf", "isf") else k
    arg[0] = np.nan
    got = getattr(vdist.poisson, method)(arg, mu, loc)
    want = getattr(scipy.stats.poisson, method)(arg, mu, loc)
    # quantiles are integers: exactly equal; the rest within 1e-12 (log pmf near 0 absolutely)
    if method in ("ppf", "isf"):
        np.testing.assert_array_equal(got, want)
        # the ends, one call each: scipy 1.10 puts loc[0] - 1 into every element of an
        # array at q = 0 (isf: 1), whatever its own loc
        for q in (0.0, 1.0, 0.5):
            for m, l in ((0.0, 0), (3.0, -3), (17.5, 2)):
                assert getattr(vdist.poisson, method)(q, m, l) == \
                    getattr(scipy.stats.poisson, method)(q, m, l), (q, m, l)
    else:
        check(got, want, 1e-12, atol=1e-14 if method == "logpmf" else 0.0)


@pytest.mark.parametrize("name", CONTINUOUS)
def test_invalid_parameters_give_nan_as_scipy(name):
    """A scale <= 0 or a shape <= 0 gives nan, as scipy (Rmath would take some of them)."""
    dist, ref = getattr(vdist, name), getattr(scipy.stats, name)
    shapes = [2.0] * CONTINUOUS[name]
    invalid = [[*shapes, 0.0, -1.0], [*shapes, 0.0, 0.0]]  # scale < 0, scale == 0
    if shapes:
        invalid.append([-1.0] * len(shapes) + [0.0, 1.0])  # shape < 0
    for method in METHODS:
        for bad in invalid:
            with np.errstate(all="ignore"):
                want = getattr(ref, method)(0.5, *bad)
            got = getattr(dist, method)(0.5, *bad)
            assert np.isnan(got) and np.isnan(want), (method, bad)
        # an array of scales: nan exactly where scipy has nan
        scales = np.array([1.0, -1.0, 2.0, 0.0])
        with np.errstate(all="ignore"):
            want = getattr(ref, method)(0.5, *shapes, 0.0, scales)
        check(getattr(dist, method)(0.5, *shapes, 0.0, scales), want, 1e-12)


def test_keywords_frozen_and_lists():
    x = np.linspace(-1, 6, 29)
    np.testing.assert_array_equal(vdist.gamma.cdf(x, a=2.5, loc=0.5, scale=2),
                                  vdist.gamma.cdf(x, 2.5, 0.5, 2))
    np.testing.assert_array_equal(vdist.gamma(2.5, scale=2).cdf(x), vdist.gamma.cdf(x, 2.5, 0, 2))
    np.testing.assert_array_equal(vdist.poisson(3).pmf([0, 1, 2]), vdist.poisson.pmf([0, 1, 2], 3))
    assert vdist.norm(1, 2).name == "norm"
    # parameters as lists broadcast like arrays
    check(vdist.uniform.cdf(0.5, [0, -1], [1, 4]), scipy.stats.uniform.cdf(0.5, [0, -1], [1, 4]),
          1e-15)
    check(vdist.chi2.sf(3.0, [1, 2, 7]), scipy.stats.chi2.sf(3.0, [1, 2, 7]), 1e-12)
    with pytest.raises(TypeError):
        vdist.gamma.pdf(x)  # a is required
    with pytest.raises(TypeError):
        vdist.norm.pdf(x, shape=2)  # no such parameter
