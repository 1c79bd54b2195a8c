"""The content of the "show the math" panel: the selected sample's softmax or sigmoid and its
cross-entropy written out with its own numbers, as blocks of segments that the formats (text,
Markdown, HTML) and the view render.

A line is a list of segments (kind, text): kind TEXT, SUP (a superscript) or RESULT (a final
number, bold on screen). A block is (kind, line): "heading", "text" or "equation"."""

import functools
import math
import string

import numpy as np
from PySide6.QtCore import QCoreApplication, QLocale

from engine import sigmoid as engine_sigmoid
from engine.activations import scale_logits, softmax_parts
from engine.top_classes import target_mass, top_classes
from gui.common.formatting import INFINITY, format_count, format_number
from gui.common.texts import target_symbol

TEXT, SUP, RESULT = "text", "sup", "result"

# Up to this many classes every class is written out; beyond it, sums are shortened to
# "first terms … last" and only the true class(es) and the most probable few are listed.
MAX_CLASSES_WRITTEN = 8
TOP_LISTED = 3


def blocks(analysis, n):
    """The blocks that write out sample ``n`` of ``analysis``."""
    return _Writer(analysis, n).blocks()


class _Writer:
    """Builds the blocks for one sample: each section is a method with the sample's numbers at
    hand; every sentence goes through tr() (context "_Writer", the one lupdate files these
    strings under)."""

    @staticmethod
    def tr(text, disambiguation=None):
        return QCoreApplication.translate("_Writer", text, disambiguation)

    def __init__(self, analysis, n):
        self.analysis = analysis
        self.scenario = analysis.scenario
        self.options = analysis.scenario.options
        self.n = n
        self.out = []
        self._listed = None
        self.bits = analysis.unit == "bits"
        self.unit = self.tr("bits") if self.bits else self.tr("nats")
        self.ln = "log₂" if self.bits else "ln"
        self.target = target_symbol(self.scenario)  # y, or y′ for a smoothed target
        # Between the items of a list ("cat 3, dog 1"): Chinese lists take "、".
        self.comma = self.tr(", ", "between the items of a list: cat 3, dog 1, pig −3")
        self.locale = QLocale()  # the numbers' (one for all of them: each costs a little)
        self._numbers = {}  # {value: its text}: see num

    # -- output helpers

    def heading(self, template, **values):
        self.out.append(("heading", _fill(template, values)))

    def text(self, template, **values):
        self.out.append(("text", _fill(template, values)))

    def equation(self, template, **values):
        self.out.append(("equation", _fill(template, values)))

    def name(self, c):
        return self.scenario.classes[c]

    def num(self, value):
        """A computed number, to 4 significant digits."""
        # (Many are written twice or more: the softmax's sum in every class's equation, H
        # and KL in their own equations and in CE's.)
        if value not in self._numbers:  # (equal numbers read the same: 0.0 and -0.0 "0")
            self._numbers[value] = format_number(value, locale=self.locale)
        return self._numbers[value]

    def given(self, value):
        """A number the user typed (a logit, T, ε, a weight, a label): as short as it reads
        back, up to 6 significant digits ("0.1", not "0.1000")."""
        value = float(value)
        if not math.isfinite(value):
            return format_number(value)
        return self.locale.toString(value, "g", 6)

    def result(self, value):
        return [(RESULT, self.num(value))]

    # -- the whole text

    def blocks(self):
        scenario = self.scenario
        if self.models() is None:
            self.heading(self.tr("Sample {name}"), name=scenario.samples[self.n])
        else:
            self.heading(self.tr("Sample {name} ({model})"), name=scenario.samples[self.n],
                         model=self.analysis.model_name)
        self.context()
        if scenario.mode == "softmax":
            self.softmax_probabilities()
            self.softmax_loss()
        else:
            self.sigmoid_terms()
        self.information()
        self.batch()
        self.comparison()
        return self.out

    def models(self):
        """The engine.Comparison of several models, or None (one model)."""
        return self.analysis.comparison if self.analysis.one_of_several else None

    def context(self):
        """The sample's own numbers: its logits (or probabilities) and its target."""
        scenario, n = self.scenario, self.n
        classes = self.listed_classes()
        more = len(scenario.classes) > len(classes)
        values = self.comma.join(f"{self.name(c)} {self.given(scenario.rows[n, c])}"
                                 for c in classes)
        if more:
            values += self.comma + "…"
        if scenario.input == "logits":
            self.text(self.tr("Logits z: {values}.").format(values=values))
        else:
            self.text(self.tr("Probabilities p: {values}.").format(values=values))
        if scenario.mode == "sigmoid":
            labels = self.comma.join(f"{self.name(c)} {self.given(scenario.targets[n, c])}"
                                     for c in classes)
            if more:
                labels += self.comma + "…"
            self.text(self.tr("Labels y: {values}.").format(values=labels))
        elif scenario.target_kind == "index":
            if self.analysis.ignored[n]:
                self.text(self.tr("Target: ignored."))
            else:
                self.text(self.tr("True class: {name}.").format(
                    name=self.name(int(scenario.targets[n]))))
        else:
            carrying = np.flatnonzero(scenario.targets[n] > 0).tolist()
            written = _shortened(carrying)
            target = self.comma.join("…" if c is None else
                                     f"{self.name(c)} {self.given(scenario.targets[n, c])}"
                                     for c in written)
            self.text(self.tr("Target distribution: {values}.").format(values=target))

    # -- softmax

    def listed_classes(self):
        """Every class, or for many classes the true ones (the TOP_LISTED heaviest) and the
        TOP_LISTED most probable others, in class order."""
        if self._listed is None:  # asked by several sections: O(C) partitions, once
            self._listed = self._listed_classes()
        return list(self._listed)

    def _listed_classes(self):
        p = self.analysis.probabilities[self.n]
        if len(p) <= MAX_CLASSES_WRITTEN:
            return list(range(len(p)))
        # An ignored sample has no true class: the text says its target is ignored.
        mass = target_mass(self.scenario, self.n, keep_ignored=False)
        true = min(int(np.count_nonzero(mass > 0)), TOP_LISTED)
        chosen, _ = top_classes(p, mass, true + TOP_LISTED, mass_limit=TOP_LISTED)
        return sorted(chosen.tolist())

    def exponent(self, c):
        z = self.scenario.rows[self.n, c]
        temperature = self.options.temperature
        if temperature == 1:
            return [(SUP, self.given(z))]
        return [(SUP, "{z}/{t}".format(z=self.given(z), t=self.given(temperature)))]

    def exp_sum(self):
        """e^{z_1} + e^{z_2} + …, shortened to first terms … last for many classes."""
        return _sum(_shortened(range(len(self.scenario.classes))),
                    lambda c: [(TEXT, "e")] + self.exponent(c))

    def softmax_probabilities(self):
        scenario = self.scenario
        classes = self.listed_classes()
        p = self.analysis.probabilities[self.n]
        if scenario.input == "probabilities":
            self.heading(self.tr("Probabilities (given)"))
            self.text(self.tr("The table holds the probabilities themselves; there is no softmax "
                              "to compute."))
            for c in classes:
                self.equation(self.tr("p({name}) = {p}"), name=self.name(c), p=self.result(p[c]))
            self.more_classes(classes)
            return
        self.heading(self.tr("Softmax: from logits to probabilities"))
        temperature = self.options.temperature
        if temperature != 1:
            self.text(self.tr("Temperature T = {t}: every logit is divided by T before the "
                              "softmax, so each e^z becomes e^(z/T).").format(
                t=self.given(temperature)))
        n_classes = len(scenario.classes)
        if n_classes > MAX_CLASSES_WRITTEN:
            self.text(self.tr("The sum runs over all {count} classes; only the true class and "
                              "the most probable ones are written out.").format(
                count=format_count(n_classes)))
        # (None, None) when they would overflow or all underflow: the formula stands alone.
        exponents, total = softmax_parts(self.scenario.rows[self.n], temperature)
        # The same in every class's equation: written once.
        denominator = self.exp_sum()
        if exponents is None:
            template = self.tr("p({name}) = {numerator} / ({denominator}) = {p}")
        else:
            template = self.tr("p({name}) = {numerator} / ({denominator}) "
                               "= {top} / {bottom} = {p}")
        for c in classes:
            numerator = [(TEXT, "e")] + self.exponent(c)
            if exponents is None:
                self.equation(template, name=self.name(c), numerator=numerator,
                              denominator=denominator, p=self.result(p[c]))
            else:
                self.equation(template, name=self.name(c), numerator=numerator,
                              denominator=denominator, top=self.num(exponents[c]),
                              bottom=self.num(total), p=self.result(p[c]))
        self.more_classes(classes)

    def more_classes(self, classes):
        rest = len(self.scenario.classes) - len(classes)
        if rest > 0:
            self.text(self.tr("… and {count} more classes, not written out.").format(
                count=format_count(rest)))

    def softmax_loss(self):
        analysis, n = self.analysis, self.n
        self.heading(self.tr("Cross-entropy loss"))
        if analysis.ignored[n]:
            self.text(self.tr("The target of this sample is the ignore index ({index}): it adds "
                              "nothing to the loss and is not counted in the mean.").format(
                index=self.options.ignore_index))
            return
        weights = self.options.class_weights
        smoothing = self.options.label_smoothing
        if self.scenario.target_kind == "index" and smoothing == 0:
            self.index_loss(int(self.scenario.targets[n]), weights)
        else:
            if smoothing > 0:
                self.smoothing_text(smoothing)
            self.distribution_loss(weights)
        self.infinite_reason()

    def index_loss(self, c, weights):
        p = self.analysis.probabilities[self.n, c]
        loss = self.analysis.sample_loss[self.n]
        name = self.name(c)
        if weights is None:
            self.equation(self.tr("L = −{ln} p({name}) = −{ln} {p} = {loss} {unit}"),
                          ln=self.ln, name=name, p=self.num(p), loss=self.result(loss),
                          unit=self.unit)
        else:
            self.equation(self.tr("L = −w({name}) {ln} p({name}) = −{w} × {ln} {p} "
                                  "= {loss} {unit}"),
                          ln=self.ln, name=name, w=self.given(weights[c]), p=self.num(p),
                          loss=self.result(loss), unit=self.unit)

    def smoothing_text(self, smoothing):
        n_classes = len(self.scenario.classes)
        smoothed = self.analysis.targets[self.n]
        if self.scenario.target_kind == "index":
            true = int(self.scenario.targets[self.n])
            others = [c for c in range(min(n_classes, 2)) if c != true][:1]
            self.text(self.tr("Label smoothing ε = {eps} moves ε of the target onto all {count} "
                              "classes evenly (ε/C = {share} each); the loss compares p with "
                              "this smoothed target y′:").format(
                eps=self.given(smoothing), count=n_classes, share=self.num(smoothing / n_classes)))
            self.equation(self.tr("y′({name}) = 1 − ε + ε/C = {value}"), name=self.name(true),
                          value=self.result(smoothed[true]))
            if others:
                self.equation(self.tr("y′(every other class) = ε/C = {value}"),
                              value=self.result(smoothed[others[0]]))
        else:
            self.text(self.tr("Label smoothing ε = {eps} mixes the target rows with the uniform "
                              "distribution; the loss compares p with the smoothed target "
                              "y′ = (1 − ε)·y + ε/C.").format(eps=self.given(smoothing)))

    def distribution_loss(self, weights):
        y = self.analysis.targets[self.n]  # y′ under label smoothing
        p = self.analysis.probabilities[self.n]
        terms = self.analysis.terms[self.n]
        loss = self.analysis.sample_loss[self.n]
        carrying = np.flatnonzero(y > 0)
        weight = "w(c) " if weights is not None else ""
        self.equation(self.tr("L = −Σ_c {w}{t}(c) {ln} p(c)"), w=weight, t=self.target,
                      ln=self.ln)
        written = _shortened(carrying.tolist())

        def product(c):
            factor = f"{self.given(weights[c])} × " if weights is not None else ""
            return [(TEXT, f"{factor}{self.num(y[c])} × {self.ln} {self.num(p[c])}")]

        self.equation(self.tr("  = −({products})"), products=_sum(written, product))
        self.equation(self.tr("  = {terms} = {loss} {unit}"),
                      terms=_sum(written, lambda c: [(TEXT, self.num(terms[c]))]),
                      loss=self.result(loss), unit=self.unit)
        if len(carrying) > len([c for c in written if c is not None]):
            self.text(self.tr("({count} classes have target mass; the sum is shortened.)").format(
                count=format_count(len(carrying))))

    def infinite_reason(self):
        n = self.n
        if not math.isinf(self.analysis.sample_loss[n]):
            return
        terms = self.analysis.terms[n]
        culprits = np.flatnonzero(np.isinf(terms))
        if len(culprits) == 0:
            self.text(self.tr("The loss is {inf}: the terms add up past the largest number a "
                              "computer can hold.").format(inf=INFINITY))
            return
        c = int(culprits[0])
        self.text(self.tr("The loss is {inf} because p({name}) = 0 while the target gives "
                          "{name} mass: {ln} 0 = −{inf}.").format(
            inf=INFINITY, name=self.name(c), ln=self.ln))

    # -- sigmoid

    def sigmoid_terms(self):
        analysis, n = self.analysis, self.n
        scenario = self.scenario
        p = analysis.probabilities[n]
        y = analysis.targets[n]
        terms = analysis.terms[n]
        pos_weight = self.options.pos_weight
        weight = self.options.class_weights
        self.heading(self.tr("Sigmoid: one yes/no question per class"))
        self.text(self.tr("Each class has its own probability p = σ(z) = 1 / (1 + e⁻ᶻ) and "
                          "its own binary cross-entropy against its label y."))
        temperature = self.options.temperature
        if scenario.input == "logits" and temperature != 1:
            self.text(self.tr("Temperature T = {t}: each logit is divided by T first, "
                              "p = σ(z/T).").format(t=self.given(temperature)))
        if len(scenario.classes) > MAX_CLASSES_WRITTEN:
            self.text(self.tr("Only the labelled classes and the most probable ones of the "
                              "{count} classes are written out.").format(
                count=format_count(len(scenario.classes))))
        classes = self.listed_classes()
        for c in classes:
            name = self.name(c)
            if scenario.input == "logits":
                z = scenario.rows[n, c]
                negated = self.given(-z) if z != 0 else "−0"
                if temperature == 1:
                    argument, exponent = self.given(z), negated
                else:
                    argument = "{z}/{t}".format(z=self.given(z), t=self.given(temperature))
                    exponent = "{z}/{t}".format(z=negated, t=self.given(temperature))
                self.equation(self.tr("p({name}) = σ({arg}) = 1 / (1 + e{exp}) = {p}"),
                              name=name, arg=argument, exp=[(SUP, exponent)],
                              p=self.result(p[c]))
                complement = float(engine_sigmoid(-scale_logits(z, temperature)))
            else:
                self.equation(self.tr("p({name}) = {p}"), name=name, p=self.result(p[c]))
                complement = 1.0 - float(p[c])
            self.binary_term(c, name, y[c], p[c], complement, terms[c],
                             None if pos_weight is None else pos_weight[c],
                             None if weight is None else weight[c])
        self.more_classes(classes)
        self.heading(self.tr("Loss of the sample"))
        sums = _sum(_shortened(range(len(scenario.classes))),
                    lambda c: [(TEXT, self.num(terms[c]))])
        self.equation(self.tr("L = Σ_c ℓ(c) = {terms} = {loss} {unit}"), terms=sums,
                      loss=self.result(analysis.sample_loss[n]), unit=self.unit)
        if math.isinf(analysis.sample_loss[n]):
            culprits = np.flatnonzero(np.isinf(terms))
            if len(culprits):
                c = int(culprits[0])
                self.text(self.tr("The loss is {inf}: {name} has p = {p} against label y = {y}, "
                                  "and {ln} 0 = −{inf}.").format(
                    inf=INFINITY, name=self.name(c), p=self.num(p[c]), y=self.num(y[c]),
                    ln=self.ln))

    def binary_term(self, c, name, y, p, complement, term, pos_weight, weight):
        ln = self.ln
        pw = "" if pos_weight is None else "pw·"
        w = "" if weight is None else "w·"
        pw_value = "" if pos_weight is None else f"{self.given(pos_weight)} × "
        w_value = "" if weight is None else f"{self.given(weight)} × "
        self.equation(self.tr("ℓ({name}) = −{w}[{pw}y {ln} p + (1 − y) {ln}(1 − p)]"),
                      name=name, w=w, pw=pw, ln=ln)
        self.equation(self.tr("  = −{w}[{pw}{y} × {ln} {p} + {not_y} × {ln} {not_p}] "
                              "= {term} {unit}"),
                      w=w_value, pw=pw_value, y=self.given(y), ln=ln, p=self.num(p),
                      not_y=self.given(1.0 - y), not_p=self.num(complement),
                      term=self.result(term), unit=self.unit)

    # -- information and the batch

    def information(self):
        analysis, n = self.analysis, self.n
        if analysis.ignored[n]:
            return
        sigmoid = self.scenario.mode == "sigmoid"
        target = self.target
        self.heading(self.tr("Entropy, divergence and cross-entropy"))
        if sigmoid:
            self.text(self.tr("Summed over the classes, each a two-outcome distribution: the "
                              "label (y, 1 − y) against the prediction (p, 1 − p)."))
        entropy, kl, ce = analysis.entropy[n], analysis.kl[n], analysis.cross_entropy[n]
        self.equation(self.tr("H({t}) = −Σ {t} {ln} {t} = {h} {unit}"), t=target, ln=self.ln,
                      h=self.result(entropy), unit=self.unit)
        self.equation(self.tr("KL({t}‖p) = Σ {t} {ln}({t}/p) = {kl} {unit}"), t=target,
                      ln=self.ln, kl=self.result(kl), unit=self.unit)
        self.equation(self.tr("CE({t}, p) = H({t}) + KL({t}‖p) = {h} + {kl} = {ce} {unit}"),
                      t=target, h=self.num(entropy), kl=self.num(kl), ce=self.result(ce),
                      unit=self.unit)
        if math.isinf(kl):
            self.text(self.tr("KL is {inf}: the prediction gives probability 0 to an outcome "
                              "the target expects.").format(inf=INFINITY))
        if self.options.class_weights is not None or self.options.pos_weight is not None:
            self.text(self.tr("H, KL and CE leave the weights out; the loss above includes "
                              "them."))
        elif not sigmoid:
            self.text(self.tr("Without class weights the loss is this cross-entropy: "
                              "L = CE({t}, p).").format(t=target))

    def batch(self):
        analysis = self.analysis
        options = self.options
        if self.models() is None:
            self.heading(self.tr("The batch"))
        else:  # (its loss is the shown model's: the heading says whose)
            self.heading(self.tr("The batch ({model})"), model=self.analysis.model_name)
        if analysis.loss is None:
            self.text(self.tr("No sample is counted (all are ignored): the mean is undefined."))
            return
        count = len(self.scenario.rows)
        if options.reduction == "sum":
            self.equation(self.tr("loss (sum over {count} samples) = {loss} {unit}"),
                          count=count, loss=self.result(analysis.loss), unit=self.unit)
            return
        if self.scenario.mode == "sigmoid":
            what = self.tr("the number of values, {count} × {classes}").format(
                count=count, classes=len(self.scenario.classes))
        elif self.scenario.target_kind == "index":
            what = (self.tr("the summed weights of the counted samples")
                    if options.class_weights is not None else
                    self.tr("the number of counted samples"))
        else:
            what = self.tr("the number of samples")
        self.text(self.tr("The mean divides the summed losses by {what}.").format(what=what))
        self.equation(self.tr("loss (mean) = {total} / {divisor} = {loss} {unit}"),
                      total=self.num(analysis.total), divisor=self.num(analysis.divisor),
                      loss=self.result(analysis.loss), unit=self.unit)

    def comparison(self):
        """With several models: each model's batch loss, one line each, the lowest marked."""
        comparison = self.models()
        if comparison is None:
            return
        self.heading(self.tr("The models"))
        for k, name in enumerate(comparison.names):
            loss = comparison.losses[k]
            if math.isnan(loss):
                self.equation(self.tr("{name}: no sample is counted"), name=name)
                continue
            template = (self.tr("{name}: L = {loss} {unit} (lower is better) — the lowest")
                        if k in comparison.lowest else
                        self.tr("{name}: L = {loss} {unit} (lower is better)"))
            self.equation(template, name=name, loss=self.result(loss), unit=self.unit)


