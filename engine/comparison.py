"""Comparison: several models judged against the same truth, each model's Analysis side by side
and which one has the lowest loss."""

from dataclasses import dataclass
from functools import cached_property

import numpy as np


@dataclass(frozen=True, eq=False)
class Comparison:
    """The analyses of every model of one scenario, in the scenario's order (what
    :func:`engine.analyze_models` returns). They share the classes, samples, targets and
    options, so their numbers line up sample by sample.

    Attributes
    ----------
    analyses : tuple of Analysis, one per model.
    names : the models' names.
    losses : (M,) each model's batch loss, NaN where a model has none (no sample counted).
    lowest : the indices of the models with the lowest batch loss: one, or several tied
        exactly; none when no model has a loss. Lower is better.
    sample_losses : (M, N) the loss of sample n under model m.
    """

    analyses: tuple

    @property
    def names(self):
        return tuple(analysis.model_name for analysis in self.analyses)

    @cached_property
    def losses(self):
        losses = np.array([np.nan if a.loss is None else a.loss for a in self.analyses])
        losses.flags.writeable = False
        return losses

    @cached_property
    def lowest(self):
        losses = self.losses
        if np.isnan(losses).all():
            return ()
        return tuple(np.flatnonzero(losses == np.nanmin(losses)).tolist())

    @cached_property
    def sample_losses(self):
        losses = np.stack([analysis.sample_loss for analysis in self.analyses])
        losses.flags.writeable = False
        return losses
