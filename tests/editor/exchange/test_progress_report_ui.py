"""File ▸ Export progress report… driven in the real window, and its dialog."""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from docx2python import docx2python
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.progress import ActionStatus
from actionplan.recording import record_update
from actionplan.work import Work
from editor.common.settings import AppSettings
from editor.exchange.progress_report_controller import RememberedReportChoice, ReportOutcome, done_box
from editor.exchange.progress_report_dialog import ProgressReportDialog, ReportChoice
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from exporters.progress_rows import ProgressOptions

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SCREENSHOTS = Path(os.environ.get("ACTIONPLAN_SCREENSHOTS", "/tmp/actionplan-screens"))
DAY = dt.date(2026, 12, 4)


@dataclass
class ScriptedReportPrompter:
    """Answers the report's questions from a script, and remembers what it was asked."""

    choice: ReportChoice | None = ReportChoice(".docx", DAY)
    path: Path | None = None
    asked: list[str] = field(default_factory=list)
    remembered: list[ReportChoice] = field(default_factory=list)
    suggested: list[Path] = field(default_factory=list)
    done: list[tuple[Path, dt.date]] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def choose_options(self, remembered: ReportChoice) -> ReportChoice | None:
        self.asked.append("options")
        self.remembered.append(remembered)
        return self.choice

    def choose_path(self, suggested: Path) -> Path | None:
        self.asked.append("path")
        self.suggested.append(suggested)
        return self.path

    def show_done(self, path: Path, as_of: dt.date) -> None:
        self.done.append((path, as_of))

    def show_error(self, title: str, message: str) -> None:
        self.failures.append(message)


def run_report(qtbot: QtBot, window: MainWindow, prompter: ScriptedReportPrompter) -> ReportOutcome:
    window.progress_report.prompter = prompter
    with qtbot.waitSignal(window.progress_report.finished, timeout=60_000) as finished:
        window.progress_report.action.trigger()
    outcome: ReportOutcome = finished.args[0]
    return outcome


def test_the_file_menu_offers_the_report_just_below_export(window: MainWindow) -> None:
    texts = [action.text() for action in window.menus["file"].actions()]
    export = texts.index("E&xport as Word, PDF or ODT…")
    assert texts[export + 1] == "Export &progress report…"
    assert texts.index("Export &progress report…") < texts.index("&Quit")


def test_the_report_is_written_off_the_interface_thread_from_the_plan_in_the_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path,
) -> None:
    plan = window.document.plan
    searching = plan.concerns[0].actions[0]
    searching.lead = "M. Byrne"
    record_update(searching, dt.date(2026, 11, 20), "M. Byrne", "Searches recorded daily.", ActionStatus.IN_PROGRESS)
    prompter = ScriptedReportPrompter(path=tmp_path / "progress.docx")
    outcome = run_report(qtbot, window, prompter)
    assert outcome.error is None
    assert prompter.asked == ["options", "path"]
    assert prompter.done == [(tmp_path / "progress.docx", DAY)]
    with docx2python(tmp_path / "progress.docx") as document:
        title = document.core_properties["title"]
        due_soon = [table for table in document.body if len(table) > 1 and table[0][0] == ["Rec No"]]
    assert title == "Action plan progress: HMP Testing, 4 December 2026"
    assert due_soon[-1][1] == [["1"], ["Search more cells."], ["M. Byrne"], ["December 2026"],
                               ["20 November 2026, M. Byrne", "Searches recorded daily."]]
    assert not window.progress_report.busy
    assert window.progress_report.action.isEnabled()
    assert "Wrote the progress report “progress.docx”." in window.statusBar().currentMessage()


@pytest.mark.qt_log_ignore("This plugin does not support")  # the owner list pops up offscreen
def test_an_owner_still_being_typed_goes_into_the_report(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    index = window.table.model().index(1, Column.OWNER)
    window.table.select_cell(index)
    window.table.edit(index)
    QApplication.processEvents()
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, "Head of Residence")  # over the owner, which opens selected
    assert window.document.plan.concerns[0].actions[0].owner == "Head of Security"  # not reached the plan yet
    prompter = ScriptedReportPrompter(choice=ReportChoice(".csv", DAY), path=tmp_path / "progress.csv")
    assert run_report(qtbot, window, prompter).error is None
    with (tmp_path / "progress.csv").open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert rows[0]["Owner"] == "Head of Residence"


