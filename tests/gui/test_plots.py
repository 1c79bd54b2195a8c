"""The plots view: every bar and point is the engine's number for the selected sample, the
plots follow edits and the selection, a dragged logit bar edits the document in one undo step,
many classes show as the top 40, and extreme values never reach pyqtgraph as NaN or inf."""

import gc

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
import pytest
import shiboken6
from numpy.testing import assert_allclose
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

import engine
from engine import curves, edits
from gui.common import style
from gui.document import Document
from gui.views.plots.container import PlotsView
from gui.views.plots.items import Points
from gui.views.plots.markers import Markers
from gui.views.plots.scales import HeldRange, SweepWindow, drawable, round_range, sigmoid_range
from gui.views.plots.steady_bounds import Bars

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

CLASSES = ("cat", "dog", "pig")
ROWS = [[3.0, 1.0, -3.0], [0.5, 2.0, 0.1], [-1.0, 0.0, 4.0]]


def softmax_scenario(**changes):
    values = dict(classes=CLASSES, rows=np.array(ROWS), targets=np.array([0, 1, 2]))
    values.update(changes)
    return engine.Scenario(**values)


def sigmoid_scenario(**changes):
    values = dict(classes=CLASSES, rows=np.array(ROWS), mode="sigmoid",
                  targets=np.array([[1.0, 0, 1], [0, 1, 0], [0, 0, 0]]))
    values.update(changes)
    return engine.Scenario(**values)


def many_classes(n_rows, n_classes, seed=0):
    rng = np.random.default_rng(seed)
    return engine.Scenario(classes=tuple(f"class {c}" for c in range(n_classes)),
                           rows=rng.normal(0.0, 2.0, size=(n_rows, n_classes)),
                           targets=rng.integers(0, n_classes, size=n_rows))


@pytest.fixture
def make_view(qtbot, delete_at_end):
    """Make a document and its PlotsView, deleted at teardown (see conftest's delete_at_end)."""
    def make(scenario):
        document = Document(scenario)
        view = PlotsView(document)
        view.resize(1100, 800)
        delete_at_end(view)
        return document, view

    return make


def bar_heights(bars):
    return np.asarray(bars.opts["height"], dtype=float)


def assert_bars_show(view, analysis, n):
    shown = view.shown_classes
    assert_allclose(bar_heights(view.logit_bars), analysis.scenario.rows[n, shown])
    assert_allclose(bar_heights(view.probability_bars), analysis.probabilities[n, shown])
    assert_allclose(bar_heights(view.target_bars), analysis.targets[n, shown])
    assert_allclose(bar_heights(view.term_bars), analysis.terms[n, shown])
    assert_allclose(bar_heights(view.gradient_bars), analysis.gradient[n, shown])


# --- the bars follow the document ----------------------------------------------------------

def test_bars_are_the_engine_numbers_of_the_selected_sample(make_view):
    document, view = make_view(softmax_scenario())
    assert list(view.shown_classes) == [0, 1, 2]
    assert_bars_show(view, engine.analyze(document.scenario), 0)
    ticks = view.plot_widgets["probabilities"].getPlotItem().getAxis("bottom")._tickLevels
    assert [name for _x, name in ticks[0]] == list(CLASSES)


