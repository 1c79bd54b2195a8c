"""``main.py --compute FILE [--json]``, run as a user runs it: a new process in the repo root."""

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import engine
import engine.training

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_KEYS = ("probabilities", "targets", "terms", "loss", "entropy", "kl", "cross_entropy",
               "gradient", "predicted", "correct", "ignored")
LESSON = {"format": "logit-lab", "version": 1, "title": "Cat, dog or pig?",
          "classes": ["cat", "dog", "pig"], "samples": ["photo 1", "photo 2"],
          "rows": [[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]], "targets": [0, 2]}
SCENARIOS = {
    "softmax logits": LESSON,
    "soft targets in bits": {**LESSON, "targets": [[0.7, 0.2, 0.1], [0.0, 0.5, 0.5]],
                             "options": {"temperature": 2.0, "log_base": "2",
                                         "label_smoothing": 0.1}},
    "sigmoid with weights": {**LESSON, "mode": "sigmoid", "targets": [[1, 0, 1], [0, 1, 0]],
                             "options": {"class_weights": [1.0, 2.0, 0.5],
                                         "pos_weight": [3.0, 1.0, 1.0], "reduction": "sum"}},
}


def run_cli(*args):
    """Run main.py in the C locale (so numbers print with a decimal point)."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, encoding="utf-8", timeout=120)


def write(tmp_path, content, name="lesson.json"):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content))
    return path


def test_compute_prints_a_report_with_the_loss(tmp_path):
    result = run_cli("--compute", write(tmp_path, LESSON))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Cat, dog or pig?\n")
    assert "Loss: 0.796739 nats (total 1.59348 / 2)" in result.stdout
    assert "Sample photo 1: loss 0.1291," in result.stdout
    assert "Sample photo 2: loss 1.464," in result.stdout


@pytest.mark.parametrize("scenario", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_compute_json_has_the_numbers_of_engine_analyze(tmp_path, scenario):
    path = write(tmp_path, scenario)
    result = run_cli("--compute", path, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    printed = json.loads(result.stdout)
    analysis = engine.analyze(engine.from_json(path.read_text()))
    assert printed["loss"] == analysis.loss
    assert len(printed["samples"]) == len(analysis.sample_loss)
    for n, sample in enumerate(printed["samples"]):
        expected = analysis.sample(n)
        assert {key: sample[key] for key in SAMPLE_KEYS} == {key: expected[key]
                                                             for key in SAMPLE_KEYS}


def test_compute_json_names_the_predicted_class_and_the_unit(tmp_path):
    printed = json.loads(run_cli("--compute", write(tmp_path, LESSON), "--json").stdout)
    assert [sample["predicted"] for sample in printed["samples"]] == ["cat", "dog"]
    assert (printed["unit"], printed["mode"], printed["classes"]) == ("nats", "softmax",
                                                                      ["cat", "dog", "pig"])


def test_compute_json_writes_an_infinite_loss_as_the_string_inf(tmp_path):
    certain_and_wrong = {**LESSON, "input": "probabilities",
                         "rows": [[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]]}
    printed = json.loads(run_cli("--compute", write(tmp_path, certain_and_wrong), "--json").stdout)
    assert printed["loss"] == "inf"
    assert printed["samples"][0]["terms"] == ["inf", 0.0, 0.0]


@pytest.mark.parametrize("content, problem", [
    (None, "no such file"),
    ('{"format": "logit-lab", "version": 1, "rows": [[1, 2]', "not valid JSON"),
    ({**LESSON, "rows": [[3.0, 1.0], [0.5, 2.0]]}, "rows have 2 columns but there are 3 classes"),
    ({**LESSON, "rows": [[3.0, 1.0, -3.0], [0.5, 2.0]]}, "row 2 has 2 values, row 1 has 3"),
    ({**LESSON, "rows": [[3.0, "x", -3.0], [0.5, 2.0, 1.0]]}, "row 1, column 'dog': 'x' is not a"),
    ({**LESSON, "rows": [[3.0, None, -3.0], [0.5, 2.0, 1.0]]}, "row 1, column 'dog': None is not"),
    (json.dumps(LESSON).replace("3.0", "NaN", 1), "NaN is not allowed"),
    ({**LESSON, "version": 7}, "newer Logit Lab (format version 7)"),
    (b"\xff\xfe not text", "not UTF-8 text"),
], ids=["missing file", "bad JSON", "wrong shape", "ragged rows", "text for a number",
        "null for a number", "NaN", "newer version", "not UTF-8"])
def test_a_bad_file_prints_one_line_naming_the_problem_and_exits_2(tmp_path, content, problem):
    path = tmp_path / "missing.json" if content is None else write(tmp_path, content)
    result = run_cli("--compute", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith("\n") and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith(f"logit-lab: {path}: ")
    assert problem in result.stderr
    assert "Traceback" not in result.stderr


def test_a_directory_instead_of_a_file_is_one_line_and_exit_2(tmp_path):
    result = run_cli("--compute", tmp_path, "--json")
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and "not a file" in result.stderr


@pytest.mark.parametrize("users_own, expected", [(None, "1"), ("2", "2")])
def test_main_keeps_openblas_to_one_thread_before_numpy_loads(users_own, expected):
    # The app's arrays are small: BLAS worker threads only add wake-ups (tools/bench.py).
    env = {key: value for key, value in os.environ.items() if key != "OPENBLAS_NUM_THREADS"}
    if users_own:
        env["OPENBLAS_NUM_THREADS"] = users_own  # a user's own setting wins
    probe = ("import sys, os, main; assert 'numpy' not in sys.modules; "
             "print(os.environ['OPENBLAS_NUM_THREADS'])")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,
                            capture_output=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


# --- terminals that are not UTF-8 ---------------------------------------------------------------

CAT_LESSON = {**LESSON, "title": "猫 or dog?", "classes": ["猫", "dog", "pig"]}
LOCALE_VARIABLES = ("LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_NUMERIC",
                    "PYTHONIOENCODING", "PYTHONUTF8", "LOCPATH")


@pytest.fixture(scope="module")
def latin1_locale(tmp_path_factory):
    """LOCPATH and LC_ALL of a real de_DE.ISO-8859-1 locale, compiled for the test (the machine
    may have none installed)."""
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(["localedef", "-i", "de_DE", "-f", "ISO-8859-1",
                           str(folder / "de_DE.ISO-8859-1")], capture_output=True, timeout=120) \
        if shutil.which("localedef") else None
    if made is None or not (folder / "de_DE.ISO-8859-1").is_dir():
        pytest.skip("localedef cannot make a de_DE.ISO-8859-1 locale here")
    return {"LOCPATH": str(folder), "LC_ALL": "de_DE.ISO-8859-1"}


def run_cli_bytes(environment, *args):
    """Run main.py with only ``environment``'s locale settings; stdout and stderr as bytes."""
    env = {key: value for key, value in os.environ.items() if key not in LOCALE_VARIABLES}
    env.update(environment)
    return subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)


