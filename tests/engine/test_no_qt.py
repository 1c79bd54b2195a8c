"""The engine works without Qt: importing and using it in a process where Qt cannot be imported."""

import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

# Runs in a fresh interpreter: a meta-path finder refuses every Qt package, then the engine is
# imported and used; the script prints what it found.
SCRIPT = textwrap.dedent("""
    import json, sys

    BLOCKED = set(json.loads(sys.argv[1]))

    class BlockQt:
        def find_spec(self, name, path=None, target=None):
            if name.partition(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked")
            return None

    sys.meta_path.insert(0, BlockQt())
    import engine

    scenario = engine.from_json(json.dumps({"format": "logit-lab", "version": 1,
                                            "classes": ["a", "b"], "rows": [[2.0, 0.0]],
                                            "targets": [0]}))
    loss = engine.analyze(scenario).loss
    try:
        import PySide6.QtCore
        blocker_works = False
    except ImportError:
        blocker_works = True
    loaded = sorted(m for m in sys.modules if m.partition(".")[0] in BLOCKED | {"gui"})
    print(json.dumps({"loss": loss, "blocker_works": blocker_works, "loaded": loaded}))
""")


@pytest.fixture(scope="module")
def report():
    """What the Qt-less process saw (run once for this module)."""
    result = subprocess.run([sys.executable, "-c", SCRIPT, json.dumps(QT_PACKAGES)], cwd=ROOT,
                            capture_output=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_engine_imports_and_computes_with_qt_blocked(report):
    assert report["blocker_works"] is True
    assert report["loss"] == pytest.approx(math.log1p(math.exp(-2.0)), rel=1e-15, abs=0)


def test_engine_loads_no_qt_or_gui_module(report):
    assert report["loaded"] == []
