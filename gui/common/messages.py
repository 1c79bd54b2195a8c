"""Why the engine refused a file or an edit, in the user's language. An engine.ScenarioError
carries an English message, a ``code`` and ``details``; here each (code, details["kind"]) has
a sentence whose placeholders the details fill. The English sentences are the engine's own
messages, so in English (or with no translation) describe() shows ``str(error)`` itself."""

import numbers

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from engine import ScenarioError
from gui.common.user_text import short

CONTEXT = "messages"

SENTENCES = {
    ("not_integer", None): QT_TRANSLATE_NOOP(
        "messages", "{field} must be a whole number, got {value}"),
    ("shape", "columns"): QT_TRANSLATE_NOOP(
        "messages", "rows have {columns} columns but there are {classes} classes"),
    ("shape", "weights"): QT_TRANSLATE_NOOP(
        "messages", "options.{field} has {count} values but there are {classes} classes"),
    ("shape", "targets"): QT_TRANSLATE_NOOP(
        "messages", "targets: expected {rows} class indices or {rows} rows of {classes} values, "
                    "got shape {shape}"),
    ("shape", "labels"): QT_TRANSLATE_NOOP(
        "messages", "targets: expected {rows} rows of {classes} labels between 0 and 1, got "
                    "shape {shape}"),
    ("shape", "list"): QT_TRANSLATE_NOOP("messages", "\"{field}\" must be a list"),
    ("shape", "table"): QT_TRANSLATE_NOOP(
        "messages", "{field} must be a non-empty table of numbers (a list of equally long rows)"),
    ("shape", "rows"): QT_TRANSLATE_NOOP("messages", "{field} must be a list of rows"),
    ("shape", "names"): QT_TRANSLATE_NOOP("messages", "{field} must be a non-empty list of names"),
    ("shape", "sample_names"): QT_TRANSLATE_NOOP(
        "messages", "samples must be a list of {count} names"),
    ("shape", "numbers"): QT_TRANSLATE_NOOP("messages", "{field} must be a list of numbers"),
    ("ragged", None): QT_TRANSLATE_NOOP(
        "messages", "{field}: row {row} has {count} values, row 1 has {first}"),
    ("probability_range", "cell"): QT_TRANSLATE_NOOP(
        "messages", "{cell}: {value} is not a probability between 0 and 1"),
    ("target_index", None): QT_TRANSLATE_NOOP(
        "messages", "target of row {row}: {value} is not a class index from 0 to {last}"),
    ("target_range", "cell"): QT_TRANSLATE_NOOP(
        "messages", "{cell}: {value} is not between 0 and 1"),
    ("target_sum", None): QT_TRANSLATE_NOOP(
        "messages", "target row {row} sums to {total}, not 1: a softmax target is a distribution"),
    ("target_kind", None): QT_TRANSLATE_NOOP(
        "messages", "\"targets\" must be all class indices or all rows of values"),
    ("not_a_number", "cell"): QT_TRANSLATE_NOOP("messages", "{cell}: {value} is not a number"),
    ("not_a_number", "field"): QT_TRANSLATE_NOOP("messages", "{field}: {value} is not a number"),
    ("not_finite", "cell"): QT_TRANSLATE_NOOP("messages", "{cell}: {value} is not a finite number"),
    ("not_finite", "field"): QT_TRANSLATE_NOOP(
        "messages", "{field}: {value} is not a finite number"),
    ("not_finite", "constant"): QT_TRANSLATE_NOOP(
        "messages", "{value} is not allowed: every value must be a finite number"),
    ("not_finite", "overflow"): QT_TRANSLATE_NOOP(
        "messages", "a number is too large for a 64-bit float"),
    ("out_of_range", "greater"): QT_TRANSLATE_NOOP(
        "messages", "{field} must be greater than {low}, got {value}"),
    ("out_of_range", "at_least"): QT_TRANSLATE_NOOP(
        "messages", "{field} must be at least {low}, got {value}"),
    ("out_of_range", "between"): QT_TRANSLATE_NOOP(
        "messages", "{field} must be between {low} and {high}, got {value}"),
    ("bad_choice", None): QT_TRANSLATE_NOOP(
        "messages", "{field} must be one of {choices}; got {value}"),
    ("duplicate_name", None): QT_TRANSLATE_NOOP("messages", "{field}: '{name}' appears twice"),
    ("not_text", None): QT_TRANSLATE_NOOP("messages", "{field}: {value} is not text"),
    ("too_long", None): QT_TRANSLATE_NOOP(
        "messages", "{field} is {length} characters long; at most {limit} are allowed"),
    ("lone_surrogate", None): QT_TRANSLATE_NOOP(
        "messages", "{field}: {value} holds half of a UTF-16 surrogate pair, which is not a "
                    "character"),
    ("control_character", None): QT_TRANSLATE_NOOP(
        "messages", "{field}: {value} contains a control character"),
    ("last_class", None): QT_TRANSLATE_NOOP("messages", "the last class cannot be removed"),
    # Training the logits
    ("not_trainable", "probabilities"): QT_TRANSLATE_NOOP(
        "messages", "probabilities cannot be trained: only logits take a gradient step"),
    ("not_trainable", "nothing_counted"): QT_TRANSLATE_NOOP(
        "messages", "no sample is counted (every target is ignored or weighted 0): there is no "
                    "loss to train"),
    ("not_binary", "pair"): QT_TRANSLATE_NOOP(
        "messages", "only one sigmoid label or two softmax classes can be trained in both forms, "
                    "not {classes} {mode} classes"),
    # Models
    ("last_model", None): QT_TRANSLATE_NOOP("messages", "the last model cannot be removed"),
    ("empty_name", None): QT_TRANSLATE_NOOP(
        "messages", "model {model} has no name: a model needs one"),
    ("no_models", None): QT_TRANSLATE_NOOP(
        "messages", "\"models\" must be a list of at least one model"),
    ("not_object", "model"): QT_TRANSLATE_NOOP(
        "messages", "{field} must be an object with \"name\" and \"rows\""),
    ("shape", "model_rows"): QT_TRANSLATE_NOOP(
        "messages", "{rows} × {columns} values, but model '{first}' has {count} × {columns}: "
                    "every model has a row per sample"),
    ("too_large", "models"): QT_TRANSLATE_NOOP(
        "messages", "{models} models are more than the {limit} Logit Lab compares"),
    ("too_large", "model_cells"): QT_TRANSLATE_NOOP(
        "messages", "{models} models of {cells} values in all is more than the {limit} Logit Lab "
                    "handles"),
    # The file as a whole
    ("not_found", None): QT_TRANSLATE_NOOP("messages", "there is no such file"),
    ("not_found", "folder"): QT_TRANSLATE_NOOP("messages", "it is a folder or device, not a file"),
    ("unreadable", None): QT_TRANSLATE_NOOP("messages", "the file cannot be read ({reason})"),
    ("not_utf8", None): QT_TRANSLATE_NOOP(
        "messages", "the file is not UTF-8 text (byte {byte} cannot be read); save it as UTF-8"),
    ("too_large", "file"): QT_TRANSLATE_NOOP("messages", "the file is larger than {limit} MB"),
    ("too_large", "cells"): QT_TRANSLATE_NOOP(
        "messages", "{rows} × {columns} values is more than the {limit} Logit Lab handles"),
    ("not_json", None): QT_TRANSLATE_NOOP(
        "messages", "not valid JSON: {reason} at line {line}, column {column}"),
    ("too_deep", None): QT_TRANSLATE_NOOP("messages", "the JSON is nested too deeply"),
    ("invalid", None): QT_TRANSLATE_NOOP("messages", "the JSON cannot be read ({reason})"),
    ("not_object", "file"): QT_TRANSLATE_NOOP("messages", "the file must hold a JSON object"),
    ("not_object", "options"): QT_TRANSLATE_NOOP("messages", "\"options\" must be an object"),
    ("wrong_format", None): QT_TRANSLATE_NOOP(
        "messages", "not a Logit Lab file (\"format\" must be \"logit-lab\")"),
    ("bad_version", None): QT_TRANSLATE_NOOP(
        "messages", "\"version\" must be a whole number from 1, got {value}"),
    ("newer_version", None): QT_TRANSLATE_NOOP(
        "messages", "the file was written by a newer Logit Lab (format version {version}); this "
                    "one reads up to version {supported}"),
    ("missing_field", None): QT_TRANSLATE_NOOP("messages", "missing field '{field}'"),
    # (The field is quoted already, as the file has it: any text, shortened.)
    ("unknown_field", None): QT_TRANSLATE_NOOP("messages", "unknown field {field}"),
    ("unknown_field", "option"): QT_TRANSLATE_NOOP("messages", "unknown option {field}"),
}

