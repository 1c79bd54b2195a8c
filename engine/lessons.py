"""Lessons: steps a teacher writes in a JSON file, each with bilingual text, the scenario it
loads, the views it brings forward and optionally a question whose answer the engine computes
from that scenario. :func:`read_lesson` reads and validates a lesson; the GUI shows it.

Keys the GUI maps to its own widgets and words:

VIEWS (what a step brings forward)
    ``inputs`` the input table (logits or probabilities, targets); ``options`` the options
    panel; ``results`` the results tables; ``math`` "Show the math"; ``plots.logits``,
    ``plots.probabilities``, ``plots.terms``, ``plots.gradient``, ``plots.nll``,
    ``plots.sigmoid``, ``plots.sweep`` the plots; ``compare`` the models side by side;
    ``learn`` the gradient steps (training) panel; ``softmax_sigmoid`` a binary problem as
    sigmoid and as two-class softmax; ``conventions`` the libraries' losses; ``code`` Copy as
    code.
REVEALS (what gives an open question's answer away, to be hidden until it is answered)
    ``results`` every number computed from the scenario outside the inputs: the results
    tables, the plots but the logits, the math, the status bar; ``comparison`` the models'
    losses side by side; ``conventions`` the libraries' losses (and the values the code panel
    prints); ``training`` the training panel's runs.
"""

import dataclasses
import json
import math
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from types import MappingProxyType

from . import lesson_text, quantities
from .lesson_text import TextError
from .quantities import Option, QuantityError, format_number  # noqa: F401 (Option: an Answer's)
from .scenario import (MAX_TITLE_CHARS, Options, Scenario, ScenarioError, _shown,
                       from_dict as scenario_from_dict, from_json as scenario_from_json,
                       parse_json, to_dict as scenario_to_dict)

FORMAT = "logit-lab-lesson"
VERSION = 1
LANGUAGES = ("en", "zh_CN")
VIEWS = ("inputs", "options", "results", "math", "plots.logits", "plots.probabilities",
         "plots.terms", "plots.gradient", "plots.nll", "plots.sigmoid", "plots.sweep", "compare",
         "learn", "softmax_sigmoid", "conventions", "code")
REVEALS = ("results", "comparison", "conventions", "training")
MAX_LESSON_CHARS = 4 * 2**20  # a lesson is text and a few small tables
MAX_STEPS = 100
MAX_TEXT_CHARS = 5000  # a step's text in one language (before its numbers are filled in)
MAX_QUESTION_CHARS = 1000  # a question, or its explanation, in one language
MAX_VALUES = 20  # named numbers a step computes for its text
MAX_DIGITS = 16  # a float64 prints exactly with at most 17 significant digits
VALUE_DIGITS = 4  # decimals of a step's number unless it says "digits"
QUESTION_DIGITS = 2  # decimals a number answer must be right to unless it says otherwise
SHOWN_DIGITS = 4  # at least this many decimals when the answer is revealed
ANSWER_NAME = "value"  # the placeholder of the answer in a question's "why"
# The title of a step made from a scenario ("New lesson from here"), in each language.
STEP_TITLE = MappingProxyType({"en": "Step {number}", "zh_CN": "第 {number} 步"})

_LESSON_FIELDS = ("format", "version", "title", "description", "steps")
_STEP_FIELDS = ("title", "text", "example", "scenario", "options", "views", "values",
                "question")
_QUESTION_FIELDS = ("text", "number", "choice", "digits", "relative", "why")


class LessonError(ScenarioError):
    """An invalid lesson. ``str()`` is one English line naming the step (1-based), the field
    and the problem: "step 3: question.number.class: 'dgo' is not one of the classes (…)".

    Attributes: ``code`` "lesson"; ``step`` (None: the lesson's own fields), ``field`` (a path
    in the step, e.g. "values.loss.sample", or None), ``line`` (in a text, or None),
    ``problem`` (the message without the place), ``cause`` (the ScenarioError of a step's
    scenario, for a translated message, or None); ``details["kind"]`` says what is wrong."""

    def __init__(self, kind, problem, *, step=None, field=None, line=None, cause=None,
                 **details):
        place = [f"step {step}"] if step is not None else []
        if field:
            place.append(field + (f", line {line}" if line else ""))
        super().__init__("lesson", ": ".join(place + [problem]), kind=kind, step=step,
                         field=field, line=line, **details)
        self.step, self.field, self.line = step, field, line
        self.problem, self.cause = problem, cause

    def _moved(self, step=None, field=None):
        details = {k: v for k, v in self.details.items()
                   if k not in ("kind", "step", "field", "line")}
        return LessonError(self.details["kind"], self.problem,
                           step=self.step if step is None else step,
                           field=field if field is not None else self.field, line=self.line,
                           cause=self.cause, **details)


