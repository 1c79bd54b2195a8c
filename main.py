"""Logit Lab: start the window, or compute a scenario file headless with --compute."""

import sys

if __name__ == "__main__":
    from gui.cli import main

    sys.exit(main(sys.argv[1:]))
