"""Draw the README screenshots of the real editor window, offscreen.

    python docs/screenshots/make_screenshots.py

Each set is drawn in a process of its own on an offscreen screen of the size it shows: a
desktop monitor (1920 by 1080) for most, and 1366 by 768 and 1024 by 700 laptops for the main
window and Paste concerns from report, sized from the screen as they are for a user.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))
DESKTOP = (1920, 1080)
LAPTOPS = ((1366, 768), (1024, 700))


def offscreen_screen(width: int, height: int) -> str:
    """A ``QT_QPA_PLATFORM`` value: one offscreen screen of this size, with window frames."""
    config = {"windowFrameMargins": True, "screens": [
        {"name": f"{width}x{height}", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(tempfile.gettempdir()) / f"actionplan-screenshots-{width}x{height}-{os.getpid()}.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    atexit.register(lambda: _remove(path))
    return f"offscreen:configfile={path}"


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


if __name__ == "__main__" and "--screen" not in sys.argv:
    os.environ["QT_QPA_PLATFORM"] = offscreen_screen(*DESKTOP)

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QPainter, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from actionplan.model import Plan  # noqa: E402
from actionplan.storage import load_plan  # noqa: E402
from editor.app import SCREENSHOT_SIZE, make_application  # noqa: E402
from editor.edits.commands import FieldRef, SetField  # noqa: E402
from editor.edits.document import PlanDocument  # noqa: E402
from editor.exchange.paste_concerns_dialog import PasteConcernsDialog, hyphenation_check  # noqa: E402
from editor.table.columns import Column  # noqa: E402
from editor.table.target_date_editor import TargetDateEditor  # noqa: E402
from editor.window.main_window import MainWindow  # noqa: E402

SAMPLE = ROOT / "resources" / "sample-plan.actionplan"
PROGRESS_SAMPLE = ROOT / "resources" / "progress-sample.actionplan"
SAMPLE_DAY = "2026-09-01"
"""The drafting screenshots show the sample plan just after it was sent (``actionplan.clock``)."""
PROGRESS_DAY = "2027-03-15"
"""The progress sample's own day (``tools/build_progress_sample.AS_OF``)."""
REPORT_TEXT = """Priority concerns
1. Leaders had not done enough to reduce the high levels of self-
harm among prisoners, and too many were held in segrega-
tion for long periods.
2. Too many prisoners were locked in their cells for most of the
day, and the regime was often curtailed at short notice.
12
Key concerns
3. Staff did not always challenge poor behaviour, and the use of
force was not always well governed.
4. Rehabili-
tation work was limited and few prisoners had a sentence plan.
Page 13 of 40
5. Prisoners could not get enough time in the open air.
6. The library was often closed."""


def settle(window: MainWindow) -> None:
    for _ in range(3):
        QApplication.processEvents()
        window.table.row_heights.size_visible()


def new_window(on_screen: bool = False, path: Path = SAMPLE) -> MainWindow:
    """The main window on the sample plan (or ``path``): at the README's usual size, or
    ``on_screen`` at the size it takes on this screen."""
    os.environ["ACTIONPLAN_TODAY"] = PROGRESS_DAY if path == PROGRESS_SAMPLE else SAMPLE_DAY
    window = MainWindow(PlanDocument(load_plan(path), path))
    if not on_screen:
        window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    settle(window)
    return window


def main_window(out: Path, on_screen: bool = False) -> None:
    window = new_window(on_screen)
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


def paste_concerns(out: Path) -> None:
    """Paste concerns from report over the main window, at the size it takes on this screen."""
    window = new_window(on_screen=True)
    dialog = PasteConcernsDialog(hyphenation_check(window.validation.adapter.spelling), window, REPORT_TEXT)
    dialog.text_box.moveCursor(QTextCursor.MoveOperation.Start)  # the pasted text, not a selection
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    dialog.grab().save(str(out))
    dialog.close()
    window.close()


