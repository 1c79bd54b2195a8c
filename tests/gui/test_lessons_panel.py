"""The lessons panel in the real window: a step loads its scenario as one undo step and brings
its views forward; an open question hides what would give it away until it is answered; the
answer is judged against the engine's; lesson 1 can be walked with the keyboard alone, in
English and in Chinese; Help ▸ Lessons, the first-start offer, and a lesson made with "New
Lesson from Here" saved and read back."""

import json
import math

import pytest
from numpy.testing import assert_allclose
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QRadioButton, QTabBar

import engine
from engine import lessons
from gui.shell import app as application
from gui.shell import files
from gui.shell import lessons as shell_lessons
from gui.shell import settings as app_settings
from gui.shell.lesson_file import bundled_lessons, read_lesson
from gui.views.lessons.question import Given

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

LESSON_1 = bundled_lessons()[0]


@pytest.fixture
def window(main_window, qtbot):
    main_window.resize(1366, 768)
    return main_window


@pytest.fixture
def lesson_1():
    return read_lesson(LESSON_1)


def step_with(lesson, predicate):
    return next(k for k, step in enumerate(lesson.steps) if predicate(step))


def engine_answer_text(step):
    """What a student types for the engine's answer: every digit of it."""
    return repr(step.answer.value)


def lesson_of(*steps, title="A lesson"):
    return lessons.from_dict({"format": "logit-lab-lesson", "version": 1,
                              "title": {"en": title, "zh_CN": title}, "steps": list(steps)})


PHOTO = {"format": "logit-lab", "version": 1, "classes": ["cat", "dog", "pig"],
         "rows": [[3.0, 1.0, -3.0]], "targets": [0]}


def bilingual(text):
    return {"en": text, "zh_CN": text}


# --- a step --------------------------------------------------------------------------------------

def test_a_step_loads_its_scenario_as_one_undo_step_and_back_undoes_nothing(window, lesson_1):
    document, panel = window.document, window.lessons.panel
    before = document.scenario
    window.lessons.start(0)
    assert document.scenario == lesson_1.steps[0].scenario
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == \
        f"Lesson step 1: {lesson_1.steps[0].title['en']}"
    panel.next_step()
    assert document.scenario == lesson_1.steps[1].scenario
    assert document.undo_stack.count() == 2
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.scenario == before


def test_the_progress_and_the_step_list_follow_the_steps(window, lesson_1):
    panel = window.lessons.panel
    window.lessons.start(0, step=2)
    assert panel.index == 2 and panel.step_list.currentRow() == 2
    assert panel.progress.value() == 3 and panel.progress.maximum() == 13
    assert panel.progress_label.text() == "Step 3 of 13 · 0 of 12 questions right"
    assert panel.step_list.item(0).text() == f"1. {lesson_1.steps[0].title['en']}  ?"
    panel.step_list.setCurrentRow(5)  # choosing a step in the list goes there
    assert panel.index == 5 and window.document.scenario == lesson_1.steps[5].scenario
    assert panel.next_button.isEnabled()
    panel.go_to(12)
    assert not panel.next_button.isEnabled() and panel.back_button.isEnabled()


def front_tab(window, title):
    """The dock in front among those tabbed with the dock titled ``title``, as its tab says."""
    for bar in window.findChildren(QTabBar):
        if title in [bar.tabText(i) for i in range(bar.count())]:
            return bar.tabText(bar.currentIndex())
    return None


def test_a_step_brings_its_views_forward_the_first_named_in_front(window, lesson_1):
    code_first = step_with(lesson_1, lambda s: s.views[:2] == ("code", "conventions"))
    conventions_first = step_with(lesson_1, lambda s: s.views[:2] == ("conventions", "code"))
    math_first = step_with(lesson_1, lambda s: s.views and s.views[0] == "math")
    window.docks["code"].close()
    window.lessons.start(0, step=code_first)
    assert window.docks["code"].isVisible() and front_tab(window, "Code") == "Code"
    window.lessons.panel.go_to(conventions_first)
    assert front_tab(window, "Code") == "Library conventions"
    window.lessons.panel.go_to(math_first)
    assert front_tab(window, "Code") == "Show the math"
    assert window.lessons.dock.isVisible()


