"""The command line: ``main.py [FILE]`` opens the window; ``--compute FILE [--json]`` prints the
results without a window, ``--train STEPS [--lr LR]`` with it trains the logits first, and
``--convention`` gives the loss as PyTorch, Keras or scikit-learn return it; ``--check-lesson
FILE`` validates a lesson. Errors are one line on stderr and exit code 2, never a traceback."""

import argparse
import codecs
import json
import math
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, qInstallMessageHandler

import engine
import engine.training
from gui import VERSION
from gui.common.messages import describe

EXIT_USAGE = 2
# Options that print and exit without a window: they speak the system's language.
HEADLESS_OPTIONS = ("--compute", "--train", "--lr", "--check-lesson", "--version", "-h",
                    "--help")
# The words of the scenario's settings, as the report shows them.
WORDS = {"softmax": QT_TRANSLATE_NOOP("cli", "softmax"),
         "sigmoid": QT_TRANSLATE_NOOP("cli", "sigmoid"),
         "logits": QT_TRANSLATE_NOOP("cli", "logits"),
         "probabilities": QT_TRANSLATE_NOOP("cli", "probabilities"),
         "mean": QT_TRANSLATE_NOOP("cli", "mean"), "sum": QT_TRANSLATE_NOOP("cli", "sum"),
         "nats": QT_TRANSLATE_NOOP("cli", "nats"), "bits": QT_TRANSLATE_NOOP("cli", "bits")}
REPORT_COLUMNS = (QT_TRANSLATE_NOOP("cli", "class"), QT_TRANSLATE_NOOP("cli", "p"),
                  QT_TRANSLATE_NOOP("cli", "target"), QT_TRANSLATE_NOOP("cli", "term"),
                  QT_TRANSLATE_NOOP("cli", "gradient"))
# What a terminal that cannot show a character gets instead: the report's own symbols in ASCII,
# "?" for anything else (a class named 猫 on a Western Windows console).
UNSHOWABLE = "logit-lab-unshowable"
ASCII_FALLBACK = {"‖": "||", "✓": "v", "✗": "x", "∞": "inf", "−": "-", "—": "-", "·": "."}
MAX_REPORTED_LOGITS = 10  # the report shows a row's first logits; --json has them all
_application = None  # the QCoreApplication the translators need, kept alive while we run


def _fallback(error):
    replacement = "".join(ASCII_FALLBACK.get(character, "?")
                          for character in error.object[error.start:error.end])
    return replacement, error.end


codecs.register_error(UNSHOWABLE, _fallback)


def main(argv):
    """Run the command line; returns the process exit code."""
    if any(arg.split("=", 1)[0] in HEADLESS_OPTIONS for arg in argv):
        write_what_the_terminal_shows()
        install_system_language()
    args = _parser().parse_args(argv)
    if args.version:
        print(f"Logit Lab {VERSION}")
        return 0
    if args.convention != "textbook" and not args.compute:
        print(QCoreApplication.translate("cli", "logit-lab: --convention needs --compute FILE"),
              file=sys.stderr)
        return EXIT_USAGE
    if args.train is not None or args.lr is not None:
        training = training_request(args)
        if isinstance(training, str):
            print(training, file=sys.stderr)
            return EXIT_USAGE
        return compute(args.compute, as_json=args.json, training=training,
                       convention=args.convention)
    if args.compute:
        return compute(args.compute, as_json=args.json, convention=args.convention)
    if args.check_lesson:
        return check_lesson(args.check_lesson)
    if args.smoke:
        from gui.shell.smoke import smoke

        return smoke(args.screenshot, args.file)
    slide = slide_request(args)
    if isinstance(slide, str):
        print(slide, file=sys.stderr)
        return EXIT_USAGE
    if slide is not None:
        from gui.shell.smoke import screenshot

        return screenshot(args.screenshot, args.file, **slide)
    from gui.shell.app import run

    return run(args.file)