# --- what a lesson is --------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Tolerance:
    """How close a number answer must be: to ``digits`` decimals, or within ``relative`` of the
    engine's value (one of them is None)."""

    digits: object = QUESTION_DIGITS
    relative: object = None

    def accepts(self, given, value):
        """Whether ``given`` counts as ``value``: |given − value| ≤ ½·10^(−digits) (it rounds
        to the same number, give or take a floating-point error), or ≤ relative·|value|."""
        if not math.isfinite(given):
            return False
        if self.relative is not None:
            return abs(given - value) <= self.relative * abs(value)
        slack = 1e-12 * max(1.0, abs(value))
        return abs(given - value) <= 0.5 * 10.0 ** -self.digits + slack

    def shown(self, value):
        """The engine's value as the answer shows it: at least SHOWN_DIGITS decimals (a whole
        number asked to 0 decimals: as it is), or six significant digits for a relative
        tolerance."""
        if self.relative is not None:
            text = f"{value:.6g}"
            return "−" + text[1:] if text.startswith("-") else text
        if self.digits == 0 and float(value).is_integer():
            return format_number(value, 0)
        return format_number(value, max(self.digits, SHOWN_DIGITS))


@dataclass(frozen=True, eq=False)
class Answer:
    """A question's answer on one scenario, computed.

    Attributes
    ----------
    value : float (a number question) or str (the key of the right Option).
    text : the answer as shown, by language (the number, or the option's label).
    why : the explanation, by language, with its numbers filled in (lesson text: parse it
        with :func:`parse_text`).
    options : the Options of a choice, in order; () for a number.
    tolerance : the Tolerance of a number; None for a choice.
    """

    value: object
    text: object
    why: object
    options: tuple = ()
    tolerance: object = None

    def is_right(self, given):
        """Whether the student's answer is right: a number within the tolerance, or the key of
        the right option."""
        if self.tolerance is None:
            return given == self.value
        return self.tolerance.accepts(float(given), self.value)


@dataclass(frozen=True)
class NamedValue:
    """A number a step's text quotes as ``{name}``: its Quantity, shown with ``digits``
    decimals."""

    name: str
    quantity: object
    digits: int = VALUE_DIGITS


@dataclass(frozen=True, eq=False)
class Question:
    """A question: ``text`` by language (lesson text, the step's numbers filled in), and either
    ``number`` (a Quantity, with ``tolerance``) or ``choice`` (a quantities.Choice). ``why`` are
    the templates of the explanation, with ``{value}`` for the answer and the step's
    ``values`` for its numbers."""

    text: object
    why: object
    values: tuple = ()
    number: object = None
    choice: object = None
    tolerance: object = None

    @property
    def kind(self):
        """"number" or "choice"."""
        return "number" if self.number is not None else "choice"

    @property
    def reveals(self):
        """What gives the answer away while the question is open (keys of REVEALS)."""
        return (self.number or self.choice).reveals

    def answer(self, scenario, cache=None):
        """The Answer on ``scenario`` (the step's own, usually: ``Step.answer`` is that one).

        Raises LessonError when it cannot be computed there (a name the scenario lacks, a tie,
        an answer that is not a finite number)."""
        cache = {} if cache is None else cache
        texts = _value_texts(self.values, _evaluated(self.values, scenario, cache))
        if self.number is not None:
            with _where("question.number"):
                value = self.number.value(scenario, cache)
                if not math.isfinite(value):
                    raise QuantityError("not_finite", f"the answer is {format_number(value, 0)}, "
                                        "not a finite number a student could type")
            shown = self.tolerance.shown(value)
            text = {language: shown for language in LANGUAGES}
            options = ()
        else:
            with _where("question.choice"):
                options, value = self.choice.evaluate(scenario, cache)
            text = dict(next(o for o in options if o.key == value).label)
        why = {}
        for language in LANGUAGES:
            with _where(f"question.why.{language}"):
                why[language] = lesson_text.fill(self.why[language],
                                                 {**texts, ANSWER_NAME: text[language]})
                lesson_text.parse(why[language])
        return Answer(value=value, text=MappingProxyType(text), why=MappingProxyType(why),
                      options=options, tolerance=self.tolerance)


