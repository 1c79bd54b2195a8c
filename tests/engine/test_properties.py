"""Properties that hold for every input: softmax is a distribution, CE = H + KL, the gradient is
the derivative of the loss, and no finite logit gives NaN or a floating-point warning.

pyproject.toml turns every warning into an error, so "no warning" is checked by every call here.
"""

import math
from functools import partial

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import engine
from engine.activations import scale_logits
from strategies import (
    LARGEST, MODERATE, float_arrays, matrices, options, reals, scenarios, unit_floats,
)

EPS = np.finfo(np.float64).eps
LARGE = 1e300  # logits this large still give finite losses (no sum passes 1.8e308)
ANALYSIS_ARRAYS = ("probabilities", "targets", "terms", "sample_loss", "entropy", "kl",
                   "cross_entropy", "gradient")
ACTIVATIONS = [engine.softmax, engine.log_softmax, engine.sigmoid, engine.log_sigmoid]
VALUE_RANGES = [(engine.softmax, 0.0, 1.0), (engine.log_softmax, -np.inf, 0.0),
                (engine.sigmoid, 0.0, 1.0), (engine.log_sigmoid, -np.inf, 0.0)]
BAD_TEMPERATURES = [0.0, -0.0, -1.0, math.inf, -math.inf, math.nan]


def unweighted(n_classes):
    return options(n_classes, weights=None, pos_weights=None)


def logit_scenarios(bound, make_options=options, **kwargs):
    return scenarios(logit_bound=bound, make_options=make_options, inputs=("logits",), **kwargs)


# --- softmax ----------------------------------------------------------------------------------


@given(z=float_arrays(reals()))
def test_softmax_sums_to_one_for_any_finite_logits(z):
    np.testing.assert_allclose(engine.softmax(z).sum(axis=-1), 1.0, rtol=0, atol=8 * EPS)


@given(z=matrices(reals(MODERATE)), shift=reals(MODERATE))
def test_softmax_is_unchanged_by_adding_a_constant_to_every_logit(z, shift):
    np.testing.assert_allclose(engine.softmax(z + shift), engine.softmax(z), rtol=1e-12, atol=0)
    np.testing.assert_allclose(engine.log_softmax(z + shift), engine.log_softmax(z), rtol=0,
                               atol=1e-12)


@pytest.mark.parametrize("function", [engine.softmax, engine.log_softmax])
@given(z=matrices(reals(MODERATE)), temperature=st.floats(1e-2, 1e2))
def test_temperature_t_is_the_softmax_of_logits_divided_by_t(z, temperature, function):
    np.testing.assert_array_equal(function(z, temperature=temperature), function(z / temperature))


def test_high_temperature_flattens_and_low_temperature_sharpens():
    z = [3.0, 1.0, -3.0]
    assert engine.softmax(z, temperature=1e6) == pytest.approx([1 / 3] * 3, rel=1e-5)
    assert engine.softmax(z, temperature=1e-3).tolist() == [1.0, 0.0, 0.0]


@pytest.mark.parametrize("temperature", BAD_TEMPERATURES)
@pytest.mark.parametrize("make", [
    partial(engine.softmax, [1.0, 2.0]), partial(engine.log_softmax, [1.0, 2.0]),
    partial(scale_logits, [1.0, 2.0]), lambda temperature: engine.Options(temperature=temperature),
], ids=["softmax", "log_softmax", "scale_logits", "Options"])
def test_temperature_must_be_positive_and_finite(make, temperature):
    with pytest.raises(ValueError, match="temperature"):
        make(temperature=temperature)


# --- analyze: CE = H + KL, and the same numbers as the loss functions -------------------------


@given(scenario=scenarios(logit_bound=MODERATE, make_options=unweighted))
def test_cross_entropy_is_entropy_plus_kl_per_sample_without_weights(scenario):
    result = engine.analyze(scenario)
    np.testing.assert_array_equal(result.sample_loss, result.cross_entropy)
    # atol: with probability input a row need not sum to 1, so KL can be negative and cancel H
    np.testing.assert_allclose(result.entropy + result.kl, result.cross_entropy, rtol=1e-12,
                               atol=1e-12)


def loss_function_values(scenario, reduction):
    """The scenario's loss by cross_entropy / binary_cross_entropy_with_logits directly."""
    options = scenario.options
    logits = scenario.rows / options.temperature
    if scenario.mode == "softmax":
        return engine.cross_entropy(logits, scenario.targets, weight=options.class_weights,
                                    ignore_index=options.ignore_index, reduction=reduction,
                                    label_smoothing=options.label_smoothing)
    losses = engine.binary_cross_entropy_with_logits(
        logits, scenario.targets, weight=options.class_weights, pos_weight=options.pos_weight,
        reduction=reduction)
    return losses.sum(axis=-1) if reduction == "none" else losses


