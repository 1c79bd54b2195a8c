"""Hostile text in every view: names that look like HTML, Markdown, entities or code are shown
as the characters they are, no view makes Qt read a file an ``<img src>`` names, exports keep
them as text, and over-long names or lone surrogates are refused or shortened, never a freeze."""

import ast
import csv
import io
import json
import os
import subprocess
import sys
import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QLabel, QMessageBox, QWidget

import engine
from engine import edits
from engine.scenario import MAX_NAME_CHARS
from gui.common import code_snippets
from gui.shell import exports
from gui.shell import files
from gui.common.user_text import SHORT_NAME_CHARS, in_csv, short, tooltip
from test_real_window import ROOT, run_app, x_display  # noqa: F401 - x_display is a fixture

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

# Opens the FIFO for writing whenever someone opens it for reading (which it cannot know
# otherwise), notes it in the marker file and closes it, so the reader gets an empty file and
# goes on: a reader is found out instead of hanging the test.
_WATCHER = """
import errno, os, sys, time
fifo, marker = sys.argv[1:]
while True:
    try:
        fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
    except OSError as error:
        if error.errno != errno.ENXIO:
            raise
        time.sleep(0.005)
        continue
    open(marker, "a").write("read\\n")
    os.close(fd)
"""


class FifoWatch:
    """A FIFO for an ``<img src>`` to name; ``read()`` tells whether anyone opened it."""

    def __init__(self, folder):
        self.path = folder / "image-fifo"
        self._marker = folder / "fifo-was-read"
        os.mkfifo(self.path)
        self._process = subprocess.Popen([sys.executable, "-c", _WATCHER, str(self.path),
                                          str(self._marker)])

    def read(self):
        return self._marker.exists()

    def stop(self):
        self._process.terminate()
        self._process.wait(timeout=10)


@pytest.fixture
def fifo(tmp_path):
    watch = FifoWatch(tmp_path)
    yield watch
    watch.stop()


def hostile_names(fifo_path):
    image = f'<img src="{fifo_path}">'
    classes = [image, "<b>x</b>", "&amp;", "*x*", "&lt;i&gt;"]
    samples = [image, '"); import os #', "=1+1"]
    return classes, samples


def hostile_scenario(fifo_path, **changes):
    classes, samples = hostile_names(fifo_path)
    rows = np.arange(15, dtype=float).reshape(3, 5) / 4
    values = dict(classes=classes, samples=samples, rows=rows, targets=np.array([0, 1, 4]),
                  title=f'<img src="{fifo_path}"> "); import os #')
    values.update(changes)
    return engine.Scenario(**values)