@dataclass(frozen=True, eq=False)
class Step:
    """One step of a lesson.

    Attributes
    ----------
    title : by language, plain text.
    text : by language, lesson text (see engine.lesson_text; :meth:`blocks` parses it) with the
        step's numbers filled in.
    scenario : the engine.Scenario the step loads.
    example : the name of the bundled example it came from, or None (written inline).
    views : keys of VIEWS the step brings forward, in order.
    question : a Question, or None.
    answer : the question's Answer on ``scenario``, or None.
    values : the step's named numbers, name -> float.
    """

    title: object
    text: object
    scenario: Scenario
    example: object
    views: tuple
    question: object
    answer: object
    values: object

    def blocks(self, language):
        """The step's text in ``language``, parsed (see :func:`parse_text`)."""
        return parse_text(self.text[language])


@dataclass(frozen=True, eq=False)
class Lesson:
    """A lesson: ``title`` and ``description`` by language (plain text; the description may be
    empty), and its ``steps``."""

    title: object
    description: object
    steps: tuple

    @property
    def question_count(self):
        return sum(step.question is not None for step in self.steps)


def parse_text(text):
    """Lesson text (a step's text, a question, an explanation) as a tuple of
    engine.lesson_text.Paragraph and ListBlock; see engine.lesson_text for the subset."""
    return lesson_text.parse(text)


def scenario_step(scenario, number):
    """A step that only loads ``scenario`` (what "New lesson from here" adds): titled "Step
    ``number``" in each language, with no text, views or question yet."""
    return Step(title=MappingProxyType({language: title.format(number=number)
                                        for language, title in STEP_TITLE.items()}),
                text=MappingProxyType(dict.fromkeys(LANGUAGES, "")), scenario=scenario,
                example=None, views=(), question=None, answer=None,
                values=MappingProxyType({}))


def renamed_step(step, scenario):
    """``step`` loading ``scenario`` instead of its own: the same scenario but for the names of
    its classes, samples and models (the interface's language's names of an example's data,
    "cat" -> "猫"). Its values and question name them the new way and its answer is computed
    again on ``scenario``: the same numbers, the names as shown (a choice of model, say).

    Names pair up by position: class k of ``step.scenario`` is class k of ``scenario``."""
    old = step.scenario
    classes = dict(zip(old.classes, scenario.classes))
    samples = dict(zip(old.samples, scenario.samples))
    models = dict(zip(old.model_names, scenario.model_names))
    if all(a == b for names in (classes, samples, models) for a, b in names.items()):
        return step

    def renamed(q):
        if q is None:
            return None
        changes = {"model": models.get(q.model, q.model),
                   "sample": samples.get(q.sample, q.sample)}
        if isinstance(q, quantities.Quantity):
            changes.update(class_name=classes.get(q.class_name, q.class_name),
                           to_class=classes.get(q.to_class, q.to_class))
        else:  # a Choice: a lesson's own options are quantities too
            changes.update(options=tuple((label, renamed(o)) for label, o in q.options))
        return dataclasses.replace(q, **changes)

    question = step.question
    if question is not None:
        question = dataclasses.replace(
            question, number=renamed(question.number), choice=renamed(question.choice),
            values=tuple(dataclasses.replace(v, quantity=renamed(v.quantity))
                         for v in question.values))
    return dataclasses.replace(step, scenario=scenario, question=question,
                               answer=question and question.answer(scenario))


# --- writing -----------------------------------------------------------------------------------

def lesson_to_dict(lesson):
    """The plain data of ``lesson``'s file: each step's scenario written out in full (as in a
    scenario file), its text with every brace doubled (the text holds no placeholders).

    Raises ValueError for a step with a question or named values: a Lesson keeps their numbers,
    not the quantities that computed them, so such a lesson is written by hand."""
    steps = []
    for k, step in enumerate(lesson.steps, start=1):
        if step.question is not None or step.values:
            raise ValueError(f"step {k} has a question or computed values, which a lesson "
                             "file names as quantities: write it by hand")
        steps.append({"title": dict(step.title),
                      "text": {language: _escaped(step.text[language])
                               for language in LANGUAGES},
                      "scenario": scenario_to_dict(step.scenario), "views": list(step.views)})
    return {"format": FORMAT, "version": VERSION, "title": dict(lesson.title),
            "description": dict(lesson.description), "steps": steps}


