"""The options a user sets for the loss: mode, input, temperature, label smoothing, weights,
reduction and unit. Each control writes through the Document's undo stack."""

import math

from PySide6.QtCore import QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (QComboBox, QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QSlider, QVBoxLayout)

from engine import edits
from engine.scenario import LABEL_SMOOTHING_RANGE, TEMPERATURE_RANGE
from gui.views.base import View
from gui.common.formatting import (AmbiguousCommas, check_commas, format_number, not_a_number,
                                   parse_number)
from gui.common.messages import describe_notes
from gui.common.texts import of_model, unit_name
from gui.common.user_text import MESSAGE_CHARS, plain, short

# The slider covers the temperatures worth dragging through; the spin box beside it takes the
# whole range a file may hold (engine.scenario.TEMPERATURE_RANGE).
SLIDER_RANGE = (0.05, 20.0)
SLIDER_STEPS = 1000


def temperature_to_slider(t):
    """Position of temperature t on a log-scale slider of SLIDER_STEPS steps (its ends for a
    temperature beyond them)."""
    low, high = SLIDER_RANGE
    t = min(max(t, low), high)
    return round((math.log(t) - math.log(low)) / (math.log(high) - math.log(low)) * SLIDER_STEPS)


def slider_to_temperature(position):
    low, high = SLIDER_RANGE
    return math.exp(math.log(low) + position / SLIDER_STEPS * (math.log(high) - math.log(low)))


def parse_weights(text, count):
    """"1, 2.5, 1" → (1.0, 2.5, 1.0); empty → None (all 1). Weights are separated by semicolons
    if there are any, else by commas or spaces; each reads as a table cell does (parse_number).
    Raises AmbiguousCommas for commas that could belong to numbers ("1,5"), NotANumber for a
    part that is not a number, ValueError when the count is wrong."""
    text = text.strip()
    if not text:
        return None
    separator = ";" if ";" in text else ","
    if separator == ",":
        check_commas(text)
    values = []
    for part in text.replace(separator, " ").split():
        value = parse_number(part)
        if value is None:
            raise NotANumber(part)
        values.append(value)
    if len(values) == 1 and count > 1:
        values = values * count
    if len(values) != count:
        raise ValueError(len(values))
    return tuple(values)


class WideRangeSpinBox(QDoubleSpinBox):
    """A spin box for a value from 1e-300 to 1e6 and beyond: shown with six significant
    digits (1e-300, 0.05, 50), read with the one number parser. A plain QDoubleSpinBox rounds
    to a fixed count of decimals, so 0.0004 would show (and be taken) as 0."""

    def __init__(self, minimum, maximum, parent=None):
        super().__init__(parent, singleStep=0.05)
        self.setDecimals(323)  # all a double has: Qt rounds the value to these decimals
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value):
        return QLocale().toString(value, "g", 6)

    def valueFromText(self, text):
        value = parse_number(text)
        return self.value() if value is None else value

    def validate(self, text, position):
        state = QValidator.Acceptable if parse_number(text) is not None \
            else QValidator.Intermediate
        return state, text, position