def test_a_step_brings_the_plots_it_names_into_sight_framed(window, lesson_1, qtbot):
    plots = window.plots
    sweep = plots.plot_widgets["sweep"]
    window.lessons.start(0)  # step 1: the probabilities and the sigmoid, in softmax mode none
    qtbot.waitUntil(lambda: plots.grid.tabs.isVisible())  # 1366 x 768: the plots take pages
    assert not sweep.isVisible()
    window.lessons.panel.go_to(step_with(lesson_1, lambda s: s.views[:2] == (
        "plots.probabilities", "plots.sweep")))
    for name in ("probabilities", "sweep"):  # in sight: not behind another page's tab
        assert plots.plot_widgets[name].isVisible() and name in plots.shown_plots(), name
        assert plots.plot_widgets[name].height() >= 200
    assert plots.grid.highlighted == ["probabilities", "sweep"]
    assert plots.shown_plots()[:2] == ["probabilities", "sweep"]
    qtbot.waitUntil(lambda: plots.grid.highlighted == [], timeout=5000)  # for a moment
    # A step naming one plot brings it alone to the front of the first page.
    only = lesson_of({"title": bilingual("The sweep"), "text": bilingual("Sweep."),
                      "scenario": PHOTO, "views": ["plots.nll"]})
    window.lessons.panel.start(only)
    assert plots.plot_widgets["nll"].isVisible() and plots.shown_plots()[0] == "nll"
    assert plots.grid.tabs.currentIndex() == 0
    window.lessons.dock.close()  # the lesson closed: the plots in their reading order
    assert plots.grid.pages[0][0] == "logits"


def in_sight(widget):
    """Shown and in the window: a dock behind another's tab is moved out of it."""
    place = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    return widget.isVisible() and widget.window().rect().contains(place)


def test_a_step_brings_the_forms_and_the_compare_view_to_the_front(window, lesson_1):
    forms = step_with(lesson_1, lambda s: s.views[0] == "softmax_sigmoid")
    window.lessons.start(0, step=forms)
    assert in_sight(window.forms) and not in_sight(window.plots)  # in front of the plots
    compare = step_with(lesson_1, lambda s: s.views[0] == "compare")
    window.lessons.panel.go_to(compare)
    assert in_sight(window.compare) and not in_sight(window.forms)
    plots = step_with(lesson_1, lambda s: s.views[:1] == ("plots.probabilities",))
    window.lessons.panel.go_to(plots)
    assert in_sight(window.plots) and not in_sight(window.compare)


def test_on_a_laptop_the_left_docks_give_way_to_the_lesson_and_come_back(window, lesson_1):
    docks = window.docks
    names = [step_with(lesson_1, lambda s: "options" in s.views),
             step_with(lesson_1, lambda s: not {"options", "learn"} & set(s.views))]
    window.lessons.start(0, step=names[1])
    assert docks["options"].isHidden() and docks["learn"].isHidden()
    assert window.lessons.dock.width() >= 0.22 * 1366
    window.lessons.panel.go_to(names[0])  # a step that needs the options brings them back
    assert docks["options"].isVisible() and docks["learn"].isHidden()
    assert window.lessons.dock.width() >= 0.22 * 1366
    window.lessons.panel.go_to(names[1])  # and the next closes them again
    assert docks["options"].isHidden()
    docks["learn"].toggleViewAction().trigger()  # the student opens one: it stays
    window.lessons.panel.go_to(names[1] + 1)
    assert docks["learn"].isVisible()
    window.lessons.dock.close()
    assert docks["options"].isVisible() and docks["learn"].isVisible()


def test_a_wide_window_keeps_its_docks_beside_the_lesson(window):
    window.resize(1800, 1000)
    window.lessons.start(0)
    assert window.docks["options"].isVisible() and window.docks["learn"].isVisible()


def test_lesson_text_is_drawn_as_text_never_as_markup(window):
    hostile = '`<img src="/dev/zero"><b>x</b>` 1 < 2 &amp; **bold** *italic* $e^(z_i)$'
    lesson = lesson_of({"title": bilingual("<i>title</i>"), "text": bilingual(hostile),
                        "scenario": PHOTO})
    panel = window.lessons.panel
    window.lessons.dock.show()
    panel.start(lesson)
    shown = panel.step_text.toPlainText()
    assert shown == '<img src="/dev/zero"><b>x</b> 1 < 2 &amp; bold italic ezi'
    assert panel.step_title.text() == "<i>title</i>"
    assert panel.step_title.textFormat() == Qt.PlainText

    def format_at(text):
        cursor = QTextCursor(panel.step_text.document())
        cursor.setPosition(shown.index(text) + 1)
        return cursor.charFormat()

    assert format_at("bold ").fontWeight() > format_at("1 < 2").fontWeight()
    assert format_at("<b>x").fontWeight() == format_at("1 < 2").fontWeight()
    assert format_at("italic").fontItalic()
    assert format_at("zi").verticalAlignment() == QTextCharFormat.AlignSuperScript


