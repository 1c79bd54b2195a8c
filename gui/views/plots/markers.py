"""Markers: scatter markers for the points an edit moves (STAND-IN for pyqtgraph's
ScatterPlotItem, kept because tools/bench.py shows the library's item missing the target).

Measured (with steady_bounds.Bars for the bars), tools/bench.py on the shared 2-CPU machine,
runs alternated with pyqtgraph's ScatterPlotItem and BarGraphItem in their place, median GUI
CPU per cell edit: 4x3 17.2 / 13.6 ms with the library's items, 12.1 / 11.8 ms with these;
64x1000 23.8 / 18.8 ms against 17.5 / 15.6 ms. Commit 31a9504 had the stand-ins, and the
cell-edit rows must stay within 10% of its medians (issue 13): the library's items cost 2-5 ms
of each edit, most of it in paint (pixelVectors per boundingRect, the per-point record array)."""

import math

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap

from gui.common.steady_bounds import SteadyBounds


class Markers(SteadyBounds, pg.GraphicsObject):
    """Scatter markers for the items an edit moves: one symbol, size (in pixels) and pen, and
    one brush or a brush per point.

    pyqtgraph's ScatterPlotItem spends ~0.3 ms per setData and ~0.4 ms per paint here in
    machinery these items do not use (a record array and a symbol-atlas lookup per point,
    hover styles, culling). This item maps its points to the device once per paint and draws
    one pre-rendered pixmap per point, with pyqtgraph's symbols (renderSymbol), so the markers
    look the same. Non-finite points are kept in getData() but neither drawn nor bounded."""

    def __init__(self, symbol="o", size=10, pen=None, brush=None):
        super().__init__()
        self._symbol = symbol
        self._size = float(size)
        self._pen = pg.mkPen(pen)
        self._brush = pg.mkBrush(brush)
        self._x = self._y = np.empty(0)
        self._point_brushes = None  # the distinct brushes given to setData, or None: self._brush
        self._slots = np.empty(0, dtype=np.intp)  # each point's brush among them
        self._finite = np.empty((0, 2))
        self._finite_slots = self._slots
        self._atlas = None  # (pixmap, side in device pixels, device pixel ratio)
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)

    def setData(self, x=(), y=(), brush=None):
        """Show markers at (x, y), each drawn with ``brush`` when it is a list (one brush per
        point), all with it when it is one brush, else with the item's brush. Unchanged data
        changes nothing: no repaint."""
        x = np.array(x, dtype=np.float64)
        y = np.array(y, dtype=np.float64)
        if brush is None:
            brushes, slots = None, np.zeros(len(x), dtype=np.intp)
        elif isinstance(brush, (list, tuple)):
            brushes, slots = _distinct_brushes(brush)
        else:  # one brush for every point
            brushes, slots = [pg.mkBrush(brush)], np.zeros(len(x), dtype=np.intp)
        same_style = _same_brushes(brushes, self._point_brushes)
        if (same_style and np.array_equal(slots, self._slots) and np.array_equal(x, self._x)
                and np.array_equal(y, self._y)):
            return
        if not same_style:
            self._atlas = None
        self._x, self._y, self._point_brushes, self._slots = x, y, brushes, slots
        finite = np.isfinite(x) & np.isfinite(y)
        self._finite = np.column_stack([x[finite], y[finite]])
        self._finite_slots = slots[finite]
        self.prepareGeometryChange()

    def getData(self):
        return self._x, self._y

    def size(self):
        """The markers' size in pixels."""
        return self._size

    def brush(self):
        """The brush of every point: the one setData gave them all, else the item's own
        (None when setData gave the points several)."""
        brushes = self._point_brushes
        if brushes is None:
            return self._brush
        return brushes[0] if len(brushes) == 1 else None

    def setSize(self, size):
        if float(size) != self._size:
            self._size = float(size)
            self._restyled()

    def setPen(self, *args, **kwargs):
        pen = pg.mkPen(*args, **kwargs)
        if pen != self._pen:
            self._pen = pen
            self._restyled()

    def setBrush(self, *args, **kwargs):
        brush = pg.mkBrush(*args, **kwargs)
        if brush != self._brush:
            self._brush = brush
            self._restyled()

    def _restyled(self):
        self._atlas = None
        self.prepareGeometryChange()

    def viewTransformChanged(self):
        # The pixel margin is a different number of data units now.
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def _margin(self):
        """How far a marker reaches from its point, in pixels: half the rendered symbol (see
        pyqtgraph's renderSymbol), and one more for rounding to whole pixels."""
        pen_width = max(math.ceil(self._pen.widthF()), 1)
        return 0.5 * (self._size + pen_width) + 1.0

    def pixelPadding(self):
        return self._margin()

    def dataBounds(self, ax, frac=1.0, orthoRange=None):
        """The finite points' extent along ``ax`` (for a ViewBox's auto-range)."""
        values = self._finite[:, ax]
        if orthoRange is not None:
            other = self._finite[:, 1 - ax]
            values = values[(other >= orthoRange[0]) & (other <= orthoRange[1])]
        if not len(values):
            return None, None
        if frac >= 1.0:
            return float(values.min()), float(values.max())
        return tuple(np.percentile(values, [50 * (1 - frac), 50 * (1 + frac)]))

    def _fresh_bounds(self):
        if not len(self._finite):
            return QRectF()
        left, top = self._finite.min(axis=0)
        right, bottom = self._finite.max(axis=0)
        px, py = self.pixel_size()
        dx, dy = px * self._margin(), py * self._margin()
        return QRectF(left - dx, top - dy, right - left + 2 * dx, bottom - top + 2 * dy)

    def paint(self, painter, option, widget=None):
        if not len(self._finite):
            return
        points = _mapped(painter.transform(), self._finite)
        painter.resetTransform()  # marker sizes are pixels
        if self._exportOpts is False:
            self._draw_pixmaps(painter, points)
        else:
            self._draw_paths(painter, points)

    def _draw_pixmaps(self, painter, points):
        pixmap, side, dpr = self._atlas_for(painter.device().devicePixelRatioF())
        self._fragments.resize(len(points))
        fragments = self._fragments.ndarray()
        fragments[:, 0:2] = points  # where each pixmap's centre goes
        fragments[:, 2] = self._finite_slots * side  # the source rect: its brush's symbol
        fragments[:, 3] = 0.0
        fragments[:, 4:6] = side
        fragments[:, 6:8] = 1.0 / dpr  # scale to logical pixels
        fragments[:, 8:10] = (0.0, 1.0)  # rotation, opacity
        painter.drawPixmapFragments(*self._fragments.drawargs(), pixmap)

    def _draw_paths(self, painter, points):
        """As ScatterPlotItem exports: each symbol as a path (sharp in an SVG), its size
        scaled with the image."""
        options = self._exportOpts
        size = self._size * options.get("resolutionScale", 1.0)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, options.get("antialias", True))
        brushes = self._point_brushes or [self._brush]
        for (x, y), slot in zip(points.tolist(), self._finite_slots.tolist()):
            painter.resetTransform()
            painter.translate(x, y)
            drawSymbol(painter, self._symbol, size, self._pen, brushes[slot])

    def _atlas_for(self, dpr):
        """The symbol in each brush, side by side in one pixmap (rendered once per style)."""
        if self._atlas is None or self._atlas[2] != dpr:
            images = [renderSymbol(self._symbol, self._size, self._pen, brush, dpr=dpr)
                      for brush in self._point_brushes or [self._brush]]
            side = images[0].width()
            atlas = QImage(side * len(images), side, QImage.Format.Format_ARGB32_Premultiplied)
            atlas.fill(Qt.GlobalColor.transparent)
            painter = QPainter(atlas)
            for k, image in enumerate(images):
                image.setDevicePixelRatio(1.0)  # copied pixel for pixel
                painter.drawImage(k * side, 0, image)
            painter.end()
            self._atlas = (QPixmap.fromImage(atlas), side, dpr)
        return self._atlas


def _distinct_brushes(brushes):
    """The distinct objects among ``brushes`` (as QBrushes) and each point's index among
    them."""
    slot_of = {}
    distinct = []
    slots = np.empty(len(brushes), dtype=np.intp)
    for k, brush in enumerate(brushes):
        slot = slot_of.get(id(brush))
        if slot is None:
            slot = slot_of[id(brush)] = len(distinct)
            distinct.append(pg.mkBrush(brush))
        slots[k] = slot
    return distinct, slots


def _same_brushes(a, b):
    return a is b or (a is not None and b is not None and len(a) == len(b)
                      and all(x == y for x, y in zip(a, b)))


def _mapped(transform, points):
    """``points`` (n, 2) mapped by an affine QTransform, clipped to where Qt draws safely."""
    t = transform
    matrix = np.array([[t.m11(), t.m12()], [t.m21(), t.m22()]])
    return np.clip(points @ matrix + (t.dx(), t.dy()), -2.0 ** 30, 2.0 ** 30)
