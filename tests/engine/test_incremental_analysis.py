"""analyze(scenario, previous): recomputing only the rows an edit changed gives, bit for bit, what
a full analysis gives; anything but a change of rows falls back to the full analysis.

"Bit for bit" is checked on the bytes of every array (so also the sign of each zero), not only
with ``==``.
"""

import dataclasses
from unittest import mock

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import engine.analysis as analysis_module
from engine import Analysis, Options, Scenario, analyze
from engine.edits import add_class, rename_sample, set_cell, set_options, set_target
from strategies import options, reals, scenarios, unit_floats

ARRAYS = tuple(field.name for field in dataclasses.fields(Analysis)
               if field.name not in ("scenario", "loss", "total", "divisor", "unit", "comparison"))
EVERY_ROW = "every row"


def assert_identical(got, expected):
    """Every array, number and the unit of two analyses are the same, bit for bit."""
    assert got.scenario is expected.scenario
    for name in ARRAYS:
        mine, theirs = getattr(got, name), getattr(expected, name)
        np.testing.assert_array_equal(mine, theirs, err_msg=name, strict=True)
        assert mine.tobytes() == theirs.tobytes(), f"{name}: the same values, other bits"
        assert not mine.flags.writeable, name
    for name in ("loss", "total", "divisor", "unit"):
        mine, theirs = getattr(got, name), getattr(expected, name)
        assert mine == theirs and repr(mine) == repr(theirs), name


def changed_rows(before, after):
    """The rows of ``after`` that differ from ``before`` in value or in the sign of a zero."""
    a, b = before.rows, after.rows
    return np.flatnonzero(((a != b) | (np.signbit(a) != np.signbit(b))).any(axis=1))


def incremental_on_any_table():
    """Let the incremental path run on tables of any size (it skips small ones by default)."""
    return mock.patch.object(analysis_module, "INCREMENTAL_MIN_CELLS", 0)


@pytest.fixture
def incremental_everywhere():
    with incremental_on_any_table():
        yield


@pytest.fixture
def computed(monkeypatch):
    """What each analyze call computed, in order: EVERY_ROW, or the list of the rows."""
    calls = []
    real = analysis_module._sample_results

    def spy(scenario, index):
        calls.append(EVERY_ROW if isinstance(index, slice) else np.asarray(index).tolist())
        return real(scenario, index)

    monkeypatch.setattr(analysis_module, "_sample_results", spy)
    return calls


@st.composite
def row_edits(draw, scenario):
    """The scenario with one cell, or any set of rows (none, some or all), given new values."""
    n_rows, n_classes = scenario.shape
    cells = unit_floats() if scenario.input == "probabilities" else reals()
    if draw(st.booleans()):
        return set_cell(scenario, draw(st.integers(0, n_rows - 1)),
                        draw(st.integers(0, n_classes - 1)), draw(cells))
    rows = np.array(scenario.rows)
    for n in draw(st.sets(st.integers(0, n_rows - 1))):
        rows[n] = draw(hnp.arrays(np.float64, n_classes, elements=cells))
    return scenario.replace(rows=rows)


def table(n_rows, n_classes, *, mode="softmax", input="logits", seed=0, **option_changes):
    """A large random scenario (more than 128 classes, so numpy sums a row in blocks)."""
    rng = np.random.default_rng(seed)
    if input == "logits":
        rows = rng.normal(scale=8.0, size=(n_rows, n_classes))
    else:
        rows = rng.dirichlet(np.full(n_classes, 0.3), size=n_rows)
    rows[rng.random(rows.shape) < 0.05] = 0.0  # exact zeros: log 0 and p = 1/2 cases
    if mode == "sigmoid":
        targets = (rng.random((n_rows, n_classes)) < 0.1).astype(np.float64)
    else:
        targets = rng.integers(0, n_classes, n_rows)
        targets[::7] = -100
    return Scenario(classes=tuple(f"c{c}" for c in range(n_classes)), rows=rows, targets=targets,
                    mode=mode, input=input, options=Options(**option_changes))


# --- random scenarios and edits: the same bits as a full analysis ----------------------------


