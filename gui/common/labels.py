"""A label whose text changes on every edit (a loss, a sample's summary) without making the
window lay itself out again each time, and without ever pushing a dock or window wider."""

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.common.user_text import plain, tooltip


class SteadyLabel(QWidget):
    """``lines`` lines of text (wrapped at words when more than one) in a holder of fixed
    height that takes the width its layout gives.

    A QLabel in a layout asks the whole window to lay itself out again on every ``setText``.
    Here the QLabel is a child placed by hand (the holder has no layout), so a new text only
    repaints; and as the holder's width is the layout's to choose, a long text can never make
    a dock wider than the screen (it is cut at the right instead, and shown whole in the
    tooltip). Its text is plain text, whatever it looks like: labels show names. QLabel's own
    methods (setTextInteractionFlags, …) pass through.
    """

    def __init__(self, parent=None, lines=1):
        super().__init__(parent)
        self._lines = lines
        self.label = plain(QLabel(self))
        if lines > 1:
            self.label.setWordWrap(True)
            self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        # Opaque (the window colour): a new text repaints the label alone, not every widget
        # behind it up to the dock and the window.
        self.setAutoFillBackground(True)
        self._fit_height()

    def __getattr__(self, name):
        return getattr(self.label, name)

    def setText(self, text, full_text=None):
        """Show ``text``; the tooltip shows ``full_text`` (the same with names not shortened),
        or ``text``."""
        if text != self.label.text():
            self.label.setText(text)
        full = tooltip(full_text or text)
        if full != self.toolTip():
            self.setToolTip(full)

    def text(self):
        return self.label.text()

    def setAccessibleName(self, name):
        super().setAccessibleName(name)
        self.label.setAccessibleName(name)

    def sizeHint(self):
        return QSize(self.label.sizeHint().width(), self.height())

    def minimumSizeHint(self):
        return QSize(0, self.height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()  # presentation mode: a larger font needs a taller line

    def _fit_height(self):
        self.label.setFont(self.font())
        metrics = self.label.fontMetrics()
        margins = self.label.contentsMargins()
        self.setFixedHeight(metrics.height() + (self._lines - 1) * metrics.lineSpacing()
                            + margins.top() + margins.bottom() + 2 * self.label.margin())
