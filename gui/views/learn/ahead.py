"""The next step of a run, taken ahead: right after a step's frame is painted, while Play waits
for its next tick.

A step is the engine's work (the step, then the analysis of the new logits: ~2 ms at
64 × 1000) and then every view's. Play takes one step a tick (every 33 ms at 30 steps a second)
and a frame takes about half of that, so the engine's part of the next step fits in the wait;
at the tick the step is only applied, and the frame is the views' work alone. What was taken
ahead is used only for the very step it is: the same scenario and analysis (objects), model and
learning rate. Anything else (an edit, another rate, an undo) makes the step be computed at
the tick, as it always was; the result is the same either way (the same calls on the same
arguments)."""

from engine import ScenarioError, edits, training


def stepped(scenario, lr, analysis, model):
    """``scenario`` with model ``model``'s logits one gradient step further: engine.training.step
    of that model's one-model scenario, whose Analysis is ``analysis``."""
    one = analysis.scenario
    after = training.step(one, lr, analysis)
    if one is scenario:  # the only model
        return after
    return edits.set_block(scenario, 0, 0, after.rows, model=model)


class StepAhead:
    """The step after the document's scenario, once :meth:`prepare` has taken it."""

    def __init__(self):
        self._next = None  # ((scenario, lr, analysis, model), the scenario one step further)

    def prepare(self, document, lr):
        """Take the next step of ``document``'s selected model now, and have the document
        analyse its result."""
        arguments = (document.scenario, lr, document.analysis, document.selected_model)
        try:
            after = stepped(*arguments)
        except (ScenarioError, ValueError):
            return  # (the step at the tick meets the same refusal, and shows it)
        self._next = (arguments, after)
        document.prepare(after)

    def stepped(self, scenario, lr, analysis, model):
        """What :func:`stepped` gives: taken ahead when it was for these very arguments."""
        ahead, self._next = self._next, None
        if ahead is not None:
            (s, r, a, m), after = ahead
            if s is scenario and a is analysis and r == lr and m == model:
                return after
        return stepped(scenario, lr, analysis, model)
