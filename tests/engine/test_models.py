"""A scenario with several models (issue 15): they share the classes, samples, targets and
options, each has a name and its own rows; the version-2 file format; the model edits;
analyze_models and Comparison."""

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import engine
import engine.analysis as analysis_module
from engine import (Comparison, Model, MultipleModelsError, Options, Scenario, ScenarioError,
                    analyze, analyze_models, edits)
from engine.scenario import MAX_CELLS
from strategies import model_scenarios

CLASSES = ("cat", "dog", "pig")
# The article's photos: model 1 and model 2 of sklearn's log_loss example, truth (2, 1, 0).
MODEL_1 = [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]]
MODEL_2 = [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]]


def photos(**changes):
    return Scenario(**{"classes": CLASSES, "targets": [2, 1, 0], "input": "probabilities",
                       "models": (Model("Model 1", MODEL_1), Model("Model 2", MODEL_2)),
                       **changes})


def refusal(make):
    with pytest.raises(ScenarioError) as caught:
        make()
    return caught.value


def v2_text(models, **changes):
    data = {"format": "logit-lab", "version": 2, "classes": list(CLASSES), "targets": [2, 1, 0],
            "input": "probabilities", "models": models, **changes}
    return json.dumps(data)


# --- the Scenario ------------------------------------------------------------------------------

def test_models_share_everything_but_their_names_and_rows():
    scenario = photos()
    assert scenario.model_names == ("Model 1", "Model 2")
    assert scenario.shape == (3, 3)
    np.testing.assert_array_equal(scenario.models[1].rows, MODEL_2)
    assert not scenario.models[1].rows.flags.writeable


def test_rows_of_a_scenario_with_several_models_is_a_mistake_said_plainly():
    with pytest.raises(MultipleModelsError, match="2 models: take models\\[k\\].rows"):
        photos().rows
    with pytest.raises(MultipleModelsError):
        photos().replace(rows=MODEL_1)
    with pytest.raises(MultipleModelsError):
        analyze(photos())


def test_a_one_model_scenario_is_what_rows_makes_and_replace_rows_keeps_its_name():
    scenario = Scenario(classes=CLASSES, rows=MODEL_1, targets=[2, 1, 0])
    assert scenario.model_names == ("Model 1",)
    renamed = edits.rename_model(scenario, 0, "甲")
    assert renamed.replace(rows=MODEL_2).model_names == ("甲",)
    np.testing.assert_array_equal(renamed.replace(rows=MODEL_2).rows, MODEL_2)


def test_model_scenario_shares_the_arrays_and_is_a_one_model_scenario():
    scenario = photos(title="Photos")
    second = scenario.model_scenario(1)
    assert second.rows is scenario.models[1].rows
    assert second.targets is scenario.targets and second.classes is scenario.classes
    assert second.model_names == ("Model 2",) and second.title == "Photos"
    assert scenario.model_scenario(1) is second  # made once
    assert second.model_scenario(0) is second
    assert scenario.model_scenario(-1) is second
    with pytest.raises(IndexError):
        scenario.model_scenario(2)


def test_scenarios_are_equal_when_their_models_are():
    assert photos() == photos()
    assert photos() != edits.rename_model(photos(), 1, "Model B")
    assert photos() != edits.set_cell(photos(), 0, 0, 0.25, model=1)
    assert photos() != edits.move_model(photos(), 1, 0)


@pytest.mark.parametrize("models, code, message, details", [
    ((Model("Model 1", MODEL_1), Model("Model 2", MODEL_2[:2])), "shape",
     "model 'Model 2': 2 × 3 values, but model 'Model 1' has 3 × 3",
     {"model": 1, "model_name": "Model 2"}),
    ((Model("Model 1", MODEL_1), Model("Model 2", [r[:2] for r in MODEL_2])), "shape",
     "model 'Model 2': rows have 2 columns but there are 3 classes", {"model": 1}),
    ((Model("Model 1", MODEL_1), Model("Model 2", [[0.1, "x", 0.7]] * 3)), "not_a_number",
     "model 'Model 2': row 1, column 'dog': 'x' is not a number",
     {"model": 1, "row": 0, "column": 1}),
    ((Model("Model 1", MODEL_1), Model("Model 2", [[0.1, 1.2, 0.7]] * 3)), "probability_range",
     "model 'Model 2': row 1, column 'dog'", {"model": 1}),
    ((Model("A", MODEL_1), Model("A", MODEL_2)), "duplicate_name", "models: 'A' appears twice",
     {"name": "A"}),
    ((Model("A", MODEL_1), Model(" ", MODEL_2)), "empty_name", "model 2 has no name", {"model": 1}),
    ((Model("A", MODEL_1), Model("B\n", MODEL_2)), "control_character", "models[1].name", {}),
    ((), "no_models", "at least one model", {"field": "models"}),
], ids=["too few rows", "too few columns", "text cell", "probability above 1", "duplicate name",
        "empty name", "control character", "no model"])
