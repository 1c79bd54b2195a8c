"""The current scenario as PyTorch, Keras and scikit-learn code a student can paste and run, with
the value Logit Lab computed as a comment to check against. Plain text; no Qt here."""

import numpy as np

FRAMEWORKS = ("pytorch", "keras", "sklearn")
TORCH_IGNORE_INDEX = -100  # PyTorch's default, left out of the code when the scenario uses it


def snippet(framework, analysis):
    """The code for ``framework`` (one of FRAMEWORKS) that reproduces ``analysis.loss``."""
    builders = {"pytorch": pytorch_snippet, "keras": keras_snippet, "sklearn": sklearn_snippet}
    return builders[framework](analysis)


# --- PyTorch ---------------------------------------------------------------------------------

def pytorch_snippet(analysis):
    """torch.nn.CrossEntropyLoss / NLLLoss / BCEWithLogitsLoss / BCELoss, options included."""
    s = analysis.scenario
    dtype = "" if s.target_kind == "index" else ", dtype=torch.float64"
    body = [f"{_input_name(s)} = torch.tensor({_literal(s.rows)}, dtype=torch.float64)",
            f"target = torch.tensor({_literal(s.targets)}{dtype})  # {_target_words(s)}"]
    body += _torch_softmax(s) if s.mode == "softmax" else _torch_sigmoid(s)
    return _program(analysis, "PyTorch", ["import torch"], [], body, "loss.item()")


def _torch_softmax(s):
    o = s.options
    options = [("weight", _torch_tensor(o.class_weights))]
    if s.target_kind == "index" and o.ignore_index != TORCH_IGNORE_INDEX:
        options.append(("ignore_index", repr(o.ignore_index)))
    if s.input == "logits":
        loss_fn = "torch.nn.CrossEntropyLoss"
        options.append(("label_smoothing", _smoothing(o)))
        inputs, note = _scaled("logits", o), []
    elif s.target_kind == "index" and not o.label_smoothing:
        loss_fn, inputs = "torch.nn.NLLLoss", "torch.log(probabilities)"
        note = ["# probabilities in: NLLLoss takes their logarithm"]
    else:
        loss_fn, inputs = "torch.nn.CrossEntropyLoss", "torch.log(probabilities)"
        options.append(("label_smoothing", _smoothing(o)))
        note = ["# CrossEntropyLoss of ln p is that of p when each row sums to 1"]
    return note + [f"loss_fn = {_call(loss_fn, options, reduction=o.reduction)}",
                   f"loss = loss_fn({inputs}, target)"]


def _torch_sigmoid(s):
    o = s.options
    options = [("weight", _torch_tensor(o.class_weights))]
    if s.input == "probabilities" and o.pos_weight is None:
        return ["# probabilities in: BCELoss (it caps ln p at -100)",
                f"loss_fn = {_call('torch.nn.BCELoss', options, reduction=o.reduction)}",
                "loss = loss_fn(probabilities, target)"]
    options.append(("pos_weight", _torch_tensor(o.pos_weight)))
    inputs = _scaled("logits", o) if s.input == "logits" else "torch.logit(probabilities)"
    return [f"loss_fn = {_call('torch.nn.BCEWithLogitsLoss', options, reduction=o.reduction)}",
            f"loss = loss_fn({inputs}, target)"]


def _torch_tensor(values):
    return None if values is None else f"torch.tensor({_literal(values)}, dtype=torch.float64)"


# --- Keras -----------------------------------------------------------------------------------

def keras_snippet(analysis):
    """keras.losses.CategoricalCrossentropy / BinaryCrossentropy, summed, then divided as
    PyTorch's "mean" divides (Keras's "sum_over_batch_size" counts differently)."""
    s = analysis.scenario
    setup = ['keras.config.set_floatx("float64")  # Logit Lab computes in float64']
    if s.input == "probabilities":
        setup.append("keras.config.set_epsilon(1e-15)  # Keras clips p to [ε, 1 − ε]")
    body = [f"{_input_name(s)} = np.array({_literal(s.rows)})",
            f"targets = np.array({_literal(s.targets)})  # {_target_words(s)}"]
    body += _keras_softmax(s) if s.mode == "softmax" else _keras_sigmoid(s)
    return _program(analysis, "Keras 3", ["import numpy as np", "import keras"], setup, body,
                    "loss")


