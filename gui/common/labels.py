"""A label whose text changes on every edit (a loss, a sample's summary) without making the
window lay itself out again each time, and without ever pushing a dock or window wider; and
the fitting of a text that carries numbers into the room it has, which never cuts a number."""

import re

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from gui.common.user_text import ELLIPSIS, plain, tooltip

# A number as the window writes it: "0.9163", "-1.2e-05", "1,234", "50 000", "∞", "−3", "12%".
NUMBER = re.compile(r"[-−+]?(?:\d(?:[\d.,\u00a0\u202f]*\d)?(?:[eE][-−+]?\d+)?%?|∞)")
# A text a little too long is first drawn in a font this much smaller, whole; then its words
# are cut. One that cannot fit even with its words cut to "…" is drawn smaller still, down to
# SMALLEST_FONT, in FONT_STEPs, before it is left cut at the right.
SLIGHTLY_SMALLER = 0.9
SMALLEST_FONT = 0.6
FONT_STEP = 0.1
# A label keeps the widths of at most this many numbers (then forgets them all).
MEASURED_NUMBERS = 64


def numbers_in(text):
    """The numbers in ``text``, in order (what a fitted text must show whole)."""
    return NUMBER.findall(text)


def _parts(text):
    """``text`` as [is_number, piece] pieces, numbers and the words between them."""
    parts, start = [], 0
    for match in NUMBER.finditer(text):
        if match.start() > start:
            parts.append([False, text[start:match.start()]])
        parts.append([True, match.group()])
        start = match.end()
    if start < len(text):
        parts.append([False, text[start:]])
    return parts


def fitted_text(text, metrics, fits):
    """``text`` with its words (never its numbers) cut in the middle with "…" until
    ``fits(shown_text)``, the widest words first; None when even words of one "…" do not fit.

    ``metrics`` (QFontMetricsF) measures the words; ``fits`` says whether a whole text fits."""
    pieces = fitted_pieces(text, metrics, fits)
    return None if pieces is None else "".join(pieces)


def fitted_pieces(text, metrics, fits):
    """fitted_text as the pieces of ``_parts(text)``, each number whole and each word cut."""
    parts = _parts(text)
    originals = [piece for _, piece in parts]
    if fits(text):
        return originals
    while True:
        words = [k for k, (number, piece) in enumerate(parts)
                 if not number and piece != ELLIPSIS and len(piece) > 1]
        if not words:
            return None
        widths = {k: metrics.horizontalAdvance(parts[k][1]) for k in words}
        widest = max(words, key=widths.get)
        others = [widths[k] for k in words if k != widest]
        # Down to the next widest word at most: the cuts are spread over the words.
        target = max(widths[widest] * 0.75, max(others, default=0.0))
        shorter = metrics.elidedText(originals[widest], Qt.TextElideMode.ElideMiddle, target)
        if not shorter or len(shorter) >= len(parts[widest][1]):
            shorter = _one_shorter(parts[widest][1])
        parts[widest][1] = shorter
        if fits("".join(piece for _, piece in parts)):
            return [piece for _, piece in parts]


def _one_shorter(piece):
    """``piece`` with one more character cut from its middle ("…" once too short)."""
    plain_text = piece.replace(ELLIPSIS, "")
    if len(plain_text) <= 1:
        return ELLIPSIS
    keep = len(plain_text) - 1
    head = (keep + 1) // 2
    return plain_text[:head] + ELLIPSIS + plain_text[len(plain_text) - (keep - head):]


