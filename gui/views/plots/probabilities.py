"""The probabilities plot: each shown class's probability p beside its target (y, or the
labels y in sigmoid mode), on a fixed scale from 0 to 1."""

from gui.common import style
from gui.common.texts import target_symbol
from gui.views.plots.base import ClassPlot
from gui.views.plots.items import legend_entry, probability_ticks
from gui.views.plots.scales import drawable
from gui.views.plots.steady_bounds import Bars


class ProbabilitiesPlot(ClassPlot):
    """Two bars per class; the legend is the title.

    Attributes
    ----------
    probability_bars, target_bars : Bars (a BarGraphItem), left and right of each class's position.
    """

    name = "probabilities"

    def __init__(self, parent):
        super().__init__(parent)
        self.probability_bars = Bars(x=[], height=[], width=0.4, pen=None,
                                     brush=style.colour("probability"))
        self.target_bars = Bars(x=[], height=[], width=0.4, pen=None,
                                brush=style.colour("target"))
        self.item.addItem(self.probability_bars)
        self.item.addItem(self.target_bars)
        self.item.setYRange(0.0, 1.0, padding=0.04)
        self.item.getAxis("left").setTicks(probability_ticks())
        self.widget.setAccessibleName(self.tr("Probabilities and targets plot"))

    @staticmethod
    def _values(frame):
        """The shown classes' probabilities and targets."""
        index = frame.n, frame.shown
        return frame.analysis.probabilities[index], frame.analysis.targets[index]

    def update(self, frame):
        self._write_labels(frame.scenario.mode, target_symbol(frame.scenario))
        p, q = self._values(frame)
        # (An unchanged item is not redrawn: a logit edit leaves the targets as they are.)
        self.probability_bars.set_bars(frame.x - 0.2, drawable(p)[0])
        self.target_bars.set_bars(frame.x + 0.2, drawable(q)[0])

    def _write_labels(self, mode, symbol):
        if not self.relabel((mode, symbol)):
            return
        # The legend is the title: inside the plot pyqtgraph's LegendItem covers bars, and in a
        # layout row of its own it took part in crashes when plots were destroyed.
        target = self.tr("labels y") if mode == "sigmoid" else \
            self.tr("target y") if symbol == "y" else self.tr("smoothed target y′")
        self.set_title("{p}&nbsp;&nbsp;&nbsp;{q}".format(
            p=legend_entry(style.COLOURS["probability"], self.tr("probability p")),
            q=legend_entry(style.COLOURS["target"], target)),
            "{p}&nbsp;&nbsp;{q}".format(
                p=legend_entry(style.COLOURS["probability"], "p"),
                q=legend_entry(style.COLOURS["target"], "y" if mode == "sigmoid" else "q")))
        self.set_axis_label("left", self.tr("probability"))

    def short_name(self):
        return self.tr("p and targets")

    def description(self, frame):
        names, (p, q) = frame.names, self._values(frame)
        return lambda: "{}. {}".format(self.summary(self.tr("Probabilities"), names, p),
                                       self.summary(self.tr("Targets"), names, q))
