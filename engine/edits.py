"""Edits a user makes, as pure functions Scenario -> new Scenario (the GUI wraps each in an undo
command). Every function validates by building the new Scenario; an invalid edit raises
ScenarioError and the old Scenario stays as it was.

A scenario may hold several models. Edits of values take the model (``model=k``, 0 by default);
edits of the shared setup (samples, classes, mode, input, targets, options) apply to every
model; the model edits add, duplicate, rename, move and remove models."""

import dataclasses
import functools

import numpy as np

from .activations import scale_logits, sigmoid, softmax
from .curves import logits_from_probabilities
from .losses import mean_divisor
from .scenario import DEFAULT_MODEL_NAME, PROBABILITY_SUM_TOLERANCE, Model, ScenarioError

_FLOAT_MAX = np.finfo(np.float64).max


def every_model(edit):
    """Make ``edit``, written for a one-model scenario, apply to every model of a scenario: it
    runs on each model's one-model scenario, and the models keep their names and get its rows;
    everything else is that of the first model's result (the same for each: it depends on the
    shared setup alone)."""

    @functools.wraps(edit)
    def each(scenario, *args, **kwargs):
        if len(scenario.models) == 1:
            return edit(scenario, *args, **kwargs)
        results = [edit(scenario.model_scenario(k), *args, **kwargs)
                   for k in range(len(scenario.models))]
        return results[0].replace(models=tuple(result.models[0] for result in results))

    return each


def set_cell(scenario, row, column, value, model=0):
    """The scenario with one logit (or probability) of model ``model`` changed."""
    return set_block(scenario, row, column, [[value]], model=model)


def set_block(scenario, top, left, block, model=0):
    """Write a rectangular block of values into model ``model``'s rows at (top, left), clipped
    to the table (a paste)."""
    rows = np.array(scenario.models[model].rows)
    block = np.asarray(block, dtype=np.float64)
    height = min(block.shape[0], rows.shape[0] - top)
    width = min(block.shape[1], rows.shape[1] - left)
    rows[top:top + height, left:left + width] = block[:height, :width]
    rows.flags.writeable = False  # handed over as it is: the new scenario need not copy it
    return _with_model(scenario, model, rows=rows)


# --- models ------------------------------------------------------------------------------

def add_model(scenario, name=None, duplicate=None, at=None, pattern="Model {number}"):
    """Insert a model at index ``at`` (default: last), named ``name`` (default: ``pattern``
    with the first number from k, the new model's, that makes a name not taken: "Model k").
    With ``duplicate=k`` it starts as a copy of model k's rows (a teacher's "model 2"); else as
    a model that knows nothing: every class equally likely (logits 0; probabilities 1/C in
    softmax mode, 1/2 in sigmoid mode). A lone model with the default name, shown nowhere until
    now, is named after ``pattern`` too ("模型 1")."""
    models = list(scenario.models)
    if scenario.model_names == (DEFAULT_MODEL_NAME,):
        models[0] = Model(pattern.format(number=1), models[0].rows)
    at = len(models) if at is None else at
    if duplicate is not None:
        rows = models[duplicate].rows
    elif scenario.input == "logits":
        rows = np.zeros(scenario.shape)
    else:
        rows = np.full(scenario.shape, 0.5 if scenario.mode == "sigmoid"
                       else 1.0 / len(scenario.classes))
    if name is None:
        name = _new_name([model.name for model in models], pattern, len(models) + 1)
    models.insert(at, Model(name, rows))
    return scenario.replace(models=tuple(models))


def rename_model(scenario, model, name):
    return _with_model(scenario, model, name=name)


def move_model(scenario, model, to):
    """Move model ``model`` to index ``to``; the others keep their order."""
    models = list(scenario.models)
    models.insert(to, models.pop(model))
    return scenario.replace(models=tuple(models))


