"""The plots of the selected sample — logits, probabilities and targets, per-class loss terms,
the gradient, the −ln p curve, the sigmoid and a one-logit sweep — drawn with pyqtgraph and
updated in place on every change of the Document."""

import math
import weakref
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
import shiboken6
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol, renderSymbol
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (QBrush, QFont, QFontMetrics, QGuiApplication, QImage, QPainter,
                           QPainterPath, QPalette, QPicture, QPixmap, QTransform)
from PySide6.QtWidgets import (QComboBox, QGraphicsItem, QGraphicsLineItem, QGraphicsTextItem,
                               QHBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout,
                               QWidget)

from engine import curves
from engine import sigmoid as engine_sigmoid
from engine.activations import scale_logits
from gui.common import style
from gui.common.formatting import format_number
from gui.common.labels import SteadyLabel
from gui.common.texts import target_symbol
from gui.views.base import View
from engine.top_classes import target_mass, top_classes
from gui.common.user_text import in_html, plain, short

# The −ln p curve starts here; smaller probabilities are drawn at the top edge.
NLL_P_MIN = 1e-3
# Distribution (or multi-label) targets mark at most this many classes per sample on the −ln p
# plot: the ones with the most target mass.
MAX_POINTS_PER_SAMPLE = 5
SWEEP_POINTS = 241
# The sweep reaches this many temperatures past the current logit and the one where p = 1/2
# (p goes from ~0.0003 to ~0.9997 over ±8).
SWEEP_HALF_WIDTH = 8.0
# ... but no further than this many temperatures from the crossover.
SWEEP_MAX_REACH = 30.0
SIGMOID_HALF_WIDTH = 6.0
# Beyond this, a logit is drawn at the edge of the plot (pyqtgraph and Qt draw in float
# coordinates, but ranges of 1e300 lose every visible detail anyway).
DRAW_LIMIT = 1e6
# Class names longer than this are elided on the axes (they are whole in the descriptions).
AXIS_NAME_CHARS = 12
# Each plot's accessible description lists at most this many samples, and this many classes
# (the largest values).
DESCRIBED_SAMPLES = 20
DESCRIBED_CLASSES = 12
# Up to this many classes, each has its own coloured sweep curve and legend entry; beyond, the
# classes other than the swept one are thin grey lines.
SWEEP_COLOURED = 7
# The bar plots whose y range follows their bars (the others have fixed bounds, 0 to 1). For
# another sample the range is kept while the bars fit in it and it is at most FIT_SHRINK times
# the range they need.
FITTED_PLOTS = ("logits", "terms", "gradient")
BAR_PLOTS = ("logits", "probabilities", "terms", "gradient")
FIT_SHRINK = 3.0
_SWEEP_CYCLE = ("target", "gradient", "term", "selected", "curve", "logit")


def drawable(values, limit=DRAW_LIMIT):
    """Values safe to hand to pyqtgraph: finite, within ±limit.

    Infinite or too large values are drawn a quarter above the largest ordinary value (so the
    ordinary bars keep their scale); NaN (which the engine does not produce) is drawn as 0.

    Returns
    -------
    shown : numpy.ndarray of float
    beyond : numpy.ndarray of int
        +1 where a finite value was cut down, +2 where it was +∞ (-1 and -2 below), 0 elsewhere.
    """
    values = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(values)
    ordinary = finite & (np.abs(values) <= limit)
    shown = np.where(ordinary, values, 0.0)
    beyond = np.zeros(values.shape, dtype=np.int8)
    big = ~ordinary & ~np.isnan(values)
    if big.any():
        edge = max(1.25 * float(np.max(np.abs(shown), initial=0.0)), 1.0)
        sign = np.where(values[big] > 0, 1, -1)
        beyond[big] = np.where(np.isinf(values[big]), 2 * sign, sign)
        shown = np.where(big, np.sign(beyond) * edge, shown)
    return shown, beyond


@dataclass
class _Drag:
    row: int
    column: int
    start_value: float
    start_y: float


class _SteadyBounds:
    """For pyqtgraph items whose boundingRect() Qt asks for some twenty times per edit (to find
    what to repaint), each time through pyqtgraph's Python pixel-size arithmetic: the rect is
    computed once per change of data, pen, symbol size or view, each of which pyqtgraph
    announces with prepareGeometryChange() or viewTransformChanged() (the Qt contract).
    A subclass computes its own rect in _fresh_bounds(); by default it is pyqtgraph's."""

    _steady_bounds = None

    def boundingRect(self):
        if self._steady_bounds is None:
            self._steady_bounds = self._fresh_bounds()
        return self._steady_bounds

    def _fresh_bounds(self):
        return super().boundingRect()

    def prepareGeometryChange(self):
        self._steady_bounds = None
        super().prepareGeometryChange()
        self._steady_bounds = None  # Qt asked for the old rect inside the call

    def viewTransformChanged(self):
        self._steady_bounds = None
        super().viewTransformChanged()


class Bars(_SteadyBounds, pg.BarGraphItem):
    """A BarGraphItem with its bounding rect kept between changes."""


class Points(_SteadyBounds, pg.ScatterPlotItem):
    """A ScatterPlotItem with its bounding rect kept between changes."""

    def _updateMaxSpotSizes(self, **kwargs):
        super()._updateMaxSpotSizes(**kwargs)
        self._steady_bounds = None  # the widest symbol sets the rect's pixel margin

    def clear(self):
        super().clear()
        self._steady_bounds = None


class Markers(_SteadyBounds, pg.GraphicsObject):
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
        self._pixel = None  # a device pixel's width and height in data units
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)

    def setData(self, x=(), y=(), brush=None):
        """Show markers at (x, y), each drawn with ``brush`` when it is a list (one brush per
        point). Unchanged data changes nothing: no repaint."""
        x = np.array(x, dtype=np.float64)
        y = np.array(y, dtype=np.float64)
        if brush is None:
            brushes, slots = None, np.zeros(len(x), dtype=np.intp)
        else:
            brushes, slots = _distinct_brushes(brush)
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
        self._pixel = None
        self.prepareGeometryChange()
        super().viewTransformChanged()

    def _pixel_size(self):
        """A device pixel's width and height in data units; (0, 0) while not in a view. Kept
        until the view transform changes (pyqtgraph's pixelVectors is Python, per call)."""
        if self._pixel is None:
            px, py = self.pixelVectors()
            if px is None:
                return 0.0, 0.0
            self._pixel = (px.length(), py.length())
        return self._pixel

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
        px, py = self._pixel_size()
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
        right = -math.inf
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
        # A weak reference: the view that owns this ViewBox must not be kept alive by it. A
        # reference cycle leaves the view to the garbage collector, and PySide6 can crash when
        # that frees a pyqtgraph scene's wrappers at a random moment.
        self._drag_handler = weakref.WeakMethod(drag_handler)

    def mouseDragEvent(self, ev, axis=None):
        handler = self._drag_handler()
        if axis is None and handler is not None and handler(ev):
            return
        super().mouseDragEvent(ev, axis)