@given(scenario=logit_scenarios(MODERATE))
def test_analyze_gives_the_same_losses_as_the_loss_functions(scenario):
    result = engine.analyze(scenario)
    scale = scenario.options.log_scale
    np.testing.assert_allclose(result.sample_loss * scale, loss_function_values(scenario, "none"),
                               rtol=1e-14, atol=0)
    if result.loss is not None:
        expected = loss_function_values(scenario, scenario.options.reduction)
        assert result.loss * scale == pytest.approx(expected, rel=1e-14, abs=0)


def test_mean_over_a_subnormal_weight_sum_is_inf_without_a_warning():
    # Smoothing puts half the target on class 0 (weight 1): the weighted sum is ln 2 / 2, but
    # "mean" divides by the weight of the target class 1, a subnormal, so the mean is past 1.8e308.
    weights = [1.0, 1e-310]
    assert engine.cross_entropy([[0.0, 0.0]], [1], weight=weights, label_smoothing=1.0) == math.inf


# --- analyze: the gradient is the derivative of the sample loss -------------------------------

FD_LOGITS = 10.0  # logits and temperatures for which central differences are accurate to 1e-7
FD_STEP = 1e-5


def fd_options(n_classes):
    return options(n_classes, temperatures=st.floats(0.5, 4.0))


def finite_difference_gradient(scenario):
    """Central differences of each sample's loss; a sample's loss depends only on its own row,
    so one step per column moves every sample at once."""
    rows, columns = scenario.rows, []
    for c in range(rows.shape[1]):
        step = np.zeros(rows.shape)
        step[:, c] = FD_STEP
        up, down = rows + step, rows - step
        difference = (engine.analyze(scenario.replace(rows=up)).sample_loss
                      - engine.analyze(scenario.replace(rows=down)).sample_loss)
        columns.append(difference / (up - down)[:, c])
    return np.stack(columns, axis=1)


@given(scenario=logit_scenarios(FD_LOGITS, make_options=fd_options))
def test_gradient_matches_central_finite_differences_of_the_sample_loss(scenario):
    expected = finite_difference_gradient(scenario)
    np.testing.assert_allclose(engine.analyze(scenario).gradient, expected, rtol=1e-5, atol=1e-6)


def test_gradient_without_weights_is_p_minus_q_over_t():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[3.0, 1.0, -3.0]], targets=[0],
                               options=engine.Options(temperature=2.0))
    result = engine.analyze(scenario)
    expected = (engine.softmax([3.0, 1.0, -3.0], temperature=2.0) - [1.0, 0.0, 0.0]) / 2.0
    np.testing.assert_allclose(result.gradient[0], expected, rtol=1e-15, atol=1e-17)


# --- no NaN and no warning for any finite logit -----------------------------------------------


@pytest.mark.parametrize("function, low, high", VALUE_RANGES,
                         ids=[f.__name__ for f, _, _ in VALUE_RANGES])
@given(z=float_arrays(reals()))
def test_activations_stay_in_range_without_nan_for_any_finite_logits(z, function, low, high):
    values = function(z)
    assert not np.isnan(values).any()
    assert ((values >= low) & (values <= high)).all()


@pytest.mark.parametrize("function", ACTIVATIONS, ids=lambda f: f.__name__)
@given(z=float_arrays(reals(LARGE / 2)))
def test_activations_stay_finite_for_large_logits(z, function):
    assert np.isfinite(function(z)).all()


@st.composite
def cross_entropy_inputs(draw, bound):
    logits = draw(matrices(reals(bound)))
    n_rows, n_classes = logits.shape
    targets = draw(st.lists(st.integers(0, n_classes - 1), min_size=n_rows, max_size=n_rows))
    weight = draw(st.none() | st.lists(st.floats(0.0, 10.0), min_size=n_classes,
                                       max_size=n_classes))
    smoothing = draw(unit_floats())
    return logits, targets, {"weight": weight, "label_smoothing": smoothing}


@st.composite
def bce_inputs(draw, bound):
    logits = draw(matrices(reals(bound)))
    labels = draw(hnp.arrays(np.float64, logits.shape, elements=unit_floats()))
    n_classes = logits.shape[1]
    weights = st.none() | st.lists(st.floats(0.0, 10.0), min_size=n_classes, max_size=n_classes)
    return logits, labels, {"weight": draw(weights), "pos_weight": draw(weights)}


LOSS_INPUTS = [(engine.cross_entropy, cross_entropy_inputs),
               (engine.binary_cross_entropy_with_logits, bce_inputs)]


@pytest.mark.parametrize("function, inputs", LOSS_INPUTS, ids=["cross_entropy", "bce_with_logits"])
@given(data=st.data())
def test_losses_never_give_nan_for_finite_logits(data, function, inputs):
    logits, targets, kwargs = data.draw(inputs(LARGEST))
    losses = function(logits, targets, reduction="none", **kwargs)
    assert not np.isnan(losses).any() and (losses >= 0).all()
    assert not math.isnan(function(logits, targets, reduction="sum", **kwargs))


