"""Cross-entropy losses with PyTorch's and scikit-learn's semantics, computed from log-probabilities."""

import math
import warnings

import numpy as np

from .activations import log_sigmoid, log_sigmoid_pair, log_softmax

REDUCTIONS = ("mean", "sum", "none")


def weighted_terms(log_p, coefficients):
    r"""Elementwise :math:`-c \cdot \ln p`, with 0 wherever :math:`c = 0`.

    The shared core of every loss here: the coefficient is the (weighted, smoothed) target
    mass on a class. A class the target gives no mass adds nothing, even where
    :math:`\ln p = -\infty` (so :math:`0 \cdot \infty` never becomes NaN).
    """
    coefficients, log_p = np.broadcast_arrays(coefficients, log_p)
    values = np.zeros(coefficients.shape)
    counted = coefficients != 0
    at = few_positions(counted)
    with np.errstate(over="ignore"):
        if at is None:
            np.multiply(-coefficients, log_p, out=values, where=counted)
        else:  # one-hot targets: the true class's term alone, not a pass over every class
            values.reshape(-1)[at] = np.multiply(-np.ravel(coefficients)[at],
                                                 np.ravel(log_p)[at])
    return values


# Where at most one element in this many counts, it is computed at those elements alone (one-hot
# targets: 1 in 1,000 classes at 64 x 1,000); the same numbers, bit for bit.
SPARSE_SHARE = 8


def few_positions(mask):
    """The flat indices where the bool array ``mask`` holds, when they are few enough that
    indexing them beats a pass over every element; else None."""
    if mask.ndim == 0 or np.count_nonzero(mask) * SPARSE_SHARE > mask.size:
        return None
    return np.flatnonzero(mask)


# What numpy starts a sum at: +0.0, so zeros sum to +0.0 even when they are all -0.0. (A numpy
# that started at -0.0 would keep their sign: one_per_row then turns sparse_class_sum off.)
_SUM_START = np.sum(np.full((1, 2), -0.0), axis=-1)[0]


def one_per_row(at, shape):
    """The row of each flat index in ``at`` (sorted, as few_positions gives them) into an array
    of ``shape``, a flat index into its rows, for sparse_class_sum; None when two share a row
    (or numpy keeps the sign of a sum of zeros)."""
    rows = at // shape[-1]
    if np.signbit(_SUM_START) or np.any(rows[1:] == rows[:-1]):
        return None
    return rows


def sparse_class_sum(values, rows, shape):
    """class_sum of an array of ``shape`` that is zero but for ``values``, one in each of
    ``rows`` (see one_per_row), bit for bit: x + 0 is x, so such a row sums to its one value,
    and a row of nothing but zeros (of either sign) to +0.0."""
    sums = np.zeros(shape[:-1])
    sums.reshape(-1)[rows] = values + 0.0  # -0.0 + 0.0 is +0.0; any other value stays itself
    return sums


def class_sum(values):
    """Sum over the last (class) axis. A sum past the largest float64 is +inf: the honest
    value of a loss above 1.8e308, not an error to warn about."""
    values = np.asarray(values)
    with np.errstate(over="ignore"):
        if values.shape[-1:] == (2,) and values.dtype == np.float64:
            # The pairs of sigmoid mode (ln p and ln(1 - p) terms): numpy sums an axis of two
            # with a reduction per pair (measured: 1.2 ms at 64 x 1,000; this takes 0.06 ms).
            # Its sum is (start + a) + b, which is (a + b) + start bit for bit.
            return values[..., 0] + values[..., 1] + _SUM_START
        return np.sum(values, axis=-1)


def smoothed_targets(target, n_classes, *, label_smoothing=0.0, ignore_index=-100):
    r"""The target distribution q that a cross-entropy compares with, shape (N, C).

    Class indices become one-hot rows; with label smoothing ε,
    :math:`q = (1-ε)\,y + ε/C` (PyTorch's definition). Rows whose index equals
    ``ignore_index`` become all zero, so they add nothing to the loss.

    Returns
    -------
    q : numpy.ndarray, shape (N, C)
    ignored : numpy.ndarray of bool, shape (N,)
    """
    target = np.asarray(target)
    eps = _check_smoothing(label_smoothing)
    if target.ndim == 2:
        q = np.asarray(target, dtype=np.float64)
        ignored = np.zeros(len(q), dtype=bool)
    else:
        q, ignored = _one_hot(target, n_classes, ignore_index)
    if eps > 0:
        q = q * (1.0 - eps) + eps / n_classes
        q[ignored] = 0.0
    return q, ignored


