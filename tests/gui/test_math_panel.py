"""The "show the math" panel: the selected sample's arithmetic written out with its own numbers
— softmax, temperature, label smoothing, class weights, sigmoid with pos_weight, probability
input, H + KL = CE, ∞ with its reason, many classes shortened — as HTML, text and Markdown."""

import math

import numpy as np
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QRegion, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QApplication

import engine
from gui.common import style
from gui.shell import theme
from gui.document import Document
from gui.common.formatting import format_number
from gui.views.math import formats, writer
from gui.views.math.panel import MathPanel
from gui.views.math.view import MathView
from gui.views.math.writer import RESULT, SUP, TEXT

CLASSES = ("cat", "dog", "pig")


def scenario(rows=((3.0, 1.0, -3.0),), targets=(0,), **changes):
    values = dict(classes=CLASSES, rows=np.array(rows, dtype=float), targets=np.array(targets))
    values.update(changes)
    return engine.Scenario(**values)


@pytest.fixture
def make_panel(qtbot, delete_at_end):
    """A document and its MathPanel, both deleted at teardown (the document first, while the
    Python side of its undo steps is alive: the garbage collector can free that side before
    the document, whose undo stack then deletes its steps and crashes)."""
    documents = []

    def make(scenario):
        documents.append(Document(scenario))
        panel = MathPanel(documents[-1])
        delete_at_end(panel)
        return documents[-1], panel

    yield make
    for document in documents:
        shiboken6.delete(document)


def shown_text(panel):
    return panel.shown_text()


def test_the_writer_and_the_formats_need_no_widget():
    blocks = writer.blocks(engine.analyze(scenario()), 0)
    assert blocks[0] == ("heading", [(TEXT, "Sample "), (TEXT, "#1")])
    loss = next(line for kind, line in blocks
                if kind == "equation" and line[0][1].startswith("L = "))
    assert "".join(text for _kind, text in loss) == "L = −ln p(cat) = −ln 0.8789 = 0.1291 nats"
    assert [text for kind, text in loss if kind != TEXT] == ["0.1291"]  # the result, in bold
    assert "    L = −ln p(cat) = −ln 0.8789 = 0.1291 nats\n" in formats.plain_text(blocks)


def test_the_formats_escape_user_text_and_write_superscripts():
    blocks = [("heading", [(TEXT, "Sample "), (TEXT, "<i>a</i>")]),
              ("text", [(TEXT, "Class *b_1*.")]),
              ("equation", [(TEXT, "p = e"), (SUP, "3/2"), (TEXT, " = "), (RESULT, "0.5")]),
              ("equation", [(TEXT, "  = e"), (SUP, "-1"), (TEXT, " Σ_c")])]
    assert formats.plain_text(blocks) == ("Sample <i>a</i>\n---------------\nClass *b_1*.\n"
                                          "    p = e^(3/2) = 0.5\n      = e^-1 Σ_c\n")
    assert formats.markdown(blocks) == ("### Sample \\<i\\>a\\</i\\>\n\nClass \\*b\\_1\\*.\n\n"
                                        "```text\np = e^(3/2) = 0.5\n  = e^-1 Σ_c\n```\n")
    html = formats.html(blocks)
    assert "<h2>Sample &lt;i&gt;a&lt;/i&gt;</h2>" in html
    assert "p = e<sup>3/2</sup> = <b>0.5</b></p>" in html
    assert 'margin-left: 3.0em' in html and "e<sup>-1</sup> Σ<sub>c</sub></p>" in html


def test_softmax_with_logits_writes_out_p_and_the_loss(make_panel):
    _document, panel = make_panel(scenario())
    text = panel.plain_text()
    assert "p(cat) = e^3 / (e^3 + e^1 + e^-3) = 20.09 / 22.85 = 0.8789" in text
    assert "L = −ln p(cat) = −ln 0.8789 = 0.1291 nats" in text
    shown = shown_text(panel)  # the same, as the panel shows it (superscripts flattened)
    assert "0.8789" in shown and "0.1291" in shown
    assert "<sup>3</sup>" in panel.html() and "<b>0.8789</b>" in panel.html()
    assert "Logits z: cat 3, dog 1, pig -3." in text
    assert "True class: cat." in text


def test_results_are_the_analysis_numbers(make_panel):
    document, panel = make_panel(scenario(rows=[[0.3, -1.7, 2.2]], targets=[1]))
    analysis = document.analysis
    text = panel.plain_text()
    for c, name in enumerate(CLASSES):
        assert f"= {format_number(analysis.probabilities[0, c])}\n" in text
    assert f"= {format_number(analysis.sample_loss[0])} nats" in text


def test_entropy_divergence_and_cross_entropy(make_panel):
    document, panel = make_panel(scenario(targets=[[0.7, 0.3, 0.0]]))
    analysis = document.analysis
    h, kl, ce = (format_number(v[0]) for v in (analysis.entropy, analysis.kl,
                                                analysis.cross_entropy))
    text = panel.plain_text()
    assert f"H(y) = −Σ y ln y = {h} nats" in text
    assert f"KL(y‖p) = Σ y ln(y/p) = {kl} nats" in text
    assert f"CE(y, p) = H(y) + KL(y‖p) = {h} + {kl} = {ce} nats" in text
    assert "L = −Σ_c y(c) ln p(c)" in text
    assert "Target distribution: cat 0.7, dog 0.3." in text


