"""The conventions view: each library's batch loss and the selected sample's as engine.compare
gives them, the calls, one sentence per rule with its numbers (in English and Chinese), what a
library cannot compute, hardmax beside softmax, names as plain text, and nothing computed while
the view is out of sight."""

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

import engine
from engine import edits
from gui.common.formatting import format_number, full_precision
from gui.document import Document
from gui.shell import i18n
from gui.views.conventions import sentences
from gui.views.conventions.view import ConventionsView

from scenarios import cat_dog_pig

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def p_equal_to_zero(**changes):
    """The issue's example: p = 0 for the true class, then a sample with p = 0.5."""
    values = dict(classes=("cat", "dog"), samples=("photo 1", "photo 2"),
                  rows=[[0.0, 1.0], [0.5, 0.5]], targets=[0, 0], input="probabilities")
    return engine.Scenario(**{**values, **changes})


@pytest.fixture
def make_view(qtbot, host, delete_at_end):
    """A document and its view, shown in a window; the view is deleted at teardown."""
    def make(scenario, width=480, height=900):
        document = Document(scenario)
        view = ConventionsView(document)
        host.layout().addWidget(view)
        host.resize(width, height)
        delete_at_end(view)
        wait_drawn(qtbot, view, document)
        return document, view

    return make


def wait_drawn(qtbot, view, document):
    qtbot.waitUntil(lambda: view.drawn is not None and view.drawn[0] is document.analysis
                    and view.drawn[1] == document.selection)


def shown(view, convention):
    cells = view.cells[convention]
    return cells["batch"].text(), cells["sample"].text()


# --- the numbers ------------------------------------------------------------------------------

@pytest.mark.parametrize("scenario", [
    cat_dog_pig(),
    edits.set_options(cat_dog_pig(), temperature=0.5, reduction="sum", log_base="2"),
    edits.convert_mode(cat_dog_pig(), "sigmoid"),
    p_equal_to_zero(),
], ids=["softmax", "temperature sum bits", "sigmoid", "p = 0"])
def test_each_conventions_batch_and_selected_sample_loss_are_engine_compares(make_view, qtbot,
                                                                             scenario):
    document, view = make_view(scenario)
    document.select_sample(1)
    wait_drawn(qtbot, view, document)
    expected = engine.compare(scenario)
    for convention, result in expected.items():
        batch, sample = (result.loss, result.sample_loss[1])
        assert shown(view, convention) == (format_number(batch, 6), format_number(sample, 6))
        assert view.cells[convention]["batch"].toolTip() in ("", full_precision(batch))
        assert not view.cells[convention]["missing"].isVisibleTo(view)


def test_p_equal_to_zero_shows_infinity_keras_8_4056_and_scikit_learn_18_3684(make_view):
    _document, view = make_view(p_equal_to_zero())
    assert shown(view, "textbook") == ("∞", "∞")
    assert shown(view, "pytorch") == ("∞", "∞")
    assert shown(view, "keras") == ("8.40562", "16.1181")
    assert shown(view, "sklearn") == ("18.3684", "36.0437")
    assert view.cells["keras"]["batch"].toolTip() == "8.405621415759132"
    assert view.notes["keras"].text() == (
        "Keras clips p to [1e-07, 0.9999999] before the logarithm: p(cat) = 0 in sample "
        "“photo 1” counts as 1e-07.")
    assert view.notes["sklearn"].text() == (
        "scikit-learn clips p to [2.220446049250313e-16, 0.9999999999999998] before the "
        "logarithm: p(cat) = 0 in sample “photo 1” counts as 2.220446049250313e-16.")
    assert view.notes["pytorch"].text() == (
        "No rule of PyTorch changes this loss: the value is the textbook's.")