def cross_entropy(logits, target, *, weight=None, ignore_index=-100, reduction="mean",
                  label_smoothing=0.0):
    r"""Softmax cross-entropy from logits, as ``torch.nn.functional.cross_entropy``.

    Per sample :math:`\ell_n = -\sum_c w_c\, q_{n,c} \ln \operatorname{softmax}(z_n)_c`, with q the
    (smoothed) target distribution of :func:`smoothed_targets`.

    "mean" divides the sum by :math:`\sum_n w_{y_n}` over the samples not ignored for class-index
    targets, and by N for probability targets (PyTorch's rule, also with label smoothing).

    Parameters
    ----------
    logits : array_like, shape (N, C), or (C,) for one sample
        PyTorch's unbatched form: (C,) logits take a 0-d class index or (C,) probabilities as
        target, and "none" returns a single value.
    target : array_like
        Class indices, shape (N,), or class probabilities, shape (N, C).
    weight : array_like, shape (C,), optional
        Rescales each class's terms.
    ignore_index : int
        Index targets equal to this add nothing and are not counted by "mean".
    reduction : {"mean", "sum", "none"}
    label_smoothing : float in [0, 1]

    Returns
    -------
    float, or numpy.ndarray of shape (N,) for "none". "mean" over no counted sample is NaN,
    as in PyTorch (0/0).

    Notes
    -----
    One difference on purpose: a class whose (weighted, smoothed) target is 0 adds 0, even where
    its logit is :math:`-\infty` (:math:`0 \cdot \ln 0 = 0`, the limit). PyTorch multiplies
    :math:`0 \cdot (-\infty)` and returns NaN there (``engine.conventions`` reports what
    PyTorch returns).
    """
    logits, target, unbatched = _batched(logits, target)
    log_p = log_softmax(logits)
    q, ignored = smoothed_targets(target, logits.shape[1], label_smoothing=label_smoothing,
                                  ignore_index=ignore_index)
    w = _class_weights(weight, logits.shape[1])
    sample_loss = class_sum(weighted_terms(log_p, w * q))
    if unbatched and reduction == "none":
        return float(sample_loss[0])
    return _reduce(sample_loss, reduction, mean_divisor(target, w, ignored))


def _batched(logits, target):
    """(N, C) logits and their targets; PyTorch's unbatched (C,) logits become one sample."""
    logits = np.asarray(logits, dtype=np.float64)
    target = np.asarray(target)
    if logits.ndim != 1:
        return _as_matrix(logits, "logits"), target, False
    if target.ndim != 0 and target.shape != logits.shape:
        raise ValueError(f"(C,) logits take a single class index or (C,) probabilities as "
                         f"target, got shape {target.shape}")
    return logits[np.newaxis], target[np.newaxis], True


def mean_divisor(target, w, ignored):
    """What PyTorch's "mean" divides a softmax cross-entropy by: the summed class weights of the
    counted samples for index targets, the number of samples for probability targets."""
    target = np.asarray(target)
    if target.ndim == 2:
        return float(len(target))
    return float(np.sum(w[target[~ignored].astype(np.intp)]))


def cross_entropy_grad(logits, target, *, weight=None, ignore_index=-100, label_smoothing=0.0):
    r"""Gradient of the summed cross-entropy with respect to the logits.

    :math:`\partial \ell_n / \partial z_{n,j} = p_{n,j} \sum_c w_c q_{n,c} - w_j q_{n,j}`;
    without weights this is the familiar :math:`p - q`.
    """
    logits = _as_matrix(logits, "logits")
    q, _ = smoothed_targets(target, logits.shape[1], label_smoothing=label_smoothing,
                            ignore_index=ignore_index)
    wq = _class_weights(weight, logits.shape[1]) * q
    return softmax_ce_gradient(np.exp(log_softmax(logits)), wq)


def softmax_ce_gradient(p, wq):
    r""":math:`p \sum_c w_c q_c - w \odot q` for each row, given the weighted targets
    :math:`w \odot q`: the logit gradient of a weighted softmax cross-entropy. A new array."""
    gradient = p * wq.sum(axis=-1, keepdims=True)
    gradient -= wq  # in place: the product is ours (a new array would cost one more pass)
    return gradient


def binary_log_probabilities(logits):
    r"""Stack :math:`(\ln\sigma(z), \ln\sigma(-z)) = (\ln p, \ln(1-p))` on a new last axis."""
    return np.stack(log_sigmoid_pair(logits), axis=-1)


def binary_coefficients(target, pos_weight=None):
    r"""Stack the coefficients :math:`(\text{pos\_weight} \cdot y,\ 1 - y)` of
    :math:`(\ln p, \ln(1-p))` in a binary cross-entropy."""
    y = np.asarray(target, dtype=np.float64)
    pw = 1.0 if pos_weight is None else np.asarray(pos_weight, dtype=np.float64)
    return np.stack(np.broadcast_arrays(pw * y, 1.0 - y), axis=-1)


