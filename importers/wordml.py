"""Read WordprocessingML as a person sees it: paragraphs and tables, in order.

python-docx's ``cell.text`` skips text inside tracked insertions and content controls, and its
``row.cells`` repeats merged cells. So this walks the XML itself: inserted text counts, deleted
text does not, content controls are opened, and each table cell knows its grid column and
whether it continues a vertical merge.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# Elements whose content is transparent: read what is inside as if the wrapper were not there.
_WRAPPERS = {w("sdt"), w("sdtContent"), w("customXml"), w("smartTag"), w("ins"), w("moveTo"), w("hyperlink"),
             w("fldSimple"), w("dir"), w("bdo")}
# Elements whose text is not shown: deleted text, field codes, properties.
_SKIPPED = {w("del"), w("moveFrom"), w("instrText"), w("delInstrText"), w("pPr"), w("rPr"), w("sdtPr"),
            w("sdtEndPr"), w("txbxContent"), w("footnoteReference"), w("endnoteReference"),
            w("commentReference")}
_TRACKED_CHANGES = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "tblPrChange",
                    "trPrChange", "tcPrChange", "sectPrChange", "cellIns", "cellDel", "cellMerge")
_BULLET_CHARACTERS = "•◦▪▫■□●○‣⁃∙·–—*"
# The character style this project's exporter marks its own words with in a cell the plan
# leaves empty (exporters.wordml.PLACEHOLDER_STYLE), and those words. Only these words in
# that style are a placeholder: anything else a person typed over one is their text.
PLACEHOLDER_STYLE = "ActionPlanPlaceholder"
PLACEHOLDER_WORDS = frozenset({"Not set", "No actions yet"})


@dataclass
class Paragraph:
    text: str
    style: str = ""
    is_list_item: bool = False
    mark_deleted: bool = False
    """A tracked deletion of the paragraph mark: the paragraph runs on into the next."""
    placeholder: bool = False
    """Words an exporter put in a cell the plan leaves empty ("Not set"), not a person's text."""

    @property
    def line(self) -> str:
        """The paragraph as a plan stores it: list items as ``- item``."""
        text = self.text.strip()
        if self.is_list_item:
            return f"- {_strip_bullet(text)}" if text else ""
        if text[:1] in _BULLET_CHARACTERS and text[1:2] in (" ", "\t"):
            return f"- {_strip_bullet(text)}"
        return text


def _strip_bullet(text: str) -> str:
    if text[:1] in _BULLET_CHARACTERS or text[:1] == "-":
        return text[1:].strip()
    return text


@dataclass
class Cell:
    column: int
    """The grid column the cell starts in."""
    span: int
    paragraphs: list[Paragraph]
    continues_merge: bool = False
    """A ``vMerge`` continuation: the cell above covers this one."""
    nested_tables: int = 0

    @property
    def placeholder(self) -> str:
        """The exporter's words standing in for an empty cell ("Not set"), if that is all the
        cell holds; otherwise empty."""
        shown = [paragraph for paragraph in self.paragraphs if paragraph.text.strip()]
        if shown and all(paragraph.placeholder for paragraph in shown):
            return shown[0].text.strip()
        return ""

    @property
    def lines(self) -> list[str]:
        """One entry per paragraph or line break, blank ones kept: they line stacked actions up."""
        return [line.strip() for joined in _join_deleted_marks(self.paragraphs) for line in joined.split("\n")]

    @property
    def text(self) -> str:
        return "\n".join(line for line in self.lines if line)


@dataclass
class Row:
    cells: list[Cell]
    deleted: bool = False

    def cell_at(self, column: int) -> Cell | None:
        return next((c for c in self.cells if c.column <= column < c.column + c.span), None)


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((c.column + c.span for row in self.rows for c in row.cells), default=0)


Block = Paragraph | Table


def _join_deleted_marks(paragraphs: list[Paragraph]) -> list[str]:
    """Paragraphs whose marks were deleted run on into the next: each run is gathered and
    joined once, where adding each paragraph's text to the run so far copied the run again
    for every paragraph in it."""
    runs: list[list[Paragraph]] = []
    runs_on = False
    for paragraph in paragraphs:
        if runs_on and runs:
            runs[-1].append(paragraph)
        else:
            runs.append([paragraph])
        runs_on = paragraph.mark_deleted
    return [_joined(run).line for run in runs]


def _joined(run: list[Paragraph]) -> Paragraph:
    if len(run) == 1:
        return run[0]
    first = run[0]
    return Paragraph("".join(paragraph.text for paragraph in run), first.style, first.is_list_item)


def has_tracked_changes(root: etree._Element) -> bool:
    return any(next(root.iter(w(tag)), None) is not None for tag in _TRACKED_CHANGES)


def body_blocks(document: etree._Element, list_styles: frozenset[str] = frozenset()) -> list[Block]:
    body = document.find(w("body"))
    if body is None:
        return []
    return list(_blocks(body, list_styles))


