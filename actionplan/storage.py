"""Plan files (``.actionplan``): UTF-8 JSON with a format name and schema version.

Saves are atomic and keep the previous file as a backup (``actionplan.safe_writing``). Loads
run the migrations from older schema versions (``actionplan.migrations``) and turn every way a
file can be bad into one typed error whose message a person can act on
(``actionplan.file_errors``).
"""

from __future__ import annotations

import difflib
import errno
import json
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError

from actionplan import migrations
from actionplan.fields import new_id
from actionplan.file_errors import (
    NotAPlanFile,
    PlanContentInvalid,
    PlanFileMissing,
    PlanFileNotJson,
    PlanFileTooLarge,
    PlanFileUnreadable,
    PlanFromNewerVersion,
    PlanSaveError,
    SaveAdvice,
)
from actionplan.model import Action, Concern, Dismissal, Plan, PlanDetails
from actionplan.progress import EvidenceItem, ProgressUpdate, TargetRevision
from actionplan.safe_writing import backup_path, os_reason, write_atomically
from actionplan.target_date import TargetDate

FORMAT_NAME = "hmpps-action-plan"
FILE_SUFFIX = ".actionplan"
MAX_FILE_BYTES = 200 * 1024 * 1024


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
    name = Path(path).name
    repairs = [_replace_damaged_ids(plan, name), _give_copies_their_own_ids(plan, name),
               _give_copied_records_their_own_ids(plan, name)]
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


MAX_ID_CHARACTERS = 64
"""Ids the application makes are 16 characters. One far longer does not fit in a spreadsheet cell
of an update form whole, so the answers to it could never find their action."""


def _is_usable_id(value: str) -> bool:
    return len(value) <= MAX_ID_CHARACTERS and value.isprintable() and value == value.strip()


def _replace_damaged_ids(plan: Plan, name: str) -> str:
    """A concern's or action's id holding control characters or spaces at its ends, or far too
    long (a hand-edited file), is written to update forms without them, so the answers that come
    back could not find their action. Each gets a new id; dismissals of it follow."""
    items: list[Concern | Action] = [*plan.concerns, *(action for concern in plan.concerns
                                                        for action in concern.actions)]
    damaged = [item for item in items if not _is_usable_id(item.id)]
    if not damaged:
        return ""
    seen = {item.id for item in items} | {DETAILS_ID}
    renamed: dict[str, str] = {}
    for item in damaged:
        new = _unused_id(seen)
        seen.add(new)
        renamed.setdefault(item.id, new)  # copies keep sharing it: the next repair parts them
        item.id = renamed[item.id]
    for dismissal in plan.dismissals:
        if dismissal.item_id in renamed:
            dismissal.item_id = renamed[dismissal.item_id]
    count = len(damaged)
    were = "was" if count == 1 else "were"
    return (f"{_count(count, 'hidden identifier')} in “{name}” {were} damaged (this happens when a plan is "
            "edited by hand), so answers returned on update forms could not have found their action. Each now "
            "has a new one. Nothing you wrote has changed; saving the plan keeps the repair.")


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


def _give_copied_records_their_own_ids(plan: Plan, name: str) -> str:
    """Progress updates, evidence items and target revisions are found by their id too (removing
    an evidence item removes the one with that id), so copies that share one would be changed or
    removed together. As for concerns and actions, every copy after the first gets a new id."""
    kinds = (("progress update", "updates"), ("evidence item", "evidence"), ("target revision", "target_revisions"))
    records = [(noun, record) for concern in plan.concerns for action in concern.actions
               for noun, field in kinds for record in getattr(action, field)]
    if len({record.id for _noun, record in records}) == len(records):
        return ""
    seen: set[str] = set()
    counts = dict.fromkeys((noun for noun, _field in kinds), 0)
    for noun, record in records:
        if record.id in seen:
            record.id = _unused_id(seen)
            counts[noun] += 1
        seen.add(record.id)
    what = _and_list([_count(number, noun) for noun, number in counts.items() if number])
    return (f"{what} in “{name}” shared a hidden identifier with another (this happens when plans are "
            "merged or copied by hand), so changing or removing one could have changed the other. Each now "
            "has its own. Nothing you wrote has changed; saving the plan keeps the repair.")


def _and_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


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
        raise PlanFileUnreadable(path, f"“{name}” could not be read: {os_reason(error)}.") from None
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
    if version > migrations.SCHEMA_VERSION:
        raise PlanFromNewerVersion(
            path,
            f"“{name}” was saved by a newer version of this application. Update the application "
            "to open it. The file has not been changed.",
            version,
        )
    plan_data: Any = document.get("plan")
    try:
        plan_data = migrations.upgrade(plan_data, version)
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
_MODELS: tuple[type[BaseModel], ...] = (Plan, PlanDetails, Concern, Action, Dismissal, TargetDate, ProgressUpdate,
                                         EvidenceItem, TargetRevision)
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
    header = f'{{"format": "{FORMAT_NAME}", "schema_version": {migrations.SCHEMA_VERSION}, "plan": '
    return header.encode() + body.encode("utf-8") + b"}\n"


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
    if FORMAT_NAME.encode() in head and versions and max(versions) > migrations.SCHEMA_VERSION:
        raise PlanSaveError(
            path,
            f"“{path.name}” was saved by a newer version of this application, so it has not been "
            "replaced.", SaveAdvice.ANOTHER_NAME,
        )


