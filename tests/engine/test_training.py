"""Training the logits (engine/training.py) and the mode switch it trains both forms with
(engine.edits.switch_mode).

Whole trajectories are compared with torch.optim.SGD runs recorded by
tools/record_training_vectors.py (torch itself is not needed here); the rest are worked by hand.
"""

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import engine
from engine import ScenarioError, edits, training
from engine.scenario import from_dict
from gui.shell.resources import resource_path
from strategies import MODERATE, options, scenarios

DATA = Path(__file__).parent / "data" / "training_vectors.json"
RECORDED = json.loads(DATA.read_text())


def recorded_cases():
    return [pytest.param(case, id=f"{group}_{case['name']}")
            for group, cases in RECORDED["cases"].items() for case in cases]


def one_sample(rows, target, **option_values):
    return engine.Scenario(classes=tuple(f"c{c}" for c in range(len(rows))), rows=[rows],
                           targets=[target], options=engine.Options(**option_values))


# --- the same trajectories as torch.optim.SGD ---------------------------------------------------

@pytest.mark.parametrize("case", recorded_cases())
def test_a_run_follows_torch_sgd_step_for_step(case):
    run = training.train(from_dict(case["scenario"]), case["steps"], case["lr"])
    expected = case["expected"]
    np.testing.assert_allclose(run.losses, expected["losses"], rtol=1e-9, atol=0)
    np.testing.assert_allclose(run.scenario.rows, expected["rows"], rtol=1e-9, atol=0)


@pytest.mark.parametrize("case", recorded_cases()[:3] + recorded_cases()[-3:])
def test_a_run_in_bits_takes_the_steps_of_the_loss_in_nats(case):
    data = {**case["scenario"], "options": {**case["scenario"]["options"], "log_base": "2"}}
    run = training.train(from_dict(data), case["steps"], case["lr"])
    expected = case["expected"]
    np.testing.assert_allclose(run.losses, np.divide(expected["losses"], math.log(2)),
                               rtol=1e-9, atol=0)
    np.testing.assert_allclose(run.scenario.rows, expected["rows"], rtol=1e-9, atol=0)


def test_the_recorded_runs_cover_what_the_issue_names():
    scenarios_ = [from_dict(case["scenario"]) for cases in RECORDED["cases"].values()
                  for case in cases]
    softmax = [s for s in scenarios_ if s.mode == "softmax"]
    assert {s.target_kind for s in softmax} == {"index", "distribution"}
    assert any(s.options.label_smoothing for s in softmax)
    assert any(s.options.class_weights for s in softmax)
    assert any(s.options.temperature != 1 for s in softmax)
    assert any((s.targets == s.options.ignore_index).any() for s in softmax
               if s.target_kind == "index")
    assert any(s.options.pos_weight for s in scenarios_ if s.mode == "sigmoid")
    assert RECORDED["torch_version"].startswith("2.13.0")
    assert min(case["steps"] for cases in RECORDED["cases"].values() for case in cases) >= 20


# --- one step, worked by hand -----------------------------------------------------------------

def test_a_step_moves_each_logit_by_lr_times_p_minus_q():
    scenario = one_sample([3.0, 1.0, -3.0], 0)
    stepped = training.step(scenario, 0.5)
    p = engine.softmax([3.0, 1.0, -3.0])
    np.testing.assert_allclose(stepped.rows[0], [3.0, 1.0, -3.0] - 0.5 * (p - [1, 0, 0]),
                               rtol=1e-15)


def test_a_step_divides_by_the_mean_divisor_and_the_temperature():
    # Two samples, class weights (2, 1, 1): "mean" divides by w[0] + w[2] = 3; T = 2.
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[1.0, 0.0, 0.0], [0.0, 0.0, 0.5]],
                               targets=[0, 2], options=engine.Options(
                                   temperature=2.0, class_weights=(2.0, 1.0, 1.0)))
    stepped = training.step(scenario, 1.0)
    p = engine.softmax(scenario.rows, temperature=2.0)
    q = np.eye(3)[[0, 2]]
    w_true = np.array([[2.0], [1.0]])
    expected = scenario.rows - w_true * (p - q) / 2.0 / 3.0
    np.testing.assert_allclose(stepped.rows, expected, rtol=1e-14)


