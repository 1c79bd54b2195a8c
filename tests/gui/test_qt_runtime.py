"""The Qt binding itself: guards against a PySide6 release that would crash the app."""

import subprocess
import sys

EMIT_MANY = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Probe(QObject):
    fired = Signal(int)
app = QCoreApplication([])
probe = Probe()
probe.fired.connect(lambda value: None)
for i in range(20000):
    probe.fired.emit(i)
print("done")
"""


def test_emitting_signals_many_times_does_not_abort_the_interpreter():
    # PySide6 6.12.0 drops a reference to True on every emit; on Python 3.11 the interpreter
    # aborts ("bool_dealloc") after a few thousand: a few hundred edits in the app.
    result = subprocess.run([sys.executable, "-c", EMIT_MANY], capture_output=True, text=True,
                            timeout=60, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
