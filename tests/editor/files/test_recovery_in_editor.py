"""Recovered work offered at start-up and when its plan is opened: Restore, Discard, Later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.recovery import RecoveryEntry, RecoveryStore
from actionplan.storage import load_plan
from editor.files.questions import RestoreAnswer, RestoreChoice, SaveChanges
from tests.editor.file_host import Host, close_quietly, make_host, sample_plan, write_plan


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    yield made
    made.files.autosaver.writer.wait()
    close_quietly(made)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan.actionplan")


def crashed_copy(store: RecoveryStore, source: Path | None, words: str) -> RecoveryEntry:
    """What an editor that crashed left behind: a copy with unsaved words."""
    plan = load_plan(source) if source is not None else sample_plan("HMP Untitled")
    plan.concerns[0].actions[0].text = words
    name = source.name if source is not None else "Untitled plan"
    return store.save(RecoveryStore.key_for(source), plan, source, name)


def answer(choice: RestoreChoice, index: int = 0) -> object:
    return lambda entries: RestoreAnswer(choice, entries[index] if choice is not RestoreChoice.LATER else None)


def test_restore_at_start_up_opens_the_work_unsaved_on_its_file(host: Host, plan_file: Path) -> None:
    entry = crashed_copy(host.store, plan_file, "Typed before the crash")
    host.prompter.script("ask_restore", answer(RestoreChoice.RESTORE))
    host.files.start([])
    assert host.prompter.questions("ask_restore") == [([entry],)]
    assert host.document.path == plan_file
    assert host.action_text() == "Typed before the crash"
    assert host.document.is_modified()
    assert host.files.autosaver.key == entry.key
    # The user's file is as it was until they save; saving removes the copy.
    assert load_plan(plan_file).concerns[0].actions[0].text == "Action 1."
    assert host.files.save()
    host.files.autosaver.writer.wait()
    assert host.store.entries() == []
    assert load_plan(plan_file).concerns[0].actions[0].text == "Typed before the crash"


def test_restored_untitled_work_is_an_unsaved_new_plan(host: Host) -> None:
    crashed_copy(host.store, None, "Never saved")
    host.prompter.script("ask_restore", answer(RestoreChoice.RESTORE))
    host.files.start([])
    assert host.document.path is None
    assert host.document.plan.details.establishment == "HMP Untitled"
    assert host.document.is_modified()


def test_discard_deletes_the_copy_and_asks_about_the_next(host: Host, plan_file: Path, tmp_path: Path) -> None:
    crashed_copy(host.store, plan_file, "First")
    other = crashed_copy(host.store, write_plan(tmp_path / "other.actionplan"), "Second")
    host.prompter.script("ask_restore", answer(RestoreChoice.DISCARD), answer(RestoreChoice.LATER))
    host.files.start([])
    asked = host.prompter.questions("ask_restore")
    assert len(asked[0][0]) == 2
    assert len(asked[1][0]) == 1
    assert [entry.key for entry in host.store.entries()] == [entry.key for entry in asked[1][0]]
    assert other.key in {entry.key for entry in asked[0][0]}
    assert host.document.path is None


def test_later_keeps_the_copy_for_next_time_and_opens_the_command_line_plan(host: Host, plan_file: Path, tmp_path: Path) -> None:
    kept = crashed_copy(host.store, None, "Later please")
    named = write_plan(tmp_path / "named.actionplan")
    host.prompter.script("ask_restore", answer(RestoreChoice.LATER))
    host.files.start([named])
    assert host.store.entries() == [kept]
    assert host.document.path == named


def test_opening_a_plan_with_recovered_work_offers_it(host: Host, plan_file: Path) -> None:
    crashed_copy(host.store, plan_file, "Recovered on open")
    host.prompter.script("ask_restore", answer(RestoreChoice.RESTORE))
    host.files.open_plan(plan_file)
    assert host.action_text() == "Recovered on open"
    assert host.document.is_modified()


def test_later_on_open_keeps_the_old_copy_safe_from_new_edits(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    old = crashed_copy(host.store, plan_file, "Older work")
    host.prompter.script("ask_restore", answer(RestoreChoice.LATER))
    host.files.open_plan(plan_file)
    host.type_action_text("New work")
    qtbot.waitUntil(lambda: len(host.store.entries(include_live=True)) == 2, timeout=3000)
    assert host.store.load(old).concerns[0].actions[0].text == "Older work"


def test_restore_over_unsaved_work_asks_first(host: Host, plan_file: Path) -> None:
    entry = crashed_copy(host.store, None, "Recovered")
    host.files.open_plan(plan_file)
    host.type_action_text("Current work")
    host.prompter.script("ask_save_changes", SaveChanges.CANCEL)
    assert not host.files.restore(entry)
    assert host.action_text() == "Current work"


def test_a_damaged_copy_is_explained_and_kept(host: Host) -> None:
    entry = crashed_copy(host.store, None, "x")
    entry.path.write_bytes(b"{ not json")
    host.prompter.script("ask_restore", answer(RestoreChoice.RESTORE)).script("show_error", None)
    host.files.start([])
    title, message = host.prompter.questions("show_error")[0]
    assert title == "Could not restore your work"
    assert "damaged" in message
    assert host.document.plan == Plan()
    assert host.store.entries() == [entry]


def test_new_after_a_restore_is_a_clean_empty_plan(host: Host) -> None:
    crashed_copy(host.store, None, "Recovered")
    host.prompter.script("ask_restore", answer(RestoreChoice.RESTORE))
    host.files.start([])
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)
    assert host.files.new_plan()
    assert not host.document.is_modified()
    host.files.autosaver.writer.wait()
    assert host.store.entries() == []
