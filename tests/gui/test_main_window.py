"""The main window as a whole: themes, presentation mode, layout memory, edits reaching every
view, and a language or theme switch that keeps the document and its undo history."""

import math

from numpy.testing import assert_allclose
from PySide6.QtCore import QSettings

import pytest

import engine
from engine import edits
from gui.shell import app as application
from gui.shell import settings as app_settings
from gui.shell import theme


@pytest.fixture
def window(main_window):
    return main_window


def test_an_edit_reaches_the_results_plots_and_status_bar(window):
    window.document.set_cell(0, 0, 2.0)
    expected = engine.analyze(window.document.scenario)
    assert_allclose(window.plots.probability_bars.opts["height"], expected.probabilities[0])
    # by hand: photo 1 now has logits (2, 1, -3) and is a cat; photos 2 and 3 are unchanged
    photo_1 = -math.log(math.exp(2) / (math.exp(2) + math.exp(1) + math.exp(-3)))
    photo_2 = -math.log(math.exp(2) / (math.exp(0.5) + math.exp(2) + math.exp(1)))
    photo_3 = -math.log(math.exp(2.2) / (math.exp(1.2) + math.exp(0.3) + math.exp(2.2)))
    assert expected.loss == pytest.approx((photo_1 + photo_2 + photo_3) / 3, rel=1e-14)
    assert "0.3999" in window.loss_label.text()


def test_the_status_bar_and_the_results_write_the_batch_loss_in_the_same_words(window):
    document = window.document

    def both():
        assert window.loss_label.text() == window.results.loss_label.text()
        return window.loss_label.text()

    loss = document.analysis.loss
    assert both() == f"Batch loss (mean over 3 samples) = {loss:.4g} nats"
    assert document.set_options("Sum in bits", reduction="sum", log_base="2")
    assert both() == f"Batch loss (sum) = {document.analysis.loss:.4g} bits"
    assert document.edit("Sigmoid", edits.convert_mode, "sigmoid")
    assert document.set_options("Mean", reduction="mean")
    assert both().startswith("Batch loss (mean over 9 labels) = ")
    document.undo_stack.setIndex(0)
    for row in range(3):
        assert document.edit("Ignore", edits.set_target, row, -100)
    assert both() == "Batch loss (mean over 0 samples) = — (no sample is counted)"


def test_dark_theme_rebuilds_the_window_dark_and_keeps_the_undo_history(window, qtbot):
    window.document.set_cell(0, 0, 2.0)
    dark = application.switch_theme("dark")
    assert dark is not window and dark.document is window.document
    assert dark.document.undo_stack.count() == 1
    assert theme.is_dark(dark.palette())
    assert theme.is_dark(dark.plots.palette())
    assert QSettings().value(theme.SETTINGS_KEY) == "dark"
    assert dark.theme_actions["dark"].isChecked()
    light = application.switch_theme("light")
    assert not theme.is_dark(light.palette())


def test_the_view_menu_offers_every_theme(window, qtbot):
    with qtbot.waitSignal(window.themeRequested) as chosen:
        window.theme_actions["dark"].trigger()
    assert chosen.args == ["dark"]


def test_presentation_mode_scales_the_font_and_back(window):
    normal = window.font().pointSizeF()
    window.presentation_action.setChecked(True)
    assert window.font().pointSizeF() == pytest.approx(normal * 1.6)
    window.presentation_action.setChecked(False)
    assert window.font().pointSizeF() == pytest.approx(normal)


def test_the_window_restores_its_layout_and_presentation_mode(window, qtbot):
    window.presentation_action.setChecked(True)
    window.docks["math"].hide()
    window.save_layout(QSettings())
    again = application._window_for(window.document, "en")
    again.restore_layout(QSettings())
    assert again.presentation_action.isChecked()
    assert again.docks["math"].isHidden()


def test_last_options_are_remembered_for_the_next_start(window):
    window.document.set_options("test", temperature=2.5, log_base="2")
    app_settings.remember_options(QSettings(), window.document.scenario)
    start = app_settings.starting_scenario(QSettings())
    assert (start.options.temperature, start.options.log_base) == (2.5, "2")


def test_undo_and_redo_actions_have_the_usual_shortcuts(window):
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in window.redo_action.shortcuts()]
    window.document.set_cell(0, 0, 2.0)
    window.undo_action.trigger()
    assert window.document.scenario.rows[0, 0] == 3.0
    window.redo_action.trigger()
    assert window.document.scenario.rows[0, 0] == 2.0
