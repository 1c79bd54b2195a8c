"""The engine agrees with SciPy and scikit-learn, computed live on many shapes and values."""

import warnings

import numpy as np
import pytest
import scipy.special
import scipy.stats
import sklearn.metrics
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import engine
from engine import conventions
from engine.information import kl_terms
from strategies import (
    LARGEST, array_pairs, class_labels, distributions, float_arrays, label_indices,
    non_negative_weights, one_hot, reals, unit_floats, weight_array_pairs, weight_arrays,
)

# SciPy's ufuncs (entr, rel_entr) call the C library's log; numpy may use its own SIMD log on
# some CPUs. The values are bit-equal here, but allow 1e-14 rather than depend on the CPU, and an
# absolute 1e-307 where a product underflows to a subnormal (which has no relative precision).
RTOL = 1e-14
# Logits this large still have differences (x - max x) that fit in a float64, as SciPy needs.
HALF_RANGE = LARGEST / 2
# expit(x) is 1/(1 + e^-x), which is exactly 0 below x = -744.5; the engine keeps the subnormal
# e^x there.
SUBNORMAL_ATOL = 1e-307


# --- entropy and divergence vs scipy.stats.entropy ------------------------------------------


@pytest.mark.parametrize("base", [None, 2])
@given(p=weight_arrays())
def test_entropy_equals_scipy_along_the_last_axis(p, base):
    expected = scipy.stats.entropy(p, base=base, axis=-1)
    np.testing.assert_allclose(engine.entropy(p, base=base), expected, rtol=RTOL, atol=0)


@pytest.mark.parametrize("function", [engine.entropy, engine.kl_divergence])
@pytest.mark.parametrize("base", [None, 2])
@given(pair=weight_array_pairs())
def test_relative_entropy_equals_scipy_including_infinite_values(pair, function, base):
    p, q = pair
    expected = scipy.stats.entropy(p, q, base=base, axis=-1)
    np.testing.assert_allclose(function(p, q, base=base), expected, rtol=RTOL, atol=0)


@pytest.mark.parametrize("base", [None, 2])
def test_kl_divergence_is_inf_not_nan_where_q_is_zero_and_p_is_not(base):
    p, q = [0.5, 0.5, 0.0], [1.0, 0.0, 0.0]
    assert engine.kl_divergence(p, q, base=base) == np.inf
    assert scipy.stats.entropy(p, q, base=base) == np.inf


def test_kl_divergence_counts_zero_p_terms_as_zero_even_where_q_is_zero():
    p, q = [0.5, 0.5, 0.0], [0.25, 0.5, 0.0]  # q normalises to (1/3, 2/3, 0)
    expected = 0.5 * np.log(1.5) + 0.5 * np.log(0.75)
    assert engine.kl_divergence(p, q) == pytest.approx(expected, rel=RTOL, abs=0)
    assert scipy.stats.entropy(p, q) == pytest.approx(expected, rel=RTOL, abs=0)


@given(pair=array_pairs(non_negative_weights(LARGEST) | reals()))
def test_kl_terms_equal_scipy_rel_entr_elementwise_on_raw_values(pair):
    p, q = pair
    np.testing.assert_allclose(kl_terms(p, q), scipy.special.rel_entr(p, q), rtol=RTOL,
                               atol=SUBNORMAL_ATOL)


@pytest.mark.parametrize("q", [None, [0.5, 0.5, 0.0]], ids=["entropy", "divergence"])
def test_all_zero_row_gives_nan_like_scipy(q):
    p = [0.0, 0.0, 0.0]
    assert np.isnan(scipy.stats.entropy(p, q))
    assert np.isnan(engine.entropy(p, q))


# --- softmax and sigmoid vs scipy.special -----------------------------------------------------


@pytest.mark.parametrize("function, reference", [
    (engine.softmax, scipy.special.softmax),
    (engine.log_softmax, scipy.special.log_softmax),
], ids=["softmax", "log_softmax"])
@given(z=float_arrays(reals(HALF_RANGE)))
def test_softmax_and_log_softmax_equal_scipy_bit_for_bit_along_the_last_axis(z, function,
                                                                             reference):
    # Both subtract the maximum and use numpy's exp, sum and log: equal to the last bit.
    np.testing.assert_array_equal(function(z), reference(z, axis=-1))


@given(z=float_arrays(reals(HALF_RANGE)), axis=st.integers(0, 2))
def test_softmax_takes_the_class_axis_like_scipy(z, axis):
    axis = axis % z.ndim
    np.testing.assert_array_equal(engine.softmax(z, axis=axis), scipy.special.softmax(z, axis=axis))


@given(x=float_arrays(reals()))
def test_sigmoid_equals_scipy_expit(x):
    np.testing.assert_allclose(engine.sigmoid(x), scipy.special.expit(x), rtol=1e-13,
                               atol=SUBNORMAL_ATOL)


@given(x=float_arrays(reals()))
def test_log_sigmoid_equals_minus_logaddexp_of_zero_and_minus_x(x):
    np.testing.assert_allclose(engine.log_sigmoid(x), -np.logaddexp(0.0, -x), rtol=1e-13, atol=0)


