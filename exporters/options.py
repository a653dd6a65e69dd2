"""What a person chooses when exporting: the layout, draft or final, and a Word template."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path


class Layout(StrEnum):
    ACCESSIBLE = "accessible"
    """One table per section, one row per action, no merged or empty cells. Meets GOV.UK rules."""
    CLASSIC = "classic"
    """Exactly like the published plans: one table, section rows, continuation rows left empty."""

    @property
    def label(self) -> str:
        if self is Layout.ACCESSIBLE:
            return "Accessible (recommended): meets GOV.UK accessibility rules"
        return "Classic: looks exactly like older published plans"


@dataclass(frozen=True)
class ExportOptions:
    layout: Layout = Layout.ACCESSIBLE
    merge_concern_cells: bool = False
    """Classic layout only: merge each Rec No and concern cell down over its actions."""
    draft: bool = False
    """Mark the document DRAFT. A plan with errors can only be exported as a draft."""
    template: Path | None = None
    """An organisation's own .docx whose styles, headers, footers and page set-up are used."""
