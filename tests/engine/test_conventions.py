"""engine.conventions agrees with PyTorch, Keras and scikit-learn as recorded by
tools/record_convention_vectors.py (the libraries are not needed here), and names its reasons."""

import json
import math
from pathlib import Path

import numpy as np
import pytest
import scipy.special

import engine
from engine import conventions
from engine.conventions import batch_loss, compare, hardmax
from gui.shell.resources import resource_path

DATA = Path(__file__).parent / "data" / "convention_vectors.json"
VECTORS = json.loads(DATA.read_text(encoding="utf-8"))
NON_FINITE = {"inf": math.inf, "-inf": -math.inf, "nan": math.nan}
LIBRARIES = ("pytorch", "keras", "sklearn")


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    return NON_FINITE.get(value, value) if isinstance(value, str) else value


def scenario_of(case):
    """The Scenario a recorded case stands for: a preset, or a hand-made table."""
    if "preset" in case:
        return engine.from_json(resource_path("presets", case["preset"]).read_text("utf-8"))
    data = case["scenario"]
    return engine.Scenario(classes=tuple(f"class {c}" for c in range(len(data["rows"][0]))),
                           rows=data["rows"], targets=np.array(data["targets"]),
                           mode=data["mode"], input=data["input"],
                           options=engine.Options(**data["options"]))


CASES = [pytest.param(case, id=case["name"]) for case in VECTORS["cases"]]


def assert_close(actual, expected):
    """1e-9 relative; inf and nan must be the same."""
    np.testing.assert_allclose(np.asarray(actual, dtype=float),
                               np.asarray(decode(expected), dtype=float), rtol=1e-9, atol=0)


def in_nats(result, scenario):
    return result.loss * scenario.options.log_scale, result.sample_loss * scenario.options.log_scale


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("case", CASES)
def test_each_library_value_is_the_recorded_one(case, library):
    scenario = scenario_of(case)
    recorded = case["conventions"][library]
    result = batch_loss(scenario, library)
    assert result.not_expressible == recorded.get("not_expressible")
    if not result.expressible:
        assert (result.loss, result.sample_loss, result.calls) == (None, None, ())
        return
    loss, sample_loss = in_nats(result, scenario)
    assert_close(loss, recorded["loss"])
    assert_close(sample_loss, recorded["sample_loss"])


def preset_models():
    """(name, one-model scenario) of every model of every preset."""
    for path in sorted(resource_path("presets").glob("*.json")):
        preset = engine.from_json(path.read_text("utf-8"))
        for k, name in enumerate(preset.model_names):
            yield f"{path.stem} · {name}", preset.model_scenario(k)


def recorded_rows(scenario):
    """The recorded case with the same setup that holds each of the scenario's samples (its
    row and its target), and where: (case, row indices); None when no case does."""
    for case in VECTORS["cases"]:
        recorded = scenario_of(case)
        if (recorded.mode, recorded.input, recorded.options, recorded.target_kind) != (
                scenario.mode, scenario.input, scenario.options, scenario.target_kind):
            continue
        where = [next((j for j in range(len(recorded.samples))
                       if np.array_equal(recorded.rows[j], row)
                       and np.array_equal(recorded.targets[j], target)), None)
                 for row, target in zip(scenario.rows, scenario.targets)]
        if None not in where:
            return case, where
    return None


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("name, scenario", list(preset_models()))
def test_each_preset_models_sample_losses_are_the_recorded_ones(name, scenario, library):
    """Every model of every preset: its samples were recorded (as such, or as rows of a table
    recorded before the presets held several models)."""
    found = recorded_rows(scenario)
    assert found is not None, f"{name}: no recorded case holds its samples"
    case, where = found
    recorded = case["conventions"][library]
    result = batch_loss(scenario, library)
    assert result.not_expressible == recorded.get("not_expressible")
    if result.expressible:
        assert_close(in_nats(result, scenario)[1],
                     [decode(recorded["sample_loss"])[j] for j in where])