WINDOWS_REDIRECTED = {"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "cp1252"}
# Python takes its encoding from PYTHONIOENCODING, Qt its language from LANG (compiling a
# GB18030 locale takes many seconds).
CHINESE_GB18030 = {"LANG": "zh_CN.GB18030", "PYTHONIOENCODING": "gb18030"}


def test_a_cp1252_terminal_gets_the_report_with_what_it_cannot_show_replaced(tmp_path):
    result = run_cli_bytes(WINDOWS_REDIRECTED, "--compute", write(tmp_path, CAT_LESSON))
    assert (result.returncode, result.stderr) == (0, b"")
    report = result.stdout.decode("cp1252")
    assert report.startswith("? or dog?\r\n" if os.name == "nt" else "? or dog?\n")
    assert "Loss: 0.796739 nats (total 1.59348 / 2)" in report
    assert "Sample photo 1: loss 0.1291, H(y) 0 + KL(y||p) 0.1291 = CE 0.1291, predicted ? v" \
        in report
    assert "Sample photo 2: loss 1.464," in report and "predicted dog x" in report


def test_a_latin1_locale_gets_the_report_and_no_warning_from_qt(tmp_path, latin1_locale):
    result = run_cli_bytes(latin1_locale, "--compute", write(tmp_path, CAT_LESSON))
    assert (result.returncode, result.stderr) == (0, b"")
    report = result.stdout.decode("latin-1")
    assert report.startswith("? or dog?\n")
    assert "H(y) 0 + KL(y||p) 0.1291 = CE 0.1291, predicted ? v" in report


@pytest.mark.parametrize("environment", ["cp1252", "latin-1", "gb18030"])
def test_json_is_utf8_whatever_the_terminal_encoding(tmp_path, request, environment):
    environment = {"cp1252": WINDOWS_REDIRECTED, "gb18030": CHINESE_GB18030}.get(environment) \
        or request.getfixturevalue("latin1_locale")
    result = run_cli_bytes(environment, "--compute", write(tmp_path, CAT_LESSON), "--json")
    assert (result.returncode, result.stderr) == (0, b"")
    assert '"猫"'.encode() in result.stdout
    printed = json.loads(result.stdout.decode("utf-8"))
    assert printed["classes"] == ["猫", "dog", "pig"]
    assert [sample["predicted"] for sample in printed["samples"]] == ["猫", "dog"]
    assert printed["loss"] == engine.analyze(engine.from_json(json.dumps(CAT_LESSON))).loss


@pytest.mark.parametrize("environment, encoding, expected", [
    (WINDOWS_REDIRECTED, "cp1252", "logit-lab: {folder}/?.json: there is no such file\n"),
    ({**WINDOWS_REDIRECTED, "LANG": "zh_CN.UTF-8", "LC_ALL": ""}, "cp1252",
     "logit-lab?{folder}/?.json??????\n"),
    (CHINESE_GB18030, "gb18030", "logit-lab：{folder}/猫.json：文件不存在\n"),
], ids=["cp1252", "cp1252 in Chinese", "gb18030"])
def test_an_error_is_one_line_in_the_terminal_encoding(tmp_path, environment, encoding, expected):
    result = run_cli_bytes(environment, "--compute", tmp_path / "猫.json")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode(encoding) == expected.format(folder=tmp_path)


def test_an_error_in_a_latin1_locale_is_one_line(tmp_path, latin1_locale):
    result = run_cli_bytes(latin1_locale, "--compute", tmp_path / "missing.json")
    assert (result.returncode, result.stdout) == (2, b"")
    assert result.stderr.decode("latin-1") == (f"logit-lab: {tmp_path / 'missing.json'}: "
                                               "there is no such file\n")
# --- --compute FILE --train STEPS [--lr LR] ----------------------------------------------------

BINARY = {"format": "logit-lab", "version": 1, "classes": ["spam"], "mode": "sigmoid",
          "samples": ["email 1", "email 2"], "rows": [[2.0], [-1.0]], "targets": [[1.0], [1.0]]}


def test_train_adds_the_losses_of_every_step_and_the_final_logits_to_the_json(tmp_path):
    path = write(tmp_path, {**LESSON, "options": {"label_smoothing": 0.1, "log_base": "2"}})
    result = run_cli("--compute", path, "--train", "20", "--lr", "0.5", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    printed = json.loads(result.stdout)
    scenario = engine.from_json(path.read_text())
    run = engine.training.train(scenario, 20, 0.5)
    assert printed["training"] == {"steps": 20, "lr": 0.5, "loss": run.losses.tolist(),
                                   "rows": run.scenario.rows.tolist()}
    assert len(printed["training"]["loss"]) == 21 and printed["unit"] == "bits"
    assert printed["loss"] == engine.analyze(scenario).loss  # the file's own results stay


def test_train_without_lr_takes_steps_of_1_and_the_report_says_where_the_loss_went(tmp_path):
    result = run_cli("--compute", write(tmp_path, BINARY), "--train", "3")
    assert (result.returncode, result.stderr) == (0, "")
    # By hand: z ← z − (σ(z) − 1)/2 per step for both emails; the loss is the mean −ln σ(z).
    z = np.array([2.0, -1.0])
    before = float(np.mean(-engine.log_sigmoid(z)))
    for _ in range(3):
        z = z - (engine.sigmoid(z) - 1.0) / 2
    after = float(np.mean(-engine.log_sigmoid(z)))
    assert (f"Training: 3 gradient steps on the logits, lr 1: loss {before:.6f} → "
            f"{after:.6f} nats") in result.stdout
    assert f"  email 2: logits {z[1]:.4g}\n" in result.stdout


@pytest.mark.parametrize("args, problem", [
    (["--train", "0"], "--train: STEPS must be a whole number from 1 to 100000, got '0'"),
    (["--train", "1.5"], "got '1.5'"),
    (["--train", "ten"], "got 'ten'"),
    (["--train", "5", "--lr", "0"], "--lr: LR must be a number greater than 0, got '0'"),
    (["--train", "5", "--lr", "-0.1"], "got '-0.1'"),
    (["--train", "5", "--lr", "nan"], "got 'nan'"),
    (["--lr", "0.5"], "--lr needs --train STEPS"),
], ids=["zero steps", "fractional steps", "text steps", "zero lr", "negative lr", "NaN lr",
        "lr without train"])
def test_bad_steps_or_lr_print_one_line_and_exit_2(tmp_path, args, problem):
    result = run_cli("--compute", write(tmp_path, BINARY), *args)
    assert (result.returncode, result.stdout) == (2, "")
    assert len(result.stderr.splitlines()) == 1 and problem in result.stderr


def test_probabilities_cannot_be_trained_one_line_exit_2(tmp_path):
    path = write(tmp_path, {**LESSON, "input": "probabilities",
                            "rows": [[0.7, 0.2, 0.1], [0.2, 0.3, 0.5]]})
    result = run_cli("--compute", path, "--train", "5")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"logit-lab: {path}: probabilities cannot be trained: only logits " \
                            f"take a gradient step\n"


def test_train_needs_compute():
    result = run_cli("--train", "5")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "logit-lab: --train and --lr need --compute FILE\n"
# --- --convention (issue 17) ------------------------------------------------------------------

ISSUE_EXAMPLE = {"format": "logit-lab", "version": 1, "classes": ["cat", "dog"],
                 "samples": ["photo 1", "photo 2"], "input": "probabilities",
                 "rows": [[0.0, 1.0], [0.5, 0.5]], "targets": [0, 0]}
RECORDED = json.loads((ROOT / "tests" / "engine" / "data" / "convention_vectors.json")
                      .read_text(encoding="utf-8"))["cases"]


def recorded_case(name):
    """A hand-made case of tools/record_convention_vectors.py as a scenario file."""
    case = next(case for case in RECORDED if case["name"] == name)
    scenario = case["scenario"]
    data = {"format": "logit-lab", "version": 1,
            "classes": [f"class {c}" for c in range(len(scenario["rows"][0]))], **scenario}
    return data, case["conventions"]


def test_convention_keras_prints_the_call_the_loss_and_the_clip(tmp_path):
    result = run_cli("--compute", write(tmp_path, ISSUE_EXAMPLE), "--convention", "keras")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Convention: Keras\n"
        "Call:\n"
        "  y_true = keras.utils.to_categorical(target, num_classes=2)\n"
        "  keras.ops.sum(keras.losses.categorical_crossentropy(y_true, probabilities))"
        " / len(target)\n"
        "Loss: 8.40562 nats (textbook: ∞)\n"
        "Sample photo 1: loss 16.12\n"
        "Sample photo 2: loss 0.6931\n"
        "Rule: p clipped to [1e-07, 0.9999999] (samples photo 1)\n")


@pytest.mark.parametrize("name", ["p = 0 for the true class, then p = 0.5",
                                  "sigmoid: p = 0, p = 1 and p below e^-100"])
@pytest.mark.parametrize("library", ["pytorch", "keras", "sklearn"])
def test_convention_json_is_the_recorded_librarys_value(tmp_path, name, library):
    scenario, recorded = recorded_case(name)
    result = run_cli("--compute", write(tmp_path, scenario), "--convention", library, "--json")
    assert (result.returncode, result.stderr) == (0, "")
    printed = json.loads(result.stdout)
    expected = recorded[library]
    assert printed["convention"] == library
    assert as_float(printed["loss"]) == pytest.approx(as_float(expected["loss"]), rel=1e-9)
    assert [as_float(s["loss"]) for s in printed["samples"]] == pytest.approx(
        [as_float(v) for v in expected["sample_loss"]], rel=1e-9)


def as_float(value):
    """A number of the JSON output, where infinities and NaN are written as strings."""
    return float(value)


def test_convention_textbook_is_todays_output(tmp_path):
    path = write(tmp_path, LESSON)
    assert run_cli("--compute", path, "--convention", "textbook").stdout == \
        run_cli("--compute", path).stdout


def test_a_loss_the_library_cannot_express_is_one_line_and_exit_2(tmp_path):
    weighted = {**LESSON, "options": {"class_weights": [1.0, 2.0, 0.5]}}
    path = write(tmp_path, weighted)
    result = run_cli("--compute", path, "--convention", "keras")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"logit-lab: {path}: Keras cannot compute this loss: it takes no " \
                            f"class weights\n"


@pytest.mark.parametrize("args, problem", [
    (("--convention", "keras"), "--convention needs --compute FILE"),
    (("--compute", "x.json", "--convention", "jax"), "invalid choice: 'jax'"),
])
def test_a_wrong_convention_is_an_error_with_exit_2(args, problem):
    result = run_cli(*args)
    assert (result.returncode, result.stdout) == (2, "")
    assert problem in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("changes, problem", [
    ({"classes": ["\ud800", "b", "c"]}, "classes[0]: '\\ud800' holds half of a UTF-16 surrogate"),
    ({"classes": ["x" * 100_000, "b", "c"]},
     "classes[0] is 100,000 characters long; at most 200 are allowed"),
    ({"targets": [10**30, 0]}, "target of row 1: 1e+30 is not a class index from 0 to 2"),
], ids=["lone surrogate", "long name", "huge target index"])
def test_a_hostile_file_is_one_line_naming_the_field_not_a_traceback(tmp_path, changes, problem):
    path = write(tmp_path, json.dumps({**LESSON, **changes}))  # "\ud800" as an escape, as JSON has it
    result = run_cli("--compute", path)
    assert (result.returncode, result.stdout, "Traceback" in result.stderr) == (2, "", False)
    assert result.stderr.startswith(f"logit-lab: {path}: {problem}")
    assert len(result.stderr.splitlines()) == 1


# --- several models (issue 15) -----------------------------------------------------------------

PHOTOS = {"format": "logit-lab", "version": 2, "title": "Photos", "classes": ["cat", "dog", "pig"],
          "input": "probabilities", "targets": [2, 1, 0],
          "models": [{"name": "Model 1", "rows": [[0.3, 0.3, 0.4], [0.3, 0.4, 0.3],
                                                  [0.1, 0.2, 0.7]]},
                     {"name": "Model 2", "rows": [[0.1, 0.2, 0.7], [0.1, 0.7, 0.2],
                                                  [0.3, 0.4, 0.3]]}]}


def test_compute_json_gives_every_models_numbers_and_the_first_at_the_top(tmp_path):
    result = run_cli("--compute", write(tmp_path, PHOTOS), "--json")
    assert (result.returncode, result.stderr) == (0, "")
    printed = json.loads(result.stdout)
    assert [m["name"] for m in printed["models"]] == ["Model 1", "Model 2"]
    assert [m["loss"] for m in printed["models"]] == [1.3783888522474517, 0.6391075640678003]
    assert set(printed["models"][1]) == {"name", "loss", "total", "divisor", "samples"}
    assert printed["models"][1]["samples"][2]["loss"] == -np.log(0.3)
    for key in ("loss", "total", "divisor", "samples"):  # what scripts read today
        assert printed[key] == printed["models"][0][key]


def test_compute_json_of_one_model_lists_it_under_models_too(tmp_path):
    printed = json.loads(run_cli("--compute", write(tmp_path, LESSON), "--json").stdout)
    assert printed["models"] == [{"name": "Model 1", **{key: printed[key] for key in (
        "loss", "total", "divisor", "samples")}}]


def test_the_report_shows_each_models_loss_and_which_is_lower(tmp_path):
    result = run_cli("--compute", write(tmp_path, PHOTOS))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[:5] == [
        "Photos", "Mode: softmax, input: probabilities, reduction: mean",
        "Model 1: loss 1.37839 nats (total 4.13517 / 3)",
        "Model 2: loss 0.639108 nats (total 1.91732 / 3)  ← lowest",
        "Lowest loss: Model 2 (lower is better)"]
    assert "— Model 2 —" in lines and lines.count("Sample #3: loss 1.204, H(y) 0 + KL(y‖p) "
                                                  "1.204 = CE 1.204, predicted dog ✗") == 1


def test_a_lone_model_with_a_name_of_its_own_is_named_as_its_file_keeps_it(tmp_path):
    lone = {**PHOTOS, "models": [{**PHOTOS["models"][1], "name": "甲"}]}
    path = write(tmp_path, lone)
    lines = run_cli("--compute", path).stdout.splitlines()
    assert lines[2] == "甲: loss 0.639108 nats (total 1.91732 / 3)"
    assert not any(line.startswith(("Loss:", "Lowest")) for line in lines)
    assert json.loads(run_cli("--compute", path, "--json").stdout)["models"][0]["name"] == "甲"
    report = run_cli("--compute", path, "--convention", "sklearn").stdout
    assert report.startswith("— 甲 —\nPhotos\nConvention: scikit-learn\n")
    default = {**lone, "models": [{**lone["models"][0], "name": "Model 1"}]}
    lines = run_cli("--compute", write(tmp_path, default)).stdout.splitlines()
    assert lines[2] == "Loss: 0.639108 nats (total 1.91732 / 3)"  # as a version-1 file's


def test_a_file_with_a_bad_model_is_one_line_naming_the_model_and_exit_2(tmp_path):
    bad = {**PHOTOS, "models": [PHOTOS["models"][0], {"name": "Model 2", "rows": [[0.5] * 3]}]}
    result = run_cli("--compute", write(tmp_path, bad))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.endswith("model 'Model 2': 1 × 3 values, but model 'Model 1' has "
                                  "3 × 3: every model has a row per sample\n")
    assert len(result.stderr.splitlines()) == 1


def test_train_trains_every_model(tmp_path):
    logits = {**PHOTOS, "input": "logits"}
    result = run_cli("--compute", write(tmp_path, logits), "--train", "2", "--json")
    printed = json.loads(result.stdout)
    scenario = engine.from_json(json.dumps(logits))
    for k, entry in enumerate(printed["models"]):
        run = engine.training.train(scenario.model_scenario(k), 2, 1.0)
        assert entry["training"]["loss"] == run.losses.tolist()
    assert printed["training"] == printed["models"][0]["training"]
    report = run_cli("--compute", write(tmp_path, logits), "--train", "2").stdout
    assert report.count("Training: 2 gradient steps on the logits") == 2


def test_a_convention_gives_every_models_loss(tmp_path):
    path = write(tmp_path, PHOTOS)
    printed = json.loads(run_cli("--compute", path, "--convention", "sklearn", "--json").stdout)
    assert [m["loss"] for m in printed["models"]] == [1.3783888522474517, 0.6391075640678003]
    assert printed["loss"] == 1.3783888522474517
    report = run_cli("--compute", path, "--convention", "sklearn").stdout
    assert report.startswith("— Model 1 —\nPhotos\nConvention: scikit-learn\n")
    assert "— Model 2 —\nConvention: scikit-learn\n" in report


# --- --check-lesson FILE -----------------------------------------------------------------------

LESSONS = sorted((ROOT / "resources" / "lessons").glob("*.json"))
A_LESSON = {"format": "logit-lab-lesson", "version": 1, "title": {"en": "Softmax", "zh_CN": "软"},
            "steps": [{"title": {"en": "One", "zh_CN": "一"}, "text": {"en": "x", "zh_CN": "一"},
                       "example": "cat_dog_pig"},
                      {"title": {"en": "Two", "zh_CN": "二"}, "text": {"en": "x", "zh_CN": "二"},
                       "scenario": LESSON, "question": {
                           "text": {"en": "p?", "zh_CN": "p？"}, "why": {"en": "x", "zh_CN": "二"},
                           "number": {"quantity": "probability", "sample": "photo 1",
                                      "class": "dgo"}}}]}


@pytest.mark.parametrize("path", LESSONS, ids=lambda path: path.stem)
def test_check_lesson_accepts_every_bundled_lesson(path):
    result = run_cli("--check-lesson", path)
    assert (result.returncode, result.stderr) == (0, "")
    lesson = engine.lessons.read_lesson(path.read_text(encoding="utf-8"), {
        p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "resources" / "presets").glob("*")})
    assert result.stdout == (f"{path}: {lesson.title['en']}: {len(lesson.steps)} steps, "
                             f"{lesson.question_count} questions\n")


