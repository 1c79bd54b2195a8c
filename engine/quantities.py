"""The numbers a lesson quotes and asks about, computed from a scenario, never typed in: a
:class:`Quantity` names one (the probability of a class, a sample's loss, H, KL, a library's
loss, a logit after training) and evaluates it; a :class:`Choice` computes the options of a
question and which one is right.

A spec is the plain data of a lesson file: ``{"quantity": "probability", "sample": "photo 1",
"class": "dog"}`` or ``{"choose": "lowest_loss_model"}``. Every quantity and choice also takes
``"model"`` (a model's name; needed when the scenario has several), ``"at"`` (options to change
first, as in a scenario file: ``{"temperature": 0.5}``) and ``"unit"`` (``"nats"`` or
``"bits"``: the same as ``"at": {"log_base": ...}``).
"""

import dataclasses
import math
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from .analysis import analyze
from .conventions import CONVENTIONS, batch_loss
from .scenario import Options, ScenarioError, _shown
from .training import train, train_pair

# quantity -> the fields it needs besides the common ones ("steps" and "lr" may be left out).
QUANTITIES = MappingProxyType({
    "probability": ("sample", "class"),
    "target": ("sample", "class"),
    "term": ("sample", "class"),
    "gradient": ("sample", "class"),
    "probability_ratio": ("sample", "class", "to_class"),
    "probability_sum": ("sample",),
    "sample_loss": ("sample",),
    "entropy": ("sample",),
    "kl": ("sample",),
    "cross_entropy": ("sample",),
    "batch_loss": (),
    "correct_count": (),
    "convention_loss": ("convention",),
    "trained_margin": ("sample", "form", "steps", "lr"),
    "trained_loss": ("steps", "lr"),
})
# choice -> the fields it takes besides the common ones.
CHOICES = MappingProxyType({
    "lowest_loss_model": (),
    "predicted_class": ("sample",),
    "highest_loss_sample": (),
    "lowest_loss_convention": (),
    "highest_loss_convention": (),
    "largest": ("options",),
    "smallest": ("options",),
})
COMMON_FIELDS = ("model", "at", "unit")
# A name left out is the only one there is; "class", "to_class", "convention", "form" and
# "options" are always needed.
OPTIONAL_FIELDS = ("sample", "steps", "lr")
UNITS = {"nats": "e", "bits": "2"}
FORMS = ("sigmoid", "softmax")
MAX_TRAINING_STEPS = 1000  # a lesson is read in a blink: its training runs are short
MAX_OPTIONS = 10
# Values within this relative distance of the best are a tie: no single right answer.
TIE_TOLERANCE = 1e-9
# What a question's answer can be read from while it is open (see engine.lessons.REVEALS).
_FROM_ANALYSIS = ("results", "comparison")
_REVEALS = {"convention_loss": _FROM_ANALYSIS + ("conventions",),
            "trained_margin": ("training",), "trained_loss": ("training",)}
# How a convention is named in a choice's options, in each language of a lesson.
CONVENTION_LABELS = MappingProxyType({
    "textbook": MappingProxyType({"en": "the textbook formula", "zh_CN": "教科书公式"}),
    "pytorch": MappingProxyType({"en": "PyTorch", "zh_CN": "PyTorch"}),
    "keras": MappingProxyType({"en": "Keras", "zh_CN": "Keras"}),
    "sklearn": MappingProxyType({"en": "scikit-learn", "zh_CN": "scikit-learn"}),
})


class QuantityError(ValueError):
    """A spec that cannot be computed. ``kind`` is a key, ``field`` the spec's field at fault
    (None: the spec as a whole), ``cause`` the ScenarioError behind it (or None), ``str()``
    the English message."""

    def __init__(self, kind, message, field=None, cause=None, **details):
        super().__init__(message)
        self.kind = kind
        self.field = field
        self.cause = cause
        self.details = details


@dataclass(frozen=True)
class Option:
    """One option of a choice: ``key`` (what :meth:`engine.lessons.Answer.is_right` takes: a
    model, class or sample name, a convention, or "1", "2", … for a lesson's own options) and
    ``label``, the text shown, by language (a name is the same in every language)."""

    key: str
    label: object


