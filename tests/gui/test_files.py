"""File ▸ Open / Save / Save As / Recent / Examples, the unsaved-changes prompt, autosave and
restore, atomic saving under injected faults, and a corpus of malformed files refused clearly."""

import errno
import json
import os
import stat
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

import engine
from engine import ScenarioError, edits
from gui.shell import autosave
from gui.common import code_snippets
from gui.shell import files
from gui.shell import scenario_file
from gui.shell import settings as app_settings
from gui.document import Document
from gui.shell.files import CANCEL, DISCARD, SAVE, FileController
from gui.shell.resources import resource_path

MALFORMED = Path(__file__).parent / "data" / "malformed"
REAL_ASK_SAVE = files.ask_save_discard_cancel
REAL_ASK_RESTORE = files.ask_restore
REAL_ASK_OVERWRITE = files.ask_overwrite

# The offscreen platform warns when a shown window updates its size hints; on a display nothing
# is wrong.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

# Each malformed file, and a word its refusal must contain: the message names the problem.
CORPUS = {
    "binary_png.json": "not UTF-8",
    "boolean_in_rows.json": "True is not a number",
    "class_name_not_text.json": "is not text",
    "deep_nesting.json": "nested too deeply",
    "duplicate_class_names.json": "'cat' appears twice",
    "empty.json": "not valid JSON",
    "empty_classes.json": "classes must be a non-empty list",
    "empty_rows.json": "rows must be a non-empty table",
    "float_overflow.json": "not a finite number",
    "huge_integer.json": "too large for a 64-bit float",
    "ignore_index_fraction.json": "ignore_index must be a whole number",
    "infinity.json": "Infinity is not allowed",
    "label_smoothing_2.json": "label_smoothing must be between 0.0 and 1.0",
    "latin1.json": "not UTF-8",
    "minus_infinity.json": "-Infinity is not allowed",
    "missing_classes.json": "missing field 'classes'",
    "missing_rows.json": "missing field 'rows'",
    "missing_targets.json": "missing field 'targets'",
    "models_and_rows.json": "unknown field 'rows'",
    "models_duplicate_name.json": "models: 'A' appears twice",
    "models_empty.json": "\"models\" must be a list of at least one model",
    "models_empty_name.json": "model 2 has no name",
    "models_entry_not_object.json": "models[1] must be an object",
    "models_missing.json": "missing field 'models'",
    "models_rows_mismatch.json": "model 'Model 2': 1 × 3 values, but model 'Model 1' has 2 × 3",
    "models_text_cell.json": "model 'B': row 1, column 'dog': 'x' is not a number",
    "nan.json": "NaN is not allowed",
    "negative_weight.json": "class_weights[1] must be at least 0",
    "no_format.json": "not a Logit Lab file",
    "not_json.json": "not valid JSON",
    "options_not_object.json": "\"options\" must be an object",
    "probability_above_one.json": "is not a probability between 0 and 1",
    "ragged_rows.json": "row 2 has 2 values",
    "rows_nested_too_deep.json": "rows must be a non-empty table of numbers",
    "samples_wrong_count.json": "samples must be a list of 2 names",
    "sigmoid_with_class_indices.json": "labels between 0 and 1",
    "single_quotes.json": "not valid JSON",
    "soft_target_not_summing.json": "target row 1 sums to 0.8",
    "string_in_rows.json": "'abc' is not a number",
    "target_out_of_range.json": "3 is not a class index",
    "targets_mixed.json": "all class indices or all rows",
    "targets_not_a_list.json": "\"targets\" must be a list",
    "temperature_negative.json": "temperature must be between 1e-300 and 1000000.0",
    "temperature_zero.json": "temperature must be between 1e-300 and 1000000.0",
    "top_level_array.json": "must hold a JSON object",
    "top_level_string.json": "must hold a JSON object",
    "trailing_comma.json": "not valid JSON",
    "truncated.json": "not valid JSON",
    "unknown_field.json": "unknown field 'colour'",
    "unknown_input.json": "input must be one of",
    "unknown_log_base.json": "log_base must be one of",
    "unknown_mode.json": "mode must be one of",
    "unknown_option.json": "unknown option 'temprature'",
    "unknown_reduction.json": "reduction must be one of",
    "utf16.json": "not UTF-8",
    "version_99.json": "newer Logit Lab (format version 99)",
    "version_string.json": "\"version\" must be a whole number",
    "version_zero.json": "\"version\" must be a whole number",
    "weights_wrong_length.json": "class_weights has 2 values but there are 3 classes",
    "wrong_format.json": "not a Logit Lab file",
}


def cat_dog_pig():
    return engine.Scenario(classes=("cat", "dog", "pig"),
                           rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0], [1.2, 0.3, 2.2]],
                           targets=[0, 1, 2], samples=("photo 1", "photo 2", "photo 3"))


class Dialogs:
    """Stands in for every question and message box; records what was shown."""

    def __init__(self):
        self.warnings = []
        self.asked = []
        self.answer = CANCEL
        self.save_path = None
        self.open_path = None
        self.restore = False
        self.restore_asked = 0
        self.overwrite = False
        self.overwrite_asked = []

    def ask_restore(self, parent):
        self.restore_asked += 1
        return self.restore

    def ask_overwrite(self, parent, name, read_only, names):
        self.overwrite_asked.append((name, read_only, names))
        return self.overwrite

    def ask(self, parent, name):
        self.asked.append(name)
        return self.answer


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """No test ever blocks on a real modal dialog."""
    fake = Dialogs()
    monkeypatch.setattr(files, "show_warning", lambda parent, title, text:
                        fake.warnings.append(text))
    monkeypatch.setattr(files, "ask_save_discard_cancel", fake.ask)
    monkeypatch.setattr(files, "ask_save_path", lambda *args: fake.save_path)
    monkeypatch.setattr(files, "ask_open_path", lambda *args: fake.open_path)
    monkeypatch.setattr(files, "ask_restore", fake.ask_restore)
    monkeypatch.setattr(files, "ask_overwrite", fake.ask_overwrite)
    return fake


