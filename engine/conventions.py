"""A scenario's loss as PyTorch, Keras and scikit-learn return it, beside the textbook value, with
the call each stands for and the rules that make them differ (keys and numbers; gui/ words them).

Each library is followed as its source computes (PyTorch 2.13, Keras 3.15, scikit-learn 1.9):

======== ======================================== ==========================================
library  softmax                                  sigmoid
======== ======================================== ==========================================
PyTorch  logits: ``CrossEntropyLoss`` (exact).    logits: ``BCEWithLogitsLoss`` (exact).
         probabilities, class indices:            probabilities: ``BCELoss``, which clamps
         ``NLLLoss`` of ``torch.log(p)`` (∞ at    each logarithm at −100.
         p = 0); target rows or label smoothing:
         ``CrossEntropyLoss`` of ``torch.log(p)``,
         whose log-softmax renormalises rows.
         0 · ln 0 is NaN there.
Keras    ``categorical_crossentropy``: logits     ``binary_crossentropy``: logits exact;
         exact (``from_logits=True``);            probabilities clipped to [1e-7, 1 − 1e-7].
         probabilities divided by their row sum,
         then clipped to [1e-7, 1 − 1e-7].
sklearn  ``log_loss`` on probabilities (on        ``log_loss`` of each label as a binary
         ``scipy.special.softmax(logits)`` for    problem, on ``scipy.special.expit(logits)``
         logits: an exponential below 5e-324      for logits, clipped to [ε, 1 − ε]; the mean
         underflows to 0), clipped to [ε, 1 − ε], over the labels.
         ε = 2.2e-16; rows that do not sum to 1
         are used as they are (with a warning).
======== ======================================== ==========================================

Keras 3's calls sum with ``keras.ops.sum`` and divide: its ``ops.mean`` (and the mean over labels
inside ``keras.losses.binary_crossentropy``) averages float64 in float32 on the torch and JAX
backends, which would hide the rules below the 8th digit. The tf.keras spelling is TensorFlow's,
where ``tf.reduce_mean`` keeps float64.

Options. Temperature divides the logits in every call (``logits / T``). The scenario's reduction
is the call's ("mean" or "sum"); the "mean" divisor is PyTorch's, which every expressible call
shares. What a library cannot express is reported as a key (``not_expressible``), never faked:
Keras has no class weights, pos_weight or ignore_index; scikit-learn takes no label
smoothing, no soft targets, no pos_weight, no ignore_index, and class weights only as
``sample_weight`` of class-index targets; PyTorch's ``BCELoss`` has no pos_weight. Values are in
the scenario's unit (a call in bits ends in ``/ math.log(2)``).
"""

from dataclasses import dataclass

import numpy as np

from .activations import log_softmax, scale_logits, softmax
from .analysis import analyze
from .losses import (LOG_LOSS_EPSILON, binary_coefficients, binary_cross_entropy_with_logits,
                     binary_log_probabilities, binary_terms, class_sum, log_loss_terms,
                     rows_sum_to_one, smoothed_targets)

CONVENTIONS = ("textbook", "pytorch", "keras", "sklearn")
KERAS_EPSILON = 1e-7  # keras.config.epsilon(): Keras clips probabilities to [ε, 1 − ε]
SKLEARN_EPSILON = LOG_LOSS_EPSILON  # log_loss clips to the machine epsilon of float64
TORCH_LOG_BOUND = -100.0  # torch.nn.BCELoss clamps each logarithm at −100
SMALLEST = float(np.finfo(np.float64).smallest_subnormal)  # an exponential below it is 0
ROUNDS_TO_ONE = 2.0 ** -53  # 1 − p below this makes p exactly 1 in float64
TORCH_IGNORE_INDEX = -100  # PyTorch's default, left out of a call
# Why a library cannot compute a scenario's loss, checked in this order.
NOT_EXPRESSIBLE = ("class_weights", "pos_weight", "ignore_index", "label_smoothing",
                   "soft_targets", "one_class", "zero_weights")
RULES = ("renormalise", "clip", "underflow", "clamp_log", "zero_times_log_zero", "sum_warning")