def test_temperature_divides_each_logit(make_panel):
    document, panel = make_panel(scenario(options=engine.Options(temperature=2.0)))
    text = panel.plain_text()
    assert "e^(3/2) / (e^(3/2) + e^(1/2) + e^(-3/2))" in text
    assert "Temperature T = 2" in text
    assert format_number(document.analysis.probabilities[0, 0]) == "0.7054"
    assert "= 0.7054" in text
    assert "<sup>3/2</sup>" in panel.html()


def test_label_smoothing_writes_each_term(make_panel):
    document, panel = make_panel(scenario(options=engine.Options(label_smoothing=0.1)))
    analysis = document.analysis
    text = panel.plain_text()
    assert "Label smoothing ε = 0.1" in text
    assert "the loss compares p with this smoothed target y′:" in text
    assert "y′(cat) = 1 − ε + ε/C = 0.9333" in text
    assert "y′(every other class) = ε/C = 0.03333" in text
    assert "L = −Σ_c y′(c) ln p(c)" in text
    h, kl, ce = (format_number(v[0]) for v in (analysis.entropy, analysis.kl,
                                                analysis.cross_entropy))
    assert f"CE(y′, p) = H(y′) + KL(y′‖p) = {h} + {kl} = {ce} nats" in text
    assert "= −(0.9333 × ln 0.8789 + 0.03333 × ln 0.1189 + 0.03333 × ln 0.002179)" in text
    terms = " + ".join(format_number(v) for v in analysis.terms[0])
    assert f"= {terms} = {format_number(analysis.sample_loss[0])} nats" in text
    assert "0.3958" in shown_text(panel)


def test_class_weights_are_factors(make_panel):
    document, panel = make_panel(scenario(options=engine.Options(class_weights=(2, 1, 1))))
    text = panel.plain_text()
    loss = format_number(document.analysis.sample_loss[0])
    assert f"L = −w(cat) ln p(cat) = −2 × ln 0.8789 = {loss} nats" in text
    assert loss == "0.2582"
    assert "H, KL and CE leave the weights out" in text
    assert "summed weights of the counted samples" in text


def test_bits(make_panel):
    document, panel = make_panel(scenario(options=engine.Options(log_base="2")))
    text = panel.plain_text()
    assert "L = −log₂ p(cat) = −log₂ 0.8789 = 0.1863 bits" in text
    assert format_number(document.analysis.sample_loss[0]) == "0.1863"


def test_sigmoid_writes_each_binary_term(make_panel):
    document, panel = make_panel(scenario(
        rows=[[3.0, -1.0, -3.0]], targets=[[1.0, 0.0, 1.0]], mode="sigmoid",
        options=engine.Options(pos_weight=(2.0, 1.0, 1.0))))
    analysis = document.analysis
    text = panel.plain_text()
    assert "p(cat) = σ(3) = 1 / (1 + e^-3) = 0.9526" in text
    assert "p(dog) = σ(-1) = 1 / (1 + e^1) = 0.2689" in text
    assert "ℓ(cat) = −[pw·y ln p + (1 − y) ln(1 − p)]" in text
    assert f"= −[2 × 1 × ln 0.9526 + 0 × ln 0.04743] = {format_number(analysis.terms[0, 0])}" \
        in text
    assert f"= −[1 × 0 × ln 0.2689 + 1 × ln 0.7311] = {format_number(analysis.terms[0, 1])}" \
        in text
    total = " + ".join(format_number(v) for v in analysis.terms[0])
    assert f"L = Σ_c ℓ(c) = {total} = {format_number(analysis.sample_loss[0])} nats" in text
    assert "Labels y: cat 1, dog 0, pig 1." in text
    assert "H(y)" in text and "KL(y‖p)" in text
    assert "number of values, 1 × 3" in text


def test_probability_input_starts_from_p(make_panel):
    _document, panel = make_panel(scenario(rows=[[0.7, 0.2, 0.1]], input="probabilities"))
    text = panel.plain_text()
    assert "Probabilities (given)" in text
    assert "p(cat) = 0.7000" in text
    assert "e^" not in text
    assert "L = −ln p(cat) = −ln 0.7000 = 0.3567 nats" in text


def test_an_infinite_loss_shows_infinity_and_why(make_panel):
    _document, panel = make_panel(scenario(rows=[[1.0, 0.0, 0.0]], targets=[1],
                                           input="probabilities"))
    text = panel.plain_text()
    assert "L = −ln p(dog) = −ln 0 = ∞ nats" in text
    assert "The loss is ∞ because p(dog) = 0" in text
    assert "KL is ∞" in text
    assert "∞" in shown_text(panel)


def test_an_infinite_sigmoid_term_says_why(make_panel):
    _document, panel = make_panel(scenario(rows=[[1.0, 0.0, 0.5]], targets=[[0.0, 1.0, 1.0]],
                                           mode="sigmoid", input="probabilities"))
    text = panel.plain_text()
    assert "The loss is ∞: cat has p = 1 against label y = 0" in text


def test_an_ignored_sample(make_panel):
    _document, panel = make_panel(scenario(targets=[-100]))
    text = panel.plain_text()
    assert "ignore index (-100)" in text
    assert "No sample is counted" in text


