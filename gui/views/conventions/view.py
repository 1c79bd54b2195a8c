"""The conventions view: the batch loss and the selected sample's under the textbook's, PyTorch's,
Keras' and scikit-learn's rules side by side, each with its call, a sentence for every rule that
makes a difference, and hardmax beside softmax. Every number is engine.conventions'."""

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QTextOption
from PySide6.QtWidgets import (QFrame, QGridLayout, QLabel, QScrollArea, QSizePolicy, QTextEdit,
                               QVBoxLayout, QWidget)

import engine
from engine.top_classes import top_classes
from gui.common.formatting import format_number, full_precision
from gui.common.texts import of_model, target_symbol, unit_name
from gui.common.user_text import plain, short, tooltip
from gui.views.base import View
from gui.views.conventions.sentences import LIBRARY_NAMES, missing_sentence, reason_sentence

CONVENTIONS = engine.CONVENTIONS
DIGITS = 6  # the libraries differ in the 5th digit and beyond (Keras' clip: 16.1181 vs 16.1181)
HARDMAX_ROWS = 5  # classes listed beside the hardmax: the most probable ones


class ConventionsView(View):
    """The scenario's loss under each library's conventions (read-only).

    Shows what ``Document.changed`` carries, just after the change (several changes in one go
    are drawn once), and only while in sight: engine.compare takes about 4 analyses' time
    (10–20 ms for 64 samples × 1000 classes). A change of the selected sample alone computes
    nothing again. No signals of its own.

    Attributes
    ----------
    cells : {convention: {"batch", "sample", "missing": QLabel}} the grid of losses
    calls : {convention: _CodeText} each convention's call, or the textbook's formula
    notes : {convention: QLabel} the sentences: the rules that make a difference, or why the
        library cannot compute the loss
    hardmax : _HardmaxBox
    drawn : the (analysis, selection) shown, or None before the first drawing
    """

    catch_up_when_hidden = True

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._results, self._results_for = None, None
        self.drawn = None  # the (analysis, selection) shown, once drawn
        self.caption = _text_label()
        self.sample_header = _text_label()
        self.cells, self.calls, self.notes = {}, {}, {}
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.caption)
        layout.addLayout(self._build_grid())
        for convention in CONVENTIONS:
            layout.addWidget(self._build_details(convention))
        self.hardmax = _HardmaxBox()
        layout.addWidget(self.hardmax)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._timer = QTimer(self, singleShot=True, timeout=self._draw)
        self.follow(document)

    def _build_grid(self):
        grid = QGridLayout()
        grid.addWidget(_bold(plain(QLabel(self.tr("Batch")))), 0, 1, Qt.AlignRight)
        grid.addWidget(self.sample_header, 0, 2)
        self.sample_header.setAlignment(Qt.AlignRight)
        for row, convention in enumerate(CONVENTIONS, start=1):
            grid.addWidget(plain(QLabel(_title(convention))), row, 0)
            cells = {"batch": _number_label(), "sample": _number_label(),
                     "missing": _text_label()}
            grid.addWidget(cells["batch"], row, 1)
            grid.addWidget(cells["sample"], row, 2)
            grid.addWidget(cells["missing"], row, 1, 1, 2)
            self.cells[convention] = cells
        grid.setColumnStretch(0, 1)
        return grid

    def _build_details(self, convention):
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_bold(plain(QLabel(_title(convention)))))
        self.calls[convention] = _CodeText()
        self.notes[convention] = _text_label()
        layout.addWidget(self.calls[convention])
        layout.addWidget(self.notes[convention])
        return box

    # ----------------------------------------------------------------------------- public

    def show_analysis(self, analysis, selection):
        """Draw ``analysis`` once the events of this change are handled."""
        self._timer.start(0)

    def results(self):
        """engine.compare of the latest analysis: what the view shows (computed if need be)."""
        analysis = self.state[0]
        if self._results_for is not analysis:
            self._results = engine.compare(analysis.scenario, analysis=analysis)
            self._results_for = analysis
        return self._results

    # ----------------------------------------------------------------------------- private

    def _draw(self):
        # A dock behind another's tab is still "visible" to Qt (moved out of sight, not
        # hidden): it waits, and base.View.catch_up draws it when its tab comes to the front.
        if self.out_of_sight():
            self._stale = True
            return
        analysis, selection = self.state
        scenario = analysis.scenario
        n = min(selection.sample, len(scenario.rows) - 1)
        results = self.results()
        source = self.tr("the logits") if scenario.input == "logits" else \
            self.tr("the probabilities")
        caption = self.tr("Each library's own call, from {source} as the table holds them; "
                          "losses in {unit}.").format(source=source, unit=unit_name(analysis.unit))
        _set(self.caption, of_model(analysis, caption), of_model(analysis, caption, str))
        name = scenario.samples[n]
        _set(self.sample_header, self.tr("Sample “{name}”").format(name=short(name)),
             self.tr("Sample “{name}”").format(name=name))
        for convention in CONVENTIONS:
            self._show_convention(convention, results[convention], scenario, n)
        self.hardmax.show_sample(analysis, n)
        self.drawn = (analysis, selection)

    def _show_convention(self, convention, result, scenario, n):
        cells = self.cells[convention]
        missing = None if result.expressible else missing_sentence(convention,
                                                                   result.not_expressible)
        cells["batch"].setVisible(missing is None)
        cells["sample"].setVisible(missing is None)
        cells["missing"].setVisible(missing is not None)
        if missing is None:
            _set_number(cells["batch"], result.loss)
            _set_number(cells["sample"], result.sample_loss[n])
        else:
            _set(cells["missing"], self.tr("cannot compute it"), missing)
        _set(self.calls[convention], _call_text(convention, result, scenario))
        _set(self.notes[convention], self._notes(convention, result, scenario, n, missing))

    def _notes(self, convention, result, scenario, n, missing):
        if missing is not None:
            return missing
        if convention == "textbook":
            return self.tr("Logit Lab's own value: p = 0 for a class the target gives mass "
                           "makes it ∞.")
        if not result.reasons:
            return self.tr("No rule of {library} changes this loss: the value is the "
                           "textbook's.").format(library=LIBRARY_NAMES[convention])
        return "\n".join(reason_sentence(convention, reason, n, scenario)
                         for reason in result.reasons)


