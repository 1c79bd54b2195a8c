"""The current scenario as PyTorch, Keras (Keras 3, or the article's tf.keras) and scikit-learn
code a student can paste and run, printing the loss as that library returns it, with the value
to expect as a comment. The calls are engine.conventions' own. Plain text; no Qt here."""

import numpy as np

from engine.conventions import batch_loss

FRAMEWORKS = ("pytorch", "keras", "sklearn")  # the File ▸ Copy as code menu
SPELLINGS = ("pytorch", "keras", "tf.keras", "sklearn")  # every snippet there is
LIBRARY = {"pytorch": "pytorch", "keras": "keras", "tf.keras": "keras", "sklearn": "sklearn"}
TITLES = {"pytorch": "PyTorch", "keras": "Keras 3", "tf.keras": "tf.keras (TensorFlow 2)",
          "sklearn": "scikit-learn"}
# What each library cannot express, as the snippet's comment says it.
MISSING = {"class_weights": "takes no class weights", "pos_weight": "takes no pos_weight",
           "ignore_index": "cannot leave samples out (ignore_index)",
           "label_smoothing": "takes no label smoothing",
           "soft_targets": "takes only targets of 0 and 1",
           "one_class": "needs at least two classes",
           "zero_weights": "refuses sample weights that are all 0"}
LINE_CHARS = 88  # a line of data is broken before this many characters
# Why the Keras 3 code sums and divides instead of keras.ops.mean.
KERAS_NOTE = ("# keras.ops.mean averages float64 in float32 on the torch and JAX backends: "
              "sum and divide")


def snippet(spelling, analysis):
    """The code for ``spelling`` (one of SPELLINGS) that prints the library's loss for
    ``analysis.scenario``; a comment instead when the library cannot express it."""
    s = analysis.scenario
    result = batch_loss(s, LIBRARY[spelling], analysis=analysis)
    call = next((c for c in result.calls if c.spelling == spelling), None)
    uses_torch = spelling == "pytorch"
    imports = ["import torch"] if uses_torch else ["import numpy as np"]
    imports += [line for line in (call.imports if call else ()) if line not in imports]
    lines = [_title_line(s, spelling, analysis.model_label), *_sorted_imports(imports), "",
             f"classes = {_literal(list(s.classes), len('classes = '))}", *_data(s, uses_torch)]
    if call is None:
        return "\n".join(lines + [f"# {TITLES[spelling]} cannot compute this loss: it "
                                  f"{MISSING[result.not_expressible]}."]) + "\n"
    if spelling == "keras" and s.options.reduction == "mean":
        lines.append(KERAS_NOTE)
    lines += [*call.setup, f"loss = {call.expression}",
              f"print(float(loss))  # expected: {_value(result.loss, result.unit)}"]
    lines += _difference(analysis, result)
    return "\n".join(lines) + "\n"


def _title_line(s, spelling, model=None):
    title = _comment_text(s.title) or "A Logit Lab scenario"
    if model is not None:
        title = f"{title} — {_comment_text(model)}"
    return f"# {title}: the loss as {TITLES[spelling]} computes it."


def _comment_text(text):
    # in a comment line: no line breaks or control characters (a NUL would not even compile)
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _sorted_imports(imports):
    return sorted(imports, key=lambda line: (line.startswith("from"), line))


def _data(s, uses_torch):
    """The rows, the targets and the weights the call names, as a student writes them: a
    single sigmoid label as a plain list of numbers."""
    name = "logits" if s.input == "logits" else "probabilities"
    rows, targets = s.rows, s.targets
    if s.mode == "sigmoid" and rows.shape[1] == 1:
        rows, targets = rows[:, 0], targets[:, 0]
    what = {"index": "the true class of each sample", "softmax": "target rows",
            "sigmoid": "labels, 1 = present"}[s.target_kind if s.target_kind == "index" else s.mode]
    float_type = ", dtype=torch.float64)" if uses_torch else ")"
    array = "torch.tensor(" if uses_torch else "np.array("
    target_type = ")" if s.target_kind == "index" else float_type
    lines = [f"{name} = {array}{_literal(rows, len(f'{name} = {array}'))}{float_type}",
             f"target = {array}{_literal(targets, len(f'target = {array}'))}{target_type}"
             f"  # {what}"]
    for option, values in (("weight", s.options.class_weights), ("pos_weight", s.options.pos_weight)):
        if values is not None:
            start = f"{option} = {array}"
            lines.append(f"{start}{_literal(list(values), len(start))}{float_type}")
    return lines


def _difference(analysis, result):
    """A comment naming the rules by which the library's value differs from Logit Lab's."""
    rules = [_rule(reason) for reason in result.reasons if reason["changes_value"]]
    if not rules:
        return []
    return [f"# Logit Lab's textbook value is {_value(analysis.loss, analysis.unit)}; "
            f"the difference: {'; '.join(rules)}"]


def _rule(reason):
    """The rule's key with its numbers: "clip to [1e-07, 0.9999999]", "clamp_log at -100.0"."""
    if reason["rule"] == "clip":
        return f"clip to [{reason['low']!r}, {reason['high']!r}]"
    if reason["rule"] == "clamp_log":
        return f"clamp_log at {reason['bound']!r}"
    return reason["rule"]


def _value(loss, unit):
    return "no value (no sample is counted)" if loss is None else f"{loss!r} {unit}"


def _literal(values, column=0):
    """Python source for a number, a list or a table; floats written so they read back exactly.
    A list starts at ``column`` and is broken into lines of at most LINE_CHARS, its items
    lined up under the first (a row of a thousand logits is readable, and an editor lays out
    the lines it shows, not all of them)."""
    values = values.tolist() if isinstance(values, np.ndarray) else values
    if isinstance(values, tuple):
        values = list(values)
    if isinstance(values, list) and values and isinstance(values[0], (list, tuple)):
        return "[\n" + "".join(f"    {_literal(list(row), 4)},\n" for row in values) + "]"
    if isinstance(values, list):
        return _wrapped(list(map(repr, values)), column)
    return repr(values)


def _wrapped(items, column):
    """"[a, b, …]" from ``column`` on, broken after a comma before LINE_CHARS."""
    if not items:
        return "[]"
    items = [item + "," for item in items[:-1]] + [items[-1] + "]"]
    indent = " " * (column + 1)
    lines, line, width = [], [items[0]], column + 1 + len(items[0])
    for item in items[1:]:
        width += 1 + len(item)
        if width > LINE_CHARS - 1:
            lines.append(" ".join(line))
            line, width = [item], column + 1 + len(item)
        else:
            line.append(item)
    lines.append(" ".join(line))
    return "[" + f"\n{indent}".join(lines)