def test_many_classes_are_shortened(make_panel):
    rng = np.random.default_rng(1)
    classes = tuple(f"c{k}" for k in range(50_000))
    document, panel = make_panel(engine.Scenario(classes=classes, rows=rng.normal(size=(1, 50_000)),
                                                 targets=np.array([7])))
    text = panel.plain_text()
    top = np.argsort(-document.analysis.probabilities[0])[:3]
    written = [line for line in text.splitlines() if line.strip().startswith("p(")]
    assert len(written) == 4  # the true class and the three most probable
    assert any(line.strip().startswith("p(c7) =") for line in written)
    for c in top:
        assert any(line.strip().startswith(f"p(c{c}) =") for line in written)
    assert "+ … +" in written[0]
    assert "e^" in written[0] and written[0].count("e^") == 4  # numerator, two first, last
    assert "50,000 classes" in text
    assert "49,996 more classes" in text


def written_classes(text):
    """The classes whose p(...) = line the text writes, in order."""
    return [line.strip().split(")")[0][2:] for line in text.splitlines()
            if line.strip().startswith("p(")]


TEN = tuple(f"c{k}" for k in range(10))


def test_many_classes_list_the_true_class_and_the_three_most_probable_others(make_panel):
    # c0, the true class, is the most probable: three others are written beside it.
    _document, panel = make_panel(engine.Scenario(
        classes=TEN, rows=np.array([[5.0, 4.0, 3.0, 2.0, 1.0, 0, 0, 0, 0, -1.0]]),
        targets=np.array([0])))
    text = panel.plain_text()
    assert written_classes(text) == ["c0", "c1", "c2", "c3"]
    assert "Logits z: c0 5, c1 4, c2 3, c3 2, …." in text
    assert "… and 6 more classes, not written out." in text


def test_an_ignored_sample_lists_no_class_as_true_even_when_the_ignore_index_is_a_class(
        make_panel):
    _document, panel = make_panel(engine.Scenario(
        classes=TEN, rows=np.array([[5.0, 4.0, 3.0, 2.0, 1.0, 0, 0, 0, 0, -1.0]]),
        targets=np.array([9]), options=engine.Options(ignore_index=9)))
    text = panel.plain_text()
    assert "Target: ignored." in text
    assert written_classes(text) == ["c0", "c1", "c2"]  # not c9, the least probable


def test_selection_switches_the_sample(make_panel, qtbot):
    document, panel = make_panel(scenario(rows=[[3.0, 1.0, -3.0], [0.0, 2.0, 0.0]],
                                          targets=[0, 1]))
    with qtbot.waitSignal(document.changed):
        document.select_sample(1)
    text = panel.plain_text()
    assert "Sample #2" in text
    assert "True class: dog." in text
    assert f"= {format_number(document.analysis.sample_loss[1])} nats" in text


def test_an_edit_rewrites_the_math(make_panel):
    document, panel = make_panel(scenario())
    document.set_cell(0, 0, 1.0)
    text = panel.plain_text()
    assert "p(cat) = e^1 / (e^1 + e^1 + e^-3)" in text
    assert f"= {format_number(document.analysis.sample_loss[0])} nats" in text


def test_markdown_and_plain_text_carry_the_same_content(make_panel):
    _document, panel = make_panel(scenario(classes=("c*t", "d_g", "pig"),
                                           targets=[0]))
    markdown = panel.markdown()
    assert markdown.startswith("## Sample \\#1\n") or markdown.startswith("### Sample \\#1\n")
    assert "```text\np(c*t) = e^3 / (e^3 + e^1 + e^-3) = 20.09 / 22.85 = 0.8789" in markdown
    assert "True class: c\\*t." in markdown  # prose is escaped, equations are verbatim
    plain = panel.plain_text()
    for line in plain.splitlines():
        if line.startswith("    "):
            assert line.strip() in markdown


def test_class_names_are_escaped_in_html(make_panel):
    _document, panel = make_panel(scenario(classes=("<b>cat</b>", "dog", "pig")))
    assert "&lt;b&gt;cat&lt;/b&gt;" in panel.html()
    assert "p(<b>cat</b>) =" in shown_text(panel)


def test_presentation_mode_scales_the_text(main_window):
    panel = main_window.math_panel
    normal = panel.view.font().pointSizeF()
    main_window.set_presentation(True)
    assert panel.view.font().pointSizeF() == pytest.approx(normal * style.PRESENTATION_SCALE)
    main_window.set_presentation(False)
    assert panel.view.font().pointSizeF() == pytest.approx(normal)


def test_the_reader_keeps_their_place_as_the_numbers_change(make_panel, qtbot):
    document, panel = make_panel(scenario(rows=((3.0, 1.0, -3.0), (0.5, 2.0, 0.1)),
                                          targets=(0, 1)))
    panel.resize(420, 160)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.view.verticalScrollBar()
    assert bar.maximum() > 0
    assert bar.value() == 0  # it opens at the top
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    document.set_cell(0, 0, 2.5)
    QApplication.processEvents()
    assert "e^2.5" in panel.plain_text() and "2.5" in shown_text(panel)
    assert bar.value() == place


def test_a_hidden_panel_catches_up_when_shown_or_read(make_panel, host):
    document, panel = make_panel(scenario())
    host.layout().addWidget(panel)
    panel.hide()  # as in a closed dock
    document.set_cell(0, 0, 2.0)
    assert "p(cat) = e^2 / (e^2 + e^1 + e^-3)" in panel.plain_text()  # an export reads it
    document.set_cell(0, 0, 1.5)
    panel.show()
    assert "1.5" in shown_text(panel)


