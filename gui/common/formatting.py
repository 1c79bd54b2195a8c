"""Numbers as users read them: sensible precision, ∞ for infinite losses, the locale's digits."""

import math

from PySide6.QtCore import QLocale

INFINITY = "∞"


def format_number(value, digits=4, locale=None):
    """``value`` with ``digits`` significant decimals (``0.1291``, ``2.303``, ``1.2e-09``);
    ±∞ for infinities; "—" for None (nothing to show)."""
    if value is None:
        return "—"
    value = float(value)
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    if math.isnan(value):
        return "—"
    locale = locale or QLocale()
    if value != 0 and (abs(value) >= 1e6 or abs(value) < 1e-4):
        return locale.toString(value, "e", digits - 1)
    if value == int(value) and abs(value) < 1e6:
        return locale.toString(int(value))  # whole numbers: "1", "2", not "1.000"
    return _fixed(value, digits, locale)


def _fixed(value, digits, locale):
    # Fixed notation with `digits` significant figures, but never fewer than 1 decimal place
    # and never scientific notation in the normal range.
    magnitude = math.floor(math.log10(abs(value)))
    decimals = max(digits - 1 - magnitude, 0)
    return locale.toString(value, "f", decimals)


def full_precision(value):
    """The value with every digit needed to read it back exactly (for tooltips and exports)."""
    value = float(value)
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    return repr(value)
