"""Lessons: the file format and its refusals (one line naming the step and the field), the text
subset, the quantities and choices the engine computes, and the bundled lessons, whose every
answer and quoted number is checked here against values worked out independently."""

import copy
import json
import math
from pathlib import Path

import numpy as np
import pytest
from scipy.special import expit, log_softmax, softmax
from scipy.stats import entropy

import engine
from engine import LessonError, Scenario, lessons, quantities
from engine.scenario import from_dict
from engine.lesson_text import (Code, Formula, ListBlock, Paragraph, Script, Span, TextError,
                                fill, parse)
from gui.shell.lesson_file import Examples, bundled_lessons, read_lesson


PHOTO = {"format": "logit-lab", "version": 1, "classes": ["cat", "dog", "pig"],
         "samples": ["photo"], "rows": [[3.0, 1.0, -3.0]], "targets": [0]}
TWO_PHOTOS = {**PHOTO, "samples": ["photo 1", "photo 2"],
              "rows": [[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]], "targets": [0, 2]}


def bilingual(en, zh=None):
    return {"en": en, "zh_CN": zh if zh is not None else f"（{en}）"}


def step(**changes):
    """A good step (a fresh copy each time) with some fields changed (None removes one)."""
    quoted = changes.get("values", True) is not None
    data = {"title": bilingual("Softmax"),
            "text": bilingual("p(cat) is {p_cat}." if quoted else "Softmax."),
            "scenario": PHOTO, "views": ["inputs", "plots.probabilities"],
            "values": {"p_cat": {"quantity": "probability", "class": "cat"}},
            "question": {"text": bilingual("What is p(dog)?"),
                         "number": {"quantity": "probability", "class": "dog"},
                         "digits": 3, "why": bilingual("It is {value}.")}}
    data.update(changes)
    return copy.deepcopy({key: value for key, value in data.items() if value is not None})


def lesson_data(*steps, **changes):
    data = {"format": "logit-lab-lesson", "version": 1, "title": bilingual("A lesson"),
            "steps": list(steps) or [step()]}
    data.update(changes)
    return data


def read(data, examples=None):
    return lessons.from_dict(copy.deepcopy(data), examples)


def refusal(data, examples=None):
    with pytest.raises(LessonError) as caught:
        read(data, examples)
    assert "\n" not in str(caught.value)
    return caught.value


# --- reading a lesson --------------------------------------------------------------------------

def test_a_step_has_its_scenario_views_filled_text_and_computed_answer():
    lesson = lessons.read_lesson(json.dumps(lesson_data()))
    first = lesson.steps[0]
    p = softmax([3.0, 1.0, -3.0])
    assert first.scenario == Scenario(classes=("cat", "dog", "pig"), samples=("photo",),
                                      rows=[[3.0, 1.0, -3.0]], targets=[0])
    assert first.example is None
    assert first.views == ("inputs", "plots.probabilities")
    assert first.values["p_cat"] == pytest.approx(p[0], rel=1e-15)
    assert first.text["en"] == "p(cat) is 0.8789."
    assert first.question.kind == "number"
    assert first.answer.value == pytest.approx(p[1], rel=1e-15)
    assert dict(first.answer.text) == {"en": "0.1189", "zh_CN": "0.1189"}
    assert first.answer.why["en"] == "It is 0.1189."
    assert first.blocks("en") == (Paragraph(("p(cat) is 0.8789.",)),)
    assert lesson.question_count == 1


def test_a_step_may_load_a_bundled_example_by_name_and_change_its_options():
    lesson = read(lesson_data(step(scenario=None, example="cat_dog_pig",
                                   options={"log_base": "2"}, values=None, question=None,
                                   text=bilingual("Bits."))), Examples())
    first = lesson.steps[0]
    assert first.example == "cat_dog_pig"
    assert first.scenario.options.log_base == "2"
    assert first.scenario.model_names == ("Model 1", "Model 2")
    assert first.question is None and first.answer is None


def test_examples_may_be_given_as_scenarios_and_each_is_read_once():
    scenario = from_dict(PHOTO)
    lesson = read(lesson_data(*[step(scenario=None, example="photo")] * 2), {"photo": scenario})
    assert lesson.steps[0].scenario is scenario and lesson.steps[1].scenario is scenario


def test_the_answer_is_never_read_from_the_file():
    data = lesson_data(step())
    data["steps"][0]["question"]["answer"] = 0.5
    assert "unknown field 'answer'" in str(refusal(data))