def test_the_text_is_never_shown_selected_after_an_edit(make_panel):
    document, panel = make_panel(scenario())
    panel.view.select_all()
    assert panel.view.has_selection()
    document.set_cell(0, 0, 1.5)
    assert not panel.view.has_selection() and panel.view.selected_text() == ""
    document.set_cell(0, 1, -0.5)
    assert not panel.view.has_selection()


# ----------------------------------------------------------------------------- the view

def shown_panel(make_panel, qtbot, width=600, height=400, **changes):
    document, panel = make_panel(scenario(**changes))
    panel.resize(width, height)
    panel.show()
    qtbot.waitExposed(panel)
    return document, panel


def layout_of(panel, start):
    """The laid-out block whose text starts with ``start``."""
    return next(layout for layout in panel.view.layouts() if layout.text().startswith(start))


def ranges(layout, kind):
    """The (start, length, text) of ``layout``'s format ranges of ``kind`` (start and length
    in UTF-16 units, as Qt counts)."""
    test = {"sup": lambda f: f.verticalAlignment() == QTextCharFormat.AlignSuperScript,
            "sub": lambda f: f.verticalAlignment() == QTextCharFormat.AlignSubScript,
            "bold": lambda f: f.fontWeight() == QFont.Weight.Bold}[kind]
    units = layout.text().encode("utf-16-le")
    return [(r.start, r.length, units[2 * r.start:2 * (r.start + r.length)].decode("utf-16-le"))
            for r in layout.formats() if test(r.format)]


def point_at(panel, layout, position):
    """The viewport point of the cursor ``position`` in ``layout`` (on its first line)."""
    line = layout.lineForTextPosition(position)
    x = layout.position().x() + line.cursorToX(position)[0]
    y = layout.position().y() + line.y() + line.height() / 2
    return QPoint(round(x), round(y - panel.view.verticalScrollBar().value()))


def test_the_view_lays_out_one_text_per_block(make_panel):
    _document, panel = make_panel(scenario())
    texts = [layout.text() for layout in panel.view.layouts()]
    assert texts[:5] == ["Sample #1", "Logits z: cat 3, dog 1, pig -3.", "True class: cat.",
                         "Softmax: from logits to probabilities",
                         "p(cat) = e3 / (e3 + e1 + e-3) = 20.09 / 22.85 = 0.8789"]
    assert texts[-1] == "loss (mean) = 0.1291 / 1 = 0.1291 nats"
    assert len(texts) == len(panel.html().split("\n"))  # one per block, as the HTML has
    assert panel.shown_text() == "\n".join(texts)


def test_superscripts_are_raised_and_results_bold(make_panel):
    _document, panel = make_panel(scenario())
    layout = layout_of(panel, "p(pig)")
    assert layout.text() == "p(pig) = e-3 / (e3 + e1 + e-3) = 0.04979 / 22.85 = 0.002179"
    assert ranges(layout, "sup") == [(10, 2, "-3"), (17, 1, "3"), (22, 1, "1"), (27, 2, "-3")]
    assert ranges(layout, "bold") == [(51, 8, "0.002179")]
    assert ranges(layout_of(panel, "True class"), "bold") == []


def test_sums_over_classes_and_continued_lines_look_as_in_the_html(make_panel):
    _document, panel = make_panel(scenario(options=engine.Options(label_smoothing=0.1)))
    formula = layout_of(panel, "L = −Σc")
    assert formula.text() == "L = −Σc y′(c) ln p(c)"  # Σ_c, with c written below
    assert ranges(formula, "sub") == [(6, 1, "c")]
    continued = layout_of(panel, "= −(0.9333")  # "  = …": no leading spaces, indented more
    heading = layout_of(panel, "Cross-entropy loss")
    assert heading.position().x() < formula.position().x() < continued.position().x()
    view_font = panel.view.font().pointSizeF()
    assert heading.font().bold() and heading.font().pointSizeF() == pytest.approx(1.2 * view_font)
    assert panel.view.layouts()[0].font().pointSizeF() == pytest.approx(1.5 * view_font)
    assert formula.font().pointSizeF() == pytest.approx(1.2 * view_font)
    assert formula.font().styleHint() == QFont.StyleHint.Serif
    assert layout_of(panel, "True class").font().pointSizeF() == pytest.approx(view_font)


def test_the_text_wraps_to_the_width_of_the_view(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot, width=700, height=300)
    view = panel.view

    def lines():
        return sum(layout.lineCount() for layout in view.layouts())

    wide, wide_bottom = lines(), view.verticalScrollBar().maximum()
    assert wide == len(view.layouts())  # every block on one line
    panel.resize(260, 300)
    QApplication.processEvents()
    assert lines() > wide and view.verticalScrollBar().maximum() > wide_bottom
    for layout in view.layouts():
        for k in range(layout.lineCount()):
            assert layout.position().x() + layout.lineAt(k).naturalTextWidth() <= \
                view.viewport().width()


def test_a_mouse_drag_selects_across_blocks_and_ctrl_c_copies_it(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot)
    view = panel.view
    logits, target = layout_of(panel, "Logits z"), layout_of(panel, "True class")
    start, end = point_at(panel, logits, 10), point_at(panel, target, 12)
    qtbot.mousePress(view.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), end)
    qtbot.mouseRelease(view.viewport(), Qt.LeftButton, pos=end)
    assert view.selected_text() == "cat 3, dog 1, pig -3.\nTrue class: "
    QApplication.clipboard().clear()
    qtbot.keyClick(view, Qt.Key_C, Qt.ControlModifier)
    assert QApplication.clipboard().text() == "cat 3, dog 1, pig -3.\nTrue class: "


