"""The Document: the single owner of the scenario being edited, its undo stack, file path and
"modified" state. Every edit is an undo command; every change recomputes the Analysis of each
model it changed."""

import dataclasses
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

import engine
from engine import ScenarioError, edits, history
from gui.common.messages import describe

# The undo history keeps at most this much; past it the oldest steps are dropped. Cell edits
# hardly get there (a step is about 2 KB: 100,000 of them); steps that keep whole tables may
# (a sample added to a 64 x 1000 table and removed, 128 times).
HISTORY_BYTES = 256 * 2**20
# What a step holds besides its patch: the command, in C++ and Python, and its text. Measured:
# 20,000 cell edits of a 64 x 1000 table grow the process by 1.9 KB a step, 650 bytes of which
# are the patch.
STEP_BYTES = 2048


@dataclass(frozen=True)
class Selection:
    """What the user has selected, shared by every view; it travels with the Analysis in
    Document.changed, so no view asks the Document for it. ``model``: the index of the model
    the views show and the input table edits."""

    sample: int = 0
    model: int = 0


class ScenarioCommand(QUndoCommand):
    """One undo step: a Patch between the scenario before the edit and the one after it.

    Consecutive edits with the same ``merge_key`` (e.g. repeated edits of one cell, or a slider
    being dragged) make one undo step: Document.edit merges their patches into this one.
    ``models``: the model selected before and after the edit; undo and redo select it again, so
    that the user sees the model the step changes.
    """

    def __init__(self, document, patch, text, merge_key=None, models=(0, 0)):
        super().__init__(text)
        self._document = document
        self.patch = patch
        self.merge_key = merge_key
        self.models = models
        # push() calls redo() at once; the document shows the edit's scenario already.
        self._pushed = False

    @property
    def nbytes(self):
        return STEP_BYTES + self.patch.nbytes

    def redo(self):
        if self._pushed:
            self._document._show(self.patch.apply(self._document.scenario), self.models[1])
        self._pushed = True

    def undo(self):
        self._document._show(self.patch.revert(self._document.scenario), self.models[0])


