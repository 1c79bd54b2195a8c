"""File ▸ Export (results CSV, plots PNG/SVG, the math as text/Markdown), "copy as code" (the
snippets themselves: test_code_snippets.py), and the real main window's File menu."""

import csv
import io
import math
import types
import xml.dom.minidom
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QMainWindow

import engine
from engine import edits
from gui.common import code_snippets
from gui.shell import exports
from gui.shell import files
from gui.common.code_snippets import snippet
from gui.document import Document
from gui.shell.files import FileController

from scenarios import cat_dog_pig, preset

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class StubMathPanel:
    def plain_text(self):
        return "ℓ = −ln 0.5 = 0.6931 nats\n"

    def markdown(self):
        return "# The math\n\n$\\ell = -\\ln 0.5$ = **0.6931** nats\n"


@pytest.fixture
def window(qtbot):
    """A window with two real plots and a math panel, as the main window has them."""
    window = QMainWindow()
    window.file_menu = window.menuBar().addMenu("&File")
    window.plots = types.SimpleNamespace(plot_widgets={})
    for name, data in (("probabilities", [0.8, 0.1, 0.1]), ("loss curve", [2.3, 0.7, 0.1])):
        widget = pg.PlotWidget()
        widget.resize(300, 200)
        widget.plot(data)
        window.plots.plot_widgets[name] = widget
        qtbot.addWidget(widget)
    window.math_panel = StubMathPanel()
    qtbot.addWidget(window)
    return window


@pytest.fixture
def controller(window, tmp_path):
    return FileController(window, Document(cat_dog_pig()), autosave_folder=tmp_path / "autosave")


