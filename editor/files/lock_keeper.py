"""Holds the lock on the open plan, so others see who is editing it, and keeps it fresh.

A plan that someone else has open is offered read-only, or the user can take over. The lock
is refreshed every few minutes, so a lock left by a crashed editor goes stale and is cleared
by the next person without fuss.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from actionplan.lock import REFRESH_EVERY, LockInfo, PlanLock, PlanLocked
from editor.files.questions import LockChoice, Prompter

REFRESH_MS = int(REFRESH_EVERY.total_seconds() * 1000)
CHECK_TAKEN_OVER_MS = 10_000
"""How soon a colleague taking the plan over is noticed: reading a small file every ten seconds
costs nothing, and waiting for the next heartbeat (minutes) let someone type on into a plan
that was no longer theirs."""


class LockOutcome(Enum):
    EDITABLE = "editable"
    READ_ONLY = "read-only"
    CANCELLED = "cancelled"


class LockKeeper(QObject):
    lost = Signal(object)
    """Someone else took the lock over while we held it. The argument is their ``LockInfo``."""
    unwritten = Signal(str)
    """The lock file could not be written (a read-only folder): others will not be warned."""

    def __init__(self, prompter: Prompter, user_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prompter = prompter
        self.user_name = user_name
        self._lock: PlanLock | None = None
        self.holder: LockInfo | None = None
        """Who holds the plan when we opened it read-only."""
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._check = QTimer(self, interval=CHECK_TAKEN_OVER_MS)
        self._check.timeout.connect(self.check_taken_over)

    @property
    def held(self) -> bool:
        return self._lock is not None

    def claim(self, path: Path) -> LockOutcome:
        """Lock ``path`` for editing, asking the user if someone else has it open."""
        self.release()
        self.holder = None
        try:
            return self._hold(PlanLock.acquire(path, self.user_name))
        except PlanLocked as locked:
            return self._ask(path, locked.info)

    def claim_for_saving(self, path: Path) -> bool:
        """Lock a file that is about to be saved over (Save As). If someone else has it open,
        ask before replacing their plan. The old lock is let go only once the new one is held."""
        try:
            lock = PlanLock.acquire(path, self.user_name)
        except PlanLocked as locked:
            if not self._prompter.confirm_replace_locked(path.name, locked.info):
                return False
            lock = PlanLock.acquire(path, self.user_name, take_over=True)
        self.release()
        self._hold(lock)
        return True

    def take_over(self, path: Path) -> LockOutcome:
        self.release()
        try:
            return self._hold(PlanLock.acquire(path, self.user_name, take_over=True))
        except PlanLocked as locked:
            self.holder = locked.info
            return LockOutcome.READ_ONLY

    def refresh(self) -> None:
        """Touch the lock, and notice if a colleague has taken it over meanwhile."""
        lock = self._lock
        if lock is None:
            return
        lock.refresh()
        self.check_taken_over()

    def check_taken_over(self) -> None:
        """Notice if a colleague has taken the plan over, and say so."""
        lock = self._lock
        if lock is None or not lock.written:
            return
        current = PlanLock.read(lock.plan_path)  # one small read: on a share it may be slow
        if current is not None and current != lock.info:
            self._forget()
            self.lost.emit(current)

    def release(self) -> None:
        lock = self._forget()
        if lock is not None:
            lock.release()

    def _ask(self, path: Path, info: LockInfo) -> LockOutcome:
        choice = self._prompter.ask_locked(path.name, info)
        if choice is LockChoice.TAKE_OVER:
            return self.take_over(path)
        if choice is LockChoice.READ_ONLY:
            self.holder = info
            return LockOutcome.READ_ONLY
        return LockOutcome.CANCELLED

    def _hold(self, lock: PlanLock) -> LockOutcome:
        self._lock = lock
        self._refresh.start()
        self._check.start()
        if not lock.written:
            self.unwritten.emit(lock.problem)
        return LockOutcome.EDITABLE

    def _forget(self) -> PlanLock | None:
        lock, self._lock = self._lock, None
        self._refresh.stop()
        self._check.stop()
        return lock
