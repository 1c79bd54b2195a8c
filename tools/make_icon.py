"""Render resources/icons/logit-lab.svg to the PNG, .ico (Windows) and .icns (macOS) icons.

Run after editing the SVG:  .venv/bin/python tools/make_icon.py
The outputs are committed, so a build never needs this script."""

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "logit-lab.svg"
PNG_SIZES = (256, 64, 32)            # resources/icons/logit-lab-<size>.png: window icon, desktop entry
ICO_SIZES = (256, 64, 48, 32, 16)    # Windows picks the nearest size for each view
ICNS_TYPES = {"ic07": 128, "ic08": 256, "ic09": 512}  # macOS icon types holding PNG data


def render(renderer, size):
    image = QImage(size, size, QImage.Format_ARGB32_Premultiplied)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setRenderHint(QPainter.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image):
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("cannot encode PNG")
    return bytes(data)


def ico_file(pngs):
    """An .ico whose entries are PNG images (Windows Vista and later read these)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, data in pngs:
        side = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_file(chunks):
    """An .icns made of PNG chunks: 'icns', total length, then (type, length, data) per chunk."""
    body = b"".join(kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
                    for kind, data in chunks)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        sys.exit(f"make_icon: {SOURCE} is not a valid SVG")
    for size in PNG_SIZES:
        target = ICONS / f"logit-lab-{size}.png"
        target.write_bytes(png_bytes(render(renderer, size)))
        print(target.relative_to(ICONS.parent.parent))
    ico = ICONS / "logit-lab.ico"
    ico.write_bytes(ico_file([(s, png_bytes(render(renderer, s))) for s in ICO_SIZES]))
    print(ico.relative_to(ICONS.parent.parent))
    icns = ICONS / "logit-lab.icns"
    icns.write_bytes(icns_file([(k, png_bytes(render(renderer, s))) for k, s in ICNS_TYPES.items()]))
    print(icns.relative_to(ICONS.parent.parent))


if __name__ == "__main__":
    main()