def test_a_bad_model_is_refused_naming_it(models, code, message, details):
    error = refusal(lambda: photos(models=models))
    assert error.code == code
    assert message in str(error)
    assert error.details.items() >= details.items()


def test_one_model_refusals_read_as_before():
    error = refusal(lambda: Scenario(classes=CLASSES, rows=[[1.0, "x", 2.0]], targets=[0]))
    assert str(error) == "row 1, column 'dog': 'x' is not a number"
    assert "model" not in error.details


def test_at_most_100_models_and_a_101st_is_refused():
    many = edits.add_model(photos())
    for _ in range(97):
        many = edits.add_model(many)
    assert len(many.models) == 100 and many.model_names[-1] == "Model 100"
    error = refusal(lambda: edits.add_model(many))
    assert (error.code, error.details["kind"]) == ("too_large", "models")
    assert str(error) == "101 models are more than the 100 Logit Lab compares"


def test_every_model_counts_towards_the_size_limit():
    half = np.zeros((MAX_CELLS // 20, 10))
    Scenario(classes=tuple("abcdefghij"), targets=np.zeros(len(half), dtype=int),
             models=(Model("A", half), Model("B", half)))
    error = refusal(lambda: Scenario(
        classes=tuple("abcdefghij"), targets=np.zeros(len(half), dtype=int),
        models=(Model("A", half), Model("B", half), Model("C", half[:1]))))
    assert error.code == "too_large" and error.details["kind"] == "model_cells"
    assert f"3 models of {MAX_CELLS + 10:,} values in all" in str(error)


# --- the file format ---------------------------------------------------------------------------

def test_two_models_are_written_as_version_2_and_read_back_equal():
    text = engine.to_json(photos())
    data = json.loads(text)
    assert data["version"] == 2 and "rows" not in data
    assert data["models"] == [{"name": "Model 1", "rows": MODEL_1},
                              {"name": "Model 2", "rows": MODEL_2}]
    assert engine.from_json(text) == photos()
    assert engine.to_json(engine.from_json(text)) == text


def test_one_model_is_written_as_version_1_which_older_builds_read():
    scenario = Scenario(classes=CLASSES, rows=MODEL_1, targets=[2, 1, 0])
    data = json.loads(engine.to_json(scenario))
    assert data["version"] == 1 and data["rows"] == MODEL_1 and "models" not in data
    assert engine.from_json(engine.to_json(scenario)) == scenario


def test_a_lone_model_with_a_name_of_its_own_keeps_it_in_version_2():
    scenario = edits.remove_model(photos(), 0)
    data = json.loads(engine.to_json(scenario))
    assert data["version"] == 2 and data["models"][0]["name"] == "Model 2"
    assert engine.from_json(engine.to_json(scenario)) == scenario


def test_a_version_1_file_opens_as_one_model_named_model_1():
    text = json.dumps({"format": "logit-lab", "version": 1, "classes": list(CLASSES),
                       "rows": MODEL_1, "targets": [2, 1, 0]})
    scenario = engine.from_json(text)
    assert scenario.model_names == ("Model 1",)
    np.testing.assert_array_equal(scenario.rows, MODEL_1)


@given(model_scenarios())
@settings(max_examples=60)
def test_any_scenario_round_trips_through_its_file(scenario):
    text = engine.to_json(scenario)
    assert engine.from_json(text) == scenario
    assert engine.to_json(engine.from_json(text)) == text


@pytest.mark.parametrize("text, code, message", [
    (v2_text([]), "no_models", "\"models\" must be a list of at least one model"),
    (v2_text("Model 1"), "no_models", "at least one model"),
    (v2_text([{"name": "A", "rows": MODEL_1}, ["B", MODEL_2]]), "not_object",
     "models[1] must be an object"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"rows": MODEL_2}]), "missing_field",
     "missing field 'models[1].name'"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"name": "B"}]), "missing_field",
     "missing field 'models[1].rows'"),
    (v2_text([{"name": "A", "rows": MODEL_1, "colour": "red"}]), "unknown_field",
     "unknown field 'models[0].colour'"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"name": "A", "rows": MODEL_2}]),
     "duplicate_name", "models: 'A' appears twice"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"name": "", "rows": MODEL_2}]),
     "empty_name", "model 2 has no name"),
    (v2_text([{"name": 7, "rows": MODEL_1}]), "not_text", "models[0].name: 7 is not text"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"name": "B", "rows": MODEL_2 + MODEL_2}]),
     "shape", "model 'B': 6 × 3 values, but model 'A' has 3 × 3"),
    (v2_text([{"name": "A", "rows": MODEL_1}, {"name": "B", "rows": [[0.5, 0.5]] * 3}]),
     "shape", "model 'B': rows have 2 columns but there are 3 classes"),
    (v2_text([{"name": "A", "rows": MODEL_1}], rows=MODEL_1), "unknown_field",
     "unknown field 'rows'"),
    (v2_text([{"name": "A", "rows": MODEL_1}], version=1), "unknown_field",
     "unknown field 'models'"),
    (v2_text(None), "missing_field", "missing field 'models'"),
], ids=["empty list", "not a list", "model not an object", "no name", "no rows", "unknown key",
        "duplicate name", "empty name", "name not text", "rows not samples", "columns not classes",
        "rows beside models", "models in version 1", "no models"])