def make_controller(qtbot, autosave_folder, scenario=None):
    window = QMainWindow()
    window.file_menu = window.menuBar().addMenu("&File")
    window.quit_action = window.file_menu.addAction("&Quit", window.close)
    qtbot.addWidget(window)
    document = Document(scenario or cat_dog_pig())
    return FileController(window, document, autosave_folder=autosave_folder)


@pytest.fixture
def controller(qtbot, tmp_path):
    return make_controller(qtbot, tmp_path / "data" / "autosave")


def modify(document, value=7.0):
    assert document.set_cell(0, 0, value)
    assert document.modified


def write_scenario(path, scenario):
    path.write_text(engine.to_json(scenario), encoding="utf-8")
    return path


def menu_texts(menu):
    return [a.menu().title() if a.menu() else a.text() for a in menu.actions()
            if not a.isSeparator()]


# --- menus -----------------------------------------------------------------------------------

def test_file_menu_entries_come_before_quit_with_the_usual_shortcuts(controller):
    assert menu_texts(controller.window.file_menu) == [
        "&New", "&Open…", "Open &Recent", "&Examples", "&Save", "Save &As…", "&Export",
        "Copy as &Code", "&Quit"]
    shortcuts = [a.shortcut().toString() for a in
                 (controller.new_action, controller.open_action, controller.save_action,
                  controller.save_as_action)]
    assert shortcuts == ["Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Shift+S"]


def test_export_and_code_menus_offer_every_format(controller):
    assert menu_texts(controller.export_menu) == [
        "Results as &CSV…", "Plots as &PNG…", "Plots as &SVG…", "The Math as &Text…",
        "The Math as &Markdown…"]
    assert menu_texts(controller.code_menu) == ["&PyTorch", "&Keras", "&scikit-learn"]


def test_examples_menu_lists_every_preset_by_title_in_lesson_order(controller):
    titles = [engine.from_json(p.read_text(encoding="utf-8")).title
              for p in resource_path("presets").glob("*.json")]
    shown = menu_texts(controller.examples_menu)
    assert shown[0] == "Start: cat, dog or pig (3, 1, −3)"  # the first-start scenario
    assert sorted(shown[1:]) == sorted(titles)
    assert shown[1] == "Cat, dog or pig: which model is better?"
    assert shown[-1] == "Next-token prediction"


def test_an_example_opens_unnamed_and_unmodified(controller, qtbot):
    action = next(a for a in controller.examples_menu.actions()
                  if a.text() == "Two models, one truth")
    with qtbot.waitSignal(controller.pathChanged) as signal:
        action.trigger()
    expected = engine.from_json(
        resource_path("presets", "two_models_one_truth.json").read_text(encoding="utf-8"))
    assert controller.document.scenario == expected
    assert signal.args == [None] and controller.document.path is None
    assert not controller.document.modified


@pytest.mark.parametrize("answer, replaced", [(DISCARD, True), (CANCEL, False)])
def test_file_new_asks_about_unsaved_changes_then_shows_the_start_scenario(
        controller, dialogs, answer, replaced):
    document = controller.document
    document.path = Path("/somewhere/mine.json")
    modify(document)
    edited = document.scenario
    dialogs.answer = answer
    controller.new_action.trigger()
    assert dialogs.asked == ["mine.json"]
    start = app_settings.default_scenario()
    assert (document.scenario == start) is replaced
    if replaced:
        assert start.rows.tolist()[0] == [3.0, 1.0, -3.0]
        assert document.path is None and not document.modified
        assert document.undo_stack.count() == 0
    else:
        assert document.scenario == edited and document.modified


def test_the_start_example_is_the_first_start_scenario(controller):
    controller.examples_menu.actions()[0].trigger()
    assert controller.document.scenario == app_settings.default_scenario()
    assert controller.document.path is None


# --- opening ---------------------------------------------------------------------------------

def test_open_path_shows_the_file_unmodified_and_remembers_it(controller, tmp_path, qtbot):
    scenario = edits.set_options(cat_dog_pig(), temperature=2.5).replace(title="Lesson 1")
    path = write_scenario(tmp_path / "lesson.json", scenario)
    with qtbot.waitSignal(controller.pathChanged) as signal:
        assert controller.open_path(str(path))
    assert controller.document.scenario == scenario
    assert controller.document.path == path and signal.args == [path]
    assert not controller.document.modified and controller.document.undo_stack.count() == 0
    assert controller.recent_paths() == [path]


def test_open_action_asks_for_the_file(controller, dialogs, tmp_path):
    scenario = edits.convert_mode(cat_dog_pig(), "sigmoid")
    dialogs.open_path = write_scenario(tmp_path / "sig.json", scenario)
    controller.open_action.trigger()
    assert controller.document.scenario == scenario


def test_cancelling_the_open_dialog_changes_nothing(controller, dialogs):
    before = controller.document.scenario
    assert not controller.open()
    assert controller.document.scenario is before and not dialogs.warnings


def test_a_utf8_byte_order_mark_is_accepted(controller, tmp_path):
    path = tmp_path / "notepad.json"
    path.write_bytes(b"\xef\xbb\xbf" + engine.to_json(cat_dog_pig()).encode("utf-8"))
    assert controller.open_path(path)


# --- malformed files -------------------------------------------------------------------------

def test_the_malformed_corpus_has_30_files_and_each_a_stated_problem():
    names = sorted(p.name for p in MALFORMED.iterdir())
    assert len(names) >= 30
    assert names == sorted(CORPUS)


def assert_refused(controller, dialogs, path, keyword):
    document = controller.document
    modify(document)
    dialogs.answer = DISCARD  # even after "discard", a bad file leaves the work as it was
    before, steps = document.scenario, document.undo_stack.count()
    assert not controller.open_path(path)
    assert document.scenario is before and document.undo_stack.count() == steps
    assert document.modified and document.path is None
    assert len(dialogs.warnings) == 1
    message = dialogs.warnings[0]
    assert Path(path).name in message and keyword in message, message


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_malformed_file_is_refused_naming_the_problem(controller, dialogs, name):
    assert_refused(controller, dialogs, MALFORMED / name, CORPUS[name])


