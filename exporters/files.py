"""Write an exported file safely: through a temporary file, then one replace.

A failed export leaves any earlier file of that name whole, and every operating-system error
becomes a message that says what to do.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from pathlib import Path

from actionplan.safe_writing import (
    give_usual_permissions,
    is_locked_by_another_program,
    is_read_only,
    make_temporary_beside,
    remove_stale_temporary_files,
)
from exporters.errors import ExportError


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable by colleagues as any new file is (the
    user's umask decides), or with the permissions of the file it replaces. A file marked
    read-only is never replaced. Raises ``ExportError`` with a message."""
    if path.is_dir():
        raise ExportError(f"“{path.name}” is a folder. Choose a file name to export to.")
    if is_read_only(path):
        raise ExportError(f"“{path.name}” is read-only, so it has not been replaced. Choose another name, or "
                          "make the file writable and export again.")
    try:
        handle, temporary = make_temporary_beside(path)
    except OSError as error:
        raise ExportError(folder_message(path, error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        give_usual_permissions(temporary, like=path)
        replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExportError(file_message(path, error)) from None
    remove_stale_temporary_files(path)  # left by an earlier export that was killed part-way


def replace(source: Path, target: Path) -> None:
    # On Windows a virus scanner or sync client can hold the target for a moment; Word holds it
    # for as long as the document is open, which the retries cannot outlast.
    for attempt in range(4):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 3 or os.name != "nt":
                raise
            time.sleep(0.1 * (attempt + 1))


def folder_message(path: Path, error: OSError) -> str:
    folder = path.parent
    if isinstance(error, FileNotFoundError) or not folder.exists():
        return f"The folder “{folder}” does not exist. Choose another folder."
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"There is not enough space on the disk to export “{path.name}”. Free some space or choose another drive."
    if error.errno == errno.EROFS:
        return f"The drive holding “{folder}” is read-only. Choose another folder."
    if isinstance(error, PermissionError):
        return f"You cannot save files in the folder “{folder}”. Choose another folder, such as Documents."
    return f"“{path.name}” could not be exported: {reason(error)}."


def file_message(path: Path, error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"There is not enough space on the disk to export “{path.name}”. Free some space or choose another drive."
    if is_locked_by_another_program(error):
        return (
            f"“{path.name}” could not be replaced because it is open in another program, such as Word. "
            "Close it there and export again, or choose another name."
        )
    if isinstance(error, PermissionError):
        return (
            f"“{path.name}” could not be replaced. It may be open in Word or another program, or be "
            "read-only. Close it and export again, or choose another name."
        )
    if isinstance(error, IsADirectoryError):
        return f"“{path.name}” is a folder. Choose a file name to export to."
    return folder_message(path, error)


def reason(error: OSError) -> str:
    text = error.strerror or type(error).__name__
    return text[0].lower() + text[1:]
