"""The inspector's progress section, driven as a person drives it: updates typed into the Add
update box, evidence added, opened and removed, a target revised, judgements chosen. Each
change is one undo step."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.progress import ActionStatus, IrpJudgement
from actionplan.storage import save_plan
from actionplan.target_date import TargetDate
from editor.progress.progress_dialogs import NewEvidence, NewTarget
from editor.progress.record_list import ITEM_ID_ROLE
from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import (
    TODAY,
    FakeOpener,
    ScriptedQuestions,
    close_window,
    progress_window,
    tracked_plan,
    updates_of,
)

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

CTRL = Qt.KeyboardModifier.ControlModifier


def show_action(window: MainWindow, concern: int, action: int) -> None:
    found = window.document.plan.concerns[concern]
    window.views.show_progress()
    window.reveal(found.id, found.actions[action].id, "status")
    QApplication.processEvents()


def history(window: MainWindow) -> list[str]:
    records = window.views.panel.history
    return [records.item(n).text() for n in range(records.count())]


def test_an_update_typed_in_the_add_update_box_is_recorded_newest_first(
        tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "S. Okafor")
    show_action(tracking, 0, 1)
    panel = tracking.views.panel
    assert history(tracking) == ["1 June 2026, J. Patel. Status: In progress.\nStarted the survey."]
    qtbot.mouseClick(panel.update_text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.update_text, "Half the windows are done.")
    qtbot.keyClick(panel.update_text, Qt.Key.Key_Return, CTRL)
    assert updates_of(tracking, 0, 1)[-1] == ("S. Okafor", "Half the windows are done.", None)
    assert tracking.document.plan.concerns[0].actions[1].updates[-1].on == TODAY
    assert panel.update_text.text() == ""
    assert history(tracking)[0] == "1 July 2026, S. Okafor.\nHalf the windows are done."
    assert panel.signed.text() == "Recorded as S. Okafor, dated 1 July 2026."
    # With a status: chosen in the box, then the button.
    qtbot.keyClicks(panel.update_text, "All done.")
    panel.update_status.setCurrentIndex(panel.update_status.findData(ActionStatus.COMPLETE.value))
    qtbot.mouseClick(panel.add_update, Qt.MouseButton.LeftButton)
    assert updates_of(tracking, 0, 1)[1:] == [("S. Okafor", "Half the windows are done.", None),
                                              ("S. Okafor", "All done.", ActionStatus.COMPLETE)]
    assert panel.status.currentText() == "Complete"
    assert panel.update_status.currentIndex() == 0
    stack = tracking.document.undo_stack
    assert [stack.text(n) for n in range(stack.count())] == ["Record update", "Record update"]
    stack.undo()
    assert len(updates_of(tracking, 0, 1)) == 2
    assert panel.status.currentText() == "In progress"
    stack.redo()
    assert history(tracking)[0] == "1 July 2026, S. Okafor. Status: Complete.\nAll done."
    assert len(questions.questions("ask_user_name")) == 1


def test_an_empty_update_records_nothing_and_a_draft_waits_for_its_action(tracking: MainWindow, qtbot: QtBot) -> None:
    show_action(tracking, 0, 1)
    panel = tracking.views.panel
    qtbot.mouseClick(panel.add_update, Qt.MouseButton.LeftButton)
    assert tracking.document.undo_stack.count() == 0
    qtbot.keyClicks(panel.update_text, "Half written")
    show_action(tracking, 1, 0)
    assert panel.update_text.text() == ""
    show_action(tracking, 0, 1)
    assert panel.update_text.text() == "Half written"


def test_the_status_lead_and_evidence_needed_fields(tracking: MainWindow, qtbot: QtBot,
                                                   questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "S. Okafor")
    show_action(tracking, 0, 0)
    panel = tracking.views.panel
    action = tracking.document.plan.concerns[0].actions[0]
    panel.status.setFocus()
    qtbot.keyClick(panel.status, Qt.Key.Key_Down)  # In progress
    assert action.status is ActionStatus.IN_PROGRESS
    assert updates_of(tracking, 0, 0) == [("S. Okafor", "", ActionStatus.IN_PROGRESS)]
    qtbot.mouseClick(panel.lead, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.lead, "R. Kaur")
    qtbot.keyClick(panel.lead, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.evidence_needed, "Repair records.")
    assert action.lead == "R. Kaur"
    assert action.evidence_needed == "Repair records."
    stack = tracking.document.undo_stack
    assert [stack.text(n) for n in range(stack.count())] == ["Set status to In progress", "Edit lead",
                                                             "Edit evidence needed"]
    stack.undo()
    stack.undo()
    assert action.lead == ""
    assert panel.lead.text() == ""


def test_evidence_is_added_opened_and_removed_and_a_missing_file_is_said_plainly(
        qtbot: QtBot, no_leftover_widgets: None, tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(tracked_plan(), path)
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "minutes.pdf").write_bytes(b"%PDF")
    questions, opener = ScriptedQuestions(), FakeOpener()
    questions.script("ask_user_name", "S. Okafor")
    questions.script("ask_evidence", NewEvidence("Safety minutes", "evidence/minutes.pdf"))
    from actionplan.storage import load_plan
    window = progress_window(qtbot, load_plan(path), path, questions, opener)
    try:
        show_action(window, 0, 0)
        panel = window.views.panel
        qtbot.mouseClick(panel.add_evidence, Qt.MouseButton.LeftButton)
        assert questions.questions("ask_evidence") == [(tmp_path,)]
        action = window.document.plan.concerns[0].actions[0]
        [item] = action.evidence
        assert (item.description, item.link, item.added_on, item.added_by) == (
            "Safety minutes", "evidence/minutes.pdf", TODAY, "S. Okafor")
        assert panel.evidence.item(0).text() == ("Safety minutes (evidence/minutes.pdf). Added 1 July 2026 by "
                                                 "S. Okafor.")
        assert not panel.open_evidence.isEnabled()
        first = panel.evidence.visualItemRect(panel.evidence.item(0)).center()
        qtbot.mouseClick(panel.evidence.viewport(), Qt.MouseButton.LeftButton, pos=first)
        assert panel.open_evidence.isEnabled()
        qtbot.mouseClick(panel.open_evidence, Qt.MouseButton.LeftButton)
        assert [url.toLocalFile() for url in opener.opened] == [str(tmp_path / "evidence" / "minutes.pdf")]
        # The file goes; opening says so, and the item stays.
        (tmp_path / "evidence" / "minutes.pdf").unlink()
        questions.script("show_problem", None)
        qtbot.keyClick(panel.evidence, Qt.Key.Key_Return)
        [(title, message)] = questions.questions("show_problem")
        assert title == "File not found"
        assert message.startswith(f"“evidence/minutes.pdf” cannot be found at {tmp_path / 'evidence' / 'minutes.pdf'}. "
                                  "It may have been moved, renamed or deleted. The evidence item is kept")
        assert len(opener.opened) == 1
        assert action.evidence == [item]
        qtbot.mouseClick(panel.remove_evidence, Qt.MouseButton.LeftButton)
        assert action.evidence == []
        assert panel.evidence.item(0).text() == "No evidence held yet."
        window.document.undo_stack.undo()
        assert action.evidence == [item]
        assert panel.evidence.item(0).data(ITEM_ID_ROLE) == item.id
    finally:
        close_window(window)


def test_a_revised_target_needs_a_reason_and_moves_the_position(tracking: MainWindow, qtbot: QtBot,
                                                               questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "S. Okafor")
    questions.script("ask_revised_target", NewTarget(TargetDate.parse("September 2026"), "Contractor late."))
    show_action(tracking, 0, 0)
    panel = tracking.views.panel
    model = tracking.views.progress.table.model()
    assert model.index(0, 6).data() == "Overdue"
    qtbot.mouseClick(panel.revise, Qt.MouseButton.LeftButton)
    action = tracking.document.plan.concerns[0].actions[0]
    assert action.target.format() == "May 2026"  # the published target stays
    assert action.current_target().format() == "September 2026"
    assert panel.revisions.item(0).text() == "Revised to September 2026 on 1 July 2026 by S. Okafor: Contractor late."
    assert panel.published_target.text().startswith("Published target: May 2026.")
    assert model.index(0, 6).data() == "On track"
    assert model.index(0, 4).data() == "May 2026\nRevised to September 2026"
    tracking.document.undo_stack.undo()
    assert action.target_revisions == []
    assert model.index(0, 6).data() == "Overdue"


def test_the_irp_judgements_and_the_concerns_standing(tracking: MainWindow, qtbot: QtBot) -> None:
    show_action(tracking, 0, 0)
    panel = tracking.views.panel
    assert panel.concern_standing.text() == "3 actions: 1 complete, 1 due soon, 1 overdue."
    assert panel.self_assessment.currentText() == "Not recorded"
    panel.self_assessment.setFocus()
    qtbot.keyClick(panel.self_assessment, Qt.Key.Key_End)  # Good progress
    panel.hmip_judgement.setFocus()
    qtbot.keyClick(panel.hmip_judgement, Qt.Key.Key_Down)
    qtbot.keyClick(panel.hmip_judgement, Qt.Key.Key_Down)  # Insufficient progress
    concern = tracking.document.plan.concerns[0]
    assert concern.self_assessment is IrpJudgement.GOOD_PROGRESS
    assert concern.hmip_judgement is IrpJudgement.INSUFFICIENT_PROGRESS
    stack = tracking.document.undo_stack
    assert [stack.text(n) for n in range(stack.count())] == [
        "Edit self-assessed progress", "Edit HMIP judgement", "Edit HMIP judgement"]
    stack.undo()
    stack.undo()
    assert concern.hmip_judgement is None
    assert panel.hmip_judgement.currentText() == "Not recorded"


def test_show_as_completed_sets_the_published_target_in_one_step(tracking: MainWindow, qtbot: QtBot,
                                                                questions: ScriptedQuestions) -> None:
    questions.script("ask_user_name", "S. Okafor")
    show_action(tracking, 1, 0)  # March 2027
    panel = tracking.views.panel
    assert not panel.show_completed.isVisibleTo(panel)
    tracking.views.recorder.set_status(tracking.document.plan.concerns[1].actions[0].id, ActionStatus.COMPLETE)
    assert panel.show_completed.isVisibleTo(panel)
    assert panel.completed_offer.text() == "It is complete, but the published plan still shows this action as due " \
                                           "in March 2027."
    adapter = tracking.validation.adapter
    action = tracking.document.plan.concerns[1].actions[0]
    assert "progress-complete-target-ahead" in {f.rule for f in adapter.item_findings(action.id)}
    qtbot.mouseClick(panel.show_completed, Qt.MouseButton.LeftButton)
    assert action.target.format() == "Completed"
    assert tracking.document.undo_stack.undoText() == "Show action as Completed"
    assert "progress-complete-target-ahead" not in {f.rule for f in adapter.item_findings(action.id)}
    assert not panel.show_completed.isVisibleTo(panel)
    tracking.document.undo_stack.undo()
    assert action.target.format() == "March 2027"


def test_the_name_can_be_changed_and_is_kept(tracking: MainWindow, qtbot: QtBot, questions: ScriptedQuestions) -> None:
    show_action(tracking, 0, 0)
    panel = tracking.views.panel
    assert panel.signed.text() == "Dated 1 July 2026. You will be asked your name the first time."
    questions.script("ask_user_name", "M. Brennan")
    qtbot.mouseClick(panel.change_name, Qt.MouseButton.LeftButton)
    assert panel.signed.text() == "Recorded as M. Brennan, dated 1 July 2026."
    assert tracking.views.settings.user_name() == "M. Brennan"
    questions.script("ask_user_name", "Mary Brennan")
    qtbot.mouseClick(panel.change_name, Qt.MouseButton.LeftButton)
    # The login is never offered as a name; the name given is, when it is changed.
    assert questions.questions("ask_user_name") == [("",), ("M. Brennan",)]


def test_the_section_folds_to_one_line_in_the_drafting_view(tracking: MainWindow, qtbot: QtBot) -> None:
    concern = tracking.document.plan.concerns[0]
    tracking.reveal(concern.id, concern.actions[1].id, "text")
    panel = tracking.views.panel
    assert not panel.expanded
    assert panel.folded_summary.text() == "In progress, 1 update, lead J. Patel"
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.expanded
    tracking.views.show_progress()
    tracking.views.show_drafting()
    assert panel.expanded  # the user's choice for the drafting view is kept


@pytest.mark.parametrize("size", [(1024, 700), (1400, 900)])
def test_the_inspector_fits_with_progress_open(tracking: MainWindow, size: tuple[int, int]) -> None:
    tracking.resize(*size)
    show_action(tracking, 0, 1)
    QApplication.processEvents()
    assert tracking.width() <= size[0]
    body = tracking.inspector.widget()
    assert body.minimumSizeHint().width() <= tracking.inspector.viewport().width()
    assert tracking.views.panel.isVisible()


def test_a_new_day_while_the_editor_is_open_counts_again(tracking: MainWindow,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    show_action(tracking, 0, 1)  # July 2026: due soon on 1 July
    action = tracking.document.plan.concerns[0].actions[1]
    adapter = tracking.validation.adapter
    assert "progress-overdue" not in {f.rule for f in adapter.item_findings(action.id)}
    monkeypatch.setenv("ACTIONPLAN_TODAY", dt.date(2026, 8, 1).isoformat())
    for watcher in (tracking.views.day, adapter.day):
        watcher.check()  # what the minute timer does
    assert tracking.views.progress.table.model().index(1, 6).data() == "Overdue"
    assert "progress-overdue" in {f.rule for f in adapter.item_findings(action.id)}
    assert tracking.views.panel.concern_standing.text() == "3 actions: 1 complete, 2 overdue."


def test_a_mouse_wheel_passing_over_the_status_records_nothing(tracking: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    show_action(tracking, 0, 0)
    panel = tracking.views.panel
    tracking.views.progress.table.setFocus()
    for box in (panel.status, panel.update_status, panel.self_assessment):
        before = box.currentIndex()
        wheel = QWheelEvent(QPointF(5, 5), QPointF(box.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, -120),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
                            False)
        QApplication.sendEvent(box, wheel)
        assert box.currentIndex() == before
    assert tracking.document.undo_stack.count() == 0


def test_an_action_undone_while_typing_about_it_sends_the_keyboard_to_the_view(tracking: MainWindow,
                                                                              qtbot: QtBot) -> None:
    from actionplan.model import Action
    from editor.edits.commands import AddAction

    concern = tracking.document.plan.concerns[0]
    added = Action(text="Added.", owner="Governor", target="March 2027")
    tracking.document.undo_stack.push(AddAction(tracking.document, concern.id, added))
    tracking.views.show_progress()
    tracking.reveal(concern.id, added.id, "status")
    QApplication.processEvents()
    panel = tracking.views.panel
    qtbot.mouseClick(panel.lead, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is panel.lead
    tracking.undo_action.trigger()  # Edit > Undo, with the mouse: the action goes
    focus = QApplication.focusWidget()
    assert focus is not None
    assert not tracking.inspector.isAncestorOf(focus)
    qtbot.keyClicks(focus, "7")
    assert all(c.reference == "" for c in tracking.document.plan.concerns)
