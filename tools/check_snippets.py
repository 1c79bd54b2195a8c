"""Run every "Copy as code" snippet with the real libraries and check it prints our value.

    KERAS_BACKEND=torch /path/to/ref-venv/bin/python tools/check_snippets.py

The environment is the one of tools/record_convention_vectors.py (torch 2.13.0, keras 3.15.1,
scikit-learn 1.9.1, scipy; none of them is a dependency of the app or its tests). For every
preset, every case of tests/engine/data/convention_vectors.json and a few option variants, it
writes the PyTorch, Keras 3, tf.keras and scikit-learn snippets (gui/common/code_snippets.py),
runs each in a fresh interpreter and compares what it prints with engine.conventions (1e-9
relative; inf and nan must be the same). A snippet for a loss the library cannot express must
print nothing. Exits 1 if any snippet fails.

TensorFlow is not installed there. TensorFlow 2.16 and later spell Keras 3 as tf.keras, so the
tf.keras snippets run with ``tensorflow`` standing for the real Keras 3 (the torch backend),
``tf.reduce_mean``/``tf.reduce_sum`` being float64 reductions as TensorFlow's are. Keras itself is
never replaced.
"""

import json
import math
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402
from engine import edits  # noqa: E402
from engine.conventions import batch_loss  # noqa: E402
from gui.common import code_snippets  # noqa: E402

VECTORS = ROOT / "tests" / "engine" / "data" / "convention_vectors.json"
TENSORFLOW_ALIAS = '''"""tf.keras is Keras 3 in TensorFlow 2.16+: this stands for TensorFlow in the check."""
import keras
import torch


def reduce_mean(x):
    return torch.mean(torch.as_tensor(x))


def reduce_sum(x):
    return torch.sum(torch.as_tensor(x))
'''


def scenarios():
    """(name, scenario): the presets, the recorded edge cases, and option variants."""
    for path in sorted((ROOT / "resources" / "presets").glob("*.json")):
        preset = engine.from_json(path.read_text(encoding="utf-8"))
        for k, model in enumerate(preset.model_names):
            name = path.stem if len(preset.models) == 1 else f"{path.stem} · {model}"
            scenario = preset.model_scenario(k)
            yield name, scenario
            yield from variants(name, scenario)
    for case in json.loads(VECTORS.read_text(encoding="utf-8"))["cases"]:
        if "scenario" in case:
            data = case["scenario"]
            yield case["name"], engine.Scenario(
                classes=tuple(f"class {c}" for c in range(len(data["rows"][0]))),
                rows=data["rows"], targets=data["targets"], mode=data["mode"],
                input=data["input"], options=engine.Options(**data["options"]),
                title=case["name"])


def variants(name, scenario):
    n = len(scenario.classes)
    if n > 100:
        return
    if scenario.mode == "softmax" and scenario.input == "logits":
        yield f"{name} + smoothing, temperature, sum", edits.set_options(
            scenario, label_smoothing=0.1, temperature=2.0, reduction="sum")
        yield f"{name} + class weights, bits", edits.set_options(
            scenario, class_weights=tuple(1.0 + 0.5 * c for c in range(n)), log_base="2")
    if scenario.mode == "softmax" and scenario.input == "probabilities":
        yield f"{name} + class weights", edits.set_options(
            scenario, class_weights=tuple(1.0 + 0.5 * c for c in range(n)))
    if scenario.mode == "sigmoid":
        yield f"{name} + pos_weight, bits", edits.set_options(scenario, pos_weight=(2.0,) * n,
                                                               log_base="2")


def printed_value(result):
    """The float a snippet printed, None when it printed nothing, or its error."""
    if result.returncode:
        return result.stderr.strip().splitlines()[-1]
    text = result.stdout.strip()
    return float(text.splitlines()[-1]) if text else None


def agrees(printed, expected):
    if expected is None or printed is None:
        return printed is None and expected is None
    if isinstance(printed, str):
        return False
    if math.isnan(expected) or math.isinf(expected):
        return printed == expected or (math.isnan(printed) and math.isnan(expected))
    return abs(printed - expected) <= 1e-9 * max(abs(expected), 1e-300)


def main():
    failures = runs = 0
    with tempfile.TemporaryDirectory() as alias:
        (Path(alias) / "tensorflow").mkdir()
        (Path(alias) / "tensorflow" / "__init__.py").write_text(TENSORFLOW_ALIAS)
        env = {**os.environ, "KERAS_BACKEND": "torch", "PYTHONWARNINGS": "ignore"}
        for name, scenario in scenarios():
            analysis = engine.analyze(scenario)
            for spelling in code_snippets.SPELLINGS:
                library = code_snippets.LIBRARY[spelling]
                expected = batch_loss(scenario, library, analysis=analysis).loss
                code = code_snippets.snippet(spelling, analysis)
                path = env | ({"PYTHONPATH": alias} if spelling == "tf.keras" else {})
                result = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                        text=True, env=path, cwd=alias)
                printed = printed_value(result)
                ok = agrees(printed, expected)
                failures += not ok
                runs += 1
                print(f"{'ok ' if ok else 'BAD'} {spelling:9} {name}: printed {printed}, "
                      f"engine {expected!r}")
    print(f"{runs - failures} of {runs} snippets print the engine's value")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