def test_a_step_given_the_analysis_is_the_step_without_it():
    scenario = one_sample([0.3, -1.2, 2.0], 1, label_smoothing=0.2, log_base="2")
    analysis = engine.analyze(scenario)
    assert training.step(scenario, 0.7, analysis) == training.step(scenario, 0.7)
    assert training.train(scenario, 1, 0.7).scenario == training.step(scenario, 0.7)


@pytest.mark.parametrize("log_base", ["e", "2"])
def test_a_step_is_lr_times_the_batch_gradient_in_nats_bit_for_bit(log_base):
    """The step made in place is the written formula, to the last bit."""
    rows = np.random.default_rng(7).normal(0, 3, (5, 12))
    scenario = engine.Scenario(classes=tuple(f"c{c}" for c in range(12)), rows=rows,
                               targets=[3, 0, 11, 3, 5], options=engine.Options(log_base=log_base))
    analysis = engine.analyze(scenario)
    gradient = analysis.gradient / analysis.divisor * scenario.options.log_scale
    assert training.step(scenario, 0.3).rows.tobytes() == (rows - 0.3 * gradient).tobytes()


def test_a_step_that_would_overflow_holds_the_logit_at_the_largest_float():
    # Summed, class b weighted 1e300: the gradient is about ±0.7e300, and lr 1e10 times that
    # is past 1.8e308.
    scenario = one_sample([1.0, 0.0], 1, class_weights=(1.0, 1e300), reduction="sum")
    stepped = training.step(scenario, 1e10)
    assert stepped.rows.tolist() == [[-np.finfo(float).max, np.finfo(float).max]]


# --- what the presets show --------------------------------------------------------------------

@pytest.mark.parametrize("eps, classes, temperature", [(0.1, 3, 1.0), (0.3, 4, 1.0),
                                                        (0.1, 3, 2.0)])
def test_label_smoothing_settles_at_the_gap_ln_of_q_true_over_q_other(eps, classes,
                                                                      temperature):
    scenario = one_sample([0.0] * classes, 0, label_smoothing=eps, temperature=temperature)
    run = training.train(scenario, 3000, 2.0 * temperature ** 2)
    z = run.scenario.rows[0]
    q_true, q_other = 1 - eps + eps / classes, eps / classes
    np.testing.assert_allclose(z[0] - z[1:], temperature * math.log(q_true / q_other),
                               rtol=1e-9)
    # At the optimum p = q: the loss is the entropy of q.
    entropy = -(q_true * math.log(q_true) + (classes - 1) * q_other * math.log(q_other))
    assert run.losses[-1] == pytest.approx(entropy, rel=1e-12)


def test_hard_labels_push_the_gap_up_at_every_step_without_end():
    run_gaps = []
    for steps in (10, 100, 1000):
        z = training.train(one_sample([0.0, 0.0, 0.0], 0), steps, 2.0).scenario.rows[0]
        run_gaps.append(z[0] - z[1])
    assert run_gaps[0] < run_gaps[1] < run_gaps[2]
    # The gap grows like ln(steps): from 100 to 1000 steps it still gains about ln 10.
    assert run_gaps[2] - run_gaps[1] > 0.8 * math.log(10)
    run = training.train(one_sample([0.0, 0.0, 0.0], 0), 200, 2.0)
    assert (np.diff(run.losses) < 0).all()


