"""Recovery copies: autosaved unsaved work, kept in the user's local data folder.

Each copy is two files in the recovery folder, named by its key: ``<key>.actionplan`` (the plan,
in the ordinary file format) and ``<key>.json`` (where it came from, when it was saved and which
editor process owns it). Nothing here ever writes near the user's own file.

The editor saves a copy a little while after each edit, lists ``entries()`` at start-up to offer
them back, and ``discard``s a copy after a clean save or close.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from actionplan import paths
from actionplan.clock import moment_from_file
from actionplan.file_errors import PlanSaveError
from actionplan.model import Plan
from actionplan.processes import owner_is_running, same_host, this_host
from actionplan.safe_writing import read_small_file, write_atomically
from actionplan.storage import load_plan, plan_to_bytes

PLAN_SUFFIX = ".actionplan"
META_SUFFIX = ".json"
META_FORMAT = "hmpps-action-plan-recovery"
_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MAX_META_BYTES = 64 * 1024
"""A copy's details are a few hundred bytes: a bigger file is not one, and is not read."""


@dataclass(frozen=True)
class RecoveryEntry:
    key: str
    source_path: Path | None
    """The user's file, or None for a new plan that was never saved."""
    display_name: str
    saved_at: datetime
    """When the copy was made, timezone-aware UTC."""
    path: Path
    """The recovery copy itself."""


class RecoveryStore:
    """Recovery copies in one folder (by default ``actionplan.paths.recovery_dir()``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else paths.recovery_dir()

    @staticmethod
    def key_for(source_path: Path | None) -> str:
        """The same key every time for the same file, so a new copy replaces the old one;
        a fresh random key for a plan that has no file yet."""
        if source_path is None:
            return "new-" + secrets.token_hex(8)
        resolved = os.path.normcase(str(Path(source_path).expanduser().resolve()))
        return "file-" + hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24]

    # Writing ------------------------------------------------------------------------------

    def save(self, key: str, plan: Plan, source_path: Path | None, display_name: str) -> RecoveryEntry:
        return self.save_bytes(key, plan_to_bytes(plan), source_path, display_name)

    def save_bytes(
        self, key: str, data: bytes, source_path: Path | None, display_name: str
    ) -> RecoveryEntry:
        """Write ``data`` (``storage.plan_to_bytes(plan)``) as the copy for ``key``.

        Safe to call from a worker thread: it touches no shared state and both files are
        written atomically. Raises ``PlanSaveError`` when the recovery folder cannot be written.
        """
        _check_key(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise PlanSaveError(
                self.folder,
                f"Recovery copies cannot be kept in {self.folder}: {error.strerror or error}. "
                "Save your work often.",
            ) from None
        entry = RecoveryEntry(
            key=key,
            source_path=Path(source_path) if source_path is not None else None,
            display_name=display_name,
            saved_at=datetime.now(UTC),
            path=self._plan_path(key),
        )
        # The plan first: metadata only ever points at a whole copy.
        write_atomically(entry.path, data)
        write_atomically(self._meta_path(key), _metadata(entry))
        return entry

    def discard(self, key: str) -> None:
        """Delete the copy for ``key``. No error if it is already gone: a copy that cannot be
        deleted is harmless and is offered again at the next start."""
        _check_key(key)
        for path in (self._meta_path(key), self._plan_path(key)):
            with contextlib.suppress(OSError):
                path.unlink()

    # Reading ------------------------------------------------------------------------------

    def entries(self, include_live: bool = False) -> list[RecoveryEntry]:
        """Every recovery copy, newest first. Copies whose metadata cannot be read are skipped.
        Unless ``include_live``, copies owned by another editor that is still running on this
        computer are left out: that editor is still working on them."""
        try:
            candidates = sorted(self.folder.glob("*" + META_SUFFIX))
        except OSError:
            return []
        found: list[RecoveryEntry] = []
        for meta_path in candidates:
            read = _read_metadata(meta_path, self.folder)
            if read is None:
                continue
            entry, host, pid = read
            if not include_live and _owned_by_another_live_editor(host, pid, entry.saved_at):
                continue
            found.append(entry)
        found.sort(key=lambda entry: entry.saved_at, reverse=True)
        return found

    def load(self, entry: RecoveryEntry) -> Plan:
        """The plan in a copy. Raises ``PlanFileError`` subclasses, as for any plan file."""
        return load_plan(entry.path)

    # Names --------------------------------------------------------------------------------

    def _plan_path(self, key: str) -> Path:
        return self.folder / (key + PLAN_SUFFIX)

    def _meta_path(self, key: str) -> Path:
        return self.folder / (key + META_SUFFIX)


def _check_key(key: str) -> None:
    # Keys become file names: refuse anything that could reach outside the folder.
    if not _KEY.match(key):
        raise ValueError(f"not a recovery key: {key!r}")


def _metadata(entry: RecoveryEntry) -> bytes:
    document = {
        "format": META_FORMAT,
        "key": entry.key,
        "source_path": str(entry.source_path) if entry.source_path is not None else None,
        "display_name": entry.display_name,
        "saved_at": entry.saved_at.isoformat(),
        "host": this_host(),
        "pid": os.getpid(),
    }
    # ASCII with escapes: a Linux file name that is not UTF-8 survives the round trip.
    return json.dumps(document, indent=1).encode("ascii")


def _read_metadata(meta_path: Path, folder: Path) -> tuple[RecoveryEntry, str, int] | None:
    try:
        data = read_small_file(meta_path, MAX_META_BYTES)
        if data is None:
            return None
        document: Any = json.loads(data.decode("utf-8"))
        if not isinstance(document, dict) or document.get("format") != META_FORMAT:
            return None
        key = document["key"]
        source = document["source_path"]
        saved_at = moment_from_file(document["saved_at"])
        if (
            not isinstance(key, str) or not _KEY.match(key) or meta_path.stem != key
            or not isinstance(source, str | None) or not isinstance(document["display_name"], str)
            or saved_at is None
        ):
            return None
        plan_path = folder / (key + PLAN_SUFFIX)
        if not plan_path.is_file():
            return None
        entry = RecoveryEntry(
            key=key,
            source_path=Path(source) if source is not None else None,
            display_name=document["display_name"],
            saved_at=saved_at,
            path=plan_path,
        )
        host, pid = document.get("host"), document.get("pid")
        return entry, host if isinstance(host, str) else "", pid if isinstance(pid, int) else 0
    except (OSError, ValueError, KeyError, TypeError, OverflowError, RecursionError):
        # OverflowError: a moment at the very edge of the calendar, which has no UTC time.
        return None


def _owned_by_another_live_editor(host: str, pid: int, saved_at: datetime) -> bool:
    return same_host(host) and pid != os.getpid() and owner_is_running(pid, saved_at)