@dataclass(frozen=True, eq=False)
class Quantity:
    """A number computed from a scenario; see QUANTITIES. Fields the quantity does not take are
    None. ``at`` is a read-only mapping of option changes."""

    kind: str
    model: object = None
    sample: object = None
    class_name: object = None
    to_class: object = None
    convention: object = None
    form: object = None
    steps: int = 1
    lr: float = 1.0
    at: object = None  # a read-only mapping of option changes; None: none

    @property
    def reveals(self):
        """What the value can be read from (keys of engine.lessons.REVEALS)."""
        return _REVEALS.get(self.kind, _FROM_ANALYSIS)

    def value(self, scenario, cache=None):
        """The number, as a float (may be ±inf). ``cache``: a dict shared by the quantities of
        one scenario, so each setup is analysed once.

        Raises QuantityError (a name the scenario lacks, a loss a library cannot express, …) or
        ScenarioError (options out of range, a scenario that cannot be trained)."""
        setup = _Setup(scenario, self.model, self.at, cache)
        try:
            return float(_EVALUATE[self.kind](self, setup))
        except ScenarioError as error:  # e.g. a scenario that cannot be trained
            raise QuantityError(error.code, str(error), cause=error) from None


@dataclass(frozen=True, eq=False)
class Choice:
    """The options of a choice question and the right one, computed; see CHOICES. ``options``
    holds a lesson's own options, (label, Quantity) pairs, for "largest" and "smallest"."""

    kind: str
    model: object = None
    sample: object = None
    at: object = None  # a read-only mapping of option changes; None: none
    options: tuple = ()

    @property
    def reveals(self):
        if self.options:
            return tuple(dict.fromkeys(key for _, q in self.options for key in q.reveals))
        if self.kind.endswith("_convention"):
            return _REVEALS["convention_loss"]
        return _FROM_ANALYSIS

    def evaluate(self, scenario, cache=None):
        """(options, key of the right option). Raises QuantityError where there is no single
        right answer (a tie), or ScenarioError."""
        try:
            options, values = _CHOOSE[self.kind](self, scenario, cache)
        except ScenarioError as error:
            raise QuantityError(error.code, str(error), cause=error) from None
        if len(options) > MAX_OPTIONS:
            raise QuantityError("too_many_options", f"{len(options)} options are too many for a "
                                f"question (at most {MAX_OPTIONS})", count=len(options),
                                limit=MAX_OPTIONS)
        lowest = self.kind.startswith(("lowest", "smallest"))
        return options, options[_best(values, options, lowest)].key


# --- reading specs -----------------------------------------------------------------------------

def quantity(spec, *, extra=()):
    """The Quantity a spec describes; ``extra`` are fields the caller reads itself (e.g.
    "digits"), let through. Raises QuantityError naming the field at fault."""
    kind = _kind(spec, "quantity", QUANTITIES, extra)
    fields = QUANTITIES[kind]
    _check_fields(spec, ("quantity",) + fields + COMMON_FIELDS + tuple(extra),
                  [f for f in fields if f not in OPTIONAL_FIELDS])
    return Quantity(
        kind=kind, model=_optional_name(spec, "model"), sample=_optional_name(spec, "sample"),
        class_name=_optional_name(spec, "class"), to_class=_optional_name(spec, "to_class"),
        convention=_one_of(spec, "convention", CONVENTIONS),
        form=_one_of(spec, "form", FORMS), steps=_steps(spec), lr=_lr(spec), at=_at(spec))


def choice(spec):
    """The Choice a spec describes. Raises QuantityError naming the field at fault."""
    kind = _kind(spec, "choose", CHOICES)
    fields = CHOICES[kind]
    # Every model is compared, and each of a lesson's own options has its own setup.
    common = {"lowest_loss_model": ("at", "unit"), "largest": (), "smallest": ()}.get(
        kind, COMMON_FIELDS)
    _check_fields(spec, ("choose",) + fields + common,
                  [f for f in fields if f not in OPTIONAL_FIELDS])
    return Choice(kind=kind, model=_optional_name(spec, "model"),
                  sample=_optional_name(spec, "sample"), at=_at(spec),
                  options=_labelled_options(spec.get("options")) if "options" in fields else ())


