"""The input table and the results tables: editing, refusing, undo, clipboard, targets,
selection sync, and that the results shown are engine.analyze's numbers."""

import math

import numpy as np
import pytest
from numpy.testing import assert_allclose
from PySide6.QtCore import (QEvent, QItemSelection, QItemSelectionModel, QLocale, QObject, QPoint,
                            Qt)
from PySide6.QtGui import QGuiApplication, QKeySequence, QRegion
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QStyledItemDelegate

import engine
from engine import edits
from gui.document import Document
from gui.common.user_text import short
from gui.shell import i18n
from gui.views.tables.input_model import InputModel
from gui.views.tables.input_table import InputTable
from gui.views.tables.results import MAX_CLASS_ROWS, ClassesModel, ResultsView, SamplesModel


CLASSES = ("cat", "dog", "bird")
ROWS = [[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0]]


def softmax_scenario(**changes):
    values = dict(classes=CLASSES, rows=ROWS, targets=np.array([0, 1, 2]))
    values.update(changes)
    return engine.Scenario(**values)


def sigmoid_scenario():
    return engine.Scenario(classes=CLASSES, rows=ROWS, mode="sigmoid",
                           targets=np.array([[1.0, 0, 0], [0, 1, 1], [0, 0, 0]]))


@pytest.fixture
def make(qtbot):
    """make(scenario) -> (document, input table, results view), shown."""

    def build(scenario):
        document = Document(scenario)
        table, results = InputTable(document), ResultsView(document)
        for widget in (table, results):
            qtbot.addWidget(widget)
            widget.resize(700, 400)
            widget.show()
            qtbot.waitExposed(widget)
        return document, table, results

    return build


def cell(table, row, column):
    return table.model.index(row, column)


def type_into(qtbot, table, row, column, text):
    """Open the cell's editor as a user would (F2), type, press Enter."""
    index = cell(table, row, column)
    table.view.setCurrentIndex(index)
    table.view.setFocus()
    qtbot.keyClick(table.view, Qt.Key_F2)
    editor = table.view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    # The delegate commits on Return through a queued call.
    qtbot.waitUntil(lambda: table.view.indexWidget(index) is None)


def results_numbers(results, sample):
    """The samples table's loss, H, KL, H + KL for one sample (EditRole floats)."""
    model = results.samples_model
    columns = (model.LOSS, model.ENTROPY, model.KL, model.CROSS_ENTROPY)
    return [model.data(model.index(sample, c), Qt.EditRole) for c in columns]


# --- models pass Qt's model tester --------------------------------------------------------

@pytest.mark.parametrize("model_class", [InputModel, SamplesModel, ClassesModel])
@pytest.mark.parametrize("scenario", [
    softmax_scenario(),
    softmax_scenario(targets=np.array([[0.7, 0.3, 0.0], [0, 1, 0], [0.2, 0.2, 0.6]])),
    sigmoid_scenario(),
    softmax_scenario(input="probabilities", rows=[[0.5, 0.5, 0.0], [0.2, 0.2, 0.2], [0, 0, 1]]),
], ids=["index", "distribution", "sigmoid", "probabilities"])
def test_every_model_passes_the_model_tester_through_edits(qtmodeltester, model_class, scenario):
    document = Document(scenario)
    model = model_class(document)
    qtmodeltester.check(model, force_py=True)
    # The tester keeps checking on every signal: an edit, a selection, a reshape and undo.
    document.set_cell(1, 2, 0.5)
    document.select_sample(2)
    document.edit("add a sample", edits.add_row)
    document.edit("remove a class", edits.remove_class, 0)
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert model.rowCount() == 3


# --- the input table shows the scenario -----------------------------------------------------

def test_input_table_shows_names_values_and_targets(make):
    document, table, _ = make(softmax_scenario())
    model = table.model
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert [model.headerData(c, Qt.Horizontal) for c in range(3)] == list(CLASSES)
    assert model.headerData(1, Qt.Vertical) == "#2"
    assert model.data(cell(table, 1, 1), Qt.EditRole) == 2.5
    assert model.data(cell(table, 1, 1), Qt.DisplayRole) == "2.500"
    assert model.data(cell(table, 0, 2), Qt.ToolTipRole) == "0.1"
    right = int(Qt.AlignRight | Qt.AlignVCenter)
    assert model.data(cell(table, 0, 0), Qt.TextAlignmentRole) == right
    assert model.data(cell(table, 1, 3), Qt.DisplayRole) == "dog"
    assert table.view.accessibleName()


def test_a_class_name_too_long_for_its_column_ends_in_an_ellipsis(make):
    # Qt's headers do not elide by default: "cardiomegaly" in a narrow column (the stage's
    # compact table) showed as "ardiomega", cut at both ends, with nothing to say it was cut.
    _document, table, _ = make(softmax_scenario())
    for header in (table.view.horizontalHeader(), table.view.verticalHeader()):
        assert header.textElideMode() == Qt.ElideRight


def test_typing_a_number_edits_the_scenario_and_the_results(make, qtbot):
    document, table, results = make(softmax_scenario())
    type_into(qtbot, table, 1, 1, "2.5e-1")
    assert document.scenario.rows[1, 1] == 0.25
    expected = engine.analyze(document.scenario)
    assert_allclose(results_numbers(results, 1),
                    [expected.sample_loss[1], expected.entropy[1], expected.kl[1],
                     expected.cross_entropy[1]])
    assert f"= {expected.loss:.4f} nats" in results.loss_label.text()


def test_typing_replaces_the_old_value_and_is_undone_in_one_step(make, qtbot):
    document, table, _ = make(softmax_scenario())
    type_into(qtbot, table, 0, 0, "-3")
    type_into(qtbot, table, 0, 0, "2.5")
    assert document.scenario.rows[0, 0] == 2.5
    assert document.undo_stack.count() == 1  # repeated edits of one cell merge
    document.undo_stack.undo()
    assert document.scenario.rows[0, 0] == 2.0
    assert table.model.data(cell(table, 0, 0), Qt.EditRole) == 2.0


def test_text_that_is_not_a_number_is_refused_with_a_message_at_the_table(make, qtbot):
    document, table, _ = make(softmax_scenario())
    type_into(qtbot, table, 1, 1, "abc")
    assert document.scenario.rows[1, 1] == 2.5
    assert document.undo_stack.count() == 0
    assert table.message_label.isVisible()
    assert table.message_label.text() == "row 2, column 'dog': 'abc' is not a number"
    assert table.model.data(cell(table, 1, 1), Qt.BackgroundRole) is not None
    type_into(qtbot, table, 1, 1, "1")
    assert not table.message_label.isVisible()
    assert table.model.data(cell(table, 1, 1), Qt.BackgroundRole) is None


def test_a_value_the_engine_refuses_shows_its_message(make, qtbot):
    scenario = softmax_scenario(input="probabilities",
                                rows=[[0.5, 0.5, 0.0], [0.2, 0.3, 0.5], [0, 0, 1]])
    document, table, _ = make(scenario)
    type_into(qtbot, table, 0, 1, "1.5")
    assert document.scenario.rows[0, 1] == 0.5
    assert "not a probability" in table.message_label.text()
    assert table.message_label.isVisible()


def test_only_the_edited_cell_is_reported_changed(make, qtbot):
    document, table, _ = make(softmax_scenario())
    with qtbot.waitSignal(table.model.dataChanged) as changed:
        document.set_cell(2, 1, 7.0)
    top_left, bottom_right = changed.args[:2]
    assert (top_left.row(), top_left.column()) == (2, 1)
    assert (bottom_right.row(), bottom_right.column()) == (2, 1)


