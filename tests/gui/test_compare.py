"""Comparing models: the compare view shows each model's batch loss (every digit in the
tooltip), marks the lowest, draws every sample's loss and the selected sample's probabilities
model beside model from engine.Comparison's numbers; the math panel adds a line per model; the
main window brings the view forward when there are models to compare. One model: as before."""

import re

import numpy as np
import pytest
from numpy.testing import assert_allclose
from PySide6.QtCore import QPointF, Qt

import engine
from engine import edits
from gui.common import style
from gui.document import Document
from gui.shell.resources import resource_path
from gui.shell.scenario_file import read_scenario
from gui.views.compare.view import MAX_SAMPLES_SHOWN, CompareView
from gui.views.math import formats, writer
from gui.views.plots.container import PlotsView
from gui.views.plots.markers import Markers

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

SKLEARN_LOSSES = ("1.3783888522474517", "0.6391075640678003")


def sklearn_preset():
    return read_scenario(resource_path("presets", "sklearn_log_loss.json"))


def one_model():
    return engine.Scenario(classes=("cat", "dog"), rows=[[2.0, 0.0], [0.0, 1.0]],
                           targets=np.array([0, 1]))


@pytest.fixture
def make_view(qtbot, delete_at_end):
    """make(scenario) -> (document, its CompareView, shown)."""

    def make(scenario):
        document = Document(scenario)
        view = CompareView(document)
        view.resize(900, 600)
        view.show()
        qtbot.waitExposed(view)
        delete_at_end(view)
        return document, view

    return make


def heights(bars):
    return np.asarray(bars.opts["height"], dtype=float)


# --- the batch losses side by side ----------------------------------------------------------

def test_the_sklearn_preset_shows_both_losses_with_every_digit_and_marks_model_2(make_view):
    document, view = make_view(sklearn_preset())
    first, second = view.cards
    assert first.text().splitlines() == ["Model 1", "1.378 nats"]
    assert second.text().splitlines() == ["Model 2", "0.6391 nats", "★ lowest"]
    assert SKLEARN_LOSSES[0] in first.toolTip() and SKLEARN_LOSSES[1] in second.toolTip()
    assert "lowest" in second.toolTip() and "lowest" not in first.toolTip()
    assert second.font().bold() and not first.font().bold()
    assert first.isChecked() and not second.isChecked()  # the selected model
    view.digits_button.click()
    assert first.text().splitlines()[1] == SKLEARN_LOSSES[0] + " nats"
    assert second.text().splitlines()[1] == SKLEARN_LOSSES[1] + " nats"
    assert document.comparison.lowest == (1,)


def test_clicking_a_card_selects_its_model(make_view, qtbot):
    document, view = make_view(sklearn_preset())
    qtbot.mouseClick(view.cards[1], Qt.LeftButton)
    assert document.selected_model == 1
    assert view.cards[1].isChecked() and not view.cards[0].isChecked()
    qtbot.mouseClick(view.cards[1], Qt.LeftButton)  # a click on the selected one keeps it
    assert document.selected_model == 1 and view.cards[1].isChecked()


def test_tied_models_are_both_lowest_and_a_model_without_loss_shows_a_dash(make_view):
    scenario = sklearn_preset()
    scenario = edits.add_model(scenario, duplicate=1)
    _document, view = make_view(scenario)
    marked = ["★ lowest" in card.text() for card in view.cards]
    assert marked == [False, True, True]
    ignored = sklearn_preset().replace(targets=np.array([-100, -100, -100]))
    document, view = make_view(ignored)
    assert view.cards[0].text().splitlines()[1].startswith("—")
    assert "no sample is counted" in view.cards[0].toolTip()


# --- the plots: the engine's numbers --------------------------------------------------------

def test_each_samples_loss_is_drawn_for_every_model_side_by_side(make_view):
    document, view = make_view(sklearn_preset())
    expected = [engine.analyze(document.scenario.model_scenario(k)).sample_loss
                for k in range(2)]
    assert_allclose(heights(view.loss_bars[0]), expected[0])
    assert_allclose(heights(view.loss_bars[1]), expected[1])
    assert_allclose(heights(view.loss_bars[0]), [-np.log(0.4), -np.log(0.4), -np.log(0.1)])
    x0, x1 = view.loss_bars[0].opts["x"], view.loss_bars[1].opts["x"]
    assert np.all(x0 < x1) and np.all(np.abs(x1 - np.arange(3)) < 0.5)  # one group a sample
    colours = [bars.opts["brush"].name() for bars in view.loss_bars]
    assert colours == [style.model_colour(0).name(), style.model_colour(1).name()]
    axis = view.loss_plot.getPlotItem().getAxis("bottom")
    assert [name for _x, name in axis._tickLevels[0]] == ["sample 1", "sample 2", "sample 3"]


