"""The numbers a lesson quotes, checked to full precision (and as printed, to 4 decimals)."""

import math

import numpy as np
import pytest

import engine

CLASSES = ("cat", "dog", "pig")
TRUTH = [[0, 0, 1], [0, 1, 0], [1, 0, 0]]  # the indicator rows of targets [2, 1, 0]
LOG_LOSS_EXAMPLES = [
    pytest.param([[.3, .3, .4], [.3, .4, .3], [.1, .2, .7]], 1.3783888522474517, id="poor"),
    pytest.param([[.1, .2, .7], [.1, .7, .2], [.3, .4, .3]], 0.6391075640678003, id="good"),
]
# truth (1, 0, 0): the loss is -ln p(cat)
SINGLE_PREDICTIONS = [
    pytest.param([0.5, 0.2, 0.3], 0.6931471805599453, 0.6931, id="p=0.5"),
    pytest.param([0.7, 0.1, 0.2], 0.35667494393873245, 0.3567, id="p=0.7"),
]
CAT_LOGITS = [3.0, 1.0, -3.0]


def analysis(rows, targets, *, kind="logits", log_base="e"):
    scenario = engine.Scenario(classes=CLASSES, rows=rows, targets=targets, input=kind,
                               options=engine.Options(log_base=log_base))
    return engine.analyze(scenario)


def probability_analysis(rows, targets, log_base="e"):
    return analysis(rows, targets, kind="probabilities", log_base=log_base)


@pytest.mark.parametrize("predictions, expected", LOG_LOSS_EXAMPLES)
def test_log_loss_of_three_samples_to_full_precision(predictions, expected):
    assert engine.log_loss(TRUTH, predictions) == expected


@pytest.mark.parametrize("predictions, expected", LOG_LOSS_EXAMPLES)
def test_analyze_of_probability_input_gives_the_same_mean_loss(predictions, expected):
    assert probability_analysis(predictions, [2, 1, 0]).loss == expected


@pytest.mark.parametrize("prediction, nats, rounded", SINGLE_PREDICTIONS)
def test_loss_of_one_prediction_is_minus_ln_of_the_true_class_probability(prediction, nats,
                                                                          rounded):
    loss = engine.log_loss([[1, 0, 0]], [prediction])
    assert loss == -math.log(prediction[0]) == nats
    assert probability_analysis([prediction], [0]).loss == nats
    assert round(loss, 4) == rounded


def test_softmax_of_cat_logits_gives_p_cat_0_8789():
    expected = math.exp(3) / (math.exp(3) + math.exp(1) + math.exp(-3))
    p = engine.softmax(CAT_LOGITS)
    assert p[0] == pytest.approx(expected, rel=1e-15, abs=0)
    assert round(float(p[0]), 4) == 0.8789
    assert round(float(analysis([CAT_LOGITS], [0]).probabilities[0, 0]), 4) == 0.8789


def test_the_softmax_of_cat_logits_written_out_is_20_09_over_22_85():
    exps, total = engine.activations.softmax_parts(CAT_LOGITS)
    np.testing.assert_allclose(exps, np.exp(CAT_LOGITS))
    assert (f"{exps[0]:.4g}", f"{total:.4g}") == ("20.09", "22.85")
    np.testing.assert_allclose(exps / total, engine.softmax(CAT_LOGITS))
    halved, _ = engine.activations.softmax_parts(CAT_LOGITS, temperature=2.0)
    np.testing.assert_allclose(halved, np.exp(np.array(CAT_LOGITS) / 2))


def test_softmax_parts_are_none_when_a_term_overflows_or_all_underflow():
    assert engine.activations.softmax_parts([700.0, 0.0]) == (None, None)
    assert engine.activations.softmax_parts([-800.0, -900.0]) == (None, None)
    exps, total = engine.activations.softmax_parts([699.0, 0.0])
    assert np.isfinite(total) and exps[1] == 1.0


def test_cross_entropy_of_cat_logits_is_0_1291():
    expected = -math.log(math.exp(3) / (math.exp(3) + math.exp(1) + math.exp(-3)))
    loss = engine.cross_entropy([CAT_LOGITS], [0])
    assert loss == pytest.approx(expected, rel=1e-15, abs=0)
    assert analysis([CAT_LOGITS], [0]).loss == loss
    assert round(loss, 4) == 0.1291


def test_one_half_on_the_true_class_costs_exactly_one_bit():
    assert probability_analysis([[0.5, 0.2, 0.3]], [0], log_base="2").loss == 1.0


@pytest.mark.parametrize("field", ["terms", "sample_loss", "entropy", "kl", "cross_entropy",
                                   "gradient"])
def test_bits_are_nats_divided_by_ln_2(field):
    soft = [[0.7, 0.2, 0.1]]  # a soft target, so that every field is non-zero
    nats = getattr(analysis([CAT_LOGITS], soft), field)
    bits = getattr(analysis([CAT_LOGITS], soft, log_base="2"), field)
    assert np.all(nats != 0)
    np.testing.assert_allclose(bits, nats / math.log(2), rtol=1e-15, atol=0)


def test_cat_loss_in_bits_is_0_1863():
    nats, bits = analysis([CAT_LOGITS], [0]), analysis([CAT_LOGITS], [0], log_base="2")
    assert bits.loss == pytest.approx(nats.loss / math.log(2), rel=1e-15, abs=0)
    assert round(bits.loss, 4) == 0.1863
    assert (nats.unit, bits.unit) == ("nats", "bits")
