"""Issue 16 in the window: the mode switch that says what it did, the Learn panel (Step, Play,
Reset, one undo step per run, the curves, the binary pair) and the softmax | sigmoid view."""

import math

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtWidgets import QApplication, QTabBar

import engine
from engine import ScenarioError, edits, training
from engine.readings import both_readings
from gui.common import messages
from gui.common.formatting import format_number
from gui.document import Document
from gui.shell import i18n
from gui.views.learn.forms import FormsView
from gui.views.learn import ahead
from gui.views.learn.charts import DRAWN_POINTS, OTHERS_POINTS, RowsCurve, round_up
from gui.views.learn.history import HISTORY_STEPS, CurvePoints, Series, thinned
from gui.views.learn.panel import LearnPanel
from gui.views.options_panel import OptionsPanel
from scenarios import cat_dog_pig, preset
from test_plots import PaintCounter


@pytest.fixture
def learn(shown_view):
    """A Document and its Learn panel, in a window on screen (Play waits for its paints)."""
    return lambda scenario=None: shown_view(LearnPanel, scenario or cat_dog_pig())


@pytest.fixture
def view(qtbot):
    """A Document and a view of it (a View class) on its own."""
    def make(view_class, scenario):
        document = Document(scenario)
        shown = view_class(document)
        qtbot.addWidget(shown)
        return document, shown
    return make


@pytest.fixture
def options(view):
    return lambda scenario: view(OptionsPanel, scenario)


@pytest.fixture
def forms(view):
    return lambda scenario: view(FormsView, scenario)


def choose_mode(panel, mode):
    panel.mode.setCurrentIndex(panel.mode.findData(mode))
    panel.mode.activated.emit(panel.mode.currentIndex())


# --- the mode switch --------------------------------------------------------------------------

def test_a_one_label_sigmoid_becomes_the_equal_two_class_softmax_and_says_so(options):
    sigmoid = preset("binary_sigmoid.json")
    document, panel = options(sigmoid)
    loss = document.analysis.loss
    choose_mode(panel, "softmax")
    softmax = preset("binary_softmax.json")
    assert document.scenario == softmax.replace(title=sigmoid.title,
                                                description=sigmoid.description)
    assert document.analysis.loss == pytest.approx(loss, rel=1e-12)
    note = panel.note.text()
    assert note.startswith(f"Switched to softmax: the batch loss is unchanged, "
                           f"{format_number(loss)} nats.")
    assert "classes 'not spam' and 'spam' with logits (0, z)" in note
    choose_mode(panel, "sigmoid")  # back again: the original
    assert document.scenario == sigmoid
    assert document.undo_stack.count() == 2


def test_several_true_labels_made_one_right_answer_are_named_and_undo_restores_them(options):
    scenario = cat_dog_pig(mode="sigmoid", targets=[[1.0, 0.0, 0.0], [1.0, 1.0, 0.0],
                                                     [0.0, 0.0, 0.0]])
    document, panel = options(scenario)
    before = document.analysis.loss
    choose_mode(panel, "softmax")
    assert document.scenario.targets.tolist() == [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0],
                                                  [1 / 3, 1 / 3, 1 / 3]]
    lines = panel.note.text().split("\n")
    assert lines == [
        f"Switched to softmax: the batch loss is now {format_number(document.analysis.loss)} "
        f"nats (it was {format_number(before)}).",
        "Row 2: several true labels, but softmax has one right answer, so the labels were "
        "divided by their sum.",
        "Row 3: no true label, so the softmax target is uniform over the classes."]
    document.undo_stack.undo()
    assert document.scenario == scenario
    assert panel.note.text() == ""  # the note was about the switch that undo took back


def test_class_indices_made_labels_say_what_the_targets_became(options):
    document, panel = options(cat_dog_pig(targets=[0, -100, 2]))
    choose_mode(panel, "sigmoid")
    assert document.scenario.targets.tolist() == [[1, 0, 0], [0, 0, 0], [0, 0, 1]]
    assert panel.note.text().split("\n")[1:] == [
        "Each true class is now a label 1 and every other class a label 0: one yes/no "
        "question per class.",
        "Row 2: left out by ignore_index, but sigmoid counts every sample, so now counted, "
        "with no true label."]


def test_every_note_key_of_the_engine_has_a_sentence():
    documented = edits.switch_mode.__doc__
    named = {key for key in messages.NOTES if f"``{key}``" in documented}
    assert named == set(messages.NOTES) and len(named) == 17


