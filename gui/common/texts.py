"""Texts that more than one part of the window writes, written here once so they read the same
everywhere: the unit of a loss and the batch loss (the results view and the status bar), whose
model a loss is when there are several, the target's symbol in formulas (the math, the plots,
the conventions)."""

from PySide6.QtCore import QCoreApplication

from gui.common.formatting import format_number
from gui.common.user_text import short


def unit_name(unit):
    """ "nats" or "bits" (``unit``: engine.Analysis.unit) in the UI's language."""
    if unit == "nats":
        return QCoreApplication.translate("loss", "nats")
    return QCoreApplication.translate("loss", "bits")


def target_symbol(scenario):
    """The target's symbol in formulas: y, or y′ for the smoothed target that softmax's loss
    compares with under label smoothing, y′ = (1 − ε)·y + ε/C (the prime is Szegedy et al.'s,
    who wrote q′; Logit Lab writes y for every target and p for every prediction)."""
    smoothed = scenario.mode == "softmax" and scenario.options.label_smoothing > 0
    return "y′" if smoothed else "y"


def of_model(analysis, text, name=short):
    """``text``, something said of the shown model's numbers, after the model's name when the
    scenario has several models ("Model 2: Batch loss … = 0.6391 nats"): no loss is read
    without knowing whose it is. With one model, ``text`` as it is. ``name`` shortens the
    name (``str``: whole)."""
    if not analysis.one_of_several:
        return text
    return QCoreApplication.translate("loss", "{model}: {text}").format(
        model=name(analysis.model_name), text=text)


def batch_loss_text(analysis, name=short):
    """ "Batch loss (mean over 3 samples) = 0.7967 nats", or "… = — (no sample is counted)"
    when every sample is ignored; with several models after the model's name (of_model)."""
    how = reduction_text(analysis)
    if analysis.loss is None:
        text = QCoreApplication.translate(
            "loss", "Batch loss {how} = — (no sample is counted)").format(how=how)
    else:
        text = QCoreApplication.translate("loss", "Batch loss {how} = {loss} {unit}").format(
            how=how, loss=format_number(analysis.loss), unit=unit_name(analysis.unit))
    return of_model(analysis, text, name)


def reduction_text(analysis):
    """How the batch loss is made of the samples' losses: "(sum)", "(mean over 3 samples)"."""
    options = analysis.scenario.options
    divisor = analysis.divisor
    count = int(divisor)  # (lupdate finds a plural form only when its count is a plain name)
    if options.reduction == "sum":
        return QCoreApplication.translate("loss", "(sum)")
    if analysis.scenario.mode == "sigmoid":
        if divisor == 1:
            return QCoreApplication.translate("loss", "(mean over 1 label)")
        return QCoreApplication.translate("loss", "(mean over %n labels)", "", count)
    if options.class_weights is not None:
        return QCoreApplication.translate("loss", "(weighted mean: total ÷ {weight})").format(
            weight=format_number(divisor))
    if divisor == 1:
        return QCoreApplication.translate("loss", "(mean over 1 sample)")
    return QCoreApplication.translate("loss", "(mean over %n samples)", "", count)
