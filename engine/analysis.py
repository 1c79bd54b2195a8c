"""analyze(scenario) -> Analysis: every number any view shows, computed once per edit."""

from dataclasses import dataclass

import numpy as np

from .activations import log_softmax, scale_logits
from .information import entropy_terms, kl_terms_from_log, safe_log
from .losses import (binary_gradient, binary_log_probabilities, binary_terms, class_sum,
                     mean_divisor, smoothed_targets, softmax_ce_gradient, weighted_terms)


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
    gradient : (N, C) ∂(sample loss)/∂(logit): p − q without weights, divided by the
        temperature when there is one.
    predicted : (N, C) bool, the predicted classes (the argmax in softmax mode; every
        p ≥ 0.5 in sigmoid mode). predicted_class : (N,) the most probable class.
    correct : (N,) bool. ignored : (N,) bool, samples left out by ignore_index.
    loss : the batch loss ("sum" or "mean"), None when no sample is counted.
    total, divisor : loss = total / divisor for "mean" (divisor 1 for "sum").
    unit : "nats" or "bits"; all losses, entropies and gradients are in it.
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


def analyze(scenario):
    """Compute every result for ``scenario`` (a validated :class:`engine.Scenario`)."""
    if scenario.mode == "softmax":
        parts = _softmax_parts(scenario)
    else:
        parts = _sigmoid_parts(scenario)
    return _assemble(scenario, **parts)


def _softmax_parts(scenario):
    options = scenario.options
    n_classes = scenario.rows.shape[1]
    log_p = _softmax_log_probabilities(scenario)
    q, ignored = smoothed_targets(scenario.targets, n_classes,
                                  label_smoothing=options.label_smoothing,
                                  ignore_index=options.ignore_index)
    w = _weights(options.class_weights, n_classes)
    p = np.exp(log_p)
    predicted_class = np.argmax(log_p, axis=1)
    predicted = np.zeros(p.shape, dtype=bool)
    predicted[np.arange(len(p)), predicted_class] = True
    # An index target is right when it is the argmax; a soft one when its own argmax is.
    true_class = np.argmax(q, axis=1)
    return dict(
        p=p, q=q, ignored=ignored, predicted=predicted, predicted_class=predicted_class,
        correct=(predicted_class == true_class) & ~ignored,
        terms=weighted_terms(log_p, w * q),
        entropy=class_sum(entropy_terms(q)),
        kl=class_sum(kl_terms_from_log(q, safe_log(q), log_p)),
        cross_entropy=class_sum(weighted_terms(log_p, q)),
        gradient=softmax_ce_gradient(p, q, w) / _temperature(scenario),
        divisor=mean_divisor(scenario.targets, w, ignored),
    )


def _sigmoid_parts(scenario):
    options = scenario.options
    y = scenario.targets
    log_pair = _sigmoid_log_probabilities(scenario)
    y_pair = np.stack([y, 1.0 - y], axis=-1)
    p = np.exp(log_pair[..., 0])
    weight = options.class_weights
    predicted = p >= 0.5
    correct = (predicted == (y >= 0.5)).all(axis=1)
    return dict(
        p=p, q=y, ignored=np.zeros(len(y), dtype=bool), predicted=predicted,
        predicted_class=np.argmax(p, axis=1), correct=correct,
        terms=binary_terms(log_pair, y, weight=weight, pos_weight=options.pos_weight),
        entropy=class_sum(class_sum(entropy_terms(y_pair))),
        kl=class_sum(class_sum(kl_terms_from_log(y_pair, safe_log(y_pair), log_pair))),
        cross_entropy=class_sum(class_sum(weighted_terms(log_pair, y_pair))),
        gradient=binary_gradient(p, y, weight=weight, pos_weight=options.pos_weight)
        / _temperature(scenario),
        divisor=float(y.size),
    )


def _assemble(scenario, *, p, q, terms, entropy, kl, cross_entropy, gradient, divisor, ignored,
              predicted, predicted_class, correct):
    options = scenario.options
    scale = options.log_scale
    if options.reduction == "sum":
        divisor = 1.0
    # Dividing by ln 2 (bits) can overflow a loss near 1.8e308 nats: it is then +inf bits.
    with np.errstate(over="ignore"):
        sample_loss = class_sum(terms) / scale
        total = float(class_sum(sample_loss))
        loss = total / divisor if divisor > 0 else None
        arrays = dict(probabilities=p, targets=q, terms=terms / scale, sample_loss=sample_loss,
                      entropy=entropy / scale, kl=kl / scale,
                      cross_entropy=cross_entropy / scale, gradient=gradient / scale,
                      predicted=predicted, predicted_class=predicted_class, correct=correct,
                      ignored=ignored)
    for array in arrays.values():
        array.flags.writeable = False
    return Analysis(scenario=scenario, loss=loss, total=total, divisor=divisor,
                    unit="nats" if options.log_base == "e" else "bits", **arrays)


def _softmax_log_probabilities(scenario):
    if scenario.input == "logits":
        return log_softmax(scenario.rows, scenario.options.temperature)
    return _log(scenario.rows)


def _sigmoid_log_probabilities(scenario):
    if scenario.input == "logits":
        return binary_log_probabilities(scale_logits(scenario.rows, scenario.options.temperature))
    p = scenario.rows
    with np.errstate(divide="ignore"):
        return np.stack([np.log(p), np.log1p(-p)], axis=-1)


def _temperature(scenario):
    # Temperature only rescales logits; probability input has none to rescale.
    return scenario.options.temperature if scenario.input == "logits" else 1.0


def _log(values):
    with np.errstate(divide="ignore"):
        return np.log(values)


def _weights(weights, n_classes):
    return np.ones(n_classes) if weights is None else np.asarray(weights, dtype=np.float64)
