"""Edit-to-repaint latency: one cell edit through the engine and every view, painted.

    .venv/bin/python tools/bench.py [--repeats 30] [--rounds 3] [--size 4x3] [--train 64x1000]
                                    [--models 64x1000] [--profile 4x3]

For each table size it edits one logit ``repeats`` times (alternating values) and times each edit
from ``Document.set_cell`` until every view has updated and Qt has painted it (offscreen: into
the window's backing store, as on screen but without the compositor). The sizes take turns, in
``rounds`` rounds of repeats / rounds edits each: a slow spell of a shared machine then falls on
every size alike, not on whichever size it happened to meet. It prints the median, the
split between the edit itself (engine and every view's Python update) and the event loop (layout
and paint), the GUI thread's CPU time per edit (on a machine shared with other work, compare
code by it: the latency also counts the time other processes had the CPU), and how often each
view painted per edit: a plot whose numbers changed must paint exactly once, so a number cannot
come from a view that skipped or deferred its paint.
Targets: <= 16 ms (one 60 Hz frame), <= 50 ms for the 1 x 50,000 vocabulary.

"train RxC" rows time a frame of Play in the Learn panel instead: what one tick of its timer
does (LearnPanel.step: one gradient step on every logit, engine.training.step given the
analysis the Document has, applied as a Document edit that merges into the run's one undo step,
and the run's curves), until painted. Every row changes, so every view repaints, the Learn
panel's curves too (the input table only where a number in sight reads differently). At 30
steps a second a frame has 33 ms; the target is the same 16 ms as a cell edit. The steps come
as Play's ticks do, 1/30 s apart, the event loop idling in between as Play's does: Play takes
the engine's part of the next step (the step and its analysis: ~2 ms at 64 x 1000) once the
last step is painted and the loop is idle (gui/views/learn/ahead.py); the tick applies it, so
a frame timed is the views' work. After the table, Play itself runs for PLAY_SECONDS at PLAY_SPEED steps a second on
the same table: the steps it took, the ticks it skipped because the last step was not yet
painted (Play never queues steps behind paints), and the median time from a tick's step to the
event loop's next idle moment (the frame painted, timed inside Play itself), and the share of
those frames within the target.

"2 models RxC" rows time a cell edit in the second of two models of that size, shown: the
views show the edited model, and the other model's numbers are not computed again. Target
16 ms. By default the cell-edit sizes, "train 64x1000" and "2 models 64x1000" run; --size,
--train or --models alone run only the rows asked for.

The window runs with empty, temporary settings (English unless --language; the first-start
layout, resized to 1600 x 1000): the user's own settings neither change the numbers nor get
overwritten. --profile RxC prints where the time of those edits goes instead.
"""

import argparse
import atexit
import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import main  # noqa: E402,F401 - the process settings the app starts with, before numpy
import numpy as np  # noqa: E402

import engine  # noqa: E402

SIZES = [((4, 3), 16.0), ((32, 10), 16.0), ((64, 1000), 16.0), ((1, 50_000), 50.0)]
TRAIN_SIZES = [((64, 1000), 16.0)]
MODEL_SIZES = [((64, 1000), 16.0)]
TRAIN_LR = 1.0
PLAY_SPEED = 30
PLAY_SECONDS = 3.0
WINDOW_SIZE = (1600, 1000)
# How each kind of row names its size.
CASE_PREFIXES = {"edit": "", "train": "train ", "models": "2 models "}
# An edit is done when this many event-loop passes in a row paint nothing.
QUIET_PASSES = 2


def scenario(n_rows, n_classes, seed=0, models=1):
    rng = np.random.default_rng(seed)
    targets = rng.integers(0, n_classes, n_rows)
    tables = [rng.normal(0, 2, (n_rows, n_classes)) for _ in range(models)]
    return engine.Scenario(classes=tuple(f"c{c}" for c in range(n_classes)), targets=targets,
                           models=tuple(engine.Model(f"Model {m + 1}", rows)
                                        for m, rows in enumerate(tables)))


def parse_size(text):
    rows, _, classes = text.lower().partition("x")
    return int(rows), int(classes)


def isolate_settings(language):
    """Point QSettings at a fresh temporary folder (before the QApplication exists), removed
    at exit."""
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="logitlab-bench-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["XDG_CONFIG_HOME"] = os.path.join(folder, "config")
    os.environ["XDG_DATA_HOME"] = os.path.join(folder, "data")
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, os.path.join(folder, "settings"))
    if language:
        from gui.shell import i18n
        from gui.shell.app import APPLICATION, ORGANIZATION

        settings = QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANIZATION, APPLICATION)
        settings.setValue(i18n.SETTINGS_KEY, language)
        settings.sync()


