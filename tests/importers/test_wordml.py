"""The XML walk reads what a person sees: inserted text and content controls count, deleted
text, field codes and moved-away text do not; merged cells are read once."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from importers.docx_import import import_docx
from importers.report import NoteKind
from importers.wordml import Paragraph, body_blocks, has_tracked_changes, read_paragraph
from tests.fixtures.build_docx_fixtures import W_NS, cell, paragraph, row, run, table, write_docx

HEADER = row([cell([paragraph(h)]) for h in ("Rec No", "Concerns", "Response", "Responsible Owner", "Target Date")])


def xml_paragraph(inner: str) -> Paragraph:
    element = etree.fromstring(f'<w:p xmlns:w="{W_NS}">{inner}</w:p>')
    return read_paragraph(element)


def document(*blocks: str) -> str:
    return f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(blocks)}</w:body></w:document>'


def test_inserted_text_counts_and_deleted_text_does_not() -> None:
    found = xml_paragraph(
        run("The prison ") + '<w:ins w:id="1" w:author="A">' + run("will") + "</w:ins>"
        + '<w:del w:id="2" w:author="A"><w:r><w:delText>might</w:delText></w:r></w:del>' + run(" review it.")
    )
    assert found.text == "The prison will review it."


def test_content_controls_field_codes_and_moves() -> None:
    found = xml_paragraph(
        "<w:sdt><w:sdtPr><w:alias w:val='Owner'/></w:sdtPr><w:sdtContent>" + run("Governor") + "</w:sdtContent></w:sdt>"
        + "<w:r><w:instrText> MERGEFIELD owner </w:instrText></w:r>"
        + "<w:moveFrom w:id='3' w:author='A'>" + run(" old place") + "</w:moveFrom>"
        + "<w:moveTo w:id='4' w:author='A'>" + run(" and partners") + "</w:moveTo>"
        + "<w:hyperlink>" + run(" (see link)") + "</w:hyperlink>"
    )
    assert found.text == "Governor and partners (see link)"


def test_line_breaks_tabs_and_symbol_bullets() -> None:
    found = xml_paragraph(run("Governor") + "<w:r><w:br/><w:t>Head of Safety</w:t><w:tab/><w:t>x</w:t></w:r>")
    assert found.text == "Governor\nHead of Safety x"
    bullet = xml_paragraph('<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:tab/><w:t>Item</w:t></w:r>')
    assert bullet.line == "- Item"


def test_list_numbering_and_list_styles_become_dash_items() -> None:
    numbered = xml_paragraph('<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>' + run("Item"))
    assert numbered.line == "- Item"
    switched_off = xml_paragraph('<w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>' + run("Item"))
    assert switched_off.line == "Item"
    element = etree.fromstring(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>{run("Item")}</w:p>')
    assert read_paragraph(element, frozenset({"ListBullet"})).line == "- Item"
    assert xml_paragraph(run("• Typed bullet")).line == "- Typed bullet"


def test_tracked_changes_are_detected() -> None:
    plain = etree.fromstring(document(paragraph("x")))
    tracked = etree.fromstring(document(f'<w:p><w:ins w:id="1" w:author="A">{run("x")}</w:ins></w:p>'))
    assert not has_tracked_changes(plain)
    assert has_tracked_changes(tracked)


def test_merged_cells_are_read_once() -> None:
    rows = [
        HEADER,
        row([cell([paragraph("1")], merge="restart"), cell([paragraph("A concern.")], merge="restart"),
             cell([paragraph("First.")]), cell([paragraph("Governor")]), cell([paragraph("May 2024")])]),
        row([cell([paragraph("1")], merge="continue"), cell([paragraph("A concern.")], merge="continue"),
             cell([paragraph("Second.")]), cell([paragraph("Governor")]), cell([paragraph("June 2024")])]),
    ]
    blocks = body_blocks(etree.fromstring(document(table(rows, 5))))
    merged = blocks[0].rows[2].cells[1]  # type: ignore[union-attr]
    assert merged.continues_merge


def _import(tmp_path: Path, *blocks: str):  # type: ignore[no-untyped-def]
    return import_docx(write_docx(tmp_path / "plan.docx", document(*blocks)))


def test_rows_and_cells_inside_content_controls(tmp_path: Path) -> None:
    first = row([cell([paragraph("1.")]), cell([paragraph("A concern.")]), cell([paragraph("First.")]),
                 cell([paragraph("Governor")]), cell([paragraph("May 2024")])])
    wrapped_cell = (
        "<w:sdt><w:sdtPr/><w:sdtContent>" + cell([paragraph("Second.")]) + "</w:sdtContent></w:sdt>"
    )
    second = ("<w:sdt><w:sdtContent><w:tr>" + cell([]) + cell([]) + wrapped_cell + cell([paragraph("Governor")])
              + cell([paragraph("June 2024")]) + "</w:tr></w:sdtContent></w:sdt>")
    result = _import(tmp_path, table([HEADER, first, second], 5))
    assert [a.text for a in result.plan.concerns[0].actions] == ["First.", "Second."]


def test_deleted_rows_and_deleted_paragraph_marks(tmp_path: Path) -> None:
    deleted_mark = '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>' + run("The prison will ") + "</w:p>"
    first = row([cell([paragraph("1.")]), cell([paragraph("A concern.")]),
                 cell([deleted_mark, paragraph("review visits.")]), cell([paragraph("Governor")]),
                 cell([paragraph("May 2024")])])
    gone = row([cell([]), cell([]), cell([paragraph("Deleted action.")]), cell([paragraph("Governor")]),
                cell([paragraph("June 2024")])]).replace("<w:trPr>", '<w:trPr><w:del w:id="6" w:author="A"/>')
    result = _import(tmp_path, table([HEADER, first, gone], 5))
    assert [a.text for a in result.plan.concerns[0].actions] == ["The prison will review visits."]
    assert result.report.of_kind(NoteKind.WARNING)[0].where == "The whole document"


def test_grid_before_and_extra_columns(tmp_path: Path) -> None:
    header = row([cell([paragraph(h)]) for h in ("Rec No", "Concerns", "Response", "Owner", "Target", "Progress")])
    data = row([cell([paragraph("1")]), cell([paragraph("A concern.")]), cell([paragraph("An action.")]),
                cell([paragraph("Governor")]), cell([paragraph("May 2024")]), cell([paragraph("On track")])])
    shifted = row([cell([paragraph("Another action.")]), cell([paragraph("Governor")]),
                   cell([paragraph("June 2024")]), cell([])]).replace(
        "<w:trPr>", '<w:trPr><w:gridBefore w:val="2"/>')
    result = _import(tmp_path, table([header, data, shifted], 6))
    actions = result.plan.concerns[0].actions
    assert [(a.text, a.target.format()) for a in actions] == [("An action.", "May 2024"),
                                                              ("Another action.", "June 2024")]
    notes = result.report.of_kind(NoteKind.NOT_IMPORTED)
    assert [(n.where, n.text) for n in notes] == [("Table 1, row 2", "On track")]


def test_stacked_owners_with_line_breaks_and_an_extra_owner(tmp_path: Path) -> None:
    data = row([cell([paragraph("1")]), cell([paragraph("A concern.")]), cell([paragraph("One long action.")]),
                cell([paragraph("Governor"), paragraph("Governor")]),
                cell([paragraph("Completed and ongoing"), paragraph("February 2024")])])
    result = _import(tmp_path, table([HEADER, data], 5))
    action = result.plan.concerns[0].actions[0]
    assert (action.owner, action.target.format()) == ("Governor", "Completed and ongoing")
    assert [(n.kind, n.text) for n in result.report.notes if n.kind is NoteKind.NOT_IMPORTED] == [
        (NoteKind.NOT_IMPORTED, "Governor"), (NoteKind.NOT_IMPORTED, "February 2024")]


def test_owner_wrapped_over_two_lines_is_one_owner(tmp_path: Path) -> None:
    data = row([cell([paragraph("1")]), cell([paragraph("A concern.")]), cell([paragraph("An action.")]),
                cell([paragraph("Governor and Milton Keynes"), paragraph("(education provider)")]),
                cell([paragraph("March 2024")])])
    result = _import(tmp_path, table([HEADER, data], 5))
    assert result.plan.concerns[0].actions[0].owner == "Governor and Milton Keynes (education provider)"
    assert result.report.of_kind(NoteKind.GUESSED)


def test_concern_continued_on_the_next_page_and_rows_before_any_concern(tmp_path: Path) -> None:
    early = row([cell([]), cell([]), cell([paragraph("Orphan action.")]), cell([paragraph("Governor")]),
                 cell([paragraph("May 2024")])])
    first = row([cell([paragraph("1")]), cell([paragraph("Too many women did not develop employability")]),
                 cell([paragraph("An action.")]), cell([paragraph("Governor")]), cell([paragraph("May 2024")])])
    rest = row([cell([]), cell([paragraph("skills.")]), cell([paragraph("Another.")]), cell([paragraph("Governor")]),
                cell([paragraph("June 2024")])])
    result = _import(tmp_path, table([HEADER, early, first, rest], 5))
    assert [c.text for c in result.plan.concerns] == ["", "Too many women did not develop employability skills."]
    assert [len(c.actions) for c in result.plan.concerns] == [1, 2]
    messages = [n.message for n in result.report.of_kind(NoteKind.GUESSED)]
    assert any("before any concern" in m for m in messages)
    assert any("rest of concern 1" in m for m in messages)  # its Rec No as written
