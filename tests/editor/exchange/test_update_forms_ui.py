"""File ▸ Collect updates in the real main window: Send forms…, Read returned forms… with its
preview, Record as one undo step, Cancel changing nothing, and forms dropped on the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook
from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus
from actionplan.returned_forms import Outcome
from actionplan.storage import save_plan
from actionplan.update_forms import SendTo
from editor.edits.document import PlanDocument
from editor.exchange.returned_forms_dialog import ReturnedFormsDialog
from editor.exchange.send_forms_dialog import SendFormsDialog
from editor.exchange.update_forms_controller import READ_FOLDER, UpdateFormsController
from editor.window.main_window import MainWindow
from editor.window.updates_menu import install_update_forms, returned_forms_in
from exporters.update_forms import send_update_forms
from tests.editor.file_host import Host, close_quietly, make_host
from tests.editor.files.test_file_controller import drag_and_drop
from tests.update_form_helpers import FormSheet, edit_form, realistic_plan

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class FakeFormsPrompter:
    def __init__(self) -> None:
        self.chosen: list[list[Path]] = []
        self.errors: list[tuple[str, str]] = []
        self.done: list[tuple[str, str]] = []
        self.opened_in: list[Path | None] = []

    def choose_forms(self, folder: Path | None) -> list[Path]:
        self.opened_in.append(folder)
        return self.chosen.pop(0)

    def show_error(self, title: str, message: str) -> None:
        self.errors.append((title, message))

    def show_done(self, title: str, message: str) -> None:
        self.done.append((title, message))


@pytest.fixture
def host(qtbot: QtBot, tmp_path: Path) -> Iterator[Host]:
    path = tmp_path / "ashvale.actionplan"
    plan = realistic_plan(dt.date.today() - dt.timedelta(days=30))
    save_plan(plan, path)
    made = make_host(qtbot, MainWindow(PlanDocument(plan, path)))
    yield made
    for dialog in made.window.findChildren(QDialogButtonBox):
        dialog.window().close()
    close_quietly(made)


@pytest.fixture
def prompter() -> FakeFormsPrompter:
    return FakeFormsPrompter()


@pytest.fixture
def controller(host: Host, prompter: FakeFormsPrompter) -> UpdateFormsController:
    window = host.window
    assert isinstance(window, MainWindow)
    return install_update_forms(window, host.files, prompter).controller


def read(qtbot: QtBot, controller: UpdateFormsController, paths: list[Path] | None = None) -> ReturnedFormsDialog:
    """Read forms as the menu does, and wait for the preview: reading runs off the screen's thread."""
    with qtbot.waitSignal(controller.preview_shown, timeout=20000) as shown:
        assert controller.read_forms(paths)
    dialog = shown.args[0]
    assert isinstance(dialog, ReturnedFormsDialog)
    return dialog


def make_forms(qtbot: QtBot, controller: UpdateFormsController, dialog: SendFormsDialog) -> None:
    with qtbot.waitSignal(controller.forms_made, timeout=20000):
        dialog.make_button.click()