@given(scenario=scenarios(max_rows=8, max_classes=12), data=st.data())
def test_an_analysis_from_the_previous_one_is_bit_identical_to_a_full_one(scenario, data):
    with incremental_on_any_table():
        previous, before = analyze(scenario), scenario
        for _ in range(data.draw(st.integers(1, 3), label="edits")):
            after = data.draw(row_edits(before), label="after")
            result = analyze(after, previous=previous)
            assert_identical(result, analyze(after))
            # The edit is only of rows: the incremental path is taken up to half of them.
            takes_rows = 2 * len(changed_rows(before, after)) <= len(after.rows)
            assert (analysis_module._changed_rows(after, previous) is not None) == takes_rows
            previous, before = result, after  # as in the GUI: each analysis is the next previous


@given(scenario=scenarios(max_rows=6), data=st.data())
def test_new_options_fall_back_to_a_full_analysis(scenario, data):
    chosen = data.draw(options(len(scenario.classes)), label="options")
    # Another ignore_index could make the targets invalid; the fallback is tested by hand.
    chosen = dataclasses.replace(chosen, ignore_index=scenario.options.ignore_index)
    after = data.draw(row_edits(scenario.replace(options=chosen)), label="after")
    with incremental_on_any_table():
        previous = analyze(scenario)
        assert_identical(analyze(after, previous=previous), analyze(after))
        if chosen != scenario.options:
            assert analysis_module._changed_rows(after, previous) is None


SETTINGS = [
    dict(mode="softmax", input="logits"),
    dict(mode="softmax", input="logits", temperature=0.37, label_smoothing=0.1,
         class_weights=tuple(np.linspace(0.0, 3.0, 300)), reduction="sum", log_base="2"),
    dict(mode="softmax", input="probabilities", log_base="2"),
    dict(mode="sigmoid", input="logits", temperature=2.5,
         pos_weight=tuple(np.linspace(0.5, 4.0, 300)),
         class_weights=tuple(np.linspace(0.0, 2.0, 300))),
    dict(mode="sigmoid", input="probabilities", reduction="sum"),
]


@pytest.mark.parametrize("settings", SETTINGS)
def test_edits_of_a_large_table_are_bit_identical_to_a_full_analysis(settings, computed):
    before = table(40, 300, **settings)
    rng = np.random.default_rng(1)
    rows = np.array(before.rows)
    rows[[3, 20]] = before.rows[[5, 30]]  # other rows' values: stays valid for either input
    rows[11, 7] = 0.0 if before.input == "probabilities" else 1e300
    for after in (before.replace(rows=rows), set_cell(before, 39, 299, rng.random())):
        previous = analyze(before)
        computed.clear()
        result = analyze(after, previous=previous)
        assert computed == [changed_rows(before, after).tolist()]
        assert_identical(result, analyze(after))


# --- what the incremental path is taken for, and what it is not ------------------------------


def test_a_one_cell_edit_of_a_large_table_computes_only_that_row(computed):
    before = table(64, 1000)
    previous = analyze(before)
    unchanged = {name: getattr(previous, name).copy() for name in ARRAYS}
    after = set_cell(before, 17, 3, 9.5)
    result = analyze(after, previous=previous)
    assert computed == [EVERY_ROW, [17]]
    assert_identical(result, analyze(after))
    for name, values in unchanged.items():  # the previous analysis is left as it was
        np.testing.assert_array_equal(getattr(previous, name), values, strict=True)


def test_a_small_table_is_always_analysed_whole(computed):
    before = table(4, 3)
    after = set_cell(before, 1, 2, 9.5)
    assert_identical(analyze(after, previous=analyze(before)), analyze(after))
    assert computed == [EVERY_ROW] * 3