def write_what_the_terminal_shows():
    """Let stdout and stderr replace what their encoding cannot show (cp1252 when redirected on
    Windows, a Latin-1 locale) instead of stopping the program with a UnicodeEncodeError."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors=UNSHOWABLE)


def install_system_language():
    """Translate what the command line prints into the system's language. Translators need a
    QCoreApplication (a window's QApplication is made later, so only headless runs call this)."""
    from gui.shell import i18n

    global _application
    if QCoreApplication.instance() is None:
        qInstallMessageHandler(_without_locale_warning)
        _application = QCoreApplication([])
        qInstallMessageHandler(None)
    i18n.install_language(i18n.system_language(), QCoreApplication.instance())


def _without_locale_warning(kind, context, message):
    # In a non-UTF-8 locale Qt warns in four lines that it uses UTF-8 itself. What we print
    # copes with any encoding, so those lines would only stand before the report or the error.
    if not message.startswith("Detected locale"):
        sys.stderr.write(message + "\n")


def word(key):
    """A setting's value ("mean", "nats", …) in the current language."""
    return QCoreApplication.translate("cli", WORDS[key])


def compute(path, *, as_json=False, convention="textbook", out=None, err=None, training=None):
    """Print the analysis of the scenario file at ``path``: with ``training`` (steps, lr) also
    the run of that many gradient steps, for a library ``convention`` the loss as that library
    returns it. 0 on success, 2 on a bad file, one that cannot train, or a loss the library
    cannot express. JSON is UTF-8 whatever the terminal's encoding (it is for programs to read)."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        scenario = load_scenario(path)
        runs = train_models(scenario, training) if training else None
    except ValueError as error:
        print(QCoreApplication.translate("cli", "logit-lab: {path}: {error}").format(
            path=path, error=describe(error)), file=err)
        return EXIT_USAGE
    analyses = engine.analyze_models(scenario)
    if convention != "textbook":
        return print_convention(path, analyses, convention, as_json=as_json, out=out, err=err)
    if as_json:
        write_utf8(models_json(analyses, runs), out)
    else:
        out.write(models_report(analyses, runs))
    return 0


def write_utf8(text, stream):
    """Write ``text`` to ``stream`` as UTF-8 bytes, past the stream's own encoding (a text-only
    stream, as in a test, gets the text)."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
        return
    stream.flush()  # anything written as text before goes first
    buffer.write(text.encode("utf-8"))
    buffer.flush()


def load_scenario(path):
    """Read and validate a scenario file; any problem is a ValueError with a readable message."""
    from gui.shell.scenario_file import read_scenario

    return read_scenario(path)


def analysis_json(analysis, run=None):
    """The analysis as JSON text, with the training ``run`` when there is one; infinite values
    are written as the strings "inf"/"-inf"."""
    data = analysis.to_dict()
    if run is not None:
        data["training"] = training_dict(run)
    return json.dumps(_finite_or_text(data), ensure_ascii=False, indent=1) + "\n"


# --- several models: each model's numbers, in file order ----------------------------------------

# The keys of each entry of "models" in --json: those of the top level that differ by model.
MODEL_KEYS = ("loss", "total", "divisor", "samples")


def train_models(scenario, training):
    """Each model's training run of ``training`` (steps, lr), in file order."""
    return tuple(engine.training.train(scenario.model_scenario(k), *training)
                 for k in range(len(scenario.models)))


def models_json(analyses, runs=None):
    """The --json text: the first model's numbers at the top level, as for a one-model file
    (scripts written for those keep working), and "models": every model's, in file order."""
    runs = runs or (None,) * len(analyses)
    entries = []
    for analysis, run in zip(analyses, runs):
        numbers = analysis.to_dict()
        entry = {"name": analysis.model_name, **{key: numbers[key] for key in MODEL_KEYS}}
        if run is not None:
            entry["training"] = training_dict(run)
        entries.append(entry)
    data = analyses[0].to_dict()
    if runs[0] is not None:
        data["training"] = training_dict(runs[0])
    data["models"] = entries
    return json.dumps(_finite_or_text(data), ensure_ascii=False, indent=1) + "\n"


