"""The Learn panel: gradient descent on the logits, one step at a time or played, with the curves
of the run. Every step is a Document edit, so every view follows; a whole run is one undo
step."""

import itertools
import time
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (QCheckBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QPushButton, QSpinBox, QVBoxLayout)

import engine
from engine import ScenarioError, edits, training
from gui.common.formatting import format_number
from gui.common.labels import SteadyLabel
from gui.common.messages import describe, describe_notes
from gui.common.texts import of_model, unit_name
from gui.common.user_text import MESSAGE_CHARS, plain, short
from gui.views.base import View
from gui.views.learn.ahead import StepAhead
from gui.views.learn.charts import RunChart
from gui.views.learn.history import Series

LR_RANGE = (1e-4, 1e4)
SPEED_RANGE = (1, 60)  # steps per second
DEFAULT_SPEED = 30
# The training curves are at least this tall (times the presentation scale).
MIN_CHART_HEIGHT = 150
# Play waits for the window to paint a step before it takes the next; past this wait (a
# window that paints nothing, a floating dock) it goes on anyway.
FRAME_WAIT_S = 1.0
# The p(true class) curves of at most this many samples (the first ones) are kept.
MAX_SAMPLE_CURVES = 64
# Each run's undo step has its own merge key: two runs never merge, in any window.
_RUN_NUMBERS = itertools.count(1)


@dataclass
class _Pair:
    """The other form of a binary problem, trained beside the document's from the same start
    with the same learning rate."""

    other: object  # its scenario now
    analysis: object  # and its Analysis
    losses: Series  # per step: [sigmoid loss, softmax loss]
    logits: dict  # "start" and "first" (after one step): (sigmoid logits, softmax margins)
    notes: tuple  # the mode switch's notes on making the other form


@dataclass
class _Run:
    """Steps taken one after another on the document; it ends when anything else changes the
    document (an edit, an undo, a file), and Reset undoes it."""

    key: tuple  # the merge key of its undo step
    model: int  # the model it trains (of a scenario with several)
    samples: tuple  # the names of the samples it trains
    last: object  # the (whole) scenario its last step made (the start, before any)
    steps: int
    history: Series  # per step: [batch loss, p(true class) of each of the first samples]
    pair: object = None  # a _Pair, while the other form trains beside it