# --- a question ----------------------------------------------------------------------------------

def covered_everywhere(widget):
    """Whether every point of ``widget`` shows its cover (what the user sees there)."""
    window = widget.window()
    for fx in (0.1, 0.5, 0.9):
        for fy in (0.1, 0.5, 0.9):
            point = QPoint(int(widget.width() * fx), int(widget.height() * fy))
            top = window.childAt(widget.mapTo(window, point))
            if top is None or top.objectName() != "lessonCover":
                return False
    return True


def test_an_open_question_covers_the_numbers_until_it_is_answered(window, lesson_1, qtbot):
    k = step_with(lesson_1, lambda s: s.question is not None and s.question.kind == "number"
                  and "math" in s.views)
    window.lessons.start(0, step=k)
    qtbot.waitExposed(window)
    hidden = [window.results, window.math_panel, window.loss_label, window.plots.sample_label,
              *[w for name, w in window.plots.plot_widgets.items() if name != "logits"]]
    for widget in hidden:
        assert widget in window.lessons.covers and not widget.isEnabled()
    for widget in (window.results, window.math_panel, window.plots.plot_widgets["probabilities"]):
        assert covered_everywhere(widget)
    assert window.lessons.covers[window.loss_label].text() == \
        "Answer the question first"
    # What the student works with stays: the inputs and the logits.
    assert window.input_table.isEnabled() and not covered_everywhere(window.input_table)
    assert window.plots.plot_widgets["logits"].isEnabled()
    panel = window.lessons.panel
    panel.question.number_edit.setText(engine_answer_text(lesson_1.steps[k]))
    panel.question.commit()
    assert window.lessons.covers == {}
    for widget in hidden:
        assert widget.isEnabled()
    assert not covered_everywhere(window.results) and "Batch loss" in window.loss_label.text()


def test_leaving_the_step_or_closing_the_panel_uncovers_and_coming_back_covers(window, lesson_1):
    k = step_with(lesson_1, lambda s: s.question is not None)
    free = step_with(lesson_1, lambda s: s.question is None)
    lessons_ = window.lessons
    lessons_.start(0, step=k)
    assert window.results in lessons_.covers
    lessons_.panel.go_to(free)
    assert lessons_.covers == {} and window.results.isEnabled()
    lessons_.panel.go_to(k)
    assert window.results in lessons_.covers
    lessons_.dock.close()
    assert lessons_.covers == {}
    lessons_.dock.show()
    assert window.results in lessons_.covers
    lessons_.panel.close_lesson()
    assert lessons_.covers == {} and lessons_.panel.pages.currentIndex() == 0


def test_a_question_about_the_libraries_covers_their_panels(window, lesson_1):
    k = step_with(lesson_1, lambda s: s.question is not None and "conventions"
                  in s.question.reveals)
    window.lessons.start(0, step=k)
    for widget in (window.conventions, window.code_panel, window.results):
        assert widget in window.lessons.covers


def test_a_wrong_number_is_marked_wrong_with_the_engines_answer_and_why(window, lesson_1):
    k = step_with(lesson_1, lambda s: s.question is not None and s.question.kind == "number")
    step = lesson_1.steps[k]
    panel = window.lessons.panel
    window.lessons.start(0, step=k)
    box = panel.question
    box.number_edit.setText("abc")
    box.commit()
    assert box.is_open and box.message.text() == "'abc' is not a number"
    assert window.results in window.lessons.covers
    box.number_edit.setText(repr(step.answer.value + 0.5))
    box.commit()
    assert not box.is_open and box.verdict.text() == "✗ Not quite."
    assert box.engine_answer.text() == f"The answer: {step.answer.text['en']}"
    assert step.answer.text["en"] in box.why_text.toPlainText()
    assert panel.answers[k] == Given(step.answer.value + 0.5,
                                     repr(step.answer.value + 0.5), False)
    assert panel.step_list.item(k).text().endswith("✗")
    assert window.lessons.covers == {}


