"""The file handling inside the real main window: menu, typing, saving, reopening."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from actionplan.storage import load_plan
from editor.files.questions import LockChoice, SaveChanges
from editor.window.main_window import MainWindow
from tests.editor.file_host import Host, close_quietly, make_host, write_plan
from tests.editor.files.test_locks_in_editor import someone_else_has

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot, MainWindow())
    yield made
    close_quietly(made)


def test_file_menu_sits_above_quit(host: Host) -> None:
    texts = host.menu_texts()
    assert texts[:3] == ["&New", "&Open…", "Open &Recent"]
    assert texts[-1] == "&Quit"


def test_typing_in_the_inspector_then_saving_and_reopening(qtbot: QtBot, host: Host, tmp_path: Path) -> None:
    plan_file = write_plan(tmp_path / "plan.actionplan")
    window = host.window
    assert isinstance(window, MainWindow)
    host.files.open_plan(plan_file)
    concern = host.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[0].id, "text")
    editor = window.inspector.action_text
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Checked weekly.")
    assert host.document.is_modified()
    assert "[*]" in window.windowTitle()
    host.prompter.script("ask_save_changes", SaveChanges.SAVE)
    host.files.actions["new"].trigger()
    assert load_plan(plan_file).concerns[0].actions[0].text == "Action 1. Checked weekly."
    host.files.recent_menu.rebuild()
    host.files.recent_menu.actions()[0].trigger()
    assert host.action_text() == "Action 1. Checked weekly."


def test_read_only_shows_in_the_title_and_the_banner(host: Host, tmp_path: Path) -> None:
    plan_file = write_plan(tmp_path / "plan.actionplan")
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    host.files.open_plan(plan_file)
    assert "(read-only)" in host.window.windowTitle()
    assert not host.files.banner_bar.isHidden()
