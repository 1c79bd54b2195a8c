"""The plot items the plots share: pyqtgraph items with the small changes the plots need
(markers that repaint only when they change, a title on one line that fits its plot, class
names that never overlap, bars that can be dragged) and the helpers that draw with them without asking for a
second paint."""

import math
import weakref

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import (QFont, QFontMetricsF, QPainter, QPainterPath, QPicture,
                           QTextDocument, QTransform)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from gui.common.user_text import ELLIPSIS, in_html, tooltip


class Points(pg.ScatterPlotItem):
    """pyqtgraph's ScatterPlotItem, which leaves its points, and its repaint, alone when given
    the data or the size it already has: most edits leave most markers where they are (the
    other samples' points on the −ln p curve, the sigmoid's in softmax mode), and a plot
    nothing changed on must not paint.

    The plots draw the clip marks with it (a symbol per point: "∞" or a triangle, hidden
    while no bar is cut). The points an edit moves are markers.Markers, a stand-in whose
    docstring gives the measurement that keeps it."""

    _given = None  # the arguments of the last setData

    def setData(self, *args, **kwargs):
        given = _snapshot((args, kwargs))
        if self._given is not None and _same(given, self._given):
            return
        self._given = given
        super().setData(*args, **kwargs)

    def setSize(self, size, **kwargs):
        if not kwargs and np.isscalar(size) and size == self.opts["size"]:
            return
        super().setSize(size, **kwargs)


def _snapshot(value):
    """``value`` as it is now: arrays copied, so that changing one later is seen as a change."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return [_snapshot(item) for item in value]
    if isinstance(value, dict):
        return {key: _snapshot(item) for key, item in value.items()}
    return value


def _same(a, b):
    """Whether two snapshots hold the same values (arrays element by element)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return np.shape(a) == np.shape(b) and np.array_equal(a, b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[key], b[key]) for key in a)
    return a is b or (type(a) is type(b) and a == b)


class TitleLabel(pg.LabelItem):
    """A plot title on one line: it never wraps over its plot, nor widens the plot past the
    view (pyqtgraph's LabelItem asks for its text's whole width). A title wider than its plot
    is drawn smaller, down to SMALLEST_TITLE of its size; past that the plot's short title
    (``set_short``) takes its place, drawn as small as it must be. The whole title
    is the title's tooltip."""

    SMALLEST_TITLE = 0.9

    def __init__(self, *args, **kwargs):
        self._variants = []  # [(text, width on one line at full size)]: the title, its short form
        self._shown = None  # the variant in the item
        self._short = None
        super().__init__(*args, **kwargs)

    def set_short(self, short):
        """What the next title (``setText``) reads where it does not fit: HTML, or None."""
        self._short = short

    def setText(self, text, **args):
        self._variants = []  # (none while they are measured: resizeEvent leaves them alone)
        short = self._short
        self.item.setScale(1.0)
        measured = []
        for variant in ([text] if short is None or short == text else [text, short]):
            super().setText(variant, **args)
            measured.append((variant, self.item.boundingRect().width()))
        self._variants = measured
        self._shown = len(measured) - 1
        self.setToolTip(tooltip(self._plain(text)))
        self._fit()

    @staticmethod
    def _plain(html):
        document = QTextDocument()
        document.setHtml(html)
        return document.toPlainText()

    def resizeEvent(self, ev):
        self._fit()
        super().resizeEvent(ev)

    def _fit(self):
        """Show the longest variant that fits at SMALLEST_TITLE of its size or more (else the
        shortest, smaller still), at the largest size that fits."""
        if not self._variants:
            return
        width = self.size().width()
        choice, scale = len(self._variants) - 1, 1.0
        for k, (_, natural) in enumerate(self._variants):
            if width <= 0 or natural * self.SMALLEST_TITLE <= width:
                choice = k
                break
        natural = self._variants[choice][1]
        if 0 < width < natural:
            scale = width / natural
        if choice != self._shown:
            self._shown = choice
            pg.LabelItem.setText(self, self._variants[choice][0])
        if self.item.scale() != scale:
            self.item.setScale(scale)
            super().resizeEvent(None)

    def shown_text(self):
        """The variant shown, as plain text (for tests)."""
        return self.item.toPlainText()

    def updateMin(self):
        # The height of a line at full size (a smaller title stays in the same row), and no
        # width of its own: the plot's width is the title's.
        height = self.item.boundingRect().height()
        self.setMinimumWidth(0)
        self.setMinimumHeight(height)
        self._sizeHint = {Qt.SizeHint.MinimumSize: (0, height),
                          Qt.SizeHint.PreferredSize: (0, height),
                          Qt.SizeHint.MaximumSize: (-1, -1),
                          Qt.SizeHint.MinimumDescent: (0, 0)}
        self.updateGeometry()


