"""Bars and scatter points that keep their bounding rect between changes (STAND-IN: see the
measurement below)."""

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


class Points(SteadyBounds, pg.ScatterPlotItem):
    """A ScatterPlotItem with its bounding rect kept between changes."""

    def _updateMaxSpotSizes(self, **kwargs):
        super()._updateMaxSpotSizes(**kwargs)
        self._steady_bounds = None  # the widest symbol sets the rect's pixel margin

    def clear(self):
        super().clear()
        self._steady_bounds = None
