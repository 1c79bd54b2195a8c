"""The input table (logits or probabilities, and the targets) and the results tables (one row per
sample, one row per class of the selected sample), as item models over the Document's state."""

import math

import numpy as np
from PySide6.QtCore import (QAbstractTableModel, QCoreApplication, QEvent, QItemSelection,
                            QItemSelectionModel, QLocale, QModelIndex, QRect, QSignalBlocker, Qt,
                            Signal)
from PySide6.QtGui import QAccessible, QAction, QBrush, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QSplitter, QStyle, QStyledItemDelegate,
                               QTableView, QToolBar, QVBoxLayout, QWidget)

from engine import edits
from gui.common.formatting import (AmbiguousCommas, check_commas, decimal_comma, format_number,
                            full_precision, not_a_number, parse_number)
from gui.common.labels import SteadyLabel
from gui.common.style import OKABE_ITO, colour
from engine.top_classes import target_mass, top_classes
from gui.views.base import View
from gui.common.user_text import MESSAGE_CHARS, plain, short, tooltip

# The per-class results table shows at most this many rows (a vocabulary can have 50,000).
MAX_CLASS_ROWS = 500

# data() runs for every role of every painted cell and gets the role as a plain int, while
# looking up a Qt enum member costs microseconds in PySide6: the roles are looked up once, here.
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
EDIT = int(Qt.ItemDataRole.EditRole)
USER = int(Qt.ItemDataRole.UserRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
VERTICAL = Qt.Orientation.Vertical
CHECKED, PARTIALLY_CHECKED = Qt.CheckState.Checked, Qt.CheckState.PartiallyChecked
_CHECK_STATES = {0.0: Qt.CheckState.Unchecked, 1.0: CHECKED}
# A painted cell asks for about seven roles; these are the ones any model here answers.
_ROLES_ANSWERED = frozenset({DISPLAY, EDIT, USER, TOOLTIP, ALIGNMENT, BACKGROUND, CHECK_STATE})
# The results tables have no check boxes. (A view asks every cell for seven roles on each
# paint: the ones a model never answers should cost it nothing.)
_RESULT_ROLES = _ROLES_ANSWERED - {CHECK_STATE}
_CELL_FLAGS = Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsEditable
_LABEL_FLAGS = _CELL_FLAGS | Qt.ItemIsUserCheckable
_NUMBER_ALIGNMENT = int(Qt.AlignRight | Qt.AlignVCenter)
_CENTRE_ALIGNMENT = int(Qt.AlignCenter)
_VALUE_ROLES = (EDIT, USER)
_ERROR_BRUSH = QBrush(colour("term", 90))
_WARNING_BRUSH = QBrush(colour("target", 70))
_TARGET_BRUSH = QBrush(colour("target", 45))


def editable_text(value):
    """A value as the user types it: every digit, the locale's decimal sign, no grouping."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.OmitGroupSeparator)
    return locale.toString(float(value), "g", QLocale.FloatingPointShortest)


def float_cell(value, role, note=""):
    """What a number cell gives for ``role``, shared by every model here: the float for
    EditRole/UserRole, rounded text for display, full precision (and ``note``) in the tooltip,
    right-aligned."""
    if role == DISPLAY:
        return format_number(value)
    if role in _VALUE_ROLES:
        return float(value)
    if role == TOOLTIP:
        return full_precision(value) + (f"\n{note}" if note else "")
    if role == ALIGNMENT:
        return _NUMBER_ALIGNMENT
    return None


def class_rows(probabilities, mass, limit=MAX_CLASS_ROWS):
    """The classes worth a row when there are too many for all: every class with target mass
    (the largest first, up to ``limit``), then the most probable others, sorted by probability.
    All classes in order when there are at most ``limit``."""
    if len(probabilities) <= limit:
        return np.arange(len(probabilities))
    chosen = top_classes(probabilities, mass, limit)[0]
    return chosen[np.argsort(-probabilities[chosen], kind="stable")]


def _bounds(mask):
    """(first, last) index where a 1-d boolean mask is True, or None."""
    hits = np.flatnonzero(mask)
    return (int(hits[0]), int(hits[-1])) if hits.size else None


def _infinite_note(value):
    """The tooltip line that says why a loss is infinite (empty for a finite value)."""
    if not math.isinf(value):
        return ""
    return QCoreApplication.translate("ResultsView", "Infinite: a true class has probability 0, "
                                      "and −log 0 = ∞")


def _join_names(names, limit=3):
    # A sigmoid sample can have hundreds of labels; a cell shows a few and counts the rest.
    if len(names) <= limit:
        return ", ".join(names)
    more = QCoreApplication.translate("ResultsView", "+%n more", "", len(names) - limit)
    return ", ".join(names[:limit]) + ", " + more


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
        self._scenario = document.scenario
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

    def _value_data(self, row, column, role):
        if role == BACKGROUND:
            if self._refused_cell == (row, column):
                return _ERROR_BRUSH
            return _WARNING_BRUSH if row in self._off_rows else None
        note = self._sum_note(row) if role == TOOLTIP and row in self._off_rows else ""
        return float_cell(self._scenario.rows[row, column], role, note)

    def _sum_note(self, row):
        total = format_number(self._scenario.rows[row].sum(), digits=6)
        return self.tr("This row sums to {total}, not 1: a sample's probabilities must add up "
                       "to 1").format(total=total)

    def _true_class_data(self, row, role):
        target = int(self._scenario.targets[row])
        if role in _VALUE_ROLES:
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
            return _ERROR_BRUSH if self._refused_cell == (row, column + self.class_count) else None
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

    def copy_text(self, index):
        """A cell as copied to the clipboard: numbers in full precision, names as shown."""
        if self.is_true_class_column(index.column()):
            target = self.data(index, EDIT)
            return self.true_class_choices()[self.choice_of_target(target)]
        return full_precision(self.data(index, EDIT))

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
        rows, columns = _bounds(changed.any(axis=1)), _bounds(changed.any(axis=0))
        if rows:
            self._emit_block(rows, columns)
        if flag_changed:  # a row's warning colour covers all of its cells
            self._emit_block((min(flag_changed), max(flag_changed)), (0, self.class_count - 1))

    def _emit_target_changes(self, old, new):
        if self.is_index_target():
            changed = (old.targets != new.targets) | \
                (old.options.ignore_index != new.options.ignore_index)
            rows = _bounds(changed)
            if rows:
                self._emit_block(rows, (self.class_count, self.class_count))
            return
        changed = old.targets != new.targets
        rows, columns = _bounds(changed.any(axis=1)), _bounds(changed.any(axis=0))
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


class InputDelegate(QStyledItemDelegate):
    """The input table's editors: a line edit for numbers (the model parses the text, so a
    bad value can be refused with a message) and a combo box for the true class."""

    def createEditor(self, parent, option, index):
        model = index.model()
        if model.is_true_class_column(index.column()):
            editor = QComboBox(parent)
            editor.addItems([short(choice) for choice in model.true_class_choices()])
            editor.setAccessibleName(self.tr("True class"))
            return editor
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Value"))
        return editor

    def setEditorData(self, editor, index):
        value = index.data(EDIT)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(index.model().choice_of_target(value))
        else:
            editor.setText(editable_text(value))

    def setModelData(self, editor, model, index):
        if isinstance(editor, QComboBox):
            model.setData(index, model.target_of_choice(editor.currentIndex()), EDIT)
        else:
            model.setData(index, editor.text(), EDIT)


class HeaderNameEditor(QLineEdit):
    """An inline editor over one header section (a class or sample name): Enter or leaving it
    commits, Escape cancels.

    Signals: committed(str) — the text, once, when the user is done.
    """

    committed = Signal(str)

    def __init__(self, header, section, text):
        super().__init__(text, header.viewport())
        self._done = False
        self.setAccessibleName(self.tr("Name"))
        self.setGeometry(_section_rect(header, section))
        self.editingFinished.connect(self._commit)
        self.selectAll()
        self.show()
        self.setFocus()

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self._close()
            return
        super().keyPressEvent(event)

    def _commit(self):
        if not self._done:
            self._close()
            self.committed.emit(self.text())

    def _close(self):
        self._done = True  # hiding takes the focus away, which finishes editing a second time
        self.hide()
        self.deleteLater()


def _section_rect(header, section):
    start, size = header.sectionViewportPosition(section), header.sectionSize(section)
    if header.orientation() == Qt.Horizontal:
        return QRect(start, 0, max(size, 80), header.height())
    return QRect(0, start, max(header.width(), 80), size)


class InputTable(View):
    """The editable table of inputs and targets, with its toolbar and message bar.

    Public: ``view`` (QTableView), ``model`` (InputModel), ``message_label``,
    ``normalize_button``, ``targets_combo`` and the QActions ``add_sample_action``,
    ``remove_sample_action``, ``add_class_action``, ``remove_class_action``,
    ``rename_class_action``, ``rename_sample_action``, ``copy_action``, ``paste_action``.

    Signals: none; it edits the Document and shows what ``Document.changed`` carries.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.model = InputModel(document, self)
        self.view = self._build_view()
        self.name_editor = None
        self._column_before_reset = 0
        self._shown_scenario = None
        self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self._build_message_bar())
        layout.addWidget(self.view)
        self._connect()
        self.follow(document)

    # --- building ------------------------------------------------------------------------
    def _build_view(self):
        view = QTableView(self)
        view.setModel(self.model)
        view.setItemDelegate(InputDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditKeyPressed | QAbstractItemView.AnyKeyPressed
                             | QAbstractItemView.DoubleClicked)
        view.setAccessibleName(self.tr("Inputs"))
        view.setAccessibleDescription(self.tr("One row per sample, one column per class, then "
                                              "the targets"))
        return view

    def _build_actions(self):
        self.add_sample_action = self._action(
            self.tr("Add sample"), self.tr("Insert a sample below the current one."),
            self.add_sample)
        self.remove_sample_action = self._action(
            self.tr("Remove samples"), self.tr("Remove the selected samples."),
            self.remove_samples)
        self.add_class_action = self._action(
            self.tr("Add class"), self.tr("Insert a class right of the current column."),
            self.add_class)
        self.remove_class_action = self._action(
            self.tr("Remove class"), self.tr("Remove the class of the current column."),
            self.remove_class)
        self.rename_class_action = self._action(
            self.tr("Rename class…"), self.tr("Rename the class of the current column."),
            self.rename_class)
        self.rename_sample_action = self._action(
            self.tr("Rename sample…"), self.tr("Rename the current sample."),
            self.rename_sample)
        self.copy_action = self._action(
            self.tr("Copy"), self.tr("Copy the selected cells as tab-separated text."),
            self.copy, QKeySequence.Copy)
        self.paste_action = self._action(
            self.tr("Paste"), self.tr("Paste a block of numbers at the current cell."),
            self.paste, QKeySequence.Paste)

    def _action(self, text, tip, slot, shortcut=None):
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_toolbar(self):
        # A QToolBar, so that in a narrow window the last buttons fold into its » menu instead
        # of forcing the whole window wider than the screen.
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(self.tr("Input table tools"))
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        groups = ((self.add_sample_action, self.remove_sample_action, self.rename_sample_action),
                  (self.add_class_action, self.remove_class_action, self.rename_class_action),
                  (self.copy_action, self.paste_action))
        for group in groups:
            toolbar.addActions(list(group))
            toolbar.addSeparator()
        self.targets_combo = QComboBox(toolbar)
        self.targets_combo.addItem(self.tr("class index"), "index")
        self.targets_combo.addItem(self.tr("soft distribution"), "distribution")
        self.targets_combo.setAccessibleName(self.tr("Target kind"))
        self.targets_combo.setToolTip(self.tr("Give each sample one true class, or a target "
                                              "probability for every class."))
        self.targets_label = QLabel(self.tr("&Targets:"), toolbar)
        self.targets_label.setBuddy(self.targets_combo)
        # Kept as actions so that hiding them (sigmoid mode) works inside a QToolBar.
        self.targets_label_action = toolbar.addWidget(self.targets_label)
        self.targets_combo_action = toolbar.addWidget(self.targets_combo)
        self.toolbar = toolbar
        return toolbar

    def _build_message_bar(self):
        bar = QFrame(self)
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(0, 0, 0, 0)
        self.message_label = plain(QLabel(bar))  # it quotes what was typed or pasted
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Input error"))
        self.message_label.setStyleSheet(
            f"QLabel {{ border: 1px solid {OKABE_ITO['vermillion']}; border-radius: 3px; "
            f"background: rgba(213, 94, 0, 40); padding: 3px; }}")
        self.sums_label = plain(QLabel(bar))
        self.sums_label.setAccessibleName(self.tr("Row sums warning"))
        self.normalize_button = QPushButton(self.tr("Normalize rows"), bar)
        self.normalize_button.setToolTip(self.tr("Divide each flagged row by its sum so its "
                                                 "probabilities add up to 1."))
        self.normalize_button.clicked.connect(self.normalize_rows)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.sums_label, 1)
        layout.addWidget(self.normalize_button)
        for widget in (self.message_label, self.sums_label, self.normalize_button):
            widget.hide()
        return bar

    def _connect(self):
        document = self.document
        document.editRefused.connect(self.show_message)
        self.model.refused.connect(self.show_message)
        self.model.modelAboutToBeReset.connect(self._remember_column)
        self.model.modelReset.connect(self._reselect)
        self.view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.view.horizontalHeader().sectionDoubleClicked.connect(self._rename_class_at)
        self.view.verticalHeader().sectionDoubleClicked.connect(self._rename_sample_at)
        self.targets_combo.activated.connect(self._target_kind_chosen)

    # --- messages ------------------------------------------------------------------------
    def show_message(self, text):
        """Show why an edit was refused, above the table."""
        self.message_label.setText(short(text, MESSAGE_CHARS))
        self.message_label.show()

    def clear_message(self):
        self.message_label.clear()
        self.message_label.hide()

    def show_analysis(self, analysis, selection):
        scenario = analysis.scenario
        if scenario is not self._shown_scenario:  # (not when only the selection changed)
            self._shown_scenario = scenario
            self.model.show_scenario(scenario)
            self._follow_scenario(scenario)
        self._select_row(selection.sample)

    def _follow_scenario(self, scenario):
        self.clear_message()
        rows, classes = scenario.rows.shape
        self.remove_sample_action.setEnabled(rows > 1)
        self.remove_class_action.setEnabled(classes > 1)
        softmax = scenario.mode == "softmax"
        self.targets_label_action.setVisible(softmax)
        self.targets_combo_action.setVisible(softmax)
        with QSignalBlocker(self.targets_combo):
            self.targets_combo.setCurrentIndex(self.targets_combo.findData(scenario.target_kind))
        self._show_row_sums(edits.row_sums_off(scenario))

    def _show_row_sums(self, off_rows):
        self.sums_label.setVisible(bool(off_rows))
        self.normalize_button.setVisible(bool(off_rows))
        if off_rows:
            listed = ", ".join(str(n + 1) for n in off_rows[:8])
            listed += "…" if len(off_rows) > 8 else ""
            text = self.tr("Row {rows} does not sum to 1.") if len(off_rows) == 1 \
                else self.tr("%n rows do not sum to 1: {rows}.", "", len(off_rows))
            self.sums_label.setText(text.format(rows=listed))

    # --- selection -----------------------------------------------------------------------
    def _current_row_changed(self, current, _previous):
        if current.isValid():
            self.document.select_sample(current.row())

    def _select_row(self, row, column=None):
        # Comparing first ends the loop: selecting here calls select_sample with the same row.
        current = self.view.currentIndex()
        if current.row() != row and row < self.model.rowCount():
            column = current.column() if column is None else column
            index = self.model.index(row, min(max(column, 0), self.model.columnCount() - 1))
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def _remember_column(self):
        self._column_before_reset = self.view.currentIndex().column()

    def _reselect(self):
        # A reset forgets the current cell; put it back in the same sample and column.
        self._select_row(self.state[1].sample, self._column_before_reset)

    def _current_class(self):
        """The class of the current column (a value or a per-class target), or None."""
        column = self.view.currentIndex().column()
        if column < 0 or self.model.is_true_class_column(column):
            return None
        return column % self.model.class_count

    def _needs_a_class(self):
        self.show_message(self.tr("Choose a cell in the column of a class first."))

    def _current_row(self):
        row = self.view.currentIndex().row()
        return row if row >= 0 else self.state[1].sample

    def _selected_rows(self):
        rows = set()
        for selected in self.view.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows) or [self._current_row()]

    # --- actions -------------------------------------------------------------------------
    def add_sample(self):
        at = self._current_row() + 1
        if self.document.edit(self.tr("Add sample"), edits.add_row, at):
            self.document.select_sample(at)

    def remove_samples(self):
        rows = self._selected_rows()
        text = self.tr("Remove sample") if len(rows) == 1 \
            else self.tr("Remove %n samples", "", len(rows))
        self.document.edit(text, edits.remove_rows, rows)

    def add_class(self):
        column = self._current_class()
        at = self.model.class_count if column is None else column + 1
        self.document.edit(self.tr("Add class"), edits.add_class, at)

    def remove_class(self):
        column = self._current_class()
        if column is None:
            return self._needs_a_class()
        name = short(self.document.scenario.classes[column])
        self.document.edit(self.tr("Remove class '{name}'").format(name=name),
                           edits.remove_class, column)

    def rename_class(self):
        column = self._current_class()
        if column is None:
            return self._needs_a_class()
        self._rename_class_at(column)

    def rename_sample(self):
        self._rename_sample_at(self._current_row())

    def _rename_class_at(self, column):
        if not self.model.is_value_column(column):
            return
        old = self.document.scenario.classes[column]
        self.view.scrollTo(self.model.index(max(self._current_row(), 0), column))
        self._open_name_editor(self.view.horizontalHeader(), column, old,
                               lambda name: self._rename(edits.rename_class, column, old, name))

    def _rename_sample_at(self, row):
        old = self.document.scenario.samples[row]
        self.view.scrollTo(self.model.index(row, max(self.view.currentIndex().column(), 0)))
        self._open_name_editor(self.view.verticalHeader(), row, old,
                               lambda name: self._rename(edits.rename_sample, row, old, name))

    def _open_name_editor(self, header, section, text, commit):
        self.name_editor = HeaderNameEditor(header, section, text)
        self.name_editor.committed.connect(commit)

    def _rename(self, change, section, old, name):
        name = name.strip()
        if name and name != old:
            self.document.edit(self.tr("Rename '{old}' to '{new}'").format(old=short(old),
                                                                          new=short(name)),
                               change, section, name)
        self.view.setFocus()

    def normalize_rows(self):
        rows = edits.row_sums_off(self.document.scenario)
        self.document.edit(self.tr("Normalize rows"), edits.normalize_rows, rows)

    def _target_kind_chosen(self, choice):
        kind = self.targets_combo.itemData(choice)
        text = self.tr("Targets as class indices") if kind == "index" \
            else self.tr("Targets as soft distributions")
        self.document.edit(text, edits.convert_target_kind, kind)

    # --- clipboard -----------------------------------------------------------------------
    def copy(self):
        """Copy the selected cells (their bounding block) as tab-separated text."""
        cells = {(i.row(), i.column()): i for i in self.view.selectionModel().selectedIndexes()}
        if not cells:
            current = self.view.currentIndex()
            if not current.isValid():
                return
            cells = {(current.row(), current.column()): current}
        rows = [r for r, _ in cells]
        columns = [c for _, c in cells]
        lines = []
        for row in range(min(rows), max(rows) + 1):
            lines.append("\t".join(self.model.copy_text(cells[row, column])
                                   if (row, column) in cells else ""
                                   for column in range(min(columns), max(columns) + 1)))
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n")

    def paste(self):
        """Paste a block of numbers (tab-, semicolon- or comma-separated) at the current cell
        as one undo step. A cell reads as typed text does; a value that is not a number, or
        commas that could be decimal commas, refuse the whole paste."""
        current = self.view.currentIndex()
        if not current.isValid() or not self.model.is_value_column(current.column()):
            self.show_message(self.tr("Choose a cell among the logits or probabilities to "
                                      "paste into."))
            return
        block = self._pasted_block(QGuiApplication.clipboard().text(), current)
        if block is None:
            return
        top, left = current.row(), current.column()
        count = len(block) * len(block[0])
        text = self.tr("Paste 1 value") if count == 1 else self.tr("Paste %n values", "", count)
        if self.document.edit(text, edits.set_block, top, left, block):
            self._select_block(top, left, len(block), len(block[0]))

    def _pasted_block(self, text, at):
        try:
            cells = split_block(text)
        except AmbiguousCommas as error:
            self.show_message(self.tr(
                "Nothing pasted: the commas in '{line}' could separate columns or belong to "
                "numbers (1,5 or 1,000). Separate columns with tabs and write decimals with a "
                "dot.").format(line=_shortened(error.line)))
            return None
        if not cells or len({len(line) for line in cells}) != 1:
            self.show_message(self.tr("The clipboard does not hold a block of numbers (rows of "
                                      "equally many values)."))
            return None
        # What falls outside the table is not pasted, so it is not checked either.
        height = self.model.rowCount() - at.row()
        width = self.model.class_count - at.column()
        cells = [line[:width] for line in cells[:height]]
        block = []
        for i, line in enumerate(cells):
            block.append([])
            for j, text in enumerate(line):
                value = parse_number(text)
                if value is None:
                    self.show_message(self.tr("Nothing pasted: {reason}").format(
                        reason=self.model.not_a_number(at.row() + i, at.column() + j, text)))
                    return None
                block[-1].append(value)
        return block

    def _select_block(self, top, left, height, width):
        bottom = min(top + height, self.model.rowCount()) - 1
        right = min(left + width, self.model.class_count) - 1
        selection = QItemSelection(self.model.index(top, left), self.model.index(bottom, right))
        self.view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)


