"""Reading lesson files from disk, and the bundled lessons and examples they use, without a
window (the command line's --check-lesson reads them too), and what is wrong with one in a
line."""

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

import engine
from engine import lessons
from gui.common.messages import describe
from engine.scenario import MAX_FILE_CHARS
from gui.shell.i18n import example_in_language
from gui.shell.resources import resource_path
from gui.shell.scenario_file import read_text


class Examples(Mapping):
    """The bundled examples (resources/presets/*.json) by name, the file's stem: name -> the
    file's text, each read when a lesson first asks for it."""

    def __init__(self, folder=None):
        self.folder = resource_path("presets") if folder is None else folder
        self._names = sorted(path.stem for path in self.folder.glob("*.json"))
        self._texts = {}

    def __getitem__(self, name):
        if name not in self._names:
            raise KeyError(name)
        if name not in self._texts:
            self._texts[name] = read_text(self.folder / f"{name}.json", MAX_FILE_CHARS)
        return self._texts[name]

    def __iter__(self):
        return iter(self._names)

    def __len__(self):
        return len(self._names)


def read_lesson(path, examples=None):
    """Read and validate the lesson file at ``path``; a step may load any bundled example.
    Raises ScenarioError (LessonError for the lesson's content) whose message names the
    problem, and for a step its number."""
    text = read_text(path, lessons.MAX_LESSON_CHARS)
    return lessons.read_lesson(text, Examples() if examples is None else examples)


def step_in_language(step):
    """A lesson step as the window shows it: the class, sample and model names of its scenario
    in the interface's language, as File ▸ Examples opens an example ("cat" -> "猫"; names
    without a translation stay), and its question's answer on those names: the same numbers."""
    return lessons.renamed_step(step, example_in_language(step.scenario))


def bundled_lessons():
    """The paths of the bundled lessons (resources/lessons/*.json), in file-name order (the
    files are numbered)."""
    return sorted(resource_path("lessons").glob("*.json"))


def lesson_problem(error):
    """What is wrong with a lesson, in one line: where ("step 3: question.number"), then the
    problem; a step's scenario error in the current language, as --compute says it."""
    if not isinstance(error, engine.LessonError):
        return describe(error)
    problem = describe(error.cause) if error.cause is not None else error.problem
    if error.field:  # a path in the file, as the file spells it
        problem = f"{error.field}{f', line {error.line}' if error.line else ''}: {problem}"
    if error.step is None:
        return problem
    return QCoreApplication.translate("cli", "step {step}: {problem}").format(step=error.step,
                                                                            problem=problem)
