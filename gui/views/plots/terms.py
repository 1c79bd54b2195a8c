"""The cross-entropy terms plot: what each shown class adds to the sample's loss
(−w y ln p in softmax mode, the binary cross-entropy of its label in sigmoid mode)."""

from gui.views.plots.fitted_bars import FittedBarsPlot
from gui.common.texts import target_symbol


class TermsPlot(FittedBarsPlot):

    name = "terms"
    colour = "term"

    def __init__(self, parent):
        super().__init__(parent)
        self.widget.setAccessibleName(self.tr("Cross-entropy terms plot"))

    def values(self, frame):
        return frame.analysis.terms[frame.n, frame.shown]

    def write_labels(self, frame):
        mode, unit = frame.scenario.mode, frame.analysis.unit
        symbol = target_symbol(frame.scenario)  # y, or y′ for a smoothed target
        if not self.relabel((mode, unit, symbol)):
            return
        if mode == "softmax":
            self.set_title(self.tr("Cross-entropy terms −w {y} ln p per class").format(y=symbol),
                           self.tr("CE terms −w {y} ln p").format(y=symbol))
        else:
            self.set_title(self.tr("Binary cross-entropy per class"), self.tr("BCE per class"))
        self.set_axis_label("left", self.unit_name(unit))

    def short_name(self):
        return self.tr("CE terms")

    def described_as(self, frame):
        return self.tr("Cross-entropy terms ({unit})").format(
            unit=self.unit_name(frame.analysis.unit))
