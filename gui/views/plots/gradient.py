"""The gradient plot: ∂L/∂z of the sample's loss for each shown class's logit."""

from gui.views.plots.fitted_bars import FittedBarsPlot


class GradientPlot(FittedBarsPlot):

    name = "gradient"
    colour = "gradient"

    def __init__(self, parent):
        super().__init__(parent, zero_line=True)
        self.widget.setAccessibleName(self.tr("Gradient plot"))

    def values(self, frame):
        return frame.analysis.gradient[frame.n, frame.shown]

    def write_labels(self, frame):
        if self.relabel(None):
            self.set_title(self.tr("Gradient ∂L/∂z of the sample loss"), self.tr("∂L/∂z"))
            self.set_axis_label("left", self.tr("∂L/∂z"))

    def short_name(self):
        return self.tr("Gradient")

    def described_as(self, frame):
        return self.tr("Gradient ∂L/∂z")