def test_ctrl_a_selects_everything_shown(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot)
    qtbot.keyClick(panel.view, Qt.Key_A, Qt.ControlModifier)
    qtbot.keyClick(panel.view, Qt.Key_C, Qt.ControlModifier)
    assert QApplication.clipboard().text() == panel.shown_text()
    assert "e3 / (e3 + e1 + e-3)" in QApplication.clipboard().text()  # as on screen


def test_a_double_click_selects_a_number(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot)
    layout = layout_of(panel, "L = −ln p(cat)")
    qtbot.mouseDClick(panel.view.viewport(), Qt.LeftButton,
                      pos=point_at(panel, layout, layout.text().index("0.8789") + 2))
    assert panel.view.selected_text() == "0.8789"


def test_the_context_menu_copies_the_selection_or_everything_as_text(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot)
    menu = panel.view.context_menu()
    actions = {action.text(): action for action in menu.actions()}
    assert list(actions) == ["Copy", "Copy all as text"]
    assert not actions["Copy"].isEnabled()  # nothing selected yet
    actions["Copy all as text"].trigger()
    assert QApplication.clipboard().text() == panel.plain_text()
    panel.view.select_all()
    copy = next(a for a in panel.view.context_menu().actions() if a.text() == "Copy")
    assert copy.isEnabled()
    copy.trigger()
    assert QApplication.clipboard().text() == panel.shown_text()


def test_positions_count_as_qt_counts_them_beyond_u_ffff(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot, classes=("🐱", "dog", "pig"))
    layout = layout_of(panel, "p(🐱)")  # 🐱 is two UTF-16 units, one Python character
    assert ranges(layout, "bold")[0][1:] == (6, "0.8789")
    start, end = point_at(panel, layout, 0), point_at(panel, layout, 6)
    qtbot.mousePress(panel.view.viewport(), Qt.LeftButton, pos=start)
    qtbot.mouseMove(panel.view.viewport(), end)
    qtbot.mouseRelease(panel.view.viewport(), Qt.LeftButton, pos=end)
    assert panel.view.selected_text() == "p(🐱) "


def test_dragging_past_the_bottom_scrolls(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot, width=420, height=160)
    viewport, bar = panel.view.viewport(), panel.view.verticalScrollBar()
    qtbot.mousePress(viewport, Qt.LeftButton, pos=QPoint(10, 10))
    qtbot.mouseMove(viewport, QPoint(10, viewport.height() + 30))
    assert bar.value() == 30
    qtbot.mouseRelease(viewport, Qt.LeftButton, pos=QPoint(10, viewport.height() + 30))
    assert panel.view.selected_text().startswith("Sample #1\n")


def test_keys_scroll_the_view(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot, width=420, height=160)
    view, bar = panel.view, panel.view.verticalScrollBar()
    assert view.focusPolicy() == Qt.StrongFocus
    qtbot.keyClick(view, Qt.Key_PageDown)
    assert bar.value() == view.viewport().height()
    qtbot.keyClick(view, Qt.Key_Up)
    assert 0 < bar.value() < view.viewport().height()


def test_presentation_mode_scales_the_laid_out_text(main_window):
    panel = main_window.math_panel
    sizes = [layout.font().pointSizeF() for layout in panel.view.layouts()]
    main_window.set_presentation(True)
    scaled = [layout.font().pointSizeF() for layout in panel.view.layouts()]
    assert scaled == pytest.approx([size * style.PRESENTATION_SCALE for size in sizes])
    assert panel.view.layouts()[0].text() == "Sample photo 1"


def test_the_view_paints_in_the_palette_colours(make_panel, qtbot):
    _document, panel = shown_panel(make_panel, qtbot)
    panel.setPalette(theme.dark_palette())
    palette = panel.view.palette()
    image = panel.view.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert image.pixelColor(1, 1) == palette.color(QPalette.Base)  # "#1e1e1e"
    assert palette.color(QPalette.Text).name() in colours  # "#e8e8e8", the strokes of text
    panel.view.select_all()
    image = panel.view.viewport().grab().toImage()
    layout = layout_of(panel, "Logits z")
    y = round(layout.position().y() + layout.lineAt(0).height() / 2)
    row = {image.pixelColor(x, y).name() for x in range(image.width())}
    assert palette.color(QPalette.Highlight).name() in row


def test_the_accessible_description_is_the_shown_text_a_moment_later(make_panel, qtbot):
    document, panel = make_panel(scenario())
    view = panel.view
    assert view.accessibleName() == "Worked arithmetic"
    view.describe_now()
    assert view.accessibleDescription() == panel.shown_text()
    document.set_cell(0, 0, 2.5)
    assert "e2.5" not in view.accessibleDescription()  # not rewritten on every step
    qtbot.waitUntil(lambda: view.accessibleDescription() == panel.shown_text(), timeout=2000)
    assert "e2.5" in view.accessibleDescription()


def test_an_edit_lays_out_only_the_blocks_that_read_differently(make_panel):
    document, panel = make_panel(scenario())
    before = panel.view.layouts()
    document.set_cell(0, 0, 3.0000001)  # too small a change to show in any number
    assert panel.view.layouts() == before and all(
        a is b for a, b in zip(panel.view.layouts(), before))
    document.set_cell(0, 0, 2.0)
    after = panel.view.layouts()
    assert after[0] is before[0] and after[3] is before[3]  # the headings stay
    assert after[4] is not before[4] and after[4].text().startswith("p(cat) = e2 /")