def make_paint_counter():
    from PySide6.QtCore import QEvent, QObject

    class PaintCounter(QObject):
        """Counts paint events per watched widget (an event filter; it changes nothing)."""

        def __init__(self):
            super().__init__()
            self.names = {}
            self.counts = {}

        def watch(self, name, widget):
            self.names[widget] = name
            self.counts[name] = 0
            widget.installEventFilter(self)

        def total(self):
            return sum(self.counts.values())

        def reset(self):
            self.counts = dict.fromkeys(self.counts, 0)

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                name = self.names.get(watched)
                if name is not None:
                    self.counts[name] += 1
            return False

    return PaintCounter()


def watch_views(counter, window):
    for name, widget in window.plots.plot_widgets.items():
        counter.watch(name, widget.viewport())
    counter.watch("math", window.math_panel.view.viewport())
    counter.watch("input", window.input_table.view.viewport())
    counter.watch("samples", window.results.samples_view.viewport())
    counter.watch("classes", window.results.classes_view.viewport())


def expected_paints(window, row, column):
    """The views whose picture changes when the true-class logit of the selected sample is
    edited: each must paint once per edit. (The class table is not among them: it repaints
    only the numbers in sight that read differently, and with 1000 classes an edit of one
    logit can leave every number in sight as it read; it may still paint at most once.)"""
    expected = {"logits", "probabilities", "terms", "gradient", "nll", "sweep", "math",
                "samples"}
    if window.document.scenario.mode == "sigmoid":
        expected.add("sigmoid")
    view = window.input_table.view
    if view.viewport().rect().intersects(view.visualRect(view.model().index(row, column))):
        expected.add("input")  # the edited cell is in sight (else it is scrolled away)
    return expected


def drain(app, counter):
    """Run the event loop until it stops painting; returns when the last paint finished: the
    wall-clock time and the GUI thread's CPU time then."""
    app.processEvents()
    done = time.perf_counter(), time.thread_time()
    quiet = 0
    while quiet < QUIET_PASSES:
        before = counter.total()
        app.processEvents()
        if counter.total() != before:
            done = time.perf_counter(), time.thread_time()
            quiet = 0
        else:
            quiet += 1
    return done


def edits_of(window, shape, repeats, models=1):
    """Load a scenario of ``shape`` (with ``models`` models, the last one shown) and return the
    edits to time: (row, column, value)."""
    window.document.replace(scenario(*shape, models=models), None)
    window.document.select_model(models - 1)
    window.document.select_sample(0)
    # The true class of sample 0 is on every plot (a target class is always shown).
    column = int(window.document.scenario.targets[0])
    return [(0, column, float(i % 7) - 3.0) for i in range(repeats + 2)]


def cell_edits(window, shape, repeats):
    """The cell edits to time, as calls, and the views each must repaint."""
    edits = edits_of(window, shape, repeats)
    calls = [lambda edit=edit: window.document.set_cell(*edit) for edit in edits]
    return calls, expected_paints(window, *edits[0][:2])


def model_edits(window, shape, repeats):
    """Cell edits in the second of two models, and the views each must repaint."""
    edits = edits_of(window, shape, repeats, models=2)
    # A second model brings the compare view to the front, over the plots: these edits are
    # timed with the plots in sight, as when the user goes back to them to edit.
    window.docks["plots"].raise_()
    calls = [lambda edit=edit: window.document.set_cell(*edit) for edit in edits]
    return calls, expected_paints(window, *edits[0][:2])


def training_steps(window, shape, repeats):
    """The ticks of Play (one merged undo step), and the views to repaint."""
    document = window.document
    document.replace(scenario(*shape), None)
    document.select_sample(0)
    window.learn.lr.setValue(TRAIN_LR)
    column = int(document.scenario.targets[0])
    # The input table repaints only the cells in sight whose text changes: a step moves most
    # logits below the fourth digit shown. Sample 0's true-class logit changes in sight.
    expected = expected_paints(window, 0, column) | {"learn"}
    return [window.learn.step] * (repeats + 2), expected


def wait_for_tick(since):
    """Run the event loop as Play's runs between two ticks (it paints, then idles, blocking)
    until 1 / PLAY_SPEED s after ``since``."""
    from PySide6.QtCore import QEventLoop, QTimer

    left_ms = round((since + 1 / PLAY_SPEED - time.perf_counter()) * 1000)
    if left_ms > 0:
        loop = QEventLoop()
        QTimer.singleShot(left_ms, loop.quit)
        loop.exec()