# An error in one model of several: which one, before what is wrong with it.
IN_MODEL = QT_TRANSLATE_NOOP("messages", "model '{name}': {problem}")

# Where a cell is: (table, whether its class name is known) → the words.
CELLS = {
    ("rows", True): QT_TRANSLATE_NOOP("messages", "row {row}, column '{name}'"),
    ("rows", False): QT_TRANSLATE_NOOP("messages", "row {row}, column {number}"),
    ("targets", True): QT_TRANSLATE_NOOP("messages", "targets row {row}, column '{name}'"),
    ("targets", False): QT_TRANSLATE_NOOP("messages", "targets row {row}, column {number}"),
}


def describe(error):
    """What is wrong, in the current language: the sentence for the error's code filled with its
    details; ``str(error)`` for any other error, or when the sentence has no translation."""
    if not isinstance(error, ScenarioError):
        return str(error)
    sentence = SENTENCES.get((error.code, error.details.get("kind")))
    translated = QCoreApplication.translate(CONTEXT, sentence) if sentence else sentence
    if translated == sentence:
        return str(error)
    try:
        problem = translated.format(**_values(error.details))
    except (KeyError, IndexError):  # a detail the sentence needs is missing: say it in English
        return str(error)
    if "model_name" not in error.details:
        return problem
    return QCoreApplication.translate(CONTEXT, IN_MODEL).format(
        name=error.details["model_name"], problem=problem)


