"""Scenario validation (messages that point at the row, column or field), the JSON file format and
its round trip, and every refusal as a ScenarioError with a code."""

import json
import time

import numpy as np
import pytest
from hypothesis import given

import engine
from engine import Model, Options, Scenario, ScenarioError, edits
from engine.scenario import (MAX_CELLS, MAX_DESCRIPTION_CHARS, MAX_FILE_CHARS, MAX_NAME_CHARS,
                             MAX_MODELS, MAX_TITLE_CHARS, PROBABILITY_SUM_TOLERANCE)
from strategies import scenarios

CLASSES = ["cat", "dog", "pig"]
VALID = {"format": "logit-lab", "version": 1, "classes": CLASSES,
         "rows": [[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]], "targets": [0, 2]}


def file_text(**changes):
    """JSON text of the valid file with some top-level fields changed (None removes one)."""
    data = {**VALID, **changes}
    return json.dumps({key: value for key, value in data.items() if value is not None})


def refusal(make):
    """The ScenarioError that ``make()`` raises."""
    with pytest.raises(ScenarioError) as caught:
        make()
    return caught.value


def scenario(**changes):
    return Scenario(**{"classes": CLASSES, "rows": VALID["rows"], "targets": [0, 2], **changes})


# --- messages name the row, column or field --------------------------------------------------


@pytest.mark.parametrize("changes, code, message, details", [
    (dict(rows=[[3.0, 1.0, -3.0], [0.5, "x", 1.0]]), "not_a_number",
     "row 2, column 'dog': 'x' is not a number", {"row": 1, "column": 1}),
    (dict(rows=[[3.0, True, -3.0], [0.5, 2.0, 1.0]]), "not_a_number",
     "row 1, column 'dog': True is not a number", {"row": 0, "column": 1}),
    (dict(rows=np.array([[3.0, 1.0, -3.0], [0.5, 2.0, np.inf]])), "not_finite",
     "row 2, column 'pig'", {"row": 1, "column": 2}),
    (dict(rows=[[0.1, 0.2, 0.7], [0.3, 1.5, 0.2]], input="probabilities"), "probability_range",
     "row 2, column 'dog'", {"row": 1, "column": 1}),
    (dict(targets=[[1.0, 0.0, 0.0], [0.5, 0.6, -0.1]], mode="sigmoid"), "target_range",
     "targets row 2, column 'pig'", {"row": 1, "column": 2}),
    (dict(targets=[[1.0, 0.0, 0.0], [0.5, 0.4, 0.0]]), "target_sum",
     "target row 2 sums to 0.9, not 1", {"row": 1}),
    (dict(targets=[0, 3]), "target_index", "target of row 2: 3 is not a class index from 0 to 2",
     {"row": 1}),
    (dict(rows=[[3.0, 1.0, -3.0], [0.5, 2.0]]), "ragged", "row 2 has 2 values, row 1 has 3",
     {"row": 1, "field": "rows"}),
    (dict(rows=[[3.0, 1.0], [0.5, 2.0]]), "shape", "rows have 2 columns but there are 3 classes",
     {"field": "rows"}),
    (dict(classes=["cat", "dog", "cat"]), "duplicate_name", "classes: 'cat' appears twice",
     {"field": "classes"}),
    (dict(mode="tanh"), "bad_choice", "mode must be one of 'softmax', 'sigmoid'; got 'tanh'",
     {"field": "mode"}),
    (dict(options=Options(class_weights=(1.0, 2.0))), "shape",
     "options.class_weights has 2 values but there are 3 classes", {"field": "class_weights"}),
    (dict(samples=["only one"]), "shape", "samples must be a list of 2 names",
     {"field": "samples"}),
], ids=["text cell", "boolean cell", "infinite cell", "probability above 1", "label below 0",
        "soft target sum", "target index", "ragged rows", "too few columns", "duplicate class",
        "unknown mode", "class_weights length", "sample names"])
def test_scenario_refusal_names_the_row_column_or_field(changes, code, message, details):
    error = refusal(lambda: scenario(**changes))
    assert error.code == code
    assert message in str(error)
    assert error.details.items() >= details.items()


