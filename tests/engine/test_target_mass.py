"""engine.top_classes: the target mass a view picks classes by, for an ignored sample too."""

import numpy as np

import engine
from engine.top_classes import target_mass


def test_an_ignored_sample_keeps_its_class_unless_asked_to_leave_it_without_mass():
    # The ignore index may be a class index too: here class 1 of three.
    scenario = engine.Scenario(classes=("a", "b", "c"), rows=np.zeros((2, 3)),
                               targets=np.array([1, 2]), options=engine.Options(ignore_index=1))
    assert engine.analyze(scenario).ignored.tolist() == [True, False]
    assert target_mass(scenario, 0).tolist() == [0.0, 1.0, 0.0]  # the class the user picked
    assert target_mass(scenario, 0, keep_ignored=False).tolist() == [0.0, 0.0, 0.0]
    assert target_mass(scenario, 1, keep_ignored=False).tolist() == [0.0, 0.0, 1.0]


def test_an_ignore_index_outside_the_classes_gives_no_class_mass():
    scenario = engine.Scenario(classes=("a", "b"), rows=np.zeros((1, 2)),
                               targets=np.array([-100]))
    assert target_mass(scenario, 0).tolist() == target_mass(scenario, 0, False).tolist() \
        == [0.0, 0.0]