def remove_model(scenario, model):
    """Remove a model; the last one cannot be removed."""
    if len(scenario.models) == 1:
        raise ScenarioError("last_model", "the last model cannot be removed", field="models")
    return scenario.replace(models=scenario.models[:model] + scenario.models[model + 1:])


def _with_model(scenario, k, **changes):
    """The scenario with model k's name or rows changed; the other models stay the very same
    objects (so undo and analyze_models see at once that they did not change)."""
    models = list(scenario.models)
    models[k] = dataclasses.replace(models[k], **changes)
    return scenario.replace(models=tuple(models))


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


@every_model
def add_row(scenario, at=None, name=None):
    """Insert a sample (a copy of its neighbour's values, so the new row is plausible)."""
    at = len(scenario.rows) if at is None else at
    source = min(max(at - 1, 0), len(scenario.rows) - 1)
    rows = np.insert(scenario.rows, at, scenario.rows[source], axis=0)
    targets = np.insert(scenario.targets, at, scenario.targets[source], axis=0)
    samples = list(scenario.samples)
    samples.insert(at, name or _new_name(samples, "#{number}", len(rows)))
    return scenario.replace(rows=rows, targets=targets, samples=tuple(samples))


@every_model
def remove_rows(scenario, indices):
    """Remove samples; at least one must stay."""
    keep = [n for n in range(len(scenario.rows)) if n not in set(indices)]
    return scenario.replace(rows=scenario.rows[keep], targets=scenario.targets[keep],
                            samples=tuple(scenario.samples[n] for n in keep))


def rename_sample(scenario, row, name):
    samples = list(scenario.samples)
    samples[row] = name
    return scenario.replace(samples=tuple(samples))


@every_model
def add_class(scenario, at=None, name=None):
    """Insert a class with logit 0 (probability 0 for probability input) and no target mass."""
    at = scenario.rows.shape[1] if at is None else at
    classes = list(scenario.classes)
    classes.insert(at, name or _new_name(classes, "class {number}", len(classes) + 1))
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


@every_model
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
    """Switch softmax ↔ sigmoid: :func:`switch_mode`'s scenario, without its notes."""
    return switch_mode(scenario, mode).scenario


@dataclasses.dataclass(frozen=True, eq=False)
class ModeSwitch:
    """What :func:`switch_mode` made: the new ``scenario``, and ``notes``, a tuple of
    ``(key, details)`` saying what it did that changes the meaning or the loss. ``details`` are
    plain numbers, lists and names (rows and classes counted from 0); the GUI words them."""

    scenario: object
    notes: tuple = ()


