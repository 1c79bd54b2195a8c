"""The Document's undo steps: repeated edits of one thing merge into one step, without keeping
the tables they passed through."""

import gc

import numpy as np

import engine
from gui.document import Document, ScenarioCommand


def scenario():
    return engine.Scenario(classes=("cat", "dog", "fox"), rows=np.array([[3.0, 1.0, -3.0]]),
                           targets=np.array([0]))


def live_commands():
    gc.collect()
    return [each for each in gc.get_objects() if isinstance(each, ScenarioCommand)]


def test_repeated_edits_of_a_cell_are_one_step_and_keep_no_command_per_edit(qtbot):
    document = Document(scenario())
    before = len(live_commands())
    for value in (1.0, 2.0, 4.0, 8.0, 16.0):
        document.set_cell(0, 1, value)
    assert document.undo_stack.count() == 1
    # A dragged bar makes hundreds of edits; each kept command would keep a whole table.
    assert len(live_commands()) - before == 1
    assert document.scenario.rows[0, 1] == 16.0
    expected = engine.analyze(document.scenario)
    assert document.analysis.probabilities[0, 1] == expected.probabilities[0, 1]
    document.undo_stack.undo()
    assert document.scenario.rows[0, 1] == 1.0
    document.undo_stack.redo()
    assert document.scenario.rows[0, 1] == 16.0


def test_edits_of_different_cells_are_separate_steps(qtbot):
    document = Document(scenario())
    document.set_cell(0, 1, 2.0)
    document.set_cell(0, 2, 2.0)
    document.set_cell(0, 1, 5.0)
    assert document.undo_stack.count() == 3
    document.undo_stack.undo()
    assert document.scenario.rows[0].tolist() == [3.0, 2.0, 2.0]


def test_an_edit_after_saving_does_not_merge_into_the_saved_state(qtbot):
    document = Document(scenario())
    document.set_cell(0, 1, 2.0)
    document.undo_stack.setClean()
    document.set_cell(0, 1, 5.0)
    assert document.modified and document.undo_stack.count() == 2
    document.undo_stack.undo()
    assert not document.modified and document.scenario.rows[0, 1] == 2.0


def test_an_edit_after_undo_is_a_new_step_that_drops_the_redo(qtbot):
    document = Document(scenario())
    document.set_cell(0, 1, 2.0)
    document.set_cell(0, 2, 2.0)
    document.undo_stack.undo()
    document.set_cell(0, 1, 5.0)
    assert document.undo_stack.count() == 2 and not document.undo_stack.canRedo()
    document.undo_stack.undo()
    assert document.scenario.rows[0].tolist() == [3.0, 2.0, -3.0]