def _blocks(parent: etree._Element, list_styles: frozenset[str]) -> Iterator[Block]:
    for child in parent:
        if child.tag == w("p"):
            yield read_paragraph(child, list_styles)
        elif child.tag == w("tbl"):
            yield read_table(child, list_styles)
        elif child.tag in _WRAPPERS:
            yield from _blocks(child, list_styles)


def read_paragraph(element: etree._Element, list_styles: frozenset[str] = frozenset()) -> Paragraph:
    properties = element.find(w("pPr"))
    style = ""
    is_list = False
    mark_deleted = False
    if properties is not None:
        style_element = properties.find(w("pStyle"))
        style = style_element.get(w("val"), "") if style_element is not None else ""
        numbering = properties.find(w("numPr"))
        if numbering is not None:
            number = numbering.find(w("numId"))
            is_list = number is None or number.get(w("val")) != "0"
        is_list = is_list or style in list_styles
        mark = properties.find(w("rPr"))
        mark_deleted = mark is not None and mark.find(w("del")) is not None
    text = "".join(_text(element))
    return Paragraph(text, style, is_list, mark_deleted, _is_placeholder(element, text))


def _is_placeholder(element: etree._Element, text: str) -> bool:
    if text.strip() not in PLACEHOLDER_WORDS:
        return False
    runs = [run for run in element.iter(w("r")) if run.find(w("t")) is not None]
    # LibreOffice saves the style again under an id made from its name ("Actionplanplaceholder").
    return bool(runs) and all(_run_style(run).lower() == PLACEHOLDER_STYLE.lower() for run in runs)


def _run_style(run: etree._Element) -> str:
    style = run.find(f"{w('rPr')}/{w('rStyle')}")
    return style.get(w("val"), "") if style is not None else ""


def _text(element: etree._Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED or not isinstance(tag, str):
            continue
        if tag == w("t"):
            yield child.text or ""
        elif tag == w("tab"):
            yield " "
        elif tag in (w("br"), w("cr")):
            if child.get(w("type"), "textWrapping") == "textWrapping":
                yield "\n"
        elif tag == w("noBreakHyphen"):
            yield "-"
        elif tag == w("sym"):
            yield _symbol(child)
        else:
            yield from _text(child)


def _symbol(element: etree._Element) -> str:
    try:
        code = int(element.get(w("char"), ""), 16)
    except ValueError:
        return ""
    # Symbol-font characters live in the private use area; F0B7 is the Symbol font's bullet.
    return "•" if code in (0xF0B7, 0xF0A7) else (chr(code) if code < 0xE000 else "")


def read_table(element: etree._Element, list_styles: frozenset[str] = frozenset()) -> Table:
    return Table([_read_row(tr, list_styles) for tr in _children(element, "tr")])


def _children(parent: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct children named ``tag``, looking through content controls and custom XML."""
    for child in parent:
        if child.tag == w(tag):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _read_row(tr: etree._Element, list_styles: frozenset[str]) -> Row:
    properties = tr.find(w("trPr"))
    column = _int_value(properties, "gridBefore", 0)
    deleted = properties is not None and properties.find(w("del")) is not None
    cells = []
    for tc in _children(tr, "tc"):
        cell = _read_cell(tc, column, list_styles)
        cells.append(cell)
        column += cell.span
    return Row(cells, deleted)


def _read_cell(tc: etree._Element, column: int, list_styles: frozenset[str]) -> Cell:
    properties = tc.find(w("tcPr"))
    span = max(1, _int_value(properties, "gridSpan", 1))
    merge = properties.find(w("vMerge")) if properties is not None else None
    continues = merge is not None and merge.get(w("val"), "continue") == "continue"
    paragraphs: list[Paragraph] = []
    nested = 0
    for block in _blocks(tc, list_styles):
        if isinstance(block, Paragraph):
            paragraphs.append(block)
        else:
            nested += 1
            paragraphs.extend(Paragraph(c.text) for r in block.rows for c in r.cells if c.text)
    return Cell(column, span, paragraphs, continues, nested)


def _int_value(properties: etree._Element | None, tag: str, default: int) -> int:
    if properties is None:
        return default
    element = properties.find(w(tag))
    if element is None:
        return default
    try:
        return int(element.get(w("val"), default))
    except ValueError:
        return default


def list_style_ids(styles: etree._Element | None) -> frozenset[str]:
    """Paragraph styles that are bulleted or numbered lists, by their own numbering or name."""
    if styles is None:
        return frozenset()
    found = set()
    for style in styles.iter(w("style")):
        style_id = style.get(w("styleId"), "")
        name = style.find(w("name"))
        name_text = (name.get(w("val"), "") if name is not None else "").lower()
        properties = style.find(w("pPr"))
        numbered = properties is not None and properties.find(w("numPr")) is not None
        if numbered or name_text.startswith(("list bullet", "list number")):
            found.add(style_id)
    return frozenset(found)