def switch_mode(scenario, mode, *, negative_name="not {name}"):
    r"""Switch softmax ↔ sigmoid, keeping the loss wherever the other mode can say the same.

    - one-label sigmoid → two-class softmax (``"binary_as_two_class"``): classes
      (``negative_name.format(name=X)``, X), logits :math:`(0, z)` since
      :math:`\sigma(z) = \operatorname{softmax}(0, z)_1` (probabilities :math:`(1-p, p)`),
      label y → class index y (0 or 1) or the soft target :math:`(1-y, y)`. A label weight w
      and ``pos_weight`` :math:`\text{pw}` become the class weights :math:`(w, w\,\text{pw})`:
      then :math:`-w[\text{pw}\,y\ln p + (1-y)\ln(1-p)]` is the same term. Same loss, and
      switching back gives the scenario back.
    - two-class softmax → one-label sigmoid (``"two_class_as_binary"``): the logit
      :math:`z_1 - z_0` (:math:`\sigma(z_1 - z_0) = \operatorname{softmax}(z_0, z_1)_1`), the label
      :math:`q_1` (label smoothing folded in), class weights :math:`(w_0, w_1)` → weight
      :math:`w_0` and ``pos_weight`` :math:`w_1/w_0`. Same loss, except where the notes say.
    - several labels → softmax: each label row is divided by its sum (no label: uniform);
      one-hot rows become class indices.
    - softmax (not two classes) → sigmoid: a class index becomes a one-hot label row.

    Options that neither case maps stay as they are. A weight of 1 is written as no weight.

    Parameters
    ----------
    scenario : engine.Scenario
    mode : {"softmax", "sigmoid"}
    negative_name : str
        Makes the name of the "not X" class from X's name (``{name}``); the GUI passes its
        translation.

    Returns
    -------
    ModeSwitch
        Note keys and details: ``binary_as_two_class`` {name, negative_class, positive_class},
        ``weights_as_class_weights`` {class_weights}, ``targets_as_rows`` {reason:
        "weighted_mean" | "ignore_index"}, ``label_smoothing_off`` {label_smoothing};
        ``two_class_as_binary`` {name, dropped}, ``logits_as_difference`` {rows},
        ``first_probability_dropped`` {rows}, ``label_smoothing_in_labels`` {label_smoothing},
        ``weights_as_pos_weight`` {class_weights, pos_weight}, ``class_weights_dropped``
        {class_weights}, ``ignored_samples_counted`` {rows}, ``mean_divisor_changed`` {before,
        after}; ``targets_normalised`` {rows}, ``targets_uniform`` {rows}, ``pos_weight_unused``
        {pos_weight}; ``distribution_as_labels`` {rows}, ``label_smoothing_unused``
        {label_smoothing}.

        With several models each model's rows are switched alike; a note about some rows
        lists the rows of every model it applies to.
    """
    if mode == scenario.mode:
        return ModeSwitch(scenario)
    if len(scenario.models) > 1:
        switches = [switch_mode(scenario.model_scenario(k), mode, negative_name=negative_name)
                    for k in range(len(scenario.models))]
        new = switches[0].scenario.replace(models=tuple(switch.scenario.models[0]
                                                        for switch in switches))
        return ModeSwitch(new, _merged_notes(switch.notes for switch in switches))
    n_classes = len(scenario.classes)
    if mode == "softmax":
        if n_classes == 1:
            return _binary_to_two_class(scenario, negative_name)
        return _labels_to_softmax(scenario)
    if n_classes == 2:
        return _two_class_to_binary(scenario, mode)
    return _softmax_to_labels(scenario, mode)


def _merged_notes(each_models_notes):
    """The notes of several models' switches as one: the first model's, with the rows of a
    note another model has too added to it, and the notes only another model has after them."""
    merged = {}
    for notes in each_models_notes:
        for key, details in notes:
            if key not in merged:
                merged[key] = dict(details)
            elif "rows" in details:
                merged[key]["rows"] = sorted(set(merged[key]["rows"]) | set(details["rows"]))
    return tuple(merged.items())


def _binary_to_two_class(scenario, negative_name):
    options = scenario.options
    name = scenario.classes[0]
    column = scenario.rows[:, 0]
    first = np.zeros_like(column) if scenario.input == "logits" else 1.0 - column
    notes = [("binary_as_two_class", {"name": name, "negative_class": 0, "positive_class": 1})]
    weights = _two_class_weights(options)
    if weights is not None:
        notes.append(("weights_as_class_weights", {"class_weights": list(weights)}))
    targets, reason = _two_class_targets(scenario.targets[:, 0], weights, options)
    if reason:
        notes.append(("targets_as_rows", {"reason": reason}))
    if options.label_smoothing:  # unused by sigmoid; softmax would start to smooth
        notes.append(("label_smoothing_off", {"label_smoothing": options.label_smoothing}))
    new = scenario.replace(
        mode="softmax", classes=(negative_name.format(name=name), name),
        rows=np.stack([first, column], axis=1), targets=targets,
        options=dataclasses.replace(options, class_weights=weights, pos_weight=None,
                                    label_smoothing=0.0))
    return ModeSwitch(new, tuple(notes))


def _two_class_weights(options):
    """(w, w · pos_weight) for a label's weight and pos_weight; None when it has neither."""
    if options.class_weights is None and options.pos_weight is None:
        return None
    weight = 1.0 if options.class_weights is None else options.class_weights[0]
    pos_weight = 1.0 if options.pos_weight is None else options.pos_weight[0]
    return (weight, weight * pos_weight)


