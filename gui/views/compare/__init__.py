"""The compare view: every model of the scenario judged against the same truth, side by side."""