@pytest.mark.parametrize("make, message", [
    (lambda: Options(temperature=0.0), "temperature must be between 1e-300 and 1000000.0"),
    (lambda: Options(label_smoothing=1.5), "label_smoothing must be between 0.0 and 1.0"),
    (lambda: Options(class_weights=(1.0, -1.0)), "class_weights[1] must be at least 0.0"),
    (lambda: Options(pos_weight=(1.0, "a")), "pos_weight[1]: 'a' is not a number"),
    (lambda: Options(reduction="none"), "reduction must be one of 'mean', 'sum'; got 'none'"),
    (lambda: Options(log_base="10"), "log_base must be one of 'e', '2'; got '10'"),
    (lambda: Options(ignore_index=1.5), "ignore_index must be a whole number"),
], ids=["temperature", "label_smoothing", "class_weights", "pos_weight", "reduction", "log_base",
        "ignore_index"])
def test_option_refusal_names_the_option(make, message):
    assert message in str(refusal(make))


@pytest.mark.parametrize("changes, expected", [
    (dict(rows=[[0.1, 0.2, 0.7], [0.3, 1.5, 0.2]], input="probabilities"),
     "row 2, column 'dog': 1.5 is not a probability between 0 and 1"),
    (dict(targets=[[1.0, 0.0, 0.0], [0.5, 1.5, 0.0]], mode="sigmoid"),
     "targets row 2, column 'dog': 1.5 is not between 0 and 1"),
    (dict(rows=np.array([[3.0, 1.0, -3.0], [0.5, 2.0, np.inf]])),
     "row 2, column 'pig': inf is not a finite number"),
], ids=["probability_range", "target_range", "not_finite"])
def test_out_of_range_message_shows_the_value_as_typed(changes, expected):
    assert str(refusal(lambda: scenario(**changes))) == expected


def test_soft_targets_may_miss_1_by_the_tolerance_but_not_more():
    near, off = 0.5 + PROBABILITY_SUM_TOLERANCE / 2, 0.5 + PROBABILITY_SUM_TOLERANCE * 2
    assert scenario(targets=[[near, 0.5, 0.0], [0.0, 0.0, 1.0]]).target_kind == "distribution"
    error = refusal(lambda: scenario(targets=[[off, 0.5, 0.0], [0.0, 0.0, 1.0]]))
    assert error.code == "target_sum"


def test_sigmoid_labels_need_not_sum_to_1():
    labels = [[1.0, 1.0, 0.0], [0.5, 0.4, 0.0]]
    np.testing.assert_array_equal(scenario(targets=labels, mode="sigmoid").targets, labels)


def test_ignore_index_is_a_valid_target_but_other_negatives_are_not():
    assert scenario(targets=[0, -100]).targets.tolist() == [0, -100]
    assert refusal(lambda: scenario(targets=[0, -1])).code == "target_index"


def test_scenario_arrays_are_read_only():
    made = scenario()
    with pytest.raises(ValueError, match="read-only"):
        made.rows[0, 0] = 1.0
    with pytest.raises(ValueError, match="read-only"):
        made.targets[0] = 1


def test_a_scenario_keeps_its_own_copy_of_a_writable_array():
    rows = np.array([[1.0, 2.0, 3.0]])
    made = engine.Scenario(classes=("a", "b", "c"), rows=rows, targets=np.array([0]))
    rows[0, 0] = 9.0
    assert made.rows[0, 0] == 1.0
    view = np.array([[1.0, 2.0, 3.0]])[:]  # read-only, yet its base can still be written
    base = view.base
    view.flags.writeable = False
    made = engine.Scenario(classes=("a", "b", "c"), rows=view, targets=np.array([0]))
    base[0, 0] = 9.0
    assert made.rows[0, 0] == 1.0


def test_an_edit_or_a_replace_copies_no_table_it_does_not_need_to():
    made = scenario()
    edited = edits.set_cell(made, 0, 1, 5.0)
    assert edited.rows[0, 1] == 5.0 and made.rows[0, 1] != 5.0  # the old one stays as it was
    assert not np.shares_memory(edited.rows, made.rows)
    renamed = edited.replace(title="renamed")
    assert renamed.rows is edited.rows and renamed.targets is edited.targets


# --- the JSON file format ----------------------------------------------------------------------


@given(original=scenarios())
def test_json_round_trip_gives_an_equal_scenario_and_the_same_text(original):
    text = engine.to_json(original)
    loaded = engine.from_json(text)
    assert loaded == original
    assert engine.to_json(loaded) == text
    np.testing.assert_array_equal(loaded.rows, original.rows)


