"""Lessons in the window: the lessons dock and its menu items (Help ▸ Lessons, Help ▸ About,
File ▸ New Lesson from Here, Save Lesson As…), the bundled lessons read when first needed, a
step's views brought forward, covers over what would give an open question away, and the
first-start offer of lesson 1."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMessageBox

from engine import ScenarioError, lessons
from gui import VERSION
from gui.common.user_text import plain, short
from gui.shell import files
from gui.shell import settings as app_settings
from gui.shell.lesson_file import (bundled_lessons, lesson_problem, read_lesson,
                                   step_in_language)
from gui.views.lessons.panel import LessonsPanel

# What each kind of give-away (engine.lessons.REVEALS) covers: the window's views by name (a
# dock's key, "results" the results tables, "loss" the status bar's batch loss, "plots" every
# plot but the logits, which stay to be dragged, and the plots' header, which quotes the
# sample's loss). Views the window does not have are skipped.
COVERED = {
    "results": ("results", "plots", "math", "loss", "conventions", "code", "compare", "learn",
                "forms"),
    "comparison": ("compare",),
    "conventions": ("conventions", "code"),
    "training": ("learn",),
}
# A lesson's view key where the window's dock has another name.
DOCK_OF_VIEW = {"softmax_sigmoid": "forms"}
# The plot that an open question leaves in sight: it shows the inputs.
INPUT_PLOT = "logits"
# Narrower than this, a window cannot show a lesson beside the options, the tables and readable
# plots: while the lessons dock is open the docks of the left give way (a step that names one
# brings it back), and the lesson and the plots take these shares of the width.
ROOMY_WIDTH = 1700
LEFT_DOCKS = ("options", "learn")
SHARES = {"lesson": 0.27, "plots": 0.31}  # the left docks closed
SHARES_WITH_LEFT = {"lesson": 0.24, "plots": 0.26, "left": 0.2}
# The docks of the plots' column, one of which is in front.
PLOTS_COLUMN = ("plots", "forms", "compare", "math", "conventions", "code")


# --- questions to the user: module functions, so tests can answer them -----------------------

def ask_lesson_path(parent, directory):
    """The lesson file the user chose to open, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("LessonsController", "Open Lesson"), str(directory),
        QCoreApplication.translate("LessonsController", "Logit Lab lessons (*.json);;All files "
                                                        "(*)"))
    return Path(name) if name else None


def show_about(parent):
    """Help ▸ About: the version and what the program is for."""
    translate = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Information, translate("LessonsController", "About Logit Lab"),
                      translate("LessonsController", "Logit Lab {version}").format(
                          version=VERSION), QMessageBox.Ok, parent)
    box.setInformativeText(translate(
        "LessonsController", "An offline lab for teaching and learning softmax, sigmoid and "
                             "cross-entropy, with numbers equal to PyTorch's, Keras' and "
                             "scikit-learn's."))
    plain(box).exec()


