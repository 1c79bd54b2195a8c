"""A one-line label whose text changes on every edit (a loss, a sample's summary) without making
the window lay itself out again each time."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel


# Room for this many more characters than the text needs, and refit when the text needs less
# than this part of the width held.
ROOM = 2
SHRINK = 0.75


class SteadyLabel(QLabel):
    """A single-line QLabel of a fixed size that changes only when the text needs it to.

    A QLabel tells its layout to recompute on every ``setText``, unless its minimum and maximum
    sizes are equal: then the new text is only repainted. This label keeps a fixed size that
    holds its text with a little room, grows when a longer text needs it, shrinks when a much
    shorter one leaves it mostly empty, and fits itself again after a font or style change
    (presentation mode, another language's longer words)."""

    def setText(self, text):
        if text == self.text():
            return
        super().setText(text)
        hint = self.sizeHint()
        held = self.maximumSize()
        if self.minimumSize() != held or hint.width() > held.width() \
                or hint.height() != held.height() or hint.width() < SHRINK * held.width():
            # Not fixed yet, too small, or much too wide (a long sample name is gone: the
            # label must not keep its dock wide): fit the text, a little wider, so the next
            # numbers of a similar length fit too.
            self.setFixedSize(hint.width() + self.fontMetrics().averageCharWidth() * ROOM,
                              hint.height())

    def fit(self):
        """Take the size of the current text (and let the layout know)."""
        hint = self.sizeHint()
        self.setFixedSize(hint.width() + self.fontMetrics().averageCharWidth() * ROOM,
                          hint.height())

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.fit()