class PaintWatcher(QObject):
    """Records the region of every paint event of the widget it is installed on."""

    def __init__(self):
        super().__init__()
        self.regions = []

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Paint:
            self.regions.append(QRegion(event.region()))
        return False


def test_an_edit_repaints_only_what_changed_and_the_screen_shows_it(make_panel, qtbot):
    document, panel = shown_panel(make_panel, qtbot, width=700, height=400)
    viewport = panel.view.viewport()

    def drawn(layout):  # where the layout is on screen (the view is not scrolled)
        return layout.boundingRect().translated(layout.position()).toRect()

    QApplication.processEvents()  # the first paint after the show
    watcher = PaintWatcher()
    regions = watcher.regions
    viewport.installEventFilter(watcher)
    document.set_cell(0, 0, 2.5)  # the same blocks, each on one line: none moves
    qtbot.waitUntil(lambda: len(regions) == 1)
    QApplication.processEvents()
    viewport.removeEventFilter(watcher)
    assert len(regions) == 1
    assert not regions[0].intersects(drawn(panel.view.layouts()[0]))  # "Sample #1"
    assert regions[0].intersects(drawn(layout_of(panel, "p(cat)")))
    screen = panel.screen()
    shown = screen.grabWindow(panel.winId()).toImage()
    viewport.repaint()
    assert screen.grabWindow(panel.winId()).toImage() == shown


# ----------------------------------------------------------------------------- laid out later

def many_classes():
    """Three samples of twelve classes: long equations, shortened sums, a scrolled view."""
    rows = np.random.default_rng(1).normal(0, 2, (3, 12))
    return {"classes": tuple(f"c{c}" for c in range(12)), "rows": rows, "targets": (0, 3, 5)}


@pytest.fixture
def new_view_of(qtbot, delete_at_end):
    """``new_view_of(document, panel)``: a new MathPanel of ``document``, of the size, font and
    palette of ``panel``, shown: what ``panel`` must look like, with nothing kept from the
    edits it saw."""
    def make(document, panel):
        fresh = MathPanel(document)
        delete_at_end(fresh)
        fresh.setPalette(panel.palette())
        fresh.view.setFont(panel.view.font())
        fresh.resize(panel.size())
        fresh.show()
        qtbot.waitExposed(fresh)
        return fresh

    return make


def looks_the_same(qtbot, view, new):
    """``view`` shows at once what the ``new`` view shows where it is (at the top); its scroll
    bar is the new one's a moment later; scrolled to the bottom, they show the same."""
    assert view.viewport().grab().toImage() == new.viewport().grab().toImage()
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum()
                    == new.verticalScrollBar().maximum(), timeout=1000)
    assert view.grab().toImage() == new.grab().toImage()
    for each in (view, new):
        each.verticalScrollBar().setValue(each.verticalScrollBar().maximum())
    assert view.verticalScrollBar().value() > 0
    assert view.grab().toImage() == new.grab().toImage()
    assert view.text() == new.text()


def edit(document, qtbot, values):
    for k, value in enumerate(values):  # each edit painted before the next, as in Play
        document.set_cell(k % 3, k % 12, value)
        qtbot.wait(1)


def test_after_edits_the_view_shows_what_a_new_view_shows(make_panel, qtbot, new_view_of):
    document, panel = shown_panel(make_panel, qtbot, width=420, height=160, **many_classes())
    edit(document, qtbot, [2.5, -31.25, 0.001, 7.0, 123456.0, -0.5])
    document.select_sample(1)
    edit(document, qtbot, [3.0, -2.0])
    looks_the_same(qtbot, panel.view, new_view_of(document, panel).view)


def test_after_a_font_change_a_resize_and_a_palette_the_view_shows_what_a_new_one_shows(
        make_panel, qtbot, new_view_of):
    document, panel = shown_panel(make_panel, qtbot, width=420, height=160, **many_classes())
    edit(document, qtbot, [2.5, -31.25])
    font = QFont(panel.view.font())
    font.setPointSizeF(font.pointSizeF() * style.PRESENTATION_SCALE)
    panel.view.setFont(font)  # as presentation mode does
    edit(document, qtbot, [0.001, 7.0])
    looks_the_same(qtbot, panel.view, new_view_of(document, panel).view)
    panel.view.verticalScrollBar().setValue(0)
    panel.resize(300, 220)
    qtbot.wait(1)
    edit(document, qtbot, [123456.0, -0.5])
    panel.setPalette(theme.dark_palette())
    looks_the_same(qtbot, panel.view, new_view_of(document, panel).view)


def blocks_of(*lines):
    return [("text", [(TEXT, line)]) for line in lines]


