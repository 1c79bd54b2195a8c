"""Which classes the plots and the class table show when a sample has too many for all."""

import numpy as np

import engine
from engine import edits
from engine.top_classes import target_mass, top_classes
from gui.document import Document
from gui.views.tables.results import MAX_CLASS_ROWS, ClassesModel, class_rows


def test_pinned_then_target_mass_then_the_most_probable():
    p = np.linspace(0.0, 1.0, 100)
    mass = np.zeros(100)
    mass[3] = 1.0
    chosen, most_probable_only = top_classes(p, mass, 10, pinned=[5])
    assert chosen.tolist() == [5, 3, 99, 98, 97, 96, 95, 94, 93, 92]
    assert not most_probable_only
    chosen, most_probable_only = top_classes(p, np.eye(100)[99], 10)
    assert chosen.tolist() == list(range(99, 89, -1)) and most_probable_only


def test_target_mass_beyond_its_limit_keeps_the_heaviest():
    p = np.linspace(1.0, 0.0, 100)
    mass = np.zeros(100)
    mass[[50, 60, 70, 80]] = [0.1, 0.4, 0.2, 0.3]
    chosen, _ = top_classes(p, mass, 6, mass_limit=2)
    assert chosen.tolist() == [60, 80, 0, 1, 2, 3]


def test_few_classes_are_all_chosen():
    p = np.array([0.2, 0.5, 0.3])
    chosen, most_probable_only = top_classes(p, np.zeros(3), 10)
    assert sorted(chosen.tolist()) == [0, 1, 2] and most_probable_only


def test_class_rows_keep_every_class_with_target_mass_sorted_by_probability():
    p = np.linspace(1, 0, 1000)
    targets = np.zeros(1000)
    targets[[999, 998]] = 0.5
    shown = class_rows(p, targets, limit=10)
    assert list(shown) == [0, 1, 2, 3, 4, 5, 6, 7, 998, 999]
    assert list(class_rows(p[:5], targets[:5], limit=10)) == [0, 1, 2, 3, 4]


def test_target_mass_is_the_users_target_not_the_smoothed_one():
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=np.zeros((2, 3)),
                               targets=np.array([2, 0]))
    scenario = edits.set_options(scenario, label_smoothing=0.3)
    assert target_mass(scenario, 0).tolist() == [0.0, 0.0, 1.0]
    soft = edits.convert_target_kind(scenario, "distribution")
    assert target_mass(soft, 1).tolist() == soft.targets[1].tolist()


def test_label_smoothing_keeps_the_most_probable_classes_in_the_class_table(qtbot):
    # Smoothing gives every class some target: the table must still show the likely ones,
    # not the first 500 by index.
    count = 2 * MAX_CLASS_ROWS
    rows = np.zeros((1, count))
    rows[0, count - 10:] = 5.0
    scenario = engine.Scenario(classes=tuple(f"w{c}" for c in range(count)), rows=rows,
                               targets=np.array([3]))
    document = Document(edits.set_options(scenario, label_smoothing=0.1))
    model = ClassesModel(document)
    shown = [model.class_at(r) for r in range(model.rowCount())]
    assert set(shown[:10]) == set(range(count - 10, count))
    assert 3 in shown
