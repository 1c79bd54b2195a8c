"""The presentation stage (F5): made for a room, not a scaled-up desk. One or two large plots the
teacher picks (with the choosers, or the number keys), the key numbers in large type and the
input table, compact and editable; nothing else. The shell gives it the plots and the table."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.views.base import View
from gui.views.stage.numbers import KeyNumbers

# What the stage shows first: the probabilities beside the −ln p curve.
FIRST_CHOICE = ("probabilities", "nll")
# The plots get this share of the height, the table and the numbers the rest.
PLOTS_SHARE = 0.66


class StageView(View):
    """The stage.

    ``plots`` is a view of the document's plots that shows the named ones side by side
    (``show_only(names)``) and says which apply to a scenario (``applicable(scenario)``);
    ``choices`` is [(name, title)] of the plots, in the order of the number keys 1, 2, …

    Keys (where the focus is not in the table): 1–9 puts that plot first, Ctrl+1–9 beside it,
    0 shows the first alone.

    Attributes: ``first`` and ``second`` (QComboBox, the choosers; the second's first entry is
    "none"), ``numbers`` (KeyNumbers), ``shown`` (the names of the plots shown).
    Signals: none.
    """

    def __init__(self, document, plots, choices, parent=None):
        super().__init__(parent)
        self._plots = plots
        self._choices = list(choices)
        self._applicable = [name for name, _ in self._choices]
        self.shown = []
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.numbers = KeyNumbers(document, self)
        self._table_holder = QWidget(self)
        QVBoxLayout(self._table_holder).setContentsMargins(0, 0, 0, 0)
        bottom = QWidget(self)
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self._table_holder, 1)
        bottom_layout.addWidget(self.numbers, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("stageSplitter")
        self.splitter.addWidget(plots)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 2)  # (before the first share_height)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addLayout(self._build_choosers())
        layout.addWidget(self.splitter, 1)
        self.follow(document)
        self.choose(*FIRST_CHOICE)

    def _build_choosers(self):
        row = QHBoxLayout()
        self.first = QComboBox(self)
        self.second = QComboBox(self)
        self.second.addItem(self.tr("nothing"), None)
        for key, (name, title) in enumerate(self._choices, start=1):
            self.first.addItem(f"{key}  {title}", name)
            self.second.addItem(f"{key}  {title}", name)
        self.first.setAccessibleName(self.tr("First plot"))
        self.second.setAccessibleName(self.tr("Second plot"))
        first_label = QLabel(self.tr("&Plot:"), self)
        first_label.setBuddy(self.first)
        second_label = QLabel(self.tr("&beside it:"), self)
        second_label.setBuddy(self.second)
        keys = QLabel(self.tr("Keys: 1–{last} plot, Ctrl+1–{last} beside it, 0 one plot, "
                              "Esc back to the desk").format(last=len(self._choices)), self)
        keys.setToolTip(keys.text())
        self.first.activated.connect(lambda _: self.choose(self.first.currentData(),
                                                           self._second_name()))
        self.second.activated.connect(lambda _: self.choose(self._first_name(),
                                                            self.second.currentData()))
        for widget in (first_label, self.first, second_label, self.second):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(keys)
        self._keys_label = keys
        return row

    # --- the table -----------------------------------------------------------------------
    def put_table(self, table):
        """Show ``table`` (the input table, lent by the desk) under the plots."""
        self._table_holder.layout().addWidget(table)
        table.show()

    def take_table(self, table):
        """Give ``table`` back (the caller puts it in its place)."""
        self._table_holder.layout().removeWidget(table)

    def share_height(self):
        """Give the plots PLOTS_SHARE of the height (the stage's first look), once laid out."""
        total = self.splitter.height()
        if total > 0:
            plots = round(total * PLOTS_SHARE)
            self.splitter.setSizes([plots, total - plots])

    # --- choosing ------------------------------------------------------------------------
    def choose(self, first, second=None):
        """Show plot ``first``, and ``second`` beside it (None: the first alone). A plot that
        does not apply now (the sigmoid in softmax mode) gives its place to the next one."""
        first = first if first in self._applicable else self._applicable[0]
        second = second if second in self._applicable and second != first else None
        self.shown = [first] + ([second] if second else [])
        for combo, name in ((self.first, first), (self.second, second)):
            index = combo.findData(name)
            if index != combo.currentIndex():
                combo.setCurrentIndex(index)
        self._plots.show_only(self.shown)

    def _first_name(self):
        return self.shown[0] if self.shown else FIRST_CHOICE[0]

    def _second_name(self):
        return self.shown[1] if len(self.shown) > 1 else None

    def keyPressEvent(self, event):
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            number = key - Qt.Key.Key_0
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if number == 0:
                self.choose(self._first_name())
                return
            if number <= len(self._choices):
                name = self._choices[number - 1][0]
                if ctrl:
                    self.choose(self._first_name(), name)
                elif name == self._second_name():  # the two change places
                    self.choose(name, self._first_name())
                else:
                    self.choose(name, self._second_name())
                return
        super().keyPressEvent(event)

    def show_analysis(self, analysis, _selection):
        applicable = self._plots.applicable(analysis.scenario)
        if applicable == self._applicable:
            return
        self._applicable = applicable
        for combo in (self.first, self.second):
            model = combo.model()
            for row in range(combo.count()):
                name = combo.itemData(row)
                item = model.item(row)
                item.setEnabled(name is None or name in applicable)
        self.choose(self._first_name(), self._second_name())
