"""Curves the plots draw: the surprisal −ln p, logits recovered from probabilities, and each
class's probability as one logit sweeps while the others stay fixed."""

import math

import numpy as np

from .activations import scale_logits, sigmoid

# The smallest probability turned into a logit: ln(1e-300) ≈ -690.8 keeps p = 0 finite
# (switching the input to logits uses this too).
_TINY = 1e-300


def surprisal(p, log_base="e"):
    r"""The loss of a probability given to the right answer: :math:`-\ln p` (nats) or
    :math:`-\log_2 p = -\ln p / \ln 2` (bits).

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    log_base : {"e", "2"}
        "e" for nats, "2" for bits (as ``Options.log_base``).

    Returns
    -------
    numpy.ndarray
        float64 values :math:`\ge 0`; :math:`+\infty` where p = 0.
    """
    p = np.asarray(p, dtype=np.float64)
    with np.errstate(divide="ignore"):
        values = -np.log(p)
    # -log(1) is -0.0; a loss reads better as 0.
    values = values + 0.0
    return values / math.log(2.0) if log_base == "2" else values


def logits_from_probabilities(p, mode="softmax", *, floor=True):
    r"""Logits that give the probabilities ``p``: :math:`z = \ln p` for softmax (defined up to a
    constant per row), :math:`z = \ln p - \ln(1 - p)` (the logit function) for sigmoid.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1].
    mode : {"softmax", "sigmoid"}
    floor : bool
        True: probabilities are floored at 1e-300, so p = 0 (or p = 1 in sigmoid mode) gives a
        large finite logit (about ±690.8), usable in further arithmetic. False: the exact
        values, :math:`-\infty` for p = 0 and :math:`+\infty` for p = 1 in sigmoid mode.

    Returns
    -------
    numpy.ndarray
        float64 logits of the same shape.
    """
    p = np.asarray(p, dtype=np.float64)
    low = _TINY if floor else 0.0
    with np.errstate(divide="ignore"):
        log_p = np.log(np.clip(p, low, 1.0))
        if mode == "softmax":
            return log_p
        return log_p - np.log(np.clip(1.0 - p, low, 1.0))


def sweep_inputs(scenario, n):
    """The logits a sweep of sample ``n`` moves, and the temperature they are divided by: the
    row itself for logit input; for probability input the logits that give it (ln p, floored),
    with temperature 1 (probabilities carry their temperature in them)."""
    if scenario.input == "logits":
        return scenario.rows[n], scenario.options.temperature
    return logits_from_probabilities(scenario.rows[n], scenario.mode), 1.0


def sweep_probabilities(logits, column, values, *, mode="softmax", temperature=1.0,
                        classes=None):
    r"""Each class's probability while the logit of class ``column`` takes each of ``values`` and
    the other logits stay as they are.

    Softmax: with :math:`s = v/T`, :math:`a_j = z_j/T` and
    :math:`\Lambda = \ln\sum_{j \ne c} e^{a_j}` (log-sum-exp of the fixed logits),

    .. math::  p_c(v) = e^{s - \ln(e^{s} + e^{\Lambda})}, \qquad
               p_j(v) = e^{a_j - \ln(e^{s} + e^{\Lambda})} \quad (j \ne c),

    which equals ``softmax`` of the swept rows exactly, but costs O(C + V·K) instead of O(V·C),
    so a sweep over 50,000 classes stays fast. Sigmoid: only the swept class changes,
    :math:`p_c(v) = \sigma(v/T)`; every other class keeps :math:`\sigma(z_j/T)`.

    Parameters
    ----------
    logits : array_like, shape (C,)
        One sample's logits.
    column : int
        The class whose logit sweeps.
    values : array_like, shape (V,)
        The logit values it takes.
    mode : {"softmax", "sigmoid"}
    temperature : float
        Divides every logit first (positive and finite).
    classes : array_like of int, shape (K,), optional
        Only compute these classes' probabilities (default: all C).

    Returns
    -------
    numpy.ndarray, shape (V, K)
        Probabilities; column k belongs to ``classes[k]``.
    """
    z = scale_logits(np.asarray(logits, dtype=np.float64), temperature)
    s = scale_logits(np.asarray(values, dtype=np.float64), temperature)[:, np.newaxis]
    classes = np.arange(len(z)) if classes is None else np.asarray(classes, dtype=np.intp)
    swept = classes == column
    fixed = z[classes][np.newaxis, :]
    if mode == "sigmoid":
        return np.where(swept, sigmoid(s), sigmoid(fixed))
    others = np.delete(z, column)
    peak, log_rest = _log_sum_exp(others)
    with np.errstate(over="ignore"):
        # Shift everything by the largest exponent, as softmax does, so no term overflows and
        # ties between huge logits still come out as 1/2 each.
        shift = np.maximum(s, peak)
        log_denominator = np.log(np.exp(s - shift) + np.exp((peak - shift) + log_rest))
        exponent = (np.where(swept, s, fixed) - shift) - log_denominator
    return np.exp(exponent)


def crossover_logit(logits, column, *, mode="softmax", temperature=1.0):
    r"""The logit at which class ``column``'s probability is 1/2, the others staying fixed.

    Softmax: :math:`p_c = 1/2` where :math:`e^{z_c/T} = \sum_{j \ne c} e^{z_j/T}`, that is
    :math:`z_c = T \ln\sum_{j \ne c} e^{z_j/T}` (T times the log-sum-exp of the other scaled
    logits); with a single class, :math:`p_c = 1` always and there is no such logit.
    Sigmoid: :math:`\sigma(z/T) = 1/2` at :math:`z = 0`.

    Parameters
    ----------
    logits : array_like, shape (C,)
    column : int
    mode : {"softmax", "sigmoid"}
    temperature : float

    Returns
    -------
    float or None
        None when there is no crossover (one class in softmax mode). Finite otherwise (held at
        ±1.8e308 like :func:`engine.activations.scale_logits`).
    """
    if mode == "sigmoid":
        return 0.0
    z = scale_logits(np.asarray(logits, dtype=np.float64), temperature)
    others = np.delete(z, column)
    if others.size == 0:
        return None
    peak, log_rest = _log_sum_exp(others)
    with np.errstate(over="ignore"):
        value = (peak + log_rest) * temperature
    return float(np.clip(value, -np.finfo(np.float64).max, np.finfo(np.float64).max))


def _log_sum_exp(values):
    """``(m, r)`` with ln Σ e^v = m + r, kept apart so that huge m loses no precision."""
    if values.size == 0:
        return -np.inf, 0.0
    peak = np.max(values)
    with np.errstate(over="ignore"):
        return peak, np.log(np.sum(np.exp(values - peak)))