def split_block(text):
    """Clipboard text as rows of cell texts. Columns are split at tabs if there are any, else
    at semicolons, else at commas unless the UI writes decimal commas. Commas that could as
    well belong to numbers ("1,5", "1,000", or "1,5, 2,5" mixing "," and ", ") raise
    AmbiguousCommas: they are never guessed."""
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    for separator in ("\t", ";"):
        if separator in text:
            return [line.split(separator) for line in lines]
    if "," not in text or decimal_comma():
        return [[line] for line in lines]
    for line in lines:
        check_commas(line)
    return [line.split(",") for line in lines]


def _shortened(text, limit=40):
    return text if len(text) <= limit else text[:limit - 1] + "…"


class SamplesModel(QAbstractTableModel):
    """One row per sample: name, target, prediction, ✓/✗, loss, H(y), KL(y‖p), H + KL.

    It keeps the Analysis the view was last told about; the Document owns it.
    """

    NAME, TARGET, PREDICTED, CORRECT, LOSS, ENTROPY, KL, CROSS_ENTROPY = range(8)
    _NUMBERS = {LOSS: "sample_loss", ENTROPY: "entropy", KL: "kl", CROSS_ENTROPY: "cross_entropy"}
    NUMBER_COLUMNS = tuple(_NUMBERS)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._analysis = document.analysis

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._analysis.sample_loss)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == VERTICAL or role not in (DISPLAY, TOOLTIP):
            return None
        titles = (self.tr("sample"), self.tr("target"), self.tr("predicted"), "✓/✗",
                  self.tr("loss"), "H(y)", "KL(y‖p)", "H + KL")
        tips = (self.tr("The sample's name"), self.tr("What the sample really is"),
                self.tr("The class(es) the model predicts"),
                self.tr("Whether the prediction is right"),
                self.tr("The sample's loss (weighted, as in the batch loss)"),
                self.tr("The entropy of the target: the loss a perfect model would still have"),
                self.tr("How far the prediction is from the target (KL divergence)"),
                self.tr("The cross-entropy, H(y) + KL(y‖p)"))
        return titles[section] if role == DISPLAY else tips[section]

    def data(self, index, role=DISPLAY):
        if role not in _RESULT_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        analysis = self._analysis
        if column in self._NUMBERS:
            if analysis.ignored[row]:
                return self._ignored_data(column, role)
            value = getattr(analysis, self._NUMBERS[column])[row]
            return float_cell(value, role, _infinite_note(value))
        if role == ALIGNMENT and column == self.CORRECT:
            return _CENTRE_ALIGNMENT
        if role == DISPLAY:
            return self._text(row, column, role)
        return tooltip(self._text(row, column, role)) if role == TOOLTIP else None

    def _ignored_data(self, column, role):
        if role == DISPLAY:
            return self.tr("ignored") if column == self.LOSS else "—"
        if role == TOOLTIP:
            return self.tr("Left out of the loss: its target is the ignore_index")
        return _NUMBER_ALIGNMENT if role == ALIGNMENT else None

    def _text(self, row, column, role):
        analysis = self._analysis
        if column == self.NAME:
            return analysis.scenario.samples[row]
        if column == self.TARGET:
            return self._target_text(row)
        if column == self.PREDICTED:
            return self._predicted_text(row)
        if analysis.ignored[row]:
            return "—" if role == DISPLAY else self.tr("Ignored")
        correct = bool(analysis.correct[row])
        if role == DISPLAY:
            return "✓" if correct else "✗"
        return self.tr("Right") if correct else self.tr("Wrong")

    def _target_text(self, row):
        scenario = self._analysis.scenario
        if scenario.mode == "softmax":
            if scenario.target_kind == "distribution":
                return self.tr("soft")
            if self._analysis.ignored[row]:
                return self.tr("(ignored)")
            return scenario.classes[int(scenario.targets[row])]
        labels = scenario.targets[row]
        if not np.isin(labels, (0.0, 1.0)).all():
            return self.tr("soft labels")
        return _join_names([scenario.classes[c] for c in np.flatnonzero(labels)]) \
            or self.tr("none")

    def _predicted_text(self, row):
        analysis = self._analysis
        classes = analysis.scenario.classes
        if analysis.scenario.mode == "softmax":
            return classes[int(analysis.predicted_class[row])]
        names = [classes[c] for c in np.flatnonzero(analysis.predicted[row])]
        return _join_names(names) or self.tr("none")

    def show(self, analysis):
        if analysis is self._analysis:
            return
        if len(analysis.sample_loss) != len(self._analysis.sample_loss):
            self.beginResetModel()
            self._analysis = analysis
            self.endResetModel()
            return
        old, self._analysis = self._analysis, analysis
        _emit_changed_cells(self, self._changed_cells(old, analysis))

    @classmethod
    def _changed_cells(cls, old, new):
        """(N, 8) bool: the cells that may read differently in ``new`` than in ``old``."""
        count = len(new.sample_loss)
        changed = np.zeros((count, 8), dtype=bool)
        if _names_and_kinds(old) != _names_and_kinds(new) or \
                old.targets.shape != new.targets.shape:
            changed[:] = True
            return changed
        ignored = _rows_differ(old.ignored, new.ignored)
        changed[:, cls.TARGET] = ignored | _rows_differ(old.targets, new.targets)
        changed[:, cls.PREDICTED] = _rows_differ(old.predicted, new.predicted)
        changed[:, cls.CORRECT] = ignored | _rows_differ(old.correct, new.correct)
        for column, name in cls._NUMBERS.items():
            changed[:, column] = ignored | _rows_differ(getattr(old, name), getattr(new, name))
        return changed


