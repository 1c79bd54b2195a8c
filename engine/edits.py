"""Edits a user makes, as pure functions Scenario -> new Scenario (the GUI wraps each in an undo
command). Every function validates by building the new Scenario; an invalid edit raises
ScenarioError and the old Scenario stays as it was."""

import dataclasses

import numpy as np

from .activations import scale_logits, sigmoid, softmax
from .curves import logits_from_probabilities
from .scenario import ScenarioError



def set_cell(scenario, row, column, value):
    """The scenario with one logit (or probability) changed."""
    return set_block(scenario, row, column, [[value]])


def set_block(scenario, top, left, block):
    """Write a rectangular block of values at (top, left), clipped to the table (a paste)."""
    rows = np.array(scenario.rows)
    block = np.asarray(block, dtype=np.float64)
    height = min(block.shape[0], rows.shape[0] - top)
    width = min(block.shape[1], rows.shape[1] - left)
    rows[top:top + height, left:left + width] = block[:height, :width]
    rows.flags.writeable = False  # handed over as it is: the new scenario need not copy it
    return scenario.replace(rows=rows)


def set_target(scenario, row, target):
    """Set one sample's target: a class index (index targets) or a target row."""
    targets = np.array(scenario.targets)
    targets[row] = target
    return scenario.replace(targets=targets)


def set_target_value(scenario, row, column, value):
    r"""Set one class's entry of a sample's target row (a label in sigmoid mode, a soft target
    in softmax mode).

    In softmax mode the row must stay a distribution, so the other classes share the rest in
    their old proportions, :math:`q_k \leftarrow (1 - v)\, q_k / \sum_{j \ne c} q_j`
    (equally when they had no mass). A value outside [0, 1] is left for validation to refuse.
    """
    targets = np.array(scenario.targets, dtype=np.float64)
    target = targets[row]
    others = np.arange(len(target)) != column
    if scenario.mode == "softmax" and others.any() and 0.0 <= value <= 1.0:
        rest = target[others].sum()
        share = target[others] / rest if rest > 0 else np.full(others.sum(), 1.0 / others.sum())
        target[others] = (1.0 - value) * share
    target[column] = value
    return scenario.replace(targets=targets)


def set_options(scenario, **changes):
    """The scenario with some options changed (names as in :class:`engine.Options`)."""
    return scenario.replace(options=dataclasses.replace(scenario.options, **changes))


def add_row(scenario, at=None, name=None):
    """Insert a sample (a copy of its neighbour's values, so the new row is plausible)."""
    at = len(scenario.rows) if at is None else at
    source = min(max(at - 1, 0), len(scenario.rows) - 1)
    rows = np.insert(scenario.rows, at, scenario.rows[source], axis=0)
    targets = np.insert(scenario.targets, at, scenario.targets[source], axis=0)
    samples = list(scenario.samples)
    samples.insert(at, name or _new_name(samples, "#", len(rows)))
    return scenario.replace(rows=rows, targets=targets, samples=tuple(samples))


def remove_rows(scenario, indices):
    """Remove samples; at least one must stay."""
    keep = [n for n in range(len(scenario.rows)) if n not in set(indices)]
    return scenario.replace(rows=scenario.rows[keep], targets=scenario.targets[keep],
                            samples=tuple(scenario.samples[n] for n in keep))


def rename_sample(scenario, row, name):
    samples = list(scenario.samples)
    samples[row] = name
    return scenario.replace(samples=tuple(samples))


def add_class(scenario, at=None, name=None):
    """Insert a class with logit 0 (probability 0 for probability input) and no target mass."""
    at = scenario.rows.shape[1] if at is None else at
    classes = list(scenario.classes)
    classes.insert(at, name or _new_name(classes, "class ", len(classes) + 1))
    fill = 0.0
    rows = np.insert(scenario.rows, at, fill, axis=1)
    targets = scenario.targets
    if scenario.target_kind == "index":
        targets = np.where((targets >= at) & (targets != scenario.options.ignore_index),
                           targets + 1, targets)
    else:
        targets = np.insert(targets, at, 0.0, axis=1)
    return scenario.replace(classes=tuple(classes), rows=rows, targets=targets,
                            options=_per_class_options(scenario.options, np.insert, at, 1.0))


