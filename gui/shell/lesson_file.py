"""Reading lesson files from disk, and the bundled lessons and examples they use, without Qt (the
command line's --check-lesson reads them too)."""

from collections.abc import Mapping

from engine import lessons
from engine.scenario import MAX_FILE_CHARS
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


def bundled_lessons():
    """The paths of the bundled lessons (resources/lessons/*.json), in file-name order (the
    files are numbered)."""
    return sorted(resource_path("lessons").glob("*.json"))
