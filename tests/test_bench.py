"""tools/bench.py runs and its table is sound. Not a timed test: the times it prints depend on
the machine; what is checked is that every view painted exactly once per edit."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_benchmark_prints_a_row_per_size_and_every_view_paints_once_per_edit():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bench.py"), "--size", "4x3", "--size", "1x50",
         "--models", "4x3", "--train", "4x3", "--repeats", "20", "--rounds", "2"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    out = result.stdout
    assert "median of 20 edits each, in 2 rounds" in out
    row = r"^\s+((?:2 models |train )?\d+x\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+).*\s(yes|NO)$"
    rows = re.findall(row, out, re.M)
    assert [row[0] for row in rows] == ["4x3", "1x50", "train 4x3", "2 models 4x3"]
    for _size, median, low, high, _ok in rows:
        assert 0 < float(low) <= float(median) <= float(high)
    # 1 when a median is over its target (a slow machine), never for anything else.
    assert result.returncode == (1 if any(row[4] == "NO" for row in rows) else 0), result.stderr
    for size in ("4x3", "1x50", "train 4x3", "2 models 4x3"):
        paints = re.search(rf"^{size}: paints per edit: (.*)$", out, re.M).group(1)
        counts = dict(part.rsplit(" ", 1) for part in paints.split(", "))
        assert counts.pop("sigmoid") == "0"  # softmax mode: the sigmoid plot has nothing new
        assert counts.pop("input") in ("0", "1")  # 1 when the edited cell is in sight
        if not size.startswith("train"):  # (the Learn panel's curves, once watched)
            assert counts.pop("learn", "0") == "0"  # a cell edit leaves a run's curves
        assert set(counts.values()) == {"1"}, paints
    assert "did not paint" not in out and "painted up to" not in out
    # Play itself: about 30 steps a second, each frame painted and timed.
    play = re.search(r"^play 4x3 at 30 steps/s for ([\d.]+) s: (\d+) steps \(([\d.]+) a second\), "
                     r"(\d+) ticks skipped .*: median ([\d.]+) ms, (\d+)% of frames within 16 ms$",
                     out, re.M)
    assert play, out
    assert 10 <= float(play.group(3)) <= 35 and 0 < float(play.group(5)) < 1000
    assert 0 <= int(play.group(6)) <= 100
