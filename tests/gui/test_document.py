"""The Document's undo steps: repeated edits of one thing merge into one step, without keeping
the tables they passed through; a step keeps what changed, not the table, and a long history
stays within a memory limit."""

import gc
import os

import numpy as np
import pytest

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


# --- several models (issue 15) -----------------------------------------------------------------

def photos():
    """The article's two models of three photos (scikit-learn's log_loss example)."""
    return engine.Scenario(
        classes=("cat", "dog", "pig"), targets=[2, 1, 0], input="probabilities",
        models=(engine.Model("Model 1", [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3], [0.1, 0.2, 0.7]]),
                engine.Model("Model 2", [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2], [0.3, 0.4, 0.3]])))


def test_the_signal_carries_the_selected_models_analysis_and_every_models(qtbot):
    document = Document(photos())
    assert document.analysis.loss == 1.3783888522474517
    assert document.model_scenario.model_names == ("Model 1",)
    with qtbot.waitSignal(document.changed) as signal:
        document.select_model(1)
    analysis, selection = signal.args
    assert selection.model == 1 and analysis.loss == 0.6391075640678003
    assert analysis.scenario.model_names == ("Model 2",)
    comparison = analysis.comparison
    assert comparison.names == ("Model 1", "Model 2") and comparison.lowest == (1,)
    assert comparison.losses.tolist() == [1.3783888522474517, 0.6391075640678003]


def test_one_model_looks_as_before_with_a_comparison_of_one(qtbot):
    document = Document(scenario())
    assert document.analysis.scenario is document.scenario
    assert document.comparison.names == ("Model 1",) and document.comparison.lowest == (0,)


def test_a_cell_edit_goes_to_the_selected_model_and_undo_shows_that_model_again(qtbot):
    document = Document(photos())
    document.select_model(1)
    document.set_cell(2, 0, 0.5)
    assert document.scenario.models[1].rows[2, 0] == 0.5
    assert document.scenario.models[0].rows[2, 0] == 0.1
    assert document.undo_stack.undoText() == "Edit Model 2 · #3 · cat"
    document.select_model(0)
    document.undo_stack.undo()
    assert document.selected_model == 1 and document.scenario.models[1].rows[2, 0] == 0.3


def test_an_edit_of_one_model_recomputes_that_model_only(qtbot, monkeypatch):
    start = table()
    document = Document(start.replace(models=(start.models[0],
                                              engine.Model("Model 2", start.rows + 1.0))))
    first = document.comparison.analyses[0]
    computed = []
    real = analysis._sample_results
    monkeypatch.setattr(analysis, "_sample_results", lambda scenario, index: (
        computed.append(np.asarray(index).tolist()), real(scenario, index))[1])
    document.select_model(1)
    document.set_cell(5, 7, 1.5)
    assert computed == [[5]]
    assert document.comparison.analyses[0].probabilities is first.probabilities


@pytest.mark.parametrize("operation, names, selected, text", [
    (lambda d: d.add_model(), ("Model 1", "Model 2", "Model 3"), 2, "Add a model"),
    (lambda d: d.add_model(duplicate=0, name="Teacher"), ("Model 1", "Model 2", "Teacher"), 2,
     "Duplicate model 'Model 1'"),
    (lambda d: d.rename_model(1, "乙"), ("Model 1", "乙"), 1,
     "Rename model 'Model 2' to '乙'"),
    (lambda d: d.move_model(1, 0), ("Model 2", "Model 1"), 0, "Move model 'Model 2'"),
    (lambda d: d.move_model(0, 1), ("Model 2", "Model 1"), 0, "Move model 'Model 1'"),
    (lambda d: d.remove_model(0), ("Model 2",), 0, "Remove model 'Model 1'"),
    (lambda d: d.remove_model(1), ("Model 1",), 0, "Remove model 'Model 2'"),
], ids=["add", "duplicate", "rename", "move the selected", "move another", "remove another",
        "remove the selected"])
def test_each_model_operation_is_one_undo_step_and_the_selection_follows(
        qtbot, operation, names, selected, text):
    document = Document(photos())
    document.select_model(1)
    with qtbot.waitSignal(document.changed) as signal:
        assert operation(document)
    assert document.scenario.model_names == names
    assert signal.args[1].model == selected == document.selected_model
    assert signal.args[0].model_name == names[selected]
    assert document.undo_stack.count() == 1 and document.undo_stack.undoText() == text
    document.undo_stack.undo()
    assert document.scenario == photos() and document.selected_model == 1
    document.undo_stack.redo()
    assert document.scenario.model_names == names and document.selected_model == selected


def test_a_refused_model_operation_says_why_and_changes_nothing(qtbot):
    document = Document(photos())
    with qtbot.waitSignal(document.editRefused) as refused:
        assert not document.rename_model(1, "Model 1")
    assert refused.args == ["models: 'Model 1' appears twice"]
    document.remove_model(0)
    with qtbot.waitSignal(document.editRefused) as refused:
        assert not document.remove_model(0)
    assert refused.args == ["the last model cannot be removed"]
    assert document.undo_stack.count() == 1


def test_a_structural_edit_applies_to_every_model(qtbot):
    document = Document(photos())
    document.edit("Add sample", edits.add_row)
    assert [len(m.rows) for m in document.scenario.models] == [4, 4]
    assert len(document.comparison.analyses[1].sample_loss) == 4


def test_a_prepared_scenario_is_shown_with_its_analyses_made_ahead_and_no_other(qtbot,
                                                                                 monkeypatch):
    """Play analyses its next step while it waits for the tick (Document.prepare): showing that
    very scenario takes the analyses made then; any other edit is analysed as always."""
    made = []
    real = engine.analyze_models
    monkeypatch.setattr(engine, "analyze_models",
                        lambda *args, **kwargs: made.append(1) or real(*args, **kwargs))
    document = Document(photos())
    ahead = edits.set_cell(document.scenario, 0, 1, 0.5, model=1)
    document.prepare(ahead)
    assert len(made) == 2  # the start, and the one prepared
    document.edit("Prepared", lambda scenario: ahead)
    assert len(made) == 2 and document.scenario is ahead
    fresh = real(ahead)
    for shown, expected in zip(document.comparison.analyses, fresh):
        assert shown.loss == expected.loss
        np.testing.assert_array_equal(shown.probabilities, expected.probabilities)
    # Prepared for one scenario, shown another: that one is analysed, the prepared forgotten.
    document.prepare(edits.set_cell(document.scenario, 1, 1, 0.25, model=1))
    document.set_cell(2, 2, 0.125)
    assert len(made) == 4
    assert document.comparison.analyses[1].loss == real(document.scenario)[1].loss
    # Anything shown in between discards what was prepared, even for the scenario shown later.
    later = edits.set_cell(document.scenario, 0, 0, 0.75, model=1)
    document.prepare(later)
    document.set_cell(2, 2, 0.0625)
    document.edit("Later", lambda scenario: later)
    assert len(made) == 7
