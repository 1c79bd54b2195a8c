"""An inline editor for a name, laid over where the name is shown: a header section (a class or
a sample) or a tab (a model)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLineEdit


class NameEditor(QLineEdit):
    """A line edit over ``rect`` of ``parent`` holding ``text``, selected: Enter or leaving it
    commits, Escape cancels.

    Signals: committed(str) — the text, once, when the user is done.
    """

    committed = Signal(str)

    def __init__(self, parent, rect, text):
        super().__init__(text, parent)
        self._done = False
        self.setAccessibleName(self.tr("Name"))
        self.setGeometry(rect)
        self.editingFinished.connect(self._commit)
        self.selectAll()
        self.show()
        self.setFocus()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self._close()
            return
        super().keyPressEvent(event)

    def _commit(self):
        if not self._done:
            self._close()
            self.committed.emit(self.text())

    def _close(self):
        self._done = True  # hiding takes the focus away, which finishes editing a second time
        self.hide()
        self.deleteLater()