def test_a_table_beyond_the_size_limit_is_refused(controller, dialogs, tmp_path):
    row = "[" + ",".join(["0"] * 2000) + "]"
    path = tmp_path / "huge.json"
    path.write_text('{"format": "logit-lab", "version": 1, "classes": ['
                    + ",".join(f'"c{n}"' for n in range(2000)) + '], "rows": ['
                    + ",".join([row] * 1001) + '], "targets": [' + ",".join(["0"] * 1001)
                    + "]}", encoding="utf-8")
    assert_refused(controller, dialogs, path, "is more than the 2,000,000")


def test_a_file_over_256_mb_is_refused_before_it_is_read(controller, dialogs, tmp_path):
    path = tmp_path / "enormous.json"
    with open(path, "wb") as file:
        file.truncate(257 * 2**20)  # sparse: no time nor disk spent
    assert_refused(controller, dialogs, path, "larger than 256 MB")


def test_a_missing_file_is_refused(controller, dialogs, tmp_path):
    assert_refused(controller, dialogs, tmp_path / "gone.json", "no such file")


def test_a_folder_is_refused(controller, dialogs, tmp_path):
    assert_refused(controller, dialogs, tmp_path, "a folder or device, not a file")


# --- saving ----------------------------------------------------------------------------------

def test_save_writes_the_scenario_and_marks_the_document_clean(controller, tmp_path, qtbot):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    controller.open_path(path)
    modify(controller.document, 42.0)
    controller.save_action.trigger()
    assert not controller.document.modified
    assert engine.from_json(path.read_text(encoding="utf-8")) == controller.document.scenario
    assert path.read_text(encoding="utf-8") == engine.to_json(controller.document.scenario)


# What a version-1 build (before several models) reads: its top-level fields and options, as
# engine/scenario.py had them then; a newer version or any other field it refuses.
VERSION_1_FIELDS = {"format", "version", "title", "description", "classes", "samples", "mode",
                    "input", "rows", "targets", "options"}
VERSION_1_OPTIONS = {"temperature", "label_smoothing", "class_weights", "pos_weight",
                     "reduction", "ignore_index", "log_base"}


def a_version_1_build_reads(data):
    return (data["format"] == "logit-lab" and data["version"] == 1
            and set(data) <= VERSION_1_FIELDS and {"classes", "rows", "targets"} <= set(data)
            and set(data.get("options", {})) <= VERSION_1_OPTIONS)


def test_a_lone_model_named_model_1_is_saved_as_version_1_which_older_builds_read(
        controller, tmp_path):
    modify(controller.document)
    assert controller.save_to(tmp_path / "one.json")
    data = json.loads((tmp_path / "one.json").read_text(encoding="utf-8"))
    assert a_version_1_build_reads(data)
    assert data["rows"] == controller.document.scenario.rows.tolist()
    assert controller.open_path(tmp_path / "one.json")
    assert controller.document.scenario.model_names == ("Model 1",)


def test_a_lone_model_the_user_renamed_is_saved_as_version_2_and_keeps_its_name(
        controller, tmp_path):
    assert controller.document.rename_model(0, "甲")
    assert controller.save_to(tmp_path / "jia.json")
    data = json.loads((tmp_path / "jia.json").read_text(encoding="utf-8"))
    assert data["version"] == 2 and not a_version_1_build_reads(data)
    assert [model["name"] for model in data["models"]] == ["甲"]
    assert controller.open_path(tmp_path / "jia.json")
    assert controller.document.scenario.model_names == ("甲",)
    assert controller.document.rename_model(0, "Model 1")  # its default name again: version 1
    assert controller.save_to(tmp_path / "jia.json")
    assert a_version_1_build_reads(json.loads((tmp_path / "jia.json").read_text(
        encoding="utf-8")))


def test_saving_untitled_work_asks_for_a_name_and_adds_json(controller, dialogs, tmp_path, qtbot):
    modify(controller.document)
    dialogs.save_path = tmp_path / "my lesson"
    with qtbot.waitSignal(controller.pathChanged) as signal:
        assert controller.save()
    saved = tmp_path / "my lesson.json"
    assert signal.args == [saved] and controller.document.path == saved
    assert engine.from_json(saved.read_text(encoding="utf-8")) == controller.document.scenario
    assert controller.recent_paths() == [saved]


def test_cancelling_save_as_keeps_the_work_modified(controller):
    modify(controller.document)
    assert not controller.save_as()
    assert controller.document.modified and controller.document.path is None


def test_save_as_writes_a_new_file_and_leaves_the_old_one(controller, dialogs, tmp_path):
    old = write_scenario(tmp_path / "old.json", cat_dog_pig())
    controller.open_path(old)
    modify(controller.document)
    dialogs.save_path = tmp_path / "new.json"
    controller.save_as_action.trigger()
    assert controller.document.path == tmp_path / "new.json"
    assert engine.from_json(old.read_text(encoding="utf-8")) == cat_dog_pig()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saving_keeps_the_file_permissions(controller, tmp_path):
    path = write_scenario(tmp_path / "shared.json", cat_dog_pig())
    path.chmod(0o640)
    controller.open_path(path)
    modify(controller.document)
    assert controller.save()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_saving_through_a_symbolic_link_writes_its_target(controller, tmp_path):
    target = write_scenario(tmp_path / "real.json", cat_dog_pig())
    link = tmp_path / "link.json"
    link.symlink_to(target)
    controller.open_path(link)
    modify(controller.document)
    assert controller.save()
    assert link.is_symlink()
    assert engine.from_json(target.read_text(encoding="utf-8")) == controller.document.scenario


