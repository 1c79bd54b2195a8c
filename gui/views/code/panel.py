"""The code panel: the current scenario as PyTorch, Keras 3, tf.keras or scikit-learn code,
coloured, read-only, following every edit, with a Copy button. The code is
gui.common.code_snippets', the same that File ▸ Copy as Code copies."""

import time
from difflib import SequenceMatcher

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QTabBar, QVBoxLayout

from gui.common.code_snippets import SPELLINGS, snippet
from gui.views.base import View
from gui.views.code.highlighter import PythonHighlighter

# The tabs: the libraries' own names, the same in every language.
TAB_TITLES = {"pytorch": "PyTorch", "keras": "Keras 3", "tf.keras": "tf.keras",
              "sklearn": "scikit-learn"}
# A snippet that took longer than this to write (a large table: every number is written out)
# is written again only after a pause in the editing, not at every step of a drag.
CHEAP_SECONDS = 0.015
PAUSE_MS = 250


class CodePanel(View):
    """The snippet for the chosen library, following the document (out of sight, it catches up
    when shown). No signals of its own.

    Attributes
    ----------
    tabs : QTabBar, one tab per spelling of gui.common.code_snippets.SPELLINGS
    editor : QPlainTextEdit, read-only, monospace, in the window's font size
    copy_button : QPushButton, copies the shown text
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._text = ""
        self._shown = (None, None)  # (analysis, spelling) the editor shows
        self._cost = 0.0  # seconds the last snippet took
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(self.tr("Library"))
        for spelling in SPELLINGS:
            self.tabs.addTab(TAB_TITLES[spelling])
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy this code to the clipboard, exactly as shown."))
        self.editor = QPlainTextEdit(readOnly=True)
        self.editor.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.editor.setUndoRedoEnabled(False)  # it keeps no history of the edits it follows
        self.editor.setAccessibleName(self.tr("Code"))
        # Only the family is set, so the size still follows the window's font (presentation
        # mode makes it larger).
        font = QFont()
        font.setFamilies([QFontDatabase.systemFont(QFontDatabase.FixedFont).family()])
        font.setStyleHint(QFont.TypeWriter)
        self.editor.setFont(font)
        self.highlighter = PythonHighlighter(self.editor.document(), self.palette())
        self._timer = QTimer(self, singleShot=True, timeout=self._draw_in_sight)
        self._lay_out()
        self.tabs.currentChanged.connect(self._draw)
        self.copy_button.clicked.connect(self.copy)
        self.follow(document)

    def _lay_out(self):
        bar = QHBoxLayout()
        bar.addWidget(self.tabs, 1)
        bar.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.editor)

    # ----------------------------------------------------------------------------- public

    @property
    def spelling(self):
        """The chosen library's spelling ("pytorch", "keras", "tf.keras" or "sklearn")."""
        return SPELLINGS[max(self.tabs.currentIndex(), 0)]

    def show_framework(self, spelling):
        """Choose ``spelling``'s tab and show its code now."""
        self.tabs.setCurrentIndex(SPELLINGS.index(spelling))
        self._draw()

    def show_analysis(self, analysis, selection):
        """Write the snippet for ``analysis`` soon: at once after this event for a small table,
        after a pause in the editing for a large one. (The selection changes nothing.)"""
        self._timer.start(0 if self._cost < CHEAP_SECONDS else PAUSE_MS)

    def text(self):
        """The code the panel shows, up to date."""
        self._draw()
        return self._text

    def copy(self):
        """Put the shown code on the clipboard; returns it."""
        text = self.text()
        QGuiApplication.clipboard().setText(text)
        return text

    # ----------------------------------------------------------------------------- private

    def _draw_in_sight(self):
        # A dock behind another's tab is still "visible" to Qt (moved out of sight, not
        # hidden): it waits, and base.View.catch_up draws it when its tab comes to the front.
        if self.out_of_sight():
            self._stale = True
            return
        self._draw()

    def _draw(self):
        self._timer.stop()
        analysis = self.state[0]
        key = (analysis, self.spelling)
        if key[0] is self._shown[0] and key[1] == self._shown[1]:
            return
        started = time.perf_counter()
        text = snippet(self.spelling, analysis)
        if text != self._text:
            self._set_text(text)
        self._shown = key
        self._cost = time.perf_counter() - started

    def _set_text(self, text):
        """Show ``text``, replacing only the lines that changed: after an edit of one cell the
        editor lays out one line again, not every row of a large table, and the reader stays
        where they were."""
        old_lines, new_lines = self._text.split("\n"), text.split("\n")
        changes = [op for op in SequenceMatcher(None, old_lines, new_lines,
                                                autojunk=False).get_opcodes()
                   if op[0] != "equal"]
        # (Every snippet ends with a line break, so a change ends before the last, empty line.)
        if not self._text or any(i2 == len(old_lines) for _, _, i2, _, _ in changes):
            self.editor.setPlainText(text)
        else:
            document = self.editor.document()
            cursor = QTextCursor(document)
            # One edit per change, not one edit block: the highlighter colours again what
            # each edit changed, not every line from the first change to the last.
            for _tag, i1, i2, j1, j2 in reversed(changes):
                cursor.setPosition(document.findBlockByNumber(i1).position())
                cursor.setPosition(document.findBlockByNumber(i2).position(),
                                   QTextCursor.KeepAnchor)
                cursor.insertText("".join(f"{line}\n" for line in new_lines[j1:j2]))
        self._text = text
