"""The translations: the Chinese catalogue is complete and holds exactly the strings of the code,
the committed .qm is what the .ts compiles to, and the language switches at run time without
losing the document; numbers, engine errors, presets and the command line follow it."""

import importlib.util
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, Qt

import engine
import engine.scenario
from engine import ScenarioError, edits
from gui.shell import app as application
from gui.shell import settings as app_settings
from gui.shell import cli
from gui.shell import exports
from gui.shell import i18n
from gui.common import messages
from gui.common.formatting import format_number
from gui.shell.scenario_file import read_scenario

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "logitlab_zh_CN.ts"
MALFORMED = Path(__file__).parent / "data" / "malformed"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n")
ACCELERATOR = re.compile(r"&[^&\s]")

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)


def load_translations_tool():
    spec = importlib.util.spec_from_file_location("translations",
                                                  ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_translations_tool()


def catalogue(path):
    """(context, source) → the <message> element of a .ts file."""
    root = ET.parse(path).getroot()
    return {(context.findtext("name"), message.findtext("source")): message
            for context in root.iter("context") for message in context.findall("message")}


def translations_of(message):
    """The translated text (one per plural form)."""
    translation = message.find("translation")
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


# --- the catalogue ---------------------------------------------------------------------------

def test_every_string_has_a_finished_chinese_translation():
    messages_ = catalogue(TS)
    assert len(messages_) > 400
    unfinished = [key for key, message in messages_.items()
                  if message.find("translation").get("type") in ("unfinished", "obsolete",
                                                                 "vanished")
                  or not all(text.strip() for text in translations_of(message))]
    assert unfinished == []


def test_the_catalogue_holds_exactly_the_strings_of_the_code(tmp_path):
    """A new tr() string (or one changed in the code) fails here until `python
    tools/translations.py update` adds it and someone translates it."""
    fresh = tmp_path / "fresh.ts"
    tool.run_lupdate(fresh, "zh_CN")
    extracted, committed = set(catalogue(fresh)), set(catalogue(TS))
    assert sorted(extracted - committed) == []
    assert sorted(committed - extracted) == []


def test_translations_keep_the_placeholders_and_accelerators_of_the_source():
    wrong = []
    for (context, source), message in catalogue(TS).items():
        for text in translations_of(message):
            same_placeholders = sorted(PLACEHOLDER.findall(text)) == \
                sorted(PLACEHOLDER.findall(source))
            same_accelerator = bool(ACCELERATOR.search(text)) == bool(ACCELERATOR.search(source))
            if not (same_placeholders and same_accelerator):
                wrong.append((context, source, text))
    assert wrong == []


def test_the_ml_terms_are_the_agreed_chinese_ones():
    messages_ = catalogue(TS)

    def zh(context, source):
        return translations_of(messages_[context, source])[0]

    assert zh("exports", "cross-entropy") == "交叉熵"
    assert zh("OptionsPanel", "Label &smoothing ε") == "标签平滑 ε(&S)"
    assert zh("OptionsPanel", "Temperature") == "温度"
    assert zh("OptionsPanel", "logits") == "logits（未归一化得分）"  # the gloss, once
    assert zh("OptionsPanel", "&Reduction") == "汇总方式(&R)"
    assert zh("InputTable", "soft distribution") == "软标签分布"
    assert zh("SweepPlot", "Sweep the logit of:") == "连续改变此类别的 logit："
    assert zh("presets", "Two models, one truth") == "两个模型，一个正确答案"
    assert zh("OptionsPanel", "nats (ln)") == "奈特（ln）"
    assert zh("exports", "entropy H(y)") == "信息熵 H(y)"
    assert "KL 散度，又称相对熵" in zh("SamplesModel",
                                   "How far the prediction is from the target (KL divergence)")
    assert zh("_Writer", ", ") == zh("ResultsView", ", ") == "、"  # Chinese lists
    assert zh("InputModel", "true class") == "真实类别"
    assert zh("MainWindow", "&File") == "文件(&F)"


# Words a Chinese teacher would not use for these things: 对数几率 is log-odds (the binary
# sigmoid's logit only), 真相 is the truth of a crime, 归约 is "reduction" in the sense of
# reducing a problem, 软分布 is not a term, 扫描 is a scanner's sweep.
NOT_THE_AGREED_TERMS = ("对数几率", "真相", "真实情况", "归约", "软分布", "扫描")


def test_no_translation_uses_a_term_replaced_by_the_agreed_one():
    found = [(context, source, text) for (context, source), message in catalogue(TS).items()
             for text in translations_of(message)
             if any(term in text for term in NOT_THE_AGREED_TERMS)]
    assert found == []


def test_logits_are_glossed_once_where_a_teacher_first_sees_them():
    # The Input box of the options: "logits（未归一化得分）"; everywhere else plain "logits".
    glossed = [(context, source) for (context, source), message in catalogue(TS).items()
               if "未归一化" in translations_of(message)[0]]
    assert glossed == [("OptionsPanel", "logits")]


# q for the target, anywhere but inside a {placeholder}: "target q", "H(q)", "KL(q‖p)",
# "CE(q, p)", "q(c)", "−w q ln p", "q = (1 − ε)·y + ε/C". The target is y (y′ when smoothed).
TARGET_Q = re.compile(r"(?<![\w'’])q(?![\w'’])")


def test_no_string_calls_the_target_q():
    said = [(context, source) for (context, source), message in catalogue(TS).items()
            for text in [source, *translations_of(message)]
            if TARGET_Q.search(PLACEHOLDER.sub("", text))]
    assert said == []


def test_the_committed_qm_is_what_the_ts_compiles_to(tmp_path):
    compiled = tmp_path / "logitlab_zh_CN.qm"
    tool.run_lrelease(TS, compiled)
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes()


def test_preset_texts_are_in_step_with_the_presets():
    source = (ROOT / "gui" / "shell" / "preset_texts.py").read_text(encoding="utf-8")
    assert source == tool.preset_texts_source()
    titles = [json.loads(p.read_text(encoding="utf-8"))["title"]
              for p in sorted((ROOT / "resources" / "presets").glob("*.json"))]
    assert len(titles) == 10
    assert all(("presets", title) in catalogue(TS) for title in titles)


# --- at run time -----------------------------------------------------------------------------

@pytest.fixture
def english(qapp):
    """English installed for the test, and again after it."""
    i18n.install_language("en")
    yield
    i18n.install_language("en")


@pytest.fixture
def window(main_window, english):
    return main_window


def test_every_preset_title_and_description_is_translated(chinese):
    texts = [json.loads(path.read_text(encoding="utf-8"))[key]
             for path in sorted((ROOT / "resources" / "presets").glob("*.json"))
             for key in ("title", "description")]
    assert len(texts) == 20
    untranslated = [text for text in texts
                    if not re.search(r"[\u4e00-\u9fff]", i18n.preset_text(text))]
    assert untranslated == []


def visible_texts(window):
    """What a user reads first: menu titles, an option label, a toolbar button, the captions."""
    return {"menus": [action.text() for action in window.menuBar().actions()][:3],
            "temperature": window.options.labels["temperature"].text(),
            "reduction": [window.options.reduction.itemText(n) for n in range(2)],
            "add sample": window.input_table.add_sample_action.text(),
            "normalize": window.input_table.normalize_button.text(),
            "caption": window.results.classes_caption.text(),
            "loss": window.results.loss_label.text()}


def undo_texts(stack):
    return [stack.text(n) for n in range(stack.count())]


def test_switching_to_chinese_translates_the_window_and_keeps_the_document(window):
    document = window.document
    assert document.set_cell(0, 0, 2.0)
    assert document.set_options("Set temperature", temperature=2.0)
    history = undo_texts(document.undo_stack)
    assert visible_texts(window)["menus"] == ["&File", "&Edit", "&View"]

    chinese_window = application.switch_language("zh_CN")

    assert chinese_window is not window and chinese_window.document is document
    assert visible_texts(chinese_window) == {
        "menus": ["文件(&F)", "编辑(&E)", "视图(&V)"], "temperature": "温度 T(&T)",
        "reduction": ["平均", "求和"], "add sample": "添加样本", "normalize": "归一化各行",
        "caption": "样本“photo 1”：各类别",
        "loss": f"批次损失（对 3 个样本取平均） = {format_number(document.analysis.loss)} 奈特"}
    assert document.scenario.rows[0, 0] == 2.0 and document.scenario.options.temperature == 2.0
    assert undo_texts(document.undo_stack) == history == ["Edit photo 1 · cat",
                                                          "Set temperature"]
    assert chinese_window.language_actions["zh_CN"].isChecked()
    assert QSettings().value(i18n.SETTINGS_KEY) == "zh_CN"

    document.undo_stack.undo()
    assert document.scenario.options.temperature == 1.0  # the history still works
    back = application.switch_language("en")
    assert visible_texts(back)["menus"] == ["&File", "&Edit", "&View"]
    assert visible_texts(back)["normalize"] == "Normalize rows"
    assert back.document.undo_stack.count() == 2


def test_a_replaced_window_leaves_no_listener_on_the_document(window):
    # The document outlives its windows: whatever a replaced window connected to it must go
    # with it, or every switch would leave a window's views updating (and alive) on each edit.
    document = window.document
    listeners = document.receivers("2changed(PyObject,PyObject)")
    for language in ("zh_CN", "en", "zh_CN"):
        application.switch_language(language)
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert document.receivers("2changed(PyObject,PyObject)") == listeners > 0


def test_the_language_menu_asks_for_the_language(window, qtbot):
    with qtbot.waitSignal(window.languageRequested) as chosen:
        window.language_actions["zh_CN"].trigger()
    assert chosen.args == ["zh_CN"]


def test_numbers_follow_the_language_and_the_table_takes_the_c_form_in_chinese(window):
    english_numbers = [format_number(v) for v in (0.1291, 12345.678, 1.2e-9, -2.5)]
    assert english_numbers == ["0.1291", "12,346", "1.200e-09", "-2.500"]
    chinese_window = application.switch_language("zh_CN")
    assert QLocale().name() == "zh_CN"
    chinese_numbers = [format_number(v) for v in (0.1291, 12345.678, 1.2e-9, -2.5)]
    assert chinese_numbers == [format_number(v, locale=QLocale("zh_CN"))
                               for v in (0.1291, 12345.678, 1.2e-9, -2.5)]
    assert chinese_numbers == ["0.1291", "12,346", "1.200e-09", "-2.500"]
    model = chinese_window.input_table.model
    assert model.setData(model.index(0, 0), "2.5")
    assert model.setData(model.index(0, 1), "1e-3")
    assert chinese_window.document.scenario.rows[0, :2].tolist() == [2.5, 0.001]


def test_a_string_of_each_module_is_translated_at_run_time(window):
    chinese_window = application.switch_language("zh_CN")
    files = chinese_window.files
    assert files.examples_menu.title() == "示例(&E)"  # files
    assert "猫、狗还是猪：哪个模型更好？" in [a.text() for a in files.examples_menu.actions()]
    assert chinese_window.input_table.model.headerData(3, Qt.Horizontal) == "真实类别"  # tables
    assert chinese_window.options.labels["reduction"].text() == "汇总方式(&R)"  # options_panel
    assert chinese_window.docks["options"].windowTitle() == "选项"  # main_window
    assert chinese_window.loss_label.text().startswith("批次损失（对 3 个样本取平均） = ")  # texts
    report = cli.report(chinese_window.document.analysis)  # cli
    assert "模式：softmax，输入：logits，汇总方式：平均" in report
    assert exports.results_csv(chinese_window.document.analysis).startswith(
        "样本,类别,logit,概率,目标,项,梯度,预测")  # exports
    assert app_settings.default_scenario().classes == ("猫", "狗", "猪")  # app


def test_the_show_the_math_panel_is_in_chinese(window):
    chinese_window = application.switch_language("zh_CN")
    text = chinese_window.math_panel.shown_text()
    assert "样本“photo 1”" in text
    assert "交叉熵损失" in text
    assert "logits z：cat 3、dog 1、pig -3。" in text  # a Chinese list takes 、
    assert "H(y) = −Σ y ln y = 0 奈特" in text


def test_an_example_menu_entry_shows_the_description_in_chinese(window):
    chinese_window = application.switch_language("zh_CN")
    tips = [action.toolTip() for action in chinese_window.files.examples_menu.actions()]
    assert any("两个模型对同样的三张照片分类" in tip for tip in tips)


def test_a_refused_edit_is_explained_in_chinese(window, qtbot):
    chinese_window = application.switch_language("zh_CN")
    document = chinese_window.document
    with qtbot.waitSignal(document.editRefused) as refused:
        assert not document.edit("x", edits.set_options, label_smoothing=1.5)
    assert refused.args == ["label_smoothing 必须介于 0 和 1 之间，实际为 1.5"]
    assert chinese_window.input_table.message_label.text() == refused.args[0]


def refusal(make):
    with pytest.raises(ScenarioError) as caught:
        make()
    return caught.value


def test_describe_gives_the_engine_message_in_english(english):
    error = refusal(lambda: engine.Options(temperature=0.0))
    assert messages.describe(error) == str(error) == \
        "temperature must be between 1e-300 and 1000000.0, got 0.0"
    assert messages.describe(ValueError("plain")) == "plain"


@pytest.mark.parametrize("make, chinese_text", [
    (lambda: engine.Options(temperature=0.0), "temperature 必须介于 1e-300 和 1e+06 之间，实际为 0.0"),
    (lambda: engine.Scenario(classes=("cat", "dog"), rows=[[1.0, "x"]], targets=[0]),
     "第 1 行，“dog”列：'x' 不是数字"),
    (lambda: engine.Scenario(classes=("a", "b"), rows=[[1.0, 2.0]], targets=[[0.5, 0.4]]),
     "目标第 1 行之和为 0.9，而不是 1：softmax 的目标必须是概率分布"),
    (lambda: engine.from_json("{"), "不是有效的 JSON：第 1 行第 2 列：Expecting property name "
                                    "enclosed in double quotes"),
    (lambda: edits.remove_class(engine.Scenario(classes=("a",), rows=[[1.0]], targets=[0]), 0),
     "不能删除最后一个类别"),
    (lambda: engine.Scenario(classes=("a", "b"), rows=[[1.0, 2.0], [1.0]], targets=[0, 1]),
     "rows：第 2 行有 1 个值，而第 1 行有 2 个"),
    (lambda: engine.Scenario(classes=("a", "b" * 250), rows=[[1.0, 2.0]], targets=[0]),
     "classes[1] 长 250 个字符；最多允许 200 个"),
    (lambda: engine.Scenario(classes=("a", "\ud800"), rows=[[1.0, 2.0]], targets=[0]),
     "classes[1]：'\\ud800' 含有半个 UTF-16 代理对，这不是一个字符"),
    (lambda: engine.Options(log_base=10), "log_base 必须是 'e', '2' 之一；实际为 10"),
    (lambda: engine.from_json('{"format": "logit-lab", "version": 1, "\\ud800": 0}'),
     "未知字段 '\\ud800'"),
    (lambda: edits.remove_model(engine.Scenario(classes=("a", "b"), rows=[[1.0, 2.0]],
                                                targets=[0]), 0), "不能删除最后一个模型"),
    (lambda: engine.Scenario(classes=("cat", "dog"), targets=[0], models=(
        engine.Model("A", [[1.0, 2.0]]), engine.Model("B", [[1.0, "x"]]))),
     "模型“B”：第 1 行，“dog”列：'x' 不是数字"),
    (lambda: engine.Scenario(classes=("cat", "dog"), targets=[0], models=(
        engine.Model("A", [[1.0, 2.0]]), engine.Model("B", [[1.0, 2.0]] * 2))),
     "模型“B”：2 × 2 个值，但模型“A”有 1 × 2 个：每个模型对每个样本都有一行"),
], ids=["out of range", "cell not a number", "target sum", "not JSON", "last class", "ragged",
        "name too long", "lone surrogate", "bad choice", "unknown field", "last model",
        "cell of a model", "rows of a model"])
def test_describe_fills_the_chinese_sentence_with_the_details(chinese, make, chinese_text):
    assert messages.describe(refusal(make)) == chinese_text


def test_a_table_beyond_the_size_limit_is_explained_in_chinese(chinese, monkeypatch):
    monkeypatch.setattr(engine.scenario, "MAX_CELLS", 4)
    error = refusal(lambda: engine.Scenario(classes=("a", "b", "c"), rows=[[0.0] * 3] * 2,
                                            targets=[0, 1]))
    assert messages.describe(error) == "2 × 3 个值超过了 Logit Lab 能处理的上限 4"


@pytest.mark.parametrize("path", sorted(MALFORMED.iterdir()), ids=lambda p: p.name)
def test_every_malformed_file_is_explained_in_chinese(chinese, path):
    error = refusal(lambda: read_scenario(path))
    described = messages.describe(error)
    assert described != str(error)
    assert re.search(r"[\u4e00-\u9fff]", described)


def test_the_chinese_font_warning_appears_only_without_a_chinese_font(qapp, monkeypatch):
    from PySide6.QtGui import QFontDatabase

    assert i18n.missing_font_warning("en") is None
    monkeypatch.setattr(QFontDatabase, "families", lambda *args: [])
    assert i18n.missing_font_warning("zh_CN") == i18n.NO_CJK_FONT
    monkeypatch.setattr(QFontDatabase, "families", lambda *args: ["Noto Sans CJK SC"])
    assert i18n.missing_font_warning("zh_CN") is None


def test_the_system_locale_picks_the_first_language(qapp):
    assert i18n.system_language(QLocale("zh_CN")) == "zh_CN"
    assert i18n.system_language(QLocale("zh_TW")) == "zh_CN"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    settings = QSettings()
    settings.setValue(i18n.SETTINGS_KEY, "zh_CN")
    assert i18n.chosen_language(settings) == "zh_CN"


def run_cli(*args, lang):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, encoding="utf-8", timeout=120)


def test_the_command_line_speaks_the_system_language(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "logit-lab", "version": 1, "classes": ["a", "b"], '
                   '"rows": [[1, "x"]], "targets": [0]}', encoding="utf-8")
    chinese_run = run_cli("--compute", bad, lang="zh_CN.UTF-8")
    assert chinese_run.returncode == cli.EXIT_USAGE
    assert chinese_run.stderr == f"logit-lab：{bad}：第 1 行，“b”列：'x' 不是数字\n"
    english_run = run_cli("--compute", bad, lang="C.UTF-8")
    assert english_run.stderr == f"logit-lab: {bad}: row 1, column 'b': 'x' is not a number\n"
    report = run_cli("--compute", ROOT / "resources" / "presets" / "two_models_one_truth.json",
                     lang="zh_CN.UTF-8")
    assert report.stdout.splitlines()[:2] == ["两个模型，一个正确答案",
                                              "模式：softmax，输入：概率，汇总方式：平均"]