def test_only_format_version_classes_rows_and_targets_are_required():
    loaded = engine.from_json(file_text())
    assert (loaded.mode, loaded.input, loaded.options) == ("softmax", "logits", Options())
    assert loaded.samples == ("#1", "#2") and loaded.title == ""
    assert loaded.rows.tolist() == VALID["rows"] and loaded.targets.tolist() == [0, 2]


def test_the_readme_example_file_loads():
    readme_options = {"temperature": 1.0, "label_smoothing": 0.0, "class_weights": None,
                      "pos_weight": None, "reduction": "mean", "ignore_index": -100,
                      "log_base": "e"}
    text = file_text(title="Cat, dog or pig?", description="", samples=["photo 1", "photo 2"],
                     mode="softmax", input="logits", options=readme_options)
    assert engine.from_json(text).samples == ("photo 1", "photo 2")


def huge_rows_text():
    columns = 1000
    rows = MAX_CELLS // columns + 1
    return file_text(classes=[str(c) for c in range(columns)], rows=[[0] * columns] * rows,
                     targets=[0] * rows)


@pytest.mark.parametrize("make_text, code, message", [
    (lambda: "{", "not_json", "not valid JSON"),
    (lambda: file_text().replace("3.0", "NaN", 1), "not_finite", "NaN is not allowed"),
    (lambda: file_text().replace("3.0", "Infinity", 1), "not_finite", "Infinity is not allowed"),
    (lambda: file_text().replace("-3.0", "-Infinity"), "not_finite", "-Infinity is not allowed"),
    (lambda: "[1, 2]", "not_object", "must hold a JSON object"),
    (lambda: file_text(format="other-lab"), "wrong_format", "not a Logit Lab file"),
    (lambda: file_text(format=None), "wrong_format", "not a Logit Lab file"),
    (lambda: file_text(version=3), "newer_version", "newer Logit Lab (format version 3)"),
    (lambda: file_text(version="1"), "bad_version", "\"version\" must be a whole number"),
    (lambda: file_text(rows=None), "missing_field", "missing field 'rows'"),
    (lambda: file_text(classes=None), "missing_field", "missing field 'classes'"),
    (lambda: file_text(targets=None), "missing_field", "missing field 'targets'"),
    (lambda: file_text(colour="red"), "unknown_field", "unknown field 'colour'"),
    (lambda: file_text(options={"gamma": 2.0}), "unknown_field", "unknown option 'gamma'"),
    (lambda: file_text(options=[1]), "not_object", "\"options\" must be an object"),
    (lambda: file_text(rows=[[3.0, 1.0, -3.0], [0.5]]), "ragged", "row 2 has 1 values"),
    (lambda: file_text(rows=[[3.0, 1.0], [0.5, 2.0]]), "shape", "2 columns but there are 3"),
    (lambda: file_text(rows=[[3.0, "1", -3.0], [0.5, 2.0, 1.0]]), "not_a_number",
     "row 1, column 'dog': '1' is not a number"),
    (lambda: file_text(targets=[0, 3]), "target_index", "target of row 2: 3 is not a class index"),
    (lambda: file_text(targets=[0, True]), "target_kind", "all class indices or all rows"),
    (lambda: file_text(targets=[[1, 0, 0], [0.2, 0.2, 0.2]]), "target_sum",
     "target row 2 sums to 0.6, not 1"),
    (lambda: file_text(input="probabilities", rows=[[0.2, 0.3, 0.5], [0.5, -0.5, 1.0]]),
     "probability_range", "row 2, column 'dog'"),
    (lambda: file_text(mode="softplus"), "bad_choice",
     "mode must be one of 'softmax', 'sigmoid'; got 'softplus'"),
    (lambda: file_text(title=3), "not_text", "title: 3 is not text"),
    (huge_rows_text, "too_large", f"more than the {MAX_CELLS:,}"),
    (lambda: " " * (MAX_FILE_CHARS + 1), "too_large", "larger than 256 MB"),
], ids=["not JSON", "NaN", "Infinity", "-Infinity", "not an object", "wrong format",
        "no format", "newer version", "version as text", "no rows", "no classes", "no targets",
        "unknown field", "unknown option", "options not an object", "ragged rows", "wrong shape",
        "text in a cell", "target out of range", "boolean target", "soft target sum",
        "probability out of range", "unknown mode", "title not text", "beyond MAX_CELLS",
        "beyond MAX_FILE_CHARS"])