@pytest.mark.parametrize("function, inputs", LOSS_INPUTS, ids=["cross_entropy", "bce_with_logits"])
@given(data=st.data())
def test_losses_stay_finite_for_large_logits(data, function, inputs):
    logits, targets, kwargs = data.draw(inputs(LARGE))
    assert np.isfinite(function(logits, targets, reduction="none", **kwargs)).all()


def analysis_values(result):
    return [getattr(result, name) for name in ANALYSIS_ARRAYS]


@given(scenario=scenarios())
def test_analyze_never_gives_nan_for_finite_rows(scenario):
    result = engine.analyze(scenario)
    assert not any(np.isnan(values).any() for values in analysis_values(result))
    assert result.loss is None or not math.isnan(result.loss)
    assert ((result.probabilities >= 0) & (result.probabilities <= 1)).all()


def bounded_options(n_classes):
    """Options that keep losses of logits up to LARGE below 1.8e308: no temperature below 1, and
    no class weight so small that a "mean" divides by almost nothing."""
    return options(n_classes, weights=st.just(0.0) | st.floats(1e-3, 10.0),
                   temperatures=st.floats(1.0, 1e3))


@given(scenario=logit_scenarios(LARGE, make_options=bounded_options))
def test_analyze_stays_finite_for_large_logits(scenario):
    result = engine.analyze(scenario)
    assert all(np.isfinite(values).all() for values in analysis_values(result))
    assert result.loss is None or math.isfinite(result.loss)


@pytest.mark.parametrize("rows, targets, kind", [
    ([[0.0, 0.4, 0.6]], [0], "probabilities"),        # p = 0 on the true class
    ([[-1e308, 1e308, 0.0]], [0], "logits"),           # ln p = -2e308 overflows
], ids=["zero probability", "overflowing logit gap"])
def test_loss_is_inf_for_zero_probability_on_the_true_class_or_an_overflowing_gap(rows, targets,
                                                                                 kind):
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=rows, targets=targets, input=kind)
    result = engine.analyze(scenario)
    assert result.loss == math.inf and result.kl[0] == math.inf
    assert result.terms[0].tolist() == [math.inf, 0.0, 0.0]
    if kind == "logits":
        assert engine.cross_entropy(rows, targets) == math.inf


# --- a class weighted 0 adds nothing ----------------------------------------------------------


def test_zero_class_weight_adds_nothing_in_softmax_mode_even_where_ln_p_is_minus_inf():
    rows, weights = [[-1e308, 1e308, 0.0]], (0.0, 1.0, 1.0)
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=rows, targets=[0],
                               options=engine.Options(class_weights=weights, reduction="sum"))
    assert engine.analyze(scenario).terms.tolist() == [[0.0, 0.0, 0.0]]
    assert engine.cross_entropy(rows, [0], weight=weights, reduction="sum") == 0.0


# Class 'a': label 1 at logit -1e308, so ln σ = -1e308 and any weight above 1 overflows.
# Class 'b': label 0 at logit 0, which costs ln 2.
SIGMOID_ROWS, SIGMOID_LABELS = [[-1e308, 0.0]], [[1.0, 0.0]]


def sigmoid_terms_by_analyze(class_weights, pos_weight=None, *, rows=SIGMOID_ROWS,
                             kind="logits"):
    scenario = engine.Scenario(classes=("a", "b"), rows=rows, targets=SIGMOID_LABELS,
                               mode="sigmoid", input=kind, options=engine.Options(
                                   class_weights=class_weights, pos_weight=pos_weight))
    return engine.analyze(scenario).terms[0]


def sigmoid_terms_by_function(class_weights, pos_weight=None):
    return engine.binary_cross_entropy_with_logits(SIGMOID_ROWS, SIGMOID_LABELS,
                                                   weight=class_weights, pos_weight=pos_weight,
                                                   reduction="none")[0]


TERMS = [sigmoid_terms_by_analyze, sigmoid_terms_by_function]
TERMS_IDS = ["analyze", "binary_cross_entropy_with_logits"]


@pytest.mark.parametrize("terms", TERMS, ids=TERMS_IDS)
def test_sigmoid_class_weight_above_one_overflows_to_inf_without_a_warning(terms):
    assert terms((10.0, 1.0)).tolist() == [math.inf, math.log(2)]


@pytest.mark.parametrize("terms", TERMS, ids=TERMS_IDS)
def test_zero_class_weight_adds_nothing_in_sigmoid_mode_even_where_the_term_overflows(terms):
    assert terms((0.0, 1.0), pos_weight=(10.0, 1.0)).tolist() == [0.0, math.log(2)]


def test_zero_class_weight_adds_nothing_in_sigmoid_mode_for_a_zero_probability():
    terms = sigmoid_terms_by_analyze((0.0, 1.0), rows=[[0.0, 0.5]], kind="probabilities")
    assert terms.tolist() == [0.0, math.log(2)]