def test_the_recorder_saw_the_promised_edge_cases():
    names = {case["name"] for case in VECTORS["cases"]}
    assert {"p = 0 for the true class, then p = 0.5", "p = 1 for the true class",
            "rows that do not sum to 1", "logit gap 60", "logit gap 800",
            "sigmoid: p = 0, p = 1 and p below e^-100",
            "sigmoid: logit gaps 60 and 800"} <= names
    assert VECTORS["versions"]["torch"].startswith("2.13.0")
    assert (VECTORS["versions"]["keras"], VECTORS["versions"]["keras_backend"],
            VECTORS["versions"]["sklearn"]) == ("3.15.1", "torch", "1.9.1")


@pytest.mark.parametrize("case", [c for c in CASES if "hardmax" in c.values[0]])
def test_hardmax_is_numpys_and_kerass(case):
    result = hardmax(scenario_of(case).rows)
    np.testing.assert_array_equal(result.max, case["hardmax"]["max"])
    np.testing.assert_array_equal(result.one_hot, case["hardmax"]["one_hot"])


@pytest.mark.parametrize("case", VECTORS["unbatched_cross_entropy"],
                         ids=lambda case: f"{case['target']}-{case['kwargs']}")
def test_cross_entropy_takes_pytorchs_unbatched_form(case):
    value = engine.cross_entropy(case["logits"], np.array(case["target"]), **case["kwargs"])
    assert isinstance(value, float)
    assert value == pytest.approx(case["expected"], rel=1e-12)


# --- the article's numbers --------------------------------------------------------------------

def issue_example(**changes):
    """A true class predicted with p = 0, and a second sample with p = 0.5 (loss 0.693)."""
    values = dict(classes=("cat", "dog"), rows=[[0.0, 1.0], [0.5, 0.5]], targets=[0, 0],
                  input="probabilities")
    return engine.Scenario(**{**values, **changes})


def test_the_issues_numbers_for_p_equal_to_zero():
    results = compare(issue_example())
    assert results["textbook"].loss == math.inf
    assert results["pytorch"].loss == math.inf
    assert round(results["keras"].loss, 4) == 8.4056
    assert round(results["sklearn"].loss, 4) == 18.3684
    assert results["keras"].loss == pytest.approx((-math.log(1e-7) + math.log(2)) / 2, rel=1e-12)


def test_logits_0_and_800_give_800_from_logits_and_36_through_probabilities():
    results = compare(engine.Scenario(classes=("a", "b"), rows=[[0.0, 800.0]], targets=[0]))
    assert [results[name].loss for name in ("textbook", "pytorch", "keras")] == [800.0] * 3
    assert results["sklearn"].loss == pytest.approx(-math.log(np.finfo(float).eps), rel=1e-12)
    assert round(results["sklearn"].loss, 2) == 36.04
    rules = [reason["rule"] for reason in results["sklearn"].reasons]
    assert rules == ["underflow", "clip"]


# --- the reasons, as keys and numbers ---------------------------------------------------------

def test_keras_names_the_clip_with_its_bounds_and_the_sample():
    keras = batch_loss(issue_example(), "keras")
    assert keras.reasons == ({"rule": "clip", "changes_value": True, "low": 1e-7,
                              "high": 1 - 1e-7, "samples": ({"sample": 0, "class": 0, "p": 0.0,
                                                             "count": 1},)},)
    assert keras.reasons_for(1) == ()
    assert keras.sample_loss[0] == pytest.approx(-math.log(1e-7), rel=1e-15)


def test_keras_renormalises_rows_and_scikit_learn_only_warns():
    scenario = engine.Scenario(classes=("a", "b", "c"), input="probabilities",
                               rows=[[0.2, 0.3, 0.1], [0.3, 0.3, 0.4]], targets=[1, 2])
    results = compare(scenario)
    assert results["keras"].reasons == ({"rule": "renormalise", "changes_value": True,
                                         "samples": ({"sample": 0, "sum": 0.6},)},)
    assert results["keras"].sample_loss[0] == pytest.approx(-math.log(0.3 / 0.6), rel=1e-14)
    assert results["sklearn"].reasons == ({"rule": "sum_warning", "changes_value": False,
                                           "samples": ({"sample": 0, "sum": 0.6},)},)
    np.testing.assert_allclose(results["sklearn"].sample_loss, results["textbook"].sample_loss,
                               rtol=1e-15)
    assert results["pytorch"].reasons == ()


def test_a_logit_gap_of_60_is_clipped_in_scikit_learn_but_does_not_underflow():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 60.0]], targets=[0])
    (clip,) = batch_loss(scenario, "sklearn").reasons
    assert clip["rule"] == "clip"
    assert clip["samples"][0]["p"] == pytest.approx(math.exp(-60), rel=1e-12)