def test_each_format_and_the_due_soon_window_reach_the_file(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    prompter = ScriptedReportPrompter(choice=ReportChoice(".xlsx", dt.date(2026, 10, 1), 100),
                                      path=tmp_path / "progress")
    outcome = run_report(qtbot, window, prompter)
    assert outcome.path == tmp_path / "progress.xlsx"  # the suffix is added
    sheet = openpyxl.load_workbook(outcome.path)["Actions"]
    positions = [row[11].value for row in sheet.iter_rows(min_row=2)]
    # December is within 100 days of 1 October; a target of "Completed", with no status recorded,
    # stands as complete (actionplan.tracking), not as having no date.
    assert positions == ["Due soon", "Complete", "On track"]


def test_the_suggested_name_says_the_day_and_the_folder_is_remembered(
    qtbot: QtBot, window: MainWindow, tmp_path: Path,
) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    first = ScriptedReportPrompter(path=folder / "first.docx")
    run_report(qtbot, window, first)
    assert first.suggested[0].name == "Action plan - HMP Testing - progress 4 December 2026.docx"
    second = ScriptedReportPrompter(choice=ReportChoice(".csv", DAY, 30), path=None)
    window.progress_report.prompter = second
    assert not window.progress_report.report()  # no file chosen: nothing written
    assert second.suggested[0] == folder / "Action plan - HMP Testing - progress 4 December 2026.csv"
    assert second.remembered[0] == ReportChoice(".docx", None, 45)
    assert RememberedReportChoice(AppSettings()).load() == ReportChoice(".csv", None, 30)


def test_cancelling_asks_nothing_more(window: MainWindow) -> None:
    prompter = ScriptedReportPrompter(choice=None)
    window.progress_report.prompter = prompter
    assert not window.progress_report.report()
    assert prompter.asked == ["options"]


def test_an_unwritable_folder_is_explained_and_the_plan_is_untouched(
    qtbot: QtBot, window: MainWindow, tmp_path: Path,
) -> None:
    before = window.document.plan.model_dump()
    prompter = ScriptedReportPrompter(path=tmp_path / "gone" / "progress.docx")
    outcome = run_report(qtbot, window, prompter)
    assert outcome.error == f"The folder “{tmp_path / 'gone'}” does not exist. Choose another folder."
    assert prompter.failures == [outcome.error]
    assert prompter.done == []
    assert window.document.plan.model_dump() == before
    assert not window.document.is_modified()
    assert window.progress_report.action.isEnabled()


def test_cancel_writes_nothing_and_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from exporters import progress_export

    real = progress_export.export_progress_report

    def slow(plan: Plan, path: Path, options: ProgressOptions, work: Work) -> Path:
        assert work.wait(30)  # a long report: still going when Cancel is pressed
        return real(plan, path, options, work)

    monkeypatch.setattr(progress_export, "export_progress_report", slow)
    out = tmp_path / "progress.docx"
    out.write_bytes(b"last month's report")
    prompter = ScriptedReportPrompter(path=out)
    window.progress_report.prompter = prompter
    with qtbot.waitSignal(window.progress_report.finished, timeout=60_000) as finished:
        assert window.progress_report.report()
        assert window.progress_report.busy
        window.progress_report.cancel()
    outcome: ReportOutcome = finished.args[0]
    assert outcome.cancelled
    assert out.read_bytes() == b"last month's report"
    assert prompter.done == []
    assert prompter.failures == []
    assert window.statusBar().currentMessage() == "Progress report cancelled. “progress.docx” was not written."
    assert window.progress_report.action.isEnabled()
    assert window.progress_report.progress is None


# The dialog -----------------------------------------------------------------------------------


def test_the_dialog_starts_on_today_and_the_remembered_format(qtbot: QtBot) -> None:
    dialog = ProgressReportDialog(ReportChoice(".xlsx", None, 30), today=DAY)
    qtbot.addWidget(dialog)
    assert dialog.format_buttons[".xlsx"].isChecked()
    assert dialog.as_of_field.picker.text() == "4 December 2026"
    assert dialog.due_soon_box.value() == 30
    assert dialog.choice() == ReportChoice(".xlsx", DAY, 30)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(SCREENSHOTS / "progress-report-dialog.png"))


def test_a_day_typed_as_people_type_dates_is_understood(qtbot: QtBot) -> None:
    dialog = ProgressReportDialog(ReportChoice(), today=DAY)
    qtbot.addWidget(dialog)
    dialog.as_of_field.picker.setText("31/03/2027")
    dialog.format_buttons[".csv"].setChecked(True)
    dialog.accept()
    assert dialog.result() == ProgressReportDialog.DialogCode.Accepted
    assert dialog.choice() == ReportChoice(".csv", dt.date(2027, 3, 31), 45)


def test_a_day_that_is_not_a_date_keeps_the_dialog_open_and_says_why(qtbot: QtBot) -> None:
    dialog = ProgressReportDialog(ReportChoice(), today=DAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.as_of_field.picker.setText("31/02/2027")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.result() != ProgressReportDialog.DialogCode.Accepted
    assert dialog.as_of_field.problem() == "That day does not exist in that month. Enter a date, like 15 December 2026."
    assert dialog.as_of_field.message.isVisible()
    layout = dialog.layout()
    assert layout is not None
    assert dialog.height() >= layout.heightForWidth(dialog.width())  # grown to fit the message, nothing squeezed
    assert dialog.grab().save(str(SCREENSHOTS / "progress-report-dialog-bad-date.png"))


def test_an_emptied_day_means_today(qtbot: QtBot) -> None:
    dialog = ProgressReportDialog(ReportChoice(as_of=dt.date(2026, 1, 1)), today=DAY)
    qtbot.addWidget(dialog)
    dialog.as_of_field.picker.clear()
    assert dialog.as_of_field.picker.placeholderText() == "Today, 4 December 2026"
    dialog.accept()
    assert dialog.choice().as_of == DAY


def test_the_done_box_names_the_file_and_offers_to_open_it(qtbot: QtBot, tmp_path: Path) -> None:
    box, open_button = done_box(None, tmp_path / "progress.docx", DAY)
    qtbot.addWidget(box)
    assert box.text() == f"The progress report for 4 December 2026 was saved as “progress.docx” in the folder {tmp_path}."
    assert open_button.text() == "Open the report"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Close)


def test_a_plan_with_a_long_file_name_gets_a_legal_suggested_name(
    qtbot: QtBot, window: MainWindow, tmp_path: Path,
) -> None:
    long_name = "é" * 120 + ".actionplan"  # 251 bytes: legal, but a report named after it would not be
    window.document.mark_saved(tmp_path / long_name)
    prompter = ScriptedReportPrompter(path=None)
    window.progress_report.prompter = prompter
    assert not window.progress_report.report()
    suggested = prompter.suggested[0]
    assert suggested.name.endswith("é - progress 4 December 2026.docx")
    assert len(os.fsencode(suggested.name)) <= 255
