"""The main window: menus, docks and layout only; the views do the showing."""

import shiboken6
from PySide6.QtCore import QByteArray, QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QSplitter, QStackedWidget, QTabBar

from gui.shell.files import FileController
from gui.common import style
from gui.shell.i18n import LANGUAGES
from gui.shell.lessons import LessonsController
from gui.common.labels import SteadyLabel
from gui.common.texts import batch_loss_text
from gui.shell.settings import remember_options
from gui.shell.theme import THEMES, chosen_theme
from gui.views.code.panel import CodePanel
from gui.views.compare.view import CompareView
from gui.views.conventions.view import ConventionsView
from gui.views.learn.forms import FormsView
from gui.views.learn.panel import LearnPanel
from gui.views.math.panel import MathPanel
from gui.views.options_panel import OptionsPanel
from gui.views.plots.container import PlotsView
from gui.views.stage.view import StageView
from gui.views.tables.input_table import InputTable
from gui.views.tables.results import ResultsView
from gui.common.user_text import in_menu, in_window_title, short

# 2: the docks added since version 1 (Library conventions, Code, Learn, softmax | sigmoid). A
# layout saved without them leaves them loose (softmax | sigmoid not a tab beside the plots, the
# window taller than the screen), so one from version 1 gives way to the first-start layout.
SETTINGS_VERSION = 2
# The Undo and Redo items show this much of the step's name (it may quote long names).
HISTORY_TEXT_CHARS = 60


# Below this window height (first-start layout) Learn is a tab beside Options, not under it.
STACKED_LEARN_HEIGHT = 900


