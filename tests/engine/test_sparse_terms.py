"""Terms computed at the counted classes alone (one-hot targets over many classes) are, bit for
bit, the terms of a pass over every class: in weighted_terms, kl_terms_from_log, the entropy and
KL sums and a whole analysis. So are the other shortcuts of the engine's hot path: a sum over an
axis of two (sigmoid pairs) and ln σ(z), ln σ(-z) made together."""

from unittest import mock

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine import analyze, log_sigmoid
from engine.activations import log_sigmoid_pair
from engine.information import entropy_and_kl, entropy_terms, kl_terms_from_log, safe_log
from engine.losses import SPARSE_SHARE, class_sum, few_positions, weighted_terms
from strategies import scenarios
from test_incremental_analysis import assert_identical

SPECIAL = st.sampled_from([0.0, -0.0, 1.0, 2.5, 1e300, np.inf, -np.inf, np.nan, 5e-324])
LOG_P = st.floats(max_value=0.0) | SPECIAL


def every_class(function, *arrays):
    """``function`` with the sparse path turned off: its pass over every element."""
    with mock.patch("engine.losses.few_positions", return_value=None), \
            mock.patch("engine.information.few_positions", return_value=None):
        return function(*arrays)


@st.composite
def one_hot_ish(draw, n_rows=3, n_classes=40, per_row=2):
    """(N, C) coefficients with a few nonzero (any float; at most ``per_row`` in a row, the
    others 0.0 or -0.0) and log-probabilities."""
    shape = (n_rows, n_classes)
    coefficients = np.zeros(shape)
    for n in range(n_rows):
        if draw(st.booleans()):
            coefficients[n] = -0.0
        for c in draw(st.lists(st.integers(0, n_classes - 1), max_size=per_row)):
            coefficients[n, c] = draw(SPECIAL | st.floats(0.0, 1.0))
    return coefficients, draw(hnp.arrays(np.float64, shape, elements=LOG_P))


def test_few_positions_only_when_few():
    mask = np.zeros((4, 80), dtype=bool)
    mask[np.arange(4), [3, 10, 0, 79]] = True
    assert few_positions(mask).tolist() == [3, 90, 160, 319]
    mask[0, : 80 // SPARSE_SHARE * 4] = True
    assert few_positions(mask) is None
    assert few_positions(np.array(True)) is None


@given(one_hot_ish())
def test_weighted_terms_at_the_counted_classes_are_those_of_every_class(arrays):
    coefficients, log_p = arrays
    with np.errstate(invalid="ignore"):
        got = weighted_terms(log_p, coefficients)
        expected = every_class(weighted_terms, log_p, coefficients)
    assert got.tobytes() == expected.tobytes()


@given(one_hot_ish())
def test_kl_terms_at_the_counted_classes_are_those_of_every_class(arrays):
    q, log_p = np.abs(arrays[0]), arrays[1]
    with np.errstate(invalid="ignore"):
        got = kl_terms_from_log(q, safe_log(q), log_p)
        expected = every_class(kl_terms_from_log, q, safe_log(q), log_p)
    assert got.tobytes() == expected.tobytes()


@settings(max_examples=150)
@given(scenarios(max_rows=3, max_classes=30))
def test_an_analysis_at_the_counted_classes_is_that_of_every_class(scenario):
    assert_identical(analyze(scenario), every_class(analyze, scenario))


@given(one_hot_ish(per_row=1) | one_hot_ish(), st.sampled_from([(3, 40), (3, 2, 20), (6, 20)]))
def test_entropy_and_kl_are_the_sums_of_their_terms_over_every_class(arrays, shape):
    q, log_p = (array.reshape(shape) for array in arrays)
    with np.errstate(invalid="ignore"):
        got = entropy_and_kl(q, log_p)
        expected = every_class(lambda: (class_sum(entropy_terms(q)),
                                        class_sum(kl_terms_from_log(q, safe_log(q), log_p))))
    assert [sums.tobytes() for sums in got] == [sums.tobytes() for sums in expected]


def test_entropy_and_kl_of_one_hot_targets_take_only_the_target_classes():
    """One term per row (the sums are those terms): no (N, C) array of terms is made."""
    q = np.zeros((64, 1000))
    q[np.arange(63), np.arange(63) * 7] = 1.0  # the last row is ignored: all zero
    log_p = np.full(q.shape, -np.log(1000.0))
    shapes = []

    def recorded(values):
        shapes.append(np.shape(values))
        return entropy_terms(values)

    with mock.patch("engine.information.entropy_terms", recorded):
        entropy, kl = entropy_and_kl(q, log_p)
    assert shapes == [(63,)]
    assert entropy.tobytes() == np.zeros(64).tobytes()  # +0.0 for one-hot rows, as summed
    np.testing.assert_array_equal(kl, [np.log(1000.0)] * 63 + [0.0])


def test_a_sum_over_an_axis_of_two_is_numpys_for_every_pair_of_special_values():
    values = np.array([0.0, -0.0, 1.0, -1.0, 0.1, -0.7, 5e-324, -5e-324, 1e308, -1e308,
                       np.finfo(np.float64).max, np.inf, -np.inf, np.nan])
    pairs = np.stack(np.meshgrid(values, values), axis=-1)  # (14, 14, 2): every (a, b)
    with np.errstate(over="ignore", invalid="ignore"):
        expected = np.sum(pairs, axis=-1)
        got = class_sum(pairs)
    assert got.tobytes() == expected.tobytes()


@given(hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats() | SPECIAL))
def test_log_sigmoid_pair_is_log_sigmoid_of_x_and_of_minus_x(x):
    assert [half.tobytes() for half in log_sigmoid_pair(x)] == [
        log_sigmoid(x).tobytes(), log_sigmoid(-x).tobytes()]