def rendered(text, rich):
    """The characters a reader sees of ``text`` in a widget that reads HTML when ``rich``:
    laid out and painted (where Qt loads what an <img> names), then read back."""
    document = QTextDocument()
    if rich:
        document.setHtml(text)
    else:
        document.setPlainText(text)
    image = QImage(600, 200, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return document.toPlainText()


def as_tooltip(text):
    """What a tooltip shows for ``text``: Qt takes it for HTML when it looks like HTML."""
    return rendered(text, GuiQt.mightBeRichText(text))


def tooltips(window):
    """Every tooltip the window's widgets and item models can show."""
    tips = [w.toolTip() for w in window.findChildren(QWidget) if w.toolTip()]
    for view in (window.input_table.view, window.results.samples_view,
                 window.results.classes_view):
        model = view.model()
        for row in range(model.rowCount()):
            tips.append(model.headerData(row, Qt.Vertical, Qt.ToolTipRole))
            for column in range(model.columnCount()):
                tips.append(model.data(model.index(row, column), Qt.ToolTipRole))
        tips += [model.headerData(c, Qt.Horizontal, Qt.ToolTipRole)
                 for c in range(model.columnCount())]
    return [tip for tip in tips if tip]


def every_sample(window):
    """Select each sample in turn, rendering the window each time."""
    for n in range(len(window.document.scenario.samples)):
        window.document.select_sample(n)
        window.grab()
        yield n


@pytest.fixture
def hostile_window(main_window, fifo):
    main_window.document.replace(hostile_scenario(fifo.path))
    return main_window


# --- nothing a name says is taken for markup ---------------------------------------------------


def test_every_label_showing_a_name_shows_it_as_plain_text(hostile_window, fifo):
    window = hostile_window
    for n in every_sample(window):
        sample = short(window.document.scenario.samples[n])  # (the image's path is long)
        assert window.results.classes_caption.text() == f"Sample '{sample}': classes"
        assert window.plots.sample_label.text().startswith(f"Sample {sample} — true class ")
        # (A SteadyLabel's QLabel may show a name cut to fit: its holder has the whole text.)
        showing = [label for label in window.findChildren(QLabel) if label.text()
                   and any(short(name) in label.text() or short(name) in
                           getattr(label.parent(), "text", str)()
                           for name in window.document.scenario.samples)]
        assert len(showing) >= 2  # the caption and the plots' sample label
        assert all(label.textFormat() == Qt.TextFormat.PlainText for label in showing)
    assert not fifo.read()


def test_every_tooltip_shows_the_names_literally(hostile_window, fifo):
    window = hostile_window
    shown = []
    for _ in every_sample(window):
        shown += [as_tooltip(tip) for tip in tooltips(window)]
    everything = "\n".join(shown)
    for name in [*window.document.scenario.classes, *window.document.scenario.samples]:
        assert name in everything  # (the "&amp;" entity is not turned into "&")
    caption_tip = as_tooltip(window.results.classes_caption.toolTip())
    assert caption_tip == f"Sample '{window.document.scenario.samples[-1]}': classes"
    assert not fifo.read()


def test_refusal_messages_quote_pasted_text_literally(hostile_window, fifo):
    table = hostile_window.input_table
    table.view.setCurrentIndex(table.model.index(0, 0))
    image = f'<img src="{fifo.path}">'
    QApplication.clipboard().setText(image)
    table.paste()
    assert table.message_label.textFormat() == Qt.TextFormat.PlainText
    assert table.message_label.text().endswith(f"'{short(image)}' is not a number")
    # A refused rename is said above the table, as text.
    assert not hostile_window.document.edit("Rename", edits.rename_class, 1, "&amp;")
    assert "'&amp;' appears twice" in table.message_label.text()
    hostile_window.grab()
    assert not fifo.read()


def test_plot_titles_labels_and_legends_show_the_names_literally(hostile_window, fifo):
    window = hostile_window
    for n in every_sample(window):
        window.plots.set_swept_class(window.document.scenario.classes[n])
        texts = [item for widget in window.plots.plot_widgets.values()
                 for item in widget.scene().items() if isinstance(item, QGraphicsTextItem)]
        assert not any("<img" in item.toHtml() for item in texts)  # escaped, never a tag
        plain = "\n".join(item.toPlainText() for item in texts)
        swept = window.document.scenario.classes[n]
        # (the title, or its short form where it does not fit)
        assert f"as z({short(swept)}) changes" in plain
        # The legend, over the plot, is HTML for its colours: the names in it are escaped.
        assert "<img" not in window.plots.sweep_legend.text()
        assert "&lt;img" in window.plots.sweep_legend.text()
        assert f"logit z({short(swept, 24)})" in plain
    assert not fifo.read()


def test_the_math_panel_and_its_html_and_markdown_show_the_names_literally(hostile_window, fifo):
    window = hostile_window
    names = window.document.scenario.classes
    panel = window.math_panel
    window.document.select_sample(0)
    assert f"p({names[1]}) = " in panel.shown_text()
    from_html = rendered(panel.html(), rich=True)
    markdown = QTextDocument()
    markdown.setMarkdown(panel.markdown())
    from_markdown = markdown.toPlainText()
    for name in names:
        assert f"p({name}) = " in from_html
        assert name in from_markdown  # the prose line of logits names every class
    assert f"Sample {window.document.scenario.samples[0]}" in from_markdown
    assert not fifo.read()


def test_a_warning_shows_a_file_named_problem_as_plain_text(main_window, fifo, monkeypatch,
                                                            tmp_path):
    boxes = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    # (QMessageBox.warning() made its box this way: recorded, not shown.)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: boxes.append(
        QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, parent)))
    image = f'<img src="{fifo.path}">'
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({"format": "logit-lab", "version": 1, "classes": [image, image],
                                "rows": [[1, 2]], "targets": [0]}), encoding="utf-8")
    before = main_window.document.scenario
    assert not main_window.files.open_path(path)
    assert main_window.document.scenario is before
    assert [box.textFormat() for box in boxes] == [Qt.TextFormat.PlainText]
    assert f"classes: '{image}' appears twice" in boxes[0].text()
    assert not fifo.read()


