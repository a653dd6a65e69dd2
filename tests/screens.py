"""Screens of a chosen size for the offscreen platform: ``QT_QPA_PLATFORM`` set to
``offscreen_platform(1366, 768)`` gives a process one screen of that size, with window frames."""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import tempfile
from pathlib import Path


def offscreen_platform(width: int, height: int, frames: bool = True) -> str:
    """The ``QT_QPA_PLATFORM`` value for an offscreen screen of ``width`` by ``height``; with
    ``frames``, windows get a frame round them, as on a desktop."""
    config = {
        "windowFrameMargins": frames,
        "screens": [{"name": f"screen {width}x{height}", "x": 0, "y": 0, "width": width, "height": height,
                     "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
    }
    path = Path(tempfile.gettempdir()) / f"actionplan-screen-{width}x{height}-{os.getpid()}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    atexit.register(lambda: _remove(path))
    return f"offscreen:configfile={path}"


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
