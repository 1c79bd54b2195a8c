"""Run the "Copy as code" PyTorch snippets with real PyTorch and compare with our engine.

    /path/to/venv-with-torch/bin/python tools/check_snippets_with_torch.py

torch is not a dependency of the app or the tests (see record_torch_vectors.py for the venv):
this is a check to run by hand after changing gui/code_snippets.py. It runs every preset (but
the large vocabulary) plus a variant with weights, label smoothing, temperature, pos_weight
and bits, and exits 1 if any snippet prints another value.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engine  # noqa: E402
from engine import edits  # noqa: E402
from gui.common import code_snippets  # noqa: E402
from gui.shell.scenario_file import read_scenario  # noqa: E402


def variants(scenario):
    yield scenario
    n = len(scenario.classes)
    if scenario.mode == "softmax" and scenario.input == "logits":
        yield edits.set_options(scenario, label_smoothing=0.1, temperature=2.0, reduction="sum",
                                class_weights=tuple(1.0 + 0.5 * c for c in range(n)))
    if scenario.mode == "sigmoid":
        yield edits.set_options(scenario, pos_weight=(2.0,) * n, log_base="2")


def main():
    failures = 0
    for path in sorted((ROOT / "resources" / "presets").glob("*.json")):
        scenario = read_scenario(path)
        if len(scenario.classes) > 100:
            continue
        for variant in variants(scenario):
            analysis = engine.analyze(variant)
            result = subprocess.run([sys.executable, "-c",
                                     code_snippets.snippet("pytorch", analysis)],
                                    capture_output=True, text=True)
            printed = float(result.stdout.split()[-1]) if result.returncode == 0 else None
            ok = printed is not None and abs(printed - analysis.loss) <= 1e-9 * max(1.0, analysis.loss)
            failures += not ok
            print(f"{'ok ' if ok else 'BAD'} {path.name}: torch {printed}, Logit Lab {analysis.loss!r}")
            if result.returncode:
                print(result.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