def test_the_engines_answer_is_right_for_every_question_of_every_bundled_lesson(window):
    panel = window.lessons.panel
    window.lessons.dock.show()
    for path in bundled_lessons():
        lesson = read_lesson(path)
        panel.start(lesson)
        for k, step in enumerate(lesson.steps):
            panel.go_to(k)
            if step.question is None:
                continue
            if step.question.kind == "number":
                panel.question.number_edit.setText(engine_answer_text(step))
            else:
                keys = [b.property("key") for b in panel.question.radio_buttons]
                assert keys == [o.key for o in step.answer.options]
                panel.question.radio_buttons[keys.index(step.answer.value)].setChecked(True)
            panel.question.commit()
            assert panel.answers[k].right, (path.name, k)
        right = sum(given.right for given in panel.answers.values())
        assert right == lesson.question_count


def test_a_choice_needs_an_option_chosen(window, lesson_1):
    k = step_with(lesson_1, lambda s: s.question is not None and s.question.kind == "choice")
    window.lessons.start(0, step=k)
    box = window.lessons.panel.question
    box.commit()
    assert box.is_open and box.message.text() == "Choose one of the answers first."
    labels = [b.text() for b in box.radio_buttons]
    assert labels == [o.label["en"] for o in lesson_1.steps[k].answer.options]


def test_an_edited_table_is_noticed_and_the_step_reloads(window, lesson_1):
    window.lessons.start(0, step=1)
    panel = window.lessons.panel
    assert panel.stale_note.isHidden()
    window.document.set_cell(0, 0, 9.0)
    assert not panel.stale_note.isHidden()
    panel.reload_button.click()
    assert window.document.scenario == lesson_1.steps[1].scenario
    assert panel.stale_note.isHidden()


# --- the keyboard alone --------------------------------------------------------------------------

def press(qtbot, key, modifier=Qt.NoModifier, text=None):
    """A key pressed where the keyboard focus is."""
    widget = QApplication.focusWidget()
    assert widget is not None
    if text is not None:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, key, modifier)


def answer_by_keyboard(qtbot, panel, step):
    focus = QApplication.focusWidget()
    if step.question.kind == "number":
        assert focus is panel.question.number_edit
        press(qtbot, None, text=engine_answer_text(step))
    else:
        assert focus is panel.question.radio_buttons[0]
        press(qtbot, Qt.Key_Space)  # the first option
        keys = [o.key for o in step.answer.options]
        for _ in range(keys.index(step.answer.value)):
            press(qtbot, Qt.Key_Down)  # the next option
        assert panel.question.choice_group.checkedButton().property("key") == step.answer.value
    press(qtbot, Qt.Key_Return)


# Step 2 (from 0: 1) and step 10 (9) of lesson 1, as the student sees them in each language.
PHOTO_CLASSES = {"en": ("cat", "dog", "pig"), "zh_CN": ("猫", "狗", "猪")}
MODELS = {"en": ["Model 1", "Model 2"], "zh_CN": ["模型 1", "模型 2"]}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_lesson_1_can_be_walked_with_the_keyboard_alone(main_window, qtbot, language):
    window = main_window if language == "en" else application.switch_language(language)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    lesson = read_lesson(LESSON_1)
    window.input_table.view.setFocus()
    press(qtbot, Qt.Key_F1)  # Help ▸ Lessons
    panel = window.lessons.panel
    assert window.lessons.dock.isVisible()
    assert QApplication.focusWidget() is panel.lesson_list
    assert panel.lesson_list.item(0).text().startswith(f"1. {lesson.title[language]}")
    press(qtbot, Qt.Key_Return)
    for k, step in enumerate(lesson.steps):
        assert panel.index == k and panel.step_title.text() == step.title[language]
        shown = window.document.scenario
        assert shown == panel.step.scenario  # the step's, its names in the language
        for m in range(len(shown.models)):  # the same numbers as the lesson's own
            assert_allclose(engine.analyze(shown.model_scenario(m)).sample_loss,
                            engine.analyze(step.scenario.model_scenario(m)).sample_loss,
                            rtol=0, atol=0)
        if step.question is not None:
            covered = window.lessons.covered_widgets(step.question.reveals)
            assert list(window.lessons.covers) == covered
            assert (window.results in covered) == ("results" in step.question.reveals)
            assert not panel.question.engine_answer.isVisible()  # not revealed yet
            answer_by_keyboard(qtbot, panel, panel.step)
            assert panel.answers[k].right, k
            revealed = panel.question.engine_answer
            assert revealed.isVisible() and panel.question.why_text.isVisible()
            assert revealed.text().endswith(panel.step.answer.text[language])
            assert window.lessons.covers == {}
        assert QApplication.focusWidget() is (panel.next_button if k < len(lesson.steps) - 1
                                              else panel.back_button)
        if k == 1:
            assert shown.classes == PHOTO_CLASSES[language]
        if k == 9:  # two models, the student chose one by its name
            assert shown.model_names == tuple(MODELS[language])
            assert [b.text() for b in panel.question.radio_buttons] == MODELS[language]
            assert panel.question.engine_answer.text().endswith(MODELS[language][1])
        press(qtbot, Qt.Key_Right, Qt.AltModifier)
    assert panel.index == len(lesson.steps) - 1
    assert len(panel.answers) == lesson.question_count == 12
    assert all(given.right for given in panel.answers.values())
    for _ in range(2):  # and back, with the other keys
        press(qtbot, Qt.Key_PageUp, Qt.ControlModifier)
    assert panel.index == len(lesson.steps) - 3
    press(qtbot, Qt.Key_PageDown, Qt.ControlModifier)
    assert panel.index == len(lesson.steps) - 2
    press(qtbot, Qt.Key_Left, Qt.AltModifier)
    assert panel.index == len(lesson.steps) - 3


