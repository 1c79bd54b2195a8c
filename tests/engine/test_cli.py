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
