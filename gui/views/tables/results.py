"""The results: the batch loss, a table of samples (SamplesModel), a table of the selected
sample's classes (ClassesModel) with the identity CE = H + KL under it, and the read-only table
view both use. Every number is the Analysis's; a model tells its view only the cells that
changed."""

import math

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QAbstractItemView, QSplitter, QStyle, QVBoxLayout, QWidget

from engine.top_classes import target_mass, top_classes
from gui.common.formatting import format_count, format_number
from gui.common.labels import SteadyLabel
from gui.common.style import colour
from gui.common.texts import batch_loss_text, unit_name
from gui.common.user_text import short, tooltip
from gui.views.base import View
from gui.views.tables.cells import (ALIGNMENT, BACKGROUND, DISPLAY, EDIT, NUMBER_ALIGNMENT, TOOLTIP,
                                    USER, VERTICAL, bounds, float_cell)
from gui.views.tables.number_view import NumberTable

# The per-class results table shows at most this many rows (a vocabulary can have 50,000).
MAX_CLASS_ROWS = 500

# The roles the results models answer. (A view asks every cell for seven roles on each paint:
# the ones a model never answers should cost it nothing.)
_RESULT_ROLES = frozenset({DISPLAY, EDIT, USER, TOOLTIP, ALIGNMENT, BACKGROUND})
_CENTRE_ALIGNMENT = int(Qt.AlignCenter)
_TARGET_BRUSH = QBrush(colour("target", 45))


def class_rows(probabilities, mass, limit=MAX_CLASS_ROWS):
    """The classes worth a row when there are too many for all: every class with target mass
    (the largest first, up to ``limit``), then the most probable others, sorted by probability.
    All classes in order when there are at most ``limit``."""
    if len(probabilities) <= limit:
        return np.arange(len(probabilities))
    chosen = top_classes(probabilities, mass, limit)[0]
    return chosen[np.argsort(-probabilities[chosen], kind="stable")]


def _infinite_note(value):
    """The tooltip line that says why a loss is infinite (empty for a finite value)."""
    if not math.isinf(value):
        return ""
    return QCoreApplication.translate("ResultsView", "Infinite: a true class has probability 0, "
                                      "and −log 0 = ∞")


def _short_and_whole(text_with, names):
    """(text_with(short), text_with(str)): a label's text with ``names`` shortened, and whole
    for its tooltip; None for the latter when no name is long enough to be shortened (the label
    then shows the one text in both: each text costs ~20 µs on every step of Play)."""
    text = text_with(short)
    return text, (text_with(str) if any(short(name) != name for name in names) else None)


def _join_names(names, limit=3):
    # A sigmoid sample can have hundreds of labels; a cell shows a few and counts the rest.
    # (Chinese lists take "、".)
    comma = QCoreApplication.translate("ResultsView", ", ", "between the names of a list: cat, dog")
    if len(names) <= limit:
        return comma.join(names)
    hidden = len(names) - limit  # (a plain name: lupdate finds no plural form of an expression)
    more = QCoreApplication.translate("ResultsView", "+%n more", "", hidden)
    return comma.join(names[:limit]) + comma + more


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

    def number_cell(self, row, column):
        """(value or text, None) of a number cell, None for the others: what NumberDelegate
        paints."""
        if column not in self._NUMBERS:
            return None
        if self._analysis.ignored[row]:
            return self._ignored_text(column), None
        return getattr(self._analysis, self._NUMBERS[column])[row], None

    def number_cells(self, rows, column):
        """number_cell of each of ``rows`` (a range) at once, for a view that checks many."""
        if column not in self._NUMBERS:
            return [None] * len(rows)
        if self._analysis.ignored[rows.start:rows.stop].any():
            return [self.number_cell(row, column) for row in rows]
        values = getattr(self._analysis, self._NUMBERS[column])[rows.start:rows.stop]
        return [(value, None) for value in values.tolist()]

    def _ignored_text(self, column):
        return self.tr("ignored") if column == self.LOSS else "—"

    def _ignored_data(self, column, role):
        if role == DISPLAY:
            return self._ignored_text(column)
        if role == TOOLTIP:
            return self.tr("Left out of the loss: its target is the ignore_index")
        return NUMBER_ALIGNMENT if role == ALIGNMENT else None

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
        first, last = bounds(changed[:, column])
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

    def number_cell(self, row, column):
        """(value, background brush or None) of a number cell, None for the class name: what
        NumberDelegate paints."""
        if column == self.CLASS:
            return None
        c = self._classes[row]
        return self._values(column)[self._sample, c], self._row_brush(c)

    def number_cells(self, rows, column):
        """number_cell of each of ``rows`` (a range) at once, for a view that checks many."""
        if column == self.CLASS:
            return [None] * len(rows)
        classes = self._classes[rows.start:rows.stop]
        values = self._values(column)[self._sample, classes].tolist()
        shaded = self._shaded(classes).tolist()
        return [(value, _TARGET_BRUSH if shade else None) for value, shade in zip(values, shaded)]

    def _values(self, column):
        """The (samples, classes) array a number column shows."""
        if column == self.VALUE:
            return self._analysis.scenario.rows
        return getattr(self._analysis, self._NUMBERS[column])

    def _shaded(self, classes):
        # A class with target mass is shaded across its row.
        return self._analysis.targets[self._sample, classes] > 0

    def _row_brush(self, c):
        return _TARGET_BRUSH if self._shaded(c) else None

    def data(self, index, role=DISPLAY):
        if role not in _RESULT_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        analysis, c = self._analysis, self._classes[row]
        if role == BACKGROUND:
            return self._row_brush(c)
        if column == self.CLASS:
            name = analysis.scenario.classes[c]
            return name if role == DISPLAY else tooltip(name) if role == TOOLTIP else None
        if role == ALIGNMENT:
            return NUMBER_ALIGNMENT
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


