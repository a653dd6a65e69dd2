"""ORACLE (tests only): joining paragraphs whose marks were deleted, as it was before import was
made linear, unchanged."""

from __future__ import annotations

from importers.wordml import Paragraph


def _join_deleted_marks(paragraphs: list[Paragraph]) -> list[str]:
    merged: list[Paragraph] = []
    runs_on = False
    for paragraph in paragraphs:
        if runs_on and merged:
            last = merged[-1]
            merged[-1] = Paragraph(last.text + paragraph.text, last.style, last.is_list_item)
        else:
            merged.append(paragraph)
        runs_on = paragraph.mark_deleted
    return [paragraph.line for paragraph in merged]
