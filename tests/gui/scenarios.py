"""Scenarios the GUI tests share: the cat, dog and pig lesson, and the presets."""

import engine
from gui.shell.resources import resource_path


def cat_dog_pig(**changes):
    values = dict(classes=("cat", "dog", "pig"), samples=("photo 1", "photo 2", "photo 3"),
                  rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0], [1.2, 0.3, 2.2]], targets=[0, 1, 2])
    values.update(changes)
    return engine.Scenario(**values)


def preset(name):
    return engine.from_json(resource_path("presets", name).read_text(encoding="utf-8"))
