"""Exports read back with python-docx: document order, tables, header rows, merges, properties."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from actionplan.model import Action, Category, Concern, Era, Plan
from exporters.docx_export import export_docx
from exporters.errors import PlanHasErrors
from exporters.options import ExportOptions, Layout
from tests.exporters.readback import SCHEMA_CHECK, all_parts, plan_with_both_sections, recommendations_plan

HEADINGS = ["1. Rec No", "2. Concerns", "3. Response Action Taken/Planned", "4. Responsible Owner",
            "5. Target Date"]


def export(plan: Plan, tmp_path: Path, **options: object) -> docx.document.Document:
    path = tmp_path / "plan.docx"
    export_docx(plan, path, ExportOptions(**options))  # type: ignore[arg-type]
    return docx.Document(str(path))


def texts(row: object) -> list[str]:
    return [cell.text for cell in row.cells]  # type: ignore[attr-defined]


def paragraphs_before_tables(document: docx.document.Document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def test_front_matter_follows_the_template_order(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    assert paragraphs_before_tables(document)[:9] == [
        "HM Prison & Probation Service",
        "Action Plan: HMP & YOI Stoke Heath",
        "Action Plan Submitted: 22 June 2026",
        "A response to the HMIP Inspection: 23 February to 5 March 2026",
        "Report published: 1 June 2026",
        "Introduction",
        Plan().details.introduction,
        "Action plan",
        "ESTABLISHMENT: HMP & YOI Stoke Heath",
    ]
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles[1] == "Heading 1"
    assert styles[5] == styles[7] == "Heading 2"


def test_accessible_layout_has_one_table_per_section_and_one_row_per_action(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 3"]
    assert headings == ["Priority concerns", "Key concerns"]
    priority, key = document.tables
    assert [texts(row) for row in priority.rows] == [
        HEADINGS,
        ["1", "Drugs were too freely available.",
         "The prison will review the searching strategy.\nSearches will be recorded daily.", "Governor",
         "December 2026"],
        ["1", "Concern 1 (continued)", "A monthly security training session has been implemented.",
         "Head of Security", "Completed"],
        ["2", "Rates of recorded self-harm were very high.",
         "The prison will take the following actions:\nreview the safety strategy\nrecruit an analyst",
         "Governor", "Completed and ongoing"],
    ]
    assert [texts(row)[:2] for row in key.rows[1:]] == [
        ["3", "Too often, visits started late."], ["3", "Concern 3 (continued)"], ["3", "Concern 3 (continued)"],
    ]


def test_accessible_tables_repeat_the_header_row_and_keep_rows_whole_with_no_merged_or_empty_cells(
    tmp_path: Path,
) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
        assert all(row.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
        assert all(row.trPr.find(qn("w:cantSplit")) is not None for row in rows)
        for cell in table._tbl.iter(qn("w:tc")):
            assert cell.tcPr.find(qn("w:vMerge")) is None
            assert cell.tcPr.find(qn("w:gridSpan")) is None
        assert all(cell.text.strip() for row in table.rows for cell in row.cells)


def test_bullets_are_real_list_paragraphs_without_the_dash(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    cell = document.tables[0].rows[3].cells[2]
    styles = [(p.style.name, p.text) for p in cell.paragraphs]
    assert styles == [("Normal", "The prison will take the following actions:"),
                      ("List Bullet", "review the safety strategy"), ("List Bullet", "recruit an analyst")]
    bullet = cell.paragraphs[1]._p
    num_id = bullet.pPr.numPr.numId.val
    numbering = document.part.numbering_part.element
    abstract_id = next(n.abstractNumId.val for n in numbering.num_lst if n.numId == num_id)
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(abstract_id))
    assert abstract.find(f"{qn('w:lvl')}/{qn('w:numFmt')}").get(qn("w:val")) == "bullet"


def test_column_widths_give_a_narrow_rec_no_and_a_wide_response(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    widths = [int(col.get(qn("w:w"))) for col in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert widths.index(min(widths)) == 0
    assert widths.index(max(widths)) == 2
    section = document.sections[0]
    assert sum(widths) * 635 == section.page_width - section.left_margin - section.right_margin


def test_classic_layout_is_one_table_with_section_rows_and_continuation_rows_left_empty(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path, layout=Layout.CLASSIC)
    (table,) = document.tables
    rows = [texts(row) for row in table.rows]
    assert rows[0] == HEADINGS
    assert rows[1] == ["Priority concerns"] * 5  # one cell spanning the row
    assert rows[2][:2] == ["1", "Drugs were too freely available."]
    assert rows[3][:2] == ["", ""]
    assert rows[3][2:] == ["A monthly security training session has been implemented.", "Head of Security",
                           "Completed"]
    assert rows[5] == ["Key concerns"] * 5
    assert [row[0] for row in rows[6:]] == ["3", "", ""]
    assert table._tbl.tr_lst[0].trPr.find(qn("w:tblHeader")) is not None
    assert not list(table._tbl.iter(qn("w:vMerge")))


def test_classic_layout_can_merge_each_concern_cell_down_over_its_actions(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path, layout=Layout.CLASSIC, merge_concern_cells=True)
    rows = document.tables[0]._tbl.tr_lst
    merges = [[tc.tcPr.find(qn("w:vMerge")) for tc in row.tc_lst[:2]] for row in rows]
    assert [m.get(qn("w:val")) for m in merges[2]] == ["restart", "restart"]
    assert all(m is not None and m.get(qn("w:val")) is None for m in merges[3])
    # Merged cells read back as the concern on every row they cover.
    assert texts(document.tables[0].rows[3])[:2] == ["1", "Drugs were too freely available."]
    # A concern with one action has nothing to merge.
    assert merges[4] == [None, None]


def test_classic_merge_takes_the_agreement_down_with_its_recommendation(tmp_path: Path) -> None:
    document = export(recommendations_in_both_sections(), tmp_path, layout=Layout.CLASSIC, merge_concern_cells=True)
    table = document.tables[1]
    rows = table._tbl.tr_lst  # header, section, S45 (two actions), section, 1.12 (one action)
    merges = [[tc.tcPr.find(qn("w:vMerge")) for tc in row.tc_lst[:3]] for row in rows]
    assert [m.get(qn("w:val")) for m in merges[2]] == ["restart"] * 3
    assert all(m is not None and m.get(qn("w:val")) is None for m in merges[3])
    assert merges[5] == [None, None, None]
    assert texts(table.rows[3])[:3] == ["S45", "Prisoners should have daily showers.", "Agreed"]


def test_recommendations_era_adds_the_agreement_column_and_the_definitions_table(tmp_path: Path) -> None:
    document = export(recommendations_plan(), tmp_path)
    definitions, actions = document.tables
    # The terms are the words the agreement column shows, so a reader can look each one up.
    assert [texts(row)[0] for row in definitions.rows] == ["Term", "Agreed", "Partly agreed", "Not agreed"]
    assert texts(definitions.rows[0]) == ["Term", "Definition"]
    agreed = texts(definitions.rows[1])[1]
    assert "SMART (Specific, Measurable, Achievable, Realistic and Time-bound)" in agreed
    assert "specific enough to be tracked for progress" in agreed
    assert texts(actions.rows[0]) == ["1. Rec No", "2. Recommendation", "3. Agreed/Partly Agreed/Not Agreed",
                                      "4. Response Action Taken/Planned", "5. Responsible Owner",
                                      "6. Target Date"]
    assert texts(actions.rows[1])[:3] == ["S45", "Prisoners should have daily showers.", "Agreed"]
    assert texts(actions.rows[2])[:3] == ["S45", "Recommendation S45 (continued)", "Agreed"]
    assert texts(actions.rows[3])[:3] == ["1.12", "Cells should be clean.", "Partly agreed"]


def recommendations_in_both_sections() -> Plan:
    plan = recommendations_plan()
    plan.concerns[1].category = Category.KEY
    return plan


def test_recommendations_era_accessible_layout_has_a_table_under_each_sections_heading(tmp_path: Path) -> None:
    document = export(recommendations_in_both_sections(), tmp_path)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 3"]
    assert headings == ["Main recommendations", "Recommendations"]
    _definitions, main, others = document.tables
    assert [texts(row)[0] for row in main.rows[1:]] == ["S45", "S45"]
    assert [texts(row)[0] for row in others.rows[1:]] == ["1.12"]


def test_recommendations_era_classic_layout_has_section_rows(tmp_path: Path) -> None:
    document = export(recommendations_in_both_sections(), tmp_path, layout=Layout.CLASSIC)
    _definitions, actions = document.tables
    firsts = [texts(row)[0] for row in actions.rows]
    assert firsts == ["1. Rec No", "Main recommendations", "S45", "", "Recommendations", "1.12"]
    assert set(texts(actions.rows[1])) == {"Main recommendations"}  # one cell spanning the row


def test_properties_name_the_plan_in_english_with_current_dates(tmp_path: Path) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties = export(plan_with_both_sections(), tmp_path).core_properties
    assert properties.title == "Action Plan: HMP & YOI Stoke Heath"
    assert properties.language == "en-GB"
    assert properties.author == "HM Prison & Probation Service"
    assert "HMP & YOI Stoke Heath" in properties.subject
    for stamp in (properties.created, properties.modified):
        assert before - dt.timedelta(seconds=1) <= stamp.replace(tzinfo=None) <= before + dt.timedelta(minutes=1)


def test_nothing_is_left_over_from_a_library_default_template(tmp_path: Path) -> None:
    export(plan_with_both_sections(), tmp_path)
    for name, data in all_parts(tmp_path / "plan.docx").items():
        lowered = data.lower()
        assert b"python-docx" not in lowered, name
        assert b"2013-" not in lowered, name
        assert b"lorem" not in lowered, name


def test_page_is_a4_landscape_with_a_page_x_of_y_footer(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    footer = section.footer._element
    instructions = [field.get(qn("w:instr")).split()[0] for field in footer.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "".join(t.text for t in footer.iter(qn("w:t"))) == "Page 1 of 1"


def test_a_plan_with_errors_exports_only_as_a_draft_saying_so_in_the_header(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0].owner = ""
    with pytest.raises(PlanHasErrors) as raised:
        export_docx(plan, tmp_path / "plan.docx", ExportOptions())
    assert raised.value.message.startswith(
        "The plan has 1 error, so it can only be exported as a draft. First: Concern 1, action 1: ")
    assert not (tmp_path / "plan.docx").exists()
    plan.details.era = Era.RECOMMENDATIONS
    with pytest.raises(PlanHasErrors) as raised:
        export_docx(plan, tmp_path / "plan.docx", ExportOptions())
    assert "First: Recommendation 1, action 1: " in raised.value.message
    plan.details.era = Era.CONCERNS
    document = export(plan, tmp_path, draft=True)
    header = document.sections[0].header
    assert header.paragraphs[0].text == "DRAFT: not for publication. This plan has 1 error to fix."
    assert document.core_properties.content_status == "Draft"
    # The missing owner says so instead of leaving the cell empty.
    assert texts(document.tables[0].rows[1])[3] == "Not set"


def test_a_clean_plan_has_no_header_and_is_final(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path)
    assert not document.sections[0].header.paragraphs or not document.sections[0].header.paragraphs[0].text
    assert document.core_properties.content_status == "Final"


def test_a_concern_without_actions_still_gets_a_full_row(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    plan.concerns.append(Concern(category=Category.KEY, text="Key work was disappointing."))
    document = export(plan, tmp_path, draft=True)  # a concern with no actions is an error
    assert texts(document.tables[1].rows[-1]) == ["4", "Key work was disappointing.", "No actions yet", "Not set",
                                                  "Not set"]


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"old")
    export_docx(plan_with_both_sections(), path, ExportOptions(layout=Layout.CLASSIC))
    assert docx.Document(str(path)).tables
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


@pytest.mark.parametrize("layout", list(Layout))
def test_exports_are_valid_against_the_ooxml_schemas(tmp_path: Path, layout: Layout) -> None:
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0].owner = ""
    export_docx(plan, tmp_path / "plan.docx", ExportOptions(layout=layout, draft=True, merge_concern_cells=True))
    export_docx(recommendations_plan(), tmp_path / "old.docx", ExportOptions(layout=layout))
    result = subprocess.run([sys.executable, str(SCHEMA_CHECK), str(tmp_path / "plan.docx"),
                             str(tmp_path / "old.docx")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert "header1.xml: valid" in result.stdout


def test_the_schema_check_finds_what_word_would_call_damaged(tmp_path: Path) -> None:
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    parts = all_parts(tmp_path / "plan.docx")
    parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:tbl>", b"<w:tbl><w:madeUp/>", 1)
    with zipfile.ZipFile(tmp_path / "damaged.docx", "w") as damaged:
        for name, data in parts.items():
            damaged.writestr(name, data)
    result = subprocess.run([sys.executable, str(SCHEMA_CHECK), str(tmp_path / "damaged.docx")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "word/document.xml: INVALID" in result.stdout
    assert "word/styles.xml: valid" in result.stdout


def test_an_action_can_hold_a_tab(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0] = Action(text="Before\tafter", owner="Governor", target="Completed")
    document = export(plan, tmp_path)
    assert texts(document.tables[0].rows[1])[2] == "Before\tafter"


def test_only_a_row_too_tall_for_a_page_may_split(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    plan.concerns[0].actions[1].text = "A very long action. " * 300
    document = export(plan, tmp_path)
    rows = document.tables[0]._tbl.tr_lst
    can_split = [row.trPr is None or row.trPr.find(qn("w:cantSplit")) is None for row in rows]
    assert can_split == [False, False, True, False]


def test_classic_rows_may_run_on_to_the_next_page_as_in_the_published_plans(tmp_path: Path) -> None:
    document = export(plan_with_both_sections(), tmp_path, layout=Layout.CLASSIC)
    rows = document.tables[0]._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    action_rows = [row for row in rows[1:] if len(row.findall(qn("w:tc"))) > 1]
    assert action_rows
    assert all(row.trPr is None or row.trPr.find(qn("w:cantSplit")) is None for row in action_rows)
