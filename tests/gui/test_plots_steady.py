"""What the plots keep between repaints to spare Python work per frame (bounding rects, the
points of the sweep curves) stays true to what pyqtgraph would work out afresh, and draws the same
pictures: after resizes, presentation mode, a language's longer labels and style changes."""

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import engine
import engine.curves
from gui.document import Document
from gui.views.plots.container import PlotsView
from gui.views.plots.steady_bounds import Bars
from gui.views.plots.sweep import CURVE_TOLERANCE_PIXELS, SweepCurves

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

def scenario():
    return engine.Scenario(classes=("cat", "dog", "pig"),
                           rows=np.array([[3.0, 1.0, -3.0], [0.5, 2.0, 0.1], [-1.0, 0.0, 4.0]]),
                           targets=np.array([0, 1, 2]))


def show(qtbot, delete_at_end, shown_scenario):
    """A document of ``shown_scenario`` and its PlotsView, shown and painted."""
    document = Document(shown_scenario)
    view = PlotsView(document)
    view.resize(1100, 800)
    delete_at_end(view)
    view.show()
    qtbot.waitExposed(view)
    settle()
    return document, view


@pytest.fixture
def shown_view(qtbot, delete_at_end):
    return show(qtbot, delete_at_end, scenario())


def settle():
    for _ in range(5):
        QApplication.processEvents()


def pixels(widget):
    image = widget.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return pg.functions.ndarray_from_qimage(image).copy()


def axes(view):
    for name, widget in view.plot_widgets.items():
        for side in ("left", "bottom"):
            yield f"{name} {side}", widget.getPlotItem().getAxis(side)


def assert_axis_bounds_fresh(view):
    """Every axis' bounding rect is the one pyqtgraph works out now (in sight or not: the
    stage shows fewer plots)."""
    for label, axis in axes(view):
        assert axis.boundingRect() == pg.AxisItem.boundingRect(axis), label


def test_axis_bounds_follow_resizes_presentation_and_style(shown_view, qtbot):
    document, view = shown_view
    assert_axis_bounds_fresh(view)
    view.resize(700, 520)  # every axis gets a new length
    settle()
    assert_axis_bounds_fresh(view)
    view.set_presentation(True)  # larger tick labels: wider left axes, taller bottom ones
    settle()
    assert_axis_bounds_fresh(view)
    document.set_cell(0, 0, -4000.0)  # ticks of another width: the left axes widen
    settle()
    assert_axis_bounds_fresh(view)
    view.set_presentation(False)
    view.resize(1100, 800)
    settle()
    assert_axis_bounds_fresh(view)
    for _, axis in axes(view):  # the style the rect depends on
        axis.setStyle(tickLength=-12, hideOverlappingLabels=False)
    assert_axis_bounds_fresh(view)


def test_an_axis_repaints_its_new_extent_after_a_resize(shown_view):
    """A resized axis draws where it now is: the same pixels as with its rect worked out
    afresh on every call (pyqtgraph's own)."""
    _, view = shown_view
    view.resize(700, 520)
    settle()
    view.resize(1300, 950)  # longer axes than the rects worked out at the small size
    settle()
    for name, widget in view.plot_widgets.items():
        if not widget.isVisible():
            continue
        kept = pixels(widget)
        plot = widget.getPlotItem()
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            axis.boundingRect = lambda axis=axis: pg.AxisItem.boundingRect(axis)
        plot.update()
        fresh = pixels(widget)
        assert np.array_equal(kept, fresh), name


# --- bars moved by set_bars: pyqtgraph's own numbers ---------------------------------------

@pytest.mark.parametrize("heights", [[0.5, -1.25, 0.0, 3.0], [-0.0, 2.0, -7.5, 1e-300], [], [4.0]])
def test_set_bars_gives_the_rects_and_bounds_of_setopts(heights):
    heights = np.array(heights)
    x = np.arange(len(heights), dtype=np.float64) - 0.2
    quick = Bars(x=[], height=[], width=0.4, pen=None, brush="b")
    usual = pg.BarGraphItem(x=[], height=[], width=0.4, pen=None, brush="b")
    quick.set_bars(x, heights)
    usual.setOpts(x=x, height=heights)
    assert np.array_equal(quick._rectarray.ndarray(), usual._rectarray.ndarray())
    assert quick._dataBounds == usual._dataBounds
    assert quick.boundingRect() == pg.BarGraphItem.boundingRect(usual)
    assert np.array_equal(quick.getData()[1], heights)


