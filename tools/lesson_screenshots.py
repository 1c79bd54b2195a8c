"""Take the README's screenshots of lesson 1 in Chinese: the real app under Xvfb at 1366 × 768.

    .venv/bin/python tools/lesson_screenshots.py

Needs Xvfb (sudo apt-get install xvfb) and a Chinese font (fonts-noto-cjk). Writes
resources/screenshots/lesson-zh-1.png, -2.png and -3.png: a question open (the numbers that
would give it away covered), then two answered, with the engine's answer and why.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
WIDTH, HEIGHT = 1366, 768
# (file, step of lesson 1 counted from 1, answer its question first)
SHOTS = (("lesson-zh-1.png", 2, False), ("lesson-zh-2.png", 8, True),
         ("lesson-zh-3.png", 10, True))
SETTLE_MS = 800


def shoot(target, step, answered):
    """In the child process: the window in Chinese at lesson 1's ``step``, grabbed to
    ``target``."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer

    from gui.shell import app as application
    from gui.shell import i18n

    app = application.create_application()
    QSettings().setValue(i18n.SETTINGS_KEY, "zh_CN")
    window = application.create_main_window()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.show()
    lessons = window.lessons
    # The window makes room for the lesson itself (at 1366 pixels the options give way).
    lessons.start(0, step - 1)
    if answered:
        _answer(lessons.panel, lessons.panel.step)

    def finish():
        area = window.frameGeometry()
        window.screen().grabWindow(0, area.x(), area.y(), area.width(),
                                   area.height()).save(str(target))
        window.document.undo_stack.setClean()  # nothing to ask on close
        window.close()
        app.quit()

    QTimer.singleShot(SETTLE_MS, finish)
    app.exec()


def _answer(panel, step):
    """Answer the step's question with the engine's own answer, as a student would type it."""
    box = panel.question
    if step.question.kind == "number":
        box.number_edit.setText(step.answer.text["zh_CN"])
    else:
        keys = [button.property("key") for button in box.radio_buttons]
        box.radio_buttons[keys.index(step.answer.value)].setChecked(True)
    box.commit()


def main():
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               f"{WIDTH}x{HEIGHT}x24", "-nolisten", "tcp"],
                              pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        for name, step, answered in SHOTS:
            with tempfile.TemporaryDirectory() as home:
                env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
                       "LANG": "zh_CN.UTF-8", "LANGUAGE": "zh_CN",
                       "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
                subprocess.run([sys.executable, __file__, "--shoot", str(OUT / name), str(step),
                                str(int(answered))], env=env, check=True, timeout=120)
            print(f"wrote resources/screenshots/{name} ({(OUT / name).stat().st_size // 1024} KB)")
    finally:
        server.terminate()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--shoot"]:
        shoot(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1")
    else:
        main()