def _rows_differ(old, new):
    """(N,) bool: the rows where two per-sample arrays differ. An edit shares the arrays it
    leaves alone (the targets of a large table: 0.5 MB at 64 × 1000), read-only, between its
    old and new analysis: those differ nowhere, with nothing to compare."""
    if old is new:
        return np.zeros(len(new), dtype=bool)
    different = old != new
    return different.any(axis=1) if different.ndim > 1 else different


def _emit_changed_cells(model, changed):
    """dataChanged for the changed cells only, one span of rows per column: the view repaints
    those cells and not the names and numbers that stayed (each cell's text costs ~50 µs)."""
    for column in np.flatnonzero(changed.any(axis=0)).tolist():
        first, last = _bounds(changed[:, column])
        model.dataChanged.emit(model.index(first, column), model.index(last, column))


def _names_and_kinds(analysis):
    scenario = analysis.scenario
    return scenario.classes, scenario.samples, scenario.mode, scenario.target_kind


class ClassesModel(QAbstractTableModel):
    """One row per class of the selected sample: class, input value, p, target, CE term and
    gradient ∂L/∂z. With more than MAX_CLASS_ROWS classes it shows those of
    :func:`class_rows`; ``shown_count``/``class_count`` say how many of how many."""

    CLASS, VALUE, PROBABILITY, TARGET, TERM, GRADIENT = range(6)
    _NUMBERS = {PROBABILITY: "probabilities", TARGET: "targets", TERM: "terms",
                GRADIENT: "gradient"}
    NUMBER_COLUMNS = (VALUE, *_NUMBERS)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self._analysis = document.analysis
        self._sample = 0  # until its view shows the selection
        self._classes = self._chosen(self._analysis, self._sample)

    @property
    def sample(self):
        return self._sample

    @property
    def shown_count(self):
        return len(self._classes)

    @property
    def class_count(self):
        return len(self._analysis.scenario.classes)

    def class_at(self, row):
        return int(self._classes[row])

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._classes)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=DISPLAY):
        if orientation == VERTICAL or role not in (DISPLAY, TOOLTIP):
            return None
        probabilities = self._analysis.scenario.input == "probabilities"
        titles = (self.tr("class"), self.tr("probability") if probabilities else self.tr("logit"),
                  "p", self.tr("target"), self.tr("CE term"), "∂L/∂z")
        tips = (self.tr("The class"), self.tr("The value in the input table"),
                self.tr("The model's probability for the class"),
                self.tr("The target the loss compares with (after label smoothing)"),
                self.tr("The class's share of the sample's loss"),
                self.tr("How the loss changes as this class's logit grows"))
        return titles[section] if role == DISPLAY else tips[section]

    def data(self, index, role=DISPLAY):
        if role not in _RESULT_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        analysis, c = self._analysis, self._classes[row]
        if role == BACKGROUND:
            return _TARGET_BRUSH if analysis.targets[self._sample, c] > 0 else None
        if column == self.CLASS:
            name = analysis.scenario.classes[c]
            return name if role == DISPLAY else tooltip(name) if role == TOOLTIP else None
        if role == ALIGNMENT:
            return _NUMBER_ALIGNMENT
        if column == self.VALUE:
            return float_cell(analysis.scenario.rows[self._sample, c], role)
        value = getattr(analysis, self._NUMBERS[column])[self._sample, c]
        return float_cell(value, role, _infinite_note(value))

    def show(self, analysis, sample):
        """Show ``sample`` of ``analysis`` (dataChanged when the row count stays)."""
        sample = min(sample, len(analysis.sample_loss) - 1)
        if analysis is self._analysis and sample == self._sample:
            return
        classes = self._chosen(analysis, sample)
        if len(classes) != len(self._classes):
            self.beginResetModel()
            self._analysis, self._sample, self._classes = analysis, sample, classes
            self.endResetModel()
            return
        changed = self._changed_cells(self._analysis, analysis, sample, classes)
        input_changed = analysis.scenario.input != self._analysis.scenario.input
        self._analysis, self._sample, self._classes = analysis, sample, classes
        if input_changed:  # the value column is "logit" or "probability"
            self.headerDataChanged.emit(Qt.Horizontal, self.VALUE, self.VALUE)
        # (An edit of another sample leaves this one as it was: nothing to repaint.)
        _emit_changed_cells(self, changed)

    def _changed_cells(self, old, new, sample, classes):
        """(rows, 6) bool: the cells that read differently once ``sample``'s ``classes`` of
        ``new`` replace what is shown of ``old``. Row r showed class ``self._classes[r]`` and
        shows ``classes[r]``: in a list sorted by probability an edited class moves, and only
        the rows it passes change class (the others keep theirs, with new numbers)."""
        changed = np.zeros((len(classes), 6), dtype=bool)
        if sample != self._sample or _names_and_kinds(old) != _names_and_kinds(new) or \
                old.scenario.input != new.scenario.input:
            changed[:] = True
            return changed
        before = self._classes
        changed[:, self.CLASS] = before != classes
        changed[:, self.VALUE] = old.scenario.rows[sample, before] != \
            new.scenario.rows[sample, classes]
        for column, name in self._NUMBERS.items():
            changed[:, column] = getattr(old, name)[sample, before] != \
                getattr(new, name)[sample, classes]
        # A class's row is shaded when it has target mass: a new target repaints the row.
        changed[changed[:, self.TARGET]] = True
        return changed

    @staticmethod
    def _chosen(analysis, sample):
        return class_rows(analysis.probabilities[sample], target_mass(analysis.scenario, sample))


