"""User text — class and sample names, file names, pasted cells, anything a file can carry —
shown as text, never as markup, and never so long that laying it out stalls the window.

Qt guesses the format of a label's, a tooltip's or a message box's text: whatever
Qt::mightBeRichText takes for HTML is rendered as HTML, and an ``<img src="/dev/zero">`` in it
makes Qt read that file (gigabytes, then std::bad_alloc; a FIFO hangs). pyqtgraph's titles, axis
labels and legends are always HTML. Every view shows user text through the functions here."""

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText is a QtGui function in the Qt namespace

# A name longer than this is shown cut, with "…", where room is short: headers, labels, plot
# titles, menus. (The file format allows 200 characters: engine.scenario.MAX_NAME_CHARS.)
SHORT_NAME_CHARS = 40
# A message quotes at most this much of what the user typed or pasted.
MESSAGE_CHARS = 500
ELLIPSIS = "…"


def short(text, limit=SHORT_NAME_CHARS):
    """``text``, or its first ``limit`` - 1 characters and "…" when longer."""
    return text if len(text) <= limit else text[:limit - 1] + ELLIPSIS


def plain(label):
    """Make a QLabel (or a QMessageBox) show its text as it is, whatever it looks like."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def in_menu(text):
    """``text`` for a menu item or a button, where "&" would mark the shortcut key."""
    return text.replace("&", "&&")


def in_window_title(text):
    """``text`` for a window title, where "[*]" would mark the unsaved-changes star."""
    return text.replace("[*]", "[*][*]")


def tooltip(text):
    """A tooltip that shows ``text`` as it is. Qt renders a tooltip as HTML when it looks like
    HTML (and has no way to say "plain"): such a text is escaped, in HTML that keeps its spaces
    and line breaks; any other is left as it is."""
    if not text or not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space: pre-wrap'>{html.escape(text, quote=False)}</p>"


def in_html(text):
    """``text`` for a widget that always reads HTML (pyqtgraph's titles, labels, legends)."""
    return html.escape(text, quote=False)


# Every ASCII punctuation character CommonMark lets a backslash escape that could start markup
# in a line of prose: emphasis, code, links, images, HTML and entities, headings, tables,
# strikethrough.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|&~!])")


def in_markdown(text):
    """``text`` for a line of Markdown prose: every character that could be markup escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


# A spreadsheet takes a cell that starts with one of these for a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def in_csv(text):
    """A name for a CSV cell that a spreadsheet shows as text: one that would start a formula
    gets a leading apostrophe, as a spreadsheet user types it for text. (The csv module does the
    quoting.)"""
    return "'" + text if text.startswith(_FORMULA_START) else text
