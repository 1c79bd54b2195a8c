"""The real window on a real X server (Xvfb) at the sizes projectors have, as a room sees it:
every plot in sight is tall enough to read and its title is one line that fits; the plots'
header shows the engine's number; the target kind is in reach; no label is cut inside a number.
The measuring runs inside the app (tests/gui/layout_app.py)."""

import json
from pathlib import Path

import pytest
from test_real_window import private_xvfb, run_app  # (tests/gui is on the path, as for conftest)

ROOT = Path(__file__).resolve().parents[2]
# Tall enough to read from the back of a room, on the desk and on the stage.
MIN_PLOT_HEIGHT = 200
CAT_DOG_PIG = ROOT / "resources" / "presets" / "cat_dog_pig.json"


@pytest.fixture(scope="module")
def x_display():
    """A private Xvfb server large enough for a 1920 x 1080 window; yields its DISPLAY."""
    with private_xvfb("1920x1200x24") as display:
        yield display


def measured(display, tmp_path, size, where, language, file=None):
    args = [size, where, language] + ([str(file)] if file else [])
    result = run_app(display, tmp_path, *args, script=ROOT / "tests" / "gui" / "layout_app.py",
                     timeout=180)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


CASES = [("1280x720", "stage", "en"), ("1280x720", "stage", "zh_CN"),
         ("1920x1080", "desk", "en"), ("1920x1080", "stage", "en"),
         ("1280x720", "desk", "en"), ("1366x768", "desk", "zh_CN")]


@pytest.mark.xvfb
@pytest.mark.parametrize("size, where, language", CASES,
                         ids=["-".join(case) for case in CASES])
def test_a_room_can_read_the_window(x_display, tmp_path, size, where, language):
    layout = measured(x_display, tmp_path, size, where, language, CAT_DOG_PIG)
    assert layout["size"] == [int(v) for v in size.split("x")]
    assert layout["stage"] == (where == "stage")
    shown = layout["plots"]
    assert shown, "no plot in sight"
    if where == "stage":
        assert len(shown) == 2  # the two plots the stage starts with
    else:
        assert len(shown) >= 4  # the desk shows as many as are readable, not one
    for plot in shown:
        assert plot["height"] >= MIN_PLOT_HEIGHT, plot
        assert plot["title_one_line"] and plot["title_fits"], plot
    header = layout["header"]
    assert header["in_sight"] and header["engine_loss"] in header["numbers"], header
    if where == "stage":
        assert layout["stage_loss"] == [header["engine_loss"]]
    assert layout["targets"]["in_sight"]
    assert layout["cut_numbers"] == []


LESSON_CASES = [("en", 3), ("zh_CN", 3), ("zh_CN", 2), ("en", 8)]


@pytest.mark.xvfb
@pytest.mark.parametrize("language, step", LESSON_CASES,
                         ids=[f"{language}-step{step}" for language, step in LESSON_CASES])
def test_a_laptop_shows_a_lesson_beside_readable_plots(x_display, tmp_path, language, step):
    """1366 x 768 with lesson 1 open: the lesson takes about a quarter of the width, the
    tables keep room for their columns, the plots the step names are in sight, and every plot
    in sight is readable."""
    layout = measured(x_display, tmp_path, "1366x768", f"lesson:{step}", language)
    lesson = layout["lesson"]
    assert 0.22 * 1366 <= lesson["width"] <= 0.32 * 1366, lesson
    assert lesson["tables_width"] >= 0.22 * 1366, lesson
    assert lesson["plots"] and all(lesson["plots"].values()), lesson
    assert layout["plots"], "no plot in sight"
    for plot in layout["plots"]:
        assert plot["height"] >= MIN_PLOT_HEIGHT, plot
        assert plot["title_one_line"] and plot["title_fits"], plot
    assert layout["cut_numbers"] == []