def models_report(analyses, runs=None):
    """The text report: as ever for one model (named on its loss line when it has a name of
    its own); for several, every model's loss and which is lowest, then each model's samples
    (and training run) under its name."""
    if len(analyses) == 1:
        return report(analyses[0], runs[0] if runs else None)
    from gui.common.formatting import format_number as fmt

    translate = QCoreApplication.translate
    comparison = engine.Comparison(analyses)
    lines = _header_lines(analyses[0])
    for k, analysis in enumerate(analyses):
        lines.append(_loss_line(analysis, analysis.model_name, fmt)
                     + (translate("cli", "  ← lowest") if k in comparison.lowest else ""))
    if comparison.lowest:
        lines.append(translate("cli", "Lowest loss: {models} (lower is better)").format(
            models=", ".join(comparison.names[k] for k in comparison.lowest)))
    for k, analysis in enumerate(analyses):
        lines += ["", translate("cli", "— {model} —").format(model=analysis.model_name)]
        for n in range(len(analysis.sample_loss)):
            lines.extend(_sample_lines(analysis, n, fmt))
        if runs:
            lines.extend(training_lines(runs[k], word(analysis.unit), fmt))
    return "\n".join(lines) + "\n"


def _finite_or_text(value):
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return {k: _finite_or_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite_or_text(v) for v in value]
    return value


def report(analysis, run=None):
    """A readable plain-text report: the batch loss, then each sample's numbers, then how the
    training ``run`` went when there is one."""
    from gui.common.formatting import format_number as fmt

    unit = word(analysis.unit)
    lines = _header_lines(analysis)
    # A lone model with a name of its own (the file keeps it) is named, as in the app.
    lines.append(_loss_line(analysis, analysis.model_label, fmt))
    for n in range(len(analysis.sample_loss)):
        lines.extend(_sample_lines(analysis, n, fmt))
    if run is not None:
        lines.extend(training_lines(run, unit, fmt))
    return "\n".join(lines) + "\n"


def _loss_line(analysis, model, fmt):
    """ "Loss: 0.796739 nats (total 1.59348 / 2)", or with ``model`` "Model 2: loss …"."""
    numbers = dict(loss=fmt(analysis.loss, 6), unit=word(analysis.unit),
                   total=fmt(analysis.total, 6), divisor=fmt(analysis.divisor, 6))
    if model is None:
        return QCoreApplication.translate(
            "cli", "Loss: {loss} {unit} (total {total} / {divisor})").format(**numbers)
    return QCoreApplication.translate(
        "cli", "{model}: loss {loss} {unit} (total {total} / {divisor})").format(
        model=model, **numbers)


def _header_lines(analysis):
    """The report's first lines: the title, then the mode, input and reduction."""
    from gui.shell.i18n import preset_text

    scenario = analysis.scenario
    lines = [preset_text(scenario.title)] if scenario.title else []
    lines.append(QCoreApplication.translate(
        "cli", "Mode: {mode}, input: {input}, reduction: {reduction}").format(
        mode=word(scenario.mode), input=word(scenario.input),
        reduction=word(scenario.options.reduction)))
    return lines


def _sample_lines(analysis, n, fmt):
    sample = analysis.sample(n)
    mark = "✓" if sample["correct"] else "✗"
    if sample["ignored"]:
        mark = QCoreApplication.translate("cli", "ignored")
    lines = ["", QCoreApplication.translate(
        "cli", "Sample {name}: loss {loss}, H(y) {h} + KL(y‖p) {kl} = CE {ce}, predicted "
               "{predicted} {mark}").format(
        name=sample["name"], loss=fmt(sample["loss"]), h=fmt(sample["entropy"]),
        kl=fmt(sample["kl"]), ce=fmt(sample["cross_entropy"]),
        predicted=sample["predicted"] if isinstance(sample["predicted"], str)
        else ", ".join(sample["predicted"]) or "—", mark=mark)]
    header = [QCoreApplication.translate("cli", text)
              for text in REPORT_COLUMNS]
    lines.append("  " + "".join(f"{h:>14}" for h in header))
    for c, name in enumerate(analysis.scenario.classes):
        values = (sample["probabilities"][c], sample["targets"][c], sample["terms"][c],
                  sample["gradient"][c])
        lines.append("  " + f"{name[:14]:>14}" + "".join(f"{fmt(v):>14}" for v in values))
    return lines


# --- --compute FILE --convention LIBRARY ------------------------------------------------------