def test_the_selected_samples_probabilities_stand_beside_its_target(make_view):
    document, view = make_view(sklearn_preset())
    document.select_sample(1)
    assert_allclose(heights(view.probability_bars[0]), [0.3, 0.4, 0.3])
    assert_allclose(heights(view.probability_bars[1]), [0.1, 0.7, 0.2])
    assert_allclose(heights(view.target_bars), [0.0, 1.0, 0.0])
    target_x = view.target_bars.opts["x"]
    assert np.all(target_x < view.probability_bars[0].opts["x"])
    assert view.selection_band.opts["x"] == [1.0]


def test_the_selected_model_is_outlined_and_an_edit_redraws(make_view):
    document, view = make_view(sklearn_preset())
    assert view.loss_bars[0].opts["pen"] is not None and view.loss_bars[1].opts["pen"] is None
    document.select_model(1)
    assert view.loss_bars[1].opts["pen"] is not None and view.loss_bars[0].opts["pen"] is None
    document.set_cell(2, 0, 0.9)  # model 2, sample 3: p(class 0) = 0.9 (not normalised)
    assert_allclose(heights(view.loss_bars[1])[2], document.comparison.sample_losses[1, 2])
    assert_allclose(heights(view.probability_bars[1]), [0.1, 0.2, 0.7])  # sample 1 still


def test_an_infinite_loss_is_drawn_at_the_top_dashed(make_view):
    scenario = sklearn_preset()
    scenario = edits.set_cell(scenario, 0, 2, 0.0, model=1)  # p(true class) = 0: ∞
    document, view = make_view(scenario)
    assert view.cards[1].text().splitlines()[1] == "∞ nats"
    drawn = heights(view.loss_bars[1])
    assert np.isfinite(drawn).all() and drawn[0] == pytest.approx(1.25 * -np.log(0.1))
    assert view.loss_bars[1].opts["pens"][0].style() == Qt.DashLine
    assert view.cards[0].font().bold()


def test_clicking_a_group_of_bars_selects_its_sample(make_view, qtbot):
    document, view = make_view(sklearn_preset())
    view_box = view.loss_plot.getPlotItem().getViewBox()
    scene_point = view_box.mapViewToScene(QPointF(2.0, 0.2))
    widget_point = view.loss_plot.mapFromScene(scene_point)
    qtbot.mouseClick(view.loss_plot.viewport(), Qt.LeftButton, pos=widget_point)
    assert document.selected_sample == 2


def test_many_samples_show_a_window_around_the_selected_one(make_view):
    rng = np.random.default_rng(1)
    rows = rng.normal(size=(100, 3))
    scenario = engine.Scenario(classes=("a", "b", "c"), targets=rng.integers(0, 3, 100),
                               models=(engine.Model("one", rows), engine.Model("two", -rows)))
    document, view = make_view(scenario)
    document.select_sample(70)
    assert len(view.shown_samples) == MAX_SAMPLES_SHOWN and 70 in view.shown_samples
    assert_allclose(heights(view.loss_bars[1]),
                    document.comparison.sample_losses[1, view.shown_samples])


def test_model_names_are_plain_text_in_the_titles(make_view):
    scenario = edits.rename_model(sklearn_preset(), 1, "<img src=/dev/zero>")
    _document, view = make_view(scenario)
    title = view.loss_plot.getPlotItem().titleLabel.text
    assert "&lt;img src=/dev/zero&gt;" in title and "<img" not in title
    assert view.cards[1].text().startswith("<img src=/dev/zero>")


# --- one model: as before --------------------------------------------------------------------

def test_one_model_draws_nothing_and_says_how_to_add_one(make_view, qtbot):
    document, view = make_view(one_model())
    assert view.idle_label.isVisible() and not view.content.isVisible()
    assert view.cards == [] and view.loss_bars == []
    document.set_cell(0, 0, 5.0)
    assert view.loss_bars == []
    qtbot.mouseClick(view.add_button, Qt.LeftButton)
    assert document.scenario.model_names == ("Model 1", "Model 2")
    assert view.content.isVisible() and not view.idle_label.isVisible()
    assert len(view.cards) == 2 and len(view.loss_bars) == 2
    document.undo_stack.undo()
    assert view.idle_label.isVisible()


