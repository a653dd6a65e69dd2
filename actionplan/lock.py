"""A lock file beside an open plan, so a colleague opening it on a shared drive is told who
has it open and since when.

The lock file ``.<plan name>.lock`` holds who, where and since when as JSON; its modification
time is a heartbeat that the editor refreshes every few minutes. A lock is stale (left by a
crash) when its process is no longer running on this computer, or, for another computer,
when its heartbeat is older than ``STALE_AFTER``.

When the lock cannot be written at all (a read-only folder or drive), ``acquire`` does not
raise: it returns a lock whose ``written`` is False and whose ``problem`` says why, and the
editor opens the plan normally. Colleagues are then not warned, which is no worse than a
program with no locks.

A lock file that exists but cannot be read (a colleague with different access to the folder)
counts as held by someone unknown: opening the plan says so rather than editing beside them.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from actionplan.clock import moment_from_file
from actionplan.processes import owner_is_running, same_host, this_host
from actionplan.safe_writing import name_beside, read_small_file, usual_mode
from actionplan.target_date import format_long_date

STALE_AFTER = timedelta(minutes=10)
"""A lock from another computer whose heartbeat is older than this was left by a crash."""
REFRESH_EVERY = timedelta(minutes=3)
"""How often the editor should call ``refresh``: well inside ``STALE_AFTER``."""
LOCK_FORMAT = "hmpps-action-plan-lock"
_UNREADABLE_GRACE = timedelta(seconds=30)
MAX_LOCK_BYTES = 64 * 1024
"""A lock is a couple of hundred bytes: a bigger file is not one, and is not read whole."""


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: datetime
    """When the plan was opened, timezone-aware UTC."""
    known: bool = True
    """False when the lock file could not be read: someone holds it, but who is not known."""

    @classmethod
    def unknown(cls, since: datetime) -> LockInfo:
        """A lock someone holds whose file cannot be read (or is being written this instant)."""
        return cls("Someone", "another computer", 0, since, known=False)

    def describe(self) -> str:
        """``Sam Patel on LAPTOP-12 since 22 June 2026 at 14:05``, in this computer's time."""
        local = self.since.astimezone()
        return f"{self.user} on {self.host} since {format_long_date(local.date())} at {local:%H:%M}"

    def is_this_process(self) -> bool:
        return same_host(self.host) and self.pid == os.getpid()

    def to_json(self) -> bytes:
        document = {
            "format": LOCK_FORMAT,
            "user": self.user,
            "host": self.host,
            "pid": self.pid,
            "since": self.since.isoformat(),
        }
        return json.dumps(document).encode("ascii")

    @classmethod
    def from_json(cls, data: bytes) -> LockInfo | None:
        try:
            document: Any = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict) or document.get("format") != LOCK_FORMAT:
                return None
            user, host, pid = document["user"], document["host"], document["pid"]
            since = moment_from_file(document["since"])
        except (ValueError, KeyError, TypeError, RecursionError):
            return None
        if not (isinstance(user, str) and isinstance(host, str) and type(pid) is int):
            return None  # True and False are ints to Python, but not process ids
        if since is None:  # not a moment, or one at the edge of the calendar
            return None
        return cls(user=user, host=host, pid=pid, since=since)


class PlanLocked(Exception):
    """Someone else has the plan open. ``message`` says who, for a person."""

    def __init__(self, plan_path: Path, info: LockInfo) -> None:
        self.info = info
        self.plan_path = plan_path
        if info.known:
            said = f"“{plan_path.name}” is open by {info.describe()}."
        else:
            said = (f"“{plan_path.name}” may be open in another editor: its lock file, which says who has "
                    "it open, could not be read.")
        self.message = f"{said} If you both change it, one of you will lose your changes."
        super().__init__(self.message)