def test_class_weights_change_which_sample_improves_first():
    # Two samples with the same loss; weighting class b 4 times makes sample 2 gain more.
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 0.0], [0.0, 0.0]],
                               targets=[0, 1])
    weighted = edits.set_options(scenario, class_weights=(1.0, 4.0))
    plain_gain = -np.diff(training.train(scenario, 1, 1.0).sample_losses, axis=0)[0]
    weighted_gain = -np.diff(training.train(weighted, 1, 1.0).sample_losses, axis=0)[0]
    assert plain_gain[0] == plain_gain[1] > 0
    assert weighted_gain[1] > 2 * weighted_gain[0] > 0


# --- the binary pair --------------------------------------------------------------------------

def preset(name):
    return engine.from_json(resource_path("presets", name).read_text(encoding="utf-8"))


def test_the_softmax_margin_moves_exactly_twice_as_far_as_the_sigmoid_logit():
    # z = 0, y = 1, one sample: the sigmoid logit gets -(σ(0) - 1) = 0.5; each of the two
    # softmax logits gets the whole gradient ±0.5, so the margin moves by 1.
    scenario = engine.Scenario(classes=("spam",), rows=[[0.0]], targets=[[1.0]], mode="sigmoid")
    pair = training.train_pair(scenario, 1, 1.0)
    assert pair.sigmoid_logits.tolist() == [[0.0], [0.5]]
    assert pair.softmax_margins.tolist() == [[0.0], [1.0]]
    assert pair.softmax.scenario.rows.tolist() == [[-0.5, 0.5]]


@pytest.mark.parametrize("name", ["binary_sigmoid.json", "binary_softmax.json"])
def test_in_the_first_step_of_a_binary_preset_the_margin_moves_twice_as_fast(name):
    scenario = preset(name)
    pair = training.train_pair(scenario, 40, 1.0)
    z = pair.sigmoid_logits[0]
    y = pair.sigmoid.analysis.scenario.targets[:, 0]
    first = -1.0 * (engine.sigmoid(z) - y) / len(z)  # -lr (σ(z) - y) / N
    # z + Δz rounds to an ulp of z (2.5 here): differences are exact to a few 1e-16.
    np.testing.assert_allclose(pair.sigmoid_logits[1] - z, first, rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(pair.softmax_margins[1] - pair.softmax_margins[0], 2 * first,
                               rtol=1e-14, atol=1e-15)
    # Both start from the same loss; the faster margin keeps the softmax ahead.
    assert pair.softmax.losses[0] == pytest.approx(pair.sigmoid.losses[0], rel=1e-15)
    assert (pair.softmax.losses[1:] < pair.sigmoid.losses[1:]).all()


def test_train_pair_refuses_a_problem_that_is_not_binary():
    with pytest.raises(ScenarioError) as refused:
        training.train_pair(preset("cat_dog_pig.json").model_scenario(0), 5)
    assert refused.value.code == "not_binary"


# --- the Trajectory ---------------------------------------------------------------------------

def test_a_trajectory_records_steps_plus_one_values_of_each_kind():
    scenario = preset("binary_softmax.json")
    run = training.train(scenario, 7, 0.5)
    assert run.steps == 7 and run.lr == 0.5
    assert run.losses.shape == (8,) and run.sample_losses.shape == (8, 4)
    assert run.losses[0] == engine.analyze(scenario).loss
    np.testing.assert_allclose(run.sample_losses.mean(axis=1), run.losses, rtol=1e-15)
    p = run.analysis.probabilities
    np.testing.assert_array_equal(run.true_probabilities[-1], p[np.arange(4), scenario.targets])
    assert all(not array.flags.writeable
               for array in (run.losses, run.sample_losses, run.true_probabilities))


def test_the_true_probability_of_labels_is_the_chance_every_label_is_right():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[2.0, -1.0]], targets=[[1.0, 0.0]],
                               mode="sigmoid")
    run = training.train(scenario, 1)
    expected = engine.sigmoid(2.0) * (1 - engine.sigmoid(-1.0))
    assert run.true_probabilities[0, 0] == pytest.approx(expected, rel=1e-15)


