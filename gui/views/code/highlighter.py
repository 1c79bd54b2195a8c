"""Python code in colour: keywords, strings, numbers and comments, enough for the code panel's
snippets (Pygments is only a test tool's dependency, not the app's)."""

import re

from PySide6.QtGui import QColor, QFont, QPalette, QSyntaxHighlighter, QTextCharFormat

from gui.common.style import OKABE_ITO

# One pass over a line: at each place the first alternative that matches wins, so a "#" or a
# digit inside a string stays part of the string.
_TOKENS = re.compile(r"""
    (?P<string>"(?:\\.|[^"\\])*"?|'(?:\\.|[^'\\])*'?)
  | (?P<comment>\#.*)
  | (?P<number>(?<![\w.])(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<keyword>\b(?:import|from|as|for|in|if|else|and|or|not|def|return|lambda|True|False|None)\b)
""", re.VERBOSE)
# A line of numbers only (a row of the data): one colour for all of it, in one go.
_DATA_LINE = re.compile(r"[\s\[\],\d.eE+-]+")
# A longer line is a table of data (thousands of numbers): left plain, as colouring every
# number of it would cost more than the whole edit.
LONG_LINE = 4000
# Colours with enough contrast on a light and on a dark background (Okabe & Ito where they
# have it; the string green and the comment grey darkened for white).
_COLOURS = {
    False: {"keyword": OKABE_ITO["blue"], "string": "#007A5A",
            "number": OKABE_ITO["vermillion"], "comment": "#6B6B6B"},
    True: {"keyword": OKABE_ITO["sky_blue"], "string": OKABE_ITO["bluish_green"],
           "number": OKABE_ITO["orange"], "comment": "#A8A8A8"},
}


def token_spans(line):
    """(kind, start, length) for each keyword, string, number and comment of a line."""
    return [(match.lastgroup, match.start(), match.end() - match.start())
            for match in _TOKENS.finditer(line)]


class PythonHighlighter(QSyntaxHighlighter):
    """Colours a QTextDocument of Python code, in colours that suit ``palette`` (light or
    dark)."""

    def __init__(self, document, palette):
        super().__init__(document)
        dark = palette.color(QPalette.Base).lightness() < 128
        self._formats = {kind: _format(colour, kind)
                         for kind, colour in _COLOURS[dark].items()}

    def highlightBlock(self, text):
        if len(text) > LONG_LINE:
            return
        if _DATA_LINE.fullmatch(text) and any(ch.isdigit() for ch in text):
            self.setFormat(0, len(text), self._formats["number"])
            return
        for kind, start, length in token_spans(text):
            if not text.isascii():  # Qt counts UTF-16 units: an emoji in a name is two
                start, length = _utf16(text[:start]), _utf16(text[start:start + length])
            self.setFormat(start, length, self._formats[kind])


def _utf16(text):
    return len(text.encode("utf-16-le")) // 2


def _format(colour, kind):
    result = QTextCharFormat()
    result.setForeground(QColor(colour))
    if kind == "keyword":
        result.setFontWeight(QFont.Weight.Bold)
    elif kind == "comment":
        result.setFontItalic(True)
    return result
