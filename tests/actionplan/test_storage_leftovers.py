"""Temporary files left by a save that was killed part-way are tidied by the next good save.

Only our own names for that one plan are touched, only when they are old, and loading never
looks at them.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from actionplan.file_errors import PlanSaveError
from actionplan.model import Action, Concern, Plan
from actionplan.recovery import RecoveryStore
from actionplan.safe_writing import STALE_TEMPORARY_SECONDS, remove_stale_temporary_files, suggested_name
from actionplan.storage import load_plan, save_plan

AN_HOUR_AGO = time.time() - 3600


class Killed(BaseException):
    """Stands for the process dying: nothing in the save may catch it."""


def small_plan(owner: str = "Governor") -> Plan:
    plan = Plan()
    plan.details.establishment = "HMP Ashvale"
    plan.concerns.append(Concern(text="Drugs were too easy to get.", actions=[
        Action(text="Search every cell weekly.", owner=owner, target="Dec 2026"),
    ]))
    return plan


def make(path: Path, content: bytes = b'{"format": "hmpps-action-plan", "sch', age: float | None = 3600) -> Path:
    path.write_bytes(content)
    if age is not None:
        stamp = time.time() - age
        os.utime(path, (stamp, stamp))
    return path


def killed_save(plan: Plan, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Save until the new file is half-written, then die as a killed process would."""
    def die(descriptor: int) -> None:
        raise Killed
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", die)
        with pytest.raises(Killed):
            save_plan(plan, path)


def test_a_killed_save_leaves_a_temporary_file_that_the_next_save_removes_once_it_is_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    killed_save(small_plan("Head of Safety"), path, monkeypatch)
    (leftover,) = tmp_path.glob(".plan.actionplan.*.tmp")
    assert load_plan(path).concerns[0].actions[0].owner == "Governor"  # loading ignores it

    save_plan(small_plan("Deputy Governor"), path)
    assert leftover.exists(), "a fresh temporary file may belong to a save still running elsewhere"

    os.utime(leftover, (AN_HOUR_AGO, AN_HOUR_AGO))
    save_plan(small_plan("Head of Residence"), path)
    assert not leftover.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.actionplan", "plan.actionplan.bak"]
    assert load_plan(path).concerns[0].actions[0].owner == "Head of Residence"


def test_only_our_own_old_temporary_files_for_this_plan_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    ours = [
        make(tmp_path / ".plan.actionplan.k2j_8xq0.tmp"),
        make(tmp_path / ".plan.actionplan.bak.a1b2c3d4.tmp"),
    ]
    kept = [
        make(tmp_path / ".plan.actionplan.fresh123.tmp", age=5),  # a save in progress elsewhere
        make(tmp_path / ".other.actionplan.k2j_8xq0.tmp"),  # another plan's
        make(tmp_path / ".plan.actionplan.ABCDEFGH.tmp"),  # not a name mkstemp makes
        make(tmp_path / ".plan.actionplan.k2j_8xq0.tmp.keep"),
        make(tmp_path / "plan.actionplan.k2j_8xq0.tmp"),  # no leading dot
        make(tmp_path / ".plan.actionplan.toolongname.tmp"),
        make(tmp_path / ".plan.actionplan.bak"),
        make(tmp_path / "notes.tmp"),
        make(tmp_path / ".plan.xactionplan.k2j_8xq0.tmp"),  # the dot in the name is not a wildcard
    ]
    folder_named_like_ours = tmp_path / ".plan.actionplan.dir45678.tmp"
    folder_named_like_ours.mkdir()
    precious = make(tmp_path / "precious.docx", b"someone's document", age=None)
    link_named_like_ours = tmp_path / ".plan.actionplan.link5678.tmp"
    link_named_like_ours.symlink_to(precious)
    os.utime(link_named_like_ours, (AN_HOUR_AGO, AN_HOUR_AGO), follow_symlinks=False)

    save_plan(small_plan(), path)

    assert not any(p.exists() for p in ours)
    assert all(p.exists() for p in kept)
    assert folder_named_like_ours.is_dir()
    assert precious.read_bytes() == b"someone's document"
    assert link_named_like_ours.is_symlink()  # a link could point at anything: left alone


def test_a_failed_save_removes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    stale = make(tmp_path / ".plan.actionplan.k2j_8xq0.tmp")

    def full(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(PlanSaveError):
        save_plan(small_plan("Someone else"), path)
    assert stale.exists()


def test_tidying_never_turns_a_good_save_into_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    stale = make(tmp_path / ".plan.actionplan.k2j_8xq0.tmp")
    real_unlink = os.unlink

    def refuse(target: Any, *args: Any, **kwargs: Any) -> None:
        if Path(target) == stale:
            raise PermissionError(13, "Permission denied")
        real_unlink(target, *args, **kwargs)
    monkeypatch.setattr(os, "unlink", refuse)
    save_plan(small_plan(), path)
    assert load_plan(path).concerns[0].actions[0].owner == "Governor"
    assert stale.exists()


def test_remove_stale_temporary_files_reports_what_it_removed(tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    stale = make(tmp_path / ".plan.actionplan.k2j_8xq0.tmp")
    fresh = make(tmp_path / ".plan.actionplan.fresh123.tmp", age=STALE_TEMPORARY_SECONDS / 2)
    assert remove_stale_temporary_files(path) == [stale]
    assert fresh.exists()
    assert remove_stale_temporary_files(tmp_path / "gone" / "plan.actionplan") == []


def test_the_names_we_tidy_are_the_names_mkstemp_makes(tmp_path: Path) -> None:
    path = tmp_path / "plan with spaces (2).actionplan"
    for prefix in (f".{path.name}.", f".{path.name}.bak."):
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=tmp_path)
        os.close(handle)
        os.utime(name, (AN_HOUR_AGO, AN_HOUR_AGO))
    assert len(remove_stale_temporary_files(path)) == 2
    assert list(tmp_path.iterdir()) == []


def test_recovery_copies_ignore_leftover_temporary_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = RecoveryStore(tmp_path / "recovery")
    key = store.key_for(tmp_path / "plan.actionplan")
    store.save(key, small_plan(), tmp_path / "plan.actionplan", "plan.actionplan")
    make(store.folder / f".{key}.json.k2j_8xq0.tmp", b'{"format": "hmpps-action-plan-recovery", "key": "x"')
    make(store.folder / f".{key}.actionplan.k2j_8xq0.tmp", age=5)
    (entry,) = store.entries(include_live=True)
    assert store.load(entry).concerns[0].actions[0].owner == "Governor"
    store.save(key, small_plan("Deputy Governor"), tmp_path / "plan.actionplan", "plan.actionplan")
    assert not (store.folder / f".{key}.json.k2j_8xq0.tmp").exists()
    assert (store.folder / f".{key}.actionplan.k2j_8xq0.tmp").exists()


@pytest.mark.parametrize(("stem", "rest", "expected"), [
    ("HMP: Ashvale / YOI?", ".docx", "HMP Ashvale YOI.docx"),
    ("  ... ", ".actionplan", "plan.actionplan"),
    ("a" * 300, ".docx", "a" * 250 + ".docx"),
    ("é" * 200, " - progress 4 December 2026.docx", "é" * 111 + " - progress 4 December 2026.docx"),
])
def test_suggested_names_are_legal(stem: str, rest: str, expected: str) -> None:
    name = suggested_name(stem, rest)
    assert name == expected
    assert len(os.fsencode(name)) <= 255
