"""The view of the "show the math" panel: its blocks laid out, one QTextLayout each, and painted
directly, read-only, with a caret, a selection by mouse or keyboard, and Ctrl+C.

A stand-in for QTextBrowser, kept because QTextBrowser measured slower (issue 13).
tools/bench.py, one cell edit until painted, medians in ms at 4x3 / 32x10 / 64x1000 /
1x50,000 (targets 16/16/16/50), runs of this view and of a variant showing formats.html in a
QTextBrowser taking turns, on a shared 2-CPU machine:

- the quietest pair: this view 10.3 / 11.1 / 11.7 / 13.4, QTextBrowser 12.8 / 15.7 / 16.5 /
  17.1 (64x1000 over the target);
- eight more pairs with the machine busy (the bench's ref 19-54 ms, 15 when quiet; most
  medians of both over the targets): QTextBrowser slower in 7 / 8 / 6 / 6 of them, by a
  median of +6.5 / +9.0 / +6.8 / +6.5.

The view alone (set the blocks of one edit, then paint; the two take turns edit by edit):
medians of this view 1.1-1.8 ms at every size; of QTextBrowser 1.4-1.7 ms at 4x3 and
1.9-7.5 ms at the larger sizes, where an edit takes it either about 1.7 ms or 5-7 ms (its
whole document parsed from HTML and laid out again). QTextBrowser also repaints its whole
viewport on every edit, where this view repaints only the blocks whose text changed.
"""

import bisect
import math
import re

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import (QClipboard, QFont, QFontInfo, QFontMetrics, QGuiApplication,
                           QKeySequence, QPainter, QPalette, QTextCharFormat, QTextLayout,
                           QTextOption)
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QStyle

from gui.common import style
from gui.views.math.writer import RESULT, SUP, TEXT


# The look the panel had as HTML in a QTextBrowser (Qt's defaults for <h2>, <h3> and <p>, the
# equations' own style), kept now that the view lays the text out itself.
_DOCUMENT_MARGIN = 4  # px around the text, as QTextDocument's
_HEADING_SCALES = (1.5, 1.2)  # the first heading (h2: x-large), the later ones (h3: large)
_EQUATION_SCALE = 1.2  # font-size: large
_MARGINS = {"heading": (14, 12), "text": (12, 12)}  # (top, bottom) px of <h3> and <p>
_EQUATION_BOTTOM_EM = 0.4
_EQUATION_INDENT_EM = (1.5, 3.0)  # an equation, and a continuation line ("  = …") under it
# Only on screen: the c of "Σ_c", lowered as the HTML writes it.
_SUB = "sub"
# What a double-click selects: a word, a name or a number ("−0.2642", "50,000").
_WORD = re.compile(r"[−-]?\w+(?:[.,]\w+)*")
# A block out of sight whose text changed is laid out this long after the last change, or as
# soon as something needs it (a scroll, a resize, the keys, the mouse, the text asked for).
# Longer than a step of Play at 30 steps a second (33 ms): while the numbers keep changing,
# only what is in sight is laid out again at every step.
_LAY_OUT_LATER_MS = 50