def test_a_shape_change_resets_the_model_and_keeps_the_selection(make, qtbot):
    document, table, results = make(softmax_scenario())
    document.select_sample(1)
    with qtbot.waitSignal(table.model.modelReset):
        table.add_class_action.trigger()
    assert table.model.columnCount() == 5
    assert table.view.currentIndex().row() == 1


# --- undo, copy and paste -------------------------------------------------------------------

def test_a_paste_is_one_undo_step(make, qtbot):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText("1\t2\n3\t4\n")
    table.view.setCurrentIndex(cell(table, 1, 1))
    table.paste_action.trigger()
    assert_allclose(document.scenario.rows, [[2, 1, 0.1], [0.5, 1, 2], [0, 3, 4]])
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Paste 4 values"
    document.undo_stack.undo()
    assert_allclose(document.scenario.rows, ROWS)


def test_a_comma_separated_paste_is_clipped_to_the_table(make):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText("5, 6, 7, 8")
    table.view.setCurrentIndex(cell(table, 2, 1))
    table.paste_action.trigger()
    assert_allclose(document.scenario.rows[2], [0, 5, 6])


def test_a_paste_with_a_bad_value_is_refused_naming_the_cell(make):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText("1\t2\n3\tx")
    table.view.setCurrentIndex(cell(table, 0, 0))
    table.paste_action.trigger()
    assert_allclose(document.scenario.rows, ROWS)
    assert document.undo_stack.count() == 0
    assert "row 2, column 'dog': 'x' is not a number" in table.message_label.text()
    assert table.message_label.isVisible()


AMBIGUOUS_PASTE = ("Nothing pasted: the commas in '{line}' could separate columns or belong "
                   "to numbers (1,5 or 1,000). Separate columns with tabs and write decimals "
                   "with a dot.")


@pytest.mark.parametrize("text, line", [("1,5", "1,5"), ("1,5\n2,5\n", "1,5"),
                                        ("3\n1,000", "1,000"), ("1,5, 2,5", "1,5, 2,5"),
                                        ("1.000,5", "1.000,5")])
def test_a_paste_whose_commas_could_be_decimal_commas_is_refused_not_guessed(make, text, line):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText(text)
    table.view.setCurrentIndex(cell(table, 0, 0))
    table.paste_action.trigger()
    assert_allclose(document.scenario.rows, ROWS)
    assert document.undo_stack.count() == 0
    assert table.message_label.text() == AMBIGUOUS_PASTE.format(line=line)
    assert table.message_label.isVisible()


def test_a_pasted_cell_is_refused_as_the_same_typed_text_is(make, qtbot):
    document, table, _ = make(softmax_scenario())
    type_into(qtbot, table, 0, 1, "1,5")
    typed = table.message_label.text()
    assert typed == ("row 1, column 'dog': '1,5' is not a number: write decimals with a dot, "
                     "as in 1.5")
    QGuiApplication.clipboard().setText("2\t1,5\n3\t4\n")
    table.view.setCurrentIndex(cell(table, 0, 0))
    table.paste_action.trigger()
    assert table.message_label.text() == f"Nothing pasted: {typed}"
    assert_allclose(document.scenario.rows, ROWS)
    assert document.undo_stack.count() == 0


@pytest.mark.parametrize("text, pasted", [
    ("1;2\n3;4\n", [[1, 2, 0.1], [3, 4, -1.0]]),
    ("1.5,2.5\n-1,2.25", [[1.5, 2.5, 0.1], [-1, 2.25, -1.0]]),
    ("1.5, -2\r\n1e-3, +4", [[1.5, -2, 0.1], [1e-3, 4, -1.0]]),
    ("7\n8", [[7, 1, 0.1], [8, 2.5, -1.0]])],
    ids=["semicolons", "commas", "commas and spaces", "one column"])
def test_a_block_with_unambiguous_separators_is_pasted(make, text, pasted):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText(text)
    table.view.setCurrentIndex(cell(table, 0, 0))
    table.paste_action.trigger()
    assert_allclose(document.scenario.rows[:2], pasted)
    assert document.undo_stack.count() == 1


def test_where_decimals_are_written_with_a_comma_a_pasted_comma_is_a_decimal_comma(make):
    document, table, _ = make(softmax_scenario())
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    try:
        for text in ("1,5\n2,5", "1,5\t-0,25"):
            QGuiApplication.clipboard().setText(text)
            table.view.setCurrentIndex(cell(table, 0, 0))
            table.paste_action.trigger()
    finally:
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedStates))
    assert_allclose(document.scenario.rows[:2], [[1.5, -0.25, 0.1], [2.5, 2.5, -1.0]])


def test_copy_gives_tab_separated_full_precision_text(make):
    document, table, _ = make(softmax_scenario(rows=[[1 / 3, 1.0, 0.1], [0.5, 2.5, -1.0],
                                                     [0, 0, 3.0]]))
    table.view.selectionModel().select(QItemSelection(cell(table, 0, 0), cell(table, 1, 1)),
                                       QItemSelectionModel.ClearAndSelect)
    table.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == f"{1 / 3!r}\t1.0\n0.5\t2.5\n"
    table.view.selectionModel().select(cell(table, 1, 0), QItemSelectionModel.Deselect)
    table.copy_action.trigger()  # a gap in the selection stays an empty cell
    assert QGuiApplication.clipboard().text() == f"{1 / 3!r}\t1.0\n\t2.5\n"


def test_copy_and_paste_have_the_standard_shortcuts(make):
    _, table, _ = make(softmax_scenario())
    assert table.copy_action.shortcut() == QKeySequence(QKeySequence.Copy)
    assert table.paste_action.shortcut() == QKeySequence(QKeySequence.Paste)


# --- targets ----------------------------------------------------------------------------

def test_choosing_the_true_class_in_the_combo_changes_the_loss(make, qtbot):
    document, table, results = make(softmax_scenario())
    before = document.analysis.loss
    index = cell(table, 0, 3)
    table.view.setCurrentIndex(index)
    qtbot.keyClick(table.view, Qt.Key_F2)
    combo = table.view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == [*CLASSES, "(ignored)"]
    combo.setCurrentIndex(2)
    qtbot.keyClick(combo, Qt.Key_Return)
    qtbot.waitUntil(lambda: table.view.indexWidget(index) is None)
    assert document.scenario.targets[0] == 2
    assert document.analysis.loss != before
    assert f"{engine.analyze(document.scenario).loss:.4f}" in results.loss_label.text()
    assert table.model.data(index) == "bird"


def test_an_ignored_sample_says_so(make):
    document, table, results = make(softmax_scenario())
    assert table.model.setData(cell(table, 1, 3), -100)
    samples = results.samples_model
    assert samples.data(samples.index(1, samples.TARGET)) == "(ignored)"
    assert samples.data(samples.index(1, samples.LOSS)) == "ignored"
    assert "mean over 2 samples" in results.loss_label.text()
    document.select_sample(1)
    assert "ignored" in results.identity_label.text()


