"""How tall a table row will be, measured on the safe side.

The accessible layout keeps each row whole on one page (``cantSplit``). Word and LibreOffice
cannot keep a row whole that is taller than a page: they cut it off at the foot of the page and
its last lines are never shown or printed. So a row may be kept whole only when even a generous
measure of its height fits on a page. The measure here is meant to come out taller than any
real rendering, never shorter:

- each character at its width in Arial (which LibreOffice's Liberation Sans matches), and any
  character not in the table at a full em or more;
- lines broken only at spaces (Word also breaks after hyphens, which only saves lines);
- the template's largest font size, line spacing and paragraph spacing among the styles a
  table cell can take them from, and a wider allowance for a template font that is not Arial.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from exporters import wordml

# Advance widths of Arial (and Liberation Sans) in thousandths of an em, for " " to "~".
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # space to /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 0 to ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # @ to O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # P to _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # ` to o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,  # p to ~
)
_WIDTHS = {chr(code): width for code, width in enumerate(_ASCII_WIDTHS, start=32)}
_WIDTHS.update({"‘": 222, "’": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "…": 1000, "•": 350,
                "£": 556, "€": 556, "\u00a0": 278})
_OTHER_WIDTH = 1000  # wider than any Latin letter in Arial
_WIDE_WIDTH = 1300  # East Asian characters and emoji, drawn from a fallback font
_TAB_WIDTH = 3000  # Word's default tab stop is 720 twips, three ems of 12pt type: a tab moves text no further
_ARIAL_LINE = 1.15  # Arial's ascent, descent and line gap, in ems
_BOLD = 1.1  # Arial Bold is at most this much wider than Arial
_ARIAL_LIKE = ("arial", "helvetica", "liberation sans", "arimo")
_OTHER_FONT = 1.25  # allowance for a template font wider than Arial, such as Verdana


@dataclass(frozen=True)
class TextMetrics:
    """The type a table cell is set in, in twips (twentieths of a point)."""

    font_size: int = 240
    line_spacing: float = 1.15
    """A multiple of single spacing ("auto" line spacing)."""
    line_minimum: int = 0
    """An exact or at-least line height, if a style sets one."""
    paragraph_spacing: int = 120
    """Space before plus space after each paragraph."""
    bullet_spacing: int = 60
    """The same for a bulleted item, which has its own style."""
    bullet_indent: int = 360
    cell_margin_width: int = 216
    cell_margin_height: int = 114
    width_factor: float = 1.0
    """More than 1 when the font is not Arial, to stay on the safe side."""

    @property
    def line_height(self) -> int:
        return math.ceil(max(self.font_size * _ARIAL_LINE * self.line_spacing, self.line_minimum))


def _character_width(character: str) -> int:
    found = _WIDTHS.get(character)
    if found is not None:
        return found
    if unicodedata.east_asian_width(character) in ("W", "F") or ord(character) > 0xFFFF:
        return _WIDE_WIDTH
    return 0 if unicodedata.category(character) in ("Mn", "Cf") else _OTHER_WIDTH


@functools.lru_cache(maxsize=65536)
def _word_width(word: str) -> int:
    """A word's width in thousandths of an em."""
    return sum(_TAB_WIDTH if character == "\t" else _character_width(character) for character in word)


def line_count(paragraph: str, width: int, metrics: TextMetrics, *, bold: bool = False) -> int:
    """How many lines ``paragraph`` takes in a column ``width`` twips wide, wrapped at spaces."""
    em = metrics.font_size * metrics.width_factor * (_BOLD if bold else 1.0) / 1000
    available = max(1, width / em)  # the width in thousandths of an em
    space = _WIDTHS[" "]
    lines, used = 1, 0.0
    for word in paragraph.split(" "):
        size = float(_word_width(word))
        if used and used + space + size > available:
            lines, used = lines + 1, 0.0
        elif used:
            used += space
        while size > available:  # a word longer than the line breaks anywhere
            lines += 1
            size -= available
        used += size
    return lines


