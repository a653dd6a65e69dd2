"""A row that is nearly as tall as a page, or taller, loses none of its text.

The accessible layout keeps rows whole on a page, and LibreOffice (like Word) cuts off the end
of a row kept whole that is taller than a page. These plans hold rows from 20 to 40 lines tall,
around the height of a page, made of the things that make rows tall: a lead line with a dash
list, a long concern, a long action.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from exporters.docx_export import export_docx, our_template, page_of
from exporters.export import export_plan
from exporters.options import ExportOptions, Layout
from exporters.plan_layout import ActionTable
from exporters.row_height import TextMetrics, line_count, metrics_from_styles, row_height
from tests.exporters.readback import need_libreoffice

LINES = range(20, 41)


def _words(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}w{number:02d}" for number in range(1, count + 1))


def _dash_list(lines: int) -> str:
    """An action with a lead line and ``lines - 1`` dash items, each on one line."""
    items = [f"- d{lines}i{number:02d} checked" for number in range(1, lines)]
    return "\n".join([f"d{lines}lead The prison will take the following actions:", *items])


def _concern_text(lines: int, width: int, metrics: TextMetrics) -> str:
    """One paragraph of unique words that fills ``lines`` lines of the concern column."""
    count = 1
    while line_count(_words(f"c{lines}", count + 1), width, metrics) <= lines:
        count += 1
    return _words(f"c{lines}", count)


def tall_rows_plan() -> Plan:
    page = page_of(docx.Document(io.BytesIO(our_template())))
    table = ActionTable(Plan(), page)
    concern_width = table.widths[1] - page.metrics.cell_margin_width
    response_width = table.widths[2] - page.metrics.cell_margin_width
    concerns = []
    for lines in LINES:
        concerns.append(Concern(text=f"Concern with a list of {lines} lines.", actions=[
            Action(text=_dash_list(lines), owner="Governor", target="December 2026"),
        ]))
        concerns.append(Concern(category=Category.KEY, text=_concern_text(lines, concern_width, page.metrics), actions=[
            Action(text=_concern_text(lines, response_width, page.metrics).replace(f"c{lines}", f"r{lines}"),
                   owner="Head of Safety", target="Completed"),
        ]))
    return Plan(details=PlanDetails(establishment="HMP Ashvale"), concerns=concerns)


def _pdf_words(path: Path) -> set[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return set(text.split())


@pytest.mark.libreoffice
def test_rows_of_20_to_40_lines_lose_no_words_in_the_pdf(tmp_path: Path) -> None:
    need_libreoffice()
    plan = tall_rows_plan()
    out = export_plan(plan, tmp_path / "tall.pdf", ExportOptions(layout=Layout.ACCESSIBLE, draft=True))
    shown = _pdf_words(out)
    written = {word for concern in plan.concerns for text in (concern.text, concern.actions[0].text)
               for word in text.replace("- ", "").split() if word[:1] in "cdr" and any(c.isdigit() for c in word)}
    missing = sorted(written - shown)
    assert not missing, f"{len(missing)} of {len(written)} words are not in the PDF: {missing[:20]}"


def test_the_rows_near_a_page_tall_are_both_kept_whole_and_let_split(tmp_path: Path) -> None:
    """The test above covers both sides of the line: short rows stay whole, tall ones may split."""
    path = tmp_path / "tall.docx"
    export_docx(tall_rows_plan(), path, ExportOptions(layout=Layout.ACCESSIBLE, draft=True))
    rows = [row for table in docx.Document(str(path)).tables for row in table._tbl.tr_lst[1:]]
    whole = [row.trPr is not None and row.trPr.find(qn("w:cantSplit")) is not None for row in rows]
    assert any(whole)
    assert not all(whole)


def test_a_lead_line_and_27_dash_items_may_split() -> None:
    """Issue 15: measured at 28 lines of 290 twips, this row was kept whole, and LibreOffice
    cut off its last item."""
    page = page_of(docx.Document(io.BytesIO(our_template())))
    table = ActionTable(Plan(), page)
    texts = ["1", "Short concern.", _dash_list(28), "Governor", "December 2026"]
    assert not table._fits_on_a_page(texts)


def test_the_measure_breaks_lines_where_libreoffice_does() -> None:
    """Checked against LibreOffice's PDF of East Sutton Park's concern 3 action: 24 lines in the
    response column (42% of the text width)."""
    text = ("HMP/YOI East Sutton Park Head of Education, Work and Skills will ensure there is a refreshed "
            "policy that outlines an effective and well communicated process that assures the completion "
            "and monitoring of the 'progress in work' book through; Updating the Quality improvement group "
            "(QIG) to include the progress in the workbook and creation and implementation of a Skill "
            "tracker to enable monitoring.")
    # LibreOffice's lines: "… Head of Education, Work" / "and Skills … refreshed policy that" / …
    metrics = TextMetrics()
    assert line_count("HMP/YOI East Sutton Park Head of Education, Work", 5903, metrics) == 1
    assert line_count("HMP/YOI East Sutton Park Head of Education, Work and", 5903, metrics) == 2
    assert line_count(text, 5903, metrics) == 8


def test_a_template_with_larger_type_gives_taller_rows() -> None:
    ours = etree.fromstring(docx.Document(io.BytesIO(our_template())).styles.element.xml.encode())
    larger = etree.fromstring(etree.tostring(ours).replace(b'<w:sz w:val="24"/>', b'<w:sz w:val="32"/>'))
    plain, bigger = metrics_from_styles(ours), metrics_from_styles(larger)
    assert bigger.font_size == 320 > plain.font_size == 240
    texts = ["1", _words("c", 60), "An action.", "Governor", "Completed"]
    widths = [1000, 3200, 6100, 2000, 2200]
    assert row_height(texts, widths, bigger) > row_height(texts, widths, plain)


def test_a_font_other_than_arial_is_measured_wider() -> None:
    styles = etree.fromstring(
        b'<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults>'
        b'<w:rPrDefault><w:rPr><w:rFonts w:ascii="Verdana"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>'
    )
    assert metrics_from_styles(styles).width_factor > 1