def assert_bar_bounds_fresh(view):
    bars = [view.logit_bars, view.probability_bars, view.target_bars, view.term_bars,
            view.gradient_bars]
    for item in bars:
        assert item.boundingRect() == pg.BarGraphItem.boundingRect(item)
    return [item.boundingRect() for item in bars]


def test_bar_bounds_follow_edits_resizes_ranges_and_presentation(shown_view):
    """The bars' rect reaches half a pixel past them: it follows the pixel size of every new
    view (kept in between)."""
    document, view = shown_view
    first = assert_bar_bounds_fresh(view)
    document.set_cell(0, 1, 2.5)
    settle()
    assert assert_bar_bounds_fresh(view) != first
    view.resize(640, 500)
    settle()
    assert_bar_bounds_fresh(view)
    document.set_cell(0, 0, -40.0)  # a new y range
    settle()
    assert_bar_bounds_fresh(view)
    view.set_presentation(True)
    settle()
    assert_bar_bounds_fresh(view)
    view.plot_widgets["logits"].getPlotItem().getViewBox().setYRange(-100, 100)
    settle()
    assert_bar_bounds_fresh(view)


# --- the sweep curves: redrawn exactly when the exact rule says -----------------------------

def many_classes(n_rows, n_classes, seed=0):
    rng = np.random.default_rng(seed)
    return engine.Scenario(classes=tuple(f"class {c}" for c in range(n_classes)),
                           rows=rng.normal(0.0, 2.0, size=(n_rows, n_classes)),
                           targets=rng.integers(0, n_classes, size=n_rows))


def sweep_tolerance(sweep):
    box = sweep.item.getViewBox()
    low, high = box.viewRange()[1]
    return CURVE_TOLERANCE_PIXELS * (high - low) / (box.height() * sweep.widget.devicePixelRatioF())


def test_the_sweep_curves_are_drawn_again_exactly_when_a_point_moved_past_the_tolerance(
        qtbot, delete_at_end, monkeypatch):
    """Whether the logits alone show that the curves stayed within half the tolerance
    (SweepCurves.largest_move) or their points are worked out, the curves are drawn again
    exactly when a point of the exact curves lies more than CURVE_TOLERANCE_PIXELS from the
    drawn one: steps of every size, as Play's, on the most probable other class."""
    document, view = show(qtbot, delete_at_end, many_classes(2, 50))
    sweep = view._sweep
    worked_out = []
    probabilities = SweepCurves.probabilities
    monkeypatch.setattr(SweepCurves, "probabilities",
                        lambda self: (worked_out.append(self), probabilities(self))[1])
    shown, swept = view.shown_classes, view.swept_class
    p = document.analysis.probabilities[0, shown]
    other = int(shown[np.argmax(np.where(shown == swept, -1.0, p))])
    outcomes = []
    for step in (1e-5, 1e-4, *[1e-3] * 4, *[2e-4] * 30, 1e-2, 3e-2, 0.1, *[-5e-4] * 12):
        drawn = sweep._drawn_sweep.probabilities()
        # (Not through view.plot_widgets: reading it draws the exact curves.)
        window = sweep.item.getViewBox().viewRange()[0]
        tolerance = sweep_tolerance(sweep)
        worked_out.clear()
        document.set_cell(0, other, document.scenario.rows[0, other] + step)
        settle()
        assert sweep.item.getViewBox().viewRange()[0] == window
        assert np.array_equal(view.shown_classes, shown)
        exact = engine.curves.sweep_probabilities(
            document.scenario.rows[0], swept, sweep._latest[1], classes=shown)
        moved = np.max(np.abs(exact - drawn)) > tolerance
        redrawn = sweep._drawn_sweep is sweep._latest[2]
        assert redrawn == moved, step
        if redrawn:
            assert np.array_equal(sweep._drawn_sweep.probabilities(), exact)
        outcomes.append("redrawn" if redrawn else "worked out" if worked_out else "bounded")
    assert {"redrawn", "worked out", "bounded"} <= set(outcomes), outcomes