def _keras_softmax(s):
    o = s.options
    lines = _kept_rows(s, _input_name(s))
    lines.append("y_true = np.eye(len(classes))[targets]  # one-hot rows"
                 if s.target_kind == "index" else "y_true = targets")
    smoothing = _smoothing(o)
    divisor, what = "len(y_true)", "the number of counted samples"
    if o.class_weights is not None:
        lines.append(f"weights = np.array({_literal(o.class_weights)})")
        if smoothing:
            lines.append(f"y_true = y_true * (1 - {smoothing}) + {smoothing} / len(classes)"
                         "  # label smoothing")
            smoothing = None
        lines.append("y_true = y_true * weights  # PyTorch weighs classes, Keras samples")
        if s.target_kind == "index":
            divisor, what = "weights[targets].sum()", "the summed weights of the samples"
    from_logits = s.input == "logits"
    loss_fn = _call("keras.losses.CategoricalCrossentropy",
                    [("from_logits", repr(from_logits)), ("label_smoothing", smoothing)],
                    reduction="sum")
    inputs = _scaled("logits", o) if from_logits else "probabilities"
    lines += [f"loss_fn = {loss_fn}", f"loss = float(loss_fn(y_true, {inputs}))"]
    return lines + _keras_mean(o, divisor, what)


def _keras_sigmoid(s):
    o = s.options
    from_logits = s.input == "logits"
    inputs = _scaled("logits", o) if from_logits else "probabilities"
    lines = ["# Keras averages over a sample's classes; one column makes each (sample, class)",
             "# pair an example of its own, as PyTorch counts them",
             f"x = np.reshape({inputs}, (-1, 1))", "y = np.reshape(targets, (-1, 1))",
             f"w = np.broadcast_to({_literal(o.class_weights or 1.0)}, targets.shape).ravel()"]
    if o.pos_weight is not None:
        lines += ["# no pos_weight in Keras: a label y counts as a positive example of weight",
                  "# pos_weight·y and a negative one of weight 1 − y",
                  f"pos_weight = np.broadcast_to({_literal(o.pos_weight)}, targets.shape).ravel()",
                  "x = np.concatenate([x, x])",
                  "w = np.concatenate([w * pos_weight * y[:, 0], w * (1 - y[:, 0])])",
                  "y = np.concatenate([np.ones_like(y), np.zeros_like(y)])"]
    loss_fn = _call("keras.losses.BinaryCrossentropy", [("from_logits", repr(from_logits))],
                    reduction="sum")
    lines += [f"loss_fn = {loss_fn}", "loss = float(loss_fn(y, x, sample_weight=w))"]
    return lines + _keras_mean(o, "targets.size", "the number of (sample, class) pairs")


def _keras_mean(options, divisor, what):
    if options.reduction != "mean":
        return []
    return [f"loss = loss / {divisor}  # PyTorch's \"mean\": divided by {what}"]


# --- scikit-learn ----------------------------------------------------------------------------

def sklearn_snippet(analysis):
    """sklearn.metrics.log_loss on the probabilities (class weights and pos_weight as sample
    weights). What log_loss cannot take (target rows, label smoothing, soft labels) is the same
    sum written in numpy."""
    s = analysis.scenario
    body = [f"{_input_name(s)} = np.array({_literal(s.rows)})",
            f"targets = np.array({_literal(s.targets)})  # {_target_words(s)}"]
    if s.input == "logits":
        function, axis = ("softmax", ", axis=1") if s.mode == "softmax" else ("expit", "")
        body.append(f"probabilities = {function}({_scaled('logits', s.options)}{axis})")
    body += _sklearn_softmax(s) if s.mode == "softmax" else _sklearn_sigmoid(s)
    if analysis.sample_loss.max(initial=0.0) > 30:
        body.append("# log_loss clips p to [2.2e-16, 1 − 2.2e-16]: a loss past 36 nats reads "
                    "as about 36")
    imports = ["import numpy as np"]
    imports += [f"from scipy.special import {name}" for name in ("expit", "softmax")
                if f"{name}(" in "\n".join(body)]
    if any("log_loss(" in line for line in body):
        imports.append("from sklearn.metrics import log_loss")
    return _program(analysis, "scikit-learn", imports, [], body, "loss")


def _sklearn_softmax(s):
    o = s.options
    if s.target_kind != "index" or o.label_smoothing:
        return _numpy_softmax(s)
    lines = _kept_rows(s, "probabilities")
    options = [("labels", "list(range(len(classes)))")]
    if o.class_weights is not None:
        lines.append(f"weights = np.array({_literal(o.class_weights)})")
        options.append(("sample_weight", "weights[targets]"))
    options.append(("normalize", repr(o.reduction == "mean")))
    return lines + [f"loss = {_call('log_loss', options, 'targets', 'probabilities')}"]


def _numpy_softmax(s):
    o = s.options
    lines = ["# log_loss takes class labels only: for target rows or label smoothing, the",
             "# same sum in numpy"] + _kept_rows(s, "probabilities")
    weights = "" if o.class_weights is None else f"np.array({_literal(o.class_weights)}) * "
    divisor = "len(targets)"
    if s.target_kind == "index":
        if o.class_weights is not None:
            lines.append(f"divisor = np.array({_literal(o.class_weights)})[targets].sum()"
                         "  # PyTorch's \"mean\": the summed weights")
            divisor = "divisor"
        lines.append("targets = np.eye(len(classes))[targets]")
    if o.label_smoothing:
        eps = repr(o.label_smoothing)
        lines.append(f"targets = targets * (1 - {eps}) + {eps} / len(classes)")
    lines += ["with np.errstate(divide=\"ignore\", invalid=\"ignore\"):",
              f"    terms = np.where(targets == 0, 0.0, -{weights}targets * np.log(probabilities))"]
    return lines + [f"loss = float(terms.sum() / {divisor})" if o.reduction == "mean"
                    else "loss = float(terms.sum())"]


