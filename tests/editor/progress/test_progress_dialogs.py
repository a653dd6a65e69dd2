"""The Add evidence and Revise target forms: OK only once what is needed is there."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from actionplan.model import Action
from actionplan.progress import TargetRevision
from actionplan.target_date import TargetDate
from editor.progress.progress_dialogs import EvidenceDialog, RevisedTargetDialog
from tests.editor.progress.progress_fakes import TODAY


def test_evidence_needs_a_description_or_a_link(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = EvidenceDialog(tmp_path)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    assert dialog.missing.text() == "To add it, say what the evidence is, or give its link or file."
    qtbot.keyClicks(dialog.description, "Safety  meeting minutes")
    assert dialog.ok.isEnabled()
    dialog.set_file(tmp_path / "evidence" / "minutes.pdf")
    assert dialog.evidence().description == "Safety meeting minutes"
    assert dialog.evidence().link == "evidence/minutes.pdf"


def test_a_chosen_file_names_the_evidence_when_nothing_is_typed(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = EvidenceDialog(None)
    qtbot.addWidget(dialog)
    dialog.set_file(tmp_path / "cell-survey.xlsx")
    assert dialog.evidence().description == "cell-survey"
    assert dialog.evidence().link == str(tmp_path / "cell-survey.xlsx")  # no folder to be relative to
    assert "Save the plan first" in dialog.hint.text()


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_revision_needs_a_date_and_a_reason(qtbot: QtBot) -> None:
    action = Action(text="Repair windows.", target="March 2027", target_revisions=[
        TargetRevision(target=TargetDate.parse("May 2027"), reason="Late", made_on=TODAY)])
    dialog = RevisedTargetDialog(action)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.current.text() == "Published target: March 2027. Revised since to May 2027."
    assert not dialog.ok.isEnabled()
    assert dialog.missing.text() == "To revise the target, add a new target: a month and year, or a date and the reason."
    qtbot.keyClicks(dialog.typed, "Completed")
    assert not dialog.ok.isEnabled()  # a revision is a new date
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, "sept 2027")
    assert dialog.understood.text() == "Understood as: September 2027"
    assert dialog.missing.text() == "To revise the target, add the reason."
    qtbot.keyClicks(dialog.reason, "The contractor went into administration.")
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)  # Enter chooses Revise target
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.new_target().target == TargetDate.of_month(2027, 9)
    assert dialog.new_target().reason == "The contractor went into administration."


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_revision_to_a_date_that_has_passed_is_warned_of_and_needs_confirming(qtbot: QtBot) -> None:
    action = Action(text="Repair windows.", target="March 2026")
    dialog = RevisedTargetDialog(action)  # the tests' day: 1 July 2026
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.confirm_past.isVisible()
    qtbot.keyClicks(dialog.typed, "June 2026")  # ended yesterday
    qtbot.keyClicks(dialog.reason, "Agreed at the May board, recorded late.")
    assert dialog.confirm_past.isVisible()
    assert dialog.past.text() == "June 2026 has already passed (today is 1 July 2026)."
    assert not dialog.ok.isEnabled()
    assert dialog.missing.text() == "To revise the target to a date that has passed, tick the box to confirm it."
    qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.confirm_past.click()
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.typed, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.new_target().target == TargetDate.of_month(2026, 6)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_a_revision_this_month_or_later_is_not_warned_of_and_a_reason_needs_words(qtbot: QtBot) -> None:
    dialog = RevisedTargetDialog(Action(text="Repair windows.", target="March 2026"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.typed, "July 2026")  # this month: not passed
    qtbot.keyClicks(dialog.reason, " - ")
    assert not dialog.confirm_past.isVisible()
    assert not dialog.ok.isEnabled()  # a dash is not a reason
    assert dialog.missing.text() == "To revise the target, add the reason."
    qtbot.keyClicks(dialog.reason, "Parts late")
    assert dialog.ok.isEnabled()
    assert not dialog.missing.isVisible()
