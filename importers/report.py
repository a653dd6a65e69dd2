"""The import report: what the importer could not place, what it had to guess, and why.

Nothing in a document is dropped without a line here saying which paragraph it was, where it
went (or that it went nowhere) and why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

TRACKED_CHANGES = ("It has tracked changes that have not been accepted. They were read as if accepted: "
                   "inserted text is in the plan, deleted text is not.")
"""The warning about the whole document when it has unaccepted tracked changes."""


SHOWN_OF_A_KIND = 5
"""How many notes saying the same thing the text report shows before it counts the rest."""


class NoteKind(StrEnum):
    NOT_IMPORTED = "not imported"
    """Text that is in the document but not in the plan."""
    GUESSED = "guessed"
    """Text placed in the plan by a rule that could be wrong."""
    WARNING = "warning"
    """Something about the whole document a person should know."""


@dataclass(frozen=True)
class ImportNote:
    kind: NoteKind
    where: str
    """Where in the document: "Table 1, row 7", "Paragraph 12 (after the table)"."""
    message: str
    """What happened and why, in plain words."""
    text: str = ""
    """The text concerned, shortened."""

    def describe(self) -> str:
        quoted = f" “{shorten(self.text)}”" if self.text else ""
        return f"{self.kind.value.capitalize()}: {self.where}:{quoted} {self.message}"


@dataclass
class ImportReport:
    source: str = ""
    notes: list[ImportNote] = field(default_factory=list)
    concerns: int = 0
    actions: int = 0

    def add(self, kind: NoteKind, where: str, message: str, text: str = "") -> None:
        self.notes.append(ImportNote(kind, where, message, text))

    def of_kind(self, kind: NoteKind) -> list[ImportNote]:
        return [note for note in self.notes if note.kind is kind]

    @property
    def has_tracked_changes(self) -> bool:
        """The document has tracked changes nobody has accepted."""
        return any(note.message == TRACKED_CHANGES for note in self.notes)

    @property
    def is_clean(self) -> bool:
        return not self.notes

    def summary(self) -> str:
        found = f"Imported {_count(self.concerns, 'concern')} and {_count(self.actions, 'action')}"
        if self.source:
            found += f" from {self.source}"
        if self.is_clean:
            return f"{found}. Everything in the document was placed in the plan."
        parts = [
            _count(len(self.of_kind(kind)), label)
            for kind, label in (
                (NoteKind.WARNING, "warning"),
                (NoteKind.GUESSED, "guess"),
                (NoteKind.NOT_IMPORTED, "piece of text not imported"),
            )
            if self.of_kind(kind)
        ]
        return f"{found}. Check {', '.join(parts)}."

    def format(self) -> str:
        """The whole report as plain text, one note a line. Notes that say the same thing
        (every paragraph of a long document left out) are shown a few at a time, then counted,
        so a report stays short enough to read."""
        totals = Counter((note.kind, note.message) for note in self.notes)
        seen: Counter[tuple[NoteKind, str]] = Counter()
        lines = [self.summary()]
        for note in self.notes:
            key = (note.kind, note.message)
            seen[key] += 1
            if seen[key] <= SHOWN_OF_A_KIND:
                lines.append(note.describe())
            if seen[key] == SHOWN_OF_A_KIND and totals[key] > SHOWN_OF_A_KIND:
                more = totals[key] - SHOWN_OF_A_KIND
                lines.append(f"{note.kind.value.capitalize()}: {more:,} more {'place' if more == 1 else 'places'} "
                             f"like these, not listed here: {note.message}")
        return "\n".join(lines)


def shorten(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    plural = {"guess": "guesses", "piece of text not imported": "pieces of text not imported"}
    return f"{number} {plural.get(noun, noun + 's')}"
