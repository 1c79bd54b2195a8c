"""The "softmax | sigmoid" view: the selected sample's logits read both ways, side by side —
a softmax whose probabilities sum to 1 (the classes exclude each other) and independent
sigmoids whose sum can be anything — each with the targets its loss needs and that loss."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from engine.readings import both_readings
from engine.top_classes import target_mass, top_classes
from gui.common import style
from gui.common.formatting import format_count, format_number
from gui.common.labels import SteadyLabel
from gui.common.messages import describe_notes
from gui.common.texts import of_model, unit_name
from gui.common.user_text import in_html, plain, short
from gui.views.base import View
from gui.views.learn.charts import quiet_plot, settle_text_items, themed_layout

# Class names on the bars' axis: this many at most, each cut to this length.
NAMED_BARS = 12
AXIS_NAME_CHARS = 10
# A target is listed by its largest entries, this many at most.
LISTED_CLASSES = 4
FORMS = ("softmax", "sigmoid")
# The plots are at least this tall (times the presentation scale): the text under them grows
# with the scale too, and must not squash them to a line.
MIN_PLOTS_HEIGHT = 150


class FormsView(View):
    """Both readings of the selected sample (engine.readings.both_readings): two bar plots
    of p (with the targets beside), Σp in their titles, and under each what its loss needs and
    the loss. Read-only; out of sight it catches up when shown.

    Attributes
    ----------
    plots : dict "softmax"/"sigmoid" → pyqtgraph.PlotItem
    probability_bars, target_bars : dict of pyqtgraph.BarGraphItem, one bar per shown class
    needs, losses, notes : dict of QLabel, under each plot
    header : the sample and which classes are shown
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("softmax | sigmoid"))
        self.header = SteadyLabel(self)
        self.header.setAccessibleName(self.tr("Sample read both ways"))
        self.graphics, foreground = themed_layout(self)
        self.graphics.setAccessibleName(self.tr("softmax and sigmoid probabilities"))
        self._foreground = foreground
        self.plots, self.probability_bars, self.target_bars = {}, {}, {}
        self.needs, self.losses, self.notes = {}, {}, {}
        grid = QGridLayout()
        for column, form in enumerate(FORMS):
            plot = quiet_plot(self.graphics, 0, column, foreground)
            plot.setYRange(0.0, 1.0, padding=0.04)
            self.probability_bars[form] = pg.BarGraphItem(
                x=[], height=[], width=0.4, pen=None, brush=style.colour("probability"))
            self.target_bars[form] = pg.BarGraphItem(
                x=[], height=[], width=0.4, pen=None, brush=style.colour("target"))
            plot.addItem(self.probability_bars[form])
            plot.addItem(self.target_bars[form])
            self.plots[form] = plot
            grid.addWidget(plain(QLabel(self._meaning(form), wordWrap=True)), 0, column)
            for row, (labels, name) in enumerate(((self.needs, self.tr("Targets it needs")),
                                                  (self.losses, self.tr("Its loss")),
                                                  (self.notes, self.tr("Targets note"))), 1):
                labels[form] = plain(QLabel(wordWrap=True))
                labels[form].setAccessibleName(f"{form}: {name}")
                grid.addWidget(labels[form], row, column)
        self.plots["sigmoid"].setYLink(self.plots["softmax"])
        self._apply_fonts()
        settle_text_items(self.graphics)
        self._titles = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.graphics, 1)
        layout.addLayout(grid)
        self.follow(document)

    def _meaning(self, form):
        if form == "softmax":
            return self.tr("softmax: one right answer. The classes exclude each other, so the "
                           "probabilities sum to 1.")
        return self.tr("sigmoid: a yes/no question per class. Each is independent, so the "
                       "probabilities can sum to anything from 0 to the number of classes.")

    def rescaled(self):
        self._apply_fonts()
        self._titles = {}  # written again, at the new size
        self.show_analysis(*self.state)

    def _apply_fonts(self):
        """Ticks and the plots' least height at the presentation scale (the labels take the
        window's font)."""
        self.graphics.setMinimumHeight(round(MIN_PLOTS_HEIGHT * self.scale))
        font = QFont()
        font.setPointSizeF(style.text_size(1.0, self.scale))
        for plot in self.plots.values():
            for name in ("left", "bottom"):
                plot.getAxis(name).setTickFont(font)

    def show_analysis(self, analysis, selection):
        scenario = analysis.scenario
        n = min(selection.sample, len(scenario.rows) - 1)
        readings = both_readings(scenario, n)
        shown = np.sort(top_classes(readings.softmax.probabilities, target_mass(scenario, n),
                                    style.MAX_CLASSES_SHOWN)[0])
        names = [scenario.classes[c] for c in shown]
        self._show_header(analysis, n, len(shown), readings.from_probabilities)
        unit = unit_name(analysis.unit)
        for form in FORMS:
            reading = getattr(readings, form)
            self._show_bars(form, reading, shown, names)
            self.needs[form].setText(self._needs(reading, scenario.classes))
            self.losses[form].setText(self.tr("Loss of this sample: {loss} {unit}").format(
                loss=format_number(reading.loss), unit=unit))
            notes = describe_notes(reading.notes)
            if form == "softmax" and len(scenario.classes) == 1:
                notes.insert(0, self.tr("With one class, softmax is always 1. The two-class "
                                        "softmax of the logits (0, z) is what equals this "
                                        "sigmoid: switch the mode to see it."))
            self.notes[form].setText("\n".join(notes))

    def _show_header(self, analysis, n, count, from_probabilities):
        scenario = analysis.scenario
        text = self.tr("{sample}: the same logits, read two ways").format(
            sample=short(scenario.samples[n]))
        if from_probabilities:
            text += self.tr(" (the logits of the probabilities: ln p)")
        if count < len(scenario.classes):
            text += self.tr(" · {shown} of {count} classes shown").format(
                shown=count, count=format_count(len(scenario.classes)))
        self.header.setText(of_model(analysis, text))

    def _show_bars(self, form, reading, shown, names):
        x = np.arange(len(shown), dtype=np.float64)
        for bars, heights, offset in ((self.probability_bars[form], reading.probabilities, -0.2),
                                      (self.target_bars[form], reading.targets, 0.2)):
            bars.setOpts(x=x + offset, height=np.asarray(heights)[shown])
        title = self.tr("{form}: Σp = {total}").format(form=form,
                                                       total=format_number(reading.total))
        if self._titles.get(form) != title:
            self._titles[form] = title
            self.plots[form].setTitle(in_html(title), color=self._foreground,
                                      size=f"{style.text_size(1.0, self.scale):.1f}pt")
            settle_text_items(self.graphics)
        ticks = [(i, short(name, AXIS_NAME_CHARS)) for i, name in enumerate(names)]
        self.plots[form].getAxis("bottom").setTicks([ticks if len(ticks) <= NAMED_BARS else []])
        self.plots[form].setXRange(-0.6, len(shown) - 0.4, padding=0)

    def _needs(self, reading, classes):
        if reading.ignored:
            return self.tr("Targets: none, the sample is ignored (ignore_index).")
        if reading.true_class is not None:
            return self.tr("Targets: one class index, {index} ('{name}').").format(
                index=reading.true_class, name=short(classes[reading.true_class]))
        listed = _listed(reading.targets, classes)
        if reading.mode == "softmax":
            return self.tr("Targets: one distribution over the classes, summing to 1: "
                           "{listed}").format(listed=listed)
        return self.tr("Targets: a label from 0 to 1 for every class: {listed}").format(
            listed=listed)


def _listed(values, classes):
    """"'cat' 1, 'dog' 0.5000, …": the largest entries first (names quoted: a class may be
    called "," or "0")."""
    order = np.argsort(-np.asarray(values), kind="stable")
    parts = [f"'{short(classes[c], AXIS_NAME_CHARS * 2)}' {format_number(values[c])}"
             for c in order[:LISTED_CLASSES]]
    rest = len(classes) - LISTED_CLASSES
    if rest > 0:
        parts.append("…")
    return ", ".join(parts)
