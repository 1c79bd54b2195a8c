"""File ▸ Export (results CSV, plots PNG/SVG, the math as text/Markdown), "copy as code" whose
snippets reproduce the engine's value, and the real main window's File menu."""

import contextlib
import csv
import io
import math
import sys
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
from gui.shell.resources import resource_path

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def cat_dog_pig(**changes):
    values = dict(classes=("cat", "dog", "pig"), samples=("photo 1", "photo 2", "photo 3"),
                  rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0], [1.2, 0.3, 2.2]], targets=[0, 1, 2])
    values.update(changes)
    return engine.Scenario(**values)


def preset(name):
    return engine.from_json(resource_path("presets", name).read_text(encoding="utf-8"))


def sigmoid():
    return edits.convert_mode(cat_dog_pig(), "sigmoid")


# Scenarios covering every branch of the code snippets: each option, each input and target kind.
CASES = {
    "plain": cat_dog_pig(),
    "temperature, weights, sum": edits.set_options(cat_dog_pig(), temperature=0.7,
                                                   class_weights=(1.0, 2.0, 0.5), reduction="sum"),
    "weights, mean": edits.set_options(cat_dog_pig(), class_weights=(1.0, 2.0, 0.5)),
    "ignore_index": edits.set_target(edits.set_options(
        cat_dog_pig(), ignore_index=-1, class_weights=(1.0, 2.0, 3.0)), 1, -1),
    "label smoothing, weights": edits.set_options(cat_dog_pig(), label_smoothing=0.2,
                                                  class_weights=(1.0, 2.0, 3.0)),
    "label smoothing, ignored": edits.set_target(
        edits.set_options(cat_dog_pig(), label_smoothing=0.2), 1, -100),
    "soft targets": cat_dog_pig(targets=[[0.5, 0.5, 0.0], [0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]),
    "soft targets, weights": edits.set_options(
        cat_dog_pig(targets=[[0.5, 0.5, 0.0], [0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]),
        class_weights=(2.0, 1.0, 0.5)),
    "bits": edits.set_options(cat_dog_pig(), log_base="2"),
    "probabilities": edits.convert_input(cat_dog_pig(), "probabilities"),
    "probabilities, smoothing": edits.set_options(
        edits.convert_input(cat_dog_pig(), "probabilities"), label_smoothing=0.1),
    "sigmoid, pos_weight, weights": edits.set_options(
        sigmoid(), pos_weight=(2.0, 1.0, 3.0), class_weights=(1.0, 0.5, 2.0), temperature=2.0),
    "sigmoid, soft labels, pos_weight, sum": edits.set_options(
        sigmoid().replace(targets=[[0.2, 1, 0], [0, 0.5, 1], [1, 1, 0.1]]),
        pos_weight=(2.0, 1.0, 3.0), reduction="sum"),
    "sigmoid, soft labels, weights": edits.set_options(
        sigmoid().replace(targets=[[0.2, 1, 0], [0, 0.5, 1], [1, 1, 0.1]]),
        class_weights=(2.0, 1.0, 3.0)),
    "sigmoid, probabilities": edits.convert_input(sigmoid(), "probabilities"),
    "sigmoid probabilities, pos_weight": edits.set_options(
        edits.convert_input(sigmoid(), "probabilities"), pos_weight=(3.0, 1.0, 1.0)),
}
CASES.update({name: preset(name) for name in (
    "cat_dog_pig.json", "sklearn_log_loss_model_1.json", "sklearn_log_loss_model_2.json",
    "two_models_one_truth.json", "binary_sigmoid.json", "binary_softmax.json",
    "chest_xray_multilabel.json", "next_token.json")})


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


# --- copy as code ----------------------------------------------------------------------------

@pytest.mark.parametrize("framework", code_snippets.FRAMEWORKS)
def test_copy_as_code_puts_the_snippet_on_the_clipboard(controller, framework):
    controller.code_actions[framework].trigger()
    assert QGuiApplication.clipboard().text() == snippet(framework, controller.document.analysis)


def run_snippet(code, **modules):
    """Execute a snippet (with ``modules`` standing in for packages); returns what it printed
    and its variables."""
    out = io.StringIO()
    namespace = {}
    saved = {name: sys.modules.get(name) for name in modules}
    sys.modules.update(modules)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(code, "<snippet>", "exec"), namespace)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name)
            else:
                sys.modules[name] = module
    return out.getvalue(), namespace


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_scikit_learn_snippet_computes_the_engines_value(name):
    analysis = engine.analyze(CASES[name])
    code = snippet("sklearn", analysis)
    assert "torch" not in code and "keras" not in code
    printed, namespace = run_snippet(code)
    assert namespace["loss"] == pytest.approx(analysis.loss, rel=1e-13)
    assert float(printed) == namespace["loss"]
    assert f"# Logit Lab computed: {analysis.loss!r} {analysis.unit}" in code


def test_the_scikit_learn_snippet_is_the_log_loss_call_for_the_log_loss_preset():
    code = snippet("sklearn", engine.analyze(preset("sklearn_log_loss_model_1.json")))
    assert "log_loss(targets, probabilities, labels=list(range(len(classes))), " \
           "normalize=True)" in code
    printed, _ = run_snippet(code)
    assert printed == "1.3783888522474517\n"


