"""The sweep plot: every shown class's probability as the logit of one class (the true class,
or the one chosen in its combo box) sweeps while the others stay, with a marker at the current
logit."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGraphicsItem, QGraphicsLineItem, QHBoxLayout, QLabel,
                               QVBoxLayout, QWidget)

from engine import curves
from gui.common import style
from gui.common.formatting import format_number
from gui.common.user_text import in_html, short
from gui.views.plots.base import Plot
from gui.views.plots.items import legend_entry, probability_ticks
from gui.views.plots.markers import Markers
from gui.views.plots.scales import DRAW_LIMIT, SweepWindow

SWEEP_POINTS = 241
# Class names longer than this are cut in the legend (they are whole in the descriptions).
LEGEND_NAME_CHARS = 12
# Up to this many classes, each has its own coloured sweep curve and legend entry; beyond, the
# classes other than the swept one are thin grey lines.
SWEEP_COLOURED = 7
# How opaque the grey of the other classes' curves looks over the plot's background.
OTHERS_ALPHA = 150
# The other classes' curves take every OTHERS_STEP-th of the SWEEP_POINTS (both ends included:
# SWEEP_POINTS - 1 is a multiple of it).
OTHERS_STEP = 2
# The curves are drawn again only when a point of them would move by more than this part of a
# device pixel (or the window, the classes or the style change): a step of Play moves them by
# about a hundredth of a pixel (64 x 1000), and redrawing their thousands of points took
# ~1.5 ms of each frame. What is drawn never strays further than this from the exact curves;
# a resize or an image export draws the exact ones (the room, and so a pixel, changed).
CURVE_TOLERANCE_PIXELS = 0.25
# The curves are taken as within the tolerance without working out their points while the
# logits show they moved by at most this share of it (see SweepCurves.largest_move).
BOUND_SHARE = 0.9
_SWEEP_CYCLE = ("target", "gradient", "term", "selected", "curve", "logit")


class SweepPlot(Plot):
    """Its legend is a line of its own between its class chooser and the plot.

    Attributes
    ----------
    curves : list of pyqtgraph.PlotDataItem
        With up to SWEEP_COLOURED shown classes, curve k is class ``curve_classes[k]``; with
        more, ``curves[0]`` is the swept class and ``others`` draws the rest. Unused curves are
        hidden.
    points : Markers, every shown class's current point; marker : QGraphicsLineItem, the
        vertical line at the current logit.
    combo : QComboBox choosing the swept class (``set_swept_class(name)`` does the same).
    legend : QLabel, each curve's colour and class.
    swept_class : int, the class whose logit sweeps.
    """

    name = "sweep"

    def __init__(self, parent):
        super().__init__(parent)
        self._choice = None  # a class name, or None for the sample's true class
        self._choice_index = None  # (classes, index of the chosen class in them)
        self._combo_entries = None
        self._brushes = {}
        self._styles = {}
        self._window = SweepWindow()
        self._x_range = None  # the (low, high) the x axis was set to
        self._drawn = None  # what the curves were drawn for
        self._drawn_sweep = None  # the SweepCurves they were drawn with
        self._checked = (None, 0.0)  # the SweepCurves last compared with them, and how far
        self._latest = None  # (shown, values, SweepCurves, slot) of the latest update
        self.swept_class = 0
        self.curve_classes = []
        self._panel = self._build_panel(parent)
        self._build_items()
        self.widget.setAccessibleName(self.tr("Logit sweep plot"))

    def _build_panel(self, parent):
        panel = QWidget(parent)
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.label = QLabel(self.tr("Sweep the logit of:"), panel)
        self.combo = QComboBox(panel)
        self.combo.setAccessibleName(self.tr("Class whose logit sweeps"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label.setBuddy(self.combo)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        row.addStretch(1)
        layout.addLayout(row)
        # The legend, outside the plot: over it, it would cover the curves or the title. HTML
        # for the colours; every name in it is escaped (in_html).
        self.legend = QLabel(panel)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(self.tr("Legend of the sweep plot"))
        layout.addWidget(self.legend)
        layout.addWidget(self.widget, 1)
        self.combo.activated.connect(self._on_choice)
        return panel

    def _build_items(self):
        plot = self.item
        plot.setMouseEnabled(x=False, y=False)
        # Few classes: one coloured curve each. Many: the swept class's curve, and every other
        # class in one grey item (one setData instead of forty).
        self.curves = [pg.PlotDataItem(x=[0.0], y=[0.0]) for _ in range(SWEEP_COLOURED)]
        self.others = pg.PlotDataItem(x=[0.0], y=[0.0])
        self.others.hide()
        # Thousands of points, which stay while the swept logit is edited: from a pixmap.
        self.others.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        plot.addItem(self.others)
        for curve in self.curves:
            # Editing the swept logit moves the point and the marker over the curves, which
            # stay: each repaints from a pixmap (measured: 7% of a 4 x 3 edit's instructions).
            curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
            curve.hide()
            plot.addItem(curve)
        # A plain Qt line: it moves on every edit of the swept logit, and pyqtgraph's
        # PlotDataItem would redo its data handling and bounds in Python each time.
        self.marker = QGraphicsLineItem(0.0, 0.0, 0.0, 1.0)
        self.points = Markers(pen=self.foreground)  # a brush per point, in setData
        plot.addItem(self.marker, ignoreBounds=True)
        plot.addItem(self.points)
        plot.setYRange(0.0, 1.0, padding=0.04)
        plot.getAxis("left").setTicks(probability_ticks())
        plot.getViewBox().sigResized.connect(self.draw_exact_curves)

    def panel(self):
        return self._panel

    def apply_style(self, scale):
        super().apply_style(scale)
        font = self.widget.font()
        font.setPointSizeF(self.text_size(1.0))
        self.label.setFont(font)
        self.combo.setFont(font)
        self.legend.setFont(font)
        self.marker.setPen(pg.mkPen(self.foreground, width=self.line_width(1.0),
                                     style=Qt.PenStyle.DashLine))
        self.points.setSize(10 * scale)
        # One opaque pixel wide, in the grey a translucent line shows on this background: a
        # Play frame redraws these thousands of points, and a wider or translucent pen took
        # Qt's slow stroker (measured: 10.7 ms of a 64 x 1000 frame, 1 ms opaque).
        self.others.setPen(pg.mkPen(style.blended("logit", OTHERS_ALPHA, self.background),
                                    width=self.line_width(1.0)))
        self._styles = {}

    # ----------------------------------------------------------------------------- the class

    def pinned(self, analysis, n):
        return (self._swept(analysis, n),)

    def _swept(self, analysis, n):
        if self._choice is not None:
            classes = analysis.scenario.classes
            if self._choice_index is None or classes is not self._choice_index[0]:
                index = classes.index(self._choice) if self._choice in classes else None
                self._choice_index = (classes, index)
            if self._choice_index[1] is not None:
                return self._choice_index[1]
            self._choice = None  # that class is gone: back to the true class
        return analysis.true_class(n)

    def set_swept_class(self, name):
        """Sweep the logit of the class called ``name`` (None: the selected sample's true
        class)."""
        if name != self._choice:
            self._choice = name
            self._choice_index = None
            self.redraw_wanted.emit()

    def _on_choice(self, index):
        self.set_swept_class(self.combo.itemData(index))

    def _update_combo(self, names):
        entries = tuple(names)
        if entries != self._combo_entries:
            self._combo_entries = entries
            blocker = self.combo.blockSignals(True)
            self.combo.clear()
            self.combo.addItem(self.tr("the true class"), None)
            for name in names:
                self.combo.addItem(short(name), name)
            self.combo.blockSignals(blocker)
        index = self.combo.findData(self._choice) if self._choice is not None else 0
        if index != self.combo.currentIndex():
            blocker = self.combo.blockSignals(True)
            self.combo.setCurrentIndex(max(index, 0))
            self.combo.blockSignals(blocker)

    # ----------------------------------------------------------------------------- drawing

    def update(self, frame):
        scenario, shown, names = frame.scenario, frame.shown, frame.names
        swept = self.swept_class = self._swept(frame.analysis, frame.n)
        self._update_combo(names)
        logits, temperature = curves.sweep_inputs(scenario, frame.n)
        centre = float(np.clip(logits[swept], -DRAW_LIMIT, DRAW_LIMIT))
        # Cover the current logit and the one where p = 1/2, so the whole S shows.
        exact_crossover = curves.crossover_logit(logits, swept, mode=scenario.mode,
                                                 temperature=temperature)
        crossover = centre if exact_crossover is None else float(
            np.clip(exact_crossover, -DRAW_LIMIT, DRAW_LIMIT))
        low, high = self._window.fit(centre, crossover, temperature, (*frame.context, swept))
        values = np.linspace(low, high, SWEEP_POINTS)
        centre = float(np.clip(centre, low, high))
        sweep = SweepCurves(logits, swept, values, scenario.mode, temperature, shown,
                            exact_crossover)
        slot = int(np.searchsorted(shown, swept))
        # Editing the swept logit itself moves only the current point: the curves stay.
        drawn = (low, high, shown.tolist(), slot, self.scale)
        self._latest = (shown, values, sweep, slot)
        if drawn != self._drawn or not self._within_tolerance(sweep):
            self._drawn = drawn
            self.draw_exact_curves()
        self.points.setData(x=np.full(len(shown), centre),
                            y=frame.analysis.probabilities[frame.n, shown],
                            brush=self._point_brushes(len(shown), slot))
        if self.marker.line().x1() != centre:
            self.marker.setLine(centre, 0.0, centre, 1.0)
        if self._x_range != (low, high):  # pyqtgraph works through an unchanged range too
            self._x_range = (low, high)
            self.item.setXRange(low, high, padding=0)
        self._write_labels(scenario.classes[swept], names, slot)
        self._swept_range = (float(logits[swept]), low, high)  # for the description

    def _within_tolerance(self, sweep):
        """Whether the curves drawn are within CURVE_TOLERANCE_PIXELS of ``sweep``'s (of the
        same window and classes) on the screen. ``sweep``'s thousands of points are worked out
        only when the logits cannot show it: the curves last worked out lay ``gap`` from the
        drawn ones, and moved since by at most SweepCurves.largest_move."""
        view = self.item.getViewBox()
        low, high = view.viewRange()[1]
        pixels = view.height() * self.widget.devicePixelRatioF()
        tolerance = CURVE_TOLERANCE_PIXELS * (high - low) / pixels if pixels > 0 else 0.0
        checked, gap = self._checked
        # (With room to spare for rounding: the exact comparison would say the same.)
        if gap + sweep.largest_move(checked) <= BOUND_SHARE * tolerance:
            return True
        gap = float(np.max(np.abs(sweep.probabilities() - self._drawn_sweep.probabilities())))
        self._checked = (sweep, gap)
        return gap <= tolerance

    def draw_exact_curves(self):
        """Draw the curves of the latest update, unless they are drawn already."""
        if self._latest is None or self._latest[2] is self._drawn_sweep:
            return
        shown, values, sweep, slot = self._latest
        self._drawn_sweep = sweep
        self._checked = (sweep, 0.0)
        self._draw_curves(shown, values, sweep.probabilities(), slot)

    def image(self):
        self.draw_exact_curves()
        return super().image()

    def short_name(self):
        return self.tr("Logit sweep")

    def _write_labels(self, swept_name, names, slot):
        if not self.relabel((names, slot)):  # (names[slot] is the swept name)
            return  # (the usual case: Play and most edits change only numbers)
        name = in_html(short(swept_name))
        self.set_title(self.tr("Probabilities as z({name}) changes").format(name=name),
                       self.tr("p as z({name}) changes").format(name=name))
        legend = self._legend(names, slot)
        if legend != self.legend.text():
            self.legend.setText(legend)
        self.set_axis_label("bottom", self.tr("logit z({name})").format(
            name=in_html(short(swept_name, 24))))
        self.set_axis_label("left", self.tr("probability"))

    def _draw_curves(self, shown, values, probabilities, swept_slot):
        count = probabilities.shape[1]
        if count <= SWEEP_COLOURED:
            slots = list(range(count))
            colours = self._colours(count, swept_slot)
        else:
            slots = [swept_slot]
            colours = ["probability"]
        self.curve_classes = [int(shown[k]) for k in slots]
        for k, (curve, slot, colour) in enumerate(zip(self.curves, slots, colours)):
            curve.setData(values, probabilities[:, slot])
            width = self.line_width(3.5 if slot == swept_slot else 2.0)
            if self._styles.get(k) != (colour, width):
                self._styles[k] = (colour, width)
                curve.setPen(pg.mkPen(style.colour(colour), width=width))
            curve.setZValue(1 if slot == swept_slot else 0)
            curve.show()
        for curve in self.curves[len(slots):]:
            if curve.isVisible():
                curve.hide()
        if count <= SWEEP_COLOURED:
            if self.others.isVisible():
                self.others.hide()
            return
        others = np.delete(np.arange(count), swept_slot)
        # Every other class's curve in one item: a break after each curve's last point. Every
        # OTHERS_STEP-th point of the sweep (its ends included): one-pixel grey lines on a
        # plot a few hundred pixels wide look the same, and a Play frame redraws them all.
        values, probabilities = values[::OTHERS_STEP], probabilities[::OTHERS_STEP]
        x = np.tile(values, len(others))
        y = probabilities[:, others].T.ravel()
        connect = np.ones(len(x), dtype=bool)
        connect[len(values) - 1::len(values)] = False
        self.others.setData(x, y, connect=connect)
        self.others.show()

    @staticmethod
    def _colours(count, swept_slot):
        """The colour name of each shown class's curve (the swept one is blue)."""
        cycle = iter(_SWEEP_CYCLE * 2)
        return ["probability" if k == swept_slot else next(cycle) for k in range(count)]

    def _point_brushes(self, count, swept_slot):
        if count <= SWEEP_COLOURED:
            names = self._colours(count, swept_slot)
        else:
            names = ["probability" if k == swept_slot else "logit" for k in range(count)]
        # The same QBrush objects every time: Markers renders a symbol per distinct object.
        for name in set(names) - set(self._brushes):
            self._brushes[name] = pg.mkBrush(style.colour(name))
        return [self._brushes[name] for name in names]

    def _legend(self, names, swept_slot):
        """The legend, an HTML line over the plot: each class's colour and name (with many
        classes, the swept one and "other classes")."""
        count = len(names)
        if count <= SWEEP_COLOURED:
            colours = self._colours(count, swept_slot)
            entries = [legend_entry(style.COLOURS[colour], short(name, LEGEND_NAME_CHARS),
                                    line=True)
                       for colour, name in zip(colours, names)]
        else:
            entries = [legend_entry(style.COLOURS["probability"],
                                    short(names[swept_slot], LEGEND_NAME_CHARS), line=True),
                       legend_entry(style.COLOURS["logit"], self.tr("other classes"),
                                    line=True)]
        return "&nbsp; ".join(entries)  # (a space between entries: the line can wrap there)

    def description(self, frame):
        swept_name = frame.scenario.classes[self.swept_class]
        z, low, high = self._swept_range
        names, now = frame.names, frame.analysis.probabilities[frame.n, frame.shown]
        return lambda: self.tr(
            "Probability of each class as the logit of {name} goes from {low} to {high}; "
            "at z = {z}: {now}").format(name=swept_name, low=format_number(low, 3),
                                        high=format_number(high, 3), z=format_number(z, 3),
                                        now=self.summary(self.tr("now"), names, now))