def binary_terms(log_pair, target, *, weight=None, pos_weight=None):
    r"""Per-label binary cross-entropy
    :math:`-w\,[\text{pos\_weight}\cdot y \ln p + (1-y)\ln(1-p)]` from stacked log-probabilities.

    The weight goes into the coefficients, so a label weighted 0 adds exactly 0 even where
    its log-probability is :math:`-\infty` or its term would overflow. The positive one is
    :math:`(w \cdot \text{pos\_weight}) \cdot y`, multiplied in the order of the equal
    two-class softmax (class weights :math:`(w, w \cdot \text{pos\_weight})`): with a
    subnormal pos_weight, :math:`\text{pos\_weight} \cdot y` alone could round to 0 and turn
    an infinite loss (y > 0 on p = 0) into 0, where the softmax it switches to says ∞."""
    if weight is None:
        return class_sum(weighted_terms(log_pair, binary_coefficients(target, pos_weight)))
    w = np.asarray(weight, dtype=np.float64)
    with np.errstate(over="ignore"):
        positive = w if pos_weight is None else w * np.asarray(pos_weight, dtype=np.float64)
        coefficients = binary_coefficients(target, positive) * np.stack(
            np.broadcast_arrays(1.0, w), axis=-1)
    return class_sum(weighted_terms(log_pair, coefficients))


def binary_cross_entropy_with_logits(logits, target, *, weight=None, pos_weight=None,
                                     reduction="mean"):
    r"""Sigmoid + binary cross-entropy on logits, as
    ``torch.nn.functional.binary_cross_entropy_with_logits``.

    Elementwise :math:`\ell = -w\,[\text{pos\_weight}\cdot y \ln\sigma(z) + (1-y)\ln\sigma(-z)]`;
    "mean" averages over every element (N × C), as PyTorch does.

    Parameters
    ----------
    logits, target : array_like of the same shape
        Targets in [0, 1] (multi-hot or soft).
    weight : array_like, optional
        Broadcast against the loss (per class (C,) or per element (N, C)).
    pos_weight : array_like, optional
        Weight of the positive term per class, broadcast along the last axis.
    reduction : {"mean", "sum", "none"}
    """
    z = np.asarray(logits, dtype=np.float64)
    terms = binary_terms(binary_log_probabilities(z), target, weight=weight, pos_weight=pos_weight)
    return _reduce(terms, reduction, float(terms.size))


def bce_with_logits_grad(logits, target, *, weight=None, pos_weight=None):
    r"""Gradient of the summed binary cross-entropy with respect to the logits:
    :math:`w\,[\sigma(z)(\text{pos\_weight}\cdot y + 1 - y) - \text{pos\_weight}\cdot y]`,
    which is :math:`\sigma(z) - y` without weights."""
    z = np.asarray(logits, dtype=np.float64)
    p = np.exp(log_sigmoid(z))
    return binary_gradient(p, target, weight=weight, pos_weight=pos_weight)


def binary_gradient(p, target, *, weight=None, pos_weight=None):
    """The logit gradient of a binary cross-entropy, given the sigmoid outputs p."""
    positive, negative = np.moveaxis(binary_coefficients(target, pos_weight), -1, 0)
    grad = p * (positive + negative) - positive
    return grad if weight is None else grad * np.asarray(weight, dtype=np.float64)


def log_loss(y_true, y_pred, *, normalize=True, sample_weight=None, labels=None):
    r"""Cross-entropy of predicted probabilities, as ``sklearn.metrics.log_loss``.

    :math:`-\frac{1}{N}\sum_n \sum_c y_{n,c} \ln \operatorname{clip}(p_{n,c}, ε, 1-ε)` with ε the
    float64 machine epsilon. Rows of ``y_pred`` that do not sum to 1 are used as they are, with
    scikit-learn's warning.

    Parameters
    ----------
    y_true : array_like
        Labels, shape (N,) (any sortable values; numbers must be whole), or an indicator matrix
        (N, C) of 0 and 1. Soft labels (a probability as y_true) raise ValueError, as in
        scikit-learn.
    y_pred : array_like
        Probabilities, shape (N, C); or shape (N,), the probability of the second (positive)
        class of a binary problem.
    normalize : bool
        Mean per sample if True, else the sum.
    sample_weight : array_like, shape (N,), optional
    labels : array_like, optional
        All classes, when ``y_true`` does not show every one.
    """
    p = np.asarray(y_pred, dtype=np.float64)
    if p.size and (p.max() > 1 or p.min() < 0):
        raise ValueError("y_pred must hold probabilities between 0 and 1")
    if p.ndim == 1:
        p = p[:, np.newaxis]
    if p.shape[1] == 1:
        p = np.concatenate([1 - p, p], axis=1)
    y = _indicator_matrix(y_true, labels, p.shape[1])
    if sample_weight is not None and not np.any(sample_weight):
        raise ValueError("sample weights must contain at least one non-zero number")
    if not rows_sum_to_one(p).all():
        warnings.warn("The y_prob values do not sum to one. Make sure to pass probabilities.",
                      UserWarning, stacklevel=2)
    loss = class_sum(log_loss_terms(y, p))
    if normalize:
        return float(np.average(loss, weights=sample_weight))
    return float(np.sum(loss) if sample_weight is None else np.dot(loss, sample_weight))


