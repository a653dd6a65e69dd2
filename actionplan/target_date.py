"""The target date of an action: parsed from what people type, written in GOV.UK style."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, model_validator

from actionplan.text import clean_line

MONTH_NAMES = tuple(calendar.month_name)[1:]
_MONTHS: dict[str, int] = {}
for _number, _name in enumerate(MONTH_NAMES, start=1):
    _MONTHS[_name.lower()] = _number
    _MONTHS[_name[:3].lower()] = _number
_MONTHS["sept"] = 9

MIN_YEAR = 1900
MAX_YEAR = 2200


class TargetKind(StrEnum):
    MONTH = "month"
    DATE = "date"
    COMPLETED = "completed"
    COMPLETED_AND_ONGOING = "completed_and_ongoing"
    ONGOING = "ongoing"
    NOT_SET = "not_set"
    UNRECOGNISED = "unrecognised"


_WORDS = {
    TargetKind.COMPLETED: "Completed",
    TargetKind.COMPLETED_AND_ONGOING: "Completed and ongoing",
    TargetKind.ONGOING: "Ongoing",
}
_WORD_FORMS = {
    "completed": TargetKind.COMPLETED,
    "complete": TargetKind.COMPLETED,
    "done": TargetKind.COMPLETED,
    "completed and ongoing": TargetKind.COMPLETED_AND_ONGOING,
    "complete and ongoing": TargetKind.COMPLETED_AND_ONGOING,
    "completed & ongoing": TargetKind.COMPLETED_AND_ONGOING,
    "completed/ongoing": TargetKind.COMPLETED_AND_ONGOING,
    "completed, ongoing": TargetKind.COMPLETED_AND_ONGOING,
    "ongoing": TargetKind.ONGOING,
    "on-going": TargetKind.ONGOING,
    "on going": TargetKind.ONGOING,
}

_MONTH_NAME = r"(?P<month_name>[a-z]{3,9})\.?"
_YEAR = r"(?P<year>\d+)"
_PATTERNS_MONTH = (
    re.compile(rf"^{_MONTH_NAME},?\s+{_YEAR}$"),
    re.compile(rf"^(?P<month>\d{{1,2}})\s*[/\-.]\s*{_YEAR}$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),
)
_PATTERNS_DATE = (
    re.compile(rf"^(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_NAME},?\s+{_YEAR}$"),
    re.compile(rf"^{_MONTH_NAME}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}$"),
    re.compile(r"^(?P<day>\d{1,2})\s*(?P<sep>[/\-.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<year>\d+)$"),
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"),
)


def _clean_kept_text(value: object) -> object:
    # Text read from a file, not only typed, is cleaned like every other field: a damaged or
    # hostile file's control characters (terminal escape codes) must not reach a screen.
    return clean_line(value) if isinstance(value, str) else value


class TargetDate(BaseModel):
    """One of: a month and year, an exact date, Completed, Completed and ongoing, Ongoing,
    not set, or text that could not be understood (kept word for word)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: TargetKind = TargetKind.NOT_SET
    year: int | None = None
    month: int | None = None
    day: int | None = None
    text: Annotated[str | None, BeforeValidator(_clean_kept_text)] = None

    @model_validator(mode="after")
    def _check_parts(self) -> TargetDate:
        if self.kind in (TargetKind.MONTH, TargetKind.DATE):
            if self.year is None or self.month is None:
                raise ValueError("a month target needs a year and a month")
            if self.kind is TargetKind.DATE and self.day is None:
                raise ValueError("an exact date needs a day")
            if self.kind is TargetKind.MONTH and self.day is not None:
                raise ValueError("a month target has no day")
            # Range-check first: dt.date raises OverflowError, not ValueError, for huge numbers,
            # and a damaged file must give a validation error.
            if not (dt.MINYEAR <= self.year <= dt.MAXYEAR and 1 <= self.month <= 12):
                raise ValueError("that month or year does not exist")
            day = 1 if self.day is None else self.day
            if not 1 <= day <= 31:
                raise ValueError("that day does not exist")
            dt.date(self.year, self.month, day)  # raises ValueError for 31 February
        elif self.year is not None or self.month is not None or self.day is not None:
            raise ValueError(f"a {self.kind.value} target has no date")
        if self.kind is TargetKind.UNRECOGNISED and self.text is None:
            raise ValueError("unrecognised text must be kept")
        if self.kind is not TargetKind.UNRECOGNISED and self.text is not None:
            raise ValueError(f"a {self.kind.value} target keeps no text")
        return self

    # Construction ------------------------------------------------------------------------

    @classmethod
    def not_set(cls) -> TargetDate:
        return _NOT_SET

    @classmethod
    def of_month(cls, year: int, month: int) -> TargetDate:
        return cls(kind=TargetKind.MONTH, year=year, month=month)

    @classmethod
    def of_date(cls, value: dt.date) -> TargetDate:
        return cls(kind=TargetKind.DATE, year=value.year, month=value.month, day=value.day)

    @classmethod
    def of_kind(cls, kind: TargetKind) -> TargetDate:
        if kind not in _WORDS and kind is not TargetKind.NOT_SET:
            raise ValueError(f"{kind} needs more than a kind")
        return cls(kind=kind)

    @classmethod
    def parse(cls, typed: str) -> TargetDate:
        """Understand what a person typed. Anything not understood is kept word for word."""
        return parse_target(typed)[0]

    # Reading -----------------------------------------------------------------------------

    def __str__(self) -> str:
        return self.format()

    def format(self) -> str:
        """GOV.UK style: ``December 2026``, ``31 March 2027``, ``Completed``."""
        if self.kind is TargetKind.MONTH:
            return f"{MONTH_NAMES[self.month_or_raise() - 1]} {self.year}"
        if self.kind is TargetKind.DATE:
            return f"{self.day} {MONTH_NAMES[self.month_or_raise() - 1]} {self.year}"
        if self.kind is TargetKind.UNRECOGNISED:
            return self.text or ""
        return _WORDS.get(self.kind, "")

    def month_or_raise(self) -> int:
        if self.month is None:
            raise ValueError(f"{self.kind} has no month")
        return self.month

    @property
    def is_set(self) -> bool:
        return self.kind is not TargetKind.NOT_SET

    @property
    def is_recognised(self) -> bool:
        return self.kind is not TargetKind.UNRECOGNISED

    @property
    def is_completed(self) -> bool:
        return self.kind in (TargetKind.COMPLETED, TargetKind.COMPLETED_AND_ONGOING)

    @property
    def has_date(self) -> bool:
        return self.kind in (TargetKind.MONTH, TargetKind.DATE)

    def first_day(self) -> dt.date | None:
        """The earliest day the target could mean: the 1st for a month."""
        if not self.has_date:
            return None
        return dt.date(self.year or 1, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date | None:
        """The latest day the target could mean: the month's last day for a month."""
        if not self.has_date or self.year is None or self.month is None:
            return None
        if self.day is not None:
            return dt.date(self.year, self.month, self.day)
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


_NOT_SET = TargetDate()


_TARGET_HINT = (
    "Write a month and year (December 2026), a date (31 March 2027), "
    "Completed, Completed and ongoing, or Ongoing."
)


def parse_target(typed: str) -> tuple[TargetDate, str | None]:
    """Parse ``typed``; return the target and, when it was not understood, why, in plain words."""
    text = " ".join(clean_line(typed).split())
    if not text:
        return _NOT_SET, None
    lowered = text.lower().rstrip(".")
    if lowered in _WORD_FORMS:
        return TargetDate(kind=_WORD_FORMS[lowered]), None
    found = _match(lowered)
    if found is None:
        return _unrecognised(typed), _TARGET_HINT
    parts, exact = found
    read = _read_parts(parts, exact=exact)
    if isinstance(read, _Refusal):
        return _unrecognised(typed), _as_typed(read, text).target_reason()
    year, month, day = read
    if day is None:
        return TargetDate.of_month(year, month), None
    return TargetDate.of_date(dt.date(year, month, day)), None


def _unrecognised(typed: str) -> TargetDate:
    return TargetDate(kind=TargetKind.UNRECOGNISED, text=typed)


def _match(lowered: str) -> tuple[dict[str, Any], bool] | None:
    """The parts of a date (exact) or of a month and year (not exact), by the first form that fits."""
    for pattern in _PATTERNS_DATE:
        match = pattern.match(lowered)
        if match:
            return match.groupdict(), True
    for pattern in _PATTERNS_MONTH:
        match = pattern.match(lowered)
        if match:
            return match.groupdict(), False
    return None


class _Why(StrEnum):
    SHORT_YEAR = "short_year"
    NOT_A_MONTH = "not_a_month"
    NO_SUCH_MONTH_OR_YEAR = "no_such_month_or_year"
    NO_SUCH_DAY = "no_such_day"


@dataclass(frozen=True)
class _Refusal:
    """Why parts that look like a date are not one; ``word`` is the month name not understood."""

    why: _Why
    word: str = ""

    def target_reason(self) -> str:
        return {
            _Why.SHORT_YEAR: "Write the year in full, for example 2027, so the date cannot be misread.",
            _Why.NOT_A_MONTH: f"“{self.word}” is not a month.",
            _Why.NO_SUCH_MONTH_OR_YEAR: "That month or year does not exist.",
            _Why.NO_SUCH_DAY: "That day does not exist in that month.",
        }[self.why]

    def date_reason(self) -> str:
        return {
            _Why.SHORT_YEAR: f"Write the year in full, like {DATE_EXAMPLE}.",
            _Why.NOT_A_MONTH: f"“{self.word}” is not a month. Enter a date, like {DATE_EXAMPLE}.",
            _Why.NO_SUCH_MONTH_OR_YEAR: f"That month or year does not exist. Enter a date, like {DATE_EXAMPLE}.",
            _Why.NO_SUCH_DAY: f"That day does not exist in that month. Enter a date, like {DATE_EXAMPLE}.",
        }[self.why]


def _read_parts(parts: dict[str, Any], *, exact: bool) -> tuple[int, int, int | None] | _Refusal:
    """Year, month and (when ``exact``) day from matched parts, or why they are not a date."""
    if len(parts["year"]) != 4:
        return _Refusal(_Why.SHORT_YEAR)
    year = int(parts["year"])
    if parts.get("month_name") is not None:
        month = _MONTHS.get(parts["month_name"])
        if month is None:
            return _Refusal(_Why.NOT_A_MONTH, parts["month_name"])
    else:
        month = int(parts["month"])
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return _Refusal(_Why.NO_SUCH_MONTH_OR_YEAR)
    if not exact:
        return year, month, None
    try:
        day = dt.date(year, month, int(parts["day"]))
    except ValueError:
        return _Refusal(_Why.NO_SUCH_DAY)
    return year, month, day.day


# Calendar dates (the plan's own dates) ------------------------------------------------------------

DATE_EXAMPLE = "15 December 2026"
DATE_HINT = f"Enter a date, like {DATE_EXAMPLE}."
# "15-Dec-2026", "15.Dec.2026": a separator between a number and a month name reads as a space.
_NAME_SEPARATOR = re.compile(r"(?<=\d)[-/.](?=[a-z])|(?<=[a-z])[-/.](?=\d)")


def _as_typed(refusal: _Refusal, text: str) -> _Refusal:
    """The refusal with its word said back as the person typed it ("Spring", not "spring")."""
    if not refusal.word:
        return refusal
    typed_word = re.search(re.escape(refusal.word), text, re.IGNORECASE)
    return _Refusal(refusal.why, typed_word.group() if typed_word else refusal.word)


def parse_calendar_date(typed: str) -> tuple[dt.date | None, str | None]:
    """A day, month and year typed in any usual form: ``15 December 2026``, ``15 Dec 2026``,
    ``15/12/2026``, ``2026-12-15``. Returns ``(date, None)``; ``(None, None)`` for nothing
    typed (not set); or ``(None, reason)`` for anything else, never a guess: two-digit years,
    a month without a day and days that do not exist are refused.
    """
    text = " ".join(typed.split())
    if not text:
        return None, None
    lowered = _NAME_SEPARATOR.sub(" ", text.lower().rstrip("."))
    found = _match(lowered)
    if found is None:
        return None, DATE_HINT
    parts, exact = found
    read = _read_parts(parts, exact=exact)
    if isinstance(read, _Refusal):
        return None, _as_typed(read, text).date_reason()
    year, month, day = read
    if day is None:
        return None, f"Enter the day as well as the month and year, like {DATE_EXAMPLE}."
    return dt.date(year, month, day), None


def format_long_date(value: dt.date) -> str:
    """A calendar date in GOV.UK style: ``22 June 2026``."""
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