def lesson_to_json(lesson):
    """JSON text of ``lesson`` (see :func:`lesson_to_dict`); :func:`read_lesson` reads it
    back."""
    return json.dumps(lesson_to_dict(lesson), ensure_ascii=False, indent=1,
                      allow_nan=False) + "\n"


def _escaped(text):
    """Lesson text as a template that fills back to it: ``{`` and ``}`` doubled."""
    return text.replace("{", "{{").replace("}", "}}")


# --- reading -----------------------------------------------------------------------------------

def read_lesson(text, examples=None):
    """Read and validate a lesson file's text.

    Parameters
    ----------
    text : str
        The JSON of a lesson file.
    examples : Mapping, optional
        The bundled examples a step may name: name -> its scenario file's text (or an
        engine.Scenario). The caller reads them; the engine reads no files.

    Returns
    -------
    Lesson
        Every step's scenario built, every number and answer computed.

    Raises
    ------
    LessonError
        (a ScenarioError) naming the step, the field and the problem; a ScenarioError for text
        that is not JSON or is too large.
    """
    return from_dict(parse_json(text, MAX_LESSON_CHARS), examples)


def from_dict(data, examples=None):
    """A Lesson from the plain data of a lesson file; see :func:`read_lesson`."""
    if not isinstance(data, dict):
        raise LessonError("not_object", "a lesson file holds a JSON object")
    if data.get("format") != FORMAT:
        raise LessonError("wrong_format", f"not a Logit Lab lesson (\"format\" must be "
                          f"\"{FORMAT}\")", field="format")
    _check_version(data.get("version"))
    _check_fields(data, _LESSON_FIELDS, ("title", "steps"))
    title = _bilingual(data["title"], "title", MAX_TITLE_CHARS, plain=True)
    description = _bilingual(data.get("description", {"en": "", "zh_CN": ""}), "description",
                             MAX_TEXT_CHARS, plain=True, empty=True)
    steps = data["steps"]
    if not isinstance(steps, list) or not 1 <= len(steps) <= MAX_STEPS:
        raise LessonError("steps", f"\"steps\" must be a list of 1 to {MAX_STEPS} steps",
                          field="steps")
    scenarios = _Examples(examples)
    read = []
    for k, value in enumerate(steps, start=1):
        try:
            read.append(_step(value, scenarios))
        except LessonError as error:
            raise error._moved(step=k) from None
    return Lesson(title=title, description=description, steps=tuple(read))


def _check_version(version):
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LessonError("bad_version", f"\"version\" must be a whole number from 1, got "
                          f"{_shown(version)}", field="version")
    if version > VERSION:
        raise LessonError("newer_version", f"the lesson was written for a newer Logit Lab "
                          f"(lesson format version {version}); this one reads up to version "
                          f"{VERSION}", field="version", version=version, supported=VERSION)


def _check_fields(data, known, required, where=None):
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise LessonError("unknown_field", f"unknown field {_shown(unknown[0])} (the fields are "
                          f"{', '.join(known)})", field=where)
    for name in required:
        if name not in data:
            raise LessonError("missing_field", f"missing field '{name}'", field=where)


@contextmanager
def _where(field):
    """Errors raised inside become LessonErrors whose field starts with ``field``."""
    try:
        yield
    except LessonError as error:
        raise error._moved(field=_joined(field, error.field)) from None
    except QuantityError as error:
        raise LessonError(error.kind, str(error), field=_joined(field, error.field),
                          cause=error.cause, **error.details) from None
    except TextError as error:
        raise LessonError(error.kind, str(error), field=field, line=error.line,
                          **error.details) from None
    except ScenarioError as error:
        raise LessonError(error.code, str(error), field=field, cause=error) from None


def _joined(outer, inner):
    if not inner:
        return outer
    return f"{outer}{inner}" if inner.startswith("[") else f"{outer}.{inner}"