def test_a_hidden_view_catches_up_when_shown(make_view, host):
    document, view = make_view(sklearn_preset())
    host.layout().addWidget(view)
    view.hide()
    document.set_cell(0, 2, 0.8)
    assert heights(view.loss_bars[0])[0] == pytest.approx(-np.log(0.4))  # not drawn yet
    view.show()
    assert heights(view.loss_bars[0])[0] == pytest.approx(-np.log(0.8))


# --- the math panel: a line per model --------------------------------------------------------

def test_the_math_writes_a_line_per_model_with_the_lowest_marked():
    document = Document(sklearn_preset())
    text = formats.plain_text(writer.blocks(document.analysis, 0))
    assert text.startswith("Sample sample 1 (Model 1)\n")
    assert "    Model 1: L = 1.378 nats (lower is better)\n" in text
    assert "    Model 2: L = 0.6391 nats (lower is better) — the lowest\n" in text
    document.select_model(1)
    text = formats.plain_text(writer.blocks(document.analysis, 0))
    assert text.startswith("Sample sample 1 (Model 2)\n")
    assert "p(class 2) = 0.7000" in text  # the selected model's sample


def test_the_math_of_one_model_has_no_model_lines():
    text = formats.plain_text(writer.blocks(Document(one_model()).analysis, 0))
    assert text.startswith("Sample #1\n") and "lower is better" not in text


def test_model_names_in_the_math_are_text():
    scenario = edits.rename_model(sklearn_preset(), 0, "<b>bold</b> *x*")
    blocks = writer.blocks(Document(scenario).analysis, 0)
    assert "&lt;b&gt;bold&lt;/b&gt;" in formats.html(blocks)
    assert r"\<b\>bold\</b\> \*x\*" in formats.markdown(blocks)


# --- the main window --------------------------------------------------------------------------

def in_front(view):
    return not view.out_of_sight()


def test_the_compare_view_comes_forward_when_a_second_model_arrives(main_window, qtbot):
    window = main_window
    qtbot.waitUntil(lambda: in_front(window.plots))
    assert not window.input_table.model_tabs.isVisible()
    assert window.docks["compare"].isHidden()  # one model: as it always looked
    window.document.replace(sklearn_preset())
    qtbot.waitUntil(lambda: in_front(window.compare))
    assert window.docks["plots"] in window.tabifiedDockWidgets(window.docks["compare"])
    assert SKLEARN_LOSSES[1] in window.compare.cards[1].toolTip()
    row = window.compare.cards[1].parentWidget()  # the cards are in full sight, not cut
    assert row.height() >= max(card.sizeHint().height() for card in window.compare.cards)
    assert window.input_table.model_tabs.isVisible()
    window.docks["plots"].raise_()  # the user's choice stays while the models do
    qtbot.waitUntil(lambda: in_front(window.plots))
    window.input_table.model_tabs.new_model_action.trigger()
    qtbot.wait(20)
    assert in_front(window.plots) and not in_front(window.compare)
    view_action = window.docks["compare"].toggleViewAction()
    assert view_action in window.view_menu.actions() and view_action.text() == "Compare models"


MULTI_MODEL_EXAMPLES = [path for path in sorted(resource_path("presets").glob("*.json"))
                        if len(read_scenario(path).models) > 1]


def scikit_learn_losses(scenario):
    """Each model's sklearn.metrics.log_loss (the examples of several models hold
    probabilities, with class indices or one-hot rows as targets)."""
    metrics = pytest.importorskip("sklearn.metrics")
    truth = scenario.targets
    if truth.ndim == 2:
        assert np.isin(truth, (0.0, 1.0)).all()
        truth = np.argmax(truth, axis=1)
    assert scenario.input == "probabilities" and scenario.mode == "softmax"
    return [metrics.log_loss(truth, model.rows, labels=list(range(len(scenario.classes))))
            for model in scenario.models]


