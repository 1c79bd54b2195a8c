"""One sample's logits read both ways: as a softmax (one right answer, Σp = 1) and as
independent sigmoids (one yes/no per class, Σp anything), each with the loss of the targets it
needs. What the "softmax | sigmoid" view shows."""

from dataclasses import dataclass

import numpy as np

from .analysis import analyze
from .edits import _labels_to_softmax, _softmax_to_labels, convert_input


@dataclass(frozen=True, eq=False)
class Reading:
    """The sample as one form sees it. Arrays are read-only, one value per class.

    Attributes
    ----------
    mode : "softmax" or "sigmoid".
    probabilities : softmax(z / T), or σ(z_c / T) of each class.
    total : Σ probabilities (1 for softmax up to rounding; anything from 0 to C for sigmoid).
    targets : what the loss compares with: the (smoothed) distribution q for softmax, the labels
        y for sigmoid.
    true_class : the class index for a softmax index target, else None.
    terms : each class's cross-entropy term, in the scenario's unit.
    loss : the sample's loss (the sum of the terms). ignored : left out by ignore_index.
    notes : the mode switch's notes on what it did to this sample's target (see
        :func:`engine.edits.switch_mode`; a note's "rows" is [the sample]); () for the
        scenario's own mode.
    """

    mode: str
    probabilities: np.ndarray
    total: float
    targets: np.ndarray
    true_class: object
    terms: np.ndarray
    loss: float
    ignored: bool
    notes: tuple


@dataclass(frozen=True, eq=False)
class Readings:
    """``softmax`` and ``sigmoid``: the two Readings of one sample; ``from_probabilities``: the
    logits are ln p of probability input (softmax) or its logit function (sigmoid)."""

    softmax: Reading
    sigmoid: Reading
    from_probabilities: bool


def both_readings(scenario, sample):
    r"""Read sample ``sample``'s logits as a softmax and as sigmoids.

    The scenario's own mode is read as it is. The other mode gets its targets as
    :func:`engine.edits.switch_mode` converts them, but every logit stays (a two-class softmax
    is read as two sigmoids, not as the one logit :math:`z_1 - z_0` the switch makes):

    - softmax → sigmoid: a class index k becomes the labels :math:`y = e_k`; a distribution q
      becomes the labels q (each an independent yes/no); label smoothing is unused.
    - sigmoid → softmax: the labels divided by their sum (no label: uniform); pos_weight is
      unused.

    Options are the scenario's (temperature, class weights, unit). Probability input is read
    through its logits: :math:`\ln p` (softmax) or :math:`\ln p - \ln(1-p)` (sigmoid).

    Returns
    -------
    Readings
    """
    one = scenario.replace(rows=scenario.rows[sample:sample + 1],
                           targets=scenario.targets[sample:sample + 1],
                           samples=(scenario.samples[sample],))
    from_probabilities = one.input == "probabilities"
    if from_probabilities:
        one = convert_input(one, "logits")
    if one.mode == "softmax":
        forms = {"softmax": (one, ()),
                 "sigmoid": _as_pair(_softmax_to_labels(one, "sigmoid"), sample)}
    else:
        forms = {"softmax": _as_pair(_labels_to_softmax(one), sample), "sigmoid": (one, ())}
    return Readings(softmax=_reading(*forms["softmax"]), sigmoid=_reading(*forms["sigmoid"]),
                    from_probabilities=from_probabilities)


def _as_pair(switched, sample):
    """The switched scenario and its notes, with the row it names renumbered to ``sample``."""
    notes = tuple((key, {**details, "rows": [sample]} if "rows" in details else details)
                  for key, details in switched.notes)
    return switched.scenario, notes


def _reading(scenario, notes):
    analysis = analyze(scenario)
    p = analysis.probabilities[0]
    index = scenario.mode == "softmax" and scenario.target_kind == "index"
    true_class = int(scenario.targets[0]) if index and not analysis.ignored[0] else None
    return Reading(mode=scenario.mode, probabilities=p, total=float(np.sum(p)),
                   targets=analysis.targets[0], true_class=true_class, terms=analysis.terms[0],
                   loss=float(analysis.sample_loss[0]), ignored=bool(analysis.ignored[0]),
                   notes=notes)