def test_a_scenario_too_large_to_open_again_is_not_saved(controller, dialogs, tmp_path,
                                                         monkeypatch):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    old_bytes = path.read_bytes()
    controller.open_path(path)
    modify(controller.document)
    size = len(engine.to_json(controller.document.scenario).encode("utf-8"))
    monkeypatch.setattr(engine.scenario, "MAX_FILE_CHARS", size - 1)
    assert not controller.save()
    assert path.read_bytes() == old_bytes
    assert controller.document.modified and len(dialogs.warnings) == 1
    assert dialogs.warnings[0].startswith("“lesson.json” was not saved: the file would be 0 MB, "
                                          "more than the 0 MB Logit Lab can open")
    monkeypatch.setattr(engine.scenario, "MAX_FILE_CHARS", size)  # just what the reader takes
    assert controller.save() and not controller.document.modified
    saved = controller.document.scenario
    controller.document.replace(cat_dog_pig())
    assert controller.open_path(path) and controller.document.scenario == saved


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_saving_over_a_read_only_file_asks_first(controller, dialogs, tmp_path):
    path = write_scenario(tmp_path / "handout.json", cat_dog_pig())
    path.chmod(0o444)  # the tests run as root, who could write it: the app asks all the same
    controller.open_path(path)
    modify(controller.document)
    assert not controller.save()  # "Cancel"
    assert dialogs.overwrite_asked == [("handout.json", True, 1)]
    assert engine.from_json(path.read_text(encoding="utf-8")) == cat_dog_pig()
    assert controller.document.modified
    dialogs.overwrite = True  # "Replace"
    assert controller.save() and not controller.document.modified
    assert engine.from_json(path.read_text(encoding="utf-8")) == controller.document.scenario
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


@pytest.mark.skipif(os.name != "posix", reason="hard links")
def test_saving_a_file_with_hard_links_asks_first(controller, dialogs, tmp_path):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    other_name = tmp_path / "same lesson.json"
    os.link(path, other_name)
    controller.open_path(path)
    modify(controller.document)
    assert not controller.save()
    assert dialogs.overwrite_asked == [("lesson.json", False, 2)]
    assert path.stat().st_nlink == 2 and controller.document.modified
    dialogs.overwrite = True
    assert controller.save()
    assert engine.from_json(path.read_text(encoding="utf-8")) == controller.document.scenario
    assert engine.from_json(other_name.read_text(encoding="utf-8")) == cat_dog_pig()


def test_a_new_or_plain_file_is_written_without_a_question(controller, dialogs, tmp_path):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    controller.open_path(path)
    modify(controller.document)
    assert controller.save() and controller.save_to(tmp_path / "new.json")
    assert dialogs.overwrite_asked == []


def test_a_save_removes_what_interrupted_saves_of_that_file_left(controller, tmp_path):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    names = {"leftover": ".lesson.json.k3_9az0q.tmp",  # a save that crashed, before this run
             "in progress": ".lesson.json.p0q1r2s3.tmp",  # another copy saving right now
             "not ours": ".lesson.json.notes.tmp",
             "another file's": ".other.json.k3_9az0q.tmp"}
    for name in names.values():
        (tmp_path / name).write_text("{", encoding="utf-8")
    long_ago = scenario_file.STARTED - 3600
    for key in ("leftover", "not ours", "another file's"):
        os.utime(tmp_path / names[key], (long_ago, long_ago))
    controller.open_path(path)
    modify(controller.document)
    assert controller.save()
    left = {p.name for p in tmp_path.iterdir()}
    assert names["leftover"] not in left
    assert {names["in progress"], names["not ours"], names["another file's"]} <= left


# --- a save interrupted at each step leaves the old file whole ----------------------------------

class FailingFile:
    """A temporary file whose write (after writing half) or flush fails, as a full disk does."""

    def __init__(self, file, fail_at):
        self._file, self._fail_at = file, fail_at
        self.name = file.name

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._file.close()

    def fileno(self):
        return self._file.fileno()

    def write(self, data):
        if self._fail_at == "write":
            self._file.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return self._file.write(data)

    def flush(self):
        self._file.flush()
        if self._fail_at == "flush":
            raise OSError(errno.EIO, os.strerror(errno.EIO))


def raising(code):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    return fail


def inject(monkeypatch, step):
    """Make one step of atomic_write fail; returns the reason the user should read."""
    real_temporary = tempfile.NamedTemporaryFile
    if step in ("write", "flush"):
        monkeypatch.setattr(scenario_file.tempfile, "NamedTemporaryFile", lambda *a, **k:
                            FailingFile(real_temporary(*a, **k), step))
        return os.strerror(errno.ENOSPC if step == "write" else errno.EIO)
    code = {"create": errno.ENOSPC, "fsync": errno.EIO, "chmod": errno.EPERM,
            "rename": errno.EACCES}[step]
    target = {"create": (scenario_file.tempfile, "NamedTemporaryFile"),
              "fsync": (scenario_file.os, "fsync"), "chmod": (scenario_file.os, "chmod"),
              "rename": (scenario_file.os, "replace")}[step]
    monkeypatch.setattr(*target, raising(code))
    return os.strerror(code)


@pytest.mark.parametrize("step", ["create", "write", "flush", "fsync", "chmod", "rename"])
def test_a_save_failing_at_any_step_keeps_the_old_file_and_says_why(
        controller, dialogs, tmp_path, monkeypatch, step):
    folder = tmp_path / "lessons"
    folder.mkdir()
    path = write_scenario(folder / "lesson.json", cat_dog_pig())
    old_bytes = path.read_bytes()
    controller.open_path(path)
    modify(controller.document)
    reason = inject(monkeypatch, step)
    assert not controller.save()
    assert path.read_bytes() == old_bytes
    assert [p.name for p in folder.iterdir()] == ["lesson.json"]  # no temporary file left
    assert controller.document.modified
    assert len(dialogs.warnings) == 1
    assert "lesson.json" in dialogs.warnings[0] and reason in dialogs.warnings[0]


def test_a_failed_save_to_a_missing_folder_says_why(controller, dialogs, tmp_path):
    modify(controller.document)
    assert not controller.save_to(tmp_path / "no such folder" / "x.json")
    assert controller.document.modified and "No such file or directory" in dialogs.warnings[0]


