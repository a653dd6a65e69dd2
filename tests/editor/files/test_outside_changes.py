"""The open file changed on disk by someone else: say so, offer Reload or keep mine."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.storage import MAX_FILE_BYTES, load_plan, save_plan
from editor.files.outside_changes import SETTLE_MS, FileState, OutsideChangeWatcher
from editor.files.questions import OutsideChange
from tests.editor.file_host import Host, close_quietly, make_host, sample_plan, write_plan

QUIET_MS = SETTLE_MS * 3


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    yield made
    close_quietly(made)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan.actionplan")


def colleague_saves(path: Path, words: str) -> None:
    """Another editor's atomic save, which replaces the file."""
    plan = load_plan(path)
    plan.concerns[0].actions[0].text = words
    save_plan(plan, path)


def test_an_outside_save_is_noticed_and_reload_shows_it(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.prompter.script("ask_outside_change", OutsideChange.RELOAD)
    colleague_saves(plan_file, "Their new words")
    qtbot.waitUntil(lambda: bool(host.prompter.questions("ask_outside_change")), timeout=5000)
    assert host.prompter.questions("ask_outside_change") == [("plan.actionplan", False)]
    assert host.action_text() == "Their new words"
    assert not host.document.is_modified()


def test_watching_goes_on_after_a_reload_and_after_our_own_saves(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.prompter.script("ask_outside_change", OutsideChange.RELOAD, OutsideChange.RELOAD)
    colleague_saves(plan_file, "First")
    qtbot.waitUntil(lambda: host.action_text() == "First", timeout=5000)
    # Our own atomic saves replace the file too, and must not be taken for someone else's.
    for words in ("Ours one", "Ours two"):
        host.type_action_text(words)
        assert host.files.save()
        qtbot.wait(QUIET_MS)
    assert len(host.prompter.questions("ask_outside_change")) == 1
    colleague_saves(plan_file, "Second")
    qtbot.waitUntil(lambda: host.action_text() == "Second", timeout=5000)


def test_keep_mine_saves_my_version_as_a_new_file(qtbot: QtBot, host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("My words")
    mine = tmp_path / "my version.actionplan"
    host.prompter.script("ask_outside_change", OutsideChange.KEEP_MINE).script("choose_save_path", mine)
    colleague_saves(plan_file, "Their words")
    qtbot.waitUntil(lambda: host.document.path == mine, timeout=5000)
    assert host.prompter.questions("ask_outside_change") == [("plan.actionplan", True)]
    assert load_plan(mine).concerns[0].actions[0].text == "My words"
    assert load_plan(plan_file).concerns[0].actions[0].text == "Their words"


def test_keep_mine_without_saving_still_counts_as_unsaved(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.prompter.script("ask_outside_change", OutsideChange.KEEP_MINE).script("choose_save_path", None)
    colleague_saves(plan_file, "Their words")
    qtbot.waitUntil(lambda: bool(host.prompter.questions("choose_save_path")), timeout=5000)
    assert host.document.is_modified()
    assert host.action_text() == "Action 1."


def test_a_touch_with_the_same_contents_is_not_a_change(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    data = plan_file.read_bytes()
    replacement = plan_file.with_name("sync-tool.tmp")
    replacement.write_bytes(data)
    os.replace(replacement, plan_file)
    qtbot.wait(QUIET_MS)
    assert host.prompter.asked == []


def test_a_deleted_file_is_reported_and_the_work_counts_as_unsaved(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.prompter.script("show_error", None)
    plan_file.unlink()
    qtbot.waitUntil(lambda: bool(host.prompter.questions("show_error")), timeout=5000)
    title, message = host.prompter.questions("show_error")[0]
    assert title == "Plan file has gone"
    assert "moved or deleted" in message
    assert host.document.is_modified()


def test_a_file_written_in_place_is_noticed(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.prompter.script("ask_outside_change", OutsideChange.RELOAD)
    plan = sample_plan("HMP Rewritten in place")
    from actionplan.storage import plan_to_bytes

    with plan_file.open("wb") as stream:
        stream.write(plan_to_bytes(plan))
    qtbot.waitUntil(lambda: host.document.plan.details.establishment == "HMP Rewritten in place", timeout=5000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no pipes here")
def test_a_pipe_in_place_of_the_plan_is_noticed_without_being_read(qtbot: QtBot, plan_file: Path) -> None:
    watcher = OutsideChangeWatcher()
    watcher.watch(plan_file)
    said: list[bool] = []
    watcher.changed.connect(said.append)
    plan_file.unlink()
    os.mkfifo(plan_file)  # reading a pipe nobody writes to would wait for ever
    watcher.check()
    assert said == [True]
    state = FileState.of(plan_file)
    assert state is not None
    assert state.digest == b""


def test_a_huge_file_in_place_of_the_plan_is_not_read(qtbot: QtBot, plan_file: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    watcher = OutsideChangeWatcher()
    watcher.watch(plan_file)
    said: list[bool] = []
    watcher.changed.connect(said.append)
    with plan_file.open("r+b") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    read: list[int] = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    watcher.check()
    assert said == [True]
    assert read == []


def test_saving_over_a_change_not_yet_noticed_asks_first(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Mine")
    colleague_saves(plan_file, "Theirs")  # saved a moment ago: no notice has arrived yet
    host.prompter.script("confirm_save_over_outside_change", False)
    host.prompter.script("choose_save_path", None)
    assert not host.files.save()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Theirs"
    assert host.prompter.questions("confirm_save_over_outside_change") == [("plan.actionplan",)]
    host.prompter.script("confirm_save_over_outside_change", True)
    assert host.files.save()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Mine"
    qtbot.wait(QUIET_MS)
    assert host.prompter.questions("ask_outside_change") == []


def test_saving_a_file_nobody_else_changed_asks_nothing(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    os.utime(plan_file)  # touched, same contents (a sync tool)
    host.type_action_text("Mine")
    assert host.files.save()
    assert host.prompter.questions("confirm_save_over_outside_change") == []
