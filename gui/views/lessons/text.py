"""Lesson text drawn as text: the blocks engine.lesson_text parsed (paragraphs, lists, bold,
italic, code, formulas with sub- and superscripts) are written into a QTextDocument piece by
piece with QTextCursor.insertText, never through HTML or Markdown, so a lesson file cannot
carry markup into the window."""

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import (QFont, QFontDatabase, QFontMetricsF, QPalette, QTextBlockFormat,
                           QTextCharFormat, QTextCursor, QTextListFormat)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextEdit

from engine.lesson_text import Code, Formula, ListBlock, Paragraph, Span

# A script inside a script (the i of e^(z_i)) is drawn at this fraction of its parent's size:
# a text line has one level of sub- and superscripts.
NESTED_SCRIPT_SCALE = 0.8
# Formulas are drawn this much larger than the text around them: their sub- and superscripts
# (smaller still) stay readable.
FORMULA_SCALE = 1.15
# The space after a paragraph or a list, in lines.
PARAGRAPH_SPACING = 0.5


def write_blocks(cursor, blocks, font):
    """Write parsed lesson text (Paragraph and ListBlock) at ``cursor``, in ``font``."""
    base = QTextCharFormat()
    base.setFont(font)
    spacing = QTextBlockFormat()
    spacing.setBottomMargin(QFontMetricsF(font).lineSpacing() * PARAGRAPH_SPACING)
    for n, block in enumerate(blocks):
        if n:
            cursor.insertBlock(spacing, base)
            _leave_list(cursor)
        else:
            cursor.setBlockFormat(spacing)
        if isinstance(block, Paragraph):
            _write_inlines(cursor, block.inlines, base)
        elif isinstance(block, ListBlock):
            _write_list(cursor, block, base)


def _leave_list(cursor):
    """A new block after a list item continues the list; a paragraph leaves it."""
    current = cursor.currentList()
    if current is not None:
        current.remove(cursor.block())
        plain = cursor.blockFormat()
        plain.setIndent(0)
        cursor.setBlockFormat(plain)


def _write_list(cursor, block, base):
    style = QTextListFormat.ListDecimal if block.ordered else QTextListFormat.ListDisc
    list_format = QTextListFormat()
    list_format.setStyle(style)
    list_format.setStart(block.start)
    for k, item in enumerate(block.items):
        if k == 0:
            cursor.createList(list_format)
        else:
            cursor.insertBlock(cursor.blockFormat(), base)
        _write_inlines(cursor, item, base)


def _write_inlines(cursor, inlines, char_format):
    for part in inlines:
        if isinstance(part, str):
            cursor.insertText(part, char_format)
        elif isinstance(part, Span):
            styled = QTextCharFormat(char_format)
            if part.style == "bold":
                styled.setFontWeight(QFont.Bold)
            elif part.style == "italic":
                styled.setFontItalic(True)
            _write_inlines(cursor, part.children, styled)
        elif isinstance(part, Code):
            code = QTextCharFormat(char_format)
            code.setFontFamilies([QFontDatabase.systemFont(QFontDatabase.FixedFont).family()])
            cursor.insertText(part.text, code)
        elif isinstance(part, Formula):
            formula = QTextCharFormat(char_format)
            formula.setFontFamilies(["serif"])
            if char_format.font().pointSizeF() > 0:
                formula.setFontPointSize(char_format.font().pointSizeF() * FORMULA_SCALE)
            _write_formula(cursor, part.parts, formula)


def _write_formula(cursor, parts, char_format):
    for part in parts:
        if isinstance(part, str):
            cursor.insertText(part, char_format)
            continue
        script = QTextCharFormat(char_format)
        if char_format.verticalAlignment() == QTextCharFormat.AlignNormal:
            script.setVerticalAlignment(QTextCharFormat.AlignSuperScript if part.kind == "sup"
                                        else QTextCharFormat.AlignSubScript)
        else:  # already raised or lowered: smaller still
            size = char_format.font().pointSizeF()
            if size > 0:
                script.setFontPointSize(size * NESTED_SCRIPT_SCALE)
        _write_formula(cursor, part.parts, script)


class LessonText(QTextEdit):
    """Read-only lesson text, as tall as its content (the panel scrolls, not each text).
    Selectable with the mouse and the keyboard; Tab moves on to the next control."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.NoFrame)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        palette = self.palette()  # the panel's background, not a text field's
        palette.setColor(QPalette.Base, palette.color(QPalette.Window))
        self.setPalette(palette)
        self.document().setDocumentMargin(0)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._blocks = ()

    def set_blocks(self, blocks):
        """Show ``blocks`` (engine.lesson_text's parsed text)."""
        self._blocks = tuple(blocks)
        self._rewrite()

    def _rewrite(self):
        self.clear()
        cursor = QTextCursor(self.document())
        write_blocks(cursor, self._blocks, self.font())
        self.moveCursor(QTextCursor.Start)
        self._fit()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # presentation mode: the text grows too
            self._rewrite()

    def _fit(self, *_size):
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(max(height, 1))