class SweepCurves:
    """The sweep curves of one update: every shown class's probability at each of ``values``
    of the swept logit (curves.sweep_probabilities), worked out when first asked for.

    ``exact_crossover`` is curves.crossover_logit's for these logits (None: one class):
    T times the log-sum-exp Λ of the other scaled logits, which bounds how far the curves
    moved (``largest_move``)."""

    def __init__(self, logits, swept, values, mode, temperature, shown, exact_crossover):
        self.logits, self.swept, self.values = logits, swept, values
        self.mode, self.temperature, self.shown = mode, temperature, shown
        self.exact_crossover = exact_crossover
        self._probabilities = None

    def probabilities(self):
        """numpy.ndarray (values, shown classes)."""
        if self._probabilities is None:
            self._probabilities = curves.sweep_probabilities(
                self.logits, self.swept, self.values, mode=self.mode,
                temperature=self.temperature, classes=self.shown)
        return self._probabilities

    def largest_move(self, other):
        """An upper bound of how far any point of these curves lies from ``other``'s (the
        same values, classes, swept class, mode and temperature), from the logits alone;
        infinity when it cannot tell.

        Softmax, with a = z/T, s = v/T and the log-sum-exp Λ of the other scaled logits: a
        class j other than the swept one c has p_j(v) = u_j θ(v), its share u_j = e^(a_j − Λ)
        (≤ 1) of the others' mass times θ(v) = σ(Λ − s), and p_c(v) = 1 − θ(v). As
        σ' ≤ 1/4, θ moves by at most |ΔΛ|/4 at every v; u_j by u_j (e^|Δa_j − ΔΛ| − 1). So
        |Δp_j| ≤ |Δu_j| θ' + u_j |Δθ| ≤ u_j (e^|Δa_j − ΔΛ| − 1 + |ΔΛ|/4), |Δp_c| ≤ |ΔΛ|/4."""
        if (other is None or self.mode != "softmax" or other.mode != "softmax"
                or self.exact_crossover is None or other.exact_crossover is None
                or self.temperature != other.temperature or self.swept != other.swept
                or not np.array_equal(self.shown, other.shown)):
            return np.inf
        with np.errstate(all="ignore"):
            a_now = self.logits[self.shown] / self.temperature
            a_then = other.logits[other.shown] / other.temperature
            lse_now = self.exact_crossover / self.temperature
            lse_then = other.exact_crossover / other.temperature
            shift = abs(lse_now - lse_then)
            share = np.exp(a_then - lse_then)
            moves = share * (np.expm1(np.abs((a_now - a_then) - (lse_now - lse_then)))
                             + shift / 4)
            largest = max(float(np.max(np.where(self.shown == self.swept, 0.0, moves),
                                       initial=0.0)), shift / 4)
        # Huge or infinite logits (NaN here) are left to the exact comparison.
        finite = np.all(np.abs(a_now) < 1e300) and np.all(np.abs(a_then) < 1e300)
        return largest if finite and np.isfinite(largest) else np.inf
