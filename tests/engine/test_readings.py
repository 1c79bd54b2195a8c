"""One sample read as softmax and as sigmoids (engine/readings.py): the numbers worked by hand,
and the scenario's own mode equal to its Analysis."""

import math

import numpy as np
import pytest

import engine
from engine import edits
from engine.readings import both_readings


def cat_dog_pig(**changes):
    values = dict(classes=("cat", "dog", "pig"), rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]],
                  targets=[0, 1])
    values.update(changes)
    return engine.Scenario(**values)


def test_softmax_sums_to_one_and_sigmoid_does_not_for_the_same_logits():
    readings = both_readings(cat_dog_pig(), 0)
    z = np.array([3.0, 1.0, -3.0])
    softmax, sigmoid = readings.softmax, readings.sigmoid
    np.testing.assert_allclose(softmax.probabilities, np.exp(z) / np.exp(z).sum(), rtol=1e-15)
    np.testing.assert_allclose(sigmoid.probabilities, 1 / (1 + np.exp(-z)), rtol=1e-15)
    assert softmax.total == pytest.approx(1.0, abs=1e-15)
    # σ(3) + σ(1) + σ(-3) = 0.9526 + 0.7311 + 0.0474 = 1.7311: independent yes/no answers.
    assert sigmoid.total == pytest.approx(1.0 + 1 / (1 + math.exp(-1.0)), rel=1e-15)
    assert readings.from_probabilities is False


def test_each_loss_uses_the_targets_its_form_needs():
    readings = both_readings(cat_dog_pig(), 0)
    z = np.array([3.0, 1.0, -3.0])
    softmax, sigmoid = readings.softmax, readings.sigmoid
    # Softmax: one right answer, class index 0: L = -ln p(cat).
    assert softmax.true_class == 0
    assert softmax.targets.tolist() == [1.0, 0.0, 0.0]
    assert softmax.loss == pytest.approx(-(3.0 - np.log(np.exp(z).sum())), rel=1e-14)
    # Sigmoid: a label per class, (1, 0, 0): -ln σ(3) - ln(1 - σ(1)) - ln(1 - σ(-3)).
    assert sigmoid.true_class is None
    assert sigmoid.targets.tolist() == [1.0, 0.0, 0.0]
    expected = math.log1p(math.exp(-3.0)) + math.log1p(math.exp(1.0)) + math.log1p(math.exp(-3.0))
    assert sigmoid.loss == pytest.approx(expected, rel=1e-14)
    np.testing.assert_allclose(sigmoid.terms.sum(), sigmoid.loss, rtol=1e-15)
    assert softmax.notes == sigmoid.notes == ()


@pytest.mark.parametrize("mode", ["softmax", "sigmoid"])
def test_the_scenarios_own_mode_reads_as_its_analysis_does(mode):
    scenario = cat_dog_pig(options=engine.Options(temperature=2.0, class_weights=(1.0, 2.0, 0.5),
                                                  log_base="2"))
    scenario = edits.convert_mode(scenario, mode)
    analysis = engine.analyze(scenario)
    own = getattr(both_readings(scenario, 1), mode)
    np.testing.assert_array_equal(own.probabilities, analysis.probabilities[1])
    np.testing.assert_array_equal(own.terms, analysis.terms[1])
    assert own.loss == analysis.sample_loss[1]


def test_several_labels_are_one_right_answer_only_after_dividing_by_their_sum():
    scenario = cat_dog_pig(mode="sigmoid", targets=[[1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    first, second = both_readings(scenario, 0), both_readings(scenario, 1)
    assert first.sigmoid.targets.tolist() == [1.0, 1.0, 0.0]
    assert first.softmax.targets.tolist() == [0.5, 0.5, 0.0]
    assert first.softmax.notes == (("targets_normalised", {"rows": [0]}),)
    np.testing.assert_allclose(second.softmax.targets, [1 / 3] * 3, rtol=1e-15)
    # The note names the sample that was read, not row 0 of a one-sample table.
    assert second.softmax.notes == (("targets_uniform", {"rows": [1]}),)


def test_a_two_class_softmax_is_read_as_two_sigmoids_of_its_own_logits():
    scenario = engine.Scenario(classes=("cold", "warm"), rows=[[1.0, 3.0]], targets=[1])
    sigmoid = both_readings(scenario, 0).sigmoid
    np.testing.assert_allclose(sigmoid.probabilities, [1 / (1 + math.exp(-1.0)),
                                                       1 / (1 + math.exp(-3.0))], rtol=1e-15)
    assert sigmoid.targets.tolist() == [0.0, 1.0]


def test_label_smoothing_counts_for_softmax_only():
    scenario = cat_dog_pig(options=engine.Options(label_smoothing=0.3))
    readings = both_readings(scenario, 0)
    np.testing.assert_allclose(readings.softmax.targets, [0.8, 0.1, 0.1], rtol=1e-15)
    assert readings.sigmoid.targets.tolist() == [1.0, 0.0, 0.0]
    assert readings.sigmoid.notes == (("label_smoothing_unused", {"label_smoothing": 0.3}),)


def test_an_ignored_sample_has_no_softmax_loss_and_all_zero_labels():
    readings = both_readings(cat_dog_pig(targets=[-100, 1]), 0)
    assert readings.softmax.ignored and readings.softmax.loss == 0.0
    assert readings.softmax.true_class is None
    assert readings.sigmoid.targets.tolist() == [0.0, 0.0, 0.0]
    assert readings.sigmoid.notes == (("ignored_samples_counted", {"rows": [0]}),)


def test_probability_input_is_read_through_its_logits():
    scenario = cat_dog_pig(input="probabilities", rows=[[0.7, 0.2, 0.1], [0.2, 0.5, 0.3]])
    readings = both_readings(scenario, 0)
    assert readings.from_probabilities
    np.testing.assert_allclose(readings.softmax.probabilities, [0.7, 0.2, 0.1], rtol=1e-15)
    # z = ln p, so σ(z) = p / (1 + p).
    np.testing.assert_allclose(readings.sigmoid.probabilities,
                               [0.7 / 1.7, 0.2 / 1.2, 0.1 / 1.1], rtol=1e-15)


def test_a_reading_is_read_only():
    reading = both_readings(cat_dog_pig(), 0).sigmoid
    for array in (reading.probabilities, reading.targets, reading.terms):
        assert not array.flags.writeable
