"""Drives a real editor process for the multi-process tests (run offscreen).

    python -m tests.editor.editor_driver type PLAN LOG [--interval-ms 50] [--into inspector|cell]
        Open PLAN in the real main window, click into the first action's text (in the inspector,
        or in its table cell, whose editor then stays open), or into its owner's table cell
        (owner-cell), and type a character every interval, appending
        "<unix time> <characters typed>" to LOG after each.
    python -m tests.editor.editor_driver restore OUT
        Start a new editor, answer Restore to the start-up offer and write what was restored to
        OUT as JSON.
    python -m tests.editor.editor_driver hold PLAN COMMANDS
        Open PLAN and keep it open, obeying lines appended to COMMANDS: "refresh" (refresh the
        lock, then print whether the plan is now read-only) and "close".

Questions the editor asks are answered by a script; any other question ends the process with
an error, so a test never waits on a dialog.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QWidget  # noqa: E402

from editor.app import make_application  # noqa: E402
from editor.files.file_controller import FileController  # noqa: E402
from editor.files.installing import install_file_handling  # noqa: E402
from editor.files.questions import RestoreAnswer, RestoreChoice  # noqa: E402
from editor.window.main_window import MainWindow  # noqa: E402
from tests.editor.fakes import ScriptedPrompter  # noqa: E402

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def start_editor(prompter: ScriptedPrompter) -> tuple[QApplication, MainWindow, FileController]:
    app = make_application([])
    window = MainWindow()
    files = install_file_handling(window, window.document, prompter)
    window.show()
    return app, window, files


def fail_on_exception() -> None:
    # An exception in a Qt callback must end the process visibly, not be printed and ignored.
    def hook(kind: type[BaseException], error: BaseException, trace: object) -> None:
        sys.__excepthook__(kind, error, trace)  # type: ignore[arg-type]
        os._exit(3)

    sys.excepthook = hook


def open_cell_editor(window: MainWindow) -> QWidget:
    concern = window.document.plan.concerns[0]
    index = window.table.plan_model.index_for(concern.id, concern.actions[0].id, "text")
    window.table.select_cell(index)
    window.table.edit(index)
    editor = window.table.indexWidget(index)
    assert isinstance(editor, QPlainTextEdit), "no cell editor opened"
    return editor


def open_owner_cell(window: MainWindow) -> QLineEdit:
    concern = window.document.plan.concerns[0]
    index = window.table.plan_model.index_for(concern.id, concern.actions[0].id, "owner")
    window.table.select_cell(index)
    window.table.edit(index)
    editor = window.table.indexWidget(index)
    assert isinstance(editor, QComboBox), "no owner cell editor opened"
    line = editor.lineEdit()
    assert line is not None
    return line


def type_into_action(plan: Path, log: Path, interval_ms: int, into: str) -> int:
    app, window, files = start_editor(ScriptedPrompter())
    if not files.open_plan(plan):
        return 2
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[0].id, "text")
    editor: QWidget
    if into == "owner-cell":
        editor = open_owner_cell(window)
        editor.setFocus()
        editor.end(False)  # after the owner, not over it
    else:
        editor = open_cell_editor(window) if into == "cell" else window.inspector.action_text
        editor.setFocus()
        assert isinstance(editor, QPlainTextEdit)
        editor.moveCursor(QTextCursor.MoveOperation.End)
    typed = 0

    def type_one() -> None:
        nonlocal typed
        QTest.keyClicks(editor, LETTERS[typed % len(LETTERS)])
        typed += 1
        with log.open("a", encoding="utf-8") as stream:
            stream.write(f"{time.time():.4f} {typed}\n")

    timer = QTimer(interval=interval_ms)
    timer.timeout.connect(type_one)
    timer.start()
    with log.open("a", encoding="utf-8") as stream:
        stream.write(f"{time.time():.4f} 0\n")
    return app.exec()


def restore(out: Path) -> int:
    prompter = ScriptedPrompter().script(
        "ask_restore", lambda entries: RestoreAnswer(RestoreChoice.RESTORE, entries[0])
    )
    _app, window, files = start_editor(prompter)
    files.start([])
    document = window.document
    plan = document.plan
    result = {
        "path": str(document.path) if document.path else None,
        "modified": document.is_modified(),
        "action_text": plan.concerns[0].actions[0].text if plan.concerns else None,
        "action_owner": plan.concerns[0].actions[0].owner if plan.concerns else None,
        "asked": [question for question, _ in prompter.asked],
    }
    out.write_text(json.dumps(result), encoding="utf-8")
    document.undo_stack.clear()
    document.undo_stack.setClean()
    files.autosaver.writer.wait()
    return 0


def hold(plan: Path, commands: Path) -> int:
    app, window, files = start_editor(ScriptedPrompter())
    if not files.open_plan(plan):
        return 2
    print("ready", flush=True)
    done = 0

    def obey() -> None:
        nonlocal done
        lines = commands.read_text(encoding="utf-8").splitlines() if commands.exists() else []
        for line in lines[done:]:
            done += 1
            if line == "refresh":
                files.lock.refresh()
                print(f"read_only={window.document.read_only}", flush=True)
            elif line == "close":
                window.close()
                print("closed", flush=True)
                app.quit()

    timer = QTimer(interval=50)
    timer.timeout.connect(obey)
    timer.start()
    return app.exec()


def main(argv: list[str]) -> int:
    fail_on_exception()
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command", required=True)
    typing = commands.add_parser("type")
    typing.add_argument("plan", type=Path)
    typing.add_argument("log", type=Path)
    typing.add_argument("--interval-ms", type=int, default=50)
    typing.add_argument("--into", choices=("inspector", "cell", "owner-cell"), default="inspector")
    restoring = commands.add_parser("restore")
    restoring.add_argument("out", type=Path)
    holding = commands.add_parser("hold")
    holding.add_argument("plan", type=Path)
    holding.add_argument("commands", type=Path)
    args = parser.parse_args(argv)
    if args.command == "type":
        return type_into_action(args.plan, args.log, args.interval_ms, args.into)
    if args.command == "restore":
        return restore(args.out)
    return hold(args.plan, args.commands)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
