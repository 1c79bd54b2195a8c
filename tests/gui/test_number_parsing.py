"""The one reading of a number a user types or pastes (gui.common.formatting.parse_number), the commas
it never guesses about, and the class-weights field that reads its numbers the same way."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale, Qt

import engine
from gui.shell import i18n
from gui.document import Document
from gui.common.formatting import (AmbiguousCommas, check_commas, format_count, format_number,
                                   not_a_number, parse_number, same_text_interval)
from gui.views.options_panel import NotANumber, OptionsPanel, parse_weights
from gui.views.tables.clipboard import split_block
from gui.views.tables.input_table import editable_text

GERMAN = QLocale(QLocale.German, QLocale.Germany)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    """Each language the app speaks (its numbers follow it); English again afterwards."""
    i18n.install_language(request.param, qapp)
    yield request.param
    i18n.install_language("en", qapp)


@pytest.mark.parametrize("text, value", [
    ("-3", -3.0), ("2.5", 2.5), ("1e-3", 1e-3), ("+1", 1.0), (" .5 ", 0.5), ("\t7\n", 7.0),
    ("1.", 1.0), ("+.5e+3", 500.0), ("\u22122", -2.0), ("1,000", 1000.0)])
def test_parse_number_reads_the_c_form_and_the_ui_locale_form(text, value, language):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["abc", "", " ", "1_0", "1__0", "nan", "NaN", "inf", "-inf",
                                  "Infinity", "1e999", "0x10", "1e", ".", "2,5,1", "1,5",
                                  "1 000", "1.000,5"])
def test_parse_number_refuses_the_rest(text, language):
    assert parse_number(text) is None


def test_parse_number_reads_a_decimal_comma_locale_form():
    assert parse_number("2,5", GERMAN) == 2.5
    assert parse_number("2.5", GERMAN) == 2.5  # the C form is always accepted


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_reads_back_from_its_repr(value):
    assert parse_number(repr(value)) == value
    assert parse_number(f"  {value!r} ") == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_what_a_cell_editor_shows_reads_back_exactly(qapp, value):
    for code in i18n.LANGUAGES:
        i18n.install_language(code)
        try:
            assert parse_number(editable_text(value)) == value
        finally:
            i18n.install_language("en")


@pytest.mark.parametrize("line", ["1,5", "1,000", "1.000,5", "1,000.5", "-0,25", "1,5e3",
                                  "1,000,000", "10,20", "1,5, 2,5", "1, 2,5"])
def test_commas_that_could_belong_to_a_number_are_ambiguous(line):
    with pytest.raises(AmbiguousCommas) as raised:
        check_commas(line)
    assert raised.value.line == line


@pytest.mark.parametrize("line", ["1,2,3", "1.5,2.5", "5, 6, 7, 8", "-1,-2", "1e-3,2", "7"])
def test_commas_between_plain_numbers_are_separators(line):
    check_commas(line)  # raises nothing
    assert all(parse_number(part) is not None for part in line.split(","))


def test_a_refused_decimal_comma_shows_the_dot_form(language):
    assert not_a_number("1,5").endswith("1.5")
    assert not_a_number("1.000,5").endswith("1000.5")
    if language == "en":
        assert not_a_number("1,5") == "'1,5' is not a number: write decimals with a dot, as in 1.5"
        assert not_a_number("abc") == "'abc' is not a number"


BLOCKS = st.integers(1, 4).flatmap(lambda width: st.lists(
    st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=width, max_size=width),
    min_size=1, max_size=4))


@given(BLOCKS, st.sampled_from(["\t", ";", ", ", ","]), st.sampled_from(["\n", "\r\n"]))
def test_a_copied_block_pastes_back_exactly(qapp, block, separator, line_end):
    # repr always writes a dot or an exponent, so even "," alone is never ambiguous here.
    text = line_end.join(separator.join(map(repr, row)) for row in block) + line_end
    cells = split_block(text)
    assert [[parse_number(cell) for cell in row] for row in cells] == block


# --- the class-weights field reads numbers as a cell does -------------------------------------

@pytest.mark.parametrize("text, count, weights", [
    ("1, 2.5, 1", 3, (1.0, 2.5, 1.0)), ("1,2,3", 3, (1.0, 2.0, 3.0)), ("1 2 3", 3, (1, 2, 3)),
    ("2", 3, (2.0, 2.0, 2.0)), ("+1; 1e-3", 2, (1.0, 1e-3)), ("-3, 0.5", 2, (-3.0, 0.5)),
    ("", 3, None)])
def test_weights_read_like_cells(text, count, weights):
    assert parse_weights(text, count) == weights


@pytest.mark.parametrize("text, part", [("1_0", "1_0"), ("1, nan", "nan"), ("inf, 1", "inf"),
                                        ("1,5; 2", "1,5"), ("0x1, 2", "0x1")])
def test_weights_refuse_what_a_cell_refuses(text, part):
    with pytest.raises(NotANumber) as raised:
        parse_weights(text, 2)
    assert raised.value.text == part


@pytest.mark.parametrize("text", ["1,5", "2,5, 1"])
def test_weights_with_commas_that_could_be_decimal_commas_are_refused(text):
    with pytest.raises(AmbiguousCommas):
        parse_weights(text, 2)


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=6))
def test_weights_read_back_from_their_repr(weights):
    assert parse_weights(", ".join(map(repr, weights)), len(weights)) == tuple(weights)


@pytest.fixture
def panel(qtbot):
    """An options panel over a cat/dog/pig scenario, shown."""
    document = Document(engine.Scenario(classes=("cat", "dog", "pig"),
                                        rows=[[3.0, 1.0, -3.0]], targets=np.array([0])))
    options = OptionsPanel(document)
    qtbot.addWidget(options)
    options.show()
    qtbot.waitExposed(options)
    return options


def type_weights(qtbot, panel, text):
    panel.weights.setFocus()
    panel.weights.selectAll()
    qtbot.keyClicks(panel.weights, text)
    qtbot.keyClick(panel.weights, Qt.Key_Return)


@pytest.mark.parametrize("text, message", [
    ("1_0", "Weights: '1_0' is not a number"),
    ("1, nan, 2", "Weights: 'nan' is not a number"),
    ("1,5; 2; 1", "Weights: '1,5' is not a number: write decimals with a dot, as in 1.5"),
    ("2,5, 1, 1", "Weights: the commas in '2,5, 1, 1' could separate weights or belong to "
                  "numbers (1,5 or 1,000). Write decimals with a dot and a space after each "
                  "comma.")])
def test_the_weights_field_refuses_what_a_cell_refuses_with_a_message(qtbot, panel, text,
                                                                       message):
    type_weights(qtbot, panel, text)
    assert panel.document.scenario.options.class_weights is None
    assert panel.document.undo_stack.count() == 0
    assert panel.message.text() == message
    assert panel.message.isVisible()
    type_weights(qtbot, panel, "1, 2.5, +1e-3")  # then a good one is taken, the message goes
    assert panel.document.scenario.options.class_weights == (1.0, 2.5, 1e-3)
    assert panel.message.text() == ""


@pytest.mark.parametrize("locale, text", [(QLocale.c(), "50,000"), (GERMAN, "50.000"),
                                          (QLocale("zh_CN"), "50,000")])
def test_a_count_is_grouped_in_every_locale_the_c_locale_too(qapp, locale, text):
    before = QLocale()
    QLocale.setDefault(locale)
    try:
        assert format_count(50_000) == text
        assert format_count(500) == "500"
    finally:
        QLocale.setDefault(before)


# --- the interval of values that read the same ---------------------------------------------

@given(st.floats(-2e6, 2e6, allow_nan=False), st.floats(0.0, 1.0, exclude_min=True,
                                                          exclude_max=True),
       st.sampled_from([QLocale.c(), GERMAN, QLocale("zh_CN")]))
def test_every_value_inside_a_same_text_interval_reads_the_same(qapp, value, where, locale):
    interval = same_text_interval(value)
    if interval is None:
        return
    low, high = interval
    assert low < value < high
    other = low + (high - low) * where
    if not low < other < high:  # (rounded onto an end)
        return
    assert format_number(other, locale=locale) == format_number(value, locale=locale)


@pytest.mark.parametrize("value, interval", [
    (-3.14159, (-3.1425, -3.1415)), (0.25, (0.24995, 0.25005)), (42.42, (42.415, 42.425))])
def test_a_same_text_interval_spans_the_values_that_round_alike(value, interval):
    assert same_text_interval(value) == pytest.approx(interval, abs=1e-7)


@pytest.mark.parametrize("value", [0.0, 1.0, -7.0, 1e-5, 2e6, float("inf"), 1.2345, 999.99,
                                   0.99996, 1.0001])
def test_no_same_text_interval_where_a_nearby_value_could_read_otherwise(value):
    # 0, whole numbers and scientific notation read differently next door; 1.2345 is a tie of
    # the fourth digit; 999.99 reads "1000" and 0.99996 "1.0000", next to a whole number.
    assert same_text_interval(value) is None
