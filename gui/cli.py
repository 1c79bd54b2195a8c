"""The command line: ``main.py [FILE]`` opens the window; ``--compute FILE [--json]`` prints the
results without a window. Errors are one line on stderr and exit code 2, never a traceback."""

import argparse
import json
import math
import sys

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

import engine
from gui.messages import describe

VERSION = "0.1.0"
EXIT_USAGE = 2
# Options that print and exit without a window: they speak the system's language.
HEADLESS_OPTIONS = ("--compute", "--version", "-h", "--help")
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
_application = None  # the QCoreApplication the translators need, kept alive while we run


def main(argv):
    """Run the command line; returns the process exit code."""
    if any(arg.split("=", 1)[0] in HEADLESS_OPTIONS for arg in argv):
        install_system_language()
    args = _parser().parse_args(argv)
    if args.version:
        print(f"Logit Lab {VERSION}")
        return 0
    if args.compute:
        return compute(args.compute, as_json=args.json)
    if args.smoke:
        from gui.smoke import smoke

        return smoke(args.screenshot, args.file)
    from gui.app import run

    return run(args.file)


def install_system_language():
    """Translate what the command line prints into the system's language. Translators need a
    QCoreApplication (a window's QApplication is made later, so only headless runs call this)."""
    from gui import i18n

    global _application
    _application = QCoreApplication.instance() or QCoreApplication([])
    i18n.install_language(i18n.system_language(), _application)


def word(key):
    """A setting's value ("mean", "nats", …) in the current language."""
    return QCoreApplication.translate("cli", WORDS[key])


def compute(path, *, as_json=False, out=sys.stdout, err=sys.stderr):
    """Print the analysis of the scenario file at ``path``; 0 on success, 2 on a bad file."""
    try:
        scenario = load_scenario(path)
    except ValueError as error:
        print(QCoreApplication.translate("cli", "logit-lab: {path}: {error}").format(
            path=path, error=describe(error)), file=err)
        return EXIT_USAGE
    analysis = engine.analyze(scenario)
    out.write(analysis_json(analysis) if as_json else report(analysis))
    return 0


def load_scenario(path):
    """Read and validate a scenario file; any problem is a ValueError with a readable message."""
    from gui.scenario_file import read_scenario

    return read_scenario(path)


def analysis_json(analysis):
    """The analysis as JSON text; infinite values are written as the strings "inf"/"-inf"."""
    return json.dumps(_finite_or_text(analysis.to_dict()), ensure_ascii=False, indent=1) + "\n"


def _finite_or_text(value):
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, dict):
        return {k: _finite_or_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite_or_text(v) for v in value]
    return value


def report(analysis):
    """A readable plain-text report: the batch loss, then each sample's numbers."""
    from gui.formatting import format_number as fmt
    from gui.i18n import preset_text

    scenario = analysis.scenario
    unit = word(analysis.unit)
    lines = []
    if scenario.title:
        lines.append(preset_text(scenario.title))
    lines.append(QCoreApplication.translate(
        "cli", "Mode: {mode}, input: {input}, reduction: {reduction}").format(
        mode=word(scenario.mode), input=word(scenario.input),
        reduction=word(scenario.options.reduction)))
    lines.append(QCoreApplication.translate(
        "cli", "Loss: {loss} {unit} (total {total} / {divisor})").format(
        loss=fmt(analysis.loss, 6), unit=unit, total=fmt(analysis.total, 6),
        divisor=fmt(analysis.divisor, 6)))
    for n in range(len(analysis.sample_loss)):
        lines.extend(_sample_lines(analysis, n, fmt))
    return "\n".join(lines) + "\n"


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


def _parser():
    translate = QCoreApplication.translate  # lupdate reads translate("cli", "…") as it is
    parser = argparse.ArgumentParser(prog="logit-lab", allow_abbrev=False, description=translate(
        "cli", "Logit Lab: see softmax, sigmoid and cross-entropy at work."))
    parser.add_argument("file", nargs="?",
                        help=translate("cli", "a scenario file (.json) to open"))
    parser.add_argument("--compute", metavar="FILE", help=translate(
        "cli", "print the results for a scenario file, without a window"))
    parser.add_argument("--json", action="store_true",
                        help=translate("cli", "with --compute: print JSON"))
    parser.add_argument("--version", action="store_true",
                        help=translate("cli", "print the version and exit"))
    parser.add_argument("--smoke", action="store_true", help=translate(
        "cli", "open the window, load every example, render, and exit (a self-test)"))
    parser.add_argument("--screenshot", metavar="PNG", help=translate(
        "cli", "with --smoke: save a screenshot of the screen to this file"))
    return parser


def entry_point():
    """The ``logit-lab`` console script."""
    sys.exit(main(sys.argv[1:]))