def test_a_block_out_of_sight_is_right_when_it_comes_into_sight(qtbot, delete_at_end,
                                                                 monkeypatch):
    """What an edit left to lay out later (below the view) is right as soon as the reader
    scrolls to it, and the scroll bar is right a moment later."""
    # (Not when the accessible description is written: it reads the whole text.)
    monkeypatch.setattr(style, "DESCRIPTION_DELAY_MS", 60_000)

    def shown(blocks):
        view = MathView()
        delete_at_end(view)
        view.resize(300, 120)
        view.set_blocks(blocks)
        view.show()
        qtbot.waitExposed(view)
        return view

    first = blocks_of(*(f"line {k}" for k in range(20)))
    # The first block in sight changes, and the last, out of sight, wraps to several lines.
    second = blocks_of("line 0 again") + first[1:-1] + blocks_of("word " * 40)
    view = shown(first)
    view.set_blocks(second)
    new = shown(second)
    for each in (view, new):
        for _ in range(6):  # the keys of the view see the whole text at once
            qtbot.keyClick(each, Qt.Key_PageDown)
    assert view.verticalScrollBar().value() == new.verticalScrollBar().value() > 0
    assert view.grab().toImage() == new.grab().toImage()
    view.verticalScrollBar().setValue(0)
    view.set_blocks(first)  # back to one line, out of sight: left to the timer this time
    new = shown(first)
    qtbot.waitUntil(lambda: view.verticalScrollBar().maximum()
                    == new.verticalScrollBar().maximum(), timeout=1000)
    assert view.grab().toImage() == new.grab().toImage()


def test_an_edit_lays_out_only_the_changed_blocks_in_sight(make_panel, qtbot, monkeypatch):
    document, panel = shown_panel(make_panel, qtbot, width=420, height=160, **many_classes())
    view = panel.view
    before = [layout.text() for layout in view.layouts()]
    made = []

    class Counted(QTextLayout):
        def __init__(self, text, font):
            super().__init__(text, font)
            made.append(text)

    monkeypatch.setattr("gui.views.math.view.QTextLayout", Counted)
    document.set_cell(0, 0, 2.5)
    at_the_edit = list(made)
    after = view.layouts()  # the text read: all of it laid out
    changed = [k for k, layout in enumerate(after) if layout.text() != before[k]]
    in_sight = [k for k in changed if after[k].position().y() < view.viewport().height()]
    assert 0 < len(in_sight) < len(changed)
    assert at_the_edit == [after[k].text() for k in in_sight]
    assert made == [after[k].text() for k in changed]


# ----------------------------------------------------------------------------- the keyboard

@pytest.fixture
def flash_time():
    """Sets the caret's flash time for the test; 0 (a reader's choice too) keeps the caret
    steady, so that a grab of the view always has it."""
    hints = QApplication.styleHints()
    saved = hints.cursorFlashTime()
    yield hints.setCursorFlashTime
    hints.setCursorFlashTime(saved)


def focused_panel(make_panel, qtbot, **changes):
    document, panel = shown_panel(make_panel, qtbot, **changes)
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(panel.view.hasFocus)
    return document, panel


def click(panel, qtbot, layout, position):
    qtbot.mouseClick(panel.view.viewport(), Qt.LeftButton, pos=point_at(panel, layout, position))


