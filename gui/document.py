"""The Document: the single owner of the scenario being edited, its undo stack, file path and
"modified" state. Every edit is an undo command; every change recomputes one Analysis."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
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
    Document.changed, so no view asks the Document for it."""

    sample: int = 0


class ScenarioCommand(QUndoCommand):
    """One undo step: a Patch between the scenario before the edit and the one after it.

    Consecutive edits with the same ``merge_key`` (e.g. repeated edits of one cell, or a slider
    being dragged) make one undo step: Document.edit merges their patches into this one.
    """

    def __init__(self, document, patch, text, merge_key=None):
        super().__init__(text)
        self._document = document
        self.patch = patch
        self.merge_key = merge_key
        # push() calls redo() at once; the document shows the edit's scenario already.
        self._pushed = False

    @property
    def nbytes(self):
        return STEP_BYTES + self.patch.nbytes

    def redo(self):
        if self._pushed:
            self._document._show(self.patch.apply(self._document.scenario))
        self._pushed = True

    def undo(self):
        self._document._show(self.patch.revert(self._document.scenario))


class Document(QObject):
    """Signals
    -------
    ========================  ==================================================================
    changed(object, object)   (engine.Analysis, Selection): the one signal views listen to,
                              once per change of the scenario or of the selection
    editRefused(str)          an edit was invalid; the text says why (already translated)
    ========================  ==================================================================

    ``undo_stack.cleanChanged`` tells whether the document is saved.
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
        self._analysis = engine.analyze(scenario)
        self._selection = Selection()

    @property
    def scenario(self):
        return self._scenario

    @property
    def analysis(self):
        return self._analysis

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
        n = max(0, min(int(n), len(self._scenario.rows) - 1))
        if n != self._selection.sample:
            self._selection = Selection(sample=n)
            self.changed.emit(self._analysis, self._selection)

    def edit(self, text, change, *args, merge_key=None, refusal_to=None, **kwargs):
        """Apply ``change(scenario, *args, **kwargs)`` (an engine.edits function) as one undo
        step named ``text``. An invalid result is refused and nothing changes: the reason goes
        to ``refusal_to(text)`` when given (a control with its own message line), else to
        editRefused. Returns True when the edit was applied."""
        try:
            after = change(self._scenario, *args, **kwargs)
        except (ScenarioError, ValueError) as error:
            (refusal_to or self.editRefused.emit)(describe(error))
            return False
        patch = history.diff(self._scenario, after)
        if not patch:  # nothing changed, not even the sign of a zero
            return True
        if not self._merged(patch, after, merge_key):
            self._show(after)
            self._push(ScenarioCommand(self, patch, text, merge_key))
        return True

    def _merged(self, patch, after, merge_key):
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
        self._show(after)
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
        self._restack([(step.patch, step.text(), step.merge_key) for step in steps[dropped:]],
                      stack.cleanIndex() - dropped)

    def _restack(self, steps, clean):
        """Make the undo stack hold these steps (patch, text, merge key), with the saved state
        after the first ``clean`` of them (none when it is negative)."""
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
            for n, (patch, text, merge_key) in enumerate(steps):
                if n == clean:
                    stack.setClean()
                stack.push(ScenarioCommand(self, patch, text, merge_key))
            if clean == len(steps):
                stack.setClean()
            elif clean < 0:
                stack.resetClean()
        finally:
            stack.blockSignals(False)
        stack.indexChanged.emit(stack.index())

    def set_cell(self, row, column, value):
        return self.edit(self.tr("Edit {name}").format(name=self._cell_name(row, column)),
                         edits.set_cell, row, column, value, merge_key=("cell", row, column))

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
        return f"{self._scenario.samples[row]} · {self._scenario.classes[column]}"

    def _show(self, scenario):
        # The only place the scenario changes: recompute once, then tell every view. Given the
        # analysis shown so far, a cell edit in a large table recomputes only its own row.
        self._scenario = scenario
        self._analysis = engine.analyze(scenario, previous=self._analysis)
        if self._selection.sample >= len(scenario.rows):
            self._selection = Selection(sample=len(scenario.rows) - 1)
        self.changed.emit(self._analysis, self._selection)