def test_each_call_is_the_engines_from_the_tables_input(make_view):
    _document, view = make_view(p_equal_to_zero())
    assert view.calls["pytorch"].text() == \
        "torch.nn.NLLLoss()(torch.log(probabilities), target)"
    keras = view.calls["keras"].text().splitlines()
    assert keras == [
        "# Keras 3", "y_true = keras.utils.to_categorical(target, num_classes=2)",
        "keras.ops.sum(keras.losses.categorical_crossentropy(y_true, probabilities))"
        " / len(target)",
        "# tf.keras", "y_true = tf.keras.utils.to_categorical(target, num_classes=2)",
        "tf.reduce_mean(tf.keras.losses.categorical_crossentropy(y_true, probabilities))"]
    assert view.calls["textbook"].text() == "L = −Σ y ln p"
    assert "from the probabilities" in view.caption.text()
    _document, view = make_view(cat_dog_pig())
    assert view.calls["sklearn"].text() == "\n".join(
        engine.batch_loss(cat_dog_pig(), "sklearn").call.setup
        + (engine.batch_loss(cat_dog_pig(), "sklearn").call.expression,))
    assert "from_logits=True" in view.calls["keras"].text()
    assert "from the logits" in view.caption.text()


def test_an_edit_and_a_new_selection_are_followed(make_view, qtbot):
    document, view = make_view(cat_dog_pig())
    assert document.set_cell(1, 1, -40.0)
    wait_drawn(qtbot, view, document)
    expected = engine.compare(document.scenario)
    assert shown(view, "sklearn")[0] == format_number(expected["sklearn"].loss, 6)
    computed = view._results
    document.select_sample(2)
    wait_drawn(qtbot, view, document)
    assert view._results is computed  # a new selection alone computes nothing again
    assert shown(view, "keras")[1] == format_number(expected["keras"].sample_loss[2], 6)
    assert view.sample_header.text() == "Sample “photo 3”"


def test_what_a_library_cannot_compute_is_a_clear_cell_with_its_reason(make_view):
    scenario = edits.set_options(cat_dog_pig(), class_weights=(1.0, 2.0, 0.5))
    _document, view = make_view(edits.set_options(scenario, label_smoothing=0.1))
    keras = view.cells["keras"]
    assert not keras["batch"].isVisibleTo(view) and not keras["sample"].isVisibleTo(view)
    assert keras["missing"].isVisibleTo(view) and keras["missing"].text() == "cannot compute it"
    reason = "Keras cannot compute this loss: it takes no class weights."
    assert keras["missing"].toolTip() == reason and view.notes["keras"].text() == reason
    assert view.notes["sklearn"].text() == \
        "scikit-learn cannot compute this loss: it takes no label smoothing."
    assert view.calls["keras"].text() == ""
    assert shown(view, "pytorch")[0] == format_number(
        engine.batch_loss(view.state[0].scenario, "pytorch").loss, 6)


def test_nan_is_shown_as_the_libraries_print_it(make_view):
    soft = engine.Scenario(classes=("a", "b", "c"), input="probabilities",
                           rows=[[0.0, 0.4, 0.6], [0.2, 0.3, 0.5]],
                           targets=[[0.0, 0.5, 0.5], [0.2, 0.3, 0.5]])
    _document, view = make_view(soft)
    assert shown(view, "pytorch") == ("nan", "nan")
    assert view.notes["pytorch"].text().startswith(
        "PyTorch multiplies the target 0 of a in sample “#1” by ln 0 = −∞ and gets nan")


# --- the sentences, every rule, both languages ------------------------------------------------

RULE_SCENARIOS = {
    "clip": p_equal_to_zero(),
    "renormalise and sum_warning": engine.Scenario(
        classes=("a", "b", "c"), input="probabilities",
        rows=[[0.2, 0.3, 0.1], [0.3, 0.3, 0.4]], targets=[1, 2]),
    "underflow": engine.Scenario(classes=("a", "b"), rows=[[0.0, 800.0]], targets=[0]),
    "underflow of 1 - p": engine.Scenario(classes=("a", "b"), mode="sigmoid",
                                          rows=[[800.0, -800.0]], targets=[[0.0, 1.0]]),
    "clamp_log": engine.Scenario(classes=("a", "b"), mode="sigmoid", input="probabilities",
                                 rows=[[0.0, 1e-50], [0.5, 1.0]],
                                 targets=[[1.0, 1.0], [1.0, 0.0]]),
    "zero_times_log_zero": engine.Scenario(classes=("a", "b", "c"), input="probabilities",
                                           rows=[[0.0, 0.4, 0.6], [0.2, 0.3, 0.5]],
                                           targets=[[0.0, 0.5, 0.5], [0.2, 0.3, 0.5]]),
}