# --- the unsaved-changes prompt --------------------------------------------------------------

def test_closing_with_unsaved_changes_and_cancel_keeps_the_window(controller, dialogs, qtbot):
    controller.window.show()
    modify(controller.document)
    dialogs.answer = CANCEL
    assert not controller.window.close()
    assert controller.window.isVisible() and controller.document.modified
    assert dialogs.asked == ["Untitled"]


def test_closing_with_discard_closes_without_saving(controller, dialogs, tmp_path):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    controller.open_path(path)
    controller.window.show()
    modify(controller.document)
    dialogs.answer = DISCARD
    assert controller.window.close()
    assert not controller.window.isVisible()
    assert engine.from_json(path.read_text(encoding="utf-8")) == cat_dog_pig()
    assert dialogs.asked == ["lesson.json"]


def test_closing_with_save_saves_then_closes(controller, dialogs, tmp_path):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    controller.open_path(path)
    controller.window.show()
    modify(controller.document, 11.0)
    dialogs.answer = SAVE
    assert controller.window.close()
    assert engine.from_json(path.read_text(encoding="utf-8")).rows[0, 0] == 11.0


def test_save_then_cancelling_the_file_dialog_keeps_the_window(controller, dialogs):
    controller.window.show()
    modify(controller.document)
    dialogs.answer, dialogs.save_path = SAVE, None
    assert not controller.window.close()
    assert controller.window.isVisible()


def test_a_saved_document_closes_without_asking(controller, dialogs):
    controller.window.show()
    assert controller.window.close()
    assert dialogs.asked == []


@pytest.mark.parametrize("answer, opened, saved", [
    (CANCEL, False, False), (DISCARD, True, False), (SAVE, True, True)])
def test_opening_another_file_asks_first(controller, dialogs, tmp_path, answer, opened, saved):
    first = write_scenario(tmp_path / "first.json", cat_dog_pig())
    other = edits.add_class(cat_dog_pig())
    second = write_scenario(tmp_path / "second.json", other)
    controller.open_path(first)
    modify(controller.document, 9.0)
    edited = controller.document.scenario
    dialogs.answer = answer
    assert controller.open_path(second) == opened
    assert controller.document.scenario == (other if opened else edited)
    on_disk = engine.from_json(first.read_text(encoding="utf-8"))
    assert on_disk == (edited if saved else cat_dog_pig())


def _click(button_text):
    """Click a button of the modal box that is up."""
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox), box
    button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
    button.click()


@pytest.mark.parametrize("button, answer", [
    ("Save", SAVE), ("Discard", DISCARD), ("Cancel", CANCEL)])
def test_the_real_prompt_shows_the_three_answers(qtbot, button, answer):
    QTimer.singleShot(0, lambda: _click(button))
    assert REAL_ASK_SAVE(None, "lesson.json") == answer


@pytest.mark.parametrize("button, replace", [("Replace", True), ("Cancel", False)])
def test_the_real_overwrite_question_says_why_it_asks(qtbot, button, replace):
    def answer():
        box = QApplication.activeModalWidget()
        assert box.text() == "Replace “<b>handout</b>.json”?"
        assert box.informativeText() == (
            "It is read-only. Replacing it writes a new file with your changes, read-only like "
            "the old one.\n\nIt has 3 names (hard links). Only this name will show your "
            "changes; the other names keep the old content.")
        _click(button)

    QTimer.singleShot(0, answer)
    assert REAL_ASK_OVERWRITE(None, "<b>handout</b>.json", True, 3) == replace


@pytest.mark.parametrize("button, restore", [("Restore", True), ("Discard", False)])
def test_the_real_restore_question(qtbot, button, restore):
    QTimer.singleShot(0, lambda: _click(button))
    assert REAL_ASK_RESTORE(None) == restore


# --- recent files ----------------------------------------------------------------------------

def test_recent_files_are_newest_first_at_most_8_and_pruned(controller, tmp_path):
    paths = [write_scenario(tmp_path / f"lesson {n}.json", cat_dog_pig()) for n in range(10)]
    for path in paths:
        controller.open_path(path)
    assert controller.recent_paths() == paths[::-1][:8]
    paths[8].unlink()
    assert controller.recent_paths() == [paths[9]] + paths[7:1:-1]
    controller.open_path(paths[5])
    assert controller.recent_paths()[:2] == [paths[5], paths[9]]


def test_the_recent_menu_opens_a_file_and_can_be_cleared(controller, tmp_path):
    scenario = edits.add_row(cat_dog_pig())
    path = write_scenario(tmp_path / "one.json", scenario)
    controller.open_path(path)
    controller.document.replace(cat_dog_pig())
    controller.recent_menu.aboutToShow.emit()
    entries = [a for a in controller.recent_menu.actions() if a.toolTip() == str(path)]
    assert [a.text() for a in entries] == ["&1 one.json"]
    entries[0].trigger()
    assert controller.document.scenario == scenario
    controller.clear_recent()
    controller.recent_menu.aboutToShow.emit()
    assert "No recent files" in menu_texts(controller.recent_menu)


# --- autosave and restore --------------------------------------------------------------------

def autosave_now(controller, qtbot):
    """Autosave, and wait for the worker thread's write to land."""
    with qtbot.waitSignal(controller.autosaver.written, timeout=10000):
        controller.autosave()


def autosaved(controller):
    return engine.from_json(controller.autosave_file.read_text(encoding="utf-8"))


def test_autosave_runs_every_5_seconds(controller):
    assert controller.autosave_timer.isActive()
    assert controller.autosave_timer.interval() == 5000


