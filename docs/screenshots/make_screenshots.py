"""Draw the README screenshots of the real editor window, offscreen.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/make_screenshots.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from actionplan.storage import load_plan  # noqa: E402
from editor.app import SCREENSHOT_SIZE, make_application  # noqa: E402
from editor.edits.commands import FieldRef, SetField  # noqa: E402
from editor.edits.document import PlanDocument  # noqa: E402
from editor.table.columns import Column  # noqa: E402
from editor.table.target_date_editor import TargetDateEditor  # noqa: E402
from editor.window.main_window import MainWindow  # noqa: E402

SAMPLE = ROOT / "resources" / "sample-plan.actionplan"
PROGRESS_SAMPLE = ROOT / "resources" / "progress-sample.actionplan"
SAMPLE_DAY = "2026-09-01"
"""The drafting screenshots show the sample plan just after it was sent (``actionplan.clock``)."""
PROGRESS_DAY = "2027-03-15"
"""The progress sample's own day (``resources/build_progress_sample.AS_OF``)."""


def settle(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
        window.table.row_heights.size_visible()


def new_window(path: Path = SAMPLE) -> MainWindow:
    os.environ["ACTIONPLAN_TODAY"] = PROGRESS_DAY if path == PROGRESS_SAMPLE else SAMPLE_DAY
    window = MainWindow(PlanDocument(load_plan(path), path))
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    settle(window)
    return window


def main_window(out: Path) -> None:
    window = new_window()
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, None, "text")
    settle(window)
    window.grab().save(str(out))
    window.close()


def inspector(out: Path) -> None:
    window = new_window()
    concern = window.document.plan.concerns[1]
    window.reveal(concern.id, concern.actions[0].id, "text")
    settle(window)
    window.grab().save(str(out))
    window.close()


def date_editor(out: Path) -> None:
    window = new_window()
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[1].id, "target")
    index = window.table.currentIndex()
    assert index.column() == Column.TARGET
    window.table.edit(index)
    settle(window)
    editor = window.table.findChild(TargetDateEditor)
    assert editor is not None
    editor.line_edit().setFocus()
    settle(window)
    window.grab().save(str(out))
    window.close()


# An action with problems to show: an owner cleared, vague wording, a misspelt word.
PROBLEM_TEXT = "The safety team will look into violent incidents recieved on the wings."


def with_problems(window: MainWindow) -> tuple[str, str]:
    concern = window.document.plan.concerns[0]
    action = concern.actions[1]
    for field, value in (("owner", ""), ("text", PROBLEM_TEXT)):
        window.document.undo_stack.push(SetField(window.document, FieldRef(concern.id, action.id, field), value))
    window.reveal(concern.id, action.id, "target")  # the marked cells beside it stay in view
    wait(500)  # the problems list refreshes once a burst of edits is over
    settle(window)
    return concern.id, action.id


def wait(milliseconds: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def problems(out: Path) -> None:
    window = new_window()
    with_problems(window)
    window.grab().save(str(out))
    window.close()


def spelling_menu(out: Path) -> None:
    window = new_window()
    with_problems(window)
    editor = window.inspector.action_text
    cursor = editor.textCursor()
    cursor.setPosition(PROBLEM_TEXT.index("recieved") + 2)
    point = editor.cursorRect(cursor).center()
    menu = window.validation.spelling.build_menu(editor, point)
    menu.adjustSize()
    shot = window.grab()
    at = editor.mapTo(window, point)
    painter = QPainter(shot)
    painter.drawPixmap(at.x() - menu.width() // 2, at.y() + 14, menu.grab())
    painter.end()
    shot.save(str(out))
    window.close()


def progress_view(out: Path) -> None:
    """The progress view with the filter on: overdue and due soon."""
    window = new_window(PROGRESS_SAMPLE)
    window.views.show_progress()
    bar = window.views.progress.filter_bar
    bar.overdue.setChecked(True)
    bar.due_soon.setChecked(True)
    concern = window.document.plan.concerns[1]
    window.reveal(concern.id, concern.actions[2].id, "status")
    settle(window)
    window.grab().save(str(out))
    window.close()


def progress_inspector(out: Path) -> None:
    """An action's updates, newest first, its evidence and its revised target in the inspector."""
    window = new_window(PROGRESS_SAMPLE)
    window.views.show_progress()
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[1].id, "status")
    settle(window)
    panel = window.views.panel
    window.inspector.ensureWidgetVisible(panel.history_label, 0, 0)
    window.inspector.verticalScrollBar().setValue(panel.history_label.mapTo(window.inspector.widget(),
                                                                            panel.history_label.rect().topLeft()).y() - 8)
    settle(window)
    window.grab().save(str(out))
    window.close()


def run() -> None:
    make_application([])
    main_window(HERE / "main-window.png")
    inspector(HERE / "inspector.png")
    date_editor(HERE / "date-editor.png")
    problems(HERE / "problems.png")
    spelling_menu(HERE / "spelling-menu.png")
    progress_view(HERE / "progress-view.png")
    progress_inspector(HERE / "progress-inspector.png")


if __name__ == "__main__":
    run()
