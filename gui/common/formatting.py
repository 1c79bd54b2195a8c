"""Numbers as users read them (sensible precision, ∞ for infinite losses, the locale's digits)
and as they type or paste them: parse_number is the one reading of a number a user wrote."""

import math
import re

from PySide6.QtCore import QCoreApplication, QLocale

from gui.common.user_text import short

INFINITY = "∞"
# The C form of a number; Python's float() alone would also take "inf", "nan" and "1_0".
_C_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# Writers for whom a comma is part of a number: as the decimal sign (1,5) or between thousands
# (1,000). Text they could have written is never split at its commas.
_DECIMAL_COMMA_WRITER = QLocale(QLocale.German, QLocale.Germany)
_THOUSANDS_COMMA_WRITER = QLocale(QLocale.English, QLocale.UnitedStates)


def parse_number(text, locale=None):
    """The finite float ``text`` means, in C form ("-3", "+1", "2.5", "1e-3", spaces around
    allowed) or in ``locale``'s (the UI's by default: "2,5" in German); None if it is neither
    ("1_0", "nan", "inf", "1e999", "abc")."""
    text = str(text).strip().replace("\u2212", "-")
    if _C_NUMBER.fullmatch(text):
        value = float(text)
    else:
        value, ok = (locale or QLocale()).toDouble(text)
        if not ok:
            return None
    return value if math.isfinite(value) else None


def decimal_comma(locale=None):
    """Whether ``locale`` (the UI's by default) writes decimals with a comma."""
    return (locale or QLocale()).decimalPoint() == ","


class AmbiguousCommas(ValueError):
    """Text whose commas may separate numbers or belong to them; ``line`` shows where."""

    def __init__(self, line):
        super().__init__(line)
        self.line = line


def decimal_comma_value(text):
    """What ``text`` with a comma means to someone who writes decimal commas ("1,5" → 1.5,
    "1.000,5" → 1000.5); None if it has no comma or is no such number."""
    if "," not in text:
        return None
    value, ok = _DECIMAL_COMMA_WRITER.toDouble(text.strip())
    return value if ok and math.isfinite(value) else None


def one_number_with_commas(text):
    """Whether ``text`` has commas and yet could be one number to someone who writes decimal
    commas or thousands commas ("1,5", "1,000", "1.000,5")."""
    return decimal_comma_value(text) is not None or (
        "," in text and _THOUSANDS_COMMA_WRITER.toDouble(text.strip())[1])


def not_a_number(text):
    """Why ``text`` is refused as a number, in the UI's language; to a writer of decimal commas
    it shows the form to use ("'1,5' is not a number: write decimals with a dot, as in 1.5")."""
    meant = decimal_comma_value(text) if isinstance(text, str) else None
    if meant is None:
        return QCoreApplication.translate("numbers", "'{text}' is not a number").format(
            text=short(str(text)))
    plain = QLocale.c().toString(meant, "g", QLocale.FloatingPointShortest)
    return QCoreApplication.translate(
        "numbers", "'{text}' is not a number: write decimals with a dot, as in {example}").format(
        text=short(text), example=plain)


def check_commas(line):
    """Raise AmbiguousCommas when the commas of ``line``, meant to separate numbers, could as
    well belong to them: when the line could be one number (one_number_with_commas), or mixes
    "," and ", " ("1,5, 2,5")."""
    if one_number_with_commas(line) or len(set(re.findall(r",(\s?)", line))) > 1:
        raise AmbiguousCommas(line)


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


def same_text_interval(value, digits=4):
    """(low, high): every float strictly between them reads as format_number(value, digits)
    does, in any locale; None when there is no such interval worth having (0, a whole number,
    ±∞, scientific notation, or a value within a hair of a rounding boundary). It lets a view
    tell that a number still reads the same without formatting it again."""
    size = abs(value)
    if not 1e-4 <= size < 1e6 or value == int(value):
        return None
    magnitude = math.floor(math.log10(size))
    decimals = max(digits - 1 - magnitude, 0)
    scaled = size * 10.0 ** decimals  # < 10 ** digits: its rounding error is ~1e-12
    shown = round(scaled)
    # A margin of 1e-6 of the last digit: a value that close to a tie is left to formatting,
    # which rounds the exact binary value.
    low, high = (shown - 0.5 + 1e-6) / 10.0 ** decimals, (shown + 0.5 - 1e-6) / 10.0 ** decimals
    low, high = max(low, 10.0 ** magnitude), min(high, 10.0 ** (magnitude + 1))  # same decimals
    if not low < size < high or math.floor(high) >= math.ceil(low):
        return None  # near a tie, or a whole number inside (it would read "1", not "1.000")
    return (low, high) if value > 0 else (-high, -low)


def full_precision(value):
    """The value with every digit needed to read it back exactly (for tooltips and exports)."""
    value = float(value)
    if math.isinf(value):
        return INFINITY if value > 0 else "−" + INFINITY
    return repr(value)


def format_count(count):
    """A whole number of things with the locale's thousands separators ("50,000" classes),
    even in the C locale, which leaves them out by default."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(int(count))