def test_sigmoid_keeps_subnormal_values_where_expit_flushes_to_zero():
    assert engine.sigmoid(-745.0) == np.exp(-745.0) > 0
    assert scipy.special.expit(-745.0) == 0.0


# --- log_loss vs sklearn.metrics.log_loss -----------------------------------------------------


@st.composite
def averaging(draw, n_rows):
    """log_loss keyword arguments: mean or sum, with or without sample weights."""
    kwargs = {"normalize": draw(st.booleans())}
    if draw(st.booleans()):
        weights = st.floats(0.01, 10.0)
        kwargs["sample_weight"] = draw(hnp.arrays(np.float64, n_rows, elements=weights))
    return kwargs


@st.composite
def sizes(draw, n_classes=None):
    """(n_rows, n_classes) with n_rows >= n_classes, so every class can appear."""
    n_classes = n_classes or draw(st.integers(2, 5))
    return draw(st.integers(n_classes, n_classes + 3)), n_classes


@st.composite
def indicator_problems(draw):
    n_rows, n_classes = draw(sizes())
    indices = draw(label_indices(n_rows, n_classes, all_present=False))
    return (one_hot(indices, n_classes), draw(distributions(n_rows, n_classes)),
            draw(averaging(n_rows)))


@st.composite
def label_problems(draw, *, declare_labels=False):
    n_rows, n_classes = draw(sizes())
    labels = draw(class_labels(n_classes))
    indices = draw(label_indices(n_rows, n_classes, all_present=not declare_labels))
    kwargs = draw(averaging(n_rows)) | ({"labels": labels} if declare_labels else {})
    return np.array(labels)[indices], draw(distributions(n_rows, n_classes)), kwargs


@st.composite
def binary_problems(draw):
    n_rows, _ = draw(sizes(2))
    labels = draw(class_labels(2))
    y_true = np.array(labels)[draw(label_indices(n_rows, 2))]
    positive = draw(hnp.arrays(np.float64, n_rows, elements=unit_floats()))
    return y_true, positive, draw(averaging(n_rows))


@pytest.mark.parametrize("problems", [
    indicator_problems(), label_problems(), label_problems(declare_labels=True), binary_problems(),
], ids=["indicator matrix", "label vector", "declared labels", "binary 1-D"])
@given(data=st.data())
def test_log_loss_equals_sklearn_including_clipped_zero_and_one(data, problems):
    # Both clip at eps and take numpy's log: the values are equal to the last bit on x86-64, but
    # a weighted sum (np.dot, a BLAS call in the engine) may round differently on another CPU.
    y_true, y_pred, kwargs = data.draw(problems)
    expected = sklearn.metrics.log_loss(y_true, y_pred, **kwargs)
    assert engine.log_loss(y_true, y_pred, **kwargs) == pytest.approx(expected, rel=1e-15, abs=0)


def test_log_loss_clips_probabilities_at_machine_epsilon_like_sklearn():
    # the first sample is certain and right, the second certain and wrong
    y_true, y_pred = [0, 1], [[1.0, 0.0], [1.0, 0.0]]
    eps = np.finfo(np.float64).eps
    expected = -(np.log(1 - eps) + np.log(eps)) / 2
    assert sklearn.metrics.log_loss(y_true, y_pred) == pytest.approx(expected, rel=1e-14)
    assert engine.log_loss(y_true, y_pred) == pytest.approx(expected, rel=1e-14)


def test_log_loss_sorts_declared_labels_lexicographically_like_sklearn():
    y_true, labels = ["b", "a", "c"], ["c", "a", "b"]
    y_pred = [[.2, .5, .3], [.6, .3, .1], [.1, .1, .8]]
    with pytest.warns(UserWarning, match="lexicographically"):
        expected = sklearn.metrics.log_loss(y_true, y_pred, labels=labels)
    assert engine.log_loss(y_true, y_pred, labels=labels) == expected


@pytest.mark.parametrize("y_true, y_pred, kwargs", [
    (["a", "b"], [[1.5, -0.5], [0.5, 0.5]], {}),
    (["a", "a"], [[0.5, 0.5], [0.5, 0.5]], {}),
    (["a", "z"], [[0.5, 0.5], [0.5, 0.5]], {"labels": ["a", "b"]}),
    (["a", "b", "c"], [[0.5, 0.5]] * 3, {}),
], ids=["not probabilities", "one class", "label not declared", "columns differ"])
def test_log_loss_refuses_what_sklearn_refuses(y_true, y_pred, kwargs):
    with pytest.raises(ValueError):
        sklearn.metrics.log_loss(y_true, y_pred, **kwargs)
    with pytest.raises(ValueError):
        engine.log_loss(y_true, y_pred, **kwargs)


# --- the library-named functions accept what the libraries accept (issue 17) ------------------


@given(z=float_arrays(reals(HALF_RANGE), min_dims=0))
def test_softmax_over_the_whole_array_with_axis_none_equals_scipy(z):
    np.testing.assert_array_equal(engine.softmax(z, axis=None), scipy.special.softmax(z, axis=None))
    np.testing.assert_array_equal(engine.log_softmax(z, axis=None),
                                  scipy.special.log_softmax(z, axis=None))


