"""Take the README's screenshots: the real app under Xvfb, in English and in Chinese.

    .venv/bin/python tools/screenshots.py

Needs Xvfb (sudo apt-get install xvfb) and a Chinese font (fonts-noto-cjk). Writes
resources/screenshots/main-en.png and main-zh.png.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "screenshots"
LANGUAGES = {"en": "en_US.UTF-8", "zh": "zh_CN.UTF-8"}


def take(display, language, locale):
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": locale,
               "LANGUAGE": locale.split(".")[0], "XDG_CONFIG_HOME": f"{home}/config",
               "XDG_DATA_HOME": f"{home}/data"}
        target = OUT / f"main-{language}.png"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--smoke", "--screenshot",
                        str(target)], env=env, check=True, timeout=120)
        print(f"wrote {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KB)")


def main():
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               "1600x1000x24", "-nolisten", "tcp"], pass_fds=(write_end,))
    os.close(write_end)
    with os.fdopen(read_end) as pipe:
        display = ":" + pipe.readline().strip()
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        for language, locale in LANGUAGES.items():
            take(display, language, locale)
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