@pytest.mark.parametrize("digits, given, right", [
    (3, 0.119, True), (3, 0.1189, True), (3, 0.12, False), (2, 0.12, True), (2, 0.11, False),
    (0, 0.0, True), (0, 1.0, False)])
def test_a_number_answer_is_right_to_its_digits(digits, given, right):
    data = lesson_data(step(question={**step()["question"], "digits": digits}))
    assert read(data).steps[0].answer.is_right(given) is right


def test_a_relative_tolerance_and_how_the_answer_is_shown():
    question = {**step()["question"], "relative": 0.01}
    del question["digits"]
    answer = read(lesson_data(step(question=question))).steps[0].answer
    assert answer.is_right(0.1189 * 1.009) and not answer.is_right(0.1189 * 1.02)
    assert answer.text["en"] == "0.118943"
    assert not answer.is_right(math.nan) and not answer.is_right(math.inf)


def test_a_choice_lists_computed_options_and_knows_the_right_one():
    question = {"text": bilingual("Which class?"), "why": bilingual("{value} wins."),
                "choice": {"choose": "predicted_class"}}
    answer = read(lesson_data(step(question=question))).steps[0].answer
    assert [option.key for option in answer.options] == ["cat", "dog", "pig"]
    assert answer.value == "cat" and answer.is_right("cat") and not answer.is_right("dog")
    assert answer.why["zh_CN"] == "（cat wins.）"
    assert read(lesson_data(step(question=question))).steps[0].question.reveals == (
        "results", "comparison")


def test_a_largest_choice_compares_the_lessons_own_labelled_quantities():
    options = [{"label": bilingual("T = 0.5"), "quantity": "probability", "class": "dog",
                "at": {"temperature": 0.5}},
               {"label": bilingual("T = 2"), "quantity": "probability", "class": "dog",
                "at": {"temperature": 2.0}}]
    question = {"text": bilingual("Where is p(dog) larger?"), "why": bilingual("{value}."),
                "choice": {"choose": "largest", "options": options}}
    answer = read(lesson_data(step(question=question))).steps[0].answer
    assert [option.key for option in answer.options] == ["1", "2"]
    assert answer.value == "2" and answer.why["en"] == "T = 2."


def test_a_renamed_step_asks_its_question_of_the_names_shown_with_the_same_numbers():
    # The GUI shows an example's names in the interface's language: "cat" -> "猫".
    models = {**TWO_PHOTOS, "version": 2, "models": [
        {"name": "Model 1", "rows": [[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]]},
        {"name": "Model 2", "rows": [[1.0, 1.0, 1.0], [0.0, 0.0, 1.0]]}]}
    del models["rows"]
    choice = {"text": bilingual("Which model?"), "why": bilingual("{value}, with {loss}."),
              "choice": {"choose": "lowest_loss_model"}}
    number = {"text": bilingual("p(dog) of photo 2?"), "why": bilingual("{value}."),
              "number": {"quantity": "probability", "sample": "photo 2", "class": "dog",
                         "model": "Model 1"}}
    values = {"loss": {"quantity": "batch_loss", "model": "Model 1"}}
    text = bilingual("Two models.")
    lesson = read(lesson_data(step(scenario=models, question=choice, values=values, text=text),
                              step(scenario=models, question=number, values=values, text=text)))
    chosen, typed = lesson.steps
    shown = chosen.scenario.replace(
        classes=("猫", "狗", "猪"), samples=("照片 1", "照片 2"),
        models=tuple(engine.Model(name, m.rows) for name, m in zip(("模型 1", "模型 2"),
                                                                  chosen.scenario.models)))
    renamed = lessons.renamed_step(chosen, shown)
    assert renamed.scenario is shown and renamed.text == chosen.text
    assert chosen.answer.value == "Model 1" and renamed.answer.value == "模型 1"
    assert [o.label["zh_CN"] for o in renamed.answer.options] == ["模型 1", "模型 2"]
    assert renamed.answer.why["en"] == chosen.answer.why["en"].replace("Model", "模型")
    assert renamed.answer.why["en"].startswith("模型 1, with ")
    assert renamed.answer.is_right("模型 1") and not renamed.answer.is_right("Model 1")
    renamed = lessons.renamed_step(typed, shown)
    assert renamed.answer.value == typed.answer.value == pytest.approx(softmax([0.5, 2, 1])[1])
    assert renamed.question.number.sample == "照片 2" and renamed.question.number.class_name == "狗"
    assert lessons.renamed_step(typed, typed.scenario) is typed  # the same names: as it was


