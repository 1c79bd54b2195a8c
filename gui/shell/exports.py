"""What File ▸ Export writes: the results as CSV, plots as PNG and SVG, the worked maths as text.
Each function returns the content; gui/files.py asks where and writes it (atomically)."""

import csv
import io
import re

import pyqtgraph.exporters
from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QCoreApplication, QIODevice, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator

from gui.common.user_text import in_csv, in_markdown

CSV_ENCODING = "utf-8-sig"  # the byte-order mark makes spreadsheets read class names right
PNG_SCALE = 2  # twice the on-screen size: sharp on a slide or a projector

# The CSV's column headers, translated when written (the input's column goes after "class").
CLASS_COLUMNS = (QT_TRANSLATE_NOOP("exports", "sample"), QT_TRANSLATE_NOOP("exports", "class"),
                 QT_TRANSLATE_NOOP("exports", "probability"),
                 QT_TRANSLATE_NOOP("exports", "target"), QT_TRANSLATE_NOOP("exports", "term"),
                 QT_TRANSLATE_NOOP("exports", "gradient"),
                 QT_TRANSLATE_NOOP("exports", "predicted"))
INPUT_NAMES = {"logits": QT_TRANSLATE_NOOP("exports", "logit"),
               "probabilities": QT_TRANSLATE_NOOP("exports", "input probability")}
SAMPLE_COLUMNS = (QT_TRANSLATE_NOOP("exports", "sample"), QT_TRANSLATE_NOOP("exports", "loss"),
                  QT_TRANSLATE_NOOP("exports", "entropy H(y)"),
                  QT_TRANSLATE_NOOP("exports", "KL(y‖p)"),
                  QT_TRANSLATE_NOOP("exports", "cross-entropy"),
                  QT_TRANSLATE_NOOP("exports", "predicted"),
                  QT_TRANSLATE_NOOP("exports", "correct"), QT_TRANSLATE_NOOP("exports", "ignored"))
# With several models (or one with a name of its own) each block starts with this column.
MODEL_COLUMN = QT_TRANSLATE_NOOP("exports", "model")
# The heading the exported math starts with, with several models.
MODEL_HEADING = QT_TRANSLATE_NOOP("exports", "Model: {name}")
BATCH_COLUMNS = (QT_TRANSLATE_NOOP("exports", "batch loss"), QT_TRANSLATE_NOOP("exports", "total"),
                 QT_TRANSLATE_NOOP("exports", "divisor"),
                 QT_TRANSLATE_NOOP("exports", "reduction"), QT_TRANSLATE_NOOP("exports", "unit"))


def headers(texts):
    """Column headers in the current language."""
    return [QCoreApplication.translate("exports", text) for text in texts]


def results_csv(analysis):
    """Every number of the results table, full precision (``repr``), as CSV text in three
    blocks separated by an empty line: per sample and class, per sample, and the batch. With
    several models (``analysis.comparison``) each block holds every model's rows, in order;
    then, and for a lone model with a name of its own (as the math and the code name it), a
    first column names the model. Names are text to a spreadsheet, even "=1+1"
    (gui.common.user_text.in_csv)."""
    analyses = models_of(analysis)
    named = analysis.model_label is not None
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(_for_each_model(_class_rows, analyses, named))
    writer.writerow([])
    writer.writerows(_for_each_model(_sample_rows, analyses, named))
    writer.writerow([])
    writer.writerows(_for_each_model(_batch_rows, analyses, named))
    return out.getvalue()


def models_of(analysis):
    """The analyses of every model ``analysis`` is compared with, or it alone."""
    comparison = analysis.comparison
    return comparison.analyses if comparison is not None else (analysis,)


def _for_each_model(rows_of, analyses, named):
    """The rows ``rows_of`` makes of each analysis: its header once, then every model's rows;
    when ``named``, after a "model" column."""
    for k, analysis in enumerate(analyses):
        header, *rows = rows_of(analysis)
        if k == 0:
            yield headers((MODEL_COLUMN,)) + header if named else header
        for row in rows:
            yield [in_csv(analysis.model_name), *row] if named else row


