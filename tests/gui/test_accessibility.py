"""Keyboard-only use and screen readers: every control is named, every menu has an
accelerator, every option can be reached with Alt + a letter, plots describe their numbers."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLineEdit, QSlider, QTableView

from gui.views.math.view import MathView

CONTROLS = (QTableView, QComboBox, QDoubleSpinBox, QSlider, MathView, pg.PlotWidget)


@pytest.fixture
def window(main_window):
    return main_window


def visible(window, kind):
    return [w for w in window.findChildren(kind) if w.isVisibleTo(window)]


def test_every_table_plot_and_control_has_an_accessible_name(window):
    unnamed = [type(w).__name__ for kind in CONTROLS for w in visible(window, kind)
               if not w.accessibleName()]
    # Qt's own line edit inside a spin box is named through its spin box
    edits = [w for w in visible(window, QLineEdit)
             if w.objectName() != "qt_spinbox_lineedit" and not w.accessibleName()]
    assert unnamed == [] and edits == []


def test_every_menu_and_every_option_label_has_a_keyboard_accelerator(window):
    assert all("&" in action.text() for action in window.menuBar().actions())
    for label in window.options.labels.values():
        assert "&" in label.text() and label.buddy() is not None


def test_the_tables_and_option_controls_take_keyboard_focus(window):
    for widget in visible(window, QTableView) + [window.options.mode, window.options.temperature]:
        assert widget.focusPolicy() & Qt.TabFocus


def test_each_plot_describes_its_numbers_for_a_screen_reader(window):
    window.document.select_sample(0)
    description = window.plots.plot_widgets["probabilities"].accessibleDescription()
    assert "0.879" in description  # p(cat) of photo 1, logits (3, 1, -3)