def test_a_due_autosave_waits_for_a_pause_in_the_editing(controller, qtbot, monkeypatch):
    controller.document.set_cell(0, 0, 9.0)
    controller.autosave_in_a_pause()  # the 5 s tick, just after an edit: not in the middle of it
    assert not controller.autosaver.busy and not controller.autosave_file.exists()
    controller.document.set_cell(0, 0, 8.0)  # still editing
    qtbot.waitSignal(controller.autosaver.written, timeout=3000).wait()  # once the user pauses
    assert autosaved(controller).rows[0, 0] == 8.0
    # Editing without a pause for long: it is written anyway.
    monkeypatch.setattr(files, "AUTOSAVE_MAX_WAIT_MS", 0)
    controller.document.set_cell(0, 0, 7.0)
    with qtbot.waitSignal(controller.autosaver.written, timeout=10000):
        controller.autosave_in_a_pause()
    assert autosaved(controller).rows[0, 0] == 7.0


def test_each_window_has_its_own_autosave_file_in_the_data_folder(qtbot, tmp_path):
    controller = make_controller(qtbot, None)
    path = controller.autosave_file
    assert path.parent == autosave.default_folder() and path.parent.name == "autosave"
    assert str(tmp_path / "data") in str(path)  # conftest's XDG_DATA_HOME
    assert path.name.startswith(f"session-{os.getpid()}-") and path.suffix == ".json"
    assert make_controller(qtbot, None).autosave_file != path


def test_autosave_keeps_unsaved_work_until_it_is_saved(controller, dialogs, tmp_path, qtbot):
    controller.autosave()
    assert not controller.autosaver.busy and not controller.autosave_file.exists()
    modify(controller.document)
    autosave_now(controller, qtbot)
    assert autosaved(controller) == controller.document.scenario
    dialogs.save_path = tmp_path / "kept.json"
    controller.save()
    assert not controller.autosave_file.exists()


def test_undoing_back_to_the_saved_state_removes_the_autosave(controller, qtbot):
    modify(controller.document)
    autosave_now(controller, qtbot)
    controller.document.undo_stack.undo()
    assert not controller.autosave_file.exists()


def test_a_normal_close_removes_the_autosave_and_its_lock(controller, dialogs, qtbot):
    controller.window.show()
    modify(controller.document)
    autosave_now(controller, qtbot)
    assert controller.autosave_file.with_suffix(".lock").exists()
    dialogs.answer = DISCARD
    assert controller.window.close()
    assert not controller.autosave_file.exists()
    assert not controller.autosave_file.with_suffix(".lock").exists()
    assert not controller.autosave_timer.isActive()


def test_autosave_is_written_on_a_worker_thread_one_write_at_a_time(controller, qtbot,
                                                                     monkeypatch):
    release = threading.Event()
    writes = []  # (thread, the value of the first cell written)

    def slow_write(path, data):
        writes.append((threading.get_ident(), engine.from_json(data.decode()).rows[0, 0]))
        release.wait(10)
        scenario_file.atomic_write(path, data)

    monkeypatch.setattr(autosave, "atomic_write", slow_write)
    modify(controller.document, 1.0)
    controller.autosave()  # returns at once, while the write waits on the worker thread
    qtbot.waitUntil(lambda: len(writes) == 1)
    assert writes[0][0] != threading.get_ident() and not controller.autosave_file.exists()
    for value in (2.0, 3.0):  # edited while it writes: only the newest is written next
        modify(controller.document, value)
        controller.autosave()
    assert len(writes) == 1 and controller.autosaver.busy
    release.set()
    qtbot.waitUntil(lambda: len(writes) == 2 and not controller.autosaver.busy, timeout=10000)
    assert [value for _, value in writes] == [1.0, 3.0]
    assert autosaved(controller).rows[0, 0] == 3.0


def test_a_failed_autosave_is_said_in_the_status_bar_until_one_succeeds(qtbot, tmp_path,
                                                                       monkeypatch):
    plain_file = tmp_path / "not a folder"
    plain_file.write_text("", encoding="utf-8")
    controller = make_controller(qtbot, plain_file / "autosave")
    status = controller.window.statusBar()
    modify(controller.document)
    with qtbot.waitSignal(controller.autosaver.failed):
        controller.autosave()
    assert status.currentMessage() == ("Autosave failed: Not a directory. "
                                       "Save your work to keep it.")
    # A failure on the worker thread: the file would be too large to open again.
    wide = engine.Scenario(classes=tuple(f"c{n}" for n in range(150_000)),
                           rows=[[0.0] * 150_000], targets=[0])
    controller = make_controller(qtbot, tmp_path / "autosave", wide)
    status = controller.window.statusBar()
    modify(controller.document)
    size = len(engine.to_json(controller.document.scenario).encode("utf-8"))
    monkeypatch.setattr(engine.scenario, "MAX_FILE_CHARS", 2**20)
    with qtbot.waitSignal(controller.autosaver.failed, timeout=10000):
        controller.autosave()
    assert status.currentMessage() == (
        f"Autosave failed: the file would be {round(size / 2**20)} MB, more than the 1 MB "
        f"Logit Lab can open; remove rows or classes first. Save your work to keep it.")
    assert size > 2**20 and not controller.autosave_file.exists()
    monkeypatch.setattr(engine.scenario, "MAX_FILE_CHARS", 2**30)
    autosave_now(controller, qtbot)
    assert status.currentMessage() == "" and controller.autosave_file.exists()


def test_a_language_switch_keeps_the_windows_autosave_file(main_window, qtbot):
    from gui.shell import app

    modify(main_window.document)
    autosave_now(main_window.files, qtbot)
    path = main_window.files.autosave_file
    switched = app.switch_language("zh_CN")
    assert switched.files.autosave_file == path
    modify(switched.document, 5.0)
    autosave_now(switched.files, qtbot)
    assert autosaved(switched.files).rows[0, 0] == 5.0
    assert list(path.parent.glob("*.json")) == [path]


def crashed_session(qtbot, folder, path=None):
    """A window that autosaved unsaved work, then crashed: its file stays, and no running
    process holds its lock any more. Returns its scenario."""
    crashed = make_controller(qtbot, folder)
    if path is not None:
        crashed.open_path(path)
    modify(crashed.document, 123.0)
    autosave_now(crashed, qtbot)
    crashed.autosave_timer.stop()
    crashed.autosaver._lock.unlock()  # as the end of its process does
    return crashed.document.scenario