LIBRARY_NAMES = {"pytorch": "PyTorch", "keras": "Keras", "sklearn": "scikit-learn"}
# What a rule did, as the report names it; the numbers come from the engine's reason.
RULE_WORDS = {
    "renormalise": QT_TRANSLATE_NOOP("cli", "each probability row divided by its sum"),
    "clip": QT_TRANSLATE_NOOP("cli", "p clipped to [{low}, {high}]"),
    "underflow": QT_TRANSLATE_NOOP("cli", "a probability that is not 0 became exactly 0 in "
                                          "float64 (p below {smallest}, or 1 − p below {one})"),
    "clamp_log": QT_TRANSLATE_NOOP("cli", "each logarithm clamped at {bound}"),
    "zero_times_log_zero": QT_TRANSLATE_NOOP("cli", "0 · ln 0 computed as 0 · (−∞) = nan"),
    "sum_warning": QT_TRANSLATE_NOOP("cli", "rows that do not sum to 1 used as they are, with "
                                            "a warning (the same value as the textbook)"),
}
MISSING_WORDS = {
    "class_weights": QT_TRANSLATE_NOOP("cli", "it takes no class weights"),
    "pos_weight": QT_TRANSLATE_NOOP("cli", "it takes no pos_weight"),
    "ignore_index": QT_TRANSLATE_NOOP("cli", "it cannot leave samples out (ignore_index)"),
    "label_smoothing": QT_TRANSLATE_NOOP("cli", "it takes no label smoothing"),
    "soft_targets": QT_TRANSLATE_NOOP("cli", "it takes only targets of 0 and 1"),
    "one_class": QT_TRANSLATE_NOOP("cli", "it needs at least two classes"),
    "zero_weights": QT_TRANSLATE_NOOP("cli", "every sample's class weight is 0"),
}


def print_convention(path, analyses, convention, *, as_json, out, err):
    """Print the loss of each model as ``convention``'s library returns it; 2 if it cannot
    express it."""
    results = [engine.batch_loss(a.scenario, convention, analysis=a) for a in analyses]
    result = results[0]  # the setup decides what a library can express: the same for each
    if not result.expressible:
        print(QCoreApplication.translate(
            "cli", "logit-lab: {path}: {library} cannot compute this loss: {why}").format(
            path=path, library=LIBRARY_NAMES[convention],
            why=QCoreApplication.translate("cli", MISSING_WORDS[result.not_expressible])),
            file=err)
        return EXIT_USAGE
    if as_json:
        write_utf8(convention_models_json(analyses, results), out)
    elif len(analyses) == 1 and analyses[0].model_label is None:
        out.write(convention_report(analyses[0], result))
    else:
        out.write("\n".join(QCoreApplication.translate("cli", "— {model} —").format(
            model=analysis.model_name) + "\n" + convention_report(analysis, result, title=k == 0)
            for k, (analysis, result) in enumerate(zip(analyses, results))))
    return 0


def convention_models_json(analyses, results):
    """The first model's convention_json, with "models": each model's loss, textbook loss and
    samples, in file order."""
    data, *_ = each = [json.loads(convention_json(a, r)) for a, r in zip(analyses, results)]
    data["models"] = [{"name": analysis.model_name, "loss": numbers["loss"],
                       "textbook_loss": numbers["textbook_loss"], "samples": numbers["samples"]}
                      for analysis, numbers in zip(analyses, each)]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def convention_json(analysis, result):
    """The convention's loss, call, per-sample losses and rules as JSON text."""
    data = result.to_dict()
    data.pop("sample_loss")
    data.update(textbook_loss=analysis.loss, mode=analysis.scenario.mode,
                classes=list(analysis.scenario.classes),
                samples=[{"name": name, "loss": float(loss)}
                         for name, loss in zip(analysis.scenario.samples, result.sample_loss)])
    return json.dumps(_finite_or_text(data), ensure_ascii=False, indent=1) + "\n"


