"""The table view and item delegate the number tables share (the input table and both results
tables): a number cell is painted from one call to its model, and an edit repaints only the
cells in sight whose text or colour changed.

Why: painting a cell the usual way asks the Python model for seven roles, ~50 µs a cell, and a
training step changes every logit, so Qt repainted every cell in sight on each step of Play
(~3 ms per table at 64 × 1000) although a step moves most logits by far less than the fourth
digit shown. A model that has number cells answers ``number_cell(row, column)``: the value (a
float, shown as format_number shows it, or a str shown as it is) and the background brush (or
None) of a plain number cell, or None for any other cell (a name, a check box), which Qt paints
the usual way; and ``number_cells(rows, column)``, the same for a range of rows at once.
"""

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from gui.common.formatting import format_number, same_text_interval

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_NUMBER_ALIGNMENT = Qt.AlignRight | Qt.AlignVCenter


def cell_text(value, locale=None):
    """What a number cell shows for the value number_cell gives."""
    return value if isinstance(value, str) else format_number(value, locale=locale)


class NumberDelegate(QStyledItemDelegate):
    """Fills a number cell's style option from the model's ``number_cell`` in one call: what
    QStyledItemDelegate would gather from the DisplayRole, TextAlignmentRole and BackgroundRole
    (the model answers no font, colour, check or icon for such a cell). Qt's style draws it,
    exactly as before (tests compare the pixels). It paints the cells of a NumberTable, which
    starts every cell's option as a number cell's (right-aligned, with text): for any other
    cell the delegate puts the view's own start back and lets Qt fill it from the roles.

    A cell whose value is the very one its NumberTable last read there (its ``looks``) takes the
    text formatted then: a cell repainted because it reads differently was formatted just
    before (during Play each changed cell was formatted twice per step, ~8 µs each time). Any
    other value is formatted here, so the text is right whatever the remembered looks."""

    def __init__(self, view):
        super().__init__(view)
        self._view = view
        self._looks = view.looks

    def initStyleOption(self, option, index):
        model = index.model()  # (None for an invalid index, which Qt asks about too)
        row, column = index.row(), index.column()
        cell = model.number_cell(row, column) if model is not None else None
        if cell is None:
            option.displayAlignment = self._view.plain_alignment
            option.features = option.features & ~_HAS_DISPLAY
            super().initStyleOption(option, index)
            return
        value, brush = cell
        option.index = index
        seen = self._looks.get((row, column))
        option.text = seen[0] if seen is not None and seen[3] == value else cell_text(value)
        if brush is not None:
            option.backgroundBrush = brush


class NumberTable(QTableView):
    """A table view that, when a span of cells changes, repaints only the number cells in sight
    whose text or brush differs from what it last painted there, and every other changed cell
    in sight.

    ``looks`` holds, for the number cells in sight as of the last change, (text, brush, the
    interval of values that read as that text or None, the value that text was formatted
    from): what the screen shows. A new value
    inside the interval needs no formatting to tell it reads the same. An entry is dropped
    whenever it could stop being what the screen shows: another
    part of the table comes into sight, the model resets or changes shape, a single cell
    changes (Qt repaints it), or an editor is open (Qt then updates it as it always did).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.looks = {}  # (cleared in place: NumberDelegate holds it)
        self.plain_alignment = Qt.AlignLeft | Qt.AlignVCenter  # (Qt's, as of the last paint)
        self._looks_in = None  # (first row, last row, first column, last column) in sight
        self.setItemDelegate(NumberDelegate(self))

    def initViewItemOption(self, option):
        # Once per paint rather than once per cell from Python (~9 µs a cell): what a number
        # cell's option has that Qt's start for any cell has not. (Another delegate, such as
        # Qt's own in the tests, gets Qt's start.)
        super().initViewItemOption(option)
        if isinstance(self.itemDelegate(), NumberDelegate):
            self.plain_alignment = option.displayAlignment
            option.displayAlignment = _NUMBER_ALIGNMENT
            option.features = option.features | _HAS_DISPLAY

    def setModel(self, model):
        super().setModel(model)
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted,
                       model.rowsRemoved, model.columnsInserted, model.columnsRemoved):
            signal.connect(self.forget_looks)

    def forget_looks(self, *_):
        self.looks.clear()
        self._looks_in = None

    def dataChanged(self, top_left, bottom_right, roles=()):
        if top_left == bottom_right or QAccessible.isActive() or \
                self.state() == QAbstractItemView.State.EditingState:
            # One cell costs Qt little; assistive technology and an open editor are told of
            # the change by Qt, which repaints the span: what is remembered of it is no more
            # what the screen shows.
            if top_left == bottom_right:
                self.looks.pop((top_left.row(), top_left.column()), None)
            else:
                self.forget_looks()
            super().dataChanged(top_left, bottom_right, roles)
            return
        in_sight = self._cells_in_sight(top_left, bottom_right)
        if in_sight is not None:
            self._repaint_changed(*in_sight)

    def _cells_in_sight(self, top_left, bottom_right):
        """(rows, columns) of the changed span that are in sight, or None."""
        viewport = self.viewport()
        first_row, last_row = self.rowAt(0), self.rowAt(viewport.height() - 1)
        first_column = self.columnAt(0)
        last_column = self.columnAt(viewport.width() - 1)
        model = self.model()
        last_row = model.rowCount() - 1 if last_row < 0 else last_row
        last_column = model.columnCount() - 1 if last_column < 0 else last_column
        if (first_row, last_row, first_column, last_column) != self._looks_in:
            self.forget_looks()
            self._looks_in = (first_row, last_row, first_column, last_column)
        rows = range(max(top_left.row(), first_row), min(bottom_right.row(), last_row) + 1)
        columns = range(max(top_left.column(), first_column),
                        min(bottom_right.column(), last_column) + 1)
        return (rows, columns) if first_row >= 0 and rows and columns else None

    def _repaint_changed(self, rows, columns):
        model, viewport = self.model(), self.viewport()
        locale = QLocale()  # (once, not once per number: 2 µs each)
        for column in columns:
            if self.isColumnHidden(column):
                continue
            x, width = self.columnViewportPosition(column), self.columnWidth(column)
            # (One call per column: numpy gives the column's values as floats at once.)
            for row, cell in zip(rows, model.number_cells(rows, column)):
                if cell is None or self._reads_differently((row, column), *cell, locale):
                    viewport.update(x, self.rowViewportPosition(row), width, self.rowHeight(row))

    def _reads_differently(self, key, value, brush, locale):
        """Whether the cell at ``key`` now reads differently from what it showed; remembers
        what it shows."""
        seen = self.looks.get(key)
        if seen is not None and seen[1] is brush:  # (the models' brushes are constants)
            interval = seen[2]
            if interval is not None and not isinstance(value, str) and \
                    interval[0] < value < interval[1]:
                return False
        text = cell_text(value, locale)
        differs = seen is None or seen[1] is not brush or seen[0] != text
        # A number that read differently is likely to again (a sample's loss during Play):
        # its interval is worked out once it reads the same (a logit moving in its 5th digit).
        interval = None if differs or isinstance(value, str) else same_text_interval(value)
        self.looks[key] = (text, brush, interval, value)
        return differs