def test_bceloss_clamps_each_log_at_minus_100():
    scenario = engine.Scenario(classes=("a", "b"), mode="sigmoid", input="probabilities",
                               rows=[[0.0, 1e-50], [0.5, 1.0]], targets=[[1.0, 1.0], [1.0, 0.0]])
    torch = batch_loss(scenario, "pytorch")
    assert torch.sample_loss.tolist() == [200.0, pytest.approx(100 + math.log(2), rel=1e-15)]
    (clamp,) = torch.reasons
    assert (clamp["rule"], clamp["bound"]) == ("clamp_log", -100.0)
    assert clamp["samples"] == ({"sample": 0, "class": 0, "p": 0.0, "count": 2, "term": "p"},
                                {"sample": 1, "class": 1, "p": 1.0, "count": 1, "term": "1-p"})


def test_scikit_learn_sigmoid_from_logits_names_the_probability_that_became_0_or_1():
    scenario = engine.Scenario(classes=("a", "b"), mode="sigmoid", rows=[[-800.0, 40.0]],
                               targets=[[1.0, 0.0]])
    underflow, clip = batch_loss(scenario, "sklearn").reasons
    assert (underflow["rule"], underflow["smallest"], underflow["rounds_to_one_below"]) == (
        "underflow", 5e-324, 2.0 ** -53)
    assert underflow["samples"] == ({"sample": 0, "class": 0, "p": 0.0, "count": 2,
                                     "term": "p", "log_p": -800.0},)
    assert clip["samples"][0]["count"] == 2


def test_pytorch_gives_nan_where_a_soft_target_of_0_meets_p_equal_to_0():
    scenario = engine.Scenario(classes=("a", "b", "c"), input="probabilities",
                               rows=[[0.0, 0.4, 0.6], [0.2, 0.3, 0.5]],
                               targets=[[0.0, 0.5, 0.5], [0.2, 0.3, 0.5]])
    results = compare(scenario)
    assert math.isnan(results["pytorch"].loss) and math.isnan(results["pytorch"].sample_loss[0])
    assert results["pytorch"].reasons[0]["rule"] == "zero_times_log_zero"
    assert results["textbook"].loss == pytest.approx(results["keras"].loss, rel=1e-15)
    assert results["sklearn"].not_expressible == "soft_targets"


def test_textbook_is_the_analysis_and_in_the_scenarios_unit():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[2.0, 0.0]], targets=[0],
                               options=engine.Options(log_base="2"))
    analysis = engine.analyze(scenario)
    results = compare(scenario, analysis=analysis)
    assert results["textbook"].loss == analysis.loss
    assert results["textbook"].sample_loss is analysis.sample_loss
    assert results["textbook"].calls == () and results["textbook"].unit == "bits"
    for name in ("pytorch", "keras", "sklearn"):
        assert results[name].loss == pytest.approx(analysis.loss, rel=1e-15)
        assert results[name].call.expression.endswith(" / math.log(2)")


# --- the calls --------------------------------------------------------------------------------

CALLS = [
    (dict(input="probabilities"), "pytorch", "torch.nn.NLLLoss()(torch.log(probabilities), target)"),
    (dict(input="probabilities"), "keras",
     "keras.ops.sum(keras.losses.categorical_crossentropy(y_true, probabilities)) / len(target)"),
    (dict(input="probabilities"), "sklearn",
     "sklearn.metrics.log_loss(target, probabilities, labels=range(2))"),
    (dict(rows=[[0.0, 800.0], [1.0, 0.5]], options=engine.Options(temperature=2.0)), "pytorch",
     "torch.nn.CrossEntropyLoss()(logits / 2.0, target)"),
    (dict(rows=[[0.0, 800.0], [1.0, 0.5]], targets=[0, 1]), "sklearn",
     "sklearn.metrics.log_loss(target, probabilities)"),
    (dict(mode="sigmoid", targets=[[1.0, 0.0], [0.0, 1.0]], options=engine.Options(
        class_weights=(1.0, 2.0), pos_weight=(3.0, 1.0), reduction="sum")), "pytorch",
     'torch.nn.BCEWithLogitsLoss(weight=weight, pos_weight=pos_weight, reduction="sum")'
     "(logits, target)"),
    (dict(mode="sigmoid", targets=[[1.0, 0.0], [0.0, 1.0]]), "sklearn",
     "np.mean([sklearn.metrics.log_loss(target[:, c], probabilities[:, c], labels=[0, 1]) "
     "for c in range(2)])"),
]