def test_convention_questions_hide_the_conventions_and_training_questions_the_runs():
    number = {**step()["question"], "number": {"quantity": "convention_loss",
                                                "convention": "keras"}}
    assert read(lesson_data(step(question=number))).steps[0].question.reveals == (
        "results", "comparison", "conventions")
    binary = {**PHOTO, "classes": ["spam"], "rows": [[2.0]], "targets": [[1.0]],
              "mode": "sigmoid"}
    trained = {**step()["question"], "number": {"quantity": "trained_margin", "form": "softmax"}}
    first = read(lesson_data(step(scenario=binary, values=None, question=trained))).steps[0]
    assert first.question.reveals == ("training",)
    assert first.answer.value == pytest.approx(2.0 + 2 * (1 - expit(2.0)), rel=1e-12)


# --- refusals: one line naming the step and the field -----------------------------------------

def broken(path, value):
    """A lesson with two good steps where the second has ``value`` at ``path`` (None deletes)."""
    data = lesson_data(step(), step())
    target = data["steps"][1]
    *parents, last = path
    for key in parents:
        target = target[key]
    if value is None:
        del target[last]
    else:
        target[last] = value
    return data


@pytest.mark.parametrize("path, value, message", [
    (("question", "number", "class"), "dgo",
     "step 2: question.number.class: 'dgo' is not one of the classes ('cat', 'dog', 'pig')"),
    (("scenario", "rows"), [[3.0, "x", 1.0]],
     "step 2: scenario: row 1, column 'dog': 'x' is not a number"),
    (("text", "zh_CN"), "# 标题", "step 2: text.zh_CN, line 1: headings are not part of lesson "
                                   "text"),
    (("text", "en"), "one\n\nsee [this](http://x)", "step 2: text.en, line 3: links and images"),
    (("text", "en"), "$\\sum_i x$", "step 2: text.en, line 1: formulas are not LaTeX"),
    (("text", "en"), "$\\frac{1}{2}$", "step 2: text.en, line 1: a lone '{'"),
    (("text", "en"), "{nope}", "step 2: text.en: {nope} is not one of this step's values "
                               "(they are: p_cat)"),
    (("title", "zh_CN"), "\ud800", "step 2: title.zh_CN: '\\ud800' holds half of a UTF-16 "
                                   "surrogate pair"),
    (("title", "en"), "two\nlines", "step 2: title.en: 'two\\nlines' holds a control character"),
    (("title", "zh_CN"), None, "step 2: title: missing field 'zh_CN'"),
    (("title",), "Softmax", "step 2: title: must be an object with the text in each language"),
    (("title", "fr"), "Softmax", "step 2: title: unknown field 'fr'"),
    (("views", 0), "plots.bogus", "step 2: views[0]: 'plots.bogus' is not a view"),
    (("views", 1), "inputs", "step 2: views[1]: 'inputs' is named twice"),
    (("values", "p_cat", "digits"), 99, "step 2: values.p_cat.digits: 99 is not a whole number "
                                        "of decimals from 0 to 16"),
    (("values", "value"), {"quantity": "batch_loss"}, "step 2: values.value: 'value' cannot "
                                                      "name a number"),
    (("question", "digits"), -1, "step 2: question.digits: -1 is not a whole number"),
    (("question", "relative"), 0.1, "step 2: question: give \"digits\" or \"relative\", not "
                                    "both"),
    (("question", "why", "en"), "{p_dog}", "step 2: question.why.en: {p_dog} is not one of"),
    (("question", "number", "quantity"), "loss", "step 2: question.number.quantity: 'loss' is "
                                                 "not one of probability, target"),
    (("question", "number", "unit"), "bytes", "step 2: question.number.unit: 'bytes' is not "
                                              "one of nats, bits"),
    (("question", "number", "at"), {"temperature": 0}, "step 2: question.number.at: temperature "
                                                       "must be between"),
    (("question", "number", "at"), {"heat": 1}, "step 2: question.number.at: unknown option "
                                                "'heat'"),
    (("question", "choice"), {"choose": "predicted_class"}, "step 2: question: a question has "
                                                            "either \"number\""),
    (("options",), {"temperature": -1}, "step 2: options: temperature must be between"),
    (("example",), "cat_dog_pig", "step 2: a step needs either \"example\""),
    (("scenario",), None, "step 2: a step needs either \"example\""),
    (("hint",), "x", "step 2: unknown field 'hint'"),
])
def test_a_broken_step_is_refused_in_one_line_naming_the_step_and_field(path, value, message):
    error = refusal(broken(path, value), Examples())
    assert str(error).startswith(message)
    assert error.step == 2 and error.code == "lesson"


