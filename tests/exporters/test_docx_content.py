"""Exports read back with independent readers (docx2python, mammoth): every concern, action,
owner and target, in order, word for word, however hostile the text."""

from __future__ import annotations

import tempfile
from pathlib import Path

import mammoth
from hypothesis import HealthCheck, given, settings

from actionplan.model import Action, Era, Plan
from actionplan.text import clean_text
from exporters.docx_export import export_docx
from exporters.options import ExportOptions, Layout
from tests.exporters.readback import (
    expected_lines,
    plan_with_both_sections,
    read_tables,
    recommendations_plan,
)
from tests.strategies import plans

NOT_SET = ["Not set"]
NO_ACTIONS = ["No actions yet"]


def _or_not_set(lines: list[str]) -> list[str]:
    return lines or NOT_SET


def _plain(text: str) -> list[str]:
    return _or_not_set([line for line in text.split("\n") if line.strip()])


def expected_accessible(plan: Plan) -> list[list[list[str]]]:
    """The rows of every action table, built from the plan without the exporter's help."""
    references = plan.references()
    recommendations = plan.details.era is Era.RECOMMENDATIONS
    noun = "Recommendation" if recommendations else "Concern"
    rows = []
    for concern in plan.in_display_order():
        reference = references[concern.id]
        actions: list[Action | None] = list(concern.actions) or [None]
        for index, action in enumerate(actions):
            concern_cell = (_or_not_set(expected_lines(concern.text)) if index == 0
                            else [f"{noun} {reference} (continued)"])
            row = [_plain(reference), concern_cell]
            if recommendations:
                row.append([concern.agreement.label] if concern.agreement else NOT_SET)
            row += [
                _or_not_set(expected_lines(action.text)) if action else NO_ACTIONS,
                _plain(action.owner) if action else NOT_SET,
                _plain(clean_text(action.target.format())) if action else NOT_SET,
            ]
            rows.append(row)
    return rows


def exported_rows(path: Path, plan: Plan) -> list[list[list[str]]]:
    tables = read_tables(path)
    if plan.details.era is Era.RECOMMENDATIONS:
        tables = tables[1:]  # the Term | Definition table
    return [row for table in tables for row in table[1:]]


def test_every_concern_action_owner_and_target_reads_back_in_order(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    export_docx(plan, tmp_path / "plan.docx")
    assert exported_rows(tmp_path / "plan.docx", plan) == expected_accessible(plan)


def test_recommendations_read_back_with_their_agreement(tmp_path: Path) -> None:
    plan = recommendations_plan()
    export_docx(plan, tmp_path / "plan.docx")
    assert exported_rows(tmp_path / "plan.docx", plan) == expected_accessible(plan)


def test_classic_layout_reads_back_with_continuation_rows_empty(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    export_docx(plan, tmp_path / "plan.docx", ExportOptions(layout=Layout.CLASSIC))
    (table,) = read_tables(tmp_path / "plan.docx")
    expected = expected_accessible(plan)
    sections = [row for row in table[1:] if row[0] in (["Priority concerns"], ["Key concerns"])]
    assert [row[0] for row in sections] == [["Priority concerns"], ["Key concerns"]]
    actions = [row for row in table[1:] if row not in sections]
    assert [row[2:] for row in actions] == [row[2:] for row in expected]
    assert [row[:2] for row in actions][:2] == [expected[0][:2], [[""], [""]]]


HOSTILE = {
    "ampersand and angle brackets": "HMP & YOI <b>bold</b> ]]> &amp; \"quoted\" 'single'",
    "emoji": "Progress 🙂 👩‍💻 👍🏽 🇬🇧",
    "right to left": "مرحبا بالعالم and שלום עולם mixed with English",
    "long paragraph": ("The prison will review the searching strategy. " * 220)[:10_000],
    "leading and doubled spaces": "  two  spaces   and three",
}


def test_hostile_text_survives_unchanged(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    concern = plan.concerns[0]
    concern.actions = [Action(text=text, owner="Governor", target="Completed") for text in HOSTILE.values()]
    export_docx(plan, tmp_path / "plan.docx")
    rows = read_tables(tmp_path / "plan.docx")[0][1:]
    assert [row[2] for row in rows[: len(HOSTILE)]] == [[text] for text in HOSTILE.values()]
    raw = mammoth.extract_raw_text(str(tmp_path / "plan.docx")).value
    for text in HOSTILE.values():
        assert text in raw


def test_control_characters_pasted_from_word_become_paragraphs_or_go(tmp_path: Path) -> None:
    plan = plan_with_both_sections()
    pasted = "First line\x0bsecond line\r\nthird\x07 with\x00 junk\u00a0and\u200b a soft\u00adhyphen"
    plan.concerns[0].actions[0].text = pasted
    plan.concerns[0].text = "Concern\x0c text"
    export_docx(plan, tmp_path / "plan.docx")
    first = read_tables(tmp_path / "plan.docx")[0][1]
    assert first[1] == ["Concern", " text"]
    assert first[2] == ["First line", "second line", "third with junk and a softhyphen"]


def test_the_front_matter_reads_back_with_mammoth(tmp_path: Path) -> None:
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    html = mammoth.convert_to_html(str(tmp_path / "plan.docx")).value
    assert "<h1>Action Plan: HMP &amp; YOI Stoke Heath</h1>" in html
    assert "<p>A response to the HMIP Inspection: 23 February to 5 March 2026</p>" in html
    assert "<ul><li>review the safety strategy</li><li>recruit an analyst</li></ul>" in html


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(max_concerns=4, max_actions=3))
def test_any_plan_reads_back_word_for_word(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        export_docx(plan, path, ExportOptions(draft=True))
        assert exported_rows(path, plan) == expected_accessible(plan)


def test_an_empty_plan_exports_its_front_matter(tmp_path: Path) -> None:
    plan = Plan()
    export_docx(plan, tmp_path / "plan.docx", ExportOptions(draft=True))
    raw = mammoth.extract_raw_text(str(tmp_path / "plan.docx")).value
    assert "Action Plan\n" in raw
    assert "Action Plan Submitted: not set" in raw
    assert read_tables(tmp_path / "plan.docx") == []


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plans(max_concerns=4, max_actions=3))
def test_any_plan_reads_back_in_the_classic_layout(plan: Plan) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.docx"
        export_docx(plan, path, ExportOptions(layout=Layout.CLASSIC, draft=True, merge_concern_cells=True))
        tables = read_tables(path)
    if plan.details.era is Era.RECOMMENDATIONS:
        tables = tables[1:]
    rows = [row for table in tables for row in table[1:] if len(row) > 1 and row[0] != row[-1]]
    assert [row[-3:] for row in rows] == [row[-3:] for row in expected_accessible(plan)]
