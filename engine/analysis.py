"""analyze(scenario, previous=None) -> Analysis: every number any view shows, computed once per
edit; given the previous analysis, only for the rows the edit changed. analyze_models does it for
each model of a scenario, recomputing only the models an edit changed."""

import dataclasses
from dataclasses import dataclass

import numpy as np

from .activations import log_softmax, scale_logits
from .information import entropy_and_kl
from .losses import (binary_gradient, binary_log_probabilities, binary_terms, class_sum,
                     mean_divisor, smoothed_targets, softmax_ce_gradient, weighted_terms)
from .scenario import DEFAULT_MODEL_NAME

# analyze(scenario, previous) recomputes only the changed rows of tables with this many cells
# or more. On smaller ones numpy's per-call overhead dominates: one row costs about what the
# whole table does, and comparing and splicing would only add to it (measured: even near 1,000).
INCREMENTAL_MIN_CELLS = 2048
# The per-sample arrays that depend on the targets and options alone.
_FROM_TARGETS = ("targets", "ignored")


@dataclass(frozen=True, eq=False)
class Analysis:
    """The results for a Scenario. Arrays are read-only; index [n] is sample n, [n, c] class c.

    Attributes
    ----------
    probabilities : (N, C) softmax outputs, or each class's sigmoid output.
    targets : (N, C) the target the loss compares with: the (smoothed) distribution q in softmax
        mode, the labels y in sigmoid mode.
    terms : (N, C) each class's cross-entropy term: :math:`-w_c q_c \\ln p_c` (softmax) or
        :math:`-w_c[\\text{pw}_c y_c \\ln p_c + (1-y_c)\\ln(1-p_c)]` (sigmoid).
    sample_loss : (N,) the sum of a sample's terms.
    entropy, kl, cross_entropy : (N,) H(y), KL(y‖p) and the unweighted CE(y, p) = H + KL.
    gradient : (N, C) ∂(sample loss)/∂(logit), with the class weights (softmax:
        :math:`\\sum_k w_k q_k (p_c - [c = k])`, :math:`(p - q)` without weights; sigmoid:
        the binary terms' derivative with weight and pos_weight), divided by the temperature
        when there is one.
    predicted : (N, C) bool, the predicted classes (the argmax in softmax mode; every
        p ≥ 0.5 in sigmoid mode). predicted_class : (N,) the most probable class.
    correct : (N,) bool. ignored : (N,) bool, samples left out by ignore_index.
    loss : the batch loss ("sum" or "mean"), None when no sample is counted.
    total, divisor : loss = total / divisor for "mean" (divisor 1 for "sum").
    unit : "nats" or "bits"; all losses, entropies and gradients are in it.
    comparison : None, or the :class:`engine.Comparison` of every model of the scenario this
        model's scenario was taken from (``scenario`` is that scenario's ``model_scenario(k)``):
        what the GUI's Document attaches to the analysis it shows, so that one signal carries
        every model.
    """

    scenario: object
    probabilities: np.ndarray
    targets: np.ndarray
    terms: np.ndarray
    sample_loss: np.ndarray
    entropy: np.ndarray
    kl: np.ndarray
    cross_entropy: np.ndarray
    gradient: np.ndarray
    predicted: np.ndarray
    predicted_class: np.ndarray
    correct: np.ndarray
    ignored: np.ndarray
    loss: float
    total: float
    divisor: float
    unit: str
    comparison: object = None

    @property
    def model_name(self):
        """The name of the model this is the analysis of."""
        return self.scenario.models[0].name

    @property
    def one_of_several(self):
        """Whether this model is one of several compared (``comparison`` has more than one):
        then every loss shown of it says whose it is."""
        return self.comparison is not None and len(self.comparison.analyses) > 1

    @property
    def model_label(self):
        """The model's name where saying it tells something (an export, a snippet): the model
        is one of several (``comparison`` has more), or the only one with a name of its own.
        Else None."""
        named = self.one_of_several or self.model_name != DEFAULT_MODEL_NAME
        return self.model_name if named else None

    def true_class(self, n):
        """The class sample n is about: the one with the most target mass, or the predicted
        class when its target has none (a sigmoid sample whose labels are all 0)."""
        q = self.targets[n]
        best = int(np.argmax(q))
        return best if q[best] > 0 else int(self.predicted_class[n])

    def sample(self, n):
        """Sample n as plain data (the ``samples`` entries of ``--compute --json``)."""
        classes = self.scenario.classes
        predicted = [classes[c] for c in np.flatnonzero(self.predicted[n])]
        return {
            "name": self.scenario.samples[n],
            "probabilities": self.probabilities[n].tolist(),
            "targets": self.targets[n].tolist(),
            "terms": self.terms[n].tolist(),
            "loss": float(self.sample_loss[n]),
            "entropy": float(self.entropy[n]),
            "kl": float(self.kl[n]),
            "cross_entropy": float(self.cross_entropy[n]),
            "gradient": self.gradient[n].tolist(),
            "predicted": predicted[0] if self.scenario.mode == "softmax" else predicted,
            "correct": bool(self.correct[n]),
            "ignored": bool(self.ignored[n]),
        }

    def to_dict(self):
        """All results as plain data (JSON-ready apart from infinite values)."""
        return {"loss": self.loss, "total": self.total, "divisor": self.divisor,
                "reduction": self.scenario.options.reduction, "unit": self.unit,
                "mode": self.scenario.mode, "classes": list(self.scenario.classes),
                "samples": [self.sample(n) for n in range(len(self.sample_loss))]}


