"""Run by test_real_window.py (not a test itself): the real main window makes EDITS edits of
different cells of a ROWS x CLASSES table through its Document, then prints one JSON line: the
resident memory before and after and its peak (MB), the undo steps kept, and whether undoing
the last UNDOS of them gave back, bit for bit, the table before them. It stops editing early
when the memory has grown by more than STOP_MB (a history that keeps whole tables would fill
the machine).

    python tests/gui/undo_memory_app.py EDITS ROWS CLASSES UNDOS STOP_MB
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import main  # noqa: E402,F401 - the process settings the app starts with, before numpy
import numpy as np  # noqa: E402

import engine  # noqa: E402


def resident_mb():
    """The current and the peak resident memory of this process (VmRSS, VmHWM), in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return [int(fields[name].split()[0]) / 1024 for name in ("VmRSS", "VmHWM")]


def value(n):
    return float(n % 50) - 25.0


def edited_rows(rows, count):
    """The table after the first ``count`` edits."""
    rows = np.array(rows)
    n = np.arange(count)
    rows[n % rows.shape[0], (n // rows.shape[0]) % rows.shape[1]] = n % 50 - 25.0
    return rows


def run(edits, n_rows, n_classes, undos, stop_mb):
    from gui.shell.app import open_main_window

    app, window = open_main_window()
    rng = np.random.default_rng(0)
    start = engine.Scenario(classes=tuple(f"c{c}" for c in range(n_classes)),
                            rows=rng.normal(0, 2, (n_rows, n_classes)),
                            targets=rng.integers(0, n_classes, n_rows))
    document = window.document
    document.replace(start, None)
    # The plots and the math show the selected sample and wait while their docks are closed:
    # closed, 20,000 edits take half a minute instead of two. The tables stay on screen.
    for name in ("plots", "math"):
        window.docks[name].close()
    app.processEvents()
    before, _ = resident_mb()
    for n in range(edits):
        document.set_cell(n % n_rows, (n // n_rows) % n_classes, value(n))
        if n % 200 == 0:
            app.processEvents()  # paints, and any timer due (autosave)
            if resident_mb()[0] - before > stop_mb:
                edits = n + 1
                break
    app.processEvents()
    after, peak = resident_mb()
    steps = document.undo_stack.count()
    document.undo_stack.setIndex(steps - undos)
    undone = document.scenario.rows.tobytes() == edited_rows(start.rows, edits - undos).tobytes()
    print(json.dumps({"before_mb": before, "after_mb": after, "peak_mb": peak, "steps": steps,
                      "undo_exact": undone}))
    document.undo_stack.setClean()  # nothing to ask about on close
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(run(*map(int, sys.argv[1:6])))