def test_sigmoid_labels_are_checkboxes_that_toggle(make, qtbot):
    document, table, results = make(sigmoid_scenario())
    model = table.model
    assert model.columnCount() == 6
    label = cell(table, 2, 4)  # sample 3, class 'dog'
    assert model.flags(label) & Qt.ItemIsUserCheckable
    assert model.data(label, Qt.CheckStateRole) == Qt.Unchecked
    table.view.setCurrentIndex(label)
    qtbot.keyClick(table.view, Qt.Key_Space)
    assert document.scenario.targets[2, 1] == 1.0
    assert model.data(label, Qt.CheckStateRole) == Qt.Checked
    assert "mean over 9 labels" in results.loss_label.text()
    assert model.setData(label, Qt.Unchecked.value, Qt.CheckStateRole)
    assert document.scenario.targets[2, 1] == 0.0


def test_a_sigmoid_label_can_be_typed_as_a_soft_label(make, qtbot):
    document, table, _ = make(sigmoid_scenario())
    type_into(qtbot, table, 0, 3, "0.3")
    assert document.scenario.targets[0, 0] == 0.3
    assert table.model.data(cell(table, 0, 3), Qt.CheckStateRole) == Qt.PartiallyChecked
    assert table.model.data(cell(table, 0, 3)) == "0.3000"
    type_into(qtbot, table, 0, 3, "2")
    assert document.scenario.targets[0, 0] == 0.3
    assert "not between 0 and 1" in table.message_label.text()


def test_soft_targets_are_edited_and_the_row_stays_a_distribution(make, qtbot):
    document, table, _ = make(softmax_scenario())
    assert table.targets_combo.isVisibleTo(table)
    table.targets_combo.activated.emit(table.targets_combo.findData("distribution"))
    assert document.scenario.target_kind == "distribution"
    assert table.model.columnCount() == 6
    assert table.model.headerData(4, Qt.Horizontal) == "target: dog"
    type_into(qtbot, table, 0, 4, "0.25")
    assert_allclose(document.scenario.targets[0], [0.75, 0.25, 0.0])
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.scenario.target_kind == "index"
    assert table.targets_combo.currentData() == "index"


def test_the_target_kind_selector_is_hidden_in_sigmoid_mode(make):
    _, table, _ = make(sigmoid_scenario())
    assert not table.targets_combo.isVisibleTo(table)


def test_rows_that_do_not_sum_to_one_are_flagged_and_can_be_normalised(make):
    scenario = softmax_scenario(input="probabilities",
                                rows=[[0.5, 0.5, 0.0], [0.2, 0.2, 0.2], [0, 0, 1]])
    document, table, _ = make(scenario)
    model = table.model
    assert model.data(cell(table, 1, 0), Qt.BackgroundRole) is not None
    assert model.data(cell(table, 0, 0), Qt.BackgroundRole) is None
    assert "not 1" in model.data(cell(table, 1, 2), Qt.ToolTipRole)
    assert table.normalize_button.isVisible() and "2" in table.sums_label.text()
    table.normalize_button.click()
    assert_allclose(document.scenario.rows[1], [1 / 3] * 3)
    assert not table.normalize_button.isVisible()
    assert model.data(cell(table, 1, 0), Qt.BackgroundRole) is None


# --- rows, classes and names ----------------------------------------------------------------

def test_samples_and_classes_are_added_and_removed(make):
    document, table, _ = make(softmax_scenario())
    table.view.setCurrentIndex(cell(table, 0, 1))
    table.add_sample_action.trigger()
    assert document.scenario.shape == (4, 3) and document.selected_sample == 1
    table.add_class_action.trigger()
    assert document.scenario.classes[2] == "class 4"
    table.view.setCurrentIndex(cell(table, 3, 0))
    table.remove_class_action.trigger()
    assert document.scenario.classes == ("dog", "class 4", "bird")
    table.view.selectRow(3)
    table.remove_sample_action.trigger()
    assert document.scenario.shape == (3, 3)
    assert table.model.rowCount() == 3


def test_the_last_sample_or_class_cannot_be_removed(make):
    _, table, _ = make(engine.Scenario(classes=("only",), rows=[[1.0]], targets=np.array([0])))
    assert not table.remove_sample_action.isEnabled()
    assert not table.remove_class_action.isEnabled()


def test_a_class_is_renamed_in_place_over_its_header(make, qtbot):
    document, table, _ = make(softmax_scenario())
    table.view.setCurrentIndex(cell(table, 0, 1))
    table.rename_class_action.trigger()
    editor = table.name_editor
    assert editor.isVisible() and editor.text() == "dog"
    qtbot.keyClicks(editor, "wolf")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert document.scenario.classes == ("cat", "wolf", "bird")
    assert table.model.headerData(1, Qt.Horizontal) == "wolf"
    assert document.undo_stack.undoText() == "Rename 'dog' to 'wolf'"


def test_double_clicking_a_sample_header_renames_it_and_escape_cancels(make, qtbot):
    document, table, _ = make(softmax_scenario())
    header = table.view.verticalHeader()
    position = header.sectionViewportPosition(2) + header.sectionSize(2) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(5, position))
    qtbot.mouseDClick(header.viewport(), Qt.LeftButton, pos=QPoint(5, position))
    editor = table.name_editor
    assert editor.text() == "#3"
    qtbot.keyClicks(editor, "zebra")
    qtbot.keyClick(editor, Qt.Key_Escape)
    assert document.scenario.samples[2] == "#3"
    table.rename_sample_action.trigger()
    qtbot.keyClicks(table.name_editor, "zebra")
    qtbot.keyClick(table.name_editor, Qt.Key_Return)
    assert document.scenario.samples[2] == "zebra"


def test_a_duplicate_class_name_is_refused_with_the_engine_message(make, qtbot):
    document, table, _ = make(softmax_scenario())
    table.rename_class_action.trigger()
    qtbot.keyClicks(table.name_editor, "dog")
    qtbot.keyClick(table.name_editor, Qt.Key_Return)
    assert document.scenario.classes == CLASSES
    assert "appears twice" in table.message_label.text()


# --- selection follows in both directions ---------------------------------------------------

def test_selecting_a_row_in_the_input_table_selects_the_sample_everywhere(make, qtbot):
    document, table, results = make(softmax_scenario())
    with qtbot.waitSignal(document.changed):
        qtbot.mouseClick(table.view.viewport(), Qt.LeftButton,
                         pos=table.view.visualRect(cell(table, 2, 1)).center())
    assert document.selected_sample == 2
    assert results.samples_view.currentIndex().row() == 2
    assert results.classes_model.sample == 2
    assert results.classes_caption.text() == "Sample '#3': classes"


def test_the_document_selection_selects_the_rows(make):
    document, table, results = make(softmax_scenario())
    document.select_sample(1)
    assert table.view.currentIndex().row() == 1
    assert results.samples_view.currentIndex().row() == 1
    results.samples_view.selectRow(2)
    assert document.selected_sample == 2
    assert table.view.currentIndex().row() == 2


def test_removing_the_selected_last_sample_moves_the_selection(make):
    document, table, results = make(softmax_scenario())
    document.select_sample(2)
    table.remove_sample_action.trigger()
    assert document.selected_sample == 1
    assert table.view.currentIndex().row() == 1
    assert results.samples_view.currentIndex().row() == 1
    assert results.classes_model.sample == 1


# --- the results ----------------------------------------------------------------------------

