"""The plots of the selected sample: the bar plots (logits, probabilities and targets, per-class
loss terms, the gradient) and the curves (−ln p, the sigmoid, a one-logit sweep), as many at
once as can be read (grid.py), or the ones the presentation stage chose. Each plot is a module
of its own; this view chooses the classes they show, draws every plot from each change of the
Document and describes them in words."""

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from engine.top_classes import target_mass, top_classes
from gui.common import style
from gui.common.formatting import format_count, format_number
from gui.common.labels import SteadyLabel
from gui.common.texts import of_model
from gui.common.user_text import short
from gui.views.base import View
from gui.views.plots.base import Frame
from gui.views.plots.gradient import GradientPlot
from gui.views.plots.grid import PlotGrid
from gui.views.plots.items import apply_view_range, cache_text_items, give_text_items_to_qt
from gui.views.plots.logits import LogitsPlot
from gui.views.plots.nll import NllPlot
from gui.views.plots.probabilities import ProbabilitiesPlot
from gui.views.plots.sigmoid import SigmoidPlot
from gui.views.plots.sweep import SweepPlot
from gui.views.plots.terms import TermsPlot


class PlotsView(View):
    """Every plot of the selected sample, updated in place from the Document's Analysis.

    It shows what ``Document.changed`` carries (drawing costs: out of sight, it catches up when
    shown) and writes only through ``Document.set_cell`` (dragging a logit bar). It has no
    signals of its own.

    Attributes
    ----------
    plot_widgets : dict of str to pyqtgraph.PlotWidget
        "logits", "probabilities", "terms", "gradient", "nll", "sigmoid", "sweep".
    shown_classes : numpy.ndarray, the class drawn at each bar position (x = 0, 1, 2…).
    sample_label, caption : SteadyLabel, the sample shown, and which classes are shown when not all.
    swept_class : int; ``set_swept_class(name)`` chooses it.

    The plots' items, by the names they had before each plot became a module of its own:
    logit_bars, probability_bars, target_bars, term_bars, gradient_bars (one bar per shown
    class); logit_handles (the grips on the logit bars); logit_clip_marks, term_clip_marks,
    gradient_clip_marks; nll_curve, nll_points, nll_selected; sigmoid_curve, sigmoid_points;
    sweep_curves, sweep_others, sweep_points, sweep_marker, sweep_combo, sweep_legend,
    sweep_curve_classes.
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._scale = 1.0
        self._pending_descriptions = {}  # plot name -> (make_text, frame or None)
        self._description_timer = QTimer(self, singleShot=True,
                                         interval=style.DESCRIPTION_DELAY_MS)
        self._description_timer.timeout.connect(self.describe_now)
        self.shown_classes = np.arange(0)
        # The plots, one line each, in reading order.
        self._plots = [
            LogitsPlot(self, document),
            ProbabilitiesPlot(self),
            TermsPlot(self),
            GradientPlot(self),
            NllPlot(self),
            SigmoidPlot(self),
            SweepPlot(self),
        ]
        self._plot_widgets = {plot.name: plot.widget for plot in self._plots}
        self._lay_out()
        self._name_items()
        self._apply_style()
        self.follow(document)
        for widget in self._plot_widgets.values():
            give_text_items_to_qt(widget)
            cache_text_items(widget)

    def _lay_out(self):
        self.sample_label = SteadyLabel(self)
        # Two lines of fixed height: its text changes with the shown classes at an edit, and a
        # wrapped QLabel would then change the header's height, so the plots' pages would be
        # laid out, and painted, again.
        self.caption = SteadyLabel(self, lines=2)
        self.caption.hide()
        header = QHBoxLayout()
        header.addWidget(self.sample_label, 3)
        header.addWidget(self.caption, 2)

        for plot in self._plots:
            plot.redraw_wanted.connect(self._redraw)

        self.grid = PlotGrid(self)
        self.grid.set_panels([(plot.name, plot.short_name(), plot.panel(), plot.widget)
                              for plot in self._plots])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)  # (the dock has its own)
        layout.addLayout(header)
        layout.addWidget(self.grid, 1)

    def choices(self):
        """[(name, label)] of every plot, in reading order (for the stage's choosers)."""
        return [(plot.name, plot.short_name()) for plot in self._plots]

    def applicable(self, scenario):
        """The names of the plots that show something for ``scenario``."""
        return [plot.name for plot in self._plots if plot.applies(scenario)]

    def show_only(self, names):
        """Show the plots ``names``, side by side (the stage), or all that apply (None)."""
        self.grid.show_only(names)

    def shown_plots(self):
        """The names of the plots in sight now."""
        return self.grid.shown()

    def bring_forward(self, *names):
        """Bring the plots ``names`` into sight, the first named first (the page that holds
        it; the others share it as far as the room allows), framed for a moment: the plots a
        lesson's step is about. With no names, the plots go back to their reading order."""
        self.grid.bring_forward(names)

    def _name_items(self):
        plots = {plot.name: plot for plot in self._plots}
        logits, probabilities = plots["logits"], plots["probabilities"]
        terms, gradient = plots["terms"], plots["gradient"]
        nll, sigmoid, sweep = plots["nll"], plots["sigmoid"], plots["sweep"]
        self._logits, self._sweep = logits, sweep
        self.logit_bars, self.logit_handles = logits.bars, logits.handles
        self.probability_bars = probabilities.probability_bars
        self.target_bars = probabilities.target_bars
        self.term_bars, self.gradient_bars = terms.bars, gradient.bars
        self.logit_clip_marks = logits.clip_marks
        self.term_clip_marks, self.gradient_clip_marks = terms.clip_marks, gradient.clip_marks
        self.nll_curve, self.nll_points, self.nll_selected = nll.curve, nll.points, nll.selected
        self.sigmoid_curve, self.sigmoid_points = sigmoid.curve, sigmoid.points
        self.sweep_curves, self.sweep_others = sweep.curves, sweep.others
        self.sweep_points, self.sweep_marker = sweep.points, sweep.marker
        self.sweep_combo, self.sweep_legend = sweep.combo, sweep.legend

    @property
    def swept_class(self):
        return self._sweep.swept_class

    @property
    def sweep_curve_classes(self):
        return self._sweep.curve_classes

    def set_swept_class(self, name):
        """Sweep the logit of the class called ``name`` (None: the selected sample's true
        class)."""
        self._sweep.set_swept_class(name)

    def logit_bar_position(self, column):
        """The view coordinates of the top of ``column``'s logit bar (for tests)."""
        return self._logits.bar_position(column)

    # ----------------------------------------------------------------------------- style

    def rescaled(self):
        self._apply_style()
        self.show_analysis(*self.state)

    @property
    def presentation(self):
        return self.scale != 1.0

    def _apply_style(self):
        self.grid.set_scale(self.scale)
        label_font = QFont(self.font())
        label_font.setPointSizeF(style.text_size(1.0, self.scale))
        self.caption.setFont(label_font)
        bold = QFont(label_font)
        bold.setBold(True)
        self.sample_label.setFont(bold)
        for plot in self._plots:
            plot.apply_style(self.scale)

    # ----------------------------------------------------------------------------- drawing

    @property
    def plot_widgets(self):
        # Up to date when read (an export, a test), also after edits made while out of sight,
        # descriptions included, and the sweep's curves exact (an export draws them larger).
        self.catch_up()
        self.describe_now()
        self._sweep.draw_exact_curves()
        return self._plot_widgets

    def show_analysis(self, analysis, selection):
        """Redraw every plot for ``analysis`` and the selected sample."""
        frame, most_probable_only = self._frame(analysis, selection)
        self.shown_classes = frame.shown
        self.grid.set_applicable(self.applicable(analysis.scenario))
        self._update_header(analysis, frame.n, frame.shown, most_probable_only)
        for plot in self._plots:
            if plot.class_axis:
                plot.show_classes(frame)
        for plot in self._plots:
            plot.update(frame)
            self._describe_later(plot, frame)
        apply_view_range(*(plot.item for plot in self._plots))

    def _frame(self, analysis, selection):
        """What the plots draw: the selected sample and the classes to show (all, or the ones
        the plots need, those with target mass and the most probable; see top_classes)."""
        scenario = analysis.scenario
        n = min(selection.sample, len(scenario.rows) - 1)
        pinned = [column for plot in self._plots for column in plot.pinned(analysis, n)]
        # At most half of the bars for classes with target mass: a multi-label sample can have
        # hundreds, and the most probable classes belong on the plot too.
        chosen, most_probable_only = top_classes(analysis.probabilities[n],
                                                 target_mass(scenario, n),
                                                 style.MAX_CLASSES_SHOWN, pinned,
                                                 mass_limit=style.MAX_CLASSES_SHOWN // 2)
        shown = np.sort(chosen)
        # (Options too: a temperature or weight changes the scale of what is drawn; after one,
        # the scales are fitted again rather than held.)
        context = (n, scenario.samples[n], scenario.classes, scenario.mode, scenario.input,
                   scenario.options)
        frame = Frame(analysis, n, shown, np.arange(len(shown), dtype=np.float64),
                      [scenario.classes[c] for c in shown], context)
        return frame, most_probable_only

    def _redraw(self):
        self.show_analysis(*self.state)

    def _header_text(self, analysis, n, name):
        """ "Sample photo 1 — true class cat, …" (with several models after the model's name);
        ``name`` shortens the names (``str``: whole)."""
        return of_model(analysis, self._sample_text(analysis, n, name), name)

    def _sample_text(self, analysis, n, name):
        scenario = analysis.scenario
        sample = name(scenario.samples[n])
        loss = format_number(analysis.sample_loss[n])
        unit = self.tr("nats") if analysis.unit == "nats" else self.tr("bits")
        predicted = name(scenario.classes[int(analysis.predicted_class[n])])
        if analysis.ignored[n]:
            return self.tr("Sample {name} — ignored (adds nothing to the loss)").format(
                name=sample)
        if scenario.target_kind == "index":
            return self.tr("Sample {name} — true class {true}, predicted {predicted}, "
                           "loss {loss} {unit}").format(
                name=sample, true=name(scenario.classes[int(scenario.targets[n])]),
                predicted=predicted, loss=loss, unit=unit)
        return self.tr("Sample {name} — predicted {predicted}, loss {loss} {unit}").format(
            name=sample, predicted=predicted, loss=loss, unit=unit)

    def _update_header(self, analysis, n, shown, most_probable_only):
        total = len(analysis.scenario.classes)
        self.sample_label.setText(self._header_text(analysis, n, short),
                                  self._header_text(analysis, n, str))
        if len(shown) < total:
            if most_probable_only:
                caption = self.tr("Showing the {shown} most probable of {total} classes")
            else:
                caption = self.tr("Showing {shown} of {total} classes: the most probable and "
                                  "those with target mass")
            self.caption.setText(caption.format(shown=format_count(len(shown)),
                                                total=format_count(total)))
            self.caption.show()
        else:
            self.caption.hide()
            self.caption.setText("")

    # ----------------------------------------------------------------------------- descriptions

    def _describe_later(self, plot, frame):
        """Have the plot's description (and, when not all classes are shown, how many are) be
        its widget's accessible description style.DESCRIPTION_DELAY_MS after the last change,
        or at once on :meth:`describe_now`."""
        listed = frame if plot.lists_classes(frame) else None
        self._pending_descriptions[plot.name] = (plot.description(frame), listed)
        self._description_timer.start()

    def describe_now(self):
        """Write the descriptions still waiting for their delay."""
        pending, self._pending_descriptions = self._pending_descriptions, {}
        self._description_timer.stop()
        for plot_name, (make_text, frame) in pending.items():
            text = make_text()
            total = 0 if frame is None else len(frame.scenario.classes)
            if frame is not None and len(frame.shown) < total:
                text += self.tr(" (showing {shown} of {total} classes)").format(
                    shown=format_count(len(frame.shown)), total=format_count(total))
            widget = self._plot_widgets[plot_name]
            if widget.accessibleDescription() != text:
                widget.setAccessibleDescription(text)