def test_from_json_refuses_with_a_code_and_a_message(make_text, code, message):
    error = refusal(lambda: engine.from_json(make_text()))
    assert error.code == code
    assert message in str(error)


def worst_case_file_size(n_classes, models=1):
    """The file size of one sample of ``n_classes`` with every number at its longest: a target
    row, both per-class weights, and default class names of the longest kind; with ``models``
    models of 200-character names."""
    longest_negative = -2.2250738585072014e-308  # the longest a float's repr gets: 24 characters
    longest_positive = 2.2250738585072014e-308
    rows = np.full((1, n_classes), longest_negative)
    targets = np.full((1, n_classes), longest_positive)
    targets[0, 0] = 1.0 - longest_positive * (n_classes - 1)
    weights = (1.2345678901234567e+300,) * n_classes
    scenario = Scenario(classes=tuple(f"class {n + 1_000_001}" for n in range(n_classes)),
                        rows=rows, targets=targets,
                        options=Options(class_weights=weights, pos_weight=weights))
    if models > 1:
        scenario = scenario.replace(models=tuple(
            Model(f"{m:03}" + "模" * 197, rows) for m in range(models)))
    return len(engine.to_json(scenario).encode("utf-8"))


def test_the_largest_table_the_app_allows_fits_the_reading_limit():
    # What the app writes it must read back: the size grows by the same amount per class, so two
    # small widths give the size at MAX_CELLS classes without writing 250 MB.
    small, large = worst_case_file_size(1000), worst_case_file_size(2000)
    per_class = (large - small) / 1000
    largest = small + per_class * (MAX_CELLS - 1000)
    assert per_class == 132
    assert 250 * 2**20 < largest <= MAX_FILE_CHARS