def test_an_edit_updates_every_bar_in_place(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    items = [view.logit_bars, view.probability_bars, view.term_bars, view.gradient_bars]
    plot_items = {name: list(widget.getPlotItem().items)
                  for name, widget in view.plot_widgets.items()}
    with qtbot.waitSignal(document.changed):
        document.set_cell(0, 1, 2.5)
    expected = engine.analyze(document.scenario)
    assert document.scenario.rows[0, 1] == 2.5
    assert_bars_show(view, expected, 0)
    # The same items, updated: nothing was cleared and re-added.
    assert [view.logit_bars, view.probability_bars, view.term_bars, view.gradient_bars] == items
    for name, widget in view.plot_widgets.items():
        assert list(widget.getPlotItem().items) == plot_items[name]


def test_selecting_a_sample_plots_that_sample(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    with qtbot.waitSignal(document.changed):
        document.select_sample(2)
    assert_bars_show(view, document.analysis, 2)
    assert "#3" in view.sample_label.text()
    assert "pig" in view.sample_label.text()  # its true class
    # the selected sample's point on the −ln p curve moves with it
    x, _y = view.nll_selected.getData()
    assert_allclose(x, [document.analysis.probabilities[2, 2]])


def plot_title(view, name):
    return view.plot_widgets[name].getPlotItem().titleLabel.text


def test_label_smoothing_shows_the_smoothed_targets(make_view):
    document, view = make_view(softmax_scenario(options=engine.Options(label_smoothing=0.3)))
    assert_allclose(bar_heights(view.target_bars), [0.8, 0.1, 0.1])
    assert_bars_show(view, document.analysis, 0)
    # The target is y, the smoothed one y′ (as in the math and the options' tooltip), never q.
    assert "smoothed target y′" in plot_title(view, "probabilities")
    assert plot_title(view, "terms") == "Cross-entropy terms −w y′ ln p per class"
    assert document.set_options("No smoothing", label_smoothing=0.0)
    assert plot_title(view, "probabilities").endswith("&nbsp;target y")
    assert plot_title(view, "terms") == "Cross-entropy terms −w y ln p per class"


def test_sigmoid_mode_bars_and_legend(make_view):
    document, view = make_view(sigmoid_scenario(options=engine.Options(pos_weight=(2, 1, 1))))
    assert_bars_show(view, document.analysis, 0)
    title = plot_title(view, "probabilities")
    assert "labels y" in title and "probability p" in title


# --- the −ln p curve --------------------------------------------------------------------------

def nll_marks(view):
    """Every point on the −ln p curve: the other samples' and the selected one's."""
    (x, y), (selected_x, selected_y) = view.nll_points.getData(), view.nll_selected.getData()
    return np.concatenate([selected_x, x]), np.concatenate([selected_y, y])


def test_nll_points_are_every_samples_true_class_probability(make_view):
    document, view = make_view(softmax_scenario())
    analysis = document.analysis
    x, y = nll_marks(view)
    true_p = analysis.probabilities[np.arange(3), [0, 1, 2]]
    assert_allclose(x, true_p)
    assert_allclose(y, -np.log(true_p))
    # the curve is −ln p itself
    curve_x, curve_y = view.nll_curve.getData()
    assert_allclose(curve_y, -np.log(curve_x))
    selected_x, _ = view.nll_selected.getData()
    assert_allclose(selected_x, [true_p[0]])
    # an edit of the selected sample moves its point and leaves the others' item as it was
    others = view.nll_points.getData()
    document.set_cell(0, 0, -1.0)
    assert all(np.array_equal(a, b) for a, b in zip(view.nll_points.getData(), others))
    assert_allclose(view.nll_selected.getData()[0], [document.analysis.probabilities[0, 0]])


def test_nll_points_in_bits_and_without_ignored_samples(make_view):
    options = engine.Options(log_base="2", ignore_index=-1)
    document, view = make_view(softmax_scenario(targets=np.array([0, -1, 2]), options=options))
    x, y = nll_marks(view)
    p = document.analysis.probabilities
    assert_allclose(x, [p[0, 0], p[2, 2]])
    assert_allclose(y, -np.log2(x))
    assert view.plot_widgets["nll"].getPlotItem().getAxis("left").labelText == "bits"


def test_nll_points_for_soft_targets_and_sigmoid_labels(make_view):
    soft = np.array([[0.7, 0.3, 0.0], [0.0, 0.0, 1.0], [0.2, 0.2, 0.6]])
    document, view = make_view(softmax_scenario(targets=soft))
    x, _ = nll_marks(view)
    rows, columns = np.nonzero(soft)
    assert_allclose(x, document.analysis.probabilities[rows, columns])

    document, view = make_view(sigmoid_scenario())
    x, _ = nll_marks(view)
    assert_allclose(x, document.analysis.probabilities[[0, 0, 1], [0, 2, 1]])


def test_a_probability_of_zero_is_drawn_at_the_top_of_the_nll_plot(make_view):
    scenario = softmax_scenario(input="probabilities", rows=np.array([[1.0, 0, 0]]),
                                targets=np.array([1]))
    document, view = make_view(scenario)
    x, y = nll_marks(view)
    assert x.tolist() == [0.0]
    assert np.isfinite(y).all() and y[0] == pytest.approx(-np.log(1e-3))


# --- the sigmoid curve ------------------------------------------------------------------------

def test_sigmoid_mode_marks_each_logit_on_the_sigmoid(make_view):
    document, view = make_view(sigmoid_scenario(options=engine.Options(temperature=2.0)))
    x, y = view.sigmoid_points.getData()
    assert_allclose(x, np.array(ROWS[0]) / 2.0)
    assert_allclose(y, document.analysis.probabilities[0])
    curve_x, curve_y = view.sigmoid_curve.getData()
    assert_allclose(curve_y, engine.sigmoid(curve_x))
    assert "z / T" in view.plot_widgets["sigmoid"].getPlotItem().getAxis("bottom").labelText


def test_sigmoid_points_of_probability_input_sit_at_their_logits(make_view):
    rows = np.array([[0.5, 0.25, 0.9]])
    document, view = make_view(sigmoid_scenario(input="probabilities", rows=rows,
                                                targets=np.array([[1.0, 0, 0]]),
                                                options=engine.Options(temperature=3.0)))
    x, y = view.sigmoid_points.getData()
    # ln p − ln(1 − p): probabilities carry their temperature, so z is not divided by it
    assert_allclose(x, np.log(rows[0] / (1 - rows[0])))
    assert_allclose(y, document.analysis.probabilities[0])
    assert_allclose(engine.sigmoid(x), rows[0])
    assert view.plot_widgets["sigmoid"].getPlotItem().getAxis("bottom").labelText == "z"


def test_softmax_mode_leaves_the_sigmoid_out(make_view, qtbot):
    # It took one of the seven places, greyed out, "sigmoid mode only".
    document, view = make_view(softmax_scenario())
    view.show()
    qtbot.waitExposed(view)
    assert len(view.sigmoid_points.getData()[0]) == 0
    assert "sigmoid" not in view.shown_plots()
    assert not view.plot_widgets["sigmoid"].isVisible()
    assert view.shown_plots() == ["logits", "probabilities", "terms", "gradient", "nll", "sweep"]
    document.edit("mode", edits.convert_mode, "sigmoid")
    assert "sigmoid" in sum(view.grid.pages, [])  # (on the first page or the next)
    assert len(view.sigmoid_points.getData()[0]) == 3
    view.show_only(["sigmoid"])
    assert view.shown_plots() == ["sigmoid"] and view.plot_widgets["sigmoid"].isVisible()


# --- the sweep --------------------------------------------------------------------------------

def test_sweep_current_point_is_the_current_probability(make_view):
    document, view = make_view(softmax_scenario())
    assert view.swept_class == 0  # the true class of sample 1
    x, y = view.sweep_points.getData()
    assert_allclose(x, [3.0, 3.0, 3.0])
    assert_allclose(y, document.analysis.probabilities[0])
    # each curve passes through its class's current point
    for curve, c in zip(view.sweep_curves, view.sweep_curve_classes):
        curve_x, curve_y = curve.getData()
        assert_allclose(np.interp(3.0, curve_x, curve_y),
                        document.analysis.probabilities[0, c], rtol=2e-3)
    line = view.sweep_marker.line()
    assert (line.x1(), line.x2(), line.y1(), line.y2()) == (3.0, 3.0, 0.0, 1.0)


def x_range(view, name):
    return view.plot_widgets[name].getPlotItem().getViewBox().viewRange()[0]


def test_the_sweep_axis_holds_still_while_its_logit_is_edited(make_view):
    document, view = make_view(softmax_scenario())
    for value in (-6.0, 6.0):  # far to both sides: the window grows to hold the point
        document.set_cell(0, 0, value)
    grown = x_range(view, "sweep")
    assert grown[0] <= -6.0 and 6.0 <= grown[1]
    for value in (-3.0, 0.0, 4.5, -6.0):  # the point moves, the axis does not
        document.set_cell(0, 0, value)
        assert x_range(view, "sweep") == grown
        assert view.sweep_marker.line().x1() == view.sweep_marker.line().x2() == value
    document.set_cell(0, 0, 3.0)
    document.select_sample(1)
    document.select_sample(0)  # back to it: fitted afresh, narrower
    fresh = x_range(view, "sweep")
    assert fresh[0] <= 3.0 <= fresh[1] and fresh[1] - fresh[0] < grown[1] - grown[0]


def test_sweep_curves_are_the_softmax_of_the_swept_rows(make_view):
    document, view = make_view(softmax_scenario(options=engine.Options(temperature=1.5)))
    curve_x, _ = view.sweep_curves[0].getData()
    rows = np.tile(ROWS[0], (len(curve_x), 1))
    rows[:, 0] = curve_x
    expected = engine.softmax(rows, 1.5)
    for curve, c in zip(view.sweep_curves, view.sweep_curve_classes):
        assert_allclose(curve.getData()[1], expected[:, c], atol=1e-12)


def test_other_classes_sweep_in_one_opaque_pixel_of_the_grey_a_translucent_line_shows(
        make_view):
    _document, view = make_view(many_classes(2, 50))
    assert view.sweep_others.isVisible()
    pen = view.sweep_others.opts["pen"]
    # Qt's fast stroker: one opaque device pixel (wider or translucent took 10 ms a frame)
    assert pen.color().alpha() == 255
    assert pen.widthF() == view.plot_widgets["sweep"].devicePixelRatioF()
    background = view.palette().color(QPalette.ColorRole.Base)
    assert pen.color() == style.blended("logit", 150, background)
    # grey #999999 at 150/255 over the light and the dark theme's plot background
    assert style.blended("logit", 150, QColor("#ffffff")).name() == "#c3c3c3"
    assert style.blended("logit", 150, QColor("#1e1e1e")).name() == "#666666"
    # every second point of the sweep, both ends included: 121 of 241 per class
    swept_x = view.sweep_curves[0].getData()[0]
    x, y = view.sweep_others.getData()
    assert len(x) == (style.MAX_CLASSES_SHOWN - 1) * 121  # the shown classes but the swept one
    assert np.array_equal(x[:121], swept_x[::2]) and x[120] == swept_x[-1]


def sweep_data(view):
    """The x and y of every sweep curve in sight, the grey ones of the other classes last."""
    items = [curve for curve in view.sweep_curves if curve.isVisible()] + [view.sweep_others]
    return [np.array(array) for item in items for array in item.getData()]


def device_pixel(view):
    """The probability one device pixel of the sweep plot's height stands for."""
    box = view.plot_widgets["sweep"].getPlotItem().getViewBox()
    low, high = box.viewRange()[1]
    return (high - low) / (box.height() * view.plot_widgets["sweep"].devicePixelRatioF())


def shown_sweep(make_view, qtbot, scenario, size=(1100, 800)):
    document, view = make_view(scenario)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return document, view


def test_sweep_curves_are_drawn_again_only_when_they_move_by_a_quarter_pixel(make_view, qtbot):
    document, view = shown_sweep(make_view, qtbot, many_classes(2, 50))
    other = int(view.shown_classes[view.shown_classes != view.swept_class][-1])
    value = document.scenario.rows[0, other]
    drawn = sweep_data(view)
    # A step of Play: every other curve moves by far less than a pixel. They stay as drawn,
    # within a quarter of a device pixel of the exact curves (which a fresh view draws).
    document.set_cell(0, other, value + 1e-3)
    for kept, now in zip(drawn, sweep_data(view)):
        assert np.array_equal(kept, now)
    _document, fresh = shown_sweep(make_view, qtbot, document.scenario)
    exact = sweep_data(fresh)
    assert x_range(fresh, "sweep") == x_range(view, "sweep")
    largest = max(np.max(np.abs(a - b)) for a, b in zip(drawn, exact))
    assert 0.0 < largest <= 0.25 * device_pixel(view)
    # An edit that moves the other classes' curves by pixels draws them exactly.
    document.set_cell(0, other, value + 1.0)
    _document, fresh = shown_sweep(make_view, qtbot, document.scenario)
    assert x_range(fresh, "sweep") == x_range(view, "sweep")
    for now, exact in zip(sweep_data(view), sweep_data(fresh)):
        assert np.array_equal(now, exact)


def test_a_resize_an_image_or_an_export_draws_the_exact_sweep_curves(make_view, qtbot):
    document, view = shown_sweep(make_view, qtbot, many_classes(2, 50))
    other = int(view.shown_classes[view.shown_classes != view.swept_class][-1])
    document.set_cell(0, other, document.scenario.rows[0, other] + 1e-3)
    _document, fresh = shown_sweep(make_view, qtbot, document.scenario)
    exact = sweep_data(fresh)
    assert not all(np.array_equal(a, b) for a, b in zip(sweep_data(view), exact))
    # Larger, a quarter pixel of error could grow to more: drawn exactly.
    view.resize(1300, 1000)
    qtbot.waitUntil(lambda: all(np.array_equal(a, b)
                                for a, b in zip(sweep_data(view), exact)), timeout=3000)
    document.set_cell(0, other, document.scenario.rows[0, other] + 1e-3)
    _document, fresh = shown_sweep(make_view, qtbot, document.scenario, size=(1300, 1000))
    exact = sweep_data(fresh)
    assert not all(np.array_equal(a, b) for a, b in zip(sweep_data(view), exact))
    view._sweep.image()  # an exported image is drawn larger: exact too
    for now, expected in zip(sweep_data(view), exact):
        assert np.array_equal(now, expected)
    # The same through plot_widgets, which the window's export reads.
    document.set_cell(0, other, document.scenario.rows[0, other] + 1e-3)
    _document, fresh = shown_sweep(make_view, qtbot, document.scenario, size=(1300, 1000))
    exact = sweep_data(fresh)
    assert not all(np.array_equal(a, b) for a, b in zip(sweep_data(view), exact))
    assert view.plot_widgets["sweep"] is not None
    for now, expected in zip(sweep_data(view), exact):
        assert np.array_equal(now, expected)


def test_the_sweep_legend_and_labels_follow_the_names_and_the_swept_class(make_view):
    document, view = make_view(softmax_scenario())
    title = view.plot_widgets["sweep"].getPlotItem().titleLabel
    bottom = view.plot_widgets["sweep"].getPlotItem().getAxis("bottom")
    assert "z(cat)" in title.text and "z(cat)" in bottom.labelText
    document.set_cell(0, 1, 0.5)  # numbers only: the labels stay
    assert "dog" in view.sweep_legend.text()
    document.edit("Rename", edits.rename_class, 1, "wolf")  # another name
    assert "wolf" in view.sweep_legend.text() and "dog" not in view.sweep_legend.text()
    document.select_sample(2)  # another swept class (pig), the same names
    assert "z(pig)" in title.text and "z(pig)" in bottom.labelText
    legend = view.sweep_legend.text()
    # the swept class's colour is the probability's; its entry is pig's
    assert f"color: {style.COLOURS['probability']}'>━</span>&nbsp;pig" in legend


def test_sweep_class_follows_the_combo_and_the_selection(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    document.select_sample(1)
    assert view.swept_class == 1  # the new sample's true class
    index = view.sweep_combo.findText("pig")
    view.sweep_combo.setCurrentIndex(index)
    view.sweep_combo.activated.emit(index)
    assert view.swept_class == 2
    x, _ = view.sweep_points.getData()
    assert_allclose(x, ROWS[1][2])
    document.select_sample(0)
    assert view.swept_class == 2  # a chosen class stays chosen
    view.sweep_combo.activated.emit(0)  # "the true class"
    assert view.swept_class == 0


def test_sigmoid_sweep_changes_only_the_swept_class(make_view):
    document, view = make_view(sigmoid_scenario())
    p = document.analysis.probabilities[0]
    for curve, c in zip(view.sweep_curves, view.sweep_curve_classes):
        x, y = curve.getData()
        if c == view.swept_class:
            assert_allclose(y, engine.sigmoid(x))
        else:
            assert_allclose(y, p[c])


# --- dragging a logit bar --------------------------------------------------------------------

class FakeDrag:
    """What pyqtgraph's MouseDragEvent tells a ViewBox, in the ViewBox's own coordinates."""

    def __init__(self, view_box, start, now, *, start_event=False, finish=False,
                 button=Qt.MouseButton.LeftButton):
        self._down = pg.Point(view_box.mapFromView(start))
        self._pos = pg.Point(view_box.mapFromView(now))
        self._start, self._finish, self._button = start_event, finish, button
        self.accepted = False

    def button(self):
        return self._button

    def isStart(self):
        return self._start

    def isFinish(self):
        return self._finish

    def buttonDownPos(self, button=None):
        return self._down

    def pos(self):
        return self._pos

    def lastPos(self):
        return self._pos

    def accept(self):
        self.accepted = True


def drag(view, column, dy, steps=4):
    """Drag the bar of ``column`` from its top by ``dy`` (view units) in a few moves."""
    view_box = view.plot_widgets["logits"].getPlotItem().getViewBox()
    start = view.logit_bar_position(column)
    events = []
    for k in range(steps + 1):
        now = QPointF(start.x(), start.y() + dy * k / steps)
        event = FakeDrag(view_box, start, now, start_event=k == 0, finish=k == steps)
        view_box.mouseDragEvent(event)
        events.append(event)
    return events


def test_dragging_a_logit_bar_edits_the_logit_in_one_undo_step(make_view):
    document, view = make_view(softmax_scenario())
    view.plot_widgets["logits"].getPlotItem().getViewBox().setYRange(-5, 5, padding=0)
    events = drag(view, 1, 1.5)
    assert all(event.accepted for event in events)
    assert document.scenario.rows[0, 1] == pytest.approx(2.5, abs=0.01)
    assert_bars_show(view, engine.analyze(document.scenario), 0)
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.scenario.rows[0, 1] == 1.0
    assert_bars_show(view, document.analysis, 0)


def test_dragging_with_the_mouse(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.show()
    qtbot.waitExposed(view)
    widget = view.plot_widgets["logits"]
    view_box = widget.getPlotItem().getViewBox()
    view_box.setYRange(-5, 5, padding=0)

    def pixel(point):
        return widget.mapFromScene(view_box.mapViewToScene(point))

    start = view.logit_bar_position(2)
    viewport = widget.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, pos=pixel(start))
    for k in range(1, 6):
        QTest.mouseMove(viewport, pixel(QPointF(start.x(), start.y() + 0.4 * k)))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton,
                       pos=pixel(QPointF(start.x(), start.y() + 2.0)))
    assert document.scenario.rows[0, 2] == pytest.approx(-1.0, abs=0.1)
    assert document.undo_stack.count() == 1


def test_dragging_a_bar_of_the_second_model_edits_that_model(make_view):
    other = np.array(ROWS) - 1.0
    scenario = engine.Scenario(classes=CLASSES, targets=np.array([0, 1, 2]),
                               models=(engine.Model("A", np.array(ROWS)),
                                       engine.Model("B", other)))
    document, view = make_view(scenario)
    document.select_model(1)
    assert_allclose(bar_heights(view.logit_bars), other[0])
    view.plot_widgets["logits"].getPlotItem().getViewBox().setYRange(-5, 5, padding=0)
    events = drag(view, 1, 1.5)
    assert all(event.accepted for event in events)
    models = document.scenario.models
    assert models[1].rows[0, 1] == pytest.approx(other[0, 1] + 1.5, abs=0.01)
    assert_allclose(models[0].rows, ROWS)  # the other model is left as it was
    assert_allclose(bar_heights(view.logit_bars), models[1].rows[0])
    assert document.undo_stack.count() == 1


def test_a_drag_away_from_the_bars_or_on_probability_input_edits_nothing(make_view):
    document, view = make_view(softmax_scenario())
    view_box = view.plot_widgets["logits"].getPlotItem().getViewBox()
    between = FakeDrag(view_box, QPointF(0.5, 1.0), QPointF(0.5, 2.0), start_event=True)
    view_box.mouseDragEvent(between)
    assert document.undo_stack.count() == 0

    scenario = softmax_scenario(input="probabilities", rows=np.array([[0.7, 0.2, 0.1]]),
                                targets=np.array([0]))
    document, view = make_view(scenario)
    drag(view, 0, 1.0)
    assert document.undo_stack.count() == 0
    assert len(view.logit_handles.getData()[0]) == 0  # no grips either


# --- many classes ---------------------------------------------------------------------------

def test_fifty_thousand_classes_show_the_top_forty_with_a_caption(make_view):
    document, view = make_view(many_classes(1, 50_000))
    analysis = document.analysis
    assert len(bar_heights(view.probability_bars)) <= style.MAX_CLASSES_SHOWN
    assert len(view.shown_classes) == style.MAX_CLASSES_SHOWN
    true_class = int(document.scenario.targets[0])
    assert true_class in view.shown_classes
    assert_bars_show(view, analysis, 0)
    # the rest are the most probable ones
    others = [c for c in view.shown_classes if c != true_class]
    threshold = np.sort(analysis.probabilities[0])[-len(others)]
    assert (analysis.probabilities[0, others] >= threshold).all()
    assert not view.caption.isHidden()
    caption = view.caption.text()
    assert "40" in caption and ("50,000" in caption or "50000" in caption)
    assert "classes" in caption


def test_a_swept_class_outside_the_top_forty_is_shown(make_view):
    document, view = make_view(many_classes(1, 50_000))
    p = document.analysis.probabilities[0]
    least = int(np.argmin(p))  # surely not among the 40 most probable
    assert least not in view.shown_classes
    view.set_swept_class(document.scenario.classes[least])
    assert view.swept_class == least
    assert least in view.shown_classes and len(view.shown_classes) == style.MAX_CLASSES_SHOWN
    assert int(document.scenario.targets[0]) in view.shown_classes
    x, _y = view.sweep_points.getData()
    assert_allclose(x, document.scenario.rows[0, least])
    assert view.sweep_curve_classes == [least]  # many classes: its curve, the rest in grey


def test_few_classes_have_no_caption(make_view):
    _document, view = make_view(softmax_scenario())
    assert view.caption.isHidden()


# --- accessibility ---------------------------------------------------------------------------

def test_every_plot_has_a_name_and_a_description_of_its_numbers(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    for widget in view.plot_widgets.values():
        assert widget.accessibleName()
        assert widget.accessibleDescription()
    description = view.plot_widgets["probabilities"].accessibleDescription()
    assert description.startswith("Probabilities: cat 0.879, dog 0.119, pig 0.00218")
    assert "cat 3" in view.plot_widgets["logits"].accessibleDescription()
    document.set_cell(0, 0, 0.0)
    description = view.plot_widgets["probabilities"].accessibleDescription()
    p = document.analysis.probabilities[0]
    assert f"cat {p[0]:.3f}" in description
    assert "#1 cat" in view.plot_widgets["nll"].accessibleDescription()


def test_descriptions_follow_once_the_numbers_settle(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    widget = view.plot_widgets["probabilities"]  # reading it through the view writes it now
    before = widget.accessibleDescription()
    for value in (1.0, 0.5, 0.0):  # as in a drag: a screen reader is not told every step
        document.set_cell(0, 0, value)
    assert widget.accessibleDescription() == before
    p = document.analysis.probabilities[0]
    qtbot.waitUntil(lambda: f"cat {p[0]:.3f}" in widget.accessibleDescription(), timeout=3000)


def test_descriptions_say_when_only_some_classes_are_shown(make_view):
    _document, view = make_view(many_classes(1, 50_000))
    assert "of 50" in view.plot_widgets["terms"].accessibleDescription()


# --- extreme values -------------------------------------------------------------------------

def finite_data(view):
    arrays = [bar_heights(view.logit_bars), bar_heights(view.probability_bars),
              bar_heights(view.target_bars), bar_heights(view.term_bars),
              bar_heights(view.gradient_bars)]
    for item in [view.nll_points, view.nll_selected, view.sigmoid_points, view.sweep_points,
                 view.logit_handles, view.logit_clip_marks, view.term_clip_marks,
                 *view.sweep_curves, view.sweep_others, view.nll_curve, view.sigmoid_curve]:
        data = item.getData()
        arrays += [np.asarray(a, dtype=float) for a in data if a is not None]
    return all(np.isfinite(a).all() for a in arrays)


@pytest.mark.parametrize("scenario", [
    softmax_scenario(rows=np.array([[1e300, 1.0, -1e300]]), targets=np.array([2])),
    softmax_scenario(input="probabilities", rows=np.array([[1.0, 0.0, 0.0]]),
                     targets=np.array([1])),
    sigmoid_scenario(rows=np.array([[1e308, -1e308, 0.0]]), targets=np.array([[0.0, 1, 0.5]])),
    softmax_scenario(rows=np.array([[5.0, 1.0, -3.0]]), targets=np.array([0]),
                     options=engine.Options(temperature=1e-300)),
], ids=["huge logits", "probability 0", "sigmoid extremes", "tiny temperature"])
def test_infinite_and_huge_values_are_clipped_for_drawing(make_view, scenario, qtbot):
    document, view = make_view(scenario)
    view.show()
    qtbot.waitExposed(view)
    view.grab()  # paint once: pyqtgraph computes its ranges from these numbers
    assert finite_data(view)


def test_an_infinite_term_is_marked(make_view):
    scenario = softmax_scenario(input="probabilities", rows=np.array([[1.0, 0.0, 0.0]]),
                                targets=np.array([1]))
    document, view = make_view(scenario)
    assert np.isinf(document.analysis.terms[0, 1])
    x, _ = view.term_clip_marks.getData()
    assert x.tolist() == [1.0]
    assert "∞" in view.plot_widgets["terms"].accessibleDescription()
    assert "∞" in view.sample_label.text()


def test_drawable_clips_and_reports():
    shown, beyond = drawable([1.0, np.inf, -2e7, -np.inf, 0.5])
    assert np.isfinite(shown).all()
    assert beyond.tolist() == [0, 2, -1, -2, 0]
    assert shown[1] == pytest.approx(1.25) and shown[2] == pytest.approx(-1.25)


# --- an edit redraws what changed, once -----------------------------------------------------

class PaintCounter(QObject):
    """Counts the paint events of each plot's viewport."""

    def __init__(self, plot_widgets):
        super().__init__()
        self._names = {widget.viewport(): name for name, widget in plot_widgets.items()}
        self.counts = dict.fromkeys(plot_widgets, 0)
        for viewport in self._names:
            viewport.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched in self._names:
            self.counts[self._names[watched]] += 1
        return False

    def settle(self):
        """Run the event loop until nothing paints any more; return the paint counts."""
        self.counts = dict.fromkeys(self.counts, 0)
        quiet = 0
        while quiet < 3:
            before = sum(self.counts.values())
            QApplication.processEvents()
            quiet = quiet + 1 if sum(self.counts.values()) == before else 0
        return self.counts

    def remove(self):
        for viewport in self._names:
            viewport.removeEventFilter(self)


def y_range(view, name):
    return view.plot_widgets[name].getPlotItem().getViewBox().viewRange()[1]


def test_an_edit_paints_each_plot_that_changed_once(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.show()
    qtbot.waitExposed(view)
    counter = PaintCounter(view.plot_widgets)
    try:
        counter.settle()
        # Small and large changes of the true class's logit: the large ones refit y ranges.
        for value in (2.5, -4.0, 12.0, 0.5):
            document.set_cell(0, 0, value)
            assert counter.settle() == {"logits": 1, "probabilities": 1, "terms": 1,
                                        "gradient": 1, "nll": 1, "sigmoid": 0, "sweep": 1}, value
    finally:
        counter.remove()


def test_bar_ranges_hold_every_bar_and_stay_put_for_small_edits(make_view):
    document, view = make_view(softmax_scenario())
    for name, bars in (("logits", view.logit_bars), ("terms", view.term_bars),
                       ("gradient", view.gradient_bars)):
        low, high = y_range(view, name)
        heights = bar_heights(bars)
        assert low <= min(heights.min(), 0.0) and max(heights.max(), 0.0) <= high, name
    before = y_range(view, "logits")
    document.set_cell(0, 1, 1.2)
    assert y_range(view, "logits") == before  # the axis stays: no new ticks for a nudge
    document.set_cell(0, 1, 40.0)
    grown = y_range(view, "logits")
    assert grown[1] >= 40.0
    document.set_cell(0, 1, 1.0)  # while this sample is edited, the scale holds: the bar shrinks
    assert y_range(view, "logits") == grown
    document.select_sample(1)
    document.select_sample(0)  # coming back to it fits the scale afresh
    assert y_range(view, "logits") == before


def test_a_loss_bar_is_seen_shrinking_on_the_scale_it_grew_on(make_view):
    document, view = make_view(softmax_scenario())
    document.set_cell(0, 0, -6.0)  # the true class loses: a large loss term
    large = y_range(view, "terms")
    assert bar_heights(view.term_bars).max() > 0.5 * large[1]
    document.set_cell(0, 0, 6.0)  # it wins: the term is tiny, and drawn tiny on that scale
    assert y_range(view, "terms") == large
    assert bar_heights(view.term_bars).max() < 0.01 * large[1]
    document.set_options("Unit", log_base="2")  # another unit: a fresh fit
    assert y_range(view, "terms")[1] < 0.1 * large[1]


def test_an_option_change_fits_the_scales_afresh(make_view):
    document, view = make_view(softmax_scenario())
    document.set_cell(0, 0, 0.5)  # the true class (cat) now loses to dog
    document.set_options("Temperature", temperature=0.1)  # the gradient is divided by T
    sharp = y_range(view, "gradient")
    assert sharp[1] - sharp[0] >= 5.0
    document.set_options("Temperature", temperature=1.0)  # back: the scale follows it down
    assert y_range(view, "gradient")[1] - y_range(view, "gradient")[0] < 0.5 * (sharp[1] - sharp[0])


def test_an_edit_that_widens_the_left_axis_paints_each_plot_once(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.show()
    qtbot.waitExposed(view)
    counter = PaintCounter(view.plot_widgets)
    axis = view.plot_widgets["logits"].getPlotItem().getAxis("left")
    try:
        counter.settle()
        width = axis.width()
        # Tick labels such as "-40000" need a wider axis than pyqtgraph's usual room: the axis
        # is measured before painting (else each bar plot painted three times).
        for value in (-40000.0, 123456789.0):
            document.set_cell(0, 0, value)
            assert counter.settle() == {"logits": 1, "probabilities": 1, "terms": 1,
                                        "gradient": 1, "nll": 1, "sigmoid": 0, "sweep": 1}, value
        assert axis.width() > width
    finally:
        counter.remove()


# --- the scale rules ------------------------------------------------------------------------

def test_a_held_range_grows_in_one_context_and_is_fitted_afresh_in_another():
    held = HeldRange()
    assert held.fit([3.0, 1.0, -3.0], "sample 1") == (-4.0, 4.0)
    assert held.fit([3.5, 1.0, -2.0], "sample 1") is None  # fits: kept
    assert held.fit([30.0, 1.0, -3.0], "sample 1") == (-10.0, 40.0)  # grows
    assert held.fit([0.5, 0.2, -0.1], "sample 1") is None  # shrunk bars, the same scale
    assert held.fit([0.5, 0.2, -0.1], "sample 2") == (-0.2, 0.6)  # far too wide: afresh
    assert held.fit([0.5, 0.3, 0.0], "sample 3") is None  # fits, not too wide: kept
    assert HeldRange().fit([], "no classes") == (0.0, 1.0)


def test_the_sweep_window_holds_grows_and_is_fitted_afresh():
    window = SweepWindow()
    low, high = window.fit(3.0, 0.0, 1.0, "a")  # the logit, the crossover, the temperature
    assert low <= -8.0 and 3.0 + 8.0 <= high
    assert window.fit(4.0, 0.0, 1.0, "a") == (low, high)  # a small move: the axis stays
    grown = window.fit(20.0, 0.0, 1.0, "a")
    assert grown[0] == low and grown[1] >= 28.0
    assert window.fit(3.0, 0.0, 1.0, "a") == grown  # while editing: only grows
    assert window.fit(3.0, 0.0, 1.0, "b") == (low, high)  # elsewhere: fitted afresh
    far = window.fit(-690.0, 0.0, 1.0, "c")  # no further than 30 temperatures
    assert far[0] == -30.0 and far[1] >= 8.0
    assert window.fit(1e6, 1e6, 1.0, "d")[1] >= 1e6 + 8.0


def test_the_sigmoid_range_moves_in_whole_steps_of_two():
    assert sigmoid_range(np.array([0.5, -1.0])) == (-6.0, 6.0)
    assert sigmoid_range(np.array([6.5, -7.5])) == (-10.0, 8.0)
    assert sigmoid_range(np.array([1e6, -1e6])) == (-50.0, 50.0)


def test_round_ranges_hold_their_bars_in_round_numbers():
    assert round_range(-3.0, 2.9) == (-4.0, 4.0)
    assert round_range(0.0, 0.55) == (0.0, 0.8)
    assert round_range(0.0, 0.0) == (0.0, 1.0)
    assert round_range(-1e-7, 0.0) == (-1.25e-7, 0.0)


def test_kept_bounding_rects_are_the_ones_pyqtgraph_computes(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    items = [item for widget in view.plot_widgets.values()
             for item in widget.getPlotItem().items if isinstance(item, Bars)]
    assert len(items) == 5  # logits, probabilities, targets, terms, gradient
    steps = [lambda: document.set_cell(0, 0, 40.0),  # new data and a grown y range
             lambda: document.select_sample(2),
             lambda: view.resize(700, 500),  # every view transform changes
             lambda: view.set_presentation(True),
             lambda: view.plot_widgets["terms"].getPlotItem().setYRange(-1, 9),  # as a zoom
             lambda: document.edit("mode", edits.convert_mode, "sigmoid")]
    for step in steps:
        step()
        qtbot.wait(20)  # the event loop lays out and paints, as after a real edit
        for item in items:
            assert item.boundingRect() == pg.BarGraphItem.boundingRect(item), (step, item)


def test_the_zero_lines_are_drawn_from_a_pixmap_at_zero(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.show()
    qtbot.waitExposed(view)
    widget = view.plot_widgets["logits"]
    line = next(item for item in widget.getPlotItem().items
                if isinstance(item, pg.PlotDataItem) and list(item.getData()[1]) == [0.0, 0.0])
    painted = []
    paint = line.curve.paint
    line.curve.paint = lambda *args: (painted.append(1), paint(*args))
    try:
        qtbot.wait(20)
        painted.clear()
        for value in (2.5, 2.0, 2.6):  # the bars over it change, it does not
            document.set_cell(0, 1, value)
            qtbot.wait(20)
        assert painted == []
        document.set_cell(0, 1, -40.0)  # a new y range: the line moves with zero
        qtbot.wait(20)
    finally:
        line.curve.paint = paint
    shown, hidden = with_and_without(widget, line)
    rows = np.flatnonzero((shown != hidden).any(axis=2).any(axis=1))
    zero = to_viewport(widget, line).map(QPointF(0.0, 0.0)).y()
    assert len(rows) and abs(rows.mean() - zero) <= 1.0


# --- markers: drawn where their data is, inside their bounding rect ------------------------

def viewport_pixels(widget):
    """What ``widget`` (a pyqtgraph PlotWidget) draws: an (h, w, 4) array, B G R A."""
    image = widget.viewport().grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
    return pg.functions.ndarray_from_qimage(image).copy()


def with_and_without(widget, item):
    shown = viewport_pixels(widget)
    item.hide()
    try:
        hidden = viewport_pixels(widget)
    finally:
        item.show()
    return shown, hidden


def to_viewport(widget, item):
    """Maps ``item``'s data coordinates to ``widget``'s viewport pixels."""
    return item.sceneTransform() * widget.viewportTransform()


def rgb(pixel):
    return np.array([pixel[2], pixel[1], pixel[0]], dtype=float)


def assert_markers_drawn(widget, item, colour=None):
    """Every pixel ``item`` draws lies in the pixels Qt repaints for its bounding rect (else a
    moved marker leaves a trail, or is cut), and each finite point has its marker centred on
    it: the pixel there is ``colour`` (over what lies beneath), or without a colour, the item
    draws within a few pixels of it (a marker on a curve of its own colour can hide its
    centre)."""
    shown, hidden = with_and_without(widget, item)
    changed = (shown != hidden).any(axis=2)
    transform = to_viewport(widget, item)
    rect = transform.mapRect(item.boundingRect()).toAlignedRect()
    rows, columns = np.nonzero(changed)
    assert len(rows), "nothing drawn"
    assert rect.left() <= columns.min() and columns.max() <= rect.right(), (rect, columns)
    assert rect.top() <= rows.min() and rows.max() <= rect.bottom(), (rect, rows)
    x, y = item.getData()
    for point in zip(x.tolist(), y.tolist()):
        if not np.isfinite(point).all():
            continue
        centre = transform.map(QPointF(*point))
        row, column = int(centre.y()), int(centre.x())
        if not (0 <= row < len(shown) and 0 <= column < shown.shape[1]):
            continue  # outside the plot (zoomed in): clipped
        if colour is None:
            assert changed[max(row - 6, 0):row + 7, max(column - 6, 0):column + 7].any(), point
            continue
        alpha = colour.alphaF()
        expected = alpha * np.array(colour.getRgb()[:3]) + (1 - alpha) * rgb(hidden[row, column])
        assert_allclose(rgb(shown[row, column]), expected, atol=2.5, err_msg=str(point))


def test_markers_are_drawn_at_their_points_inside_their_rects(make_view, qtbot):
    document, view = make_view(softmax_scenario())
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    foreground = view.palette().color(QPalette.ColorRole.Text)
    # The plot of each and the colour at its centres (None: several colours, or see-through
    # markers on top of each other).
    markers = [(view.logit_handles, "logits", foreground),
               (view.nll_points, "nll", None),
               (view.nll_selected, "nll", style.colour("selected")),
               (view.sigmoid_points, "sigmoid", style.colour("probability")),
               (view.sweep_points, "sweep", None)]
    steps = [lambda: None,
             lambda: document.set_cell(0, 0, 40.0),  # new data and a grown y range
             lambda: document.select_sample(2),
             lambda: view.resize(1200, 850),  # every view transform changes
             lambda: view.set_presentation(True),  # larger symbols and pens
             lambda: view.plot_widgets["logits"].getPlotItem().setYRange(-1, 9),  # as a zoom
             lambda: document.edit("mode", edits.convert_mode, "sigmoid"),
             lambda: view.show_only(["sigmoid"])]  # (past the first page at this size)
    drawn = set()
    for step in steps:
        step()
        qtbot.wait(20)  # the event loop lays out and paints, as after a real edit
        for item, name, colour in markers:
            if len(item.getData()[0]) and name in view.shown_plots():
                assert_markers_drawn(view.plot_widgets[name], item, colour)
                drawn.add(item)
    assert len(drawn) == len(markers)


def grip_width(view, slot):
    """How many pixels wide the logit grip on bar ``slot`` is drawn."""
    widget = view.plot_widgets["logits"]
    shown, hidden = with_and_without(widget, view.logit_handles)
    centre = to_viewport(widget, view.logit_handles).map(view.logit_bar_position(
        view.shown_classes[slot]))
    changed = np.flatnonzero((shown[int(centre.y())] != hidden[int(centre.y())]).any(axis=1))
    run = changed[np.abs(changed - centre.x()) < 40]
    return run.max() - run.min() + 1


def bar_pixels(view):
    widget = view.plot_widgets["logits"]
    transform = to_viewport(widget, view.logit_handles)
    return transform.map(QPointF(1, 0)).x() - transform.map(QPointF(0, 0)).x()


def test_logit_grips_follow_the_bar_width(make_view, qtbot):
    _document, view = make_view(many_classes(1, 100))  # forty bars
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    # A grip is 0.7 of a bar's slot wide, plus its outline (3 px), give or take a pixel of
    # antialiasing on each side.
    wide = grip_width(view, 0)
    assert abs(wide - (0.7 * bar_pixels(view) + 3)) <= 2
    view.resize(800, 700)
    qtbot.wait(20)
    narrow = grip_width(view, 0)
    assert narrow < wide - 2
    assert abs(narrow - (0.7 * bar_pixels(view) + 3)) <= 2
    _document, view = make_view(softmax_scenario())  # three wide bars: at most 18 px
    view.show()
    qtbot.waitExposed(view)
    assert abs(grip_width(view, 1) - (18 + 3)) <= 2


@pytest.fixture
def marker_plot(qtbot):
    """A white plot of x and y from 0 to 1, 300 x 200 pixels; deleted at teardown (see
    make_view)."""
    widget = pg.PlotWidget(background="w")
    widget.resize(300, 200)
    plot = widget.getPlotItem()
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setXRange(0.0, 1.0, padding=0)
    plot.setYRange(0.0, 1.0, padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    shiboken6.delete(widget)
    QApplication.processEvents()
    gc.collect()


@pytest.fixture(params=[Points, Markers], ids=["Points", "Markers"])
def marker_class(request):
    """The plots' two marker items: pyqtgraph's ScatterPlotItem (the clip marks) and the
    stand-in drawn where an edit moves points."""
    return request.param


def add_markers(widget, qtbot, marker_class, **style):
    markers = marker_class(**style)
    widget.addItem(markers)
    qtbot.wait(10)
    return markers


RED, BLUE = QColor(230, 0, 0), QColor(0, 0, 230)


def test_markers_keep_what_was_set_and_draw_each_brush(marker_plot, qtbot, marker_class):
    markers = add_markers(marker_plot, qtbot, marker_class, size=12, pen=None, brush=BLUE)
    markers.setData(x=[0.25, 0.5, 0.75], y=[0.5, 0.6, 0.7], brush=[RED, BLUE, RED])
    x, y = markers.getData()
    assert x.dtype == y.dtype == np.float64
    assert x.tolist() == [0.25, 0.5, 0.75] and y.tolist() == [0.5, 0.6, 0.7]
    qtbot.wait(10)
    assert_markers_drawn(marker_plot, markers)
    shown = viewport_pixels(marker_plot)
    transform = to_viewport(marker_plot, markers)
    for point, colour in zip(zip(x, y), (RED, BLUE, RED)):
        centre = transform.map(QPointF(*point))
        assert_allclose(rgb(shown[int(centre.y()), int(centre.x())]), colour.getRgb()[:3])
    markers.setData(x=[0.25], y=[0.5])  # no brushes: the item's own
    qtbot.wait(10)
    assert_markers_drawn(marker_plot, markers, BLUE)


def test_markers_grow_with_their_size_and_outline(marker_plot, qtbot, marker_class):
    markers = add_markers(marker_plot, qtbot, marker_class, size=10, pen=None, brush=RED)
    markers.setData(x=[0.5], y=[0.5])

    def width():
        qtbot.wait(10)
        shown, hidden = with_and_without(marker_plot, markers)
        columns = np.flatnonzero((shown != hidden).any(axis=(0, 2)))
        return columns.max() - columns.min() + 1

    assert 10 <= width() <= 11
    markers.setSize(20)  # as presentation mode does
    assert 20 <= width() <= 21
    markers.setPen(pg.mkPen("k", width=4))
    assert 24 <= width() <= 25
    assert_markers_drawn(marker_plot, markers, RED)
    for low, high in ((0.4, 0.6), (-1.0, 2.0)):  # zoomed in and out: still 24 pixels
        marker_plot.getPlotItem().setXRange(low, high, padding=0)
        assert 24 <= width() <= 25
        assert_markers_drawn(marker_plot, markers, RED)


def test_non_finite_points_are_kept_but_not_drawn(marker_plot, qtbot):
    markers = add_markers(marker_plot, qtbot, Markers, size=12, pen="k", brush=RED)
    markers.setData(x=[0.5, 0.25], y=[0.5, 0.75])
    qtbot.wait(10)
    finite_only, finite_rect = viewport_pixels(marker_plot), markers.boundingRect()
    markers.setData(x=[0.5, np.nan, 0.25, np.inf, 0.1], y=[0.5, 0.2, 0.75, 0.3, -np.inf])
    qtbot.wait(10)
    assert_allclose(markers.getData()[0], [0.5, np.nan, 0.25, np.inf, 0.1])
    assert_allclose(markers.getData()[1], [0.5, 0.2, 0.75, 0.3, -np.inf])
    assert np.array_equal(viewport_pixels(marker_plot), finite_only)
    assert markers.boundingRect() == finite_rect
    assert markers.dataBounds(0) == (0.25, 0.5)
    alone = Markers()  # outside a view: no pixel margin, the finite points' extent itself
    alone.setData(x=[0.5, np.nan, 0.25, 0.75], y=[0.5, 0.2, np.inf, 1.5])
    assert alone.boundingRect() == QRectF(0.5, 0.5, 0.25, 1.0)


def test_empty_markers_draw_nothing(marker_plot, qtbot, marker_class):
    markers = add_markers(marker_plot, qtbot, marker_class, size=12, pen="k", brush=RED)
    assert markers.dataBounds(1) == (None, None)
    markers.setData(x=[0.5], y=[0.5])
    qtbot.wait(10)
    markers.setData()
    qtbot.wait(10)
    assert markers.dataBounds(1) == (None, None)
    shown, hidden = with_and_without(marker_plot, markers)
    assert np.array_equal(shown, hidden)


def test_markers_repaint_only_when_something_changed(marker_plot, qtbot, marker_class):
    markers = add_markers(marker_plot, qtbot, marker_class, size=12, pen=None, brush=RED)
    x, y = np.array([0.5, 0.25]), np.array([0.5, 0.75])
    markers.setData(x=x, y=y, brush=[RED, BLUE])
    counter = PaintCounter({"plot": marker_plot})
    try:
        counter.settle()
        markers.setData(x=x.copy(), y=y.copy(), brush=[RED, BLUE])  # the same values
        markers.setSize(12)
        assert counter.settle() == {"plot": 0}
        x[0] = 0.4  # the array given before, changed since: new data
        markers.setData(x=x, y=y, brush=[RED, BLUE])
        assert counter.settle() == {"plot": 1}
        assert markers.getData()[0].tolist() == [0.4, 0.25]
        markers.setData(x=x, y=y, brush=[BLUE, BLUE])
        assert counter.settle() == {"plot": 1}
        markers.setSize(14)
        assert counter.settle() == {"plot": 1}
        markers.setData()
        assert counter.settle() == {"plot": 1}
        assert len(markers.getData()[0]) == 0
        markers.setData()
        assert counter.settle() == {"plot": 0}
    finally:
        counter.remove()


def test_exported_markers_scale_with_the_image(marker_plot, qtbot, marker_class):
    markers = add_markers(marker_plot, qtbot, marker_class, size=10, pen=None, brush=RED)
    markers.setData(x=[0.5], y=[0.5])
    qtbot.wait(10)
    exporter = pg.exporters.ImageExporter(marker_plot.getPlotItem())
    exporter.parameters()["width"] = 2 * exporter.parameters()["width"]
    image = exporter.export(toBytes=True).convertToFormat(QImage.Format.Format_ARGB32)
    pixels = pg.functions.ndarray_from_qimage(image)
    red = np.all(np.abs(pixels[..., :3].astype(int) - [0, 0, 230]) <= 3, axis=2)
    rows, columns = np.nonzero(red)
    source = marker_plot.getPlotItem().sceneBoundingRect()
    centre = (markers.sceneTransform().map(QPointF(0.5, 0.5)) - source.topLeft()) * 2
    assert abs(columns.mean() - centre.x()) < 1.5 and abs(rows.mean() - centre.y()) < 1.5
    assert 17 <= columns.max() - columns.min() + 1 <= 21  # twice the 10 pixels on screen


def test_a_hidden_view_catches_up_when_shown_or_read(make_view, host):
    document, view = make_view(softmax_scenario())
    host.layout().addWidget(view)
    view.hide()  # as in a closed dock: the window is on screen, the plots are not
    document.set_cell(0, 0, -1.0)
    assert bar_heights(view.logit_bars)[0] == 3.0  # no drawing for no one
    view.show()
    assert_bars_show(view, document.analysis, 0)
    view.hide()
    document.set_cell(0, 0, 2.0)
    assert view.plot_widgets  # an export reads them: up to date first
    assert_bars_show(view, document.analysis, 0)


# --- presentation ---------------------------------------------------------------------------

def test_presentation_mode_scales_fonts_and_lines(make_view):
    _document, view = make_view(softmax_scenario())
    axis = view.plot_widgets["terms"].getPlotItem().getAxis("left")
    normal_font = axis.style["tickFont"].pointSizeF()
    normal_width = view.nll_curve.opts["pen"].widthF()
    view.set_presentation(True)
    assert view.presentation
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(
        normal_font * style.PRESENTATION_SCALE)
    assert view.nll_curve.opts["pen"].widthF() == pytest.approx(
        normal_width * style.PRESENTATION_SCALE)
    view.set_presentation(False)
    assert axis.style["tickFont"].pointSizeF() == pytest.approx(normal_font)



def test_in_presentation_mode_every_plot_fits_its_widget_and_titles_stay_on_one_line(
        make_view, qtbot):
    _document, view = make_view(softmax_scenario())
    view.resize(700, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_presentation(True)
    view.show_only(["terms", "logits"])  # side by side, as on the stage: 350 px each
    qtbot.wait(20)
    for name in view.shown_plots():
        widget = view.plot_widgets[name]
        plot = widget.getPlotItem()
        # Before: a long title's width was the plot's least width, and the plot's right part
        # (the last bars, the p = 1 end of the −ln p curve) fell outside its widget.
        assert plot.geometry().width() <= widget.viewport().width(), name
        title = plot.titleLabel
        # Then titles wrapped, over the plot: now one line that fits, the size of a line.
        assert title.itemRect().width() <= title.size().width() + 1, name
        assert title.item.textWidth() == -1 and title.item.document().lineCount() == 1, name
        line = QFontMetricsF(title.item.font()).height()
        assert title.itemRect().height() <= 1.5 * line * style.PRESENTATION_SCALE, name
    terms = view.plot_widgets["terms"].getPlotItem().titleLabel
    # Too long for 350 px at 1.6 times the size: its short form, "CE terms −w y ln p".
    assert terms.shown_text() == "CE terms −w y ln p"
    assert terms.toolTip() == "Cross-entropy terms −w y ln p per class"
    view.set_presentation(False)
    view.show_only(None)
    view.resize(1600, 900)
    qtbot.wait(20)
    assert terms.shown_text() == "Cross-entropy terms −w y ln p per class"  # room again
    assert terms.item.scale() == 1.0


# --- engine.curves --------------------------------------------------------------------------

def test_sweep_probabilities_equal_softmax_of_the_swept_rows():
    z = np.array([3.0, 1.0, -3.0, 0.5])
    values = np.linspace(-10, 10, 11)
    rows = np.tile(z, (len(values), 1))
    rows[:, 2] = values
    assert_allclose(curves.sweep_probabilities(z, 2, values, temperature=0.7),
                    engine.softmax(rows, 0.7), atol=1e-15)
    assert_allclose(curves.sweep_probabilities(z, 2, values, classes=[3, 2]),
                    engine.softmax(rows)[:, [3, 2]], atol=1e-15)
    sigmoid = curves.sweep_probabilities(z, 2, values, mode="sigmoid", temperature=2.0)
    assert_allclose(sigmoid[:, 2], engine.sigmoid(values / 2.0))
    assert_allclose(sigmoid[:, 0], engine.sigmoid(1.5))


def test_sweep_probabilities_with_extreme_logits_stay_finite():
    result = curves.sweep_probabilities([1e308, -1e308, 0.0], 1, [1e308, 0.0, -1e308])
    assert_allclose(result, [[0.5, 0.5, 0.0], [1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    assert_allclose(curves.sweep_probabilities([2.0], 0, [-5.0, 5.0]), [[1.0], [1.0]])


def test_crossover_logit_is_where_the_probability_is_one_half():
    z = np.array([3.0, 1.0, -3.0])
    crossover = curves.crossover_logit(z, 0, temperature=2.0)
    assert_allclose(curves.sweep_probabilities(z, 0, [crossover], temperature=2.0)[0, 0], 0.5)
    assert curves.crossover_logit(z, 0, mode="sigmoid") == 0.0
    assert curves.crossover_logit([4.0], 0) is None


def test_surprisal_and_logits_from_probabilities():
    assert_allclose(curves.surprisal([1.0, 0.5, 0.25], "2"), [0.0, 1.0, 2.0])
    assert curves.surprisal(0.0)[()] == np.inf
    assert_allclose(curves.logits_from_probabilities([0.5, 0.25], "sigmoid"),
                    [0.0, np.log(1 / 3)])
    assert np.isfinite(curves.logits_from_probabilities([0.0, 1.0], "sigmoid")).all()
    assert curves.logits_from_probabilities([0.0], floor=False)[0] == -np.inf


# --- class names on the bar axes ----------------------------------------------------------------

TWELVE = ("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
          "truck", "hippopotamus", "zebra")


@pytest.mark.parametrize("width", [1100, 520])
def test_up_to_twelve_classes_every_name_is_on_the_axis_whole_in_its_tooltip(make_view, qtbot,
                                                                          width):
    # Before, a name that overlapped its neighbour was left out: with 5 classes, every other one.
    rows = np.linspace(-2.0, 2.0, 36).reshape(3, 12)
    _document, view = make_view(engine.Scenario(classes=TWELVE, rows=rows,
                                                targets=np.array([0, 5, 10])))
    view.resize(width, 800)
    view.show()
    qtbot.waitExposed(view)
    view.show_only(["logits"])
    qtbot.wait(20)
    axis = view.plot_widgets["logits"].getPlotItem().getAxis("bottom")
    picture = QImage(axis.boundingRect().size().toSize(), QImage.Format.Format_ARGB32)
    painter = QPainter(picture)
    specs = axis.generateDrawSpecs(painter)
    painter.end()
    if axis._upright:  # too narrow to lie: upright, each at its bar
        drawn = [text for _x, _top, text in axis._upright]
    else:
        drawn = [text for _rect, _flags, text in specs[2]]
        rects = sorted((rect for rect, _flags, _text in specs[2]), key=lambda rect: rect.left())
        assert all(a.right() <= b.left() for a, b in zip(rects, rects[1:]))  # none overlap
    assert len(drawn) == 12
    for name, text in zip(TWELVE, drawn):
        assert text == name or (text.endswith("…") and name.startswith(text[:-1])), (name, text)
        assert text == name or len(text) >= 4  # at least three letters and "…", not "a…"
    centres = axis._centres
    assert [axis.name_at(x) for x in centres] == list(TWELVE)  # the tooltip's whole name
    if width == 520:
        assert axis._upright  # the narrow plot turns them upright rather than cut them to "a…"
