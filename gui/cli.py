"""The command line: ``main.py [FILE]`` opens the window; ``--compute FILE [--json]`` prints the
results without a window. Errors are one line on stderr and exit code 2, never a traceback."""

import argparse
import json
import math
import sys

from PySide6.QtCore import QCoreApplication

import engine

VERSION = "0.1.0"
EXIT_USAGE = 2


def tr(text):
    return QCoreApplication.translate("cli", text)


def main(argv):
    """Run the command line; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        print(f"Logit Lab {VERSION}")
        return 0
    if args.compute:
        return compute(args.compute, as_json=args.json)
    if args.smoke:
        from gui.smoke import smoke

        return smoke(args.screenshot)
    from gui.app import run

    return run(args.file)


def compute(path, *, as_json=False, out=sys.stdout, err=sys.stderr):
    """Print the analysis of the scenario file at ``path``; 0 on success, 2 on a bad file."""
    try:
        scenario = load_scenario(path)
    except ValueError as error:
        print(tr("logit-lab: {path}: {error}").format(path=path, error=error), file=err)
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

    scenario = analysis.scenario
    unit = tr(analysis.unit)
    lines = []
    if scenario.title:
        lines.append(scenario.title)
    lines.append(tr("Mode: {mode}, input: {input}, reduction: {reduction}").format(
        mode=scenario.mode, input=scenario.input, reduction=scenario.options.reduction))
    lines.append(tr("Loss: {loss} {unit} (total {total} / {divisor})").format(
        loss=fmt(analysis.loss, 6), unit=unit, total=fmt(analysis.total, 6),
        divisor=fmt(analysis.divisor, 6)))
    for n in range(len(analysis.sample_loss)):
        lines.extend(_sample_lines(analysis, n, fmt))
    return "\n".join(lines) + "\n"


def _sample_lines(analysis, n, fmt):
    sample = analysis.sample(n)
    mark = "✓" if sample["correct"] else "✗"
    if sample["ignored"]:
        mark = tr("ignored")
    lines = ["", tr("Sample {name}: loss {loss}, H(y) {h} + KL(y‖p) {kl} = CE {ce}, "
                    "predicted {predicted} {mark}").format(
        name=sample["name"], loss=fmt(sample["loss"]), h=fmt(sample["entropy"]),
        kl=fmt(sample["kl"]), ce=fmt(sample["cross_entropy"]),
        predicted=sample["predicted"] if isinstance(sample["predicted"], str)
        else ", ".join(sample["predicted"]) or "—", mark=mark)]
    header = (tr("class"), tr("p"), tr("target"), tr("term"), tr("gradient"))
    lines.append("  " + "".join(f"{h:>14}" for h in header))
    for c, name in enumerate(analysis.scenario.classes):
        values = (sample["probabilities"][c], sample["targets"][c], sample["terms"][c],
                  sample["gradient"][c])
        lines.append("  " + f"{name[:14]:>14}" + "".join(f"{fmt(v):>14}" for v in values))
    return lines


def _parser():
    parser = argparse.ArgumentParser(prog="logit-lab", description=tr(
        "Logit Lab: see softmax, sigmoid and cross-entropy at work."))
    parser.add_argument("file", nargs="?", help=tr("a scenario file (.json) to open"))
    parser.add_argument("--compute", metavar="FILE",
                        help=tr("print the results for a scenario file, without a window"))
    parser.add_argument("--json", action="store_true", help=tr("with --compute: print JSON"))
    parser.add_argument("--version", action="store_true", help=tr("print the version and exit"))
    parser.add_argument("--smoke", action="store_true", help=tr(
        "open the window, load every example, render, and exit (a self-test)"))
    parser.add_argument("--screenshot", metavar="PNG", help=tr(
        "with --smoke: save a screenshot of the screen to this file"))
    return parser


def entry_point():
    """The ``logit-lab`` console script."""
    sys.exit(main(sys.argv[1:]))