def _bilingual(value, field, limit, *, plain=False, empty=False):
    """Text in every language of LANGUAGES, each checked: at most ``limit`` characters, no lone
    surrogate; ``plain`` text is one line (no control characters), lesson text is checked by
    lesson_text when it is filled. Returns a read-only mapping."""
    if not isinstance(value, dict):
        raise LessonError("not_bilingual", "must be an object with the text in each language: "
                          + ", ".join(f'"{language}": "…"' for language in LANGUAGES),
                          field=field)
    with _where(field):
        _check_fields(value, LANGUAGES, LANGUAGES)
    texts = {}
    for language in LANGUAGES:
        with _where(f"{field}.{language}"):
            text = _string(value[language], limit, plain)
            if not text.strip() and not empty:
                raise LessonError("empty", "is empty")
            if not plain:
                lesson_text.placeholders(text)
            texts[language] = text
    return MappingProxyType(texts)


def _string(value, limit, plain):
    """``value`` if it is text of at most ``limit`` characters that UTF-8 can write (no lone
    surrogate), and for ``plain`` text without control characters (a title is one line)."""
    if not isinstance(value, str):
        raise LessonError("not_text", f"{_shown(value)} is not text")
    if len(value) > limit:
        raise LessonError("too_long", f"{len(value):,} characters are too many (at most "
                          f"{limit:,})", length=len(value), limit=limit)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # only a lone surrogate ("\ud800" in JSON) cannot be
        raise LessonError("lone_surrogate", f"{_shown(value)} holds half of a UTF-16 "
                          "surrogate pair, which is not a character") from None
    if plain and any(unicodedata.category(ch) == "Cc" for ch in value):
        raise LessonError("control_character", f"{_shown(value)} holds a control character "
                          "(a line break, a tab)")
    return value


class _Examples:
    """The bundled examples by name, each read once however many steps load it."""

    def __init__(self, examples):
        self.examples = {} if examples is None else examples
        self.read = {}

    def scenario(self, name):
        if not isinstance(name, str) or name not in self.examples:
            known = ", ".join(sorted(self.examples)) or "none"
            raise LessonError("unknown_example", f"there is no example {_shown(name)} (the "
                              f"examples are: {known})", field="example")
        if name not in self.read:
            value = self.examples[name]
            try:
                self.read[name] = (value if isinstance(value, Scenario)
                                   else scenario_from_json(value))
            except ScenarioError as error:
                raise LessonError("broken_example", f"the example {_shown(name)} cannot be "
                                  f"read: {error}", field="example", cause=error) from None
        return self.read[name]


def _step(data, examples):
    if not isinstance(data, dict):
        raise LessonError("not_object", "a step is a JSON object")
    _check_fields(data, _STEP_FIELDS, ("title", "text"))
    title = _bilingual(data["title"], "title", MAX_TITLE_CHARS, plain=True)
    # A step may have no text yet: one a teacher made from a scenario, to write later.
    templates = _bilingual(data["text"], "text", MAX_TEXT_CHARS, empty=True)
    scenario = _step_scenario(data, examples)
    views = _views(data.get("views", []))
    values = _named_values(data.get("values", {}))
    cache = {}
    numbers = _evaluated(values, scenario, cache)
    texts = _value_texts(values, numbers)
    text = MappingProxyType({language: _filled(templates[language], texts, f"text.{language}")
                             for language in LANGUAGES})
    question = answer = None
    if "question" in data:
        question = _question(data["question"], values, texts)
        answer = question.answer(scenario, cache)
    return Step(title=title, text=text, scenario=scenario, example=data.get("example"),
                views=views, question=question, answer=answer,
                values=MappingProxyType(numbers))


def _filled(template, texts, field):
    with _where(field):
        text = lesson_text.fill(template, texts)
        lesson_text.parse(text)
    return text


def _step_scenario(data, examples):
    """The scenario a step loads: an example by name or one written inline, with the step's
    "options" changed."""
    if ("example" in data) == ("scenario" in data):
        raise LessonError("scenario", "a step needs either \"example\" (the name of a bundled "
                          "example) or \"scenario\" (a scenario, as in a scenario file)")
    if "example" in data:
        scenario = examples.scenario(data["example"])
    else:
        with _where("scenario"):
            if not isinstance(data["scenario"], dict):
                raise LessonError("not_object", "must be a scenario, as in a scenario file")
            scenario = scenario_from_dict(data["scenario"])
    changes = data.get("options", {})
    with _where("options"):
        if not isinstance(changes, dict):
            raise LessonError("not_object", "must be an object of options, as a scenario "
                              "file's \"options\"")
        _check_fields(changes, [f.name for f in dataclasses.fields(Options)], ())
        if changes:
            scenario = scenario.replace(options=dataclasses.replace(scenario.options,
                                                                    **changes))
    return scenario


