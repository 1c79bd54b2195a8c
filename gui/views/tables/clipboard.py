"""Copy and paste for the input table: how clipboard text becomes a block of numbers
(split_block, pasted_block: separators, commas that could belong to numbers, cells that are not
numbers) and how selected cells become tab-separated text (copied_text)."""

from PySide6.QtCore import QCoreApplication

from gui.common.formatting import (AmbiguousCommas, check_commas, decimal_comma, full_precision,
                                   parse_number)
from gui.common.user_text import short
from gui.views.tables.cells import EDIT


class PasteRefused(ValueError):
    """Nothing can be pasted; the text (in the UI's language) says why."""


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


def pasted_block(text, model, top, left):
    """The rows of numbers that clipboard ``text`` puts into ``model`` (an InputModel) from the
    value cell (``top``, ``left``) on, cut where the table's values end. A cell reads as typed
    text does; raises PasteRefused, saying why, when a cell is not a number, the commas are
    ambiguous or the text is no block (rows of equally many values)."""
    try:
        cells = split_block(text)
    except AmbiguousCommas as error:
        raise PasteRefused(QCoreApplication.translate(
            "clipboard", "Nothing pasted: the commas in '{line}' could separate columns or "
            "belong to numbers (1,5 or 1,000). Separate columns with tabs and write decimals "
            "with a dot.").format(line=short(error.line))) from None
    if not cells or len({len(line) for line in cells}) != 1:
        raise PasteRefused(QCoreApplication.translate(
            "clipboard", "The clipboard does not hold a block of numbers (rows of equally many "
            "values)."))
    # What falls outside the table is not pasted, so it is not checked either.
    height, width = model.rowCount() - top, model.class_count - left
    block = []
    for i, line in enumerate(cells[:height]):
        block.append([])
        for j, cell in enumerate(line[:width]):
            value = parse_number(cell)
            if value is None:
                raise PasteRefused(QCoreApplication.translate(
                    "clipboard", "Nothing pasted: {reason}").format(
                    reason=model.not_a_number(top + i, left + j, cell)))
            block[-1].append(value)
    return block


def copied_text(model, indexes):
    """The cells at ``indexes`` of ``model`` (an InputModel) as tab-separated text, one line
    per row of their bounding block, empty where a cell of the block is not among them."""
    cells = {(index.row(), index.column()): index for index in indexes}
    rows = [row for row, _ in cells]
    columns = [column for _, column in cells]
    lines = []
    for row in range(min(rows), max(rows) + 1):
        lines.append("\t".join(cell_text(model, cells[row, column])
                               if (row, column) in cells else ""
                               for column in range(min(columns), max(columns) + 1)))
    return "\n".join(lines) + "\n"


def cell_text(model, index):
    """A cell as copied: numbers in full precision, the true class by name ("(ignored)")."""
    value = model.data(index, EDIT)
    if model.is_true_class_column(index.column()):
        return model.true_class_choices()[model.choice_of_target(value)]
    return full_precision(value)