class LearnPanel(View):
    """Step, Play/Pause, Reset, the learning rate and the speed; the curves of the run.

    No signals of its own: each step is ``Document.edit(…, training.step, lr, merge_key=…)``,
    and the panel follows ``Document.changed`` like every view.

    Attributes
    ----------
    step_button, play_button, reset_button : QPushButton
    lr : QDoubleSpinBox, the learning rate. speed : QSpinBox, steps per second of Play.
    pair_box : QCheckBox, "train the other form beside it" (binary problems only).
    message : QLabel, why a step is refused (probability input, nothing counted).
    to_logits_button : QPushButton, switches probability input to logits (ln p).
    status : the step and the batch loss. pair_note : what the pair shows.
    chart : RunChart. timer : the QTimer of Play. skipped_ticks : ticks of Play that found the
    last step not yet painted and took none.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setAccessibleName(self.tr("Learn"))
        self._run = None
        self._shown_run = None  # the run whose curves are drawn (also after it ended)
        self._drawn = None  # what the chart was drawn for: (run, pair, its lengths, sample)
        self._stepping = False  # a step of this panel's is being applied
        self._frame_pending = False  # a step is applied and not yet painted
        self._pending_since = 0.0
        self._watched = None  # the window whose paints Play waits for
        self._ahead = StepAhead()
        self._ahead_wanted = False  # the next step is to be taken once this one is painted
        self.skipped_ticks = 0
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._tick)
        self._build()
        self.follow(document)

    # ----------------------------------------------------------------------------- building

    def _build(self):
        self.step_button = QPushButton(self.tr("&Step"))
        self.step_button.setToolTip(self.tr("One gradient step on every logit: "
                                            "z ← z − lr · ∂L/∂z of the batch loss."))
        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.setToolTip(self.tr("Take steps one after another, at the speed below; "
                                            "the whole run is one undo step."))
        self.reset_button = QPushButton(self.tr("&Reset"))
        self.reset_button.setToolTip(self.tr("Back to the logits before the run (an undo of "
                                             "it)."))
        buttons = QHBoxLayout()
        for button in (self.step_button, self.play_button, self.reset_button):
            buttons.addWidget(button)
        self.lr = QDoubleSpinBox(decimals=4, minimum=LR_RANGE[0], maximum=LR_RANGE[1],
                                 singleStep=0.1, value=1.0)
        self.lr.setKeyboardTracking(False)
        self.lr.setToolTip(self.tr("The learning rate: how far each step moves the logits "
                                   "along −∂L/∂z."))
        self.speed = QSpinBox(minimum=SPEED_RANGE[0], maximum=SPEED_RANGE[1],
                              value=DEFAULT_SPEED, suffix=self.tr(" steps/s"))
        self.speed.setKeyboardTracking(False)
        self.speed.setToolTip(self.tr("How many steps Play takes per second (at most one per "
                                      "painted frame)."))
        self.pair_box = QCheckBox(self.tr("Train the other &form beside it"))
        self.pair_box.setAccessibleName(self.pair_box.text().replace("&", ""))
        self.pair_box.setToolTip(self.tr("For one sigmoid label or two softmax classes: train "
                                         "the equal other form from the same start with the "
                                         "same learning rate, and draw both losses."))
        self.message = plain(QLabel(wordWrap=True))
        self.message.setAccessibleName(self.tr("Learn message"))
        self.message.setStyleSheet("color: #B00020")
        self.to_logits_button = QPushButton(self.tr("Switch to logits (ln p)"))
        self.to_logits_button.setToolTip(self.tr("Turn the probabilities into logits z = ln p "
                                                 "(sigmoid: ln p − ln(1 − p)), which can be "
                                                 "trained; undo turns them back."))
        self.message.hide()
        self.status = SteadyLabel(self)
        self.status.setAccessibleName(self.tr("Training status"))
        settings = QFormLayout()
        for text, control in ((self.tr("&Learning rate"), self.lr),
                              (self.tr("Spee&d"), self.speed)):
            settings.addRow(QLabel(text, buddy=control), control)
            control.setAccessibleName(text.replace("&", ""))
        # A few lines of what the pair shows; the whole text in the tooltip.
        self.pair_note = SteadyLabel(self, lines=3)
        self.pair_note.setAccessibleName(self.tr("What the pair shows"))
        self.chart = RunChart(self)
        self.chart.widget.setMinimumHeight(MIN_CHART_HEIGHT)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(settings)
        layout.addWidget(self.pair_box)
        layout.addWidget(self.message)
        layout.addWidget(self.to_logits_button)
        layout.addWidget(self.status)
        layout.addWidget(self.chart.widget, 1)
        layout.addWidget(self.pair_note)
        self.step_button.clicked.connect(self.step)
        self.play_button.clicked.connect(self.toggle_play)
        self.reset_button.clicked.connect(self.reset)
        self.speed.valueChanged.connect(self._set_interval)
        self.pair_box.toggled.connect(self._pair_toggled)
        self.to_logits_button.clicked.connect(lambda: self.document.edit(
            self.tr("Switch input"), edits.convert_input, "logits"))

    # ----------------------------------------------------------------------------- actions

    @property
    def playing(self):
        return self.timer.isActive()

    @property
    def steps(self):
        """The steps the current run has taken (0 with no run)."""
        return self._run.steps if self._run is not None else 0

    def step(self):
        """Take one gradient step (as one tick of Play does). Returns True when the logits
        moved."""
        document = self.document
        if (self._run is None or self._run.last is not document.scenario
                or self._run.model != document.selected_model):
            self._start_run()
        before = document.scenario
        self._stepping = True
        try:
            applied = document.edit(self.tr("Train the logits"), self._ahead.stepped,
                                    self.lr.value(),
                                    document.analysis, document.selected_model,
                                    merge_key=self._run.key, refusal_to=self._refuse)
        finally:
            self._stepping = False
        if not applied:
            return False
        if document.scenario is before:  # the step moved nothing: the gradient is 0
            self.pause()
            self._show_message(self.tr("The logits no longer move: every step's gradient is "
                                       "0."))
            return False
        if self.playing:
            self._frame_pending = True
            self._pending_since = time.monotonic()
        # The engine's part of the next step, once this one is painted (see ahead.py).
        self._ahead_wanted = True
        if self._watched is None:
            self._watch(self.window())
        return True

    def toggle_play(self):
        if self.playing:
            self.pause()
        else:
            self.play()

    def play(self):
        """Take a step at each tick of the timer, ``speed`` ticks a second."""
        if self.playing or not self._trainable(self.document.scenario):
            return
        self._frame_pending = False
        self._watch(self.window())
        self._set_interval()
        self.timer.start()
        self.play_button.setText(self.tr("&Pause"))

    def pause(self):
        self.timer.stop()
        self._watch(None)
        self.play_button.setText(self.tr("&Play"))

    def reset(self):
        """Back to the logits before the run: the run's undo step is undone (Redo brings the
        run back), and its curves are cleared."""
        self.pause()
        run, self._run = self._run, None
        stack = self.document.undo_stack
        # (The run is over once anything else changes the document: its steps are on top.)
        while (run is not None and stack.index() > 0
               and getattr(stack.command(stack.index() - 1), "merge_key", None) == run.key):
            stack.undo()  # (a save during the run splits it into two steps)
        self._shown_run = self._drawn = None
        self.chart.clear()
        self.show_analysis(*self.state)

    # ----------------------------------------------------------------------------- runs

    def _start_run(self):
        document = self.document
        analysis = document.analysis
        curves = min(len(analysis.scenario.samples), MAX_SAMPLE_CURVES)
        self._run = _Run(key=("train", next(_RUN_NUMBERS)), model=document.selected_model,
                         samples=analysis.scenario.samples, last=document.scenario, steps=0,
                         history=Series(1 + curves))
        self._shown_run = self._run
        self._record(analysis)
        self._pair_toggled(self.pair_box.isChecked())

    def _record(self, analysis):
        run = self._run
        right = training.true_probabilities(analysis)[:run.history.values.shape[1] - 1]
        loss = float("nan") if analysis.loss is None else analysis.loss
        run.history.append(run.steps, [loss, *right])
        run.last = self.document.scenario
        if run.pair is not None:
            self._step_pair(run, analysis)

    def _pair_toggled(self, on):
        """Start (or stop) training the other form beside the run, from where it is now."""
        run = self._run
        if run is None:
            self._show_run(self.state[1])
            return
        scenario = self.document.analysis.scenario  # the trained model's
        if not on or not _binary(scenario):
            run.pair = None
        elif run.pair is None:
            other = "softmax" if scenario.mode == "sigmoid" else "sigmoid"
            switched = edits.switch_mode(scenario, other, negative_name=self.tr("not {name}"))
            run.pair = _Pair(other=switched.scenario, analysis=engine.analyze(switched.scenario),
                             losses=Series(2), logits={}, notes=switched.notes)
            self._record_pair(run, self.document.analysis)
        self._show_run(self.state[1])

    def _step_pair(self, run, analysis):
        pair = run.pair
        try:
            pair.other = training.step(pair.other, self.lr.value(), pair.analysis)
        except ScenarioError as error:
            run.pair = None
            self._refuse(describe(error))
            return
        pair.analysis = engine.analyze(pair.other)
        self._record_pair(run, analysis)

    def _record_pair(self, run, analysis):
        pair = run.pair
        forms = {analysis.scenario.mode: analysis, pair.other.mode: pair.analysis}
        losses = [forms[mode].loss for mode in ("sigmoid", "softmax")]
        pair.losses.append(run.steps, [float("nan") if v is None else v for v in losses])
        rows = {mode: forms[mode].scenario.rows for mode in forms}
        # What a step moves: the sigmoid's one logit z, and the softmax margin z₁ − z₀ that
        # plays its part (σ(z) = softmax(0, z)₁).
        moved = (rows["sigmoid"][:, 0], rows["softmax"][:, 1] - rows["softmax"][:, 0])
        if "start" not in pair.logits:
            pair.logits["start"] = moved
        elif "first" not in pair.logits:
            pair.logits["first"] = moved

    # ----------------------------------------------------------------------------- showing

    def rescaled(self):
        self.chart.set_scale(self.scale)
        self.chart.widget.setMinimumHeight(round(MIN_CHART_HEIGHT * self.scale))

    def show_analysis(self, analysis, selection):
        scenario = analysis.scenario  # the shown model's
        if self._stepping:
            self._run.steps += 1
            self._record(analysis)
        elif self._run is not None and (self.document.scenario is not self._run.last
                                        or selection.model != self._run.model):
            self._run = None  # something else changed the document (or the model shown)
            self.pause()
        run = self._shown_run
        if run is not None and run is not self._run and scenario.samples != run.samples:
            self._shown_run = self._drawn = None  # another table: its curves are gone
            self.chart.clear()
        if self.message.text() and not self._stepping:
            self._show_message("")
        self._enable_for(scenario)
        self._show_status(analysis)
        self._show_run(selection)

    def _show_run(self, selection):
        run = self._shown_run
        if run is None:
            self._drawn = None
            self.pair_note.hide()
            self.chart.show_pair(False)
            return
        pair = run.pair
        drawn = (run, pair, len(run.history), run.history.last_step, selection.sample,
                 None if pair is None else len(pair.losses))
        last = self._drawn
        if last is not None and last[0] is run and last[1] is pair and last[2:] == drawn[2:]:
            # The curves as they are (a cell edit after a run): setting the same data again
            # would repaint the chart, 4 ms of every edit at 64 x 1000.
            return
        self._drawn = drawn
        self.chart.show_run(run.history, selection.sample, pair.losses if pair is not None else None)
        self._show_pair_note(pair, selection.sample)

    def _show_status(self, analysis):
        # Only while a run is on: a cell edit need not repaint this panel too.
        if self._run is None:
            self.status.setText(self.tr("Press Step or Play to train the logits."))
            return
        unit = unit_name(analysis.unit)
        self.chart.set_unit(unit)
        text = self.tr("Step {step} · batch loss {loss} {unit}").format(
            step=self._run.steps, loss=format_number(analysis.loss), unit=unit)
        self.status.setText(of_model(analysis, text), of_model(analysis, text, str))

    def _show_pair_note(self, pair, sample):
        self.pair_note.setVisible(pair is not None)
        if pair is None:
            return
        lines = describe_notes(pair.notes[1:])  # (the first says what the other form is)
        if "first" in pair.logits and sample < len(pair.logits["first"][0]):
            (z0, m0), (z1, m1) = pair.logits["start"], pair.logits["first"]
            logit_move, margin_move = z1[sample] - z0[sample], m1[sample] - m0[sample]
            lines.insert(0, self.tr(
                "Step 1 moved this sample's sigmoid logit z by {logit} and its softmax margin "
                "z₁ − z₀ by {margin}: twice as far, as each softmax logit takes the whole "
                "gradient.").format(logit=format_number(logit_move),
                                    margin=format_number(margin_move)))
        self.pair_note.setText(" ".join(lines))

    def _enable_for(self, scenario):
        trainable = self._trainable(scenario)
        for widget in (self.step_button, self.play_button):
            widget.setEnabled(trainable)
        self.to_logits_button.setVisible(scenario.input == "probabilities")
        self.reset_button.setEnabled(self._run is not None and self._run.steps > 0)
        self.pair_box.setEnabled(_binary(scenario))
        if not trainable and not self.message.text():
            try:
                training.check_trainable(scenario)
            except ScenarioError as error:
                self._show_message(describe(error))

    def _trainable(self, scenario):
        return scenario.input == "logits"

    def _refuse(self, text):
        self.pause()
        self._show_message(text)

    def _show_message(self, text):
        self.message.setText(short(text, MESSAGE_CHARS))
        self.message.setVisible(bool(text))

    # ----------------------------------------------------------------------------- Play

    def _set_interval(self):
        self.timer.setInterval(max(1, round(1000 / self.speed.value())))

    def _tick(self):
        # One step a tick, and none while the last is not painted: the steps never queue
        # up behind the paints (Qt fires an overdue timer once, not once per missed tick).
        if self._frame_pending and time.monotonic() - self._pending_since < FRAME_WAIT_S:
            self.skipped_ticks += 1
            return
        self._frame_pending = False
        self.step()

    def _watch(self, window):
        if self._watched is not None:
            self._watched.removeEventFilter(self)
        self._watched = window
        if window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched, event):
        # The window paints what changed when it handles UpdateRequest, right after this.
        if watched is self._watched and event.type() == QEvent.Type.UpdateRequest:
            self._frame_pending = False
            if self._ahead_wanted:
                # Posted while the window paints, it runs after the paint, in the event
                # loop's next pass: the frame is on screen first.
                self._ahead_wanted = False
                QTimer.singleShot(0, self, self._step_ahead)
            if not self.playing:
                self._watch(None)  # (watched for this one step)
        return False

    def _step_ahead(self):
        run, document = self._run, self.document
        if run is not None and run.last is document.scenario and \
                run.model == document.selected_model:
            self._ahead.prepare(document, self.lr.value())

    def hideEvent(self, event):
        super().hideEvent(event)
        if not self.window().isVisible():
            self.pause()  # the window is closing


def _binary(scenario):
    """One sigmoid label or two softmax classes: what engine.training.train_pair trains."""
    return (scenario.mode, len(scenario.classes)) in (("sigmoid", 1), ("softmax", 2))
