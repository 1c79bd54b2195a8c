"""Logit Lab: start the window, or compute a scenario file headless with --compute."""

import os
import sys

# Set before numpy is imported. The app's arrays are small: OpenBLAS's worker threads only add
# wake-ups to an edit, and take the second core from the GUI thread (measured: 32 x 10 edits
# went from ~22 to ~18.5 ms median in tools/bench.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

if __name__ == "__main__":
    from gui.shell.cli import main

    sys.exit(main(sys.argv[1:]))