def _two_class_targets(labels, weights, options):
    """Class indices for 0/1 labels, else the rows (1 - y, y); with the reason for rows where
    indices would change the loss: "mean" divides by the summed weights of index targets (by N
    for rows, as sigmoid does), and an ignore_index of 0 or 1 would leave samples out."""
    rows = np.stack([1.0 - labels, labels], axis=1)
    if not np.isin(labels, (0.0, 1.0)).all():
        return rows, None
    index = labels.astype(np.int64)
    if options.ignore_index in (0, 1):
        return rows, "ignore_index"
    if (options.reduction == "mean" and weights is not None
            and np.asarray(weights)[index].sum() != len(index)):
        return rows, "weighted_mean"
    return index, None


def _two_class_to_binary(scenario, mode):
    options = scenario.options
    negative, positive = scenario.classes
    notes = [("two_class_as_binary", {"name": positive, "dropped": negative})]
    if scenario.input == "logits":
        with np.errstate(over="ignore"):
            logit = np.clip(scenario.rows[:, 1] - scenario.rows[:, 0], -_FLOAT_MAX, _FLOAT_MAX)
        changed = np.flatnonzero(scenario.rows[:, 0] != 0)
        if changed.size:
            notes.append(("logits_as_difference", {"rows": changed.tolist()}))
    else:
        logit = scenario.rows[:, 1]
        off = np.flatnonzero(np.abs(scenario.rows.sum(axis=1) - 1.0) > PROBABILITY_SUM_TOLERANCE)
        if off.size:
            notes.append(("first_probability_dropped", {"rows": off.tolist()}))
    labels = _binary_labels(scenario, notes)
    weight, pos_weight = _binary_weights(options.class_weights, notes)
    _note_mean_divisor(scenario, notes)
    new = scenario.replace(
        mode=mode, classes=(positive,), rows=logit[:, np.newaxis], targets=labels[:, np.newaxis],
        options=dataclasses.replace(options, class_weights=weight, pos_weight=pos_weight,
                                    label_smoothing=0.0))
    return ModeSwitch(new, tuple(notes))


def _binary_labels(scenario, notes):
    """The label q₁ of each sample's (smoothed) two-class target; an ignored sample gets 0."""
    options = scenario.options
    targets = scenario.targets
    if scenario.target_kind == "index":
        ignored = targets == options.ignore_index
        labels = (targets == 1).astype(np.float64)
        if ignored.any():
            notes.append(("ignored_samples_counted", {"rows": np.flatnonzero(ignored).tolist()}))
    else:
        ignored = np.zeros(len(targets), dtype=bool)
        labels = np.array(targets[:, 1], dtype=np.float64)
    eps = options.label_smoothing
    if eps:
        labels = labels * (1.0 - eps) + eps / 2  # PyTorch's q = (1 - ε) y + ε / C
        labels[ignored] = 0.0
        notes.append(("label_smoothing_in_labels", {"label_smoothing": eps}))
    return labels


def _binary_weights(class_weights, notes):
    """(weight, pos_weight) of the label for class weights (w₀, w₁): (w₀,), (w₁ / w₀,)."""
    if class_weights is None:
        return None, None
    w0, w1 = class_weights
    if w0 == 0:
        if w1 == 0:
            return (0.0,), None
        notes.append(("class_weights_dropped", {"class_weights": [w0, w1]}))
        return None, None
    with np.errstate(over="ignore"):
        ratio = float(np.float64(w1) / w0)
    if not np.isfinite(ratio):
        notes.append(("class_weights_dropped", {"class_weights": [w0, w1]}))
        return None, None
    weight = None if w0 == 1 else (w0,)
    pos_weight = None if ratio == 1 else (ratio,)
    notes.append(("weights_as_pos_weight", {"class_weights": [w0, w1],
                                            "pos_weight": [ratio]}))
    return weight, pos_weight


