"""The File menu's work: open, save, recent files, examples, autosave, exports and "copy as code".
Saving is atomic (gui.shell.scenario_file); each running copy autosaves to its own file (gui.shell.autosave)."""

import contextlib
import html
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QElapsedTimer, QEvent, QObject, QSettings,
                            QStandardPaths, Qt, QTimer, Signal)
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from engine import ScenarioError
from gui.shell import autosave
from gui.common import code_snippets
from gui.shell import exports
from gui.shell.i18n import example_in_language, preset_text
from gui.common.messages import describe
from gui.shell.resources import resource_path
from gui.shell.scenario_file import (FileTooLarge, atomic_write, read_scenario, scenario_bytes,
                               write_protection)
from gui.shell.settings import default_scenario, start_example_title
from gui.common.user_text import in_menu, plain, tooltip

MAX_RECENT = 8
AUTOSAVE_INTERVAL_MS = 5000
# The autosave is written on a worker thread, but turning a large table into text still shares
# the interpreter with the window: an autosave that is due waits for the user to pause editing
# this long, so that it never slows a drag or a run of typing, ...
AUTOSAVE_PAUSE_MS = 1000
# ... but it waits no longer than this.
AUTOSAVE_MAX_WAIT_MS = 30000
RECENT_KEY = "files/recent"
DIRECTORY_KEY = "files/last_directory"
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
# The order of File ▸ Examples; presets not listed here follow, by file name.
EXAMPLE_ORDER = ("cat_dog_pig", "sklearn_log_loss", "two_models_one_truth", "binary_sigmoid",
                 "binary_softmax", "chest_xray_multilabel", "learn_binary_pair",
                 "learn_label_smoothing", "learn_class_weights", "next_token")


# --- questions to the user: module functions, so tests can answer them -----------------------

def ask_save_discard_cancel(parent, name):
    """Ask whether to save the changes to ``name``; returns SAVE, DISCARD or CANCEL."""
    question = QCoreApplication.translate(
        "FileController", "Do you want to save the changes to “{name}”?").format(name=name)
    box = QMessageBox(QMessageBox.Warning,
                      QCoreApplication.translate("FileController", "Unsaved changes"), question,
                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, parent)
    plain(box)  # the file's name is shown as it is
    box.setInformativeText(QCoreApplication.translate(
        "FileController", "If you don't save them, your changes will be lost."))
    box.setDefaultButton(QMessageBox.Save)
    box.exec()
    answers = {QMessageBox.Save: SAVE, QMessageBox.Discard: DISCARD}
    return answers.get(box.standardButton(box.clickedButton()), CANCEL)