# ----------------------------------------------------------------------------- helpers

def _shortened(items):
    """All ``items`` (a sequence), or for more than MAX_CLASSES_WRITTEN the first two, None (for
    "…") and the last."""
    if len(items) <= MAX_CLASSES_WRITTEN:
        return list(items)
    return [items[0], items[1], None, items[-1]]


def _sum(items, write):
    """The segments of "a + b + … + z": each item as ``write(item)`` gives it (a list of
    segments), None as "…"."""
    line = []
    for k, item in enumerate(items):
        if k:
            line.append((TEXT, " + "))
        line += [(TEXT, "…")] if item is None else write(item)
    return line


@functools.lru_cache(maxsize=256)
def _parsed(template):
    """The (literal, field, spec) parts of ``template``, parsed once (a template is parsed at
    every step of Play; the translations are a few dozen)."""
    return tuple(part[:3] for part in string.Formatter().parse(template))


def _fill(template, values):
    """Format ``template`` ("{name}" placeholders) into a line of segments. A value is a
    string (plain text) or already a list of segments (e.g. with a superscript)."""
    if not values:
        return [(TEXT, template)]  # already formatted: braces in it are text
    line = []
    for literal, field, spec in _parsed(template):
        if literal:
            line.append((TEXT, literal))
        if field is None:
            continue
        value = values[field]
        if isinstance(value, list):
            line += value
        else:
            line.append((TEXT, format(value, spec or "")))
    return line