def test_after_a_crash_the_next_start_restores_unsaved_work(qtbot, tmp_path, dialogs):
    folder = tmp_path / "autosave"
    lost = crashed_session(qtbot, folder)
    dialogs.restore = True
    controller = make_controller(qtbot, folder)
    assert controller.offer_restore()
    assert controller.document.scenario == lost
    assert controller.document.modified and controller.document.path is None
    # The work moved into this window's own autosave file: it was on disk all along.
    assert [p.name for p in folder.glob("*.json")] == [controller.autosave_file.name]
    assert autosaved(controller) == lost


def test_restored_work_of_a_saved_file_undoes_back_to_that_file(qtbot, tmp_path, dialogs):
    path = write_scenario(tmp_path / "lesson.json", cat_dog_pig())
    lost = crashed_session(qtbot, tmp_path / "autosave", path)
    dialogs.restore = True
    controller = make_controller(qtbot, tmp_path / "autosave", edits.add_class(cat_dog_pig()))
    assert controller.offer_restore()
    assert controller.document.scenario == lost and controller.document.path == path
    controller.document.undo_stack.undo()
    assert controller.document.scenario == cat_dog_pig() and not controller.document.modified


def test_declining_the_restore_discards_the_autosave(qtbot, tmp_path, dialogs):
    folder = tmp_path / "autosave"
    crashed_session(qtbot, folder)
    controller = make_controller(qtbot, folder)
    dialogs.restore = False
    assert not controller.offer_restore() and dialogs.restore_asked == 1
    assert not list(folder.glob("*.json"))
    assert controller.document.scenario == cat_dog_pig()


def test_nothing_is_offered_without_an_autosave(controller, dialogs):
    dialogs.restore = True
    assert not controller.offer_restore() and dialogs.restore_asked == 0


@pytest.mark.parametrize("content, reason", [("{broken", "not valid JSON"),
                                             (None, "larger than 256 MB")])
def test_an_autosave_that_cannot_be_opened_is_kept_and_its_place_said(controller, dialogs,
                                                                      content, reason):
    folder = controller.autosaver.folder
    folder.mkdir(parents=True)
    orphan = folder / "session-1-0badf00d.json"
    if content is None:
        with open(orphan, "wb") as file:  # sparse: no time nor disk spent
            file.truncate(engine.scenario.MAX_FILE_CHARS + 1)
    else:
        orphan.write_text(content, encoding="utf-8")
    size = orphan.stat().st_size
    dialogs.restore = True
    assert not controller.offer_restore() and dialogs.restore_asked == 0
    kept = folder / "unreadable-session-1-0badf00d.json"
    assert kept.stat().st_size == size and not orphan.exists()
    assert len(dialogs.warnings) == 1
    assert str(kept) in dialogs.warnings[0] and reason in dialogs.warnings[0]
    assert not controller.offer_restore() and len(dialogs.warnings) == 1  # said once


def test_two_windows_autosave_apart_and_neither_offers_the_others_work(qtbot, tmp_path,
                                                                       dialogs):
    folder = tmp_path / "autosave"
    first, second = make_controller(qtbot, folder), make_controller(qtbot, folder)
    modify(first.document, 11.0)
    modify(second.document, 22.0)
    autosave_now(first, qtbot)
    autosave_now(second, qtbot)
    assert first.autosave_file != second.autosave_file
    assert autosaved(first).rows[0, 0] == 11.0 and autosaved(second).rows[0, 0] == 22.0
    third = make_controller(qtbot, folder)
    assert not third.offer_restore() and dialogs.restore_asked == 0
    assert autosaved(first).rows[0, 0] == 11.0  # kept, should the first window crash