def test_the_lesson_panel_reads_in_tab_order_from_the_top(window, lesson_1, qtbot):
    k = step_with(lesson_1, lambda s: s.question is not None and s.question.kind == "choice")
    window.lessons.start(0, step=k)
    panel = window.lessons.panel
    order = [panel.all_lessons_button]
    widget = panel.all_lessons_button
    for _ in range(12):
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.TabFocus) or not widget.isVisible() \
                or not panel.isAncestorOf(widget):
            widget = widget.nextInFocusChain()
        order.append(widget)
    box = panel.question
    expected = [panel.all_lessons_button, panel.step_list, panel.scroll, panel.step_text,
                box.question_text,  # the options are one stop: the arrow keys choose among them
                box.radio_buttons[0], box.answer_button, panel.back_button, panel.next_button]
    assert order[:len(expected)] == expected
    assert all(isinstance(b, QRadioButton) for b in box.radio_buttons)


# --- language, menus, first start ----------------------------------------------------------------

def test_a_language_switch_keeps_the_lesson_its_step_and_answers(window, lesson_1):
    k = step_with(lesson_1, lambda s: s.question is not None and s.question.kind == "number")
    window.lessons.start(0, step=k)
    panel = window.lessons.panel
    panel.question.number_edit.setText(engine_answer_text(lesson_1.steps[k]))
    panel.question.commit()
    count = window.document.undo_stack.count()
    chinese = application.switch_language("zh_CN")
    moved = chinese.lessons.panel
    assert moved.index == k and moved.answers == panel.answers
    assert moved.step_title.text() == lesson_1.steps[k].title["zh_CN"]
    assert moved.question.verdict.text() == "✓ 正确。"
    assert chinese.document.undo_stack.count() == count  # nothing loaded again
    # The table keeps the English names it was loaded with: not "changed since".
    assert moved.step.scenario != chinese.document.scenario == lesson_1.steps[k].scenario
    assert moved.stale_note.isHidden() and moved.reload_button.isHidden()


def test_help_offers_the_lessons_and_about(window):
    help_menu = window.help_menu
    texts = [a.text() for a in help_menu.actions()]
    assert texts == ["&Lessons…", "&About Logit Lab"]
    assert window.lessons.lessons_action.shortcut().toString() == "F1"
    window.lessons.lessons_action.trigger()
    panel = window.lessons.panel
    assert window.lessons.dock.isVisible() and panel.pages.currentIndex() == 0
    assert panel.lesson_list.count() == 4 and not panel.welcome.isVisible()
    first = read_lesson(bundled_lessons()[0])
    assert panel.lesson_list.item(0).text() == \
        f"1. {first.title['en']}\n13 steps, 12 questions"


def test_about_names_the_version(qtbot, monkeypatch, window):
    shown = []
    monkeypatch.setattr(shell_lessons, "show_about", lambda parent: shown.append(parent))
    window.lessons.about_action.trigger()
    assert shown == [window]


def test_lesson_1_is_offered_once_on_the_first_start_and_not_in_the_window_alone(window):
    lessons_ = window.lessons
    assert lessons_.dock.isHidden()  # a window, as --smoke and --screenshot make it: no offer
    assert lessons_.offer_first_lesson()
    panel = lessons_.panel
    assert lessons_.dock.isVisible() and panel.welcome.isVisible()
    assert panel.lesson_list.currentRow() == 0 and QApplication.focusWidget() in (
        None, panel.begin_button)
    assert QSettings().value(app_settings.FIRST_START_KEY, False, bool)
    panel.not_now_button.click()
    assert lessons_.dock.isHidden()
    assert not lessons_.offer_first_lesson()
    assert lessons_.dock.isHidden()


