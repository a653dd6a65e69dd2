"""Recovery copies of unsaved work, kept apart from the user's own files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from actionplan import paths
from actionplan.file_errors import PlanFileError, PlanFileNotJson, PlanSaveError
from actionplan.model import Action, Concern, Plan
from actionplan.recovery import RecoveryEntry, RecoveryStore
from actionplan.storage import plan_to_bytes, save_plan
from tests.strategies import plans

ROOT = Path(__file__).resolve().parents[2]


def a_plan(owner: str = "Governor") -> Plan:
    return Plan(concerns=[Concern(text="Visits started late.", actions=[
        Action(text="Record start times.", owner=owner, target="June 2026"),
    ])])


@pytest.fixture
def store(tmp_path: Path) -> RecoveryStore:
    return RecoveryStore(tmp_path / "recovery")


def test_default_folder_is_the_recovery_folder_in_local_data() -> None:
    assert RecoveryStore().folder == paths.recovery_dir()
    assert paths.recovery_dir().parent == paths.data_dir()


def test_key_is_stable_for_a_file_and_random_for_a_new_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    key = RecoveryStore.key_for(path)
    monkeypatch.chdir(tmp_path)
    assert RecoveryStore.key_for(Path("plan.actionplan")) == key
    assert RecoveryStore.key_for(tmp_path / "sub" / ".." / "plan.actionplan") == key
    assert RecoveryStore.key_for(tmp_path / "other.actionplan") != key
    new_keys = {RecoveryStore.key_for(None) for _ in range(20)}
    assert len(new_keys) == 20
    assert all(k.replace("-", "").isalnum() for k in new_keys | {key})


def test_save_list_load_discard(store: RecoveryStore, tmp_path: Path) -> None:
    source = tmp_path / "documents" / "ashvale.actionplan"
    key = RecoveryStore.key_for(source)
    plan = a_plan()
    before = datetime.now(UTC)
    entry = store.save(key, plan, source, "ashvale.actionplan")
    assert entry.key == key
    assert entry.source_path == source
    assert entry.display_name == "ashvale.actionplan"
    assert entry.saved_at.tzinfo is not None
    assert entry.saved_at.utcoffset() == timedelta(0)
    assert before <= entry.saved_at <= datetime.now(UTC)
    assert entry.path.parent == store.folder

    assert store.entries() == [entry]
    assert store.load(entry) == plan

    store.discard(key)
    assert store.entries() == []
    assert list(store.folder.iterdir()) == []
    store.discard(key)  # already gone: no error


def test_a_new_copy_replaces_the_old_one_for_the_same_key(store: RecoveryStore) -> None:
    key = RecoveryStore.key_for(None)
    store.save(key, a_plan("Governor"), None, "Untitled plan")
    entry = store.save(key, a_plan("Head of Safety"), None, "Untitled plan")
    assert store.entries() == [entry]
    assert entry.source_path is None
    assert store.load(entry).concerns[0].actions[0].owner == "Head of Safety"


def test_entries_are_newest_first(store: RecoveryStore) -> None:
    saved = []
    for number in range(3):
        saved.append(store.save(RecoveryStore.key_for(None), a_plan(), None, f"Plan {number}"))
        time.sleep(0.01)
    assert [e.display_name for e in store.entries()] == ["Plan 2", "Plan 1", "Plan 0"]
    assert store.entries() == sorted(saved, key=lambda e: e.saved_at, reverse=True)


def test_never_writes_near_the_users_file(store: RecoveryStore, tmp_path: Path) -> None:
    documents = tmp_path / "documents"
    documents.mkdir()
    source = documents / "plan.actionplan"
    save_plan(a_plan(), source)
    before = {p.name: p.read_bytes() for p in documents.iterdir()}
    key = RecoveryStore.key_for(source)
    entry = store.save(key, a_plan("Changed"), source, "plan.actionplan")
    store.discard(key)
    assert {p.name: p.read_bytes() for p in documents.iterdir()} == before
    assert not entry.path.is_relative_to(documents)


def test_save_bytes_from_worker_threads(store: RecoveryStore) -> None:
    data = [plan_to_bytes(a_plan(f"Owner {n}")) for n in range(2)]
    keys = [RecoveryStore.key_for(None) for _ in range(4)]
    errors: list[BaseException] = []

    def autosave(key: str) -> None:
        try:
            for round_ in range(15):
                store.save_bytes(key, data[round_ % 2], None, key)
        except BaseException as error:  # reported to the test below
            errors.append(error)

    workers = [threading.Thread(target=autosave, args=(key,)) for key in keys]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    entries = store.entries()
    assert sorted(e.key for e in entries) == sorted(keys)
    for entry in entries:
        assert store.load(entry).concerns[0].actions[0].owner in ("Owner 0", "Owner 1")
    assert not [p for p in store.folder.iterdir() if p.suffix == ".tmp"]


def test_unreadable_metadata_is_skipped(store: RecoveryStore) -> None:
    good = store.save(RecoveryStore.key_for(None), a_plan(), None, "Good")
    folder = store.folder
    (folder / "garbage.json").write_bytes(b"\xff\x00 not json")
    (folder / "list.json").write_text("[1, 2]")
    (folder / "other.json").write_text(json.dumps({"format": "something-else"}))
    orphan = store.save(RecoveryStore.key_for(None), a_plan(), None, "Orphan")
    orphan.path.unlink()  # metadata without its plan copy
    renamed = store.save(RecoveryStore.key_for(None), a_plan(), None, "Renamed")
    renamed.path.with_suffix(".json").rename(folder / "new-0000000000000000.json")
    naive = store.save(RecoveryStore.key_for(None), a_plan(), None, "Naive")
    meta = naive.path.with_suffix(".json")
    document = json.loads(meta.read_text())
    document["saved_at"] = "2026-06-22T14:05:00"
    meta.write_text(json.dumps(document))
    assert store.entries() == [good]


def test_missing_folder_lists_nothing(tmp_path: Path) -> None:
    assert RecoveryStore(tmp_path / "never-made").entries() == []


def test_damaged_copy_loads_with_a_typed_error(store: RecoveryStore) -> None:
    entry = store.save(RecoveryStore.key_for(None), a_plan(), None, "Damaged")
    entry.path.write_bytes(b"{\"format\": ")
    with pytest.raises(PlanFileNotJson):
        store.load(entry)


def test_copy_that_vanished_loads_with_a_typed_error(store: RecoveryStore) -> None:
    entry = store.save(RecoveryStore.key_for(None), a_plan(), None, "Gone")
    store.discard(entry.key)
    with pytest.raises(PlanFileError):
        store.load(entry)


def test_unwritable_recovery_folder_raises_plan_save_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    store = RecoveryStore(blocker / "recovery")
    with pytest.raises(PlanSaveError, match="Recovery copies cannot be kept in"):
        store.save(RecoveryStore.key_for(None), a_plan(), None, "Plan")


@pytest.mark.parametrize("key", ["../escape", "a/b", "", "x" * 65, "dot.dot", "con:"])
def test_keys_that_are_not_safe_file_names_are_refused(store: RecoveryStore, key: str) -> None:
    with pytest.raises(ValueError, match="not a recovery key"):
        store.save(key, a_plan(), None, "Plan")
    with pytest.raises(ValueError, match="not a recovery key"):
        store.discard(key)


def test_odd_names_survive_the_metadata(store: RecoveryStore, tmp_path: Path) -> None:
    source = tmp_path / "Plan – “Ashvale” 🙂 \udcff.actionplan"  # not UTF-8 on Linux disks
    entry = store.save(RecoveryStore.key_for(source), a_plan(), source, source.name)
    assert store.entries() == [entry]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plans())
def test_any_plan_comes_back_whole(store: RecoveryStore, plan: Plan) -> None:
    entry = store.save(RecoveryStore.key_for(None), plan, None, "Plan")
    assert store.load(entry) == plan
    store.discard(entry.key)


_OTHER_EDITOR = """
import sys
from pathlib import Path
from actionplan.model import Plan
from actionplan.recovery import RecoveryStore
store = RecoveryStore(Path(sys.argv[1]))
store.save(RecoveryStore.key_for(None), Plan(), None, "Other editor's plan")
print("saved", flush=True)
sys.stdin.read()
"""


@pytest.mark.timeout(60)
def test_copies_of_another_running_editor_are_left_out(store: RecoveryStore) -> None:
    mine = store.save(RecoveryStore.key_for(None), a_plan(), None, "My plan")
    other = subprocess.Popen(
        [sys.executable, "-c", _OTHER_EDITOR, str(store.folder)],
        cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert other.stdout is not None
        assert other.stdout.readline().strip() == "saved"
        assert store.entries() == [mine]  # the other editor is still working on its copy
        names = [entry.display_name for entry in store.entries(include_live=True)]
        assert sorted(names) == ["My plan", "Other editor's plan"]
    finally:
        other.kill()
        other.wait()
    # Once that editor has gone (crashed), its copy is offered back.
    assert sorted(e.display_name for e in store.entries()) == ["My plan", "Other editor's plan"]


def test_entry_is_frozen() -> None:
    entry = RecoveryEntry("k", None, "Plan", datetime.now(UTC), Path("k.actionplan"))
    with pytest.raises(AttributeError):
        entry.key = "other"  # type: ignore[misc]


def _copy_with_details(store: RecoveryStore, change: dict[str, object]) -> Path:
    copy = store.save(RecoveryStore.key_for(None), a_plan(), None, "Odd")
    meta = copy.path.with_suffix(".json")
    document = json.loads(meta.read_text())
    document.update(change)
    meta.write_text(json.dumps(document))
    return meta


@pytest.mark.parametrize("change", [
    {"saved_at": "0001-01-01T00:00:00+14:00"},  # before the first moment UTC can hold
    {"saved_at": "9999-12-31T23:59:59-14:00"},  # after the last
    {"saved_at": "9999-12-31T23:59:59+00:00"},  # the year 10000 in Tokyo: the restore dialog could not say it
    {"pid": 10**30},
])
def test_details_at_the_edge_of_the_calendar_or_of_numbers_do_not_stop_the_start(
        store: RecoveryStore, change: dict[str, object]) -> None:
    good = store.save(RecoveryStore.key_for(None), a_plan(), None, "Good")
    _copy_with_details(store, change)
    listed = store.entries()
    assert good in listed
    if "saved_at" in change:  # a moment that cannot be real: the copy's details are damaged
        assert listed == [good]


@pytest.mark.timeout(20)
@pytest.mark.parametrize("kind", ["pipe", "huge"])
def test_details_that_are_a_pipe_or_huge_are_skipped_without_reading(store: RecoveryStore, kind: str) -> None:
    good = store.save(RecoveryStore.key_for(None), a_plan(), None, "Good")
    meta = _copy_with_details(store, {})
    meta.unlink()
    if kind == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no pipes here")
        os.mkfifo(meta)  # reading it would wait for ever
    else:
        with meta.open("wb") as stream:
            stream.truncate(2**31)  # sparse: costs no disk
    assert store.entries() == [good]