def convention_report(analysis, result, title=True):
    """The convention's loss in plain text: the call, the loss beside the textbook's, each
    sample's loss and the rules that make the difference (after the scenario's title, unless
    ``title`` is False)."""
    from gui.common.formatting import format_number as fmt
    from gui.shell.i18n import preset_text

    translate = QCoreApplication.translate
    samples = analysis.scenario.samples
    lines = [preset_text(analysis.scenario.title)] if analysis.scenario.title and title else []
    lines += [translate("cli", "Convention: {library}").format(
        library=LIBRARY_NAMES[result.convention]), translate("cli", "Call:")]
    lines += [f"  {line}" for line in (*result.call.setup, result.call.expression)]
    lines.append(translate("cli", "Loss: {loss} {unit} (textbook: {textbook})").format(
        loss=fmt(result.loss, 6), unit=word(result.unit), textbook=fmt(analysis.loss, 6)))
    lines += [translate("cli", "Sample {name}: loss {loss}").format(name=name, loss=fmt(loss))
              for name, loss in zip(samples, result.sample_loss)]
    for reason in result.reasons:
        numbers = {key: repr(reason.get(key)) for key in ("low", "high", "bound")}
        rule = translate("cli", RULE_WORDS[reason["rule"]]).format(
            smallest=repr(reason.get("smallest")), one=repr(reason.get("rounds_to_one_below")),
            **numbers)
        names = ", ".join(samples[entry["sample"]] for entry in reason["samples"])
        lines.append(translate("cli", "Rule: {rule} (samples {names})").format(rule=rule,
                                                                                names=names))
    return "\n".join(lines) + "\n"


def _parser():
    translate = QCoreApplication.translate  # lupdate reads translate("cli", "…") as it is
    parser = _OneLineParser(prog="logit-lab", allow_abbrev=False, description=translate(
        "cli", "Logit Lab: see softmax, sigmoid and cross-entropy at work."))
    parser.add_argument("file", nargs="?",
                        help=translate("cli", "a scenario file (.json) to open"))
    parser.add_argument("--compute", metavar="FILE", help=translate(
        "cli", "print the results for a scenario file, without a window"))
    parser.add_argument("--json", action="store_true",
                        help=translate("cli", "with --compute: print JSON"))
    parser.add_argument("--train", metavar="STEPS", help=translate(
        "cli", "with --compute: first take STEPS gradient steps on the logits"))
    parser.add_argument("--lr", metavar="LR", help=translate(
        "cli", "with --train: the learning rate (default 1.0)"))
    parser.add_argument("--convention", choices=engine.CONVENTIONS, default="textbook",
                        help=translate("cli", "with --compute: the loss as that library's call "
                                              "returns it (default: textbook)"))
    parser.add_argument("--check-lesson", metavar="FILE", help=translate(
        "cli", "check a lesson file: every step's scenario, text and question"))
    parser.add_argument("--version", action="store_true",
                        help=translate("cli", "print the version and exit"))
    parser.add_argument("--smoke", action="store_true", help=translate(
        "cli", "open the window, load every example, render, and exit (a self-test)"))
    parser.add_argument("--screenshot", metavar="PNG", help=translate(
        "cli", "lay the window out (with FILE, or the start scenario), save it as this PNG "
               "and exit; with --smoke: save a screenshot of the screen"))
    parser.add_argument("--size", metavar="WxH", help=translate(
        "cli", "with --screenshot: the window's size in pixels, e.g. 1280x720"))
    parser.add_argument("--presentation", action="store_true", help=translate(
        "cli", "with --screenshot: show the presentation stage"))
    parser.add_argument("--language", metavar="CODE", help=translate(
        "cli", "with --screenshot: the language, en or zh_CN"))
    return parser


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (not the usage and a line), exit code 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\n")


# --- slides: --screenshot PNG [--size WxH] [--presentation] [--language CODE] -------------------

DEFAULT_SLIDE_SIZE = (1280, 720)
SLIDE_SIZES = range(200, 10_001)


def slide_request(args):
    """None without --screenshot; else the slide's size, presentation and language, or the one
    line that says what is wrong with them."""
    translate = QCoreApplication.translate
    extras = args.size is not None or args.presentation or args.language is not None
    if not args.screenshot:
        if extras:
            return translate("cli", "logit-lab: --size, --presentation and --language need "
                                    "--screenshot PNG")
        return None
    if not args.screenshot.lower().endswith(".png"):
        return translate("cli", "logit-lab: --screenshot: PNG must be a file name ending in "
                                ".png, got '{value}'").format(value=args.screenshot)
    from pathlib import Path

    if not Path(args.screenshot).absolute().parent.is_dir():
        return translate("cli", "logit-lab: --screenshot: cannot write '{path}': no such "
                                "folder").format(path=args.screenshot)
    size = parse_size(args.size) if args.size is not None else DEFAULT_SLIDE_SIZE
    if size is None:
        return translate("cli", "logit-lab: --size: WxH must be two whole numbers of pixels "
                                "from 200 to 10000, e.g. 1280x720, got '{value}'").format(
            value=args.size)
    from gui.shell.i18n import LANGUAGES

    if args.language is not None and args.language not in LANGUAGES:
        return translate("cli", "logit-lab: --language: CODE must be one of {codes}, got "
                                "'{value}'").format(codes=", ".join(LANGUAGES),
                                                    value=args.language)
    return {"size": size, "presentation": args.presentation, "language": args.language}