def remove_class(scenario, column):
    """Remove a class. Samples whose true class it was move to class 0; a soft target row is
    renormalised. The last class cannot be removed."""
    if len(scenario.classes) == 1:
        raise ScenarioError("last_class", "the last class cannot be removed", field="classes")
    classes = [c for i, c in enumerate(scenario.classes) if i != column]
    rows = np.delete(scenario.rows, column, axis=1)
    targets = scenario.targets
    if scenario.target_kind == "index":
        ignored = targets == scenario.options.ignore_index
        targets = np.where(targets == column, 0, np.where(targets > column, targets - 1, targets))
        targets = np.where(ignored, scenario.options.ignore_index, targets)
    else:
        targets = np.delete(targets, column, axis=1)
        if scenario.mode == "softmax":
            targets = _renormalised(targets)
    return scenario.replace(classes=tuple(classes), rows=rows, targets=targets,
                            options=_per_class_options(scenario.options, np.delete, column))


def rename_class(scenario, column, name):
    classes = list(scenario.classes)
    classes[column] = name
    return scenario.replace(classes=tuple(classes))


def convert_mode(scenario, mode):
    """Switch softmax ↔ sigmoid. The logits stay; targets are converted: a class index becomes
    a one-hot label row, label rows become a distribution (one-hot rows become indices)."""
    if mode == scenario.mode:
        return scenario
    if mode == "sigmoid":
        targets = index_to_rows(scenario) if scenario.target_kind == "index" else scenario.targets
        return scenario.replace(mode=mode, targets=targets)
    targets = _renormalised(scenario.targets)
    return rows_to_index(scenario.replace(mode=mode, targets=targets), only_if_one_hot=True)


def convert_input(scenario, kind):
    """Switch logits ↔ probabilities, converting the values so the outputs stay the same."""
    if kind == scenario.input:
        return scenario
    if kind == "probabilities":
        # Probabilities carry the temperature in them, so it is reset to 1.
        logits = scale_logits(scenario.rows, scenario.options.temperature)
        rows = softmax(logits) if scenario.mode == "softmax" else sigmoid(logits)
        return scenario.replace(input=kind, rows=rows,
                                options=set_options(scenario, temperature=1.0).options)
    return scenario.replace(input=kind, rows=logits_from_probabilities(scenario.rows,
                                                                        scenario.mode))


def convert_target_kind(scenario, kind):
    """Switch softmax targets between class indices and distribution rows."""
    if kind == scenario.target_kind:
        return scenario
    if kind == "distribution":
        return scenario.replace(targets=index_to_rows(scenario))
    return rows_to_index(scenario)


def normalize_rows(scenario, rows=None):
    """Divide probability rows by their sums so each sums to 1 (all rows, or the given ones)."""
    values = np.array(scenario.rows)
    chosen = range(len(values)) if rows is None else rows
    for n in chosen:
        total = values[n].sum()
        values[n] = values[n] / total if total > 0 else 1.0 / values.shape[1]
    return scenario.replace(rows=values)


def row_sums_off(scenario, tolerance=1e-6):
    """Indices of probability rows that do not sum to 1 (in softmax mode; else none)."""
    if scenario.input != "probabilities" or scenario.mode != "softmax":
        return []
    return np.flatnonzero(np.abs(scenario.rows.sum(axis=1) - 1.0) > tolerance).tolist()


def index_to_rows(scenario):
    """Class-index targets as one-hot rows (an ignored sample becomes an all-zero row in sigmoid
    mode, a uniform row in softmax mode)."""
    n_rows, n_classes = scenario.rows.shape
    rows = np.zeros((n_rows, n_classes))
    for n, target in enumerate(scenario.targets):
        if target == scenario.options.ignore_index:
            rows[n] = 0.0 if scenario.mode == "sigmoid" else 1.0 / n_classes
        else:
            rows[n, target] = 1.0
    return rows


def rows_to_index(scenario, only_if_one_hot=False):
    """Target rows as class indices (each row's most likely class)."""
    rows = scenario.targets
    if only_if_one_hot and not np.all(np.isin(rows, (0.0, 1.0)) & (rows.sum(axis=1, keepdims=True) == 1)):
        return scenario
    return scenario.replace(targets=np.argmax(rows, axis=1).astype(np.int64))


def _renormalised(targets):
    targets = np.array(targets, dtype=np.float64)
    sums = targets.sum(axis=1, keepdims=True)
    uniform = np.full_like(targets, 1.0 / targets.shape[1])
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sums > 0, targets / sums, uniform)


def _per_class_options(options, operation, at, *fill):
    changes = {}
    for name in ("class_weights", "pos_weight"):
        values = getattr(options, name)
        if values is not None:
            changes[name] = tuple(operation(np.array(values), at, *fill).tolist())
    return dataclasses.replace(options, **changes)


def _new_name(existing, prefix, number):
    while f"{prefix}{number}" in existing:
        number += 1
    return f"{prefix}{number}"