def test_notes_count_rows_from_one_and_shorten_long_lists():
    notes = (("targets_uniform", {"rows": list(range(20))}),
             ("weights_as_pos_weight", {"class_weights": [2.0, 3.0], "pos_weight": [1.5]}))
    assert messages.describe_notes(notes) == [
        "Rows 1, 2, 3, 4, 5, 6, 7, 8, …: no true label, so the softmax target is uniform over "
        "the classes.",
        "The class weights (2, 3) are now the label's weight 2 and pos_weight 1.5."]


def test_the_not_class_and_the_training_errors_are_in_chinese(options):
    i18n.install_language("zh_CN")
    try:
        document, panel = options(preset("binary_sigmoid.json"))
        choose_mode(panel, "softmax")
        negative = QCoreApplication.translate("OptionsPanel", "not {name}")
        assert negative != "not {name}"
        assert document.scenario.classes == (negative.format(name="spam"), "spam")
        for code, kind, details in (("not_trainable", "probabilities", {}),
                                    ("not_trainable", "nothing_counted", {}),
                                    ("not_binary", "pair", {"mode": "softmax", "classes": 3})):
            error = ScenarioError(code, "English", kind=kind, **details)
            described = messages.describe(error)
            assert described != "English" and any("\u4e00" <= c <= "\u9fff" for c in described)
    finally:
        i18n.install_language("en")


# --- the Learn panel: steps and undo ------------------------------------------------------------

def test_a_step_is_the_engines_gradient_step_and_one_undo_step(learn):
    document, panel = learn()
    start = document.scenario
    panel.lr.setValue(0.5)
    panel.step_button.click()
    assert document.scenario == training.step(start, 0.5)
    assert document.undo_stack.undoText() == "Train the logits"
    panel.step_button.click()
    panel.step_button.click()
    assert document.undo_stack.count() == 1  # the run is one undo step
    np.testing.assert_array_equal(document.scenario.rows,
                                  training.train(start, 3, 0.5).scenario.rows)
    document.undo_stack.undo()
    assert document.scenario == start


def test_play_runs_steps_and_the_curves_are_the_engines_trajectory(learn, qtbot):
    document, panel = learn()
    start = document.scenario
    panel.speed.setValue(60)
    panel.play_button.click()
    assert panel.playing and panel.play_button.text() == "&Pause"
    qtbot.waitUntil(lambda: panel._run is not None and panel._run.steps >= 12, timeout=10000)
    panel.play_button.click()
    steps = panel._shown_run.steps
    assert not panel.playing and panel.play_button.text() == "&Play"
    run = training.train(start, steps, 1.0)
    assert document.scenario == run.scenario
    x, loss = panel.chart.loss_curve.getData()
    assert x.tolist() == list(range(steps + 1))
    np.testing.assert_allclose(loss, run.losses, rtol=1e-12)
    # p(true class): the selected sample (0) in its own curve, the others in one.
    np.testing.assert_allclose(panel.chart.selected_curve.getData()[1],
                               run.true_probabilities[:, 0], rtol=1e-12)
    others = panel.chart.others_curve.getData()[1]
    np.testing.assert_allclose(others[:steps + 1], run.true_probabilities[:, 1], rtol=1e-12)
    assert math.isnan(others[steps + 1])  # the break between two samples' curves
    assert panel.status.text() == f"Step {steps} · batch loss {format_number(run.losses[-1])} nats"
    assert document.undo_stack.count() == 1


def test_pause_and_play_go_on_in_the_same_undo_step_until_something_else_changes(learn):
    document, panel = learn()
    panel.step()
    panel.play()
    panel.step()  # (what a tick does)
    panel.pause()
    panel.step()
    assert document.undo_stack.count() == 1 and panel._run.steps == 3
    panel.play()
    document.set_cell(0, 1, 0.25)  # another edit ends the run, and Play with it
    assert panel._run is None and not panel.playing
    trained = document.scenario
    panel.step()
    assert document.undo_stack.count() == 3  # a new run, a new undo step
    assert panel._run.steps == 1
    document.undo_stack.undo()
    assert document.scenario == trained


