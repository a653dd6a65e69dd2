"""Recovery copies: written soon after edits, never over the user's file, deleted when saved."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Concern, Plan
from actionplan.recovery import RecoveryStore
from actionplan.storage import load_plan, save_plan
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.files.autosave import LONGEST_WAIT_MS, PAUSE_MS, Autosaver


def small_plan() -> Plan:
    return Plan(concerns=[Concern(text="Visits started late.", actions=[Action(text="Start visits on time.")])])


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.actionplan"
    save_plan(small_plan(), path)
    return path


@pytest.fixture
def document(saved_file: Path) -> Iterator[PlanDocument]:
    document = PlanDocument(load_plan(saved_file), saved_file)
    yield document
    # A dirty QUndoStack signals while it is destroyed, after the document has gone.
    document.undo_stack.clear()


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def autosaver(document: PlanDocument, store: RecoveryStore) -> Iterator[Autosaver]:
    saver = Autosaver(document, store)
    yield saver
    saver.close()


def type_text(document: PlanDocument, text: str) -> None:
    concern = document.plan.concerns[0]
    ref = FieldRef(concern.id, concern.actions[0].id, "text")
    document.undo_stack.push(SetField(document, ref, text, merge_key="typing"))


def copy_text(store: RecoveryStore) -> str | None:
    entries = store.entries(include_live=True)
    if not entries:
        return None
    return store.load(entries[0]).concerns[0].actions[0].text


def test_copy_written_once_typing_pauses_and_never_over_the_users_file(
    qtbot: QtBot, document: PlanDocument, store: RecoveryStore, autosaver: Autosaver, saved_file: Path
) -> None:
    before = saved_file.read_bytes()
    started = time.monotonic()
    type_text(document, "Start visits on time every day.")
    qtbot.wait(PAUSE_MS // 2)
    assert store.entries(include_live=True) == []
    qtbot.waitUntil(lambda: copy_text(store) == "Start visits on time every day.", timeout=3000)
    # A coarse Qt timer may fire up to 5% early.
    assert time.monotonic() - started >= 0.95 * PAUSE_MS / 1000
    entry = store.entries(include_live=True)[0]
    assert entry.source_path == saved_file
    assert entry.display_name == "plan.actionplan"
    assert entry.key == RecoveryStore.key_for(saved_file) == autosaver.key
    assert saved_file.read_bytes() == before


def test_steady_typing_still_gets_a_copy_within_the_longest_wait(
    qtbot: QtBot, document: PlanDocument, store: RecoveryStore, autosaver: Autosaver
) -> None:
    started = time.monotonic()
    typed = ""
    first_copy_at = None
    while time.monotonic() - started < (LONGEST_WAIT_MS + 800) / 1000:
        typed += "x"
        type_text(document, typed)
        qtbot.wait(100)  # a key every 100 ms: the pause never comes
        if first_copy_at is None and store.entries(include_live=True):
            first_copy_at = time.monotonic() - started
    assert first_copy_at is not None
    assert first_copy_at <= (LONGEST_WAIT_MS + 300) / 1000


def test_clean_save_deletes_the_copy(
    qtbot: QtBot, document: PlanDocument, store: RecoveryStore, autosaver: Autosaver, saved_file: Path
) -> None:
    type_text(document, "Changed")
    qtbot.waitUntil(lambda: copy_text(store) == "Changed", timeout=3000)
    save_plan(document.plan, saved_file)
    document.mark_saved(saved_file)
    autosaver.writer.wait()
    assert store.entries(include_live=True) == []


def test_undoing_back_to_the_saved_version_deletes_the_copy(
    qtbot: QtBot, document: PlanDocument, store: RecoveryStore, autosaver: Autosaver
) -> None:
    type_text(document, "Changed")
    qtbot.waitUntil(lambda: copy_text(store) == "Changed", timeout=3000)
    document.undo_stack.undo()
    assert not document.is_modified()
    autosaver.writer.wait()
    assert store.entries(include_live=True) == []
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: copy_text(store) == "Changed", timeout=3000)


def test_saving_under_a_new_name_moves_the_copy_to_a_new_key(
    qtbot: QtBot, document: PlanDocument, store: RecoveryStore, autosaver: Autosaver, tmp_path: Path
) -> None:
    type_text(document, "Changed")
    qtbot.waitUntil(lambda: copy_text(store) == "Changed", timeout=3000)
    old_key = autosaver.key
    document.set_path(tmp_path / "renamed.actionplan")
    assert autosaver.key != old_key
    qtbot.waitUntil(lambda: [entry.key for entry in store.entries(include_live=True)] == [autosaver.key], timeout=3000)


def test_new_untitled_plan_gets_its_own_copy(qtbot: QtBot, store: RecoveryStore) -> None:
    document = PlanDocument()
    saver = Autosaver(document, store)
    try:
        document.replace(small_plan(), None)
        type_text(document, "Untitled work")
        qtbot.waitUntil(lambda: copy_text(store) == "Untitled work", timeout=3000)
        entry = store.entries(include_live=True)[0]
        assert entry.source_path is None
        assert entry.display_name == "Untitled plan"
    finally:
        saver.close()
        document.undo_stack.clear()


def test_a_failed_copy_is_reported_not_raised(qtbot: QtBot, document: PlanDocument, tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    saver = Autosaver(document, RecoveryStore(blocker / "recovery"))
    try:
        with qtbot.waitSignal(saver.problem, timeout=3000) as signal:
            type_text(document, "Changed")
        assert "Save your work now" in signal.args[0]
    finally:
        saver.close()
        document.undo_stack.clear()


def test_snapshot_of_a_large_plan_is_done_in_slices(qtbot: QtBot, store: RecoveryStore) -> None:
    from benchmarks.generate import make_plan

    plan = make_plan(3000)
    document = PlanDocument(plan, None)
    saver = Autosaver(document, store)
    try:
        concern = plan.concerns[0]
        document.undo_stack.push(SetField(document, FieldRef(concern.id, None, "text"), "Changed"))
        with qtbot.waitSignal(saver.copy_requested, timeout=5000):
            pass
        saver.writer.wait()
        restored = store.load(store.entries(include_live=True)[0])
        assert restored == plan
    finally:
        saver.close()
        document.undo_stack.clear()