def _views(values):
    if not isinstance(values, list):
        raise LessonError("views", "must be a list of views", field="views")
    for k, value in enumerate(values):
        if value not in VIEWS:
            raise LessonError("unknown_view", f"{_shown(value)} is not a view (the views are: "
                              f"{', '.join(VIEWS)})", field=f"views[{k}]")
        if values.index(value) != k:
            raise LessonError("duplicate_view", f"{_shown(value)} is named twice",
                              field=f"views[{k}]")
    return tuple(values)


def _named_values(data):
    if not isinstance(data, dict) or len(data) > MAX_VALUES:
        raise LessonError("values", f"must be an object of at most {MAX_VALUES} named numbers, "
                          "each {\"quantity\": …}", field="values")
    values = []
    for name, spec in data.items():
        field = f"values.{name}"
        if not lesson_text.NAME.fullmatch(name) or name == ANSWER_NAME:
            raise LessonError("value_name", f"{_shown(name)} cannot name a number: use letters, "
                              f"digits and _, starting with a letter, and not "
                              f"'{ANSWER_NAME}'", field=field)
        with _where(field):
            quantity = quantities.quantity(spec, extra=("digits",))
            digits = _digits(spec.get("digits", VALUE_DIGITS))
        values.append(NamedValue(name, quantity, digits))
    return tuple(values)


def _digits(value):
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DIGITS:
        raise LessonError("digits", f"{_shown(value)} is not a whole number of decimals from 0 "
                          f"to {MAX_DIGITS}", field="digits")
    return value


def _evaluated(values, scenario, cache):
    """name -> the number, for each NamedValue on ``scenario``."""
    numbers = {}
    for value in values:
        with _where(f"values.{value.name}"):
            numbers[value.name] = value.quantity.value(scenario, cache)
    return numbers


def _value_texts(values, numbers):
    """name -> the number as the text shows it."""
    return {value.name: format_number(numbers[value.name], value.digits) for value in values}


def _question(data, values, texts):
    with _where("question"):
        if not isinstance(data, dict):
            raise LessonError("not_object", "a question is a JSON object")
        _check_fields(data, _QUESTION_FIELDS, ("text", "why"))
        if ("number" in data) == ("choice" in data):
            raise LessonError("question", "a question has either \"number\" (a quantity to "
                              "compute) or \"choice\" (options to choose from)")
    text = _bilingual(data["text"], "question.text", MAX_QUESTION_CHARS)
    text = MappingProxyType({language: _filled(text[language], texts,
                                               f"question.text.{language}")
                             for language in LANGUAGES})
    why = _bilingual(data["why"], "question.why", MAX_QUESTION_CHARS)
    if "number" in data:
        with _where("question.number"):
            number = quantities.quantity(data["number"])
        with _where("question"):
            tolerance = _tolerance(data)
        return Question(text=text, why=why, values=values, number=number, tolerance=tolerance)
    with _where("question"):
        if "digits" in data or "relative" in data:
            raise LessonError("tolerance", "\"digits\" and \"relative\" are for number "
                              "questions")
    with _where("question.choice"):
        choice = quantities.choice(data["choice"])
        labels = []
        for k, (label, quantity) in enumerate(choice.options):
            labels.append((_bilingual(label, f"options[{k}].label", MAX_TITLE_CHARS,
                                      plain=True), quantity))
        choice = dataclasses.replace(choice, options=tuple(labels))
    return Question(text=text, why=why, values=values, choice=choice)


def _tolerance(data):
    if "digits" in data and "relative" in data:
        raise LessonError("tolerance", "give \"digits\" or \"relative\", not both")
    if "relative" in data:
        relative = data["relative"]
        if isinstance(relative, bool) or not isinstance(relative, (int, float)) or not (
                0 < relative < 1):
            raise LessonError("tolerance", f"{_shown(relative)} is not a number between 0 and "
                              "1", field="relative")
        return Tolerance(digits=None, relative=float(relative))
    return Tolerance(digits=_digits(data.get("digits", QUESTION_DIGITS)))

