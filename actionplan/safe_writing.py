"""Writing files so that nothing is ever lost: through a temporary file beside the target, then
one replace, keeping the previous file as a backup; with the permissions colleagues on a
shared drive need; never replacing a file marked read-only; with names that stay legal beside
a long file name; and saying in plain words why a write failed. Plans, exports and reports all
write this way."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
import time
from enum import StrEnum
from pathlib import Path

from actionplan.file_errors import PlanSaveError, SaveAdvice

BACKUP_SUFFIX = ".bak"


TEMPORARY_SUFFIX = ".tmp"


STALE_TEMPORARY_SECONDS = 10 * 60
"""A temporary file this old was left by a save that was killed part-way: none takes so long."""


NAME_LIMIT = 255
"""The longest file name, in bytes on Linux and macOS and in UTF-16 units on Windows."""


def backup_path(path: Path | str) -> Path:
    """``<name>.bak`` beside the plan (shortened only when that would be too long a name)."""
    path = Path(path)
    return path.with_name(name_beside(path.name, suffix=BACKUP_SUFFIX))


def name_beside(name: str, prefix: str = "", suffix: str = "", *, room: int = 0) -> str:
    """``prefix + name + suffix``: the name of a file kept beside ``name`` (its backup, lock or
    a temporary file). When that, with ``room`` more characters, would be longer than a file
    name may be, ``name`` is shortened and ends in a short hash of itself, so a long but legal
    plan name still gets its backup, lock and temporary files, and two long names never share one."""
    whole = prefix + name + suffix
    if _name_length(whole) + room <= NAME_LIMIT:
        return whole
    tag = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:8]
    budget = NAME_LIMIT - room - _name_length(prefix + suffix + tag)
    short = name
    while short and _name_length(short) > budget:
        short = short[:-1]
    return prefix + short + tag + suffix


def suggested_name(stem: str, rest: str = "") -> str:
    """``stem + rest`` as a file name to suggest (``rest`` is a fixed ending such as
    `` - progress 4 December 2026.docx``): characters Windows refuses in names become spaces, and
    ``stem`` is shortened so the whole stays a legal length, however long a plan's name or an
    establishment's is. Always a name: "plan" stands in for a stem with nothing left in it."""
    safe = " ".join(_NOT_IN_NAMES.sub(" ", stem).split()).strip(" .") or "plan"
    while len(safe) > 1 and _name_length(safe + rest) > NAME_LIMIT:
        safe = safe[:-1].rstrip(" .")
    return safe + rest


_NOT_IN_NAMES = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')


def _name_length(name: str) -> int:
    if os.name == "nt":
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))


