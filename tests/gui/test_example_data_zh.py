"""File ▸ Examples in Chinese: a bundled example opens with Chinese class, sample and model names
(猫/狗/猪, 照片 1, 模型 1 …) and exactly the numbers it has in English; a user's own file, and
an example of a language model's vocabulary, keep their names, and so does a lone model (saved,
the example is a version-1 file as in English). File ▸ New, a new model and a lesson's step name
theirs the same way."""

import json
import re
import shutil

import numpy as np
import pytest
from numpy.testing import assert_allclose
from PySide6.QtWidgets import QMainWindow

import engine
from gui.document import Document
from gui.shell import files, i18n, preset_texts
from gui.shell.files import FileController
from gui.shell.lesson_file import bundled_lessons, read_lesson, step_in_language
from gui.shell.resources import resource_path

PRESETS = sorted(resource_path("presets").glob("*.json"))
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def controller(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "show_warning", lambda *args: pytest.fail(f"warned: {args}"))
    window = QMainWindow()
    window.file_menu = window.menuBar().addMenu("&File")
    qtbot.addWidget(window)
    document = Document(engine.Scenario(classes=("a", "b"), rows=[[0.0, 1.0]], targets=[0]))
    return FileController(window, document, autosave_folder=tmp_path / "autosave")


def english(path):
    return engine.from_json(path.read_text(encoding="utf-8"))


def names(scenario):
    return (*scenario.classes, *scenario.samples, *scenario.model_names)


def assert_same_numbers(shown, original):
    """Every model's rows, the targets, the options and every loss as they were."""
    assert shown.mode == original.mode and shown.input == original.input
    assert shown.options == original.options
    assert np.array_equal(shown.targets, original.targets)
    for k, model in enumerate(original.models):
        assert np.array_equal(shown.models[k].rows, model.rows)
        before = engine.analyze(original.model_scenario(k))
        after = engine.analyze(shown.model_scenario(k))
        assert_allclose(after.sample_loss, before.sample_loss, rtol=0, atol=0)
        assert after.loss == before.loss


@pytest.mark.parametrize("path", PRESETS, ids=lambda p: p.stem)
def test_each_example_opens_with_chinese_names_and_the_same_losses(chinese, controller, path):
    assert controller.open_example(path)
    shown, original = controller.document.scenario, english(path)
    assert_same_numbers(shown, original)
    if len(original.classes) > i18n.MAX_TRANSLATED_CLASSES:  # next_token: 4,265 tokens
        assert names(shown) == names(original)
        return
    # Every name is Chinese, but for the classes A, B and C, which are letters in both, and a
    # lone model's name, which is shown nowhere (and keeps the file version 1).
    not_chinese = [name for name in names(shown) if not CHINESE.search(name)]
    lone = ["Model 1"] if len(original.models) == 1 else []
    assert not_chinese == (["A", "B", "C"] if path.stem == "two_models_one_truth" else lone)
    assert shown.title == original.title  # the menu and the command line translate it
    assert not controller.document.modified


def test_cat_dog_pig_reads_as_the_article_does(chinese, controller):
    assert controller.open_example(resource_path("presets", "cat_dog_pig.json"))
    shown = controller.document.scenario
    assert shown.classes == ("猫", "狗", "猪")
    assert shown.samples == ("照片 1", "照片 2", "照片 3")
    assert shown.model_names == ("模型 1", "模型 2")
    assert controller.document.analysis.scenario.classes == ("猫", "狗", "猪")


def test_the_chest_x_ray_and_two_models_examples_in_chinese(chinese, controller):
    assert controller.open_example(resource_path("presets", "chest_xray_multilabel.json"))
    assert controller.document.scenario.classes == ("肺不张", "心脏增大", "胸腔积液", "肺炎",
                                                    "气胸")
    assert controller.document.scenario.samples == ("患者 1", "患者 2", "患者 3")
    assert controller.open_example(resource_path("presets", "two_models_one_truth.json"))
    assert controller.document.scenario.model_names == ("甲", "乙")
    assert controller.document.scenario.samples == ("例子",)


def test_in_english_an_example_keeps_its_names(qapp, controller):
    i18n.install_language("en")
    path = resource_path("presets", "cat_dog_pig.json")
    assert controller.open_example(path)
    assert controller.document.scenario == english(path)


def test_a_users_own_file_keeps_its_names(chinese, controller, tmp_path):
    own = shutil.copy(resource_path("presets", "cat_dog_pig.json"), tmp_path / "mine.json")
    assert controller.open_path(own)
    assert controller.document.scenario.classes == ("cat", "dog", "pig")
    assert controller.document.scenario == english(resource_path("presets", "cat_dog_pig.json"))


