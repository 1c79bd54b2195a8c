"""Logit Lab's Qt user interface; the maths lives in ``engine``."""