@pytest.mark.parametrize("path", MULTI_MODEL_EXAMPLES, ids=lambda path: path.stem)
def test_each_example_of_several_models_shows_scikit_learns_losses_the_lowest_marked(
        main_window, qtbot, path):
    window = main_window
    assert window.files.open_example(path)
    qtbot.waitUntil(lambda: in_front(window.compare))
    expected = scikit_learn_losses(window.document.scenario)
    cards = window.compare.cards
    assert len(cards) == len(expected) >= 2
    for card, loss, shown in zip(cards, expected, window.document.comparison.losses):
        digits = re.search(r"L = (\S+) nats", card.toolTip()).group(1)
        assert float(digits) == shown and digits == repr(float(shown))  # every digit
        assert float(digits) == pytest.approx(loss, rel=1e-13, abs=0)
    marked = [k for k, card in enumerate(cards) if "★ lowest" in card.text()]
    assert marked == [int(np.argmin(expected))]
    if path.stem == "sklearn_log_loss":  # the two numbers, exactly, side by side
        window.compare.digits_button.click()
        assert [card.text().splitlines()[1] for card in cards] == \
            [f"{loss} nats" for loss in SKLEARN_LOSSES]
        assert expected == [float(loss) for loss in SKLEARN_LOSSES]


def test_the_plots_behind_the_compare_tab_wait_and_catch_up(main_window, qtbot):
    window = main_window
    window.document.replace(sklearn_preset())
    qtbot.waitUntil(lambda: in_front(window.compare))
    before = heights(window.plots.probability_bars).copy()
    window.document.set_cell(0, 0, 0.6)
    assert_allclose(heights(window.plots.probability_bars), before)  # out of sight: not drawn
    window.docks["plots"].raise_()
    qtbot.waitUntil(lambda: heights(window.plots.probability_bars)[0] == 0.6)


def test_the_view_menu_opens_the_compare_view_of_one_model_with_its_hint(main_window, qtbot):
    window = main_window
    window.docks["compare"].toggleViewAction().trigger()
    qtbot.waitUntil(lambda: in_front(window.compare))
    assert window.compare.idle_label.isVisible() and window.compare.loss_bars == []
    assert window.docks["plots"] in window.tabifiedDockWidgets(window.docks["compare"])


# --- the −ln p plot: each model's samples in its colour ---------------------------------------

@pytest.fixture
def make_plots(delete_at_end):
    """make(scenario) -> (document, its PlotsView)."""

    def make(scenario):
        document = Document(scenario)
        view = PlotsView(document)
        view.resize(1100, 800)
        delete_at_end(view)
        return document, view

    return make


def other_models_points(view):
    items = view.plot_widgets["nll"].getPlotItem().items
    return [item for item in items if isinstance(item, Markers) and item.zValue() == -1]


def test_the_nll_curve_marks_each_models_samples_in_its_colour(make_plots):
    document, view = make_plots(sklearn_preset())
    brush = view.nll_points.brush().color()
    assert brush == style.model_colour(0, 150)
    (other,) = other_models_points(view)
    assert_allclose(other.getData()[0], [0.7, 0.7, 0.3])  # model 2's true-class p
    assert other.brush().color() == style.model_colour(1, 110)
    assert other.size() < view.nll_points.size()  # the shown model's stand out
    document.select_model(1)
    assert view.nll_points.brush().color() == style.model_colour(1, 150)
    assert_allclose(other.getData()[0], [0.4, 0.4, 0.1])  # model 1's, every sample
    assert_allclose(view.nll_selected.getData()[0], [0.7])
    assert other.brush().color() == style.model_colour(0, 110)


def test_the_nll_curve_of_one_model_looks_as_before(make_plots):
    document, view = make_plots(one_model())
    assert view.nll_points.brush().color() == style.colour("probability", 150)
    assert other_models_points(view) == []
    document.add_model(duplicate=0)
    document.undo_stack.undo()
    assert all(len(item.getData()[0]) == 0 for item in other_models_points(view))


def test_the_target_legend_follows_label_smoothing_and_the_mode(make_view):
    document, view = make_view(sklearn_preset())
    title = view.probability_plot.getPlotItem().titleLabel
    assert "target y" in title.text and "smoothed" not in title.text
    document.set_options("smoothing", label_smoothing=0.1)
    assert "smoothed target y′" in title.text
    document.undo_stack.undo()
    assert "smoothed" not in title.text
    document.edit("sigmoid", edits.convert_mode, "sigmoid")
    assert "labels y" in title.text and "target y" not in title.text
    document.undo_stack.undo()
    assert "target y" in title.text and "labels" not in title.text