# Another copy of Logit Lab that autosaves unsaved work, says so, then runs until it is killed.
OTHER_COPY = """
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
import engine
from gui.shell.autosave import Autosave
autosave = Autosave(sys.argv[1])
autosave.written.connect(lambda scenario: print("written", flush=True))
autosave.write(engine.Scenario(classes=("yes", "no"), rows=[[5.0, 1.0]], targets=[1]))
app.exec()
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_the_work_of_a_killed_copy_is_offered_once_its_process_is_gone(qtbot, tmp_path,
                                                                       dialogs):
    folder = tmp_path / "autosave"
    other = subprocess.Popen([sys.executable, "-c", OTHER_COPY, str(folder)],
                             cwd=Path(__file__).resolve().parents[2], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert other.stdout.readline() == "written\n"
        dialogs.restore = True
        controller = make_controller(qtbot, folder)
        assert not controller.offer_restore() and dialogs.restore_asked == 0  # it still runs
    finally:
        other.kill()  # SIGKILL: its lock file stays, naming a process that is gone
        other.wait()
        other.stdout.close()
    assert len(list(folder.glob("session-*.lock"))) == 1
    assert controller.offer_restore() and dialogs.restore_asked == 1
    assert controller.document.scenario == engine.Scenario(
        classes=("yes", "no"), rows=[[5.0, 1.0]], targets=[1])
    assert [p.name for p in folder.glob("*.json")] == [controller.autosave_file.name]


# --- every scenario reachable in the GUI saves and reopens identical ---------------------------

NAMES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=6)
EDITS = st.one_of(
    st.tuples(st.just("cell"), st.integers(0, 99), st.integers(0, 99),
              st.floats(allow_nan=False, allow_infinity=False)),
    st.tuples(st.just("probability"), st.integers(0, 99), st.integers(0, 99), st.floats(0, 1)),
    st.tuples(st.just("add_row"), st.integers(0, 99)),
    st.tuples(st.just("remove_row"), st.integers(0, 99)),
    st.tuples(st.just("add_class"), st.integers(0, 99)),
    st.tuples(st.just("remove_class"), st.integers(0, 99)),
    st.tuples(st.just("rename_class"), st.integers(0, 99), NAMES),
    st.tuples(st.just("rename_sample"), st.integers(0, 99), NAMES),
    st.tuples(st.just("target"), st.integers(0, 99), st.integers(-1, 99)),
    st.tuples(st.just("mode"), st.sampled_from(["softmax", "sigmoid"])),
    st.tuples(st.just("input"), st.sampled_from(["logits", "probabilities"])),
    st.tuples(st.just("target_kind"), st.sampled_from(["index", "distribution"])),
    st.tuples(st.just("normalize")),
    st.tuples(st.just("text"), NAMES, NAMES),
    st.tuples(st.just("options"), st.fixed_dictionaries({}, optional={
        "temperature": st.floats(0.05, 20.0),
        "label_smoothing": st.floats(0.0, 1.0),
        "class_weights": st.none() | st.floats(0.0, 10.0),
        "pos_weight": st.none() | st.floats(0.0, 10.0),
        "reduction": st.sampled_from(["mean", "sum"]),
        "ignore_index": st.sampled_from([-100, -1]),
        "log_base": st.sampled_from(["e", "2"])})),
)


def apply_edit(scenario, edit):
    """One GUI edit; indices wrap around the current table, as a click always hits a cell."""
    kind, *args = edit
    rows, classes = scenario.shape
    if kind in ("cell", "probability"):
        return edits.set_cell(scenario, args[0] % rows, args[1] % classes, args[2])
    if kind == "target":
        target = args[1] if args[1] < 0 else args[1] % classes
        if scenario.target_kind != "index":
            target = np.eye(classes)[target % classes]
        return edits.set_target(scenario, args[0] % rows, target)
    actions = {
        "add_row": lambda at: edits.add_row(scenario, at % (rows + 1)),
        "remove_row": lambda at: edits.remove_rows(scenario, [at % rows]),
        "add_class": lambda at: edits.add_class(scenario, at % (classes + 1)),
        "remove_class": lambda at: edits.remove_class(scenario, at % classes),
        "rename_class": lambda at, name: edits.rename_class(scenario, at % classes, name),
        "rename_sample": lambda at, name: edits.rename_sample(scenario, at % rows, name),
        "mode": lambda mode: edits.convert_mode(scenario, mode),
        "input": lambda kind: edits.convert_input(scenario, kind),
        "target_kind": lambda kind: edits.convert_target_kind(scenario, kind),
        "normalize": lambda: edits.normalize_rows(scenario),
        "text": lambda title, text: scenario.replace(title=title, description=text),
        "options": lambda options: edits.set_options(scenario,
                                                     **per_class_options(options, classes)),
    }
    return actions[kind](*args)


def per_class_options(options, n_classes):
    options = dict(options)
    for name in ("class_weights", "pos_weight"):
        if options.get(name) is not None:
            options[name] = (options[name],) * n_classes
    return options


def reachable(scenario, steps):
    for step in steps:
        try:
            scenario = apply_edit(scenario, step)
        except (ScenarioError, ValueError):
            pass  # Document.edit refuses this edit; the scenario stays as it was
    return scenario


def test_removing_the_last_class_of_target_rows_is_refused_not_a_crash():
    one_class = engine.Scenario(classes=("cat",), rows=[[1.0]], targets=[[1.0]])
    with pytest.raises(ScenarioError):
        edits.remove_class(one_class, 0)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=st.lists(EDITS, max_size=12))
def test_every_reachable_scenario_saves_and_reopens_identical(qtbot, tmp_path_factory, steps):
    scenario = reachable(cat_dog_pig(), steps)
    assert engine.from_json(engine.to_json(scenario)) == scenario
    folder = tmp_path_factory.mktemp("round trip")
    controller = make_controller(qtbot, folder / "autosave")
    controller.document.replace(scenario)
    assert controller.save_to(folder / "saved.json")
    controller.document.replace(cat_dog_pig())
    assert controller.open_path(folder / "saved.json")
    assert controller.document.scenario == scenario
    reopened = controller.document.scenario
    assert np.array_equal(reopened.rows, scenario.rows)
    assert reopened.rows.tobytes() == scenario.rows.tobytes()  # bit for bit, signed zeros too
    for framework in code_snippets.FRAMEWORKS:  # and its code snippets are valid Python
        compile(code_snippets.snippet(framework, controller.document.analysis), framework,
                "exec")


# --- the application start: a file on the command line, the restore offer ----------------------

@pytest.fixture
def started(qtbot, monkeypatch):
    """Run gui.shell.app.run without entering the event loop; yields the windows it made."""
    from gui.shell import app

    windows = []

    def create_main_window():
        windows.append(real_create())
        qtbot.addWidget(windows[-1])
        return windows[-1]

    app.create_application()  # names the application: QSettings and the data folder follow
    real_create = app.create_main_window
    monkeypatch.setattr(app, "create_main_window", create_main_window)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(app.platform_check, "problem", lambda: None)
    return app.run, windows


def test_a_file_on_the_command_line_is_opened(started, tmp_path):
    run, windows = started
    scenario = edits.convert_mode(cat_dog_pig(), "sigmoid")
    path = write_scenario(tmp_path / "lesson.json", scenario)
    assert run(str(path)) == 0
    assert windows[0].document.scenario == scenario and windows[0].document.path == path
    assert windows[0].windowTitle().startswith("lesson.json")


def test_a_bad_file_on_the_command_line_says_why_and_shows_the_window(started, dialogs):
    run, windows = started
    assert run(str(MALFORMED / "nan.json")) == 0
    assert windows[0].isVisible() and "NaN is not allowed" in dialogs.warnings[0]


def test_the_start_offers_to_restore_work_a_crash_left(started, dialogs):
    run, windows = started
    lost = edits.add_class(cat_dog_pig())
    path = autosave.default_folder() / "session-1-0badf00d.json"  # process 1 left it
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(engine.to_json(lost), encoding="utf-8")
    dialogs.restore = True
    run()
    assert windows[0].document.scenario == lost and windows[0].document.modified
    # A modified document's undo stack emits cleanChanged as it is destroyed, reaching the
    # window mid-teardown (reported); leave it clean.
    windows[0].document.undo_stack.setClean()