def test_an_ignored_sample_has_no_true_probability_and_does_not_move():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[1.0, 2.0], [0.5, 0.0]],
                               targets=[-100, 0])
    run = training.train(scenario, 3)
    assert math.isnan(run.true_probabilities[0, 0])
    assert run.scenario.rows[0].tolist() == [1.0, 2.0]


# --- refused --------------------------------------------------------------------------------

def test_probabilities_cannot_be_trained():
    with pytest.raises(ScenarioError) as refused:
        training.train(preset("cat_dog_pig.json").model_scenario(0), 5)
    assert (refused.value.code, refused.value.details["kind"]) == ("not_trainable",
                                                                   "probabilities")


@pytest.mark.parametrize("lr", [0.0, -1.0, math.nan, math.inf, "1", None, True])
def test_the_learning_rate_must_be_a_positive_number(lr):
    with pytest.raises(ScenarioError, match="lr"):
        training.step(preset("binary_softmax.json"), lr)


@pytest.mark.parametrize("steps", [0, -3, 1.5, "5", True, training.MAX_STEPS + 1])
def test_steps_must_be_a_whole_number_from_one(steps):
    with pytest.raises(ScenarioError, match="steps"):
        training.train(preset("binary_softmax.json"), steps)


def test_a_batch_with_no_counted_sample_has_nothing_to_train():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[1.0, 2.0]], targets=[-100])
    with pytest.raises(ScenarioError) as refused:
        training.step(scenario, 1.0)
    assert refused.value.details["kind"] == "nothing_counted"


# --- properties -------------------------------------------------------------------------------

def safe_lr(scenario):
    """1 / L for a bound L on the curvature of the batch loss (nats): softmax per sample
    (Σ w q)·(diag p − p pᵀ)/T² ≤ Σ w q / T²; sigmoid per label w·max(pw·y + 1 − y)/(4 T²)."""
    analysis = engine.analyze(scenario)
    options = scenario.options
    n_classes = len(scenario.classes)
    w = np.ones(n_classes) if options.class_weights is None else np.array(options.class_weights)
    if scenario.mode == "softmax":
        mass = (analysis.targets * w).sum(axis=1).max()
    else:
        pw = np.ones(n_classes) if options.pos_weight is None else np.array(options.pos_weight)
        mass = (w * np.maximum(pw, 1.0)).max() / 4
    with np.errstate(over="ignore"):  # a subnormal divisor under a larger mass: inf, lr 0
        curvature = mass / options.temperature ** 2 / analysis.divisor
    # Below 1e-300 the bound allows any rate up to 1/curvature, which may overflow: 1e300 is
    # still under the bound.
    return 1.0 / curvature if curvature > 1e-300 else 1e300


def bounded_options(n_classes):
    return options(n_classes, weights=st.floats(0.0, 10.0), pos_weights=st.floats(0.0, 10.0),
                   temperatures=st.floats(0.1, 10.0))


@given(scenario=scenarios(logit_bound=MODERATE, make_options=bounded_options,
                          inputs=("logits",)), fraction=st.floats(0.01, 1.0))
# Found by hypothesis: a subnormal true-class weight under a smoothed target's larger mass.
@example(scenario=engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0]], targets=[0],
                                  options=engine.Options(label_smoothing=0.5,
                                                         class_weights=(2.2e-311, 5.0))),
         fraction=1.0)
def test_a_small_enough_step_never_increases_the_loss(scenario, fraction):
    analysis = engine.analyze(scenario)
    if analysis.loss is None:
        return
    lr = fraction * safe_lr(scenario)
    if lr == 0.0:  # the bound allows no step that float64 can take
        return
    after = engine.analyze(training.step(scenario, lr, analysis))
    assert after.loss <= analysis.loss + 1e-12 * abs(analysis.loss) + 1e-300


