"""engine.history: a Patch keeps what an edit changed, and takes a scenario forward and back
exactly — every array bit for bit (so also the sign of each zero), every other field equal and
written the same."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from engine import Model, Scenario, ScenarioError, edits, history
from engine.analysis import same_value
from strategies import NAME_CHARACTERS, model_scenarios, reals, unit_floats


def assert_same(got, expected):
    """Two scenarios are the same, exactly: == and the bits of every array."""
    assert got == expected
    for name in history.FIELDS:
        mine, theirs = getattr(got, name), getattr(expected, name)
        if name == "models":
            assert [m.name for m in mine] == [m.name for m in theirs]
            for a, b in zip(mine, theirs):
                assert_same_array(a.rows, b.rows, f"rows of {a.name}")
        elif isinstance(mine, np.ndarray):
            assert_same_array(mine, theirs, name)
        else:
            assert same_value(mine, theirs), name


def assert_same_array(mine, theirs, name):
    assert (mine.dtype, mine.shape) == (theirs.dtype, theirs.shape), name
    assert mine.tobytes() == theirs.tobytes(), f"{name}: the same values, other bits"


def values(scenario):
    """Cell values as a user may type them: -0.0 and 0.0 are both drawn often."""
    cells = unit_floats() if scenario.input == "probabilities" else reals(1e6)
    return st.sampled_from([0.0, -0.0]) | cells


@st.composite
def some_edit(draw, scenario):
    """Any edit the app makes, with random arguments: a function scenario -> scenario. Some
    are invalid (they raise)."""
    n_rows, n_classes = scenario.shape
    row, column = st.integers(0, n_rows - 1), st.integers(0, n_classes - 1)
    model = st.integers(0, len(scenario.models) - 1)
    name = st.text(NAME_CHARACTERS, max_size=4)
    block = st.tuples(st.integers(1, 3), st.integers(1, 3)).flatmap(
        lambda shape: hnp.arrays(np.float64, shape, elements=values(scenario)))
    choices = {
        "cell": lambda: (edits.set_cell, draw(row), draw(column), draw(values(scenario)),
                         draw(model)),
        "block": lambda: (edits.set_block, draw(row), draw(column), draw(block), draw(model)),
        "add_model": lambda: (edits.add_model, draw(st.none() | name),
                              draw(st.none() | model)),
        "rename_model": lambda: (edits.rename_model, draw(model), draw(name)),
        "move_model": lambda: (edits.move_model, draw(model), draw(model)),
        "remove_model": lambda: (edits.remove_model, draw(model)),
        "target": lambda: ((edits.set_target, draw(row), draw(column))
                           if scenario.target_kind == "index" else
                           (edits.set_target_value, draw(row), draw(column), draw(unit_floats()))),
        "add_row": lambda: (edits.add_row, draw(st.integers(0, n_rows))),
        "remove_row": lambda: (edits.remove_rows, [draw(row)]),
        "rename_sample": lambda: (edits.rename_sample, draw(row), draw(name)),
        "add_class": lambda: (edits.add_class, draw(st.integers(0, n_classes))),
        "remove_class": lambda: (edits.remove_class, draw(column)),
        "rename_class": lambda: (edits.rename_class, draw(column), draw(name)),
        "mode": lambda: (edits.convert_mode, draw(st.sampled_from(MODES))),
        "input": lambda: (edits.convert_input, draw(st.sampled_from(INPUTS))),
        "target_kind": lambda: (edits.convert_target_kind, draw(st.sampled_from(KINDS))),
        # (offered for probabilities only: logits near the float limit overflow a row sum)
        "normalize": lambda: ((edits.normalize_rows,) if scenario.input == "probabilities"
                              else (with_title, "")),
        "temperature": lambda: (with_temperature, draw(st.sampled_from([1.0, 2.0, 0.5]))),
        "title": lambda: (with_title, draw(st.text(max_size=4))),
    }
    function, *args = choices[draw(st.sampled_from(sorted(choices)))]()
    return lambda s: function(s, *args)


MODES, INPUTS, KINDS = ("softmax", "sigmoid"), ("logits", "probabilities"), ("index",
                                                                           "distribution")


def with_temperature(scenario, value):
    return edits.set_options(scenario, temperature=value)


def with_title(scenario, title):
    return scenario.replace(title=title)


def edited(scenario, data, count):
    """Up to ``count`` valid random edits from ``scenario``: the scenarios it passes through."""
    path = [scenario]
    for _ in range(count):
        change = data.draw(some_edit(path[-1]), label="edit")
        try:
            path.append(change(path[-1]))
        except (ScenarioError, ValueError, IndexError):
            continue  # an edit the app would refuse
    return path


@given(scenario=model_scenarios(logit_bound=1e6, max_rows=5, max_classes=5), data=st.data())
def test_undoing_every_patch_gives_back_the_start_and_redoing_them_the_end(scenario, data):
    path = edited(scenario, data, data.draw(st.integers(1, 12), label="count"))
    patches = [history.diff(before, after) for before, after in zip(path, path[1:])]
    current = path[-1]
    for patch, before in zip(reversed(patches), reversed(path[:-1])):
        current = patch.revert(current)
        assert_same(current, before)
    for patch, after in zip(patches, path[1:]):
        current = patch.apply(current)
        assert_same(current, after)


@given(scenario=model_scenarios(logit_bound=1e6, max_rows=5, max_classes=5), data=st.data())
def test_merged_patches_go_from_the_first_scenario_to_the_last_at_once(scenario, data):
    path = edited(scenario, data, data.draw(st.integers(1, 6), label="count"))
    patch = history.diff(path[0], path[0])
    for before, after in zip(path, path[1:]):
        patch = history.merged(patch, history.diff(before, after), before)
    assert_same(patch.apply(path[0]), path[-1])
    assert_same(patch.revert(path[-1]), path[0])


def table(n_rows=64, n_classes=1000):
    rng = np.random.default_rng(0)
    return Scenario(classes=tuple(f"c{c}" for c in range(n_classes)),
                    rows=rng.normal(0, 2, (n_rows, n_classes)),
                    targets=rng.integers(0, n_classes, n_rows))


def test_a_cell_edit_of_a_large_table_keeps_under_a_kilobyte():
    before = table()
    after = edits.set_cell(before, 40, 700, 1.5)
    patch = history.diff(before, after)
    # Two copies of the table, what undo kept before, are 1 MB.
    assert patch.nbytes < 1024
    assert list(patch.changes) == ["models"]
    assert_same(patch.revert(after), before)


def two_models(n_rows=64, n_classes=1000):
    first = table(n_rows, n_classes)
    second = np.random.default_rng(1).normal(0, 2, first.shape)
    return first.replace(models=(first.models[0], Model("Model 2", second)))


def test_a_cell_edit_of_one_of_two_large_models_keeps_under_a_kilobyte():
    before = two_models()
    after = edits.set_cell(before, 40, 700, 1.5, model=1)
    patch = history.diff(before, after)
    assert patch.nbytes < 1024
    undone = patch.revert(after)
    assert_same(undone, before)
    assert undone.models[0] is after.models[0]  # the other model: the very same, not a copy
    dragged = history.merged(patch, history.diff(after, edits.set_cell(after, 40, 700, 2.5,
                                                                      model=1)), after)
    assert dragged.nbytes < 1024


def test_renaming_a_model_keeps_the_names_only():
    before = two_models()
    after = edits.rename_model(before, 1, "Model B")
    patch = history.diff(before, after)
    assert patch.nbytes < 1024
    assert patch.revert(after).models[1].rows is after.models[1].rows
    assert_same(patch.revert(after), before)


@pytest.mark.parametrize("edit", [
    lambda s: edits.add_model(s, duplicate=1), lambda s: edits.remove_model(s, 0),
    lambda s: edits.move_model(s, 1, 0)], ids=["duplicate", "remove", "move"])
def test_models_added_removed_or_moved_are_kept_whole_and_counted(edit):
    before = two_models(8, 300)
    after = edit(before)
    patch = history.diff(before, after)
    assert patch.nbytes >= 2 * before.models[0].rows.nbytes
    assert_same(patch.revert(after), before)
    assert_same(patch.apply(before), after)


def test_a_patch_leaves_the_fields_it_did_not_change_as_they_are():
    """The same arrays and name tuples: nothing copied or checked again, and analyze(previous)
    sees that only some rows changed."""
    before = table(8, 300)
    after = edits.set_cell(before, 2, 5, -0.0)
    undone = history.diff(before, after).revert(after)
    for name in ("classes", "samples", "targets", "options"):
        assert getattr(undone, name) is getattr(after, name)


def test_the_sign_of_a_zero_is_a_change():
    before = table(2, 3).replace(rows=np.zeros((2, 3)))
    after = edits.set_cell(before, 1, 2, -0.0)
    patch = history.diff(before, after)
    assert patch and np.signbit(patch.revert(after).rows[1, 2]) == np.False_
    assert not history.diff(before, before)


def test_a_table_of_another_shape_is_kept_whole_and_mostly_changed_tables_too():
    before = table(6, 4)
    grown = history.diff(before, edits.add_row(before))
    (name, rows), = grown.changes["models"].changes
    assert name is None and rows.new.shape == (7, 4)
    everything = history.diff(before, before.replace(rows=before.rows + 1.0))
    (name, rows), = everything.changes["models"].changes
    assert rows.old is before.rows  # shared, not copied


def test_renaming_one_class_of_many_keeps_that_name_only():
    before = table(1, 50_000)
    after = edits.rename_class(before, 123, "wolf")
    patch = history.diff(before, after)
    assert patch.nbytes < 1024  # the name list itself is 400 KB
    assert patch.revert(after).classes[123] == "c123"
    assert_same(patch.apply(before), after)


@pytest.mark.parametrize("field, value", [("mode", "sigmoid"), ("title", "t"),
                                          ("description", "d")])
def test_other_fields_keep_their_old_and_new_value(field, value):
    before = edits.convert_mode(table(3, 3), "sigmoid") if field != "mode" else table(3, 3)
    after = before.replace(**{field: value}) if field != "mode" else edits.convert_mode(
        before, value)
    patch = history.diff(before, after)
    assert getattr(patch.revert(after), field) == getattr(before, field)
    assert_same(patch.apply(before), after)
