"""The input table's model: the scenario's inputs (logits or probabilities) and targets as an
item model that reads the Document's scenario and writes every edit through the Document."""

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush

from engine import edits
from gui.common.formatting import format_number, not_a_number, parse_number
from gui.common.style import colour
from gui.common.user_text import short, tooltip
from gui.views.tables.cells import (ALIGNMENT, BACKGROUND, CHECK_STATE, DISPLAY, EDIT, TOOLTIP,
                                    USER, VALUE_ROLES, VERTICAL, bounds, float_cell)

CHECKED, PARTIALLY_CHECKED = Qt.CheckState.Checked, Qt.CheckState.PartiallyChecked
_CHECK_STATES = {0.0: Qt.CheckState.Unchecked, 1.0: CHECKED}
# A painted cell asks for about seven roles; these are the ones this model answers.
_ROLES_ANSWERED = frozenset({DISPLAY, EDIT, USER, TOOLTIP, ALIGNMENT, BACKGROUND, CHECK_STATE})
_CELL_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable
_LABEL_FLAGS = _CELL_FLAGS | Qt.ItemIsUserCheckable
_ERROR_BRUSH = QBrush(colour("term", 90))
_WARNING_BRUSH = QBrush(colour("target", 70))


class InputModel(QAbstractTableModel):
    """The scenario's inputs: rows = samples, the first C columns = the logits (or
    probabilities) of each class, then the target column(s): one "true class" column for class
    indices, or one column per class for a soft target row (softmax) or the labels (sigmoid).

    It keeps a reference to the (immutable) scenario the view was last told about (InputTable
    tells it, ``show_scenario``), so the view never sees a shape it has not been told of; every
    write goes to the Document.

    Signals: refused(str) — a typed value was not accepted; the text says why.
    """

    refused = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._document = document
        self._scenario = document.model_scenario  # the selected model's: it has one model's rows
        self._off_rows = frozenset(edits.row_sums_off(self._scenario))
        self._refused_cell = None

    # --- shape ---------------------------------------------------------------------------
    @property
    def class_count(self):
        return self._scenario.rows.shape[1]

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self._scenario.rows.shape[0]

    def columnCount(self, parent=QModelIndex()):
        if parent.isValid():
            return 0
        return self.class_count + (1 if self.is_index_target() else self.class_count)

    def is_index_target(self):
        return self._scenario.target_kind == "index"

    def is_value_column(self, column):
        return 0 <= column < self.class_count

    def is_true_class_column(self, column):
        return self.is_index_target() and column == self.class_count

    def is_label_column(self, column):
        return self._scenario.mode == "sigmoid" and column >= self.class_count

    # --- reading -------------------------------------------------------------------------
    def headerData(self, section, orientation, role=DISPLAY):
        scenario = self._scenario
        if orientation == VERTICAL:
            if role == DISPLAY:
                return short(scenario.samples[section])
            if role == TOOLTIP:  # the whole name: the header may show it cut
                return tooltip(scenario.samples[section] + "\n"
                               + self.tr("Double-click to rename this sample"))
            return None
        if role == DISPLAY:
            return self._column_title(section)
        if role == TOOLTIP:
            return tooltip(self._column_tip(section))
        return None

    def _column_title(self, column):
        if self.is_value_column(column):
            return short(self._scenario.classes[column])
        if self.is_true_class_column(column):
            return self.tr("true class")
        name = short(self._scenario.classes[column - self.class_count])
        if self._scenario.mode == "sigmoid":
            return self.tr("label: {name}").format(name=name)
        return self.tr("target: {name}").format(name=name)

    def _column_tip(self, column):
        if self.is_value_column(column):
            kind = self.tr("probability") if self._scenario.input == "probabilities" \
                else self.tr("logit")
            return self.tr("The {kind} of class '{name}' for each sample; double-click the "
                           "header to rename the class").format(
                kind=kind, name=self._scenario.classes[column])
        if self.is_true_class_column(column):
            return self.tr("The class each sample really is, or '(ignored)' to leave it out")
        if self._scenario.mode == "sigmoid":
            return self.tr("Tick when the class is present (1), or type a soft label in [0, 1]")
        return self.tr("The target probability of this class; the others of the row share "
                       "the rest")

    def data(self, index, role=DISPLAY):
        if role not in _ROLES_ANSWERED or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if self.is_value_column(column):
            return self._value_data(row, column, role)
        if self.is_true_class_column(column):
            return self._true_class_data(row, role)
        return self._target_data(row, column - self.class_count, role)

    def number_cell(self, row, column):
        """(value, background brush or None) of a plain number cell, None for the others (the
        true class, a ticked label): what NumberDelegate paints."""
        if self.is_value_column(column):
            return self._scenario.rows[row, column], self._value_brush(row, column)
        if self.is_index_target() or self._scenario.mode == "sigmoid":
            return None
        return (self._scenario.targets[row, column - self.class_count],
                self._target_brush(row, column))

    def number_cells(self, rows, column):
        """number_cell of each of ``rows`` (a range) at once, for a view that checks many."""
        if not self.is_value_column(column):
            return [self.number_cell(row, column) for row in rows]
        values = self._scenario.rows[rows.start:rows.stop, column].tolist()
        return [(value, self._value_brush(row, column)) for row, value in zip(rows, values)]

    def _value_brush(self, row, column):
        if self._refused_cell == (row, column):
            return _ERROR_BRUSH
        return _WARNING_BRUSH if row in self._off_rows else None

    def _target_brush(self, row, column):
        return _ERROR_BRUSH if self._refused_cell == (row, column) else None

    def _value_data(self, row, column, role):
        if role == BACKGROUND:
            return self._value_brush(row, column)
        note = self._sum_note(row) if role == TOOLTIP and row in self._off_rows else ""
        return float_cell(self._scenario.rows[row, column], role, note)

    def _sum_note(self, row):
        total = format_number(self._scenario.rows[row].sum(), digits=6)
        return self.tr("This row sums to {total}, not 1: a sample's probabilities must add up "
                       "to 1").format(total=total)

    def _true_class_data(self, row, role):
        target = int(self._scenario.targets[row])
        if role in VALUE_ROLES:
            return target
        ignored = target == self._scenario.options.ignore_index
        if role == DISPLAY:
            return self.tr("(ignored)") if ignored else short(self._scenario.classes[target])
        if role == TOOLTIP:
            tip = self._column_tip(self.class_count)
            return tooltip(tip if ignored else f"{self._scenario.classes[target]}\n{tip}")
        return None

    def _target_data(self, row, column, role):
        value = float(self._scenario.targets[row, column])
        if role == BACKGROUND:
            return self._target_brush(row, column + self.class_count)
        if self._scenario.mode == "sigmoid":
            if role == CHECK_STATE:
                return _CHECK_STATES.get(value, PARTIALLY_CHECKED)
            if role == DISPLAY and value in (0.0, 1.0):
                return ""  # the tick says it; only a soft label needs its number
        return float_cell(value, role)

    def flags(self, index):
        if not index.isValid():
            return Qt.NoItemFlags
        return _LABEL_FLAGS if self.is_label_column(index.column()) else _CELL_FLAGS

    def cell_name(self, row, column):
        """Where a cell is, as the user reads it: "row 2, column 'dog'"."""
        name = short(self._scenario.classes[column % self.class_count]) \
            if not self.is_true_class_column(column) else self.tr("true class")
        return self.tr("row {row}, column '{column}'").format(row=row + 1, column=name)

    def not_a_number(self, row, column, text):
        """Why the cell refuses ``text``: "row 2, column 'dog': 'abc' is not a number"."""
        return self.tr("{cell}: {problem}").format(cell=self.cell_name(row, column),
                                                   problem=not_a_number(text))

    def true_class_choices(self):
        """The true-class editor's items: the classes, then "(ignored)"."""
        return list(self._scenario.classes) + [self.tr("(ignored)")]

    def target_of_choice(self, choice):
        return choice if choice < self.class_count else self._scenario.options.ignore_index

    def choice_of_target(self, target):
        return target if 0 <= target < self.class_count else self.class_count

    # --- writing -------------------------------------------------------------------------
    def setData(self, index, value, role=EDIT):
        if not index.isValid():
            return False
        row, column = index.row(), index.column()
        if role == CHECK_STATE and self.is_label_column(column):
            checked = _check_state(value) == CHECKED
            return self._write_target(row, column, 1.0 if checked else 0.0)
        if role != EDIT:
            return False
        if self.is_true_class_column(column):
            return self._write_true_class(row, column, value)
        number = self._number(value)
        if number is None:
            return self._refuse(row, column, self.not_a_number(row, column, value))
        if self.is_value_column(column):
            return self._write(row, column, self._document.set_cell, row, column, number)
        return self._write_target(row, column, number)

    def _write_true_class(self, row, column, value):
        choices = self.true_class_choices()
        if isinstance(value, str) and value in choices:  # a class name typed or pasted
            value = self.target_of_choice(choices.index(value))
        if isinstance(value, bool) or not isinstance(value, int):
            return self._refuse(row, column, self.tr("{cell}: '{text}' is not a class").format(
                cell=self.cell_name(row, column), text=short(str(value))))
        text = self.tr("Set the true class of {sample}").format(
            sample=short(self._scenario.samples[row]))
        return self._write(row, column, self._document.edit, text, edits.set_target, row, value)

    @staticmethod
    def _number(value):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value) if math.isfinite(value) else None
        return parse_number(value) if isinstance(value, str) else None

    def _write_target(self, row, column, value):
        name = short(self._scenario.classes[column - self.class_count])
        text = self.tr("Set target {sample} · {name}").format(
            sample=short(self._scenario.samples[row]), name=name)
        return self._write(row, column, self._document.edit, text, edits.set_target_value, row,
                           column - self.class_count, value,
                           merge_key=("target", row, column))

    def _write(self, row, column, edit, *args, **kwargs):
        # The Document says why when it refuses (editRefused); the cell turns red meanwhile.
        return edit(*args, **kwargs) or self._refuse(row, column, None)

    def _refuse(self, row, column, message):
        self._set_refused_cell((row, column))
        if message:
            self.refused.emit(message)
        return False

    def _set_refused_cell(self, cell):
        old, self._refused_cell = self._refused_cell, cell
        for changed in {old, cell} - {None}:
            index = self.index(*changed)
            self.dataChanged.emit(index, index, [BACKGROUND])

    # --- following the document ----------------------------------------------------------
    def show_scenario(self, scenario):
        old = self._scenario
        if _layout(old) != _layout(scenario):
            self.beginResetModel()
            self._scenario, self._refused_cell = scenario, None
            self._off_rows = frozenset(edits.row_sums_off(scenario))
            self.endResetModel()
            return
        old_off = self._off_rows
        self._scenario = scenario
        self._off_rows = frozenset(edits.row_sums_off(scenario))
        self._set_refused_cell(None)
        self._emit_header_changes(old, scenario)
        self._emit_value_changes(old, scenario, old_off ^ self._off_rows)
        self._emit_target_changes(old, scenario)

    def _emit_header_changes(self, old, new):
        # An edit keeps the same name tuples: "is" spares comparing 50,000 names.
        if old.classes is not new.classes and old.classes != new.classes:
            self.headerDataChanged.emit(Qt.Horizontal, 0, self.columnCount() - 1)
        if old.samples is not new.samples and old.samples != new.samples:
            self.headerDataChanged.emit(Qt.Vertical, 0, self.rowCount() - 1)

    def _emit_value_changes(self, old, new, flag_changed):
        changed = old.rows != new.rows
        rows, columns = bounds(changed.any(axis=1)), bounds(changed.any(axis=0))
        if rows:
            self._emit_block(rows, columns)
        if flag_changed:  # a row's warning colour covers all of its cells
            self._emit_block((min(flag_changed), max(flag_changed)), (0, self.class_count - 1))

    def _emit_target_changes(self, old, new):
        if self.is_index_target():
            changed = (old.targets != new.targets) | \
                (old.options.ignore_index != new.options.ignore_index)
            rows = bounds(changed)
            if rows:
                self._emit_block(rows, (self.class_count, self.class_count))
            return
        changed = old.targets != new.targets
        rows, columns = bounds(changed.any(axis=1)), bounds(changed.any(axis=0))
        if rows:
            self._emit_block(rows, tuple(c + self.class_count for c in columns))

    def _emit_block(self, rows, columns):
        self.dataChanged.emit(self.index(rows[0], columns[0]), self.index(rows[1], columns[1]))


def _layout(scenario):
    """What decides the table's rows and columns; a change means a model reset."""
    return scenario.rows.shape, scenario.mode, scenario.target_kind


def _check_state(value):
    # The view hands the new state over as a plain int.
    return Qt.CheckState(value) if isinstance(value, int) else value

