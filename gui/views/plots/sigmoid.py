"""The sigmoid plot: σ(z) with the selected sample's logits on it (sigmoid mode only: in softmax
mode it is not shown)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from engine import curves
from engine import sigmoid as engine_sigmoid
from engine.activations import scale_logits
from gui.common import style
from gui.common.formatting import format_number
from gui.views.plots.base import DESCRIBED_CLASSES, Plot
from gui.views.plots.items import Points, reference_line
from gui.views.plots.scales import DRAW_LIMIT, SIGMOID_HALF_WIDTH, sigmoid_range


class SigmoidPlot(Plot):
    """Attributes
    ----------
    curve : pyqtgraph.PlotDataItem, σ(z); points : Points, the shown classes' logits on it.
    """

    name = "sigmoid"

    def __init__(self, parent):
        super().__init__(parent)
        self.item.setMouseEnabled(x=False, y=False)
        half = reference_line(self.item, self.foreground, style=Qt.PenStyle.DotLine)
        half.setData([-50.0, 50.0], [0.5, 0.5])
        self.curve = pg.PlotDataItem(x=[0.0], y=[0.5])
        self.points = Points(pen=self.foreground, brush=style.colour("probability"))
        self.item.addItem(self.curve)
        self.item.addItem(self.points)
        self.item.setYRange(0.0, 1.0, padding=0.05)
        self._grid = None  # (low, high) of the drawn curve
        self.widget.setAccessibleName(self.tr("Sigmoid curve"))

    def apply_style(self, scale):
        super().apply_style(scale)
        self.points.setSize(12 * scale)
        self.points.setPen(pg.mkPen(self.foreground, width=1.5 * scale))

    def short_name(self):
        return self.tr("Sigmoid")

    def applies(self, scenario):
        return scenario.mode == "sigmoid"  # softmax mode has no use for it: not shown

    def lists_classes(self, frame):
        return frame.scenario.mode == "sigmoid"

    def update(self, frame):
        scenario = frame.scenario
        self._write_labels(scenario)
        if scenario.mode != "sigmoid":
            self._draw_curve(-SIGMOID_HALF_WIDTH, SIGMOID_HALF_WIDTH)
            self.points.setData()
            return
        z = self._logits(frame)
        low, high = sigmoid_range(z)
        self._draw_curve(low, high)
        p = frame.analysis.probabilities[frame.n, frame.shown]
        self.points.setData(x=np.clip(z, low, high), y=p)

    @staticmethod
    def _logits(frame):
        """The shown classes' z / T (drawn within ±DRAW_LIMIT)."""
        z = scale_logits(*curves.sweep_inputs(frame.scenario, frame.n))[frame.shown]
        return np.clip(z, -DRAW_LIMIT, DRAW_LIMIT)

    def _write_labels(self, scenario):
        divided = scenario.input == "logits" and scenario.options.temperature != 1
        if not self.relabel(divided):
            return
        self.set_title(self.tr("Sigmoid σ(z) = 1 / (1 + e<sup>−z</sup>)"), self.tr("σ(z)"))
        self.set_axis_label("bottom", self.tr("z / T") if divided else self.tr("z"))
        self.set_axis_label("left", self.tr("σ"))
        self.curve.setPen(pg.mkPen(style.colour("curve"), width=self.line_width(2.5)))

    def _draw_curve(self, low, high):
        if self._grid == (low, high):
            return
        self._grid = (low, high)
        grid = np.linspace(low, high, 400)
        self.curve.setData(grid, engine_sigmoid(grid))
        self.item.setXRange(low, high, padding=0.02)

    def description(self, frame):
        if frame.scenario.mode != "sigmoid":
            text = self.tr("Sigmoid curve, not used in softmax mode")
            return lambda: text
        sample, names = frame.scenario.samples[frame.n], frame.names
        z, p = self._logits(frame), frame.analysis.probabilities[frame.n, frame.shown]
        return lambda: self._description(sample, names, z, p)

    def _description(self, sample, names, z, p):
        entries = [self.tr("{cls} z = {z}, p = {p}").format(
            cls=name, z=format_number(zi, 3), p=format_number(pi, 3))
            for name, zi, pi in zip(names[:DESCRIBED_CLASSES], z.tolist(), p.tolist())]
        if len(names) > DESCRIBED_CLASSES:
            entries.append("…")
        return self.tr("Sigmoid curve with the logits of sample {name}: {list}").format(
            name=sample, list=", ".join(entries))
