"""Large import inputs in the shapes that once made importing slow, for benchmarks and tests.

Word plans are written as WordprocessingML by hand (as ``tests/fixtures/build_docx_fixtures``
does), so each shape is exactly what is measured: one long action cut into many continuation
rows, a concern cut the same way, a cell whose paragraphs run on through deleted paragraph
marks, and stacked actions cut mid-sentence. Pasted report text comes as numbered concerns,
hard-wrapped and hyphenated as a PDF copies them, some of them very long.

Every input is built from a seeded random number generator, so it is the same on every run.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from benchmarks.generate import make_plan
from exporters.docx_export import export_docx
from exporters.options import ExportOptions, Layout

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
HEADINGS = ("1. Rec No", "2. Concerns", "3. Response Action Taken/Planned", "4. Responsible Owner", "5. Target Date")
_WORDS = ("the", "prison", "will", "review", "visits", "staff", "weekly", "safety", "drugs", "education",
          "reading", "cells", "wing", "leaders", "prisoners", "support", "work", "health", "partners", "data",
          "meetings", "training", "progress", "quality", "improve", "ensure", "monitor", "self-", "rehabili-",
          "segrega-", "harm", "tation", "tion", "and", "of", "to", "(see", "- a", "120", "S45", "1.12")
# Words that cannot start a concern or a dash list, to begin a wrapped line with.
_PLAIN = ("the", "prison", "will", "staff", "weekly", "safety", "and", "of", "to", "leaders", "data")
_OWNERS = ("Governor", "Head of Safety", "Head of Residence", "Deputy Governor")
_TARGETS = ("December 2026", "March 2027", "Completed", "Ongoing", "31 July 2027", "Summer 2027")
SHAPES = ("rows", "continuations", "concern-continuations", "deleted-marks", "stacked-cut")
"""The shapes ``word_rows`` writes; ``rows`` is a plan exported by this project's exporter."""


def _run(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) > 3 and rng.random() < 0.3:
        # Part of a paragraph as a tracked insertion, with a tracked deletion beside it.
        cut = rng.randrange(1, len(words))
        return (f'<w:r><w:t xml:space="preserve">{escape(" ".join(words[:cut]))} </w:t></w:r>'
                '<w:del w:id="1" w:author="R"><w:r><w:delText>gone </w:delText></w:r></w:del>'
                f'<w:ins w:id="2" w:author="R"><w:r><w:t xml:space="preserve">{escape(" ".join(words[cut:]))}'
                "</w:t></w:r></w:ins>")
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _paragraph(text: str, rng: random.Random, *, mark_deleted: bool = False) -> str:
    mark = '<w:pPr><w:rPr><w:del w:id="3" w:author="R"/></w:rPr></w:pPr>' if mark_deleted else ""
    return f"<w:p>{mark}{_run(text, rng) if text else ''}</w:p>"


def _cell(paragraphs: list[str]) -> str:
    return f"<w:tc><w:tcPr/>{''.join(paragraphs) or '<w:p/>'}</w:tc>"


def _row(*cells: list[str]) -> str:
    return f"<w:tr>{''.join(_cell(paragraphs) for paragraphs in cells)}</w:tr>"


def _words(rng: random.Random, low: int = 3, high: int = 14) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))


def _sentence(rng: random.Random, *, lower: bool = False) -> str:
    words = _words(rng)
    words = words if lower else words[:1].upper() + words[1:]
    return words + rng.choice((".", ".", "", ",", ";", ":"))


def _plain(rng: random.Random) -> list[str]:
    return [_paragraph(_sentence(rng), rng)]


