"""Read the lines above the table: establishment, dates, the introduction.

Published plans write these lines with or without colons and in several date styles, so each
line is matched by its opening words and its date read by ``importers.dates``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from actionplan.model import ORGANISATION, STANDARD_INTRODUCTION, Era, PlanDetails
from importers.dates import parse_date, parse_date_range
from importers.report import ImportReport, NoteKind

_TITLE = re.compile(r"^action\s+plan(?:\s*:\s*|\s+|$)(?P<value>.*)$", re.IGNORECASE)
_TITLE_COLON = re.compile(r"^action\s+plan\s*:", re.IGNORECASE)
_SUBMITTED = re.compile(r"^action\s+plan\s+submitted\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
_INSPECTION = re.compile(
    r"^(?:a\s+)?response\s+to\s+(?:the\s+)?(?:hmip\s+)?inspection\s*(?:dates?)?\s*:?\s*(?P<value>.*)$", re.IGNORECASE
)
_PUBLISHED = re.compile(r"^report\s+published\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
_ESTABLISHMENT = re.compile(r"^establishment\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
_INTRODUCTION = re.compile(r"^introduction\s*:?$", re.IGNORECASE)
_ORGANISATION_WORDS = {"hm prison &", "probation service", ORGANISATION.lower(), "hm prison and probation service"}


def _flat(text: str) -> str:
    return " ".join(text.split())


@dataclass
class DetailsReader:
    """Reads paragraphs outside the table one by one; says whether each one was used."""

    report: ImportReport
    details: PlanDetails = field(default_factory=PlanDetails)
    in_introduction: bool = False
    introduction: list[str] = field(default_factory=list)
    title_seen: bool = False

    def read(self, text: str, where: str) -> bool:
        line = _flat(text)
        if not line or line.lower() in _ORGANISATION_WORDS:
            return True
        if line.lower() == "recommendations" and not self.in_introduction:
            return True  # the section heading of a recommendations-era plan
        if _INTRODUCTION.match(line):
            self.in_introduction = True
            return True
        for pattern, reader in (
            (_SUBMITTED, self._submitted),
            (_INSPECTION, self._inspection),
            (_PUBLISHED, self._published),
            (_ESTABLISHMENT, self._establishment),
        ):
            match = pattern.match(line)
            if match:
                self.in_introduction = False
                reader(match.group("value").strip(), where)
                return True
        title = _TITLE.match(line)
        if title and self._title(title.group("value").strip(), colon=bool(_TITLE_COLON.match(line))):
            self.in_introduction = False
            return True
        if self.in_introduction:
            self.introduction.append(text.strip())
            return True
        return False

    def _title(self, value: str, *, colon: bool) -> bool:
        """Read "Action Plan: <establishment>" or the "ACTION PLAN:" heading above the table;
        False for a sentence that only starts with those words ("Action plan progress will…")."""
        name = value.rstrip(".:").strip()
        if not name or _flat(name).lower() == _flat(self.details.establishment).lower():
            return True  # the heading above the table, with or without the establishment again
        if self.title_seen or ((self.in_introduction or self.introduction) and not colon):
            return False
        self.title_seen = True
        self.details.establishment = name
        return True

    def _establishment(self, value: str, where: str) -> None:
        value = value.rstrip(".").strip()
        current = self.details.establishment
        if not current:
            self.details.establishment = value
        elif _flat(value).lower() != _flat(current).lower():
            self.report.add(NoteKind.WARNING, where, f"The table's ESTABLISHMENT line names “{value}”; the "
                            f"heading's “{current}” was kept.")

    def _submitted(self, value: str, where: str) -> None:
        self.details.submitted = self._date(value, where, "submission date")

    def _published(self, value: str, where: str) -> None:
        self.details.published = self._date(value, where, "publication date")

    def _inspection(self, value: str, where: str) -> None:
        found = parse_date_range(value)
        if found is None:
            self._not_understood(value, where, "inspection dates")
            return
        self.details.inspection_start, self.details.inspection_end = found

    def _date(self, value: str, where: str, what: str) -> dt.date | None:
        found = parse_date(value)
        if found is None:
            self._not_understood(value, where, what)
        return found

    def _not_understood(self, value: str, where: str, what: str) -> None:
        if value and value.lower() != "not set":
            self.report.add(NoteKind.NOT_IMPORTED, where, f"The {what} could not be read as a date.", value)
        else:
            self.report.add(NoteKind.WARNING, where, f"The {what} is blank.")

    def finish(self, where: str) -> PlanDetails:
        """Settle the introduction and the era once every paragraph has been read."""
        written = "\n".join(self.introduction)
        if _flat(written) == _flat(STANDARD_INTRODUCTION):
            self.details.introduction = STANDARD_INTRODUCTION
        elif written:
            self.details.introduction = written
            self.report.add(NoteKind.WARNING, where, "The introduction differs from the standard HMPPS wording; "
                            "it was kept as written.")
        else:
            self.report.add(NoteKind.WARNING, where, "No introduction was found, so the standard one was used.")
        if "recommendation" in written.lower():
            self.details.era = Era.RECOMMENDATIONS
        return self.details