def _kind(spec, key, kinds, extra=()):
    if not isinstance(spec, dict):
        raise QuantityError("not_object", f"must be an object with \"{key}\"")
    if key not in spec:
        raise QuantityError("missing_field", f"missing field '{key}' (one of "
                            f"{', '.join(kinds)})", field=key)
    kind = spec[key]
    if kind not in kinds:
        raise QuantityError("bad_choice", f"{_shown(kind)} is not one of {', '.join(kinds)}",
                            field=key, value=_shown(kind))
    return kind


def _check_fields(spec, known, required):
    unknown = sorted(set(spec) - set(known))
    if unknown:
        raise QuantityError("unknown_field", f"unknown field {_shown(unknown[0])} (this one "
                            f"takes {', '.join(known[1:])})", name=unknown[0])
    for name in required:
        if name not in spec:
            raise QuantityError("missing_field", f"missing field '{name}'", name=name)


def _optional_name(spec, key):
    value = spec.get(key)
    if value is not None and not isinstance(value, str):
        raise QuantityError("not_text", f"{_shown(value)} is not a name", field=key)
    return value


def _one_of(spec, key, choices):
    value = spec.get(key)
    if value is not None and value not in choices:
        raise QuantityError("bad_choice", f"{_shown(value)} is not one of {', '.join(choices)}",
                            field=key, value=_shown(value))
    return value


def _steps(spec):
    value = spec.get("steps", 1)
    if isinstance(value, bool) or not isinstance(value, int) or not (
            1 <= value <= MAX_TRAINING_STEPS):
        raise QuantityError("out_of_range", f"{_shown(value)} is not a whole number from 1 to "
                            f"{MAX_TRAINING_STEPS}", field="steps")
    return value


def _lr(spec):
    value = spec.get("lr", 1.0)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
            math.isfinite(value) and value > 0):
        raise QuantityError("out_of_range", f"{_shown(value)} is not a number above 0",
                            field="lr")
    return float(value)


def _at(spec):
    """The option changes of "at" and "unit", checked against engine.Options (values are
    checked when the options are made, at evaluation)."""
    at = spec.get("at", {})
    if not isinstance(at, dict):
        raise QuantityError("not_object", "must be an object of options, as a scenario file's "
                            "\"options\"", field="at")
    known = [f.name for f in dataclasses.fields(Options)]
    unknown = sorted(set(at) - set(known))
    if unknown:
        raise QuantityError("unknown_field", f"unknown option {_shown(unknown[0])} (the options "
                            f"are {', '.join(known)})", field="at")
    unit = spec.get("unit")
    if unit is not None:
        if unit not in UNITS:
            raise QuantityError("bad_choice", f"{_shown(unit)} is not one of nats, bits",
                                field="unit")
        if "log_base" in at and at["log_base"] != UNITS[unit]:
            raise QuantityError("conflict", "\"unit\" and \"at\": {\"log_base\"} disagree",
                                field="unit")
        at = {**at, "log_base": UNITS[unit]}
    return MappingProxyType(dict(at))


def _labelled_options(values):
    """The (label, Quantity) pairs of a lesson's own options; labels are checked by the
    caller (engine.lessons), which knows the languages."""
    if not isinstance(values, list) or not 2 <= len(values) <= MAX_OPTIONS:
        raise QuantityError("options", f"must be a list of 2 to {MAX_OPTIONS} options, each "
                            "{\"label\": {…}, \"quantity\": …}", field="options")
    pairs = []
    for k, value in enumerate(values):
        if not isinstance(value, dict) or "label" not in value:
            raise QuantityError("missing_field", f"option {k + 1} needs a \"label\"",
                                field=f"options[{k}].label")
        try:
            pairs.append((value["label"], quantity(value, extra=("label",))))
        except QuantityError as error:
            where = f"options[{k}]" + (f".{error.field}" if error.field else "")
            raise QuantityError(error.kind, str(error), field=where, cause=error.cause,
                                **error.details) from None
    return tuple(pairs)


