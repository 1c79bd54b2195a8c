"""Bars (and Markers) that keep their bounding rect between changes (STAND-IN for
pyqtgraph's BarGraphItem, kept because tools/bench.py shows the library's item missing the
target: see the measurement in markers.py, where the two stand-ins were measured together).

Qt asks each item for its bounding rect some twenty times per edit (18 per 4x3 edit for
the bars, measured with cProfile), and pyqtgraph's BarGraphItem answers each time through
pixelVectors(), Python arithmetic on the view's transform."""

import pyqtgraph as pg

from gui.common.steady_bounds import SteadyBounds


class Bars(SteadyBounds, pg.BarGraphItem):
    """A BarGraphItem with its bounding rect kept between changes."""
