"""The Word progress report, read back with independent readers (docx2python, mammoth) and checked
against the OOXML schemas and GOV.UK's rules for Word documents."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import mammoth
import pytest
from docx2python import docx2python
from lxml import etree

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.progress import ActionStatus
from exporters.progress_export import export_progress_report
from exporters.progress_rows import ProgressOptions
from exporters.selfcheck import check_docx
from tests.exporters.progress_plans import AS_OF, plan_with_progress, recommendations_plan_with_progress
from tests.exporters.readback import SCHEMA_CHECK

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



Body = list[list[list[list[str]]]]


def report(plan: Plan, tmp_path: Path, as_of: dt.date = AS_OF, **options: int) -> Path:
    path = tmp_path / "progress.docx"
    export_progress_report(plan, path, ProgressOptions(as_of, **options))
    return path


def read_body(path: Path) -> Body:
    with docx2python(path) as document:
        return document.body  # type: ignore[no-any-return]


def paragraphs_outside_tables(body: Body) -> list[str]:
    return [text for table in body if len(table) == 1 and len(table[0]) == 1 for text in table[0][0] if text]


def tables(body: Body) -> list[list[list[list[str]]]]:
    return [table for table in body if len(table) > 1 or len(table[0]) > 1]


def table_after(body: Body, heading: str) -> list[list[list[str]]]:
    """The first table after the paragraph ``heading``."""
    seen = False
    for table in body:
        is_text = len(table) == 1 and len(table[0]) == 1
        if is_text and heading in table[0][0]:
            seen = True
        elif seen and not is_text:
            return table
    raise AssertionError(f"no table after {heading}")


def test_the_title_property_matches_the_main_heading_and_says_the_day(tmp_path: Path) -> None:
    path = report(plan_with_progress(), tmp_path)
    with docx2python(path) as document:
        properties = document.core_properties
    title = "Action plan progress: HMP & YOI Stoke Heath, 4 December 2026"
    assert properties["title"] == title
    assert properties["language"] == "en-GB"
    html = mammoth.convert_to_html(path.open("rb")).value
    assert re.findall(r"<h1>(.*?)</h1>", html) == [title.replace("&", "&amp;")]


def test_headings_are_real_and_in_order(tmp_path: Path) -> None:
    html = mammoth.convert_to_html(report(plan_with_progress(), tmp_path).open("rb")).value
    headings = re.findall(r"<h(\d)>(.*?)</h\d>", html)
    assert headings == [
        ("1", "Action plan progress: HMP &amp; YOI Stoke Heath, 4 December 2026"),
        ("2", "Where actions stand"),
        ("2", "Independent Review of Progress (IRP)"),
        ("2", "Overdue actions"),
        ("2", "Actions due soon"),
        ("2", "Priority concerns"),
        ("3", "Priority concern 1"),
        ("3", "Priority concern 2"),
        ("2", "Key concerns"),
        ("3", "Key concern 3"),
    ]


def test_the_self_check_finds_nothing_wrong(tmp_path: Path) -> None:
    result = check_docx(report(plan_with_progress(), tmp_path))
    assert result.problems == [], result.text()
    assert result.passed


@pytest.mark.parametrize("make", [plan_with_progress, recommendations_plan_with_progress, Plan])
def test_the_report_is_valid_against_the_ooxml_schemas(tmp_path: Path, make: type[Plan]) -> None:
    path = report(make(), tmp_path)
    result = subprocess.run([sys.executable, str(SCHEMA_CHECK), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_it_says_the_day_and_what_due_soon_means(tmp_path: Path) -> None:
    text = paragraphs_outside_tables(read_body(report(plan_with_progress(), tmp_path)))
    assert "This report shows where each action in the action plan stands on 4 December 2026." in text[2]
    assert "in the next 45 days, by 18 January 2027" in text[3]
    assert "Inspection: 23 February to 5 March 2026." in text


def test_counts_by_position_per_section_and_in_total(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path))
    assert "6 actions: 2 complete, 1 on track, 2 due soon, 1 overdue." in paragraphs_outside_tables(body)
    table = table_after(body, "Where actions stand")
    assert [[cell[0] for cell in row] for row in table] == [
        ["Actions", "Complete", "On track", "Due soon", "Overdue", "No date", "Total"],
        ["In priority concerns", "2", "0", "1", "0", "0", "3"],
        ["In key concerns", "0", "1", "1", "1", "0", "3"],
        ["All actions", "2", "1", "2", "1", "0", "6"],
    ]


def test_the_review_of_progress_summary(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path))
    text = paragraphs_outside_tables(body)
    assert "Self-assessed: 2 of 3 concerns reasonable or good progress." in text
    assert "HMIP: 1 of 2 concerns reasonable or good progress." in text
    table = table_after(body, "Independent Review of Progress (IRP)")
    assert [[cell[0] for cell in row] for row in table] == [
        ["Judgement", "Self-assessed", "HMIP"],
        ["Good progress", "1 concern", "0 concerns"],
        ["Reasonable progress", "1 concern", "1 concern"],
        ["Insufficient progress", "1 concern", "0 concerns"],
        ["No meaningful progress", "0 concerns", "1 concern"],
        ["Not judged", "0 concerns", "1 concern"],
    ]


def test_before_any_judgement_the_review_says_so(tmp_path: Path) -> None:
    plan = plan_with_progress()
    for concern in plan.concerns:
        concern.self_assessment = concern.hmip_judgement = None
    text = paragraphs_outside_tables(read_body(report(plan, tmp_path)))
    assert "Self-assessed: no concern has been assessed yet." in text
    assert "HMIP: no judgements recorded yet." in text


def test_a_partial_self_assessment_says_how_many_are_left(tmp_path: Path) -> None:
    plan = plan_with_progress()
    plan.concerns[2].self_assessment = None
    text = paragraphs_outside_tables(read_body(report(plan, tmp_path)))
    assert "Self-assessed: 2 of 2 concerns reasonable or good progress (1 concern not yet assessed)." in text


def test_overdue_actions_with_rec_no_owner_when_no_lead_target_and_latest_update(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path))
    assert "1 action is overdue." in paragraphs_outside_tables(body)
    assert table_after(body, "Overdue actions") == [
        [["Rec No"], ["Action"], ["Lead (or owner)"], ["Target date"], ["Latest update"]],
        [["3"], ["A daily recording sheet for start times is in use."], ["Governor", "(owner; no lead named)"],
         ["August 2026"], ["10 October 2026, T. Evans", "Start times recorded; still late twice a week."]],
    ]


def test_due_soon_actions_soonest_first_with_the_revised_target(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path))
    assert "2 actions are due by 18 January 2027, the soonest first." in paragraphs_outside_tables(body)
    assert table_after(body, "Actions due soon")[1:] == [
        [["1"], ["The prison will review the searching strategy.", "Searches will be recorded daily."],
         ["M. Byrne, Head of Security"], ["December 2026"],
         ["1 December 2026, M. Byrne", "Searches recorded daily since November."]],
        [["3"], ["Late starts will be reported to the monthly meeting."], ["R. Hughes, Custodial Manager"],
         ["15 January 2027", "Originally September 2026"], ["Not recorded"]],
    ]


def test_due_soon_days_widen_the_window(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path, due_soon_days=120))
    assert "3 actions are due by 3 April 2027, the soonest first." in paragraphs_outside_tables(body)


def test_with_nothing_to_chase_it_says_so(tmp_path: Path) -> None:
    plan = plan_with_progress()
    for _, action in plan.all_actions():
        action.status = ActionStatus.COMPLETE
    body = read_body(report(plan, tmp_path))
    text = paragraphs_outside_tables(body)
    assert "No action is overdue." in text
    assert "No action is due by 18 January 2027." in text
    assert "6 actions: 6 complete." in text


def test_each_concern_with_its_actions(tmp_path: Path) -> None:
    body = read_body(report(plan_with_progress(), tmp_path))
    text = paragraphs_outside_tables(body)
    start = text.index("Key concern 3")
    assert text[start:start + 4] == [
        "Key concern 3", "Too often, visits started late.",
        "Self-assessed progress: Insufficient progress. HMIP judgement: No meaningful progress.",
        "3 actions: 1 on track, 1 due soon, 1 overdue.",
    ]
    table = table_after(body, "Key concern 3")
    assert table[0] == [["Action"], ["Lead (or owner)"], ["Target date"], ["Status"], ["Position"],
                        ["Latest update"], ["Evidence"]]
    assert [[cell for cell in row] for row in table[1:]] == [
        [["A daily recording sheet for start times is in use."], ["Governor", "(owner; no lead named)"],
         ["August 2026"], ["In progress"], ["Overdue"],
         ["10 October 2026, T. Evans", "Start times recorded; still late twice a week."], ["None"]],
        [["The duty governor will check visits daily."], ["Governor", "(owner; no lead named)"],
         ["31 March 2027"], ["Not started"], ["On track"], ["Not recorded"], ["None"]],
        [["Late starts will be reported to the monthly meeting."], ["R. Hughes, Custodial Manager"],
         ["15 January 2027", "Originally September 2026"], ["In progress"], ["Due soon"], ["Not recorded"],
         ["None"]],
    ]
    priority = table_after(body, "Priority concern 1")
    assert priority[2][-1] == ["2 items"]  # the training's evidence
    assert priority[2][3:5] == [["Complete"], ["Complete"]]
    ongoing = table_after(body, "Priority concern 2")
    assert ongoing[1][0] == ["The prison will take the following actions:", "--\treview the safety strategy",
                             "--\trecruit an analyst"]
    assert ongoing[1][2:5] == [["Completed and ongoing"], ["Ongoing"], ["Complete"]]


def test_the_recommendations_era_speaks_of_recommendations(tmp_path: Path) -> None:
    path = report(recommendations_plan_with_progress(), tmp_path, as_of=dt.date(2020, 3, 10))
    body = read_body(path)
    html = mammoth.convert_to_html(path.open("rb")).value
    headings = [text for _, text in re.findall(r"<h(\d)>(.*?)</h\d>", html)]
    assert headings[-4:] == ["Main recommendations", "Main recommendation S45", "Recommendations",
                             "Recommendation 1.12"]
    text = paragraphs_outside_tables(body)
    assert "Self-assessed: 1 of 1 recommendation reasonable or good progress (1 recommendation not yet assessed)." \
        in text
    assert "Agreement: Agreed. Self-assessed progress: Reasonable progress. HMIP judgement: Not recorded." in text
    assert [[cell[0] for cell in row] for row in table_after(body, "Where actions stand")][1:3] == [
        ["In main recommendations", "1", "0", "1", "0", "0", "2"],
        ["In recommendations", "0", "1", "0", "0", "0", "1"],
    ]


def test_no_table_cell_is_empty_or_merged_even_in_a_plan_that_leaves_things_out(tmp_path: Path) -> None:
    plan = Plan(details=PlanDetails(establishment=""), concerns=[
        Concern(category=Category.PRIORITY, text="", actions=[Action(), Action(text="Do it.", owner="Governor")]),
        Concern(category=Category.KEY, text="No actions here."),
    ])
    path = report(plan, tmp_path)
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"))
    cells = list(document.iter(f"{W}tc"))
    assert cells
    assert all("".join(cell.itertext()).strip() for cell in cells)
    assert not [cell for cell in cells if cell.find(f"{W}tcPr/{W}gridSpan") is not None
                or cell.find(f"{W}tcPr/{W}vMerge") is not None]
    for table in document.iter(f"{W}tbl"):
        rows = table.findall(f"{W}tr")
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
    text = paragraphs_outside_tables(read_body(path))
    assert text[1] == "Action plan progress, 4 December 2026"
    assert "The concern text is not set." in text
    assert "No actions yet." in text
    assert check_docx(path).problems == []


def test_every_run_is_arial_12pt_or_more_and_left_aligned(tmp_path: Path) -> None:
    path = report(plan_with_progress(), tmp_path)
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        styles = etree.fromstring(package.read("word/styles.xml"))
    fonts = styles.find(f"{W}docDefaults//{W}rFonts")
    assert fonts is not None
    assert fonts.get(f"{W}ascii") == "Arial"
    assert all(int(size.get(f"{W}val")) >= 24 for size in document.iter(f"{W}sz"))
    assert not list(document.iter(f"{W}rFonts"))  # nothing overrides the template's Arial
    assert [jc.get(f"{W}val") for jc in document.iter(f"{W}jc")] == []  # left, as the template sets
    assert not list(document.iter(f"{W}u"))  # no underlining


def test_the_same_plan_and_day_give_the_same_file(tmp_path: Path) -> None:
    plan = plan_with_progress()
    first = tmp_path / "first.docx"
    second = tmp_path / "second.docx"
    export_progress_report(plan, first, ProgressOptions(AS_OF))
    export_progress_report(plan, second, ProgressOptions(AS_OF))
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as package:
        assert {info.date_time for info in package.infolist()} == {(2026, 12, 4, 0, 0, 0)}
        core = package.read("docProps/core.xml").decode()
    assert "2026-12-04T00:00:00Z" in core


def test_another_day_gives_another_report(tmp_path: Path) -> None:
    plan = plan_with_progress()
    later = read_body(report(plan, tmp_path, as_of=dt.date(2027, 2, 1)))
    assert "6 actions: 2 complete, 1 on track, 3 overdue." in paragraphs_outside_tables(later)