@pytest.mark.parametrize("spec, message", [
    ({"quantity": "probability"}, "question.number: missing field 'class'"),
    ({"quantity": "probability", "class": "cat", "steps": 3}, "question.number: unknown field "
                                                              "'steps'"),
    ({"quantity": "sample_loss"}, "question.number.sample: this scenario has 2 samples ('photo "
                                  "1', 'photo 2'): say which with \"sample\""),
    ({"quantity": "sample_loss", "sample": "photo 3"}, "question.number.sample: 'photo 3' is not "
                                                       "one of the samples"),
    ({"quantity": "batch_loss", "model": "Model 2"}, "question.number.model: 'Model 2' is not one "
                                                     "of the models ('Model 1')"),
    ({"quantity": "trained_margin", "sample": "photo 1", "form": "softmax"},
     "question.number: only one sigmoid label or two softmax classes can be trained"),
    ({"quantity": "trained_loss", "steps": 1001}, "question.number.steps: 1001 is not a whole "
                                                  "number from 1 to 1000"),
    ({"quantity": "convention_loss", "convention": "keras",
      "at": {"class_weights": [1.0, 2.0, 3.0]}},
     "question.number.convention: Keras cannot compute this scenario's loss (class_weights)"),
    ({"quantity": "sample_loss", "sample": "photo 1", "at": {"class_weights": [0.0, 1.0, 1.0]},
      "unit": "bits"}, None),
])
def test_a_quantity_that_cannot_be_computed_names_its_field(spec, message):
    question = {**step()["question"], "number": spec}
    data = lesson_data(step(scenario=TWO_PHOTOS, values=None, question=question))
    if message is None:  # a weight of 0 makes the loss 0: computable
        assert read(data).steps[0].answer.value == 0.0
        return
    assert str(refusal(data)).startswith(f"step 1: {message}")


def test_an_answer_that_is_not_a_finite_number_is_refused():
    zero = {**PHOTO, "input": "probabilities", "rows": [[0.0, 1.0, 0.0]]}
    question = {**step()["question"], "number": {"quantity": "sample_loss"}}
    assert str(refusal(lesson_data(step(scenario=zero, values=None, question=question)))) == (
        "step 1: question.number: the answer is ∞, not a finite number a student could type")


def test_a_choice_without_a_single_right_answer_is_refused():
    tied = {**PHOTO, "rows": [[1.0, 1.0, 0.0]]}
    question = {"text": bilingual("Which?"), "why": bilingual("{value}"),
                "choice": {"choose": "predicted_class"}}
    error = refusal(lesson_data(step(scenario=tied, question=question)))
    assert str(error).startswith("step 1: question.choice: 'cat' and 'dog' tie at 0.422319")


def test_a_choice_of_thousands_of_classes_is_refused():
    question = {"text": bilingual("Which token?"), "why": bilingual("{value}"),
                "choice": {"choose": "predicted_class"}}
    data = lesson_data(step(scenario=None, example="next_token", values=None, question=question))
    assert "4265 options are too many for a question (at most 10)" in str(
        refusal(data, Examples()))


@pytest.mark.parametrize("changes, message", [
    ({"format": "logit-lab"}, "format: not a Logit Lab lesson"),
    ({"version": 2}, "version: the lesson was written for a newer Logit Lab (lesson format "
                     "version 2); this one reads up to version 1"),
    ({"version": "1"}, "version: \"version\" must be a whole number from 1, got '1'"),
    ({"steps": []}, "steps: \"steps\" must be a list of 1 to 100 steps"),
    ({"steps": [step()] * 101}, "steps: \"steps\" must be a list of 1 to 100 steps"),
    ({"title": bilingual("x" * 201)}, "title.en: 201 characters are too many (at most 200)"),
    ({"title": bilingual("")}, "title.en: is empty"),
    ({"author": "me"}, "unknown field 'author'"),
])
def test_a_broken_lesson_is_refused_in_one_line(changes, message):
    error = refusal(lesson_data(**changes))
    assert str(error).startswith(message) and error.step is None