@dataclass(frozen=True)
class Call:
    """Code that computes a convention's loss: ``setup`` lines, then ``expression``.

    The names it uses: ``logits`` or ``probabilities`` (the scenario's rows), ``target`` (class
    indices or rows, as the scenario holds them; a 1-D list for a single sigmoid label), and
    ``weight`` / ``pos_weight`` when the scenario has them. ``spelling`` is "pytorch", "keras"
    (Keras 3), "tf.keras" (the article's spelling) or "sklearn"; ``imports`` are the lines the
    code needs besides the data.
    """

    spelling: str
    expression: str
    setup: tuple = ()
    imports: tuple = ()


@dataclass(frozen=True, eq=False)
class ConventionResult:
    """One convention's loss for a scenario.

    Attributes
    ----------
    convention : one of CONVENTIONS.
    loss : the batch loss as the call returns it, in the scenario's unit (may be inf or nan);
        None when not expressible, or for the textbook when no sample is counted.
    sample_loss : (N,) read-only, each sample's loss under the library's rules, in the sense of
        ``Analysis.sample_loss`` (the sum of the sample's terms, weights included); None when not
        expressible.
    calls : the :class:`Call` objects that compute ``loss``, the library's own spelling first
        (Keras also has the article's tf.keras spelling); () for the textbook and when not
        expressible.
    reasons : the rules by which ``loss`` differs from the textbook, each a dict
        ``{"rule": one of RULES, "changes_value": bool, <numbers>, "samples": (entry, ...)}``,
        one entry per affected sample (``"sample"``: its index), in the order of RULES:

        - renormalise: Keras divides each probability row by its sum (and PyTorch's
          CrossEntropyLoss of log p does, through its log-softmax). Entry: ``sum``.
        - clip: ``low``, ``high``; p is clipped to [low, high] before its logarithm.
        - underflow: ``smallest`` (5e-324), ``rounds_to_one_below`` (2⁻⁵³); scikit-learn's
          softmax/expit gives exactly 0 for a probability the logits make positive (for the
          term "1-p": p rounds to 1). Entry: ``log_p``, the exact ln of that probability.
        - clamp_log: ``bound`` (−100); BCELoss clamps ln p and ln(1 − p) there.
        - zero_times_log_zero: PyTorch and Keras multiply 0 · (−∞) = nan where a target of 0
          meets p = 0 (Logit Lab counts 0 · ln 0 = 0).
        - sum_warning (``changes_value`` False): scikit-learn warns that rows do not sum to 1
          and uses them as they are, as the textbook does. Entry: ``sum``.

        Entries of the cell rules (clip, underflow, clamp_log, zero_times_log_zero) name the
        first affected ``class``, its probability ``p`` (after renormalising, for Keras), the
        ``term`` ("p" or "1-p", in sigmoid mode) and the ``count`` of affected classes.
    not_expressible : None, or the key (one of NOT_EXPRESSIBLE) of what the library cannot
        express for this scenario.
    from_logits : whether the call starts from logits (the scenario's input).
    unit : "nats" or "bits".
    """

    convention: str
    loss: object
    sample_loss: object
    calls: tuple
    reasons: tuple
    not_expressible: object
    from_logits: bool
    unit: str

    @property
    def expressible(self):
        return self.not_expressible is None

    @property
    def call(self):
        """The library's own spelling of the call, or None."""
        return self.calls[0] if self.calls else None

    def reasons_for(self, n):
        """The reasons that apply to sample n, each with that sample's entry only."""
        return tuple({**reason, "samples": tuple(e for e in reason["samples"] if e["sample"] == n)}
                     for reason in self.reasons
                     if any(e["sample"] == n for e in reason["samples"]))

    def to_dict(self):
        """Plain data (the ``--compute --convention --json`` output, apart from names)."""
        return {"convention": self.convention, "loss": self.loss, "unit": self.unit,
                "from_logits": self.from_logits, "not_expressible": self.not_expressible,
                "calls": [{"spelling": c.spelling, "setup": list(c.setup),
                           "expression": c.expression} for c in self.calls],
                "sample_loss": None if self.sample_loss is None else self.sample_loss.tolist(),
                "reasons": [{**r, "samples": [dict(e) for e in r["samples"]]}
                            for r in self.reasons]}