class _ResultsTable(QTableView):
    """A read-only results table that repaints a changed span of cells as one rect, clipped to
    what is in sight. Qt's own dataChanged works the rect out cell by cell, asking the Python
    model twice per cell (rowCount, columnCount), and for 200 cells or more repaints the whole
    view instead: the 500 probabilities of a long class table change on every edit.

    Its columns fit their text in the current font (presentation mode's too): a number column
    is as wide as the widest number it can show, the others fit the names in sight (up to
    NAME_CHARS characters), refitted when the model resets or the font changes."""

    # The widest text of a number column: four significant digits, a sign and "0.000".
    WIDEST_NUMBER = "-0.0001234"
    NAME_CHARS = 16

    def __init__(self, number_columns, parent=None):
        super().__init__(parent)
        self._number_columns = frozenset(number_columns)

    def setModel(self, model):
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self):
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        # Qt's item text margin each side, and the grid line.
        padding = 2 * (self.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self) + 1) + 1
        number = metrics.horizontalAdvance(format_number(float(self.WIDEST_NUMBER))) + padding
        longest_name = metrics.averageCharWidth() * self.NAME_CHARS + padding
        for column in range(self.model().columnCount()):
            if column in self._number_columns:
                content = number
            else:
                content = min(self.sizeHintForColumn(column), longest_name)
            title = header.sectionSizeFromContents(column).width()
            header.resizeSection(column, max(content, title))

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self.fit_columns()

    def dataChanged(self, top_left, bottom_right, roles=()):
        if top_left == bottom_right or QAccessible.isActive():
            # One cell costs Qt little; assistive technology is told of the change by Qt.
            super().dataChanged(top_left, bottom_right, roles)
            return
        span = self.visualRect(top_left).united(self.visualRect(bottom_right))
        in_sight = span.intersected(self.viewport().rect())
        if not in_sight.isEmpty():
            self.viewport().update(in_sight)


