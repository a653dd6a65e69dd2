"""The questions the file handling asks the user, and their answers: one injectable
``Prompter``. The editor passes ``editor.files.prompter.QtPrompter``; tests pass a scripted
fake, so no test ever waits on a modal dialog (git-cola's ``interaction.py`` does the same).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from actionplan.storage import FILE_SUFFIX
from actionplan.target_date import format_long_date

if TYPE_CHECKING:
    from actionplan.lock import LockInfo
    from actionplan.recovery import RecoveryEntry


class SaveChanges(Enum):
    SAVE = "save"
    DONT_SAVE = "don't save"
    CANCEL = "cancel"


class LockChoice(Enum):
    READ_ONLY = "read-only"
    TAKE_OVER = "take over"
    CANCEL = "cancel"


class OutsideChange(Enum):
    RELOAD = "reload"
    KEEP_MINE = "keep mine"


class RestoreChoice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


@dataclass(frozen=True)
class RestoreAnswer:
    choice: RestoreChoice
    entry: RecoveryEntry | None = None
    """The copy to restore or discard; None for Later."""


class Prompter(Protocol):
    def ask_save_changes(self, name: str) -> SaveChanges: ...
    def confirm_revert(self, name: str) -> bool: ...
    def choose_open_path(self, folder: Path | None) -> Path | None: ...
    def choose_save_path(self, suggested: Path) -> Path | None: ...
    def show_error(self, title: str, message: str) -> None: ...
    def offer_save_as(self, message: str) -> bool:
        """A save failed: say why, and offer Save As. True means the user wants Save As."""
        ...
    def ask_restore(self, entries: Sequence[RecoveryEntry]) -> RestoreAnswer: ...
    def offer_import_word(self, name: str) -> bool:
        """A Word document was chosen to open. True means import it as a new plan."""
        ...
    def ask_locked(self, name: str, info: LockInfo) -> LockChoice: ...
    def ask_outside_change(self, name: str, modified: bool) -> OutsideChange: ...
    def ask_user_name(self, current: str) -> str | None:
        """The name colleagues see when this user has a plan open. None means cancelled."""
        ...
    def confirm_replace_locked(self, name: str, info: LockInfo) -> bool:
        """Save As chose a plan someone else has open. True means save over it anyway."""
        ...
    def confirm_save_over_outside_change(self, name: str) -> bool:
        """The plan's file was changed by someone else since it was opened. True means save over
        it anyway; False means save as a new file."""
        ...


# Words shared by the dialogs and the read-only banner ---------------------------------------


def describe_time(moment: dt.datetime) -> str:
    """``22 June 2026 at 14:05``, in the user's local time."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{format_long_date(local.date())} at {local:%H:%M}"


def describe_holder(info: LockInfo) -> str:
    """``Jane Smith (on computer LAPTOP-12) has had it open since 22 June 2026 at 14:05``."""
    if not info.known:
        return ("Someone may have it open, but the lock file that says who could not be read. It may "
                "belong to a colleague whose access to the folder is not the same as yours")
    return f"{info.user} (on computer {info.host}) has had it open since {describe_time(info.since)}"


def with_plan_suffix(path: Path) -> Path:
    return path if path.suffix else path.with_name(path.name + FILE_SUFFIX)