def test_the_results_tables_show_engine_numbers(make):
    document, _, results = make(softmax_scenario())
    expected = engine.analyze(document.scenario)
    samples = results.samples_model
    for n in range(3):
        assert_allclose(results_numbers(results, n),
                        [expected.sample_loss[n], expected.entropy[n], expected.kl[n],
                         expected.cross_entropy[n]])
    assert samples.data(samples.index(0, samples.PREDICTED)) == "cat"
    assert samples.data(samples.index(0, samples.CORRECT)) == "✓"
    classes = results.classes_model
    columns = (classes.PROBABILITY, classes.TARGET, classes.TERM, classes.GRADIENT)
    got = [[classes.data(classes.index(c, k), Qt.EditRole) for k in columns] for c in range(3)]
    assert_allclose(got, np.stack([expected.probabilities[0], expected.targets[0],
                                   expected.terms[0], expected.gradient[0]], axis=1))
    assert classes.data(classes.index(1, classes.VALUE), Qt.EditRole) == 1.0
    assert results.loss_label.text() == \
        f"Batch loss (mean over 3 samples) = {expected.loss:.4f} nats"
    h, kl, ce = expected.entropy[0], expected.kl[0], expected.cross_entropy[0]
    assert results.identity_label.text() == \
        f"CE = H + KL: {ce:.4f} = {h:.0f} + {kl:.4f} nats"


def test_the_result_labels_shorten_a_long_sample_name_and_show_it_whole_in_the_tooltip(make):
    # A label's tooltip repeats its text when no name was shortened, and has the whole name
    # when one was. (Sample 0 is ignored: the identity line then names it.)
    long_name = "a sample with a name far too long for a label"
    document, _, results = make(softmax_scenario(samples=(long_name, "b", "c"),
                                                 targets=np.array([-100, 1, 2])))
    for label in (results.classes_caption, results.identity_label):
        assert short(long_name) in label.text() and long_name not in label.text()
        assert long_name in label.toolTip()
    assert results.loss_label.toolTip() == results.loss_label.text()
    document.select_sample(1)
    assert results.classes_caption.text() == "Sample 'b': classes"
    for label in (results.classes_caption, results.identity_label, results.loss_label):
        assert label.toolTip() == label.text()


def test_sum_reduction_bits_and_weights_are_described(make):
    options = engine.Options(reduction="sum", log_base="2", class_weights=(1.0, 2.0, 1.0))
    document, _, results = make(softmax_scenario(options=options))
    assert results.loss_label.text().startswith("Batch loss (sum) = ")
    assert results.loss_label.text().endswith(" bits")
    assert "not the CE" in results.identity_label.text()


def test_an_infinite_loss_shows_infinity_and_says_why(make):
    scenario = engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0], [0.5, 0.5]],
                               targets=np.array([0, 0]), input="probabilities")
    document, _, results = make(scenario)
    samples = results.samples_model
    loss = samples.index(0, samples.LOSS)
    assert samples.data(loss) == "∞"
    assert math.isinf(samples.data(loss, Qt.EditRole))
    assert "probability 0" in samples.data(loss, Qt.ToolTipRole)
    assert "∞" in results.loss_label.text()
    classes = results.classes_model
    term = classes.index(0, classes.TERM)
    assert classes.data(term) == "∞" and "probability 0" in classes.data(term, Qt.ToolTipRole)


def test_fifty_thousand_classes_show_at_most_500_rows_with_a_caption(make):
    rng = np.random.default_rng(1)
    count = 50_000
    scenario = engine.Scenario(classes=tuple(f"w{c}" for c in range(count)),
                               rows=rng.normal(0, 2, (1, count)), targets=np.array([123]))
    document, table, results = make(scenario)
    classes = results.classes_model
    assert classes.rowCount() == MAX_CLASS_ROWS
    shown = [classes.class_at(r) for r in range(classes.rowCount())]
    assert 123 in shown
    p = document.analysis.probabilities[0]
    assert np.all(np.diff(p[shown]) <= 0)  # sorted by probability
    top = np.argsort(-p)[:MAX_CLASS_ROWS - 1]
    assert set(top) <= set(shown)
    # Counts are grouped as the plots write them, in the C locale too.
    assert results.classes_caption.text() == (
        "Sample '#1': showing 500 of 50,000 classes: the most probable and the true ones")
    document.set_cell(0, 123, 50.0)  # the true class becomes the most probable
    assert classes.class_at(0) == 123
    assert classes.rowCount() == MAX_CLASS_ROWS


def test_results_models_update_in_place_and_reset_only_on_a_new_shape(make, qtbot):
    document, _, results = make(softmax_scenario())
    for model in (results.samples_model, results.classes_model):
        model.modelReset.connect(lambda: pytest.fail("reset on an edit of one value"))
    with qtbot.waitSignal(results.samples_model.dataChanged):
        document.set_cell(0, 0, 0.0)
    for model in (results.samples_model, results.classes_model):
        model.modelReset.disconnect()
    with qtbot.waitSignal(results.classes_model.modelReset):
        document.edit("add class", edits.add_class)
    assert results.classes_model.rowCount() == 4


def changed_cells(model, edit):
    """The (row, column) cells ``model`` reports changed while ``edit()`` runs."""
    cells = set()

    def record(top_left, bottom_right):
        cells.update((row, column) for row in range(top_left.row(), bottom_right.row() + 1)
                     for column in range(top_left.column(), bottom_right.column() + 1))

    model.dataChanged.connect(record)
    try:
        edit()
    finally:
        model.dataChanged.disconnect(record)
    return cells


def test_a_large_table_repaints_only_the_edited_samples_cells(make):
    # 64 x 40 = 2,560 cells: the analysis is incremental and the old and new analyses share
    # their target arrays.
    rng = np.random.default_rng(3)
    scenario = engine.Scenario(classes=tuple(f"c{c}" for c in range(40)),
                               rows=rng.normal(0, 2, (64, 40)), targets=rng.integers(0, 40, 64))
    document, _, results = make(scenario)
    samples = results.samples_model
    before = document.analysis
    cells = changed_cells(samples, lambda: document.set_cell(5, int(scenario.targets[5]), 9.0))
    assert document.analysis.targets is before.targets
    assert (5, samples.LOSS) in cells and {row for row, _ in cells} == {5}
    new_target = (int(scenario.targets[7]) + 1) % 40
    cells = changed_cells(samples, lambda: document.edit("target", edits.set_target, 7,
                                                         new_target))
    assert (7, samples.TARGET) in cells and {row for row, _ in cells} == {7}


def test_an_edit_repaints_only_the_result_cells_it_changes(make):
    document, _, results = make(softmax_scenario())
    samples, classes = results.samples_model, results.classes_model
    document.select_sample(0)
    # A small change of the true class's logit: its loss, H, KL and CE change, the names, the
    # target, the prediction and ✓ stay; the other samples' rows stay.
    assert changed_cells(samples, lambda: document.set_cell(0, 0, 2.5)) == \
        {(0, column) for column in (samples.LOSS, samples.KL, samples.CROSS_ENTROPY)}
    # Per class: every p, term and gradient; the logit of the edited class only; never the
    # class names or targets.
    expected = {(row, column) for row in range(3)
                for column in (classes.PROBABILITY, classes.TERM, classes.GRADIENT)}
    expected.add((0, classes.VALUE))
    expected -= {(row, classes.TERM) for row in (1, 2)}  # their terms are 0 before and after
    assert changed_cells(classes, lambda: document.set_cell(0, 0, 3.0)) == expected
    # Another sample's edit changes nothing in this sample's class table.
    assert changed_cells(classes, lambda: document.set_cell(1, 0, 0.0)) == set()
    # A new prediction shows in the samples table.
    cells = changed_cells(samples, lambda: document.set_cell(0, 0, -5.0))
    assert {(0, samples.PREDICTED), (0, samples.CORRECT)} <= cells
    assert all(row == 0 for row, _ in cells)
    # A new target repaints its whole (shaded) row in the class table.
    cells = changed_cells(classes, lambda: document.edit("target", edits.set_target, 0, 1))
    assert {(row, column) for row in (0, 1) for column in range(6)} <= cells