def batch_loss(scenario, convention, *, analysis=None):
    r"""The scenario's loss under ``convention``: the textbook's (``engine.analyze``) or the one
    the named library's call returns, with the call and the rules that differ.

    Parameters
    ----------
    scenario : engine.Scenario
    convention : one of CONVENTIONS
    analysis : engine.Analysis, optional
        ``analyze(scenario)``, when already computed (the textbook value and the "mean"
        divisor come from it).

    Returns
    -------
    ConventionResult
        ``loss`` = :math:`\sum_n \ell_n / D`, with :math:`\ell_n` the library's per-sample
        loss and D the scenario's divisor (1 for "sum").
    """
    if convention not in CONVENTIONS:
        raise ValueError(f"convention must be one of {', '.join(CONVENTIONS)}; got {convention!r}")
    if analysis is None:
        analysis = analyze(scenario)
    from_logits = scenario.input == "logits"
    if convention == "textbook":
        return ConventionResult(convention, analysis.loss, analysis.sample_loss, (), (), None,
                                from_logits, analysis.unit)
    missing = not_expressible(scenario, convention)
    if missing is not None:
        return ConventionResult(convention, None, None, (), (), missing, from_logits,
                                analysis.unit)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        sample_nats, reasons = _SAMPLE_LOSSES[convention, scenario.mode](scenario)
        scale = scenario.options.log_scale
        loss = float(np.divide(class_sum(sample_nats), analysis.divisor) / scale)
        sample_loss = sample_nats / scale
    sample_loss.flags.writeable = False
    return ConventionResult(convention, loss, sample_loss, _CALLS[convention](scenario),
                            tuple(r for r in reasons if r is not None), None, from_logits,
                            analysis.unit)


def compare(scenario, *, analysis=None):
    """Every convention's :class:`ConventionResult`, by name, in the order of CONVENTIONS."""
    if analysis is None:
        analysis = analyze(scenario)
    return {name: batch_loss(scenario, name, analysis=analysis) for name in CONVENTIONS}


def not_expressible(scenario, convention):
    """None, or the key of what ``convention``'s library cannot express for the scenario (the
    first in the order of NOT_EXPRESSIBLE)."""
    missing = {"textbook": (), "pytorch": _torch_missing, "keras": _keras_missing,
               "sklearn": _sklearn_missing}[convention]
    return next(iter(missing(scenario)), None) if missing else None


def _torch_missing(s):
    if s.mode == "sigmoid" and s.input == "probabilities" and s.options.pos_weight is not None:
        yield "pos_weight"  # BCELoss has none


def _keras_missing(s):
    if s.options.class_weights is not None:
        yield "class_weights"
    if s.mode == "sigmoid" and s.options.pos_weight is not None:
        yield "pos_weight"
    if _ignores_a_sample(s):
        yield "ignore_index"


def _sklearn_missing(s):
    o, sigmoid = s.options, s.mode == "sigmoid"
    if o.class_weights is not None and (sigmoid or s.target_kind != "index"):
        yield "class_weights"  # only as sample_weight=weight[target]
    if sigmoid and o.pos_weight is not None:
        yield "pos_weight"
    if _ignores_a_sample(s):
        yield "ignore_index"
    if not sigmoid and o.label_smoothing > 0:
        yield "label_smoothing"
    if s.target_kind != "index" and not np.isin(s.targets, (0.0, 1.0)).all():
        yield "soft_targets"
    if not sigmoid and len(s.classes) < 2:
        yield "one_class"
    if s.target_kind == "index" and o.class_weights is not None \
            and not np.any(np.asarray(o.class_weights)[s.targets]):
        yield "zero_weights"  # log_loss refuses sample weights that are all 0


def _ignores_a_sample(s):
    return s.target_kind == "index" and bool((s.targets == s.options.ignore_index).any())


# --- the libraries' per-sample losses (nats) and the rules they apply --------------------------

