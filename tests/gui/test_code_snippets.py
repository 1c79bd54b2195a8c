"""The "copy as code" snippets: each library's own call (engine.conventions'), our value as the
comment; the scikit-learn ones run here with the real scikit-learn. PyTorch and Keras are not
test dependencies: tools/check_snippets.py runs every snippet with the real libraries."""

import contextlib
import dataclasses
import io

import numpy as np
import pytest

import engine
from engine import edits
from engine.conventions import batch_loss
from gui.common import code_snippets
from gui.common.code_snippets import SPELLINGS, snippet

from scenarios import cat_dog_pig, preset


def sigmoid():
    return edits.convert_mode(cat_dog_pig(), "sigmoid")


# Every input and target kind and every option, and the presets.
CASES = {
    "plain": cat_dog_pig(),
    "temperature, weights, sum": edits.set_options(cat_dog_pig(), temperature=0.7,
                                                   class_weights=(1.0, 2.0, 0.5), reduction="sum"),
    "ignore_index": edits.set_target(edits.set_options(cat_dog_pig(), ignore_index=-1), 1, -1),
    "label smoothing": edits.set_options(cat_dog_pig(), label_smoothing=0.2),
    "soft targets": cat_dog_pig(targets=[[0.5, 0.5, 0.0], [0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]),
    "bits": edits.set_options(cat_dog_pig(), log_base="2"),
    "probabilities with p = 0": cat_dog_pig(input="probabilities",
                                            rows=[[0.0, 1.0, 0.0], [0.2, 0.3, 0.5],
                                                  [0.1, 0.1, 0.1]]),
    "probabilities, weights": edits.set_options(
        edits.convert_input(cat_dog_pig(), "probabilities"), class_weights=(1.0, 2.0, 0.5)),
    "probabilities, smoothing": edits.set_options(
        edits.convert_input(cat_dog_pig(), "probabilities"), label_smoothing=0.1),
    "sigmoid, pos_weight, weights": edits.set_options(
        sigmoid(), pos_weight=(2.0, 1.0, 3.0), class_weights=(1.0, 0.5, 2.0), temperature=2.0),
    "sigmoid, soft labels, sum": edits.set_options(
        sigmoid().replace(targets=[[0.2, 1, 0], [0, 0.5, 1], [1, 1, 0.1]]), reduction="sum"),
    "sigmoid, probabilities": edits.convert_input(sigmoid(), "probabilities"),
    "sigmoid logits 800": sigmoid().replace(rows=[[800.0, -800.0, 60.0], [1.0, 2.0, 3.0],
                                                  [0.0, 0.0, 0.0]]),
}
CASES.update({f"{name} {model}": preset(name).model_scenario(model) for name, model in (
    ("cat_dog_pig.json", 0), ("cat_dog_pig.json", 1), ("sklearn_log_loss.json", 0),
    ("sklearn_log_loss.json", 1), ("two_models_one_truth.json", 0),
    ("two_models_one_truth.json", 1), ("binary_sigmoid.json", 0), ("binary_softmax.json", 0),
    ("chest_xray_multilabel.json", 0), ("next_token.json", 0))})


def run_snippet(code):
    """Execute a snippet; what it printed."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), {})
    return out.getvalue()


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_each_snippet_is_the_librarys_call_with_its_value_as_the_comment(name, spelling):
    scenario = CASES[name]
    analysis = engine.analyze(scenario)
    code = snippet(spelling, analysis)
    compile(code, spelling, "exec")
    result = batch_loss(scenario, code_snippets.LIBRARY[spelling], analysis=analysis)
    assert all(repr(value) in code for value in scenario.rows.ravel().tolist()[:50])
    if not result.expressible:
        assert "print(" not in code and "cannot compute this loss" in code
        return
    call = next(c for c in result.calls if c.spelling == spelling)
    assert f"loss = {call.expression}\n" in code
    assert all(f"{line}\n" in code for line in call.setup + call.imports)
    assert f"print(float(loss))  # expected: {result.loss!r} {result.unit}\n" in code
    assert "reshape" not in code and "ravel" not in code


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_scikit_learn_snippet_prints_the_engines_value_with_real_scikit_learn(name):
    analysis = engine.analyze(CASES[name])
    result = batch_loss(analysis.scenario, "sklearn", analysis=analysis)
    code = snippet("sklearn", analysis)
    with pytest.warns() if any(r["rule"] == "sum_warning" for r in result.reasons) \
            else contextlib.nullcontext():
        printed = run_snippet(code)
    if not result.expressible:
        assert printed == ""
    else:
        assert float(printed) == pytest.approx(result.loss, rel=1e-12)


@pytest.mark.parametrize("model, value", [(0, "1.3783888522474517"),
                                          (1, "0.6391075640678003")])
def test_the_scikit_learn_snippet_is_the_log_loss_call_for_each_model_of_the_preset(model,
                                                                                    value):
    analyses = engine.analyze_models(preset("sklearn_log_loss.json"))
    shown = dataclasses.replace(analyses[model], comparison=engine.Comparison(analyses))
    code = snippet("sklearn", shown)
    assert code.startswith(f"# scikit-learn log_loss: two models — Model {model + 1}: the loss "
                           "as scikit-learn computes it.\n")
    assert "loss = sklearn.metrics.log_loss(target, probabilities)\n" in code
    assert run_snippet(code) == f"{value}\n"


def test_a_snippet_of_one_model_says_its_name_only_when_it_has_one_of_its_own():
    plain = snippet("pytorch", engine.analyze(cat_dog_pig(title="Lesson")))
    assert plain.startswith("# Lesson: the loss as PyTorch computes it.\n")
    named = edits.rename_model(cat_dog_pig(title="Lesson"), 0, "Teacher\u20282")
    assert snippet("pytorch", engine.analyze(named)).startswith(
        "# Lesson — Teacher 2: the loss as PyTorch computes it.\n")


def test_the_snippets_for_p_equal_to_zero_expect_the_issues_numbers():
    analysis = engine.analyze(CASES["probabilities with p = 0"])
    expected = {spelling: snippet(spelling, analysis).split("# expected: ")[1].split()[0]
                for spelling in SPELLINGS}
    assert expected["pytorch"] == "inf"
    assert expected["keras"] == expected["tf.keras"]
    keras = snippet("keras", analysis)
    assert "# Logit Lab's textbook value is inf nats; the difference: renormalise; " \
           "clip to [1e-07, 0.9999999]\n" in keras


def test_the_tf_keras_snippet_is_the_articles_spelling():
    code = snippet("tf.keras", engine.analyze(cat_dog_pig()))
    assert "import tensorflow as tf\n" in code
    assert "y_true = tf.keras.utils.to_categorical(target, num_classes=3)\n" in code
    assert "loss = tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y_true, logits, " \
           "from_logits=True))\n" in code


def test_the_binary_snippet_for_one_label_is_written_as_plain_lists():
    code = snippet("keras", engine.analyze(preset("binary_sigmoid.json")))
    assert "\nlogits = np.array([" in code and "np.array([\n" not in code
    assert "loss = keras.ops.sum(keras.ops.binary_crossentropy(target, logits, " \
           "from_logits=True)) / target.size\n" in code


def test_pytorch_snippet_of_the_classic_example_reads_naturally():
    code = snippet("pytorch", engine.analyze(cat_dog_pig()))
    assert "loss = torch.nn.CrossEntropyLoss()(logits, target)\n" in code
    assert "target = torch.tensor([0, 1, 2])  # the true class of each sample\n" in code


def test_a_library_that_cannot_express_the_loss_says_so_and_prints_nothing():
    weighted = edits.set_options(cat_dog_pig(), class_weights=(1.0, 2.0, 0.5))
    code = snippet("keras", engine.analyze(weighted))
    assert code.endswith("# Keras 3 cannot compute this loss: it takes no class weights.\n")
    assert run_snippet(code.replace("import keras\n", "")) == ""


def test_a_title_with_line_breaks_stays_one_comment():
    scenario = cat_dog_pig(title="Lesson\n2\u2028import os; os.remove('x')")
    for spelling in SPELLINGS:
        code = snippet(spelling, engine.analyze(scenario))
        assert code.splitlines()[0].startswith("# Lesson 2 import os")
        compile(code, spelling, "exec")


def test_a_scenario_with_no_counted_sample_expects_pytorchs_nan():
    code = snippet("pytorch", engine.analyze(cat_dog_pig(targets=[-100, -100, -100])))
    assert "# expected: nan nats" in code


def test_every_weight_the_call_names_is_defined():
    scenario = CASES["sigmoid, pos_weight, weights"]
    code = snippet("pytorch", engine.analyze(scenario))
    assert "weight = torch.tensor([1.0, 0.5, 2.0], dtype=torch.float64)\n" in code
    assert "pos_weight = torch.tensor([2.0, 1.0, 3.0], dtype=torch.float64)\n" in code
    assert 'BCEWithLogitsLoss(weight=weight, pos_weight=pos_weight)(logits / 2.0, target)' in code
    assert np.isfinite(engine.analyze(scenario).loss)
