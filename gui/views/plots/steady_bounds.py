"""Bars (and Markers) that keep their bounding rect between changes (STAND-IN for
pyqtgraph's BarGraphItem, kept because tools/bench.py shows the library's item missing the
target: see the measurement in markers.py, where the two stand-ins were measured together).

Qt asks each item for its bounding rect some twenty times per edit (18 per 4x3 edit for
the bars, measured with cProfile), and pyqtgraph's BarGraphItem answers each time through
pixelVectors(), Python arithmetic on the view's transform."""

import pyqtgraph as pg


class SteadyBounds:
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


class Bars(SteadyBounds, pg.BarGraphItem):
    """A BarGraphItem with its bounding rect kept between changes."""
