"""What people really write survives export and import, row by row (issue 15, items 4 to 7).

Actions that start in lower case or with "(See also…)", concerns and owners that use the
table's heading words, draft actions with nothing but text, an action that says "Not set", a
short concern ending "(continued)", an introduction paragraph starting "Action plan", stacked
actions numbered 1, 2, 3, and target dates nobody can read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.model import STANDARD_INTRODUCTION, Action, Category, Concern, Plan, PlanDetails
from actionplan.validation import validate
from importers.docx_import import ImportResult, import_docx
from importers.report import NoteKind
from tests.fixtures.build_docx_fixtures import W_NS, cell, paragraph, row, table, write_docx
from tests.importers.conftest import plan_content

docx_export = pytest.importorskip("exporters.docx_export")
options = pytest.importorskip("exporters.options")

EXPORT_CHOICES = {
    "accessible": options.ExportOptions(layout=options.Layout.ACCESSIBLE, draft=True),
    "classic": options.ExportOptions(layout=options.Layout.CLASSIC, draft=True),
    "classic-merged": options.ExportOptions(layout=options.Layout.CLASSIC, merge_concern_cells=True, draft=True),
}
HEADINGS = ("1. Rec No", "2. Concerns", "3. Response Action Taken/Planned", "4. Responsible Owner", "5. Target Date")


def _plan(*concerns: Concern, introduction: str = STANDARD_INTRODUCTION) -> Plan:
    return Plan(details=PlanDetails(establishment="HMP Ashvale", introduction=introduction), concerns=list(concerns))


def _round_trip(plan: Plan, choice: str, folder: Path) -> ImportResult:
    path = folder / f"{choice}.docx"
    docx_export.export_docx(plan, path, EXPORT_CHOICES[choice])
    return import_docx(path)


def _same(result: ImportResult, plan: Plan) -> None:
    got, expected = plan_content(result.plan), plan_content(plan)
    assert got[0] == expected[0]
    assert list(got[1]) == list(expected[1]), result.report.format()


def _table_document(folder: Path, rows: list[tuple[list[str], ...]]) -> Path:
    """A hand-made Word plan: one table, each row given as a list of paragraphs per cell."""
    header = row([cell([paragraph(text)]) for text in HEADINGS], header=True)
    body = [row([cell([paragraph(text) for text in paragraphs]) for paragraphs in values]) for values in rows]
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph("Action Plan: HMP Ashvale")}'
                f"{table([header, *body], 5)}</w:body></w:document>")
    return write_docx(folder / "hand-made.docx", document)


# Item 4: an action whose first word is in lower case or in brackets is a row of its own ---------


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_an_action_starting_in_lower_case_or_a_bracket_keeps_its_owner_and_date(choice: str, tmp_path: Path) -> None:
    plan = _plan(Concern(text="Staff training was poor.", actions=[
        Action(text="A training plan will be written.", owner="Governor", target="December 2026"),
        Action(text="e-learning will be offered to every officer.\nCompletion will be checked monthly.",
               owner="Head of Learning", target="March 2027"),
        Action(text="(See also key concern 2.) The prison will audit the training records.\nResults go to the "
                    "monthly meeting.", owner="Head of Safety", target="Completed"),
        Action(text="in the meantime, mentors will support new staff", owner="Head of Residence", target="June 2027"),
        Action(text="Last action.", owner="Deputy Governor", target="July 2027"),
    ]))
    result = _round_trip(plan, choice, tmp_path)
    _same(result, plan)
    assert not result.report.of_kind(NoteKind.GUESSED)


def test_a_row_of_stacked_actions_cut_mid_sentence_by_a_page_break_is_still_joined_up(tmp_path: Path) -> None:
    """A plan made from a PDF has a row of stacked actions cut in two where a page ended: the
    second part starts with the rest of a sentence, beside the owners of the actions after it."""
    path = _table_document(tmp_path, [
        (["1."], ["Drugs were too freely available."],
         ["A fortnightly meeting has been set up.", "The prison will continue to work with the regional security"],
         ["Governor", "Head of Security"], ["Completed", "July 2026"]),
        ([], [], ["team to secure resources for larger operations.", "A monthly training session is in place."],
         ["Governor"], ["September 2026"]),
    ])
    result = import_docx(path)
    assert [(a.text, a.owner, a.target.format()) for a in result.plan.concerns[0].actions] == [
        ("A fortnightly meeting has been set up.", "Governor", "Completed"),
        ("The prison will continue to work with the regional security team to secure resources for larger "
         "operations.", "Head of Security", "July 2026"),
        ("A monthly training session is in place.", "Governor", "September 2026"),
    ]
    (guess,) = result.report.of_kind(NoteKind.GUESSED)
    assert "cut by a page break" in guess.message


# Item 5: only the real header row is a header --------------------------------------------------

HEADING_WORDS = Concern(text="Concerns raised by prisoners were not answered.", actions=[
    Action(text="An action plan for complaints will be written.", owner="Head of Safety, responsible for complaints",
           target="December 2026"),
    Action(text="Action", owner="Responsible owner", target="Target date"),
])


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
@pytest.mark.parametrize("category", list(Category))
def test_a_concern_whose_cells_use_the_headings_words_is_imported(choice: str, category: Category,
                                                                   tmp_path: Path) -> None:
    concern = HEADING_WORDS.model_copy(deep=True)
    concern.category = category
    plan = _plan(
        Concern(text="First concern.", actions=[Action(text="First action.", owner="Governor", target="May 2026")]),
        concern,
        Concern(category=Category.KEY, text="The next concern.", actions=[
            Action(text="Next action.", owner="Governor", target="June 2026"),
        ]),
    )
    result = _round_trip(plan, choice, tmp_path)
    _same(result, plan)
    assert result.report.concerns == 3


def test_a_row_of_heading_words_first_in_a_table_broken_across_pages_is_plan_text(tmp_path: Path) -> None:
    """A table that runs on from the plan table has the real header row again, or none."""
    first = row([cell([paragraph(text)]) for text in HEADINGS], header=True) + row(
        [cell([paragraph(text)]) for text in ("1.", "Visits started late.", "A recording sheet is used.",
                                               "Governor", "Completed")])
    runs_on = row([cell([paragraph(text)]) for text in ("2.", "Concerns about food", "Action plan review",
                                                        "Responsible manager", "Target date agreed")])
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph("Action Plan: HMP Ashvale")}'
                f"{table([first], 5)}{paragraph()}{table([runs_on], 5)}</w:body></w:document>")
    result = import_docx(write_docx(tmp_path / "broken.docx", document))
    assert [c.text for c in result.plan.concerns] == ["Visits started late.", "Concerns about food"]
    action = result.plan.concerns[1].actions[0]
    assert (action.text, action.owner, action.target.format()) == ("Action plan review", "Responsible manager",
                                                                   "Target date agreed")


def test_every_row_of_the_document_is_in_the_plan_or_the_report(tmp_path: Path) -> None:
    rows = [
        ([], [], [], [], ["June 2026"]),
        (["1."], ["Concerns raised by prisoners"], ["Action plan review"], ["Responsible manager"], ["Target date"]),
        ([], [], ["Action"], ["Responsible owner"], ["Target date"]),
        tuple([heading] for heading in HEADINGS),
        ([], [], [], ["Head of Residence"], ["July 2026"]),
        (["Progress"], ["Owner"], ["Action"], ["Responsible"], ["Date"]),
    ]
    result = import_docx(_table_document(tmp_path, rows))
    placed = [text for concern in result.plan.concerns for text in (concern.reference, concern.text)]
    placed += [value for concern in result.plan.concerns for action in concern.actions
               for value in (action.text, action.owner, action.target.format())]
    noted = " ".join(note.text for note in result.report.notes)
    for values in rows[:3] + rows[4:]:
        for text in (text for paragraphs in values for text in paragraphs):
            assert text.rstrip(".") in placed or text in noted, text
    assert not result.report.is_clean


# Item 6: drafts, and an action that says "Not set" ----------------------------------------------


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_a_draft_action_with_no_owner_or_target_stays_an_action_of_its_own(choice: str, tmp_path: Path) -> None:
    plan = _plan(Concern(text="Visits started late.", actions=[
        Action(text="A recording sheet is used.", owner="Governor", target="Completed"),
        Action(text="A draft action with nothing else yet."),
        Action(text="An action with an owner only.", owner="Head of Residence"),
        Action(text="An action with a date only.", target="March 2027"),
        Action(owner="Governor", target="April 2027"),
        Action(),
        Action(text="Last action.", owner="Governor", target="May 2027"),
    ]), Concern(text="A concern with no actions yet."))
    _same(_round_trip(plan, choice, tmp_path), plan)


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_an_action_or_concern_that_says_not_set_keeps_its_words(choice: str, tmp_path: Path) -> None:
    plan = _plan(Concern(text="Not set", actions=[
        Action(text="Not set", owner="Governor", target="Completed"),
        Action(text="No actions yet", owner="Governor", target="June 2027"),
    ]))
    _same(_round_trip(plan, choice, tmp_path), plan)


def test_not_set_typed_in_owner_and_target_cells_still_means_none(tmp_path: Path) -> None:
    """Documents from earlier versions of the exporter, and people, write a plain "Not set"."""
    path = _table_document(tmp_path, [
        (["1."], ["Visits started late."], ["A recording sheet is used."], ["Governor"], ["Completed"]),
        ([], [], ["A draft action."], ["Not set"], ["Not set"]),
    ])
    actions = import_docx(path).plan.concerns[0].actions
    assert [(a.text, a.owner, a.target.is_set) for a in actions] == [
        ("A recording sheet is used.", "Governor", True), ("A draft action.", "", False),
    ]


# Item 7: smaller losses -------------------------------------------------------------------------


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_a_short_concern_ending_continued_keeps_its_words(choice: str, tmp_path: Path) -> None:
    plan = _plan(
        Concern(text="Staffing shortages (continued)", actions=[
            Action(text="Recruitment will go on.", owner="Governor", target="May 2026"),
            Action(text="Agency staff will be used.", owner="Governor", target="June 2026"),
        ]),
        Concern(text="Concern 1 (continued)", actions=[Action(text="An action.", owner="Governor", target="Ongoing")]),
    )
    _same(_round_trip(plan, choice, tmp_path), plan)


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_an_introduction_paragraph_starting_action_plan_is_kept(choice: str, tmp_path: Path) -> None:
    introduction = f"{STANDARD_INTRODUCTION}\nAction plan progress will be reported to the board every month."
    plan = _plan(Concern(text="A concern.", actions=[Action(text="An action.", owner="Governor", target="May 2026")]),
                 introduction=introduction)
    result = _round_trip(plan, choice, tmp_path)
    assert result.plan.details.introduction == introduction


def test_a_paragraph_starting_action_plan_after_the_table_is_reported(tmp_path: Path) -> None:
    header = row([cell([paragraph(text)]) for text in HEADINGS], header=True)
    data = row([cell([paragraph(text)]) for text in ("1.", "A concern.", "An action.", "Governor", "Completed")])
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph("Action Plan: HMP Ashvale")}'
                f"{table([header, data], 5)}{paragraph('Action plan agreed by the senior team.')}"
                "</w:body></w:document>")
    result = import_docx(write_docx(tmp_path / "after.docx", document))
    assert result.plan.details.establishment == "HMP Ashvale"
    assert [note.text for note in result.report.of_kind(NoteKind.NOT_IMPORTED)] == [
        "Action plan agreed by the senior team."]


def test_the_action_plan_heading_after_the_introduction_is_still_a_heading(tmp_path: Path) -> None:
    header = row([cell([paragraph(text)]) for text in HEADINGS], header=True)
    data = row([cell([paragraph(text)]) for text in ("1.", "A concern.", "An action.", "Governor", "Completed")])
    document = (f'<w:document xmlns:w="{W_NS}"><w:body>{paragraph("INTRODUCTION")}{paragraph(STANDARD_INTRODUCTION)}'
                f"{paragraph('ACTION PLAN: HMP Ashvale')}{table([header, data], 5)}</w:body></w:document>")
    result = import_docx(write_docx(tmp_path / "heading.docx", document))
    assert (result.plan.details.establishment, result.plan.details.introduction) == ("HMP Ashvale",
                                                                                     STANDARD_INTRODUCTION)
    assert not result.report.of_kind(NoteKind.NOT_IMPORTED)


def test_numbers_on_stacked_actions_are_left_out_and_the_report_says_so(tmp_path: Path) -> None:
    path = _table_document(tmp_path, [
        (["1."], ["Visits started late."], ["1. A recording sheet is used.", "2) Late starts go to the meeting.",
                                            "3. The duty governor checks visits."],
         ["Governor", "Head of Residence", "Governor"], ["Completed", "June 2026", "July 2026"]),
        ([], [], ["4. A numbered action on its own keeps its number."], ["Governor"], ["August 2026"]),
    ])
    result = import_docx(path)
    assert [a.text for a in result.plan.concerns[0].actions] == [
        "A recording sheet is used.", "Late starts go to the meeting.", "The duty governor checks visits.",
        "4. A numbered action on its own keeps its number.",
    ]
    (guess,) = result.report.of_kind(NoteKind.GUESSED)
    assert guess.message == ("The 3 actions stacked in this row were numbered 1 to 3; the numbers were left out, "
                             "as each is an action of its own in the plan.")


@pytest.mark.parametrize("choice", list(EXPORT_CHOICES))
def test_target_dates_not_understood_are_listed_in_the_report(choice: str, tmp_path: Path) -> None:
    plan = _plan(Concern(text="A concern.", actions=[
        Action(text="First.", owner="Governor", target="31/03/27"),
        Action(text="Second.", owner="Governor", target="Q2 2027"),
        Action(text="Third.", owner="Governor", target="March 2027"),
    ]))
    result = _round_trip(plan, choice, tmp_path)
    _same(result, plan)
    listed = [note.text for note in result.report.of_kind(NoteKind.WARNING) if "target date" in note.message]
    assert listed == ["31/03/27", "Q2 2027"]
    shown = [f for f in validate(result.plan) if f.rule == "target-unrecognised"]
    assert len(shown) == len(listed)
    assert "Write the year in full" in result.report.format()


def test_the_importer_knows_the_exporters_placeholder_words_and_style() -> None:
    from exporters import plan_layout
    from exporters import wordml as written
    from importers import wordml as read

    assert read.PLACEHOLDER_STYLE == written.PLACEHOLDER_STYLE
    assert {plan_layout.NOT_SET, plan_layout.NO_ACTIONS} == read.PLACEHOLDER_WORDS
