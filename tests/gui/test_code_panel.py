"""The code panel: each library's snippet (gui.common.code_snippets') shown, coloured, following
every edit, copied exactly as shown; File ▸ Copy as Code brings it to the front; its font grows
with presentation mode."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QTextDocument

import engine
from engine import edits
from gui.common import style
from gui.common.code_snippets import SPELLINGS, snippet
from gui.document import Document
from gui.views.code.highlighter import LONG_LINE, PythonHighlighter, token_spans
from gui.views.code.panel import CodePanel

from scenarios import cat_dog_pig


@pytest.fixture
def make_panel(qtbot, host, delete_at_end):
    def make(scenario):
        document = Document(scenario)
        panel = CodePanel(document)
        host.layout().addWidget(panel)
        host.resize(640, 480)
        delete_at_end(panel)
        qtbot.waitUntil(lambda: panel.editor.toPlainText() != "")
        return document, panel

    return make


def test_each_tab_shows_that_librarys_snippet(make_panel):
    document, panel = make_panel(cat_dog_pig())
    assert [panel.tabs.tabText(n) for n in range(panel.tabs.count())] == [
        "PyTorch", "Keras 3", "tf.keras", "scikit-learn"]
    for n, spelling in enumerate(SPELLINGS):
        panel.tabs.setCurrentIndex(n)
        assert panel.spelling == spelling
        assert panel.editor.toPlainText() == snippet(spelling, document.analysis)
    assert "print(float(loss))  # expected: " in panel.editor.toPlainText()
    assert panel.editor.isReadOnly()


def test_the_code_follows_an_edit(make_panel, qtbot):
    document, panel = make_panel(cat_dog_pig())
    panel.show_framework("keras")
    before = panel.editor.toPlainText()
    assert document.set_cell(0, 0, 7.5)
    expected = snippet("keras", document.analysis)
    assert expected != before and "7.5" in expected
    qtbot.waitUntil(lambda: panel.editor.toPlainText() == expected)
    assert document.set_options("Set smoothing", label_smoothing=0.1)
    qtbot.waitUntil(lambda: "label_smoothing=0.1" in panel.editor.toPlainText())


def test_an_edit_replaces_only_the_lines_it_changes_and_the_reader_keeps_their_place(
        make_panel, qtbot):
    rows = np.arange(40 * 30, dtype=float).reshape(40, 30) / 7
    document, panel = make_panel(engine.Scenario(classes=tuple(f"c{k}" for k in range(30)),
                                                 rows=rows, targets=[0] * 40))
    editor = panel.editor
    last_row = editor.document().findBlockByNumber(editor.blockCount() - 6)
    last_row.setUserState(42)  # a mark that a rewrite of the whole text would wipe out
    editor.verticalScrollBar().setValue(30)
    assert document.set_cell(0, 0, -1.5)
    qtbot.waitUntil(lambda: editor.toPlainText() == snippet("pytorch", document.analysis))
    assert editor.document().findBlockByNumber(editor.blockCount() - 6).userState() == 42
    assert editor.verticalScrollBar().value() == 30


def test_a_long_row_is_written_over_short_lines_that_read_back_exactly(qapp):
    rows = np.random.default_rng(1).normal(size=(2, 300))
    scenario = engine.Scenario(classes=tuple(f"class {k}" for k in range(300)), rows=rows,
                               targets=[0, 299])
    code = snippet("sklearn", engine.analyze(scenario))
    assert max(len(line) for line in code.splitlines()) <= 88
    names = {}
    data = code[code.index("classes = "):code.index("target = ")]
    exec(data.replace("np.array", "list"), {}, names)
    assert names["logits"] == rows.tolist()
    assert names["classes"] == list(scenario.classes)


def test_copy_copies_exactly_the_shown_text(make_panel, qtbot):
    document, panel = make_panel(edits.set_options(cat_dog_pig(), class_weights=(1, 2, 0.5)))
    panel.show_framework("sklearn")
    QGuiApplication.clipboard().clear()
    qtbot.mouseClick(panel.copy_button, Qt.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied == panel.editor.toPlainText() == snippet("sklearn", document.analysis)
    assert "sample_weight=weight[target]" in copied


def test_a_change_out_of_sight_is_shown_when_the_panel_is_read(make_panel, qtbot):
    document, panel = make_panel(cat_dog_pig())
    panel.hide()
    assert document.set_cell(1, 0, -2.25)
    qtbot.wait(20)
    assert "-2.25" not in panel.editor.toPlainText()  # nothing written while hidden
    assert panel.text() == snippet("pytorch", document.analysis)  # but read, it is up to date
    assert "-2.25" in panel.editor.toPlainText()


def test_keywords_strings_numbers_and_comments_are_coloured(make_panel):
    _document, panel = make_panel(cat_dog_pig(classes=("c#t", "dog", "pig")))
    line = "classes = ['c#t', 'dog', 'pig']  # 3 names"
    assert token_spans(line) == [("string", 11, 5), ("string", 18, 5), ("string", 25, 5),
                                 ("comment", 33, 9)]
    assert token_spans("import torch as t1, x = 1e-07 + 2.5") == [
        ("keyword", 0, 6), ("keyword", 13, 2), ("number", 24, 5), ("number", 32, 3)]
    block = panel.editor.document().findBlockByNumber(1)  # "import torch"
    assert block.text() == "import torch"
    formats = block.layout().formats()
    assert [(f.start, f.length, f.format.fontWeight()) for f in formats] == [
        (0, 6, QFont.Weight.Bold)]


def test_an_emoji_before_a_string_does_not_shift_its_colour(make_panel):
    _document, panel = make_panel(cat_dog_pig(classes=("🐱", "dog", "pig")))
    block = panel.editor.document().findBlockByNumber(3)
    assert block.text().startswith("classes = ['🐱', 'dog'")
    spans = [(f.start, f.length) for f in block.layout().formats()]
    assert spans[:2] == [(11, 4), (17, 5)]  # '🐱' is 4 UTF-16 units with its quotes


def test_a_line_of_thousands_of_numbers_is_left_plain(qapp):
    document = QTextDocument()
    highlighter = PythonHighlighter(document, QPalette())
    long_line = "    [" + ", ".join(["0.5"] * 2000) + "],"
    document.setPlainText(f"x = 1\n{long_line}")
    highlighter.rehighlight()
    assert len(long_line) > LONG_LINE and highlighter.document() is document
    assert [f.start for f in document.findBlockByNumber(0).layout().formats()] == [4]
    assert document.findBlockByNumber(1).layout().formats() == []


# --- in the main window -----------------------------------------------------------------------

def test_file_copy_as_code_brings_the_panel_to_the_front_on_that_library(main_window, qtbot):
    panel = main_window.code_panel
    assert panel.mapTo(main_window, QPoint(0, 0)).x() < 0  # a tab behind "Show the math"
    main_window.files.code_actions["sklearn"].trigger()
    qtbot.waitUntil(lambda: panel.mapTo(main_window, QPoint(0, 0)).x() > 0)
    assert panel.spelling == "sklearn"
    expected = snippet("sklearn", main_window.document.analysis)
    assert QGuiApplication.clipboard().text() == panel.editor.toPlainText() == expected


def test_the_code_grows_with_presentation_mode_in_a_monospace_font(main_window):
    editor = main_window.code_panel.editor
    normal = editor.font().pointSizeF()
    assert normal == main_window.font().pointSizeF()
    assert editor.font().styleHint() == QFont.TypeWriter
    main_window.presentation_action.setChecked(True)
    assert editor.font().pointSizeF() == pytest.approx(normal * style.PRESENTATION_SCALE)
    assert main_window.conventions.calls["keras"].font().pointSizeF() == \
        pytest.approx(normal * style.PRESENTATION_SCALE)
    main_window.presentation_action.setChecked(False)
    assert editor.font().pointSizeF() == normal


@pytest.mark.qt_log_ignore("This plugin does not support raise", extend=True)
def test_a_floated_code_panel_grows_with_presentation_mode_too(main_window, qtbot):
    # floated onto a projector, the dock is a window of its own
    dock = main_window.docks["code"]
    dock.setFloating(True)
    dock.show()
    qtbot.waitUntil(dock.isVisible)
    normal = dock.widget().editor.font().pointSizeF()
    main_window.presentation_action.setChecked(True)
    assert dock.widget().editor.font().pointSizeF() == \
        pytest.approx(normal * style.PRESENTATION_SCALE)
