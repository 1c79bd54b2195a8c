"""The −ln p plot: the loss of a probability given to the right answer as a curve, with every
sample's true-class probability (or the target classes' ones) on it; with several models, each
model's in its colour, the shown model's in front."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

from engine import curves
from gui.common import style
from gui.common.formatting import format_number
from gui.views.plots.base import DESCRIBED_SAMPLES, Plot
from gui.views.plots.items import Points

# The −ln p curve starts here; smaller probabilities are drawn at the top edge.
NLL_P_MIN = 1e-3
# Distribution (or multi-label) targets mark at most this many classes per sample: the ones
# with the most target mass.
MAX_POINTS_PER_SAMPLE = 5


class NllPlot(Plot):
    """Attributes
    ----------
    curve : pyqtgraph.PlotDataItem, −ln p (or −log2 p).
    points, selected : Points, the shown model's points of the other samples (in the model's
        colour) and of the selected one.
    model_points : list of Points, with several models the other models' points, smaller and
        paler behind the shown model's (the first ``len(models) - 1`` in use, in model order).
    """

    name = "nll"

    def __init__(self, parent):
        super().__init__(parent)
        self.item.setMouseEnabled(x=False, y=False)
        self._grid = np.geomspace(NLL_P_MIN, 1.0, 400)
        self._top = None  # the loss at NLL_P_MIN: the top of the plot
        self.curve = pg.PlotDataItem(x=self._grid, y=np.zeros_like(self._grid))
        self.points = Points(pen=None, brush=style.model_colour(0, 150))
        self.selected = Points(pen=self.foreground, brush=style.colour("selected"))
        self.model_points = []
        self._model = 0  # the shown model, whose colour ``points`` has
        for item in (self.curve, self.points, self.selected):
            self.item.addItem(item)
        self.item.setXRange(0.0, 1.0, padding=0.02)
        # The curve stays while the points move: repaint it from a pixmap.
        self.curve.curve.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.widget.setAccessibleName(self.tr("Loss curve −ln p"))

    def lists_classes(self, frame):
        return False

    def apply_style(self, scale):
        super().apply_style(scale)
        self.curve.setPen(pg.mkPen(style.colour("curve"), width=self.line_width(2.5)))
        self.points.setSize(9 * scale)
        self.selected.setSize(15 * scale)
        self.selected.setPen(pg.mkPen(self.foreground, width=1.5 * scale))
        for item in self.model_points:
            item.setSize(6 * scale)

    def update(self, frame):
        analysis = frame.analysis
        self._write_labels(analysis)
        samples, classes = self.marks(analysis)
        p = analysis.probabilities[samples, classes]
        y = np.minimum(curves.surprisal(p, analysis.scenario.options.log_base), self._top)
        # The selected sample's points only on ``selected``: an edit of that sample (the usual
        # one) then leaves the others' item, and its repaint, alone.
        selected = samples == frame.n
        self._drawn = (samples, classes, p)  # for the description
        self.points.setData(x=p[~selected], y=y[~selected])
        self.selected.setData(x=p[selected], y=y[selected])
        self._update_models(analysis)

    def _update_models(self, analysis):
        """The shown model's points in its colour, every other model's in theirs."""
        comparison = analysis.comparison
        names = () if comparison is None else comparison.names
        model = names.index(analysis.model_name) if len(names) > 1 else 0  # (names are unique)
        if model != self._model:
            self._model = model
            self.points.setBrush(style.model_colour(model, 150))
        others = [k for k in range(len(names)) if k != model]
        while len(self.model_points) < len(others):
            item = Points(pen=None, size=6 * self.scale)
            item.setZValue(-1)  # behind the shown model's
            self.item.addItem(item)
            self.model_points.append(item)
        log_base = analysis.scenario.options.log_base
        for item, k in zip(self.model_points, others):
            other = comparison.analyses[k]
            p = other.probabilities[self.marks(other)]
            item.setData(x=p, y=np.minimum(curves.surprisal(p, log_base), self._top),
                         brush=style.model_colour(k, 110))
        for item in self.model_points[len(others):]:
            item.setData(x=[], y=[])

    def _write_labels(self, analysis):
        scenario = analysis.scenario
        log_base = scenario.options.log_base
        if not self.relabel((analysis.unit, log_base, scenario.mode, scenario.target_kind)):
            return
        formula = self._formula(analysis.unit)
        if scenario.mode == "sigmoid":
            self.set_title(self.tr("Loss of each positive label: {formula}").format(
                formula=formula), formula)
            self.set_axis_label("bottom", self.tr("probability p of a positive label"))
        elif scenario.target_kind == "index":
            self.set_title(self.tr("Loss of the true class: {formula}").format(formula=formula),
                           formula)
            self.set_axis_label("bottom", self.tr("probability p of the true class"))
        else:
            self.set_title(self.tr("Surprisal of the target classes: {formula}").format(
                formula=formula), formula)
            self.set_axis_label("bottom", self.tr("probability p of a class with target mass"))
        self.set_axis_label("left", self.unit_name(analysis.unit))
        self._top = float(curves.surprisal(NLL_P_MIN, log_base))
        self.curve.setData(self._grid, curves.surprisal(self._grid, log_base))
        self.item.setYRange(0.0, self._top, padding=0.04)

    def short_name(self):
        return self.tr("Loss curve −ln p")

    def _formula(self, unit):
        return self.tr("−ln p") if unit == "nats" else self.tr("−log<sub>2</sub> p")

    def description(self, frame):
        analysis, (samples, classes, p) = frame.analysis, self._drawn
        return lambda: self._description(analysis, samples, classes, p)

    def _description(self, analysis, samples, classes, p):
        scenario = analysis.scenario
        entries = [self.tr("{sample} {cls} {p}").format(
            sample=scenario.samples[s], cls=scenario.classes[c], p=format_number(v, 3))
            for s, c, v in zip(samples[:DESCRIBED_SAMPLES].tolist(),
                               classes[:DESCRIBED_SAMPLES].tolist(),
                               p[:DESCRIBED_SAMPLES].tolist())]
        text = self.tr("Curve {formula}; probability of the true class per sample: {list}").format(
            formula=self._formula(analysis.unit).replace("<sub>2</sub>", "2"),
            list=", ".join(entries) if entries else self.tr("none"))
        if len(samples) > DESCRIBED_SAMPLES:
            text += self.tr(" … and {count} more").format(count=len(samples) - DESCRIBED_SAMPLES)
        return text

    @staticmethod
    def marks(analysis):
        """(sample, class) index pairs of the points on the curve."""
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
