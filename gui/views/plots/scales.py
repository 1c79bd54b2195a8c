"""The scale rules of the plots: what is drawn of huge or infinite values, the round y ranges
of the bar plots (which only grow while one sample is edited), the sigmoid's x range and the
sweep's window of logits."""

import math

import numpy as np

# Beyond this, a logit is drawn at the edge of the plot (pyqtgraph and Qt draw in float
# coordinates, but ranges of 1e300 lose every visible detail anyway).
DRAW_LIMIT = 1e6
# For another sample a bar plot's range is kept while the bars fit in it and it is at most
# FIT_SHRINK times the range they need.
FIT_SHRINK = 3.0
SIGMOID_HALF_WIDTH = 6.0
# The sweep reaches this many temperatures past the current logit and the one where p = 1/2
# (p goes from ~0.0003 to ~0.9997 over ±8).
SWEEP_HALF_WIDTH = 8.0
# ... but no further than this many temperatures from the crossover.
SWEEP_MAX_REACH = 30.0


def drawable(values, limit=DRAW_LIMIT):
    """Values safe to hand to pyqtgraph: finite, within ±limit.

    Infinite or too large values are drawn a quarter above the largest ordinary value (so the
    ordinary bars keep their scale); NaN (which the engine does not produce) is drawn as 0.

    Returns
    -------
    shown : numpy.ndarray of float
    beyond : numpy.ndarray of int
        +1 where a finite value was cut down, +2 where it was +∞ (-1 and -2 below), 0 elsewhere.
    """
    values = np.asarray(values, dtype=np.float64)
    finite = np.isfinite(values)
    ordinary = finite & (np.abs(values) <= limit)
    shown = np.where(ordinary, values, 0.0)
    beyond = np.zeros(values.shape, dtype=np.int8)
    big = ~ordinary & ~np.isnan(values)
    if big.any():
        edge = max(1.25 * float(np.max(np.abs(shown), initial=0.0)), 1.0)
        sign = np.where(values[big] > 0, 1, -1)
        beyond[big] = np.where(np.isinf(values[big]), 2 * sign, sign)
        shown = np.where(big, np.sign(beyond) * edge, shown)
    return shown, beyond


class HeldRange:
    """The y range of a bar plot: 0 and every bar, in round numbers.

    While the user edits one sample (the same context) the range only grows: a loss bar that
    shrinks as the true class gains must be seen shrinking, not be blown up again by a new
    scale (and an axis that stays needs no new ticks, no relayout, only one repaint of the
    bars). Another context (sample, classes, mode, input or options) fits it afresh, and it
    then also shrinks when the bars fill only a small part of it."""

    def __init__(self):
        self.range = None  # the (low, high) last fitted
        self._context = None

    def fit(self, heights, context):
        """The new (low, high) for bars of ``heights`` in ``context``, or None to keep the
        range."""
        low = min(0.0, float(np.min(heights, initial=0.0)))
        high = max(0.0, float(np.max(heights, initial=0.0)))
        old = self.range
        fitted = round_range(low, high)
        same_context = same_items(self._context, context)
        self._context = context
        if old is not None and (same_context
                                or old[1] - old[0] <= FIT_SHRINK * (fitted[1] - fitted[0])):
            if old[0] <= low and high <= old[1]:
                return None
            # Growing: keep the side that still holds its bars, so the axis moves once.
            fitted = (min(old[0], fitted[0]), max(old[1], fitted[1]))
        if fitted == old:
            return None
        self.range = fitted
        return fitted


class SweepWindow:
    """The logits a sweep covers: the current one and the crossover (p = 1/2), with
    SWEEP_HALF_WIDTH temperatures of room, in round numbers. The window is kept while it holds
    both with most of that room: editing the logit moves the point, not the axis. While one
    sample's sweep is edited (the same context) it only grows; otherwise it is also fitted
    afresh when much wider than needed."""

    def __init__(self):
        self.window = None  # the (low, high) last chosen
        self._context = None

    def fit(self, centre, crossover, temperature, context):
        same_context = same_items(self._context, context)
        self._context = context
        # A logit far from the crossover (p = 0 as ln 1e-300 ≈ -690) would squeeze the S into
        # a step: the window never reaches further than this, and the point is drawn at its edge.
        furthest = (crossover - SWEEP_MAX_REACH * temperature,
                    crossover + SWEEP_MAX_REACH * temperature)

        def reach(margin):
            return (max(min(centre, crossover) - margin, furthest[0]),
                    min(max(centre, crossover) + margin, furthest[1]))

        low, high = reach(SWEEP_HALF_WIDTH * temperature)
        kept = self.window
        if kept is not None:
            core_low, core_high = reach(0.75 * SWEEP_HALF_WIDTH * temperature)
            holds = kept[0] <= core_low and core_high <= kept[1]
            if holds and (same_context or kept[1] - kept[0] <= 1.5 * (high - low)):
                return kept
            if same_context:  # grow, within the reach that keeps the S readable
                low = max(min(low, kept[0]), furthest[0])
                high = min(max(high, kept[1]), furthest[1])
        if high - low > 1e-9 * max(abs(low), abs(high)):  # else no rounding could show
            step = round_step((high - low) / 8)
            low = float(f"{math.floor(low / step) * step:.12g}")
            high = float(f"{math.ceil(high / step) * step:.12g}")
        self.window = (low, high)
        return low, high


def sigmoid_range(z):
    """The sigmoid plot's x range for logits ``z``: ±SIGMOID_HALF_WIDTH at least, each logit
    with 1 of room, within ±50, in whole numbers of 2 (the range, and the axis, change only
    when a logit crosses one)."""
    low = max(2.0 * math.floor(min(-SIGMOID_HALF_WIDTH, float(z.min()) - 1.0) / 2.0), -50.0)
    high = min(2.0 * math.ceil(max(SIGMOID_HALF_WIDTH, float(z.max()) + 1.0) / 2.0), 50.0)
    return low, high


def same_items(a, b):
    """Whether two tuples hold equal items; an item that is the very same object (the class
    names of 50,000 classes, from one edit to the next) is not compared element by element."""
    return a is not None and b is not None and len(a) == len(b) and \
        all(x is y or x == y for x, y in zip(a, b))


def round_range(low, high):
    """A range of round numbers around [low, high] (low <= 0 <= high), with some room on the
    sides that have bars, so that the next edits still fit: [-3, 2.9] gives (-4, 4)."""
    span = high - low
    if not span / 4 > 0:
        return 0.0, 1.0
    step = round_step(span / 4)
    room = 0.1 * span
    bottom = math.floor((low - room) / step) * step if low < 0 else 0.0
    top = math.ceil((high + room) / step) * step if high > 0 else 0.0
    # 3 * 0.2 is 0.6000000000000001: round off the last bits, for ticks that read 0.6.
    return float(f"{bottom:.12g}"), float(f"{top:.12g}")


def round_step(value):
    """The smallest of 1, 2, 2.5 and 5 times a power of ten that is >= value (> 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= value:
            return factor * power
    return 10.0 * power
