"""The plot items the plots share: pyqtgraph items with the small changes the plots need
(markers that repaint only when they change, a title that wraps, class names that never
overlap, bars that can be dragged) and the helpers that draw with them without asking for a
second paint."""

import weakref

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPicture, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem

from gui.common.user_text import in_html


class Points(pg.ScatterPlotItem):
    """pyqtgraph's ScatterPlotItem, which leaves its points, and its repaint, alone when given
    the data or the size it already has: most edits leave most markers where they are (the
    other samples' points on the −ln p curve, the sigmoid's in softmax mode), and a plot
    nothing changed on must not paint.

    It (and pyqtgraph's own BarGraphItem) replaced hand-written stand-ins: Markers, drawing
    pre-rendered symbols with less Python per edit, and bars and points that kept their
    bounding rect between changes. tools/bench.py, interleaved runs on a shared 2-CPU machine,
    median edit-to-paint latency of the quiet runs at 4x3 / 32x10 / 64x1000: stand-ins 8.8 /
    11.0 / 11.0 ms, pyqtgraph's items 11.0 / 13.4 / 13.3 ms. About 2 ms more per edit, within
    the 16 ms target at every size: no reason left to keep the stand-ins."""

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
    """A plot title that wraps onto more lines rather than widen its plot past the view: a long
    title in presentation mode (or in a narrow dock) would otherwise push the plot's right part,
    data included, out of sight. pyqtgraph's LabelItem asks for its text's whole width."""

    _natural_width = 0.0  # of the text on one line

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        option = self.item.document().defaultTextOption()
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)  # wrapped lines centred, as one is
        self.item.document().setDefaultTextOption(option)

    def setText(self, text, **args):
        self.item.setTextWidth(-1)
        super().setText(text, **args)
        self._natural_width = self.item.boundingRect().width()
        self._wrap()

    def resizeEvent(self, ev):
        self._wrap()
        super().resizeEvent(ev)

    def _wrap(self):
        width = self.size().width()
        wanted = width if 0 < width < self._natural_width else -1
        if self.item.textWidth() != wanted:
            self.item.setTextWidth(wanted)

    def updateMin(self):
        super().updateMin()  # the height the (wrapped) text needs
        self.setMinimumWidth(0)


class ClassAxis(pg.AxisItem):
    """A bottom axis of class names that leaves out a name rather than overlap its neighbour."""

    GAP = 4

    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        kept = []
        right = -np.inf
        for rect, flags, text in sorted(texts, key=lambda spec: spec[0].left()):
            if rect.left() >= right + self.GAP:
                kept.append((rect, flags, text))
                right = rect.right()
        return axis, ticks, kept


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
    plot.addItem(line, ignoreBounds=True)
    return line


def set_bars(bars, x, heights):
    """Move the bars, unless they already stand there: an unchanged item is not redrawn (a
    logit edit leaves the targets as they are)."""
    if not (np.array_equal(bars.opts["x"], x) and np.array_equal(bars.opts["height"], heights)):
        bars.setOpts(x=x, height=heights)


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