def _values(details):
    """The details as the sentences show them: rows counted from 1, numbers in the locale's
    form."""
    values = dict(details)
    for name in ("row", "model"):
        if name in values:
            values[name] += 1
    if "table" in values:
        values["cell"] = _cell(values["table"], values["row"], values["column"],
                               values.get("column_name"))
    for name in ("low", "high", "total"):
        if values.get(name) is not None:  # as the engine writes them: up to 6 digits, "0.9"
            values[name] = QLocale().toString(float(values[name]), "g", 6)
    for name in ("limit", "length", "cells"):
        if name in values:
            values[name] = QLocale().toString(values[name])
    if "choices" in values:  # quoted, as the value is: '2' is text, 2 a number
        values["choices"] = ", ".join(f"'{choice}'" for choice in values["choices"])
    return values


def _cell(table, row, column, name):
    words = CELLS[table, name is not None]
    return QCoreApplication.translate(CONTEXT, words).format(row=row, name=name, number=column + 1)


# What a switch of the mode did to the scenario (engine.edits.switch_mode's notes, and
# engine.readings' for the targets of the other form): one sentence per note key, rows counted
# from 1. {negative} is the name of the class the details count as negative_class.
NOTES = {
    "binary_as_two_class": QT_TRANSLATE_NOOP(
        "messages", "The sigmoid label '{name}' is now the two-class softmax it equals: "
                    "classes '{negative}' and '{name}' with logits (0, z), and the true class "
                    "'{name}' (index {positive}) where y = 1. The probabilities and the loss "
                    "are unchanged."),
    "weights_as_class_weights": QT_TRANSLATE_NOOP(
        "messages", "The label's weight and pos_weight are now the class weights "
                    "({class_weights})."),
    "targets_as_rows": QT_TRANSLATE_NOOP(
        "messages", "The targets are written as rows (1 − y, y), not as class indices, so that "
                    "the loss stays the same."),
    "label_smoothing_off": QT_TRANSLATE_NOOP(
        "messages", "Label smoothing {label_smoothing} is now 0: sigmoid did not use it, and "
                    "softmax would smooth the targets with it."),
    "two_class_as_binary": QT_TRANSLATE_NOOP(
        "messages", "The two classes are now one sigmoid label '{name}': p('{dropped}') is "
                    "1 − p('{name}')."),
    "logits_as_difference": QT_TRANSLATE_NOOP(
        "messages", "{where}: the one logit is the difference of the two, z₁ − z₀, which is "
                    "all that decides the probabilities."),
    "first_probability_dropped": QT_TRANSLATE_NOOP(
        "messages", "{where}: the probabilities did not sum to 1; only the second was kept, so "
                    "the loss changed."),
    "label_smoothing_in_labels": QT_TRANSLATE_NOOP(
        "messages", "Label smoothing {label_smoothing} is now in the labels, y = (1 − ε)·y + "
                    "ε/2, and the option is 0."),
    "weights_as_pos_weight": QT_TRANSLATE_NOOP(
        "messages", "The class weights ({class_weights}) are now the label's weight {weight} "
                    "and pos_weight {pos_weight}."),
    "class_weights_dropped": QT_TRANSLATE_NOOP(
        "messages", "The class weights ({class_weights}) cannot be written as a weight and a "
                    "pos_weight: they were dropped, and the loss changed."),
    "ignored_samples_counted": QT_TRANSLATE_NOOP(
        "messages", "{where}: left out by ignore_index, but sigmoid counts every sample, so "
                    "now counted, with no true label."),
    "mean_divisor_changed": QT_TRANSLATE_NOOP(
        "messages", "\"mean\" now divides by {after}, the number of samples, instead of "
                    "{before}, the summed weights: the batch loss changed by that ratio."),
    "targets_normalised": QT_TRANSLATE_NOOP(
        "messages", "{where}: several true labels, but softmax has one right answer, so the "
                    "labels were divided by their sum."),
    "targets_uniform": QT_TRANSLATE_NOOP(
        "messages", "{where}: no true label, so the softmax target is uniform over the "
                    "classes."),
    "pos_weight_unused": QT_TRANSLATE_NOOP(
        "messages", "pos_weight ({pos_weight}) means nothing to softmax: it is kept, unused."),
    "distribution_as_labels": QT_TRANSLATE_NOOP(
        "messages", "{where}: a soft target, so each class's share is now a label of its "
                    "own, no longer part of one distribution."),
    "label_smoothing_unused": QT_TRANSLATE_NOOP(
        "messages", "Label smoothing {label_smoothing} means nothing to sigmoid: it is kept, "
                    "unused."),
}
# Rows named in a note: at most this many, then "…".
NOTE_ROWS = 8
WHERE = (QT_TRANSLATE_NOOP("messages", "Row {rows}"), QT_TRANSLATE_NOOP("messages", "Rows {rows}"))