def analyze(scenario, previous=None):
    """Compute every result for ``scenario`` (a validated :class:`engine.Scenario`).

    Parameters
    ----------
    scenario : engine.Scenario
    previous : Analysis, optional
        The analysis of an earlier scenario. When that scenario differs from this one only in
        some rows of ``rows`` (the same classes, samples, mode, input, options and targets),
        only those rows are recomputed and the others are copied from ``previous``.

    Returns
    -------
    Analysis
        Bit for bit the same with or without ``previous``: every per-sample number depends on
        its own row alone (numpy reduces a row to the same bits in a slice as in the whole
        table; tests/engine/test_incremental_analysis.py checks it), and the batch total is
        always summed over every sample.
    """
    changed = _changed_rows(scenario, previous)
    if changed is not None and not len(changed):  # the same numbers: nothing to compute
        return dataclasses.replace(previous, scenario=scenario, comparison=None)
    if changed is None:
        samples = _sample_results(scenario, slice(None))
        divisor = _divisor(scenario, samples["ignored"])
    else:
        samples = _spliced(previous, _sample_results(scenario, changed), changed)
        divisor = previous.divisor  # the same targets and options count the same samples
    return _assemble(scenario, samples, divisor)


def analyze_models(scenario, previous=()):
    """Every model's Analysis: ``analyze(scenario.model_scenario(k))`` for each model k, in order.

    Parameters
    ----------
    scenario : engine.Scenario
        With one model or several.
    previous : tuple of Analysis, optional
        What analyze_models gave for an earlier scenario. Each model starts from the earlier
        analysis of its very rows (a model the edit left alone: nothing is computed again, even
        if the models were reordered), else from that of the model at its place (only the rows
        the edit changed are computed, as in :func:`analyze`).

    Returns
    -------
    tuple of Analysis
        Bit for bit the same with or without ``previous``.
    """
    previous = tuple(previous or ())
    by_rows = {id(analysis.scenario.rows): analysis for analysis in previous}
    results = []
    for k in range(len(scenario.models)):
        part = scenario.model_scenario(k)
        earlier = by_rows.get(id(part.rows), previous[k] if k < len(previous) else None)
        results.append(analyze(part, previous=earlier))
    return tuple(results)