def test_a_step_text_longer_than_the_limit_is_refused():
    text = bilingual("x" * (lessons.MAX_TEXT_CHARS + 1))
    assert str(refusal(lesson_data(step(text=text)))).startswith(
        "step 1: text.en: 5,001 characters are too many (at most 5,000)")


def test_an_unknown_example_lists_the_examples_there_are():
    error = refusal(lesson_data(step(scenario=None, example="cats")), {"photo": json.dumps(PHOTO)})
    assert str(error) == "step 1: example: there is no example 'cats' (the examples are: photo)"


def test_a_broken_example_is_named():
    error = refusal(lesson_data(step(scenario=None, example="photo")), {"photo": "{"})
    assert str(error).startswith("step 1: example: the example 'photo' cannot be read: not "
                                 "valid JSON")
    assert error.cause.code == "not_json"


def test_text_that_is_not_json_or_too_large_is_a_scenario_error():
    with pytest.raises(engine.ScenarioError) as caught:
        lessons.read_lesson("{")
    assert caught.value.code == "not_json"
    with pytest.raises(engine.ScenarioError) as caught:
        lessons.read_lesson(" " * (lessons.MAX_LESSON_CHARS + 1))
    assert caught.value.code == "too_large"


# --- the text subset ---------------------------------------------------------------------------

def test_paragraphs_lists_styles_code_and_formulas_parse_into_plain_data():
    text = ("Softmax **shares *one* whole**, `np.argmax` picks:\n"
            "$p_i = e^(z_i) / Σ_j e^(z_j)$, $e^−3$.\n\n- one\n- two\n  continued\n\n3. three")
    assert parse(text) == (
        Paragraph(("Softmax ", Span("bold", ("shares ", Span("italic", ("one",)), " whole")),
                   ", ", Code("np.argmax"), " picks: ",
                   Formula(("p", Script("sub", ("i",)), " = e",
                            Script("sup", ("z", Script("sub", ("i",)))), " / Σ",
                            Script("sub", ("j",)), " e",
                            Script("sup", ("z", Script("sub", ("j",)))))),
                   ", ", Formula(("e", Script("sup", ("−3",)))), ".")),
        ListBlock(ordered=False, items=(("one",), ("two continued",))),
        ListBlock(ordered=True, items=(("three",),), start=3))


def test_escapes_write_the_markup_characters_themselves():
    assert parse("2 \\* 3 costs \\$5 \\` \\\\") == (Paragraph(("2 * 3 costs $5 ` \\",)),)


@pytest.mark.parametrize("text, kind, line", [
    ("# Heading", "heading", 1), ("ok\n\n> quote", "quote", 3), ("```\ncode\n```", "code_block", 1),
    ("| a | b |", "table", 1), ("---", "rule", 1), ("* item", "list_marker", 1),
    ("- a\n  - b", "nested_list", 2), ("- a\n1. b", "mixed_list", 2),
    ("see [a](b)", "link", 1), ("![a](b.png)", "link", 1), ("<b>x</b>", "html", 1),
    ("**bold", "unclosed", 1), ("a * b", "unclosed", 1), ("`code", "unclosed", 1),
    ("$x", "unclosed", 1), ("**a *b** c*", "crossed", 1), ("$$", "empty", 1),
    ("$\\sum x$", "latex", 1), ("$e^{z}$", "latex", 1), ("$a & b$", "formula_character", 1),
    ("$x_$", "empty_script", 1), ("$e^(z$", "unclosed", 1), ("a\tb", "control_character", 1),
])
def test_what_the_subset_lacks_is_refused_with_its_line(text, kind, line):
    with pytest.raises(TextError) as caught:
        parse(text)
    assert (caught.value.kind, caught.value.line) == (kind, line)


def test_placeholders_are_filled_and_braces_escaped():
    assert fill("{a} and {{b}} in $e^{a}$", {"a": "1.5"}) == "1.5 and {b} in $e^1.5$"
    with pytest.raises(TextError, match="a lone '}'"):
        fill("a }", {})


# --- quantities --------------------------------------------------------------------------------

def value(spec, scenario=TWO_PHOTOS):
    return quantities.quantity(spec).value(from_dict(scenario))


P = softmax(np.array(TWO_PHOTOS["rows"]), axis=1)
LOG_P = log_softmax(np.array(TWO_PHOTOS["rows"]), axis=1)


