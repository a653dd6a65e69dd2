"""The progress view's model and filter: a thin adapter over the plan that follows every edit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.recording import record_update
from actionplan.tracking import Position
from editor.edits.commands import AddAction, DeleteAction, FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.edits.progress_commands import RecordProgress
from editor.progress.progress_filter import NO_LEAD, FilteredProgress, ProgressFilter
from editor.progress.progress_model import ProgressColumn, ProgressModel
from tests.editor.progress.progress_fakes import TODAY, tracked_plan

Statuses = list[tuple[str, ActionStatus]]


def model_of(document: PlanDocument, statuses: Statuses | None = None) -> ProgressModel:
    chosen = statuses if statuses is not None else []
    model = ProgressModel(document, lambda action_id, status: chosen.append((action_id, status)), lambda: TODAY)
    model.set_awake(True)
    return model


def column(model: ProgressModel | FilteredProgress, which: ProgressColumn) -> list[str]:
    return [model.index(row, which).data() for row in range(model.rowCount())]


def test_the_model_passes_qts_model_tests_while_edited(qtmodeltester: ModelTester) -> None:
    document = PlanDocument(tracked_plan())
    model = model_of(document)
    qtmodeltester.check(model)
    concern = document.plan.concerns[0]
    document.undo_stack.push(AddAction(document, concern.id, Action(text="New.")))
    document.undo_stack.push(SetField(document, FieldRef(concern.id, concern.actions[0].id, "lead"), "R. Kaur"))
    document.undo_stack.undo()
    document.undo_stack.undo()
    qtmodeltester.check(model)
    assert model.rowCount() == 5


def test_the_filter_passes_qts_model_tests(qtmodeltester: ModelTester) -> None:
    filtered = FilteredProgress(model_of(PlanDocument(tracked_plan())))
    filtered.set_filter(ProgressFilter(positions=frozenset({Position.OVERDUE, Position.DUE_SOON})))
    qtmodeltester.check(filtered)


def test_one_row_per_action_with_the_published_columns_then_progress(qapp: object) -> None:
    model = model_of(PlanDocument(tracked_plan()))
    headings = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headings == ["Rec No", "Concerns", "Response action taken/planned", "Responsible owner", "Target date",
                        "Status", "Position", "Lead", "Latest update"]
    assert column(model, ProgressColumn.REC_NO) == ["1", "1", "1", "2", "2"]
    assert column(model, ProgressColumn.POSITION) == ["Overdue", "Due soon", "Complete", "On track", "No date"]
    assert column(model, ProgressColumn.STATUS) == ["Not started", "In progress", "Complete", "Not started",
                                                    "Not started"]
    assert column(model, ProgressColumn.LATEST)[1] == "1 June 2026, J. Patel: Started the survey."
    assert column(model, ProgressColumn.TARGET)[4] == "Not set"


def test_position_is_words_with_a_tint_and_a_reason(qapp: object) -> None:
    model = model_of(PlanDocument(tracked_plan()))
    overdue = model.index(0, ProgressColumn.POSITION)
    assert overdue.data() == "Overdue"
    assert overdue.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert overdue.data(Qt.ItemDataRole.ToolTipRole) == "Overdue: its target, May 2026, had passed on 1 July 2026."
    assert overdue.data(Qt.ItemDataRole.AccessibleTextRole) == "Position: Overdue"


def test_asleep_it_has_no_rows_and_pays_nothing_for_edits(qapp: object) -> None:
    document = PlanDocument(tracked_plan())
    model = model_of(document)
    model.set_awake(False)
    assert model.rowCount() == 0
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.modelReset.connect(lambda: changed.append("reset"))
    concern = document.plan.concerns[0]
    document.undo_stack.push(SetField(document, FieldRef(concern.id, concern.actions[0].id, "text"), "Changed."))
    document.undo_stack.push(DeleteAction(document, concern.actions[0].id))
    assert changed == []
    model.set_awake(True)
    assert column(model, ProgressColumn.ACTION)[0] == "Repair windows."


def test_recorded_progress_changes_its_row_only(qapp: object) -> None:
    document = PlanDocument(tracked_plan())
    model = model_of(document)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    action = document.plan.concerns[0].actions[0]
    document.undo_stack.push(RecordProgress(document, [action.id], lambda found: record_update(
        found[action.id], TODAY, "J. Patel", "Done.", ActionStatus.COMPLETE) and None, "Update"))
    assert changed == [(0, 0)]
    assert model.index(0, ProgressColumn.POSITION).data() == "Complete"
    assert model.index(0, ProgressColumn.LATEST).data() == "1 July 2026, J. Patel: Done."
    document.undo_stack.undo()
    assert model.index(0, ProgressColumn.POSITION).data() == "Overdue"


def test_status_and_lead_are_edited_through_the_undo_stack(qapp: object) -> None:
    document = PlanDocument(tracked_plan())
    chosen: Statuses = []
    model = model_of(document, chosen)
    status, lead = model.index(0, ProgressColumn.STATUS), model.index(0, ProgressColumn.LEAD)
    assert model.flags(status) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, ProgressColumn.ACTION)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(status, ActionStatus.IN_PROGRESS)
    assert not model.setData(status, ActionStatus.NOT_STARTED)  # what it is already
    assert chosen == [(document.plan.concerns[0].actions[0].id, ActionStatus.IN_PROGRESS)]
    assert model.setData(lead, "  S.  Okafor ")
    assert document.plan.concerns[0].actions[0].lead == "S. Okafor"
    assert document.undo_stack.undoText() == "Edit lead"
    document.set_read_only(True)
    assert not model.flags(lead) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(lead, "Someone else")


def test_filters_by_position_lead_owner_and_status(qapp: object) -> None:
    filtered = FilteredProgress(model_of(PlanDocument(tracked_plan())))

    def shown(choice: ProgressFilter) -> list[str]:
        filtered.set_filter(choice)
        return column(filtered, ProgressColumn.ACTION)

    assert len(shown(ProgressFilter())) == 5
    assert shown(ProgressFilter(positions=frozenset({Position.OVERDUE}))) == ["Survey every cell."]
    assert shown(ProgressFilter(positions=frozenset({Position.OVERDUE, Position.DUE_SOON}))) == [
        "Survey every cell.", "Repair windows."]
    assert shown(ProgressFilter(lead="A. Hughes")) == ["Open visits on time."]
    assert shown(ProgressFilter(lead=NO_LEAD)) == ["Survey every cell.", "Publish a regime.",
                                                   "Review the visits booking line."]
    assert shown(ProgressFilter(owner="Governor")) == ["Publish a regime.", "Review the visits booking line."]
    assert shown(ProgressFilter(status=ActionStatus.IN_PROGRESS, owner="Head of Residence")) == ["Repair windows."]


def test_a_concern_is_named_on_the_first_row_of_its_group(qapp: object) -> None:
    filtered = FilteredProgress(model_of(PlanDocument(tracked_plan())))
    assert column(filtered, ProgressColumn.CONCERN) == ["Cells were cramped.", "", "", "Visits started late.", ""]
    filtered.set_filter(ProgressFilter(owner="Governor"))
    assert column(filtered, ProgressColumn.CONCERN) == ["Cells were cramped.", "Visits started late."]
    assert filtered.index(1, ProgressColumn.CONCERN).data(Qt.ItemDataRole.ToolTipRole) == "Visits started late."


def test_a_row_whose_status_changes_leaves_a_filter_it_no_longer_passes(qapp: object) -> None:
    document = PlanDocument(tracked_plan())
    filtered = FilteredProgress(model_of(document))
    filtered.set_filter(ProgressFilter(positions=frozenset({Position.OVERDUE})))
    action = document.plan.concerns[0].actions[0]
    document.undo_stack.push(RecordProgress(document, [action.id], lambda found: record_update(
        found[action.id], TODAY, "J. Patel", "", ActionStatus.COMPLETE) and None, "Update"))
    assert filtered.rowCount() == 0
    document.undo_stack.undo()
    assert filtered.rowCount() == 1


def test_the_day_it_counts_from_is_taken_again_on_waking(qapp: object) -> None:
    days = iter([dt.date(2026, 4, 1), dt.date(2026, 4, 1), dt.date(2026, 6, 1)])
    model = ProgressModel(PlanDocument(tracked_plan()), lambda *_: None, lambda: next(days))
    model.set_awake(True)
    assert model.index(0, ProgressColumn.POSITION).data() == "On track"
    model.refresh()
    assert model.index(0, ProgressColumn.POSITION).data() == "Overdue"
