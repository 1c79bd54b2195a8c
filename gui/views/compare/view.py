"""The compare view: each model's batch loss side by side with the lowest marked, every sample's
loss as grouped bars (the models side by side), and the selected sample's probabilities under
each model beside the target. Every number is the engine's (engine.Comparison)."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea, QToolButton,
                               QVBoxLayout, QWidget)

from engine.top_classes import target_mass, top_classes
from gui.common import style
from gui.common.formatting import format_number, full_precision
from gui.common.texts import target_symbol, unit_name
from gui.common.user_text import in_html, in_menu, plain, short, tooltip
from gui.views.base import View

# The loss plot shows at most this many samples: the selected one and its neighbours.
MAX_SAMPLES_SHOWN = 40
# Names on the axes are cut to this many characters (they are whole in the tooltips).
AXIS_NAME_CHARS = 12
# The plots' titles name at most this many models in their legend.
LEGEND_MODELS = 8
# The room a group of bars takes of its slot (the rest is the gap between groups).
GROUP_WIDTH = 0.8


class CompareView(View):
    """Every model of the scenario side by side. With one model it draws nothing and says how
    to add a second.

    Public: ``cards`` (one checkable QToolButton per model: name, batch loss, "★ lowest"; the
    checked one is the selected model; the tooltip has every digit), ``digits_button`` (all
    digits on the cards), ``idle_label``, ``add_button``, ``loss_plot`` and
    ``probability_plot`` (pyqtgraph PlotWidgets), ``loss_bars`` and ``probability_bars`` (a
    BarGraphItem per model, the first ``len(models)`` in use), ``target_bars``,
    ``shown_samples`` and ``shown_classes`` (what each bar position is).

    It shows what ``Document.changed`` carries (drawing costs: out of sight, it catches up when
    shown); a click on a card selects that model, on a group of bars that sample.
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._document = document
        self.cards = []
        self.loss_bars = []
        self.probability_bars = []
        self.shown_samples = np.arange(0)
        self.shown_classes = np.arange(0)
        self._titles_for = None
        self._build()
        self.follow(document)

    # --- building --------------------------------------------------------------------------
    def _build(self):
        palette = self.palette()
        self._background = palette.color(QPalette.ColorRole.Base)
        self._foreground = palette.color(QPalette.ColorRole.Text)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_idle())
        self.content = QWidget(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(self._build_header())
        self.loss_plot = self._make_plot(self.tr("Loss of each sample under each model"))
        self.probability_plot = self._make_plot(
            self.tr("Probabilities of the selected sample under each model"))
        self.probability_plot.getPlotItem().setYRange(0.0, 1.0, padding=0.04)
        self.selection_band = pg.BarGraphItem(x=[0.0], height=[0.0], width=0.96, pen=None,
                                              brush=style.colour("selected", 40))
        self.loss_plot.addItem(self.selection_band)
        self.target_bars = pg.BarGraphItem(x=[], height=[], width=0.1, brush=None,
                                           pen=pg.mkPen(style.colour("target"), width=2))
        self.probability_plot.addItem(self.target_bars)
        self.loss_plot.scene().sigMouseClicked.connect(self._loss_plot_clicked)
        content.addWidget(self.loss_plot, 3)
        content.addWidget(self.probability_plot, 2)
        layout.addWidget(self.content, 1)
        self._apply_fonts()

    def _build_idle(self):
        self.idle = QWidget(self)
        row = QVBoxLayout(self.idle)
        self.idle_label = plain(QLabel(self.tr(
            "One model: add a model to compare (the Models menu above the input table, or "
            "the button below)."), self.idle))
        self.idle_label.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Duplicate this model to compare"), self.idle)
        self.add_button.setToolTip(self.tr("Add a copy of the current model as a second model; "
                                           "then change its numbers."))
        self.add_button.clicked.connect(
            lambda: self._document.add_model(duplicate=self._document.selected_model))
        row.addWidget(self.idle_label)
        row.addWidget(self.add_button, 0, Qt.AlignLeft)
        row.addStretch(1)
        return self.idle

    def _build_header(self):
        """"Batch loss (lower is better):" and the All digits toggle over a row of cards, which
        has the view's whole width and scrolls sideways when the models need more."""
        header = QVBoxLayout()
        line = QHBoxLayout()
        self.header_label = QLabel(self.tr("Batch loss (lower is better):"), self)
        self.digits_button = QToolButton(self)
        self.digits_button.setText(self.tr("All digits"))
        self.digits_button.setCheckable(True)
        self.digits_button.setToolTip(self.tr("Show every digit of each batch loss (as "
                                              "scikit-learn prints it), not 4"))
        self.digits_button.toggled.connect(lambda _on: self._show_cards(*self.state))
        line.addWidget(self.header_label)
        line.addStretch(1)
        line.addWidget(self.digits_button)
        cards = QWidget(self)
        self._cards_layout = QHBoxLayout(cards)
        self._cards_layout.setContentsMargins(0, 0, 0, 0)
        self._cards_layout.setAlignment(Qt.AlignLeft | Qt.AlignTop)
        scroll = QScrollArea(self)
        scroll.setWidget(cards)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self._cards_scroll = scroll
        header.addLayout(line)
        header.addWidget(scroll)
        return header

    def _make_plot(self, name):
        widget = pg.PlotWidget(self, background=self._background)
        widget.setAccessibleName(name)
        widget.setMinimumSize(200, 120)
        plot = widget.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        for axis_name in ("left", "bottom"):
            axis = plot.getAxis(axis_name)
            axis.setPen(self._foreground)
            axis.setTextPen(self._foreground)
            axis.enableAutoSIPrefix(False)
        return widget

    # --- style -----------------------------------------------------------------------------
    def rescaled(self):
        self._apply_fonts()
        self._titles_for = None  # titles carry a font size
        self.show_analysis(*self.state)

    def _points(self, size):
        return style.text_size(size, self.scale)

    def _apply_fonts(self):
        font = QFont(self.font())
        font.setPointSizeF(self._points(1.0))
        for widget in (self.loss_plot, self.probability_plot):
            for axis_name in ("left", "bottom"):
                widget.getPlotItem().getAxis(axis_name).setTickFont(font)

    # --- following the document ------------------------------------------------------------
    def show_analysis(self, analysis, selection):
        comparison = analysis.comparison
        several = analysis.one_of_several
        self.idle.setVisible(not several)
        self.content.setVisible(several)
        if not several:
            return  # one model: nothing to compare, nothing drawn
        self._show_cards(analysis, selection)
        self._show_titles(analysis)
        self._show_sample_losses(comparison, selection)
        self._show_probabilities(analysis, comparison, selection)

    def _show_cards(self, analysis, selection):
        comparison = analysis.comparison
        if not analysis.one_of_several:
            return
        while len(self.cards) < len(comparison.names):
            self._add_card()
        while len(self.cards) > len(comparison.names):
            self.cards.pop().deleteLater()
        unit = unit_name(analysis.unit)
        for k, (card, name, loss) in enumerate(zip(self.cards, comparison.names,
                                                   comparison.losses)):
            lowest = k in comparison.lowest
            number = full_precision(loss) if self.digits_button.isChecked() else \
                format_number(loss)
            lines = [short(name), f"{number} {unit}"]
            if lowest:
                lines.append(self.tr("★ lowest"))
            card.setText(in_menu("\n".join(lines)))
            card.setToolTip(tooltip(self._loss_tip(name, loss, unit, lowest)))
            card.setAccessibleName(" ".join(lines))
            card.setIcon(style.model_icon(k))
            font = card.font()
            font.setBold(lowest)
            card.setFont(font)
            card.setChecked(k == selection.model)
        # Room for the cards and, under them, the scroll bar they may need (not over them).
        scroll = self._cards_scroll
        # (From the cards themselves: ones just added are not shown yet, so the row's own size
        # hint would leave them out.)
        scroll.setFixedHeight(max(card.sizeHint().height() for card in self.cards)
                              + scroll.horizontalScrollBar().sizeHint().height())

    def _loss_tip(self, name, loss, unit, lowest):
        if math.isnan(loss):
            return self.tr("{name}: no sample is counted, so there is no batch loss").format(
                name=name)
        tip = self.tr("{name}: batch loss L = {loss} {unit} (lower is better)").format(
            name=name, loss=full_precision(loss), unit=unit)
        if lowest:
            tip += "\n" + self.tr("The lowest of the models.")
        return tip + "\n" + self.tr("Click to show and edit this model.")

    def _add_card(self):
        k = len(self.cards)
        card = QToolButton(self)
        card.setCheckable(True)
        card.setAutoRaise(True)
        card.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        card.clicked.connect(lambda _on, k=k: self._card_clicked(k))
        self._cards_layout.addWidget(card)
        self.cards.append(card)

    def _card_clicked(self, k):
        self.cards[k].setChecked(k == self.state[1].model)  # the document says which is
        self._document.select_model(k)

    def _show_titles(self, analysis):
        names = analysis.comparison.names
        key = (names, self.scale, target_symbol(analysis.scenario), analysis.scenario.mode)
        if key == self._titles_for:
            return
        self._titles_for = key
        entries = [_legend_entry(style.model_colour(k).name(), name)
                   for k, name in enumerate(names[:LEGEND_MODELS])]
        if len(names) > LEGEND_MODELS:
            entries.append(self.tr("and %n more", "", len(names) - LEGEND_MODELS))
        size = f"{self._points(1.1):.1f}pt"
        colour = self._foreground
        self.loss_plot.getPlotItem().setTitle(
            in_html(self.tr("Loss of each sample (lower is better):")) + "&nbsp; "
            + "&nbsp; ".join(entries), size=size, color=colour)
        symbol = target_symbol(analysis.scenario)  # y, or y′ for a smoothed target
        target = self.tr("labels y") if analysis.scenario.mode == "sigmoid" \
            else self.tr("target y") if symbol == "y" else self.tr("smoothed target y′")
        self.probability_plot.getPlotItem().setTitle(
            in_html(self.tr("The selected sample: each model's p beside the")) + "&nbsp; "
            + _legend_entry(style.COLOURS["target"], target, "□"), size=size, color=colour)

    def _show_sample_losses(self, comparison, selection):
        losses = comparison.sample_losses
        count, samples = losses.shape
        first = max(0, min(selection.sample - MAX_SAMPLES_SHOWN // 2,
                           samples - MAX_SAMPLES_SHOWN))
        shown = np.arange(first, min(samples, first + MAX_SAMPLES_SHOWN))
        self.shown_samples = shown
        heights, infinite = _drawn(losses[:, shown])
        top = max(float(heights.max(initial=0.0)), 1e-9) * 1.08
        self._set_groups(self.loss_plot, self.loss_bars, heights, selection.model, infinite)
        self.selection_band.setOpts(x=[float(selection.sample - first)], height=[top])
        scenario_samples = comparison.analyses[0].scenario.samples
        self._set_ticks(self.loss_plot, [scenario_samples[n] for n in shown])
        self.loss_plot.getPlotItem().setYRange(0.0, top, padding=0.02)
        self.loss_plot.getPlotItem().setXRange(-0.5, len(shown) - 0.5, padding=0.0)
        self.loss_plot.setAccessibleDescription(self._losses_description(comparison))

    def _show_probabilities(self, analysis, comparison, selection):
        scenario = analysis.scenario
        n = min(selection.sample, len(scenario.samples) - 1)
        chosen, _ = top_classes(analysis.probabilities[n], target_mass(scenario, n),
                                style.MAX_CLASSES_SHOWN, mass_limit=style.MAX_CLASSES_SHOWN // 2)
        shown = np.sort(chosen)
        self.shown_classes = shown
        heights = np.stack([a.probabilities[n, shown] for a in comparison.analyses])
        # The target is the first bar of each group, an outline; the models follow it.
        slots = len(comparison.analyses) + 1
        width = GROUP_WIDTH / slots
        x = np.arange(len(shown), dtype=np.float64)
        self.target_bars.setOpts(x=x - GROUP_WIDTH / 2 + width / 2,
                                 height=analysis.targets[n, shown], width=width,
                                 pen=pg.mkPen(style.colour("target"), width=2 * self.scale))
        self._set_groups(self.probability_plot, self.probability_bars, heights,
                         selection.model, None, skip=1)
        self._set_ticks(self.probability_plot, [scenario.classes[c] for c in shown])
        self.probability_plot.getPlotItem().setXRange(-0.5, len(shown) - 0.5, padding=0.0)

    def _set_groups(self, widget, bars, heights, selected, infinite, skip=0):
        """One BarGraphItem per model (row of ``heights``), side by side in each slot after
        ``skip`` slots; the selected model's bars outlined, infinite ones dashed."""
        count = heights.shape[0]
        slots = count + skip
        width = GROUP_WIDTH / slots
        while len(bars) < count:
            bars.append(pg.BarGraphItem(x=[], height=[], width=width))
            widget.addItem(bars[-1])
        x = np.arange(heights.shape[1], dtype=np.float64)
        outline = pg.mkPen(self._foreground, width=1.5 * self.scale)
        dashed = pg.mkPen(self._foreground, width=1.5 * self.scale, style=Qt.DashLine)
        for m, item in enumerate(bars):
            item.setVisible(m < count)
            if m >= count:
                continue
            pens = None
            if infinite is not None and infinite[m].any():
                pens = [dashed if cut else (outline if m == selected else None)
                        for cut in infinite[m]]
            item.setOpts(x=x - GROUP_WIDTH / 2 + (m + skip + 0.5) * width, height=heights[m],
                         width=width, brush=style.model_colour(m),
                         pen=outline if m == selected else None, pens=pens)

    def _set_ticks(self, widget, names):
        ticks = [(float(k), short(name, AXIS_NAME_CHARS)) for k, name in enumerate(names)]
        widget.getPlotItem().getAxis("bottom").setTicks([ticks, []])

    def _losses_description(self, comparison):
        parts = [self.tr("{name}: {loss}").format(name=name, loss=format_number(loss))
                 for name, loss in zip(comparison.names, comparison.losses)]
        lowest = ", ".join(comparison.names[k] for k in comparison.lowest)
        return self.tr("Batch losses: {losses}. Lowest: {lowest}.").format(
            losses="; ".join(parts), lowest=lowest or "—")

    # --- the user --------------------------------------------------------------------------
    def _loss_plot_clicked(self, event):
        view_box = self.loss_plot.getPlotItem().getViewBox()
        if not view_box.sceneBoundingRect().contains(event.scenePos()):
            return
        slot = int(round(view_box.mapSceneToView(event.scenePos()).x()))
        if 0 <= slot < len(self.shown_samples):
            self._document.select_sample(int(self.shown_samples[slot]))


def _drawn(values):
    """Losses to draw: an infinite one a quarter above the largest finite one (at least 1).
    Returns (heights, infinite)."""
    infinite = np.isinf(values)
    finite = np.where(infinite, 0.0, values)
    top = max(1.25 * float(finite.max(initial=0.0)), 1.0)
    return np.where(infinite, top, finite), infinite


def _legend_entry(colour, name, mark="■"):
    """A coloured mark and a name for a pyqtgraph title (HTML): the name as plain text."""
    return f'<span style="color: {colour}">{mark}</span>&nbsp;{in_html(short(name))}'