def ask_restore(parent):
    """After a crash: restore the autosaved work? True for yes."""
    question = QCoreApplication.translate(
        "FileController", "Logit Lab did not close normally last time and kept your unsaved "
                          "work. Do you want to restore it?")
    box = QMessageBox(QMessageBox.Question,
                      QCoreApplication.translate("FileController", "Restore unsaved work?"),
                      question, QMessageBox.NoButton, parent)
    restore = box.addButton(QCoreApplication.translate("FileController", "Restore"),
                            QMessageBox.AcceptRole)
    box.addButton(QCoreApplication.translate("FileController", "Discard"),
                  QMessageBox.DestructiveRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def ask_overwrite(parent, name, read_only, names):
    """Before replacing the file ``name``: it is read-only, or has ``names`` hard links (more
    than 1). Says what replacing it does; True to replace it."""
    reasons = []
    if read_only:
        reasons.append(QCoreApplication.translate(
            "FileController", "It is read-only. Replacing it writes a new file with your "
                              "changes, read-only like the old one."))
    if names > 1:
        reasons.append(QCoreApplication.translate(
            "FileController", "It has {count} names (hard links). Only this name will show "
                              "your changes; the other names keep the old content.")
            .format(count=names))
    box = QMessageBox(QMessageBox.Warning,
                      QCoreApplication.translate("FileController", "Replace File?"),
                      QCoreApplication.translate("FileController", "Replace “{name}”?")
                      .format(name=name), QMessageBox.NoButton, parent)
    box.setInformativeText("\n\n".join(reasons))
    box.setTextFormat(Qt.PlainText)  # the name is user text
    replace = box.addButton(QCoreApplication.translate("FileController", "Replace"),
                            QMessageBox.DestructiveRole)
    box.setDefaultButton(box.addButton(QMessageBox.Cancel))
    box.exec()
    return box.clickedButton() is replace


def show_warning(parent, title, text):
    """A warning; ``text`` (which may quote a file's name or content) is shown as plain text."""
    plain(QMessageBox(QMessageBox.Warning, title, text, QMessageBox.Ok, parent)).exec()


def ask_open_path(parent, directory):
    """The file the user chose to open, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("FileController", "Open Scenario"), str(directory),
        QCoreApplication.translate("FileController", "Logit Lab scenarios (*.json);;All files (*)"))
    return Path(name) if name else None


def ask_save_path(parent, caption, start, name_filter):
    """The file the user chose to write, or None."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(start), name_filter)
    return Path(name) if name else None


# --- files, no widgets -----------------------------------------------------------------------

def example_paths():
    """The preset scenario files, in menu order."""
    paths = sorted(resource_path("presets").glob("*.json"))
    rank = {stem: n for n, stem in enumerate(EXAMPLE_ORDER)}
    return sorted(paths, key=lambda p: (rank.get(p.stem, len(rank)), p.name))


# --- the controller --------------------------------------------------------------------------

class FileController(QObject):
    """The File menu's actions for a window and its Document.

    Signals
    -------
    ======================  ======================================================
    pathChanged(object)     the document's file changed (a pathlib.Path, or None)
    ======================  ======================================================

    Every question and message goes through the module functions above. ``autosave_folder``
    holds the autosave files (the user's data folder's by default).
    """

    pathChanged = Signal(object)

    def __init__(self, window, document, autosave_folder=None):
        super().__init__(window)
        self.window = window
        self.document = document
        self.autosaver = None
        self._use_autosaver(autosave.Autosave(autosave_folder))
        self._autosave_error = None  # the status bar's message about a failed autosave
        self._build_actions()
        self._insert_into(window.file_menu)
        self.autosave_timer = QTimer(self, interval=AUTOSAVE_INTERVAL_MS,
                                     timeout=self.autosave_in_a_pause)
        self.autosave_timer.start()
        self._pause_timer = QTimer(self, singleShot=True, timeout=self.autosave_in_a_pause)
        self._since_edit = QElapsedTimer()
        self._since_edit.start()
        self._waiting = QElapsedTimer()  # how long a due autosave has waited (invalid: none)
        # A method, not a lambda: Qt drops the connection with this controller, while a lambda
        # would keep it, and its replaced window, alive as long as the document.
        document.changed.connect(self._edited)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        window.installEventFilter(self)

    def _edited(self, *_state):
        # A change of selection counts too: the user is at work, wait for a pause.
        self._since_edit.restart()

    def take_over(self, old):
        """Carry on from ``old``, the controller of a window this one replaces on the same
        document (a language switch): its autosave file, without any prompt."""
        old.autosave_timer.stop()
        old._pause_timer.stop()
        old.window.removeEventFilter(old)
        old.autosaver.written.disconnect(old._autosave_written)
        old.autosaver.failed.disconnect(old._autosave_failed)
        self.autosaver.deleteLater()  # never written: it has no file
        self._use_autosaver(old.autosaver)

    def _use_autosaver(self, autosaver):
        autosaver.setParent(self)
        autosaver.written.connect(self._autosave_written)
        autosaver.failed.connect(self._autosave_failed)
        self.autosaver = autosaver

    @property
    def autosave_file(self):
        """This window's own autosave file (it exists while there is unsaved work)."""
        return self.autosaver.path

    # menus

    def _build_actions(self):
        self.new_action = self._action(self.tr("&New"), self.new, QKeySequence.New)
        self.open_action = self._action(self.tr("&Open…"), self.open, QKeySequence.Open)
        self.save_action = self._action(self.tr("&Save"), self.save, QKeySequence.Save)
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as,
                                           QKeySequence("Ctrl+Shift+S"))
        self.recent_menu = QMenu(self.tr("Open &Recent"), self.window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.examples_menu = QMenu(self.tr("&Examples"), self.window)
        self.examples_menu.setToolTipsVisible(True)  # each example's description
        self.examples_menu.addAction(self._action(start_example_title(), self.new))
        for path in example_paths():
            self._add_example(path)
        self.export_menu = QMenu(self.tr("&Export"), self.window)
        for text, slot in ((self.tr("Results as &CSV…"), self.export_results),
                           (self.tr("Plots as &PNG…"), lambda: self.export_plots("png")),
                           (self.tr("Plots as &SVG…"), lambda: self.export_plots("svg")),
                           (self.tr("The Math as &Text…"), lambda: self.export_math("txt")),
                           (self.tr("The Math as &Markdown…"), lambda: self.export_math("md"))):
            self.export_menu.addAction(self._action(text, slot))
        self.code_menu = QMenu(self.tr("Copy as &Code"), self.window)
        self.code_actions = {}
        for framework, text in (("pytorch", self.tr("&PyTorch")), ("keras", self.tr("&Keras")),
                                ("sklearn", self.tr("&scikit-learn"))):
            action = self._action(text, lambda f=framework: self.copy_code(f))
            self.code_actions[framework] = action
            self.code_menu.addAction(action)

    def _action(self, text, slot, shortcut=None, parent=None):
        action = QAction(text, parent or self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: slot())
        return action

    def _add_example(self, path):
        try:
            scenario = read_scenario(path)
        except ScenarioError:
            return  # a broken preset is a bug the preset test reports; don't offer it
        action = self._action(preset_text(scenario.title or path.stem),
                              lambda: self.open_example(path))
        if scenario.description:  # rich text, so the tooltip wraps
            action.setToolTip(f"<p>{html.escape(preset_text(scenario.description))}</p>")
        self.examples_menu.addAction(action)

    def _insert_into(self, menu):
        before = menu.actions()[0] if menu.actions() else None
        items = [self.new_action, self.open_action, self.recent_menu, self.examples_menu, None, self.save_action,
                 self.save_as_action, None, self.export_menu, self.code_menu, None]
        for item in items:
            if item is None:
                menu.insertSeparator(before)
            elif isinstance(item, QMenu):
                menu.insertMenu(before, item)
            else:
                menu.insertAction(before, item)

    def _fill_recent_menu(self):
        self.recent_menu.clear()
        paths = self.recent_paths()
        for n, path in enumerate(paths, start=1):
            action = self._action(f"&{n} {in_menu(path.name)}", lambda p=path: self.open_path(p),
                                  parent=self.recent_menu)  # so clear() deletes it
            action.setToolTip(tooltip(str(path)))
            action.setStatusTip(str(path))
            self.recent_menu.addAction(action)
        if not paths:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self._action(self.tr("&Clear Menu"), self.clear_recent,
                                                parent=self.recent_menu))

    # recent files

    def recent_paths(self):
        """The recently opened or saved files that still exist, newest first."""
        stored = QSettings().value(RECENT_KEY, [], list) or []
        existing = [Path(p) for p in stored if Path(p).is_file()]
        if len(existing) != len(stored):
            QSettings().setValue(RECENT_KEY, [str(p) for p in existing])
        return existing

    def clear_recent(self):
        QSettings().setValue(RECENT_KEY, [])

    def _remember(self, path):
        paths = [str(path)] + [str(p) for p in self.recent_paths() if p != path]
        settings = QSettings()
        settings.setValue(RECENT_KEY, paths[:MAX_RECENT])
        settings.setValue(DIRECTORY_KEY, str(path.parent))

    def _directory(self):
        default = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
        return QSettings().value(DIRECTORY_KEY, default)

    # opening

    def new(self):
        """File ▸ New (and the start example): the first-start scenario (3, 1, −3), unnamed,
        after asking about unsaved changes."""
        if not self.maybe_save():
            return False
        self.document.replace(default_scenario(), None)
        self.pathChanged.emit(None)
        return True

    def open(self):
        """File ▸ Open: ask about unsaved changes, then for a file."""
        if not self.maybe_save():
            return False
        path = ask_open_path(self.window, self._directory())
        return path is not None and self._load(path, keep_path=True)

    def open_path(self, path):
        """Open the scenario file at ``path`` (the command line, a recent file), asking first
        about unsaved changes. True when it was opened; a bad file leaves the document as it
        was and says why."""
        return self.maybe_save() and self._load(Path(path), keep_path=True)

    def open_example(self, path):
        """Open a preset as a new, unnamed document (Save asks for a name), its class, sample
        and model names in the interface's language (a user's own file keeps its names)."""
        return self.maybe_save() and self._load(Path(path), keep_path=False,
                                                names=example_in_language)

    def _load(self, path, keep_path, names=None):
        try:
            scenario = read_scenario(path)
            if names is not None:
                scenario = names(scenario)
        except ScenarioError as error:
            show_warning(self.window, self.tr("Cannot Open File"),
                         self.tr("“{name}” cannot be opened: {reason}.").format(
                             name=path.name, reason=describe(error)))
            return False
        path = path.absolute() if keep_path else None
        self.document.replace(scenario, path)
        self.pathChanged.emit(path)
        if path is not None:
            self._remember(path)
        return True

    # saving

    def save(self):
        """Save to the document's file (asking for a name when it has none). True if saved."""
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self):
        """Ask for a file name (".json" added when none is typed) and save there."""
        start = Path(self._directory()) / self._file_name("json")
        path = ask_save_path(self.window, self.tr("Save Scenario As"), start,
                             self.tr("Logit Lab scenarios (*.json)"))
        if path is None:
            return False
        return self.save_to(path if path.suffix else path.with_suffix(".json"))

    def save_to(self, path):
        """Write the scenario to ``path`` atomically; on failure (or a file too large to open
        again) say why and stay modified."""
        path = Path(path).absolute()
        try:
            data = scenario_bytes(self.document.scenario)
        except FileTooLarge as error:
            show_warning(self.window, self.tr("Save Failed"),
                         self.tr("“{name}” was not saved: {reason}.").format(
                             name=path.name, reason=self._too_large(error)))
            return False
        if not self._write(path, data, self.tr("Save Failed")):
            return False
        self.document.path = path
        self.document.undo_stack.setClean()
        self.pathChanged.emit(path)
        self._remember(path)
        return True

    def _write(self, path, data, title):
        """Write ``data`` to ``path``, asking first when that replaces a read-only file or
        splits hard links. False (nothing written) on a failure, said, or on "no"."""
        read_only, names = write_protection(path)
        if (read_only or names > 1) and not ask_overwrite(self.window, path.name, read_only,
                                                          names):
            return False
        try:
            atomic_write(path, data)
        except OSError as error:
            show_warning(self.window, title, self.tr("“{name}” could not be written: {reason}.")
                         .format(name=path.name, reason=error.strerror or error))
            return False
        return True

    def save_lesson(self, lesson_json):
        """Ask for a file name and write a lesson there: ``lesson_json(title)`` gives its
        text, titled after the file. Returns the path written, or None."""
        start = Path(self._directory()) / self.tr("lesson.json")
        path = ask_save_path(self.window, self.tr("Save Lesson As"), start,
                             self.tr("Logit Lab lessons (*.json)"))
        if path is None:
            return None
        path = (path if path.suffix else path.with_suffix(".json")).absolute()
        if not self._write(path, lesson_json(path.stem).encode("utf-8"), self.tr("Save Failed")):
            return None
        self._tell(self.tr("Saved the lesson as {name}.").format(name=path.name))
        return path

    def maybe_save(self):
        """Before the document goes away: with unsaved changes ask Save / Discard / Cancel.
        True when it is fine to go on."""
        if not self.document.modified:
            return True
        answer = ask_save_discard_cancel(self.window, self._display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    def _display_name(self):
        return self.document.path.name if self.document.path else self.tr("Untitled")

    def _file_name(self, suffix):
        stem = self.document.path.stem if self.document.path else self.tr("Untitled")
        return f"{stem}.{suffix}"

    def eventFilter(self, watched, event):
        if watched is self.window and event.type() == QEvent.Close:
            if not self.maybe_save():
                event.ignore()
                return True
            self.autosave_timer.stop()
            self._pause_timer.stop()
            self.autosaver.close()
        return super().eventFilter(watched, event)

    # autosave

    def autosave_in_a_pause(self):
        """The autosave timer's tick: autosave now if the user is not editing, else as soon as
        they pause (AUTOSAVE_PAUSE_MS), and at most AUTOSAVE_MAX_WAIT_MS late."""
        if not self._waiting.isValid():
            self._waiting.start()
        quiet = self._since_edit.elapsed()
        if quiet < AUTOSAVE_PAUSE_MS and self._waiting.elapsed() < AUTOSAVE_MAX_WAIT_MS:
            self._pause_timer.start(AUTOSAVE_PAUSE_MS - quiet)
            return
        self._waiting.invalidate()
        self._pause_timer.stop()
        self.autosave()

    def autosave(self):
        """Keep unsaved work in this window's autosave file (when it changed since the last
        time); the file is written on a worker thread, and a failure is said in the status
        bar."""
        if self.document.modified:
            self.autosaver.write(self.document.scenario, self.document.path)
        else:
            self.autosaver.discard()

    def _autosave_written(self, _scenario):
        if self._autosave_error is not None and self._status_message() == self._autosave_error:
            self.window.statusBar().clearMessage()
        self._autosave_error = None

    def _autosave_failed(self, error):
        reason = self._too_large(error) if isinstance(error, FileTooLarge) \
            else error.strerror or str(error)
        self._autosave_error = self.tr(
            "Autosave failed: {reason}. Save your work to keep it.").format(reason=reason)
        self._tell(self._autosave_error, timeout=0)  # it stays until an autosave succeeds

    def _too_large(self, error):
        return self.tr("the file would be {size} MB, more than the {limit} MB Logit Lab can "
                       "open; remove rows or classes first").format(
            size=round(error.size / 2**20), limit=error.limit // 2**20)

    def offer_restore(self):
        """At start: offer the unsaved work of copies of Logit Lab that did not close normally
        (and are no longer running), newest first, until one is restored as a modified
        document; the others wait for the next start. True when one was restored."""
        restored = False
        for orphan in autosave.orphans(self.autosaver.folder, self.autosaver.path):
            if restored:
                orphan.release()
            else:
                restored = self._offer(orphan)
        return restored

    def _offer(self, orphan):
        try:
            scenario = read_scenario(orphan.path)
        except ScenarioError as error:
            kept = orphan.keep()  # never deleted without being offered
            show_warning(self.window, self.tr("Cannot Restore Unsaved Work"), self.tr(
                "Unsaved work that Logit Lab kept after it did not close normally cannot be "
                "opened: {reason}. The file is kept as “{path}”.").format(
                reason=describe(error), path=kept))
            return False
        if not ask_restore(self.window):
            orphan.discard()
            return False
        with contextlib.suppress(ScenarioError):
            if orphan.source:  # undo then leads back to the file as saved
                self.document.replace(read_scenario(orphan.source), Path(orphan.source))
        self.document.edit(self.tr("Restore unsaved work"), lambda _: scenario)
        self.autosaver.adopt(orphan, self.document.scenario)
        self.pathChanged.emit(self.document.path)
        return True

    def _clean_changed(self, clean):
        if clean:
            self.autosaver.discard()

    # exports

    def export_results(self, path=None):
        """Write every number of the results table as CSV."""
        path = path or self._ask_export_path(self.tr("Export Results"), "csv",
                                             self.tr("CSV files (*.csv)"))
        data = exports.results_csv(self.document.analysis).encode(exports.CSV_ENCODING)
        return path is not None and self._export(path, data)

    def export_plots(self, kind, path=None):
        """Write each plot as PNG or SVG (``kind`` "png" or "svg")."""
        widgets = getattr(getattr(self.window, "plots", None), "plot_widgets", {})
        if not widgets:
            return False
        name_filter = self.tr("PNG images (*.png)") if kind == "png" \
            else self.tr("SVG images (*.svg)")
        path = path or self._ask_export_path(self.tr("Export Plots"), kind, name_filter)
        if path is None:
            return False
        render = exports.plot_png if kind == "png" else exports.plot_svg
        return all(self._export(target, render(widgets[name]))
                   for name, target in exports.plot_paths(path, widgets).items())

    def export_math(self, kind, path=None):
        """Write the "show the math" text: ``kind`` "txt" (plain) or "md" (Markdown)."""
        panel = getattr(self.window, "math_panel", None)
        if panel is None:
            return False
        name_filter = self.tr("Text files (*.txt)") if kind == "txt" else self.tr("Markdown (*.md)")
        path = path or self._ask_export_path(self.tr("Export the Math"), kind, name_filter)
        data = exports.math_text(panel, kind, self.document.analysis.model_label).encode("utf-8")
        return path is not None and self._export(path, data)

    def copy_code(self, framework):
        """Show the scenario as PyTorch, Keras or scikit-learn code in the window's code panel
        and put that text on the clipboard (the clipboard alone, for a window without one)."""
        show_code = getattr(self.window, "show_code", None)
        if show_code is not None:
            text = show_code(framework).copy()
        else:
            text = code_snippets.snippet(framework, self.document.analysis)
            QGuiApplication.clipboard().setText(text)
        self._tell(self.tr("Copied the code to the clipboard."))
        return text

    def _ask_export_path(self, caption, suffix, name_filter):
        start = Path(self._directory()) / self._file_name(suffix)
        path = ask_save_path(self.window, caption, start, name_filter)
        return path if path is None or path.suffix else path.with_suffix(f".{suffix}")

    def _export(self, path, data):
        if not self._write(Path(path), data, self.tr("Export Failed")):
            return False
        self._tell(self.tr("Exported {name}.").format(name=Path(path).name))
        return True

    def _tell(self, text, timeout=5000):
        status_bar = getattr(self.window, "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(text, timeout)

    def _status_message(self):
        status_bar = getattr(self.window, "statusBar", None)
        return status_bar().currentMessage() if status_bar is not None else None