class MainWindow(QMainWindow):
    """Wires the Document to the views and owns the menus.

    Signals
    -------
    languageRequested(str)   the user chose another language (a code of gui.shell.i18n.LANGUAGES)
    themeRequested(str)      the user chose another theme (one of gui.shell.theme.THEMES)
    """

    languageRequested = Signal(str)
    themeRequested = Signal(str)

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.setObjectName("MainWindow")
        self.input_table = InputTable(document)
        self.results = ResultsView(document)
        self.plots = PlotsView(document)
        self.math_panel = MathPanel(document)
        self.options = OptionsPanel(document)
        self.conventions = ConventionsView(document)
        self.code_panel = CodePanel(document)
        self.learn = LearnPanel(document)
        self.forms = FormsView(document)
        self.compare = CompareView(document)
        self.stage = None  # made at the first F5
        self._desk_state = None  # (window state, tables splitter state) while on the stage
        self._font_scale = 1.0
        self._build_layout()
        self._build_menus()
        self.files = FileController(self, document)
        self.files.pathChanged.connect(self._update_title)
        self.lessons = LessonsController(self, document)
        self.loss_label = SteadyLabel()
        self.loss_label.setAccessibleName(self.tr("Batch loss"))
        # Room for "Batch loss (mean over 3 samples) = 0.3368 nats", in either language.
        self.loss_label.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.statusBar().addPermanentWidget(self.loss_label)
        document.changed.connect(self._show_loss)
        document.undo_stack.cleanChanged.connect(self._update_title)
        self._show_loss(document.analysis)
        self._update_title()

    def _build_layout(self):
        left = QSplitter(Qt.Vertical)
        left.setObjectName("tablesSplitter")
        left.addWidget(self.input_table)
        left.addWidget(self.results)
        left.setStretchFactor(1, 1)
        self.tables = left
        # The desk's tables, or the presentation stage.
        self.central = QStackedWidget(self)
        self.central.addWidget(left)
        self.setCentralWidget(self.central)
        self.docks = {}
        for key, title, widget, area in (
                ("options", self.tr("Options"), self.options, Qt.LeftDockWidgetArea),
                ("plots", self.tr("Plots"), self.plots, Qt.RightDockWidgetArea),
                ("math", self.tr("Show the math"), self.math_panel, Qt.RightDockWidgetArea),
                ("conventions", self.tr("Library conventions"), self.conventions,
                 Qt.RightDockWidgetArea),
                ("code", self.tr("Code"), self.code_panel, Qt.RightDockWidgetArea),
                ("learn", self.tr("Learn"), self.learn, Qt.LeftDockWidgetArea),
                ("forms", self.tr("softmax | sigmoid"), self.forms, Qt.RightDockWidgetArea),
                ("compare", self.tr("Compare models"), self.compare, Qt.RightDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"{key}Dock")
            dock.setWidget(widget)
            # Floated (onto a projector, say), a dock still takes the window's font: larger
            # in presentation mode.
            dock.setAttribute(Qt.WA_WindowPropagation)
            self.addDockWidget(area, dock)
            # A tab brought to the front shows a view that may have skipped changes behind it.
            dock.visibilityChanged.connect(lambda on, view=widget: on and view.catch_up())
            self.docks[key] = dock
        # Tabs behind the math, which stays in front: no more crowded than before, and a
        # view behind a tab computes nothing until its tab is chosen.
        self.tabifyDockWidget(self.docks["math"], self.docks["conventions"])
        self.tabifyDockWidget(self.docks["conventions"], self.docks["code"])
        self.docks["math"].raise_()
        # softmax | sigmoid and compare are tabs behind the plots; compare is closed while
        # there is one model (the window looks as it always did; View opens it), and comes to
        # the front when a second one arrives.
        self.tabifyDockWidget(self.docks["plots"], self.docks["forms"])
        self.tabifyDockWidget(self.docks["plots"], self.docks["compare"])
        self.docks["compare"].hide()
        self.docks["plots"].raise_()
        self._model_count = 1
        self.document.changed.connect(self._raise_compare)
        self._raise_compare(self.document.analysis)

    def _raise_compare(self, analysis, _selection=None):
        """Bring the compare view to the front when a scenario gets a second model (opened or
        added); the user's choice of tab stays meanwhile."""
        count = len(analysis.comparison.names)
        if count > 1 and self._model_count == 1 and not self.presenting:
            self.docks["compare"].show()
            self.docks["compare"].raise_()
        self._model_count = count

    def _build_menus(self):
        stack = self.document.undo_stack
        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.Quit,
                                   triggered=self.close)
        self.file_menu.addAction(self.quit_action)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.Redo])
        edit.addActions([self.undo_action, self.redo_action])
        # Connected after the stack's own updates of the items' texts, so these come last.
        stack.undoTextChanged.connect(self._show_undo_text)
        stack.redoTextChanged.connect(self._show_redo_text)
        self._show_undo_text(stack.undoText())
        self._show_redo_text(stack.redoText())
        edit.addSeparator()
        for name in ("copy_action", "paste_action", "add_sample_action", "remove_sample_action",
                     "add_class_action", "remove_class_action", "rename_class_action"):
            action = getattr(self.input_table, name, None)
            if action is not None:
                edit.addAction(action)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
            # Shown from the menu, a dock tabbed with others comes to the front.
            dock.toggleViewAction().triggered.connect(lambda on, dock=dock: on and dock.raise_())
        self.view_menu.addSeparator()
        self.presentation_action = QAction(self.tr("&Presentation stage"), self, checkable=True,
                                           shortcut=QKeySequence("F5"),
                                           toggled=self.set_presentation)
        self.presentation_action.setToolTip(self.tr(
            "For a projector: one or two large plots, the key numbers in large type and the "
            "input table. Esc goes back to the desk."))
        self.view_menu.addAction(self.presentation_action)
        self._build_language_menu()
        self._build_theme_menu()
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))  # filled by the lessons

    def _build_theme_menu(self):
        menu = self.view_menu.addMenu(self.tr("&Theme"))
        group = QActionGroup(self, exclusive=True)
        names = {"system": self.tr("Follow the &system"), "light": self.tr("&Light"),
                 "dark": self.tr("&Dark")}
        current = chosen_theme()
        self.theme_actions = {}
        for key in THEMES:
            action = QAction(names[key], group, checkable=True, checked=key == current)
            action.triggered.connect(lambda checked, key=key: self.themeRequested.emit(key))
            menu.addAction(action)
            self.theme_actions[key] = action

    def _build_language_menu(self):
        menu = self.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self, exclusive=True)
        current = QLocale().name()
        self.language_actions = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, group, checkable=True, checked=current.startswith(code[:2]))
            action.triggered.connect(lambda checked, code=code: self.languageRequested.emit(code))
            menu.addAction(action)
            self.language_actions[code] = action

    def show_code(self, spelling):
        """Bring the code panel into sight with ``spelling``'s code; returns the panel."""
        self.docks["code"].show()
        self.docks["code"].raise_()
        self.code_panel.show_framework(spelling)
        return self.code_panel

    # --- the presentation stage ---------------------------------------------------------
    @property
    def presenting(self):
        """Whether the presentation stage is shown (else the desk)."""
        return self.stage is not None and self.central.currentWidget() is self.stage

    def set_presentation(self, on):
        """Show the presentation stage (on), or the desk as it was before (off)."""
        if on != self.presenting:
            if on:
                self._show_stage()
                self._scale_fonts(self.presentation_scale())
            else:
                # The desk's fonts first: its heights are restored for the room they leave.
                self._scale_fonts(1.0)
                self._show_desk()
        if self.presentation_action.isChecked() != on:
            self.presentation_action.setChecked(on)

    def _stage_view(self):
        if self.stage is None:
            # Plots of their own: the desk's stay in their dock, as they were.
            self.stage_plots = PlotsView(self.document)
            self.stage = StageView(self.document, self.stage_plots,
                                   self.stage_plots.choices(), self)
            self.central.addWidget(self.stage)
        return self.stage

    def _show_stage(self):
        self._desk_state = (self.saveState(SETTINGS_VERSION), self.tables.saveState())
        stage = self._stage_view()
        for dock in self.docks.values():
            if not dock.isFloating():  # (one floated onto a second screen stays there)
                dock.hide()
        stage.put_table(self.input_table)
        self.central.setCurrentWidget(stage)
        self.statusBar().hide()  # the stage shows the batch loss, in large type
        stage.share_height()
        stage.setFocus()

    def _show_desk(self):
        window_state, tables_state = self._desk_state
        self._desk_state = None
        self.statusBar().show()  # (first: the tables' heights are restored for the room left)
        self.stage.take_table(self.input_table)
        self.tables.insertWidget(0, self.input_table)
        self.tables.restoreState(tables_state)
        self.central.setCurrentWidget(self.tables)
        self.restoreState(window_state, SETTINGS_VERSION)

    def presentation_scale(self):
        """How much larger text is on the stage: style.PRESENTATION_SCALE, and more on a taller
        window, so that text takes the same share of the projected picture at any
        resolution."""
        return style.PRESENTATION_SCALE * max(1.0, self.height() / style.PRESENTATION_HEIGHT)

    def _scale_fonts(self, scale):
        if abs(scale - self._font_scale) < 0.05 * self._font_scale:
            return  # (a window resized by a few pixels keeps its fonts)
        self._font_scale = scale
        font = self.font()
        font.setPointSizeF(self._base_point_size() * scale)
        # Menus are windows of their own: they take the window's font only when told to.
        for menu in self.findChildren(QMenu):
            menu.setAttribute(Qt.WA_WindowPropagation)
        self.setFont(font)
        self._size_table_cells(scale)
        for view in (self.compare, self.learn, self.forms):  # (shown when floated)
            view.set_presentation(scale != 1.0, scale)
        if self.stage is not None:
            self.stage_plots.set_presentation(scale != 1.0, scale)

    def _size_table_cells(self, scale):
        """Rows as much taller as the text, columns somewhat wider (the stage has little
        room): the input table sizes its cells by Qt's defaults, made for the desk's font."""
        view = self.input_table.view
        if not hasattr(self, "_desk_cells"):
            self._desk_cells = (view.horizontalHeader().defaultSectionSize(),
                                view.verticalHeader().defaultSectionSize(),
                                view.fontMetrics().height())
        column, row, line = self._desk_cells
        view.horizontalHeader().setDefaultSectionSize(round(column * max(1.0, 0.7 * scale)))
        view.verticalHeader().setDefaultSectionSize(round(row + line * (scale - 1.0)))

    def _base_point_size(self):
        if not hasattr(self, "_normal_point_size"):
            self._normal_point_size = self.font().pointSizeF()
        return self._normal_point_size

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.presenting:
            self._scale_fonts(self.presentation_scale())

    def keyPressEvent(self, event):
        # Esc leaves the stage; an open cell editor or menu takes its Esc first.
        if event.key() == Qt.Key_Escape and self.presenting:
            self.set_presentation(False)
            return
        super().keyPressEvent(event)

    def desk_state(self):
        """The dock layout of the desk (kept aside while the stage is shown)."""
        return self._desk_state[0] if self._desk_state else self.saveState(SETTINGS_VERSION)

    def _show_loss(self, analysis, _selection=None):
        self.loss_label.setText(batch_loss_text(analysis), batch_loss_text(analysis, name=str))

    # "Undo Rename 'a&b' to 'c'": an "&" in a name is shown, not taken for a shortcut key, and a
    # long name is cut. (From the signal's text: the stack may be on its way out.)
    def _show_undo_text(self, text):
        self._show_history_text(self.undo_action, self.tr("&Undo"), text)

    def _show_redo_text(self, text):
        self._show_history_text(self.redo_action, self.tr("&Redo"), text)

    @staticmethod
    def _show_history_text(action, prefix, text):
        if not shiboken6.isValid(action):  # the stack outlives a closed window and its actions
            return
        action.setText(f"{prefix} {in_menu(short(text, HISTORY_TEXT_CHARS))}" if text else prefix)

    def _update_title(self):
        name = self.document.path.name if self.document.path else self.tr("Untitled")
        self.setWindowTitle(self.tr("{name}[*] — Logit Lab").format(name=in_window_title(name)))
        self.setWindowModified(self.document.modified)

    def save_layout(self, settings):
        settings.setValue("window/version", SETTINGS_VERSION)
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.desk_state())
        settings.setValue("window/presentation", self.presentation_action.isChecked())

    def take_place_of(self, old):
        """Appear where ``old`` (a window on the same document) was, with its layout."""
        self.restoreGeometry(old.saveGeometry())
        self.restoreState(old.desk_state(), SETTINGS_VERSION)
        self.presentation_action.setChecked(old.presentation_action.isChecked())
        self.files.take_over(old.files)
        self.lessons.take_over(old.lessons)

    def restore_layout(self, settings):
        """Restore size, docks and presentation mode; settings from another version are
        ignored (there is nothing to migrate yet)."""
        if settings.value("window/version", 0, int) != SETTINGS_VERSION:
            self.default_layout()
            return
        self.restoreGeometry(settings.value("window/geometry", QByteArray()))
        self.restoreState(settings.value("window/state", QByteArray()), SETTINGS_VERSION)
        self.presentation_action.setChecked(settings.value("window/presentation", False, bool))

    def default_layout(self, width=None, height=None):
        """The first-start layout: nearly the whole screen (or ``width`` x ``height``), 37 %
        of its width for the plots (two columns of them; those that do not fit at a readable
        height wait behind tabs), and what the tables' columns need (about 470 px at least)."""
        screen = self.screen().availableGeometry()
        width = width or min(1680, int(screen.width() * 0.95))
        height = height or min(1000, int(screen.height() * 0.9))
        self.resize(width, height)
        self.resizeDocks([self.docks["options"], self.docks["plots"]],
                         [int(width * 0.21), int(width * 0.37)], Qt.Horizontal)
        # Two rows of readable plots at 720 lines, three at 1080; the math under them.
        self.resizeDocks([self.docks["plots"], self.docks["math"]],
                         [int(height * 0.78), int(height * 0.22)], Qt.Vertical)
        options, learn = self.docks["options"], self.docks["learn"]
        if height < STACKED_LEARN_HEIGHT:
            # Under Options, Learn's two charts would get a few pixels each: a tab beside it.
            self.tabifyDockWidget(options, learn)
            options.raise_()
        else:
            tabbed = bool(self.tabifiedDockWidgets(options))
            if tabbed:  # (splitDockWidget would add another tab)
                self.addDockWidget(Qt.LeftDockWidgetArea, learn, Qt.Vertical)
            self.splitDockWidget(options, learn, Qt.Vertical)
            self.resizeDocks([options, learn], [int(height * 0.36), int(height * 0.64)],
                             Qt.Vertical)
            if tabbed:
                self._hide_tab_bars_of(options, learn)

    def _hide_tab_bars_of(self, *docks):
        """Hide the window's tab bars that still show just these docks' tabs. Qt leaves the
        tab bar of a tab group the docks have left on screen: a first-start layout for a short
        screen (Learn a tab beside Options) followed by one for a taller window (as the bench
        does: the offscreen screen, then 1600 x 1000) drew "Options | Learn" over Learn's
        chart, twice."""
        titles = sorted(dock.windowTitle() for dock in docks)
        for bar in self.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if sorted(bar.tabText(k) for k in range(bar.count())) == titles:
                bar.hide()

    def closeEvent(self, event):
        settings = QSettings()
        self.save_layout(settings)
        remember_options(settings, self.document.scenario)
        super().closeEvent(event)
