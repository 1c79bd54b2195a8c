"""SteadyLabel: new text repaints without re-laying-out the window, never widens it, and cuts\nwords rather than numbers when it has too little room."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget

from gui.common.labels import SteadyLabel, fitted_text, numbers_in


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


HEADER = "Sample photo 1 — true class cat, predicted pig, loss 0.9163 nats"


@pytest.mark.parametrize("width", [600, 380, 280, 200, 150])
def test_a_narrow_label_cuts_words_never_a_number(qtbot, width):
    # The plot header used to be cut at the right: "… predicted pig, loss 0." for 0.9163.
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(window)
    QHBoxLayout(window).addWidget(label)
    label.setText(HEADER)
    window.resize(width, 40)
    window.show()
    qtbot.waitExposed(window)
    shown = label.shown_text()
    assert numbers_in(shown) == ["1", "0.9163"]
    room = label.width() - label.label.contentsMargins().left() - \
        label.label.contentsMargins().right()
    assert QFontMetricsF(label.label.font()).horizontalAdvance(shown) <= room
    assert label.toolTip() == HEADER and label.text() == HEADER
    smaller = label.label.font().pointSizeF() < label.font().pointSizeF()
    if width == 600:
        assert shown == HEADER and not smaller
    else:
        assert "…" in shown or smaller


def test_fitted_text_keeps_the_words_next_to_the_number():
    metrics = QFontMetricsF(QFont())
    room = metrics.horizontalAdvance(HEADER) * 0.7
    shown = fitted_text(HEADER, metrics, lambda text: metrics.horizontalAdvance(text) <= room)
    assert shown.endswith(" loss 0.9163 nats") and shown.startswith("Sample photo 1")


def test_a_label_too_narrow_for_its_numbers_shrinks_its_font(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(window)
    QHBoxLayout(window).addWidget(label)
    label.setText("CE 0.1291 = 0.0001234 + 0.1290")
    normal = label.font().pointSizeF()
    window.resize(int(QFontMetricsF(label.font()).horizontalAdvance("0.1291 0.0001234 0.1290")
                      * 0.8) + 30, 40)
    window.show()
    qtbot.waitExposed(window)
    assert label.label.font().pointSizeF() < normal
    assert numbers_in(label.shown_text()) == ["0.1291", "0", "0.0001234", "0.1290"] or \
        numbers_in(label.shown_text()) == ["0.1291", "0.0001234", "0.1290"]


@pytest.mark.parametrize("lines", [1, 2])
def test_a_cut_text_whose_numbers_change_reads_as_a_fresh_label_cuts_it(qtbot, monkeypatch,
                                                                       lines):
    # During Play the header's loss changes on every step: the cut of its words is taken
    # from the last step while its words, its numbers' widths and the room stay, and is made
    # anew when any of them changes. Every text must read as a label that never saw another.
    texts = ["Sample photo 1 — true class cat, predicted pig, loss 0.9163 nats",
             "Sample photo 1 — true class cat, predicted pig, loss 0.8163 nats",
             "Sample photo 1 — true class cat, predicted pig, loss 0.71 nats",
             "Sample photo 1 — true class cat, predicted dog, loss 0.7111 nats",
             "Sample photo 1 — true class cat, predicted dog, loss 12.25 nats"]
    width = 210 if lines == 1 else 120

    def label_of(text):
        label = SteadyLabel(lines=lines)
        qtbot.addWidget(label)
        label.resize(width, label.height())
        label.setText(text)
        return label

    import gui.common.labels as labels
    cuts = []
    cut = labels.fitted_pieces
    monkeypatch.setattr(labels, "fitted_pieces", lambda *args: cuts.append(1) or cut(*args))
    steady = label_of(texts[0])
    for text in texts[1:] + texts[:2]:
        before = len(cuts)
        steady.setText(text)
        if text == texts[1]:
            assert len(cuts) == before  # the same words, numbers as wide: the last cut
        fresh = label_of(text)
        assert steady.shown_text() == fresh.shown_text() != text
        assert steady.label.font() == fresh.label.font()
    steady.resize(width + 40, steady.height())  # more room: cut anew
    wider = label_of(texts[1])
    wider.resize(width + 40, wider.height())
    assert steady.shown_text() == wider.shown_text()


def test_a_cut_label_in_a_new_font_measures_its_numbers_in_that_font(qtbot):
    # The numbers' widths are kept from step to step (most stay): a new font measures anew.
    text = "Sample photo 1 — true class cat, predicted pig, loss 0.9163 nats"
    steady = SteadyLabel()
    qtbot.addWidget(steady)
    steady.resize(210, steady.height())
    steady.setText(text)
    font = steady.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    steady.setFont(font)
    steady.setText(text.replace("0.9163", "0.8163"))
    fresh = SteadyLabel()
    qtbot.addWidget(fresh)
    fresh.setFont(font)
    fresh.resize(steady.size())
    fresh.setText(text.replace("0.9163", "0.8163"))
    assert steady.shown_text() == fresh.shown_text()
    assert steady.label.font() == fresh.label.font()
    metrics = QFontMetricsF(font)
    widths = steady._number_widths(font.key(), ["1", "0.8163"])
    assert widths["1"] == metrics.horizontalAdvance("1")
    assert widths["0.8163"] == metrics.horizontalAdvance("0.8163")


def test_new_text_asks_for_no_layout(qtbot):
    # A QLabel that may change size posts its parent a LayoutRequest on every setText: one
    # more event each step of Play, for every label that shows a number.
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(window)
    QHBoxLayout(window).addWidget(label)
    window.resize(400, 40)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()  # (what showing the window posted)
    requests = []

    class Watcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append((type(watched).__name__, label.text()))
            return False

    watcher = Watcher()
    for widget in (window, label, label.label):
        widget.installEventFilter(watcher)
    for loss in ("0.9163", "0.8163", "0.71"):
        label.setText(f"loss {loss} nats")
        QApplication.processEvents()
    assert requests == []
    assert label.label.geometry() == label.rect()  # (and the text fills the holder)
    assert label.shown_text() == "loss 0.71 nats"


@pytest.mark.parametrize("shown", [True, False])
def test_a_label_resized_or_restyled_fits_its_next_text_anew(qtbot, shown):
    # Whether a text fits is worked out once for a room (a step of Play only asks): a new
    # size (hidden: without a resizeEvent yet), font or style is a new room.
    text = "Sample photo 1 — true class cat, predicted pig, loss {} nats"
    steady = SteadyLabel()
    qtbot.addWidget(steady)
    steady.resize(600, steady.height())
    if shown:
        steady.show()
        qtbot.waitExposed(steady)
    steady.setText(text.format("0.9163"))
    assert steady.shown_text() == text.format("0.9163")

    def fresh_reading(loss):
        fresh = SteadyLabel()
        qtbot.addWidget(fresh)
        fresh.setFont(steady.font())
        fresh.setStyleSheet(steady.styleSheet())
        fresh.resize(steady.size())
        fresh.setText(text.format(loss))
        return fresh.shown_text()

    whole = QFontMetricsF(steady.font()).horizontalAdvance(text.format("0.8163"))
    bold = QFont(steady.font())
    bold.setBold(True)  # (as tall: the same size)
    changes = [lambda: steady.resize(int(whole) + 4, steady.height()),
               lambda: steady.setFont(bold),
               lambda: steady.resize(200, steady.height()),
               lambda: steady.resize(600, steady.height()),
               lambda: steady.setFont(QFont(steady.font().family(), 30)),
               lambda: steady.setStyleSheet("QLabel { padding-left: 400px }")]
    for k, change in enumerate(changes):
        change()
        loss = f"0.{8163 - k % 2}"  # (as wide as the last or the one before)
        steady.setText(text.format(loss))
        assert steady.shown_text() == fresh_reading(loss), k
    assert steady.shown_text() != text.format(loss)  # (the padding leaves too little room)


def test_new_text_paints_the_label_alone_as_before(qtbot):
    # The QLabel is opaque (filled with the window colour) and covers its holder: a new text
    # paints it alone, not the holder under it, and looks as a filled holder made it look.
    window = QWidget()
    qtbot.addWidget(window)
    label = SteadyLabel(window, lines=2)
    layout = QHBoxLayout(window)
    layout.addWidget(label)
    window.resize(300, 80)
    window.show()
    qtbot.waitExposed(window)
    label.setText("CE = H + KL: 0.9163 = 0 + 0.9163 nats")
    QApplication.processEvents()
    painted = []

    class Watcher(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(watched)
            return False

    watcher = Watcher()
    for widget in (window, label, label.label):
        widget.installEventFilter(watcher)
    label.setText("CE = H + KL: 0.8163 = 0 + 0.8163 nats")
    QApplication.processEvents()
    assert painted == [label.label]
    image = window.grab().toImage()
    label.label.setAutoFillBackground(False)
    label.setAutoFillBackground(True)  # (how the holder was filled before)
    assert window.grab().toImage() == image