class Document(QObject):
    """Signals
    -------
    ========================  ==================================================================
    changed(object, object)   (engine.Analysis, Selection): the one signal views listen to,
                              once per change of the scenario or of the selection. The
                              Analysis is the selected model's (its ``scenario`` is that
                              model's one-model scenario); its ``comparison`` holds every
                              model's Analysis (an engine.Comparison, also for one model)
    editRefused(str)          an edit was invalid; the text says why (already translated)
    ========================  ==================================================================

    ``undo_stack.cleanChanged`` tells whether the document is saved. ``scenario`` is the whole
    scenario, every model (what is saved); ``model_scenario`` the selected model's.
    """

    changed = Signal(object, object)
    editRefused = Signal(str)

    def __init__(self, scenario, parent=None):
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        # Kept here, not asked of the stack each time: the stack's destructor still emits
        # cleanChanged, when asking it would touch a deleted object.
        self._modified = False
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.path = None
        self.history_limit = HISTORY_BYTES
        self._history_bytes = 0  # the nbytes of every step on the undo stack
        self._scenario = scenario
        self._selection = Selection()
        self._analyses = ()
        self._prepared = None  # (scenario, its analyses): see prepare
        self._recompute()

    @property
    def scenario(self):
        return self._scenario

    @property
    def model_scenario(self):
        """The selected model's one-model scenario: the one the views show."""
        return self._analysis.scenario

    @property
    def analysis(self):
        """The selected model's Analysis, with the comparison of every model."""
        return self._analysis

    @property
    def comparison(self):
        return self._analysis.comparison

    @property
    def selected_model(self):
        return self._selection.model

    @property
    def selection(self):
        return self._selection

    @property
    def selected_sample(self):
        return self._selection.sample

    @property
    def modified(self):
        return self._modified

    def _clean_changed(self, clean):
        self._modified = not clean

    def select_sample(self, n):
        """Select sample n everywhere (clamped to the table)."""
        n = max(0, min(int(n), len(self._scenario.samples) - 1))
        if n != self._selection.sample:
            self._selection = dataclasses.replace(self._selection, sample=n)
            self.changed.emit(self._analysis, self._selection)

    def select_model(self, k):
        """Show and edit model k (clamped to the models): nothing is computed again."""
        k = max(0, min(int(k), len(self._scenario.models) - 1))
        if k != self._selection.model:
            self._selection = dataclasses.replace(self._selection, model=k)
            self._analysis = self._shown_analysis(self._analysis.comparison)
            self.changed.emit(self._analysis, self._selection)

    def edit(self, text, change, *args, merge_key=None, refusal_to=None, selects=None,
             **kwargs):
        """Apply ``change(scenario, *args, **kwargs)`` (an engine.edits function) to the whole
        scenario as one undo step named ``text``, then select model ``selects`` (default: the
        one selected). An invalid result is refused and nothing changes: the reason goes to
        ``refusal_to(text)`` when given (a control with its own message line), else to
        editRefused. Returns True when the edit was applied."""
        try:
            after = change(self._scenario, *args, **kwargs)
        except (ScenarioError, ValueError) as error:
            (refusal_to or self.editRefused.emit)(describe(error))
            return False
        patch = history.diff(self._scenario, after)
        if not patch:  # nothing changed, not even the sign of a zero
            return True
        models = (self._selection.model, self._selection.model if selects is None else selects)
        if not self._merged(patch, after, merge_key, models[1]):
            self._show(after, models[1])
            self._push(ScenarioCommand(self, patch, text, merge_key, models))
        return True

    def _merged(self, patch, after, merge_key, model):
        """Fold an edit into the last undo step when both have the same merge key. Returns
        False when it must be a step of its own: a different key, a redo to keep, or a saved
        state to keep."""
        # Not Qt's own merging (QUndoCommand.id/mergeWith): PySide keeps the Python side of a
        # command that push() merged and deleted, with its patch, for the stack's
        # lifetime — one leaked patch per merged edit (PySide6 6.11).
        stack = self.undo_stack
        top = stack.command(stack.index() - 1)
        if (merge_key is None or not isinstance(top, ScenarioCommand)
                or top.merge_key != merge_key or stack.index() != stack.count()
                or stack.index() == stack.cleanIndex()):
            return False
        patch = history.merged(top.patch, patch, self._scenario)
        self._history_bytes += patch.nbytes - top.patch.nbytes
        top.patch = patch
        top.models = (top.models[0], model)
        self._show(after, model)
        self._trim()
        return True

    def _push(self, command):
        stack = self.undo_stack
        for n in range(stack.index(), stack.count()):  # the steps push() drops: no redo now
            self._history_bytes -= stack.command(n).nbytes
        self._history_bytes += command.nbytes
        stack.push(command)
        self._trim()

    def _trim(self):
        """Past history_limit bytes, drop the oldest steps, down to 3/4 of the limit (so that
        not every edit drops some), but never the last step. Only called at the top of the
        stack, after an edit."""
        if self._history_bytes <= self.history_limit:
            return
        stack = self.undo_stack
        steps = [stack.command(n) for n in range(stack.count())]
        dropped = 0
        while self._history_bytes > self.history_limit * 3 // 4 and dropped < len(steps) - 1:
            self._history_bytes -= steps[dropped].nbytes
            dropped += 1
        self._restack([(step.patch, step.text(), step.merge_key, step.models)
                       for step in steps[dropped:]], stack.cleanIndex() - dropped)

    def _restack(self, steps, clean):
        """Make the undo stack hold these steps (patch, text, merge key, models), with the saved
        state after the first ``clean`` of them (none when it is negative)."""
        # A QUndoStack cannot drop its oldest commands: its undo limit counts commands, not
        # bytes, and can only be set on an empty stack; an obsolete command would stay as an
        # Undo that does nothing. So the stack is cleared and the kept steps are pushed again,
        # as new commands holding the same patches (their first redo() shows nothing: the
        # scenario is the one after them already). Its signals are blocked meanwhile: to the
        # Undo and Redo actions and the window title nothing changed (the same last step,
        # nothing to redo, saved or not as before). Only the index moved.
        stack = self.undo_stack
        stack.blockSignals(True)
        try:
            stack.clear()
            for n, step in enumerate(steps):
                if n == clean:
                    stack.setClean()
                stack.push(ScenarioCommand(self, *step))
            if clean == len(steps):
                stack.setClean()
            elif clean < 0:
                stack.resetClean()
        finally:
            stack.blockSignals(False)
        stack.indexChanged.emit(stack.index())

    def set_cell(self, row, column, value):
        """Change one value of the selected model."""
        model = self._selection.model
        return self.edit(self.tr("Edit {name}").format(name=self._cell_name(row, column)),
                         edits.set_cell, row, column, value, model=model,
                         merge_key=("cell", model, row, column))

    # --- models: each one undo step -------------------------------------------------------

    def add_model(self, duplicate=None, name=None):
        """Add a model after the others and select it: a copy of model ``duplicate``'s rows
        (a teacher's "model 2"), or, when None, a model that knows nothing."""
        text = self.tr("Add a model") if duplicate is None else self.tr(
            "Duplicate model '{name}'").format(name=self._scenario.models[duplicate].name)
        # A new model's name in the interface's language, as an example's are ("模型 2").
        pattern = QCoreApplication.translate("example data", "Model {number}")
        return self.edit(text, edits.add_model, name=name, duplicate=duplicate,
                         pattern=pattern, selects=len(self._scenario.models))

    def rename_model(self, k, name):
        return self.edit(self.tr("Rename model '{old}' to '{new}'").format(
            old=self._scenario.models[k].name, new=name), edits.rename_model, k, name)

    def move_model(self, k, to):
        """Move model k to place ``to``; the selection stays on the model it was on."""
        order = list(range(len(self._scenario.models)))
        order.insert(to, order.pop(k))
        return self.edit(self.tr("Move model '{name}'").format(name=self._scenario.models[k].name),
                         edits.move_model, k, to, selects=order.index(self._selection.model))

    def remove_model(self, k):
        """Remove model k (the last one stays); the selection stays on the model it was on, or
        goes to the one that takes k's place."""
        selected = self._selection.model
        return self.edit(self.tr("Remove model '{name}'").format(
            name=self._scenario.models[k].name), edits.remove_model, k,
            selects=selected - 1 if selected > k else selected)

    def set_options(self, text, merge_key=None, refusal_to=None, **changes):
        return self.edit(text, edits.set_options, merge_key=merge_key, refusal_to=refusal_to,
                         **changes)

    def replace(self, scenario, path=None):
        """Start over with another scenario (a file opened, an example chosen): a new, clean
        undo history."""
        self.undo_stack.clear()
        self._history_bytes = 0
        self.path = path
        self._show(scenario)
        self.undo_stack.setClean()

    def _cell_name(self, row, column):
        name = f"{self._scenario.samples[row]} · {self._scenario.classes[column]}"
        if len(self._scenario.models) > 1:
            name = f"{self._scenario.models[self._selection.model].name} · {name}"
        return name

    def _show(self, scenario, model=None):
        # The only place the scenario changes: recompute once, then tell every view.
        self._scenario = scenario
        self._recompute(model)
        self.changed.emit(self._analysis, self._selection)

    def _recompute(self, model=None):
        """Analyse the scenario and select ``model`` (default: the one selected), both clamped.
        Given the analyses so far, only the models an edit changed are computed again, and of a
        large table only the rows it changed."""
        prepared, self._prepared = self._prepared, None
        if prepared is not None and prepared[0] is self._scenario:
            self._analyses = prepared[1]
        else:
            self._analyses = engine.analyze_models(self._scenario, previous=self._analyses)
        n_models, n_samples = len(self._scenario.models), len(self._scenario.samples)
        model = self._selection.model if model is None else model
        selection = Selection(sample=min(self._selection.sample, n_samples - 1),
                              model=max(0, min(model, n_models - 1)))
        if selection != self._selection:
            self._selection = selection
        self._analysis = self._shown_analysis(engine.Comparison(self._analyses))

    def prepare(self, scenario):
        """Analyse ``scenario`` now, ahead of the edit that will show it: that edit then only
        tells the views (Play prepares its next step while it waits for the tick). These are
        the very analyses the edit would make: the same call on the same scenario and the
        same analyses before it (anything else shown first discards them, and _recompute is
        where the analyses change)."""
        self._prepared = (scenario, engine.analyze_models(scenario, previous=self._analyses))

    def _shown_analysis(self, comparison):
        """The selected model's Analysis, carrying the comparison of every model."""
        return dataclasses.replace(comparison.analyses[self._selection.model],
                                   comparison=comparison)