def _class_rows(analysis):
    scenario = analysis.scenario
    yield headers((*CLASS_COLUMNS[:2], INPUT_NAMES[scenario.input], *CLASS_COLUMNS[2:]))
    classes = [in_csv(name) for name in scenario.classes]
    for n, sample in enumerate(scenario.samples):
        sample = in_csv(sample)
        for c, name in enumerate(classes):
            yield [sample, name, *map(_number, (
                scenario.rows[n, c], analysis.probabilities[n, c], analysis.targets[n, c],
                analysis.terms[n, c], analysis.gradient[n, c])),
                   _flag(analysis.predicted[n, c])]


def _sample_rows(analysis):
    yield headers(SAMPLE_COLUMNS)
    for n in range(len(analysis.sample_loss)):
        sample = analysis.sample(n)
        predicted = sample["predicted"]
        yield [in_csv(sample["name"]), *map(_number, (sample["loss"], sample["entropy"],
                                                      sample["kl"], sample["cross_entropy"])),
               in_csv(predicted if isinstance(predicted, str) else " ".join(predicted)),
               _flag(sample["correct"]), _flag(sample["ignored"])]


def _batch_rows(analysis):
    yield headers(BATCH_COLUMNS)
    yield [_number(analysis.loss), _number(analysis.total), _number(analysis.divisor),
           analysis.scenario.options.reduction, analysis.unit]


def _number(value):
    """Full precision, readable back with float(): "0.35667494393873245", "inf"; "" for none."""
    return "" if value is None else repr(float(value))


def _flag(value):
    return "true" if value else "false"


def plot_png(plot_widget, scale=PNG_SCALE):
    """The plot as PNG bytes, ``scale`` times its size on screen (pyqtgraph's ImageExporter)."""
    exporter = pyqtgraph.exporters.ImageExporter(plot_widget.plotItem)
    exporter.parameters()["width"] = max(1, int(exporter.parameters()["width"] * scale))
    image = exporter.export(toBytes=True)
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError(QCoreApplication.translate(
            "exports", "the plot could not be turned into a PNG image"))
    return bytes(buffer.data())


def plot_svg(plot_widget):
    """The plot as SVG bytes (pyqtgraph's SVGExporter): lines, bars and text stay sharp."""
    try:
        return pyqtgraph.exporters.SVGExporter(plot_widget.plotItem).export(toBytes=True)
    except ValueError:
        # pyqtgraph 0.14 cannot read the closed paths ("… Z") that newer Qt writes (pyqtgraph
        # issue #3485); Qt's own SVG of the same scene is a faithful stand-in until it can.
        return _qt_svg(plot_widget)


def _qt_svg(plot_widget):
    item = plot_widget.plotItem
    source = item.sceneBoundingRect()
    target = QRectF(0, 0, source.width(), source.height())
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(source.size().toSize())
    generator.setViewBox(target)
    generator.setResolution(plot_widget.logicalDpiX())  # text keeps its on-screen size
    generator.setTitle(plot_widget.accessibleName())
    painter = QPainter(generator)
    item.scene().render(painter, target, source)
    painter.end()
    return bytes(buffer.data())


def math_text(panel, kind, model=None):
    """The "show the math" panel's text: ``kind`` "md" gives Markdown, "txt" plain text. With
    ``model`` (the shown model's name, where it tells something) a heading first names it."""
    text = panel.markdown() if kind == "md" else panel.plain_text()
    if model is None:
        return text
    heading = QCoreApplication.translate("exports", MODEL_HEADING).format(name=model)
    if kind == "md":
        return f"## {in_markdown(heading)}\n\n{text}"
    return f"{heading}\n{'=' * len(heading)}\n\n{text}"


def plot_paths(path, names):
    """Where each plot goes when the user chose ``path``: the path itself for a single plot,
    else one file per plot, "<stem>-<plot name><suffix>"."""
    names = list(names)
    if len(names) == 1:
        return {names[0]: path}
    return {name: path.with_name(f"{path.stem}-{_file_safe(name)}{path.suffix}") for name in names}


def _file_safe(name):
    return re.sub(r"[^\w.-]+", "_", name)
