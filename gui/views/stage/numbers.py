"""The stage's key numbers in large type: the selected sample's loss, the probability of its
true class, the batch loss, and CE = H + KL with its numbers (with several models, each named
after the shown model)."""

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout

from gui.common.formatting import format_number
from gui.common.labels import SteadyLabel
from gui.common.texts import of_model, reduction_text, unit_name
from gui.common.user_text import short
from gui.views.base import View

# The numbers are this much larger than the stage's text.
NUMBER_SCALE = 1.5
# Where each number stands: (row, column) of its name; the number is under it.
PLACES = {"loss": (0, 0), "p": (0, 1), "batch": (2, 0), "identity": (2, 1)}


class KeyNumbers(View):
    """Four numbers in large type, each under its name; every number is the Analysis'. A name
    too long for its place has words cut ("…"), a number is drawn smaller, never cut.

    Attributes: ``names`` and ``values``, dicts of SteadyLabel by key ("loss", "p", "batch",
    "identity"). Signals: none; it shows what ``Document.changed`` carries.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        self.names, self.values = {}, {}
        for key, (row, column) in PLACES.items():
            self.names[key] = SteadyLabel(self)
            self.values[key] = SteadyLabel(self, cut=False)
            layout.addWidget(self.names[key], row, column)
            layout.addWidget(self.values[key], row + 1, column)
        layout.setRowStretch(4, 1)
        self.values["loss"].setAccessibleName(self.tr("Loss of the selected sample"))
        self.values["p"].setAccessibleName(self.tr("Probability of the true class"))
        self.values["batch"].setAccessibleName(self.tr("Batch loss"))
        self.values["identity"].setAccessibleName(self.tr("Cross-entropy identity"))
        self._size_numbers()
        self.follow(document)

    def show_analysis(self, analysis, selection):
        n = min(selection.sample, len(analysis.scenario.rows) - 1)
        shown, whole = self._texts(analysis, n, short), self._texts(analysis, n, str)
        for key, (label, value) in shown.items():
            self.names[key].setText(label, whole[key][0])
            self.values[key].setText(value)

    def _texts(self, analysis, n, name):
        """Each number's (name, number) for sample ``n``; ``name`` shortens names (``str``:
        whole)."""
        scenario = analysis.scenario
        unit = unit_name(analysis.unit)
        true = analysis.true_class(n)
        if analysis.ignored[n]:
            loss = self.tr("ignored")
        else:
            loss = f"{format_number(analysis.sample_loss[n])} {unit}"
        batch = "—" if analysis.loss is None else f"{format_number(analysis.loss)} {unit}"
        identity = "{ce} = {h} + {kl}".format(ce=format_number(analysis.cross_entropy[n]),
                                              h=format_number(analysis.entropy[n]),
                                              kl=format_number(analysis.kl[n]))
        if scenario.mode == "softmax" and scenario.target_kind == "index":
            p_name = self.tr("p of the true class {cls}")
        else:
            p_name = self.tr("p of {cls}, the most likely target")
        texts = {
            "loss": (self.tr("Loss of {sample}").format(sample=name(scenario.samples[n])), loss),
            "p": (p_name.format(cls=name(scenario.classes[true])),
                  format_number(analysis.probabilities[n, true])),
            "batch": (self.tr("Batch loss {how}").format(how=reduction_text(analysis)), batch),
            "identity": (self.tr("CE = H + KL"), identity),
        }
        # With several models each number's name says whose number it is.
        return {key: (of_model(analysis, label, name), value)
                for key, (label, value) in texts.items()}

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_numbers()

    def _size_numbers(self):
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * NUMBER_SCALE)
        font.setBold(True)
        for label in self.values.values():
            if label.font() != font:
                label.setFont(font)