class PlotAxis(pg.AxisItem):
    """pyqtgraph's AxisItem with its bounding rect kept while what it depends on stays: Qt asks
    for it some six times per repaint of its plot (measured with cProfile), and pyqtgraph works
    it out each time in Python. It depends on the axis' geometry (its size and place in the
    plot), its tick length and label overlap style, and, with a grid, the linked view."""

    _bounds = (None, None)  # (what the rect was computed for, the rect)

    def boundingRect(self):
        key = (self.geometry(), self.style["tickLength"], self.style["hideOverlappingLabels"],
               self.grid)
        if self.grid is not False or key != self._bounds[0]:
            self._bounds = (key, super().boundingRect())
        return self._bounds[1]


class ClassAxis(PlotAxis):
    """A bottom axis of class names (``set_names``). Names that fit side by side are drawn
    whole; in narrower slots each is cut with "…" to its slot (MIN_CHARS characters at least);
    narrower still, they stand upright, cut to UPRIGHT_CHARS. Every name is whole in the
    tooltip of its place on the axis."""

    GAP = 4
    MIN_CHARS = 3
    UPRIGHT_CHARS = 10

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._names = []
        self._upright = []  # [(x, top, text)] drawn upright, when the slots are too narrow
        self._line_height = None  # the height of the names when they lie (set by the plot)
        self._centres = []  # where each name's slot is centred, in the axis' coordinates

    def set_names(self, names):
        """Name the positions 0, 1, 2…"""
        self._names = list(names)
        self.setTicks([[(float(k), name) for k, name in enumerate(self._names)]])

    def setStyle(self, **kwargs):
        if "tickTextHeight" in kwargs:
            self._line_height = kwargs["tickTextHeight"]
        super().setStyle(**kwargs)

    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, _ = specs  # (pyqtgraph leaves out the names that reach past the axis)
        self._upright = []
        self._centres = self._name_centres()
        if not self._centres:
            return axis, ticks, []
        metrics = QFontMetricsF(p.font())
        gaps = np.diff(self._centres)
        room = (float(gaps.min()) if len(gaps) else self.width()) - self.GAP
        top = max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]
        height = self._line_height
        texts = []
        if room < metrics.horizontalAdvance("M" * self.MIN_CHARS + ELLIPSIS):
            longest = metrics.averageCharWidth() * self.UPRIGHT_CHARS
            self._upright = [(x, top, metrics.elidedText(name, Qt.TextElideMode.ElideRight,
                                                         longest))
                             for x, name in zip(self._centres, self._names)]
            # As tall as the longest cut name can be, whichever names are shown: a height
            # that followed them would change the layout, and paint the plot again, each time
            # the top classes change.
            height = longest + 2
        else:
            line = metrics.height()
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | \
                Qt.TextFlag.TextDontClip
            for x, name in zip(self._centres, self._names):
                text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, room)
                width = metrics.horizontalAdvance(text)
                texts.append((QRectF(x - width / 2, top, width, line), flags, text))
            # A name in another script (Chinese) can be taller than the font's own line.
            height = max([height or 0.0] + [metrics.boundingRect(QRectF(), int(flags), text)
                                            .height() for _, _, text in texts])
        if height is not None and abs(self.style["tickTextHeight"] - height) > 0.5:
            super().setStyle(tickTextHeight=int(math.ceil(height)))  # (not the lying height)
        return axis, ticks, texts

    def _name_centres(self):
        """Where each name's position (0, 1, 2…) is along the axis, in its coordinates."""
        low, high = self.range
        if not self._names or high <= low:
            return []
        bounds = self.mapRectFromParent(self.geometry())
        scale = bounds.width() / (high - low)
        return [(k - low) * scale for k in range(len(self._names))]

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        super().drawPicture(p, axisSpec, tickSpecs, textSpecs)
        p.setClipping(False)
        line = p.fontMetrics().height()
        for x, top, text in self._upright:
            room = self.height() - top
            p.save()
            p.translate(x, top)
            p.rotate(-90)  # read from the bottom up, ending at the axis
            p.drawText(QRectF(-room, -line / 2, room - 1, line),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            p.restore()

    def name_at(self, x):
        """The whole name of the class whose slot holds ``x`` (axis coordinates), or None."""
        if not self._centres:
            return None
        nearest = int(np.argmin(np.abs(np.asarray(self._centres) - x)))
        return self._names[nearest] if nearest < len(self._names) else None

    def hoverEvent(self, ev):
        name = None if ev.isExit() else self.name_at(ev.pos().x())
        tip = tooltip(name) if name else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)