def _changed_rows(scenario, previous):
    """The indices of the rows that differ from ``previous.scenario`` (none when it has the very
    same rows), or None when every row must be computed (no previous analysis, another setup,
    or too many rows changed)."""
    if previous is None:
        return None
    old = previous.scenario
    if old.rows.shape != scenario.rows.shape or not _same_setup(old, scenario):
        return None
    if old.rows is scenario.rows:
        return np.arange(0)
    if scenario.rows.size < INCREMENTAL_MIN_CELLS:
        return None
    changed = np.flatnonzero((bits(old.rows) != bits(scenario.rows)).any(axis=1))
    # Past half the rows little is left to save, and a full analysis needs no copies.
    return None if 2 * len(changed) > len(scenario.rows) else changed


def _same_setup(old, new):
    """Everything but the rows that the results depend on is the same, bit for bit."""
    # An edit keeps the very same name tuples: no need to compare 50,000 names one by one.
    return (_same(old.classes, new.classes) and _same(old.samples, new.samples)
            and old.mode == new.mode
            and old.input == new.input and same_value(old.options, new.options)
            and old.targets.shape == new.targets.shape and old.targets.dtype == new.targets.dtype
            and np.array_equal(bits(old.targets), bits(new.targets)))


def _same(old, new):
    return old is new or old == new


def same_value(old, new):
    """The same value, exactly: == holds for 0.0 and -0.0, yet a weight's sign can reach the
    sign of a zero result; repr tells every two distinct floats apart."""
    return old is new or (old == new and repr(old) == repr(new))


def bits(array):
    """The array's bit patterns, for exact comparison: unlike ==, they tell 0.0 from -0.0."""
    array = np.ascontiguousarray(array)
    return array.view(np.dtype(f"u{array.dtype.itemsize}"))


def _spliced(previous, fresh, changed):
    """Copies of ``previous``'s per-sample arrays with the ``changed`` rows from ``fresh``."""
    # The targets and options are the same, so these are too: being read-only, they are shared
    # rather than copied (a copy of a large table costs more than computing its changed rows).
    arrays = {name: getattr(previous, name) for name in _FROM_TARGETS}
    for name, values in fresh.items():
        if name not in _FROM_TARGETS:
            array = np.array(getattr(previous, name))  # a writable copy; previous stays as it was
            array[changed] = values
            arrays[name] = array
    return arrays


def _sample_results(scenario, index):
    """Every per-sample array, in the chosen unit, for the rows ``index`` selects."""
    if scenario.mode == "softmax":
        parts = _softmax_parts(scenario, index)
    else:
        parts = _sigmoid_parts(scenario, index)
    scale = scenario.options.log_scale
    parts["sample_loss"] = class_sum(parts["terms"])
    if scale == 1.0:  # nats: x / 1.0 is x, bit for bit; no copies of (N, C) arrays
        return parts
    # Dividing by ln 2 (bits) can overflow a loss near 1.8e308 nats: it is then +inf bits.
    with np.errstate(over="ignore"):
        for name in ("sample_loss", "terms", "entropy", "kl", "cross_entropy", "gradient"):
            parts[name] = parts[name] / scale
    return parts


def _softmax_parts(scenario, index):
    options = scenario.options
    n_classes = scenario.rows.shape[1]
    log_p = _softmax_log_probabilities(scenario, scenario.rows[index])
    q, ignored = smoothed_targets(scenario.targets[index], n_classes,
                                  label_smoothing=options.label_smoothing,
                                  ignore_index=options.ignore_index)
    # Without class weights, w q is q (1.0 x is x, bit for bit): no (N, C) product to make. This
    # and a gradient made in place save 0.18 of 1.5 ms at 64 x 1,000 (measured).
    wq = q if options.class_weights is None else _weights(options.class_weights, n_classes) * q
    terms = weighted_terms(log_p, wq)
    p = np.exp(log_p)
    predicted_class = np.argmax(log_p, axis=1)
    predicted = np.zeros(p.shape, dtype=bool)
    predicted[np.arange(len(p)), predicted_class] = True
    # An index target is right when it is the argmax; a soft one when its own argmax is.
    true_class = np.argmax(q, axis=1)
    entropy, kl = entropy_and_kl(q, log_p)
    return dict(
        probabilities=p, targets=q, ignored=ignored, predicted=predicted,
        predicted_class=predicted_class, correct=(predicted_class == true_class) & ~ignored,
        terms=terms,
        entropy=entropy, kl=kl,
        # Without class weights, w q is q: the same terms.
        cross_entropy=class_sum(terms if options.class_weights is None
                                else weighted_terms(log_p, q)),
        gradient=_scaled_gradient(softmax_ce_gradient(p, wq), scenario),
    )