def play(app, window, counter, shape):
    """Play at PLAY_SPEED steps a second for PLAY_SECONDS on a table of ``shape``: (steps
    taken, ticks skipped, seconds, the median ms from a tick's step to the event loop's next
    idle moment: everything the tick set off, painted)."""
    from PySide6.QtCore import QAbstractEventDispatcher, QEventLoop, QTimer

    learn = window.learn
    frames, tick = [], {}
    step = learn.step

    def timed_step():
        tick.update(time=time.perf_counter(), paints=counter.total())
        return step()

    def idle():
        # (The loop may idle between the step and its paint: the window's update comes from
        # a timer the step started. The frame is done when the loop idles after painting.)
        if tick and counter.total() > tick["paints"]:
            frames.append((time.perf_counter() - tick.pop("time")) * 1000)
            tick.clear()

    learn.step = timed_step  # (Play's timer calls self.step())
    dispatcher = QAbstractEventDispatcher.instance()
    dispatcher.aboutToBlock.connect(idle)
    window.document.replace(scenario(*shape), None)
    learn.lr.setValue(TRAIN_LR)
    learn.speed.setValue(PLAY_SPEED)
    app.processEvents()
    loop = QEventLoop()
    QTimer.singleShot(int(PLAY_SECONDS * 1000), loop.quit)
    skipped = learn.skipped_ticks
    start = time.perf_counter()
    learn.play()
    loop.exec()
    learn.pause()
    seconds = time.perf_counter() - start
    dispatcher.aboutToBlock.disconnect(idle)
    del learn.step
    return learn.steps, learn.skipped_ticks - skipped, seconds, frames[2:]


def measure(app, window, counter, case, repeats):
    """Times in ms of edit → all views updated → painted ({"edit", "paint", "total", "cpu"}:
    lists, one number per edit), the paints per view per edit, and the views expected to
    paint. ``case`` is ("edit", "train" or "models", shape)."""
    kind, shape = case
    if kind == "train" and "learn" not in counter.counts:
        counter.watch("learn", window.learn.chart.widget.viewport())  # (a cell edit leaves it)
    make = {"edit": cell_edits, "train": training_steps, "models": model_edits}[kind]
    calls, expected = make(window, shape, repeats)
    drain(app, counter)
    times = {"edit": [], "paint": [], "total": [], "cpu": []}
    paints = {name: [] for name in counter.counts}
    for i, call in enumerate(calls):
        counter.reset()
        start, start_cpu = time.perf_counter(), time.thread_time()
        call()
        edited = time.perf_counter()
        done, done_cpu = drain(app, counter)
        if kind == "train":
            wait_for_tick(start)  # the next step comes at the next tick, as in Play
        if i < 2:  # the first edits after a reset warm caches
            continue
        times["edit"].append((edited - start) * 1000)
        times["paint"].append((done - edited) * 1000)
        times["total"].append((done - start) * 1000)
        times["cpu"].append((done_cpu - start_cpu) * 1000)
        for name, count in counter.counts.items():
            paints[name].append(count)
    return times, paints, expected


def in_rounds(app, window, counter, cases, repeats, rounds):
    """measure() each case in turn, ``rounds`` times, about repeats / rounds edits a time.
    Returns {case: (times as measure() gives them, with "ref": ms per round; paints,
    expected)}."""
    results = {case: ({"ref": []}, {}, set()) for case in cases}
    for turn in range(rounds):
        count = repeats // rounds + (turn < repeats % rounds)
        for case in cases:
            times, paints, expected = results[case]
            times["ref"].append(calibration_ms())
            new_times, new_paints, expected_now = measure(app, window, counter, case, count)
            for kind, values in new_times.items():
                times.setdefault(kind, []).extend(values)
            for name, counts in new_paints.items():
                paints.setdefault(name, []).extend(counts)
            expected |= expected_now
    return results


def check_paints(expected, paints):
    """Problems with the paint counts: a changed view that did not paint once per edit, or
    any view that painted more than once."""
    problems = []
    for name, counts in paints.items():
        if name in expected and min(counts) < 1:
            problems.append(f"{name} did not paint after {counts.count(0)} edits")
        if max(counts) > 1:
            problems.append(f"{name} painted up to {max(counts)} times in one edit")
    return problems


def load_average():
    try:
        return "load average %.2f, %.2f, %.2f" % os.getloadavg()
    except OSError:
        return "load average unknown"


