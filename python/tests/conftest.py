"""The package under test is the build tree's (PYTHONPATH=build/python, as meson test sets it)."""
import numpy as np
import pytest


@pytest.fixture
def rng():
    return np.random.default_rng(20261204)