def test_a_class_moving_in_the_sorted_class_table_repaints_only_the_rows_it_passes(make):
    # More classes than rows: the table lists them by probability, so an edited logit moves
    # its class. Class c has logit -c/100 (class 0 first), and sample 0's true class is 0.
    n = MAX_CLASS_ROWS + 100
    names = tuple(f"c{c}" for c in range(n))
    logits = -np.arange(n, dtype=float)[None, :] / 100
    document, _, results = make(engine.Scenario(classes=names, rows=logits,
                                                targets=np.array([0])))
    classes = results.classes_model
    assert [classes.class_at(row) for row in range(4)] == [0, 1, 2, 3]
    # Class 3 rises to second place: rows 1-3 now show classes 3, 1, 2; the first row and
    # those below keep their class and get new numbers (every p, every gradient).
    cells = changed_cells(classes, lambda: document.set_cell(0, 3, -0.005))
    assert [classes.class_at(row) for row in range(5)] == [0, 3, 1, 2, 4]
    moved = {(row, column) for row in (1, 2, 3) for column in range(6)
             if column not in (classes.TARGET, classes.TERM)}  # 0 in every one of these rows
    kept = {(row, column) for row in (0, 4, MAX_CLASS_ROWS - 1)
            for column in (classes.PROBABILITY, classes.GRADIENT)}
    assert moved | kept <= cells
    assert {(0, classes.TERM)} <= cells  # the true class's loss term
    unchanged = {(row, column) for row in (0, 4, MAX_CLASS_ROWS - 1)
                 for column in (classes.CLASS, classes.VALUE, classes.TARGET)}
    assert not cells & unchanged



def test_a_long_class_table_repaints_only_the_changed_columns_in_sight(make, qtbot):
    # Every p and gradient of 500 rows changes; Qt repaints a whole view for a dataChanged of
    # 200 cells or more, so the model reports them in shorter spans.
    n = MAX_CLASS_ROWS + 100
    logits = -np.arange(n, dtype=float)[None, :] / 100
    document, _, results = make(engine.Scenario(classes=tuple(f"c{c}" for c in range(n)),
                                                rows=logits, targets=np.array([0])))
    view, classes = results.classes_view, results.classes_model
    region = painted_region(qtbot, view, lambda: document.set_cell(0, 0, 0.5))  # 0 stays first
    y = view.rowViewportPosition(1) + view.rowHeight(1) // 2  # below the edited class's row
    bottom = view.viewport().height() - 5
    for column in (classes.CLASS, classes.VALUE, classes.TARGET):
        x = view.columnViewportPosition(column) + view.columnWidth(column) // 2
        assert not region.contains(QPoint(x, y)) and not region.contains(QPoint(x, bottom))
    for column in (classes.PROBABILITY, classes.GRADIENT):
        x = view.columnViewportPosition(column) + view.columnWidth(column) // 2
        assert region.contains(QPoint(x, y)) and region.contains(QPoint(x, bottom))


