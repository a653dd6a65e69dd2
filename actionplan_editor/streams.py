"""What a windowed program needs on Windows: somewhere to print, and a taskbar button of its own.

The standalone editor (``ActionPlanEditor.exe``) and the installed ``actionplan-editor`` run
without a console, and Python then sets ``sys.stdout`` and ``sys.stderr`` to None, so the first
``print`` (``--version``, ``check``, an argument error) would fail. Started from a command prompt,
the program writes to that prompt's console; started from a shortcut, output goes nowhere.
Only the console-less path is tested (on Linux); attaching to a console is Windows-only and
untested here.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO

ATTACH_PARENT_PROCESS = -1
APP_USER_MODEL_ID = "HMPPS.ActionPlanEditor"


def ensure_standard_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    target = "CONOUT$" if _attach_to_parent_console() else os.devnull
    if sys.stdout is None:
        sys.stdout = _open_for_text(target)
    if sys.stderr is None:
        sys.stderr = _open_for_text(target)


def _open_for_text(target: str) -> TextIO:
    try:
        return open(target, "w", encoding="utf-8", errors="replace", buffering=1)  # noqa: SIM115 - lives as long as the program
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def _attach_to_parent_console() -> bool:
    if sys.platform != "win32":
        return False
    import ctypes

    return bool(ctypes.windll.kernel32.AttachConsole(ATTACH_PARENT_PROCESS))


def use_own_taskbar_button() -> None:
    """On Windows, group the editor's windows under its own taskbar button with its own icon,
    rather than under Python's (the installed ``actionplan-editor`` runs inside pythonw.exe)."""
    if sys.platform != "win32":
        return
    import ctypes

    with contextlib.suppress(AttributeError, OSError):
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)