def test_a_version_2_file_with_a_bad_model_is_refused_naming_it(text, code, message):
    if '"models": null' in text:
        text = text.replace(', "models": null', "")
    error = refusal(lambda: engine.from_json(text))
    assert error.code == code
    assert message in str(error)


def test_a_file_of_several_models_over_the_size_limit_is_refused_before_it_is_parsed():
    row = [0.0] * 10
    table = [row] * (MAX_CELLS // 20 + 1)
    text = json.dumps({"format": "logit-lab", "version": 2, "classes": list("abcdefghij"),
                       "targets": [0] * len(table),
                       "models": [{"name": "A", "rows": table}, {"name": "B", "rows": table}]})
    error = refusal(lambda: engine.from_json(text))
    assert error.code == "too_large" and error.details["models"] == 2


# --- edits -------------------------------------------------------------------------------------

def test_normalize_rows_of_one_model_or_of_every_model():
    off = photos(models=(Model("Model 1", [[0.6, 0.3, 0.4]] + MODEL_1[1:]),
                         Model("Model 2", MODEL_2[:2] + [[0.3, 0.6, 0.3]])))
    assert edits.row_sums_off(off, model=0) == [0] and edits.row_sums_off(off, model=1) == [2]
    second = edits.normalize_rows(off, [2], model=1)
    assert second.models[0] is off.models[0]
    np.testing.assert_allclose(second.models[1].rows[2], [0.25, 0.5, 0.25])
    every = edits.normalize_rows(off)
    assert [edits.row_sums_off(every, model=k) for k in range(2)] == [[], []]


def test_a_cell_edit_changes_its_model_only_and_keeps_the_other_model_itself():
    before = photos()
    after = edits.set_cell(before, 2, 0, 0.25, model=1)
    assert after.models[0] is before.models[0]
    assert after.models[1].rows[2, 0] == 0.25 and after.models[1].name == "Model 2"
    pasted = edits.set_block(before, 1, 1, [[0.5, 0.25]], model=1)
    np.testing.assert_array_equal(pasted.models[1].rows[1], [0.1, 0.5, 0.25])
    assert pasted.models[0] is before.models[0]


@pytest.mark.parametrize("mode, input, value", [
    ("softmax", "logits", 0.0), ("softmax", "probabilities", 1 / 3),
    ("sigmoid", "logits", 0.0), ("sigmoid", "probabilities", 0.5)])
def test_an_empty_model_says_every_class_is_equally_likely(mode, input, value):
    scenario = edits.convert_mode(edits.convert_input(photos(), input), mode)
    added = edits.add_model(scenario)
    assert added.model_names[-1] == "Model 3"
    np.testing.assert_array_equal(added.models[-1].rows, np.full((3, 3), value))
    analysis = analyze_models(added)[-1]
    np.testing.assert_allclose(analysis.probabilities, 1 / 3 if mode == "softmax" else 0.5)


def test_a_duplicate_starts_as_a_copy_under_a_new_name():
    one = Scenario(classes=CLASSES, rows=MODEL_1, targets=[2, 1, 0], input="probabilities")
    two = edits.add_model(one, duplicate=0)
    assert two.model_names == ("Model 1", "Model 2")
    np.testing.assert_array_equal(two.models[1].rows, MODEL_1)
    three = edits.add_model(edits.rename_model(two, 1, "Model 3"), name="Teacher", duplicate=1,
                            at=0)
    assert three.model_names == ("Teacher", "Model 1", "Model 3")


def test_rename_move_and_remove_models():
    scenario = edits.add_model(photos(), name="C")
    assert edits.move_model(scenario, 2, 0).model_names == ("C", "Model 1", "Model 2")
    assert edits.move_model(scenario, 0, 2).model_names == ("Model 2", "C", "Model 1")
    assert edits.remove_model(scenario, 1).model_names == ("Model 1", "C")
    assert refusal(lambda: edits.rename_model(scenario, 2, "Model 1")).code == "duplicate_name"
    assert refusal(lambda: edits.rename_model(scenario, 2, "")).code == "empty_name"
    one = edits.remove_model(photos(), 0)
    assert refusal(lambda: edits.remove_model(one, 0)).code == "last_model"


@pytest.mark.parametrize("edit", [
    lambda s: edits.add_row(s, 1),
    lambda s: edits.remove_rows(s, [0]),
    lambda s: edits.add_class(s, 1, "cow"),
    lambda s: edits.remove_class(s, 2),
    lambda s: edits.convert_input(s, "logits"),
    lambda s: edits.normalize_rows(s),
    lambda s: edits.convert_mode(s, "sigmoid"),
    lambda s: edits.convert_mode(edits.remove_class(s, 0), "sigmoid"),
], ids=["add sample", "remove sample", "add class", "remove class", "to logits", "normalize",
        "to sigmoid", "two classes to one label"])
def test_an_edit_of_the_setup_applies_to_every_model_as_to_each_alone(edit):
    before = photos(models=(Model("Model 1", [[0.6, 0.3, 0.4]] + MODEL_1[1:]),
                            Model("Model 2", MODEL_2[:2] + [[0.3, 0.6, 0.3]])))
    after = edit(before)
    assert after.model_names == before.model_names
    for k in range(2):
        alone = edit(before.model_scenario(k))
        assert after.model_scenario(k) == alone.replace(models=(Model(before.model_names[k],
                                                                      alone.rows),))


def test_a_mode_switch_of_several_models_lists_the_rows_of_each_in_its_notes():
    logits = edits.set_options(edits.convert_input(edits.remove_class(photos(), 0), "logits"),
                               class_weights=(1.0, 2.0))
    logits = edits.set_block(logits, 0, 0, [[0.0], [0.0], [0.0]], model=0)
    logits = edits.set_block(logits, 0, 0, [[0.0], [0.5], [0.0]], model=1)
    switch = engine.switch_mode(logits, "sigmoid")
    notes = dict(switch.notes)
    assert notes["logits_as_difference"] == {"rows": [1]}
    assert notes["weights_as_pos_weight"]["pos_weight"] == [2.0]
    assert switch.scenario.model_names == ("Model 1", "Model 2")


# --- analyze_models and Comparison -------------------------------------------------------------

def assert_same_analysis(got, expected):
    for name in ("probabilities", "targets", "terms", "sample_loss", "gradient", "entropy", "kl"):
        assert getattr(got, name).tobytes() == getattr(expected, name).tobytes(), name
    assert repr(got.loss) == repr(expected.loss)


def test_analyze_models_gives_each_models_analysis_with_its_name():
    scenario = photos()
    analyses = analyze_models(scenario)
    assert [a.model_name for a in analyses] == ["Model 1", "Model 2"]
    assert analyses[0].loss == 1.3783888522474517
    assert analyses[1].loss == 0.6391075640678003
    assert analyses[1].scenario is scenario.model_scenario(1)


@given(model_scenarios(), st.data())
@settings(max_examples=60)
def test_analyze_models_from_the_previous_ones_is_bit_identical(scenario, data):
    k = data.draw(st.integers(0, len(scenario.models) - 1))
    n, c = data.draw(st.integers(0, scenario.shape[0] - 1)), data.draw(
        st.integers(0, scenario.shape[1] - 1))
    after = edits.set_cell(scenario, n, c, 0.5, model=k)
    previous = analyze_models(scenario)
    for got, expected in zip(analyze_models(after, previous), analyze_models(after)):
        assert_same_analysis(got, expected)
        assert got.scenario.models == expected.scenario.models


@pytest.fixture
def computed(monkeypatch):
    """The number of rows each analyze call computed, in order."""
    calls = []
    real = analysis_module._sample_results

    def spy(scenario, index):
        calls.append(len(np.arange(len(scenario.samples))[index]))
        return real(scenario, index)

    monkeypatch.setattr(analysis_module, "_sample_results", spy)
    return calls


def large(models=2, rows=64, classes=1000):
    rng = np.random.default_rng(1)
    return Scenario(classes=tuple(f"c{c}" for c in range(classes)),
                    targets=rng.integers(0, classes, rows),
                    models=tuple(Model(f"Model {m + 1}", rng.normal(0, 2, (rows, classes)))
                                 for m in range(models)))


def test_an_edit_of_one_model_recomputes_one_row_of_that_model_only(computed):
    before = large()
    previous = analyze_models(before)
    computed.clear()
    after = analyze_models(edits.set_cell(before, 5, 7, 3.0, model=1), previous)
    assert computed == [1]
    assert after[0].probabilities is previous[0].probabilities


def test_renaming_or_reordering_models_computes_nothing(computed):
    before = large(models=3)
    previous = analyze_models(before)
    computed.clear()
    moved = analyze_models(edits.move_model(edits.rename_model(before, 0, "A"), 0, 2), previous)
    assert computed == []
    assert [a.model_name for a in moved] == ["Model 2", "Model 3", "A"]
    assert moved[2].sample_loss is previous[0].sample_loss


def test_an_option_change_recomputes_every_model(computed):
    before = photos()
    analyze_models(edits.set_options(before, temperature=2.0), analyze_models(before))
    assert computed == [3, 3, 3, 3]


def test_the_comparison_marks_the_lowest_loss():
    comparison = Comparison(analyze_models(photos()))
    assert comparison.names == ("Model 1", "Model 2")
    np.testing.assert_array_equal(comparison.losses, [1.3783888522474517, 0.6391075640678003])
    assert comparison.lowest == (1,)
    assert comparison.sample_losses.shape == (2, 3)
    np.testing.assert_allclose(comparison.sample_losses[1], -np.log([0.7, 0.7, 0.3]))


def test_models_with_the_same_loss_are_both_lowest_and_none_without_a_loss():
    tied = edits.add_model(photos(), duplicate=1)
    assert Comparison(analyze_models(tied)).lowest == (1, 2)
    ignored = photos(targets=[-1, -1, -1], options=Options(ignore_index=-1))
    comparison = Comparison(analyze_models(ignored))
    assert comparison.lowest == () and np.isnan(comparison.losses).all()


def test_options_of_one_scenario_are_shared_by_its_models():
    scenario = photos(options=Options(reduction="sum"))
    analyses = analyze_models(scenario)
    assert [a.scenario.options for a in analyses] == [scenario.options] * 2
    assert analyses[0].loss == pytest.approx(3 * 1.3783888522474517, rel=1e-15)


def test_the_readme_example_file_is_version_2_with_two_models():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The scenario file format (JSON, version 2)")[1]
    example = section.split("```json\n")[1].split("```")[0]
    scenario = engine.from_json(example)
    assert scenario.model_names == ("Model 1", "Model 2")
    assert json.loads(engine.to_json(scenario))["version"] == 2


def test_a_new_model_is_named_after_the_pattern_given_and_so_is_a_lone_default_one():
    # The GUI gives the interface's pattern ("模型 {number}" in Chinese).
    one = Scenario(classes=CLASSES, rows=MODEL_1, targets=[2, 1, 0], input="probabilities")
    two = edits.add_model(one, pattern="模型 {number}")
    assert two.model_names == ("模型 1", "模型 2")
    np.testing.assert_array_equal(two.models[0].rows, MODEL_1)
    assert edits.add_model(two, pattern="模型 {number}").model_names == ("模型 1", "模型 2",
                                                                       "模型 3")
    named = edits.rename_model(one, 0, "Teacher")  # a name of its own stays
    assert edits.add_model(named, pattern="模型 {number}").model_names == ("Teacher", "模型 2")
