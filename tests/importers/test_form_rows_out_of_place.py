"""A lead who sorts only the columns they can see moves the words and their answers but not the
hidden ids: each row's answers must still reach the action the lead answered beside, or not be
used at all. And what a lead types into a column that is only there to be read is reported,
never silently dropped."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook

from actionplan.model import Plan
from actionplan.returned_forms import Outcome, apply, propose
from actionplan.update_forms import ACTIONS_SHEET, SendTo
from exporters.update_forms import send_update_forms
from importers.update_forms import read_returned_form
from tests.update_form_helpers import SENT_ON, FormSheet, edit_form, realistic_plan

from .test_update_forms_round_trip import TODAY


def a_form(plan: Plan, folder: Path) -> tuple[Path, list[str]]:
    """The form with the most actions, and its action ids in the order sent."""
    sent = send_update_forms(plan, folder, SendTo.LEAD, sent_on=SENT_ON, plan_file="ashvale.actionplan")
    form = max(sent.forms, key=lambda made: made.actions)
    sheet = load_workbook(form.path, read_only=True)[ACTIONS_SHEET]
    ids = [str(row[0]) for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    return form.path, ids


def test_answers_stay_with_the_words_when_the_hidden_ids_were_not_sorted(tmp_path: Path) -> None:
    plan = realistic_plan()
    path, action_ids = a_form(plan, tmp_path)
    actions = {action.id: action for _concern, action in plan.all_actions()}
    assert len(action_ids) >= 4

    def answer_then_sort(_workbook: Workbook, form: FormSheet) -> None:
        for action_id in action_ids:
            form.answer(action_id, "Progress update", f"News about: {actions[action_id].text[:40].strip()}")
        before = [row[form.column("Action")] for row in form.rows]
        form.sort_visible_only("Action", reverse=True)
        assert [row[form.column("Action")] for row in form.rows] != before  # the rows really moved

    edit_form(path, answer_then_sort)
    proposal = propose(plan, [read_returned_form(path)], TODAY, "ashvale.actionplan")
    assert proposal.count(Outcome.CHANGES) == len(action_ids)
    moved = [row for row in proposal.rows() if "sorted without its hidden column" in " ".join(row.notes)]
    assert moved  # the preview says what happened
    apply(plan, proposal)
    for action_id in action_ids:
        action = actions[action_id]
        assert action.updates[-1].text == f"News about: {action.text[:40].strip()}"


def test_words_shared_by_two_actions_leave_the_answers_unused(tmp_path: Path) -> None:
    plan = realistic_plan()
    path, action_ids = a_form(plan, tmp_path)
    actions = {action.id: action for _concern, action in plan.all_actions()}
    first, second, third = (actions[action_id] for action_id in action_ids[:3])
    second.text = third.text  # two actions in the form with the same words

    def answer_in_the_wrong_row(_workbook: Workbook, form: FormSheet) -> None:
        # The first row shows the shared words but keeps the first action's id.
        form.rows[form.index_of(first.id)][form.column("Action")] = third.text
        form.answer(first.id, "Progress update", "Which action is this for?")

    edit_form(path, answer_in_the_wrong_row)
    proposal = propose(plan, [read_returned_form(path)], TODAY, "ashvale.actionplan")
    row = next(row for row in proposal.rows() if row.problems)
    assert row.outcome is Outcome.NOT_USED
    assert "not clear which action" in " ".join(row.problems)
    apply(plan, proposal)
    assert all(update.text != "Which action is this for?" for action in (first, second, third)
               for update in action.updates)


def test_words_typed_into_status_and_current_target_are_reported(tmp_path: Path) -> None:
    plan = realistic_plan()
    path, action_ids = a_form(plan, tmp_path)
    actions = {action.id: action for _concern, action in plan.all_actions()}
    status_row, target_row, untouched = action_ids[:3]
    statuses_before = {action_id: action.status for action_id, action in actions.items()}

    def type_in_the_wrong_columns(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(status_row, "Status", "Complete")
        form.answer(target_row, "Current target", "September 2027")

    edit_form(path, type_in_the_wrong_columns)
    proposal = propose(plan, [read_returned_form(path)], TODAY, "ashvale.actionplan")
    by_id = {row.action_id: row for row in proposal.rows()}
    assert by_id[status_row].outcome is Outcome.NOT_USED
    assert "typed in the Status column" in " ".join(by_id[status_row].problems)
    assert "typed in the Current target column" in " ".join(by_id[target_row].problems)
    assert by_id[untouched].outcome is Outcome.EMPTY
    assert not by_id[untouched].problems
    apply(plan, proposal)
    assert {action_id: action.status for action_id, action in actions.items()} == statuses_before


def test_a_form_sent_and_returned_untouched_reports_nothing(tmp_path: Path) -> None:
    plan = realistic_plan()
    path, _action_ids = a_form(plan, tmp_path)
    edit_form(path, lambda _workbook, _form: None)
    proposal = propose(plan, [read_returned_form(path)], TODAY, "ashvale.actionplan")
    assert all(row.outcome is Outcome.EMPTY and not row.problems and not row.notes for row in proposal.rows())