def painted_region(qtbot, view, action, wait_ms=50):
    """The part of ``view``'s viewport that Qt repaints after ``action()`` (empty when
    nothing is repainted within ``wait_ms``)."""
    painted = []

    class Spy(QObject):
        def eventFilter(self, _watched, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(QRegion(event.region()))
            return False

    spy = Spy()
    view.viewport().installEventFilter(spy)
    try:
        qtbot.wait(10)
        painted.clear()
        action()
        qtbot.wait(wait_ms)
    finally:
        view.viewport().removeEventFilter(spy)
    region = QRegion()
    for part in painted:
        region += part
    return region


def cell_centre(view, row, column):
    return QPoint(view.columnViewportPosition(column) + view.columnWidth(column) // 2,
                  view.rowViewportPosition(row) + view.rowHeight(row) // 2)


# --- number cells: one call to paint, repainted only when they read differently --------------

def _pixels(view):
    return view.viewport().grab().toImage()


def _assert_painted_as_qt_paints(view):
    fast = _pixels(view)
    delegate = view.itemDelegate()
    view.setItemDelegate(QStyledItemDelegate(view))
    try:
        assert _pixels(view) == fast
    finally:
        view.setItemDelegate(delegate)


def test_number_cells_look_exactly_as_qt_paints_them_from_the_roles(make, qtbot):
    # NumberDelegate fills a number cell's style option from number_cell() instead of the
    # seven roles: every table must look the same, pixel for pixel, with Qt's own delegate.
    rows = [[0.7, 0.2, 0.1], [0.5, 0.3, 0.1], [0.0, 0.25, 0.75]]  # row 2 sums to 0.9
    scenario = softmax_scenario(input="probabilities", rows=rows,
                                targets=np.array([[1.0, 0, 0], [0.2, 0.8, 0], [0, 0, 1.0]]))
    document, table, results = make(scenario)
    table.model.setData(cell(table, 0, 1), "abc")  # a refused cell turns red
    table.view.setCurrentIndex(cell(table, 2, 4))  # the current cell has a focus frame
    document.select_sample(1)
    qtbot.wait(10)
    for view in (table.view, results.samples_view, results.classes_view):
        _assert_painted_as_qt_paints(view)
    # Ignored samples, shaded target rows and ∞ in the results; ticks in a sigmoid table.
    document.replace(softmax_scenario(rows=[[2.0, 1.0, 0.1], [0.5, 2.5, -1.0], [0.0, -800, 3.0]],
                                      targets=np.array([0, -100, 1])), None)
    document.select_sample(2)
    qtbot.wait(10)
    for view in (table.view, results.samples_view, results.classes_view):
        _assert_painted_as_qt_paints(view)
    document.replace(sigmoid_scenario(), None)
    qtbot.wait(10)
    _assert_painted_as_qt_paints(table.view)


@pytest.mark.parametrize("scenario", [
    softmax_scenario(input="probabilities", rows=[[0.7, 0.2, 0.1], [0.5, 0.3, 0.1], [0, 0.2, 0.8]],
                     targets=np.array([[1.0, 0, 0], [0.2, 0.8, 0], [0, 0, 1.0]])),
    softmax_scenario(targets=np.array([0, -100, 2])), sigmoid_scenario()])
def test_a_span_of_number_cells_is_each_cell_as_it_is_alone(make, scenario):
    # The view checks a changed span column by column (number_cells); what it reads must be
    # what the delegate paints cell by cell (number_cell): values, ignored text, brushes.
    document, table, results = make(scenario)
    table.model.setData(cell(table, 0, 1), "abc")  # a refused cell turns red
    for sample in (0, 1):
        document.select_sample(sample)
        for model in (table.model, results.samples_model, results.classes_model):
            for column in range(model.columnCount()):
                rows = range(0, model.rowCount())
                assert model.number_cells(rows, column) == \
                    [model.number_cell(row, column) for row in rows], (model, column)
                assert model.number_cells(range(1, 2), column) == [model.number_cell(1, column)]


def test_an_edit_repaints_only_the_number_cells_that_read_differently(make, qtbot):
    # A training step moves every logit, most of them far below the fourth digit shown: the
    # cells whose text stays are not painted again (at 64 × 1000 that was 3 ms a step).
    document, table, _ = make(softmax_scenario())
    view = table.view
    rows = np.array(ROWS)
    nudge = np.where(rows[:, 1:] != 0, 1e-8, 0.0)  # (0 + 1e-8 would read "1.000e-08")
    rows[:, 1:] += nudge
    document.edit("Step", edits.set_block, 0, 0, rows)  # (the view learns what it shows)
    rows[:, 1:] += nudge  # reads the same
    rows[0, 0] = 2.5  # reads differently
    region = painted_region(qtbot, view, lambda: document.edit(
        "Step", edits.set_block, 0, 0, rows))
    assert region.contains(cell_centre(view, 0, 0))
    for row in range(3):
        for column in (1, 2):
            assert not region.contains(cell_centre(view, row, column))
    assert [cell(table, r, 1).data() for r in range(3)] == ["1.000", "2.500", "0"]
    assert document.scenario.rows[0, 1] > 1.0  # (the edit did move it)


def test_a_cell_changed_out_of_sight_is_repainted_when_it_changes_back_in_sight(make, qtbot):
    # The look remembered for a cell holds only while it stays in sight: a cell that changed
    # out of sight and changes back to what it showed before must be painted again.
    count = 60
    rows = np.zeros((count, 3))
    document, table, _ = make(softmax_scenario(rows=rows, targets=np.zeros(count, dtype=int),
                                               samples=tuple(f"s{n}" for n in range(count))))
    view = table.view

    def set_column(value):
        changed = np.array(document.scenario.rows)
        changed[:, 0] = value
        document.edit("Set", edits.set_block, 0, 0, changed)

    set_column(1.0)  # (remembered in sight)
    qtbot.wait(10)
    view.scrollToBottom()
    qtbot.wait(10)
    set_column(2.0)  # row 0 is out of sight
    view.scrollToTop()
    qtbot.wait(10)
    region = painted_region(qtbot, view, lambda: set_column(1.0))
    assert region.contains(cell_centre(view, 0, 0))
    assert cell(table, 0, 0).data() == "1"


def test_cells_changed_while_an_editor_is_open_read_right_then_and_after(make, qtbot):
    # With an editor open, Qt repaints a changed span itself, past the looks the view
    # remembers: each cell must be painted with its new value's text (not the text remembered
    # for its old value), and once the editor is closed a cell that changes back to the text
    # remembered for it must be repainted too.
    document, table, _ = make(softmax_scenario())
    view = table.view
    rows = np.array(ROWS)

    def set_column(first, second):
        rows[0, 0], rows[1, 0] = first, second
        document.edit("Set", edits.set_block, 0, 0, rows)
        qtbot.wait(10)

    set_column(3.0, 2.5)  # (the view remembers "3" and "2.5": a span of two cells)
    view.setCurrentIndex(cell(table, 2, 2))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key_F2)
    editor = view.indexWidget(cell(table, 2, 2))
    assert isinstance(editor, QLineEdit)
    set_column(4.0, 5.0)
    _assert_painted_as_qt_paints(view)
    assert cell(table, 1, 0).data() == "5"
    qtbot.wait(20)  # (Qt repaints the view once the delegate is back)
    qtbot.keyClick(editor, Qt.Key_Escape)
    qtbot.waitUntil(lambda: view.indexWidget(cell(table, 2, 2)) is None)
    region = painted_region(qtbot, view, lambda: set_column(3.0, 2.5))
    assert region.contains(cell_centre(view, 1, 0))
    assert_shown_as_freshly_painted(view)
    _assert_painted_as_qt_paints(view)


def test_a_number_cell_is_painted_from_its_value_whatever_the_view_remembers(make, qtbot):
    # A cell painted for any reason takes the text remembered for it only when it was
    # formatted from the very value it has now: a look remembered for another value (say a
    # change the view was never told of) is not painted.
    document, table, results = make(softmax_scenario())
    for view in (table.view, results.samples_view, results.classes_view):
        qtbot.wait(10)
        view.looks[(0, 1)] = ("9.999", None, None, 9.999)
        view.looks[(1, 4)] = ("9.999", None, None, 9.999)
        _assert_painted_as_qt_paints(view)
        assert view.looks[(0, 1)][0] == "9.999"  # (it did stay in the looks)


def test_after_training_steps_each_table_on_screen_reads_as_a_fresh_paint(main_window, qtbot):
    # What the window shows (its backing store) after 40 steps of gradient descent on a
    # 20 × 300 table, where each step moves every logit but most below the fourth digit: no
    # cell of the three tables may still show an older number.
    rng = np.random.default_rng(3)
    main_window.resize(1400, 900)
    main_window.document.replace(engine.Scenario(
        classes=tuple(f"c{c}" for c in range(300)), rows=rng.normal(0, 2, (20, 300)),
        targets=rng.integers(0, 300, 20)), None)
    main_window.learn.lr.setValue(1.0)
    qtbot.wait(20)
    for _ in range(40):
        main_window.learn.step()
        qtbot.wait(1)
    qtbot.wait(20)
    for view in (main_window.input_table.view, main_window.results.samples_view,
                 main_window.results.classes_view):
        assert_shown_as_freshly_painted(view)


def assert_shown_as_freshly_painted(view):
    """What the screen (the window's backing store) shows of ``view`` equals a fresh paint."""
    viewport, window = view.viewport(), view.window()
    corner = viewport.mapTo(window, QPoint(0, 0))
    shown = window.screen().grabWindow(window.winId(), corner.x(), corner.y(),
                                       viewport.width(), viewport.height()).toImage()
    fresh = viewport.grab().toImage()
    assert not fresh.isNull() and fresh.width() > 100
    assert shown.convertToFormat(fresh.format()) == fresh, view.accessibleName()


def test_samples_that_become_ignored_and_back_read_right(make, qtbot):
    # A number cell that turns into "ignored" text and back (two samples at once: a span).
    document, _, results = make(softmax_scenario())
    ignored = softmax_scenario(targets=np.array([-100, -100, 2]))
    for scenario in (ignored, softmax_scenario(), ignored):
        document.edit("Targets", lambda _old, new=scenario: new)
        qtbot.wait(20)
        assert_shown_as_freshly_painted(results.samples_view)
    model = results.samples_model
    assert model.index(0, model.LOSS).data() == "ignored"


# --- keyboard, locale, and the smaller rules ---------------------------------------------------

def test_ctrl_c_and_ctrl_v_in_the_table_copy_and_paste(make, qtbot):
    document, table, _ = make(softmax_scenario())
    table.activateWindow()
    table.view.setFocus()
    qtbot.waitUntil(table.view.hasFocus)
    table.view.setCurrentIndex(cell(table, 0, 0))
    qtbot.keyClick(table.view, Qt.Key_C, Qt.ControlModifier)
    assert QGuiApplication.clipboard().text() == "2.0\n"
    table.view.setCurrentIndex(cell(table, 2, 2))
    qtbot.keyClick(table.view, Qt.Key_V, Qt.ControlModifier)
    assert document.scenario.rows[2, 2] == 2.0
    assert document.undo_stack.undoText() == "Paste 1 value"


def test_a_number_in_the_ui_locale_is_accepted(make, qtbot):
    QLocale.setDefault(QLocale(QLocale.German, QLocale.Germany))
    try:
        document, table, _ = make(softmax_scenario())
        type_into(qtbot, table, 0, 0, "2,25")
        assert document.scenario.rows[0, 0] == 2.25
        type_into(qtbot, table, 0, 1, "-1.5")
        assert document.scenario.rows[0, 1] == -1.5
        table.view.setCurrentIndex(cell(table, 0, 0))
        qtbot.keyClick(table.view, Qt.Key_F2)
        assert table.view.indexWidget(cell(table, 0, 0)).text() == "2,25"
    finally:
        QLocale.setDefault(QLocale.c())


def test_the_true_class_can_be_given_by_name_and_nothing_else(make):
    document, table, _ = make(softmax_scenario())
    assert table.model.setData(cell(table, 0, 3), "bird")
    assert document.scenario.targets[0] == 2
    assert not table.model.setData(cell(table, 0, 3), "wolf")
    assert table.message_label.text() == "row 1, column 'true class': 'wolf' is not a class"


def test_paste_needs_a_cell_among_the_values(make):
    document, table, _ = make(softmax_scenario())
    QGuiApplication.clipboard().setText("1\t2")
    table.view.setCurrentIndex(cell(table, 0, 3))
    table.paste_action.trigger()
    assert "Choose a cell" in table.message_label.text()
    table.view.setCurrentIndex(cell(table, 0, 0))
    QGuiApplication.clipboard().setText("1\t2\n3")
    table.paste_action.trigger()
    assert "equally many values" in table.message_label.text()
    assert_allclose(document.scenario.rows, ROWS)


def test_class_actions_need_a_class_column(make):
    document, table, _ = make(softmax_scenario())
    table.view.setCurrentIndex(cell(table, 0, 3))
    table.remove_class_action.trigger()
    assert document.scenario.classes == CLASSES
    assert "column of a class" in table.message_label.text()


def test_every_control_has_a_tooltip_and_an_accessible_name(make):
    from PySide6.QtWidgets import QAbstractButton, QComboBox as Combo, QTableView

    _, table, results = make(softmax_scenario())
    for button in table.findChildren(QAbstractButton):
        if not button.objectName().startswith("qt_"):  # the view's own select-all corner
            assert button.toolTip(), button.text()
    for widget in [*table.findChildren(Combo), *table.findChildren(QTableView),
                   *results.findChildren(QTableView), table.message_label, results.loss_label]:
        assert widget.accessibleName(), widget


def test_a_batch_with_every_sample_ignored_has_no_loss(make):
    document, _, results = make(softmax_scenario(targets=np.array([-100, -100, -100])))
    assert document.analysis.loss is None
    assert "—" in results.loss_label.text()
    assert "ignored" in results.identity_label.text()


def test_sigmoid_labels_show_a_number_only_when_soft(make):
    _, table, results = make(sigmoid_scenario())
    assert table.model.data(cell(table, 0, 3)) == ""
    assert table.model.headerData(3, Qt.Horizontal) == "label: cat"
    samples = results.samples_model
    assert samples.data(samples.index(1, samples.TARGET)) == "dog, bird"
    assert samples.data(samples.index(2, samples.TARGET)) == "none"


def test_many_sigmoid_labels_are_counted_in_the_ui_language(make, qapp):
    # "+%n more" is a plural form: lupdate must find it for the Chinese text to exist.
    classes = ("a", "b", "c", "d", "e")
    scenario = engine.Scenario(classes=classes, rows=[[0.0] * 5], mode="sigmoid",
                               targets=np.ones((1, 5)))
    _, _, results = make(scenario)
    samples = results.samples_model
    assert samples.data(samples.index(0, samples.TARGET)) == "a, b, c, +2 more"
    i18n.install_language("zh_CN", qapp)
    try:
        # A Chinese list takes 、
        assert samples.data(samples.index(0, samples.TARGET)) == "a、b、c、另有 2 个"
    finally:
        i18n.install_language("en", qapp)


def test_set_target_value_keeps_a_softmax_row_a_distribution():
    scenario = softmax_scenario(targets=np.array([[0.5, 0.5, 0.0], [0, 0, 1], [0, 1, 0]]))
    assert_allclose(edits.set_target_value(scenario, 0, 2, 0.5).targets[0], [0.25, 0.25, 0.5])
    assert_allclose(edits.set_target_value(scenario, 1, 2, 0.4).targets[1], [0.3, 0.3, 0.4])
    with pytest.raises(engine.ScenarioError, match="column 'bird'"):
        edits.set_target_value(scenario, 0, 2, 1.5)
    labels = edits.set_target_value(sigmoid_scenario(), 0, 1, 0.5).targets
    assert_allclose(labels[0], [1.0, 0.5, 0.0])  # labels are independent: nothing else moves


def _texts_fit(view):
    """Every cell and header text of ``view`` fits its column (with Qt's margins): none is
    elided."""
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    for column in range(model.columnCount()):
        texts = [model.data(model.index(row, column)) for row in range(model.rowCount())]
        widest = max(metrics.horizontalAdvance(str(text)) for text in texts if text is not None)
        assert widest + 6 <= header.sectionSize(column), (column, texts)
        assert header.sectionSizeFromContents(column).width() <= header.sectionSize(column)


def test_result_columns_fit_their_numbers_and_names_in_presentation_size_too(make, qtbot):
    scenario = softmax_scenario(rows=[[9.0, 0.5, -9.0], [0.5, 2.5, -1.0], [0.0, 0.0, 3.0]],
                                samples=("long sample", "b", "c"))
    document, _, results = make(scenario)
    # p = 1.523e-08: scientific notation, the widest kind of number
    assert "e-08" in results.classes_model.data(results.classes_model.index(2, 2))
    for view in (results.samples_view, results.classes_view):
        _texts_fit(view)
        font = view.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # what presentation mode does
        view.setFont(font)
        _texts_fit(view)


def test_a_renamed_sample_or_class_gets_room_for_its_new_name(make):
    document, _, results = make(softmax_scenario())
    document.edit("rename", edits.rename_sample, 0, "a longer name")
    document.edit("rename", edits.rename_class, 1, "hippopotamus")
    for view in (results.samples_view, results.classes_view):
        _texts_fit(view)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1520, 900), (1600, 1000)])
