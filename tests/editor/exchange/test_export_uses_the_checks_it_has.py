"""Exporting from the editor uses the errors the checks beside the window already found, and
the same list reaches the export: the plan is not checked again before or during the export
(on a 10,000-action plan each check held the window or the export for a second or more)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor.exchange.export_dialog import ExportChoice
from editor.window.main_window import MainWindow
from exporters import docx_export
from exporters import export as export_module
from exporters.options import Layout

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Prompter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.drafts: list[int] = []

    def choose_options(self, remembered: ExportChoice) -> ExportChoice:
        return ExportChoice(".docx", Layout.ACCESSIBLE, False, None)

    def offer_draft(self, errors: list[object]) -> bool:
        self.drafts.append(len(errors))
        return True

    def choose_path(self, suggested: Path) -> Path:
        return self.path

    def show_result(self, path: Path, report: object, draft: bool) -> None:
        pass

    def show_error(self, title: str, message: str) -> None:
        raise AssertionError(message)


def test_no_second_check_before_or_during_the_export(qtbot: QtBot, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from actionplan.model import Action, Concern, Plan
    from editor.edits.document import PlanDocument

    window = MainWindow(PlanDocument(Plan(concerns=[Concern(text="C", actions=[Action(text="No owner yet.")])])))
    qtbot.addWidget(window)
    prompter = Prompter(tmp_path / "out.docx")
    window.exporting.prompter = prompter
    expected = len(window.validation.current_errors())
    assert expected > 0

    def checked_again(plan: object) -> list[object]:
        raise AssertionError("the plan was checked again")

    monkeypatch.setattr(docx_export, "errors_in", checked_again)
    monkeypatch.setattr(export_module, "errors_in", checked_again)
    with qtbot.waitSignal(window.exporting.finished, timeout=30_000) as done:
        assert window.exporting.export()
    assert done.args[0].error is None
    assert prompter.drafts == [expected]
    assert (tmp_path / "out.docx").stat().st_size > 0