def _torch_softmax(s):
    """CrossEntropyLoss (logits, or ln p for target rows and smoothing) or NLLLoss (ln p)."""
    o = s.options
    q, ignored = _targets(s)
    w = _weights(s)
    nll = s.input == "probabilities" and s.target_kind == "index" and not o.label_smoothing
    renormalise = None
    if s.input == "logits":
        log_p = log_softmax(scale_logits(s.rows, o.temperature))
    elif nll:
        log_p = np.log(s.rows)
    else:
        log_p = log_softmax(np.log(s.rows))
        renormalise = _row_rule("renormalise", ~rows_sum_to_one(s.rows) & ~ignored, s.rows)
    # NLLLoss gathers the true class only; CrossEntropyLoss with smoothing or target rows
    # multiplies every class (and masks the ignored samples)
    multiplied = q > 0 if s.target_kind == "index" and not o.label_smoothing else \
        np.ones(q.shape, dtype=bool)
    multiplied &= ~ignored[:, np.newaxis]
    sample, nan_rule = _ieee_terms(w * q, log_p, multiplied, np.exp(log_p))
    return sample, (renormalise, nan_rule)


def _torch_sigmoid(s):
    """BCEWithLogitsLoss (logits), or BCELoss (probabilities) with each log clamped at −100."""
    o = s.options
    y = s.targets
    if s.input == "logits":
        terms = binary_cross_entropy_with_logits(scale_logits(s.rows, o.temperature), y,
                                                 weight=o.class_weights, pos_weight=o.pos_weight,
                                                 reduction="none")
        return class_sum(terms), ()
    exact = _binary_logs(s.rows)
    clamped = np.maximum(exact, TORCH_LOG_BOUND)
    coefficients = _binary_weights(s)
    clamp = _cell_rule("clamp_log", _changed(coefficients, exact, clamped), s.rows,
                       bound=TORCH_LOG_BOUND)
    return class_sum(binary_terms(clamped, y, weight=o.class_weights)), (clamp,)


def _keras_softmax(s):
    """categorical_crossentropy: log-softmax of logits, or p / Σp clipped to [1e-7, 1 − 1e-7]."""
    q, _ = _targets(s)
    every = np.ones(q.shape, dtype=bool)
    if s.input == "logits":
        log_p = log_softmax(scale_logits(s.rows, s.options.temperature))
        sample, nan_rule = _ieee_terms(q, log_p, every, np.exp(log_p))
        return sample, (nan_rule,)
    sums = np.sum(s.rows, axis=1, keepdims=True)
    p = s.rows / sums
    clipped = np.log(np.clip(p, KERAS_EPSILON, 1 - KERAS_EPSILON))
    renormalise = _row_rule("renormalise", ~rows_sum_to_one(s.rows), s.rows)
    clip = _cell_rule("clip", _changed(q, np.log(p), clipped), p,
                      low=KERAS_EPSILON, high=1 - KERAS_EPSILON)
    sample, nan_rule = _ieee_terms(q, clipped, every, p)
    return sample, (renormalise, clip, nan_rule)


def _keras_sigmoid(s):
    """binary_crossentropy: exact from logits; p clipped to [1e-7, 1 − 1e-7]."""
    y = s.targets
    if s.input == "logits":
        log_pair = binary_log_probabilities(scale_logits(s.rows, s.options.temperature))
        return class_sum(binary_terms(log_pair, y)), ()
    clipped = np.clip(s.rows, KERAS_EPSILON, 1 - KERAS_EPSILON)
    exact, used = _binary_logs(s.rows), _binary_logs(clipped)
    clip = _cell_rule("clip", _changed(binary_coefficients(y), exact, used), s.rows,
                      low=KERAS_EPSILON, high=1 - KERAS_EPSILON)
    return class_sum(binary_terms(used, y)), (clip,)