def progress_dialog(out: Path) -> None:
    """A PDF export under way: what it is doing, how far it has got, and Cancel."""
    from actionplan.work import Work
    from editor.common.task_progress import TaskProgress

    window = new_window()
    progress = TaskProgress(window, "Exporting “ashvale-action-plan.pdf”", Work())
    progress.dialog.show()
    progress.dialog.setLabelText("Making the PDF with LibreOffice…")
    progress.dialog.setValue(400)
    for _ in range(3):
        QApplication.processEvents()
    shot = window.grab()
    painter = QPainter(shot)
    dialog = progress.dialog.grab()
    painter.drawPixmap((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 3, dialog)
    painter.end()
    shot.save(str(out))
    progress.finish()
    window.close()


def returned_forms() -> tuple[Plan, list[Path]]:
    """The sample plan with leads and earlier progress, its forms sent on 1 March 2027, and four
    of them back: filled in (one with a date and a status that cannot be used, two answering
    the same action), and one saved as .xls."""
    import datetime as dt

    from openpyxl.workbook.workbook import Workbook

    from actionplan.update_forms import SendTo
    from exporters.update_forms import send_update_forms
    from tests.update_form_helpers import FormSheet, edit_form, realistic_plan

    plan = realistic_plan()
    ids = [action.id for _concern, action in plan.all_actions()]
    folder = Path(tempfile.mkdtemp(prefix="screenshot-forms-"))
    leads = {form.name: form.path for form in
             send_update_forms(plan, folder / "leads", SendTo.LEAD, sent_on=dt.date(2027, 3, 1)).forms}
    owners = {form.name: form.path for form in
              send_update_forms(plan, folder / "owners", SendTo.OWNER, sent_on=dt.date(2027, 3, 1)).forms}

    def priya(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(ids[0], "New status", "Complete")
        form.answer(ids[0], "Progress update", "All wing staff trained in the CSIP process; 46 plans opened in February.")
        form.answer(ids[0], "Evidence", "Training register on the safety team drive")
        form.answer(ids[8], "New status", "in progress")
        form.answer(ids[8], "Revised target date", "Mar 2027")
        form.answer(ids[8], "Reason for new date", "Post room contractor started late")
        form.answer(ids[12], "Revised target date", "31/03/27")
        form.answer(ids[12], "Progress update", "Eight Listeners trained; four more start in April.")
        form.answer(ids[16], "New status", "nearly done")

    def tom(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(ids[1], "New status", "In progress")
        form.answer(ids[1], "Progress update", "Half of the staff trained.")
        form.answer(ids[21], "Progress update", "Release lounge open since February.")

    def head_of_safety(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(ids[1], "New status", "done")
        form.answer(ids[1], "Progress update", "All staff trained now.")

    edit_form(leads["Priya Shah, Head of Safety"], priya, saved=dt.datetime(2027, 3, 8, 10))
    edit_form(leads["Tom Evans, Head of Residence"], tom, saved=dt.datetime(2027, 3, 10, 10))
    edit_form(owners["Head of Safety"], head_of_safety, saved=dt.datetime(2027, 3, 15, 10))
    old = folder / "Progress update - Grace Okafor.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    # An action deleted from the plan since the forms went out.
    for concern in plan.concerns:
        concern.actions = [action for action in concern.actions if action.id != ids[21]]
    return plan, [leads["Priya Shah, Head of Safety"], leads["Tom Evans, Head of Residence"],
                  owners["Head of Safety"], old]


def update_forms_preview(out: Path) -> None:
    """File ▸ Collect updates ▸ Read returned forms…: the preview, at the smallest screen size."""
    import datetime as dt

    from actionplan.returned_forms import propose
    from editor.exchange.returned_forms_dialog import ReturnedFormsDialog
    from importers.update_forms import read_returned_form

    plan, paths = returned_forms()
    proposal = propose(plan, [read_returned_form(path) for path in paths], dt.date(2027, 3, 20))
    dialog = ReturnedFormsDialog(proposal)
    dialog.resize(1024, 700)
    dialog.show()
    for _ in range(3):
        QApplication.processEvents()
    dialog.grab().save(str(out))
    dialog.close()


def send_forms(out: Path) -> None:
    """File ▸ Collect updates ▸ Send forms…"""
    import datetime as dt

    from editor.exchange.send_forms_dialog import SendFormsDialog
    from tests.update_form_helpers import realistic_plan

    dialog = SendFormsDialog(realistic_plan(), Path("C:/Users/sam.keeper/Documents/Update forms 1 March 2027"),
                             saved=True, today=dt.date(2027, 3, 1))
    dialog.show()
    QApplication.processEvents()
    dialog.grab().save(str(out))
    dialog.close()


def progress_view(out: Path) -> None:
    """The progress view with the filter on: overdue and due soon."""
    window = new_window(path=PROGRESS_SAMPLE)
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
    window = new_window(path=PROGRESS_SAMPLE)
    window.views.show_progress()
    concern = window.document.plan.concerns[0]
    window.reveal(concern.id, concern.actions[1].id, "status")
    settle(window)
    panel = window.views.panel
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
    paste_concerns(HERE / "paste-concerns.png")
    progress_dialog(HERE / "progress-dialog.png")
    update_forms_preview(HERE / "update-forms-preview.png")
    send_forms(HERE / "send-forms.png")
    progress_view(HERE / "progress-view.png")
    progress_inspector(HERE / "progress-inspector.png")
    for width, height in LAPTOPS:
        environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_screen(width, height)}
        subprocess.run([sys.executable, __file__, "--screen", f"{width}x{height}"], env=environment, check=True)


def run_on_laptop(size: str) -> None:
    """The main window and Paste concerns from report as a laptop of ``size`` shows them."""
    make_application([])
    main_window(HERE / f"main-window-{size}.png", on_screen=True)
    paste_concerns(HERE / f"paste-concerns-{size}.png")


if __name__ == "__main__":
    if "--screen" in sys.argv:
        run_on_laptop(sys.argv[sys.argv.index("--screen") + 1])
    else:
        run()
