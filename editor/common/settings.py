"""The user's settings, kept in an INI file in their config folder (never the Windows registry).

Window geometry, recent files, remembered owners, the user's name (shown to others in locks,
and on the progress they record), the folders last used for export and import, and how close
a target is before its action counts as due soon.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from actionplan.paths import config_dir
from actionplan.tracking import DUE_SOON_DAYS

SETTINGS_FILE_NAME = "settings.ini"
MAX_RECENT_FILES = 10
MAX_REMEMBERED_OWNERS = 200


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE_NAME


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        # getuser() fails when neither the environment nor the password database names us.
        return "Unknown user"


class AppSettings:
    """Typed access to the settings. Each write reaches the file at once, so a crash loses
    nothing and a second editor sees the same recent files."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._store = QSettings(str(self.path), QSettings.Format.IniFormat)

    # Window ------------------------------------------------------------------------------

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)
        self._store.sync()

    # Recent files ------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Most recent first, without files that are no longer there."""
        return [path for path in self._paths("files/recent") if path.is_file()]

    def add_recent_file(self, path: Path) -> None:
        path = path.absolute()
        others = [known for known in self._paths("files/recent") if known != path]
        self._set_list("files/recent", [str(known) for known in [path, *others][:MAX_RECENT_FILES]])

    def remove_recent_file(self, path: Path) -> None:
        kept = [known for known in self._paths("files/recent") if known != path.absolute()]
        self._set_list("files/recent", [str(known) for known in kept])

    def clear_recent_files(self) -> None:
        self._set_list("files/recent", [])

    # Owners ------------------------------------------------------------------------------

    def remembered_owners(self) -> list[str]:
        return self._strings("owners/remembered")

    def remember_owners(self, owners: Iterable[str]) -> None:
        """Add owners, most recent first, keeping each once."""
        new = [owner.strip() for owner in owners if owner.strip()]
        merged = list(dict.fromkeys([*new, *self.remembered_owners()]))
        self._set_list("owners/remembered", merged[:MAX_REMEMBERED_OWNERS])

    def forget_owners(self, owners: Iterable[str]) -> None:
        gone = {owner.strip() for owner in owners}
        self._set_list("owners/remembered", [owner for owner in self.remembered_owners() if owner not in gone])

    # The user ----------------------------------------------------------------------------

    def user_name(self) -> str:
        """The name other people see when this user has a plan open. Defaults to the login."""
        value = self._store.value("user/name", "")
        name = value.strip() if isinstance(value, str) else ""
        return name or login_name()

    def set_user_name(self, name: str) -> None:
        self._store.setValue("user/name", name.strip())
        self._store.sync()

    def has_user_name(self) -> bool:
        """Whether the user has said their name, rather than the login standing in for it.
        Progress records carry it, so the editor asks once, as Word does."""
        value = self._store.value("user/name", "")
        return isinstance(value, str) and bool(value.strip())

    # Progress ----------------------------------------------------------------------------

    def due_soon_days(self) -> int:
        """How close a target is before its action counts as due soon (45 days unless set)."""
        value = self._store.value("progress/due_soon_days", DUE_SOON_DAYS)
        try:
            days = int(value)  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return DUE_SOON_DAYS
        return days if 1 <= days <= 366 else DUE_SOON_DAYS

    def set_due_soon_days(self, days: int) -> None:
        self._store.setValue("progress/due_soon_days", days)
        self._store.sync()

    # Folders -----------------------------------------------------------------------------

    def last_folder(self, purpose: str) -> Path | None:
        """The folder last used to open, save, export or import. None if it has gone."""
        value = self._store.value(f"folders/{purpose}", "")
        if not isinstance(value, str) or not value:
            return None
        folder = Path(value)
        return folder if folder.is_dir() else None

    def set_last_folder(self, purpose: str, folder: Path) -> None:
        self._store.setValue(f"folders/{purpose}", str(folder))
        self._store.sync()

    # Plumbing ----------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._store.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _strings(self, key: str) -> list[str]:
        # An INI file gives back one string for a one-item list and None for an empty one.
        value = self._store.value(key)
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list):
            return [item for item in value if isinstance(item, str) and item]
        return []

    def _paths(self, key: str) -> list[Path]:
        return [Path(item) for item in self._strings(key)]

    def _set_list(self, key: str, values: list[str]) -> None:
        self._store.setValue(key, values)
        self._store.sync()