@pytest.mark.parametrize("spec, expected", [
    ({"quantity": "probability", "sample": "photo 2", "class": "dog"}, P[1, 1]),
    ({"quantity": "target", "sample": "photo 2", "class": "pig"}, 1.0),
    ({"quantity": "term", "sample": "photo 2", "class": "pig"}, -LOG_P[1, 2]),
    ({"quantity": "gradient", "sample": "photo 2", "class": "pig"}, P[1, 2] - 1.0),
    ({"quantity": "probability_ratio", "sample": "photo 1", "class": "cat", "to_class": "dog"},
     math.exp(2.0)),
    ({"quantity": "probability_sum", "sample": "photo 2"}, 1.0),
    ({"quantity": "sample_loss", "sample": "photo 2"}, -LOG_P[1, 2]),
    ({"quantity": "sample_loss", "sample": "photo 2", "unit": "bits"}, -LOG_P[1, 2] / math.log(2)),
    ({"quantity": "entropy", "sample": "photo 1"}, 0.0),
    ({"quantity": "kl", "sample": "photo 1"}, -LOG_P[0, 0]),
    ({"quantity": "cross_entropy", "sample": "photo 1"}, -LOG_P[0, 0]),
    ({"quantity": "batch_loss"}, -(LOG_P[0, 0] + LOG_P[1, 2]) / 2),
    ({"quantity": "batch_loss", "at": {"reduction": "sum"}}, -(LOG_P[0, 0] + LOG_P[1, 2])),
    ({"quantity": "correct_count"}, 1.0),
    ({"quantity": "convention_loss", "convention": "sklearn"}, -(LOG_P[0, 0] + LOG_P[1, 2]) / 2),
    ({"quantity": "probability", "sample": "photo 1", "class": "cat",
      "at": {"temperature": 2.0}}, softmax([1.5, 0.5, -1.5])[0]),
])
def test_each_quantity_is_what_it_says(spec, expected):
    assert value(spec) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_trained_quantities_follow_gradient_descent_on_the_logits():
    binary = {**PHOTO, "classes": ["spam"], "samples": ["a", "b"], "rows": [[2.0], [-1.0]],
              "targets": [[1.0], [0.0]], "mode": "sigmoid"}
    error = expit(np.array([2.0, -1.0])) - np.array([1.0, 0.0])
    for form, factor in (("sigmoid", 1), ("softmax", 2)):
        spec = {"quantity": "trained_margin", "sample": "b", "form": form, "lr": 0.5}
        assert value(spec, binary) == pytest.approx(-1.0 - factor * 0.5 * error[1] / 2,
                                                    rel=1e-12)
    after = np.array([2.0, -1.0]) - 1.0 * error / 2
    expected = -np.mean(np.log(np.where([1, 0], expit(after), 1 - expit(after))))
    assert value({"quantity": "trained_loss"}, binary) == pytest.approx(expected, rel=1e-12)


def test_format_number_uses_a_true_minus_and_infinity():
    assert [quantities.format_number(v, 2) for v in (-1.234, -0.001, 0.0, math.inf, -math.inf)] \
        == ["−1.23", "0.00", "0.00", "∞", "−∞"]


def test_model_quantities_and_the_lowest_loss_model():
    data = {**TWO_PHOTOS, "version": 2, "models": [
        {"name": "甲", "rows": TWO_PHOTOS["rows"]},
        {"name": "乙", "rows": [[1.0, 1.0, 1.0], [0.0, 0.0, 5.0]]}]}
    del data["rows"]
    scenario = from_dict(data)
    assert quantities.quantity({"quantity": "batch_loss", "model": "乙"}).value(scenario) == \
        pytest.approx(-(log_softmax([1.0, 1.0, 1.0])[0] + log_softmax([0.0, 0.0, 5.0])[2]) / 2,
                      rel=1e-12)
    with pytest.raises(quantities.QuantityError, match="this scenario has 2 models"):
        quantities.quantity({"quantity": "batch_loss"}).value(scenario)
    options, right = quantities.choice({"choose": "lowest_loss_model"}).evaluate(scenario)
    assert [option.key for option in options] == ["甲", "乙"] and right == "乙"


# --- the bundled lessons -----------------------------------------------------------------------

LESSON_FILES = [path.name for path in bundled_lessons()]


def bundled(name):
    return read_lesson(next(path for path in bundled_lessons() if path.name == name))