class _ResultsTable(NumberTable):
    """A read-only results table. Like every NumberTable it repaints, of a changed span, only
    the cells in sight that read differently (Qt's own dataChanged works the rect out cell by
    cell, asking the Python model twice per cell, and for 200 cells or more repaints the whole
    view instead: the 500 probabilities of a long class table change on every edit).

    Its columns fit their text in the current font (presentation mode's too): a number column
    is as wide as the widest number it can show, the others fit the names in sight (up to
    NAME_CHARS characters), refitted when the model resets, the font changes or the view is
    resized. When those widths do not all fit in sight, each number column is only as wide as
    the numbers in sight (a narrow window shows every column rather than scroll some out of
    sight); it then grows when a wider number comes, so that no number is cut."""

    # The widest text of a number column: four significant digits, a sign and "0.000".
    WIDEST_NUMBER = "-0.0001234"
    NAME_CHARS = 16

    def __init__(self, number_columns, parent=None):
        super().__init__(parent)
        self._number_columns = frozenset(number_columns)
        self._tight = False  # the number columns fit the numbers in sight, not any number
        self.verticalScrollBar().valueChanged.connect(self._grow_to_numbers)

    def setModel(self, model):
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self):
        header = self.horizontalHeader()
        metrics = self.fontMetrics()
        number = metrics.horizontalAdvance(format_number(float(self.WIDEST_NUMBER))) + \
            self._padding()
        longest_name = metrics.averageCharWidth() * self.NAME_CHARS + self._padding()
        widths = []
        for column in range(self.model().columnCount()):
            if column in self._number_columns:
                content = number
            else:
                content = min(self.sizeHintForColumn(column), longest_name)
            widths.append(max(content, header.sectionSizeFromContents(column).width()))
        room = self.viewport().width()
        self._tight = sum(widths) > room > 0
        if self._tight:
            widths = self._tight_widths(widths, room)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)

    def _tight_widths(self, roomy, room):
        """The number columns as wide as their numbers in sight, and what room is left shared
        among them (up to their ``roomy`` widths)."""
        widths = [self._number_width(column) if column in self._number_columns else width
                  for column, width in enumerate(roomy)]
        numbers = sorted(self._number_columns)
        left = room - sum(widths)
        for k, column in enumerate(numbers):
            extra = min(max(left, 0) // (len(numbers) - k), roomy[column] - widths[column])
            widths[column] += max(extra, 0)
            left -= max(extra, 0)
        return widths

    def _padding(self):
        # Qt's item text margin each side, and the grid line.
        return 2 * (self.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, self) + 1) + 1

    def _number_width(self, column):
        """What the numbers in sight and the title of ``column`` need."""
        title = self.horizontalHeader().sectionSizeFromContents(column).width()
        return max(self.sizeHintForColumn(column), title)

    def _grow_to_numbers(self, *_):
        """Tight: widen the number columns whose numbers in sight no longer fit."""
        if not self._tight or self.model() is None:
            return
        header = self.horizontalHeader()
        for column in self._number_columns:
            needed = self._number_width(column)
            if needed > header.sectionSize(column):
                header.resizeSection(column, needed)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode
            self.fit_columns()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()

    def dataChanged(self, top_left, bottom_right, roles=()):
        self._grow_to_numbers()
        super().dataChanged(top_left, bottom_right, roles)


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
    def _show_labels(self):
        analysis, selection = self.state
        sample = selection.sample
        name = analysis.scenario.samples[sample]
        models = (analysis.model_name,) if analysis.one_of_several else ()
        self.loss_label.setText(*_short_and_whole(
            lambda shown: batch_loss_text(analysis, shown), models))
        self.classes_caption.setText(*_short_and_whole(
            lambda shown: self.caption_text(analysis, sample, shown), (name,)))
        self.identity_label.setText(*_short_and_whole(
            lambda shown: self.identity_text(analysis, sample, shown), (name,)))

    def caption_text(self, analysis, sample, name=short):
        """ "Sample 'photo 1': classes"; ``name`` shortens the sample's name (``str``: whole)."""
        name = name(analysis.scenario.samples[sample])
        total = len(analysis.scenario.classes)
        if total <= MAX_CLASS_ROWS:
            return self.tr("Sample '{name}': classes").format(name=name)
        return self.tr("Sample '{name}': showing {shown} of {total} classes: the most probable "
                       "and the true ones").format(
            name=name, shown=format_count(self.classes_model.shown_count),
            total=format_count(total))

    def identity_text(self, analysis, sample, name=short):
        """ "CE = H + KL: 0.1291 = 0 + 0.1291 nats" for the selected sample, with a note when
        weights make the loss differ from the cross-entropy."""
        name = name(analysis.scenario.samples[sample])
        if analysis.ignored[sample]:
            return self.tr("Sample '{name}' is ignored: its target is the ignore_index").format(
                name=name)
        unit = unit_name(analysis.unit)
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