def fake_keras():
    """Keras 3's two losses as its documentation defines them, in numpy: enough to run the
    snippets and check their reshaping, weighting and dividing."""
    def log_probabilities(y_pred, from_logits):
        if from_logits:
            z = y_pred - y_pred.max(axis=-1, keepdims=True)
            return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
        p = y_pred / y_pred.sum(axis=-1, keepdims=True)
        return np.log(np.clip(p, keras.config.epsilon, 1 - keras.config.epsilon))

    class Loss:
        def __init__(self, from_logits=False, label_smoothing=0.0, reduction=None):
            assert reduction == "sum"
            self.from_logits, self.smoothing = from_logits, label_smoothing

        def __call__(self, y_true, y_pred, sample_weight=None):
            per_sample = self.per_sample(np.asarray(y_true, float), np.asarray(y_pred, float))
            weight = 1.0 if sample_weight is None else np.asarray(sample_weight)
            return float(np.sum(per_sample * weight))

    class CategoricalCrossentropy(Loss):
        def per_sample(self, y, z):
            y = y * (1 - self.smoothing) + self.smoothing / y.shape[-1]
            return -(y * log_probabilities(z, self.from_logits)).sum(axis=-1)

    class BinaryCrossentropy(Loss):
        def per_sample(self, y, z):
            if self.from_logits:
                log_p, log_q = -np.logaddexp(0, -z), -np.logaddexp(0, z)
            else:
                p = np.clip(z, keras.config.epsilon, 1 - keras.config.epsilon)
                log_p, log_q = np.log(p), np.log1p(-p)
            return -(y * log_p + (1 - y) * log_q).mean(axis=-1)

    keras = types.ModuleType("keras")
    keras.config = types.SimpleNamespace(epsilon=1e-7, floatx="float32")
    keras.config.set_floatx = lambda value: setattr(keras.config, "floatx", value)
    keras.config.set_epsilon = lambda value: setattr(keras.config, "epsilon", value)
    keras.losses = types.SimpleNamespace(CategoricalCrossentropy=CategoricalCrossentropy,
                                         BinaryCrossentropy=BinaryCrossentropy)
    return keras


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_keras_snippet_divides_and_weighs_as_pytorch_does(name):
    analysis = engine.analyze(CASES[name])
    code = snippet("keras", analysis)
    keras = fake_keras()
    _, namespace = run_snippet(code, keras=keras)
    assert keras.config.floatx == "float64"
    assert namespace["loss"] == pytest.approx(analysis.loss, rel=1e-12)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_pytorch_snippet_is_python_with_our_numbers_and_options(name):
    scenario = CASES[name]
    analysis = engine.analyze(scenario)
    code = snippet("pytorch", analysis)
    compile(code, "<pytorch>", "exec")
    assert f"# Logit Lab computed: {analysis.loss!r} {analysis.unit}" in code
    assert all(repr(value) in code for value in scenario.rows.ravel().tolist()[:50])
    options = scenario.options
    loss_class = {"softmax": ("CrossEntropyLoss", "NLLLoss"),
                  "sigmoid": ("BCEWithLogitsLoss", "BCELoss")}[scenario.mode]
    assert any(f"torch.nn.{name}(" in code for name in loss_class)
    assert f'reduction="{options.reduction}"' in code
    if options.class_weights is not None:
        assert f"weight=torch.tensor({list(options.class_weights)!r}" in code
    if options.pos_weight is not None:
        assert f"pos_weight=torch.tensor({list(options.pos_weight)!r}" in code
    if options.label_smoothing and scenario.mode == "softmax":
        assert f"label_smoothing={options.label_smoothing!r}" in code
    if options.temperature != 1.0 and scenario.input == "logits":
        assert f"logits / {options.temperature!r}" in code
    if options.log_base == "2":
        assert "math.log(2)" in code


def test_pytorch_snippet_of_the_classic_example_reads_naturally():
    code = snippet("pytorch", engine.analyze(cat_dog_pig()))
    assert "loss_fn = torch.nn.CrossEntropyLoss(reduction=\"mean\")\n" \
           "loss = loss_fn(logits, target)\n" in code
    assert "target = torch.tensor([0, 1, 2])" in code


def test_a_title_with_line_breaks_stays_one_comment():
    scenario = cat_dog_pig(title="Lesson\n2\u2028import os; os.remove('x')")
    for framework in code_snippets.FRAMEWORKS:
        code = snippet(framework, engine.analyze(scenario))
        assert code.splitlines()[0].startswith("# Lesson 2 import os")
        compile(code, framework, "exec")


def test_a_scenario_with_no_counted_sample_says_so():
    code = snippet("pytorch", engine.analyze(cat_dog_pig(targets=[-100, -100, -100])))
    assert "# Logit Lab computed: no value (no sample is counted)" in code


# --- the real main window --------------------------------------------------------------------

@pytest.fixture
def main_window(qtbot, tmp_path):
    from gui.shell.main_window import MainWindow

    window = MainWindow(Document(cat_dog_pig()))
    qtbot.addWidget(window)
    return window


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
