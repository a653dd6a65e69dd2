"""Words for a failed save, where the storage layer cannot tell two causes apart.

``storage`` reports any PermissionError as "you cannot save in that folder" unless the file is
marked read-only. On Windows a file held open by another program (Word, a sync client, a virus
scanner) also fails with a PermissionError while the folder is perfectly writable, so that
message would send the user looking in the wrong place. Trying to create a file in the folder
tells the two apart.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from actionplan.storage import PlanSaveError


def explain_save_failure(error: PlanSaveError) -> str:
    cause = error.__context__  # kept by ``raise ... from None``, only hidden from tracebacks
    if isinstance(cause, PermissionError) and error.path.exists() and _folder_is_writable(error.path.parent):
        return (
            f"“{error.path.name}” could not be saved because it is open in another program, "
            "such as Word or a sync tool, or it is read-only. Close it there and save again, "
            "or use Save As to save a copy."
        )
    return error.message


def _folder_is_writable(folder: Path) -> bool:
    try:
        handle, name = tempfile.mkstemp(prefix=".write-test.", suffix=".tmp", dir=folder)
    except OSError:
        return False
    os.close(handle)
    with contextlib.suppress(OSError):
        os.unlink(name)
    return True