def parse_size(text):
    """(width, height) from "1280x720" (or "1280X720", "1280×720"); None if it is not a size
    in SLIDE_SIZES."""
    parts = text.strip().lower().replace("×", "x").split("x")
    if len(parts) != 2:
        return None
    size = tuple(_whole_number(part) for part in parts)
    return size if all(value is not None and value in SLIDE_SIZES for value in size) else None


# --- training: --compute FILE --train STEPS [--lr LR] -------------------------------------------

def training_request(args):
    """(steps, lr) from the command line, or the one line that says what is wrong with them."""
    translate = QCoreApplication.translate
    if not args.compute:
        return translate("cli", "logit-lab: --train and --lr need --compute FILE")
    if args.train is None:
        return translate("cli", "logit-lab: --lr needs --train STEPS")
    steps = _whole_number(args.train)
    if steps is None or not 1 <= steps <= engine.training.MAX_STEPS:
        return translate("cli", "logit-lab: --train: STEPS must be a whole number from 1 to "
                                "{limit}, got '{value}'").format(
            limit=engine.training.MAX_STEPS, value=args.train)
    lr = _positive_number("1.0" if args.lr is None else args.lr)
    if lr is None:
        return translate("cli", "logit-lab: --lr: LR must be a number greater than 0, got "
                                "'{value}'").format(value=args.lr)
    return steps, lr


def _whole_number(text):
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _positive_number(text):
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) and value > 0 else None


def training_dict(run):
    """The ``"training"`` entry of ``--json``: steps, lr, the loss before and after each step
    (in the file's unit) and the final logits."""
    return {"steps": run.steps, "lr": run.lr, "loss": run.losses.tolist(),
            "rows": run.scenario.rows.tolist()}


def training_lines(run, unit, fmt):
    """The report's lines on a training run: where the loss went, and the final logits."""
    translate = QCoreApplication.translate
    lines = ["", translate("cli", "Training: {steps} gradient steps on the logits, lr {lr}: "
                                  "loss {before} → {after} {unit}").format(
        steps=run.steps, lr=QLocale().toString(run.lr, "g", 6), before=fmt(run.losses[0], 6),
        after=fmt(run.losses[-1], 6), unit=unit)]
    scenario = run.scenario
    for name, row in zip(scenario.samples, scenario.rows):
        lines.append(translate("cli", "  {name}: logits {logits}").format(
            name=name, logits=", ".join(fmt(value) for value in row[:MAX_REPORTED_LOGITS])
            + (", …" if len(row) > MAX_REPORTED_LOGITS else "")))
    return lines


# --- --check-lesson FILE ------------------------------------------------------------------------

def check_lesson(path, *, out=None, err=None):
    """Validate the lesson file at ``path``: 0 and one line saying what it holds, or 2 and one
    line naming the problem (and the step, counted from 1)."""
    from gui.shell.i18n import system_language
    from gui.shell.lesson_file import lesson_problem, read_lesson

    out, err = out or sys.stdout, err or sys.stderr
    translate = QCoreApplication.translate
    try:
        lesson = read_lesson(path)
    except ValueError as error:
        print(translate("cli", "logit-lab: {path}: {error}").format(
            path=path, error=lesson_problem(error)), file=err)
        return EXIT_USAGE
    print(translate("cli", "{path}: {title}: {steps} steps, {questions} questions").format(
        path=path, title=lesson.title[system_language()], steps=len(lesson.steps),
        questions=lesson.question_count), file=out)
    return 0


def entry_point():
    """The ``logit-lab`` console script."""
    sys.exit(main(sys.argv[1:]))