class PlotsView(View):
    """Every plot of the selected sample, updated in place from the Document's Analysis.

    It shows what ``Document.changed`` carries (drawing costs: out of sight, it catches up when
    shown) and writes only through ``Document.set_cell`` (dragging a logit bar). It has no
    signals of its own.

    Attributes
    ----------
    plot_widgets : dict of str to pyqtgraph.PlotWidget
        "logits", "probabilities", "terms", "gradient", "nll", "sigmoid", "sweep".
    logit_bars, probability_bars, target_bars, term_bars, gradient_bars : pyqtgraph.BarGraphItem
        One bar per shown class, at x = 0, 1, 2… (``shown_classes`` maps x to the class).
    logit_handles : Markers
        Grips on the logit bar tops (logits input only).
    nll_curve, nll_points, nll_selected : the −ln p curve, the true-class points of the other
        samples and of the selected one.
    sigmoid_curve, sigmoid_points : σ(z) and the selected sample's logits on it.
    logit_clip_marks, term_clip_marks, gradient_clip_marks : pyqtgraph.ScatterPlotItem
        "∞" or a triangle on each bar drawn shorter than its value.
    sweep_curves : list of pyqtgraph.PlotDataItem
        With up to SWEEP_COLOURED shown classes, curve k is class ``sweep_curve_classes[k]``;
        with more, ``sweep_curves[0]`` is the swept class and ``sweep_others`` draws the rest.
        Unused curves are hidden. sweep_points : every shown class's current point;
        sweep_marker : QGraphicsLineItem, the vertical line at the current logit.
    sweep_combo : QComboBox choosing the swept class (``set_swept_class(name)`` does the same).
    shown_classes : numpy.ndarray, the class drawn at each bar position; swept_class : int.
    sample_label, caption : QLabel, the sample shown, and which classes are shown when not all.

    The probability and sweep plots carry their legends in their titles.
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._document = document
        self._scale = 1.0
        self._drag = None
        self._sweep_choice = None  # a class name, or None for the sample's true class
        self._sweep_index = None  # (classes, index of the chosen class in them)
        self._combo_entries = None
        self._unit = None
        self._brushes = {}
        self._bar_count = None
        self._sigmoid_grid = None  # (low, high) of the drawn sigmoid curve
        self._hatched = {}  # id(bars) -> the bars drawn hatched
        self._sweep_styles = {}
        self._texts = {}  # what each title and axis label shows, to skip rewriting them
        self._pending_descriptions = {}  # plot name -> (make_text, shown, analysis)
        self._description_timer = QTimer(self, singleShot=True,
                                         interval=style.DESCRIPTION_DELAY_MS)
        self._description_timer.timeout.connect(self.describe_now)
        self._fitted = {}  # bar plot name -> the (low, high) its y range was last fitted to
        self._fit_context = {}  # bar plot name -> the _context it was last fitted in
        self._context = None  # what the user explores: the sample, classes, mode, input, options
        self._moved_by_user = set()  # bar plots whose y range the user panned or zoomed
        self._class_ticks = None
        self._sweep_window = None  # the sweep's (low, high) logits
        self._sweep_x_range = None  # the (low, high) the sweep plot's x axis was set to
        self._sweep_context = None  # the fit context and swept class the window was chosen in
        self._sweep_drawn = None  # what the sweep curves were drawn for
        self._sweep_probabilities = None
        self.shown_classes = np.arange(0)
        self.swept_class = 0
        self._build()
        self._apply_style()
        self.follow(document)
        for widget in self._plot_widgets.values():
            _give_text_items_to_qt(widget)
            _cache_text_items(widget)

    # ----------------------------------------------------------------------------- building

    def _build(self):
        palette = self.palette()
        self._background = palette.color(QPalette.ColorRole.Base)
        self._foreground = palette.color(QPalette.ColorRole.Text)

        self.sample_label = SteadyLabel(self)
        self.caption = plain(QLabel(self))
        self.caption.setWordWrap(True)
        self.caption.hide()
        header = QHBoxLayout()
        header.addWidget(self.sample_label)
        header.addStretch(1)
        header.addWidget(self.caption)

        self._plot_widgets = {}
        self._build_bar_plots()
        self._build_nll_plot()
        self._build_sigmoid_plot()
        sweep_panel = self._build_sweep_plot()

        bars = QWidget(self)
        bars_layout = QVBoxLayout(bars)
        bars_layout.setContentsMargins(0, 0, 0, 0)
        for name in ("logits", "probabilities", "terms", "gradient"):
            bars_layout.addWidget(self._plot_widgets[name])
        curves_panel = QWidget(self)
        curves_layout = QVBoxLayout(curves_panel)
        curves_layout.setContentsMargins(0, 0, 0, 0)
        curves_layout.addWidget(self._plot_widgets["nll"])
        curves_layout.addWidget(self._plot_widgets["sigmoid"])
        curves_layout.addWidget(sweep_panel)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(bars)
        splitter.addWidget(curves_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)

        names = {
            "logits": self.tr("Logits plot"),
            "probabilities": self.tr("Probabilities and targets plot"),
            "terms": self.tr("Cross-entropy terms plot"),
            "gradient": self.tr("Gradient plot"),
            "nll": self.tr("Loss curve −ln p"),
            "sigmoid": self.tr("Sigmoid curve"),
            "sweep": self.tr("Logit sweep plot"),
        }
        for name, widget in self._plot_widgets.items():
            widget.setAccessibleName(names[name])

    def _make_plot(self, name, *, view_box=None, class_axis=False):
        axes = {"bottom": ClassAxis("bottom")} if class_axis else None
        widget = pg.PlotWidget(self, background=self._background, viewBox=view_box,
                               axisItems=axes)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        widget.setMinimumSize(160, 110)
        plot = widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.layout.removeItem(plot.titleLabel)
        plot.scene().removeItem(plot.titleLabel)
        plot.titleLabel = TitleLabel("", size="11pt", parent=plot)
        plot.layout.addItem(plot.titleLabel, 0, 1)
        for axis_name in ("left", "bottom"):
            axis = plot.getAxis(axis_name)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            # "nats (x0.001)" over ticks of 100 misleads; ticks show the values themselves.
            axis.enableAutoSIPrefix(False)
            # An edit repaints the bars, and the axis under their edge with them: from a
            # pixmap, unless its ticks changed (pyqtgraph calls update() then).
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        for axis_name in ("top", "right"):
            # Hidden, but they follow the view range: with the SI prefix on, every range change
            # rewrites their label's HTML.
            plot.getAxis(axis_name).enableAutoSIPrefix(False)
        # Room for tick labels of pyqtgraph's usual width at least ("-0.25"): an axis that
        # narrowed for "4" and widened again for "2.5" would move the plot on most rescales.
        plot.getAxis("left").setStyle(autoReduceTextSpace=False)
        if class_axis:
            plot.setMouseEnabled(x=False, y=True)
        self._plot_widgets[name] = widget
        return plot

    def _build_bar_plots(self):
        self._logit_view_box = LogitViewBox(self._logit_drag)
        plot = self._make_plot("logits", view_box=self._logit_view_box, class_axis=True)
        self.logit_zero_line = self._line(plot)
        self.logit_bars = Bars(x=[], height=[], width=0.6, pen=None,
                               brush=style.colour("logit"))
        self.logit_handles = Markers(symbol="_", pen=None, brush=self._foreground)
        self.logit_clip_marks = Points(pen=None, brush=self._foreground)
        for item in (self.logit_bars, self.logit_handles, self.logit_clip_marks):
            plot.addItem(item)
        self._logit_view_box.sigResized.connect(self._resize_handles)

        plot = self._make_plot("probabilities", class_axis=True)
        self.probability_bars = Bars(x=[], height=[], width=0.4, pen=None,
                                     brush=style.colour("probability"))
        self.target_bars = Bars(x=[], height=[], width=0.4, pen=None,
                                brush=style.colour("target"))
        plot.addItem(self.probability_bars)
        plot.addItem(self.target_bars)
        plot.setYRange(0.0, 1.0, padding=0.04)
        plot.getAxis("left").setTicks(_probability_ticks())

        plot = self._make_plot("terms", class_axis=True)
        self.term_bars = Bars(x=[], height=[], width=0.6, pen=None,
                              brush=style.colour("term"))
        self.term_clip_marks = Points(pen=None, brush=self._foreground)
        plot.addItem(self.term_bars)
        plot.addItem(self.term_clip_marks)

        plot = self._make_plot("gradient", class_axis=True)
        self.gradient_zero_line = self._line(plot)
        self.gradient_bars = Bars(x=[], height=[], width=0.6, pen=None,
                                  brush=style.colour("gradient"))
        self.gradient_clip_marks = Points(pen=None, brush=self._foreground)
        plot.addItem(self.gradient_bars)
        plot.addItem(self.gradient_clip_marks)

        logits_plot = self._plot_widgets["logits"].getPlotItem()
        for name in ("probabilities", "terms", "gradient"):
            self._plot_widgets[name].getPlotItem().setXLink(logits_plot)
        # Logits, terms and the gradient have no bounds: _fit_y_range sets their y range, not
        # pyqtgraph's auto-range (which changes the range, and redraws the axis, on every edit).
        for name in FITTED_PLOTS:
            view_box = self._plot_widgets[name].getPlotItem().getViewBox()
            view_box.enableAutoRange(y=False)
            view_box.sigRangeChangedManually.connect(self._range_moved_by_user)

    def _line(self, plot, style=Qt.PenStyle.SolidLine):
        """A thin reference line (y = 0 under bars, p = 1/2 on the sigmoid). A PlotDataItem
        rather than pyqtgraph's InfiniteLine, whose boundingRect fails while a plot is being
        destroyed; ``ignoreBounds`` keeps it out of the auto-range."""
        line = pg.PlotDataItem(x=[0.0, 1.0], y=[0.0, 0.0],
                               pen=pg.mkPen(self._foreground, width=1, style=style))
        plot.addItem(line, ignoreBounds=True)
        return line

    def _build_nll_plot(self):
        plot = self._make_plot("nll")
        plot.setMouseEnabled(x=False, y=False)
        self._nll_grid = np.geomspace(NLL_P_MIN, 1.0, 400)
        self.nll_curve = pg.PlotDataItem(x=self._nll_grid, y=np.zeros_like(self._nll_grid))
        self.nll_points = Markers(pen=None, brush=style.colour("probability", 150))
        self.nll_selected = Markers(pen=self._foreground, brush=style.colour("selected"))
        for item in (self.nll_curve, self.nll_points, self.nll_selected):
            plot.addItem(item)
        plot.setXRange(0.0, 1.0, padding=0.02)
        # The curve stays while the points move: repaint it from a pixmap.
        self.nll_curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def _build_sigmoid_plot(self):
        plot = self._make_plot("sigmoid")
        plot.setMouseEnabled(x=False, y=False)
        half = self._line(plot, style=Qt.PenStyle.DotLine)
        half.setData([-50.0, 50.0], [0.5, 0.5])
        self.sigmoid_curve = pg.PlotDataItem(x=[0.0], y=[0.5])
        self.sigmoid_points = Markers(pen=self._foreground, brush=style.colour("probability"))
        for item in (self.sigmoid_curve, self.sigmoid_points):
            plot.addItem(item)
        plot.setYRange(0.0, 1.0, padding=0.05)

    def _build_sweep_plot(self):
        panel = QWidget(self)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.sweep_label = QLabel(self.tr("Sweep the logit of:"), panel)
        self.sweep_combo = QComboBox(panel)
        self.sweep_combo.setAccessibleName(self.tr("Class whose logit sweeps"))
        self.sweep_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sweep_label.setBuddy(self.sweep_combo)
        row.addWidget(self.sweep_label)
        row.addWidget(self.sweep_combo)
        row.addStretch(1)
        layout.addLayout(row)
        plot = self._make_plot("sweep")
        layout.addWidget(self._plot_widgets["sweep"], 1)
        plot.setMouseEnabled(x=False, y=False)
        # Few classes: one coloured curve each. Many: the swept class's curve, and every other
        # class in one grey item (one setData instead of forty).
        self.sweep_curves = [pg.PlotDataItem(x=[0.0], y=[0.0]) for _ in range(SWEEP_COLOURED)]
        self.sweep_others = pg.PlotDataItem(x=[0.0], y=[0.0])
        self.sweep_others.hide()
        # Thousands of points, which stay while the swept logit is edited: from a pixmap.
        self.sweep_others.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self.sweep_others)
        for curve in self.sweep_curves:
            # Editing the swept logit moves the point and the marker over the curves, which
            # stay: each repaints from a pixmap (measured: 7% of a 4 x 3 edit's instructions).
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            curve.hide()
            plot.addItem(curve)
        self.sweep_curve_classes = []
        # A plain Qt line: it moves on every edit of the swept logit, and pyqtgraph's
        # PlotDataItem would redo its data handling and bounds in Python each time.
        self.sweep_marker = QGraphicsLineItem(0.0, 0.0, 0.0, 1.0)
        self.sweep_points = Markers(pen=self._foreground)  # a brush per point, in setData
        plot.addItem(self.sweep_marker, ignoreBounds=True)
        plot.addItem(self.sweep_points)
        plot.setYRange(0.0, 1.0, padding=0.04)
        plot.getAxis("left").setTicks(_probability_ticks())
        self.sweep_combo.activated.connect(self._on_sweep_choice)
        return panel

    # ----------------------------------------------------------------------------- style

    def set_presentation(self, on):
        """Scale fonts, line widths and marker sizes by ``style.PRESENTATION_SCALE`` (on) or
        back to normal (off), for a lecture-hall projector."""
        super().set_presentation(on)

    def rescaled(self):
        self._apply_style()
        self.show_analysis(*self.state)

    @property
    def presentation(self):
        return self._scale != 1.0

    def _points(self, size):
        # From the application's font, not this widget's: a window that scales its own font
        # for presentation must not scale the plots twice.
        base = QGuiApplication.font().pointSizeF()
        return (base if base > 0 else 9.0) * size * self._scale

    def _apply_style(self):
        s = self._scale
        tick_font = QFont(self.font())
        tick_font.setPointSizeF(self._points(1.0))
        # pyqtgraph measures tick text at 0.8 of its height, which cuts off descenders (the
        # "g" of "dog"): reserve a full line for the bottom axis' labels.
        line_height = QFontMetrics(tick_font).height()
        for widget in self._plot_widgets.values():
            plot = widget.getPlotItem()
            for axis_name in ("left", "bottom"):
                axis = plot.getAxis(axis_name)
                axis.setTickFont(tick_font)
                axis.setPen(pg.mkPen(self._foreground, width=s))
                axis.update()  # setPen does not: the cached pixmap must go
            plot.getAxis("bottom").setStyle(autoExpandTextSpace=False, tickTextHeight=line_height)
        label_font = QFont(self.font())
        label_font.setPointSizeF(self._points(1.0))
        for label in (self.sample_label, self.caption, self.sweep_label, self.sweep_combo):
            label.setFont(label_font)
        bold = QFont(label_font)
        bold.setBold(True)
        self.sample_label.setFont(bold)
        self._resize_handles()
        self.logit_handles.setPen(pg.mkPen(self._foreground, width=3 * s))
        for marks in (self.logit_clip_marks, self.term_clip_marks, self.gradient_clip_marks):
            marks.setSize(16 * s)
        self.nll_curve.setPen(pg.mkPen(style.colour("curve"), width=2.5 * s))
        self.nll_points.setSize(9 * s)
        self.nll_selected.setSize(15 * s)
        self.nll_selected.setPen(pg.mkPen(self._foreground, width=1.5 * s))
        self.sigmoid_points.setSize(12 * s)
        self.sigmoid_points.setPen(pg.mkPen(self._foreground, width=1.5 * s))
        self.sweep_marker.setPen(pg.mkPen(self._foreground, width=s, style=Qt.PenStyle.DashLine))
        self.sweep_points.setSize(10 * s)
        self.sweep_others.setPen(pg.mkPen(style.colour("logit", 150), width=1.5 * s))
        self._sweep_styles = {}
        self._unit = None  # axis labels carry a font size: rewrite them

    def _set_title(self, name, text):
        key = (name, "title")
        if self._texts.get(key) == (text, self._scale):
            return
        self._texts[key] = (text, self._scale)
        plot = self._plot_widgets[name].getPlotItem()
        plot.setTitle(text, size=f"{self._points(1.1):.1f}pt", color=self._foreground)
        lines = text.count("<br>") + 1
        height = int(round((30 + 18 * (lines - 1)) * self._scale))
        # At least the room of its lines, more when a narrow plot wraps it (TitleLabel).
        plot.layout.setRowMinimumHeight(0, height)
        plot.layout.setRowMaximumHeight(0, 4 * height)
        plot.titleLabel.setMaximumHeight(4 * height)

    def _set_axis_label(self, name, axis, text):
        key = (name, axis)
        if self._texts.get(key) == (text, self._scale):
            return
        self._texts[key] = (text, self._scale)
        self._plot_widgets[name].getPlotItem().setLabel(
            axis, text, color=self._foreground.name(),
            **{"font-size": f"{self._points(1.0):.1f}pt"})

    # ----------------------------------------------------------------------------- updates

    @property
    def plot_widgets(self):
        # Up to date when read (an export, a test), also after edits made while out of sight,
        # descriptions included.
        self.catch_up()
        self.describe_now()
        return self._plot_widgets

    def show_analysis(self, analysis, selection):
        """Redraw every plot for ``analysis`` and the selected sample."""
        scenario = analysis.scenario
        n = min(selection.sample, len(scenario.rows) - 1)
        p = analysis.probabilities[n]
        swept = self._swept_class(analysis, n)
        pinned = [swept]
        if self._drag is not None:
            pinned.insert(0, self._drag.column)
        # At most half of the bars for classes with target mass: a multi-label sample can have
        # hundreds, and the most probable classes belong on the plot too.
        chosen, most_probable_only = top_classes(p, target_mass(scenario, n),
                                                 style.MAX_CLASSES_SHOWN, pinned,
                                                 mass_limit=style.MAX_CLASSES_SHOWN // 2)
        shown = np.sort(chosen)
        self.shown_classes = shown
        self.swept_class = swept
        names = [scenario.classes[c] for c in shown]
        x = np.arange(len(shown), dtype=np.float64)
        # (Options too: a temperature or weight changes the scale of what is drawn; after one,
        # the scales are fitted again rather than held.)
        self._context = (n, scenario.samples[n], scenario.classes, scenario.mode, scenario.input,
                         scenario.options)

        self._update_labels(analysis)
        self._update_header(analysis, n, shown, most_probable_only)
        self._update_class_axes(names, len(shown))
        self._update_logits(analysis, n, shown, x, names)
        self._update_probabilities(analysis, n, shown, x, names)
        self._update_terms(analysis, n, shown, x, names)
        self._update_gradient(analysis, n, shown, x, names)
        self._update_nll(analysis, n)
        self._update_sigmoid(analysis, n, shown, names)
        self._update_sweep(analysis, n, shown, names, swept)
        _apply_view_range(*(widget.getPlotItem() for widget in self._plot_widgets.values()))

    def _swept_class(self, analysis, n):
        if self._sweep_choice is not None:
            classes = analysis.scenario.classes
            if self._sweep_index is None or classes is not self._sweep_index[0]:
                index = classes.index(self._sweep_choice) if self._sweep_choice in classes else None
                self._sweep_index = (classes, index)
            if self._sweep_index[1] is not None:
                return self._sweep_index[1]
            self._sweep_choice = None  # that class is gone: back to the true class
        return analysis.true_class(n)

    def _update_labels(self, analysis):
        scenario = analysis.scenario
        symbol = target_symbol(scenario)  # y, or y′ for a smoothed target
        key = (analysis.unit, scenario.mode, scenario.input, scenario.target_kind,
               scenario.options.temperature, self._scale, symbol)
        if key == self._unit:
            return
        self._unit = key
        unit = self._unit_name(analysis.unit)
        logits_input = scenario.input == "logits"
        if logits_input:
            self._set_title("logits", self.tr("Logits z — drag a bar to change it"))
            self._set_axis_label("logits", "left", self.tr("logit z"))
        else:
            equivalent = (self.tr("ln p") if scenario.mode == "softmax"
                          else self.tr("ln p − ln(1 − p)"))
            self._set_title("logits", self.tr("Logits equivalent to the input probabilities: "
                                              "{formula}").format(formula=equivalent))
            self._set_axis_label("logits", "left", self.tr("logit"))
        # The legend is the title: inside the plot pyqtgraph's LegendItem covers bars, and in a
        # layout row of its own it took part in crashes when plots were destroyed.
        target = self.tr("labels y") if scenario.mode == "sigmoid" else \
            self.tr("target y") if symbol == "y" else self.tr("smoothed target y′")
        self._set_title("probabilities", "{p}&nbsp;&nbsp;&nbsp;{q}".format(
            p=_legend_entry(style.COLOURS["probability"], self.tr("probability p")),
            q=_legend_entry(style.COLOURS["target"], target)))
        self._set_axis_label("probabilities", "left", self.tr("probability"))
        if scenario.mode == "softmax":
            self._set_title("terms", self.tr("Cross-entropy terms −w {y} ln p per class").format(
                y=symbol))
        else:
            self._set_title("terms", self.tr("Binary cross-entropy per class"))
        self._set_axis_label("terms", "left", unit)
        self._set_title("gradient", self.tr("Gradient ∂L/∂z of the sample loss"))
        self._set_axis_label("gradient", "left", self.tr("∂L/∂z"))

        if scenario.mode == "sigmoid":
            self._set_title("nll", self.tr("Loss of each positive label: {formula}").format(
                formula=self._nll_formula(analysis.unit)))
            self._set_axis_label("nll", "bottom", self.tr("probability p of a positive label"))
        elif scenario.target_kind == "index":
            self._set_title("nll", self.tr("Loss of the true class: {formula}").format(
                formula=self._nll_formula(analysis.unit)))
            self._set_axis_label("nll", "bottom", self.tr("probability p of the true class"))
        else:
            self._set_title("nll", self.tr("Surprisal of the target classes: {formula}").format(
                formula=self._nll_formula(analysis.unit)))
            self._set_axis_label("nll", "bottom",
                                 self.tr("probability p of a class with target mass"))
        self._set_axis_label("nll", "left", unit)
        y_top = float(curves.surprisal(NLL_P_MIN, scenario.options.log_base))
        self._nll_top = y_top
        self.nll_curve.setData(self._nll_grid, curves.surprisal(self._nll_grid,
                                                                scenario.options.log_base))
        self._plot_widgets["nll"].getPlotItem().setYRange(0.0, y_top, padding=0.04)

        sigmoid_mode = scenario.mode == "sigmoid"
        title = self.tr("Sigmoid σ(z) = 1 / (1 + e<sup>−z</sup>)")
        if not sigmoid_mode:
            title = self.tr("Sigmoid σ(z) (sigmoid mode only)")
        self._set_title("sigmoid", title)
        temperature = scenario.options.temperature
        z_label = self.tr("z / T") if logits_input and temperature != 1 else self.tr("z")
        self._set_axis_label("sigmoid", "bottom", z_label)
        self._set_axis_label("sigmoid", "left", self.tr("σ"))
        colour = style.colour("curve") if sigmoid_mode else style.colour("logit", 140)
        pen_style = Qt.PenStyle.SolidLine if sigmoid_mode else Qt.PenStyle.DashLine
        self.sigmoid_curve.setPen(pg.mkPen(colour, width=2.5 * self._scale, style=pen_style))
        self._set_axis_label("sweep", "left", self.tr("probability"))

    def _unit_name(self, unit):
        return self.tr("nats") if unit == "nats" else self.tr("bits")

    def _nll_formula(self, unit):
        return self.tr("−ln p") if unit == "nats" else self.tr("−log<sub>2</sub> p")

    def _header_text(self, analysis, n, name):
        """ "Sample photo 1 — true class cat, …"; ``name`` shortens the names (``str``: whole)."""
        scenario = analysis.scenario
        sample = name(scenario.samples[n])
        loss = format_number(analysis.sample_loss[n])
        unit = self._unit_name(analysis.unit)
        predicted = name(scenario.classes[int(analysis.predicted_class[n])])
        if analysis.ignored[n]:
            return self.tr("Sample {name} — ignored (adds nothing to the loss)").format(
                name=sample)
        if scenario.target_kind == "index":
            return self.tr("Sample {name} — true class {true}, predicted {predicted}, "
                           "loss {loss} {unit}").format(
                name=sample, true=name(scenario.classes[int(scenario.targets[n])]),
                predicted=predicted, loss=loss, unit=unit)
        return self.tr("Sample {name} — predicted {predicted}, loss {loss} {unit}").format(
            name=sample, predicted=predicted, loss=loss, unit=unit)

    def _update_header(self, analysis, n, shown, most_probable_only):
        total = len(analysis.scenario.classes)
        self.sample_label.setText(self._header_text(analysis, n, short),
                                  self._header_text(analysis, n, str))
        if len(shown) < total:
            locale = _grouped_locale()
            if most_probable_only:
                caption = self.tr("Showing the {shown} most probable of {total} classes")
            else:
                caption = self.tr("Showing {shown} of {total} classes: the most probable and "
                                  "those with target mass")
            self.caption.setText(caption.format(shown=locale.toString(len(shown)),
                                                total=locale.toString(total)))
            self.caption.show()
        else:
            self.caption.hide()
            self.caption.setText("")

    def _update_class_axes(self, names, count):
        ticks = [[(float(i), short(name, AXIS_NAME_CHARS)) for i, name in enumerate(names)]]
        if ticks != self._class_ticks:  # new ticks redraw the axis: only when they change
            self._class_ticks = ticks
            for name in ("logits", "probabilities", "terms", "gradient"):
                plot = self._plot_widgets[name].getPlotItem()
                plot.getAxis("bottom").setTicks(ticks)
        if count == self._bar_count:
            return
        self._bar_count = count
        for line in (self.logit_zero_line, self.gradient_zero_line):
            line.setData([-0.6, max(count, 1) - 0.4], [0.0, 0.0])
        # The plots are x-linked: setting the logits plot's range sets all four.
        self._plot_widgets["logits"].getPlotItem().setXRange(-0.6, max(count, 1) - 0.4,
                                                           padding=0)

    def _update_logits(self, analysis, n, shown, x, names):
        scenario = analysis.scenario
        if scenario.input == "logits":
            logits = scenario.rows[n, shown]
        else:
            logits = curves.logits_from_probabilities(scenario.rows[n, shown], scenario.mode,
                                                      floor=False)
        heights, beyond = drawable(logits)
        _set_bars(self.logit_bars, x, heights)
        self._fit_y_range("logits", heights)
        self._resize_handles()  # the number of bars sets their width
        if scenario.input == "logits":
            # A clipped bar's height is not its value: it gets no grip.
            grips = beyond == 0
            self.logit_handles.setData(x=x[grips], y=heights[grips])
        else:
            self.logit_handles.setData()
        self._set_bar_brushes(self.logit_bars, "logit", beyond)
        self._set_clip_marks(self.logit_clip_marks, x, heights, beyond)
        self._describe("logits", self.tr("Logits of sample {name}").format(
            name=scenario.samples[n]), names, logits, shown, analysis)

    def _update_probabilities(self, analysis, n, shown, x, names):
        p = analysis.probabilities[n, shown]
        q = analysis.targets[n, shown]
        _set_bars(self.probability_bars, x - 0.2, drawable(p)[0])
        _set_bars(self.target_bars, x + 0.2, drawable(q)[0])
        self._describe_later("probabilities", lambda: "{}. {}".format(
            self._summary(self.tr("Probabilities"), names, p),
            self._summary(self.tr("Targets"), names, q)), shown, analysis)

    def _update_terms(self, analysis, n, shown, x, names):
        label = self.tr("Cross-entropy terms ({unit})").format(
            unit=self._unit_name(analysis.unit))
        self._update_signed_bars("terms", analysis.terms[n, shown], x, names, label, shown,
                                 analysis)

    def _update_gradient(self, analysis, n, shown, x, names):
        self._update_signed_bars("gradient", analysis.gradient[n, shown], x, names,
                                 self.tr("Gradient ∂L/∂z"), shown, analysis)

    def _update_signed_bars(self, name, values, x, names, label, shown, analysis):
        """The terms and gradient plots: bars that may be huge or infinite (hatched and
        marked where cut), on a y range that follows them."""
        bars, colour, marks = {
            "terms": (self.term_bars, "term", self.term_clip_marks),
            "gradient": (self.gradient_bars, "gradient", self.gradient_clip_marks)}[name]
        heights, beyond = drawable(values)
        _set_bars(bars, x, heights)
        self._fit_y_range(name, heights)
        self._set_bar_brushes(bars, colour, beyond)
        self._set_clip_marks(marks, x, heights, beyond)
        self._describe(name, label, names, values, shown, analysis)

    def _fit_y_range(self, name, heights):
        """Show 0 and every bar of plot ``name``, in a range of round numbers.

        While the user edits one sample the range only grows: a loss bar that shrinks as the
        true class gains must be seen shrinking, not be blown up again by a new scale (and an
        axis that stays needs no new ticks, no relayout, only one repaint of the bars). Another
        sample, other classes, mode, input or options fit it afresh, and it then also shrinks
        when the bars fill only a small part of it."""
        if name in self._moved_by_user or (name == "logits" and self._drag is not None):
            return  # the user's own view, or a bar being dragged: keep the scale still
        low = min(0.0, float(np.min(heights, initial=0.0)))
        high = max(0.0, float(np.max(heights, initial=0.0)))
        old = self._fitted.get(name)
        fitted = _round_range(low, high)
        same_context = _same_items(self._fit_context.get(name), self._context)
        self._fit_context[name] = self._context
        if old is not None and (same_context
                                or old[1] - old[0] <= FIT_SHRINK * (fitted[1] - fitted[0])):
            if old[0] <= low and high <= old[1]:
                return
            # Growing: keep the side that still holds its bars, so the axis moves once.
            fitted = (min(old[0], fitted[0]), max(old[1], fitted[1]))
        if fitted == old:
            return
        self._fitted[name] = fitted
        plot = self._plot_widgets[name].getPlotItem()
        plot.getViewBox().setYRange(*fitted)
        if self._plot_widgets[name].isVisible():  # (a hidden plot's layout waits for its size)
            _measure_left_axis(plot)
        # A new axis width moves the bars of the x-linked plots too.
        _apply_view_range(*(self._plot_widgets[bars].getPlotItem() for bars in BAR_PLOTS))

    def _range_moved_by_user(self, _mouse_enabled):
        for name in FITTED_PLOTS:
            if self._plot_widgets[name].getPlotItem().getViewBox() is self.sender():
                self._moved_by_user.add(name)

    def _handle_size(self):
        # As wide as a bar at most, so forty bars' grips do not run into each other.
        slot_pixels = self._logit_view_box.width() / max(len(self.shown_classes), 1)
        return min(18 * self._scale, max(6.0, 0.7 * slot_pixels))

    def _resize_handles(self):
        self.logit_handles.setSize(self._handle_size())

    def _set_clip_marks(self, marks, x, heights, beyond):
        """Mark the bars drawn shorter than their value: ∞ for an infinite one, a triangle
        pointing on for a huge finite one."""
        cut = beyond != 0
        if not cut.any():
            if len(marks.data):
                marks.setData(x=[], y=[])
            # Hidden while empty: pyqtgraph paints an empty scatter item too (~0.3 ms), and
            # the bars' repaint on every edit covers it.
            if marks.isVisible():
                marks.hide()
            return
        infinity = _infinity_symbol()
        symbols = [infinity if abs(code) == 2 else ("t1" if code > 0 else "t")
                   for code in beyond[cut].tolist()]
        marks.setData(x=x[cut], y=heights[cut], symbol=symbols)
        if not marks.isVisible():
            marks.show()

    def _set_bar_brushes(self, bars, colour_name, beyond):
        """Hatch the bars drawn shorter than their value (only switch brushes on change)."""
        cut = tuple(np.flatnonzero(beyond).tolist())
        if self._hatched.get(id(bars), ()) == cut:
            return
        self._hatched[id(bars)] = cut
        if not cut:
            bars.setOpts(brushes=None, brush=style.colour(colour_name))
            return
        solid = pg.mkBrush(style.colour(colour_name))
        hatched = QBrush(style.colour(colour_name), Qt.BrushStyle.BDiagPattern)
        bars.setOpts(brushes=[hatched if code else solid for code in beyond.tolist()])

    def _update_nll(self, analysis, n):
        samples, classes = self._nll_marks(analysis)
        p = analysis.probabilities[samples, classes]
        y = np.minimum(curves.surprisal(p, analysis.scenario.options.log_base), self._nll_top)
        # The selected sample's points only on nll_selected: an edit of that sample (the usual
        # one) then leaves the others' item, and its repaint, alone.
        selected = samples == n
        self.nll_points.setData(x=p[~selected], y=y[~selected])
        self.nll_selected.setData(x=p[selected], y=y[selected])
        self._describe_later("nll", lambda: self._nll_description(analysis, samples, classes, p))

    def _nll_description(self, analysis, samples, classes, p):
        scenario = analysis.scenario
        entries = [self.tr("{sample} {cls} {p}").format(
            sample=scenario.samples[s], cls=scenario.classes[c], p=format_number(v, 3))
            for s, c, v in zip(samples[:DESCRIBED_SAMPLES].tolist(),
                               classes[:DESCRIBED_SAMPLES].tolist(),
                               p[:DESCRIBED_SAMPLES].tolist())]
        text = self.tr("Curve {formula}; probability of the true class per sample: {list}").format(
            formula=self._nll_formula(analysis.unit).replace("<sub>2</sub>", "2"),
            list=", ".join(entries) if entries else self.tr("none"))
        if len(samples) > DESCRIBED_SAMPLES:
            text += self.tr(" … and {count} more").format(count=len(samples) - DESCRIBED_SAMPLES)
        return text

    @staticmethod
    def _nll_marks(analysis):
        """(sample, class) index pairs of the points on the −ln p curve."""
        scenario = analysis.scenario
        n_rows = len(scenario.rows)
        if scenario.target_kind == "index":
            keep = ~analysis.ignored
            return np.flatnonzero(keep), scenario.targets[keep].astype(np.intp)
        mass = scenario.targets
        if mass.shape[1] > MAX_POINTS_PER_SAMPLE:
            columns = np.argpartition(-mass, MAX_POINTS_PER_SAMPLE - 1, axis=1)
            columns = np.sort(columns[:, :MAX_POINTS_PER_SAMPLE], axis=1)
        else:
            columns = np.broadcast_to(np.arange(mass.shape[1]), mass.shape)
        rows = np.broadcast_to(np.arange(n_rows)[:, np.newaxis], columns.shape)
        keep = np.take_along_axis(mass, columns, axis=1) > 0
        return rows[keep], columns[keep]

    def _update_sigmoid(self, analysis, n, shown, names):
        scenario = analysis.scenario
        plot = self._plot_widgets["sigmoid"].getPlotItem()
        if scenario.mode != "sigmoid":
            self._draw_sigmoid(-SIGMOID_HALF_WIDTH, SIGMOID_HALF_WIDTH)
            self.sigmoid_points.setData()
            text = self.tr("Sigmoid curve, not used in softmax mode")
            self._describe_later("sigmoid", lambda: text)
            return
        if scenario.input == "logits":
            z = scale_logits(scenario.rows[n, shown], scenario.options.temperature)
        else:
            z = curves.logits_from_probabilities(scenario.rows[n, shown], "sigmoid")
        z = np.clip(z, -DRAW_LIMIT, DRAW_LIMIT)
        # Whole numbers of 2: the range (and the axis) changes only when a logit crosses one.
        low = max(2.0 * math.floor(min(-SIGMOID_HALF_WIDTH, float(z.min()) - 1.0) / 2.0), -50.0)
        high = min(2.0 * math.ceil(max(SIGMOID_HALF_WIDTH, float(z.max()) + 1.0) / 2.0), 50.0)
        self._draw_sigmoid(low, high)
        p = analysis.probabilities[n, shown]
        self.sigmoid_points.setData(x=np.clip(z, low, high), y=p)
        self._describe_later("sigmoid", lambda: self._sigmoid_description(
            scenario.samples[n], names, z, p), shown, analysis)

    def _sigmoid_description(self, sample, names, z, p):
        entries = [self.tr("{cls} z = {z}, p = {p}").format(
            cls=name, z=format_number(zi, 3), p=format_number(pi, 3))
            for name, zi, pi in zip(names[:DESCRIBED_CLASSES], z.tolist(), p.tolist())]
        if len(names) > DESCRIBED_CLASSES:
            entries.append("…")
        return self.tr("Sigmoid curve with the logits of sample {name}: {list}").format(
            name=sample, list=", ".join(entries))

    def _draw_sigmoid(self, low, high):
        if self._sigmoid_grid == (low, high):
            return
        self._sigmoid_grid = (low, high)
        grid = np.linspace(low, high, 400)
        self.sigmoid_curve.setData(grid, engine_sigmoid(grid))
        self._plot_widgets["sigmoid"].getPlotItem().setXRange(low, high, padding=0.02)

    def _update_sweep(self, analysis, n, shown, names, swept):
        scenario = analysis.scenario
        self._update_sweep_combo(scenario, shown, names)
        logits, temperature = curves.sweep_inputs(scenario, n)
        centre = float(np.clip(logits[swept], -DRAW_LIMIT, DRAW_LIMIT))
        # Cover the current logit and the one where p = 1/2, so the whole S shows.
        crossover = curves.crossover_logit(logits, swept, mode=scenario.mode,
                                           temperature=temperature)
        crossover = centre if crossover is None else float(np.clip(crossover, -DRAW_LIMIT,
                                                                    DRAW_LIMIT))
        context = (*self._context, swept)
        low, high = self._sweep_range(centre, crossover, temperature,
                                      _same_items(self._sweep_context, context))
        self._sweep_context = context
        values = np.linspace(low, high, SWEEP_POINTS)
        centre = float(np.clip(centre, low, high))
        swept_probabilities = curves.sweep_probabilities(
            logits, swept, values, mode=scenario.mode, temperature=temperature, classes=shown)
        current = analysis.probabilities[n, shown]
        slot_of_swept = int(np.searchsorted(shown, swept))
        # Editing the swept logit itself moves only the current point: the curves stay.
        drawn = (low, high, self.shown_classes.tolist(), slot_of_swept, self._scale)
        if drawn != self._sweep_drawn or not np.array_equal(swept_probabilities,
                                                            self._sweep_probabilities):
            self._sweep_drawn, self._sweep_probabilities = drawn, swept_probabilities
            self._draw_sweep_curves(values, swept_probabilities, slot_of_swept)
        self.sweep_points.setData(x=np.full(len(shown), centre), y=current,
                                  brush=self._sweep_point_brushes(len(shown), slot_of_swept))
        if self.sweep_marker.line().x1() != centre:
            self.sweep_marker.setLine(centre, 0.0, centre, 1.0)
        if self._sweep_x_range != (low, high):  # pyqtgraph works through an unchanged range too
            self._sweep_x_range = (low, high)
            self._plot_widgets["sweep"].getPlotItem().setXRange(low, high, padding=0)
        swept_name = scenario.classes[swept]
        legend = self._sweep_legend(names, slot_of_swept)
        self._set_title("sweep", "{title}<br><span style='font-size: {size:.1f}pt'>{legend}"
                                 "</span>".format(
                                     title=self.tr("Probabilities as z({name}) changes").format(
                                         name=in_html(short(swept_name))),
                                     size=self._points(0.9), legend=legend))
        self._set_axis_label("sweep", "bottom", self.tr("logit z({name})").format(
            name=in_html(short(swept_name, 24))))
        z = logits[swept]
        self._describe_later("sweep", lambda: self.tr(
            "Probability of each class as the logit of {name} goes from {low} to {high}; "
            "at z = {z}: {now}").format(name=swept_name, low=format_number(low, 3),
                                        high=format_number(high, 3), z=format_number(z, 3),
                                        now=self._summary(self.tr("now"), names, current)),
            shown, analysis)

    def _sweep_range(self, centre, crossover, temperature, same_context=False):
        """The logits the sweep covers: the current one and the crossover (p = 1/2), with
        SWEEP_HALF_WIDTH temperatures of room, in round numbers. The range is kept while it
        holds both with most of that room: editing the logit moves the point, not the axis.
        While one sample's sweep is being edited (``same_context``) it only grows; otherwise
        it is also fitted afresh when much wider than needed."""
        # A logit far from the crossover (p = 0 as ln 1e-300 ≈ -690) would squeeze the S into
        # a step: the window never reaches further than this, and the point is drawn at its edge.
        furthest = (crossover - SWEEP_MAX_REACH * temperature,
                    crossover + SWEEP_MAX_REACH * temperature)

        def reach(margin):
            return (max(min(centre, crossover) - margin, furthest[0]),
                    min(max(centre, crossover) + margin, furthest[1]))

        low, high = reach(SWEEP_HALF_WIDTH * temperature)
        kept = self._sweep_window
        if kept is not None:
            core_low, core_high = reach(0.75 * SWEEP_HALF_WIDTH * temperature)
            holds = kept[0] <= core_low and core_high <= kept[1]
            if holds and (same_context or kept[1] - kept[0] <= 1.5 * (high - low)):
                return kept
            if same_context:  # grow, within the reach that keeps the S readable
                low = max(min(low, kept[0]), furthest[0])
                high = min(max(high, kept[1]), furthest[1])
        if high - low > 1e-9 * max(abs(low), abs(high)):  # else no rounding could show
            step = _round_step((high - low) / 8)
            low = float(f"{math.floor(low / step) * step:.12g}")
            high = float(f"{math.ceil(high / step) * step:.12g}")
        self._sweep_window = (low, high)
        return low, high

    def _draw_sweep_curves(self, values, probabilities, swept_slot):
        count = probabilities.shape[1]
        if count <= SWEEP_COLOURED:
            slots = list(range(count))
            colours = self._sweep_colours(count, swept_slot)
        else:
            slots = [swept_slot]
            colours = ["probability"]
        self.sweep_curve_classes = [int(self.shown_classes[k]) for k in slots]
        for k, (curve, slot, colour) in enumerate(zip(self.sweep_curves, slots, colours)):
            curve.setData(values, probabilities[:, slot])
            width = (3.5 if slot == swept_slot else 2.0) * self._scale
            if self._sweep_styles.get(k) != (colour, width):
                self._sweep_styles[k] = (colour, width)
                curve.setPen(pg.mkPen(style.colour(colour), width=width))
            curve.setZValue(1 if slot == swept_slot else 0)
            curve.show()
        for curve in self.sweep_curves[len(slots):]:
            if curve.isVisible():
                curve.hide()
        if count <= SWEEP_COLOURED:
            if self.sweep_others.isVisible():
                self.sweep_others.hide()
            return
        others = np.delete(np.arange(count), swept_slot)
        # Every other class's curve in one item: a break after each curve's last point.
        x = np.tile(values, len(others))
        y = probabilities[:, others].T.ravel()
        connect = np.ones(len(x), dtype=bool)
        connect[len(values) - 1::len(values)] = False
        self.sweep_others.setData(x, y, connect=connect)
        self.sweep_others.show()

    def _sweep_colours(self, count, swept_slot):
        """The colour name of each shown class's sweep curve (the swept one is blue)."""
        cycle = iter(_SWEEP_CYCLE * 2)
        return ["probability" if k == swept_slot else next(cycle) for k in range(count)]

    def _sweep_point_brushes(self, count, swept_slot):
        if count <= SWEEP_COLOURED:
            names = self._sweep_colours(count, swept_slot)
        else:
            names = ["probability" if k == swept_slot else "logit" for k in range(count)]
        # The same QBrush objects every time: Markers renders a symbol per distinct object.
        for name in set(names) - set(self._brushes):
            self._brushes[name] = pg.mkBrush(style.colour(name))
        return [self._brushes[name] for name in names]

    def _sweep_legend(self, names, swept_slot):
        """The sweep's legend, an HTML line under its title: each class's colour and name
        (with many classes, the swept one and "other classes")."""
        count = len(names)
        if count <= SWEEP_COLOURED:
            colours = self._sweep_colours(count, swept_slot)
            entries = [_legend_entry(style.COLOURS[colour], short(name, AXIS_NAME_CHARS),
                                     line=True)
                       for colour, name in zip(colours, names)]
        else:
            entries = [_legend_entry(style.COLOURS["probability"],
                                     short(names[swept_slot], AXIS_NAME_CHARS), line=True),
                       _legend_entry(style.COLOURS["logit"], self.tr("other classes"),
                                     line=True)]
        return "&nbsp;&nbsp;".join(entries)

    def _update_sweep_combo(self, scenario, shown, names):
        entries = tuple(names)
        choice = self._sweep_choice
        if entries != self._combo_entries:
            self._combo_entries = entries
            blocker = self.sweep_combo.blockSignals(True)
            self.sweep_combo.clear()
            self.sweep_combo.addItem(self.tr("the true class"), None)
            for name in names:
                self.sweep_combo.addItem(short(name), name)
            self.sweep_combo.blockSignals(blocker)
        index = self.sweep_combo.findData(choice) if choice is not None else 0
        if index != self.sweep_combo.currentIndex():
            blocker = self.sweep_combo.blockSignals(True)
            self.sweep_combo.setCurrentIndex(max(index, 0))
            self.sweep_combo.blockSignals(blocker)

    def _on_sweep_choice(self, index):
        self.set_swept_class(self.sweep_combo.itemData(index))

    def set_swept_class(self, name):
        """Sweep the logit of the class called ``name`` (None: the selected sample's true
        class)."""
        if name != self._sweep_choice:
            self._sweep_choice = name
            self._sweep_index = None
            self.show_analysis(*self.state)

    # ----------------------------------------------------------------------------- descriptions

    def _summary(self, label, names, values):
        """"Label: cat 0.879, dog 0.119, pig 0.00218"; past DESCRIBED_CLASSES classes, the
        largest in size first and "…" for the rest (a listener wants those, not forty)."""
        values = np.asarray(values, dtype=np.float64)
        order = range(len(values))
        if len(values) > DESCRIBED_CLASSES:
            order = np.argsort(-np.abs(np.nan_to_num(values, posinf=np.inf)),
                               kind="stable")[:DESCRIBED_CLASSES].tolist()
        parts = ", ".join(f"{names[k]} {format_number(values[k], 3)}" for k in order)
        if len(values) > DESCRIBED_CLASSES:
            parts += ", …"
        return self.tr("{label}: {values}").format(label=label, values=parts)

    def _describe(self, plot_name, label, names, values, shown, analysis):
        self._describe_later(plot_name, lambda: self._summary(label, names, values), shown,
                             analysis)

    def _describe_later(self, plot_name, make_text, shown=None, analysis=None):
        """Have ``make_text()`` (and, when not all classes are shown, how many are) be the
        accessible description of plot ``plot_name`` style.DESCRIPTION_DELAY_MS after the
        last change, or at once on :meth:`describe_now`."""
        self._pending_descriptions[plot_name] = (make_text, shown, analysis)
        self._description_timer.start()

    def describe_now(self):
        """Write the descriptions still waiting for their delay."""
        pending, self._pending_descriptions = self._pending_descriptions, {}
        self._description_timer.stop()
        for plot_name, (make_text, shown, analysis) in pending.items():
            text = make_text()
            total = 0 if analysis is None else len(analysis.scenario.classes)
            if shown is not None and len(shown) < total:
                locale = _grouped_locale()
                text += self.tr(" (showing {shown} of {total} classes)").format(
                    shown=locale.toString(len(shown)), total=locale.toString(total))
            widget = self._plot_widgets[plot_name]
            if widget.accessibleDescription() != text:
                widget.setAccessibleDescription(text)

    # ----------------------------------------------------------------------------- dragging

    def _logit_drag(self, ev):
        """Drag a logit bar up or down: the logit follows the mouse, live, through
        ``Document.set_cell`` (the edits of one cell merge into one undo step). Returns whether
        the drag was taken; the ViewBox pans the view otherwise."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        view_box = self._logit_view_box
        if ev.isStart():
            self._drag = self._start_drag(view_box.mapToView(ev.buttonDownPos()))
            if self._drag is None:
                return False
        if self._drag is None:
            return False
        ev.accept()
        drag = self._drag
        y = view_box.mapToView(ev.pos()).y()
        value = self._rounded(drag.start_value + (y - drag.start_y))
        if ev.isFinish():
            self._drag = None
            self._moved_by_user.discard("logits")  # a drag puts the logits' range back in charge
        if self._document.scenario.rows[drag.row, drag.column] != value:
            self._document.set_cell(drag.row, drag.column, value)
        if ev.isFinish():
            self._fit_y_range("logits", self.logit_bars.opts["height"])
        return True

    def _start_drag(self, position):
        scenario = self._document.scenario
        if scenario.input != "logits":
            return None
        slot = int(round(position.x()))
        if not (0 <= slot < len(self.shown_classes)) or abs(position.x() - slot) > 0.45:
            return None
        row = self.state[1].sample
        column = int(self.shown_classes[slot])
        value = float(scenario.rows[row, column])
        if not abs(value) <= DRAW_LIMIT:
            return None  # drawn clipped: the bar's height is not its value
        return _Drag(row, column, value, position.y())

    def _rounded(self, value):
        # Round to about a pixel's worth of the view, so dragged logits read 2.35, not 2.3471829.
        low, high = self._logit_view_box.viewRange()[1]
        span = high - low
        if not (span > 0 and math.isfinite(span)):
            return float(value)
        decimals = max(0, -math.floor(math.log10(span / 200)))
        return float(round(value, decimals))

    def logit_bar_position(self, column):
        """The view coordinates of the top of ``column``'s logit bar (for tests and tours)."""
        slot = int(np.searchsorted(self.shown_classes, column))
        heights = self.logit_bars.opts["height"]
        return QPointF(float(slot), float(heights[slot]))