class SteadyLabel(QWidget):
    """``lines`` lines of text (wrapped at words when more than one) in a holder of fixed
    height that takes the width its layout gives. With ``cut=False`` a text too long for the
    room is only drawn smaller (for numbers: "0.1291 = 0 + 0.1291" has no word to spare).

    A QLabel in a layout asks the whole window to lay itself out again on every ``setText``.
    Here the QLabel is a child placed by hand (the holder has no layout), so a new text only
    repaints; and as the holder's width is the layout's to choose, a long text can never make
    a dock wider than the screen. A text too long for the room has words cut in the middle with
    "…", never a number (see :func:`fitted_text`), then a smaller font; it is whole in the
    tooltip. Its text is plain text, whatever it looks like: labels show names. QLabel's own
    methods (setTextInteractionFlags, …) pass through.
    """

    def __init__(self, parent=None, lines=1, cut=True):
        super().__init__(parent)
        self._lines = lines
        self._cut = cut
        self._text = ""
        self._last_cut = None  # (what decides a cut, (font, its pieces)): see _fit_text
        self._widths = (None, {})  # (font key, {number: its width}): see _number_widths
        self._room = None  # see _own_room
        self.label = plain(QLabel(self))
        if lines > 1:
            self.label.setWordWrap(True)
            self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        # Opaque (the window colour): a new text repaints the label alone, not every widget
        # behind it up to the dock and the window. The QLabel, which covers the holder, is
        # the one filled: the holder is then not painted under it at every new text.
        self.label.setAutoFillBackground(True)
        self._fit_height()

    def __getattr__(self, name):
        return getattr(self.label, name)

    def setText(self, text, full_text=None):
        """Show ``text`` (fitted to the room); the tooltip shows ``full_text`` (the same with
        names not shortened), or ``text``."""
        if text != self._text:
            self._text = text
            self._fit_text()
        full = tooltip(full_text or text)
        if full != self.toolTip():
            self.setToolTip(full)

    def text(self):
        """The text given to setText (what is shown may be fitted: see ``shown_text``)."""
        return self._text

    def shown_text(self):
        """What the label shows: the text, with words cut to fit when it has to be."""
        return self.label.text()

    def setAccessibleName(self, name):
        super().setAccessibleName(name)
        self.label.setAccessibleName(name)

    def sizeHint(self):
        # The whole text's width (not the fitted one's: a layout that gave the label what its
        # cut text needs would cut it further at the next fit).
        margins = self.label.contentsMargins()
        width = QFontMetricsF(self.font()).horizontalAdvance(self._text)
        return QSize(int(width) + 1 + margins.left() + margins.right() + 2 * self.label.margin(),
                     self.height())

    def minimumSizeHint(self):
        return QSize(0, self.height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        # Fixed to the holder's size: a QLabel whose size can change posts its parent a
        # LayoutRequest on every setText (QWidget::updateGeometry), one more event a step.
        self.label.setFixedSize(self.size())
        if event.oldSize().width() != event.size().width():
            self._fit_text()

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._room = None
            self._fit_height()  # presentation mode: a larger font needs a taller line
            self._fit_text()

    def _fit_height(self):
        self.label.setFont(self.font())
        metrics = self.label.fontMetrics()
        margins = self.label.contentsMargins()
        self.setFixedHeight(metrics.height() + (self._lines - 1) * metrics.lineSpacing()
                            + margins.top() + margins.bottom() + 2 * self.label.margin())

    def _fit_text(self):
        """Show the text in the label's font if it fits, else in a slightly smaller one, whole
        or cut at words; else in a smaller font still (down to SMALLEST_FONT); as a last resort
        cut at the right."""
        room, font, key, fits = self._own_room()
        if fits(self._text):
            # The usual case, on every edit: whole, in the label's own font.
            self._show_fitted(font, self._text)
            return
        # A text that does not fit changes on every step of Play by its numbers alone (a
        # sample's loss): its words are cut as they were last time when the words, the
        # numbers' widths and the room are the same (cutting anew measures ~20 pieces).
        parts = _parts(self._text)
        widths = self._number_widths(key, [piece for number, piece in parts if number])
        decides = (tuple(widths[piece] if number else piece for number, piece in parts),
                   room, key)
        if self._last_cut is not None and self._last_cut[0] == decides:
            font, words, fits = self._last_cut[1]
            shown = "".join(piece if number else word
                            for (number, piece), word in zip(parts, words))
            if fits(shown):
                self._show_fitted(font, shown)
                return
        font, pieces = self._cut_to_fit()
        # (While the room and the font are the cut's, whether a text fits in it holds too.)
        self._last_cut = (decides, (font, pieces, self._fits_in(font)))
        self._show_fitted(font, "".join(pieces))

    def _own_room(self):
        """(the room: the label's size and margins; its font, the font's key, whether a text
        fits in the room in it), kept while the font and the room stay (a step of Play only
        asks). (The room is compared, not forgotten in resizeEvent: a hidden widget gets that
        only when shown, and a style sheet reaches the QLabel's margins after the holder's
        StyleChange.)"""
        room = (self.size(), self.label.contentsMargins(), self.label.margin())
        if self._room is None or self._room[0] != room:
            font = self.font()
            self._room = (room, font, font.key(), self._fits_in(font))
        return self._room

    def _number_widths(self, key, numbers):
        """{number: its width} in the label's font (``key``: its key) for ``numbers``, and
        others. Most of a text's numbers are the same from one step to the next (a sample's
        classes): each is measured once a font."""
        if self._widths[0] != key or len(self._widths[1]) > MEASURED_NUMBERS:
            self._widths = (key, {})
        widths = self._widths[1]
        new = [number for number in numbers if number not in widths]
        if new:
            metrics = QFontMetricsF(self.font())
            widths.update((number, metrics.horizontalAdvance(number)) for number in new)
        return widths

    def _cut_to_fit(self):
        """(font, the pieces of _parts(text), words cut) for a text too long for the room in
        the label's own font."""
        whole = [piece for _, piece in _parts(self._text)]
        scale = SLIGHTLY_SMALLER
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * scale)
        while True:
            fits = self._fits_in(font)
            if self._cut:
                shown = fitted_pieces(self._text, QFontMetricsF(font), fits)
            else:
                shown = whole if fits(self._text) else None
            if shown is not None or scale - FONT_STEP < SMALLEST_FONT - 1e-9:
                break
            scale -= FONT_STEP
            font = QFont(self.font())
            font.setPointSizeF(self.font().pointSizeF() * scale)
        return font, whole if shown is None else shown

    def _show_fitted(self, font, shown):
        if self.label.font() != font:
            self.label.setFont(font)
        if shown != self.label.text():
            self.label.setText(shown)

    def _fits_in(self, font):
        """Whether a text fits in the label's room, in ``font``, on its lines."""
        metrics = QFontMetricsF(font)
        margins = self.label.contentsMargins()
        width = self.width() - margins.left() - margins.right() - 2 * self.label.margin()
        if self._lines == 1:
            return lambda text: metrics.horizontalAdvance(text) <= width
        height = self.height() - margins.top() - margins.bottom()
        flags = int(Qt.TextFlag.TextWordWrap)

        def fits(text):
            room = QRect(0, 0, max(int(width), 1), 1_000_000)
            return metrics.boundingRect(room, flags, text).height() <= height + 0.5
        return fits
