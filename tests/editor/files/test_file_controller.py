"""File ▸ New, Open, Open Recent, Save, Save As, Revert and Close, driven through a window."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.storage import load_plan, save_plan
from editor.common.settings import AppSettings, login_name
from editor.files.questions import SaveChanges
from editor.window.main_window import MainWindow
from tests.editor.file_host import Host, close_quietly, make_host, sample_plan, write_plan

# Showing a window on the offscreen platform warns about size hints; that is not ours.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(params=["stand-in window", "main window"])
def host(qtbot: QtBot, request: pytest.FixtureRequest) -> Iterator[Host]:
    """Each test runs twice: on a small window with only the file handling, where a failure
    points at the file handling alone, and on the real main window users have."""
    made = make_host(qtbot, MainWindow() if request.param == "main window" else None)
    yield made
    close_quietly(made)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return write_plan(tmp_path / "plans" / "stoke heath.actionplan", sample_plan("HMP & YOI Stoke Heath"))


def test_file_menu_items_in_order_above_quit(host: Host) -> None:
    texts = host.menu_texts()
    # The main window adds Export (and the application Import) between Close and Quit.
    assert texts[:11] == [
        "&New", "&Open…", "Open &Recent", "", "&Save", "Save &As…", "Re&vert to Saved", "",
        "Your Na&me…", "", "&Close",
    ]
    assert texts[-2:] == ["", "&Quit"]


def test_open_shows_the_plan_and_remembers_it(host: Host, plan_file: Path) -> None:
    host.prompter.script("choose_open_path", plan_file)
    host.files.actions["open"].trigger()
    assert host.document.path == plan_file
    assert host.document.plan.details.establishment == "HMP & YOI Stoke Heath"
    assert not host.document.is_modified()
    assert host.settings.recent_files() == [plan_file]


def test_cancelling_the_open_dialog_changes_nothing(host: Host) -> None:
    host.prompter.script("choose_open_path", None)
    assert not host.files.open_plan()
    assert host.document.path is None


# The unsaved-changes question -------------------------------------------------------------


@pytest.mark.parametrize("how", ["new", "open", "close"])
def test_cancel_on_the_unsaved_changes_question_keeps_the_work(host: Host, plan_file: Path, tmp_path: Path, how: str) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Unsaved words")
    host.prompter.script("ask_save_changes", SaveChanges.CANCEL)
    other = write_plan(tmp_path / "other.actionplan")
    if how == "new":
        assert not host.files.new_plan()
    elif how == "open":
        assert not host.files.open_plan(other)
    else:
        host.window.show()
        assert not host.window.close()
        assert host.window.isVisible()
    assert host.prompter.questions("ask_save_changes") == [("stoke heath.actionplan",)]
    assert host.document.path == plan_file
    assert host.action_text() == "Unsaved words"
    assert host.document.is_modified()


def test_dont_save_drops_the_changes_and_goes_on(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Unsaved words")
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)
    assert host.files.new_plan()
    assert host.document.path is None
    assert host.document.plan == Plan()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Action 1."


def test_save_on_the_question_saves_then_goes_on(host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Kept words")
    host.prompter.script("ask_save_changes", SaveChanges.SAVE)
    assert host.files.open_plan(write_plan(tmp_path / "other.actionplan"))
    assert load_plan(plan_file).concerns[0].actions[0].text == "Kept words"
    assert host.document.path == tmp_path / "other.actionplan"


def test_closing_the_window_with_save_writes_the_file(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.window.show()
    host.type_action_text("Saved on close")
    host.prompter.script("ask_save_changes", SaveChanges.SAVE)
    assert host.window.close()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Saved on close"


def test_no_question_when_nothing_changed(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    assert host.files.new_plan()
    assert host.prompter.asked == []


# Save and Save As ---------------------------------------------------------------------------


def test_saving_a_new_plan_asks_where_and_suggests_a_name(host: Host, tmp_path: Path) -> None:
    host.document.replace(sample_plan("HMP Lowdham Grange"), None)
    host.type_action_text("Typed")
    target = tmp_path / "chosen.actionplan"
    host.prompter.script("choose_save_path", target)
    host.files.actions["save"].trigger()
    (suggested,) = host.prompter.questions("choose_save_path")[0]
    assert suggested.name == "HMP Lowdham Grange action plan.actionplan"
    assert load_plan(target).concerns[0].actions[0].text == "Typed"
    assert host.document.path == target
    assert not host.document.is_modified()
    assert host.settings.recent_files() == [target]


def test_save_writes_to_the_open_file_without_asking(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Second draft")
    assert host.files.save()
    assert host.prompter.asked == []
    assert load_plan(plan_file).concerns[0].actions[0].text == "Second draft"
    assert not host.document.is_modified()


def test_save_as_moves_to_the_new_file_and_leaves_the_old_one(host: Host, plan_file: Path, tmp_path: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Copy")
    copy = tmp_path / "copy.actionplan"
    host.prompter.script("choose_save_path", copy)
    assert host.files.save_as()
    assert host.document.path == copy
    assert load_plan(copy).concerns[0].actions[0].text == "Copy"
    assert load_plan(plan_file).concerns[0].actions[0].text == "Action 1."


# Open Recent ------------------------------------------------------------------------------


def test_open_recent_lists_plans_newest_first_without_missing_ones(host: Host, tmp_path: Path) -> None:
    first = write_plan(tmp_path / "first.actionplan")
    second = write_plan(tmp_path / "second.actionplan")
    gone = write_plan(tmp_path / "gone.actionplan")
    for path in (gone, first, second):
        host.files.open_plan(path)
    gone.unlink()
    host.files.recent_menu.rebuild()
    assert host.files.recent_menu.paths() == [second, first]
    texts = [action.text() for action in host.files.recent_menu.actions()]
    assert texts[0].startswith("&1  second.actionplan")
    assert "Clear list" in texts


def test_choosing_a_recent_plan_opens_it(host: Host, tmp_path: Path) -> None:
    first = write_plan(tmp_path / "first.actionplan", sample_plan("HMP First"))
    second = write_plan(tmp_path / "second.actionplan", sample_plan("HMP Second"))
    host.files.open_plan(first)
    host.files.open_plan(second)
    host.files.recent_menu.rebuild()
    host.files.recent_menu.actions()[1].trigger()
    assert host.document.path == first
    assert host.document.plan.details.establishment == "HMP First"


def test_recent_plan_deleted_after_the_menu_was_built_is_explained_and_dropped(host: Host, tmp_path: Path) -> None:
    plan = write_plan(tmp_path / "soon gone.actionplan")
    host.files.open_plan(plan)
    host.files.new_plan()
    host.files.recent_menu.rebuild()
    plan.unlink()
    host.prompter.script("show_error", None)
    host.files.recent_menu.actions()[0].trigger()
    title, message = host.prompter.questions("show_error")[0]
    assert title == "Could not open plan"
    assert "could not be found" in message
    assert host.settings.recent_files() == []


def test_clear_recent_list(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.files.recent_menu.rebuild()
    next(action for action in host.files.recent_menu.actions() if action.text() == "Clear list").trigger()
    assert host.settings.recent_files() == []
    assert [action.text() for action in host.files.recent_menu.actions()] == ["No recent plans"]


# Revert and Close ---------------------------------------------------------------------------


def test_revert_goes_back_to_the_saved_file(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    assert not host.files.actions["revert"].isEnabled()
    host.type_action_text("Mistake")
    assert host.files.actions["revert"].isEnabled()
    host.prompter.script("confirm_revert", True)
    host.files.actions["revert"].trigger()
    assert host.action_text() == "Action 1."
    assert not host.document.is_modified()
    assert host.document.path == plan_file
    assert not host.files.actions["revert"].isEnabled()


def test_revert_can_be_cancelled(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Keep this")
    host.prompter.script("confirm_revert", False)
    assert not host.files.revert()
    assert host.action_text() == "Keep this"


def test_close_leaves_an_empty_plan(host: Host, plan_file: Path) -> None:
    host.files.open_plan(plan_file)
    host.files.actions["close"].trigger()
    assert host.document.path is None
    assert host.document.plan == Plan()


# Errors from the loader, drag and drop, the command line ----------------------------------


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"\x00\xff\x00binary", "not a plan file"), (b'{"format": "something else"}', "not an action plan file"),
     (b'{"format": "hmpps-action-plan", "schema_version": 99, "plan": {}}', "newer version")],
)
def test_a_bad_file_is_explained_and_the_editor_stays_usable(
    host: Host, plan_file: Path, tmp_path: Path, content: bytes, words: str
) -> None:
    host.files.open_plan(plan_file)
    host.type_action_text("Still here")
    bad = tmp_path / "bad.actionplan"
    bad.write_bytes(content)
    host.prompter.script("show_error", None)
    assert not host.files.open_plan(bad)
    title, message = host.prompter.questions("show_error")[0]
    assert title == "Could not open plan"
    assert words in message
    assert "bad.actionplan" in message
    # The file is read before anything is asked: a file that cannot be opened never costs the
    # open plan its unsaved changes or their recovery copy ("Don't save" would discard it).
    assert host.prompter.questions("ask_save_changes") == []
    assert host.document.is_modified()
    # The plan that was open is still open and can still be edited and saved.
    assert host.document.path == plan_file
    host.type_action_text("Edited after the error")
    assert host.files.save()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Edited after the error"


def drag_and_drop(window: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """What the window did with a drag entering it and a drop on it: (entered, dropped)."""
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with warnings.catch_warnings():
        # PySide6 offers only the QPoint constructor, which it marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(QPoint(10, 10), actions, mime, buttons, keys)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    drop = QDropEvent(QPointF(10, 10), actions, mime, buttons, keys)
    drop.ignore()
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_a_plan_dropped_on_the_window_opens(qtbot: QtBot, host: Host, plan_file: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(plan_file))])
    assert drag_and_drop(host.window, mime) == (True, True)
    qtbot.waitUntil(lambda: host.document.path == plan_file, timeout=2000)


def test_a_drag_without_files_is_refused(qtbot: QtBot, host: Host) -> None:
    mime = QMimeData()
    mime.setText("just words")
    assert drag_and_drop(host.window, mime) == (False, False)
    qtbot.wait(50)
    assert host.document.path is None


def test_start_opens_the_plan_named_on_the_command_line(host: Host, plan_file: Path) -> None:
    host.files.start([plan_file])
    assert host.document.path == plan_file


def test_window_layout_is_kept_for_next_time(host: Host) -> None:
    host.window.resize(900, 640)
    host.window.show()
    geometry = host.window.saveGeometry()
    assert host.window.close()
    assert AppSettings().window_geometry() == geometry


def test_a_layout_saved_while_read_only_does_not_bring_the_banner_back(qtbot: QtBot, host: Host) -> None:
    host.files.banner_bar.setVisible(True)
    host.settings.set_window_layout(host.window.saveGeometry(), host.window.saveState())
    again = make_host(qtbot)
    try:
        assert again.files.banner_bar.isHidden()
    finally:
        close_quietly(again)


def test_your_name_is_kept_and_used_for_the_next_lock(host: Host, plan_file: Path) -> None:
    from actionplan.lock import PlanLock

    host.prompter.script("ask_user_name", "  Jane Smith ")
    host.files.actions["user_name"].trigger()
    assert host.prompter.questions("ask_user_name") == [(login_name(),)]
    assert AppSettings().user_name() == "Jane Smith"
    host.files.open_plan(plan_file)
    info = PlanLock.read(plan_file)
    assert info is not None
    assert info.user == "Jane Smith"


def test_cancelling_your_name_changes_nothing(host: Host) -> None:
    host.prompter.script("ask_user_name", None)
    assert not host.files.change_user_name()
    assert AppSettings().user_name() == login_name()


def test_saving_onto_the_very_file_being_opened_shows_what_was_saved(host: Host, tmp_path: Path) -> None:
    """Open reads the file before asking about unsaved changes; if "Save" then writes that same
    file, the editor must not show the old content it read, marked as saved."""
    target = write_plan(tmp_path / "other.actionplan", sample_plan("HMP Old"))
    host.document.plan.concerns[:] = sample_plan("HMP New").concerns
    host.type_action_text("My unsaved work")
    host.prompter.script("ask_save_changes", SaveChanges.SAVE).script("choose_save_path", target)
    assert host.files.open_plan(target)
    assert load_plan(target).concerns[0].actions[0].text == "My unsaved work"
    assert host.action_text() == "My unsaved work"
    assert host.document.path == target.absolute()


def test_a_plan_changed_while_the_question_was_open_is_read_again(
    host: Host, plan_file: Path, tmp_path: Path
) -> None:
    mine = write_plan(tmp_path / "mine.actionplan", sample_plan("HMP Mine"))
    host.files.open_plan(mine)
    host.type_action_text("Unsaved")

    def colleague_saves_meanwhile(name: str) -> SaveChanges:
        save_plan(sample_plan("HMP Changed meanwhile", actions=3), plan_file)
        return SaveChanges.DONT_SAVE

    host.prompter.ask_save_changes = colleague_saves_meanwhile  # type: ignore[method-assign]
    assert host.files.open_plan(plan_file)
    assert host.document.plan.details.establishment == "HMP Changed meanwhile"


def test_a_word_document_without_the_import_wired_says_where_to_import_it(tmp_path: Path, qtbot: QtBot) -> None:
    made = make_host(qtbot)
    try:
        docx = tmp_path / "plan.docx"
        docx.write_bytes(b"PK\x03\x04 a Word document")
        made.prompter.script("show_error", None)
        assert not made.files.open_plan(docx)
        [(title, message)] = made.prompter.questions("show_error")
        assert title == "Could not open plan"
        assert "is a Word document, not a plan file" in message
        assert "File ▸ Import Word plan…" in message
        assert made.document.path is None
    finally:
        close_quietly(made)
