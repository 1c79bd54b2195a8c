"""A lesson step's question: the student types a number or chooses an option, commits it with
Enter (or the Answer button), and then sees it judged, with the engine's answer and why."""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from engine.lessons import parse_text
from gui.common.formatting import not_a_number, parse_number
from gui.common.style import OKABE_ITO
from gui.common.user_text import in_menu, plain, short
from gui.views.lessons.text import LessonText

# How right and wrong look (colour-blind safe: Okabe–Ito, with a word and a sign besides).
RIGHT_COLOUR = OKABE_ITO["bluish_green"]
WRONG_COLOUR = OKABE_ITO["vermillion"]


@dataclass(frozen=True)
class Given:
    """The student's committed answer: ``value`` (a float, or an option's key), ``text`` as
    they wrote or chose it, and whether it is ``right``."""

    value: object
    text: str
    right: bool


class QuestionBox(QFrame):
    """The question of one step.

    Signals
    -------
    answered(object)   the student committed an answer: a Given (already judged)
    """

    answered = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self._answer = None
        self._committed = None  # the Given, once the student has answered
        self._language = "en"
        self.heading = plain(QLabel(self.tr("Question")))
        self.heading.setStyleSheet("font-weight: bold;")  # (a font would not follow zooming)
        self.question_text = LessonText()
        self.question_text.setAccessibleName(self.tr("Question"))
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText(self.tr("Type a number, e.g. 0.25"))
        self.number_edit.setAccessibleName(self.tr("Your answer"))
        self.choices = QWidget()
        self.choices.setLayout(QVBoxLayout())
        self.choices.layout().setContentsMargins(0, 0, 0, 0)
        self.choice_group = QButtonGroup(self)
        self.answer_button = QPushButton(self.tr("&Answer"))
        self.answer_button.setToolTip(self.tr("Commit your answer (Enter)"))
        self.answer_button.clicked.connect(self.commit)
        self.message = plain(QLabel())
        self.message.setWordWrap(True)
        self.verdict = plain(QLabel())
        self.verdict.setWordWrap(True)
        self.engine_answer = plain(QLabel())
        self.engine_answer.setWordWrap(True)
        self.engine_answer.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.why_text = LessonText()
        self.why_text.setAccessibleName(self.tr("Why"))
        entry = QHBoxLayout()
        entry.addWidget(self.number_edit, 1)
        entry.addWidget(self.choices, 1)
        entry.addWidget(self.answer_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.question_text):
            layout.addWidget(widget)
        layout.addLayout(entry)
        for widget in (self.message, self.verdict, self.engine_answer, self.why_text):
            layout.addWidget(widget)

    @property
    def radio_buttons(self):
        return self.choice_group.buttons()

    @property
    def is_open(self):
        """Whether the question waits for an answer."""
        return self._answer is not None and self._committed is None

    def ask(self, question, answer, language, given=None):
        """Show ``question`` (engine.lessons.Question) whose Answer is ``answer``, in
        ``language``; with ``given`` (a Given), as answered already."""
        self._answer, self._language, self._committed = answer, language, None
        self.question_text.set_blocks(parse_text(question.text[language]))
        self.number_edit.clear()
        self._set_options(answer.options if question.kind == "choice" else ())
        self.number_edit.setVisible(question.kind == "number")
        self.message.hide()
        if given is None:
            self._show_open()
        else:
            self._show_result(given)

    def _set_options(self, options):
        for button in self.choice_group.buttons():
            self.choice_group.removeButton(button)
            button.deleteLater()
        for n, option in enumerate(options):
            button = QRadioButton(in_menu(short(option.label[self._language])))
            button.setProperty("key", option.key)
            self.choice_group.addButton(button, n)
            self.choices.layout().addWidget(button)
            button.show()  # now, not when the layout gets to it: it is in the tab chain now
        self.choices.setVisible(bool(options))
        # New buttons join the window's tab chain at its end: put them before Answer.
        chain = [self.number_edit, *self.choice_group.buttons(), self.answer_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def input_widget(self):
        """Where the answer is typed or chosen: the focus goes there when the step opens."""
        buttons = self.choice_group.buttons()
        if not buttons:
            return self.number_edit
        return self.choice_group.checkedButton() or buttons[0]

    def _show_open(self):
        for widget in (self.verdict, self.engine_answer, self.why_text):
            widget.hide()
        self.answer_button.show()
        self.number_edit.setReadOnly(False)
        for button in self.choice_group.buttons():
            button.setEnabled(True)

    def keyPressEvent(self, event):
        # Enter commits from the number field and from the options alike (both pass it on).
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.is_open:
            self.commit()
            return
        super().keyPressEvent(event)

    def commit(self):
        """Judge what the student entered; say what is missing instead when nothing valid is."""
        if not self.is_open:
            return
        given = self._given()
        if given is None:
            return
        self._show_result(given)
        self.answered.emit(given)

    def _given(self):
        if self.choice_group.buttons():
            button = self.choice_group.checkedButton()
            if button is None:
                return self._refuse(self.tr("Choose one of the answers first."))
            key = button.property("key")
            return Given(key, button.text().replace("&&", "&"), self._answer.is_right(key))
        text = self.number_edit.text().strip()
        value = parse_number(text)
        if value is None:
            return self._refuse(not_a_number(text) if text else self.tr("Type a number first."))
        return Given(value, text, self._answer.is_right(value))

    def _refuse(self, text):
        self.message.setText(text)
        self.message.show()
        return None

    def _show_result(self, given):
        self._committed = given
        self.message.hide()
        self.answer_button.hide()
        self.number_edit.setReadOnly(True)
        if not self.choice_group.buttons():
            self.number_edit.setText(given.text)
        for button in self.choice_group.buttons():
            button.setChecked(button.property("key") == given.value)
            button.setEnabled(False)
        colour = RIGHT_COLOUR if given.right else WRONG_COLOUR
        self.verdict.setText(self.tr("✓ Right.") if given.right else self.tr("✗ Not quite."))
        self.verdict.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.engine_answer.setText(self.tr("The answer: {answer}").format(
            answer=self._answer.text[self._language]))
        self.why_text.set_blocks(parse_text(self._answer.why[self._language]))
        for widget in (self.verdict, self.engine_answer, self.why_text):
            widget.show()
