"""The Learn panel's curves over the steps of a run, and the pyqtgraph set-up its plots and the
softmax | sigmoid view share: items made once, updated with setData."""

import math

import numpy as np
import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QFont, QPainterPath, QPalette
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsTextItem

from gui.common import style
from gui.common.steady_bounds import SteadyBounds
from gui.common.user_text import in_html
from gui.views.learn.history import CurvePoints

# A curve draws at most this many of its points (a history keeps up to 2,000 steps): about
# one per pixel of the panel's width.
DRAWN_POINTS = 250
FEWEST_STEPS_SHOWN = 10
# The other samples' p(true class) curves share this many points: with many samples each gets
# fewer (64 samples: 63 points each), so a frame's drawing stays bounded.
OTHERS_POINTS = 4000


def themed_layout(widget_parent):
    """A GraphicsLayoutWidget in the palette's colours; returns it and its text colour."""
    palette = widget_parent.palette()
    foreground = palette.color(QPalette.ColorRole.Text)
    layout = pg.GraphicsLayoutWidget(widget_parent)
    layout.setBackground(palette.color(QPalette.ColorRole.Base))
    return layout, foreground


def pale(colour, background, share):
    """``colour`` with ``share`` of it over ``background``: what a translucent pen shows, as an
    opaque colour. (Measured: 63 curves drawn with a translucent pen took 4 ms a frame, with
    an opaque one 1 ms.)"""
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in
                             zip(colour.getRgbF()[:3], background.getRgbF()[:3])))


def quiet_plot(layout, row, column, foreground):
    """A plot with no menu, buttons or mouse zoom, axes in the text colour, ticks without SI
    prefixes (a loss axis of "x0.001" misleads)."""
    plot = layout.addPlot(row=row, col=column)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    for name in ("left", "bottom", "top", "right"):
        axis = plot.getAxis(name)
        axis.enableAutoSIPrefix(False)
        axis.setPen(foreground)
        axis.setTextPen(foreground)
        # Every step repaints the curves, and the axes beside them: from a pixmap, unless
        # their ticks changed (pyqtgraph then calls update()).
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return plot