@pytest.fixture(autouse=True)
def warnings_shown(monkeypatch):
    shown = []
    monkeypatch.setattr(files, "show_warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(files, "ask_save_discard_cancel", lambda *args: files.CANCEL)
    monkeypatch.setattr(files, "ask_restore", lambda parent: False)
    return shown


# --- results as CSV --------------------------------------------------------------------------

def csv_blocks(text):
    """The CSV's blocks (lists of rows), split at the empty lines."""
    blocks = [[]]
    for row in csv.reader(io.StringIO(text)):
        if row:
            blocks[-1].append(row)
        else:
            blocks.append([])
    return blocks


def test_results_csv_has_every_number_at_full_precision():
    scenario = edits.set_options(cat_dog_pig(), temperature=0.7, label_smoothing=0.1)
    analysis = engine.analyze(scenario)
    per_class, per_sample, batch = csv_blocks(exports.results_csv(analysis))
    assert per_class[0] == ["sample", "class", "logit", "probability", "target", "term",
                            "gradient", "predicted"]
    assert len(per_class) == 1 + 9
    for n, c in np.ndindex(3, 3):
        row = per_class[1 + 3 * n + c]
        assert row[:2] == [scenario.samples[n], scenario.classes[c]]
        numbers = [float(v) for v in row[2:7]]
        assert numbers == [scenario.rows[n, c], analysis.probabilities[n, c],
                           analysis.targets[n, c], analysis.terms[n, c],
                           analysis.gradient[n, c]]  # exactly: repr reads back
        assert row[7] == ("true" if analysis.predicted[n, c] else "false")
    assert per_sample[0] == ["sample", "loss", "entropy H(y)", "KL(y‖p)", "cross-entropy",
                             "predicted", "correct", "ignored"]
    for n, row in enumerate(per_sample[1:]):
        assert [float(v) for v in row[1:5]] == [analysis.sample_loss[n], analysis.entropy[n],
                                                analysis.kl[n], analysis.cross_entropy[n]]
        assert row[5] == scenario.classes[analysis.predicted_class[n]]
    assert batch == [["batch loss", "total", "divisor", "reduction", "unit"],
                     [repr(analysis.loss), repr(analysis.total), "3.0", "mean", "nats"]]


def test_results_csv_of_a_multi_label_scenario_names_every_predicted_class():
    analysis = engine.analyze(preset("chest_xray_multilabel.json"))
    per_sample = csv_blocks(exports.results_csv(analysis))[1]
    predicted = [row[5] for row in per_sample[1:]]
    assert predicted[0] == "cardiomegaly effusion"
    assert per_sample[1][6] == "true"


def test_results_csv_writes_infinite_and_missing_values_readably():
    certain_wrong = cat_dog_pig(input="probabilities", rows=[[0.0, 1.0, 0.0]] * 3)
    batch = csv_blocks(exports.results_csv(engine.analyze(certain_wrong)))[2]
    assert batch[1][0] == "inf" and math.isinf(float(batch[1][0]))
    all_ignored = cat_dog_pig(targets=[-100, -100, -100])
    batch = csv_blocks(exports.results_csv(engine.analyze(all_ignored)))[2]
    assert batch[1][0] == ""


def test_results_csv_of_several_models_has_a_model_column_and_every_models_rows(controller):
    controller.document.replace(preset("sklearn_log_loss.json"))
    controller.document.select_model(1)
    per_class, per_sample, batch = csv_blocks(exports.results_csv(controller.document.analysis))
    assert per_class[0][:3] == ["model", "sample", "class"]
    assert [row[0] for row in per_class[1:]] == ["Model 1"] * 9 + ["Model 2"] * 9
    assert per_class[10][:4] == ["Model 2", "sample 1", "class 0", "0.1"]
    assert per_sample[0][:3] == ["model", "sample", "loss"]
    assert [row[:2] for row in per_sample[1:]] == [
        [model, f"sample {n}"] for model in ("Model 1", "Model 2") for n in (1, 2, 3)]
    assert batch == [["model", "batch loss", "total", "divisor", "reduction", "unit"],
                     ["Model 1", "1.3783888522474517", repr(4.135166556742355), "3.0", "mean",
                      "nats"],
                     ["Model 2", "0.6391075640678003", repr(1.917322692203401), "3.0", "mean",
                      "nats"]]


def test_results_csv_of_a_lone_model_names_it_only_when_it_has_a_name_of_its_own(controller):
    controller.document.replace(edits.rename_model(cat_dog_pig(), 0, "=甲"))
    per_class, per_sample, batch = csv_blocks(exports.results_csv(controller.document.analysis))
    assert per_class[0][:2] == per_sample[0][:2] == ["model", "sample"]
    assert {row[0] for row in per_class[1:] + per_sample[1:]} == {"'=甲"}  # text, no formula
    assert batch[0][0] == "model" and batch[1][:2] == ["'=甲", repr(
        controller.document.analysis.loss)]
    controller.document.rename_model(0, "Model 1")
    per_class, per_sample, batch = csv_blocks(exports.results_csv(controller.document.analysis))
    assert per_class[0][0] == "sample" and batch[0][0] == "batch loss"  # as it always was


def test_exporting_the_csv_writes_utf8_that_spreadsheets_read(controller, tmp_path):
    controller.document.replace(cat_dog_pig(classes=("猫", "狗", "猪")))
    path = tmp_path / "results.csv"
    assert controller.export_results(path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    assert "猫" in data.decode("utf-8-sig")
    assert data.decode("utf-8-sig") == exports.results_csv(controller.document.analysis)


def test_the_export_dialog_adds_the_file_type(controller, tmp_path, monkeypatch):
    monkeypatch.setattr(files, "ask_save_path", lambda *args: tmp_path / "results")
    next(a for a in controller.export_menu.actions() if "CSV" in a.text()).trigger()
    assert (tmp_path / "results.csv").is_file()


def test_a_failed_export_says_why(controller, tmp_path, warnings_shown):
    assert not controller.export_results(tmp_path / "missing folder" / "results.csv")
    assert "results.csv" in warnings_shown[0] and "No such file" in warnings_shown[0]


# --- plots as PNG and SVG --------------------------------------------------------------------

def test_plots_export_as_png_one_file_each_at_twice_the_size(controller, tmp_path):
    assert controller.export_plots("png", tmp_path / "lesson.png")
    for name in ("probabilities", "loss_curve"):
        data = (tmp_path / f"lesson-{name}.png").read_bytes()
        assert data.startswith(PNG_SIGNATURE)
        image = QImage.fromData(data)
        widget = controller.window.plots.plot_widgets[name.replace("_", " ")]
        width = widget.plotItem.sceneBoundingRect().width()
        assert image.width() == pytest.approx(2 * width, abs=2)


def test_plots_export_as_svg(controller, tmp_path):
    assert controller.export_plots("svg", tmp_path / "lesson.svg")
    for name in ("probabilities", "loss_curve"):
        document = xml.dom.minidom.parse(str(tmp_path / f"lesson-{name}.svg"))
        assert document.documentElement.tagName == "svg"
        assert document.getElementsByTagName("path") or document.getElementsByTagName("polyline")


def test_a_single_plot_is_written_to_the_chosen_name():
    assert exports.plot_paths(Path("a/b.png"), ["only"]) == {"only": Path("a/b.png")}
    assert exports.plot_paths(Path("b.svg"), ["x/y", "z"]) == {"x/y": Path("b-x_y.svg"),
                                                              "z": Path("b-z.svg")}


# --- the math as text ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["txt", "md"])
def test_the_math_exports_as_plain_text_and_markdown(controller, tmp_path, kind):
    path = tmp_path / f"math.{kind}"
    assert controller.export_math(kind, path)
    panel = StubMathPanel()
    expected = panel.markdown() if kind == "md" else panel.plain_text()
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize("kind, heading", [
    ("txt", "Model: 乙 *2*\n============\n\n"), ("md", "## Model: 乙 \\*2\\*\n\n")])
def test_the_math_of_one_of_several_models_starts_with_its_name(controller, tmp_path, kind,
                                                               heading):
    controller.document.replace(edits.rename_model(preset("two_models_one_truth.json"), 1,
                                                   "乙 *2*"))
    controller.document.select_model(1)
    path = tmp_path / f"math.{kind}"
    assert controller.export_math(kind, path)
    panel = StubMathPanel()
    expected = panel.markdown() if kind == "md" else panel.plain_text()
    assert path.read_text(encoding="utf-8") == heading + expected


# --- copy as code ----------------------------------------------------------------------------

def test_copy_as_code_of_several_models_is_the_shown_models_code_under_its_name(controller):
    controller.document.replace(preset("two_models_one_truth.json"))
    controller.document.select_model(1)
    controller.code_actions["sklearn"].trigger()
    code = QGuiApplication.clipboard().text()
    assert code.startswith("# Two models, one truth — 乙: the loss as scikit-learn computes it.")
    assert "0.7, 0.1, 0.2" in code and "0.5, 0.2, 0.3" not in code


@pytest.mark.parametrize("framework", code_snippets.FRAMEWORKS)
def test_copy_as_code_puts_the_snippet_on_the_clipboard(controller, framework):
    controller.code_actions[framework].trigger()
    assert QGuiApplication.clipboard().text() == snippet(framework, controller.document.analysis)


# --- the real main window --------------------------------------------------------------------

@pytest.fixture
def main_window(qtbot, tmp_path):
    from gui.shell.main_window import MainWindow

    window = MainWindow(Document(cat_dog_pig()))
    qtbot.addWidget(window)
    return window


def test_the_real_windows_exports_of_model_2_name_it(main_window, tmp_path, qtbot):
    window = main_window
    window.document.replace(preset("sklearn_log_loss.json"))
    window.document.select_model(1)
    assert window.files.export_math("md", tmp_path / "math.md")
    markdown = (tmp_path / "math.md").read_text(encoding="utf-8")
    assert markdown.startswith("## Model: Model 2\n\n")
    assert "The batch (Model 2)" in markdown and "0.6391" in markdown
    assert window.files.export_math("txt", tmp_path / "math.txt")
    text = (tmp_path / "math.txt").read_text(encoding="utf-8")
    assert text.startswith("Model: Model 2\n") and "Sample sample 1 (Model 2)" in text
    assert window.files.export_results(tmp_path / "results.csv")
    batch = csv_blocks((tmp_path / "results.csv").read_text(encoding="utf-8-sig"))[2]
    assert [row[:2] for row in batch[1:]] == [["Model 1", "1.3783888522474517"],
                                             ["Model 2", "0.6391075640678003"]]
    panel = window.show_code("sklearn")
    qtbot.waitUntil(lambda: panel.copy().startswith(
        "# scikit-learn log_loss: two models — Model 2: the loss as scikit-learn computes it."))
    assert "print(float(loss))  # expected: 0.6391075640678003" in panel.copy()


def test_the_main_window_title_shows_the_file_name_and_a_modified_mark(main_window, tmp_path):
    path = tmp_path / "lesson.json"
    path.write_text(engine.to_json(cat_dog_pig()), encoding="utf-8")
    assert main_window.files.open_path(path)
    assert main_window.windowTitle().startswith("lesson.json")
    assert not main_window.isWindowModified()
    main_window.document.set_cell(0, 0, 5.0)
    assert main_window.isWindowModified()
    assert main_window.files.save_to(tmp_path / "renamed.json")
    assert main_window.windowTitle().startswith("renamed.json")
    assert not main_window.isWindowModified()


def test_the_main_window_exports_every_plot_and_the_math(main_window, tmp_path):
    main_window.resize(1200, 800)
    assert main_window.files.export_plots("png", tmp_path / "plots.png")
    assert main_window.files.export_plots("svg", tmp_path / "plots.svg")
    for name in main_window.plots.plot_widgets:
        assert (tmp_path / f"plots-{name}.png").read_bytes().startswith(PNG_SIGNATURE)
        xml.dom.minidom.parse(str(tmp_path / f"plots-{name}.svg"))
    for kind in ("txt", "md"):
        assert main_window.files.export_math(kind, tmp_path / f"math.{kind}")
        assert (tmp_path / f"math.{kind}").read_text(encoding="utf-8").strip()
