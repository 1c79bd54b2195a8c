"""Gradient descent on the logits themselves: each step is z ← z − lr · ∂L/∂z of the batch loss,
what ``torch.optim.SGD([z], lr)`` does to a tensor of logits after ``loss.backward()``."""

from dataclasses import dataclass

import numpy as np

from .analysis import analyze
from .edits import switch_mode
from .scenario import ScenarioError, _check_number

MAX_STEPS = 100_000
_FLOAT_MAX = np.finfo(np.float64).max


@dataclass(frozen=True, eq=False)
class Trajectory:
    """A training run. Row k of each array is before step k + 1 (row 0: the start, the last
    row: after the last step); arrays are read-only.

    Attributes
    ----------
    losses : (steps + 1,) the batch loss in the scenario's unit (nats or bits).
    sample_losses : (steps + 1, N) each sample's loss, in the same unit.
    true_probabilities : (steps + 1, N) what the model gives the right answer: p of the target's
        most likely class (softmax; NaN for an ignored sample), or the product over the labels
        of p where the label is ≥ 0.5 and 1 − p where it is not (sigmoid: the chance that every
        label is right).
    scenario : the scenario after the last step. analysis : its Analysis.
    lr : the learning rate.
    """

    losses: np.ndarray
    sample_losses: np.ndarray
    true_probabilities: np.ndarray
    scenario: object
    analysis: object
    lr: float

    @property
    def steps(self):
        return len(self.losses) - 1


@dataclass(frozen=True, eq=False)
class Pair:
    """One binary problem trained in both forms from the same start with the same lr.

    ``sigmoid`` and ``softmax`` are their Trajectories; ``sigmoid_logits`` (steps + 1, N) is z of
    the one-label sigmoid and ``softmax_margins`` (steps + 1, N) is :math:`z_1 - z_0` of the
    two-class softmax, per step. ``notes`` are those of the mode switch that made the other form
    (see :func:`engine.edits.switch_mode`)."""

    sigmoid: Trajectory
    softmax: Trajectory
    sigmoid_logits: np.ndarray
    softmax_margins: np.ndarray
    notes: tuple


def check_trainable(scenario):
    """Raise ScenarioError for probability input: there are no logits to move."""
    if scenario.input != "logits":
        raise ScenarioError("not_trainable", "probabilities cannot be trained: only logits take "
                            "a gradient step", field="input", kind="probabilities")


def check_lr(lr):
    """Raise ScenarioError unless the learning rate is a finite number above 0."""
    _check_number(lr, "lr", low=0.0, low_open=True)


def check_steps(steps):
    """Raise ScenarioError unless ``steps`` is a whole number from 1 to MAX_STEPS."""
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise ScenarioError("not_integer", f"steps must be a whole number, got {steps!r}",
                            field="steps", value=repr(steps))
    _check_number(steps, "steps", low=1, high=MAX_STEPS)


def batch_gradient(analysis):
    r"""∂L/∂z of the batch loss in nats, whatever unit the analysis shows:
    :math:`\frac{1}{D}\,\partial \ell_n / \partial z_{n,c}` with D the "mean" divisor (1 for
    "sum"); the temperature and weights are in :attr:`Analysis.gradient` already.

    Raises ScenarioError when no sample is counted (PyTorch's loss would be NaN)."""
    if analysis.loss is None:
        raise ScenarioError("not_trainable", "no sample is counted (every target is ignored or "
                            "weighted 0): there is no loss to train", kind="nothing_counted")
    # The analysis divides every gradient by ln 2 for bits; the step is of the loss in nats.
    # Divide by D before scaling: 1/D overflows for a subnormal D (weights near 5e-324), and
    # 0 · inf would then be NaN, while each gradient / D stays at most the largest class weight.
    scale = analysis.scenario.options.log_scale
    with np.errstate(over="ignore"):
        gradient = analysis.gradient / analysis.divisor
        if scale != 1.0:  # in nats x · 1.0 is x: no pass
            gradient *= scale
    return gradient


def step(scenario, lr=1.0, analysis=None):
    r"""One gradient step on the logits: :math:`z \leftarrow z - \text{lr}\,\partial L/\partial z`.

    Parameters
    ----------
    scenario : engine.Scenario
        With logit input.
    lr : float
        The learning rate, > 0.
    analysis : engine.Analysis, optional
        ``analyze(scenario)``, when the caller has it (the GUI's Document does): the step then
        costs no analysis of its own.

    Returns
    -------
    engine.Scenario
        The same scenario with the stepped logits. A logit the step would push past the largest
        float64 is held there, so every logit stays finite.
    """
    check_trainable(scenario)
    check_lr(lr)
    if analysis is None or analysis.scenario is not scenario:
        analysis = analyze(scenario)
    return _stepped(scenario, analysis, lr)


