"""PyInstaller runtime hook (tools/logit-lab.spec): stand-ins for PySide6.QtOpenGL and
PySide6.QtOpenGLWidgets, which the bundle leaves out.

pyqtgraph imports both as it loads (pyqtgraph/Qt/OpenGLHelpers.py) but uses them only for plots
drawn with ``useOpenGL=True``, which Logit Lab never asks for. The real modules weigh 9.8 MB
(QtOpenGL.abi3.so alone is 8.9 MB), a sixth of what the bundle may weigh. Whatever does try
OpenGL gets a clear error instead of a missing module."""

import sys
import types

MESSAGE = "OpenGL is not part of the Logit Lab bundle (see tools/logit-lab.spec)"


def _install_stand_ins():
    from PySide6.QtWidgets import QWidget

    class QOpenGLWidget(QWidget):
        """Subclassed by pyqtgraph at import; never made, as no plot uses OpenGL."""

        def __init__(self, *args, **kwargs):
            raise RuntimeError(MESSAGE)

    for name, attributes in (("PySide6.QtOpenGL", {}),
                             ("PySide6.QtOpenGLWidgets", {"QOpenGLWidget": QOpenGLWidget})):
        module = types.ModuleType(name, MESSAGE)
        module.__dict__.update(attributes)

        def missing(attribute, name=name):
            raise AttributeError(f"{name}.{attribute}: {MESSAGE}")

        module.__getattr__ = missing
        sys.modules[name] = module
        setattr(sys.modules["PySide6"], name.rsplit(".", 1)[1], module)


try:
    import PySide6.QtOpenGL  # noqa: F401 - kept after all: nothing to stand in for
except ImportError:
    _install_stand_ins()
