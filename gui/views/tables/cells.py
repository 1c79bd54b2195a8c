"""What the table models here share: the item roles as plain ints, how a number cell answers
each role (float_cell), and the span of a changed mask (bounds) for dataChanged."""

import numpy as np
from PySide6.QtCore import Qt

from gui.common.formatting import format_number, full_precision

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
NUMBER_ALIGNMENT = int(Qt.AlignRight | Qt.AlignVCenter)
VALUE_ROLES = (EDIT, USER)


def float_cell(value, role, note=""):
    """What a number cell gives for ``role``, shared by every model here: the float for
    EditRole/UserRole, rounded text for display, full precision (and ``note``) in the tooltip,
    right-aligned."""
    if role == DISPLAY:
        return format_number(value)
    if role in VALUE_ROLES:
        return float(value)
    if role == TOOLTIP:
        return full_precision(value) + (f"\n{note}" if note else "")
    if role == ALIGNMENT:
        return NUMBER_ALIGNMENT
    return None


def bounds(mask):
    """(first, last) index where a 1-d boolean mask is True, or None."""
    hits = np.flatnonzero(mask)
    return (int(hits[0]), int(hits[-1])) if hits.size else None