def train(scenario, steps, lr=1.0):
    """Run ``steps`` gradient steps (see :func:`step`) and record the losses on the way.

    Returns
    -------
    Trajectory
    """
    return _recorded(_run(scenario, steps, lr), lr)[0]


def train_pair(scenario, steps, lr=1.0, *, negative_name="not {name}"):
    r"""Train a binary problem as a one-label sigmoid and as the equal two-class softmax, from
    the same start with the same lr.

    ``scenario`` is either form; the other is made by :func:`engine.edits.switch_mode`. With
    logits (0, z) and the loss "mean" over N samples, the first step moves the softmax margin
    :math:`z_1 - z_0` by :math:`-2\,\text{lr}\,(\sigma(z) - y)/N`, twice the sigmoid logit's
    :math:`-\text{lr}\,(\sigma(z) - y)/N`: each of the two logits gets the whole gradient.

    Returns
    -------
    Pair
    """
    n_classes = len(scenario.classes)
    if (scenario.mode, n_classes) not in (("sigmoid", 1), ("softmax", 2)):
        raise ScenarioError("not_binary", f"only one sigmoid label or two softmax classes can be "
                            f"trained in both forms, not {n_classes} {scenario.mode} classes",
                            kind="pair", mode=scenario.mode, classes=n_classes)
    other = "softmax" if scenario.mode == "sigmoid" else "sigmoid"
    switched = switch_mode(scenario, other, negative_name=negative_name)
    forms = {scenario.mode: scenario, other: switched.scenario}
    sigmoid, logits = _recorded(_run(forms["sigmoid"], steps, lr), lr,
                                lambda rows: rows[:, 0])
    softmax, margins = _recorded(_run(forms["softmax"], steps, lr), lr,
                                 lambda rows: rows[:, 1] - rows[:, 0])
    return Pair(sigmoid=sigmoid, softmax=softmax, sigmoid_logits=logits,
                softmax_margins=margins, notes=switched.notes)


def true_probabilities(analysis):
    """Each sample's probability of the right answer (see :class:`Trajectory`)."""
    p = analysis.probabilities
    if analysis.scenario.mode == "sigmoid":
        return np.prod(np.where(analysis.targets >= 0.5, p, 1.0 - p), axis=1)
    right = p[np.arange(len(p)), np.argmax(analysis.targets, axis=1)]
    return np.where(analysis.ignored, np.nan, right)


def _run(scenario, steps, lr):
    """Yield (scenario, analysis) at the start and after each of ``steps`` steps."""
    check_trainable(scenario)
    check_steps(steps)
    check_lr(lr)
    analysis = analyze(scenario)
    yield scenario, analysis
    for _ in range(steps):
        scenario = _stepped(scenario, analysis, lr)
        analysis = analyze(scenario)  # every row changed: no previous analysis to reuse
        yield scenario, analysis


def _stepped(scenario, analysis, lr):
    # In place in the gradient, a new array of our own (the same bits: lr · g is g · lr): two
    # (N, C) arrays fewer. Measured at 64 x 1,000: 0.21 -> 0.15 ms a step, and 0.9 -> 0.2 ms
    # where each fresh array also costs its page faults (a loop of steps alone).
    rows = batch_gradient(analysis)
    with np.errstate(over="ignore"):
        rows *= lr
        np.subtract(scenario.rows, rows, out=rows)
    np.clip(rows, -_FLOAT_MAX, _FLOAT_MAX, out=rows)
    rows.flags.writeable = False  # handed over as it is: the new scenario need not copy it
    return scenario.replace(rows=rows)


def _recorded(frames, lr, track=None):
    """The Trajectory of ``frames``, and ``track(rows)`` of each frame stacked (or None). Only
    these numbers are kept: a frame's scenario and analysis are dropped once read."""
    losses, sample_losses, right, tracked = [], [], [], []
    for scenario, analysis in frames:
        losses.append(analysis.loss)
        sample_losses.append(analysis.sample_loss)
        right.append(true_probabilities(analysis))
        if track is not None:
            tracked.append(track(scenario.rows))
    trajectory = Trajectory(
        losses=_frozen(np.array(losses, dtype=np.float64)),
        sample_losses=_frozen(np.stack(sample_losses)),
        true_probabilities=_frozen(np.stack(right)), scenario=scenario, analysis=analysis,
        lr=float(lr))
    return trajectory, _frozen(np.stack(tracked)) if track is not None else None


def _frozen(array):
    array.flags.writeable = False
    return array