def every_sentence():
    """(rule, term, sentence) of every reason of every library in RULE_SCENARIOS, told about
    each affected sample."""
    out = []
    for scenario in RULE_SCENARIOS.values():
        for convention, result in engine.compare(scenario).items():
            for reason in result.reasons:
                for entry in reason["samples"]:
                    out.append((reason["rule"], entry.get("term"), sentences.reason_sentence(
                        convention, reason, entry["sample"], scenario)))
    return out


def test_every_rule_has_its_own_sentence_with_its_numbers(qapp):
    found = every_sentence()
    assert {(rule, term) for rule, term, _ in found} >= {
        ("clip", None), ("renormalise", None), ("sum_warning", None), ("underflow", None),
        ("underflow", "1-p"), ("clamp_log", "p"), ("clamp_log", "1-p"),
        ("zero_times_log_zero", None)}
    text = "\n".join(sentence for _, _, sentence in found)
    assert "{" not in text
    assert "Keras divides each probability row by its sum first: the row of sample “#1” " \
           "sums to 0.6." in text
    assert "scikit-learn uses rows that do not sum to 1 as they are, with a warning " \
           "(the row of sample “#1” sums to 0.6): the value stays the textbook's." in text
    assert "scikit-learn gets p(a) in sample “#1” as exactly 0 in float64 (anything below " \
           "5e-324 is 0), where the logits give ln p = -800." in text
    assert "scikit-learn gets p(a) in sample “#1” as exactly 1 in float64 (1 − p below " \
           "1.1102230246251565e-16 is lost), where the logits give ln(1 − p) = -800." in text
    assert "PyTorch clamps each logarithm at -100: ln p(a) in sample “#1”, with p = 0, counts " \
           "as -100. (2 classes of that sample.) Other samples it changes: 1." in text
    assert "PyTorch clamps each logarithm at -100: ln(1 − p(b)) in sample “#2”, with p = 1, " \
           "counts as -100." in text


def test_every_sentence_is_chinese_in_chinese_with_the_same_numbers(qapp):
    english = every_sentence()
    i18n.install_language("zh_CN")
    try:
        chinese = every_sentence()
        missing = sentences.missing_sentence("keras", "class_weights")
    finally:
        i18n.install_language("en")
    assert len(chinese) == len(english)
    for (_, _, en), (_, _, zh) in zip(english, chinese):
        assert CHINESE.search(zh) and "{" not in zh
        numbers = re.compile(r"-?\d+(?:\.\d+)?(?:e[+-]?\d+)?")
        assert sorted(numbers.findall(zh)) == sorted(numbers.findall(en))
    assert missing == "Keras 无法计算这个损失：它不支持类别权重。"


def test_the_view_speaks_chinese(make_view):
    i18n.install_language("zh_CN")
    try:
        _document, view = make_view(p_equal_to_zero())
        assert view.notes["keras"].text() == (
            "Keras 在取对数之前把 p 截断到 [1e-07, 0.9999999]：样本“photo 1”中的 p(cat) = 0 "
            "按 1e-07 计算。")
        assert view.sample_header.text() == "样本“photo 1”"
        assert shown(view, "keras") == ("8.40562", "16.1181")
    finally:
        i18n.install_language("en")


# --- hardmax ----------------------------------------------------------------------------------