class MathView(QAbstractScrollArea):
    """The panel's blocks, read-only: one QTextLayout per block, painted directly.

    Lighter than HTML in a QTextBrowser: nothing to write out as HTML and parse back, no
    QTextDocument to rebuild, and an edit lays out only the blocks whose text changed, those
    in sight at once and the others a moment later (in Play, only what is in sight). The
    reader selects with the mouse, with the keys of a text browser (the arrows, Home and End,
    with Ctrl by word or the whole text, with Shift to select) or Ctrl+A, and copies with
    Ctrl+C or the context menu, which also lists the actions added to the view. Page Up and
    Page Down scroll, and leave the caret where it is.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._blocks = []
        self._shown = []  # a _ShownBlock per block
        self._tops = []  # the blocks' tops (content px), to find the block at a point
        self._height = 0.0  # of the whole content, px
        self._width = self.viewport().width()  # what the blocks are laid out to
        # The selection's ends, (block, UTF-16 position): the cursor is the caret, the end that
        # moves; the anchor stays where the selection began.
        self._anchor = self._cursor = None
        # (place, x): the x that Up and Down keep while they go on from the place they left
        # the caret at, as in a text editor (a short line does not pull the caret left).
        self._goal_x = None
        self._caret_on = True  # the blink's phase
        self._blink = QTimer(self)
        self._blink.timeout.connect(self._toggle_caret)
        self._option = QTextOption()
        self._option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._formats = _char_formats()
        self._style = _BlockStyle(self.font())
        self._description_timer = QTimer(self, singleShot=True,
                                         interval=style.DESCRIPTION_DELAY_MS)
        self._description_timer.timeout.connect(self.describe_now)
        self._later = QTimer(self, singleShot=True, interval=_LAY_OUT_LATER_MS)
        self._later.timeout.connect(self._lay_out_pending)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # for the caret's keys and Ctrl+C
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it wraps
        self.viewport().setCursor(Qt.CursorShape.IBeamCursor)

    # ----------------------------------------------------------------------------- public

    def set_blocks(self, blocks):
        """Show ``blocks`` (the panel's format). A block equal to the one shown at its place
        keeps its layout; when all are equal nothing is done (not even a repaint). A changed
        block out of sight is laid out later (see _LAY_OUT_LATER_MS); until then it keeps the
        height of the block it replaces.

        New text drops the caret and the selection: the next click puts the caret back, or
        the next key starts it at the first line in view (see ``_first_place_in_view``)."""
        if blocks == self._blocks:
            return
        old_blocks, old_shown, old_tops = self._blocks, self._shown, self._tops
        kept = [k < len(old_blocks) and old_blocks[k] == block for k, block in enumerate(blocks)]
        self._blocks = blocks
        self._shown = [old_shown[k] if kept[k] else self._new_block(
            k, *block, later=old_shown[k].height if k < len(old_shown) else None)
            for k, block in enumerate(blocks)]
        self._place()
        self._lay_out_in_sight()
        if self.has_selection() or self._tops != old_tops or any(
                not kept[k] and old_shown[k].height != self._shown[k].height
                for k in range(len(old_shown))):
            self.viewport().update()  # the text moved (or a selection goes): all of it
        else:
            caret = [self._cursor[0]] if self._cursor is not None else []  # to erase it
            self._update_blocks([k for k, same in enumerate(kept)
                                 if not same and self._shown[k].layout is not None] + caret)
        self._anchor = self._cursor = None  # a place in the old text means nothing in the new
        self._description_timer.start()

    def text(self):
        """The shown text: one line per block, superscripts flattened ("e3")."""
        self._lay_out_pending()
        return "\n".join(block.text for block in self._shown)

    def layouts(self):
        """The blocks as laid out, top to bottom; each one's position() is where it is drawn
        (in content pixels, before scrolling)."""
        self._lay_out_pending()
        return [block.layout for block in self._shown]

    def caret(self):
        """The caret's place, (block, UTF-16 position), or None (before a click or a key, and
        after new text)."""
        return self._cursor

    def has_selection(self):
        return self._anchor is not None and self._anchor != self._cursor

    def selected_text(self):
        """The selected text as shown, its blocks joined with "\\n" ("" when none)."""
        if not self.has_selection():
            return ""
        self._lay_out_pending()
        (first, start), (last, end) = sorted((self._anchor, self._cursor))
        parts = []
        for k in range(first, last + 1):
            text = self._shown[k].text
            parts.append(_utf16_slice(text, start if k == first else 0,
                                      end if k == last else _utf16_length(text)))
        return "\n".join(parts)

    def select_all(self):
        self._lay_out_pending()
        if self._shown:
            self._anchor = (0, 0)
            self._cursor = (len(self._shown) - 1, _utf16_length(self._shown[-1].text))
            self.viewport().update()

    def copy(self):
        """Put the selected text on the clipboard (nothing when nothing is selected)."""
        if self.has_selection():
            QGuiApplication.clipboard().setText(self.selected_text())

    def context_menu(self):
        """The right-click menu: Copy, then the actions added to the view."""
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy"))
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))  # shown as a reminder
        copy.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the view handles the key
        copy.setShortcutVisibleInContextMenu(True)
        copy.setEnabled(self.has_selection())
        copy.triggered.connect(self.copy)
        menu.addActions(self.actions())
        return menu

    def describe_now(self):
        """Make the shown text the accessible description now, not after the delay."""
        self._description_timer.stop()
        text = self.text()
        if self.accessibleDescription() != text:
            self.setAccessibleDescription(text)

    # ----------------------------------------------------------------------------- layout

    def _new_block(self, index, kind, line, later=None):
        """Block ``index`` as shown: laid out now, or when ``later`` is a height (the one of
        the block it replaces, kept until then), later (see ``_lay_out_in_sight``)."""
        font, margins, indent = self._style.of(index, kind, line)
        block = _ShownBlock((font, kind == "equation", line), margins, indent)
        if later is None:
            self._lay_out(block)
        else:
            block.height = later
        return block

    def _lay_out(self, block):
        font, equation, line = block.source
        block.text, ranges = _laid_text(line, equation, self._formats)
        block.layout = QTextLayout(block.text, font)
        block.layout.setTextOption(self._option)
        block.layout.setFormats(ranges)
        block.layout.setCacheEnabled(True)  # keeps the shaped glyphs for the repaints (scrolling)
        block.height = _lay_out_lines(block.layout, self._text_width(block.indent))
        block.layout.setPosition(QPointF(_DOCUMENT_MARGIN + block.indent, block.top))

    def _lay_out_in_sight(self):
        """Lay out the blocks waiting to be that are now in sight (the ones above them too),
        and lay out the rest later."""
        bottom = self.verticalScrollBar().value() + self.viewport().height()
        for block in self._shown:
            if block.top >= bottom:
                break
            if block.layout is None:
                height = block.height
                self._lay_out(block)
                if block.height != height:
                    self._place()  # the blocks below move
        if any(block.layout is None for block in self._shown):
            self._later.start()

    def _lay_out_pending(self):
        """Lay out every block still waiting to be, now."""
        waiting = [block for block in self._shown if block.layout is None]
        self._later.stop()
        if not waiting:
            return
        for block in waiting:
            self._lay_out(block)
        self._place()
        # Out of sight but for a view that grew or scrolled without telling (a safety net).
        if waiting[0].top < self.verticalScrollBar().value() + self.viewport().height():
            self.viewport().update()

    def _text_width(self, indent):
        return max(1, self._width - 2 * _DOCUMENT_MARGIN - indent)

    def _lay_out_all(self):
        """Lay every block out again, to the viewport's width or in a new font."""
        self._width = self.viewport().width()
        self._later.stop()
        self._shown = [self._new_block(k, *block) for k, block in enumerate(self._blocks)]
        self._place()

    def _place(self):
        """Stack the blocks. Between two goes the larger of the upper one's bottom margin and
        the lower one's top margin (QTextDocument collapses them so); none above the first."""
        y = float(_DOCUMENT_MARGIN)
        below = 0  # the bottom margin of the block above
        self._tops = []
        for k, block in enumerate(self._shown):
            if k:
                y += max(below, block.margins[0])
            if block.top != y:  # (a layout is always at its block's top: see _lay_out)
                block.top = y
                if block.layout is not None:
                    block.layout.setPosition(QPointF(_DOCUMENT_MARGIN + block.indent, y))
            self._tops.append(y)
            y += block.height
            below = block.margins[1]
        self._height = y + _DOCUMENT_MARGIN  # the last bottom margin ends with the text
        self._update_scroll_range()

    def _update_blocks(self, indices):
        """Repaint only blocks ``indices`` (in place, same height): most of an edit's text,
        the headings and the prose, stays as it is."""
        for k in indices:
            self._update_span(k, k)

    def _update_span(self, first, last):
        """Repaint blocks ``first`` to ``last``, across the width of the view."""
        offset = self.verticalScrollBar().value()
        top = self._shown[first].top - offset
        bottom = self._shown[last].top + self._shown[last].height - offset
        self.viewport().update(0, math.floor(top), self.viewport().width(),
                               math.ceil(bottom) - math.floor(top))

    def _update_places(self, *places):
        """Repaint the blocks from the first to the last of ``places`` (None ones left out):
        where a caret or a selection was or is."""
        blocks = [place[0] for place in places if place is not None]
        if blocks:
            self._update_span(min(blocks), max(blocks))

    def _update_scroll_range(self):
        # The value stays where it is unless the text got too short for it: the reader keeps
        # their place while the numbers change.
        bar = self.verticalScrollBar()
        page = self.viewport().height()
        bar.setRange(0, max(0, math.ceil(self._height) - page))
        bar.setPageStep(page)
        bar.setSingleStep(self._style.line_step)

    # ----------------------------------------------------------------------------- events

    def paintEvent(self, event):
        painter = QPainter(self.viewport())
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        offset = self.verticalScrollBar().value()
        region = event.region()  # after an edit, the changed blocks only
        area = region.boundingRect()
        width = self.viewport().width()
        first = max(0, bisect.bisect_right(self._tops, area.top() + offset) - 1)
        for k in range(first, len(self._shown)):
            block = self._shown[k]
            top = block.top - offset
            if top > area.bottom() + 1:
                break
            if block.layout is None:  # not met: what comes into sight is laid out before
                self._lay_out_pending()
            if region.intersects(QRect(0, math.floor(top), width, math.ceil(block.height) + 1)):
                block.layout.draw(painter, QPointF(0, -offset), self._selection_ranges(k, palette))
                if self._caret_shown_in(k):
                    block.layout.drawCursor(painter, QPointF(0, -offset), self._cursor[1],
                                            self.style().pixelMetric(
                                                QStyle.PixelMetric.PM_TextCursorWidth, None, self))

    def _caret_shown_in(self, k):
        """Whether to draw the caret in block ``k``: the caret's block, while the view has the
        focus (and so the keys), in the blink's shown phase."""
        return self._cursor is not None and self._cursor[0] == k and self._caret_on \
            and self.hasFocus()

    def _selection_ranges(self, k, palette):
        """The selected part of block ``k`` as a format range for QTextLayout.draw."""
        if not self.has_selection():
            return []
        (first, start), (last, end) = sorted((self._anchor, self._cursor))
        if not first <= k <= last:
            return []
        selected = QTextLayout.FormatRange()
        selected.start = start if k == first else 0
        selected.length = (end if k == last else _utf16_length(self._shown[k].text)) \
            - selected.start
        selected.format = QTextCharFormat()
        selected.format.setBackground(palette.color(QPalette.ColorRole.Highlight))
        selected.format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
        return [selected]

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.viewport().width() != self._width:
            self._lay_out_all()  # Qt repaints a resized viewport by itself
        else:
            self._lay_out_pending()  # what comes into sight
            self._update_scroll_range()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self._style = _BlockStyle(self.font())
            self._lay_out_all()
            self.viewport().update()

    def scrollContentsBy(self, dx, dy):
        if any(block.layout is None for block in self._shown):
            self._lay_out_pending()  # what comes into sight; the blocks below it may move
            self.viewport().update()
        else:
            self.viewport().scroll(dx, dy)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
                event.matches(QKeySequence.StandardKey.Copy)
                or event.matches(QKeySequence.StandardKey.SelectAll)
                or self._caret_step(event)[0] is not None):
            event.accept()  # the view's own keys, before any window shortcut takes them
            return True
        return super().event(event)

    def keyPressEvent(self, event):
        self._lay_out_pending()  # the caret may go to any block
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif not self._move_caret(event):
            super().keyPressEvent(event)  # Page Up / Down scroll

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self._show_caret()
        self._update_places(self._cursor)

    def focusOutEvent(self, event):
        super().focusOutEvent(event)
        self._blink.stop()
        self._update_places(self._cursor)  # the caret goes with the focus

    def contextMenuEvent(self, event):
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()

    # ----------------------------------------------------------------------------- the mouse

    def mousePressEvent(self, event):
        self._lay_out_pending()  # a Shift+click selects from the anchor, a drag scrolls
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)  # a right click keeps the selection for the menu
            return
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self._set_caret(self._position_at(event.position()), extend)

    def mouseMoveEvent(self, event):
        if not event.buttons() & Qt.MouseButton.LeftButton or self._anchor is None:
            return
        self._scroll_towards(event.position().y())
        self._set_caret(self._position_at(event.position()), extend=True)

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._offer_selection()

    def _offer_selection(self):
        clipboard = QGuiApplication.clipboard()
        if self.has_selection() and clipboard.supportsSelection():
            # X11's primary selection: the middle button pastes what was just selected.
            clipboard.setText(self.selected_text(), QClipboard.Mode.Selection)

    def mouseDoubleClickEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        k, position = self._position_at(event.position())
        word = _word_at(self._shown[k].text, position) if self._shown else None
        if word is not None:
            self._anchor, self._cursor = (k, word[0]), (k, word[1])
            self.viewport().update()

    def _position_at(self, point):
        """The (block, UTF-16 position) nearest the viewport point ``point``."""
        if not self._shown:
            return (0, 0)
        y = point.y() + self.verticalScrollBar().value()
        k = max(0, bisect.bisect_right(self._tops, y) - 1)
        block = self._shown[k]
        y -= block.top
        if y < 0 or block.layout.lineCount() == 0:
            return (k, 0)
        if y >= block.height:  # in the gap below the block: its end
            return (k, _utf16_length(block.text))
        line = next(block.layout.lineAt(i) for i in range(block.layout.lineCount())
                    if y < block.layout.lineAt(i).rect().bottom())
        return (k, line.xToCursor(point.x() - block.layout.position().x()))

    def _scroll_towards(self, y):
        """A drag past the top or bottom edge scrolls that way, by how far past it is."""
        bar = self.verticalScrollBar()
        if y < 0:
            bar.setValue(bar.value() + math.floor(y))
        elif y > self.viewport().height():
            bar.setValue(bar.value() + math.ceil(y - self.viewport().height()))

    # ----------------------------------------------------------------------------- the caret

    def _set_caret(self, place, extend=False):
        """Put the caret at ``place``: with ``extend`` (Shift) the selection runs from the
        anchor to it, else it collapses there. Repaints only the blocks whose look changes."""
        before = (self._anchor, self._cursor)
        if not extend or self._anchor is None:
            self._anchor = place
        self._cursor = place
        self._show_caret()
        self._update_places(*before, self._anchor, self._cursor)

    def _show_caret(self):
        """Show the caret now (a moved caret is seen at once), then blink it at the platform's
        pace; a flash time of 0 (the reader's choice) keeps it steady."""
        self._caret_on = True
        half = QGuiApplication.styleHints().cursorFlashTime() // 2
        if half > 0 and self.hasFocus():
            self._blink.start(half)
        else:
            self._blink.stop()

    def _toggle_caret(self):
        if self._cursor is None:  # new text took it away
            self._blink.stop()
            return
        self._caret_on = not self._caret_on
        self._update_places(self._cursor)

    def _caret_step(self, event):
        """The step the key ``event`` asks the caret to take and whether it selects (Shift), or
        (None, False)."""
        for step, move, select in _CARET_KEYS:
            if event.matches(select):
                return step, True
            if event.matches(move):
                return step, False
        return None, False

    def _move_caret(self, event):
        """Take the caret step the key ``event`` asks for, and scroll to show the caret;
        False when the key is not one of the caret's."""
        step, extend = self._caret_step(event)
        if step is None or not self._shown:
            return False
        if self._cursor is None:
            self._anchor = self._cursor = self._first_place_in_view()
        if not extend and self.has_selection() and step in _SELECTION_ENDS:
            # Left or Right ends a selection at its start or end, as in a text editor.
            place = _SELECTION_ENDS[step](self._anchor, self._cursor)
        else:
            place = step(self, self._cursor)
        self._scroll_to(place)  # first, so that the repaint goes where the blocks now are
        self._set_caret(place, extend)
        if extend:
            self._offer_selection()
        return True

    def _first_place_in_view(self):
        """The start of the first line wholly in view: where the keys start the caret when it
        has none, so that they go on from what the reader sees, not from the top they may
        have scrolled away from."""
        offset = self.verticalScrollBar().value()
        for k in range(max(0, bisect.bisect_right(self._tops, offset) - 1), len(self._shown)):
            layout = self._shown[k].layout
            for i in range(layout.lineCount()):
                if self._shown[k].top + layout.lineAt(i).y() >= offset:
                    return k, layout.lineAt(i).textStart()
        return self._text_end()

    def _scroll_to(self, place):
        """Scroll as little as shows the whole line of ``place`` (and the margin of the text
        at its first and last line)."""
        k = place[0]
        line = self._line_of(place)
        top = self._shown[k].top + line.y() - _DOCUMENT_MARGIN
        bottom = self._shown[k].top + line.y() + line.height() + _DOCUMENT_MARGIN
        bar, page = self.verticalScrollBar(), self.viewport().height()
        if top < bar.value():
            bar.setValue(math.floor(top))
        elif bottom > bar.value() + page:
            bar.setValue(math.ceil(bottom) - page)

    def _line_of(self, place):
        """The visual line (QTextLine) the caret at ``place`` is drawn on."""
        k, position = place
        return self._shown[k].layout.lineForTextPosition(position)

    def _end_of(self, k):
        return _utf16_length(self._shown[k].text)

    # -- the steps: each takes a place and gives the place the caret goes to

    def _next_char(self, place):
        return self._forward(place, QTextLayout.CursorMode.SkipCharacters)

    def _previous_char(self, place):
        return self._backward(place, QTextLayout.CursorMode.SkipCharacters)

    def _next_word(self, place):
        return self._forward(place, QTextLayout.CursorMode.SkipWords)

    def _previous_word(self, place):
        return self._backward(place, QTextLayout.CursorMode.SkipWords)

    def _forward(self, place, mode):
        """The next cursor position after ``place`` (by a character or to the next word's
        start); from a block's end, the next block's start (the "\\n" between them)."""
        k, position = place
        if position < self._end_of(k):
            return k, self._shown[k].layout.nextCursorPosition(position, mode)
        return (k + 1, 0) if k + 1 < len(self._shown) else place

    def _backward(self, place, mode):
        """As ``_forward``, the other way: from a block's start, the previous block's end."""
        k, position = place
        if position > 0:
            return k, self._shown[k].layout.previousCursorPosition(position, mode)
        return (k - 1, self._end_of(k - 1)) if k > 0 else place

    def _line_below(self, place):
        return self._vertical(place, 1)

    def _line_above(self, place):
        return self._vertical(place, -1)

    def _vertical(self, place, direction):
        """The place on the visual line below (1) or above (-1) ``place``'s that is nearest
        the caret's x, or ``place`` at the last (first) line of the text. The x is the one
        kept since the first of a run of Up and Down keys."""
        beside = self._line_beside(place, direction)
        if beside is None:
            return place
        k, line = beside
        if self._goal_x is not None and self._goal_x[0] == place:
            x = self._goal_x[1]
        else:  # on screen, so that it holds across the blocks' indents
            x = self._shown[place[0]].layout.position().x() + \
                self._line_of(place).cursorToX(place[1])[0]
        new = k, line.xToCursor(x - self._shown[k].layout.position().x())
        self._goal_x = (new, x)
        return new

    def _line_beside(self, place, direction):
        """(block, QTextLine) of the visual line below (1) or above (-1) ``place``'s, in its
        block or the next (previous) one; None past the text's end (start)."""
        k = place[0]
        i = self._line_of(place).lineNumber() + direction
        if 0 <= i < self._shown[k].layout.lineCount():
            return k, self._shown[k].layout.lineAt(i)
        k += direction
        if not 0 <= k < len(self._shown):
            return None
        layout = self._shown[k].layout
        return k, layout.lineAt(0 if direction > 0 else layout.lineCount() - 1)

    def _line_start(self, place):
        return place[0], self._line_of(place).textStart()

    def _line_end(self, place):
        """The end of ``place``'s visual line. A wrapped line ends before the space it breaks
        at: after it, the caret would be drawn at the start of the next line (as QTextCursor
        has it)."""
        k = place[0]
        line = self._line_of(place)
        end = line.textStart() + line.textLength()
        if line.lineNumber() < self._shown[k].layout.lineCount() - 1:
            if _utf16_slice(self._shown[k].text, end - 1, end).isspace():
                end -= 1
        return k, end

    def _text_start(self, _place=None):
        return 0, 0

    def _text_end(self, _place=None):
        return len(self._shown) - 1, self._end_of(len(self._shown) - 1)