def text_height(text: str, width: int, metrics: TextMetrics, *, bullets: bool = True, bold: bool = False) -> int:
    """The height of a cell holding ``text``, one paragraph a line, ``- `` lines as bullets."""
    inner = width - metrics.cell_margin_width
    height = metrics.cell_margin_height
    paragraphs = [line for line in text.split("\n") if line.strip()] or [""]
    for line in paragraphs:
        if bullets and wordml.is_bullet(line):
            lines = line_count(wordml.bullet_text(line), inner - metrics.bullet_indent, metrics, bold=bold)
            height += lines * metrics.line_height + metrics.bullet_spacing
        else:
            lines = line_count(line, inner, metrics, bold=bold)
            height += lines * metrics.line_height + metrics.paragraph_spacing
    return height


def row_height(texts: Sequence[str], widths: Sequence[int], metrics: TextMetrics, *, bold: bool = False) -> int:
    """The height of a row whose cells hold ``texts`` in columns ``widths`` twips wide."""
    return max(text_height(text, width, metrics, bold=bold) for text, width in zip(texts, widths, strict=True))


# Reading the template ------------------------------------------------------------------------

_W = f"{{{wordml.W_NS}}}"
# The styles a table cell's paragraphs can take their type from.
_CELL_STYLES = ("Normal", "ActionPlanTable")
_BULLET_STYLE = wordml.BULLET_STYLE


def metrics_from_styles(styles: Any) -> TextMetrics:
    """The largest type the template's styles give a table cell: ``styles`` is the root of
    ``word/styles.xml``. Word and LibreOffice settle between document defaults, the Normal
    style and the table style differently, so the largest of each is taken."""
    found = _Found()
    defaults = styles.find(f"{_W}docDefaults")
    if defaults is not None:
        found.read(defaults)
    bullets = _Found()
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId")
        if style_id in _CELL_STYLES:
            found.read(style)
        if style_id == _BULLET_STYLE:
            found.read(style, spacing=False)
            bullets.read(style)
    arial = all(not name or name.startswith(_ARIAL_LIKE) for name in found.fonts)
    spacing = max(found.between, default=120)
    return TextMetrics(
        font_size=max(found.sizes, default=240), line_spacing=max(found.spacings, default=1.15),
        line_minimum=max(found.minimums, default=0), paragraph_spacing=spacing,
        bullet_spacing=max(bullets.between, default=spacing), bullet_indent=max(found.indents, default=360),
        cell_margin_width=max(found.margins_width, default=216),
        cell_margin_height=max(found.margins_height, default=114), width_factor=1.0 if arial else _OTHER_FONT,
    )


@dataclass
class _Found:
    """Every value the styles read so far set, to take the largest of each."""

    sizes: list[int] = field(default_factory=list)
    spacings: list[float] = field(default_factory=list)
    minimums: list[int] = field(default_factory=list)
    between: list[int] = field(default_factory=list)
    indents: list[int] = field(default_factory=list)
    fonts: list[str] = field(default_factory=list)
    margins_width: list[int] = field(default_factory=list)
    margins_height: list[int] = field(default_factory=list)

    def read(self, source: Any, *, spacing: bool = True) -> None:
        for size in source.iter(f"{_W}sz"):
            self.sizes.append(_int(size.get(f"{_W}val"), 24) * 10)
        for found in source.iter(f"{_W}spacing"):
            line = found.get(f"{_W}line")
            if line is not None and found.get(f"{_W}lineRule", "auto") == "auto":
                self.spacings.append(_int(line, 240) / 240)
            elif line is not None:
                self.minimums.append(_int(line, 0))
            if spacing and (found.get(f"{_W}before") is not None or found.get(f"{_W}after") is not None):
                self.between.append(_int(found.get(f"{_W}before"), 0) + _int(found.get(f"{_W}after"), 0))
        for indent in source.iter(f"{_W}ind"):
            self.indents.append(_int(indent.get(f"{_W}left") or indent.get(f"{_W}start"), 0))
        for font in source.iter(f"{_W}rFonts"):
            self.fonts.append((font.get(f"{_W}ascii") or font.get(f"{_W}hAnsi") or "").lower())
        for margins in source.iter(f"{_W}tblCellMar"):
            sides = {child.tag.removeprefix(_W): _int(child.get(f"{_W}w"), 0) for child in margins}
            self.margins_width.append(sides.get("left", sides.get("start", 0)) + sides.get("right", sides.get("end", 0)))
            self.margins_height.append(sides.get("top", 0) + sides.get("bottom", 0))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