class PlanLock:
    """This editor's lock on one plan. Get one with ``PlanLock.acquire``."""

    def __init__(self, plan_path: Path, info: LockInfo, *, written: bool, problem: str = "") -> None:
        self.plan_path = plan_path
        self.path = PlanLock.path_for(plan_path)
        self.info = info
        self.written = written
        """False when the lock file could not be written (read-only folder): see ``problem``."""
        self.problem = problem

    @staticmethod
    def path_for(plan_path: Path) -> Path:
        plan_path = Path(plan_path)
        return plan_path.with_name(name_beside(plan_path.name, ".", ".lock", room=_TEMPORARY_ROOM))

    @staticmethod
    def read(plan_path: Path) -> LockInfo | None:
        """Who holds the lock on ``plan_path``: None when there is no lock or it is damaged, an
        unknown holder (``LockInfo.known`` False) when it cannot be read."""
        return _read_with_heartbeat(PlanLock.path_for(plan_path))[0]

    @staticmethod
    def is_stale(info: LockInfo, heartbeat: datetime) -> bool:
        """True when the lock was left behind by a crash. ``heartbeat`` is the lock file's
        modification time."""
        if same_host(info.host):
            return not owner_is_running(info.pid, info.since)
        return datetime.now(UTC) - heartbeat > STALE_AFTER

    @classmethod
    def acquire(cls, plan_path: Path, user: str, *, take_over: bool = False) -> PlanLock:
        """Lock ``plan_path`` for ``user``. Clears a stale lock without fuss; with
        ``take_over``, clears a live one too. Raises ``PlanLocked`` when someone else has it
        open."""
        plan_path = Path(plan_path)
        info = LockInfo(user=user or _login_name(), host=this_host(), pid=os.getpid(),
                        since=datetime.now(UTC).replace(microsecond=0))
        lock_path = cls.path_for(plan_path)
        for _ in range(5):
            try:
                _create_exclusively(lock_path, info.to_json())
                return cls(plan_path, info, written=True)
            except FileExistsError:
                pass
            except OSError as error:
                return cls(plan_path, info, written=False, problem=_why(error))
            existing, heartbeat = _read_with_heartbeat(lock_path)
            if heartbeat is None:
                continue  # removed meanwhile: try again
            if existing is not None and existing.is_this_process():
                return cls(plan_path, existing, written=True)
            if existing is None:
                if datetime.now(UTC) - heartbeat < _UNREADABLE_GRACE and not take_over:
                    # Probably being written this instant by another editor.
                    raise PlanLocked(plan_path, LockInfo.unknown(heartbeat))
            elif not take_over and (not existing.known or not cls.is_stale(existing, heartbeat)):
                # A lock we cannot read may be anyone's, live or not: only taking over clears it.
                raise PlanLocked(plan_path, existing)
            try:
                _remove_if_unchanged(lock_path, existing, heartbeat)
            except OSError as error:  # a folder with files in it, say, by the lock's name
                return cls(plan_path, info, written=False, problem=_why(error))
        return cls(plan_path, info, written=False, problem=_KEPT_CHANGING)

    def refresh(self) -> None:
        """Heartbeat: touch the lock file, so other computers can see the plan is still open.
        If the lock file has gone (deleted by hand), it is written again."""
        if not self.written:
            return
        current = PlanLock.read(self.plan_path)
        if current == self.info:
            with contextlib.suppress(OSError):
                os.utime(self.path)
        elif current is None and not self.path.exists():
            with contextlib.suppress(OSError):
                _create_exclusively(self.path, self.info.to_json())

    def release(self) -> None:
        """Remove the lock, only if it is still ours (a colleague may have taken it over)."""
        if self.written and PlanLock.read(self.plan_path) == self.info:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self.written = False

    def is_ours(self) -> bool:
        """True while the lock file on disk is still this lock (nobody has taken it over)."""
        return self.written and PlanLock.read(self.plan_path) == self.info


_TEMPORARY_ROOM = len(".") + 8 + len(".tmp")
"""What ``_create_exclusively`` adds to the lock's name for its temporary file."""
_KEPT_CHANGING = ("The lock file kept changing while it was being written, so others may not be told you have "
                  "this plan open. Close the plan and open it again to try again.")


def _create_exclusively(lock_path: Path, data: bytes) -> None:
    """Create the lock with its whole content, failing with FileExistsError if one exists.

    The content goes into a temporary file that is then hard-linked into place: linking is
    atomic and fails when the name exists, so nobody ever reads a half-written lock. Drives
    that cannot link fall back to O_EXCL. Colleagues must be able to read it, so it gets the
    permissions any new file gets (mkstemp's are the owner's alone)."""
    handle, temporary = tempfile.mkstemp(prefix=lock_path.name + ".", suffix=".tmp", dir=lock_path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if os.name != "nt":
            os.chmod(temporary, usual_mode())
        try:
            os.link(temporary, lock_path)
            return
        except FileExistsError:
            raise
        except OSError:
            pass  # no hard links here (FAT, some network drives)
        descriptor = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            os.write(descriptor, data)
        finally:
            os.close(descriptor)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _read_with_heartbeat(lock_path: Path) -> tuple[LockInfo | None, datetime | None]:
    """The lock's holder and heartbeat; (None, None) when there is no lock. A damaged lock
    has no holder; one that exists but cannot be read has an unknown one."""
    try:
        modified = datetime.fromtimestamp(lock_path.stat().st_mtime, UTC)
    except (OSError, ValueError, OverflowError):
        return None, None
    try:
        data = read_small_file(lock_path, MAX_LOCK_BYTES)
    except FileNotFoundError:
        return None, None
    except OSError:
        return LockInfo.unknown(modified), modified
    return (LockInfo.from_json(data) if data is not None else None), modified


def _remove_if_unchanged(lock_path: Path, seen: LockInfo | None, heartbeat: datetime) -> None:
    # Another editor may have cleared the same stale lock and made its own meanwhile: only
    # remove the lock we judged.
    current, current_heartbeat = _read_with_heartbeat(lock_path)
    if current == seen and current_heartbeat == heartbeat:
        with contextlib.suppress(FileNotFoundError):
            if lock_path.is_dir() and not lock_path.is_symlink():
                lock_path.rmdir()  # a folder by the lock's name: only an empty one is cleared
            else:
                lock_path.unlink()


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return "Someone"


def _why(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return f"The lock file could not be written ({reason}), so others will not be told you have it open."