# --- evaluating --------------------------------------------------------------------------------

class _Setup:
    """The scenario a spec is evaluated on: the named model's, with the option changes made;
    its analysis is computed once per setup and kept in ``cache``."""

    def __init__(self, scenario, model, at, cache):
        self.base = scenario
        self.model = model
        self.at = at
        self.cache = {} if cache is None else cache
        at = at or {}
        key = ("scenario", model, repr(sorted(at.items())))  # values may be lists
        if key not in self.cache:
            part = _model_scenario(scenario, model)
            try:
                self.cache[key] = _with_options(part, at)
            except ScenarioError as error:  # e.g. a temperature out of range
                raise QuantityError(error.code, str(error), field="at", cause=error) from None
        self.scenario = self.cache[key]
        self._key = key

    @property
    def analysis(self):
        key = ("analysis",) + self._key[1:]
        if key not in self.cache:
            self.cache[key] = analyze(self.scenario)
        return self.cache[key]

    def sample(self, name):
        return _index(self.scenario.samples, name, "sample", "samples")

    def class_index(self, name, field="class"):
        return _index(self.scenario.classes, name, field, "classes")


def _model_scenario(scenario, name):
    names = scenario.model_names
    if name is None:
        if len(names) > 1:
            raise QuantityError("model_needed", f"this scenario has {len(names)} models "
                                f"({_listed(names)}): say which with \"model\"", field="model")
        return scenario
    if name not in names:
        raise QuantityError("unknown_name", f"{_shown(name)} is not one of the models "
                            f"({_listed(names)})", field="model")
    return scenario.model_scenario(names.index(name))


def _with_options(scenario, at):
    if not at:
        return scenario
    return scenario.replace(options=dataclasses.replace(scenario.options, **at))


def _index(names, name, field, plural):
    if name is None:
        if len(names) > 1:
            raise QuantityError(f"{field}_needed", f"this scenario has {len(names)} {plural} "
                                f"({_listed(names)}): say which with \"{field}\"", field=field)
        return 0
    if name not in names:
        raise QuantityError("unknown_name", f"{_shown(name)} is not one of the {plural} "
                            f"({_listed(names)})", field=field)
    return names.index(name)


def _listed(names, most=8):
    shown = ", ".join(_shown(name) for name in names[:most])
    return shown + (f", … ({len(names)} in all)" if len(names) > most else "")


def _cell(array_name):
    def evaluate(q, setup):
        return getattr(setup.analysis, array_name)[setup.sample(q.sample),
                                                   setup.class_index(q.class_name)]
    return evaluate


def _per_sample(array_name):
    def evaluate(q, setup):
        return getattr(setup.analysis, array_name)[setup.sample(q.sample)]
    return evaluate


def _probability_ratio(q, setup):
    p = setup.analysis.probabilities[setup.sample(q.sample)]
    return p[setup.class_index(q.class_name)] / p[setup.class_index(q.to_class, "to_class")]


def _probability_sum(q, setup):
    return setup.analysis.probabilities[setup.sample(q.sample)].sum()


def _batch_loss(q, setup):
    loss = setup.analysis.loss
    if loss is None:
        raise QuantityError("no_loss", "no sample is counted, so there is no batch loss")
    return loss


def _correct_count(q, setup):
    return int(setup.analysis.correct.sum())


def _convention_loss(q, setup):
    result = batch_loss(setup.scenario, q.convention, analysis=setup.analysis)
    if not result.expressible:
        raise QuantityError("not_expressible", f"{CONVENTION_LABELS[q.convention]['en']} "
                            f"cannot compute this scenario's loss ({result.not_expressible})",
                            field="convention", reason=result.not_expressible)
    if result.loss is None:
        raise QuantityError("no_loss", "no sample is counted, so there is no batch loss")
    return result.loss


def _trained_margin(q, setup):
    pair = train_pair(setup.scenario, q.steps, q.lr)
    margins = pair.sigmoid_logits if q.form == "sigmoid" else pair.softmax_margins
    return margins[-1, setup.sample(q.sample)]


def _trained_loss(q, setup):
    return train(setup.scenario, q.steps, q.lr).losses[-1]