def test_a_subnormal_mean_divisor_gives_a_finite_step():
    # Found by hypothesis in CI: 1 / D overflowed to inf and 0 · inf made the step NaN.
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 0.0], [0.0, 0.0]], targets=[0, 1],
                               options=engine.Options(class_weights=(2.225073858507203e-309, 0.0)))
    stepped = training.step(scenario, 1.0)
    np.testing.assert_array_equal(stepped.rows, [[0.5, -0.5], [0.0, 0.0]])


@given(scenario=scenarios(inputs=("logits",)), lr=st.floats(1e-6, 1e300))
def test_steps_never_give_nan_for_finite_logits(scenario, lr):
    if engine.analyze(scenario).loss is None:
        return
    run = training.train(scenario, 3, lr)
    assert np.isfinite(run.scenario.rows).all()
    assert not np.isnan(run.losses).any() and not np.isnan(run.sample_losses).any()


# --- the mode switch: the binary forms are the same problem -------------------------------------

def binary_presets():
    names = []
    for path in sorted(resource_path("presets").glob("*.json")):
        scenario = engine.from_json(path.read_text(encoding="utf-8"))
        if (scenario.mode, len(scenario.classes)) in (("sigmoid", 1), ("softmax", 2)):
            names.append(path.name)
    return names


def test_the_binary_presets_are_found():
    assert binary_presets() == ["binary_sigmoid.json", "binary_softmax.json",
                                "learn_binary_pair.json"]


@pytest.mark.parametrize("name", binary_presets())
def test_switching_a_binary_preset_keeps_the_loss_and_switching_back_restores_it(name):
    scenario = preset(name)
    other = "softmax" if scenario.mode == "sigmoid" else "sigmoid"
    switched = edits.switch_mode(scenario, other)
    back = edits.switch_mode(switched.scenario, scenario.mode)
    before = engine.analyze(scenario)
    for result in (switched, back):
        after = engine.analyze(result.scenario)
        assert after.loss == pytest.approx(before.loss, rel=1e-12, abs=0)
        np.testing.assert_allclose(after.sample_loss, before.sample_loss, rtol=1e-12)
    assert back.scenario == scenario


def test_the_binary_sigmoid_preset_becomes_the_binary_softmax_preset():
    sigmoid, softmax = preset("binary_sigmoid.json"), preset("binary_softmax.json")
    switched = edits.switch_mode(sigmoid, "softmax")
    assert switched.scenario == softmax.replace(title=sigmoid.title,
                                                description=sigmoid.description)
    assert switched.notes == (("binary_as_two_class",
                               {"name": "spam", "negative_class": 0, "positive_class": 1}),)
    assert edits.convert_mode(sigmoid, "softmax") == switched.scenario


def test_the_not_class_is_named_by_the_callers_template():
    switched = edits.switch_mode(preset("binary_sigmoid.json"), "softmax",
                                 negative_name="非{name}")
    assert switched.scenario.classes == ("非spam", "spam")


def test_probabilities_switch_as_one_minus_p_and_p():
    scenario = engine.Scenario(classes=("X",), rows=[[0.8], [0.1]], targets=[[1.0], [0.25]],
                               mode="sigmoid", input="probabilities")
    switched = edits.switch_mode(scenario, "softmax").scenario
    np.testing.assert_array_equal(switched.rows, [[1 - 0.8, 0.8], [1 - 0.1, 0.1]])
    np.testing.assert_array_equal(switched.targets, [[0.0, 1.0], [0.75, 0.25]])
    assert edits.switch_mode(switched, "sigmoid").scenario == scenario


def test_a_general_two_class_softmax_becomes_the_logit_difference():
    scenario = engine.Scenario(classes=("cold", "warm"), rows=[[1.0, 3.0], [0.0, -0.5]],
                               targets=[1, 0], options=engine.Options(temperature=1.5))
    switched = edits.switch_mode(scenario, "sigmoid")
    assert switched.scenario.classes == ("warm",)
    assert switched.scenario.rows.tolist() == [[2.0], [-0.5]]
    assert switched.scenario.targets.tolist() == [[1.0], [0.0]]
    assert dict(switched.notes)["logits_as_difference"] == {"rows": [0]}
    assert engine.analyze(switched.scenario).loss == pytest.approx(
        engine.analyze(scenario).loss, rel=1e-12)