def settle_text_items(widget):
    """Hand pyqtgraph's text items (titles, axis labels, legend) to Qt and draw them from
    pixmaps. PySide6 leaves a QGraphicsTextItem made with a parent owned by Python; when its
    wrapper is collected, the C++ item its parent holds is deleted under it."""
    for item in widget.scene().items():
        if isinstance(item, QGraphicsTextItem):
            parent = item.parentItem()
            if parent is not None and shiboken6.ownedByPython(item):
                item.setParentItem(parent)
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class RunChart(QObject):
    """Two plots over the steps: the batch loss (for the binary pair: each form's loss, with
    a legend), and each sample's p(true class), the selected sample's in its own colour.

    Attributes
    ----------
    widget : pyqtgraph.GraphicsLayoutWidget
    loss_plot, probability_plot : pyqtgraph.PlotItem
    loss_curve, selected_curve, others_curve, pair_curves (dict "sigmoid"/"softmax") :
        pyqtgraph.PlotDataItem
    legend : the pair's legend (shown with the pair)
    """

    def __init__(self, parent):
        super().__init__(parent)
        self.widget, foreground = themed_layout(parent)
        self.widget.setAccessibleName(self.tr("Training curves"))
        # Some thirty items, three of which change at every step: a linear search finds what
        # to repaint in less time than a BSP tree takes to re-file them (0.1 ms a step).
        self.widget.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self._foreground = foreground
        self.loss_plot = quiet_plot(self.widget, 0, 0, foreground)
        self.probability_plot = quiet_plot(self.widget, 1, 0, foreground)
        # Ranges are set here, to round numbers that change seldom (_fit), not by pyqtgraph's
        # auto-range, which moves them while painting and so paints every step twice.
        for plot in (self.loss_plot, self.probability_plot):
            plot.getViewBox().disableAutoRange()
        self.probability_plot.setYRange(0.0, 1.0, padding=0.03)
        self.probability_plot.setXLink(self.loss_plot)
        self._ranges = {}
        # What the curves draw of the run, kept between steps.
        self._points = {name: CurvePoints() for name in ("others", "batch", "pair")}
        self._fit(0, 0, 0.0)  # before any step too: steps 0 to 10, not 0 to 1
        self.loss_curve = StepCurve(self.loss_plot, pg.mkPen(style.colour("term"), width=2))
        self.legend = self.loss_plot.addLegend(offset=(-10, 5))
        self.pair_curves = {
            form: StepCurve(self.loss_plot, pg.mkPen(style.colour(colour), width=2),
                            name=in_html(text))
            for form, colour, text in (("sigmoid", "probability", self.tr("sigmoid: 1 logit")),
                                       ("softmax", "target", self.tr("softmax: 2 logits")))}
        self.legend.setLabelTextColor(foreground)
        background = parent.palette().color(QPalette.ColorRole.Base)
        self.others_curve = RowsCurve(
            self.probability_plot, pg.mkPen(pale(style.colour("probability"), background, 0.45),
                                             width=1))
        self.selected_curve = StepCurve(self.probability_plot,
                                        pg.mkPen(style.colour("selected"), width=2.5))
        # Titles rather than axis labels: the plots are low, and the steps need no label.
        self._titles = {False: self.tr("Batch loss ({unit}) by step"),
                        True: self.tr("Loss of each form ({unit}) by step")}
        self._title = None
        self._pair_shown = None
        self._unit = "nats"
        self._scale = 1.0
        self.show_pair(False)
        self.set_scale(1.0)

    def set_scale(self, scale):
        """Titles, ticks and the legend ``scale`` times the desk's size (presentation)."""
        self._scale = scale
        font = QFont()
        font.setPointSizeF(style.text_size(1.0, scale))
        for plot in (self.loss_plot, self.probability_plot):
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)
        self.legend.setLabelTextSize(f"{style.text_size(1.0, scale):.1f}pt")
        for _, label in self.legend.items:
            label.setText(label.text)  # (laid out again at the new size)
        self._title = None
        self._show_loss_title()
        self._set_title(self.probability_plot, self.tr("p(true class) of each sample"))

    def set_unit(self, unit):
        self._unit = unit
        self._show_loss_title()

    def show_pair(self, shown):
        """Draw each form's loss (the binary pair) or the batch loss."""
        if shown != self._pair_shown:
            self._pair_shown = shown
            self.loss_curve.setVisible(not shown)
            for curve in self.pair_curves.values():
                curve.setVisible(shown)
            self.legend.setVisible(shown)
        self._show_loss_title()

    def _show_loss_title(self):
        title = self._titles[self._pair_shown].format(unit=self._unit)
        if title != self._title:
            self._title = title
            self._set_title(self.loss_plot, title)

    def _set_title(self, plot, text):
        plot.setTitle(in_html(text), color=self._foreground,
                      size=f"{style.text_size(1.0, self._scale):.1f}pt")
        settle_text_items(self.widget)

    def clear(self):
        for curve in (self.loss_curve, self.others_curve, self.selected_curve,
                      *self.pair_curves.values()):
            curve.setData([], [])
        for points in self._points.values():
            points.clear()
        self._fit(0, 0, 0.0)  # the axes of no run, not of the last one

    def show_run(self, history, selected, pair=None):
        """Draw ``history`` (a Series: the batch loss, then p(true class) of each of its
        samples) with sample ``selected`` highlighted (when it has a curve), and ``pair`` (a
        Series of the sigmoid and softmax losses) or no pair. A step that only appended rows
        to them appends points to the curves (see CurvePoints)."""
        samples = history.values.shape[1] - 1
        others = [1 + n for n in range(samples) if n != selected]
        x, y = self._points["others"].take(
            history, others, max(2, min(DRAWN_POINTS, OTHERS_POINTS // max(len(others), 1))))
        self.others_curve.setData(x.copy(), y.copy())
        # The batch loss, and the selected sample's p(true class) when it has a curve.
        has_curve = selected < samples
        x, y = self._points["batch"].take(history, [0, 1 + selected] if has_curve else [0],
                                          DRAWN_POINTS)
        x, y = x[0, :-1].copy(), y[:, :-1].copy()
        self.selected_curve.setData(*((x, y[1]) if has_curve else ([], [])))
        self.show_pair(pair is not None)
        if pair is None:
            losses = y[0]
            self.loss_curve.setData(x, losses)
        else:
            pair_x, losses = self._points["pair"].take(pair, [0, 1], DRAWN_POINTS)
            pair_x, losses = pair_x[0, :-1].copy(), losses[:, :-1].copy()
            for row, name in enumerate(("sigmoid", "softmax")):
                self.pair_curves[name].setData(pair_x, losses[row])
        self._fit(x[0], x[-1], np.nanmax(losses, initial=0.0))

    def _fit(self, first, last, highest):
        """x from the first step to the last, y from 0 to over the highest loss, each rounded
        out to round numbers: ranges that hold still for many steps (a new range redraws the
        axes)."""
        span = round_up(max(last - first, 1))
        chunk = span / 4  # the x range moves by chunks of a quarter of it
        left = math.floor(first / chunk) * chunk
        right = left + math.ceil((last - left) / chunk) * chunk
        # At least FEWEST_STEPS_SHOWN wide: after one step the axis reads 0, 2, 4, … steps, not
        # 0, 0.2, 0.4 (there is no step 0.2).
        ranges = (left, max(right, left + chunk, left + FEWEST_STEPS_SHOWN),
                  round_up(highest) or 1.0)
        if ranges != self._ranges:
            self._ranges = ranges
            self.loss_plot.setXRange(ranges[0], ranges[1], padding=0.02)
            self.loss_plot.setYRange(0.0, ranges[2], padding=0.03)
        for plot in (self.loss_plot, self.probability_plot):
            plot.getViewBox().updateMatrix()  # now, not while painting


class StepCurve(SteadyBounds, pg.PlotCurveItem):
    """A curve of the chart, added to ``plot``: a PlotCurveItem (without the PlotDataItem that
    plot() wraps it in, whose setData makes a display copy and bounds of the data), with a NaN
    or infinite point breaking the line.

    Its bounding rect (what Qt repaints for it) is its points' rect, widened by half the pen,
    as pyqtgraph's, but found in four NumPy reductions a step: pyqtgraph's takes the pixel size
    again after each setData and wraps its nanmin and nanmax in warning filters. (The plot's
    whole range would cost nothing, but repaints more than the curves cover.)"""

    def __init__(self, plot, pen, name=None):
        super().__init__(pen=pen, name=name, connect="finite")
        plot.addItem(self)

    def _fresh_bounds(self):
        x, y = self.xData, self.yData
        if x is None or not len(x):
            return QRectF()
        # (fmin and fmax pass over NaN, and give NaN for no number at all, with no warning.)
        left, right = np.fmin.reduce(x), np.fmax.reduce(x)
        low, high = np.fmin.reduce(y), np.fmax.reduce(y)
        if not np.isfinite([left, right, low, high]).all():
            return QRectF()
        pad = self.pixelPadding()  # (half the pen's width, in pixels)
        px, py = self.pixel_size()
        px, py = px * pad, py * pad
        return QRectF(left - px, low - py, right - left + 2 * px, high - low + 2 * py)

    def invalidateBounds(self):
        # (pyqtgraph calls it for new data and a new pen, not always with
        # prepareGeometryChange.)
        self.forget_bounds()
        super().invalidateBounds()


class RowsCurve(StepCurve):
    """Many curves over the same steps as one item: ``setData(x, y)`` of two (curves, points
    + 1) arrays, each row a curve's points then a NaN (CurvePoints' layout); getData gives
    them row after row.

    Its path is built a row at a time: one polygon each, as pyqtgraph's for connect="finite"
    (the same path, the same pixels), without splitting the points at each NaN first: 0.27 ms
    where pyqtgraph took 0.74 at 64 samples, at each step's paint. (Drawn as line segments,
    pyqtgraph's way for wider pens, the curves were built faster still but painted slower by
    as much, and differed where segments meet.)"""

    def __init__(self, plot, pen):
        self._rows = None  # (x, y) as given, while they are what is drawn
        super().__init__(plot, pen)

    def setData(self, x=None, y=None, **opts):
        if x is None:  # (options only: pyqtgraph's __init__)
            self._rows = None
            super().setData(**opts)
            return
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        self._rows = (x, y) if x.ndim == 2 else None
        super().setData(x.ravel(), y.ravel(), **opts)

    def generatePath(self, x, y):
        if self._rows is None or self._rows[0].shape[1] < 2:
            return super().generatePath(x, y)
        rows_x, rows_y = self._rows
        path = QPainterPath()
        path.reserve(len(x))
        polygon = pg.functions.create_qpolygonf(rows_x.shape[1])
        points = pg.functions.ndarray_from_qpolygonf(polygon)
        whole = (np.isfinite(rows_x[:, :-1]) & np.isfinite(rows_y[:, :-1])).all(axis=1)
        # Every row's polygon at once, then one copy a row (three a row took twice as long).
        polygons = np.empty(rows_x.shape + (2,))
        polygons[:, :, 0] = rows_x
        polygons[:, :, 1] = rows_y
        polygons[:, -1] = polygons[:, -2]  # (pyqtgraph's stand-in for the NaN after them)
        for row, is_whole in enumerate(whole.tolist()):
            if is_whole:
                points[:] = polygons[row]
                path.addPolygon(polygon)
            else:  # a curve with gaps (an ignored sample has no p(true class)): pyqtgraph's
                path.addPath(pg.functions.arrayToQPath(rows_x[row], rows_y[row], "finite"))
        return path


def round_up(value):
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is >= ``value`` (0 for 0 or
    less, and for what is not finite; at least 1e-300, and ``value`` past 5e307, where no
    such number is a float)."""
    if not math.isfinite(value) or value <= 0:
        return 0.0
    # (math, not NumPy: twice a step, and a quarter of the time.)
    power = 10.0 ** max(math.floor(math.log10(value)), -300)  # (10.0 ** -324 is 0)
    return next((float(f"{f * power:.12g}") for f in (1.0, 2.0, 2.5, 5.0, 10.0)
                 if value <= f * power < math.inf), float(value))