def calibration_ms():
    """How long a fixed piece of pure Python takes here now (median of 5). A shared or
    throttled CPU slows every number alike: compare runs by this too."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for i in range(300_000):
            total += i % 7
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def profile(app, window, counter, shape, repeats, sort):
    edits = edits_of(window, shape, repeats)
    drain(app, counter)
    for row, column, value in edits[:2]:
        window.document.set_cell(row, column, value)
        drain(app, counter)
    profiler = cProfile.Profile()
    profiler.enable()
    for row, column, value in edits[2:]:
        window.document.set_cell(row, column, value)
        drain(app, counter)
    profiler.disable()
    print(f"cProfile of {repeats} edits at {shape[0]}x{shape[1]} ({load_average()}), "
          f"top 25 by {sort}:")
    pstats.Stats(profiler).strip_dirs().sort_stats(sort).print_stats(25)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30, help="timed edits per size (>= 20)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="the sizes take turns this many times (each time repeats / rounds "
                             "edits)")
    parser.add_argument("--size", action="append", type=parse_size, metavar="RxC",
                        help="only this size (repeatable), e.g. 4x3")
    parser.add_argument("--train", action="append", type=parse_size, metavar="RxC",
                        help="time training steps (Play) at this size (repeatable)")
    parser.add_argument("--models", action="append", type=parse_size, metavar="RxC",
                        help="time cell edits in the second of two models of this size "
                             "(repeatable)")
    parser.add_argument("--profile", type=parse_size, metavar="RxC",
                        help="print the cProfile top 25 of the edits at this size, no table")
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"),
                        help="the --profile order")
    parser.add_argument("--language", default="en", help="interface language (en, zh_CN)")
    args = parser.parse_args()
    if args.repeats < 20:
        parser.error("--repeats must be at least 20 (the median of fewer is noise)")
    isolate_settings(args.language)
    from gui.shell.app import create_application, create_main_window

    app = create_application()
    window = create_main_window()
    window.default_layout(*WINDOW_SIZE)  # as on a screen with room for it
    window.show()
    counter = make_paint_counter()
    watch_views(counter, window)
    if args.profile:
        profile(app, window, counter, args.profile, args.repeats, args.sort)
        window.document.undo_stack.setClean()
        window.close()
        return 0

    targets = {("edit", shape): target for shape, target in SIZES}
    targets.update({("train", shape): target for shape, target in TRAIN_SIZES})
    targets.update({("models", shape): target for shape, target in MODEL_SIZES})
    asked = args.size or args.train or args.models
    defaults = {"edit": SIZES, "train": TRAIN_SIZES, "models": MODEL_SIZES}
    chosen = {"edit": args.size, "train": args.train, "models": args.models}
    cases = [(kind, shape) for kind, sizes in chosen.items()
             for shape in (sizes or ([] if asked else [shape for shape, _ in defaults[kind]]))]
    rounds = max(1, min(args.rounds, args.repeats))
    print(f"{len(cases)} sizes, median of {args.repeats} edits each, in {rounds} rounds; "
          f"{os.cpu_count()} CPUs, {load_average()} before")
    print("(ms; edit = set_cell or the training step: the engine and every view's update; "
          "paint = the event loop "
          "after it: layout and painting, pyqtgraph's Python included; cpu = the GUI thread's "
          "CPU time from the edit to the last paint, which other processes on a shared "
          "machine inflate far less than the latency; ref = a fixed Python loop timed before "
          "each round (the median), to tell a slow CPU from slow code)")
    print(f"{'size':>15} {'median':>7} {'min':>6} {'max':>6} {'edit':>6} {'paint':>6} "
          f"{'cpu':>6} {'ref':>5} {'target':>6}  ok")
    all_ok = True
    notes = []
    results = in_rounds(app, window, counter, cases, args.repeats, rounds)
    for case in cases:
        target = targets.get(case, 16.0)
        times, paints, expected = results[case]
        median = statistics.median(times["total"])
        problems = check_paints(expected, paints)
        ok = median <= target and not problems
        all_ok &= ok
        kind, shape = case
        size = f"{CASE_PREFIXES[kind]}{shape[0]}x{shape[1]}"
        middle = {name: statistics.median(values) for name, values in times.items()}
        print(f"{size:>15} {median:>7.2f} {min(times['total']):>6.2f} "
              f"{max(times['total']):>6.2f} {middle['edit']:>6.2f} {middle['paint']:>6.2f} "
              f"{middle['cpu']:>6.2f} {middle['ref']:>5.1f} {target:>6.0f}  "
              f"{'yes' if ok else 'NO'}")
        counts = ", ".join(f"{name} {statistics.mean(c):.2g}" for name, c in paints.items())
        notes.append(f"{size}: paints per edit: {counts}")
        notes += [f"{size}: {problem}" for problem in problems]
    print(load_average(), "after")
    print("\n".join(notes))
    for shape in [shape for kind, shape in cases if kind == "train"]:
        steps, skipped, seconds, frames = play(app, window, counter, shape)
        target = dict(TRAIN_SIZES).get(shape, 16.0)
        within = sum(frame <= target for frame in frames) / len(frames)
        print(f"play {shape[0]}x{shape[1]} at {PLAY_SPEED} steps/s for {seconds:.1f} s: {steps} "
              f"steps ({steps / seconds:.1f} a second), {skipped} ticks skipped while the last "
              f"step was not yet painted; a tick to its frame painted: median "
              f"{statistics.median(frames):.2f} ms, {within:.0%} of frames within {target:g} ms")
    window.document.undo_stack.setClean()
    window.close()
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