def press(qtbot, view, key, modifiers=Qt.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(view, key, modifiers)


def caret_rect(layout, position):
    """The viewport rect around a caret at ``position`` in ``layout`` (the view not scrolled)."""
    line = layout.lineForTextPosition(position)
    x = layout.position().x() + line.cursorToX(position)[0]
    return QRect(math.floor(x) - 1, math.floor(layout.position().y() + line.y()), 3,
                 math.ceil(line.height()))


def differ_in(rect, first, second):
    """Whether images ``first`` and ``second`` differ anywhere in ``rect``."""
    return any(first.pixelColor(x, y) != second.pixelColor(x, y)
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def test_a_click_puts_the_caret_and_shift_right_selects_characters(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    assert view.caret() is None
    click(panel, qtbot, view.layouts()[0], 0)
    assert view.caret() == (0, 0) and not view.has_selection()
    press(qtbot, view, Qt.Key_Right, Qt.ShiftModifier, times=3)
    assert view.selected_text() == "Sam" and view.caret() == (0, 3)


def test_ctrl_shift_right_selects_a_word(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    click(panel, qtbot, layout_of(panel, "Logits z"), 0)
    press(qtbot, view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.selected_text() == "Logits "  # to the next word's start, as in Qt's text widgets
    press(qtbot, view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.selected_text() == "Logits z"
    press(qtbot, view, Qt.Key_Left, Qt.ControlModifier | Qt.ShiftModifier, times=2)
    assert not view.has_selection()


def test_shift_down_extends_into_the_next_block_and_the_next_line(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot, width=300)  # the long prose wraps
    view = panel.view
    click(panel, qtbot, layout_of(panel, "True class"), 0)
    press(qtbot, view, Qt.Key_Down, Qt.ShiftModifier)
    assert view.selected_text() == "True class: cat.\n"  # to the start of the heading below
    prose = layout_of(panel, "Without class weights")
    assert prose.lineCount() > 1
    click(panel, qtbot, prose, 0)
    press(qtbot, view, Qt.Key_Down, Qt.ShiftModifier)
    assert view.selected_text() == prose.text()[:prose.lineAt(1).textStart()]


def test_up_and_down_keep_the_column_past_a_short_line(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    logits = layout_of(panel, "Logits z")
    end = len(logits.text())
    click(panel, qtbot, logits, end)
    start = view.caret()
    press(qtbot, view, Qt.Key_Down)
    assert view.caret() == (start[0] + 1, len("True class: cat."))  # a shorter line: its end
    press(qtbot, view, Qt.Key_Down)
    assert view.caret()[0] == start[0] + 2 and view.caret()[1] > len("True class: cat.")
    press(qtbot, view, Qt.Key_Up, times=2)
    assert view.caret() == start


def test_shift_end_and_shift_home_select_within_the_visual_line(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot, width=300)
    view = panel.view
    logits = layout_of(panel, "Logits z")
    click(panel, qtbot, logits, 0)
    press(qtbot, view, Qt.Key_End, Qt.ShiftModifier)
    assert view.selected_text() == logits.text()
    press(qtbot, view, Qt.Key_Home, Qt.ShiftModifier)
    assert not view.has_selection()
    prose = layout_of(panel, "Without class weights")
    click(panel, qtbot, prose, 0)
    press(qtbot, view, Qt.Key_End, Qt.ShiftModifier)
    # A wrapped line ends before the space it breaks at, so the caret stays on it.
    assert view.selected_text() == prose.text()[:prose.lineAt(1).textStart()].rstrip()


def test_ctrl_end_then_ctrl_shift_home_selects_everything(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot, width=420, height=160)
    view, bar = panel.view, panel.view.verticalScrollBar()
    press(qtbot, view, Qt.Key_End, Qt.ControlModifier)
    assert bar.value() == bar.maximum() > 0  # the caret is kept in sight
    assert view.caret() == (len(view.layouts()) - 1, len(view.layouts()[-1].text()))
    press(qtbot, view, Qt.Key_Home, Qt.ControlModifier | Qt.ShiftModifier)
    assert bar.value() == 0
    assert view.selected_text() == view.text()


def test_a_plain_arrow_ends_the_selection(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    click(panel, qtbot, view.layouts()[0], 0)
    press(qtbot, view, Qt.Key_Right, Qt.ShiftModifier, times=3)
    press(qtbot, view, Qt.Key_Right)
    assert not view.has_selection() and view.caret() == (0, 3)  # at the selection's end
    press(qtbot, view, Qt.Key_Right, Qt.ShiftModifier, times=2)
    press(qtbot, view, Qt.Key_Left)
    assert not view.has_selection() and view.caret() == (0, 3)  # at its start
    press(qtbot, view, Qt.Key_Down, Qt.ShiftModifier)
    press(qtbot, view, Qt.Key_Down)
    assert not view.has_selection() and view.caret()[0] == 2


def test_ctrl_c_copies_the_keyboard_selection(make_panel, qtbot):
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    click(panel, qtbot, layout_of(panel, "True class"), 0)
    press(qtbot, view, Qt.Key_Down, Qt.ShiftModifier)
    press(qtbot, view, Qt.Key_Right, Qt.ControlModifier | Qt.ShiftModifier)
    assert view.selected_text() == "True class: cat.\nSoftmax"
    QApplication.clipboard().clear()
    press(qtbot, view, Qt.Key_C, Qt.ControlModifier)
    assert QApplication.clipboard().text() == "True class: cat.\nSoftmax"


def test_the_caret_is_drawn_only_in_the_focused_view(make_panel, qtbot, flash_time):
    flash_time(0)
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    layout = layout_of(panel, "True class")
    click(panel, qtbot, layout, 4)  # between "True" and the space
    focused = view.viewport().grab().toImage()
    view.clearFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    unfocused = view.viewport().grab().toImage()
    caret = caret_rect(layout, 4)
    assert differ_in(caret, focused, unfocused)
    for image in (focused, unfocused):  # and nothing else differs
        painter = QPainter(image)
        painter.fillRect(caret, Qt.magenta)
        painter.end()
    assert focused == unfocused


def test_the_caret_blinks_in_the_focused_view(make_panel, qtbot, flash_time):
    flash_time(200)
    _document, panel = focused_panel(make_panel, qtbot)
    view = panel.view
    layout = layout_of(panel, "True class")
    click(panel, qtbot, layout, 4)
    before = view.viewport().grab().toImage()
    qtbot.waitUntil(lambda: differ_in(caret_rect(layout, 4), before,
                                      view.viewport().grab().toImage()), timeout=2000)


def test_a_caret_step_repaints_only_the_caret_block(make_panel, qtbot, flash_time):
    flash_time(0)
    _document, panel = focused_panel(make_panel, qtbot)
    view, viewport = panel.view, panel.view.viewport()
    layout = layout_of(panel, "True class")
    click(panel, qtbot, layout, 0)
    QApplication.processEvents()
    watcher = PaintWatcher()
    viewport.installEventFilter(watcher)
    press(qtbot, view, Qt.Key_Right)
    qtbot.waitUntil(lambda: len(watcher.regions) == 1)
    viewport.removeEventFilter(watcher)
    block = QRect(0, math.floor(layout.position().y()), viewport.width(),
                  math.ceil(layout.boundingRect().height()))
    painted = watcher.regions[0].boundingRect()
    assert painted.intersects(block) and block.adjusted(0, -1, 0, 1).contains(painted)


def test_new_text_drops_the_caret_and_a_key_starts_it_in_view(make_panel, qtbot):
    document, panel = focused_panel(make_panel, qtbot, width=420, height=160)
    view, bar = panel.view, panel.view.verticalScrollBar()
    click(panel, qtbot, view.layouts()[0], 0)
    document.set_cell(0, 0, 2.5)
    assert view.caret() is None
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    press(qtbot, view, Qt.Key_Right)
    k, position = view.caret()
    layout = view.layouts()[k]
    assert bar.value() == place  # no jump back to the top
    assert layout.position().y() + layout.lineForTextPosition(position).y() >= place
    assert position == layout.lineForTextPosition(position).textStart() + 1
