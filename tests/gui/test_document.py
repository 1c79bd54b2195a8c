"""The Document's undo steps: repeated edits of one thing merge into one step, without keeping
the tables they passed through; a step keeps what changed, not the table, and a long history
stays within a memory limit."""

import gc
import os

import numpy as np

import engine
from engine import analysis, edits
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


# --- long sessions: the history keeps what changed, and a memory cap --------------------------


def table(n_rows=64, n_classes=1000):
    rng = np.random.default_rng(0)
    return engine.Scenario(classes=tuple(f"c{c}" for c in range(n_classes)),
                           rows=rng.normal(0, 2, (n_rows, n_classes)),
                           targets=rng.integers(0, n_classes, n_rows))


def resident_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def assert_same(got, expected):
    assert got == expected
    assert got.rows.tobytes() == expected.rows.tobytes()
    assert got.targets.tobytes() == expected.targets.tobytes()


def test_20000_cell_edits_of_a_large_table_stay_small_and_undo_back_to_the_start(qtbot):
    # Each step kept two whole 64 x 1000 tables: 0.49 MB an edit, 9.9 GB for 20,000.
    start = table()
    document = Document(start)
    before = resident_mb()
    for n in range(20_000):
        document.set_cell(n % 64, n // 64, float(n % 50) - 25.0)
        if n % 1000 == 999:  # (checked as it grows: the old history would fill the machine)
            assert resident_mb() - before < 300, f"after {n + 1} edits"
    end = document.scenario
    assert document.undo_stack.count() == 20_000
    assert document._history_bytes < 64 * 2**20
    document.undo_stack.setIndex(0)
    assert_same(document.scenario, start)
    assert not document.modified
    document.undo_stack.setIndex(100)
    expected = np.array(start.rows)
    expected[np.arange(100) % 64, np.arange(100) // 64] = np.arange(100) % 50 - 25.0
    assert document.scenario.rows.tobytes() == expected.tobytes()
    assert document.scenario.rows.tobytes() != end.rows.tobytes()


def test_undoing_a_cell_edit_recomputes_only_its_row(qtbot, monkeypatch):
    document = Document(table())
    document.set_cell(5, 7, 1.5)
    document.set_cell(9, 7, 1.5)
    computed = []
    real = analysis._sample_results
    monkeypatch.setattr(analysis, "_sample_results", lambda scenario, index: (
        computed.append(np.asarray(index).tolist()), real(scenario, index))[1])
    document.undo_stack.undo()
    document.undo_stack.undo()
    document.undo_stack.redo()
    assert computed == [[9], [5], [5]]


def test_dragging_one_cell_of_a_large_table_is_one_small_step(qtbot):
    start = table()
    document = Document(start)
    for value in np.linspace(-5.0, 5.0, 200):
        document.set_cell(3, 4, value)
    (step,) = [document.undo_stack.command(0)]
    assert document.undo_stack.count() == 1 and step.patch.nbytes < 1024
    document.undo_stack.undo()
    assert_same(document.scenario, start)
    document.undo_stack.redo()
    assert document.scenario.rows[3, 4] == 5.0


def grow_and_shrink(document, steps):
    """Add a sample, remove it, …: steps that keep whole tables (about 1 MB each at 64 x 1000).
    Returns the scenario after each step."""
    path = []
    for n in range(steps):
        if n % 2 == 0:
            document.edit("Add sample", edits.add_row)
        else:
            document.edit("Remove sample", edits.remove_rows, [0])
        path.append(document.scenario)
    return path


def test_past_its_memory_limit_the_history_drops_its_oldest_steps(qtbot):
    document = Document(table())
    document.history_limit = 20 * 2**20
    commands_before = len(live_commands())
    seen = []
    document.undo_stack.cleanChanged.connect(lambda clean: seen.append(clean))
    path = grow_and_shrink(document, 60)
    stack = document.undo_stack
    assert document._history_bytes <= document.history_limit
    assert document._history_bytes == sum(stack.command(n).nbytes for n in range(stack.count()))
    assert 10 < stack.count() < 20
    assert seen == [False]  # modified once, at the first edit; never saved since
    assert stack.undoText() == "Remove sample" and not stack.canRedo()
    assert_same(document.scenario, path[-1])
    while stack.canUndo():
        stack.undo()
    # The oldest step kept goes back to the scenario before it, exactly; no further.
    assert_same(document.scenario, path[-1 - stack.count()])
    assert document.modified  # the saved state (the start) was dropped: it cannot come back
    stack.setIndex(stack.count())
    assert_same(document.scenario, path[-1])
    assert len(live_commands()) - commands_before == stack.count()  # the dropped ones are freed


def test_a_saved_state_kept_in_the_history_stays_the_saved_state(qtbot):
    document = Document(table())
    document.history_limit = 20 * 2**20
    grow_and_shrink(document, 12)
    saved = document.scenario
    document.undo_stack.setClean()
    grow_and_shrink(document, 12)
    assert document.undo_stack.count() < 20  # some steps were dropped
    while document.modified:
        document.undo_stack.undo()
    assert_same(document.scenario, saved)
    assert document.undo_stack.canUndo()


def test_a_new_document_starts_an_empty_history(qtbot):
    document = Document(table())
    grow_and_shrink(document, 3)
    document.replace(scenario())
    grow_and_shrink(document, 1)
    assert document._history_bytes == document.undo_stack.command(0).nbytes


def test_only_a_real_change_is_a_step_and_the_sign_of_a_zero_is_one(qtbot):
    document = Document(scenario().replace(rows=np.array([[0.0, 1.0, -3.0]])))
    document.set_cell(0, 1, 1.0)
    assert document.undo_stack.count() == 0
    document.set_cell(0, 0, -0.0)
    assert document.undo_stack.count() == 1 and np.signbit(document.scenario.rows[0, 0])
    document.undo_stack.undo()
    assert not np.signbit(document.scenario.rows[0, 0])