class _HardmaxBox(QWidget):
    """Hardmax beside softmax for the selected sample: the most probable classes with p and the
    one-hot, the max, and the calls of numpy and TensorFlow (engine.hardmax)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = _bold(_text_label())
        self.note = _text_label()
        self.calls = _CodeText()
        self.value_header = _bold(plain(QLabel()))
        grid = QGridLayout()
        for column, text in enumerate((self.tr("class"), None, self.tr("softmax p"),
                                       self.tr("hardmax"))):
            header = self.value_header if text is None else _bold(plain(QLabel(text)))
            grid.addWidget(header, 0, column, Qt.AlignLeft if column == 0 else Qt.AlignRight)
        self.rows = []
        for row in range(1, HARDMAX_ROWS + 1):
            labels = [_text_label()] + [_number_label() for _ in range(3)]
            for column, label in enumerate(labels):
                grid.addWidget(label, row, column)
            self.rows.append(labels)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(self.calls)

    def show_sample(self, analysis, n):
        scenario = analysis.scenario
        self.setVisible(scenario.mode == "softmax")  # hardmax is the hard form of softmax
        if scenario.mode != "softmax":
            return
        logits = scenario.input == "logits"
        result = engine.hardmax(scenario.rows[n])
        p = analysis.probabilities[n]
        classes = _most_probable(p)
        _set(self.title, self.tr("Hardmax beside softmax: sample “{name}”").format(
            name=short(scenario.samples[n])))
        self.value_header.setText(self.tr("logit z") if logits else self.tr("input p"))
        for row, labels in enumerate(self.rows):
            shown = row < len(classes)
            for label in labels:
                label.setVisible(shown)
            if shown:
                c = int(classes[row])
                _set(labels[0], short(scenario.classes[c]), scenario.classes[c])
                for label, value in zip(labels[1:], (scenario.rows[n, c], p[c],
                                                     result.one_hot[c])):
                    _set_number(label, value)
        _set(self.note, self._note(scenario, result, len(classes)))
        _set(self.calls, _hardmax_calls(result, logits))

    def _note(self, scenario, result, listed):
        argmax = int(result.argmax)
        lines = [self.tr("max = {max}, at {class_name}: hardmax puts 1 there and 0 "
                         "elsewhere.").format(max=format_number(result.max, DIGITS),
                                              class_name=short(scenario.classes[argmax]))]
        if listed < len(scenario.classes):
            lines.append(self.tr("The {count} most probable of {total} classes are "
                                 "listed.").format(count=listed, total=len(scenario.classes)))
        if result.ties:
            lines.append(self.tr("The largest value occurs more than once: numpy marks the "
                                 "first; tf.argmax does not promise which."))
        return "\n".join(lines)


# ----------------------------------------------------------------------------- helpers

def _title(convention):
    if convention == "textbook":
        return QCoreApplication.translate("ConventionsView", "Textbook")
    return LIBRARY_NAMES[convention]


def _call_text(convention, result, scenario):
    """The call's lines (Keras: Keras 3's, then the article's tf.keras spelling), or the
    textbook's formula."""
    if convention == "textbook":
        return _formula(scenario)
    lines = []
    for call in result.calls:
        if len(result.calls) > 1:
            lines.append(f"# {'Keras 3' if call.spelling == 'keras' else call.spelling}")
        lines += [*call.setup, call.expression]
    return "\n".join(lines)


