"""Build the application icon: ``resources/icons/app-SIZE.png`` in every size the window, the
taskbar and the standalone folder use, and ``resources/icons/app.ico`` for Windows.

    python tools/build_icons.py

A white document with a folded corner and lines of text, and a green tick in a circle over its
lower right: a plan that has been checked. GOV.UK colours (blue #1d70b8, green #00703c, dark
grey #505a5f). Small sizes leave out the lines of text, which would only blur.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen  # noqa: E402

import resources  # noqa: E402

ICONS = ROOT / "resources" / "icons"
BLUE = QColor("#1d70b8")
GREEN = QColor("#00703c")
LINES = QColor("#505a5f")  # GOV.UK secondary text


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)  # drawn on a 64-unit square
    _document(painter, size)
    _tick(painter)
    painter.end()
    return image


def _document(painter: QPainter, size: int) -> None:
    left, top, right, bottom, fold = 8.0, 3.0, 46.0, 59.0, 12.0
    page = QPainterPath()
    page.moveTo(left, top)
    page.lineTo(right - fold, top)
    page.lineTo(right, top + fold)
    page.lineTo(right, bottom)
    page.lineTo(left, bottom)
    page.closeSubpath()
    painter.setPen(QPen(BLUE, 3.5 if size < 32 else 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawPath(page)
    corner = QPainterPath()
    corner.moveTo(right - fold, top)
    corner.lineTo(right - fold, top + fold)
    corner.lineTo(right, top + fold)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(corner)
    if size >= 32:
        painter.setPen(QPen(LINES, 3.0, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap))
        for y, end in ((22.0, 38.0), (30.0, 38.0), (38.0, 28.0)):
            painter.drawLine(QPointF(left + 7, y), QPointF(end, y))


def _tick(painter: QPainter) -> None:
    painter.setPen(QPen(Qt.GlobalColor.white, 3.0))
    painter.setBrush(GREEN)
    painter.drawEllipse(QRectF(30.0, 32.0, 32.0, 32.0))
    tick = QPainterPath()
    tick.moveTo(38.0, 48.5)
    tick.lineTo(44.0, 54.5)
    tick.lineTo(55.0, 41.5)
    painter.setPen(QPen(Qt.GlobalColor.white, 5.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each size as PNG data (which Windows reads from Vista on)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


def build(folder: Path = ICONS) -> dict[int, bytes]:
    _application = QGuiApplication.instance() or QGuiApplication([])
    folder.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(draw(size)) for size in resources.ICON_SIZES}
    for size, data in pngs.items():
        (folder / f"app-{size}.png").write_bytes(data)
    (folder / "app.ico").write_bytes(ico_bytes(pngs))
    return pngs


if __name__ == "__main__":
    build()
    print(f"Wrote {len(resources.ICON_SIZES)} PNG sizes and app.ico to {ICONS}")