def test_every_result_column_is_in_sight_in_the_first_start_layout(main_window, size):
    main_window.default_layout(*size)
    QApplication.processEvents()
    for view in (main_window.results.samples_view, main_window.results.classes_view):
        header = view.horizontalHeader()
        assert header.length() <= view.viewport().width()


# --- several models: the table edits the selected one ---------------------------------------

def two_model_scenario(**changes):
    """A logits scenario with two models: model 2's logits are model 1's plus 10."""
    values = dict(classes=CLASSES, targets=np.array([0, 1, 2]),
                  models=(engine.Model("Model 1", ROWS),
                          engine.Model("Model 2", np.array(ROWS) + 10.0)))
    values.update(changes)
    return engine.Scenario(**values)


def test_the_input_table_opens_on_a_scenario_of_two_models(make):
    # It read document.scenario.rows at construction, which raises with several models.
    document, table, _ = make(two_model_scenario())
    assert table.model.rowCount() == 3 and table.model.columnCount() == 4
    assert table.model.data(cell(table, 0, 0), Qt.EditRole) == 2.0
    document.select_model(1)
    assert table.model.data(cell(table, 0, 0), Qt.EditRole) == 12.0


def test_a_paste_goes_into_the_selected_model(make):
    document, table, _ = make(two_model_scenario())
    document.select_model(1)
    QGuiApplication.clipboard().setText("7\t8\n")
    table.view.setCurrentIndex(cell(table, 2, 0))
    table.paste_action.trigger()
    assert_allclose(document.scenario.models[1].rows[2], [7.0, 8.0, 13.0])
    assert_allclose(document.scenario.models[0].rows, ROWS)
    assert table.model.data(cell(table, 2, 1), Qt.EditRole) == 8.0


