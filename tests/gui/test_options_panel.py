"""The options panel, both ways: each control writes one undo step to the Document, and each
change of the Document (an edit, undo, a file) shows in the control, uncut."""

import pytest

import engine
from engine import edits
from engine.scenario import LABEL_SMOOTHING_RANGE, TEMPERATURE_RANGE
from gui.document import Document
from gui.views.options_panel import OptionsPanel, slider_to_temperature, temperature_to_slider


def scenario(**options):
    return engine.Scenario(classes=("cat", "dog", "pig"), rows=[[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]],
                           targets=[0, 1], options=engine.Options(**options))


@pytest.fixture
def make(qtbot):
    def make(start=None):
        document = Document(start or scenario())
        panel = OptionsPanel(document)
        qtbot.addWidget(panel)
        return document, panel
    return make


def choose(combo, key):
    combo.setCurrentIndex(combo.findData(key))
    combo.activated.emit(combo.currentIndex())


@pytest.mark.parametrize("control, key, field, value", [
    ("reduction", "sum", "reduction", "sum"),
    ("log_base", "2", "log_base", "2"),
])
def test_a_combo_writes_one_undo_step_and_follows_undo(make, control, key, field, value):
    document, panel = make()
    choose(getattr(panel, control), key)
    assert getattr(document.scenario.options, field) == value
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert getattr(panel, control).currentData() == getattr(engine.Options(), field)


def test_the_mode_combo_switches_the_mode_and_undo_switches_back(make):
    document, panel = make()
    choose(panel.mode, "sigmoid")
    assert document.scenario.mode == "sigmoid"
    document.undo_stack.undo()
    assert (document.scenario.mode, panel.mode.currentData()) == ("softmax", "softmax")


def test_the_input_combo_turns_logits_into_probabilities_and_back_with_undo(make):
    document, panel = make()
    choose(panel.input, "probabilities")
    assert document.scenario.input == "probabilities"
    assert document.scenario.rows.sum(axis=1) == pytest.approx([1.0, 1.0])
    document.undo_stack.undo()
    assert panel.input.currentData() == "logits"
    assert document.scenario.rows.tolist() == [[3.0, 1.0, -3.0], [0.5, 2.0, 1.0]]


def test_the_temperature_spin_box_and_slider_write_the_temperature(make):
    document, panel = make()
    panel.temperature.setValue(2.5)
    assert document.scenario.options.temperature == 2.5
    assert panel.temperature_slider.value() == temperature_to_slider(2.5)
    panel.temperature_slider.setValue(0)
    assert document.scenario.options.temperature == pytest.approx(0.05)
    assert document.undo_stack.count() == 1  # the spin box and the slider: one temperature step
    document.undo_stack.undo()
    assert panel.temperature.value() == 1.0


def test_the_slider_runs_on_a_log_scale_and_its_ends_hold_further_temperatures():
    assert slider_to_temperature(temperature_to_slider(1.0)) == pytest.approx(1.0, rel=1e-2)
    assert temperature_to_slider(500.0) == temperature_to_slider(20.0)


def test_label_smoothing_writes_and_follows_undo(make):
    document, panel = make()
    panel.smoothing.setValue(0.2)
    assert document.scenario.options.label_smoothing == 0.2
    document.undo_stack.undo()
    assert panel.smoothing.value() == 0.0


def test_weights_and_pos_weight_write_what_is_typed(make, qtbot):
    document, panel = make()
    panel.weights.setText("1, 2, 0.5")
    panel.weights.editingFinished.emit()
    assert document.scenario.options.class_weights == (1.0, 2.0, 0.5)
    document.edit("sigmoid", edits.convert_mode, "sigmoid")
    panel.pos_weight.setText("3")
    panel.pos_weight.editingFinished.emit()
    assert document.scenario.options.pos_weight == (3.0, 3.0, 3.0)
    document.undo_stack.undo()
    assert panel.pos_weight.text() == ""


@pytest.mark.parametrize("options, shown", [
    ({"label_smoothing": 0.8}, ("smoothing", 0.8)),
    ({"temperature": 50.0}, ("temperature", 50.0)),
    ({"temperature": 0.002}, ("temperature", 0.002)),
    ({"temperature": 1e-300}, ("temperature", 1e-300)),
    ({"temperature": 0.0004}, ("temperature", 0.0004)),
])
def test_values_a_file_may_hold_show_uncut(make, options, shown):
    _document, panel = make(scenario(**options))
    control, value = shown
    assert getattr(panel, control).value() == value


def test_a_tiny_temperature_is_shown_and_typed_in_full(make):
    document, panel = make(scenario(temperature=1e-300))
    assert panel.temperature.text() == "1e-300"
    panel.temperature.lineEdit().setText("0.0004")
    panel.temperature.interpretText()
    assert document.scenario.options.temperature == 0.0004


def test_the_file_reader_takes_the_ends_of_the_ranges_and_refuses_beyond():
    assert engine.Options(temperature=TEMPERATURE_RANGE[1]).temperature == TEMPERATURE_RANGE[1]
    assert engine.Options(temperature=TEMPERATURE_RANGE[0]).temperature == TEMPERATURE_RANGE[0]
    assert engine.Options(label_smoothing=LABEL_SMOOTHING_RANGE[1]).label_smoothing == 1.0
    with pytest.raises(engine.ScenarioError, match="temperature must be between"):
        engine.Options(temperature=TEMPERATURE_RANGE[1] * 2)


def test_the_spin_boxes_span_the_engines_ranges(make):
    _document, panel = make()
    assert (panel.temperature.minimum(), panel.temperature.maximum()) == TEMPERATURE_RANGE
    assert (panel.smoothing.minimum(), panel.smoothing.maximum()) == LABEL_SMOOTHING_RANGE


def test_a_refused_cell_edit_is_not_shown_under_the_options(make):
    document, panel = make()
    document.set_cell(0, 0, float("nan"))
    assert panel.message.text() == ""


def test_the_options_message_goes_once_a_good_edit_follows(make):
    document, panel = make()
    panel.weights.setText("1, 2")
    panel.weights.editingFinished.emit()
    assert "3" in panel.message.text()  # one weight per class (3), or one for all
    document.set_cell(0, 0, 2.0)
    assert panel.message.text() == ""
