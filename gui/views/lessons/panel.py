"""The lessons panel: a chooser of lessons, then one lesson's steps — the list, Back and Next,
progress, the step's text and its question. A step loads its scenario as one undo step; the
shell brings the step's views forward and hides what would give an open question away."""

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QProgressBar,
                               QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget)

from gui.common.user_text import plain, tooltip
from gui.views.base import View
from gui.views.lessons.question import QuestionBox
from gui.views.lessons.text import LessonText

# Titles are drawn this much larger than the text.
TITLE_SCALE = 1.2
# The panel is at least this many average characters wide: lesson text wraps, but not to a
# column of single words.
MIN_WIDTH_CHARS = 34
# The list of steps shows this many at once (whole rows: a cut one looks like a glitch).
STEP_ROWS = 5
# Marks of a step in the list: a question not answered yet, answered right, answered wrong.
OPEN_MARK, RIGHT_MARK, WRONG_MARK = "?", "✓", "✗"


class LessonsPanel(View):
    """Lessons: choose one, then go through its steps.

    Signals
    -------
    =======================  ======================================================================
    viewsRequested(tuple)    a step opened: bring these views forward (keys of
                             engine.lessons.VIEWS, the most important first)
    hiddenChanged(tuple)     what must be hidden now (keys of engine.lessons.REVEALS): those of
                             the question that is open, () when none is
    lessonChosen(int)        the student chose lesson k of ``set_choices``
    openFileRequested()      "Open Lesson File…"
    dismissed()              "Not now" of the first-start offer
    =======================  ======================================================================

    The lesson is shown in ``language`` ("en" or "zh_CN"), the interface's; ``shown_step(step)``
    gives a step as it is shown and loaded (its example's names in that language; the shell
    knows them), the step itself by default.
    """

    viewsRequested = Signal(tuple)
    hiddenChanged = Signal(tuple)
    lessonChosen = Signal(int)
    openFileRequested = Signal()
    dismissed = Signal()

    def __init__(self, document, language, shown_step=None, parent=None):
        super().__init__(parent)
        self._document = document
        self.language = language
        self._shown_step = shown_step or (lambda step: step)
        self._shown = {}  # step index -> the step as shown, for the lesson open
        self._loaded = None  # the scenario the open step put in the table
        self.lesson = None
        self.index = 0
        self.answers = {}  # step index -> the Given answer
        self._hidden = ()
        self._choices = ()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_chooser())
        self.pages.addWidget(self._build_lesson_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self._build_actions()
        self._set_tab_order()
        self._emphasise()
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * MIN_WIDTH_CHARS)
        self.follow(document)

    # --- building ------------------------------------------------------------------------------

    def _build_chooser(self):
        page = QWidget()
        self.chooser_heading = plain(QLabel(self.tr("Lessons")))
        self.welcome = plain(QLabel(self.tr(
            "Welcome to Logit Lab! Lesson 1 goes through softmax, sigmoid and cross-entropy "
            "step by step, with a question at most steps. Begin it now?")))
        self.welcome.setWordWrap(True)
        self.welcome.hide()
        self.lesson_list = QListWidget()
        self.lesson_list.setAccessibleName(self.tr("Lessons"))
        self.lesson_list.setWordWrap(True)
        self.lesson_list.itemActivated.connect(lambda item: self.begin())
        self.begin_button = QPushButton(self.tr("&Begin"), autoDefault=True)
        self.begin_button.clicked.connect(self.begin)
        self.open_button = QPushButton(self.tr("&Open Lesson File…"), autoDefault=True)
        self.open_button.clicked.connect(self.openFileRequested)
        self.not_now_button = QPushButton(self.tr("&Not Now"), autoDefault=True)
        self.not_now_button.clicked.connect(self._not_now)
        self.not_now_button.hide()
        buttons = QHBoxLayout()
        for button in (self.begin_button, self.open_button, self.not_now_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.chooser_heading)
        layout.addWidget(self.welcome)
        layout.addWidget(self.lesson_list, 1)
        layout.addLayout(buttons)
        return page

    def _build_lesson_page(self):
        page = QWidget()
        self.lesson_title = plain(QLabel())
        self.lesson_title.setWordWrap(True)
        self.all_lessons_button = QPushButton(self.tr("All &Lessons"), autoDefault=True)
        self.all_lessons_button.setToolTip(self.tr("Close this lesson and choose another"))
        self.all_lessons_button.clicked.connect(self.close_lesson)
        top = QHBoxLayout()
        top.addWidget(self.lesson_title, 1)
        top.addWidget(self.all_lessons_button, 0, Qt.AlignTop)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(self.fontMetrics().height() // 2)
        self.progress_label = plain(QLabel())
        self.step_list = QListWidget()
        self.step_list.setAccessibleName(self.tr("Steps"))
        self.step_list.currentRowChanged.connect(self._step_chosen)
        self.step_title = plain(QLabel())
        self.step_title.setWordWrap(True)
        self.stale_note = plain(QLabel(self.tr(
            "The table has changed since this step loaded; its question is about the step's "
            "own numbers.")))
        self.stale_note.setWordWrap(True)
        self.reload_button = QPushButton(self.tr("&Reload the Step"), autoDefault=True)
        self.reload_button.clicked.connect(lambda: self.go_to(self.index))
        self.step_text = LessonText()
        self.step_text.setAccessibleName(self.tr("Step text"))
        self.question = QuestionBox()
        self.question.answered.connect(self._answered)
        content = QWidget()
        column = QVBoxLayout(content)
        for widget in (self.step_title, self.stale_note, self.reload_button, self.step_text,
                       self.question):
            column.addWidget(widget, 0, Qt.AlignLeft if widget is self.reload_button else
                             Qt.Alignment())
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        self.back_button = QPushButton(self.tr("◀ &Back"), autoDefault=True)
        self.back_button.clicked.connect(self.previous_step)
        self.next_button = QPushButton(self.tr("&Next ▶"), autoDefault=True)
        self.next_button.clicked.connect(self.next_step)
        for button, keys in ((self.back_button, self.tr("Alt+Left")),
                             (self.next_button, self.tr("Alt+Right"))):
            button.setToolTip(keys)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch(1)
        navigation.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.step_list)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(navigation)
        return page

    def _build_actions(self):
        # Scoped to the panel: elsewhere the keys keep their own meaning (a table's tabs).
        self.back_action = QAction(self.tr("Previous Step"), self)
        self.back_action.setShortcuts([QKeySequence("Alt+Left"), QKeySequence("Ctrl+PgUp")])
        self.back_action.triggered.connect(self.previous_step)
        self.next_action = QAction(self.tr("Next Step"), self)
        self.next_action.setShortcuts([QKeySequence("Alt+Right"), QKeySequence("Ctrl+PgDown")])
        self.next_action.triggered.connect(self.next_step)
        for action in (self.back_action, self.next_action):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(action)

    def _set_tab_order(self):
        chain = (self.all_lessons_button, self.step_list, self.scroll, self.reload_button,
                 self.step_text, self.question.question_text, self.question.number_edit,
                 self.question.answer_button, self.question.why_text, self.back_button,
                 self.next_button)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _emphasise(self):
        """Titles bold and larger than the panel's font (again when it changes: presentation
        mode)."""
        title = QFont(self.font())
        title.setBold(True)
        self.lesson_title.setFont(title)
        self.chooser_heading.setFont(title)
        larger = QFont(title)
        if larger.pointSizeF() > 0:
            larger.setPointSizeF(larger.pointSizeF() * TITLE_SCALE)
        self.step_title.setFont(larger)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self._emphasise()
            self._fit_step_list()

    def _fit_step_list(self):
        rows = min(self.step_list.count(), STEP_ROWS)
        if rows:
            self.step_list.setFixedHeight(self.step_list.sizeHintForRow(0) * rows
                                          + 2 * self.step_list.frameWidth())

    # --- choosing a lesson ---------------------------------------------------------------------

    def set_choices(self, lessons):
        """The lessons the chooser offers (engine.lessons.Lesson), in order."""
        self._choices = tuple(lessons)
        self.lesson_list.clear()
        for n, lesson in enumerate(self._choices, start=1):
            counts = self.tr("{steps} steps, {questions} questions").format(
                steps=len(lesson.steps), questions=lesson.question_count)
            item = QListWidgetItem(f"{n}. {lesson.title[self.language]}\n{counts}")
            item.setToolTip(tooltip(lesson.description[self.language]))
            self.lesson_list.addItem(item)
        self.lesson_list.setCurrentRow(0)

    def show_chooser(self, welcome=False):
        """Show the lessons to choose from; ``welcome``: as the first-start offer of lesson 1."""
        self.close_lesson()
        self.welcome.setVisible(welcome)
        self.not_now_button.setVisible(welcome)
        if welcome:
            self.lesson_list.setCurrentRow(0)
            self.begin_button.setFocus()

    def begin(self):
        """Begin the lesson chosen in the list."""
        row = self.lesson_list.currentRow()
        if 0 <= row < len(self._choices):
            self.lessonChosen.emit(row)

    def _not_now(self):
        self.welcome.hide()
        self.not_now_button.hide()
        self.dismissed.emit()

    # --- going through a lesson ----------------------------------------------------------------

    def start(self, lesson, index=0, answers=None, load=True, loaded=None):
        """Show ``lesson`` at step ``index`` with the ``answers`` given so far (step index ->
        Given); ``load`` the step's scenario (False: it is loaded already, as ``loaded``: in
        another language its names differ)."""
        self.lesson = lesson
        self._shown = {}
        self._loaded = loaded
        self.answers = dict(answers or {})
        self.lesson_title.setText(lesson.title[self.language])
        with QSignalBlocker(self.step_list):
            self.step_list.clear()
            self.step_list.addItems([""] * len(lesson.steps))
        for k in range(len(lesson.steps)):
            self._mark(k)
        self._fit_step_list()
        self.progress.setRange(0, len(lesson.steps))
        self.welcome.hide()
        self.not_now_button.hide()
        self.pages.setCurrentIndex(1)
        self.go_to(index, load=load)
        self._focus_step()

    def close_lesson(self):
        """Leave the lesson (nothing is hidden any more) and show the chooser."""
        self.lesson = None
        self.pages.setCurrentIndex(0)
        self._update_hidden()

    @property
    def step(self):
        """The step open, as shown (see ``shown_step``), or None."""
        if self.lesson is None:
            return None
        if self.index not in self._shown:
            self._shown[self.index] = self._shown_step(self.lesson.steps[self.index])
        return self._shown[self.index]

    def go_to(self, index, load=True):
        """Show step ``index`` (from 0); ``load`` its scenario as one undo step and ask for its
        views."""
        if self.lesson is None:
            return
        self.index = max(0, min(int(index), len(self.lesson.steps) - 1))
        step = self.step
        with QSignalBlocker(self.step_list):
            self.step_list.setCurrentRow(self.index)
        self.step_title.setText(step.title[self.language])
        self.step_text.set_blocks(step.blocks(self.language))
        self.step_text.setVisible(bool(step.text[self.language].strip()))
        if step.question is None:
            self.question.hide()
        else:
            self.question.ask(step.question, step.answer, self.language,
                              self.answers.get(self.index))
            self.question.show()
        self.back_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.lesson.steps) - 1)
        self._show_progress()
        if load:
            text = self.tr("Lesson step {number}: {title}").format(
                number=self.index + 1, title=step.title[self.language])
            self._document.edit(text, lambda _scenario: step.scenario, selects=0)
            self._loaded = step.scenario
            self._document.select_sample(0)
            self.viewsRequested.emit(step.views)
        self._show_stale()
        self._update_hidden()
        self.scroll.verticalScrollBar().setValue(0)

    def next_step(self):
        if self.lesson is not None and self.index < len(self.lesson.steps) - 1:
            self.go_to(self.index + 1)
            self._focus_step()

    def previous_step(self):
        if self.lesson is not None and self.index > 0:
            self.go_to(self.index - 1)
            self._focus_step()

    def _step_chosen(self, row):
        if self.lesson is not None and row >= 0 and row != self.index:
            self.go_to(row)

    def _focus_step(self):
        """Where the keyboard goes on: the open question's answer, else Next (or Back at the
        end)."""
        if self.question.is_open and self.step.question is not None:
            self.question.input_widget().setFocus()
        elif self.next_button.isEnabled():
            self.next_button.setFocus()
        else:
            self.back_button.setFocus()

    def _answered(self, given):
        self.answers[self.index] = given
        self._mark(self.index)
        self._show_progress()
        self._update_hidden()
        self._focus_step()
        self.scroll.ensureWidgetVisible(self.question.why_text)  # the answer and why in sight

    def _mark(self, k):
        step = self.lesson.steps[k]
        mark = ""
        if step.question is not None:
            given = self.answers.get(k)
            mark = OPEN_MARK if given is None else RIGHT_MARK if given.right else WRONG_MARK
        self.step_list.item(k).setText(f"{k + 1}. {step.title[self.language]}  {mark}".rstrip())

    def _show_progress(self):
        self.progress.setValue(self.index + 1)
        questions = self.lesson.question_count
        text = self.tr("Step {step} of {steps}").format(step=self.index + 1,
                                                        steps=len(self.lesson.steps))
        if questions:
            right = sum(given.right for given in self.answers.values())
            text += " · " + self.tr("{right} of {questions} questions right").format(
                right=right, questions=questions)
        self.progress_label.setText(text)

    def _update_hidden(self):
        hidden = ()
        if self.lesson is not None and self.step.question is not None and self.question.is_open:
            hidden = tuple(self.step.question.reveals)
        if hidden != self._hidden:
            self._hidden = hidden
            self.hiddenChanged.emit(hidden)

    @property
    def hidden(self):
        """What is to be hidden now (keys of engine.lessons.REVEALS)."""
        return self._hidden

    # --- the document --------------------------------------------------------------------------

    def show_analysis(self, analysis, selection):
        self._show_stale()

    def _show_stale(self):
        if self.lesson is None:
            stale = False
        else:
            loaded = self.step.scenario if self._loaded is None else self._loaded
            stale = self._document.scenario != loaded
        self.stale_note.setVisible(stale)
        self.reload_button.setVisible(stale)

    def snapshot(self):
        """What a new panel needs to carry on (a language switch): the arguments of
        :meth:`start` but ``load``, by name, or None with no lesson open."""
        if self.lesson is None:
            return None
        return {"lesson": self.lesson, "index": self.index, "answers": dict(self.answers),
                "loaded": self._loaded}