def test_the_four_lessons_are_bundled():
    assert LESSON_FILES == ["01_softmax_sigmoid_cross_entropy.json",
                            "02_temperature_and_hardmax.json",
                            "03_label_smoothing_and_soft_targets.json",
                            "04_why_the_libraries_disagree.json"]


@pytest.mark.parametrize("name", LESSON_FILES)
def test_every_bundled_lesson_is_complete_in_both_languages(name):
    lesson = bundled(name)
    assert lesson.question_count >= 0.8 * len(lesson.steps)
    for number, each in enumerate(lesson.steps, start=1):
        assert each.views and set(each.views) <= set(lessons.VIEWS), number
        for texts in (each.title, each.text) + ((each.question.text, each.answer.why)
                                                 if each.question else ()):
            assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh_CN"]), (number, texts)
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in texts["en"].replace("甲", "")
                           .replace("乙", "")), (number, texts)
            assert texts["en"] != texts["zh_CN"]
        if each.question:
            assert set(each.question.reveals) <= set(lessons.REVEALS)


def worked(name):
    """Each step's answer, worked out without the engine (None: no question)."""
    p = softmax([3.0, 1.0, -3.0])
    teacher, y_smooth = [0.6, 0.3, 0.1], np.array([0.9, 0.0, 0.0]) + 0.1 / 3
    next_token = engine.from_json(Examples()["next_token"])
    eps = np.finfo(float).eps
    unweighted = -log_softmax(np.array([[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]]), axis=1)
    chest = np.array([-2.0, 1.5, 2.2, -1.0, -3.0])

    def next_token_loss(temperature):
        return -log_softmax(next_token.rows[0] / temperature)[next_token.targets[0]]

    losses = {label: next_token_loss(t) for label, t in (("1", 0.3), ("2", 0.5), ("3", 1.0))}
    return {
        "01_softmax_sigmoid_cross_entropy.json": [
            expit(chest).sum(), p[1], math.exp(2.0), expit(0.5),
            -1.0 - 2 * expit(-1.0) / 4, None, "keras", -math.log2(p[0]),
            -math.log(1 - expit(-1.0)), "Model 2", entropy([0.7, 0.2, 0.1], p),
            entropy([0.7, 0.2, 0.1]), 1.0],
        "02_temperature_and_hardmax.json": [
            softmax([1.5, 0.5, -1.5])[0], math.exp(8.0), softmax(np.array([3, 1, -3]) / 20)[2],
            min(losses, key=losses.get), (softmax([1.5, 0.5, -1.5])[0] - 1) / 2],
        "03_label_smoothing_and_soft_targets.json": [
            softmax([4.0, 1.0, -1.0])[0] - 1, 0.1 / 3, entropy(y_smooth),
            softmax([10.0, 0.0, 0.0])[0] - y_smooth[0], entropy(teacher, softmax([2, 1, -1])),
            (softmax([1.0, 0.5, -0.5])[0] - 0.6) / 2],
        "04_why_the_libraries_disagree.json": [
            -math.log(p[0]), (-math.log(1e-7) - math.log(0.5)) / 2,
            (-math.log(eps) - math.log(0.5)) / 2, "sklearn", -math.log(0.5),
            (unweighted[0, 0] + 3 * unweighted[1, 2]) / 4],
    }[name]


@pytest.mark.parametrize("name", LESSON_FILES)
def test_every_answer_is_the_worked_one(name):
    lesson = bundled(name)
    expected = worked(name)
    assert len(lesson.steps) == len(expected)
    for number, (each, answer) in enumerate(zip(lesson.steps, expected), start=1):
        if answer is None:
            assert each.question is None, number
        elif isinstance(answer, str):
            assert each.answer.value == answer, number
        else:
            assert each.answer.value == pytest.approx(answer, rel=1e-9), number
            assert each.answer.is_right(round(answer, 4)), number


def test_lesson_1_follows_the_article():
    lesson = bundled("01_softmax_sigmoid_cross_entropy.json")
    assert len(lesson.steps) >= 12
    examples = [each.example for each in lesson.steps]
    assert examples[0] == "chest_xray_multilabel" and examples[3] == "binary_sigmoid"
    assert examples[9] == "cat_dog_pig" and examples[12] == "two_models_one_truth"
    assert [each.scenario.rows.tolist() for each in lesson.steps[1:3]] == [[[3.0, 1.0, -3.0]]] * 2
    english = [each.text["en"] for each in lesson.steps]
    assert sum("writes p for the truth and q for the prediction" in text for text in english) == 1
    chinese = "".join(each.text["zh_CN"] for each in lesson.steps)
    assert chinese.count("未归一化得分") == 1
    assert "相对熵" in chinese and "真实标签" in chinese and "正确答案" in chinese
    assert "甲" in chinese and "乙" in chinese


