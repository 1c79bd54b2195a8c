"""FittedBarsPlot: one bar per shown class whose values have no bounds (logits, loss terms,
the gradient): huge or infinite ones are drawn cut, hatched and marked, on a y range of round
numbers that follows the bars (see scales.HeldRange)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from gui.common import style
from gui.views.plots.base import ClassPlot
from gui.views.plots.items import Points, infinity_symbol, measure_left_axis
from gui.views.plots.scales import HeldRange, drawable
from gui.views.plots.steady_bounds import Bars


class FittedBarsPlot(ClassPlot):
    """Bars in the colour ``colour`` (a style.COLOURS name) with marks on the cut ones. A
    subclass gives the values (``values(frame)``), writes its title and axis label
    (``write_labels(frame)``) and names the values in its description (``described_as``).

    Attributes
    ----------
    bars : Bars; clip_marks : Points, "∞" or a triangle on each bar drawn
        shorter than its value.
    """

    colour = ""

    def __init__(self, parent, view_box=None, zero_line=False):
        super().__init__(parent, view_box=view_box, zero_line=zero_line)
        self.bars = Bars(x=[], height=[], width=0.6, pen=None, brush=style.colour(self.colour))
        self.clip_marks = Points(pen=None, brush=self.foreground)
        self.item.addItem(self.bars)
        self.item.addItem(self.clip_marks)
        self._hatched = ()  # the bars drawn hatched
        self._held = HeldRange()
        self._moved_by_user = False  # the user panned or zoomed: the range is theirs
        # No bounds: fit_y_range sets the y range, not pyqtgraph's auto-range (which changes
        # the range, and redraws the axis, on every edit).
        view_box = self.item.getViewBox()
        view_box.enableAutoRange(y=False)
        view_box.sigRangeChangedManually.connect(self._range_moved_by_user)

    def apply_style(self, scale):
        super().apply_style(scale)
        self.clip_marks.setSize(16 * scale)

    def values(self, frame):
        """One value per shown class."""
        raise NotImplementedError

    def write_labels(self, frame):
        raise NotImplementedError

    def described_as(self, frame):
        """What the values are, at the head of the description."""
        raise NotImplementedError

    def update(self, frame):
        self.write_labels(frame)
        self.draw_bars(frame, self.values(frame))

    def description(self, frame):
        label, names, values = self.described_as(frame), frame.names, self.values(frame)
        return lambda: self.summary(label, names, values)

    def draw_bars(self, frame, values):
        """Draw ``values`` (one per shown class) as bars; returns their drawn heights and
        where they were cut (see scales.drawable)."""
        heights, beyond = drawable(values)
        self.bars.set_bars(frame.x, heights)
        self.fit_y_range(heights, frame.context)
        self._set_brushes(beyond)
        self._set_clip_marks(frame.x, heights, beyond)
        return heights, beyond

    def holds_scale(self):
        """Whether the y range must stay as it is (a bar being dragged)."""
        return False

    def fit_y_range(self, heights, context):
        """Show 0 and every bar (scales.HeldRange), unless the user's own view or a drag keeps
        the scale still."""
        if self._moved_by_user or self.holds_scale():
            return
        fitted = self._held.fit(heights, context)
        if fitted is None:
            return
        self.item.getViewBox().setYRange(*fitted)
        if self.widget.isVisible():  # (a hidden plot's layout waits for its size)
            measure_left_axis(self.item)
        # (A new axis width moves the bars of the x-linked plots too: the container applies
        # every plot's new view range once all are drawn.)

    def _range_moved_by_user(self, _mouse_enabled):
        self._moved_by_user = True

    def _set_clip_marks(self, x, heights, beyond):
        """Mark the bars drawn shorter than their value: ∞ for an infinite one, a triangle
        pointing on for a huge finite one."""
        marks = self.clip_marks
        cut = beyond != 0
        if not cut.any():
            if len(marks.data):
                marks.setData(x=[], y=[])
            # Hidden while empty: pyqtgraph paints an empty scatter item too (~0.3 ms), and
            # the bars' repaint on every edit covers it.
            if marks.isVisible():
                marks.hide()
            return
        infinity = infinity_symbol()
        symbols = [infinity if abs(code) == 2 else ("t1" if code > 0 else "t")
                   for code in beyond[cut].tolist()]
        marks.setData(x=x[cut], y=heights[cut], symbol=symbols)
        if not marks.isVisible():
            marks.show()

    def _set_brushes(self, beyond):
        """Hatch the bars drawn shorter than their value (only switch brushes on change)."""
        cut = tuple(np.flatnonzero(beyond).tolist())
        if self._hatched == cut:
            return
        self._hatched = cut
        if not cut:
            self.bars.setOpts(brushes=None, brush=style.colour(self.colour))
            return
        solid = pg.mkBrush(style.colour(self.colour))
        hatched = QBrush(style.colour(self.colour), Qt.BrushStyle.BDiagPattern)
        self.bars.setOpts(brushes=[hatched if code else solid for code in beyond.tolist()])
