"""The plan named on the command line, opened once recovered work has been offered.

A window shows one plan. When the user restores the work of another plan at start-up, that work
stays in this window and the named plan opens in a window of its own; when there is no second
window to be had, the user is told plainly why the named plan is not open, and where to find it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.files.file_controller import FileController


def open_named_plan(files: FileController, named: Path) -> None:
    """Open ``named`` after the recovered-work question: here, unless this window now holds
    restored work of another plan."""
    document = files.document
    if document.path is None and not document.is_modified():
        files.open_plan(named)
    elif document.path is None or not same_file(document.path, named):
        _open_beside_restored_work(files, named)
    # Otherwise the named plan is open already, with its restored work.


def _open_beside_restored_work(files: FileController, named: Path) -> None:
    restored = files.display_name()
    if files.open_in_new_window is not None:
        if files.open_in_new_window(named, f"Your restored work on “{restored}” is in the other window."):
            files.status.emit(f"Restored your work on “{restored}” here. Save it to keep it. "
                              f"“{named.name}” is open in a new window.")
        return
    if named.is_file():
        files.settings.add_recent_file(named)
    files.prompter.show_error(
        f"“{named.name}” is not open yet",
        f"This window holds your restored work on “{restored}”, which is not saved yet, and a "
        f"window shows one plan at a time. Save your restored work, then open “{named.name}” "
        "from File ▸ Open Recent.")


def same_file(first: Path, second: Path) -> bool:
    try:
        return first.samefile(second)
    except OSError:
        return first.absolute() == second.absolute()
