"""The logits plot: the selected sample's logits as bars (for probability input, the logits
that give those probabilities), each with a grip to drag it up or down."""

import math
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt

from engine import curves
from gui.views.plots.fitted_bars import FittedBarsPlot
from gui.views.plots.items import LogitViewBox, Points
from gui.views.plots.scales import DRAW_LIMIT


@dataclass
class _Drag:
    row: int
    column: int
    start_value: float
    start_y: float


class LogitsPlot(FittedBarsPlot):
    """Dragging a bar edits its logit, in the model shown, live through ``Document.set_cell``
    (the edits of one cell merge into one undo step).

    Attributes
    ----------
    handles : Points, the grips on the bar tops (logits input only).
    """

    name = "logits"
    colour = "logit"

    def __init__(self, parent, document):
        super().__init__(parent, view_box=LogitViewBox(self._drag_event), zero_line=True)
        self._view_box = self.item.getViewBox()
        self._document = document
        self._drag = None
        self._frame = None
        self.handles = Points(symbol="_", pen=None, brush=self.foreground)
        self.item.addItem(self.handles)
        self._view_box.sigResized.connect(self._resize_handles)
        self.widget.setAccessibleName(self.tr("Logits plot"))

    def pinned(self, analysis, n):
        return () if self._drag is None else (self._drag.column,)

    def holds_scale(self):
        return self._drag is not None  # the bar under the mouse must not move on its own

    def apply_style(self, scale):
        super().apply_style(scale)
        self._resize_handles()
        self.handles.setPen(pg.mkPen(self.foreground, width=3 * scale))

    def values(self, frame):
        scenario = frame.scenario
        rows = scenario.rows[frame.n, frame.shown]
        if scenario.input == "logits":
            return rows
        return curves.logits_from_probabilities(rows, scenario.mode, floor=False)

    def update(self, frame):
        self._frame = frame
        self.write_labels(frame)
        heights, beyond = self.draw_bars(frame, self.values(frame))
        self._resize_handles()  # the number of bars sets their width
        if frame.scenario.input == "logits":
            # A clipped bar's height is not its value: it gets no grip.
            grips = beyond == 0
            self.handles.setData(x=frame.x[grips], y=heights[grips])
        else:
            self.handles.setData()

    def write_labels(self, frame):
        scenario = frame.scenario
        if not self.relabel((scenario.input, scenario.mode)):
            return
        if scenario.input == "logits":
            self.set_title(self.tr("Logits z — drag a bar to change it"), self.tr("Logits z"))
            self.set_axis_label("left", self.tr("logit z"))
        else:
            equivalent = (self.tr("ln p") if scenario.mode == "softmax"
                          else self.tr("ln p − ln(1 − p)"))
            self.set_title(self.tr("Logits equivalent to the input probabilities: "
                                   "{formula}").format(formula=equivalent),
                           self.tr("Logits: {formula}").format(formula=equivalent))
            self.set_axis_label("left", self.tr("logit"))

    def short_name(self):
        return self.tr("Logits")

    def described_as(self, frame):
        return self.tr("Logits of sample {name}").format(name=frame.scenario.samples[frame.n])

    def bar_position(self, column):
        """The view coordinates of the top of ``column``'s bar."""
        slot = int(np.searchsorted(self._frame.shown, column))
        heights = self.bars.opts["height"]
        return QPointF(float(slot), float(heights[slot]))

    def _handle_size(self):
        # As wide as a bar at most, so forty bars' grips do not run into each other.
        count = 0 if self._frame is None else len(self._frame.shown)
        slot_pixels = self._view_box.width() / max(count, 1)
        return min(18 * self.scale, max(6.0, 0.7 * slot_pixels))

    def _resize_handles(self):
        self.handles.setSize(self._handle_size())

    # ----------------------------------------------------------------------------- dragging

    def _drag_event(self, ev):
        """Drag a logit bar up or down: the logit follows the mouse. Returns whether the drag
        was taken; the ViewBox pans the view otherwise."""
        if ev.button() != Qt.MouseButton.LeftButton:
            return False
        if ev.isStart():
            self._drag = self._start_drag(self._view_box.mapToView(ev.buttonDownPos()))
            if self._drag is None:
                return False
        if self._drag is None:
            return False
        ev.accept()
        drag = self._drag
        y = self._view_box.mapToView(ev.pos()).y()
        value = self._rounded(drag.start_value + (y - drag.start_y))
        if ev.isFinish():
            self._drag = None
            self._moved_by_user = False  # a drag puts the logits' range back in charge
        # The drawn frame is the latest: each set_cell draws the plots again.
        if self._frame.scenario.rows[drag.row, drag.column] != value:
            self._document.set_cell(drag.row, drag.column, value)
        if ev.isFinish():
            self.redraw_wanted.emit()  # the scale, held during the drag, fits the bars again
        return True

    def _start_drag(self, position):
        if self._frame is None or self._frame.scenario.input != "logits":
            return None
        scenario = self._frame.scenario  # the shown model's (set_cell edits that model)
        slot = round(position.x())
        if not (0 <= slot < len(self._frame.shown)) or abs(position.x() - slot) > 0.45:
            return None
        row = self._frame.n
        column = int(self._frame.shown[slot])
        value = float(scenario.rows[row, column])
        if not abs(value) <= DRAW_LIMIT:
            return None  # drawn clipped: the bar's height is not its value
        return _Drag(row, column, value, position.y())

    def _rounded(self, value):
        # Round to about a pixel's worth of the view, so dragged logits read 2.35, not 2.3471829.
        low, high = self._view_box.viewRange()[1]
        span = high - low
        if not (span > 0 and math.isfinite(span)):
            return float(value)
        decimals = max(0, -math.floor(math.log10(span / 200)))
        return float(round(value, decimals))