def _sklearn_softmax(s):
    """log_loss(target, p) on p or scipy.special.softmax(logits), clipped to [ε, 1 − ε]."""
    y, _ = _targets(s)
    p, underflow = s.rows, None
    if s.input == "logits":
        z = scale_logits(s.rows, s.options.temperature)
        p, log_p = softmax(z), log_softmax(z)
        underflow = _cell_rule("underflow", (y > 0) & (p == 0) & np.isfinite(log_p), p,
                               values={"log_p": log_p}, smallest=SMALLEST,
                               rounds_to_one_below=ROUNDS_TO_ONE)
    clip = _cell_rule("clip", _changed(y, np.log(p), np.log(_sklearn_clip(p))), p,
                      low=SKLEARN_EPSILON, high=1 - SKLEARN_EPSILON)
    warning = _row_rule("sum_warning", ~rows_sum_to_one(p), p, changes_value=False)
    sample = class_sum(log_loss_terms(y, p))
    if s.options.class_weights is not None:  # sample_weight=weight[target]
        sample = sample * np.asarray(s.options.class_weights)[s.targets]
    return sample, (underflow, clip, warning)


def _sklearn_sigmoid(s):
    """log_loss of each label on [1 − p, p], p or scipy.special.expit(logits), clipped."""
    y = s.targets
    p, underflow = s.rows, None
    used = np.stack([p, 1.0 - p], axis=-1)
    if s.input == "logits":
        z = scale_logits(s.rows, s.options.temperature)
        p = _expit(z)
        used = np.stack([p, 1.0 - p], axis=-1)
        exact = binary_log_probabilities(z)
        vanished = binary_coefficients(y) * ((used == 0) & np.isfinite(exact)) != 0
        underflow = _cell_rule("underflow", vanished, p, values={"log_p": exact},
                               smallest=SMALLEST, rounds_to_one_below=ROUNDS_TO_ONE)
    coefficients = binary_coefficients(y)
    clip = _cell_rule("clip", _changed(coefficients, np.log(used), np.log(_sklearn_clip(used))),
                      p, low=SKLEARN_EPSILON, high=1 - SKLEARN_EPSILON)
    return class_sum(class_sum(log_loss_terms(coefficients, used))), (underflow, clip)


_SAMPLE_LOSSES = {("pytorch", "softmax"): _torch_softmax, ("pytorch", "sigmoid"): _torch_sigmoid,
                  ("keras", "softmax"): _keras_softmax, ("keras", "sigmoid"): _keras_sigmoid,
                  ("sklearn", "softmax"): _sklearn_softmax,
                  ("sklearn", "sigmoid"): _sklearn_sigmoid}


def _targets(s):
    """The (smoothed) target distribution q and the ignored samples, as PyTorch builds them."""
    return smoothed_targets(s.targets, len(s.classes), label_smoothing=s.options.label_smoothing,
                            ignore_index=s.options.ignore_index)


def _weights(s):
    weights = s.options.class_weights
    return np.ones(len(s.classes)) if weights is None else np.asarray(weights)


def _binary_weights(s):
    """The coefficients of (ln p, ln(1 − p)) with the class weights: (w·y, w·(1 − y))."""
    coefficients = binary_coefficients(s.targets)
    if s.options.class_weights is None:
        return coefficients
    return coefficients * np.asarray(s.options.class_weights)[:, np.newaxis]


def _binary_logs(p):
    """(ln p, ln(1 − p)) as torch.nn.BCELoss takes them (log and log1p)."""
    with np.errstate(divide="ignore"):
        return np.stack([np.log(p), np.log1p(-p)], axis=-1)


def _sklearn_clip(p):
    return np.clip(p, SKLEARN_EPSILON, 1 - SKLEARN_EPSILON)


def _expit(z):
    """scipy.special.expit as SciPy computes it: 1 / (1 + e^−z), 0 once e^−z overflows."""
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-z))


def _ieee_terms(coefficients, log_p, multiplied, p):
    """Per-sample :math:`-\\sum c \\ln p` over the ``multiplied`` cells with IEEE products, as
    PyTorch and Keras compute them: 0 · (−∞) is nan there. Also the rule naming those cells."""
    with np.errstate(invalid="ignore"):
        terms = np.where(multiplied, -coefficients * log_p, 0.0)
    nan_cells = multiplied & (coefficients == 0) & np.isneginf(log_p)
    return class_sum(terms), _cell_rule("zero_times_log_zero", nan_cells, p)


def _changed(coefficients, exact, used):
    """Cells where a rule changed a logarithm that counts (its coefficient is not 0)."""
    return (coefficients != 0) & (exact != used) & ~np.isnan(exact)


