"""What is read from a returned update form, before anything is compared with the plan: each
answered row's id, answers and the words it shows, and the form as a whole."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

from actionplan.target_date import TargetDate
from actionplan.update_forms import Answer, FormIdentity, Shown


@dataclass(frozen=True)
class TypedDate:
    """A date Excel holds as a date rather than as text. ``month_only`` when its cell shows no
    day ("Mar-27"), as Excel does with "Mar 2027" typed into a cell it formats itself."""

    value: dt.date
    month_only: bool = False

    def words(self) -> str:
        return self.target().format()

    def target(self) -> TargetDate:
        if self.month_only:
            return TargetDate.of_month(self.value.year, self.value.month)
        return TargetDate.of_date(self.value)


CellAnswer = str | TypedDate


@dataclass(frozen=True)
class AnsweredRow:
    """One row of a returned form: its row number in the sheet, the action id it carries, and
    what was filled in (only the answers that are not empty)."""

    row: int
    action_id: str
    answers: Mapping[Answer, CellAnswer] = field(default_factory=dict)
    shown: Mapping[Shown, str] = field(default_factory=dict)
    """What the row shows for people to read (its Rec No, action, status...), as it was returned:
    how a row is checked against the action its id names, and how words typed into a column
    that is never read are noticed."""

    def text(self, answer: Answer) -> str:
        return self.texts[answer]

    @functools.cached_property
    def texts(self) -> dict[Answer, str]:
        """Each answer as text, spaces at the ends taken off; a date in GOV.UK style."""
        return {answer: _as_text(self.answers.get(answer, "")) for answer in Answer}

    @property
    def is_blank(self) -> bool:
        return not any(self.texts.values())


def _as_text(value: CellAnswer) -> str:
    return value.words() if isinstance(value, TypedDate) else value.strip()


@dataclass(frozen=True)
class ReturnedForm:
    """A returned workbook as read: who and what it was sent for, its answered rows, when it
    was last saved, and ``problem`` when it could not be read at all."""

    file_name: str
    identity: FormIdentity | None = None
    rows: tuple[AnsweredRow, ...] = ()
    saved_at: dt.datetime | None = None
    """When the workbook was last saved, as it records itself (UTC)."""
    problem: str = ""
    notes: tuple[str, ...] = ()
    """Read, but with something to know: a column not found, rows left unread."""

    @classmethod
    def unreadable(cls, file_name: str, problem: str) -> ReturnedForm:
        return cls(file_name, problem=problem)
