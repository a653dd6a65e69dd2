"""File ▸ Import Word plan… in the real main window: the file dialog, the worker thread, the
unsaved-changes question, the new unsaved plan and the import report dialog."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from actionplan.model import Category, Plan
from actionplan.storage import load_plan
from editor.exchange.import_controller import ImportController, ImportOutcome, QtImportPrompter
from editor.exchange.import_report_dialog import NOT_FOUND, ImportReportDialog, readable_report
from editor.files.questions import SaveChanges
from editor.window.import_menu import install_import
from editor.window.main_window import MainWindow
from importers.docx_import import ImportResult, import_docx
from importers.report import NoteKind
from tests.editor.file_host import Host, close_quietly, make_host, write_plan
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def example(name: str) -> Plan:
    return load_plan(fixtures.EXAMPLE_PLANS[name])


def build(tmp_path: Path, name: str, layout: fixtures.Layout, example_name: str = "east-sutton-park-2024") -> Path:
    return fixtures.build(example(example_name), layout, tmp_path / f"{name}.docx")


class Dialogs:
    """Stands in for the static QFileDialog and QMessageBox calls, recording what they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.chosen: list[Path | None] = []
        self.folders: list[str] = []
        self.warnings: list[tuple[str, str]] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)
        monkeypatch.setattr(QMessageBox, "warning", self._warning)

    def _open(self, _parent: QWidget, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        self.folders.append(folder)
        chosen = self.chosen.pop(0)
        return (str(chosen) if chosen else "", "")

    def _warning(self, _parent: QWidget, title: str, message: str) -> QMessageBox.StandardButton:
        self.warnings.append((title, message))
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    return Dialogs(monkeypatch)


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot, MainWindow())
    yield made
    close_quietly(made)


def controller_of(host: Host) -> ImportController:
    window = host.window
    assert isinstance(window, MainWindow)
    return install_import(window, host.files).word


def import_through_menu(qtbot: QtBot, host: Host, dialogs: Dialogs, path: Path | None) -> ImportOutcome:
    controller = controller_of(host)
    dialogs.chosen.append(path)
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        menu_action(host, "&Import Word plan…").trigger()
    outcome = finished.args[0]
    assert isinstance(outcome, ImportOutcome)
    return outcome


def menu_action(host: Host, text: str):  # type: ignore[no-untyped-def]
    return next(action for action in host.window.menus["file"].actions() if action.text() == text)  # type: ignore[attr-defined]


def report_dialog(controller: ImportController) -> ImportReportDialog:
    prompter = controller.prompter
    assert isinstance(prompter, QtImportPrompter)
    assert prompter.report_dialog is not None
    return prompter.report_dialog


def test_import_sits_under_open_recent(host: Host) -> None:
    controller_of(host)
    texts = host.menu_texts()
    assert texts[texts.index("Open &Recent") + 1] == "&Import Word plan…"