# --- reasons as data ---------------------------------------------------------------------------

def _row_rule(rule, rows, p, *, changes_value=True):
    """A rule about whole rows (``rows``: (N,) bool), with each row's sum."""
    samples = tuple({"sample": int(n), "sum": float(np.sum(p[n]))} for n in np.flatnonzero(rows))
    if not samples:
        return None
    return {"rule": rule, "changes_value": changes_value, "samples": samples}


def _cell_rule(rule, cells, p, *, values=None, **numbers):
    """A rule about cells: ``cells`` (N, C) or, in sigmoid mode, (N, C, 2) for the terms
    (ln p, ln(1 − p)). One entry per sample: its first affected class and how many there are."""
    sigmoid = cells.ndim == 3
    per_class = cells.any(axis=-1) if sigmoid else cells
    affected = np.flatnonzero(per_class.any(axis=1))
    if not affected.size:
        return None
    samples = []
    for n in affected:
        c = int(np.argmax(per_class[n]))
        entry = {"sample": int(n), "class": c, "p": float(p[n, c]),
                 "count": int(per_class[n].sum())}
        side = int(not cells[n, c, 0]) if sigmoid else None
        if sigmoid:
            entry["term"] = ("p", "1-p")[side]
        for key, array in (values or {}).items():
            entry[key] = float(array[n, c, side] if sigmoid else array[n, c])
        samples.append(entry)
    return {"rule": rule, "changes_value": True, **numbers, "samples": tuple(samples)}


# --- the calls ---------------------------------------------------------------------------------

def _torch_calls(s):
    o = s.options
    options = []
    if s.mode == "softmax":
        x = _logits(s)
        loss = "CrossEntropyLoss"
        if s.input == "probabilities":
            x = "torch.log(probabilities)"
            if s.target_kind == "index" and not o.label_smoothing:
                loss = "NLLLoss"
        if o.class_weights is not None:
            options.append("weight=weight")
        if s.target_kind == "index" and o.ignore_index != TORCH_IGNORE_INDEX:
            options.append(f"ignore_index={o.ignore_index!r}")
        if o.label_smoothing:
            options.append(f"label_smoothing={o.label_smoothing!r}")
    else:
        x = _logits(s) if s.input == "logits" else "probabilities"
        loss = "BCEWithLogitsLoss" if s.input == "logits" else "BCELoss"
        if o.class_weights is not None:
            options.append("weight=weight")
        if o.pos_weight is not None:
            options.append("pos_weight=pos_weight")
    if o.reduction == "sum":
        options.append('reduction="sum"')
    expression = f"torch.nn.{loss}({', '.join(options)})({x}, target)"
    return (_in_unit(s, Call("pytorch", expression, imports=("import torch",))),)


def _keras_calls(s):
    return (_keras_call(s, "keras", ("import keras",)),
            _keras_call(s, "tf.keras", ("import tensorflow as tf",)))


def _keras_call(s, spelling, imports):
    """Keras 3 sums in float64 and divides: its ops.mean (and so keras.losses.
    binary_crossentropy's mean over labels) averages float64 in float32 on the torch and JAX
    backends. The tf.keras spelling is TensorFlow's, where reduce_mean keeps float64."""
    o = s.options
    keras = "keras" if spelling == "keras" else "tf.keras"
    x = _logits(s) if s.input == "logits" else "probabilities"
    target, setup = "target", ()
    if s.mode == "softmax" and s.target_kind == "index":
        setup = (f"y_true = {keras}.utils.to_categorical(target, num_classes={len(s.classes)})",)
        target = "y_true"
    arguments = [target, x]
    if s.input == "logits":
        arguments.append("from_logits=True")
    if s.mode == "softmax" and o.label_smoothing:
        arguments.append(f"label_smoothing={o.label_smoothing!r}")
    arguments = ", ".join(arguments)
    if s.mode == "softmax":
        losses, count = f"{keras}.losses.categorical_crossentropy({arguments})", "len(target)"
    else:  # each label's term; keras.losses.binary_crossentropy is their mean per sample
        losses, count = f"{keras}.ops.binary_crossentropy({arguments})", "target.size"
    if spelling == "tf.keras":
        expression = f"tf.reduce_{o.reduction}({losses})"
    else:
        expression = f"keras.ops.sum({losses})"
        if o.reduction == "mean":
            expression += f" / {count}"
    return _in_unit(s, Call(spelling, expression, setup, imports))