def test_begin_starts_the_chosen_lesson(window):
    window.lessons.offer_first_lesson()
    window.lessons.panel.begin_button.click()
    panel = window.lessons.panel
    assert panel.pages.currentIndex() == 1 and panel.index == 0
    assert window.document.scenario == read_lesson(LESSON_1).steps[0].scenario


def test_a_broken_lesson_file_is_refused_in_one_line(window, tmp_path, monkeypatch):
    warnings = []
    monkeypatch.setattr(files, "show_warning", lambda parent, title, text:
                        warnings.append((title, text)))
    data = json.loads(LESSON_1.read_text(encoding="utf-8"))
    data["steps"][1]["question"]["number"]["class"] = "dgo"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    assert not window.lessons.open_lesson_file(broken)
    assert warnings == [("Cannot Open Lesson", "“broken.json” cannot be opened as a lesson: "
                         "step 2: question.number.class: 'dgo' is not one of the classes ('cat', "
                         "'dog', 'pig')")]
    assert window.lessons.panel.lesson is None


def test_a_lesson_file_opens_in_the_panel(window, monkeypatch):
    monkeypatch.setattr(shell_lessons, "ask_lesson_path", lambda parent, directory: LESSON_1)
    window.lessons.show_chooser()
    window.lessons.panel.open_button.click()
    assert window.lessons.panel.lesson.title["en"] == read_lesson(LESSON_1).title["en"]


# --- a lesson made from the window ---------------------------------------------------------------

def test_new_lesson_from_here_collects_steps_and_saves_a_lesson_that_reads_back(
        window, tmp_path, monkeypatch):
    lessons_ = window.lessons
    assert lessons_.new_lesson_action.text() == "&New Lesson from Here"
    assert not lessons_.save_lesson_action.isEnabled()
    first = window.document.scenario
    lessons_.new_lesson_action.trigger()
    window.document.set_cell(0, 0, -1.5)
    second = window.document.scenario
    lessons_.new_lesson_action.trigger()
    assert lessons_.new_lesson_action.text() == "Add Step 3 from &Here"
    assert window.statusBar().currentMessage().startswith("Step 2 added to the new lesson.")
    monkeypatch.setattr(files, "ask_save_path", lambda *args: tmp_path / "my lesson")
    path = lessons_.save_lesson()
    assert path == tmp_path / "my lesson.json" and path.is_file()
    saved = read_lesson(path)
    assert [s.scenario for s in saved.steps] == [first, second]
    assert saved.title["en"] == saved.title["zh_CN"] == "my lesson"
    assert [s.title["zh_CN"] for s in saved.steps] == ["第 1 步", "第 2 步"]
    assert lessons_.built == [] and not lessons_.save_lesson_action.isEnabled()
    assert math.isclose(saved.steps[1].scenario.rows[0][0], -1.5)


def test_the_file_menu_has_new_and_the_lesson_items(window):
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert texts[0] == "&New" and window.files.new_action.shortcut().toString() == "Ctrl+N"
    assert texts[-3:] == ["&New Lesson from Here", "Save &Lesson As…", "&Quit"]
    assert window.files.examples_menu.actions()[0].text() == \
        "Start: cat, dog or pig (3, 1, −3)"


def test_file_new_shows_the_start_scenario(window):
    window.document.set_cell(0, 0, 7.0)
    window.document.undo_stack.setClean()
    window.files.new_action.trigger()
    assert window.document.scenario == app_settings.default_scenario()
    assert window.document.path is None and not window.document.modified
    assert engine.analyze(window.document.scenario).probabilities[0][0] == pytest.approx(
        math.exp(3) / (math.exp(3) + math.exp(1) + math.exp(-3)))


def test_every_view_a_lesson_names_has_a_dock_or_the_plots(main_window):
    from engine.lessons import VIEWS as VIEW_KEYS
    from gui.shell.lessons import DOCK_OF_VIEW

    docks = main_window.docks
    missing = [key for key in VIEW_KEYS if not key.startswith("plots.")
               and DOCK_OF_VIEW.get(key, key) not in docks and key not in ("inputs", "results")]
    assert missing == []