def _legend_entry(colour, text, line=False):
    """A legend entry in HTML: a coloured square (bars) or dash (curves) and the escaped
    text."""
    mark = "━" if line else "■"
    return f"<span style='color: {colour}'>{mark}</span>&nbsp;{in_html(text)}"


def _give_text_items_to_qt(plot_widget):
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


def _cache_text_items(plot_widget):
    """Draw the titles and axis labels from pixmaps: an edit repaints the items next to them
    (and so them), while their text seldom changes (``setHtml`` renews the pixmap)."""
    for item in plot_widget.scene().items():
        if isinstance(item, QGraphicsTextItem):
            item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


_INFINITY_SYMBOL = []


def _infinity_symbol():
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


def _probability_ticks():
    locale = QLocale()
    # Quarter ticks are a second level, which pyqtgraph labels only when there is room.
    return [[(v, locale.toString(v, "g", 3)) for v in (0.0, 0.5, 1.0)],
            [(v, locale.toString(v, "g", 3)) for v in (0.25, 0.75)]]


def _set_bars(bars, x, heights):
    """Move the bars, unless they already stand there: an unchanged item is not redrawn (a
    logit edit leaves the targets as they are)."""
    if not (np.array_equal(bars.opts["x"], x) and np.array_equal(bars.opts["height"], heights)):
        bars.setOpts(x=x, height=heights)


