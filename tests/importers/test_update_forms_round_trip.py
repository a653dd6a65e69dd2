"""The whole round: forms sent from a realistic plan, filled in with openpyxl as leads would (with
every awkward thing people do to spreadsheets), read back, and the plan checked field by field.
Then the same forms read again add nothing, and the plan saves and opens with what was added."""

from __future__ import annotations

import copy
import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl.workbook.workbook import Workbook

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.progress import ActionStatus
from actionplan.returned_forms import Outcome, Proposal, apply, propose
from actionplan.storage import load_plan, save_plan
from actionplan.target_date import TargetDate
from actionplan.update_forms import SendTo
from exporters.update_forms import send_update_forms
from importers.update_forms import read_returned_form
from tests.update_form_helpers import SENT_ON, FormSheet, edit_form, realistic_plan

TODAY = dt.date(2027, 3, 20)
PRIYA, TOM, GRACE, DAN = ("Priya Shah, Head of Safety", "Tom Evans, Head of Residence",
                          "Grace Okafor, Head of Security", "Dan Hughes, Head of Learning")
FORMULA = '=A1&" cells searched"'


def saved(day: int) -> dt.datetime:
    return dt.datetime(2027, 3, day, 10, 30)


def ids(plan: Plan) -> list[str]:
    return [action.id for _concern, action in plan.all_actions()]


def fill_priya(ids_: list[str]) -> Any:
    def change(workbook: Workbook, form: FormSheet) -> None:
        form.answer(ids_[0], "New status", "Complete")
        form.answer(ids_[0], "Progress update", "All wing staff trained in the CSIP process.")
        form.answer(ids_[0], "Evidence", "Training register: https://intranet.example/csip-training.xlsx")
        form.answer(ids_[8], "New status", "in progress")
        form.answer(ids_[8], "Revised target date", "Mar 2027")
        form.answer(ids_[8], "Reason for new date", "Contractor started late")
        form.answer(ids_[12], "Revised target date", dt.datetime(2027, 6, 1), number_format="mmm-yy")
        form.answer(ids_[12], "Reason for new date", "Waiting for funding")
        form.answer(ids_[16], "Revised target date", "31/03/27")
        form.answer(ids_[16], "Progress update", "First meeting held on 2 March.")
        form.answer(ids_[20], "New status", "nearly done")
        form.answer(ids_[20], "Progress update", FORMULA)
        # What people do to spreadsheets:
        form.sort_by("Action", reverse=True)
        form.move_column("Progress update", 2)
        form.insert_column(5, "My notes", "remember to chase")
        form.rename("New status", "Status (new)")
        form.rename("Revised target date", "Revised target")
        form.rename("Progress update", "Progress updates")
        sheet = workbook["Your actions"]
        sheet.column_dimensions["D"].width = 90
        workbook.create_sheet("Scratch").append(["Progress update", "Evidence", "whatever"])

    def hide_a_row(workbook: Workbook, _form: FormSheet) -> None:
        sheet = workbook["Your actions"]
        sheet.auto_filter.ref = f"A1:O{sheet.max_row}"
        sheet.row_dimensions[3].hidden = True  # filtered out

    return change, hide_a_row


