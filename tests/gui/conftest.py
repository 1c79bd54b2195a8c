"""Fixtures shared by the GUI tests."""

import gc

import pytest
import shiboken6
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from gui.document import Document
from gui.shell import app as application
from gui.shell import i18n
from gui.shell import theme


@pytest.fixture
def main_window(qtbot, monkeypatch):
    """The real main window, in English. Every window made during the test (a language or
    theme switch makes a new one) is deleted at its end, not left to the garbage collector,
    which may free a pyqtgraph scene at a bad moment."""
    made = []
    original = application._window_for

    def tracking(*args):
        made.append(original(*args))
        return made[-1]

    monkeypatch.setattr(application, "_window_for", tracking)
    application.create_application()
    QSettings().setValue(i18n.SETTINGS_KEY, "en")
    main = application.create_main_window()
    main.show()
    yield main
    for each in made:
        if shiboken6.isValid(each):  # (a replaced window may have been deleted already)
            each.document.undo_stack.setClean()  # nothing to ask about on close
            each.files.autosave_timer.stop()
            shiboken6.delete(each)
    theme.apply_theme("system")
    i18n.install_language("en")


@pytest.fixture
def chinese(qapp):
    """Simplified Chinese installed for the test; English again after it."""
    i18n.install_language("zh_CN")
    yield
    i18n.install_language("en")


@pytest.fixture
def host(qtbot):
    """A window on screen to put a widget in, e.g. to hide the widget as a closed dock would
    while the window stays shown. What was put in is taken out again (its own fixture deletes
    it) before the window is deleted."""
    window = QWidget()
    QVBoxLayout(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for child in window.findChildren(QWidget, options=Qt.FindDirectChildrenOnly):
        child.setParent(None)
    window.close()
    shiboken6.delete(window)


@pytest.fixture
def delete_at_end():
    """``delete_at_end(widget)``: the widget's C++ side is deleted at teardown.

    Not qtbot.addWidget: its deleteLater() is not carried out outside an event loop, and when
    the garbage collector later frees the wrappers of a pyqtgraph scene at a random moment,
    PySide6 (6.11 and 6.12) can crash in a later test. Deleting the widget while its wrappers
    are alive is safe."""
    made = []
    yield made.append
    for widget in made:
        widget.close()
        shiboken6.delete(widget)
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def shown_view(qtbot, host):
    """make(view class, scenario) -> (its Document, the view of it shown in ``host``)."""
    def make(view_class, scenario):
        document = Document(scenario)
        view = view_class(document)
        host.layout().addWidget(view)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        return document, view
    return make