# The caret's keys, as a text browser has them: (step, the key that moves the caret, the key
# that moves it and selects). QKeySequence's standard keys follow the platform (on a Mac,
# Cmd+Left goes to the start of the line).
_KEY = QKeySequence.StandardKey
_CARET_KEYS = (
    (MathView._next_char, _KEY.MoveToNextChar, _KEY.SelectNextChar),
    (MathView._previous_char, _KEY.MoveToPreviousChar, _KEY.SelectPreviousChar),
    (MathView._next_word, _KEY.MoveToNextWord, _KEY.SelectNextWord),
    (MathView._previous_word, _KEY.MoveToPreviousWord, _KEY.SelectPreviousWord),
    (MathView._line_below, _KEY.MoveToNextLine, _KEY.SelectNextLine),
    (MathView._line_above, _KEY.MoveToPreviousLine, _KEY.SelectPreviousLine),
    (MathView._line_start, _KEY.MoveToStartOfLine, _KEY.SelectStartOfLine),
    (MathView._line_end, _KEY.MoveToEndOfLine, _KEY.SelectEndOfLine),
    (MathView._text_start, _KEY.MoveToStartOfDocument, _KEY.SelectStartOfDocument),
    (MathView._text_end, _KEY.MoveToEndOfDocument, _KEY.SelectEndOfDocument),
)
# Where Left (a step back) and Right (forward) put the caret when a selection ends with them.
_SELECTION_ENDS = {MathView._previous_char: min, MathView._next_char: max}