@pytest.mark.parametrize("models", [2, MAX_MODELS])
def test_the_largest_scenario_of_several_models_fits_the_reading_limit_too(models):
    # The values are shared out among the models; the targets, weights and class names shrink.
    small, large = worst_case_file_size(10, models), worst_case_file_size(20, models)
    per_class = (large - small) / 10
    largest = small + per_class * (MAX_CELLS // models - 10)
    assert largest <= MAX_FILE_CHARS


def test_a_scenario_built_in_memory_beyond_the_size_limit_is_refused_too():
    with pytest.raises(ScenarioError) as refused:
        Scenario(classes=tuple(str(c) for c in range(MAX_CELLS // 2 + 1)),
                 rows=np.zeros((2, MAX_CELLS // 2 + 1)), targets=[0, 1])
    assert refused.value.code == "too_large"


# --- hostile text and numbers: refused with a message that names them and can be printed -------


def printable(error):
    """The message, checked to be writable as UTF-8 (a lone surrogate in it would make
    --compute end in a UnicodeEncodeError) and short (a huge value is not echoed whole)."""
    message = str(error)
    message.encode("utf-8")
    assert len(message) < 300
    return message


@pytest.mark.parametrize("changes, field", [
    (dict(classes=["cat", "\ud800", "pig"]), "classes[1]"),
    (dict(samples=["photo 1", "a\udfffb"]), "samples[1]"),
    (dict(title="\ud83d"), "title"),
    (dict(description="x\udc00"), "description"),
], ids=["class", "sample", "title", "description"])
def test_a_lone_surrogate_in_any_text_is_refused_naming_the_field(changes, field):
    text = file_text(**changes)
    assert "\\ud" in text  # written as an escape in the file, as a hostile file would
    error = refusal(lambda: engine.from_json(text))
    assert (error.code, error.details["field"]) == ("lone_surrogate", field)
    assert printable(error).startswith(f"{field}: ")
    assert "surrogate" in str(error)


def test_a_surrogate_pair_written_as_escapes_is_one_character_and_fine():
    assert engine.from_json(file_text(classes=["\U0001F600", "dog", "pig"])).classes[0] == "😀"


@pytest.mark.parametrize("field, limit", [("classes", MAX_NAME_CHARS),
                                          ("samples", MAX_NAME_CHARS)])
def test_a_name_may_have_up_to_the_limit_of_characters_and_no_more(field, limit):
    def named(length):  # the second name of ``field`` this long
        names = {"classes": ["cat", "dog", "pig"], "samples": ["photo 1", "photo 2"]}[field]
        return file_text(**{field: [names[0], "x" * length, *names[2:]]})

    assert len(getattr(engine.from_json(named(limit)), field)[1]) == limit
    error = refusal(lambda: engine.from_json(named(limit + 1)))
    assert (error.code, error.details["field"]) == ("too_long", f"{field}[1]")
    assert printable(error) == f"{field}[1] is {limit + 1} characters long; at most {limit} " \
                               f"are allowed"


def test_a_million_character_name_is_refused_at_once():
    text = file_text(classes=["x" * 1_000_000, "dog", "pig"])
    started = time.perf_counter()
    error = refusal(lambda: engine.from_json(text))
    assert time.perf_counter() - started < 1.0
    assert error.code == "too_long"
    assert printable(error) == "classes[0] is 1,000,000 characters long; at most 200 are allowed"


@pytest.mark.parametrize("field, limit", [("title", MAX_TITLE_CHARS),
                                          ("description", MAX_DESCRIPTION_CHARS)])
def test_the_title_and_description_are_capped_too(field, limit):
    assert len(getattr(engine.from_json(file_text(**{field: "t" * limit})), field)) == limit
    error = refusal(lambda: engine.from_json(file_text(**{field: "t" * (limit + 1)})))
    assert (error.code, error.details["field"]) == ("too_long", field)
    # Built in memory too (an edit): validation is the Scenario's own.
    assert refusal(lambda: scenario(**{field: "t" * (limit + 1)})).code == "too_long"


def test_an_edit_renaming_a_class_to_a_too_long_name_is_refused():
    error = refusal(lambda: edits.rename_class(scenario(), 0, "x" * (MAX_NAME_CHARS + 1)))
    assert (error.code, error.details["field"]) == ("too_long", "classes[0]")


@pytest.mark.parametrize("target, shown", [(10**30, "1e+30"), (-(10**300), "-1e+300"),
                                           (2**63, "9.22e+18"), (123, "123")])
def test_a_huge_target_index_is_reported_as_out_of_range(target, shown):
    error = refusal(lambda: engine.from_json(file_text(targets=[0, target])))
    assert error.code == "target_index"
    assert str(error) == f"target of row 2: {shown} is not a class index from 0 to 2"


def test_a_huge_ignore_index_is_refused_as_out_of_range():
    error = refusal(lambda: engine.from_json(file_text(options={"ignore_index": 10**30},
                                                       targets=[0, 10**30])))
    assert (error.code, error.details["field"]) == ("out_of_range", "ignore_index")
    assert "got 1e+30" in str(error)


@pytest.mark.parametrize("value", [2, 2.0])
def test_log_base_given_as_the_number_2_means_bits(value):
    loaded = engine.from_json(file_text(options={"log_base": value}))
    assert loaded.options.log_base == "2"
    assert loaded.options == Options(log_base="2")


@pytest.mark.parametrize("value, message", [
    (10, "log_base must be one of 'e', '2'; got 10"),
    ("10", "log_base must be one of 'e', '2'; got '10'"),
    (True, "log_base must be one of 'e', '2'; got True"),
], ids=["number", "text", "boolean"])
def test_a_bad_log_base_is_quoted_so_its_kind_shows(value, message):
    assert str(refusal(lambda: engine.from_json(file_text(options={"log_base": value})))) == message


@pytest.mark.parametrize("changes, start", [
    (dict(colour="red"), "unknown field 'colour'"),
    ({"\ud800" * 3: 1}, "unknown field '\\ud800\\ud800\\ud800'"),
    ({"k" * 5000: 1}, "unknown field 'kkk"),
    (dict(options={"\ud800": 1}), "unknown option '\\ud800'"),
    (dict(version="v" * 5000), "\"version\" must be a whole number from 1, got 'vvv"),
    (dict(rows=[[3.0, "x" * 100_000, -3.0], [0.5, 2.0, 1.0]]), "row 1, column 'dog': 'xxx"),
    (dict(title=["t"] * 100_000), "title: ['t', 't'"),
], ids=["unknown field", "surrogate key", "huge key", "surrogate option", "huge version",
        "huge text cell", "huge list for the title"])
def test_a_message_quotes_a_hostile_value_short_and_printable(changes, start):
    assert printable(refusal(lambda: engine.from_json(file_text(**changes)))).startswith(start)
