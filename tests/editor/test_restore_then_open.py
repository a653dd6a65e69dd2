"""Starting the editor on a plan when there is recovered work: after Restore, the restored work
stays in the first window and the plan named on the command line opens too, in a window of its
own (one plan to a window), or the user is told plainly why it did not."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from actionplan.recovery import RecoveryStore
from editor.app import EditorWindows
from editor.files.questions import RestoreAnswer, RestoreChoice
from tests.editor.fakes import ScriptedPrompter
from tests.editor.file_host import close_quietly, make_host, write_plan
from tests.editor.files.test_recovery_in_editor import crashed_copy

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")


class Prompters:
    """A scripted prompter for each window the editor opens, in order."""

    def __init__(self) -> None:
        self.made: list[ScriptedPrompter] = []

    def __call__(self, _window: QMainWindow) -> ScriptedPrompter:
        self.made.append(ScriptedPrompter())
        return self.made[-1]


@pytest.fixture
def prompters() -> Prompters:
    return Prompters()


@pytest.fixture
def windows(prompters: Prompters, qapp: QApplication) -> Iterator[EditorWindows]:
    made = EditorWindows(prompter_for=prompters)
    yield made
    for window, files, _tools in list(made.windows):
        files.autosaver.writer.wait()
        files.document.undo_stack.clear()
        files.document.undo_stack.setClean()
        window.close()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def restore_first(entries: list[object]) -> RestoreAnswer:
    return RestoreAnswer(RestoreChoice.RESTORE, entries[0])  # type: ignore[arg-type]


def start_with(windows: EditorWindows, prompters: Prompters, named: Path) -> None:
    window, files, _tools = windows.new_window()
    window.show()
    prompters.made[0].script("ask_restore", restore_first)
    files.start([named])


def test_after_restoring_another_plan_the_named_plan_opens_in_a_window_of_its_own(
        windows: EditorWindows, prompters: Prompters, tmp_path: Path) -> None:
    other = write_plan(tmp_path / "other.actionplan")
    crashed_copy(RecoveryStore(), other, "Typed before the crash")
    named = write_plan(tmp_path / "named.actionplan")

    start_with(windows, prompters, named)

    (first, first_files, _), (second, second_files, _) = windows.windows
    assert first_files.document.path == other
    assert first_files.document.plan.concerns[0].actions[0].text == "Typed before the crash"
    assert first_files.document.is_modified()  # restored, not saved yet
    assert second_files.document.path == named.absolute()
    assert not second_files.document.is_modified()
    assert second.isVisible()
    assert second.pos() != first.pos()  # both can be seen
    assert "named.actionplan” is open in a new window" in first.statusBar().currentMessage()
    assert second.statusBar().currentMessage() == "Your restored work on “other.actionplan” is in the other window."
    assert prompters.made[1].asked == []  # nothing more to ask about the named plan


def test_restored_untitled_work_stays_and_the_named_plan_opens_beside_it(
        windows: EditorWindows, prompters: Prompters, tmp_path: Path) -> None:
    crashed_copy(RecoveryStore(), None, "Never saved")
    named = write_plan(tmp_path / "named.actionplan")
    start_with(windows, prompters, named)
    (_, first_files, _), (_, second_files, _) = windows.windows
    assert first_files.document.path is None
    assert first_files.document.plan.concerns[0].actions[0].text == "Never saved"
    assert second_files.document.path == named.absolute()


def test_restoring_the_named_plan_s_own_work_needs_no_second_window(
        windows: EditorWindows, prompters: Prompters, tmp_path: Path) -> None:
    named = write_plan(tmp_path / "named.actionplan")
    crashed_copy(RecoveryStore(), named, "Recovered on start")
    start_with(windows, prompters, named)
    [(_, files, _)] = windows.windows
    assert files.document.path == named
    assert files.document.plan.concerns[0].actions[0].text == "Recovered on start"


def test_a_named_plan_that_cannot_be_opened_is_explained_and_the_restored_work_stays(
        windows: EditorWindows, prompters: Prompters, tmp_path: Path) -> None:
    other = write_plan(tmp_path / "other.actionplan")
    crashed_copy(RecoveryStore(), other, "Typed before the crash")
    broken = tmp_path / "broken.actionplan"
    broken.write_text("{ not a plan")
    window, files, _tools = windows.new_window()
    window.show()
    prompters.made[0].script("ask_restore", restore_first)
    # The new window says why; the prompter is made when the window is.
    original = prompters.__call__

    def with_error_answered(new_window: QMainWindow) -> ScriptedPrompter:
        made = original(new_window)
        made.script("show_error", None)
        return made

    windows.prompter_for = with_error_answered
    files.start([broken])
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    [(title, message)] = prompters.made[1].questions("show_error")
    assert title == "Could not open plan"
    assert "broken.actionplan" in message
    assert [made[0] for made in windows.windows] == [window]  # the empty window closed again
    assert files.document.path == other
    assert files.document.is_modified()


def test_without_a_second_window_the_user_is_told_why_the_named_plan_is_not_open(
        qtbot: QtBot, tmp_path: Path) -> None:
    host = make_host(qtbot)
    try:
        other = write_plan(tmp_path / "other.actionplan")
        crashed_copy(host.store, other, "Typed before the crash")
        named = write_plan(tmp_path / "named.actionplan")
        host.prompter.script("ask_restore", restore_first).script("show_error", None)
        host.files.start([named])
        [(title, message)] = host.prompter.questions("show_error")
        assert title == "“named.actionplan” is not open yet"
        assert "Save your restored work, then open “named.actionplan” from File ▸ Open Recent" in message
        assert named.absolute() in host.settings.recent_files()
        assert host.document.path == other
    finally:
        host.files.autosaver.writer.wait()
        close_quietly(host)
