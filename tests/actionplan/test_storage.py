"""Plan files: lossless round trip, one typed error for every bad file, atomic saves."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from actionplan import migrations, safe_writing, storage
from actionplan.file_errors import (
    NotAPlanFile,
    PlanContentInvalid,
    PlanFileError,
    PlanFileMissing,
    PlanFileNotJson,
    PlanFileTooLarge,
    PlanFileUnreadable,
    PlanFromNewerVersion,
    PlanSaveError,
)
from actionplan.model import Action, Concern, Plan
from actionplan.safe_writing import backup_path
from actionplan.storage import load_plan, plan_from_bytes, plan_to_bytes, save_plan
from actionplan.target_date import TargetDate
from tests.strategies import plans

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def small_plan(owner: str = "Governor") -> Plan:
    plan = Plan()
    plan.details.establishment = "HMP Ashvale"
    plan.concerns.append(Concern(text="Drugs were too easy to get.", actions=[
        Action(text="Search every cell weekly.", owner=owner, target="Dec 2026"),
    ]))
    return plan


def write_document(path: Path, plan: Any, version: int = migrations.SCHEMA_VERSION) -> None:
    document = {"format": storage.FORMAT_NAME, "schema_version": version, "plan": plan}
    path.write_text(json.dumps(document), encoding="utf-8")


# Round trip ------------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans())
def test_save_then_load_is_lossless(tmp_path: Path, plan: Plan) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(plan, path)
    loaded = load_plan(path)
    assert loaded == plan
    assert plan_to_bytes(loaded) == path.read_bytes()


@settings(deadline=None)
@given(plans())
def test_bytes_round_trip(plan: Plan) -> None:
    assert plan_from_bytes(plan_to_bytes(plan)) == plan


def test_file_is_utf8_json_with_format_and_version(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(owner="Head of Safety – Ashvale"), path)
    document = json.loads(path.read_bytes().decode("utf-8"))
    assert document["format"] == "hmpps-action-plan"
    assert document["schema_version"] == migrations.SCHEMA_VERSION
    assert document["plan"]["concerns"][0]["actions"][0]["owner"] == "Head of Safety – Ashvale"
    assert "–" in path.read_text(encoding="utf-8")  # written as UTF-8, not escaped


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    path.write_bytes(b"\xef\xbb\xbf" + plan_to_bytes(small_plan()))
    assert load_plan(path) == small_plan_with_ids_of(load_plan(path))


def small_plan_with_ids_of(plan: Plan) -> Plan:
    expected = small_plan()
    expected.concerns[0].id = plan.concerns[0].id
    expected.concerns[0].actions[0].id = plan.concerns[0].actions[0].id
    return expected


def test_text_is_cleaned_when_a_file_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    write_document(path, {"concerns": [{"actions": [{"text": "a\x0bb\x00", "owner": "Gov\x0bernor"}]}]})
    action = load_plan(path).concerns[0].actions[0]
    assert (action.text, action.owner) == ("a\nb", "Gov ernor")


# Every bad file gets one typed error ---------------------------------------------------------


def test_missing(tmp_path: Path) -> None:
    with pytest.raises(PlanFileMissing) as caught:
        load_plan(tmp_path / "gone.actionplan")
    assert caught.value.message == "“gone.actionplan” could not be found. It may have been moved or deleted."
    assert caught.value.path == tmp_path / "gone.actionplan"


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plans.actionplan"
    folder.mkdir()
    with pytest.raises(PlanFileUnreadable, match="is a folder, not a plan file"):
        load_plan(folder)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
@pytest.mark.timeout(10)
def test_a_pipe_is_refused_without_hanging(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.actionplan"
    os.mkfifo(pipe)
    with pytest.raises(PlanFileUnreadable, match="is not a file"):
        load_plan(pipe)


def test_unreadable_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.actionplan"
    save_plan(small_plan(), path)
    if IS_ROOT:  # root reads anything, so make the operating system's refusal happen here
        def refuse(self: Path, *args: Any, **kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        monkeypatch.setattr(Path, "open", refuse)
    else:
        path.chmod(0)
    with pytest.raises(PlanFileUnreadable) as caught:
        load_plan(path)
    assert caught.value.message == (
        "“secret.actionplan” could not be opened because you do not have permission to read it. Ask whoever "
        "shared it with you, or your IT team, to give you access, or ask them to send you a copy."
    )


def test_other_read_failure_names_the_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)

    def broken(self: Path, *args: Any, **kwargs: Any) -> Any:
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(Path, "open", broken)
    with pytest.raises(PlanFileUnreadable, match="could not be read: input/output error"):
        load_plan(path)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "notes.actionplan"
    path.write_text("Dear Governor, please find attached", encoding="utf-8")
    with pytest.raises(PlanFileNotJson) as caught:
        load_plan(path)
    assert caught.value.message == (
        "“notes.actionplan” is damaged or is not a plan file: it could not be read as a plan. "
        "If you have another copy, such as one sent by email, open that instead."
    )


def test_truncated_file_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "cut.actionplan"
    path.write_bytes(plan_to_bytes(small_plan())[:-20])
    with pytest.raises(PlanFileNotJson):
        load_plan(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx.actionplan"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xff\xfe")
    with pytest.raises(PlanFileNotJson) as caught:
        load_plan(path)
    assert caught.value.message == (
        "“plan.docx.actionplan” is not a plan file: it is not text. Check that you chose the right file.")


def test_huge_number_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    path.write_text('{"format": "hmpps-action-plan", "schema_version": ' + "9" * 5000 + "}")
    with pytest.raises(PlanFileNotJson):
        load_plan(path)


@pytest.mark.parametrize(
    "content",
    ['{"format": "something-else", "schema_version": 1}', "[1, 2, 3]", '"text"', "{}", "null"],
)
def test_not_a_plan_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.actionplan"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(NotAPlanFile) as caught:
        load_plan(path)
    assert caught.value.message == "“other.actionplan” is not an action plan file. Check that you chose the right file."


@pytest.mark.parametrize("version", [None, "1", 0, -3, True, 1.5])
def test_missing_or_bad_version(tmp_path: Path, version: object) -> None:
    path = tmp_path / "plan.actionplan"
    path.write_text(json.dumps({"format": storage.FORMAT_NAME, "schema_version": version, "plan": {}}))
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert caught.value.where == "the version number"
    assert "its version number is missing" in caught.value.message


@pytest.mark.parametrize(
    ("plan", "where"),
    [
        ({"concerns": [{}, {"actions": [{"target": {"kind": "month", "year": 2026, "month": 13}}]}]},
         "concern 2, action 1, target date"),
        ({"concerns": [{"actions": [{}, {}, {"owner": 42}]}]}, "concern 1, action 3, responsible owner"),
        ({"details": {"submitted": "yesterday"}}, "the plan details, submitted"),
        ({"concerns": [{"category": "urgent"}]}, "concern 1, category"),
        ({"concerns": "none"}, "concern"),
        (None, "the plan"),
    ],
)
def test_content_invalid_says_where(tmp_path: Path, plan: object, where: str) -> None:
    path = tmp_path / "plan.actionplan"
    write_document(path, plan)
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert caught.value.where == where
    assert caught.value.message == (f"“plan.actionplan” is damaged: {where} is not valid. "
                                    "If you have another copy, such as one sent by email, open that instead.")
    safe_writing.backup_path(path).write_text("{}")  # once there is a backup, the message offers it
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert caught.value.message == (f"“plan.actionplan” is damaged: {where} is not valid. "
                                    "Try its backup copy, “plan.actionplan.bak”.")


@pytest.mark.parametrize(("plan", "where"), [
    ({"surprise": 1}, "surprise"),
    ({"concerns": [{"actions": [{"progress": "on track"}]}]}, "concern 1, action 1, progress"),
])
def test_a_field_this_version_does_not_know_may_be_from_a_newer_version(
    tmp_path: Path, plan: object, where: str
) -> None:
    """A later version may add a field without a new schema version: say so, rather than
    calling the file damaged, and leave it untouched."""
    path = tmp_path / "plan.actionplan"
    write_document(path, plan)
    before = path.read_bytes()
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert caught.value.where == where
    assert caught.value.message == (
        f"“plan.actionplan” holds something this version of the application does not know ({where}). It may "
        "have been saved by a newer version: update the application to open it. The file has not been changed.")
    assert path.read_bytes() == before
    safe_writing.backup_path(path).write_text("{}")
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert "update the application to open it, or try its backup copy, “plan.actionplan.bak”." in (
        caught.value.message)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "MAX_FILE_BYTES", 3 * 1024 * 1024)
    path = tmp_path / "video.actionplan"
    path.write_bytes(b" " * (5 * 1024 * 1024))
    with pytest.raises(PlanFileTooLarge) as caught:
        load_plan(path)
    assert caught.value.message == (
        "“video.actionplan” is 5 MB, which is too large for a plan file (the limit is 3 MB). "
        "It may not be a plan."
    )


def test_newer_version_is_refused_and_left_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "future.actionplan"
    write_document(path, {"concerns": [], "hover_car": True}, version=migrations.SCHEMA_VERSION + 1)
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    with pytest.raises(PlanFromNewerVersion) as caught:
        load_plan(path)
    assert caught.value.version == migrations.SCHEMA_VERSION + 1
    assert caught.value.message == (
        "“future.actionplan” was saved by a newer version of this application. Update the "
        "application to open it. The file has not been changed."
    )
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.actionplan"]


def test_every_error_is_a_plan_file_error_with_a_message() -> None:
    for error_type in (PlanFileMissing, PlanFileUnreadable, PlanFileNotJson, NotAPlanFile,
                       PlanFileTooLarge, PlanSaveError):
        error = error_type("x.actionplan", "A message.")
        assert isinstance(error, PlanFileError)
        assert str(error) == error.message == "A message."


# Migrations ------------------------------------------------------------------------------


def test_migrations_run_in_order_from_the_file_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps: list[int] = []

    def one_to_two(plan: dict[str, Any]) -> dict[str, Any]:
        steps.append(1)
        plan["details"] = {"establishment": plan.pop("prison")}
        return plan

    def two_to_three(plan: dict[str, Any]) -> dict[str, Any]:
        steps.append(2)
        plan["details"]["establishment"] = plan["details"]["establishment"].upper()
        return plan

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: one_to_two, 2: two_to_three})
    path = tmp_path / "old.actionplan"
    write_document(path, {"prison": "hmp ashvale"}, version=1)
    assert load_plan(path).details.establishment == "HMP ASHVALE"
    assert steps == [1, 2]

    steps.clear()
    write_document(path, {"details": {"establishment": "hmp ashvale"}}, version=2)
    assert load_plan(path).details.establishment == "HMP ASHVALE"
    assert steps == [2]

    steps.clear()
    save_plan(small_plan(), path)
    assert json.loads(path.read_bytes())["schema_version"] == 3
    load_plan(path)
    assert steps == []


def test_a_migration_that_fails_on_a_damaged_file_is_content_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def needs_prison(plan: dict[str, Any]) -> dict[str, Any]:
        return {"details": {"establishment": plan["prison"]}}

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {1: needs_prison})
    path = tmp_path / "old.actionplan"
    write_document(path, [], version=1)
    with pytest.raises(PlanContentInvalid, match="could not be brought up to date from version 1"):
        load_plan(path)


def test_every_older_version_has_a_migration() -> None:
    assert sorted(migrations.MIGRATIONS) == list(range(1, migrations.SCHEMA_VERSION))


# Saving ----------------------------------------------------------------------------------


def test_previous_version_is_kept_as_a_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    first, second = small_plan("Governor"), small_plan("Head of Safety")
    save_plan(first, path)
    assert not backup_path(path).exists()
    save_plan(second, path)
    assert backup_path(path) == tmp_path / "plan.actionplan.bak"
    assert load_plan(backup_path(path)) == first
    assert load_plan(path) == second
    save_plan(first, path)
    assert load_plan(backup_path(path)) == second


def test_no_temporary_files_are_left(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    for owner in ("a", "b", "c"):
        save_plan(small_plan(owner), path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.actionplan", "plan.actionplan.bak"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
def test_saving_keeps_the_file_readable_by_colleagues(tmp_path: Path) -> None:
    path = tmp_path / "shared.actionplan"
    save_plan(small_plan(), path)
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask
    path.chmod(0o664)
    save_plan(small_plan("Head of Safety"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o664


def _assert_old_file_whole(folder: Path, path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "gone" / "plan.actionplan"
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan(), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because the folder “gone” could not be found. "
        "Use Save As to choose another folder."
    )


def test_read_only_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()
    if IS_ROOT:  # root can write anywhere: make the refusal happen as it would for a user
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    else:
        tmp_path.chmod(0o555)
    try:
        with pytest.raises(PlanSaveError) as caught:
            save_plan(small_plan("Someone else"), path)
    finally:
        tmp_path.chmod(0o755)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because you cannot save in that folder. "
        "Use Save As to choose another folder."
    )
    _assert_old_file_whole(tmp_path, path, before)


def test_read_only_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()
    path.chmod(0o444)

    def refuse(source: Path, target: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")
    # Replacing a read-only file succeeds on POSIX but not on Windows, or on a shared drive.
    monkeypatch.setattr(safe_writing, "_replace", refuse)
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because the file is read-only. Use Save As to save a copy."
    )
    _assert_old_file_whole(tmp_path, path, before)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()

    def full(descriptor: int) -> None:
        raise OSError(code, os.strerror(code))
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Someone else"), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved because the disk is full. "
        "Free some space or use Save As to save somewhere else."
    )
    _assert_old_file_whole(tmp_path, path, before)
    assert not backup_path(path).exists()


def test_full_disk_while_writing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class FullStream:
        def __init__(self, descriptor: int, mode: str) -> None:
            self._stream = real_fdopen(descriptor, mode)

        def __enter__(self) -> FullStream:
            return self

        def __exit__(self, *exc: object) -> None:
            self._stream.close()

        def write(self, data: bytes) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", FullStream)
    with pytest.raises(PlanSaveError, match="the disk is full"):
        save_plan(small_plan("Someone else"), path)
    _assert_old_file_whole(tmp_path, path, before)


def test_other_save_failure_says_work_is_still_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"

    def broken(descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(os, "fsync", broken)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan(), path)
    assert caught.value.message == (
        "“plan.actionplan” could not be saved: input/output error. Your work is still open. "
        "Use Save As to save a copy."
    )
    assert list(tmp_path.iterdir()) == []


def test_saving_does_not_change_the_plan_in_memory(tmp_path: Path) -> None:
    plan = small_plan()
    copy = plan.model_copy(deep=True)
    save_plan(plan, tmp_path / "plan.actionplan")
    assert plan == copy
    assert plan.concerns[0].actions[0].target == TargetDate.of_month(2026, 12)


def test_escaped_lone_surrogates_are_dropped_so_the_plan_can_be_saved_again(tmp_path: Path) -> None:
    path = tmp_path / "hand-made.actionplan"
    path.write_text(
        '{"format": "hmpps-action-plan", "schema_version": 1, "plan": {"word_list": ["Ash\\ud800vale"], '
        '"concerns": [{"id": "c\\udc001", "text": "\\ud83d\\ude00 kept", "actions": [{"id": "a\\ud8001"}]}], '
        '"dismissals": [{"rule": "avoid-word", "item_id": "c1", "field": "te\\udfffxt"}]}}',
        encoding="ascii",
    )
    plan = load_plan(path)
    assert plan.word_list == ["Ashvale"]
    assert plan.concerns[0].id == "c1"
    assert plan.concerns[0].text == "😀 kept"  # a proper surrogate pair is one character
    assert plan.concerns[0].actions[0].id == "a1"
    assert plan.dismissals[0].field == "text"
    save_plan(plan, path)
    assert load_plan(path) == plan


def test_word_list_is_cleaned() -> None:
    assert Plan(word_list=["Ash\x00vale\ud800", "Stoke\x0bHeath"]).word_list == ["Ashvale", "Stoke Heath"]


def test_text_that_cannot_be_written_gives_a_save_error(tmp_path: Path) -> None:
    plan = small_plan()
    plan.concerns[0].__dict__["id"] = "broken\ud800"  # past validation: only a bug could do this
    path = tmp_path / "plan.actionplan"
    with pytest.raises(PlanSaveError, match="holds characters that cannot be written"):
        save_plan(plan, path)
    assert not path.exists()


def test_a_file_from_a_newer_version_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "future.actionplan"
    write_document(path, {"hover_car": True}, version=migrations.SCHEMA_VERSION + 1)
    before = path.read_bytes()
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan(), path)
    assert caught.value.message == (
        "“future.actionplan” was saved by a newer version of this application, so it has not "
        "been replaced. Use Save As to save under another name."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["future.actionplan"]


def test_other_files_can_be_replaced_by_a_save(tmp_path: Path) -> None:
    path = tmp_path / "notes.actionplan"
    path.write_text('{"schema_version": 99}')  # not a plan file: Save As may replace it
    save_plan(small_plan(), path)
    assert load_plan(path).details.establishment == "HMP Ashvale"
