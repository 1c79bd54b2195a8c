"""Logit Lab's Qt user interface; the maths lives in ``engine``.

Layers (arrows point down only): shell -> views -> common -> engine. See README, Development."""

# The one place the version is written: --version, the log, the bundle's archive name and
# pyproject.toml read it from here.
VERSION = "0.1.0"
