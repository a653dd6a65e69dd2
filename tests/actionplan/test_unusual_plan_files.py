"""Issue 16, items 6, 7 and 9, and its words: read-only plans stay as they are, long but legal
names save again and again with their backup, lock and temporary files, and odd files (a
schema version given twice, escape codes in a target date, a damaged field name) are answered
consistently and in plain words."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from actionplan import migrations, safe_writing
from actionplan.file_errors import PlanContentInvalid, PlanFromNewerVersion, PlanSaveError
from actionplan.lock import PlanLock
from actionplan.model import Action, Concern, Plan
from actionplan.safe_writing import backup_path
from actionplan.storage import load_plan, plan_to_bytes, save_plan
from commandline.commands import run


def small_plan(text: str = "Visits started late.") -> Plan:
    return Plan(concerns=[Concern(text=text, actions=[Action(text="Start on time.", owner="Governor")])])


# Item 6: read-only files ------------------------------------------------------------------------


def test_a_read_only_plan_is_not_replaced_even_by_an_administrator(tmp_path: Path) -> None:
    # Tests run as root here, which the system lets replace anything: the mode must be read.
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    path.chmod(0o444)
    before = path.read_bytes()
    with pytest.raises(PlanSaveError) as caught:
        save_plan(small_plan("Changed"), path)
    assert caught.value.message == ("“plan.actionplan” could not be saved because the file is read-only. "
                                    "Use Save As to save a copy.")
    assert caught.value.command_line_message.endswith("Choose another output file with -o.")
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


# Item 7: long names -----------------------------------------------------------------------------


def long_name(length: int, suffix: str = ".actionplan") -> str:
    stem = "é" * ((length - len(suffix)) // 2) + "x" * ((length - len(suffix)) % 2)  # two bytes a letter
    name = stem + suffix
    assert len(os.fsencode(name)) == length
    return name


@pytest.mark.parametrize("length", [236, 237, 238, 241, 242, 250, 251, 252, 255])
def test_long_legal_names_save_again_and_again_with_a_backup_and_a_lock(tmp_path: Path, length: int) -> None:
    path = tmp_path / long_name(length)
    for text in ("First", "Second", "Third"):
        save_plan(small_plan(text), path)
    assert load_plan(path).concerns[0].text == "Third"
    assert load_plan(backup_path(path)).concerns[0].text == "Second"
    lock = PlanLock.acquire(path, "Sam Patel")
    assert lock.written, lock.problem
    assert PlanLock.read(path) == lock.info
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    for made in tmp_path.iterdir():
        assert len(os.fsencode(made.name)) <= safe_writing.NAME_LIMIT


def test_short_names_keep_their_usual_companions(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    assert backup_path(path).name == "plan.actionplan.bak"
    assert PlanLock.path_for(path).name == ".plan.actionplan.lock"


def test_two_long_names_alike_at_the_start_never_share_a_companion(tmp_path: Path) -> None:
    one, other = tmp_path / long_name(255), tmp_path / (long_name(255)[:-12] + "y.actionplan")
    assert backup_path(one) != backup_path(other)
    assert PlanLock.path_for(one) != PlanLock.path_for(other)


def test_leftovers_of_long_names_are_tidied_and_only_theirs(tmp_path: Path) -> None:
    path = tmp_path / long_name(250)
    save_plan(small_plan(), path)
    handle, left = safe_writing.make_temporary_beside(path)
    os.close(handle)
    backup_handle, backup_left = safe_writing.make_temporary_beside(backup_path(path))
    os.close(backup_handle)
    other = tmp_path / (long_name(250)[:-12] + "y.actionplan")
    other_handle, not_ours = safe_writing.make_temporary_beside(other)
    os.close(other_handle)
    old = time.time() - 3600
    for made in (left, backup_left, not_ours):
        os.utime(made, (old, old))
    assert sorted(safe_writing.remove_stale_temporary_files(path)) == sorted([left, backup_left])
    assert not_ours.exists()


# Item 9 -----------------------------------------------------------------------------------------


def test_a_schema_version_given_twice_is_read_as_saving_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "merged.actionplan"
    now, newer = migrations.SCHEMA_VERSION, migrations.SCHEMA_VERSION + 1
    header = f'"schema_version": {now},'.encode()
    for twice in (f'"schema_version": {newer}, "schema_version": {now},'.encode(),
                  f'"schema_version": {now}, "schema_version": {newer},'.encode()):
        path.write_bytes(plan_to_bytes(small_plan()).replace(header, twice, 1))
        with pytest.raises(PlanFromNewerVersion):
            load_plan(path)
    path.write_bytes(plan_to_bytes(small_plan()).replace(header, header[:-1] + b", " + header, 1))
    save_plan(load_plan(path), path)  # loads, and saves again
    assert load_plan(path).concerns[0].text == "Visits started late."


def test_escape_codes_in_an_unrecognised_target_are_cleaned_on_loading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = json.loads(plan_to_bytes(small_plan()))
    document["plan"]["concerns"][0]["actions"][0]["target"] = {
        "kind": "unrecognised", "text": "\x1b[2J\x1b[31msoon\x07\x1b]0;pwned\x07"}
    path = tmp_path / "plan.actionplan"
    path.write_text(json.dumps(document))
    target = load_plan(path).concerns[0].actions[0].target
    assert target.text == "[2J[31msoon]0;pwned"
    run(["check", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out


# Words ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["referenc]e", "refrence", "Reference", "ref erence"])
def test_a_damaged_field_name_is_called_damage_not_a_newer_version(tmp_path: Path, key: str) -> None:
    document = json.loads(plan_to_bytes(small_plan()))
    concern = document["plan"]["concerns"][0]
    concern[key] = concern.pop("reference", "")
    path = tmp_path / "plan.actionplan"
    path.write_text(json.dumps(document))
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    message = caught.value.message
    assert message.startswith("“plan.actionplan” is damaged: concern 1, ")
    assert "newer version" not in message
    assert message.endswith("If you have another copy, such as one sent by email, open that instead.")


def test_a_new_looking_field_may_still_be_from_a_newer_version(tmp_path: Path) -> None:
    document = json.loads(plan_to_bytes(small_plan()))
    document["plan"]["concerns"][0]["progress_notes"] = "On track"
    path = tmp_path / "plan.actionplan"
    path.write_text(json.dumps(document))
    with pytest.raises(PlanContentInvalid) as caught:
        load_plan(path)
    assert "It may have been saved by a newer version: update the application to open it." in caught.value.message
