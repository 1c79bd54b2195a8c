"""Texts that more than one part of the window writes, written here once so they read the same
everywhere: the unit of a loss and the batch loss (the results view and the status bar), the
target's symbol in formulas (the math, the plots, the conventions)."""

from PySide6.QtCore import QCoreApplication

from gui.common.formatting import format_number


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


def batch_loss_text(analysis):
    """ "Batch loss (mean over 3 samples) = 0.7967 nats", or "… = — (no sample is counted)"
    when every sample is ignored."""
    how = reduction_text(analysis)
    if analysis.loss is None:
        return QCoreApplication.translate(
            "loss", "Batch loss {how} = — (no sample is counted)").format(how=how)
    return QCoreApplication.translate("loss", "Batch loss {how} = {loss} {unit}").format(
        how=how, loss=format_number(analysis.loss), unit=unit_name(analysis.unit))


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
