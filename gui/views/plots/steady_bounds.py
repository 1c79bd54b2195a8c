"""Bars (and Markers) that keep their bounding rect between changes (STAND-IN for
pyqtgraph's BarGraphItem, kept because tools/bench.py shows the library's item missing the
target: see the measurement in markers.py, where the two stand-ins were measured together).

Qt asks each item for its bounding rect some twenty times per edit (18 per 4x3 edit for
the bars, measured with cProfile), and pyqtgraph's BarGraphItem answers each time through
pixelVectors(), Python arithmetic on the view's transform."""

import numpy as np
import pyqtgraph as pg

from gui.common.steady_bounds import SteadyBounds


class Bars(SteadyBounds, pg.BarGraphItem):
    """A BarGraphItem with its bounding rect kept between changes, and a quicker way to move
    its bars (``set_bars``)."""

    def set_bars(self, x, heights):
        """Bars at ``x`` from 0 to ``heights``, unless they stand there already: what
        ``setOpts(x=x, height=heights)`` does, the same numbers in the same rect array, without
        pyqtgraph's general handling of every other way to give bars (measured: 90 of its
        ~100 µs per call, five calls per frame of Play)."""
        opts = self.opts
        if np.array_equal(opts["x"], x) and np.array_equal(opts["height"], heights):
            return
        if any(opts.get(key) is not None for key in ("x0", "x1", "y", "y0", "y1")) or \
                not np.isscalar(opts["width"]):
            self.setOpts(x=x, height=heights)  # (not how the plots give bars)
            return
        x, heights = np.asarray(x), np.asarray(heights)
        opts["x"], opts["height"] = x, heights
        self.picture = None
        self._shape = None
        # As BarGraphItem._getNormalizedCoords and _prepareData, operation for operation.
        t0 = x - opts["width"] / 2.
        t1 = t0 + opts["width"]
        x0 = np.minimum(t0, t1, dtype=np.float64)
        x1 = np.maximum(t0, t1, dtype=np.float64)
        t1 = 0 + heights
        y0 = np.minimum(0, t1, dtype=np.float64)
        y1 = np.maximum(0, t1, dtype=np.float64)
        if x0.size == 0 or y0.size == 0:
            self._dataBounds = (None, None), (None, None)
            self._rectarray.resize(0)
        else:
            self._dataBounds = (x0.min(), x1.max()), (y0.min(), y1.max())
            self._rectarray.resize(max(x0.size, y0.size))
            memory = self._rectarray.ndarray()
            memory[:, 0] = x0
            memory[:, 1] = y0
            memory[:, 2] = x1 - x0
            memory[:, 3] = y1 - y0
        self.prepareGeometryChange()
        self.update()
        self.informViewBoundsChanged()

    def _fresh_bounds(self):
        """BarGraphItem.boundingRect, with the pixel size kept (SteadyBounds.pixel_size)."""
        (xmn, xmx), (ymn, ymx) = self.dataBounds(ax=0), self.dataBounds(ax=1)
        if xmn is None or xmx is None or ymn is None or ymx is None:
            return super()._fresh_bounds()
        pad = self.pixelPadding()
        px, py = self.pixel_size() if pad > 0 else (0, 0)
        px *= pad
        py *= pad
        return pg.QtCore.QRectF(xmn - px, ymn - py, (2 * px) + xmx - xmn, (2 * py) + ymx - ymn)
