"""The cross-entropy terms plot: what each shown class adds to the sample's loss
(−w q ln p in softmax mode, the binary cross-entropy of its label in sigmoid mode)."""

from gui.views.plots.fitted_bars import FittedBarsPlot


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
        if not self.relabel((mode, unit)):
            return
        if mode == "softmax":
            self.set_title(self.tr("Cross-entropy terms −w q ln p per class"),
                           self.tr("CE terms −w q ln p"))
        else:
            self.set_title(self.tr("Binary cross-entropy per class"), self.tr("BCE per class"))
        self.set_axis_label("left", self.unit_name(unit))

    def short_name(self):
        return self.tr("CE terms")

    def described_as(self, frame):
        return self.tr("Cross-entropy terms ({unit})").format(
            unit=self.unit_name(frame.analysis.unit))