def _formula(scenario):
    ln = "ln" if scenario.options.log_base == "e" else "log₂"
    t = scenario.options.temperature
    z = "z" if t == 1.0 else f"z/{format_number(t)}"
    if scenario.mode == "softmax":
        p = f"softmax({z})" if scenario.input == "logits" else "p"
        return f"L = −Σ {target_symbol(scenario)} {ln} {p}"
    p = f"σ({z})" if scenario.input == "logits" else "p"
    return f"L = −Σ [y {ln} {p} + (1 − y) {ln}(1 − {p})]"


def _hardmax_calls(result, logits):
    lines = []
    for library, calls in result.calls.items():
        lines += [f"{calls['max']}  # max", f"{calls['one_hot']}  # hardmax"]
    text = "\n".join(lines)
    # The code panel names probability rows "probabilities"; the calls are the same.
    return text if logits else text.replace("logits", "probabilities")


def _most_probable(p):
    """The HARDMAX_ROWS most probable classes, the most probable first."""
    chosen = top_classes(p, np.zeros_like(p), HARDMAX_ROWS)[0]
    return chosen[np.argsort(-p[chosen], kind="stable")]


def _format(value):
    """A loss as the view shows it: 6 digits, ∞, and nan as the libraries print it."""
    if value is not None and math.isnan(value):
        return "nan"
    return format_number(value, DIGITS)


def _set_number(label, value):
    text = _format(value)
    full = "—" if value is None else ("nan" if math.isnan(value) else full_precision(value))
    _set(label, text, full)


def _set(label, text, full=None):
    """Set a label's text and tooltip only when they change (each change lays out again)."""
    if label.text() != text:
        label.setText(text)
    tip = tooltip(full) if full is not None and full != text else ""
    if label.toolTip() != tip:
        label.setToolTip(tip)


def _text_label():
    label = plain(QLabel())
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


def _number_label():
    label = plain(QLabel())
    label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class _CodeText(QTextEdit):
    """Code, read-only, as tall as its lines at the width it is given: a line wraps at a
    space, or inside a name too long for a narrow dock (a label would cut it), and is copied
    as written."""

    def __init__(self, parent=None):
        super().__init__(parent, readOnly=True)
        self._heights = {}  # width -> height, for the current text and font
        self.setFrameShape(QFrame.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(0)
        self.viewport().setAutoFillBackground(False)  # on the view's background, as a label
        policy = QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        # Only the family: the size follows the window's font (presentation mode).
        font = QFont()
        font.setFamilies([QFontDatabase.systemFont(QFontDatabase.FixedFont).family()])
        font.setStyleHint(QFont.TypeWriter)
        self.setFont(font)

    def text(self):
        return self.toPlainText()

    def setText(self, text):
        self.setPlainText(text)
        self._heights.clear()
        self.updateGeometry()

    def hasHeightForWidth(self):
        return True

    def heightForWidth(self, width):
        if width not in self._heights:
            document = self.document().clone(self)
            document.setTextWidth(max(width, 1))
            self._heights[width] = math.ceil(document.size().height())
            document.deleteLater()
        return self._heights[width]

    def sizeHint(self):
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self):
        return QSize(self.fontMetrics().averageCharWidth() * 12, self.fontMetrics().height())

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._heights.clear()
            self.updateGeometry()


def _bold(label):
    font = QFont()
    font.setBold(True)
    label.setFont(font)
    return label