def test_reset_undoes_the_run_redo_brings_it_back_and_the_curves_clear(learn):
    document, panel = learn()
    document.set_cell(0, 0, 2.0)
    before = document.scenario
    for _ in range(5):
        panel.step()
    trained = document.scenario
    assert panel.reset_button.isEnabled()
    panel.reset_button.click()
    assert document.scenario == before
    assert document.undo_stack.undoText() == "Edit photo 1 · cat"  # the edit before stays
    assert not panel.reset_button.isEnabled()
    assert len(panel.chart.loss_curve.getData()[0]) == 0
    assert panel.status.text() == "Press Step or Play to train the logits."
    document.undo_stack.redo()
    assert document.scenario == trained


def test_reset_undoes_a_run_split_by_a_save(learn):
    document, panel = learn()
    start = document.scenario
    panel.step()
    document.undo_stack.setClean()  # saving: the next step cannot merge into a saved one
    panel.step()
    assert document.undo_stack.count() == 2
    panel.reset()
    assert document.scenario == start


def test_play_takes_no_step_while_the_last_one_is_not_painted(learn):
    document, panel = learn()
    panel.play()
    panel.timer.timeout.emit()
    panel.timer.timeout.emit()  # the window has not painted the first step yet
    assert panel._run.steps == 1 and panel.skipped_ticks == 1
    QCoreApplication.sendEvent(panel.window(), QEvent(QEvent.Type.UpdateRequest))
    panel.timer.timeout.emit()
    assert panel._run.steps == 2
    panel.pause()


def steps_taken_ahead(monkeypatch):
    """A list that grows by one each time a step is computed (at a tick or ahead of it)."""
    computed = []
    real = ahead.stepped
    monkeypatch.setattr(ahead, "stepped",
                        lambda *args: computed.append(1) or real(*args))
    return computed


def test_the_next_step_is_taken_ahead_after_the_paint_and_is_the_step_a_tick_takes(
        learn, qtbot, monkeypatch):
    computed = steps_taken_ahead(monkeypatch)
    document, panel = learn(cat_dog_pig(models=(engine.Model("A", cat_dog_pig().rows),
                                                engine.Model("B", [[0.5, 0.0, -0.5]] * 3)),
                                        rows=None))
    document.select_model(1)
    start = document.scenario
    panel.lr.setValue(0.5)
    panel.step()
    assert computed == [1]  # (nothing taken ahead before the first step)
    qtbot.waitUntil(lambda: len(computed) == 2)  # the window painted: the next is taken
    analysed = document.analysis
    panel.step()
    assert len(computed) == 2  # the tick took the step made ahead
    expected = training.train(start.model_scenario(1), 2, 0.5)
    np.testing.assert_array_equal(document.scenario.models[1].rows, expected.scenario.rows)
    np.testing.assert_array_equal(document.scenario.models[0].rows, start.models[0].rows)
    assert document.analysis is not analysed
    assert document.analysis.loss == expected.analysis.loss
    np.testing.assert_array_equal(document.analysis.probabilities,
                                  expected.analysis.probabilities)
    assert document.undo_stack.count() == 1 and panel.steps == 2


def test_a_step_taken_ahead_is_dropped_when_the_rate_or_the_logits_change_before_the_tick(
        learn, qtbot, monkeypatch):
    computed = steps_taken_ahead(monkeypatch)
    document, panel = learn()
    panel.step()
    qtbot.waitUntil(lambda: len(computed) == 2)
    before = document.scenario
    panel.lr.setValue(0.25)  # a new rate: the step ahead was taken at 1.0
    panel.step()
    assert len(computed) == 3
    assert document.scenario == training.step(before, 0.25)
    qtbot.waitUntil(lambda: len(computed) == 4)
    document.set_cell(0, 0, 1.5)  # an edit: the run ends, and what was taken ahead with it
    edited = document.scenario
    panel.step()
    assert len(computed) == 5
    assert document.scenario == training.step(edited, 0.25)
    assert document.analysis.loss == engine.analyze(document.scenario).loss


# --- what cannot be trained -------------------------------------------------------------------

def test_probability_input_cannot_be_trained_and_the_panel_offers_logits(learn):
    scenario = preset("cat_dog_pig.json")
    document, panel = learn(scenario)
    assert not panel.step_button.isEnabled() and not panel.play_button.isEnabled()
    assert panel.message.text() == ("probabilities cannot be trained: only logits take a "
                                    "gradient step")
    assert panel.to_logits_button.isVisible()
    panel.to_logits_button.click()
    assert document.scenario.input == "logits"
    for after, before in zip(document.scenario.models, scenario.models):  # (two models)
        np.testing.assert_allclose(after.rows, np.log(before.rows), rtol=1e-15)
    assert panel.step_button.isEnabled() and panel.message.text() == ""
    assert not panel.to_logits_button.isVisible()
    assert panel.step()


