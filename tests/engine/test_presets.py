"""Every example in resources/presets/ loads, and says true things: each number its description
quotes is written down here independently and checked against the engine."""

import importlib.util
import math

import numpy as np
import pytest

import engine
from engine import edits, training
from gui.shell.resources import resource_path

PRESETS = resource_path("presets")

# File → (the number as the description writes it, how to get it from the models' Analyses).
# A number written with 15 or more decimals must be exactly the float it reads as.
CLAIMS = {
    "cat_dog_pig.json": [("1.3784", lambda a: a[0].loss), ("0.6391", lambda a: a[1].loss)],
    "sklearn_log_loss.json": [("1.3783888522474517", lambda a: a[0].loss),
                              ("0.6391075640678003", lambda a: a[1].loss)],
    "two_models_one_truth.json": [("0.6931", lambda a: a[0].loss),
                                  ("0.3567", lambda a: a[1].loss)],
    "binary_sigmoid.json": [("0.1269", lambda a: a[0].sample_loss[0]),
                            ("0.2483", lambda a: a[0].loss)],
    "binary_softmax.json": [("0.1269", lambda a: a[0].sample_loss[0]),
                            ("0.2483", lambda a: a[0].loss)],
    "chest_xray_multilabel.json": [("0.7953", lambda a: a[0].sample_loss[0]),
                                   ("0.1758", lambda a: a[0].loss)],
    "next_token.json": [
        ("0.1389", lambda a: a[0].probabilities[0, true_token(a[0])]),
        ("1.9741", lambda a: a[0].loss),
        ("7.20", lambda a: math.exp(a[0].loss)),
        ("0.0718", lambda a: at_temperature_one(a[0]).probabilities[0, true_token(a[0])]),
        ("2.6336", lambda a: at_temperature_one(a[0]).loss),
    ],
    # The learning presets: numbers after so many steps of lr 1 (the Learn panel's default).
    "learn_binary_pair.json": [
        ("0.6931", lambda a: math.log(2)),
        ("0.125", lambda a: pair(a, 1).sigmoid_logits[1, 0]),
        ("0.25", lambda a: pair(a, 1).softmax_margins[1, 0]),
        ("0.1379", lambda a: pair(a, 30).sigmoid.losses[-1]),
        ("0.0696", lambda a: pair(a, 30).softmax.losses[-1]),
    ],
    "learn_label_smoothing.json": [
        ("0.9333", lambda a: 1 - 0.1 + 0.1 / 3),
        ("0.0333", lambda a: 0.1 / 3),
        ("3.3322", lambda a: gap(trained(a[0].scenario, 1000))),
        ("3.3322", lambda a: math.log(28)),
        ("0.2911", lambda a: a[0].entropy[0]),
        ("4.97", lambda a: gap(trained(hard(a), 100))),
        ("7.31", lambda a: gap(trained(hard(a), 1000))),
    ],
    "learn_class_weights.json": [
        ("0.9148", lambda a: training.train(a[0].scenario, 10).true_probabilities[-1, 1]),
        ("0.6828", lambda a: training.train(a[0].scenario, 10).true_probabilities[-1, 0]),
        ("0.8592", lambda a: training.train(edits.set_options(a[0].scenario, class_weights=None),
                                            10).true_probabilities[-1, 0]),
    ],
}
# The models of each preset, as File ▸ Examples shows them.
MODELS = {"cat_dog_pig.json": ("Model 1", "Model 2"),
          "sklearn_log_loss.json": ("Model 1", "Model 2"),
          "two_models_one_truth.json": ("甲", "乙")}


def pair(analyses, steps):
    return training.train_pair(analyses[0].scenario, steps, 1.0)


def trained(scenario, steps):
    return training.train(scenario, steps, 1.0).scenario


def hard(analyses):
    return edits.set_options(analyses[0].scenario, label_smoothing=0.0)


def gap(scenario):
    """Photo 1's logit of its true class minus the dog's."""
    return scenario.rows[0, 0] - scenario.rows[0, 1]


def at_temperature_one(analysis):
    return engine.analyze(edits.set_options(analysis.scenario, temperature=1.0))


def true_token(analysis):
    return analysis.scenario.targets[0]


def load(name):
    return engine.from_json((PRESETS / name).read_text(encoding="utf-8"))


def preset_names():
    return sorted(path.name for path in PRESETS.glob("*.json"))


def test_every_preset_file_has_its_claims_checked():
    assert preset_names() == sorted(CLAIMS)


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_preset_loads_and_has_a_title_and_description(name):
    scenario = load(name)
    assert scenario.title and len(scenario.description) > 80
    assert scenario.model_names == MODELS.get(name, ("Model 1",))
    assert engine.to_json(scenario) == (PRESETS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(CLAIMS))
def test_preset_numbers_are_what_its_description_says(name):
    scenario = load(name)
    analyses = engine.analyze_models(scenario)
    for text, value_of in CLAIMS[name]:
        assert text in scenario.description, f"{name}: '{text}' is not in the description"
        value = float(value_of(analyses))
        decimals = len(text.split(".")[1])
        if decimals >= 15:
            assert value == float(text)
        else:
            assert f"{value:.{decimals}f}" == text, f"{name}: {value!r} is not {text}"


