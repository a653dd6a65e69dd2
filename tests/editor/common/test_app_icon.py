"""The application icon: every size shipped is there and sharp at its size, the Windows .ico
holds exactly the shipped PNGs, and the editor gives every window the icon, in all of them."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

import resources
from actionplan import __version__
from editor.common.app_icon import application_icon
from tools.build_icons import ico_bytes

ROOT = Path(__file__).resolve().parents[3]


def test_every_size_is_shipped_at_its_size(qapp: QApplication) -> None:
    for size in resources.ICON_SIZES:
        image = QImage()
        assert image.loadFromData(resources.read_bytes(resources.icon_name(size)), "PNG"), size
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        corner, middle = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
        assert corner.alpha() == 0  # transparent around the document
        assert middle.alpha() == 255


def test_the_windows_icon_holds_the_shipped_pngs() -> None:
    shipped = resources.read_bytes(resources.WINDOWS_ICON)
    pngs = {size: resources.read_bytes(resources.icon_name(size)) for size in resources.ICON_SIZES}
    assert shipped == ico_bytes(pngs)
    reserved, kind, count = struct.unpack_from("<HHH", shipped)
    assert (reserved, kind, count) == (0, 1, len(resources.ICON_SIZES))
    for index, size in enumerate(resources.ICON_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", shipped, 6 + 16 * index)
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        assert shipped[offset:offset + length] == pngs[size]


def test_the_editor_s_icon_offers_every_size(qapp: QApplication) -> None:
    sizes = application_icon().availableSizes()
    assert sizes == [QSize(size, size) for size in resources.ICON_SIZES]


def test_the_editor_gives_every_window_the_icon_and_its_version() -> None:
    script = ("from editor.app import make_application\n"
              "app = make_application([])\n"
              "print(len(app.windowIcon().availableSizes()), app.applicationVersion())\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert result.stdout.split() == [str(len(resources.ICON_SIZES)), __version__], result.stderr