def test_a_batch_with_nothing_counted_is_refused_and_play_stops(learn):
    document, panel = learn(cat_dog_pig(targets=[-100, -100, -100]))
    panel.play()
    panel.timer.timeout.emit()
    assert not panel.playing
    assert panel.message.text().startswith("no sample is counted")
    assert document.undo_stack.count() == 0


# --- the binary pair --------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["learn_binary_pair.json", "binary_softmax.json"])
def test_the_other_form_trains_beside_it_as_train_pair_does(learn, name):
    start = preset(name)
    document, panel = learn(start)
    assert panel.pair_box.isEnabled()
    panel.pair_box.setChecked(True)
    for _ in range(6):
        panel.step()
    pair = training.train_pair(start, 6, 1.0)
    curves = panel.chart.pair_curves
    np.testing.assert_allclose(curves["sigmoid"].getData()[1], pair.sigmoid.losses, rtol=1e-12)
    np.testing.assert_allclose(curves["softmax"].getData()[1], pair.softmax.losses, rtol=1e-12)
    assert curves["softmax"].isVisible() and not panel.chart.loss_curve.isVisible()
    logit = pair.sigmoid_logits[1, 0] - pair.sigmoid_logits[0, 0]
    margin = pair.softmax_margins[1, 0] - pair.softmax_margins[0, 0]
    assert margin == pytest.approx(2 * logit, rel=1e-12)
    assert panel.pair_note.text().startswith(
        f"Step 1 moved this sample's sigmoid logit z by {format_number(logit)} and its softmax "
        f"margin z₁ − z₀ by {format_number(margin)}: twice as far")


def test_the_pair_is_only_for_binary_problems(learn):
    document, panel = learn()  # three classes
    assert not panel.pair_box.isEnabled()


# --- bounded history --------------------------------------------------------------------------

def test_a_long_run_keeps_only_the_last_steps():
    series = Series(2, limit=HISTORY_STEPS)
    for step in range(5000):
        series.append(step, [step, -step])
    assert len(series) == HISTORY_STEPS
    assert series.steps[0] == 5000 - HISTORY_STEPS and series.last_step == 4999
    assert series.values[-1].tolist() == [4999, -4999]
    assert series._values.shape == (2 * HISTORY_STEPS, 2)  # the memory stays bounded


def test_a_curve_draws_at_most_its_limit_keeping_the_ends():
    drawn = thinned(2000, 250)
    assert len(drawn) == 250 and drawn[0] == 0 and drawn[-1] == 1999
    assert thinned(5, 400).tolist() == [0, 1, 2, 3, 4]


def taken_again(series, columns, limit):
    """What a curve draws of ``columns`` of ``series``, taken from scratch: (x, y) as
    CurvePoints.take gives them (a NaN after each column's points)."""
    rows = thinned(len(series), limit)
    y = series.values[rows][:, columns].T.astype(float)
    y[~np.isfinite(y)] = np.nan
    gap = np.full((len(columns), 1), np.nan)
    return (np.hstack([np.tile(series.steps[rows], (len(columns), 1)), gap]),
            np.hstack([y, gap]))


def test_curve_points_appended_step_by_step_are_those_taken_from_scratch():
    # Rows are appended while they all fit, then thinned (8); the series drops its first rows
    # past its own limit (12) while all fit (30); taken twice with no new row; a new series
    # and new columns start over.
    series = Series(4, limit=12)
    cases = [([0, 2], 8), ([1, 2, 3], 30)]
    points = [CurvePoints() for _ in cases]
    for step in range(20):
        series.append(step, [step, -step, np.inf if step == 3 else step / 2, np.nan])
        for (columns, limit), kept in zip(cases * 2, points * 2):
            x, y = kept.take(series, columns, limit)
            expected = taken_again(series, columns, limit)
            np.testing.assert_array_equal(x, expected[0])
            np.testing.assert_array_equal(y, expected[1])
            if step == 5:
                assert math.isnan(y[1, 3]) and y[1, 4] == 2.0  # ∞ is drawn as a break
    old, fresh = Series(4), Series(4)
    old.append(0, [1.0, 2.0, 3.0, 4.0])
    fresh.append(0, [7.0, 8.0, 9.0, 10.0])
    points[1].take(old, [1, 2, 3], 30)
    np.testing.assert_array_equal(points[1].take(fresh, [1, 2, 3], 30)[1],
                                  [[8, np.nan], [9, np.nan], [10, np.nan]])
    np.testing.assert_array_equal(points[1].take(fresh, [0], 30)[1], [[7, np.nan]])