class _ShownBlock:
    """One block as the view shows it: its text laid out (``layout`` None until it is), and
    where it goes."""

    __slots__ = ("source", "layout", "text", "margins", "indent", "top", "height")

    def __init__(self, source, margins, indent):
        self.source = source  # (font, whether an equation, line): what the layout is made of
        self.layout = None
        self.text = None
        self.margins = margins  # (top, bottom) px
        self.indent = indent  # px
        self.top = 0.0
        self.height = 0.0


class _BlockStyle:
    """The fonts, margins and indents of the blocks, for the view's font."""

    def __init__(self, base):
        self.text = QFont(base)
        self.headings = tuple(_scaled(base, scale, bold=True) for scale in _HEADING_SCALES)
        self.equation = _scaled(base, _EQUATION_SCALE)
        self.equation.setFamilies(["serif"])
        self.equation.setStyleHint(QFont.StyleHint.Serif)
        em = QFontInfo(self.equation).pixelSize()
        self.equation_margins = (0, round(_EQUATION_BOTTOM_EM * em))
        self.indents = tuple(round(indent * em) for indent in _EQUATION_INDENT_EM)
        self.line_step = QFontMetrics(self.equation).lineSpacing()  # the scroll bar's step

    def of(self, index, kind, line):
        """The (font, (top, bottom) margins, indent) of block ``index``."""
        if kind == "heading":
            return self.headings[index > 0], _MARGINS["heading"], 0
        if kind == "equation":
            continued = line[0][1].startswith("  ")
            return self.equation, self.equation_margins, self.indents[continued]
        return self.text, _MARGINS["text"], 0


