"""Why the engine refused a file or an edit, in the user's language. An engine.ScenarioError
carries an English message, a ``code`` and ``details``; here each (code, details["kind"]) has
a sentence whose placeholders the details fill. The English sentences are the engine's own
messages, so in English (or with no translation) describe() shows ``str(error)`` itself."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from engine import ScenarioError

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
