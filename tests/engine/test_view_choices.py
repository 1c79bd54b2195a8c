"""What views show that is a choice, made in the engine: the true class, the sweep's inputs."""

import numpy as np
from numpy.testing import assert_allclose

import engine
from engine import curves, edits


def test_the_true_class_is_the_target_with_most_mass():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[3.0, 1.0, -3.0], [0, 0, 0]],
                               targets=[[0.1, 0.7, 0.2], [0.0, 0.2, 0.8]])
    analysis = engine.analyze(scenario)
    assert [analysis.true_class(0), analysis.true_class(1)] == [1, 2]


def test_a_sigmoid_sample_with_no_true_label_is_about_its_predicted_class():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[-1.0, 2.0]], targets=[[0, 0]],
                               mode="sigmoid")
    assert engine.analyze(scenario).true_class(0) == 1


def test_the_sweep_moves_the_logits_as_they_are_or_ln_p_for_probabilities():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[3.0, 1.0, -3.0]], targets=[0],
                               options=engine.Options(temperature=2.0))
    logits, temperature = curves.sweep_inputs(scenario, 0)
    assert (logits.tolist(), temperature) == ([3.0, 1.0, -3.0], 2.0)
    as_probabilities = edits.convert_input(scenario, "probabilities")
    logits, temperature = curves.sweep_inputs(as_probabilities, 0)
    assert temperature == 1.0
    # ln p of softmax(z / T) is z / T up to a constant
    assert_allclose(logits - logits[0], (np.array([3.0, 1.0, -3.0]) - 3.0) / 2.0)