def test_a_tooltip_is_escaped_only_when_qt_would_take_it_for_html():
    assert tooltip("plain words") == "plain words"
    assert tooltip("") == ""
    for text in ("<b>x</b>", "a &lt;b&gt;", 'x\n<img src="/dev/zero">', "<i>a</i>\n  two  spaces"):
        assert as_tooltip(tooltip(text)) == text


def test_menus_and_the_window_title_show_ampersands_and_stars_as_they_are(main_window, tmp_path):
    window = main_window
    assert window.document.edit("Rename 'cat' to 'a&b'", edits.rename_class, 0, "a&b")
    assert window.undo_action.text() == "&Undo Rename 'cat' to 'a&&b'"  # "&&" shows one "&"
    window.document.undo_stack.undo()
    assert window.redo_action.text() == "&Redo Rename 'cat' to 'a&&b'"
    path = tmp_path / "x[*] & y.json"
    path.write_text(engine.to_json(window.document.scenario), encoding="utf-8")
    assert window.files.open_path(path)
    window.files._fill_recent_menu()
    assert window.files.recent_menu.actions()[0].text() == "&1 x[*] && y.json"
    assert window.windowHandle().title() == "x[*] & y.json — Logit Lab"


# --- exports and code keep names as text --------------------------------------------------------


def test_csv_export_keeps_names_as_text_a_spreadsheet_will_not_run(tmp_path):
    scenario = hostile_scenario(tmp_path / "x")
    rows = list(csv.reader(io.StringIO(exports.results_csv(engine.analyze(scenario)))))
    names = {(row[0], row[1]) for row in rows[1:16]}
    expected = {(in_csv(s), c) for s in scenario.samples for c in scenario.classes}
    assert names == expected
    assert ("'=1+1", "*x*") in names  # a formula would start with "="
    assert [in_csv(text) for text in ("-1", "+a", "@b", "plain")] == ["'-1", "'+a", "'@b", "plain"]


@pytest.mark.parametrize("framework", code_snippets.FRAMEWORKS)
def test_code_snippets_hold_names_in_string_literals(tmp_path, framework):
    scenario = hostile_scenario(tmp_path / "x", classes=['"); import os #', "'''", "\\", "b",
                                                         "\u2028x"])
    tree = ast.parse(code_snippets.snippet(framework, engine.analyze(scenario)))
    assigned = {node.targets[0].id: node.value for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}
    assert ast.literal_eval(assigned["classes"]) == list(scenario.classes)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    assert "os" not in imported


# --- lone surrogates and long names --------------------------------------------------------------


def test_a_file_with_a_lone_surrogate_is_refused_naming_the_field(main_window, monkeypatch,
                                                                  tmp_path):
    warnings = []
    monkeypatch.setattr(files, "show_warning", lambda parent, title, text: warnings.append(text))
    path = tmp_path / "surrogate.json"
    path.write_text('{"format": "logit-lab", "version": 1, "classes": ["\\ud800", "b"], '
                    '"rows": [[1, 2]], "targets": [0]}', encoding="utf-8")
    before = main_window.document.scenario
    assert not main_window.files.open_path(path)
    assert main_window.document.scenario is before
    assert len(warnings) == 1
    assert "classes[0]: '\\ud800' holds half of a UTF-16 surrogate pair" in warnings[0]


