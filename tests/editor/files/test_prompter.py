"""The real dialogs: their words, their buttons, and what each button answers."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from actionplan.lock import LockInfo
from actionplan.recovery import RecoveryEntry
from editor.files.prompter import (
    QtPrompter,
    locked_box,
    outside_change_box,
    save_changes_box,
    save_failed_box,
)
from editor.files.questions import (
    LockChoice,
    OutsideChange,
    RestoreChoice,
    SaveChanges,
    describe_time,
    with_plan_suffix,
)
from editor.files.restore_dialog import RestoreDialog, describe_entry

# Showing a dialog on the offscreen platform warns about size hints; that is not ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

JUNE_AFTERNOON = datetime(2026, 6, 22, 13, 5, tzinfo=UTC)


@pytest.fixture
def london(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def entry(name: str, saved_at: datetime = JUNE_AFTERNOON) -> RecoveryEntry:
    return RecoveryEntry(f"key-{len(name)}", Path("/plans") / name, name, saved_at, Path("/recovery/copy"))


def button_texts(box: QMessageBox) -> list[str]:
    return sorted(button.text() for button in box.buttons())


@pytest.mark.usefixtures("london")
def test_times_are_written_in_gov_uk_style_in_local_time() -> None:
    assert describe_time(JUNE_AFTERNOON) == "22 June 2026 at 14:05"
    assert describe_entry(entry("stoke heath.actionplan")) == "“stoke heath.actionplan”, last changed 22 June 2026 at 14:05"


def test_save_changes_buttons(qtbot: QtBot) -> None:
    box = save_changes_box(None, "plan.actionplan")
    qtbot.addWidget(box)
    assert box.text() == "Do you want to save the changes you made to “plan.actionplan”?"
    assert button_texts(box) == ["Cancel", "Don't save", "Save"]
    assert box.defaultButton().text() == "Save"
    assert box.escapeButton().text() == "Cancel"  # type: ignore[union-attr]


@pytest.mark.usefixtures("london")
def test_locked_box_says_who_and_since_when(qtbot: QtBot) -> None:
    box = locked_box(None, "plan.actionplan", LockInfo("Sam Patel", "LAPTOP-12", 1, JUNE_AFTERNOON))
    qtbot.addWidget(box)
    assert "Sam Patel (on computer LAPTOP-12) has had it open since 22 June 2026 at 14:05." in box.informativeText()
    assert button_texts(box) == ["Cancel", "Open read-only", "Take over"]
    assert box.defaultButton().text() == "Open read-only"


def test_outside_change_box_warns_of_loss_only_when_there_are_changes(qtbot: QtBot) -> None:
    changed = outside_change_box(None, "plan.actionplan", modified=True)
    unchanged = outside_change_box(None, "plan.actionplan", modified=False)
    qtbot.addWidget(changed)
    qtbot.addWidget(unchanged)
    assert "will lose the changes" in changed.informativeText()
    assert "will lose" not in unchanged.informativeText()
    assert button_texts(changed) == ["Keep mine and save as…", "Reload"]
    assert changed.defaultButton().text() == "Keep mine and save as…"
    assert unchanged.defaultButton().text() == "Reload"


def test_save_failed_box_offers_save_as(qtbot: QtBot) -> None:
    box = save_failed_box(None, "“plan.actionplan” could not be saved because the disk is full.")
    qtbot.addWidget(box)
    assert "Nothing has been lost" in box.informativeText()
    assert button_texts(box) == ["Not now", "Save As…"]


def click_when_shown(text: str) -> None:
    """Press the button labelled ``text`` on the modal dialog once it is open."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, press)
            return
        next(button for button in dialog.findChildren(QPushButton) if button.text() == text).click()

    QTimer.singleShot(0, press)


@pytest.mark.parametrize(
    ("method", "arguments", "button", "expected"),
    [
        ("ask_save_changes", ("plan.actionplan",), "Don't save", SaveChanges.DONT_SAVE),
        ("ask_save_changes", ("plan.actionplan",), "Cancel", SaveChanges.CANCEL),
        ("ask_locked", ("plan.actionplan", LockInfo("Sam", "PC", 1, JUNE_AFTERNOON)), "Take over", LockChoice.TAKE_OVER),
        ("ask_outside_change", ("plan.actionplan", True), "Reload", OutsideChange.RELOAD),
        ("offer_save_as", ("could not be saved",), "Save As…", True),
        ("confirm_revert", ("plan.actionplan",), "Revert", True),
        ("confirm_replace_locked", ("plan.actionplan", LockInfo("Sam", "PC", 1, JUNE_AFTERNOON)), "Save over it", True),
        ("confirm_replace_locked", ("plan.actionplan", LockInfo("Sam", "PC", 1, JUNE_AFTERNOON)), "Choose another name", False),
        ("confirm_save_over_outside_change", ("plan.actionplan",), "Save over it", True),
        ("confirm_save_over_outside_change", ("plan.actionplan",), "Save as a new file…", False),
    ],
)
def test_each_button_gives_its_answer(qtbot: QtBot, method: str, arguments: tuple[object, ...], button: str, expected: object) -> None:
    prompter = QtPrompter(None)
    click_when_shown(button)
    assert getattr(prompter, method)(*arguments) == expected


def test_restore_dialog_acts_on_the_selected_copy(qtbot: QtBot) -> None:
    entries = [entry("first.actionplan"), entry("second plan.actionplan")]
    dialog = RestoreDialog(entries)
    qtbot.addWidget(dialog)
    assert [dialog.entry_list.item(row).text() for row in range(2)][1].startswith("“second plan.actionplan”")
    dialog.entry_list.setCurrentRow(1)
    next(button for button in dialog.findChildren(QPushButton) if button.text() == "Discard").click()
    answer = dialog.answer()
    assert answer.choice is RestoreChoice.DISCARD
    assert answer.entry == entries[1]


def test_restore_dialog_later_names_no_copy(qtbot: QtBot) -> None:
    dialog = RestoreDialog([entry("first.actionplan")])
    qtbot.addWidget(dialog)
    next(button for button in dialog.findChildren(QPushButton) if button.text() == "Later").click()
    assert dialog.answer().choice is RestoreChoice.LATER
    assert dialog.answer().entry is None


def test_a_name_without_a_suffix_gets_the_plan_suffix() -> None:
    assert with_plan_suffix(Path("/x/My plan")) == Path("/x/My plan.actionplan")
    assert with_plan_suffix(Path("/x/plan.json")) == Path("/x/plan.json")