# ----------------------------------------------------------------------------- the view's text

def _scaled(font, scale, bold=False):
    result = QFont(font)
    size = font.pointSizeF() if font.pointSizeF() > 0 else QFontInfo(font).pointSizeF()
    result.setPointSizeF(size * scale)
    if bold:
        result.setBold(True)
    return result


def _char_formats():
    """The formats of the segment kinds that are not plain text."""
    superscript, subscript, bold = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
    superscript.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    subscript.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSubScript)
    bold.setFontWeight(QFont.Weight.Bold)
    return {SUP: superscript, _SUB: subscript, RESULT: bold}


def _laid_text(line, equation, formats):
    """The text of ``line`` as the view shows it and its format ranges (in UTF-16 positions,
    as Qt counts). An equation loses its leading spaces, as in the HTML: its indent shows
    them."""
    pieces = list(_pieces(line))
    if equation:
        while pieces and pieces[0][0] == TEXT:
            text = pieces[0][1].lstrip()
            if text:
                pieces[0] = (TEXT, text)
                break
            pieces.pop(0)
    texts, ranges, position = [], [], 0
    for kind, text in pieces:
        length = _utf16_length(text)
        if kind in formats and length:
            part = QTextLayout.FormatRange()
            part.start, part.length, part.format = position, length, formats[kind]
            ranges.append(part)
        texts.append(text)
        position += length
    return "".join(texts), ranges


def _pieces(line):
    """The segments of ``line``, with "Σ_c" as Σ and a subscript c (as the HTML has it)."""
    for kind, text in line:
        if "Σ_c" not in text:
            yield kind, text
            continue
        first, *rest = text.split("Σ_c")
        yield kind, first
        for part in rest:
            yield from ((kind, "Σ"), (_SUB, "c"), (kind, part))


def _lay_out_lines(layout, width):
    """Break ``layout`` into lines ``width`` px wide, stacked from y = 0; returns its height."""
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLeadingIncluded(True)
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return y


def _utf16_length(text):
    """The length of ``text`` as Qt counts it (a character beyond U+FFFF is two)."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _utf16_slice(text, start, end):
    """``text`` from ``start`` to ``end``, counted in UTF-16 units. An end inside a character
    beyond U+FFFF (two units) leaves that character out."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le", "ignore")


def _word_at(text, position):
    """The (start, end) in UTF-16 units of the word or number at ``position``, or None."""
    index = len(_utf16_slice(text, 0, position))
    for match in _WORD.finditer(text):
        if match.start() <= index <= match.end():
            return _utf16_length(text[:match.start()]), _utf16_length(text[:match.end()])
    return None

