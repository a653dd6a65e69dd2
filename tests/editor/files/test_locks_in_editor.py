"""Plans someone else has open: who and since when, read-only or take over, stale locks."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.lock import LockInfo, PlanLock
from actionplan.processes import this_host
from actionplan.storage import load_plan
from editor.files.prompter import locked_box
from editor.files.questions import LockChoice, SaveChanges
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from tests.editor.file_host import Host, close_quietly, make_host, write_plan
from tests.editor.table_fixtures import activate


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    yield made
    close_quietly(made)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plan.actionplan")


def someone_else_has(plan: Path, since: datetime | None = None, host: str = "LAPTOP-12", pid: int = 4242) -> LockInfo:
    info = LockInfo("Sam Patel", host, pid, since or datetime(2026, 6, 22, 13, 5, tzinfo=UTC))
    PlanLock.path_for(plan).write_bytes(info.to_json())
    return info


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_opening_a_free_plan_locks_it_in_our_name_and_close_releases(host: Host, plan_file: Path) -> None:
    host.settings.set_user_name("Jane Smith")
    host.files.lock.user_name = host.settings.user_name()
    host.files.open_plan(plan_file)
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.user == "Jane Smith"
    assert info.pid == os.getpid()
    host.files.close_plan()
    assert PlanLock.read(plan_file) is None


def test_someone_elses_lock_says_who_and_offers_read_only(host: Host, plan_file: Path) -> None:
    theirs = someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    assert host.files.open_plan(plan_file)
    name, info = host.prompter.questions("ask_locked")[0]
    assert name == "plan.actionplan"
    assert info == theirs
    assert host.document.read_only
    assert not host.files.banner_bar.isHidden()
    text = host.files.banner.label.text()
    assert "Sam Patel (on computer LAPTOP-12) has had it open since 22 June 2026 at" in text
    assert "Save As" in text
    # Their lock is untouched.
    assert PlanLock.read(plan_file) == theirs


def test_read_only_save_goes_to_save_as_and_then_edits_normally(host: Host, plan_file: Path, tmp_path: Path) -> None:
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    host.files.open_plan(plan_file)
    host.type_action_text("My suggestions")
    before = plan_file.read_bytes()
    copy = tmp_path / "my copy.actionplan"
    host.prompter.script("choose_save_path", copy)
    assert host.files.save()
    assert plan_file.read_bytes() == before
    assert load_plan(copy).concerns[0].actions[0].text == "My suggestions"
    assert not host.document.read_only
    assert host.files.banner_bar.isHidden()
    mine = PlanLock.read(copy)
    assert mine is not None
    assert mine.pid == os.getpid()


def test_take_over_puts_our_name_on_the_lock(host: Host, plan_file: Path) -> None:
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.TAKE_OVER)
    host.files.open_plan(plan_file)
    assert not host.document.read_only
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.pid == os.getpid()


def test_cancel_opens_nothing(host: Host, plan_file: Path) -> None:
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.CANCEL)
    assert not host.files.open_plan(plan_file)
    assert host.document.path is None


def test_a_lock_left_by_a_crashed_editor_is_cleared_without_asking(host: Host, plan_file: Path) -> None:
    someone_else_has(plan_file, host=this_host(), pid=dead_pid())
    assert host.files.open_plan(plan_file)
    assert host.prompter.asked == []
    assert not host.document.read_only
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.pid == os.getpid()


def test_an_old_lock_from_another_computer_is_cleared_without_asking(host: Host, plan_file: Path) -> None:
    someone_else_has(plan_file)
    old = (datetime.now() - timedelta(hours=1)).timestamp()
    os.utime(PlanLock.path_for(plan_file), (old, old))
    assert host.files.open_plan(plan_file)
    assert host.prompter.asked == []
    assert not host.document.read_only


def test_a_colleague_taking_over_makes_us_read_only_at_the_next_refresh(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Mine")
    PlanLock.path_for(plan_file).unlink()
    someone_else_has(plan_file, since=datetime.now(UTC))
    host.files.lock.refresh()
    assert host.document.read_only
    assert "has taken over editing" in host.files.banner.label.text()
    assert host.action_text() == "Mine"


def test_a_take_over_is_noticed_within_seconds_not_at_the_next_heartbeat(
    host: Host, plan_file: Path, qtbot: QtBot
) -> None:
    host.files.open_plan(plan_file)
    check = host.files.lock._check
    assert check.isActive()
    assert check.interval() == 10_000  # the heartbeat is every few minutes
    check.setInterval(50)  # not to wait ten seconds here
    host.type_action_text("Mine")
    PlanLock.path_for(plan_file).unlink()
    someone_else_has(plan_file, since=datetime.now(UTC))
    qtbot.waitUntil(lambda: host.document.read_only, timeout=3000)
    assert "has taken over editing" in host.files.banner.label.text()
    assert host.action_text() == "Mine"
    assert not host.files.lock._check.isActive()


def test_refresh_keeps_the_heartbeat_fresh(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    lock_file = PlanLock.path_for(plan_file)
    old = (datetime.now() - timedelta(minutes=5)).timestamp()
    os.utime(lock_file, (old, old))
    host.files.lock.refresh()
    assert lock_file.stat().st_mtime > old + 60


def test_save_as_over_a_plan_someone_has_open_asks_first(host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Mine")
    theirs_file = write_plan(tmp_path / "theirs.actionplan")
    theirs = someone_else_has(theirs_file)
    before = theirs_file.read_bytes()
    host.prompter.script("choose_save_path", theirs_file).script("confirm_replace_locked", False)
    assert not host.files.save_as()
    assert host.prompter.questions("confirm_replace_locked") == [("theirs.actionplan", theirs)]
    assert theirs_file.read_bytes() == before
    assert PlanLock.read(theirs_file) == theirs
    # Our own plan is still open, still ours, still unsaved.
    assert host.document.path == plan_file
    mine = PlanLock.read(plan_file)
    assert mine is not None
    assert mine.pid == os.getpid()
    assert host.document.is_modified()


def test_save_as_over_a_plan_someone_has_open_when_the_user_insists(host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Mine")
    theirs_file = write_plan(tmp_path / "theirs.actionplan")
    someone_else_has(theirs_file)
    host.prompter.script("choose_save_path", theirs_file).script("confirm_replace_locked", True)
    assert host.files.save_as()
    assert load_plan(theirs_file).concerns[0].actions[0].text == "Mine"
    info = PlanLock.read(theirs_file)
    assert info is not None
    assert info.pid == os.getpid()
    assert PlanLock.read(plan_file) is None


def test_read_only_save_as_that_fails_keeps_the_banner_and_no_stray_lock(
    host: Host, plan_file: Path, tmp_path: Path
) -> None:
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    host.files.open_plan(plan_file)
    missing_folder = tmp_path / "gone" / "copy.actionplan"
    host.prompter.script("choose_save_path", missing_folder).script("offer_save_as", False)
    assert not host.files.save_as()
    assert host.document.read_only
    assert "Sam Patel" in host.files.banner.label.text()
    assert not host.files.lock.held


def test_a_name_with_angle_brackets_is_shown_whole(host: Host, plan_file: Path) -> None:
    """A holder called "Jo Bloggs <Head of Safety>" once swallowed the rest of the message,
    as the "<" was read as the start of markup."""
    info = LockInfo("Jo Bloggs <Head of Safety>", "LAPTOP-12", 4242, datetime(2026, 6, 22, 13, 5, tzinfo=UTC))
    PlanLock.path_for(plan_file).write_bytes(info.to_json())
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    assert host.files.open_plan(plan_file)
    shown = QTextDocument()
    shown.setHtml(host.files.banner.label.text())
    text = shown.toPlainText()
    assert "Jo Bloggs <Head of Safety> (on computer LAPTOP-12) has had it open since 22 June 2026" in text
    assert "Save As" in text


def test_the_lock_question_shows_a_name_with_angle_brackets_as_typed(qtbot: QtBot, plan_file: Path) -> None:
    info = LockInfo("Jo Bloggs <jo.bloggs@justice.gov.uk>", "LAPTOP-12", 4242,
                    datetime(2026, 6, 22, 13, 5, tzinfo=UTC))
    box = locked_box(None, "plan.actionplan", info)
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "Jo Bloggs <jo.bloggs@justice.gov.uk>" in box.informativeText()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_read_only_bar_is_as_tall_as_its_text_needs(host: Host, plan_file: Path) -> None:
    """It once asked for three lines' height for one line of text; and when the text wraps, it
    must grow so that the second line is not cut off."""
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    assert host.files.open_plan(plan_file)
    banner = host.files.banner
    line = banner.label.fontMetrics().lineSpacing()
    for width, lines in ((1600, 1), (860, 2)):
        host.window.resize(width, 700)
        host.window.show()
        QApplication.processEvents()
        banner.show_for(PlanLock.read(plan_file), taken_over=True)
        QApplication.processEvents()
        assert banner.label.height() >= banner.label.heightForWidth(banner.label.width()) >= lines * line
        assert banner.height() < (lines + 2) * line + 24


def test_dont_save_then_cancel_at_the_lock_question_keeps_the_recovery_copy(
    host: Host, plan_file: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """Opening can still be cancelled after "Don't save": the plan that stays open must keep its
    recovery copy, or a crash before the next edit would lose the work."""
    mine = write_plan(tmp_path / "mine.actionplan")
    host.files.open_plan(mine)
    host.type_action_text("Typed, not saved")
    qtbot.waitUntil(lambda: len(host.store.entries(include_live=True)) == 1, timeout=5000)
    someone_else_has(plan_file)
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE).script("ask_locked", LockChoice.CANCEL)
    assert not host.files.open_plan(plan_file)
    assert host.document.path == mine
    assert host.action_text() == "Typed, not saved"
    host.files.autosaver.writer.wait()
    copies = host.store.entries(include_live=True)
    assert len(copies) == 1
    assert host.store.load(copies[0]).concerns[0].actions[0].text == "Typed, not saved"


@pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")
def test_typing_still_in_a_cell_when_a_take_over_is_noticed_goes_into_the_copy(
    qtbot: QtBot, plan_file: Path, tmp_path: Path
) -> None:
    """The bar says the changes are still there for Save As: that includes an owner typed a
    moment ago that had not reached the plan yet when the check ran."""
    host = make_host(qtbot, MainWindow())
    try:
        assert host.files.open_plan(plan_file)
        window = host.window
        activate(qtbot, window)
        index = window.table.model().index(1, Column.OWNER)
        window.table.select_cell(index)
        window.table.edit(index)
        QApplication.processEvents()
        editor = QApplication.focusWidget()
        assert editor is not None
        qtbot.keyClicks(editor, "Head of Reducing Reoffending")
        PlanLock.path_for(plan_file).unlink()
        someone_else_has(plan_file, since=datetime.now(UTC))
        host.files.lock.check_taken_over()  # at once, within the cell's third of a second
        assert host.document.read_only
        assert host.document.plan.concerns[0].actions[0].owner == "Head of Reducing Reoffending"
        copy = tmp_path / "copy.actionplan"
        host.prompter.script("choose_save_path", copy)
        assert host.files.save_as()
        assert load_plan(copy).concerns[0].actions[0].owner == "Head of Reducing Reoffending"
    finally:
        close_quietly(host)
