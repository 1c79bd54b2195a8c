"""Softmax and sigmoid with their logarithms, numerically stable for any finite float64 input."""

import numpy as np

_FLOAT_MAX = np.finfo(np.float64).max


def scale_logits(z, temperature=1.0):
    r"""Divide logits by a temperature: :math:`z / T`.

    Parameters
    ----------
    z : array_like
        Logits.
    temperature : float
        :math:`T > 0`, finite. Large T flattens a distribution, small T sharpens it.

    Returns
    -------
    numpy.ndarray
        float64 array of the same shape. Values that would overflow are held at the largest
        finite float64, so that extreme logits stay finite (and never become ``inf - inf``).
    """
    t = float(temperature)
    if not (np.isfinite(t) and t > 0):
        raise ValueError(f"temperature must be positive and finite, got {temperature!r}")
    z = np.asarray(z, dtype=np.float64)
    if t == 1.0:
        return z
    with np.errstate(over="ignore"):
        scaled = z / t
    return np.clip(scaled, -_FLOAT_MAX, _FLOAT_MAX)


def log_softmax(z, temperature=1.0, axis=-1):
    r"""Logarithm of the softmax: :math:`\ln p_i = z_i/T - \ln \sum_j e^{z_j/T}`.

    Computed as :math:`(z_i - m) - \ln\sum_j e^{z_j - m}` with :math:`m = \max_j z_j`
    (log-sum-exp), so no exponential overflows.

    Parameters
    ----------
    z : array_like
        Logits; ``axis`` is the class axis.
    temperature : float
        Divides the logits first; must be positive and finite.
    axis : int, tuple of ints or None
        Class axis; None (or a tuple) takes the whole array (those axes) as one distribution, as
        ``scipy.special.log_softmax(z, axis=None)`` does. SciPy's default is None, ours -1.

    Returns
    -------
    numpy.ndarray
        :math:`\ln p`, float64, same shape as ``z``; :math:`\le 0` everywhere.
    """
    z = scale_logits(z, temperature)
    shifted = _shift_by_max(z, axis)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


def softmax(z, temperature=1.0, axis=-1):
    r"""Softmax: :math:`p_i = e^{z_i/T} / \sum_j e^{z_j/T}`.

    Max-subtracted, so it is exact for any finite logits and sums to 1 along ``axis``.

    Parameters
    ----------
    z : array_like
        Logits; ``axis`` is the class axis.
    temperature : float
        Divides the logits first; must be positive and finite.
    axis : int, tuple of ints or None
        Class axis; None (or a tuple) normalises over the whole array (those axes), as
        ``scipy.special.softmax(z, axis=None)`` does. SciPy's default is None, ours -1.

    Returns
    -------
    numpy.ndarray
        Probabilities, float64, same shape as ``z``.
    """
    z = scale_logits(z, temperature)
    exps = np.exp(_shift_by_max(z, axis))
    return exps / np.sum(exps, axis=axis, keepdims=True)


# Beyond e^700 (about 1e304) a sum of a few terms overflows float64.
_WRITTEN_EXP_LIMIT = 700.0


def softmax_parts(z, temperature=1.0):
    r"""The numbers of a softmax as it is written by hand, :math:`p_i = e^{z_i/T} / S` with
    :math:`S = \sum_j e^{z_j/T}`: each :math:`e^{z_i/T}` and the sum :math:`S`, not shifted by
    the maximum as ``softmax`` computes them.

    Parameters
    ----------
    z : array_like, shape (C,)
        Logits of one sample.
    temperature : float
        Divides the logits first; must be positive and finite.

    Returns
    -------
    exps : numpy.ndarray of float64 or None
    total : float or None
        (None, None) when they are not readable numbers: a :math:`z_i/T \ge 700` (the sum
        could overflow) or every term underflows to 0.
    """
    scaled = scale_logits(z, temperature)
    if not np.max(scaled) < _WRITTEN_EXP_LIMIT:
        return None, None
    exps = np.exp(scaled)
    total = float(np.sum(exps))
    if not (total > 0 and np.isfinite(total)):
        return None, None
    return exps, total


def _shift_by_max(z, axis):
    # Subtracting the maximum makes every exponent <= 0. The difference of two finite
    # float64 values can still overflow (1e308 - -1e308); it then becomes -inf, whose
    # exponential is the correct 0.
    with np.errstate(over="ignore"):
        return z - np.max(z, axis=axis, keepdims=True)


def sigmoid(x):
    r"""Logistic sigmoid :math:`\sigma(x) = 1 / (1 + e^{-x})`.

    Uses :math:`e^{-|x|}` only, so it never overflows: for :math:`x \ge 0`,
    :math:`1/(1+e^{-x})`; otherwise :math:`e^{x}/(1+e^{x})`.

    Parameters
    ----------
    x : array_like

    Returns
    -------
    numpy.ndarray
        float64 values in [0, 1].
    """
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def log_sigmoid(x):
    r"""Logarithm of the sigmoid: :math:`\ln\sigma(x) = \min(x, 0) - \ln(1 + e^{-|x|})`.

    This is PyTorch's formula for ``logsigmoid``; it never overflows and keeps full
    precision for large negative x (where :math:`\ln\sigma(x) \approx x`).

    Parameters
    ----------
    x : array_like

    Returns
    -------
    numpy.ndarray
        float64 values :math:`\le 0`.
    """
    x = np.asarray(x, dtype=np.float64)
    return np.minimum(x, 0.0) - _log1p_exp_minus_abs(x)


def log_sigmoid_pair(x):
    r""":math:`(\ln\sigma(x), \ln\sigma(-x))`, each as :func:`log_sigmoid` gives it. The two share
    :math:`\ln(1 + e^{-|x|})`, the costly part, computed once (measured: 1 ms at 64 x 1,000)."""
    x = np.asarray(x, dtype=np.float64)
    tail = _log1p_exp_minus_abs(x)
    return np.minimum(x, 0.0) - tail, np.minimum(-x, 0.0) - tail


def _log1p_exp_minus_abs(x):
    return np.log1p(np.exp(-np.abs(x)))