def test_a_saved_chinese_example_keeps_the_chinese_names(chinese, controller, tmp_path):
    assert controller.open_example(resource_path("presets", "binary_softmax.json"))
    assert controller.save_to(tmp_path / "saved.json")
    saved = english(tmp_path / "saved.json")
    assert saved.classes == ("非垃圾邮件", "垃圾邮件")
    assert saved.samples == ("邮件 1", "邮件 2", "邮件 3", "邮件 4")


def test_names_that_would_translate_to_one_keep_the_example_as_it_is(chinese):
    # "cat" translates to 猫, which is already the other class's name: names must stay distinct.
    scenario = engine.Scenario(classes=("cat", "猫"), rows=[[1.0, 2.0]], targets=[0])
    assert i18n.example_in_language(scenario) is scenario


def test_the_names_of_small_examples_are_marked_for_translation_and_no_vocabulary():
    marked = {text for text in preset_texts.NAMES}
    assert {"cat", "photo 1", "Model 2", "cardiomegaly", "email 4", "甲"} <= marked
    vocabulary = set(english(resource_path("presets", "next_token.json")).classes)
    assert {"mat", "floor"} <= vocabulary
    assert not {"mat", "floor"} & marked
    assert all(len(english(path).classes) <= i18n.MAX_TRANSLATED_CLASSES
               for path in PRESETS if path.stem != "next_token")


@pytest.mark.parametrize("path", [path for path in PRESETS if len(english(path).models) == 1],
                         ids=lambda p: p.stem)
def test_a_one_model_example_saved_in_chinese_is_version_1_as_in_english(chinese, controller,
                                                                        tmp_path, path):
    assert controller.open_example(path)
    assert controller.document.scenario.model_names == ("Model 1",)
    assert controller.save_to(tmp_path / "mine.json")
    data = json.loads((tmp_path / "mine.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and "models" not in data
    assert data["rows"] == english(path).rows.tolist()


# --- the other ways an example's data arrives: File ▸ New, a new model, a lesson's step ----------

def test_file_new_and_a_new_model_are_named_in_chinese(chinese, controller):
    assert controller.new()
    document = controller.document
    assert document.scenario.classes == ("猫", "狗", "猪")
    assert document.scenario.samples == ("照片 1", "照片 2", "照片 3")
    assert document.scenario.model_names == ("Model 1",)  # a lone model: shown nowhere
    # A second model: both are shown, named in the language (the lone one was the default).
    assert document.add_model()
    assert document.scenario.model_names == ("模型 1", "模型 2")
    assert document.add_model(duplicate=0)
    assert document.scenario.model_names == ("模型 1", "模型 2", "模型 3")
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert document.scenario.model_names == ("Model 1",)
    document.undo_stack.setClean()  # nothing to ask on close


def test_in_english_a_new_model_is_model_k(qapp, controller):
    i18n.install_language("en")
    assert controller.new() and controller.document.add_model()
    assert controller.document.scenario.model_names == ("Model 1", "Model 2")
    controller.document.undo_stack.setClean()


def lesson_1_step(number):
    return read_lesson(bundled_lessons()[0]).steps[number - 1]


def test_a_lesson_step_shows_its_example_as_file_examples_does(chinese, controller):
    step = lesson_1_step(10)  # names the cat_dog_pig example; asks which model is better
    assert step.example == "cat_dog_pig" and step.scenario.model_names == ("Model 1", "Model 2")
    shown = step_in_language(step)
    assert controller.open_example(resource_path("presets", "cat_dog_pig.json"))
    assert shown.scenario == controller.document.scenario  # one translation, both ways
    assert shown.scenario.classes == ("猫", "狗", "猪")
    assert shown.scenario.samples == ("照片 1", "照片 2", "照片 3")
    assert_same_numbers(shown.scenario, step.scenario)
    # The question's options and answer name the models as the window does.
    assert [option.label["zh_CN"] for option in shown.answer.options] == ["模型 1", "模型 2"]
    assert shown.answer.value == "模型 2" and shown.answer.why["zh_CN"].startswith("模型 2：")


def test_a_lesson_step_written_inline_shows_its_names_in_chinese(chinese):
    step = lesson_1_step(2)  # the 3, 1, −3 photo, written in the lesson
    assert step.example is None
    shown = step_in_language(step)
    assert (shown.scenario.classes, shown.scenario.samples) == (("猫", "狗", "猪"), ("照片",))
    assert shown.answer.value == step.answer.value
    assert_same_numbers(shown.scenario, step.scenario)


def test_in_english_a_lesson_step_is_as_written(qapp):
    i18n.install_language("en")
    step = lesson_1_step(10)
    assert step_in_language(step) is step
