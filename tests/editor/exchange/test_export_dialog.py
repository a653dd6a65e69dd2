"""File ▸ Export as Word, PDF or ODT… driven in the real window, and the export dialogs."""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest
from docx2python import docx2python
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from actionplan.changes import PlanChange
from actionplan.model import Action
from actionplan.validation import Finding
from editor.common.settings import AppSettings
from editor.exchange.export_controller import ExportOutcome, RememberedChoice
from editor.exchange.export_dialog import (
    ExportChoice,
    ExportOptionsDialog,
    ExportResultDialog,
    draft_offer_box,
)
from editor.window.main_window import MainWindow
from exporters.options import Layout
from exporters.selfcheck import Report, check_docx

# The offscreen platform cannot resize native windows to their size hints, and says so.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SCREENSHOTS = Path(os.environ.get("ACTIONPLAN_SCREENSHOTS", "/tmp/actionplan-screens"))


@dataclass
class ScriptedExportPrompter:
    """Answers the export questions from a script, and remembers what it was asked."""

    choice: ExportChoice | None = ExportChoice()
    path: Path | None = None
    draft: bool = True
    asked: list[str] = field(default_factory=list)
    remembered: list[ExportChoice] = field(default_factory=list)
    suggested: list[Path] = field(default_factory=list)
    errors_offered: list[list[Finding]] = field(default_factory=list)
    results: list[tuple[Path, Report | None, bool]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def choose_options(self, remembered: ExportChoice) -> ExportChoice | None:
        self.asked.append("options")
        self.remembered.append(remembered)
        return self.choice

    def offer_draft(self, errors: list[Finding]) -> bool:
        self.asked.append("draft")
        self.errors_offered.append(errors)
        return self.draft

    def choose_path(self, suggested: Path) -> Path | None:
        self.asked.append("path")
        self.suggested.append(suggested)
        return self.path

    def show_result(self, path: Path, report: Report | None, draft: bool) -> None:
        self.results.append((path, report, draft))

    def show_error(self, title: str, message: str) -> None:
        self.failures.append(message)


def complete(window: MainWindow) -> None:
    """Give the key concern an action and the plan all its dates, so the plan has no errors."""
    plan = window.document.plan
    key = plan.concerns[2]
    key.actions.append(Action(text="Visits will start on time.", owner="Governor", target="August 2026"))
    plan.details.inspection_start, plan.details.inspection_end = dt.date(2026, 2, 23), dt.date(2026, 3, 5)
    plan.details.published = dt.date(2026, 6, 1)
    window.document.edited.emit(PlanChange.everything())  # as an undo command says what it changed


def run_export(qtbot: QtBot, window: MainWindow, prompter: ScriptedExportPrompter) -> ExportOutcome:
    window.exporting.prompter = prompter
    with qtbot.waitSignal(window.exporting.finished, timeout=60_000) as finished:
        window.exporting.action.trigger()
    outcome: ExportOutcome = finished.args[0]
    return outcome


def test_the_file_menu_offers_export(window: MainWindow) -> None:
    texts = [action.text() for action in window.menus["file"].actions()]
    assert "E&xport as Word, PDF or ODT…" in texts
    assert texts.index("E&xport as Word, PDF or ODT…") < texts.index("&Quit")
    assert window.exporting.action.shortcut().toString() == "Ctrl+E"


def test_export_from_the_menu_writes_the_plan_and_shows_the_check(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    complete(window)
    prompter = ScriptedExportPrompter(path=tmp_path / "stoke.docx")
    outcome = run_export(qtbot, window, prompter)
    assert outcome.error is None
    assert prompter.asked == ["options", "path"]  # no errors, so no draft question
    (path, report, draft) = prompter.results[0]
    assert (path, draft) == (tmp_path / "stoke.docx", False)
    assert report is not None
    assert report.passed
    assert not report.problems
    with docx2python(path) as document:
        cells = [row[2] for table in document.body[1:] for row in table[1:] if len(row) == 5]
    assert cells == [["Search more cells."], ["Train staff."], ["Recruit an analyst."], ["Visits will start on time."]]
    assert not window.exporting.busy
    assert window.exporting.action.isEnabled()


def test_a_plan_with_errors_names_them_and_exports_a_draft(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    prompter = ScriptedExportPrompter(path=tmp_path / "draft.docx", draft=True)
    run_export(qtbot, window, prompter)
    assert prompter.asked == ["options", "draft", "path"]
    assert [error.rule for error in prompter.errors_offered[0]]  # the key concern has no action
    assert docx.Document(str(tmp_path / "draft.docx")).sections[0].header.paragraphs[0].text.startswith("DRAFT")
    assert prompter.results[0][2] is True


def test_declining_the_draft_writes_nothing(window: MainWindow, tmp_path: Path) -> None:
    prompter = ScriptedExportPrompter(path=tmp_path / "draft.docx", draft=False)
    window.exporting.prompter = prompter
    assert window.exporting.export() is False
    assert prompter.asked == ["options", "draft"]
    assert list(tmp_path.iterdir()) == []


def test_cancelling_the_options_asks_nothing_more(window: MainWindow) -> None:
    prompter = ScriptedExportPrompter(choice=None)
    window.exporting.prompter = prompter
    assert window.exporting.export() is False
    assert prompter.asked == ["options"]


def test_layout_and_folder_are_remembered(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    complete(window)
    classic = ExportChoice(".docx", Layout.CLASSIC, merge_concern_cells=True)
    (tmp_path / "exports").mkdir()
    run_export(qtbot, window, ScriptedExportPrompter(choice=classic, path=tmp_path / "exports" / "a"))
    assert (tmp_path / "exports" / "a.docx").is_file()  # the suffix is added when left off
    assert RememberedChoice(AppSettings()).load() == classic
    second = ScriptedExportPrompter(choice=None)
    window.exporting.prompter = second
    window.exporting.export()
    assert second.remembered == [classic]
    prompter = ScriptedExportPrompter(choice=classic, path=tmp_path / "b.docx")
    run_export(qtbot, window, prompter)
    assert prompter.suggested[0].parent == tmp_path / "exports"
    assert prompter.suggested[0].name == "Action plan - HMP Testing.docx"
    assert check_docx(tmp_path / "b.docx", Layout.CLASSIC).problems  # the classic breaches are listed


def test_an_unwritable_folder_is_explained(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    complete(window)
    prompter = ScriptedExportPrompter(path=tmp_path / "gone" / "plan.docx")
    outcome = run_export(qtbot, window, prompter)
    assert outcome.error is not None
    assert prompter.failures == [outcome.error]
    assert "does not exist" in outcome.error
    assert prompter.results == []


def test_the_options_dialog_explains_each_layout_and_enables_merging_only_for_classic(
    qtbot: QtBot, no_leftover_widgets: None
) -> None:
    dialog = ExportOptionsDialog(ExportChoice(), libreoffice_installed=False)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.accessible_button.isChecked()
    assert not dialog.merge_box.isEnabled()
    assert not dialog.format_buttons[".pdf"].isEnabled()
    dialog.classic_button.click()
    assert dialog.merge_box.isEnabled()
    dialog.merge_box.click()
    dialog.format_buttons[".docx"].click()
    assert dialog.choice() == ExportChoice(".docx", Layout.CLASSIC, True, None)
    dialog.accessible_button.click()
    assert dialog.choice().merge_concern_cells is False
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.classic_button.click()
    QApplication.processEvents()
    assert dialog.grab().save(str(SCREENSHOTS / "export-options.png"))


def test_the_result_dialog_lists_the_check_and_opens_the_file(
    qtbot: QtBot, no_leftover_widgets: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exporters.docx_export import export_docx
    from exporters.options import ExportOptions
    from tests.exporters.readback import plan_with_both_sections

    path = tmp_path / "plan.docx"
    export_docx(plan_with_both_sections(), path, ExportOptions(layout=Layout.CLASSIC))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = ExportResultDialog(path, check_docx(path, Layout.CLASSIC), draft=False)
    qtbot.addWidget(dialog)
    dialog.show()
    items = [dialog.findings.item(row).text() for row in range(dialog.findings.count())]
    assert items[0].startswith("Known breach: Tables: Table 1 (Action plan):")
    assert any(item.startswith("OK: Title") for item in items)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "export-result.png"))
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(path))]


def test_the_result_dialog_says_when_nothing_can_open_the_file(
    qtbot: QtBot, no_leftover_widgets: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    dialog = ExportResultDialog(tmp_path / "plan.odt", None, draft=True)
    qtbot.addWidget(dialog)
    assert "marked DRAFT" in dialog.summary.text()
    assert dialog.open_file() is False
    assert "could not be opened" in dialog.summary.text()


def test_the_draft_offer_names_the_errors(qtbot: QtBot, window: MainWindow) -> None:
    from exporters.docx_export import errors_in

    errors = errors_in(window.document.plan)
    box = draft_offer_box(window, errors)
    try:
        assert "can only be exported as a draft" in box.text()
        assert errors[0].message in box.informativeText()
        assert [button.text() for button in box.buttons()] == ["Export as a draft", "Cancel"]
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        box.show()
        QApplication.processEvents()
        box.grab().save(str(SCREENSHOTS / "export-draft-offer.png"))
    finally:
        box.close()
        box.deleteLater()


@pytest.mark.libreoffice
def test_a_pdf_export_from_the_menu_runs_libreoffice_off_the_gui_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.exporters.readback import need_libreoffice

    need_libreoffice()
    complete(window)
    prompter = ScriptedExportPrompter(choice=ExportChoice(".pdf"), path=tmp_path / "plan.pdf")
    window.exporting.prompter = prompter
    with qtbot.waitSignal(window.exporting.finished, timeout=120_000) as finished:
        window.exporting.action.trigger()
        # The window still answers while LibreOffice works.
        assert window.exporting.busy
        assert not window.exporting.action.isEnabled()
        assert window.statusBar().currentMessage() == "Exporting “plan.pdf”…"
    assert finished.args[0].error is None
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert prompter.results[0][1] is not None  # the check ran on the Word document behind the PDF


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
def test_cancelling_a_long_export_stops_it_and_writes_nothing(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = tmp_path / "soffice"
    slow.write_text("#!/bin/sh\nsleep 60\n")
    slow.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(slow))
    complete(window)
    earlier = tmp_path / "plan.pdf"
    earlier.write_bytes(b"%PDF the one sent last month")
    prompter = ScriptedExportPrompter(choice=ExportChoice(".pdf"), path=earlier)
    window.exporting.prompter = prompter
    with qtbot.waitSignal(window.exporting.finished, timeout=30_000) as finished:
        window.exporting.action.trigger()
        progress = window.exporting.progress
        assert progress is not None
        qtbot.waitUntil(lambda: progress.dialog.isVisible(), timeout=5_000)  # a moment in, it shows
        qtbot.waitUntil(lambda: "LibreOffice" in progress.dialog.labelText(), timeout=5_000)
        started = time.monotonic()
        qtbot.mouseClick(progress.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert time.monotonic() - started < 5  # LibreOffice was stopped, not waited for
    outcome = finished.args[0]
    assert outcome.cancelled
    assert outcome.error is None
    assert earlier.read_bytes() == b"%PDF the one sent last month"  # the earlier file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "soffice"]  # nothing half-written
    assert not prompter.results
    assert not prompter.failures
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.exporting.action.isEnabled()