def _sigmoid_parts(scenario, index):
    options = scenario.options
    y = scenario.targets[index]
    log_pair = _sigmoid_log_probabilities(scenario, scenario.rows[index])
    y_pair = np.stack([y, 1.0 - y], axis=-1)
    p = np.exp(log_pair[..., 0])
    weight = options.class_weights
    predicted = p >= 0.5
    correct = (predicted == (y >= 0.5)).all(axis=1)
    entropy, kl = entropy_and_kl(y_pair, log_pair)  # of each (y, 1 - y) pair
    terms = binary_terms(log_pair, y, weight=weight, pos_weight=options.pos_weight)
    # Without weights the binary coefficients are (1.0 y, 1 - y), that is y_pair bit for bit:
    # the same terms (measured: 1 ms at 64 x 1,000).
    unweighted = weight is None and options.pos_weight is None
    return dict(
        probabilities=p, targets=y, ignored=np.zeros(len(y), dtype=bool), predicted=predicted,
        predicted_class=np.argmax(p, axis=1), correct=correct, terms=terms,
        entropy=class_sum(entropy), kl=class_sum(kl),
        cross_entropy=class_sum(terms if unweighted
                                else class_sum(weighted_terms(log_pair, y_pair))),
        gradient=_scaled_gradient(
            binary_gradient(p, y, weight=weight, pos_weight=options.pos_weight), scenario),
    )


def _divisor(scenario, ignored):
    """What "mean" divides the total by. A count over the whole batch, never over some rows."""
    options = scenario.options
    if options.reduction == "sum":
        return 1.0
    if scenario.mode == "sigmoid":
        return float(scenario.targets.size)
    return mean_divisor(scenario.targets, _weights(options.class_weights, len(scenario.classes)),
                        ignored)


def _assemble(scenario, samples, divisor):
    options = scenario.options
    with np.errstate(over="ignore"):
        total = float(class_sum(samples["sample_loss"]))
    for array in samples.values():
        array.flags.writeable = False
    return Analysis(scenario=scenario, loss=total / divisor if divisor > 0 else None,
                    total=total, divisor=divisor,
                    unit="nats" if options.log_base == "e" else "bits", **samples)


def _softmax_log_probabilities(scenario, rows):
    if scenario.input == "logits":
        return log_softmax(rows, scenario.options.temperature)
    return _log(rows)


def _sigmoid_log_probabilities(scenario, rows):
    if scenario.input == "logits":
        return binary_log_probabilities(scale_logits(rows, scenario.options.temperature))
    p = rows
    with np.errstate(divide="ignore"):
        return np.stack([np.log(p), np.log1p(-p)], axis=-1)


def _scaled_gradient(gradient, scenario):
    """The logit gradient divided by the temperature, in place (``gradient`` is a fresh array):
    temperature only rescales logits; probability input has none to rescale. x / 1.0 is x,
    bit for bit, so a temperature of 1 costs no pass."""
    temperature = scenario.options.temperature
    if scenario.input == "logits" and temperature != 1.0:
        gradient /= temperature
    return gradient


def _log(values):
    with np.errstate(divide="ignore"):
        return np.log(values)


def _weights(weights, n_classes):
    return np.ones(n_classes) if weights is None else np.asarray(weights, dtype=np.float64)