@pytest.mark.parametrize("edit", [
    lambda s: set_target(s, 2, 1),
    lambda s: set_options(s, temperature=2.0),
    lambda s: set_options(s, ignore_index=-1),
    lambda s: add_class(s),
    lambda s: rename_sample(s, 0, "first"),
    lambda s: s.replace(mode="sigmoid", targets=np.eye(3)[[0, 1, 2, 0]]),
    lambda s: s.replace(targets=np.eye(3)[[0, 1, 2, 0]]),  # the same classes as rows
], ids=["target", "temperature", "ignore_index", "class", "sample name", "mode", "target kind"])
def test_any_other_edit_falls_back_to_a_full_analysis(edit, incremental_everywhere, computed):
    before = Scenario(classes=("a", "b", "c"), rows=[[1.0, 2.0, 3.0]] * 4, targets=[0, 1, 2, 0])
    after = set_cell(edit(before), 0, 0, 5.0)
    result = analyze(after, previous=analyze(before))
    assert computed == [EVERY_ROW, EVERY_ROW]
    assert_identical(result, analyze(after))


@pytest.mark.parametrize("n_changed, paths", [(0, []), (1, [[2]]), (2, [[0, 2]]),
                                               (3, [EVERY_ROW])])
def test_up_to_half_the_rows_are_computed_alone(n_changed, paths, incremental_everywhere,
                                                computed):
    before = Scenario(classes=("a", "b", "c"), rows=np.zeros((4, 3)), targets=[0, 1, 2, 0])
    after = set_cell(before, 0, 0, 0.0)  # the same values in a new table: nothing to compute
    for row in [2, 0, 3][:n_changed]:
        after = set_cell(after, row, 1, -1.5)
    result = analyze(after, previous=analyze(before))
    assert computed[1:] == paths
    assert_identical(result, analyze(after))


def test_every_row_changed_is_a_full_analysis(incremental_everywhere, computed):
    before = table(10, 300, mode="sigmoid")
    after = before.replace(rows=before.rows + 0.5)
    result = analyze(after, previous=analyze(before))
    assert computed[1] == EVERY_ROW
    assert_identical(result, analyze(after))


@pytest.mark.parametrize("mode", ["softmax", "sigmoid"])
def test_a_one_row_scenario(mode, incremental_everywhere, computed):
    targets = [1] if mode == "softmax" else [[0.0, 1.0, 1.0]]
    before = Scenario(classes=("a", "b", "c"), rows=[[0.5, -2.0, 4.0]], targets=targets,
                      mode=mode)
    previous = analyze(before)
    after = set_cell(before, 0, 1, 3.0)
    assert_identical(analyze(after, previous=previous), analyze(after))
    same = before.replace(title="renamed")  # no row changed: nothing to compute
    assert_identical(analyze(same, previous=previous), analyze(same))
    assert computed == [EVERY_ROW, EVERY_ROW, EVERY_ROW, EVERY_ROW]


def test_a_weight_turned_negative_zero_falls_back(incremental_everywhere, computed):
    # Options compare 0.0 == -0.0, yet a class weight's sign is the sign of a zero gradient:
    # rows computed with the old weight would not be those of a full analysis.
    before = Scenario(classes=("a", "b"), rows=[[1.0, 2.0], [3.0, -1.0], [0.5, 0.5]],
                      targets=np.eye(2)[[0, 1, 1]], mode="sigmoid",
                      options=Options(class_weights=(0.0, 1.0)))
    after = set_cell(set_options(before, class_weights=(-0.0, 1.0)), 2, 0, 4.0)
    assert after.options == before.options
    assert analyze(before).gradient.tobytes() != analyze(after).gradient.tobytes()
    result = analyze(after, previous=analyze(before))
    assert computed[:2] == [EVERY_ROW, EVERY_ROW]
    assert_identical(result, analyze(after))


def test_a_zero_turned_negative_zero_is_a_changed_row(incremental_everywhere):
    # Today no result shows the sign of a zero logit or probability, but rows are compared by
    # their bits so that the bit-identity never rests on it.
    before = Scenario(classes=("a", "b"), rows=[[0.0, 0.5], [0.5, 0.5], [0.5, 0.5]],
                      targets=np.zeros((3, 2)), mode="sigmoid", input="probabilities")
    after = set_cell(before, 0, 0, -0.0)
    assert analysis_module._changed_rows(after, analyze(before)).tolist() == [0]
    assert_identical(analyze(after, previous=analyze(before)), analyze(after))