def test_hardmax_beside_softmax_is_engines_with_the_articles_calls(make_view):
    _document, view = make_view(cat_dog_pig())
    box = view.hardmax
    hardmax = engine.hardmax(cat_dog_pig().rows[0])
    p = engine.analyze(cat_dog_pig()).probabilities[0]
    rows = [[label.text() for label in labels] for labels in box.rows if
            labels[0].isVisibleTo(view)]
    assert rows == [["cat", "3", format_number(p[0], 6), "1"],
                    ["dog", "1", format_number(p[1], 6), "0"],
                    ["pig", "-3", format_number(p[2], 6), "0"]]
    assert hardmax.one_hot.tolist() == [1.0, 0.0, 0.0]
    assert box.note.text() == "max = 3, at cat: hardmax puts 1 there and 0 elsewhere."
    calls = box.calls.text()
    assert "np.max(logits, axis=-1)" in calls and "tf.reduce_max(logits, axis=-1)" in calls
    assert "tf.one_hot(tf.argmax(logits, axis=-1), 3)" in calls


def test_hardmax_lists_the_most_probable_classes_and_says_so_and_names_a_tie(make_view):
    rows = [[0.0] * 10 + [2.0, 2.0]]
    scenario = engine.Scenario(classes=tuple(f"c{k}" for k in range(12)), rows=rows,
                               targets=[0])
    _document, view = make_view(scenario)
    listed = [labels[0].text() for labels in view.hardmax.rows if labels[0].isVisibleTo(view)]
    assert listed[:2] == ["c10", "c11"] and len(listed) == 5
    note = view.hardmax.note.text()
    assert "The 5 most probable of 12 classes are listed." in note
    assert "numpy marks the first" in note


def test_hardmax_is_not_offered_in_sigmoid_mode(make_view):
    _document, view = make_view(edits.convert_mode(cat_dog_pig(), "sigmoid"))
    assert not view.hardmax.isVisibleTo(view)


# --- names, size, cost ------------------------------------------------------------------------

def test_names_are_shown_as_plain_text(make_view):
    name = "<b>bold</b><img src='/dev/zero'>" + "x" * 20
    _document, view = make_view(p_equal_to_zero(classes=(name, "dog"),
                                                samples=(name, "photo 2")))
    labels = view.findChildren(QLabel)
    assert all(label.textFormat() == Qt.PlainText for label in labels)
    assert f"p({name[:39]}…) = 0" in view.notes["keras"].text()
    assert view.sample_header.text() == f"Sample “{name[:39]}…”"
    # the tooltip of a name that looks like HTML is escaped, not rendered
    assert "&lt;b&gt;" in view.sample_header.toolTip()


def test_no_number_is_cut_in_a_narrow_dock(make_view, qtbot):
    _document, view = make_view(p_equal_to_zero(), width=260, height=500)
    qtbot.waitUntil(lambda: view.cells["sklearn"]["batch"].width() > 0)
    for cells in view.cells.values():
        for label in (cells["batch"], cells["sample"]):
            if label.isVisibleTo(view):
                assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())


def test_a_view_behind_another_tab_computes_nothing_until_its_tab_is_chosen(main_window,
                                                                            qtbot):
    view, document = main_window.conventions, main_window.document
    main_window.docks["math"].raise_()
    qtbot.waitUntil(lambda: view.mapTo(main_window, QPoint(0, 0)).x() < 0)
    assert document.set_cell(0, 0, 5.0)
    qtbot.wait(20)
    assert view.drawn is None or view.drawn[0] is not document.analysis
    assert view._results_for is not document.analysis
    main_window.docks["conventions"].raise_()
    wait_drawn(qtbot, view, document)
    assert shown(view, "textbook")[0] == format_number(document.analysis.loss, 6)


def test_the_view_menu_brings_the_conventions_and_code_to_the_front(main_window, qtbot):
    assert main_window.tabifiedDockWidgets(main_window.docks["math"]) == [
        main_window.docks["conventions"], main_window.docks["code"]]
    texts = [action.text() for action in main_window.view_menu.actions()]
    assert "Library conventions" in texts and "Code" in texts
    conventions = main_window.docks["conventions"]
    conventions.close()
    conventions.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: main_window.conventions.mapTo(main_window, QPoint(0, 0)).x() > 0)
    assert main_window.code_panel.mapTo(main_window, QPoint(0, 0)).x() < 0