def _note_mean_divisor(scenario, notes):
    """"mean" divides a sigmoid loss by N; a softmax one over class indices by the summed weights
    of the counted samples. Note when they differ (the loss then changes by their ratio)."""
    options = scenario.options
    if options.reduction != "mean" or scenario.target_kind != "index":
        return
    ignored = scenario.targets == options.ignore_index
    weights = np.ones(2) if options.class_weights is None else np.asarray(options.class_weights)
    before = mean_divisor(scenario.targets, weights, ignored)
    after = float(len(scenario.targets))
    if before != after:
        notes.append(("mean_divisor_changed", {"before": before, "after": after}))


def _labels_to_softmax(scenario):
    sums = scenario.targets.sum(axis=1)
    notes = []
    normalised = np.flatnonzero((sums > 0) & (np.abs(sums - 1.0) > PROBABILITY_SUM_TOLERANCE))
    if normalised.size:
        notes.append(("targets_normalised", {"rows": normalised.tolist()}))
    if (sums == 0).any():
        notes.append(("targets_uniform", {"rows": np.flatnonzero(sums == 0).tolist()}))
    if scenario.options.pos_weight is not None:
        notes.append(("pos_weight_unused", {"pos_weight": list(scenario.options.pos_weight)}))
    new = scenario.replace(mode="softmax", targets=_renormalised(scenario.targets))
    return ModeSwitch(rows_to_index(new, only_if_one_hot=True), tuple(notes))


def _softmax_to_labels(scenario, mode):
    notes = []
    targets = scenario.targets
    if scenario.target_kind == "index":
        ignored = np.flatnonzero(targets == scenario.options.ignore_index)
        if ignored.size:
            notes.append(("ignored_samples_counted", {"rows": ignored.tolist()}))
        targets = index_to_rows(scenario)
        targets[ignored] = 0.0  # no label rather than softmax's uniform row
    else:
        one_hot = np.isin(targets, (0.0, 1.0)).all(axis=1) & (targets.sum(axis=1) == 1)
        if not one_hot.all():
            notes.append(("distribution_as_labels", {"rows": np.flatnonzero(~one_hot).tolist()}))
    if scenario.options.label_smoothing:
        notes.append(("label_smoothing_unused",
                      {"label_smoothing": scenario.options.label_smoothing}))
    return ModeSwitch(scenario.replace(mode=mode, targets=targets), tuple(notes))


@every_model
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


def normalize_rows(scenario, rows=None, model=None):
    """Divide probability rows by their sums so each sums to 1 (all rows, or the given ones) in
    model ``model``, or in every model when it is None."""
    if model is None:
        return every_model(normalize_rows)(scenario, rows, model=0)
    values = np.array(scenario.models[model].rows)
    chosen = range(len(values)) if rows is None else rows
    for n in chosen:
        total = values[n].sum()
        values[n] = values[n] / total if total > 0 else 1.0 / values.shape[1]
    return _with_model(scenario, model, rows=values)


def row_sums_off(scenario, tolerance=1e-6, model=0):
    """Indices of model ``model``'s probability rows that do not sum to 1 (in softmax mode; else
    none)."""
    if scenario.input != "probabilities" or scenario.mode != "softmax":
        return []
    rows = scenario.models[model].rows
    return np.flatnonzero(np.abs(rows.sum(axis=1) - 1.0) > tolerance).tolist()


def index_to_rows(scenario):
    """Class-index targets as one-hot rows (an ignored sample becomes an all-zero row in sigmoid
    mode, a uniform row in softmax mode)."""
    n_rows, n_classes = scenario.shape
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


def _new_name(existing, pattern, number):
    """``pattern`` ("class {number}") with the first number from ``number`` on that makes a
    name not in ``existing``."""
    while pattern.format(number=number) in existing:
        number += 1
    return pattern.format(number=number)
