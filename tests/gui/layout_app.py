"""Run by test_layout_xvfb.py (not a test itself): the real main window laid out as
``main.py --screenshot`` lays it out, then one JSON line of what a room sees in it:

- "plots": each plot in sight: its name, width and height, whether its title is on one line
  and fits its plot;
- "header": the numbers the plots' header shows and the engine's loss of the selected sample,
  as the window writes numbers; "stage_loss": the stage's loss, when on the stage;
- "targets": whether the target-kind control is in sight;
- "cut": every label in sight whose text does not fit, and which of those are cut inside a
  number ("cut_numbers");
- "lesson" (at "lesson:N", the desk with lesson 1 open at step N): the lessons dock's width,
  the tables' width, and the step's plots, each with whether it is in sight.

    python tests/gui/layout_app.py WxH desk|stage|lesson:N LANGUAGE [FILE]
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import main  # noqa: E402,F401 - the process settings the app starts with, before numpy

import engine  # noqa: E402
from gui.common.labels import NUMBER, numbers_in  # noqa: E402
from gui.shell.cli import parse_size  # noqa: E402
from gui.shell.smoke import SETTLE_MS, slide_window  # noqa: E402


def in_sight(widget):
    """Shown, and in the window (a dock behind another's tab is moved out of it)."""
    from PySide6.QtCore import QPoint, QRect

    window = widget.window()
    place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return widget.isVisible() and window.rect().contains(place)


def plots(window):
    import pyqtgraph as pg

    found = []
    for widget in window.findChildren(pg.PlotWidget):
        if not in_sight(widget):
            continue
        title = widget.getPlotItem().titleLabel
        text = title.item.toPlainText()
        shown = title.itemRect()
        line = title.item.document().documentLayout().documentSize().height()
        found.append({"name": widget.accessibleName(), "width": widget.width(),
                      "height": widget.height(), "title": text,
                      "title_one_line": title.item.document().lineCount() == 1
                      and "\n" not in text and "\u2028" not in text,
                      "title_fits": shown.width() <= title.size().width() + 0.5
                      and shown.height() <= line * title.item.scale() + 0.5
                      and title.size().height() >= shown.height() - 0.5})
    return found


def shown_text(label):
    """A label's text as read: its HTML's text when it shows HTML."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import Qt as GuiQt  # mightBeRichText is a QtGui function
    from PySide6.QtGui import QTextDocument

    text = label.text()
    if label.buddy() is not None:  # "&Mode" reads "Mode"
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text))
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def cut_labels(window):
    """Labels in sight whose one-line text is wider than their room: [(text, cut inside a
    number)]."""
    from PySide6.QtWidgets import QLabel

    cut = []
    for label in window.findChildren(QLabel):
        if not in_sight(label) or label.wordWrap() or not label.text():
            continue
        text = shown_text(label)
        metrics = label.fontMetrics()
        room = label.contentsRect().width() - 2 * label.margin()
        if metrics.horizontalAdvance(text) <= room:
            continue
        inside_number = any(metrics.horizontalAdvance(text[:match.end()]) > room
                            for match in NUMBER.finditer(text))
        cut.append([text, inside_number])
    return cut


def measure(window, stage):
    from gui.common.formatting import format_number

    document = window.document
    n = document.selection.sample
    analysis = engine.analyze(document.model_scenario)
    expected = format_number(analysis.sample_loss[n])
    plots_view = window.stage_plots if stage else window.plots
    header = plots_view.sample_label
    targets = window.input_table.targets_combo
    result = {
        "size": [window.width(), window.height()],
        "stage": window.presenting,
        "plots": plots(window),
        "header": {"shown": header.shown_text(), "numbers": numbers_in(header.shown_text()),
                   "in_sight": in_sight(header), "engine_loss": expected},
        "targets": {"in_sight": in_sight(targets)},
        "cut": [text for text, _ in cut_labels(window)],
        "cut_numbers": [text for text, inside in cut_labels(window) if inside],
    }
    if stage:
        result["stage_loss"] = numbers_in(window.stage.numbers.values["loss"].shown_text())
    if window.lessons.panel.lesson is not None:
        step = window.lessons.panel.step
        widgets = window.plots.plot_widgets
        result["lesson"] = {
            "width": window.lessons.dock.width(), "tables_width": window.tables.width(),
            "plots": {key[len("plots."):]: in_sight(widgets[key[len("plots."):]])
                      for key in step.views if key.startswith("plots.")}}
    return result


def run(size, where, language, file=None):
    from PySide6.QtCore import QTimer

    started = slide_window(file, parse_size(size), where == "stage", language)
    if isinstance(started, str):
        print(started, file=sys.stderr)
        return 2
    app, window = started
    if where.startswith("lesson:"):
        window.lessons.start(0, int(where.split(":")[1]) - 1)
    out = {}

    def finish():
        try:
            out.update(measure(window, where == "stage"))
        finally:
            window.files.autosave_timer.stop()
            window.hide()
            app.quit()

    QTimer.singleShot(SETTLE_MS, finish)
    app.exec()
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(run(*sys.argv[1:]))
