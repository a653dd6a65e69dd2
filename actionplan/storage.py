"""Plan files (``.actionplan``): UTF-8 JSON with a format name and schema version.

Saves are atomic and keep the previous file as a backup. Loads run ordered migrations from
older schema versions and turn every way a file can be bad into one typed error whose message
a person can act on.
"""

from __future__ import annotations

import contextlib
import difflib
import errno
import hashlib
import json
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError

from actionplan.model import Action, Concern, Dismissal, Plan, PlanDetails, new_id
from actionplan.target_date import TargetDate

FORMAT_NAME = "hmpps-action-plan"
SCHEMA_VERSION = 1
FILE_SUFFIX = ".actionplan"
BACKUP_SUFFIX = ".bak"
TEMPORARY_SUFFIX = ".tmp"
STALE_TEMPORARY_SECONDS = 10 * 60
"""A temporary file this old was left by a save that was killed part-way: none takes so long."""
MAX_FILE_BYTES = 200 * 1024 * 1024
NAME_LIMIT = 255
"""The longest file name, in bytes on Linux and macOS and in UTF-16 units on Windows."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]

# MIGRATIONS[n] turns the "plan" object of a schema-n file into schema n + 1. Every change to
# the file's shape bumps SCHEMA_VERSION and adds one entry here; entries are never removed.
MIGRATIONS: dict[int, Migration] = {}


# Errors --------------------------------------------------------------------------------------


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


# Loading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoadedPlan:
    """A plan read from a file, and what had to be put right on the way in."""

    plan: Plan
    repairs: tuple[str, ...] = ()
    """One message per repair, for a person: say each once when the plan is opened. A repaired
    plan no longer matches its file, so an editor should treat it as changed."""


def read_plan(path: Path | str) -> LoadedPlan:
    """Read a plan file, repairing what can safely be repaired (see ``LoadedPlan.repairs``).
    Raises a ``PlanFileError`` subclass for every kind of bad file."""
    path = Path(path)
    return read_plan_bytes(_read_bytes(path), path)


def load_plan(path: Path | str) -> Plan:
    """Read a plan file, like ``read_plan``, for callers with no one to tell about repairs."""
    return read_plan(path).plan


def plan_from_bytes(data: bytes, path: Path | str = "plan") -> Plan:
    return read_plan_bytes(data, path).plan


def read_plan_bytes(data: bytes, path: Path | str = "plan") -> LoadedPlan:
    plan = _validated_plan(data, path)
    repairs = [_give_copies_their_own_ids(plan, Path(path).name)]
    return LoadedPlan(plan, tuple(repair for repair in repairs if repair))


def _validated_plan(data: bytes, path: Path | str) -> Plan:
    name = Path(path).name
    try:
        text = data.decode("utf-8-sig")
        document = json.loads(text)
        if isinstance(document, dict) and data.count(b'"schema_version"') > 1:
            document["schema_version"] = _highest_version(text)
    except UnicodeDecodeError:
        raise PlanFileNotJson(path, f"“{name}” is not a plan file: it is not text.{_CHOOSE_A_PLAN}") from None
    except (ValueError, RecursionError):
        # ValueError, not only JSONDecodeError: a number with thousands of digits is refused
        # by int() with a plain ValueError.
        raise PlanFileNotJson(
            path, f"“{name}” is damaged or is not a plan file: it could not be read as a plan.{_try_backup(path)}"
        ) from None
    plan_data = _upgrade(document, path)
    if b"\\ud" in data or b"\\uD" in data:
        # JSON escapes can make lone surrogates, which could never be saved again as UTF-8.
        # Files we write never escape, so only hand-made or damaged files pay for this walk.
        try:
            plan_data = _without_lone_surrogates(plan_data)
        except RecursionError:
            raise _nested_too_deeply(path) from None
    try:
        return Plan.model_validate(plan_data)
    except ValidationError as error:
        where = _describe_location(plan_data, error)
        raise PlanContentInvalid(path, _invalid_message(path, error, where), where) from None
    except RecursionError:
        raise _nested_too_deeply(path) from None


DETAILS_ID = "details"
"""What dismissals and findings call the plan details: never a concern's or an action's id."""


def _give_copies_their_own_ids(plan: Plan, name: str) -> str:
    """Edits, findings and dismissals find a concern or action by its id, so two that share one
    (a hand merge, a concern copied between files) would send an edit of the second to the
    first. Every copy after the first gets a new id; nothing a person wrote changes. Returns
    what was repaired, in words, or "" when nothing needed it."""
    ids = [concern.id for concern in plan.concerns]
    ids += [action.id for concern in plan.concerns for action in concern.actions]
    if len(set(ids)) == len(ids) and DETAILS_ID not in ids:
        return ""
    seen = {DETAILS_ID}
    concerns = actions = 0
    for concern in plan.concerns:
        if concern.id in seen:
            concern.id = _unused_id(seen)
            concerns += 1
        seen.add(concern.id)
        for action in concern.actions:
            if action.id in seen:
                action.id = _unused_id(seen)
                actions += 1
            seen.add(action.id)
    noun = plan.details.era.item_noun()
    what = " and ".join(_count(number, word) for number, word in ((concerns, noun), (actions, "action")) if number)
    return (f"{what} in “{name}” shared a hidden identifier with another (this happens when plans are "
            "merged or copied by hand), so editing one could have changed the other. Each now has its own. "
            "Nothing you wrote has changed; saving the plan keeps the repair.")


def _unused_id(seen: set[str]) -> str:
    while (candidate := new_id()) in seen:
        pass
    return candidate


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


_CHOOSE_A_PLAN = " Check that you chose the right file."


def _nested_too_deeply(path: Path | str) -> PlanContentInvalid:
    return PlanContentInvalid(path, f"“{Path(path).name}” is damaged: it is nested too deeply.{_try_backup(path)}",
                              "the file")


def _without_lone_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _LONE_SURROGATES.sub("", value)
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    return value


_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def _read_bytes(path: Path) -> bytes:
    name = path.name
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", str(path))
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device would hang the application or never end.
            raise PlanFileUnreadable(path, f"“{name}” is not a file, so it cannot be a plan.{_CHOOSE_A_PLAN}")
        if status.st_size > MAX_FILE_BYTES:
            raise _too_large(path, status.st_size)
        with path.open("rb") as handle:
            data = read_at_most(handle, status.st_size, MAX_FILE_BYTES)
        if len(data) > MAX_FILE_BYTES:  # the file grew while we read it
            raise _too_large(path, len(data))
        return data
    except FileNotFoundError:
        raise PlanFileMissing(path, f"“{name}” could not be found. It may have been moved or deleted.") from None
    except IsADirectoryError:
        raise PlanFileUnreadable(path, f"“{name}” is a folder, not a plan file.{_CHOOSE_A_PLAN}") from None
    except PermissionError:
        raise PlanFileUnreadable(
            path, f"“{name}” could not be opened because you do not have permission to read it. Ask whoever "
            "shared it with you, or your IT team, to give you access, or ask them to send you a copy."
        ) from None
    except OSError as error:
        raise PlanFileUnreadable(path, f"“{name}” could not be read: {_os_reason(error)}.") from None
    except ValueError:  # a path with a NUL character in it
        raise PlanFileMissing(path, f"“{name}” could not be found: the name is not valid.") from None


def read_at_most(stream: BinaryIO, expected: int, limit: int) -> bytes:
    """Read ``stream`` to its end, or to one byte past ``limit``. ``read(n)`` sets aside n bytes
    before it reads any, so ask for the size the file says it has and only read on if it grew."""
    data = stream.read(min(expected, limit) + 1)
    if len(data) > expected and len(data) <= limit:
        data += stream.read(limit + 1 - len(data))
    return data


def _too_large(path: Path, size: int) -> PlanFileTooLarge:
    return PlanFileTooLarge(
        path,
        f"“{path.name}” is {size // (1024 * 1024)} MB, which is too large for a plan file "
        f"(the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB). It may not be a plan.",
    )


def _highest_version(text: str) -> object:
    """The file gives its schema version more than once (a hand merge): JSON keeps the last,
    but saving checks every one it sees, so loading must too, or a file that opened could not
    be saved. The highest wins: a newer version's file is never treated as an older one's."""
    top: list[tuple[str, Any]] = []

    def remember(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        top[:] = pairs  # the outermost object is finished last
        return dict(pairs)

    json.loads(text, object_pairs_hook=remember)
    versions = [value for key, value in top if key == "schema_version"]
    if versions and all(isinstance(v, int) and not isinstance(v, bool) for v in versions):
        return max(versions)
    return None  # one is not a number: the version is not known


def _upgrade(document: object, path: Path | str) -> Any:
    name = Path(path).name
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise NotAPlanFile(path, f"“{name}” is not an action plan file.{_CHOOSE_A_PLAN}")
    version = document.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanContentInvalid(
            path, f"“{name}” is damaged: its version number is missing or not valid.{_try_backup(path)}",
            "the version number",
        )
    if version > SCHEMA_VERSION:
        raise PlanFromNewerVersion(
            path,
            f"“{name}” was saved by a newer version of this application. Update the application "
            "to open it. The file has not been changed.",
            version,
        )
    plan_data: Any = document.get("plan")
    for step in range(version, SCHEMA_VERSION):
        try:
            plan_data = MIGRATIONS[step](plan_data)
        except Exception:  # a damaged old file can break a migration in any way at all
            raise PlanContentInvalid(
                path,
                f"“{name}” is damaged: it could not be brought up to date from version {version}."
                f"{_try_backup(path)}",
                "the file",
            ) from None
    return plan_data


def _invalid_message(path: Path | str, error: ValidationError, where: str) -> str:
    name, backup = Path(path).name, _backup_if_any(path)
    first = error.errors()[0]
    if first["type"] == "extra_forbidden" and _could_be_a_newer_field(str(first["loc"][-1])):
        # Most likely a later version's addition, not damage: say both, and keep the file.
        or_backup = f", or try its backup copy, “{backup}”" if backup else ""
        return (f"“{name}” holds something this version of the application does not know ({where}). "
                f"It may have been saved by a newer version: update the application to open it{or_backup}. "
                "The file has not been changed.")
    return f"“{name}” is damaged: {where} is not valid.{_try_backup(path)}"


def _could_be_a_newer_field(key: str) -> bool:
    """A name a later version could have added: words in the style of ours, not a damaged or
    mistyped one of ours ("referenc]e", "refrence"), which is damage, not news."""
    if not _FIELD_NAME.fullmatch(key):
        return False
    return not difflib.get_close_matches(key, _KNOWN_FIELDS, n=1, cutoff=0.75)


_FIELD_NAME = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_MODELS: tuple[type[BaseModel], ...] = (Plan, PlanDetails, Concern, Action, Dismissal, TargetDate)
_KNOWN_FIELDS = sorted({name for model in _MODELS for name in model.model_fields})


def _try_backup(path: Path | str) -> str:
    """What to try instead: the backup copy, when there is one (the first save of a plan makes
    none), or another copy."""
    backup = _backup_if_any(path)
    if backup:
        return f" Try its backup copy, “{backup}”."
    return " If you have another copy, such as one sent by email, open that instead."


def _backup_if_any(path: Path | str) -> str | None:
    backup = backup_path(path)
    return backup.name if backup.exists() else None


def _describe_location(plan_data: Any, error: ValidationError) -> str:
    """Name the first bad place in words: "concern 3, action 2, target date"."""
    first = error.errors()[0]
    parts: list[str] = []
    loc = list(first["loc"])
    names = {
        "details": "the plan details",
        "concerns": "concern",
        "actions": "action",
        "dismissals": "dismissed warning",
        "word_list": "the word list",
        "target": "target date",
        "owner": "responsible owner",
        "text": "text",
    }
    index = 0
    while index < len(loc):
        key = loc[index]
        label = names.get(str(key)) or _field_name(str(key))
        if index + 1 < len(loc) and isinstance(loc[index + 1], int):
            parts.append(f"{label} {int(loc[index + 1]) + 1}")
            index += 2
        else:
            parts.append(label)
            index += 1
    return ", ".join(parts) if parts else "the plan"


def _field_name(key: str) -> str:
    # A damaged file can hold any key: keep the message to one short line, and quote a damaged
    # name ("referenc]e") so it reads as a name.
    words = " ".join(key.replace("_", " ").split())
    if len(words) > 40:
        return f"“{words[:40]}…”"
    if not words:
        return "a field with no name"
    return words if _FIELD_NAME.fullmatch(key) else f"“{words}”"


# Saving --------------------------------------------------------------------------------------


def plan_to_bytes(plan: Plan) -> bytes:
    body = plan.model_dump_json(exclude_none=True)
    header = f'{{"format": "{FORMAT_NAME}", "schema_version": {SCHEMA_VERSION}, "plan": '
    return header.encode() + body.encode("utf-8") + b"}\n"


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


def _name_length(name: str) -> int:
    if os.name == "nt":
        return len(name.encode("utf-16-le", "surrogatepass")) // 2
    return len(os.fsencode(name))


def save_plan(plan: Plan, path: Path | str, *, keep_backup: bool = True) -> None:
    """Write ``plan`` to ``path`` atomically: the file is always either the old one or the new
    one, whole. The previous file is kept beside it as ``<name>.bak``."""
    path = Path(path)
    _refuse_to_overwrite_newer(path)
    try:
        data = plan_to_bytes(plan)
    except ValueError:  # pydantic's serialisation error: text that cannot be written as UTF-8
        raise PlanSaveError(
            path, f"“{path.name}” could not be saved: the plan holds characters that cannot be "
            "written to a file.", SaveAdvice.WORK_KEPT,
        ) from None
    write_atomically(path, data, keep_backup=keep_backup)


_VERSION_IN_HEADER = re.compile(rb'"schema_version"\s*:\s*(\d{1,9})')


def _refuse_to_overwrite_newer(path: Path) -> None:
    """A plan saved by a newer version of the application is never overwritten, not even by
    Save As onto it: its newer content would be lost."""
    try:
        with path.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return  # no file, or one we cannot read: the save itself reports any problem
    versions = [int(found) for found in _VERSION_IN_HEADER.findall(head)]
    if FORMAT_NAME.encode() in head and versions and max(versions) > SCHEMA_VERSION:
        raise PlanSaveError(
            path,
            f"“{path.name}” was saved by a newer version of this application, so it has not been "
            "replaced.", SaveAdvice.ANOTHER_NAME,
        )


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
    return PlanSaveError(path, f"“{name}” could not be saved: {_os_reason(error)}.", SaveAdvice.WORK_KEPT_SAVE_A_COPY)


def _about_the_backup(path: Path, error: OSError) -> bool:
    if not (isinstance(error, PermissionError) or is_locked_by_another_program(error)):
        return False
    backup = str(backup_path(path))
    return backup in (str(error.filename), str(error.filename2))


def _os_reason(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return reason[0].lower() + reason[1:] if reason else "an unknown error"