def test_pos_weight_and_a_label_weight_become_class_weights_and_back():
    scenario = engine.Scenario(classes=("X",), rows=[[2.0], [-1.0], [0.5]],
                               targets=[[1.0], [0.0], [1.0]], mode="sigmoid",
                               options=engine.Options(class_weights=(2.0,), pos_weight=(3.0,)))
    switched = edits.switch_mode(scenario, "softmax")
    assert switched.scenario.options.class_weights == (2.0, 6.0)
    assert switched.scenario.options.pos_weight is None
    # "mean" over index targets would divide by 6 + 2 + 6, not by 3 as sigmoid does: rows.
    assert switched.scenario.target_kind == "distribution"
    assert ("targets_as_rows", {"reason": "weighted_mean"}) in switched.notes
    assert engine.analyze(switched.scenario).loss == pytest.approx(
        engine.analyze(scenario).loss, rel=1e-12)
    assert edits.switch_mode(switched.scenario, "sigmoid").scenario == scenario


def one_label_scenarios():
    return scenarios(logit_bound=MODERATE, max_classes=2).filter(
        lambda s: s.mode == "sigmoid").map(lambda s: s.replace(
            classes=s.classes[:1], rows=s.rows[:, :1], targets=s.targets[:, :1],
            options=edits._per_class_options(s.options, np.delete, 1)))


@given(scenario=one_label_scenarios())
# A subnormal pos_weight on p = 0: pos_weight · y rounded to 0 gave a loss of 0, the two-class
# softmax ∞ (the loss is ∞: y > 0 on a label of probability 0).
@example(scenario=engine.Scenario(
    classes=("",), rows=[[0.0]], targets=[[0.5]], mode="sigmoid", input="probabilities",
    options=engine.Options(class_weights=(2.0,), pos_weight=(5e-324,))))
def test_any_one_label_sigmoid_switches_to_softmax_with_the_same_loss(scenario):
    scenario = edits.set_options(scenario, label_smoothing=0.0)
    switched = edits.switch_mode(scenario, "softmax").scenario
    back = edits.switch_mode(switched, "sigmoid").scenario
    before = engine.analyze(scenario)
    # Softmax takes ln(1 + e^(-|z|)) as ln of the sum, sigmoid with log1p: for a small loss
    # they differ by an ulp of 1 (about 1e-16 nats) times the term's weight, not relatively
    # (z = 25 with weight 3 and pos_weight 6 differed by 1.04e-15).
    options = scenario.options
    weight = (options.class_weights or (1.0,))[0] * max((options.pos_weight or (1.0,))[0], 1.0)
    atol = 1e-15 * max(weight, 1.0)
    for result in (switched, back):
        after = engine.analyze(result)
        np.testing.assert_allclose(after.sample_loss, before.sample_loss, rtol=1e-12, atol=atol)
        assert (after.loss is None) == (before.loss is None)
        if before.loss is not None:
            assert after.loss == pytest.approx(before.loss, rel=1e-12, abs=atol)
    np.testing.assert_array_equal(back.rows, scenario.rows)
    np.testing.assert_array_equal(back.targets, scenario.targets)


def test_label_smoothing_goes_into_the_labels_of_a_two_class_softmax():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0], [0.0, -2.0]],
                               targets=[1, 0], options=engine.Options(label_smoothing=0.2))
    switched = edits.switch_mode(scenario, "sigmoid")
    assert switched.scenario.targets.tolist() == [[0.9], [0.1]]
    assert switched.scenario.options.label_smoothing == 0.0
    assert ("label_smoothing_in_labels", {"label_smoothing": 0.2}) in switched.notes
    assert engine.analyze(switched.scenario).loss == pytest.approx(
        engine.analyze(scenario).loss, rel=1e-12)