@pytest.fixture
def round_trip(tmp_path: Path) -> dict[str, Any]:
    plan = realistic_plan()
    action_ids = ids(plan)
    by_lead = send_update_forms(plan, tmp_path / "sent", SendTo.LEAD, sent_on=SENT_ON, plan_file="ashvale.actionplan")
    by_owner = send_update_forms(plan, tmp_path / "owners", SendTo.OWNER, sent_on=SENT_ON,
                                 plan_file="ashvale.actionplan")
    lead_forms = {form.name: form.path for form in by_lead.forms}
    owner_forms = {form.name: form.path for form in by_owner.forms}

    change, hide = fill_priya(action_ids)
    edit_form(lead_forms[PRIYA], change)
    edit_form(lead_forms[PRIYA], hide, saved=saved(8))

    def tom(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(action_ids[1], "New status", "In progress")
        form.answer(action_ids[1], "Progress update", "Half of the staff trained.")
        form.answer(action_ids[13], "Revised target date", dt.datetime(2027, 9, 30), number_format="dd/mm/yyyy")
        form.answer(action_ids[13], "Reason for new date", "New contractor")
        form.answer(action_ids[21], "Progress update", "Done, but this action has since been deleted.")

    edit_form(lead_forms[TOM], tom, saved=saved(10))

    def head_of_safety(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(action_ids[1], "New status", "done")
        form.answer(action_ids[1], "Progress update", "All staff trained now.")

    edit_form(owner_forms["Head of Safety"], head_of_safety, saved=saved(15))

    def dan(_workbook: Workbook, form: FormSheet) -> None:
        form.answer(action_ids[3], "New status", "Ongoing")
        form.answer(action_ids[3], "Progress update", "Library open four evenings a week.")
        del form.rows[form.index_of(action_ids[7])]  # a row deleted
        form.rows.append([None] * (len(form.headings) - 4) + ["A new idea typed into a row of its own.", None,
                                                               None, None])

    edit_form(lead_forms[DAN], dan, saved=saved(9))

    bad = tmp_path / "bad"
    bad.mkdir()
    grace = lead_forms[GRACE]
    files = {
        "csv": bad / "Progress update - Grace.csv",
        "xls": bad / "Progress update - Grace.xls",
        "password": bad / "Progress update - Grace (protected).xlsx",
        "not a workbook": bad / "Progress update - Grace (scan).xlsx",
        "zip bomb": bad / "Progress update - Grace (bomb).xlsx",
        "entities": bad / "Progress update - Grace (entities).xlsx",
    }
    files["csv"].write_text(f"Action id (do not change),Rec No,New status\n{action_ids[2]},1,Complete\n"
                            f"{action_ids[6]},2,In progress\n", encoding="utf-8")
    files["xls"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    files["password"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
                                  + "EncryptedPackage".encode("utf-16-le"))
    files["not a workbook"].write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    with zipfile.ZipFile(grace) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    for key, extra in (("zip bomb", {"xl/worksheets/sheet9.xml": b" " * (6 * 1024 * 1024)}),
                       ("entities", {"xl/sharedStrings.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><sst>&a;</sst>'})):
        with zipfile.ZipFile(files[key], "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in {**parts, **extra}.items():
                archive.writestr(name, data)

    elsewhere = Plan(details=PlanDetails(establishment="HMP Elsewhere"), concerns=[
        Concern(category=Category.PRIORITY, text="Elsewhere.", actions=[
            Action(text="Not in this plan.", owner="Governor", lead=PRIYA, target="May 2027")])])
    other = send_update_forms(elsewhere, tmp_path / "elsewhere", sent_on=SENT_ON,
                              plan_file="elsewhere.actionplan").forms[0].path

    def answer_other(_workbook: Workbook, form: FormSheet) -> None:
        form.rows[0][form.column("Progress update")] = "An answer for another prison's plan."

    edit_form(other, answer_other, saved=saved(9))

    # An action deleted from the plan after the forms went out.
    deleted = action_ids[21]
    for concern in plan.concerns:
        concern.actions = [action for action in concern.actions if action.id != deleted]
    paths = [owner_forms["Head of Safety"], lead_forms[PRIYA], lead_forms[TOM], lead_forms[DAN], *files.values(),
             other]
    return {"plan": plan, "ids": action_ids, "paths": paths, "files": files, "other": other}


def read_all(plan: Plan, paths: list[Path]) -> Proposal:
    return propose(plan, [read_returned_form(path) for path in paths], TODAY, "ashvale.actionplan")


def update(on: int, author: str, text: str, status: ActionStatus | None) -> tuple[Any, ...]:
    return (dt.date(2027, 3, on), author, text, status)


def test_a_realistic_round_of_forms_is_read_back_field_by_field(round_trip: dict[str, Any]) -> None:
    plan: Plan = round_trip["plan"]
    action_ids: list[str] = round_trip["ids"]
    before = {action.id: copy.deepcopy(action) for _c, action in plan.all_actions()}
    proposal = read_all(plan, round_trip["paths"])

    # The preview: what cannot be used, and why, in the user's words.
    problems = {form.file_name: form.problem for form in proposal.forms if form.problem}
    files: dict[str, Path] = round_trip["files"]
    assert "saved as a CSV file" in problems[files["csv"].name]
    assert "old Excel 97–2003 format (.xls)" in problems[files["xls"].name]
    assert "protected with a password" in problems[files["password"].name]
    assert "is not an Excel workbook" in problems[files["not a workbook"].name]
    assert "zip bomb" in problems[files["zip bomb"].name]
    assert "XML that Excel never writes" in problems[files["entities"].name]
    assert "sent from the action plan for HMP Elsewhere (elsewhere.actionplan)" in problems[round_trip["other"].name]
    assert len(problems) == 7
    rows = {(row.form.sent_to, row.action_id): row for row in proposal.rows()}
    assert "Write the year in full" in rows[(PRIYA, action_ids[16])].problems[0]
    assert "“nearly done” is not one of the choices" in rows[(PRIYA, action_ids[20])].problems[0]
    assert "no longer in the plan" in rows[(TOM, action_ids[21])].problems[0]
    (typed_by_hand,) = [row for row in proposal.rows() if not row.action_id]
    assert "no action id" in typed_by_hand.problems[0]
    assert "both are kept, in date order" in " ".join(rows[(TOM, action_ids[1])].notes)
    assert "both are kept, in date order" in " ".join(rows[("Head of Safety", action_ids[1])].notes)
    assert rows[(DAN, action_ids[11])].outcome is Outcome.EMPTY
    assert (DAN, action_ids[7]) not in rows  # its row was deleted

    changed = apply(plan, proposal)
    assert set(changed) == {action_ids[n] for n in (0, 1, 3, 8, 12, 13, 16, 20)}
    actions = {action.id: action for _c, action in plan.all_actions()}

    def check(number: int, status: ActionStatus, updates: list[tuple[Any, ...]],
              revisions: list[tuple[Any, ...]] = (), evidence: list[tuple[Any, ...]] = ()) -> None:  # type: ignore[assignment]
        action, old = actions[action_ids[number]], before[action_ids[number]]
        assert action.status is status
        assert [(u.on, u.author, u.text, u.status) for u in action.updates[len(old.updates):]] == updates
        assert action.updates[:len(old.updates)] == old.updates
        assert [(r.target, r.reason, r.made_on, r.by) for r in action.target_revisions[len(old.target_revisions):]] \
            == list(revisions)
        assert [(e.description, e.link, e.added_on, e.added_by) for e in action.evidence] == list(evidence)
        assert (action.text, action.owner, action.target, action.lead) == (old.text, old.owner, old.target, old.lead)

    check(0, ActionStatus.COMPLETE, [update(8, PRIYA, "All wing staff trained in the CSIP process.",
                                            ActionStatus.COMPLETE)],
          evidence=[("Training register: https://intranet.example/csip-training.xlsx",
                     "https://intranet.example/csip-training.xlsx", dt.date(2027, 3, 8), PRIYA)])
    check(1, ActionStatus.COMPLETE, [update(10, TOM, "Half of the staff trained.", ActionStatus.IN_PROGRESS),
                                     update(15, "Head of Safety", "All staff trained now.", ActionStatus.COMPLETE)])
    check(3, ActionStatus.ONGOING, [update(9, DAN, "Library open four evenings a week.", ActionStatus.ONGOING)])
    check(8, ActionStatus.IN_PROGRESS, [update(8, PRIYA, "", ActionStatus.IN_PROGRESS)],
          revisions=[(TargetDate.of_month(2027, 3), "Contractor started late", dt.date(2027, 3, 8), PRIYA)])
    check(12, ActionStatus.IN_PROGRESS, [],
          revisions=[(TargetDate.of_month(2027, 6), "Waiting for funding", dt.date(2027, 3, 8), PRIYA)])
    check(13, ActionStatus.NOT_STARTED, [],
          revisions=[(TargetDate.of_date(dt.date(2027, 9, 30)), "New contractor", dt.date(2027, 3, 10), TOM)])
    check(16, ActionStatus.NOT_STARTED, [update(8, PRIYA, "First meeting held on 2 March.", None)])
    check(20, ActionStatus.NOT_STARTED, [update(8, PRIYA, FORMULA, None)])
    for action_id, action in actions.items():
        if action_id not in changed:
            assert action == before[action_id]

    # The same forms again add nothing.
    once = plan.model_dump()
    again = read_all(plan, round_trip["paths"])
    assert again.changes() == []
    assert again.count(Outcome.ALREADY_READ) == len(proposal.changes())
    apply(plan, again)
    assert plan.model_dump() == once


def test_what_was_recorded_is_saved_and_still_known_as_read(round_trip: dict[str, Any], tmp_path: Path) -> None:
    plan: Plan = round_trip["plan"]
    apply(plan, read_all(plan, round_trip["paths"]))
    path = tmp_path / "ashvale.actionplan"
    save_plan(plan, path)
    reopened = load_plan(path)
    assert reopened == plan
    assert read_all(reopened, round_trip["paths"]).changes() == []
