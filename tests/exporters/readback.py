"""Plans to export, and ways to read an exported .docx back for the export tests."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from docx2python import docx2python

from actionplan.model import Action, Agreement, Category, Concern, Era, Plan, PlanDetails

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET = re.compile(r"^\s*[-\u2022\u2013*]\s+")


def plan_with_both_sections() -> Plan:
    """Two priority concerns and one key concern, with paragraphs, a dash list and a
    concern with a single action."""
    plan = Plan(details=PlanDetails(
        establishment="HMP & YOI Stoke Heath",
        submitted=dt.date(2026, 6, 22),
        inspection_start=dt.date(2026, 2, 23),
        inspection_end=dt.date(2026, 3, 5),
        published=dt.date(2026, 6, 1),
    ))
    plan.concerns = [
        Concern(category=Category.PRIORITY, text="Drugs were too freely available.", actions=[
            Action(text="The prison will review the searching strategy.\nSearches will be recorded daily.",
                   owner="Governor", target="December 2026"),
            Action(text="A monthly security training session has been implemented.", owner="Head of Security",
                   target="Completed"),
        ]),
        Concern(category=Category.PRIORITY, text="Rates of recorded self-harm were very high.", actions=[
            Action(text="The prison will take the following actions:\n- review the safety strategy\n"
                        "- recruit an analyst", owner="Governor", target="Completed and ongoing"),
        ]),
        Concern(category=Category.KEY, text="Too often, visits started late.", actions=[
            Action(text="A daily recording sheet for start times is in use.", owner="Governor", target="August 2026"),
            Action(text="The duty governor will check visits daily.", owner="Governor", target="31 March 2027"),
            Action(text="Late starts will be reported to the monthly meeting.", owner="Head of Residence",
                   target="September 2026"),
        ]),
    ]
    return plan


def recommendations_plan() -> Plan:
    plan = Plan(details=PlanDetails(
        establishment="HMP Example", era=Era.RECOMMENDATIONS, submitted=dt.date(2019, 11, 5),
        inspection_start=dt.date(2019, 7, 1), inspection_end=dt.date(2019, 7, 12),
        published=dt.date(2019, 10, 1),
    ))
    plan.concerns = [
        Concern(reference="S45", text="Prisoners should have daily showers.", agreement=Agreement.AGREED, actions=[
            Action(text="Showers will be repaired.", owner="Governor", target="March 2020"),
            Action(text="A shower rota will be published.", owner="Governor", target="Completed"),
        ]),
        Concern(reference="1.12", text="Cells should be clean.", agreement=Agreement.PARTLY_AGREED, actions=[
            Action(text="Cleaning will be checked weekly.", owner="Head of Residence", target="April 2020"),
        ]),
    ]
    return plan


def expected_lines(text: str) -> list[str]:
    """How a cell's text reads back in docx2python: one entry per paragraph, and a real list
    item shown with docx2python's bullet marker."""
    lines = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        lines.append("--\t" + _BULLET.sub("", line, count=1) if _BULLET.match(line) else line)
    return lines


def read_tables(path: Path) -> list[list[list[list[str]]]]:
    """Every table in the body: rows, cells, paragraphs, as docx2python reads them."""
    with docx2python(path) as document:
        body = document.body
    return [table for table in body if len(table) > 1 or len(table[0]) > 1]


def part_text(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read(name).decode("utf-8")

SCHEMA_CHECK = Path(__file__).resolve().parents[2] / "tools" / "check_docx_schema.py"
"""The OOXML schema checker, with the schemas it needs, kept in the project."""


def all_parts(path: Path | bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as package:
        return {name: package.read(name) for name in package.namelist()}


def need_libreoffice() -> str:
    """The ``soffice`` program; in CI a missing LibreOffice fails the test instead of skipping."""
    from exporters.libreoffice import find_soffice

    found = find_soffice()
    if found:
        return str(found)
    if os.environ.get("CI"):
        pytest.fail("LibreOffice is required in CI (install libreoffice-writer-nogui)")
    pytest.skip("LibreOffice is not installed")