def test_imported_plan_opens_unsaved_with_the_report(qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    docx = build(tmp_path, "esp-tracked", fixtures.Layout(tracked_changes=True))
    outcome = import_through_menu(qtbot, host, dialogs, docx)

    assert outcome.opened
    expected = example("east-sutton-park-2024")
    assert plan_content(host.document.plan) == plan_content(expected)
    assert host.document.path is None
    assert host.document.is_modified()
    assert host.window.isWindowModified()
    dialog = report_dialog(outcome_controller(host))
    assert dialog.isVisible()
    shown = dialog.details.toPlainText()
    assert "Tracked changes" in shown
    assert "HMP East Sutton Park" in shown
    priority, key = (len(expected.in_category(category)) for category in (Category.PRIORITY, Category.KEY))
    assert f"Concerns\n{priority + key} ({priority} priority, {key} key)" in shown
    assert "Imported 5 concerns and 20 actions from esp-tracked.docx. Please check: tracked changes" in dialog.headline.text()
    assert dialog.readable.headline in host.window.statusBar().currentMessage()


def outcome_controller(host: Host) -> ImportController:
    controller = host.window.findChild(ImportController)
    assert isinstance(controller, ImportController)
    return controller


def test_save_suggests_the_word_name_next_to_it(qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    docx = build(tmp_path, "East Sutton Park plan", fixtures.Layout())
    import_through_menu(qtbot, host, dialogs, docx)
    suggested: list[Path] = []

    def choose(path: Path) -> Path:
        suggested.append(path)
        return path

    host.prompter.script("choose_save_path", choose)
    menu_action(host, "&Save").trigger()
    assert suggested == [tmp_path / "East Sutton Park plan.actionplan"]
    assert load_plan(suggested[0]) == host.document.plan
    assert not host.document.is_modified()


def test_clean_import_says_so_in_the_status_bar(qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    docx = build(tmp_path, "esp", fixtures.Layout())
    assert import_docx(docx).report.is_clean
    import_through_menu(qtbot, host, dialogs, docx)
    message = host.window.statusBar().currentMessage()
    assert "Everything in the document was placed in the plan" in message
    assert "not saved yet" in message
    prompter = outcome_controller(host).prompter
    assert isinstance(prompter, QtImportPrompter)
    assert prompter.report_dialog is None


def letter_docx(path: Path) -> bytes:
    """A readable Word document with no action plan table in it."""
    body = fixtures.paragraph("Dear Governor, thank you for your letter.")
    fixtures.write_docx(path, f'<w:document xmlns:w="{fixtures.W_NS}"><w:body>{body}</w:body></w:document>')
    return path.read_bytes()


@pytest.mark.parametrize("content", [
    pytest.param(b"This is a plain text file, not Word.", id="text"),
    pytest.param(b"PK\x03\x04 broken zip", id="broken-zip"),
    pytest.param(None, id="no-plan-table"),
])
def test_a_bad_file_shows_why_and_keeps_the_plan(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path, content: bytes | None
) -> None:
    plan_file = write_plan(tmp_path / "current.actionplan")
    host.files.open_plan(plan_file)
    before = host.document.plan.model_copy(deep=True)
    bad = tmp_path / "not really.docx"
    bad.write_bytes(content if content is not None else letter_docx(tmp_path / "letter.docx"))

    outcome = import_through_menu(qtbot, host, dialogs, bad)

    assert not outcome.opened
    assert outcome.error is not None
    assert dialogs.warnings == [("Could not import Word plan", outcome.error)]
    assert "not really.docx" in outcome.error
    assert host.document.plan == before
    assert host.document.path == plan_file.absolute()
    assert not host.document.is_modified()
    assert host.prompter.questions("ask_save_changes") == []
    assert "Your plan is unchanged" in host.window.statusBar().currentMessage()


def test_cancel_at_the_unsaved_question_keeps_everything(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path
) -> None:
    plan_file = write_plan(tmp_path / "current.actionplan")
    host.files.open_plan(plan_file)
    host.type_action_text("Work not saved yet.")
    host.prompter.script("ask_save_changes", SaveChanges.CANCEL)

    outcome = import_through_menu(qtbot, host, dialogs, build(tmp_path, "esp", fixtures.Layout()))

    assert not outcome.opened
    assert host.prompter.questions("ask_save_changes") == [("current.actionplan",)]
    assert host.action_text() == "Work not saved yet."
    assert host.document.path == plan_file.absolute()
    assert host.document.is_modified()
    host.document.undo_stack.undo()
    assert host.action_text() == "Action 1."


def test_dont_save_at_the_unsaved_question_opens_the_import(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path
) -> None:
    plan_file = write_plan(tmp_path / "current.actionplan")
    host.files.open_plan(plan_file)
    host.type_action_text("Thrown away.")
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)

    outcome = import_through_menu(qtbot, host, dialogs, build(tmp_path, "esp", fixtures.Layout()))

    assert outcome.opened
    assert host.document.plan.details.establishment == "HMP East Sutton Park"
    assert host.document.path is None
    assert load_plan(plan_file).concerns[0].actions[0].text == "Action 1."
    assert not host.document.undo_stack.canUndo()


def test_cancel_in_the_file_dialog_does_nothing(qtbot: QtBot, host: Host, dialogs: Dialogs) -> None:
    controller = controller_of(host)
    dialogs.chosen.append(None)
    assert not controller.import_plan()
    assert not controller.busy
    assert host.document.path is None
    assert not host.document.is_modified()


def test_the_file_dialog_starts_in_the_last_import_folder(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path
) -> None:
    docx = build(tmp_path, "esp", fixtures.Layout())
    import_through_menu(qtbot, host, dialogs, docx)
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)
    controller = outcome_controller(host)
    with qtbot.waitSignal(controller.finished, timeout=20000):
        dialogs.chosen.append(docx)
        controller.import_plan()
    assert dialogs.folders[-1] == str(tmp_path)


def test_report_groups_notes_and_names_missing_details(tmp_path: Path) -> None:
    docx = build(tmp_path, "broken", fixtures.Layout(rows_per_table=4, repeat_header=False), "stoke-heath-2026")
    result = import_docx(docx)
    broken_guesses = [note for note in result.report.notes if "broken across pages" in note.message]
    assert len(broken_guesses) > 3
    plan = result.plan.model_copy(deep=True)
    plan.details.published = None
    readable = readable_report(plan, result.report)
    guesses = next(section for section in readable.sections if section.title == "Guesses to check")
    grouped = [entry for entry in guesses.entries if "broken across pages" in entry.message]
    assert len(grouped) == 1
    assert grouped[0].where.startswith(f"In {len(broken_guesses)} places: Table 2, Table 3")
    assert ("Report published", NOT_FOUND) in readable.facts
    guessed = len(result.report.of_kind(NoteKind.GUESSED))
    assert f"{guessed} guesses" in readable.headline
    assert guesses.heading == f"Guesses to check ({guessed})"
    text = readable.as_text()
    for note in result.report.notes:
        assert note.where in text


def test_report_dialog_lists_text_not_imported_and_copies(qtbot: QtBot, tmp_path: Path) -> None:
    layout = replace(fixtures.Layout(), extra_content=True)
    result = import_docx(build(tmp_path, "extra", layout, "stoke-heath-2026"))
    dialog = ImportReportDialog(readable_report(result.plan, result.report))
    qtbot.addWidget(dialog)
    shown = dialog.details.toPlainText()
    assert "Text not imported (2)" in shown
    assert "Signed off by the Governor" in shown
    assert "not the action plan table" in shown
    QTest.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Imported 12 concerns")
    assert "Paragraph 10 (after a table): Text outside the action plan table" in copied
    assert "on the clipboard" in dialog.copied.text()
    dialog.show()
    QTest.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_report_dialog_by_keyboard_and_accessible_names(qtbot: QtBot, tmp_path: Path) -> None:
    result = import_docx(build(tmp_path, "esp", fixtures.Layout(tracked_changes=True)))
    dialog = ImportReportDialog(readable_report(result.plan, result.report))
    qtbot.addWidget(dialog)
    for control in (dialog.details, dialog.copy_button, dialog.close_button):
        assert control.accessibleName()
    dialog.show()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.details)
    QTest.keyClick(dialog.details, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.copy_button
    QTest.keyClick(dialog.copy_button, Qt.Key.Key_Space)
    assert QGuiApplication.clipboard().text() == dialog.readable.as_text()
    QTest.keyClick(dialog.copy_button, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    for label in (dialog.headline, dialog.unsaved):
        assert not label.accessibleName()  # a screen reader reads the label's own words
        assert label.accessibleDescription()


def test_report_counts_both_sections(tmp_path: Path) -> None:
    plan = example("stoke-heath-2026")
    result = import_docx(build(tmp_path, "sh", fixtures.Layout(), "stoke-heath-2026"))
    facts = dict(readable_report(result.plan, result.report).facts)
    priority = len(plan.in_category(Category.PRIORITY))
    key = len(plan.in_category(Category.KEY))
    assert facts["Concerns"] == f"{priority + key} ({priority} priority, {key} key)"
    assert facts["Actions"] == str(plan.action_count)
    assert facts["Inspection dates"] == "23 February 2026 to 5 March 2026"


def test_importing_over_a_read_only_plan_gives_an_editable_one(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path
) -> None:
    from editor.files.questions import LockChoice
    from tests.editor.files.test_locks_in_editor import someone_else_has

    plan_file = write_plan(tmp_path / "theirs.actionplan")
    someone_else_has(plan_file)
    host.prompter.script("ask_locked", LockChoice.READ_ONLY)
    host.files.open_plan(plan_file)
    assert host.document.read_only

    import_through_menu(qtbot, host, dialogs, build(tmp_path, "esp", fixtures.Layout()))

    assert not host.document.read_only
    assert host.files.banner_bar.isHidden()
    assert "(read-only)" not in host.window.windowTitle()
    assert host.document.path is None


def test_while_reading_the_window_responds_and_a_second_import_waits(
    qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importers.docx_import

    release = threading.Event()
    real_import = importers.docx_import.import_docx

    def slow_import(path: Path) -> ImportResult:
        release.wait(10)
        return real_import(path)

    monkeypatch.setattr(importers.docx_import, "import_docx", slow_import)
    controller = controller_of(host)
    docx = build(tmp_path, "esp", fixtures.Layout())
    dialogs.chosen.append(docx)
    assert controller.import_plan()
    assert controller.busy
    assert not controller.action.isEnabled()
    assert QApplication.overrideCursor() is not None
    assert not controller.import_plan(docx)
    qtbot.wait(50)  # the event loop keeps turning while the worker waits
    with qtbot.waitSignal(controller.finished, timeout=20000):
        release.set()
    assert not controller.busy
    assert controller.action.isEnabled()
    assert QApplication.overrideCursor() is None
    assert host.document.plan.details.establishment == "HMP East Sutton Park"


def test_closing_the_window_while_reading_leaves_no_error(
    qtbot: QtBot, dialogs: Dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importers.docx_import

    release = threading.Event()
    real_import = importers.docx_import.import_docx
    monkeypatch.setattr(importers.docx_import, "import_docx", lambda path: release.wait(10) and real_import(path))
    failures: list[threading.ExceptHookArgs] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    host = make_host(qtbot, MainWindow())
    controller = controller_of(host)
    assert controller.import_plan(build(tmp_path, "esp", fixtures.Layout()))
    worker = next(thread for thread in threading.enumerate() if thread.name == "import-docx")
    close_quietly(host)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    release.set()
    worker.join(10)
    QApplication.restoreOverrideCursor()
    assert not worker.is_alive()
    assert failures == []


def test_report_names_the_recommendations_template(tmp_path: Path) -> None:
    plan = fixtures.recommendations_plan(example("east-sutton-park-2024"))
    docx = fixtures.build(plan, fixtures.Layout(agreement_column=True), tmp_path / "recommendations.docx")
    result = import_docx(docx)
    facts = dict(readable_report(result.plan, result.report).facts)
    assert facts["Template"] == "Recommendations (before May 2022)"
    assert facts["Establishment"] == "HMP East Sutton Park"


def test_an_imported_plan_is_named_after_its_file_until_saved(
        qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    window = host.window
    assert window.windowTitle() == "Untitled plan[*] — Action Plan Editor"
    docx = build(tmp_path, "stoke-heath-2026", fixtures.Layout())
    import_through_menu(qtbot, host, dialogs, docx)
    assert window.windowTitle() == "stoke-heath-2026 (imported, not saved)[*] — Action Plan Editor"
    assert window.isWindowModified()
    host.prompter.script("choose_save_path", lambda path: path)
    menu_action(host, "&Save").trigger()
    assert window.windowTitle() == "stoke-heath-2026.actionplan[*] — Action Plan Editor"
    assert not window.isWindowModified()
    menu_action(host, "&New").trigger()
    assert window.windowTitle() == "Untitled plan[*] — Action Plan Editor"


def test_new_after_an_import_asks_about_it_by_name_and_forgets_the_name(
        qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    import_through_menu(qtbot, host, dialogs, build(tmp_path, "stoke-heath-2026", fixtures.Layout()))
    host.prompter.script("ask_save_changes", SaveChanges.DONT_SAVE)
    menu_action(host, "&New").trigger()
    assert host.prompter.questions("ask_save_changes") == [("stoke-heath-2026 (imported, not saved)",)]
    assert host.window.windowTitle() == "Untitled plan[*] — Action Plan Editor"


def test_an_imported_plan_gets_a_recovery_copy_at_once(
        qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path) -> None:
    import_through_menu(qtbot, host, dialogs, build(tmp_path, "stoke-heath-2026", fixtures.Layout()))
    qtbot.waitUntil(lambda: bool(host.store.entries(include_live=True)), timeout=5000)
    host.files.autosaver.writer.wait()
    entry, = host.store.entries(include_live=True)
    assert entry.display_name == "stoke-heath-2026 (imported, not saved)"
    assert host.store.load(entry) == host.document.plan


# File ▸ Open on a Word plan ------------------------------------------------------------------


def test_opening_a_word_plan_offers_to_import_it(qtbot: QtBot, host: Host, tmp_path: Path) -> None:
    controller = controller_of(host)
    docx = build(tmp_path, "esp", fixtures.Layout())
    host.prompter.script("choose_open_path", docx).script("offer_import_word", True)
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        menu_action(host, "&Open…").trigger()
    assert host.prompter.questions("offer_import_word") == [("esp.docx",)]
    assert finished.args[0].opened
    assert plan_content(host.document.plan) == plan_content(example("east-sutton-park-2024"))
    assert "esp (imported, not saved)" in host.window.windowTitle()
    assert host.prompter.questions("show_error") == []


def test_a_word_plan_named_on_the_command_line_is_offered_for_import(qtbot: QtBot, host: Host, tmp_path: Path) -> None:
    controller = controller_of(host)
    docx = build(tmp_path, "esp", fixtures.Layout())
    host.prompter.script("offer_import_word", True)
    with qtbot.waitSignal(controller.finished, timeout=20000):
        host.files.start([docx])
    assert host.document.plan.details.establishment == example("east-sutton-park-2024").details.establishment


def test_declining_the_import_keeps_the_plan_open(host: Host, tmp_path: Path) -> None:
    controller_of(host)
    plan_file = write_plan(tmp_path / "current.actionplan")
    host.files.open_plan(plan_file)
    docx = build(tmp_path, "esp", fixtures.Layout())
    host.prompter.script("choose_open_path", docx).script("offer_import_word", False)
    menu_action(host, "&Open…").trigger()
    assert host.document.path == plan_file.absolute()
    assert not outcome_controller(host).busy


def test_an_old_word_document_is_explained(host: Host, tmp_path: Path) -> None:
    controller_of(host)
    old = tmp_path / "plan.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500)
    host.prompter.script("choose_open_path", old).script("show_error", None)
    menu_action(host, "&Open…").trigger()
    [(title, message)] = host.prompter.questions("show_error")
    assert title == "Could not open plan"
    assert "save it as a Word Document (.docx)" in message
    assert "not text" not in message


def test_the_open_dialog_shows_word_plans_too(monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.files.prompter import QtPrompter

    asked: list[str] = []

    def fake_open(_parent: object, _title: str, _folder: str, file_filter: str) -> tuple[str, str]:
        asked.append(file_filter)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    QtPrompter(None).choose_open_path(None)
    first = asked[0].split(";;")[0]
    assert "*.actionplan" in first
    assert "*.docx" in first


def test_the_import_question_box(qtbot: QtBot) -> None:
    from editor.files.prompter import import_word_box

    box = import_word_box(None, "Stoke Heath plan.docx")
    qtbot.addWidget(box)
    assert box.text() == "“Stoke Heath plan.docx” is a Word document, not a plan file."
    assert {b.text() for b in box.buttons()} == {"Import", "Cancel"}
    assert box.defaultButton().text() == "Import"


def test_cancelling_a_slow_import_keeps_the_plan_open(qtbot: QtBot, host: Host, dialogs: Dialogs, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from PySide6.QtWidgets import QPushButton

    import importers.docx_import as docx_import

    real_import = docx_import.import_docx

    def slow_import(path: Path) -> object:
        time.sleep(1.5)  # a large document on a slow laptop
        return real_import(path)

    monkeypatch.setattr(docx_import, "import_docx", slow_import)
    before = host.window.document.plan.model_dump()
    path = build(tmp_path, "East Sutton Park plan", fixtures.Layout())
    controller = controller_of(host)
    dialogs.chosen.append(path)
    with qtbot.waitSignal(controller.finished, timeout=20000) as finished:
        menu_action(host, "&Import Word plan…").trigger()
        progress = controller.progress
        assert progress is not None
        qtbot.waitUntil(progress.dialog.isVisible, timeout=5000)
        assert "Reading" in progress.dialog.labelText()
        qtbot.mouseClick(progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    outcome = finished.args[0]
    assert outcome.cancelled
    assert not outcome.opened
    assert host.window.document.plan.model_dump() == before
    assert host.window.statusBar().currentMessage() == "Import cancelled. Your plan is unchanged."
