"""The application's icon, from the PNG sizes shipped in ``resources/icons``."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

import resources


def application_icon() -> QIcon:
    """A document with a tick, in every size shipped, so Qt picks a sharp one for the title bar,
    the taskbar and the window switcher. Empty if the installation lacks the files."""
    icon = QIcon()
    for size in resources.ICON_SIZES:
        pixmap = QPixmap()
        try:
            data = resources.read_bytes(resources.icon_name(size))
        except OSError:
            continue
        if pixmap.loadFromData(data, "PNG"):
            icon.addPixmap(pixmap)
    return icon