def assert_chart_draws(chart, history, selected, pair=None):
    """The chart's curves hold exactly what ``history`` (and ``pair``) give, taken from
    scratch."""
    samples = history.values.shape[1] - 1
    x, y = taken_again(history, [0, 1 + selected], DRAWN_POINTS)
    np.testing.assert_array_equal(chart.selected_curve.getData(), (x[0, :-1], y[1, :-1]))
    if pair is None:
        np.testing.assert_array_equal(chart.loss_curve.getData(), (x[0, :-1], y[0, :-1]))
    else:
        x, y = taken_again(pair, [0, 1], DRAWN_POINTS)
        for row, form in enumerate(("sigmoid", "softmax")):
            np.testing.assert_array_equal(chart.pair_curves[form].getData(),
                                          (x[row, :-1], y[row, :-1]))
    others = [1 + n for n in range(samples) if n != selected]
    x, y = taken_again(history, others, min(DRAWN_POINTS, OTHERS_POINTS // len(others)))
    np.testing.assert_array_equal(chart.others_curve.getData(), (x.ravel(), y.ravel()))


def test_the_curves_are_the_runs_history_after_steps_reset_undo_and_another_sample(learn):
    # Play appends each step's points to the curves: what they hold must stay the history.
    document, panel = learn()
    panel.step()
    document.set_cell(0, 1, 0.5)  # the run is over, its curves stay till the next one's
    panel.step()
    assert_chart_draws(panel.chart, panel._run.history, 0)
    panel.step()
    panel.step()
    assert_chart_draws(panel.chart, panel._run.history, 0)
    panel.reset()
    start = document.scenario
    panel.step()
    panel.step()
    history = panel._run.history
    assert len(history) == 3 and panel.chart.loss_curve.getData()[0].tolist() == [0, 1, 2]
    assert_chart_draws(panel.chart, history, 0)
    np.testing.assert_allclose(panel.chart.loss_curve.getData()[1],
                               training.train(start, 2, 1.0).losses, rtol=1e-12)
    document.undo_stack.undo()  # the run is over: its curves stay
    assert_chart_draws(panel.chart, history, 0)
    panel.step()  # a new run from the undone logits
    assert_chart_draws(panel.chart, panel._run.history, 0)
    assert len(panel._run.history) == 2
    document.select_sample(2)
    panel.step()
    panel.step()
    assert_chart_draws(panel.chart, panel._run.history, 2)


def test_the_other_samples_curves_are_drawn_as_pyqtgraph_draws_them(qtbot):
    # RowsCurve builds its path a row at a time: the pixels must be pyqtgraph's own, rows
    # with gaps (no number at some steps, or none at all) and a one-point row included.
    rng = np.random.default_rng(3)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(300, 200)
    widget.setXRange(0, 40, padding=0)
    widget.setYRange(0, 1, padding=0)
    widget.show()
    qtbot.waitExposed(widget)
    pen = pg.mkPen("#4080c0", width=1)
    ours, theirs = RowsCurve(widget.getPlotItem(), pen), pg.PlotCurveItem(pen=pen,
                                                                         connect="finite")
    widget.addItem(theirs)
    for points in (1, 2, 41):
        x = np.tile(np.r_[np.arange(points, dtype=float), np.nan], (6, 1))
        y = np.hstack([rng.uniform(0, 1, (6, points)), np.full((6, 1), np.nan)])
        y[2, 3:9] = np.nan
        y[4, :-1] = np.nan
        ours.setData(x, y)
        theirs.setData(x.ravel(), y.ravel())
        images = []
        for shown in (ours, theirs):
            ours.setVisible(shown is ours)
            theirs.setVisible(shown is theirs)
            images.append(widget.grab().toImage())
        assert images[0] == images[1]
        np.testing.assert_array_equal(ours.getData(), theirs.getData())
    assert not images[0].isNull()


def test_the_other_samples_path_is_pyqtgraphs_element_for_element(qtbot):
    # Whole rows (the usual case) are copied into one polygon each from an array of all of
    # them: every row's points, its last point again, a moveTo at each row's start.
    rng = np.random.default_rng(5)
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    pen = pg.mkPen("#4080c0", width=1)
    ours = RowsCurve(widget.getPlotItem(), pen)
    theirs = pg.PlotCurveItem(pen=pen, connect="finite")
    widget.addItem(theirs)

    def elements(path):
        return [(path.elementAt(k).type, path.elementAt(k).x, path.elementAt(k).y)
                for k in range(path.elementCount())]

    for points in (1, 2, 41, 5):
        x = np.tile(np.r_[np.arange(points, dtype=float), np.nan], (7, 1))
        y = np.hstack([rng.uniform(0, 1, (7, points)), np.full((7, 1), np.nan)])
        ours.setData(x, y)
        theirs.setData(x.ravel(), y.ravel())
        assert elements(ours.getPath()) == elements(theirs.getPath())
        assert ours.getPath().elementCount() == 7 * (points + 1)


def on_screen(widget):
    """What the window shows of ``widget``: its backing store, painted a part at a time (the
    parts that changed), as Play paints it."""
    QApplication.processEvents()
    top = widget.mapTo(widget.window(), QPoint(0, 0))
    return widget.screen().grabWindow(widget.window().winId(), top.x(), top.y(),
                                      widget.width(), widget.height()).toImage()


def test_the_chart_painted_a_step_at_a_time_is_the_chart_painted_whole(learn):
    # Each step repaints only what Qt finds changed (by the curves' kept bounding rects, in
    # the scene's index): a rect or an index that missed a change would leave stale pixels.
    document, panel = learn(cat_dog_pig(rows=[[9.0, -9.0, 0.0], [0.0, 0.0, 0.0],
                                              [-5.0, 5.0, 5.0]]))
    chart = panel.chart.widget
    for step in range(24):
        if step == 12:
            document.select_sample(2)
        panel.step()
        shown = on_screen(chart)
        assert shown == chart.grab().toImage().convertToFormat(shown.format()), step


@pytest.mark.parametrize("value, rounded", [
    (0.0123, 0.02), (8.767, 10.0), (2.5, 2.5), (2.50001, 5.0), (7, 10.0), (0.0, 0.0),
    (-3.0, 0.0), (math.inf, 0.0), (math.nan, 0.0),
    # A loss trained down to a subnormal float (there is no 10 ** -324), and one near the
    # largest float (2e308 is not a float): the axis still has a top.
    (5e-324, 1e-300), (2.2e-308, 1e-300), (1.7e308, 1.7e308)])
def test_the_loss_axis_top_is_a_round_number_over_the_highest_loss(value, rounded):
    assert round_up(np.float64(value)) == rounded


def test_each_curves_bounding_rect_holds_every_point_it_draws(learn):
    # Qt repaints a curve by its bounding rect: one that missed a point would leave it stale.
    document, panel = learn(cat_dog_pig(rows=[[9.0, -9.0, 0.0], [0.0, 0.0, 0.0],
                                              [-5.0, 5.0, 5.0]]))
    chart = panel.chart
    for steps in (1, 30):
        for _ in range(steps):
            panel.step()
        for curve in (chart.loss_curve, chart.others_curve, chart.selected_curve):
            rect = curve.boundingRect()
            x, y = curve.getData()
            drawn = np.isfinite(y)
            assert drawn.sum() >= steps + 1
            assert rect.left() < x[drawn].min() and x[drawn].max() < rect.right()
            assert rect.top() < y[drawn].min() and y[drawn].max() < rect.bottom()
    chart.clear()
    assert chart.loss_curve.boundingRect().isNull()


def test_the_pair_curves_are_its_history_when_it_joins_a_run(learn):
    document, panel = learn(preset("learn_binary_pair.json"))
    panel.step()
    panel.pair_box.setChecked(True)
    for _ in range(3):
        panel.step()
    run = panel._run
    assert len(run.pair.losses) == 4  # from the step it joined at
    assert_chart_draws(panel.chart, run.history, 0, run.pair.losses)


# --- the softmax | sigmoid view ---------------------------------------------------------------

def test_the_same_logits_read_as_softmax_sum_to_one_and_as_sigmoids_do_not(forms):
    document, view = forms(cat_dog_pig())
    z = np.array([3.0, 1.0, -3.0])
    softmax_p = np.exp(z) / np.exp(z).sum()
    sigmoid_p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(view.probability_bars["softmax"].opts["height"], softmax_p,
                               rtol=1e-15)
    np.testing.assert_allclose(view.probability_bars["sigmoid"].opts["height"], sigmoid_p,
                               rtol=1e-15)
    assert view.target_bars["softmax"].opts["height"].tolist() == [1.0, 0.0, 0.0]
    assert view.plots["softmax"].titleLabel.text == "softmax: Σp = 1"
    assert view.plots["sigmoid"].titleLabel.text == \
        f"sigmoid: Σp = {format_number(sigmoid_p.sum())}"
    assert view.needs["softmax"].text() == "Targets: one class index, 0 ('cat')."
    assert view.needs["sigmoid"].text() == \
        "Targets: a label from 0 to 1 for every class: 'cat' 1, 'dog' 0, 'pig' 0"
    readings = both_readings(document.scenario, 0)
    for form in ("softmax", "sigmoid"):
        assert view.losses[form].text() == \
            f"Loss of this sample: {format_number(getattr(readings, form).loss)} nats"


def test_the_view_follows_the_selected_sample_and_an_edit(forms):
    document, view = forms(cat_dog_pig())
    document.select_sample(2)
    assert view.needs["softmax"].text() == "Targets: one class index, 2 ('pig')."
    document.set_cell(2, 2, 0.0)
    np.testing.assert_allclose(view.probability_bars["sigmoid"].opts["height"],
                               1 / (1 + np.exp(-np.array([1.2, 0.3, 0.0]))), rtol=1e-15)


def test_multi_label_targets_are_divided_by_their_sum_for_softmax_and_it_says_so(forms):
    document, view = forms(cat_dog_pig(mode="sigmoid", targets=[[1.0, 1.0, 0.0]] * 3))
    assert view.needs["softmax"].text() == ("Targets: one distribution over the classes, "
                                            "summing to 1: 'cat' 0.5000, 'dog' 0.5000, 'pig' 0")
    assert view.notes["softmax"].text() == ("Row 1: several true labels, but softmax has one "
                                            "right answer, so the labels were divided by their "
                                            "sum.")


# --- in the main window -----------------------------------------------------------------------

def test_the_window_has_learn_and_softmax_sigmoid_docks_and_the_plots_follow_a_step(main_window):
    window = main_window
    view_menu = [action.text() for action in window.view_menu.actions()]
    assert "Learn" in view_menu and "softmax | sigmoid" in view_menu
    window.learn.step()
    window.learn.step()
    rows = window.document.scenario.rows
    QApplication.processEvents()
    np.testing.assert_array_equal(window.plots.logit_bars.opts["height"], rows[0])
    assert window.undo_action.text() == "&Undo Train the logits"


def test_a_view_in_a_tab_behind_another_waits_and_catches_up_when_brought_to_front(main_window,
                                                                                   qtbot):
    window = main_window
    qtbot.waitExposed(window)
    window.document.select_sample(1)
    QApplication.processEvents()
    forms = window.forms
    assert forms.isVisible() and forms.out_of_sight()  # Qt keeps a tab behind "visible"
    assert forms.needs["softmax"].text() == "Targets: one class index, 0 ('cat')."  # sample 1
    window.docks["forms"].raise_()
    qtbot.waitUntil(lambda: not forms.out_of_sight())
    assert forms.needs["softmax"].text() == "Targets: one class index, 1 ('dog')."
    assert window.plots.isVisible() and window.plots.out_of_sight()


def test_the_curves_stay_after_an_edit_and_go_with_another_table(learn):
    document, panel = learn()
    for _ in range(3):
        panel.step()
    document.set_cell(0, 0, 1.0)
    assert len(panel.chart.loss_curve.getData()[0]) == 4  # the run is over, its curves stay
    document.replace(preset("learn_class_weights.json"))
    assert len(panel.chart.loss_curve.getData()[0]) == 0


def test_an_edit_after_a_run_leaves_its_curves_unpainted_a_step_or_a_sample_repaints(learn):
    document, panel = learn()
    counter = PaintCounter({"chart": panel.chart.widget})
    try:
        panel.step()
        panel.step()
        assert counter.settle()["chart"] >= 1
        drawn = panel.chart.selected_curve.getData()[1].copy()
        document.set_cell(0, 0, 1.0)  # the run is over: its curves stay as they are
        assert counter.settle() == {"chart": 0}
        assert np.array_equal(panel.chart.selected_curve.getData()[1], drawn)
        document.select_sample(1)  # another sample's curve stands out
        assert counter.settle()["chart"] >= 1
        assert not np.array_equal(panel.chart.selected_curve.getData()[1], drawn)
        panel.step()  # a new run
        assert counter.settle()["chart"] >= 1
        assert len(panel.chart.loss_curve.getData()[0]) == 2
    finally:
        counter.remove()


def test_a_layout_saved_before_the_learn_docks_gives_way_to_the_first_start_layout(main_window,
                                                                                  qtbot):
    from PySide6.QtCore import QSettings

    from gui.shell.main_window import MainWindow

    window = main_window
    for key in ("learn", "forms"):  # what version 1 saved: no such docks
        window.removeDockWidget(window.docks[key])
    settings = QSettings()
    settings.setValue("window/version", 1)
    settings.setValue("window/state", window.saveState(1))
    settings.setValue("window/presentation", True)
    fresh = MainWindow(window.document)
    qtbot.addWidget(fresh)
    fresh.restore_layout(settings)
    assert not fresh.presentation_action.isChecked()  # nothing of version 1's layout is taken
    assert fresh.tabifiedDockWidgets(fresh.docks["plots"]) == [fresh.docks["forms"]]
    assert fresh.dockWidgetArea(fresh.docks["learn"]) == fresh.dockWidgetArea(
        fresh.docks["options"])


def test_with_several_models_a_step_trains_the_shown_model_only(learn):
    two = cat_dog_pig(models=(engine.Model("A", cat_dog_pig().rows),
                              engine.Model("B", [[0.0, 0.0, 0.0]] * 3)), rows=None)
    document, panel = learn(two)
    document.select_model(1)
    panel.step()
    panel.step()
    after = document.scenario
    np.testing.assert_array_equal(after.models[0].rows, two.models[0].rows)
    np.testing.assert_array_equal(after.models[1].rows,
                                  training.train(two.model_scenario(1), 2, 1.0).scenario.rows)
    assert document.undo_stack.count() == 1 and panel.steps == 2
    document.select_model(0)  # another model shown: that run is over
    assert panel.steps == 0


@pytest.mark.parametrize("height, tabbed", [(720, True), (768, True), (1000, False)])
def test_below_900_lines_learn_is_a_tab_beside_options_so_its_charts_have_room(main_window,
                                                                               qtbot, height,
                                                                               tabbed):
    # Stacked under Options at 720 lines, each of Learn's two charts got a few pixels.
    window = main_window
    window.default_layout(1280, height)
    window.show()
    qtbot.waitExposed(window)
    options, learn = window.docks["options"], window.docks["learn"]
    assert (window.tabifiedDockWidgets(options) == [learn]) is tabbed
    learn.raise_()
    qtbot.waitUntil(lambda: not window.learn.out_of_sight())
    for plot in (window.learn.chart.loss_plot, window.learn.chart.probability_plot):
        assert plot.sceneBoundingRect().height() >= 150
    window.default_layout(1280, 1000)  # a second first-start layout at a taller size stacks it
    assert window.tabifiedDockWidgets(options) == []


def test_a_taller_layout_after_a_short_one_leaves_no_tab_bar_over_learn(main_window, qtbot):
    # A first start on a short screen tabs Learn beside Options before the window is shown;
    # a layout for a taller window then (the bench makes one) left the tab group's
    # "Options | Learn" tab bar drawn over Learn's chart.
    window = main_window
    window.hide()
    window.default_layout(1280, 720)
    window.default_layout(1600, 1000)
    window.show()
    qtbot.waitExposed(window)
    left_behind = [bar for bar in window.findChildren(QTabBar) if bar.isVisible()
                   and {bar.tabText(k) for k in range(bar.count())} & {"Options", "Learn"}]
    assert left_behind == []


def test_the_step_axis_counts_whole_steps_before_a_step_after_one_and_after_reset(learn):
    document, panel = learn()

    def step_axis():
        return panel.chart.loss_plot.getViewBox().viewRange()[0]

    for act in (lambda: None, panel.step, panel.reset):
        act()
        left, right = step_axis()
        assert left <= 0 and 10 <= right <= 11  # ticks at 0, 2, 4, …: there is no step 0.2