@pytest.mark.parametrize("y_true", [
    [[0.7, 0.3], [0.2, 0.8]],
    [0.3, 0.7],
    [[2, 0], [0, 1]],
    [[1], [0]],
], ids=["soft label rows", "probabilities as labels", "counts, not 0 or 1", "one column"])
def test_log_loss_refuses_soft_labels_as_sklearn_does(y_true):
    y_pred = [[0.6, 0.4], [0.3, 0.7]]
    with pytest.raises((ValueError, TypeError)):  # scikit-learn's own is a TypeError for [[1], [0]]
        sklearn.metrics.log_loss(y_true, y_pred)
    with pytest.raises(ValueError, match="y_true"):
        engine.log_loss(y_true, y_pred)


@pytest.mark.parametrize("y_true", [[[1, 1, 0], [0, 1, 0]], [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]],
                                    [0.0, 2.0]],
                         ids=["multilabel indicator", "float indicator", "whole floats"])
def test_log_loss_takes_indicator_matrices_and_whole_float_labels_as_sklearn_does(y_true):
    y_pred = [[0.2, 0.3, 0.5], [0.3, 0.3, 0.4]]
    labels = {"labels": [0.0, 1.0, 2.0]} if np.ndim(y_true) == 1 else {}
    expected = sklearn.metrics.log_loss(y_true, y_pred, **labels)
    assert engine.log_loss(y_true, y_pred, **labels) == pytest.approx(expected, rel=1e-15)


def test_log_loss_warns_like_sklearn_when_rows_do_not_sum_to_1():
    y_true, y_pred = [0, 1], [[0.2, 0.3], [0.5, 0.5]]
    with pytest.warns(UserWarning, match="do not sum to one") as ours:
        value = engine.log_loss(y_true, y_pred)
    with pytest.warns(UserWarning, match="do not sum to one") as theirs:
        assert sklearn.metrics.log_loss(y_true, y_pred) == value
    assert str(ours[0].message) == str(theirs[0].message)


@pytest.mark.parametrize("offset, warns", [(2.4e-8, False), (2.5e-8, True)])
def test_log_loss_tells_a_row_off_1_with_sklearns_own_tolerance(offset, warns):
    y_true, y_pred = [0, 1], [[0.5 + offset, 0.5], [0.5, 0.5]]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        engine.log_loss(y_true, y_pred)
        sklearn.metrics.log_loss(y_true, y_pred)
    assert [str(w.message) for w in caught] == ["The y_prob values do not sum to one. Make sure "
                                                "to pass probabilities."] * (2 * warns)


def test_log_loss_refuses_sample_weights_that_are_all_zero_as_sklearn_does():
    y_true, y_pred, weights = [0, 1], [[0.6, 0.4], [0.3, 0.7]], [0.0, 0.0]
    with pytest.raises(ValueError, match="non-zero"):
        sklearn.metrics.log_loss(y_true, y_pred, sample_weight=weights)
    with pytest.raises(ValueError, match="non-zero"):
        engine.log_loss(y_true, y_pred, sample_weight=weights)


# --- the scikit-learn convention is live scikit-learn -----------------------------------------


@st.composite
def probability_scenarios(draw):
    """Probability tables with zeros, ones and rows that need not sum to 1, index targets."""
    n_rows, n_classes = draw(sizes())
    rows = draw(hnp.arrays(np.float64, (n_rows, n_classes), elements=unit_floats()))
    targets = draw(label_indices(n_rows, n_classes, all_present=False))
    return engine.Scenario(classes=tuple(map(str, range(n_classes))), rows=rows,
                           targets=targets, input="probabilities")


@given(scenario=probability_scenarios())
def test_the_sklearn_convention_is_log_loss_on_any_probability_table(scenario):
    result = conventions.batch_loss(scenario, "sklearn")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rows that do not sum to 1
        expected = sklearn.metrics.log_loss(scenario.targets, scenario.rows,
                                            labels=range(len(scenario.classes)))
    assert result.loss == pytest.approx(expected, rel=1e-13)
    warned = any(r["rule"] == "sum_warning" for r in result.reasons)
    assert warned == (not engine.losses.rows_sum_to_one(scenario.rows).all())


@given(z=float_arrays(reals(1000.0), min_dims=2, max_dims=2), data=st.data())
def test_the_sklearn_convention_from_logits_is_log_loss_of_scipys_softmax(z, data):
    if z.shape[1] < 2:
        z = np.concatenate([z, -z], axis=1)
    targets = data.draw(label_indices(len(z), z.shape[1], all_present=False))
    scenario = engine.Scenario(classes=tuple(map(str, range(z.shape[1]))), rows=z, targets=targets)
    expected = sklearn.metrics.log_loss(targets, scipy.special.softmax(z, axis=1),
                                        labels=range(z.shape[1]))
    assert conventions.batch_loss(scenario, "sklearn").loss == pytest.approx(expected, rel=1e-13)