def describe_notes(notes, classes=()):
    """One sentence per (key, details) note of engine.edits.switch_mode, in the current
    language. ``classes`` are the class names after the switch (for the "not X" class)."""
    return [_note(key, details, classes) for key, details in notes if key in NOTES]


def _note(key, details, classes):
    values = {name: _number_text(value) for name, value in details.items()}
    if "rows" in details:
        rows = [QLocale().toString(row + 1) for row in details["rows"][:NOTE_ROWS]]
        rows = ", ".join(rows) + (", …" if len(details["rows"]) > NOTE_ROWS else "")
        where = WHERE[len(details["rows"]) > 1]
        values["where"] = QCoreApplication.translate(CONTEXT, where).format(rows=rows)
    if key == "weights_as_pos_weight":
        values["weight"] = _number_text(details["class_weights"][0])
    for name in ("name", "dropped"):
        if name in details:
            values[name] = short(details[name])
    if "negative_class" in details:
        negative = classes[details["negative_class"]] if classes else ""
        values.update(negative=short(negative), positive=details["positive_class"])
    return QCoreApplication.translate(CONTEXT, NOTES[key]).format(**values)


def _number_text(value):
    """A number, or a list of them, as the sentences show it: up to 6 digits, in the locale's
    form."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_number_text(v) for v in value)
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return QLocale().toString(float(value), "g", 6)
    return value