def interface_language():
    """The language lessons are shown in: the interface's ("en" or "zh_CN")."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


class Cover(QLabel):
    """A plain sheet over a widget while an open question's answer would show in it. The widget
    under it is disabled too, so that neither the mouse nor the keyboard reaches its numbers."""

    def __init__(self, target, text):
        super().__init__(text, target)
        plain(self)
        self.setObjectName("lessonCover")
        self.setAlignment(Qt.AlignCenter)
        self.setWordWrap(True)
        self.setAutoFillBackground(True)
        palette = self.palette()  # disabled with its target, it still reads as normal text
        for role in (QPalette.Window, QPalette.WindowText):
            palette.setColor(QPalette.Disabled, role, palette.color(QPalette.Active, role))
        self.setPalette(palette)
        self.target = target
        self._was_disabled = target.testAttribute(Qt.WA_ForceDisabled)
        target.setEnabled(False)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Resize:
            self.setGeometry(self.target.rect())
        elif event.type() == QEvent.ChildAdded:
            self.raise_()
        return False

    def remove(self):
        self.target.removeEventFilter(self)
        if not self._was_disabled:
            self.target.setEnabled(True)
        self.hide()
        self.deleteLater()


class LessonsController(QObject):
    """The lessons of a main window: its dock, menu items and covers.

    ``panel`` is the LessonsPanel, ``dock`` its dock (``window.docks["lessons"]``), ``covers``
    the Covers shown now, by the widget they cover. ``built`` holds the steps of the lesson a
    teacher is making with "New Lesson from Here"."""

    def __init__(self, window, document):
        super().__init__(window)
        self.window = window
        self.document = document
        self.lessons = None  # the bundled lessons, read when first needed
        self.covers = {}
        self.built = []
        self.gave_way = []  # the docks closed to make room for the lesson, to come back after
        self.step_opened = []  # left docks the open step brought back, to close after it
        self.panel = LessonsPanel(document, interface_language(), step_in_language)
        self._build_dock()
        self._build_actions()
        self.panel.viewsRequested.connect(self.bring_forward)
        self.panel.hiddenChanged.connect(lambda _keys: self.apply_covers())
        self.panel.lessonChosen.connect(lambda k: self.panel.start(self.lessons[k]))
        self.panel.openFileRequested.connect(self.open_lesson_file)
        self.panel.dismissed.connect(self.dock.close)

    def _build_dock(self):
        self.dock = QDockWidget(self.tr("Lessons"), self.window)
        self.dock.setObjectName("lessonsDock")
        self.dock.setWidget(self.panel)
        self.dock.setAttribute(Qt.WA_WindowPropagation)
        # Beside the other docks on the right, the whole height: a step brings them forward
        # without hiding the lesson.
        self.window.addDockWidget(Qt.RightDockWidgetArea, self.dock, Qt.Horizontal)
        self.dock.hide()
        self.dock.visibilityChanged.connect(self._dock_shown)
        self.dock.installEventFilter(self)
        self.window.docks["lessons"] = self.dock

    def _build_actions(self):
        self.lessons_action = QAction(self.tr("&Lessons…"), self.window,
                                      shortcut=QKeySequence.HelpContents)
        self.lessons_action.triggered.connect(lambda: self.show_chooser())
        self.about_action = QAction(self.tr("&About Logit Lab"), self.window)
        self.about_action.triggered.connect(lambda: show_about(self.window))
        self.window.help_menu.addActions([self.lessons_action, self.about_action])
        self.new_lesson_action = QAction(self.window)
        self.new_lesson_action.setStatusTip(self.tr(
            "Add what the window shows now as a step of a lesson you are making"))
        self.new_lesson_action.triggered.connect(self.add_step)
        self.save_lesson_action = QAction(self.tr("Save &Lesson As…"), self.window)
        self.save_lesson_action.triggered.connect(self.save_lesson)
        file_menu = self.window.file_menu
        file_menu.insertActions(self.window.quit_action,
                                [self.new_lesson_action, self.save_lesson_action])
        file_menu.insertSeparator(self.window.quit_action)
        view = self.window.view_menu
        view.insertAction(next(a for a in view.actions() if a.isSeparator()),
                          self.dock.toggleViewAction())
        self._show_built()

    def _dock_shown(self, on):
        if on:  # (also when the saved layout shows it at start)
            self.bundled()
            self.make_room(opening=True)
        self.apply_covers()

    def eventFilter(self, watched, event):
        if watched is self.dock and event.type() == QEvent.Close:
            self.give_room_back()
        return False

    # --- room for the lesson on a small screen -------------------------------------------------

    def make_room(self, keys=(), opening=False):
        """On a window narrower than ROOMY_WIDTH: close the left docks as the lesson
        ``opening``, or those the step before brought back that this one's views (``keys``) do
        not name (a dock the user opened stays), and give the lesson and the plots their SHARES
        of the width."""
        window = self.window
        if (window.width() >= ROOMY_WIDTH or self.dock.isHidden() or self.dock.isFloating()
                or window.presenting):
            return
        for name in LEFT_DOCKS:
            dock = window.docks[name]
            if name in keys or dock.isHidden() or dock.isFloating():
                continue
            if opening or name in self.step_opened:
                dock.hide()
                if name in self.step_opened:
                    self.step_opened.remove(name)
                elif name not in self.gave_way:
                    self.gave_way.append(name)
        left = [window.docks[name] for name in LEFT_DOCKS if not window.docks[name].isHidden()
                and not window.docks[name].isFloating()]
        column = next((window.docks[name] for name in PLOTS_COLUMN
                       if not window.docks[name].visibleRegion().isEmpty()), window.docks["plots"])
        shares = SHARES_WITH_LEFT if left else SHARES
        docks = [self.dock, column] + left[:1]
        window.resizeDocks(docks, [round(window.width() * shares[key])
                                   for key in ("lesson", "plots", "left")[:len(docks)]],
                           Qt.Horizontal)

    def give_room_back(self):
        """The lesson closed: the docks closed for it open again, and the plots are in their
        reading order again."""
        for name in self.gave_way:
            self.window.docks[name].show()
        self.gave_way, self.step_opened = [], []
        self._bring_plots_forward(())

    # --- choosing and opening lessons ----------------------------------------------------------

    def bundled(self):
        """The bundled lessons, read once (a broken one, which the tests refuse, is left
        out)."""
        if self.lessons is None:
            self.lessons = []
            for path in bundled_lessons():
                try:
                    self.lessons.append(read_lesson(path))
                except ScenarioError:
                    continue
            self.panel.set_choices(self.lessons)
        return self.lessons

    def show_chooser(self, welcome=False):
        """Help ▸ Lessons: the dock in sight with the lessons to choose from."""
        self.bundled()
        self.panel.show_chooser(welcome)
        self.dock.show()
        self.dock.raise_()
        if not welcome:
            self.panel.lesson_list.setFocus()

    def start(self, k, step=0):
        """Begin bundled lesson ``k`` (from 0) at ``step``."""
        lesson = self.bundled()[k]
        self.dock.show()
        self.panel.start(lesson, step)

    def offer_first_lesson(self, settings=None):
        """On the first start: the lessons dock offers lesson 1 (not a dialog: nothing waits
        for an answer). True when offered."""
        if not app_settings.first_start(settings or QSettings()):
            return False
        self.show_chooser(welcome=True)
        return True

    def open_lesson_file(self, path=None):
        """Open a lesson file (asking which); a broken one is refused in one line."""
        path = path or ask_lesson_path(self.window, QSettings().value(files.DIRECTORY_KEY, ""))
        if path is None:
            return False
        try:
            lesson = read_lesson(path)
        except ScenarioError as error:
            files.show_warning(self.window, self.tr("Cannot Open Lesson"), self.tr(
                "“{name}” cannot be opened as a lesson: {reason}").format(
                name=Path(path).name, reason=lesson_problem(error)))
            return False
        self.dock.show()
        self.panel.start(lesson)
        return True

    # --- a step's views and what an open question hides ----------------------------------------

    def bring_forward(self, keys):
        """Show and raise the docks of a step's views; the first named ends up in front of
        any it shares a place with. The plots it names come into sight, the first named
        first (the plots in reading order again when it names none). The inputs and results
        are always in sight."""
        for key in reversed(keys):
            dock = self.window.docks.get("plots" if key.startswith("plots.")
                                         else DOCK_OF_VIEW.get(key, key))
            if dock is not None:
                if key in LEFT_DOCKS and dock.isHidden():
                    self.step_opened.append(key)
                dock.show()
                dock.raise_()
        self._bring_plots_forward(key.split(".", 1)[1] for key in keys
                                  if key.startswith("plots."))
        self.make_room(keys)

    def _bring_plots_forward(self, names):
        # A plots container that can bring plots forward is asked to.
        bring = getattr(self.window.plots, "bring_forward", None)
        if bring is not None:
            bring(*names)

    def covered_widgets(self, keys):
        """The widgets that hide for an open question with these give-aways."""
        names = dict.fromkeys(name for key in keys for name in COVERED[key])
        widgets = []
        for name in names:
            if name == "results":
                widgets.append(self.window.results)
            elif name == "loss":
                widgets.append(self.window.loss_label)
            elif name == "plots":
                widgets += self._covered_plots()
            elif name in self.window.docks:
                widgets.append(self.window.docks[name].widget())
        return widgets

    def _covered_plots(self):
        plots = self.window.plots
        widgets = [w for key, w in (getattr(plots, "plot_widgets", None) or {}).items()
                   if key != INPUT_PLOT]
        if not widgets:  # a container that does not list its plots is covered whole
            return [plots]
        header = getattr(plots, "sample_label", None)
        return widgets if header is None else widgets + [header]

    def apply_covers(self):
        """Cover what the panel's open question would give away, and uncover the rest; with
        the lessons dock closed, nothing is covered."""
        keys = () if self.dock.isHidden() else self.panel.hidden
        wanted = self.covered_widgets(keys)
        for widget in [w for w in self.covers if w not in wanted]:
            self.covers.pop(widget).remove()
        text = self.tr("Answer the question first")
        for widget in wanted:
            if widget not in self.covers:
                self.covers[widget] = Cover(widget, text)

    # --- a lesson made from the window ---------------------------------------------------------

    def add_step(self):
        """File ▸ New Lesson from Here: the window's scenario becomes the next step of the
        lesson being made."""
        self.built.append(lessons.scenario_step(self.document.scenario, len(self.built) + 1))
        self._show_built()
        self.window.statusBar().showMessage(self.tr(
            "Step {number} added to the new lesson. File ▸ Save Lesson As… writes it; write "
            "its text in the file.").format(number=len(self.built)), 8000)

    def save_lesson(self):
        """File ▸ Save Lesson As: write the lesson being made, titled after its file; a saved
        lesson is done, and the next step starts a new one. Returns the path, or None."""
        if not self.built:
            return None
        steps = tuple(self.built)

        def lesson_json(title):
            title = short(title, lessons.MAX_TITLE_CHARS)
            lesson = lessons.Lesson(title=dict.fromkeys(lessons.LANGUAGES, title),
                                    description=dict.fromkeys(lessons.LANGUAGES, ""),
                                    steps=steps)
            return lessons.lesson_to_json(lesson)

        path = self.window.files.save_lesson(lesson_json)
        if path is not None:
            self.built = []
            self._show_built()
        return path

    def _show_built(self):
        self.new_lesson_action.setText(
            self.tr("&New Lesson from Here") if not self.built else
            self.tr("Add Step {number} from &Here").format(number=len(self.built) + 1))
        self.save_lesson_action.setEnabled(bool(self.built))

    def take_over(self, old):
        """Carry on from ``old``, the lessons of a window this one replaces (a language
        switch): the same lesson at the same step with the same answers, shown in the new
        language; the lesson being made."""
        self.lessons = old.lessons
        if self.lessons is not None:
            self.panel.set_choices(self.lessons)
        self.built = list(old.built)
        self._show_built()
        snapshot = old.panel.snapshot()
        if snapshot is not None:
            self.panel.start(**snapshot, load=False)
