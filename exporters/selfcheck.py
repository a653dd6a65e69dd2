"""An accessibility self-check of a produced .docx, against GOV.UK's rules for Word documents.

It reads the file back (not the plan), so it checks what was really written: title and
language, heading order, repeating header rows, rows that split, merged or empty cells, text
under 12pt, and images without alt text.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from lxml import etree

from exporters.options import Layout

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
DC = "http://purl.org/dc/elements/1.1/"
MIN_HALF_POINTS = 24
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass(frozen=True)
class Finding:
    check: str
    """A short name: "Title", "Language", "Headings", "Tables", "Text size", "Images"."""
    ok: bool
    message: str
    known_breach: bool = False
    """A breach the chosen layout makes on purpose (the classic layout's empty and merged cells)."""

    def describe(self) -> str:
        mark = "OK" if self.ok else ("Known breach" if self.known_breach else "Problem")
        return f"{mark}: {self.check}: {self.message}"


@dataclass
class Report:
    title: str = ""
    language: str = ""
    headings: list[tuple[int, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def problems(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.ok]

    @property
    def passed(self) -> bool:
        """True when nothing fails except breaches the layout makes on purpose."""
        return all(finding.ok or finding.known_breach for finding in self.findings)

    def text(self) -> str:
        return "\n".join(finding.describe() for finding in self.findings)


def check_docx(source: Path | str | IO[bytes], layout: Layout | None = None) -> Report:
    """Read ``source`` (a path or an open .docx) back and report on it. ``layout`` marks the
    classic layout's known breaches."""
    with zipfile.ZipFile(source) as package:
        names = set(package.namelist())

        def part(name: str) -> Any:
            return etree.fromstring(package.read(name), _PARSER) if name in names else None

        document = part("word/document.xml")
        styles = part("word/styles.xml")
        core = part("docProps/core.xml")
        extra_parts = [part(name) for name in sorted(names)
                       if name.startswith(("word/header", "word/footer")) and name.endswith(".xml")]
    report = Report()
    style_table = _Styles(styles)
    report.headings = _headings(document, style_table)
    report.findings += _check_title(report, core)
    report.findings += _check_language(report, core, styles)
    report.findings += _check_headings(report.headings)
    report.findings += _check_tables(document, layout)
    report.findings += _check_sizes(style_table, [document, *extra_parts])
    report.findings += _check_images([document, *extra_parts])
    return report


# Styles ---------------------------------------------------------------------------------------


class _Styles:
    def __init__(self, styles: Any) -> None:
        self.by_id: dict[str, Any] = {}
        self.default_size: int | None = None
        if styles is None:
            return
        for style in styles.iter(_w("style")):
            self.by_id[style.get(_w("styleId"))] = style
        size = styles.find(f"{_w('docDefaults')}//{_w('sz')}")
        self.default_size = int(size.get(_w("val"))) if size is not None else None

    def outline_level(self, style_id: str | None, depth: int = 0) -> int | None:
        style = self.by_id.get(style_id or "")
        if style is None or depth > 10:
            return None
        level = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if level is not None:
            return int(level.get(_w("val")))
        based = style.find(_w("basedOn"))
        return self.outline_level(based.get(_w("val")) if based is not None else None, depth + 1)

    def small_styles(self) -> list[str]:
        small = []
        for style_id, style in self.by_id.items():
            size = style.find(f"{_w('rPr')}/{_w('sz')}")
            if size is not None and int(size.get(_w("val"))) < MIN_HALF_POINTS:
                small.append(style.find(_w("name")).get(_w("val")) if style.find(_w("name")) is not None else style_id)
        return small


def _text(element: Any) -> str:
    return "".join(element.itertext(_w("t")))


# Checks ---------------------------------------------------------------------------------------


def _headings(document: Any, styles: _Styles) -> list[tuple[int, str]]:
    headings = []
    for paragraph in document.iter(_w("p")):
        style = paragraph.find(f"{_w('pPr')}/{_w('pStyle')}")
        level = styles.outline_level(style.get(_w("val")) if style is not None else None)
        direct = paragraph.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        if direct is not None:
            level = int(direct.get(_w("val")))
        if level is not None and level < 9:
            headings.append((level + 1, _text(paragraph)))
    return headings


def _check_title(report: Report, core: Any) -> list[Finding]:
    title = core.findtext(f"{{{DC}}}title") if core is not None else None
    report.title = title or ""
    if not title:
        return [Finding("Title", False, "The document has no Title property.")]
    first = next((text for level, text in report.headings if level == 1), None)
    if first is not None and first.strip() != title.strip():
        return [Finding("Title", False, f"The Title property “{title}” does not match the main heading “{first}”.")]
    return [Finding("Title", True, f"The Title property is “{title}”.")]


def _check_language(report: Report, core: Any, styles: Any) -> list[Finding]:
    language = core.findtext(f"{{{DC}}}language") if core is not None else None
    proofing = None
    if styles is not None:
        lang = styles.find(f"{_w('docDefaults')}//{_w('lang')}")
        proofing = lang.get(_w("val")) if lang is not None else None
    report.language = language or ""
    if language != "en-GB" or proofing != "en-GB":
        return [Finding("Language", False,
                        f"The language should be en-GB; the document says {language or 'nothing'} and its "
                        f"text is marked {proofing or 'with no language'}.")]
    return [Finding("Language", True, "The document and its text are in English (UK), en-GB.")]


def _check_headings(headings: list[tuple[int, str]]) -> list[Finding]:
    if not headings:
        return [Finding("Headings", False, "The document uses no heading styles.")]
    problems = []
    if headings[0][0] != 1:
        problems.append(f"the first heading, “{headings[0][1]}”, is not a Heading 1")
    for (before, _), (level, text) in zip(headings, headings[1:], strict=False):
        if level > before + 1:
            problems.append(f"“{text}” is a Heading {level} straight after a Heading {before}")
    if problems:
        return [Finding("Headings", False, "Headings are out of order: " + "; ".join(problems) + ".")]
    return [Finding("Headings", True, f"{len(headings)} headings, in order.")]


def _check_tables(document: Any, layout: Layout | None) -> list[Finding]:
    findings = []
    classic = layout is Layout.CLASSIC
    for number, table in enumerate(document.iter(_w("tbl")), start=1):
        caption = table.find(f"{_w('tblPr')}/{_w('tblCaption')}")
        name = f"Table {number}" + (f" ({caption.get(_w('val'))})" if caption is not None else "")
        rows = table.findall(_w("tr"))
        if not rows:
            continue
        if rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}") is None:
            findings.append(Finding("Tables", False, f"{name}: the header row does not repeat on each page."))
        splitting = sum(1 for row in rows if row.find(f"{_w('trPr')}/{_w('cantSplit')}") is None)
        if splitting:
            why = ("As in the published plans, a long row runs on to the next page." if classic
                   else "A row nearly as tall as a page, or taller, may split, so that none of its text is cut off.")
            findings.append(Finding("Tables", False, f"{name}: {_rows(splitting)} can split across pages. {why}",
                                    known_breach=layout is not None))
        cells = [cell for row in rows for cell in row.findall(_w("tc"))]
        merged = sum(1 for cell in cells if _is_merged(cell))
        empty = sum(1 for cell in cells if not _text(cell).strip() and not _is_merged(cell))
        if merged:
            findings.append(Finding("Tables", False, f"{name}: {_cells(merged, 'merged')}.", known_breach=classic))
        if empty:
            findings.append(Finding("Tables", False, f"{name}: {_cells(empty, 'empty')}.", known_breach=classic))
        if not merged and not empty and not splitting and rows[0].find(f"{_w('trPr')}/{_w('tblHeader')}") is not None:
            findings.append(Finding("Tables", True, f"{name}: header row repeats; no merged or empty cells."))
    return findings


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"


def _cells(count: int, kind: str) -> str:
    return f"1 {kind} cell" if count == 1 else f"{count} {kind} cells"


def _is_merged(cell: Any) -> bool:
    properties = cell.find(_w("tcPr"))
    if properties is None:
        return False
    span = properties.find(_w("gridSpan"))
    spanned = span is not None and int(span.get(_w("val"), "1")) > 1
    return spanned or properties.find(_w("vMerge")) is not None or properties.find(_w("hMerge")) is not None


def _check_sizes(styles: _Styles, parts: list[Any]) -> list[Finding]:
    small: list[str] = []
    if styles.default_size is not None and styles.default_size < MIN_HALF_POINTS:
        small.append(f"the default text size is {styles.default_size / 2:g}pt")
    small += [f"the style “{name}”" for name in styles.small_styles()]
    runs = sum(
        1 for part in parts if part is not None
        for size in part.iter(_w("sz")) if int(size.get(_w("val"), "24")) < MIN_HALF_POINTS
    )
    if runs:
        small.append(f"{runs} pieces of text")
    if small:
        return [Finding("Text size", False, "Text under 12pt: " + "; ".join(small) + ".")]
    return [Finding("Text size", True, "All text is 12pt or larger.")]


def _check_images(parts: list[Any]) -> list[Finding]:
    images = [item for part in parts if part is not None for item in part.iter(f"{{{WP}}}docPr")]
    missing = [item for item in images if not (item.get("descr") or "").strip()]
    if missing:
        return [Finding("Images", False, f"{len(missing)} of {len(images)} images have no alt text.")]
    if images:
        return [Finding("Images", True, f"All {len(images)} images have alt text.")]
    return [Finding("Images", True, "There are no images.")]