def _sklearn_sigmoid(s):
    o = s.options
    if not np.isin(s.targets, (0.0, 1.0)).all():
        return _numpy_sigmoid(s)
    lines = ["# each (sample, class) pair is one binary example, as PyTorch counts them",
             "weights = np.ones(targets.shape)"]
    if o.class_weights is not None:
        lines.append(f"weights = weights * np.array({_literal(o.class_weights)})")
    if o.pos_weight is not None:
        lines.append(f"weights = np.where(targets == 1, weights * np.array("
                     f"{_literal(o.pos_weight)}), weights)  # pos_weight")
    call = _call("log_loss", [("labels", "[0, 1]"), ("sample_weight", "weights.ravel()"),
                              ("normalize", "False")], "targets.ravel()", "probabilities.ravel()")
    divisor = " / targets.size" if o.reduction == "mean" else ""
    return lines + [f"loss = {call}{divisor}"]


def _numpy_sigmoid(s):
    o = s.options
    weights = "" if o.class_weights is None else f"np.array({_literal(o.class_weights)}) * "
    pos = "" if o.pos_weight is None else f"np.array({_literal(o.pos_weight)}) * "
    return [
        "# log_loss takes 0/1 labels only: for soft labels, the same sum in numpy",
        "with np.errstate(divide=\"ignore\", invalid=\"ignore\"):",
        f"    positive = np.where(targets == 0, 0.0, {pos}targets * np.log(probabilities))",
        "    negative = np.where(targets == 1, 0.0, (1 - targets) * np.log1p(-probabilities))",
        f"terms = -{weights}(positive + negative)",
        f"loss = float(terms.{'mean' if o.reduction == 'mean' else 'sum'}())"]


# --- shared pieces ---------------------------------------------------------------------------

def _program(analysis, framework, imports, setup, body, value):
    """Title comment, imports, setup, the class names, the body, and the printed result."""
    s = analysis.scenario
    # a comment line: no line breaks or control characters (a NUL would not even compile)
    title = " ".join("".join(ch if ch.isprintable() else " " for ch in s.title).split())
    title = title or "A Logit Lab scenario"
    lines = [f"# {title}: the loss Logit Lab shows, computed with {framework}."]
    lines += (["import math"] if s.options.log_base == "2" else []) + imports + setup
    lines += ["", f"classes = {_literal(list(s.classes))}"] + body
    if s.options.log_base == "2":
        lines.append("loss = loss / math.log(2)  # in bits, as Logit Lab's log base 2")
    lines.append(f"print({value})  # Logit Lab computed: {_computed(analysis)}")
    return "\n".join(lines) + "\n"


def _computed(analysis):
    if analysis.loss is None:
        return "no value (no sample is counted)"
    return f"{analysis.loss!r} {analysis.unit}"


def _kept_rows(s, name):
    """Lines leaving out the samples whose target is ignore_index (PyTorch skips them)."""
    if s.target_kind != "index" or not (s.targets == s.options.ignore_index).any():
        return []
    return [f"kept = targets != {s.options.ignore_index!r}  # ignore_index: left out",
            f"{name}, targets = {name}[kept], targets[kept]"]


def _input_name(scenario):
    return "logits" if scenario.input == "logits" else "probabilities"


def _target_words(scenario):
    if scenario.target_kind == "index":
        return "the true class of each sample"
    return "target rows" if scenario.mode == "softmax" else "labels, 1 = present"


def _scaled(name, options):
    """The logits divided by the temperature (as the engine applies it)."""
    return name if options.temperature == 1.0 else f"{name} / {options.temperature!r}"


def _smoothing(options):
    return repr(options.label_smoothing) if options.label_smoothing else None


def _call(function, options, *arguments, reduction=None):
    """``function(arguments..., key=value, ..., reduction="...")``, leaving out options whose
    value is None."""
    parts = list(arguments) + [f"{key}={value}" for key, value in options if value is not None]
    if reduction is not None:
        parts.append(f'reduction="{reduction}"')
    return f"{function}({', '.join(parts)})"


def _literal(values):
    """Python source for a number, a list or a table; floats written so they read back exactly."""
    values = values.tolist() if isinstance(values, np.ndarray) else values
    if isinstance(values, tuple):
        values = list(values)
    if isinstance(values, list) and values and isinstance(values[0], (list, tuple)):
        return "[\n" + "".join(f"    {_literal(list(row))},\n" for row in values) + "]"
    if isinstance(values, list):
        return "[" + ", ".join(_literal(v) for v in values) + "]"
    return repr(values)
