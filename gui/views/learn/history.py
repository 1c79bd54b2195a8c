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