def sklearn_log_loss(scenario):
    """scikit-learn's log_loss of a one-model scenario, the probabilities made by SciPy."""
    metrics = pytest.importorskip("sklearn.metrics")
    special = pytest.importorskip("scipy.special")
    options = scenario.options
    assert (options.class_weights, options.pos_weight, options.label_smoothing,
            options.reduction, options.log_base) == (None, None, 0.0, "mean", "e")
    p = scenario.rows
    if scenario.input == "logits":
        z = scenario.rows / options.temperature
        p = special.softmax(z, axis=1) if scenario.mode == "softmax" else special.expit(z)
    if scenario.mode == "sigmoid":  # every (sample, label) pair is one binary example
        return metrics.log_loss(scenario.targets.ravel(), p.ravel(), labels=[0, 1])
    truth = scenario.targets
    if scenario.target_kind == "distribution":
        assert np.isin(truth, (0.0, 1.0)).all()  # one-hot rows: log_loss takes those
        truth = np.argmax(truth, axis=1)
    return metrics.log_loss(truth, p, labels=list(range(len(scenario.classes))))


def plain_options(name):
    """Options log_loss can express: no class weights, pos_weight or label smoothing, the mean,
    nats. (The learning presets show what weights and smoothing do; their numbers are checked
    above, and against PyTorch and Keras in test_conventions.)"""
    options = load(name).options
    return (options.class_weights, options.pos_weight, options.label_smoothing,
            options.reduction, options.log_base) == (None, None, 0.0, "mean", "e")


@pytest.mark.parametrize("name", [name for name in sorted(CLAIMS) if plain_options(name)])
def test_every_models_loss_is_scikit_learns(name):
    scenario = load(name)
    for k, analysis in enumerate(engine.analyze_models(scenario)):
        expected = sklearn_log_loss(scenario.model_scenario(k))
        assert analysis.loss == pytest.approx(expected, rel=1e-13, abs=0), scenario.model_names[k]


def test_every_example_of_several_models_is_among_those_checked_against_scikit_learn():
    several = [name for name in preset_names() if len(load(name).models) > 1]
    assert {"cat_dog_pig.json", "sklearn_log_loss.json", "two_models_one_truth.json"} <= \
        set(several)
    assert all(plain_options(name) for name in several)  # so each model's loss is checked


def test_the_log_loss_preset_is_scikit_learns_two_numbers_exactly_model_2_lower():
    scenario = load("sklearn_log_loss.json")
    comparison = engine.Comparison(engine.analyze_models(scenario))
    assert comparison.losses.tolist() == [1.3783888522474517, 0.6391075640678003]
    assert comparison.lowest == (1,)
    for k, expected in enumerate(comparison.losses):
        assert sklearn_log_loss(scenario.model_scenario(k)) == expected


def test_cat_dog_pig_models_tie_on_accuracy_but_model_2_has_the_lower_loss():
    first, second = engine.analyze_models(load("cat_dog_pig.json"))
    assert first.correct.tolist() == second.correct.tolist() == [True, True, False]
    assert second.loss < first.loss


def test_two_models_one_truth_is_the_articles_jia_and_yi():
    scenario = load("two_models_one_truth.json")
    jia, yi = engine.analyze_models(scenario)
    assert (jia.loss, yi.loss) == (-math.log(0.5), -math.log(0.7))
    assert engine.Comparison((jia, yi)).lowest == (1,)


def test_binary_sigmoid_and_two_class_softmax_give_equal_numbers():
    sigmoid = engine.analyze(load("binary_sigmoid.json"))
    softmax = engine.analyze(load("binary_softmax.json"))
    np.testing.assert_allclose(sigmoid.probabilities[:, 0], softmax.probabilities[:, 1],
                               rtol=1e-15)
    np.testing.assert_allclose(sigmoid.sample_loss, softmax.sample_loss, rtol=1e-15)
    assert sigmoid.loss == pytest.approx(softmax.loss, rel=1e-15)


def test_chest_xray_is_multi_label():
    scenario = load("chest_xray_multilabel.json")
    assert scenario.mode == "sigmoid"
    assert (scenario.targets.sum(axis=1) >= 2).sum() >= 2


def test_next_token_preset_is_a_few_thousand_token_vocabulary_at_temperature_0_7():
    scenario = load("next_token.json")
    assert 3000 <= len(scenario.classes) <= 5000
    assert scenario.shape == (1, len(scenario.classes))
    assert scenario.options.temperature == 0.7
    assert scenario.classes[scenario.targets[0]] == "mat"
    assert (PRESETS / "next_token.json").stat().st_size < 200_000


def test_make_presets_reproduces_the_committed_files():
    path = resource_path("..", "tools", "make_presets.py")
    spec = importlib.util.spec_from_file_location("make_presets", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, text in module.preset_texts().items():
        assert (PRESETS / name).read_text(encoding="utf-8") == text, name


def test_label_smoothing_settles_where_p_is_q_and_hard_labels_do_not():
    scenario = load("learn_label_smoothing.json")
    settled = training.train(scenario, 1000, 1.0)
    np.testing.assert_allclose(settled.analysis.probabilities[0], [0.9 + 0.1 / 3, 0.1 / 3,
                                                                   0.1 / 3], rtol=1e-9)
    assert settled.losses[-1] == pytest.approx(engine.analyze(scenario).entropy.mean(),
                                               rel=1e-9)
    hard_run = training.train(edits.set_options(scenario, label_smoothing=0.0), 1000, 1.0)
    assert (np.diff(hard_run.losses) < 0).all()  # still falling at step 1,000


def test_class_weights_make_the_weighted_sample_improve_first():
    run = training.train(load("learn_class_weights.json"), 10, 1.0)
    p = run.true_probabilities
    assert p[0, 0] == p[0, 1] == pytest.approx(1 / 3)
    assert (p[1:, 1] > p[1:, 0]).all()