# scikit-learn's clip bound and its test of a row summing to 1 (isclose with rtol √ε, atol 1e-8)
LOG_LOSS_EPSILON = float(np.finfo(np.float64).eps)
SUM_TOLERANCE = 1e-8 + math.sqrt(LOG_LOSS_EPSILON)


def rows_sum_to_one(p):
    """Whether each row of p sums to 1 by scikit-learn's test (within 1e-8 + √ε)."""
    return np.abs(np.sum(p, axis=-1) - 1.0) <= SUM_TOLERANCE


def log_loss_terms(y, p):
    r"""scikit-learn's terms :math:`-y \ln \operatorname{clip}(p, ε, 1-ε)`, 0 where y = 0."""
    return weighted_terms(np.log(np.clip(p, LOG_LOSS_EPSILON, 1 - LOG_LOSS_EPSILON)), y)


def _indicator_matrix(y_true, labels, n_columns):
    y_true = np.asarray(y_true)
    if y_true.ndim == 2:
        # what scikit-learn calls a multilabel indicator: 0 and 1, at least two columns
        if y_true.shape[1] < 2 or not np.isin(y_true, (0, 1)).all():
            raise ValueError("a y_true matrix must be an indicator matrix of 0 and 1 with at least "
                             "two columns (log_loss takes no soft labels)")
        classes = np.arange(y_true.shape[1])
        indicator = y_true.astype(np.float64)
    else:
        if y_true.dtype.kind == "f" and not np.all(np.mod(y_true, 1) == 0):
            raise ValueError("y_true holds fractional numbers: log_loss takes class labels, "
                             "not probabilities")
        classes = np.unique(y_true if labels is None else np.asarray(labels))
        indicator = (y_true[:, np.newaxis] == classes[np.newaxis, :]).astype(np.float64)
        if labels is not None and not np.isin(y_true, classes).all():
            raise ValueError("y_true contains labels that are not in labels")
    if len(classes) < 2:
        raise ValueError("log_loss needs at least two classes")
    if len(classes) != n_columns:
        raise ValueError(f"y_true has {len(classes)} classes but y_pred has {n_columns} columns")
    return indicator


def _one_hot(target, n_classes, ignore_index):
    ignored = target == ignore_index
    indices = np.where(ignored, 0, target)
    if not np.issubdtype(target.dtype, np.integer):
        raise ValueError("class-index targets must be integers")
    bad = (indices < 0) | (indices >= n_classes)
    if bad.any():
        n = int(np.argmax(bad))
        raise ValueError(f"target of sample {n + 1} is {int(target[n])}, "
                         f"not a class index from 0 to {n_classes - 1}")
    q = np.zeros((len(target), n_classes))
    q[np.arange(len(target)), indices] = 1.0
    q[ignored] = 0.0
    return q, ignored


def _class_weights(weight, n_classes):
    if weight is None:
        return np.ones(n_classes)
    w = np.asarray(weight, dtype=np.float64)
    if w.shape != (n_classes,):
        raise ValueError(f"weight must have one value per class ({n_classes}), got shape {w.shape}")
    return w


def _check_smoothing(label_smoothing):
    eps = float(label_smoothing)
    if not 0.0 <= eps <= 1.0:
        raise ValueError(f"label_smoothing must be between 0 and 1, got {label_smoothing!r}")
    return eps


def _as_matrix(values, name):
    values = np.asarray(values, dtype=np.float64)
    if values.ndim != 2:
        raise ValueError(f"{name} must have shape (N, C), got shape {values.shape}")
    return values


def _reduce(values, reduction, mean_divisor):
    if reduction == "none":
        return values
    total = class_sum(np.ravel(values))
    if reduction == "sum":
        return float(total)
    if reduction == "mean":
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            return float(total / mean_divisor)
    raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
