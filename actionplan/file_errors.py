"""The one typed error for each way a plan file can be bad or fail to save, each with a
message a person can act on."""

from __future__ import annotations

from enum import Enum
from pathlib import Path


class PlanFileError(Exception):
    """A plan file could not be read or written. ``str(error)`` is a message for a person."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class PlanFileMissing(PlanFileError):
    pass


class PlanFileUnreadable(PlanFileError):
    pass


class PlanFileNotJson(PlanFileError):
    pass


class NotAPlanFile(PlanFileError):
    pass


class PlanContentInvalid(PlanFileError):
    def __init__(self, path: Path | str, message: str, where: str) -> None:
        super().__init__(path, message)
        self.where = where


class PlanFileTooLarge(PlanFileError):
    pass


class PlanFromNewerVersion(PlanFileError):
    def __init__(self, path: Path | str, message: str, version: int) -> None:
        super().__init__(path, message)
        self.version = version


class SaveAdvice(Enum):
    """What to do after a failed save: in the editor's words, and the command line's, which
    has no Save As and no work left open."""

    NONE = ("", "")
    ANOTHER_FOLDER = ("Use Save As to choose another folder.", "Choose another output file with -o.")
    ANOTHER_NAME = ("Use Save As to save under another name.", "Choose another output file with -o.")
    SAVE_A_COPY = ("Use Save As to save a copy.", "Choose another output file with -o.")
    WORK_KEPT = ("Your work is still open.", "")
    WORK_KEPT_SAVE_A_COPY = ("Your work is still open. Use Save As to save a copy.",
                             "Choose another output file with -o.")
    FREE_SPACE = ("Free some space or use Save As to save somewhere else.",
                  "Free some space or choose another output file with -o.")
    CLOSE_IT = ("Close it there and save again, or use Save As to save a copy.",
                "Close it there and try again, or choose another output file with -o.")

    @property
    def in_editor(self) -> str:
        return self.value[0]

    @property
    def on_command_line(self) -> str:
        return self.value[1]


class PlanSaveError(PlanFileError):
    """Saving failed. The plan in memory is untouched and the old file, if any, is whole.
    ``message`` gives the editor's advice; ``command_line_message`` the command line's."""

    def __init__(self, path: Path | str, problem: str, advice: SaveAdvice = SaveAdvice.NONE) -> None:
        super().__init__(path, f"{problem} {advice.in_editor}".rstrip())
        self.command_line_message = f"{problem} {advice.on_command_line}".rstrip()