def write_atomically(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Write through a temporary file in the same folder, then replace. Raises PlanSaveError.

    After a successful save, temporary files that an earlier save of the same file left behind
    when it was killed part-way are deleted (see ``remove_stale_temporary_files``)."""
    folder = path.parent
    if is_read_only(path):
        raise PlanSaveError(path, f"“{path.name}” could not be saved because the file is read-only.",
                            SaveAdvice.SAVE_A_COPY)
    try:
        handle, temporary = make_temporary_beside(path)
    except OSError as error:
        raise _save_error(path, error, _Step.CREATE) from None
    step = _Step.WRITE
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        give_usual_permissions(temporary, like=path)
        if keep_backup and path.exists():
            step = _Step.BACKUP
            _refresh_backup(path)
        step = _Step.REPLACE
        _replace(Path(temporary), path)
        _sync_folder(folder)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise _save_error(path, error, step) from None
    remove_stale_temporary_files(path)


def is_read_only(path: Path) -> bool:
    """``path`` is a file marked read-only (no one may write it). The mode is read here rather
    than left to the system to refuse: an administrator may replace any file, and replacing
    needs only the folder's permission, but a file marked read-only must stay as it is."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def read_small_file(path: Path, limit: int) -> bytes | None:
    """The bytes of a small file that should be there (a lock, a recovery copy's details), or
    None when it is not an ordinary file or holds more than ``limit`` bytes: it is then not what
    it should be, and is not read whole. Opened without waiting, so a pipe given the file's name
    cannot hang the application. Raises OSError when it cannot be opened."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        data = b""
        while len(data) <= limit and (chunk := os.read(descriptor, limit + 1 - len(data))):
            data += chunk
    finally:
        os.close(descriptor)
    return data if len(data) <= limit else None


def is_same_file(one: Path | str, other: Path | str) -> bool:
    """``one`` and ``other`` name the same file: the same path, or two names for one file (a
    hard link, a different case on Windows). A file that does not exist yet is no other file."""
    try:
        return os.path.samefile(one, other)
    except (OSError, ValueError):
        return os.path.normcase(os.path.abspath(one)) == os.path.normcase(os.path.abspath(other))


def make_temporary_beside(path: Path) -> tuple[int, Path]:
    """A new temporary file beside ``path`` for writing it through, as an open descriptor and
    its path. Named so that ``remove_stale_temporary_files(path)`` knows it, and never longer
    than a file name may be."""
    handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(path.name), suffix=TEMPORARY_SUFFIX,
                                         dir=path.parent)
    return handle, Path(temporary)


_RANDOM_CHARACTERS = 8
"""How many characters tempfile.mkstemp puts between its prefix and suffix."""


def _temporary_prefix(name: str) -> str:
    return name_beside(name, ".", ".", room=_RANDOM_CHARACTERS + len(TEMPORARY_SUFFIX))


def usual_mode() -> int:
    """The permissions a new file gets in a program that does not ask for others: readable by
    everyone the user's umask allows (0644 for most), as colleagues on a shared drive need."""
    return 0o666 & ~_UMASK


def give_usual_permissions(temporary: Path, *, like: Path) -> None:
    """mkstemp makes a file only its owner can read: on a shared drive colleagues would lose
    access to a plan or export after every save. Keep the mode of the file being replaced
    (``like``), or give a new file the usual one (``usual_mode``)."""
    if os.name == "nt":
        return
    try:
        mode = stat.S_IMODE(like.stat().st_mode)
    except (OSError, ValueError):
        mode = usual_mode()
    os.chmod(temporary, mode)


def _read_umask() -> int:
    # Read once at import: os.umask can only be read by setting it, which is not thread-safe.
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


_UMASK = _read_umask()


def _refresh_backup(path: Path) -> None:
    # Copy rather than move: the user's file must exist at every instant.
    backup = backup_path(path)
    handle, temporary = make_temporary_beside(backup)
    try:
        with os.fdopen(handle, "wb") as stream, path.open("rb") as source:
            while chunk := source.read(1 << 20):
                stream.write(chunk)
        give_usual_permissions(temporary, like=path)
        _replace(temporary, backup)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _replace(source: Path, target: Path) -> None:
    # On Windows an antivirus scanner or a sync client can hold the target for a moment.
    for attempt in range(5):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == 4 or os.name != "nt":
                raise
            time.sleep(0.05 * (attempt + 1))


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_stale_temporary_files(path: Path | str, *, older_than: float = STALE_TEMPORARY_SECONDS) -> list[Path]:
    """Delete the temporary files that saves of ``path`` left beside it when they were killed
    part-way. Only our own names for this file (``.<name>.<random>.tmp`` and
    ``.<name>.bak.<random>.tmp``) are touched, and only when older than ``older_than`` seconds,
    so a save still running in another copy of the application keeps its file. Never raises."""
    path = Path(path)
    pattern = _temporary_names(path.name)
    cutoff = time.time() - older_than
    removed: list[Path] = []
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if pattern.fullmatch(entry.name) and _remove_if_stale(entry, cutoff):
                    removed.append(Path(entry.path))
    except OSError:
        pass  # tidying up is a courtesy: it never turns a good save into a failure
    return removed


def _temporary_names(name: str) -> re.Pattern[str]:
    # tempfile.mkstemp puts eight characters from [a-z0-9_] between our prefix and suffix.
    prefixes = (_temporary_prefix(name), _temporary_prefix(name_beside(name, suffix=BACKUP_SUFFIX)))
    return re.compile(
        rf"(?:{'|'.join(map(re.escape, prefixes))})[a-z0-9_]{{{_RANDOM_CHARACTERS}}}{re.escape(TEMPORARY_SUFFIX)}"
    )


def _remove_if_stale(entry: os.DirEntry[str], cutoff: float) -> bool:
    try:
        if not entry.is_file(follow_symlinks=False) or entry.stat(follow_symlinks=False).st_mtime > cutoff:
            return False
        os.unlink(entry.path)
    except OSError:
        return False
    return True


class _Step(StrEnum):
    """The part of a save that failed: it tells apart causes the error number alone cannot."""

    CREATE = "create"  # the temporary file: only the folder can refuse it
    WRITE = "write"
    BACKUP = "backup"
    REPLACE = "replace"  # the user's file itself: a lock or a read-only flag refuses it


# Windows refuses to open, replace or delete a file that another program holds open without
# sharing it: Word with a document open, a sync client uploading it, a virus scanner.
_WINDOWS_SHARING_VIOLATION = 32


_WINDOWS_LOCK_VIOLATION = 33


def is_locked_by_another_program(error: OSError) -> bool:
    """The error is Windows saying another program has the file open."""
    return getattr(error, "winerror", None) in (_WINDOWS_SHARING_VIOLATION, _WINDOWS_LOCK_VIOLATION)


def _save_error(path: Path, error: OSError, step: _Step) -> PlanSaveError:
    name = path.name
    if isinstance(error, FileNotFoundError) or not path.parent.exists():
        # It may never have existed (a mistyped -o), or have been moved: say only what is known.
        return PlanSaveError(path, f"“{name}” could not be saved because the folder “{path.parent.name or path.parent}” "
                             "could not be found.", SaveAdvice.ANOTHER_FOLDER)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return PlanSaveError(path, f"“{name}” could not be saved because the disk is full.", SaveAdvice.FREE_SPACE)
    if error.errno == errno.EROFS:
        return PlanSaveError(path, f"“{name}” could not be saved because that drive is read-only.",
                             SaveAdvice.ANOTHER_FOLDER)
    if _about_the_backup(path, error):
        return PlanSaveError(path, f"“{name}” could not be saved because its backup copy, “{backup_path(path).name}”, "
                             "is open in another program or is read-only.", SaveAdvice.CLOSE_IT)
    if is_locked_by_another_program(error) or (
        isinstance(error, PermissionError) and step in (_Step.BACKUP, _Step.REPLACE) and path.exists()
    ):
        # The temporary file was made, so the folder is writable: what refused is the file itself.
        if not is_locked_by_another_program(error) and not os.access(path, os.W_OK):
            return PlanSaveError(path, f"“{name}” could not be saved because the file is read-only.",
                                 SaveAdvice.SAVE_A_COPY)
        return PlanSaveError(path, f"“{name}” could not be saved because it is open in another program, such as "
                             "Word or a sync tool.", SaveAdvice.CLOSE_IT)
    if isinstance(error, PermissionError):
        return PlanSaveError(path, f"“{name}” could not be saved because you cannot save in that folder.",
                             SaveAdvice.ANOTHER_FOLDER)
    return PlanSaveError(path, f"“{name}” could not be saved: {os_reason(error)}.", SaveAdvice.WORK_KEPT_SAVE_A_COPY)


def _about_the_backup(path: Path, error: OSError) -> bool:
    if not (isinstance(error, PermissionError) or is_locked_by_another_program(error)):
        return False
    backup = str(backup_path(path))
    return backup in (str(error.filename), str(error.filename2))


def os_reason(error: OSError) -> str:
    """Why the system refused, as it says it, in the middle of a sentence."""
    reason = error.strerror or type(error).__name__
    return reason[0].lower() + reason[1:] if reason else "an unknown error"
