"""File ▸ Open Recent: the plans opened or saved lately, without those that have gone."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QWidget

from editor.common.settings import AppSettings


def recent_label(number: int, path: Path) -> str:
    # Numbers 1 to 9 give keyboard access; the folder tells apart files with the same name.
    prefix = f"&{number}  " if number < 10 else "    "
    return f"{prefix}{path.name.replace('&', '&&')}  ({path.parent})"


class RecentFilesMenu(QMenu):
    chosen = Signal(object)
    """A ``Path`` the user picked."""

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self._settings = settings
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        paths = self._settings.recent_files()
        for number, path in enumerate(paths, start=1):
            action = self.addAction(recent_label(number, path))
            action.setToolTip(str(path))
            action.setData(str(path))
            action.triggered.connect(lambda _checked=False, chosen=path: self.chosen.emit(chosen))
        if not paths:
            self.addAction("No recent plans").setEnabled(False)
            return
        self.addSeparator()
        self.addAction("Clear list", self._clear)

    def paths(self) -> list[Path]:
        return [Path(action.data()) for action in self.actions() if action.data()]

    def _clear(self) -> None:
        self._settings.clear_recent_files()
        self.rebuild()
