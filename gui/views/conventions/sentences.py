"""The conventions view's words: one sentence per rule of engine.conventions (a reason is keys
and numbers there), naming the rule, its numbers and the sample and class it changed, in the
interface's language."""

import math

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from gui.common.formatting import format_number
from gui.common.user_text import short

CONTEXT = "ConventionsView"
LIBRARY_NAMES = {"pytorch": "PyTorch", "keras": "Keras", "sklearn": "scikit-learn"}

# A rule's sentence (a cell rule's for the term ln p and, where it differs, for ln(1 − p)).
RULES = {
    "renormalise": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} divides each probability row by its sum first: the row "
                           "of sample “{sample}” sums to {sum}."),
    "clip": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} clips p to [{low}, {high}] before the logarithm: "
                           "p({class_name}) = {p} in sample “{sample}” counts as {clipped}."),
    "underflow": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} gets p({class_name}) in sample “{sample}” as exactly 0 in "
                           "float64 (anything below {smallest} is 0), where the logits give "
                           "ln p = {log_p}."),
    ("underflow", "1-p"): QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} gets p({class_name}) in sample “{sample}” as exactly 1 in "
                           "float64 (1 − p below {one} is lost), where the logits give "
                           "ln(1 − p) = {log_p}."),
    "clamp_log": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} clamps each logarithm at {bound}: ln p({class_name}) in "
                           "sample “{sample}”, with p = {p}, counts as {bound}."),
    ("clamp_log", "1-p"): QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} clamps each logarithm at {bound}: ln(1 − p({class_name})) "
                           "in sample “{sample}”, with p = {p}, counts as {bound}."),
    "zero_times_log_zero": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} multiplies the target 0 of {class_name} in sample "
                           "“{sample}” by ln 0 = −∞ and gets nan, where Logit Lab counts "
                           "0 · ln 0 as 0."),
    "sum_warning": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} uses rows that do not sum to 1 as they are, with a warning "
                           "(the row of sample “{sample}” sums to {sum}): the value stays the "
                           "textbook's."),
}
# Why a library cannot compute the scenario's loss (engine.conventions.NOT_EXPRESSIBLE).
MISSING = {
    "class_weights": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it takes no class weights."),
    "pos_weight": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it takes no pos_weight."),
    "ignore_index": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it cannot leave samples out "
                           "(ignore_index)."),
    "label_smoothing": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it takes no label smoothing."),
    "soft_targets": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it takes only targets of 0 "
                           "and 1."),
    "one_class": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: it needs at least two "
                           "classes."),
    "zero_weights": QT_TRANSLATE_NOOP(
        "ConventionsView", "{library} cannot compute this loss: every counted sample's class "
                           "weight is 0."),
}


def reason_sentence(convention, reason, sample, scenario):
    """The sentence for one of ``convention``'s reasons (a dict of engine.conventions), told
    about sample ``sample`` when the rule changed it, else about the first sample it changed;
    with how many classes and other samples it changed besides."""
    entries = reason["samples"]
    entry = next((e for e in entries if e["sample"] == sample), entries[0])
    template = RULES.get((reason["rule"], entry.get("term")), RULES[reason["rule"]])
    sentence = QCoreApplication.translate(CONTEXT, template).format(
        **_values(convention, reason, entry, scenario))
    count = entry.get("count", 1)
    if count > 1:
        sentence += " " + QCoreApplication.translate(
            "ConventionsView", "(%n classes of that sample.)", "", count)
    others = len(entries) - 1
    if others:
        sentence += " " + QCoreApplication.translate(
            "ConventionsView", "Other samples it changes: %n.", "", others)
    return sentence


def missing_sentence(convention, key):
    """Why ``convention``'s library cannot compute the loss (a key of NOT_EXPRESSIBLE)."""
    return QCoreApplication.translate(CONTEXT, MISSING[key]).format(
        library=LIBRARY_NAMES[convention])


def _values(convention, reason, entry, scenario):
    values = {"library": LIBRARY_NAMES[convention],
              "sample": short(scenario.samples[entry["sample"]])}
    if "class" in entry:
        values["class_name"] = short(scenario.classes[entry["class"]])
        values["p"] = exact(entry["p"])
    if "low" in reason:
        values.update(low=exact(reason["low"]), high=exact(reason["high"]),
                      clipped=exact(min(max(entry["p"], reason["low"]), reason["high"])))
    if "bound" in reason:
        values["bound"] = exact(reason["bound"])
    if "smallest" in reason:
        values.update(smallest=exact(reason["smallest"]),
                      one=exact(reason["rounds_to_one_below"]), log_p=rounded(entry["log_p"]))
    if "sum" in entry:
        values["sum"] = rounded(entry["sum"])
    return values


def exact(value):
    """A rule's number with every digit it has (1e-07, 0.9999999, 2.220446049250313e-16): the
    clip bounds differ from 0 and 1 only there."""
    if not math.isfinite(value):
        return format_number(value)
    locale = QLocale()
    locale.setNumberOptions(QLocale.OmitGroupSeparator)
    return locale.toString(float(value), "g", QLocale.FloatingPointShortest)


def rounded(value):
    """A sum or a logarithm to 6 significant digits (0.6, not 0.6000000000000001)."""
    if not math.isfinite(value):
        return format_number(value)
    return QLocale().toString(float(value), "g", 6)