def test_class_weights_of_index_targets_note_the_mean_divisor_that_changes():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0], [0.0, -2.0], [1.0, 0.0]],
                               targets=[1, 1, 0],
                               options=engine.Options(class_weights=(2.0, 1.0)))
    switched = edits.switch_mode(scenario, "sigmoid")
    notes = dict(switched.notes)
    # Softmax's "mean" divides by w_b + w_b + w_a = 4, sigmoid's by the N = 3 samples.
    assert notes["mean_divisor_changed"] == {"before": 4.0, "after": 3.0}
    assert notes["weights_as_pos_weight"] == {"class_weights": [2.0, 1.0], "pos_weight": [0.5]}
    assert engine.analyze(switched.scenario).loss == pytest.approx(
        engine.analyze(scenario).loss * 4 / 3, rel=1e-12)


def test_an_ignored_sample_is_counted_as_a_sigmoid_label_of_0():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0], [0.0, -2.0], [1.0, 0.0]],
                               targets=[1, 0, -100])
    switched = edits.switch_mode(scenario, "sigmoid")
    assert switched.scenario.targets.tolist() == [[1.0], [0.0], [0.0]]
    assert dict(switched.notes)["ignored_samples_counted"] == {"rows": [2]}
    assert dict(switched.notes)["mean_divisor_changed"] == {"before": 2.0, "after": 3.0}


def test_a_zero_weight_on_the_first_class_cannot_be_a_sigmoid_weight():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0]], targets=[[0.0, 1.0]],
                               options=engine.Options(class_weights=(0.0, 2.0)))
    switched = edits.switch_mode(scenario, "sigmoid")
    assert ("class_weights_dropped", {"class_weights": [0.0, 2.0]}) in switched.notes
    assert switched.scenario.options.class_weights is None


# --- the mode switch: several labels, several classes -------------------------------------------

def test_the_chest_x_ray_says_which_rows_it_normalised_and_undo_is_the_old_scenario():
    scenario = preset("chest_xray_multilabel.json")
    switched = edits.switch_mode(scenario, "softmax")
    assert switched.notes == (("targets_normalised", {"rows": [0, 1]}),
                              ("targets_uniform", {"rows": [2]}))
    np.testing.assert_allclose(switched.scenario.targets[0], [0, 0.5, 0.5, 0, 0])
    np.testing.assert_allclose(switched.scenario.targets[2], [0.2] * 5)


def test_a_softmax_of_three_classes_becomes_one_hot_labels_and_back():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[1.0, 0.0, 2.0], [0.0, 1.0, 0.5]],
                               targets=[2, -100], options=engine.Options(label_smoothing=0.1))
    switched = edits.switch_mode(scenario, "sigmoid")
    assert switched.scenario.targets.tolist() == [[0, 0, 1], [0, 0, 0]]
    assert switched.notes == (("ignored_samples_counted", {"rows": [1]}),
                              ("label_smoothing_unused", {"label_smoothing": 0.1}))
    back = edits.switch_mode(switched.scenario.replace(targets=[[0, 0, 1], [1, 0, 0]]), "softmax")
    assert back.scenario.targets.tolist() == [2, 0] and back.notes == ()


def test_soft_targets_become_labels_with_a_note():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=[[1.0, 0.0, 2.0], [0, 0, 0]],
                               targets=[[0.7, 0.2, 0.1], [0.0, 1.0, 0.0]])
    switched = edits.switch_mode(scenario, "sigmoid")
    assert switched.notes == (("distribution_as_labels", {"rows": [0]}),)


def test_switching_to_the_same_mode_changes_nothing():
    scenario = preset("cat_dog_pig.json")
    switched = edits.switch_mode(scenario, "softmax")
    assert switched.scenario is scenario and switched.notes == ()