def word_rows(shape: str, rows: int, seed: int = 0, new_concern: float = 0.01) -> str:
    """The body of a Word plan of about ``rows`` table rows in ``shape`` (not ``exported``), where
    each row starts a new concern with the chance ``new_concern``: at 0 one concern runs on
    through every row, the worst case for anything that looks back over what came before."""
    rng = random.Random(seed)
    body = [_row(*[[_paragraph(heading, rng)] for heading in HEADINGS])]
    concern = 0
    for index in range(rows):
        starts = index == 0 or rng.random() < new_concern
        if starts:
            concern += 1
        rec = [_paragraph(f"{concern}.", rng)] if starts else []
        concern_text = [_paragraph(_sentence(rng), rng)] if starts else []
        owners = [_paragraph(rng.choice(_OWNERS), rng)]
        targets = [_paragraph(rng.choice(_TARGETS), rng)]
        if shape == "continuations" and not starts:
            # The rest of the action above: no owner or date, often mid-sentence.
            body.append(_row([], [], [_paragraph(_sentence(rng, lower=rng.random() < 0.7), rng)], [], []))
        elif shape == "concern-continuations" and not starts:
            body.append(_row([], [_paragraph(_sentence(rng, lower=rng.random() < 0.7), rng)],
                             _plain(rng) if rng.random() < 0.2 else [], [], []))
        elif shape == "deleted-marks":
            paragraphs = [_paragraph(_sentence(rng), rng, mark_deleted=rng.random() < 0.9)
                          for _ in range(rng.randint(1, 10))]
            body.append(_row(rec, concern_text, paragraphs, owners, targets))
        elif shape == "stacked-cut":
            count = rng.randint(2, 4)
            cut = [_paragraph(_sentence(rng, lower=True), rng) for _ in range(rng.randint(0, 3))]
            body.append(_row(rec, concern_text, cut + [_paragraph(_sentence(rng), rng) for _ in range(count)],
                             owners * count, targets * count))
        else:
            body.append(_row(rec, concern_text, _plain(rng), owners, targets))
    table = f"<w:tbl><w:tblGrid>{'<w:gridCol/>' * len(HEADINGS)}</w:tblGrid>{''.join(body)}</w:tbl>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
            f"<w:p><w:r><w:t>Action Plan: HMP Example</w:t></w:r></w:p>{table}</w:body></w:document>")


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def write_word_plan(path: Path, shape: str, rows: int, seed: int = 0, new_concern: float = 0.01) -> Path:
    """A .docx of about ``rows`` table rows in ``shape``: exported by this project when
    ``shape`` is ``exported``, written by hand otherwise."""
    if shape == "exported":
        export_docx(make_plan(rows, seed=seed), path, ExportOptions(layout=Layout.ACCESSIBLE, draft=True))
        return path
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", word_rows(shape, rows, seed, new_concern))
    return path


def report_text(lines: int, seed: int = 0, *, one_concern: bool = False) -> str:
    """About ``lines`` lines of a report's concerns as copied from a PDF: numbered, wrapped
    mid-sentence, hyphenated at line ends, with page numbers, footers, headings and a few
    concerns that run on for hundreds of lines. With ``one_concern``, a single numbered concern
    wrapped over every line: the worst case for joining wrapped lines."""
    rng = random.Random(seed)
    if one_concern:
        wrapped = [f"{rng.choice(_PLAIN)} {_words(rng, 4, 12)}{rng.choice(('', '', '-', ' self-'))}"
                   for _ in range(lines - 1)]
        return "\n".join(["1. Leaders had not done enough to", *wrapped]) + "."
    out: list[str] = ["Priority concerns"]
    number = 0
    while len(out) < lines:
        number += 1
        if number % 40 == 0:
            out.append("Key concerns")
        length = rng.choice((2, 3, 4, 5, 8)) if rng.random() < 0.95 else rng.randint(100, 600)
        for index in range(length):
            line = _words(rng, 4, 12)
            if rng.random() < 0.2:
                line += rng.choice(("-", "- ", " self-", " rehabili-"))
            if index == 0:
                line = f"{number}. {line[:1].upper()}{line[1:]}" if rng.random() < 0.9 else f"S{number} {line}"
            else:
                line = f"{rng.choice(_PLAIN)} {line}" if rng.random() < 0.9 else line
            out.append(line)
            roll = rng.random()
            if roll < 0.02:
                out.append(str(rng.randint(1, 300)))  # a page number, or a figure the sentence runs on around
            elif roll < 0.03:
                out.append(f"Report on an unannounced inspection of HMP Example {rng.randint(1, 90)}")
            elif roll < 0.04:
                out.append("")
        out[-1] += "."
    return "\n".join(out[:lines])
