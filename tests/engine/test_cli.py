"""``main.py --compute FILE [--json]``, run as a user runs it: a new process in the repo root."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import engine

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
