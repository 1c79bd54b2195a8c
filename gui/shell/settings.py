"""What the app remembers between runs beyond the window layout: the start scenario (also File ▸
New and the first example), the options the user chose last time, and whether lesson 1 was
offered yet."""

import json

import engine
from engine import edits


def default_scenario():
    """What a first start shows: three photos, classes cat, dog and pig, its names in the
    interface's language as File ▸ Examples shows an example's."""
    from PySide6.QtCore import QCoreApplication

    from gui.shell.i18n import example_in_language

    return example_in_language(engine.Scenario(
        classes=("cat", "dog", "pig"),
        rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0], [1.2, 0.3, 2.2]], targets=[0, 1, 2],
        samples=("photo 1", "photo 2", "photo 3"),
        title=QCoreApplication.translate("app", "Cat, dog or pig?")))


def start_example_title():
    """The start scenario's name in File ▸ Examples."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("app", "Start: cat, dog or pig (3, 1, −3)")


FIRST_START_KEY = "lessons/first_lesson_offered"


def first_start(settings):
    """True once, on the first start: lesson 1 has not been offered yet (it is now)."""
    if settings.value(FIRST_START_KEY, False, bool):
        return False
    settings.setValue(FIRST_START_KEY, True)
    return True


def starting_scenario(settings):
    """The default scenario with the options the user chose last time (when still valid)."""
    scenario = default_scenario()
    try:
        saved = json.loads(settings.value("document/last_options", "{}"))
        mode = settings.value("document/last_mode", "softmax")
        scenario = edits.convert_mode(scenario, mode)
        saved.pop("class_weights", None)
        saved.pop("pos_weight", None)
        return edits.set_options(scenario, **saved)
    except (ValueError, TypeError):
        return scenario


def remember_options(settings, scenario):
    options = {name: getattr(scenario.options, name)
               for name in ("temperature", "label_smoothing", "reduction", "log_base")}
    settings.setValue("document/last_options", json.dumps(options))
    settings.setValue("document/last_mode", scenario.mode)
