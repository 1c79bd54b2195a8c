"""SteadyLabel: new text repaints without re-laying-out the window, and never widens it."""

from PySide6.QtWidgets import QHBoxLayout, QWidget

from gui.common.labels import SteadyLabel


def test_a_long_text_never_makes_the_window_wider(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(window)
    QHBoxLayout(window).addWidget(label)
    before = window.minimumSizeHint().width()
    label.setText("Sample 'a very long sample name indeed' — true class cat, loss 0.1291 nats" * 3)
    assert window.minimumSizeHint().width() == before
    assert label.toolTip() == label.text()  # the whole text is still there to read


def test_new_text_is_shown_and_qlabel_methods_pass_through(qtbot):
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.setText("loss 0.1291")
    assert label.label.text() == "loss 0.1291" and label.text() == "loss 0.1291"
    label.setWordWrap(False)  # a QLabel method, reached through the holder
    assert not label.label.wordWrap()


def test_a_larger_font_makes_the_line_taller(qtbot):
    label = SteadyLabel()
    qtbot.addWidget(label)
    label.setText("loss")
    normal = label.height()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    label.setFont(font)
    assert label.height() > normal
