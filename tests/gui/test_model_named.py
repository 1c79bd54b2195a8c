"""With several models every loss the window states says whose it is ("Model 2: Batch loss … =
0.6391 nats"): the status bar, the results, the plots' header line, the math, the stage, the
Learn panel, the library conventions, softmax | sigmoid and the mode switch's note. With one
model each reads as it always did."""

import pytest

import engine
from engine import edits
from gui.common.formatting import format_number
from gui.views.conventions.view import ConventionsView
from gui.views.learn.forms import FormsView
from gui.views.learn.panel import LearnPanel
from gui.views.options_panel import OptionsPanel
from gui.views.tables.results import ResultsView
from scenarios import cat_dog_pig, preset

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                       extend=True)

MODEL_2_BATCH = "Model 2: Batch loss (mean over 3 samples) = 0.6391 nats"


def test_the_status_bar_results_plots_and_math_name_the_model_of_their_loss(main_window, qtbot):
    window = main_window
    one_model = window.loss_label.text()
    assert one_model.startswith("Batch loss (mean over 3 samples) = ")  # as it always was
    assert window.plots.sample_label.text().startswith("Sample ")
    assert "\nThe batch\n" in window.math_panel.plain_text()
    window.document.replace(preset("sklearn_log_loss.json"))
    assert window.loss_label.text() == \
        "Model 1: Batch loss (mean over 3 samples) = 1.378 nats"
    window.document.select_model(1)
    assert window.loss_label.text() == MODEL_2_BATCH
    assert window.results.loss_label.text() == MODEL_2_BATCH
    window.docks["plots"].raise_()  # (the compare view came forward over the plots)
    qtbot.waitUntil(lambda: window.plots.sample_label.text().startswith("Model 2: "))
    assert window.plots.sample_label.text() == (
        "Model 2: Sample sample 1 — true class class 2, predicted class 2, loss 0.3567 nats")
    math = window.math_panel.plain_text()
    assert "\nThe batch (Model 2)\n" in math and "= 0.6391 nats" in math
    window.document.remove_model(0)  # one model again, though not named Model 1
    assert window.loss_label.text() == "Batch loss (mean over 3 samples) = 0.6391 nats"


def test_a_long_model_name_is_cut_in_the_status_bar_and_whole_in_its_tooltip(main_window):
    window = main_window
    name = "A model whose name goes on and on " * 5
    window.document.replace(edits.rename_model(preset("sklearn_log_loss.json"), 1, name))
    window.document.select_model(1)
    assert window.loss_label.text().startswith(name[:39] + "…: Batch loss")
    assert window.loss_label.toolTip() == f"{name}: Batch loss (mean over 3 samples) = " \
                                          f"0.6391 nats"


def test_the_stage_names_the_model_of_each_number(main_window):
    window = main_window
    window.document.replace(preset("two_models_one_truth.json"))
    window.document.select_model(1)
    window.set_presentation(True)
    names = window.stage.numbers.names
    assert names["batch"].text() == "乙: Batch loss (mean over 1 sample)"
    assert names["loss"].text() == "乙: Loss of example"
    assert names["p"].text() == "乙: p of A, the most likely target"
    assert names["identity"].text() == "乙: CE = H + KL"
    assert window.stage.numbers.values["batch"].text() == "0.3567 nats"
    window.document.remove_model(0)
    assert names["batch"].text() == "Batch loss (mean over 1 sample)"


def test_the_results_view_of_one_model_reads_as_before(shown_view):
    _document, results = shown_view(ResultsView, cat_dog_pig())
    assert results.loss_label.text().startswith("Batch loss (mean over 3 samples) = ")


def test_the_learn_panels_status_names_the_trained_model(shown_view):
    scenario = edits.add_model(cat_dog_pig(), duplicate=0)
    document, panel = shown_view(LearnPanel, scenario)
    document.select_model(1)
    panel.step_button.click()
    trained = engine.training.train(scenario.model_scenario(1), 1, 1.0)
    assert panel.status.text() == \
        f"Model 2: Step 1 · batch loss {format_number(trained.losses[-1])} nats"


def test_the_conventions_caption_names_the_model(shown_view, qtbot):
    document, conventions = shown_view(ConventionsView, preset("sklearn_log_loss.json"))
    document.select_model(1)
    qtbot.waitUntil(lambda: conventions.drawn is not None
                    and conventions.drawn[0] is document.analysis)
    assert conventions.caption.text() == ("Model 2: Each library's own call, from the "
                                          "probabilities as the table holds them; losses in "
                                          "nats.")
    document.remove_model(0)
    qtbot.waitUntil(lambda: conventions.drawn[0] is document.analysis)
    assert conventions.caption.text().startswith("Each library's own call")


def test_softmax_sigmoid_names_the_model(shown_view):
    document, forms = shown_view(FormsView, edits.add_model(cat_dog_pig(), duplicate=0))
    document.select_model(1)
    assert forms.header.text() == "Model 2: photo 1: the same logits, read two ways"
    _document, forms = shown_view(FormsView, cat_dog_pig())
    assert forms.header.text() == "photo 1: the same logits, read two ways"


def test_the_mode_switch_note_names_the_model_whose_loss_it_quotes(shown_view):
    document, panel = shown_view(OptionsPanel, edits.add_model(cat_dog_pig(), duplicate=0))
    document.select_model(1)
    panel.mode.setCurrentIndex(panel.mode.findData("sigmoid"))
    panel.mode.activated.emit(panel.mode.currentIndex())
    assert document.scenario.mode == "sigmoid"
    assert panel.note.text().startswith("Model 2: Switched to sigmoid: the batch loss is now ")