class NotANumber(ValueError):
    """A weight that is not a number; ``text`` is what the user wrote."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


class OptionsPanel(View):
    """Signals: none of its own — every change goes to the Document as an undo step, and the
    controls follow Document.changed (with signals blocked, so nothing echoes back)."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setAccessibleName(self.tr("Loss options"))
        self._refused_at = None  # the scenario a refusal was shown for
        self._noted_at = None  # the scenario a mode switch's note was shown for
        self._build()
        self.follow(document)

    def _build(self):
        form = QFormLayout()
        self.mode = self._combo((("softmax", self.tr("softmax (one right answer)")),
                                 ("sigmoid", self.tr("sigmoid (multi-label)"))),
                                self.tr("Softmax: classes exclude each other and probabilities "
                                        "sum to 1. Sigmoid: each class is a separate yes/no."))
        self.input = self._combo((("logits", self.tr("logits")),
                                  ("probabilities", self.tr("probabilities"))),
                                 self.tr("Whether the table holds raw scores (logits) or "
                                         "probabilities a model already produced."))
        self.temperature = WideRangeSpinBox(*TEMPERATURE_RANGE)
        self.temperature_slider = QSlider(Qt.Horizontal, maximum=SLIDER_STEPS)
        tip = self.tr("Divides every logit by T before softmax or sigmoid: T > 1 flattens the "
                      "distribution, T < 1 sharpens it.")
        for widget in (self.temperature, self.temperature_slider):
            widget.setToolTip(tip)
            widget.setAccessibleName(self.tr("Temperature"))
        self.smoothing = QDoubleSpinBox(decimals=3, minimum=LABEL_SMOOTHING_RANGE[0],
                                        maximum=LABEL_SMOOTHING_RANGE[1], singleStep=0.05)
        self.smoothing.setKeyboardTracking(False)
        self.smoothing.setToolTip(self.tr("Label smoothing ε moves ε of the target's mass evenly "
                                          "onto all classes: the loss compares p with the "
                                          "smoothed target y′ = (1 − ε)·y + ε/C."))
        self.weights = self._weights_edit(self.tr("Multiplies each class's loss terms by its "
                                                  "weight (PyTorch's weight). Empty means all 1."))
        self.pos_weight = self._weights_edit(self.tr("Multiplies the positive (y = 1) term of "
                                                     "each class (PyTorch's pos_weight)."))
        self.reduction = self._combo((("mean", self.tr("mean")), ("sum", self.tr("sum"))),
                                     self.tr("How the batch loss combines the samples' losses: "
                                             "their mean (as PyTorch divides it) or their sum."))
        self.log_base = self._combo((("e", self.tr("nats (ln)")), ("2", self.tr("bits (log₂)"))),
                                    self.tr("The logarithm's base: e gives nats, 2 gives bits."))
        temperature_row = QHBoxLayout()
        temperature_row.addWidget(self.temperature_slider, 1)
        temperature_row.addWidget(self.temperature)
        self.labels = {}
        for key, text, field, control in (
                ("mode", self.tr("&Mode"), self.mode, self.mode),
                ("input", self.tr("&Input"), self.input, self.input),
                ("temperature", self.tr("&Temperature T"), temperature_row, self.temperature),
                ("smoothing", self.tr("Label &smoothing ε"), self.smoothing, self.smoothing),
                ("weights", self.tr("Class &weights"), self.weights, self.weights),
                ("pos_weight", self.tr("&pos_weight"), self.pos_weight, self.pos_weight),
                ("reduction", self.tr("&Reduction"), self.reduction, self.reduction),
                ("log_base", self.tr("&Unit"), self.log_base, self.log_base)):
            # Alt + the underlined letter focuses the control; screen readers read its label.
            self.labels[key] = QLabel(text, buddy=control)
            control.setAccessibleName(text.replace("&", ""))
            form.addRow(self.labels[key], field)
        self.message = plain(QLabel(wordWrap=True))  # a refusal may quote a name
        self.message.setAccessibleName(self.tr("Options message"))
        self.message.setStyleSheet("color: #B00020")
        # What the last switch of the mode did (a class name may be quoted).
        self.note = plain(QLabel(wordWrap=True))
        self.note.setAccessibleName(self.tr("Mode switch note"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self._connect()

    def _combo(self, items, tooltip):
        combo = QComboBox()
        for key, text in items:
            combo.addItem(text, key)
        combo.setToolTip(tooltip)
        return combo

    def _weights_edit(self, tooltip):
        edit = QLineEdit(placeholderText=self.tr("all 1"))
        edit.setToolTip(tooltip)
        return edit

    def _connect(self):
        self.mode.activated.connect(lambda: self.switch_mode(self.mode.currentData()))
        self.input.activated.connect(lambda: self._edit(
            self.tr("Switch input"), edits.convert_input, self.input.currentData()))
        self.temperature.valueChanged.connect(self._set_temperature)
        self.temperature_slider.valueChanged.connect(
            lambda v: self._set_temperature(slider_to_temperature(v)))
        self.smoothing.valueChanged.connect(lambda v: self._set_options(
            self.tr("Set label smoothing"), merge_key="label_smoothing", label_smoothing=v))
        self.reduction.activated.connect(lambda: self._set_options(
            self.tr("Set reduction"), reduction=self.reduction.currentData()))
        self.log_base.activated.connect(lambda: self._set_options(
            self.tr("Set unit"), log_base=self.log_base.currentData()))
        self.weights.editingFinished.connect(lambda: self._set_weights("class_weights", self.weights))
        self.pos_weight.editingFinished.connect(lambda: self._set_weights("pos_weight", self.pos_weight))

    def _edit(self, text, change, *args):
        # This panel's own refusals show under it; a refused cell edit shows by the table.
        return self.document.edit(text, change, *args, refusal_to=self._show_refusal)

    def switch_mode(self, mode):
        """Switch softmax ↔ sigmoid as one undo step, and say under the options what the switch
        did: the loss it kept or changed, and each thing it did to the targets and options."""
        before = self.document.analysis
        if before.scenario.mode == mode:
            return
        switched = []

        def switch(scenario):
            switched.append(edits.switch_mode(scenario, mode,
                                              negative_name=self.tr("not {name}")))
            return switched[-1].scenario

        if not self._edit(self.tr("Switch mode"), switch):
            return
        after = self.document.analysis
        lines = [of_model(after, self._switch_summary(before, after))]
        if (before.scenario.target_kind == "index" and mode == "sigmoid"
                and len(before.scenario.classes) != 2):
            lines.append(self.tr("Each true class is now a label 1 and every other class a "
                                 "label 0: one yes/no question per class."))
        lines += describe_notes(switched[-1].notes, after.scenario.classes)
        self.note.setText(short("\n".join(lines), MESSAGE_CHARS * 4))
        self._noted_at = after.scenario

    def _switch_summary(self, before, after):
        mode = after.scenario.mode
        unit = unit_name(after.unit)
        # (Softmax and sigmoid round a tiny loss differently, by about 1e-16 nats.)
        if before.loss == after.loss or (before.loss is not None and after.loss is not None
                                         and math.isclose(before.loss, after.loss,
                                                          rel_tol=1e-9, abs_tol=1e-12)):
            return self.tr("Switched to {mode}: the batch loss is unchanged, {loss} {unit}."
                           ).format(mode=mode, loss=format_number(after.loss), unit=unit)
        return self.tr("Switched to {mode}: the batch loss is now {after} {unit} (it was "
                       "{before}).").format(mode=mode, after=format_number(after.loss),
                                            before=format_number(before.loss), unit=unit)

    def _set_options(self, text, merge_key=None, **changes):
        return self.document.set_options(text, merge_key, refusal_to=self._show_refusal,
                                         **changes)

    def _set_temperature(self, value):
        # A slider drag is many values: merge them into one undo step.
        self._set_options(self.tr("Set temperature"), merge_key="temperature",
                          temperature=round(value, 4))

    def _set_weights(self, name, edit):
        count = len(self.document.scenario.classes)
        try:
            values = parse_weights(edit.text(), count)
        except NotANumber as error:
            self._show_refusal(self.tr("Weights: {problem}").format(
                problem=not_a_number(error.text)))
            return
        except AmbiguousCommas as error:
            self._show_refusal(self.tr(
                "Weights: the commas in '{text}' could separate weights or belong to numbers "
                "(1,5 or 1,000). Write decimals with a dot and a space after each comma.").format(
                text=error.line))
            return
        except ValueError:
            self._show_refusal(self.tr("Weights: give one number per class ({count}), or one "
                                       "number for all, separated by commas.").format(count=count))
            return
        label = self.tr("Set class weights") if name == "class_weights" else self.tr("Set pos_weight")
        if self._set_options(label, **{name: values}):
            self.message.clear()

    def _show_refusal(self, text):
        self.message.setText(short(text, MESSAGE_CHARS))
        self._refused_at = self.document.scenario

    def show_analysis(self, analysis, _selection):
        scenario = analysis.scenario
        if self.message.text() and scenario is not self._refused_at:
            self.message.clear()  # a good edit since: the refusal no longer holds
        if self.note.text() and scenario is not self._noted_at:
            self.note.clear()  # another change since (an edit, an undo): the note is old
        options = scenario.options
        blockers = [QSignalBlocker(w) for w in (self.mode, self.input, self.temperature,
                                                self.temperature_slider, self.smoothing,
                                                self.reduction, self.log_base)]
        # Only what changed: a spin box given its own value again still repaints (every edit
        # of a logit reaches here).
        for combo, key in ((self.mode, scenario.mode), (self.input, scenario.input),
                           (self.reduction, options.reduction),
                           (self.log_base, options.log_base)):
            index = combo.findData(key)
            if index != combo.currentIndex():
                combo.setCurrentIndex(index)
        for spin_box, value in ((self.temperature, options.temperature),
                                (self.smoothing, options.label_smoothing)):
            if spin_box.value() != value:
                spin_box.setValue(value)
        position = temperature_to_slider(options.temperature)
        if self.temperature_slider.value() != position:
            self.temperature_slider.setValue(position)
        del blockers
        self._show_weights(self.weights, options.class_weights)
        self._show_weights(self.pos_weight, options.pos_weight)
        self._enable_for(scenario)

    def _show_weights(self, edit, values):
        text = "" if values is None else ", ".join(f"{v:g}" for v in values)
        if not edit.hasFocus() and edit.text() != text:
            edit.setText(text)

    def _enable_for(self, scenario):
        softmax = scenario.mode == "softmax"
        logits = scenario.input == "logits"
        for key, enabled in (("temperature", logits), ("smoothing", softmax),
                             ("pos_weight", not softmax)):
            self.labels[key].setEnabled(enabled)
        self.temperature.setEnabled(logits)
        self.temperature_slider.setEnabled(logits)
        self.smoothing.setEnabled(softmax)
        self.pos_weight.setEnabled(not softmax)