@pytest.mark.parametrize("changes, library, expression", CALLS)
def test_the_call_is_the_one_a_student_writes(changes, library, expression):
    values = dict(classes=("a", "b"), rows=[[0.0, 1.0], [0.5, 0.5]], targets=[0, 0])
    assert batch_loss(engine.Scenario(**{**values, **changes}), library).call.expression == \
        expression


def test_keras_has_the_articles_tf_keras_spelling_and_a_one_hot_setup():
    keras, tf_keras = batch_loss(issue_example(), "keras").calls
    assert keras.setup == ("y_true = keras.utils.to_categorical(target, num_classes=2)",)
    assert (tf_keras.spelling, tf_keras.imports) == ("tf.keras", ("import tensorflow as tf",))
    assert tf_keras.expression == \
        "tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y_true, probabilities))"


def test_scikit_learn_from_logits_goes_through_scipys_softmax():
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 800.0]], targets=[0])
    (call,) = batch_loss(scenario, "sklearn").calls
    assert call.setup == ("probabilities = scipy.special.softmax(logits, axis=1)",)
    assert call.imports == ("import scipy.special", "import sklearn.metrics")


@pytest.mark.parametrize("changes, library, key", [
    (dict(options=engine.Options(class_weights=(1.0, 2.0))), "keras", "class_weights"),
    (dict(targets=[0, -100]), "keras", "ignore_index"),
    (dict(targets=[0, -100]), "sklearn", "ignore_index"),
    (dict(options=engine.Options(label_smoothing=0.1)), "sklearn", "label_smoothing"),
    (dict(mode="sigmoid", input="probabilities", targets=[[1.0, 0.0], [0.0, 1.0]],
          options=engine.Options(pos_weight=(2.0, 1.0))), "pytorch", "pos_weight"),
])
def test_what_a_library_cannot_express_is_a_key_not_a_fake_value(changes, library, key):
    values = dict(classes=("a", "b"), rows=[[0.2, 0.8], [0.5, 0.5]], targets=[0, 0])
    result = batch_loss(engine.Scenario(**{**values, **changes}), library)
    assert (result.not_expressible, result.loss, result.calls) == (key, None, ())


def test_an_unknown_convention_is_refused():
    with pytest.raises(ValueError, match="convention must be one of"):
        batch_loss(issue_example(), "jax")


def test_to_dict_is_plain_data():
    data = batch_loss(issue_example(), "keras").to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["calls"][0]["spelling"] == "keras" and data["reasons"][0]["rule"] == "clip"


# --- hardmax ----------------------------------------------------------------------------------

def test_hardmax_marks_the_first_maximum_and_says_when_there_is_a_tie():
    result = hardmax([[1.0, 3.0, 3.0], [0.5, 2.0, -1.0]])
    np.testing.assert_array_equal(result.one_hot, [[0, 1, 0], [0, 1, 0]])
    np.testing.assert_array_equal(result.max, [3.0, 2.0])
    np.testing.assert_array_equal(result.ties, [True, False])
    assert result.calls["tensorflow"]["max"] == "tf.reduce_max(logits, axis=-1)"
    assert result.calls["numpy"]["max"] == "np.max(logits, axis=-1)"


def test_hardmax_of_one_row_and_of_the_softmax_agree():
    row = np.array([0.5, 4.0, 1.0])
    assert hardmax(row).argmax == 1 and hardmax(row).max == 4.0
    np.testing.assert_array_equal(hardmax(engine.softmax(row)).one_hot, hardmax(row).one_hot)


# --- scikit-learn's expit, as the convention computes it --------------------------------------

@pytest.mark.parametrize("z", [-800.0, -745.0, -710.0, -709.0, -40.0, 0.0, 36.0, 37.0, 800.0])
def test_the_sklearn_convention_takes_scipys_expit_bit_for_bit(z):
    assert conventions._expit(np.array(z)) == scipy.special.expit(z)
