"""Edit-to-repaint latency: one cell edit through the engine and every view, painted.

    .venv/bin/python tools/bench.py [--repeats 30]

For each table size it edits one logit ``repeats`` times (alternating values), each time
waiting until every view has updated and Qt has painted (offscreen), and prints the median.
Targets: <= 16 ms (one 60 Hz frame), <= 50 ms for the 1 x 50,000 vocabulary.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

import engine  # noqa: E402

SIZES = [((4, 3), 16.0), ((32, 10), 16.0), ((64, 1000), 16.0), ((1, 50_000), 50.0)]


def scenario(n_rows, n_classes, seed=0):
    rng = np.random.default_rng(seed)
    return engine.Scenario(classes=tuple(f"c{c}" for c in range(n_classes)),
                           rows=rng.normal(0, 2, (n_rows, n_classes)),
                           targets=rng.integers(0, n_classes, n_rows))


def measure(app, window, shape, repeats):
    """Median and spread, in ms, of edit → all views updated → painted."""
    window.document.replace(scenario(*shape), None)
    app.processEvents()
    times = []
    for i in range(repeats + 2):
        start = time.perf_counter()
        window.document.set_cell(0, 0, float(i % 7) - 3.0)
        app.processEvents()
        elapsed = (time.perf_counter() - start) * 1000
        if i >= 2:  # the first edits after a reset warm caches
            times.append(elapsed)
    return statistics.median(times), min(times), max(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    from gui.app import create_application, create_main_window

    app = create_application()
    window = create_main_window()
    window.resize(1600, 1000)
    window.show()
    print(f"{'size':>10} {'median ms':>10} {'min':>8} {'max':>8} {'target':>8}  ok")
    all_ok = True
    for shape, target in SIZES:
        median, low, high = measure(app, window, shape, args.repeats)
        ok = median <= target
        all_ok &= ok
        size = f"{shape[0]}x{shape[1]}"
        print(f"{size:>10} {median:>10.2f} {low:>8.2f} {high:>8.2f} {target:>8.0f}  "
              f"{'yes' if ok else 'NO'}")
    window.document.undo_stack.setClean()
    window.close()
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
