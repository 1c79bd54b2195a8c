"""The input table: the editable table of inputs and targets with its toolbar, its message bar,
renaming of classes and samples in the headers, and the selection it shares with the Document.
Copy and paste parse in clipboard.py; the model is input_model.py; the model tabs above the table
are model_tabs.py."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QLocale, QRect, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QToolBar, QToolButton,
                               QVBoxLayout)

from engine import edits
from gui.common.style import OKABE_ITO
from gui.common.user_text import MESSAGE_CHARS, plain, short
from gui.views.base import View
from gui.views.tables.cells import EDIT
from gui.views.tables.clipboard import PasteRefused, copied_text, pasted_block
from gui.views.tables.input_model import InputModel
from gui.views.tables.model_tabs import ModelTabs
from gui.views.tables.number_view import NumberDelegate, NumberTable
from gui.views.tables.name_editor import NameEditor


def editable_text(value):
    """A value as the user types it: every digit, the locale's decimal sign, no grouping."""
    locale = QLocale()
    locale.setNumberOptions(QLocale.OmitGroupSeparator)
    return locale.toString(float(value), "g", QLocale.FloatingPointShortest)


class InputDelegate(NumberDelegate):
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


def _section_rect(header, section):
    start, size = header.sectionViewportPosition(section), header.sectionSize(section)
    if header.orientation() == Qt.Horizontal:
        return QRect(start, 0, max(size, 80), header.height())
    return QRect(0, start, max(header.width(), 80), size)


class InputTable(View):
    """The editable table of inputs and targets, with its toolbar and message bar.

    Public: ``view`` (QTableView), ``model`` (InputModel), ``model_tabs`` (ModelTabs, the
    models' tabs and actions), ``models_button`` (their menu), ``message_label``,
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
        self.model_tabs = ModelTabs(document, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._build_tool_row())
        layout.addWidget(self._build_message_bar())
        layout.addWidget(self.model_tabs)
        layout.addWidget(self.view)
        self._connect()
        self.follow(document)

    # --- building ------------------------------------------------------------------------
    def _build_view(self):
        view = NumberTable(self)
        view.setModel(self.model)
        view.setItemDelegate(InputDelegate(view))
        # A header does not elide unless told (Qt's default for headers is ElideNone): a class
        # name too long for its column lost letters at both ends instead of ending in "…".
        for header in (view.horizontalHeader(), view.verticalHeader()):
            header.setTextElideMode(Qt.ElideRight)
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

    def _build_tool_row(self):
        """The toolbar, and at its right, over the target columns, the target kind: outside
        the toolbar, whose » menu would list only its actions and so hide the kind."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self._build_toolbar(), 1)
        self.targets_combo = QComboBox(self)
        self.targets_combo.addItem(self.tr("class index"), "index")
        self.targets_combo.addItem(self.tr("soft distribution"), "distribution")
        self.targets_combo.setAccessibleName(self.tr("Target kind"))
        self.targets_combo.setToolTip(self.tr("Give each sample one true class, or a target "
                                              "probability for every class."))
        self.targets_label = QLabel(self.tr("&Targets:"), self)
        self.targets_label.setBuddy(self.targets_combo)
        row.addWidget(self.targets_label)
        row.addWidget(self.targets_combo)
        return row

    def _build_toolbar(self):
        # A QToolBar, so that in a narrow window the last buttons fold into its » menu instead
        # of forcing the whole window wider than the screen.
        toolbar = QToolBar(self)
        toolbar.setAccessibleName(self.tr("Input table tools"))
        toolbar.setToolButtonStyle(Qt.ToolButtonTextOnly)
        # First, so that it never folds away: the one way to a second model.
        self.models_button = QToolButton(toolbar)
        self.models_button.setText(self.tr("Models"))
        self.models_button.setToolTip(self.tr("Add, duplicate, rename or remove models, to "
                                              "compare their losses on the same samples."))
        self.models_button.setPopupMode(QToolButton.InstantPopup)
        self.models_button.setMenu(self.model_tabs.menu)
        toolbar.addWidget(self.models_button)
        toolbar.addSeparator()
        groups = ((self.add_sample_action, self.remove_sample_action, self.rename_sample_action),
                  (self.add_class_action, self.remove_class_action, self.rename_class_action),
                  (self.copy_action, self.paste_action))
        for k, group in enumerate(groups):
            if k:
                toolbar.addSeparator()
            toolbar.addActions(list(group))
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
        self.targets_label.setVisible(softmax)
        self.targets_combo.setVisible(softmax)
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
        self.name_editor = NameEditor(header.viewport(), _section_rect(header, section), text)
        self.name_editor.committed.connect(commit)

    def _rename(self, change, section, old, name):
        name = name.strip()
        if name and name != old:
            self.document.edit(self.tr("Rename '{old}' to '{new}'").format(old=short(old),
                                                                          new=short(name)),
                               change, section, name)
        self.view.setFocus()

    def normalize_rows(self):
        model = self.document.selected_model
        rows = edits.row_sums_off(self.document.scenario, model=model)
        self.document.edit(self.tr("Normalize rows"), edits.normalize_rows, rows, model=model)

    def _target_kind_chosen(self, choice):
        kind = self.targets_combo.itemData(choice)
        text = self.tr("Targets as class indices") if kind == "index" \
            else self.tr("Targets as soft distributions")
        self.document.edit(text, edits.convert_target_kind, kind)

    # --- clipboard -----------------------------------------------------------------------
    def copy(self):
        """Copy the selected cells (their bounding block) as tab-separated text."""
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            current = self.view.currentIndex()
            if not current.isValid():
                return
            indexes = [current]
        QGuiApplication.clipboard().setText(copied_text(self.model, indexes))

    def paste(self):
        """Paste a block of numbers (tab-, semicolon- or comma-separated) at the current cell
        as one undo step; clipboard.pasted_block says how the text is read, and why the whole
        paste is refused when it cannot be."""
        current = self.view.currentIndex()
        if not current.isValid() or not self.model.is_value_column(current.column()):
            self.show_message(self.tr("Choose a cell among the logits or probabilities to "
                                      "paste into."))
            return
        top, left = current.row(), current.column()
        try:
            block = pasted_block(QGuiApplication.clipboard().text(), self.model, top, left)
        except PasteRefused as refusal:
            self.show_message(str(refusal))
            return
        count = len(block) * len(block[0])
        text = self.tr("Paste 1 value") if count == 1 else self.tr("Paste %n values", "", count)
        if self.document.edit(text, edits.set_block, top, left, block,
                              model=self.document.selected_model):
            self._select_block(top, left, len(block), len(block[0]))

    def _select_block(self, top, left, height, width):
        bottom = min(top + height, self.model.rowCount()) - 1
        right = min(left + width, self.model.class_count) - 1
        selection = QItemSelection(self.model.index(top, left), self.model.index(bottom, right))
        self.view.selectionModel().select(selection, QItemSelectionModel.ClearAndSelect)