@pytest.mark.parametrize("name, problem", [
    ("\ud800", "classes[0]: '\\ud800' holds half of a UTF-16 surrogate pair"),
    ("x" * (MAX_NAME_CHARS + 1), "classes[0] is 201 characters long; at most 200 are allowed"),
], ids=["lone surrogate", "too long"])
def test_a_rename_to_a_bad_name_is_refused_above_the_table_and_the_name_kept(main_window, name,
                                                                            problem):
    table = main_window.input_table
    old = main_window.document.scenario.classes
    table._rename(edits.rename_class, 0, old[0], name)  # what the header's name editor commits
    assert main_window.document.scenario.classes == old
    assert table.message_label.isVisibleTo(table) and problem in table.message_label.text()
    assert main_window.document.undo_stack.count() == 0


def long_scenario():
    classes = [f"{c}" + "c" * (MAX_NAME_CHARS - 1) for c in "abc"]
    samples = [f"{n}" + "s" * (MAX_NAME_CHARS - 1) for n in "12"]
    return engine.Scenario(classes=classes, samples=samples, rows=[[3.0, 1.0, -3.0],
                                                                    [0.5, 2.0, 1.0]],
                           targets=np.array([0, 2]))


def test_long_names_are_shortened_where_room_is_short_and_whole_in_tooltips(main_window):
    window = main_window
    window.document.replace(long_scenario())
    scenario = window.document.scenario
    model = window.input_table.model
    assert model.headerData(0, Qt.Horizontal) == short(scenario.classes[0])
    assert len(model.headerData(0, Qt.Horizontal)) == SHORT_NAME_CHARS
    assert model.headerData(1, Qt.Vertical).endswith("…")
    assert scenario.samples[1] in model.headerData(1, Qt.Vertical, Qt.ToolTipRole)
    assert scenario.classes[0] in model.headerData(0, Qt.Horizontal, Qt.ToolTipRole)
    assert window.results.classes_caption.text() == f"Sample '{short(scenario.samples[0])}': classes"
    assert window.results.classes_caption.toolTip() == f"Sample '{scenario.samples[0]}': classes"
    assert scenario.samples[0] in window.plots.sample_label.toolTip()
    assert short(scenario.samples[0]) in window.plots.sample_label.text()
    sweep = window.plots.plot_widgets["sweep"].getPlotItem().titleLabel.item.toPlainText()
    assert short(scenario.classes[0]) in sweep and scenario.classes[0] not in sweep


def test_an_edit_with_names_of_the_longest_kind_stays_quick(main_window):
    window = main_window
    window.document.replace(long_scenario())
    window.grab()
    started = time.perf_counter()
    for value in np.linspace(0.0, 2.0, 10):
        window.document.set_cell(0, 0, float(value))
        window.grab()
    assert (time.perf_counter() - started) / 10 < 0.5  # was 2.4 s per edit at 100,000 characters


# --- the real window --------------------------------------------------------------------------


@pytest.mark.xvfb
def test_the_real_window_shows_a_file_of_hostile_names_and_reads_no_file_they_name(x_display,
                                                                                  tmp_path):
    fifo = FifoWatch(tmp_path)
    try:
        classes, samples = hostile_names(fifo.path)
        path = tmp_path / "hostile.json"
        path.write_text(json.dumps({
            "format": "logit-lab", "version": 1, "title": classes[0], "classes": classes,
            "samples": samples, "rows": np.arange(15.0).reshape(3, 5).tolist(),
            "targets": [0, 1, 4]}), encoding="utf-8")
        shot = tmp_path / "hostile.png"
        started = time.perf_counter()
        result = run_app(x_display, tmp_path, str(path), "--smoke", "--screenshot", str(shot))
        took = time.perf_counter() - started
        assert not fifo.read(), "Qt read the file an <img src> in a name points at"
    finally:
        fifo.stop()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert took < 60
    assert shot.exists() and QImage(str(shot)).width() > 400
    (ROOT / "tests" / "_artifacts").mkdir(exist_ok=True)
    shot.replace(ROOT / "tests" / "_artifacts" / "hostile_names.png")  # for a person to look at
