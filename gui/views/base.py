"""What every view is: a widget that shows one (Analysis, Selection) pair from the Document's one
signal, catches up when it comes into sight, and knows the presentation scale."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from gui.common import style


class View(QWidget):
    """A view of the document. Subclasses implement ``show_analysis(analysis, selection)``
    (QWidget.show is taken) and call ``follow(document)`` at the end of their ``__init__``.

    A view whose drawing is costly (``catch_up_when_hidden``) skips the changes made while it
    is out of sight (a closed dock, a tab behind another) and draws the latest one when shown.
    """

    catch_up_when_hidden = False

    def follow(self, document):
        """Show the document's state now and after every change."""
        self._state = (document.analysis, document.selection)
        self._stale = False
        document.changed.connect(self._changed)
        self.show_analysis(*self._state)

    @property
    def state(self):
        """The latest (analysis, selection), drawn or not."""
        return self._state

    @property
    def scale(self):
        """How much larger than on the desk text and lines are drawn: 1, or
        style.PRESENTATION_SCALE in presentation mode."""
        return getattr(self, "_scale", 1.0)

    def set_presentation(self, on, scale=None):
        """Draw for a room (on: ``scale`` times the desk size, style.PRESENTATION_SCALE by
        default) or for a desk (off); ``rescaled()`` redraws what depends on it."""
        scale = (scale or style.PRESENTATION_SCALE) if on else 1.0
        if scale != self.scale:
            self._scale = scale
            self.rescaled()

    def rescaled(self):
        """Called when the presentation scale changed; a view with scaled drawing redraws."""

    def show_analysis(self, analysis, selection):
        raise NotImplementedError

    def catch_up(self):
        """Draw the latest state if a change was skipped while out of sight."""
        if self._stale:
            self._stale = False
            self.show_analysis(*self._state)

    def out_of_sight(self):
        """Whether this view, in a shown window, cannot be seen: hidden (a closed dock), or
        lying outside the window (Qt moves a dock there when another dock's tab is chosen,
        and still calls it visible)."""
        window = self.window()
        if not window.isVisible():
            return False
        if not self.isVisible():
            return True
        place = QRect(self.mapTo(window, QPoint(0, 0)), self.size())
        return not place.intersects(window.rect())

    def _changed(self, analysis, selection):
        self._state = (analysis, selection)
        if self.catch_up_when_hidden and self.out_of_sight():
            self._stale = True
            return
        self._stale = False
        self.show_analysis(analysis, selection)

    def showEvent(self, event):
        super().showEvent(event)
        self.catch_up()