def returned_form(host: Host, tmp_path: Path) -> tuple[Path, list[str]]:
    """Priya's form, sent and filled in: a status and an update, a revised target, and a row
    that cannot be used."""
    plan = host.document.plan
    sent = send_update_forms(plan, tmp_path / "sent", SendTo.LEAD, plan_file="ashvale.actionplan")
    path = next(form.path for form in sent.forms if form.name.startswith("Priya"))
    ids = [action.id for _c, action in plan.all_actions() if action.lead.startswith("Priya")]

    def fill(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(ids[0], "New status", "done")
        form.answer(ids[0], "Progress update", "All staff trained.")
        form.answer(ids[1], "Revised target date", "June 2027")
        form.answer(ids[1], "Reason for new date", "Funding late")
        form.answer(ids[2], "Revised target date", "31/03/27")

    edit_form(path, fill)
    return path, ids


def test_collect_updates_sits_after_export_in_the_file_menu(host: Host, controller: UpdateFormsController) -> None:
    texts = host.menu_texts()
    assert texts[texts.index("E&xport as Word, PDF or ODT…") + 1] == "Collect &updates"
    assert [action.text() for action in controller.menu.actions()] == ["&Send forms…", "&Read returned forms…"]


def test_send_forms_makes_one_form_per_lead_in_the_folder_chosen(qtbot: QtBot, host: Host,
                                                                 controller: UpdateFormsController,
                                                                 prompter: FakeFormsPrompter, tmp_path: Path) -> None:
    dialog = controller.send_forms()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.forms_list.count() == 8
    assert dialog.count_label.text() == "8 forms for 24 actions:"
    assert dialog.notes_label.text() == "4 actions have no lead, so they go to the responsible owner."
    dialog.some_actions.setChecked(True)
    chosen = dialog.chosen()
    assert dialog.forms_list.count() == len(chosen.forms)
    dialog.all_actions.setChecked(True)
    dialog.by_owner.setChecked(True)
    assert dialog.forms_list.item(0).text() == "Deputy Governor: 2 actions"
    dialog.by_lead.setChecked(True)
    dialog.folder_edit.setText(str(tmp_path / "March forms"))
    assert dialog.make_button.text() == "&Make 8 forms"
    make_forms(qtbot, controller, dialog)
    made = sorted(path.name for path in (tmp_path / "March forms").glob("*.xlsx"))
    assert len(made) == 8
    assert "Progress update - Priya Shah, Head of Safety.xlsx" in made
    ((title, message),) = prompter.done
    assert title == "Forms made"
    assert f"8 forms saved in “{tmp_path / 'March forms'}”, for 24 actions." in message
    assert "• Progress update - Priya Shah, Head of Safety.xlsx" in message
    assert host.document.undo_stack.count() == 0


def test_a_folder_that_cannot_be_used_is_explained(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                   prompter: FakeFormsPrompter, tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file")
    dialog = controller.send_forms()
    assert dialog is not None
    dialog.folder_edit.setText(str(blocker))
    make_forms(qtbot, controller, dialog)
    ((title, message),) = prompter.errors
    assert title == "Could not make the forms"
    assert "is a file, not a folder" in message
    assert prompter.done == []


def test_a_plan_never_saved_must_be_saved_before_sending(host: Host, controller: UpdateFormsController) -> None:
    host.document.set_path(None)
    dialog = controller.send_forms()
    assert dialog is not None
    assert not dialog.unsaved_label.isHidden()
    assert not dialog.make_button.isEnabled()


def test_reading_shows_the_preview_and_record_is_one_undo_step(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                               prompter: FakeFormsPrompter, tmp_path: Path) -> None:
    path, ids = returned_form(host, tmp_path)
    before = host.document.plan.model_dump()
    prompter.chosen.append([path])
    dialog = read(qtbot, controller)
    assert dialog.isVisible()
    assert dialog.summary_label.text().startswith("1 form read. 2 answers will be recorded on 2 actions")
    shown = [[dialog.model.index(row, column).data() for column in range(4)] for row in range(dialog.model.rowCount())]
    assert shown[0][0].startswith("Progress update - Priya Shah, Head of Safety.xlsx: sent to Priya Shah")
    changes = "\n".join(str(row[2]) for row in shown)
    assert "Status: In progress → Complete" in changes
    assert "Target: November 2026 → June 2027 (reason: “Funding late”)" in changes
    assert any("Not used: Revised target date “31/03/27”" in str(row[3]) for row in shown)
    assert host.document.plan.model_dump() == before  # nothing changes before Record
    assert dialog.record_button.text() == "&Record 2 answers"

    dialog.record_button.click()
    stack = host.document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Record 2 answers from returned forms"
    first = host.document.plan.find_action(ids[0])
    assert first is not None
    assert first[1].status is ActionStatus.COMPLETE
    assert first[1].latest_update().author == "Priya Shah, Head of Safety"  # type: ignore[union-attr]
    assert "Undo takes them all away" in host.window.statusBar().currentMessage()
    stack.undo()
    assert host.document.plan.model_dump() == before
    stack.redo()
    assert host.document.plan.find_action(ids[0])[1].status is ActionStatus.COMPLETE  # type: ignore[index]


def test_cancel_changes_nothing_and_reading_again_adds_nothing(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                               prompter: FakeFormsPrompter, tmp_path: Path) -> None:
    path, _ids = returned_form(host, tmp_path)
    before = host.document.plan.model_dump()
    dialog = read(qtbot, controller, [path])
    dialog.cancel_button.click()
    assert host.document.plan.model_dump() == before
    assert host.document.undo_stack.count() == 0
    dialog = read(qtbot, controller, [path])
    dialog.record_button.click()
    again = read(qtbot, controller, [path])
    assert again.proposal.changes() == []
    assert not again.record_button.isEnabled()
    assert again.proposal.count(Outcome.ALREADY_READ) == 2


def test_rows_in_view_fit_what_they_say_at_any_width(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                     tmp_path: Path) -> None:
    path, _ids = returned_form(host, tmp_path)
    dialog = read(qtbot, controller, [path])
    table = dialog.table
    rows = range(dialog.model.rowCount())

    def fitted() -> bool:
        return all(table.rowHeight(row) == table.sizeHintForRow(row) for row in rows)

    qtbot.waitUntil(lambda: table.columnWidth(2) > 300 and fitted(), timeout=3000)
    wide = table.rowHeight(1)
    assert wide >= 2 * table.fontMetrics().lineSpacing()  # an update and a status change
    dialog.resize(760, dialog.height())  # a narrower window wraps the changes onto more lines
    qtbot.waitUntil(lambda: table.columnWidth(2) < 200 and fitted(), timeout=3000)
    assert table.rowHeight(1) > wide


def test_copy_to_clipboard_and_rows_with_nothing_filled_in(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                           tmp_path: Path) -> None:
    path, _ids = returned_form(host, tmp_path)
    dialog = read(qtbot, controller, [path])
    rows = dialog.model.rowCount()
    dialog.show_empty.setChecked(True)
    assert dialog.model.rowCount() == rows + 2
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("1 form read. 2 answers will be recorded")
    assert "Status: In progress → Complete" in copied


def test_a_file_that_cannot_be_read_is_explained_in_the_preview(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                                tmp_path: Path) -> None:
    old = tmp_path / "Progress update - Tom.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    dialog = read(qtbot, controller, [old])
    heading = dialog.model.index(0, 0).data()
    assert heading.startswith("Progress update - Tom.xls: not read. “Progress update - Tom.xls” was saved in the old")
    assert not dialog.record_button.isEnabled()


def test_read_only_plans_cannot_read_forms(host: Host, controller: UpdateFormsController, tmp_path: Path) -> None:
    path, _ids = returned_form(host, tmp_path)
    host.document.set_read_only(True)
    assert not controller.read_action.isEnabled()
    assert not controller.read_forms([path])


def test_forms_dropped_on_the_window_are_read(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                              tmp_path: Path) -> None:
    path, _ids = returned_form(host, tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drag_and_drop(host.window, mime) == (True, True)
    qtbot.waitUntil(lambda: controller.preview_dialog is not None, timeout=5000)
    assert controller.preview_dialog is not None
    assert host.document.path == tmp_path / "ashvale.actionplan"  # the plan was not replaced


def test_cancelling_while_forms_are_made_leaves_no_form(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                       prompter: FakeFormsPrompter, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import exporters.update_forms as writing

    made_one = writing.update_form_bytes

    def cancel_after_the_first(*args: object, **kwargs: object) -> bytes:
        controller.cancel()  # as the Cancel button does, while the first form is being made
        return made_one(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(writing, "update_form_bytes", cancel_after_the_first)
    dialog = controller.send_forms()
    assert dialog is not None
    folder = tmp_path / "Cancelled forms"
    dialog.folder_edit.setText(str(folder))
    make_forms(qtbot, controller, dialog)
    assert not folder.exists()  # the first form was written, then taken away with its new folder
    assert prompter.done == []
    assert prompter.errors == []
    assert host.window.statusBar().currentMessage() == "Cancelled: no forms were made."
    assert controller.send_action.isEnabled()
    assert not controller.busy


def test_cancelling_while_forms_are_read_changes_nothing(qtbot: QtBot, host: Host, controller: UpdateFormsController,
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importers.update_forms as reading

    path, _ids = returned_form(host, tmp_path)
    before = host.document.plan.model_dump()
    read_one = reading.read_returned_form

    def cancel_while_reading(form: Path) -> object:
        controller.cancel()
        return read_one(form)

    monkeypatch.setattr(reading, "read_returned_form", cancel_while_reading)
    assert controller.read_forms([path, path])
    qtbot.waitUntil(lambda: not controller.busy, timeout=20000)
    assert controller.preview_dialog is None
    assert host.document.plan.model_dump() == before
    assert host.document.undo_stack.count() == 0
    assert host.window.statusBar().currentMessage() == "Cancelled: the forms were not read, and nothing changed."


def test_only_spreadsheets_are_taken_as_returned_forms() -> None:
    forms = [Path("a.xlsx"), Path("B.XLSX"), Path("c.xls"), Path("d.csv")]
    assert returned_forms_in(forms) == forms
    assert returned_forms_in([Path("plan.actionplan")]) == []
    assert returned_forms_in([Path("a.xlsx"), Path("plan.actionplan")]) == []


def test_the_file_chooser_opens_beside_the_plan_then_where_forms_were_last_read(
        host: Host, controller: UpdateFormsController, prompter: FakeFormsPrompter, tmp_path: Path) -> None:
    prompter.chosen = [[], []]
    assert not controller.read_forms()
    returned = tmp_path / "returned"
    returned.mkdir()
    host.settings.set_last_folder(READ_FOLDER, returned)
    assert not controller.read_forms()
    assert host.document.path is not None
    assert prompter.opened_in == [host.document.path.parent, returned]

