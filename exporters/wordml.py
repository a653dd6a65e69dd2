"""WordprocessingML written as text: paragraphs, runs, cells, rows and tables.

python-docx builds one proxy object per element, which is far too slow for a 10,000-action
plan; joining escaped strings and parsing once is about fifty times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Characters XML 1.0 cannot hold. The plan model already removes them; this guards plans
# built in code, so a .docx is never unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BULLET = re.compile(r"^\s*[-\u2022\u2013*]\s+")


def escape(text: str) -> str:
    text = _NOT_XML.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text: str, *, bold: bool = False, caps: bool = False, size_half_points: int | None = None,
        style: str | None = None) -> str:
    properties = f'<w:rStyle w:val="{style}"/>' if style else ""
    if bold:
        properties += "<w:b/><w:bCs/>"
    if caps:
        properties += "<w:caps/>"
    if size_half_points:
        properties += f'<w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/>'
    start = f"<w:r><w:rPr>{properties}</w:rPr>" if properties else "<w:r>"
    # A tab inside w:t is not a tab to Word; it must be its own element.
    pieces = escape(text).split("\t")
    body = "<w:tab/>".join(f'<w:t xml:space="preserve">{piece}</w:t>' for piece in pieces)
    return f"{start}{body}</w:r>"


def paragraph(
    content: str = "", *, style: str | None = None, keep_next: bool = False, runs: str | None = None
) -> str:
    """A paragraph of plain ``content`` (or ready-made ``runs``) in ``style``."""
    properties = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        properties += "<w:keepNext/>"
    start = f"<w:p><w:pPr>{properties}</w:pPr>" if properties else "<w:p>"
    inner = runs if runs is not None else (run(content) if content else "")
    return f"{start}{inner}</w:p>"


# A character style with no formatting of its own that marks the words the exporter writes in a
# cell the plan leaves empty ("Not set"), so an importer can tell them from the same words
# written by a person. It looks like the text around it.
PLACEHOLDER_STYLE = "ActionPlanPlaceholder"


def placeholder(words: str) -> str:
    """A paragraph saying ``words`` in place of something the plan leaves empty."""
    return paragraph(runs=run(words, style=PLACEHOLDER_STYLE))


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line))


def bullet_text(line: str) -> str:
    return _BULLET.sub("", line, count=1)


BULLET_STYLE = "ListBullet"


def bullet_numbering(num_id: str | None) -> str:
    """The list a bullet belongs to, written on each bullet as well as in its style, so readers
    that ignore style numbering still see a list."""
    return f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id else ""


def bullet_paragraph(text: str, numbering: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{BULLET_STYLE}"/>{numbering}</w:pPr>{run(text)}</w:p>'


def text_paragraphs(text: str, numbering: str = "") -> str:
    """Each line of ``text`` as its own paragraph; ``- item`` lines as real bulleted items."""
    parts = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        if is_bullet(line):
            parts.append(bullet_paragraph(bullet_text(line), numbering))
        else:
            parts.append(paragraph(line))
    return "".join(parts) or "<w:p/>"


def plain_paragraphs(text: str) -> str:
    """Each non-blank line of ``text`` as a paragraph, with no list detection."""
    return "".join(paragraph(line) for line in text.split("\n") if line.strip()) or "<w:p/>"


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell: its paragraphs as XML, and how it is merged (the classic layout only)."""

    paragraphs: str
    span: int = 1
    vertical_merge: str | None = None
    """``restart`` on the first cell of a vertical merge, ``continue`` below it."""


def cell_xml(cell: Cell, width: int) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if cell.span > 1:
        properties += f'<w:gridSpan w:val="{cell.span}"/>'
    if cell.vertical_merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif cell.vertical_merge == "continue":
        properties += "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{cell.paragraphs}</w:tc>"


def row_xml(cells: Sequence[Cell], widths: Sequence[int], *, header: bool = False, cant_split: bool = True) -> str:
    properties = ""
    if cant_split:
        properties += "<w:cantSplit/>"
    if header:
        properties += "<w:tblHeader/>"
    start = f"<w:tr><w:trPr>{properties}</w:trPr>" if properties else "<w:tr>"
    parts = [start]
    column = 0
    for cell in cells:
        parts.append(cell_xml(cell, sum(widths[column:column + cell.span])))
        column += cell.span
    parts.append("</w:tr>")
    return "".join(parts)


def table_xml(rows: Iterable[str], widths: Sequence[int], *, style: str, caption: str, description: str) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    properties = (
        f'<w:tblStyle w:val="{style}"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
        'w:noHBand="1" w:noVBand="1"/>'
        f'<w:tblCaption w:val="{escape_attribute(caption)}"/>'
        f'<w:tblDescription w:val="{escape_attribute(description)}"/>'
    )
    return f"<w:tbl><w:tblPr>{properties}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"


def escape_attribute(text: str) -> str:
    return escape(text).replace('"', "&quot;")


def body_fragment(content: str) -> str:
    """``content`` wrapped so it parses on its own."""
    return f'<w:body xmlns:w="{W_NS}">{content}</w:body>'