_EVALUATE = {
    "probability": _cell("probabilities"), "target": _cell("targets"), "term": _cell("terms"),
    "gradient": _cell("gradient"), "probability_ratio": _probability_ratio,
    "probability_sum": _probability_sum, "sample_loss": _per_sample("sample_loss"),
    "entropy": _per_sample("entropy"), "kl": _per_sample("kl"),
    "cross_entropy": _per_sample("cross_entropy"), "batch_loss": _batch_loss,
    "correct_count": _correct_count, "convention_loss": _convention_loss,
    "trained_margin": _trained_margin, "trained_loss": _trained_loss,
}


def _same_in_every_language(name):
    return MappingProxyType({"en": name, "zh_CN": name})


def _named_options(names):
    return tuple(Option(name, _same_in_every_language(name)) for name in names)


def _choose_model(c, scenario, cache):
    names = scenario.model_names
    if len(names) < 2:
        raise QuantityError("one_model", "this scenario has one model: there is nothing to "
                            "choose from")
    losses = []
    for name in names:
        analysis = _Setup(scenario, name, c.at, cache).analysis
        losses.append(math.nan if analysis.loss is None else analysis.loss)
    return _named_options(names), losses


def _choose_class(c, scenario, cache):
    setup = _Setup(scenario, c.model, c.at, cache)
    p = setup.analysis.probabilities[setup.sample(c.sample)]
    return _named_options(setup.scenario.classes), p


def _choose_sample(c, scenario, cache):
    setup = _Setup(scenario, c.model, c.at, cache)
    return _named_options(setup.scenario.samples), setup.analysis.sample_loss


def _choose_convention(c, scenario, cache):
    setup = _Setup(scenario, c.model, c.at, cache)
    options, losses = [], []
    for name in CONVENTIONS:
        result = batch_loss(setup.scenario, name, analysis=setup.analysis)
        if result.expressible and result.loss is not None:
            options.append(Option(name, CONVENTION_LABELS[name]))
            losses.append(result.loss)
    return tuple(options), losses


def _choose_quantity(c, scenario, cache):
    options = tuple(Option(str(k + 1), label) for k, (label, _) in enumerate(c.options))
    values = []
    for k, (_, q) in enumerate(c.options):
        try:
            values.append(q.value(scenario, cache))
        except QuantityError as error:
            where = f"options[{k}]" + (f".{error.field}" if error.field else "")
            raise QuantityError(error.kind, str(error), field=where, cause=error.cause,
                                **error.details) from None
    return options, values


_CHOOSE = {"lowest_loss_model": _choose_model, "predicted_class": _choose_class,
           "highest_loss_sample": _choose_sample, "lowest_loss_convention": _choose_convention,
           "highest_loss_convention": _choose_convention, "largest": _choose_quantity,
           "smallest": _choose_quantity}


def _best(values, options, lowest):
    """The index of the best value: the one right answer. Raises QuantityError for NaN or a
    tie (values within TIE_TOLERANCE of each other)."""
    values = np.asarray(values, dtype=np.float64)
    if np.isnan(values).any():
        k = int(np.flatnonzero(np.isnan(values))[0])
        raise QuantityError("no_answer", f"the value of {_shown(options[k].label['en'])} is not "
                            "a number, so there is no right answer")
    best = float(values.min() if lowest else values.max())
    if math.isinf(best):
        tied = np.flatnonzero(values == best)
    else:
        tied = np.flatnonzero(np.abs(values - best) <= TIE_TOLERANCE * max(abs(best), 1e-300))
    if len(tied) > 1:
        names = " and ".join(_shown(options[k].label["en"]) for k in tied[:3])
        raise QuantityError("tie", f"{names} tie at {best:.6g}: there is no single right answer")
    return int(tied[0])


def format_number(value, digits):
    """``value`` with ``digits`` decimals, a minus sign "−" and "∞" for infinity (the way lesson
    text shows numbers: the same in every language)."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    text = f"{value:.{digits}f}"
    return "−" + text[1:] if text.startswith("-") and text.strip("-0.") else text.lstrip("-")
