"""The presentation stage (F5) and the slides made from the command line: what a room sees,
the numbers it reads, the plots the teacher picks, and Esc back to the desk as it was."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

import engine
from engine import edits
from gui.common import style
from gui.common.formatting import format_number

ROOT = Path(__file__).resolve().parents[2]


def run_main(tmp_path, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "c"),
           "XDG_DATA_HOME": str(tmp_path / "d"), "LC_ALL": "C.UTF-8"}
    result = subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, env=env,
                            capture_output=True, encoding="utf-8", timeout=120)
    # (what the offscreen platform says of any window with a word-wrapped label)
    result.stderr = "".join(line for line in result.stderr.splitlines(keepends=True)
                            if "propagateSizeHints" not in line)
    return result


# --- slides from the command line ----------------------------------------------------------

@pytest.mark.parametrize("args, problem", [
    (["--screenshot", "slide.png", "--size", "1280"], "--size: WxH must be"),
    (["--screenshot", "slide.png", "--size", "12x7"], "--size: WxH must be"),
    (["--screenshot", "slide.png", "--language", "fr"], "--language: CODE must be one of en, "
                                                        "zh_CN, got 'fr'"),
    (["--screenshot", "slide.jpg"], "PNG must be a file name ending in .png"),
    (["--size", "1280x720"], "need --screenshot PNG"),
    (["--presentation"], "need --screenshot PNG"),
    (["missing.json", "--screenshot", "slide.png"], "missing.json: "),
    (["--screenshot", "no/such/folder/slide.png"], "cannot write"),
    (["--screenshot"], "expected one argument"),
], ids=["no height", "too small", "language", "not png", "size alone", "presentation alone",
        "missing file", "unwritable", "no png"])
def test_a_bad_slide_argument_exits_2_with_one_line(tmp_path, args, problem):
    result = run_main(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith("logit-lab: ")
    assert problem in result.stderr
    assert "Traceback" not in result.stderr


def test_a_slide_is_the_window_at_the_size_asked_for(tmp_path):
    from PySide6.QtGui import QImage

    slide = tmp_path / "stage.png"
    result = run_main(tmp_path, "--screenshot", slide, "--size", "1366x768", "--presentation")
    assert (result.returncode, result.stderr) == (0, "")
    image = QImage(str(slide))
    assert (image.width(), image.height()) == (1366, 768)
    # and the user's layout is left alone: nothing was saved for the next start
    assert not any((tmp_path / "c").rglob("*.conf"))


# --- the stage in the window ----------------------------------------------------------------

@pytest.fixture
def window(main_window, qtbot):
    main_window.default_layout(1280, 720)
    qtbot.waitExposed(main_window)
    return main_window


def test_f5_shows_the_stage_and_esc_gives_the_desk_back_as_it_was(window, qtbot):
    window.docks["code"].show()
    window.docks["code"].raise_()
    window.docks["options"].hide()  # the teacher's own desk
    qtbot.wait(20)
    desk = {key: dock.isVisible() for key, dock in window.docks.items()}
    tables = window.tables.sizes()
    window.presentation_action.trigger()  # F5
    assert window.presenting and window.central.currentWidget() is window.stage
    assert not any(dock.isVisible() for dock in window.docks.values())
    assert not window.statusBar().isVisible()
    assert window.input_table.isVisible() and window.stage.isAncestorOf(window.input_table)
    QTest.keyClick(window.stage, Qt.Key_Escape)
    assert not window.presenting and not window.presentation_action.isChecked()
    qtbot.wait(20)
    assert {key: dock.isVisible() for key, dock in window.docks.items()} == desk
    assert window.tables.widget(0) is window.input_table and window.tables.sizes() == tables
    assert window.statusBar().isVisible()


def test_the_stage_shows_the_engines_numbers_in_large_type(window, qtbot):
    document = window.document
    document.select_sample(1)
    window.set_presentation(True)
    numbers = window.stage.numbers
    analysis = engine.analyze(document.model_scenario)
    assert numbers.values["loss"].text() == f"{format_number(analysis.sample_loss[1])} nats"
    assert numbers.values["p"].text() == format_number(analysis.probabilities[1, 1])
    assert numbers.values["batch"].text() == f"{format_number(analysis.loss)} nats"
    assert numbers.values["identity"].text() == "{} = {} + {}".format(
        *(format_number(value[1]) for value in (analysis.cross_entropy, analysis.entropy,
                                                 analysis.kl)))
    assert numbers.names["p"].text() == "p of the true class dog"
    assert numbers.values["loss"].font().pointSizeF() > 1.4 * numbers.names["loss"].font(
        ).pointSizeF()
    document.set_cell(1, 1, 0.0)  # an edit on the stage reaches them
    assert numbers.values["loss"].text() == \
        f"{format_number(engine.analyze(document.model_scenario).sample_loss[1])} nats"


def test_number_keys_choose_the_plots_and_the_sigmoid_only_in_sigmoid_mode(window, qtbot):
    window.set_presentation(True)
    stage, plots = window.stage, window.stage_plots
    assert plots.shown_plots() == ["probabilities", "nll"]
    names = [name for name, _ in plots.choices()]
    QTest.keyClick(stage, Qt.Key_1)
    assert plots.shown_plots() == ["logits", "nll"]
    QTest.keyClick(stage, Qt.Key_7, Qt.ControlModifier)
    assert plots.shown_plots() == ["logits", "sweep"]
    assert stage.first.currentData() == "logits" and stage.second.currentData() == "sweep"
    QTest.keyClick(stage, Qt.Key_0)
    assert plots.shown_plots() == ["logits"]
    QTest.keyClick(stage, Qt.Key.Key_1 + names.index("sigmoid"))  # softmax: no sigmoid
    assert plots.shown_plots() == ["logits"]
    window.document.edit("mode", edits.convert_mode, "sigmoid")
    QTest.keyClick(stage, Qt.Key.Key_1 + names.index("sigmoid"))
    assert plots.shown_plots() == ["sigmoid"]
    window.document.edit("mode", edits.convert_mode, "softmax")  # it gives its place up
    assert plots.shown_plots() == ["logits"]


def test_the_stage_scales_text_with_the_window_and_menus_with_it(window, qtbot):
    normal = window.font().pointSizeF()
    window.set_presentation(True)
    assert window.font().pointSizeF() == pytest.approx(normal * style.PRESENTATION_SCALE)
    for menu in window.findChildren(QMenu):
        assert menu.font().pointSizeF() == pytest.approx(window.font().pointSizeF())
    assert window.stage_plots.scale == pytest.approx(style.PRESENTATION_SCALE)
    window.resize(1920, 1080)  # a taller picture on the same wall: larger still
    qtbot.waitUntil(lambda: window.font().pointSizeF() > normal * 2)
    assert window.stage_plots.scale == pytest.approx(style.PRESENTATION_SCALE * 1080 / 800,
                                                     rel=0.06)
    window.set_presentation(False)
    assert window.font().pointSizeF() == pytest.approx(normal)
    assert window.file_menu.font().pointSizeF() == pytest.approx(normal)


def drawn_sizes(window):
    """The point sizes of the Learn panel's and the softmax | sigmoid view's drawn text (tick
    labels, plot titles, the pair's legend) and of their labels."""
    chart, forms = window.learn.chart, window.forms

    def title(plot):
        return float(plot.titleLabel.opts["size"].removesuffix("pt"))

    def ticks(plot):
        font = plot.getAxis("bottom").style["tickFont"]
        return font.pointSizeF() if font is not None else None

    return {"chart ticks": ticks(chart.loss_plot), "chart title": title(chart.loss_plot),
            "p title": title(chart.probability_plot),
            "legend": float(chart.legend.opts["labelTextSize"].removesuffix("pt")),
            "forms ticks": ticks(forms.plots["softmax"]), "forms title": title(
                forms.plots["sigmoid"]),
            "forms text": forms.needs["softmax"].font().pointSizeF(),
            "learn text": window.learn.font().pointSizeF(),
            # The plots keep their room under text that grows.
            "forms plots least height": forms.graphics.minimumHeight(),
            "chart least height": chart.widget.minimumHeight()}


def test_the_stage_enlarges_the_learn_panel_and_the_forms_view_too(window, qtbot):
    # (Floated onto a projector, they are in sight on the stage too.)
    desk = drawn_sizes(window)
    window.set_presentation(True)
    scale = window.presentation_scale()
    assert window.learn.scale == window.forms.scale == pytest.approx(scale)
    assert drawn_sizes(window) == pytest.approx({key: size * scale for key, size in desk.items()},
                                                rel=0.02)
    window.set_presentation(False)
    assert drawn_sizes(window) == pytest.approx(desk)


def type_in_cell(qtbot, view, row, column, text, last_key):
    """Open the cell's editor as a user would (F2), type ``text``, press ``last_key``."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.indexWidget(index)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, last_key)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None)


def test_the_stage_table_stays_editable(window, qtbot):
    window.set_presentation(True)
    type_in_cell(qtbot, window.input_table.view, 2, 0, "7", Qt.Key_Return)
    assert window.document.scenario.rows[2, 0] == 7.0


def test_the_desk_shows_fewer_plots_at_once_rather_than_squash_them(window, qtbot):
    plots = window.plots
    window.default_layout(1280, 720)
    qtbot.wait(50)
    assert len(plots.shown_plots()) >= 4
    for name in plots.shown_plots():
        assert plots.plot_widgets[name].height() >= 200, name
    window.resize(1280, 480)  # room for one row, not three
    qtbot.wait(50)
    assert plots.grid.tabs.isVisible() and plots.grid.tabs.count() >= 2
    assert len(sum(plots.grid.pages, [])) == 6  # every plot on some page
    for name in plots.shown_plots():
        assert plots.plot_widgets[name].height() >= 200, name
    plots.grid.tabs.setCurrentIndex(1)
    assert plots.shown_plots() == plots.grid.pages[1]


def test_a_caption_of_the_classes_shown_takes_no_row_of_plots_off_the_desk(main_window, qtbot):
    # The bench's window: 1600 x 1000, the first-start layout; 1,000 classes, 40 shown.
    rng = np.random.default_rng(0)
    main_window.document.replace(engine.Scenario(
        classes=tuple(f"c{c}" for c in range(1000)), rows=rng.normal(0, 2, (64, 1000)),
        targets=rng.integers(0, 1000, 64)), None)
    main_window.default_layout(1600, 1000)
    qtbot.waitExposed(main_window)
    plots = main_window.plots
    qtbot.waitUntil(lambda: not plots.caption.isHidden())
    qtbot.waitUntil(lambda: plots.grid.width() > 500)  # the docks have their shares
    assert plots.shown_plots() == ["logits", "probabilities", "terms", "gradient", "nll", "sweep"]
    assert not plots.grid.tabs.isVisible()
    assert plots.caption.height() <= 2 * plots.caption.fontMetrics().lineSpacing() + 2
    # what is cut to fit is whole in its tooltip
    assert "40" in plots.caption.toolTip() and "1,000" in plots.caption.toolTip()


def test_each_plot_copies_and_saves_itself_as_an_image_at_a_slides_size(window, qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication, QImage

    from gui.views.plots.base import IMAGE_WIDTH

    for plot in window.plots._plots:
        texts = [action.text() for action in plot.widget.actions()]
        assert texts == ["Copy as image", "Save as image…"], plot.name
        assert plot.widget.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    terms = next(plot for plot in window.plots._plots if plot.name == "terms")
    terms.widget.actions()[0].trigger()
    copied = QGuiApplication.clipboard().image()
    assert copied.width() >= IMAGE_WIDTH
    shown = terms.item.sceneBoundingRect()
    aspect = shown.height() / shown.width()
    assert copied.height() == pytest.approx(copied.width() * aspect, rel=0.05)
    path = tmp_path / "terms.png"
    assert terms.save_image(str(path))
    saved = QImage(str(path))
    colours = {saved.pixel(x, y) for x in range(0, saved.width(), 7)
               for y in range(0, saved.height(), 7)}
    assert saved.width() == copied.width() and len(colours) > 10  # bars, text, not blank


def test_esc_in_a_cell_editor_cancels_the_edit_and_stays_on_the_stage(window, qtbot):
    window.set_presentation(True)
    view = window.input_table.view
    type_in_cell(qtbot, view, 0, 1, "9", Qt.Key_Escape)
    assert window.presenting and window.document.scenario.rows[0, 1] == 1.0
    qtbot.keyClick(view, Qt.Key_Escape)  # not editing: back to the desk
    assert not window.presenting