class LogitViewBox(pg.ViewBox):
    """A ViewBox that offers left-button drags to a handler first (dragging a logit bar); drags
    the handler declines pan the view as usual."""

    def __init__(self, drag_handler, **kwargs):
        super().__init__(**kwargs)
        # A weak reference: the plot that owns this ViewBox must not be kept alive by it. A
        # reference cycle leaves the plot to the garbage collector, and PySide6 can crash when
        # that frees a pyqtgraph scene's wrappers at a random moment.
        self._drag_handler = weakref.WeakMethod(drag_handler)

    def mouseDragEvent(self, ev, axis=None):
        handler = self._drag_handler()
        if axis is None and handler is not None and handler(ev):
            return
        super().mouseDragEvent(ev, axis)


def reference_line(plot, colour, style=Qt.PenStyle.SolidLine):
    """A thin reference line (y = 0 under bars, p = 1/2 on the sigmoid). A PlotDataItem
    rather than pyqtgraph's InfiniteLine, whose boundingRect fails while a plot is being
    destroyed; ``ignoreBounds`` keeps it out of the auto-range."""
    line = pg.PlotDataItem(x=[0.0, 1.0], y=[0.0, 0.0], pen=pg.mkPen(colour, width=1, style=style))
    # It stays while the bars over it change on every edit: drawn from a pixmap, not by
    # pyqtgraph's Python paint each time (measured: ~0.05 ms a plot per frame of Play).
    line.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    plot.addItem(line, ignoreBounds=True)
    return line


def legend_entry(colour, text, line=False):
    """A legend entry in HTML: a coloured square (bars) or dash (curves) and the escaped
    text."""
    mark = "━" if line else "■"
    return f"<span style='color: {colour}'>{mark}</span>&nbsp;{in_html(text)}"


def probability_ticks():
    locale = QLocale()
    # Quarter ticks are a second level, which pyqtgraph labels only when there is room.
    return [[(v, locale.toString(v, "g", 3)) for v in (0.0, 0.5, 1.0)],
            [(v, locale.toString(v, "g", 3)) for v in (0.25, 0.75)]]


_INFINITY_SYMBOL = []


def infinity_symbol():
    """"∞" as a pyqtgraph marker: a glyph outline scaled into the unit square."""
    if not _INFINITY_SYMBOL:
        font = QFont()
        font.setPointSize(40)
        path = QPainterPath()
        path.addText(0, 0, font, "∞")
        box = path.boundingRect()
        scale = 1.0 / max(box.width(), box.height())
        transform = QTransform().scale(scale, scale).translate(-box.center().x(),
                                                               -box.center().y())
        _INFINITY_SYMBOL.append(transform.map(path))
    return _INFINITY_SYMBOL[0]


def give_text_items_to_qt(plot_widget):
    """Let Qt own the text items inside a plot (axis labels, titles, legend labels).

    PySide6 (6.11, 6.12) leaves a ``QGraphicsTextItem(parent)`` owned by Python, unlike other
    items made with a parent; pyqtgraph makes its labels that way. When such a label's Python
    wrapper is collected, Python deletes the C++ item its parent still holds (or has already
    deleted), and the next scene update crashes. Setting the same parent again hands the item
    to its parent, as the constructor should have."""
    for item in plot_widget.scene().items():
        parent = item.parentItem()
        if (isinstance(item, QGraphicsTextItem) and parent is not None
                and shiboken6.ownedByPython(item)):
            item.setParentItem(parent)


def cache_text_items(plot_widget):
    """Draw the titles and axis labels from pixmaps: an edit repaints the items next to them
    (and so them), while their text seldom changes (``setHtml`` renews the pixmap)."""
    for item in plot_widget.scene().items():
        if isinstance(item, QGraphicsTextItem):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


def apply_view_range(*plots):
    """Move the plots' contents to their new view range now. pyqtgraph does it just before
    painting, and moving items while painting asks for a second paint."""
    for plot in plots:
        plot.getViewBox().updateMatrix()


def measure_left_axis(plot):
    """Let pyqtgraph fit the left axis' width to its new tick labels now, and lay the plot out
    again. It measures them while painting, and a width change then needs more paints:
    measured, an edit whose ticks widen the axis ("-40000") painted each of the four bar plots
    three times without this, once with it (test_plots checks it)."""
    axis = plot.getAxis("left")
    width = axis.maximumWidth()
    axis.textWidth = axis.style["tickTextWidth"]  # measured afresh, down to the usual room
    # What AxisItem.paint does when its picture is out of date; the picture is kept for the
    # paint unless the axis changes width (a resize discards it).
    picture = QPicture()
    painter = QPainter(picture)
    try:
        if axis.style["tickFont"]:
            painter.setFont(axis.style["tickFont"])
        specs = axis.generateDrawSpecs(painter)
        if specs is not None:
            axis.drawPicture(painter, *specs)
    finally:
        painter.end()
    axis.picture = picture
    if axis.maximumWidth() != width:
        plot.layout.activate()