class ResultsView(View):
    """The results: the batch loss, a table of samples and a table of the selected sample's
    classes with the identity CE = H + KL under it.

    Public: ``loss_label``, ``samples_view``/``samples_model``, ``classes_caption``,
    ``classes_view``/``classes_model``, ``identity_label``.

    Signals: none; it shows what ``Document.changed`` carries; selecting a sample goes to the
    Document.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        # These labels change on every edit and are not mouse-selectable: a selectable label
        # lays its text out once more after the paint and so paints twice (the numbers can be
        # copied from the tables).
        self.loss_label = SteadyLabel(self)
        self.loss_label.setAccessibleName(self.tr("Batch loss"))
        font = self.loss_label.font()
        font.setBold(True)
        self.loss_label.setFont(font)
        self.samples_model = SamplesModel(document, self)
        self.samples_view = self._table(self.samples_model, self.tr("Results per sample"),
                                        SamplesModel.NUMBER_COLUMNS)
        self.classes_model = ClassesModel(document, self)
        self.classes_view = self._table(self.classes_model, self.tr("Results per class"),
                                        ClassesModel.NUMBER_COLUMNS)
        self.classes_caption = SteadyLabel(self)
        self.classes_caption.setAccessibleName(self.tr("Per-class table caption"))
        # Two lines: room for the note on weights, without a relayout on every edit.
        self.identity_label = SteadyLabel(self, lines=2)
        self.identity_label.setAccessibleName(self.tr("Cross-entropy identity"))
        self._build_layout()
        self._names = (document.scenario.samples, document.scenario.classes)
        self.samples_model.modelReset.connect(self._reselect)
        self.samples_view.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.follow(document)

    def _table(self, model, name, number_columns):
        view = _ResultsTable(number_columns, self)
        view.setAccessibleName(name)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.setSelectionMode(QAbstractItemView.SingleSelection)
        view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        view.verticalHeader().hide()
        view.setModel(model)
        return view

    def _build_layout(self):
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.classes_caption, self.classes_view, self.identity_label):
            lower_layout.addWidget(widget)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.samples_view)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.loss_label)
        layout.addWidget(splitter, 1)

    def show_analysis(self, analysis, selection):
        self.samples_model.show(analysis)
        self.classes_model.show(analysis, selection.sample)
        self._fit_new_names(analysis)
        self._select_row(selection.sample)

    def _fit_new_names(self, analysis):
        # A renamed sample or class comes without a model reset. (An edit keeps the very same
        # name tuples: "is" tells, without comparing 50,000 names.)
        scenario = analysis.scenario
        if scenario.samples is not self._names[0] or scenario.classes is not self._names[1]:
            self._names = (scenario.samples, scenario.classes)
            self.samples_view.fit_columns()
            self.classes_view.fit_columns()

    def _current_row_changed(self, current, _previous):
        if current.isValid():
            self.document.select_sample(current.row())

    def _select_row(self, row):
        if self.samples_view.currentIndex().row() != row and \
                row < self.samples_model.rowCount():
            self.samples_view.selectRow(row)
        self._show_labels()

    def _reselect(self):
        self._select_row(self.state[1].sample)

    # --- labels --------------------------------------------------------------------------
    def _unit(self, analysis):
        return self.tr("nats") if analysis.unit == "nats" else self.tr("bits")

    def _show_labels(self):
        analysis, selection = self.state
        sample = selection.sample
        self.loss_label.setText(self.loss_text(analysis))
        self.classes_caption.setText(self.caption_text(analysis, sample),
                                     self.caption_text(analysis, sample, name=str))
        self.identity_label.setText(self.identity_text(analysis, sample),
                                    self.identity_text(analysis, sample, name=str))

    def loss_text(self, analysis):
        """ "Batch loss (mean over 3 samples) = 0.7967 nats", or "—" with nothing counted."""
        options = analysis.scenario.options
        if options.reduction == "sum":
            how = self.tr("(sum)")
        elif analysis.scenario.mode == "sigmoid":
            how = self.tr("(mean over 1 label)") if analysis.divisor == 1 \
                else self.tr("(mean over %n labels)", "", int(analysis.divisor))
        elif options.class_weights is not None:
            how = self.tr("(weighted mean: total ÷ {weight})").format(
                weight=format_number(analysis.divisor))
        else:
            how = self.tr("(mean over 1 sample)") if analysis.divisor == 1 \
                else self.tr("(mean over %n samples)", "", int(analysis.divisor))
        if analysis.loss is None:
            return self.tr("Batch loss {how} = — (no sample is counted)").format(how=how)
        return self.tr("Batch loss {how} = {loss} {unit}").format(
            how=how, loss=format_number(analysis.loss), unit=self._unit(analysis))

    def caption_text(self, analysis, sample, name=short):
        """ "Sample 'photo 1': classes"; ``name`` shortens the sample's name (``str``: whole)."""
        name = name(analysis.scenario.samples[sample])
        total = len(analysis.scenario.classes)
        if total <= MAX_CLASS_ROWS:
            return self.tr("Sample '{name}': classes").format(name=name)
        locale = QLocale()
        return self.tr("Sample '{name}': showing {shown} of {total} classes: the most probable "
                       "and the true ones").format(
            name=name, shown=locale.toString(self.classes_model.shown_count),
            total=locale.toString(total))

    def identity_text(self, analysis, sample, name=short):
        """ "CE = H + KL: 0.1291 = 0 + 0.1291 nats" for the selected sample, with a note when
        weights make the loss differ from the cross-entropy."""
        name = name(analysis.scenario.samples[sample])
        if analysis.ignored[sample]:
            return self.tr("Sample '{name}' is ignored: its target is the ignore_index").format(
                name=name)
        unit = self._unit(analysis)
        text = self.tr("CE = H + KL: {ce} = {h} + {kl} {unit}").format(
            ce=format_number(analysis.cross_entropy[sample]),
            h=format_number(analysis.entropy[sample]), kl=format_number(analysis.kl[sample]),
            unit=unit)
        options = analysis.scenario.options
        if options.class_weights is not None or options.pos_weight is not None:
            text += " · " + self.tr("with weights the sample's loss is {loss} {unit}, not the "
                                    "CE").format(loss=format_number(analysis.sample_loss[sample]),
                                                 unit=unit)
        return text