def test_normalize_rows_normalises_the_selected_model_only(make):
    off = [[0.5, 0.5, 0.0], [0.2, 0.2, 0.2], [0, 0, 1]]
    scenario = two_model_scenario(input="probabilities",
                                  models=(engine.Model("Model 1", off),
                                          engine.Model("Model 2", [[0.1, 0.1, 0.1],
                                                                   [0.2, 0.3, 0.5], [0, 0, 1]])))
    document, table, _ = make(scenario)
    document.select_model(1)
    assert table.normalize_button.isVisible() and "Row 1 " in table.sums_label.text()
    table.normalize_button.click()
    assert_allclose(document.scenario.models[1].rows[0], [1 / 3] * 3)
    assert_allclose(document.scenario.models[0].rows, off)  # its row 2 still sums to 0.6
    assert document.undo_stack.count() == 1
    assert not table.normalize_button.isVisible()


# --- the model tabs -------------------------------------------------------------------------

def tab_centre(table, k):
    return table.model_tabs.bar.tabRect(k).center()


def test_one_model_shows_no_tabs_and_the_models_menu_adds_a_second(make, qtbot):
    document, table, _ = make(softmax_scenario())
    tabs = table.model_tabs
    assert not tabs.isVisible() and table.models_button.isVisible()
    assert not tabs.remove_model_action.isEnabled()
    assert [a.text() for a in table.models_button.menu().actions()] == [
        "New empty model", "Duplicate this model", "Rename model…", "Remove model"]
    tabs.new_model_action.trigger()
    assert document.scenario.model_names == ("Model 1", "Model 2")
    assert document.selected_model == 1 and tabs.bar.currentIndex() == 1
    assert tabs.isVisible() and tabs.remove_model_action.isEnabled()
    assert [tabs.bar.tabText(k) for k in range(2)] == ["Model 1", "Model 2"]
    assert_allclose(table.model.data(cell(table, 0, 0), Qt.EditRole), 0.0)  # knows nothing
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert not tabs.isVisible() and document.scenario.model_names == ("Model 1",)


def test_duplicate_copies_the_current_model_and_the_table_edits_the_copy(make, qtbot):
    document, table, _ = make(softmax_scenario())
    table.model_tabs.duplicate_model_action.trigger()
    assert document.selected_model == 1
    type_into(qtbot, table, 0, 1, "5")
    assert document.scenario.models[1].rows[0, 1] == 5.0
    assert document.scenario.models[0].rows[0, 1] == 1.0
    assert document.undo_stack.count() == 2
    assert document.undo_stack.undoText() == "Edit Model 2 · #1 · dog"


def test_clicking_a_tab_selects_its_model_for_the_table(make, qtbot):
    document, table, _ = make(two_model_scenario())
    bar = table.model_tabs.bar
    assert bar.count() == 2 and bar.currentIndex() == 0
    qtbot.mouseClick(bar, Qt.LeftButton, pos=tab_centre(table, 1))
    assert document.selected_model == 1
    assert table.model.data(cell(table, 1, 1), Qt.EditRole) == 12.5
    type_into(qtbot, table, 1, 1, "-4")
    assert document.scenario.models[1].rows[1, 1] == -4.0
    assert document.scenario.models[0].rows[1, 1] == 2.5
    document.select_model(0)
    assert bar.currentIndex() == 0 and table.model.data(cell(table, 1, 1), Qt.EditRole) == 2.5


def test_double_clicking_a_tab_renames_its_model_in_one_undo_step(make, qtbot):
    document, table, _ = make(two_model_scenario())
    bar = table.model_tabs.bar
    qtbot.mouseDClick(bar, Qt.LeftButton, pos=tab_centre(table, 1))
    editor = table.model_tabs.name_editor
    assert editor.isVisible() and editor.text() == "Model 2"
    assert bar.tabRect(1).contains(editor.geometry().center())
    qtbot.keyClicks(editor, "<b>sharp & sure</b>")
    qtbot.keyClick(editor, Qt.Key_Return)
    assert document.scenario.model_names == ("Model 1", "<b>sharp & sure</b>")
    assert bar.tabText(1) == "<b>sharp && sure</b>"  # a name, not a shortcut key
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert bar.tabText(1) == "Model 2"


def test_escape_cancels_a_rename_and_the_only_model_can_be_renamed_too(make, qtbot):
    document, table, _ = make(softmax_scenario())
    tabs = table.model_tabs
    tabs.rename_model_action.trigger()
    assert tabs.isVisible()  # while its name is edited, over its tab
    qtbot.keyClicks(tabs.name_editor, "zebra")
    qtbot.keyClick(tabs.name_editor, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not tabs.isVisible())
    assert document.scenario.model_names == ("Model 1",)
    tabs.rename_model_action.trigger()
    qtbot.keyClicks(tabs.name_editor, "baseline")
    qtbot.keyClick(tabs.name_editor, Qt.Key_Return)
    qtbot.waitUntil(lambda: not tabs.isVisible())
    assert document.scenario.model_names == ("baseline",)


def test_dragging_a_tab_moves_its_model_in_one_undo_step(make, qtbot):
    scenario = two_model_scenario()
    scenario = edits.add_model(scenario, name="Model 3", duplicate=0)
    document, table, _ = make(scenario)
    bar = table.model_tabs.bar
    start, end = tab_centre(table, 0), tab_centre(table, 2)
    qtbot.mousePress(bar, Qt.LeftButton, pos=start)
    for x in range(start.x(), end.x() + 20, 4):
        qtbot.mouseMove(bar, QPoint(x, start.y()))
    assert document.selected_model == 0  # nothing is chosen or moved while dragging
    qtbot.mouseRelease(bar, Qt.LeftButton, pos=QPoint(end.x() + 20, end.y()))
    assert document.scenario.model_names == ("Model 2", "Model 3", "Model 1")
    assert document.selected_model == 2 and bar.currentIndex() == 2
    assert table.model.data(cell(table, 0, 0), Qt.EditRole) == 2.0  # still model 1's table
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Move model 'Model 1'"
    document.undo_stack.undo()
    assert [bar.tabText(k) for k in range(3)] == ["Model 1", "Model 2", "Model 3"]
    assert document.selected_model == 0


def test_a_tab_close_button_removes_its_model_in_one_undo_step(make, qtbot):
    document, table, _ = make(two_model_scenario())
    tabs = table.model_tabs
    document.select_model(1)
    assert tabs.bar.close_button(0).toolTip() == "Remove this model"
    qtbot.mouseClick(tabs.bar.close_button(0), Qt.LeftButton)
    assert document.scenario.model_names == ("Model 2",)
    assert document.selected_model == 0
    assert table.model.data(cell(table, 0, 0), Qt.EditRole) == 12.0
    assert not tabs.isVisible() and not tabs.remove_model_action.isEnabled()
    assert document.undo_stack.undoText() == "Remove model 'Model 1'"
    document.undo_stack.undo()
    assert document.scenario.model_names == ("Model 1", "Model 2") and tabs.isVisible()


def test_the_plus_button_offers_an_empty_model_or_a_copy(make):
    document, table, _ = make(two_model_scenario())
    menu = table.model_tabs.add_button.menu()
    assert [a.text() for a in menu.actions()] == ["New empty model", "Duplicate this model"]
    document.select_model(1)
    menu.actions()[1].trigger()
    assert document.scenario.model_names == ("Model 1", "Model 2", "Model 3")
    assert_allclose(document.scenario.models[2].rows, document.scenario.models[1].rows)
    assert document.selected_model == 2 and table.model_tabs.bar.currentIndex() == 2