def _apply_view_range(*plots):
    """Move the plots' contents to their new view range now. pyqtgraph does it just before
    painting, and moving items while painting asks for a second paint."""
    for plot in plots:
        plot.getViewBox().updateMatrix()


def _measure_left_axis(plot):
    """Let pyqtgraph fit the left axis' width to its new tick labels now, and lay the plot out
    again. It measures them while painting, and a width change then needs a second paint."""
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


def _same_items(a, b):
    """Whether two tuples hold equal items; an item that is the very same object (the class
    names of 50,000 classes, from one edit to the next) is not compared element by element."""
    return a is not None and b is not None and len(a) == len(b) and \
        all(x is y or x == y for x, y in zip(a, b))


def _round_range(low, high):
    """A range of round numbers around [low, high] (low <= 0 <= high), with some room on the
    sides that have bars, so that the next edits still fit: [-3, 2.9] gives (-4, 4)."""
    span = high - low
    if not span / 4 > 0:
        return 0.0, 1.0
    step = _round_step(span / 4)
    room = 0.1 * span
    bottom = math.floor((low - room) / step) * step if low < 0 else 0.0
    top = math.ceil((high + room) / step) * step if high > 0 else 0.0
    # 3 * 0.2 is 0.6000000000000001: round off the last bits, for ticks that read 0.6.
    return float(f"{bottom:.12g}"), float(f"{top:.12g}")


def _round_step(value):
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is >= value (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= value:
            return factor * power
    return 10.0 * power


def _grouped_locale():
    """The user's locale, but always with thousands separators ("50,000"; the C locale omits
    them by default)."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale

