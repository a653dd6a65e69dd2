"""Says when the day changes while the editor is open, so what depends on it (overdue and due
soon, the progress checks) is counted again: an editor left open overnight is not a day behind.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from actionplan import clock

CHECK_EVERY_MS = 60_000


class DayWatcher(QObject):
    new_day = Signal()

    def __init__(self, today: Callable[[], dt.date] = clock.today, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.day = today()
        self._timer = QTimer(self, interval=CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        day = self.today()
        if day != self.day:
            self.day = day
            self.new_day.emit()