def test_check_lesson_names_the_step_and_the_problem_in_one_line(tmp_path):
    path = write(tmp_path, A_LESSON)
    result = run_cli("--check-lesson", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"logit-lab: {path}: step 2: question.number.class: 'dgo' is not "
                             f"one of the classes ('cat', 'dog', 'pig')\n")


def test_check_lesson_says_a_steps_scenario_problem_as_compute_does(tmp_path):
    broken = copy.deepcopy(A_LESSON)
    broken["steps"][1]["scenario"] = {**LESSON, "rows": [[3.0, "x", 1.0], [0.5, 2.0, 1.0]]}
    path = write(tmp_path, broken)
    result = run_cli("--check-lesson", path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"logit-lab: {path}: step 2: scenario: row 1, column 'dog': 'x' is "
                             f"not a number\n")


@pytest.mark.parametrize("content, problem", [
    (None, "there is no such file"),
    ("{", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
    ({**A_LESSON, "version": 3}, "version: the lesson was written for a newer Logit Lab"),
    ({**A_LESSON, "format": "logit-lab"}, "format: not a Logit Lab lesson"),
])
def test_check_lesson_refuses_a_broken_file_in_one_line(tmp_path, content, problem):
    path = tmp_path / "missing.json" if content is None else write(tmp_path, content)
    result = run_cli("--check-lesson", path)
    assert (result.returncode, result.stdout, "Traceback" in result.stderr) == (2, "", False)
    assert result.stderr.startswith(f"logit-lab: {path}: {problem}")
    assert len(result.stderr.splitlines()) == 1