def _sklearn_calls(s):
    o = s.options
    setup, imports = (), ("import sklearn.metrics",)
    if s.input == "logits":
        function = "softmax" if s.mode == "softmax" else "expit"
        axis = ", axis=1" if s.mode == "softmax" else ""
        setup = (f"probabilities = scipy.special.{function}({_logits(s)}{axis})",)
        imports = ("import scipy.special",) + imports
    normalize = ", normalize=False" if o.reduction == "sum" else ""
    if s.mode == "softmax":
        options = ""
        if s.target_kind == "index" and len(np.unique(s.targets)) < len(s.classes):
            options += f", labels=range({len(s.classes)})"
        if o.class_weights is not None:
            options += ", sample_weight=weight[target]"
        expression = f"sklearn.metrics.log_loss(target, probabilities{options}{normalize})"
    elif len(s.classes) == 1:
        expression = f"sklearn.metrics.log_loss(target, probabilities, labels=[0, 1]{normalize})"
    else:
        each = (f"sklearn.metrics.log_loss(target[:, c], probabilities[:, c], labels=[0, 1]"
                f"{normalize}) for c in range({len(s.classes)})")
        expression = f"sum({each})" if o.reduction == "sum" else f"np.mean([{each}])"
        imports = ("import numpy as np",) + imports
    return (_in_unit(s, Call("sklearn", expression, setup, imports)),)


_CALLS = {"pytorch": _torch_calls, "keras": _keras_calls, "sklearn": _sklearn_calls}


def _logits(s):
    """The logits as the calls take them: divided by the temperature, if there is one."""
    t = s.options.temperature
    return "logits" if t == 1.0 else f"logits / {t!r}"


def _in_unit(s, call):
    """The call in the scenario's unit: bits divide the library's nats by ln 2."""
    if s.options.log_base == "e":
        return call
    return Call(call.spelling, f"{call.expression} / math.log(2)", call.setup,
                ("import math",) + call.imports)


# --- hardmax -----------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Hardmax:
    """The hard maximum of each row beside the softmax: ``one_hot`` (N, C) marks the (first)
    largest value, ``max`` (N,) is that value, ``argmax`` (N,) its class, ``ties`` (N,) whether
    the largest value occurs more than once (numpy then marks the first; tf.argmax does not
    promise which). ``calls``: ``{"numpy" | "tensorflow": {"max": code, "one_hot": code}}``,
    the article's np.max and tf.reduce_max."""

    one_hot: np.ndarray
    max: np.ndarray
    argmax: np.ndarray
    ties: np.ndarray
    calls: dict


def hardmax(rows):
    r"""Hardmax: :math:`h_i = 1` for :math:`i = \arg\max_j z_j`, else 0, and :math:`\max_j z_j`.

    Parameters
    ----------
    rows : array_like, shape (N, C) or (C,)
        Logits or probabilities (softmax keeps the order, so the argmax is the same).

    Returns
    -------
    Hardmax
    """
    rows = np.asarray(rows, dtype=np.float64)
    largest = np.max(rows, axis=-1)
    argmax = np.argmax(rows, axis=-1)
    n_classes = rows.shape[-1]
    one_hot = (np.arange(n_classes) == argmax[..., np.newaxis]).astype(np.float64)
    ties = np.sum(rows == largest[..., np.newaxis], axis=-1) > 1
    for array in (one_hot, largest, argmax, ties):
        if isinstance(array, np.ndarray):
            array.flags.writeable = False
    calls = {"numpy": {"max": "np.max(logits, axis=-1)",
                       "one_hot": f"np.eye({n_classes})[np.argmax(logits, axis=-1)]"},
             "tensorflow": {"max": "tf.reduce_max(logits, axis=-1)",
                            "one_hot": f"tf.one_hot(tf.argmax(logits, axis=-1), {n_classes})"}}
    return Hardmax(one_hot, largest, argmax, ties, calls)