def test_lesson_1_quotes_the_engines_numbers_for_the_two_model_examples():
    lesson = bundled("01_softmax_sigmoid_cross_entropy.json")
    cat_dog_pig, truth = lesson.steps[9], lesson.steps[12]
    model_losses = [engine.analyze(cat_dog_pig.scenario.model_scenario(k)).loss for k in (0, 1)]
    assert [round(loss, 4) for loss in model_losses] == [1.3784, 0.6391]
    for language in lessons.LANGUAGES:
        why = cat_dog_pig.answer.why[language]
        assert "0.6391" in why and "1.3784" in why
        assert "0.6391075640678003" in why and "1.3783888522474517" in why
        assert "0.6931" in truth.answer.why[language] and "0.3567" in truth.answer.why[language]
    assert truth.values["jia"] == pytest.approx(math.log(2), rel=1e-15)
    assert truth.values["yi"] == pytest.approx(-math.log(0.7), rel=1e-15)


def test_the_lessons_numbers_are_filled_in_never_typed():
    """The numbers a step's text quotes come from its values: the text's source holds none of
    the engine's four-decimal results."""
    for path in bundled_lessons():
        data = json.loads(path.read_text(encoding="utf-8"))
        for each in data["steps"]:
            for text in each["text"].values():
                for number in ("0.8789", "0.1189", "1.3784", "0.6391", "0.6931", "0.3567",
                               "0.1291", "8.4056", "18.3684"):
                    assert number not in text, (path.name, number)


def test_the_readmes_example_lesson_reads_and_its_answer_is_computed():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Lesson files", 1)[1]
    example = section.split("```json\n", 1)[1].split("```", 1)[0]
    first = lessons.read_lesson(example).steps[0]
    assert first.text["en"].startswith("Softmax gives the cat 0.8789: ")
    assert first.answer.value == pytest.approx(softmax([3.0, 1.0, -3.0])[1], rel=1e-15)
    assert first.answer.why["zh_CN"] == "$e^1 / (e^3 + e^1 + e^−3)$ = 0.1189。"


# --- writing: what "New lesson from here" saves ------------------------------------------------

def test_a_lesson_made_of_scenarios_is_written_and_read_back_unchanged():
    photos = from_dict(TWO_PHOTOS)
    binary = from_dict({**PHOTO, "classes": ["no", "yes"], "rows": [[0.0, 2.0]],
                        "mode": "softmax", "options": {"temperature": 2.0}})
    made = lessons.Lesson(title={"en": "Mine", "zh_CN": "我的"},
                          description={"en": "", "zh_CN": ""},
                          steps=(lessons.scenario_step(photos, 1),
                                 lessons.scenario_step(binary, 2)))
    back = lessons.read_lesson(lessons.lesson_to_json(made))
    assert [dict(s.title) for s in back.steps] == [{"en": "Step 1", "zh_CN": "第 1 步"},
                                                    {"en": "Step 2", "zh_CN": "第 2 步"}]
    assert [s.scenario for s in back.steps] == [photos, binary]
    assert back.steps[1].scenario.options.temperature == 2.0
    assert [dict(s.text) for s in back.steps] == [{"en": "", "zh_CN": ""}] * 2
    assert back.steps[0].blocks("en") == () and back.question_count == 0
    assert dict(back.title) == {"en": "Mine", "zh_CN": "我的"}


def test_written_text_keeps_its_braces_and_a_step_with_a_question_is_refused():
    read_back = read(lesson_data(step(values=None, question=None,
                                      text=bilingual("a {{b}} c"))))
    assert read_back.steps[0].text["en"] == "a {b} c"
    again = lessons.read_lesson(lessons.lesson_to_json(read_back))
    assert again.steps[0].text["en"] == "a {b} c"
    with pytest.raises(ValueError, match="step 1 has a question"):
        lessons.lesson_to_json(read(lesson_data()))


def test_a_step_without_text_is_read():
    assert read(lesson_data(step(values=None, question=None,
                                 text=bilingual("", "")))).steps[0].text["zh_CN"] == ""
