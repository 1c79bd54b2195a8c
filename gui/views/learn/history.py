"""What the Learn panel draws of a training run: the last steps' numbers, kept in bounded
memory however long the run plays."""

import numpy as np

# A run keeps the numbers of this many steps at most (the latest); the curves show them.
HISTORY_STEPS = 2000


class Series:
    """The last ``limit`` rows appended, each ``width`` floats, with their step numbers.

    Appending is O(width): a buffer of twice the limit is filled, and when full its second
    half moves to the front (once per ``limit`` appends)."""

    def __init__(self, width, limit=HISTORY_STEPS):
        self._limit = limit
        self._steps = np.empty(2 * limit)
        self._values = np.empty((2 * limit, width))
        self._start = self._end = 0

    def __len__(self):
        return self._end - self._start

    def append(self, step, values):
        if self._end == len(self._steps):
            kept = slice(self._end - self._limit + 1, self._end)
            count = self._limit - 1
            self._steps[:count] = self._steps[kept]
            self._values[:count] = self._values[kept]
            self._start, self._end = 0, count
        self._steps[self._end] = step
        self._values[self._end] = values
        self._end += 1
        if self._end - self._start > self._limit:
            self._start += 1

    @property
    def steps(self):
        """(n,) the step of each kept row (0: before the first step)."""
        return self._steps[self._start:self._end]

    @property
    def values(self):
        """(n, width) the kept rows, oldest first (a view: read, do not keep)."""
        return self._values[self._start:self._end]

    @property
    def last_step(self):
        return int(self._steps[self._end - 1]) if len(self) else None


def thinned(count, limit):
    """Indices of at most ``limit`` of ``count`` points, evenly spread, first and last kept:
    what a curve draws of a long history (a few hundred pixels show no more)."""
    if count <= limit:
        return np.arange(count)
    return np.unique(np.linspace(0, count - 1, limit).round().astype(np.intp))


class CurvePoints:
    """The points curves draw of some columns of a Series: every row while there are at most
    ``limit``, else ``limit`` rows spread evenly over them (:func:`thinned`), with what is not
    finite (an infinite loss) as NaN, which breaks a line.

    While every row is drawn, the rows appended to the Series since the last ``take`` are
    written after the others (Play appends one a frame): nothing drawn is taken again."""

    def __init__(self):
        self._taken = None  # (series, columns, limit) of the points held
        self._rows = 0  # the rows of the series they were taken from
        self._points = 0
        self._first = None  # the series' first step then
        self._x = self._y = np.empty((0, 1))

    def clear(self):
        """Forget the points (and the series: it is not kept alive)."""
        self._taken = None

    def take(self, series, columns, limit):
        """(x, y) of ``columns`` of ``series``: two (len(columns), points + 1) arrays, each row
        a column's points then a NaN (read, do not keep: the next take writes over them)."""
        taken = (series, tuple(columns), limit)
        rows = len(series)
        first = series.steps[0] if rows else None
        # (A series past its own limit drops its first rows: its first step tells.)
        if (taken == self._taken and self._points == self._rows <= rows <= limit
                and (self._rows == 0 or first == self._first)):
            self._write(series, columns, np.arange(self._rows, rows), self._rows)
        else:
            if self._y.shape != (len(columns), limit + 1):
                self._x = np.empty((len(columns), limit + 1))
                self._y = np.empty((len(columns), limit + 1))
            self._taken = taken
            self._write(series, columns, thinned(rows, limit), 0)
        self._rows, self._first = rows, first
        return self._x[:, :self._points + 1], self._y[:, :self._points + 1]

    def _write(self, series, columns, rows, start):
        """Write ``rows`` of the series from point ``start`` on, and the NaN after them."""
        end = start + len(rows)
        self._x[:, start:end] = series.steps[rows]
        y = self._y[:, start:end]
        y[:] = series.values[rows][:, columns].T
        y[~np.isfinite(y)] = np.nan
        self._x[:, end] = self._y[:, end] = np.nan
        self._points = end
