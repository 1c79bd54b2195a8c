"""The engine agrees with PyTorch on vectors recorded by tools/record_torch_vectors.py.

torch is not needed here: the reference values live in data/torch_vectors.json.
"""

import json
from pathlib import Path

import numpy as np
import pytest

from engine import (
    binary_cross_entropy_with_logits,
    cross_entropy,
    log_sigmoid,
    log_softmax,
    sigmoid,
    softmax,
)
from engine.losses import bce_with_logits_grad, cross_entropy_grad

DATA = Path(__file__).parent / "data" / "torch_vectors.json"
NON_FINITE = {"inf": np.inf, "-inf": -np.inf, "nan": np.nan}


def decode(value):
    """JSON value -> numbers, with "inf"/"-inf"/"nan" strings restored."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, str):
        return NON_FINITE.get(value, value)
    return value


def as_arrays(mapping):
    return {key: np.asarray(decode(v)) if isinstance(v, list) else v for key, v in mapping.items()}


def load_cases(group):
    """pytest params (inputs, kwargs, expected) for one group, ids = case names."""
    cases = json.loads(DATA.read_text())["cases"][group]
    return [
        pytest.param(as_arrays(c["inputs"]), as_arrays(c["kwargs"]), decode(c["expected"]),
                     id=c["name"])
        for c in cases
    ]


def assert_matches(actual, expected, atol=1e-300):
    # atol=1e-300 only matters where torch gives 0 (or a subnormal): for every
    # expected value above ~1e-288 the check is effectively rtol=1e-12, atol=0.
    np.testing.assert_allclose(actual, np.asarray(expected, dtype=float), rtol=1e-12, atol=atol)


def assert_gradient_matches(actual, expected):
    # Gradients are of order 1 and some elements are differences of ~0.1-sized terms that
    # cancel (p * sum(w q) - w q). Torch's own rounding there is ~1e-16 absolute (its BCE
    # backward gives -1.1e-16 where the exact gradient is 0), so compare with an absolute
    # tolerance of a few ulps of 1 on top of rtol.
    assert_matches(actual, expected, atol=1e-15)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("cross_entropy_index"))
def test_cross_entropy_with_class_indices_matches_torch(inputs, kwargs, expected):
    assert_matches(cross_entropy(inputs["logits"], inputs["target"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("cross_entropy_probs"))
def test_cross_entropy_with_probability_targets_matches_torch(inputs, kwargs, expected):
    assert_matches(cross_entropy(inputs["logits"], inputs["target"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("bce_with_logits"))
def test_binary_cross_entropy_with_logits_matches_torch(inputs, kwargs, expected):
    loss = binary_cross_entropy_with_logits(inputs["logits"], inputs["target"], **kwargs)
    assert_matches(loss, expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("softmax"))
def test_softmax_with_temperature_matches_torch(inputs, kwargs, expected):
    assert_matches(softmax(inputs["logits"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("log_softmax"))
def test_log_softmax_with_temperature_matches_torch(inputs, kwargs, expected):
    assert_matches(log_softmax(inputs["logits"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("sigmoid"))
def test_sigmoid_matches_torch(inputs, kwargs, expected):
    assert_matches(sigmoid(inputs["x"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("log_sigmoid"))
def test_log_sigmoid_matches_torch(inputs, kwargs, expected):
    assert_matches(log_sigmoid(inputs["x"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("cross_entropy_grad"))
def test_cross_entropy_gradient_matches_torch_autograd(inputs, kwargs, expected):
    assert_gradient_matches(cross_entropy_grad(inputs["logits"], inputs["target"], **kwargs), expected)


@pytest.mark.parametrize("inputs, kwargs, expected", load_cases("bce_with_logits_grad"))
def test_bce_with_logits_gradient_matches_torch_autograd(inputs, kwargs, expected):
    actual = bce_with_logits_grad(inputs["logits"], inputs["target"], **kwargs)
    assert_gradient_matches(actual, expected)
