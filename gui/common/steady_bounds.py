"""A bounding rect kept between changes, for pyqtgraph items that Qt asks for it many times per
repaint (some twenty per edit, measured with cProfile), where pyqtgraph works it out each time
through Python pixel-size arithmetic on the view's transform."""


class SteadyBounds:
    """For pyqtgraph items whose boundingRect() Qt asks for some twenty times per edit (to find
    what to repaint), each time through pyqtgraph's Python pixel-size arithmetic: the rect is
    computed once per change of data, pen, symbol size or view, each of which pyqtgraph
    announces with prepareGeometryChange() or viewTransformChanged() (the Qt contract).
    A subclass computes its own rect in _fresh_bounds(); by default it is pyqtgraph's."""

    _steady_bounds = None
    _pixel = None  # a device pixel's width and height in data units, while the view stays

    def boundingRect(self):
        if self._steady_bounds is None:
            self._steady_bounds = self._fresh_bounds()
        return self._steady_bounds

    def _fresh_bounds(self):
        return super().boundingRect()

    def forget_bounds(self):
        """The rect is worked out again when next asked for."""
        self._steady_bounds = None

    def prepareGeometryChange(self):
        self._steady_bounds = None
        super().prepareGeometryChange()
        self._steady_bounds = None  # Qt asked for the old rect inside the call

    def pixel_size(self):
        """A device pixel's width and height in data units (for a margin of some pixels), kept
        until the view transform changes: pyqtgraph's pixelVectors is Python arithmetic, per
        call. 0 for a direction with no pixel size (not in a view yet), not kept."""
        if self._pixel is None:
            px, py = self.pixelVectors()
            if px is None or py is None:
                return 0.0 if px is None else px.length(), 0.0 if py is None else py.length()
            self._pixel = (px.length(), py.length())
        return self._pixel

    def viewTransformChanged(self):
        self._steady_bounds = None
        self._pixel = None
        super().viewTransformChanged()
