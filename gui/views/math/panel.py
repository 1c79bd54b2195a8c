"""The "show the math" panel: the selected sample's worked arithmetic (writer.py) in the view,
with its copy actions; as HTML, plain text or Markdown (formats.py) for export."""

from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QVBoxLayout

from gui.views.base import View
from gui.views.math import formats, writer
from gui.views.math.view import MathView


class MathPanel(View):
    """The worked arithmetic of the selected sample (read-only).

    Shows what ``Document.changed`` carries (out of sight, it catches up when shown); has no
    signals of its own. Every result it shows (p, the terms, the loss, H, KL, CE) is read from the
    Analysis; only the written-out e^z values of the softmax are computed, for display.

    Attributes
    ----------
    view : MathView
        The view that lays out and paints the text.
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._blocks = []
        self.view = MathView(self)
        self.view.setAccessibleName(self.tr("Worked arithmetic"))
        # Teachers paste the math into slides: all of it, as the text export writes it.
        copy_all = QAction(self.tr("Copy all as text"), self.view)
        copy_all.triggered.connect(self.copy_all)
        self.view.addAction(copy_all)  # listed in the view's context menu
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.follow(document)

    def show_analysis(self, analysis, selection):
        """Write out the arithmetic of the selected sample in ``analysis``."""
        n = min(selection.sample, len(analysis.scenario.rows) - 1)
        self._blocks = writer.blocks(analysis, n)
        self.view.set_blocks(self._blocks)  # a no-op when they read as before

    def shown_text(self):
        """The text as the view shows it: superscripts flattened ("e3"), one line per block."""
        return self.view.text()

    def copy_all(self):
        """Put the whole content on the clipboard as plain text (what the text export writes)."""
        QGuiApplication.clipboard().setText(self.plain_text())

    def html(self):
        """The content as an HTML document."""
        self.catch_up()
        return formats.html(self._blocks)

    def plain_text(self):
        """The same content as plain text: headings underlined, equations indented."""
        self.catch_up()
        return formats.plain_text(self._blocks)

    def markdown(self):
        """The same content as Markdown, equations in fenced blocks."""
        self.catch_up()
        return formats.markdown(self._blocks)
