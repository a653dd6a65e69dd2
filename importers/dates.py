"""Dates as published plans write them in their headers.

Seen: ``9th January 2024``, ``05/05/2020``, ``03 June 2020``, ``25 September – 5 October 2023``,
``10-21 February 2020``, ``24-25th February; 2-6th March 2020``, ``23 February to 5 March 2026``.
A range names its month and year once, at the end, so later parts fill in earlier ones.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {
    name: number
    for number, full in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"),
        start=1,
    )
    for name in (full, full[:3], "sept" if full == "september" else full[:3])
}
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})\b")
_TOKEN = re.compile(r"(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\b|([A-Za-z]+)")


@dataclass
class _Partial:
    day: int
    month: int | None = None
    year: int | None = None
    year_given: bool = False


def parse_date_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day named in ``text``, or None if it names no whole date."""
    dates = _numeric_dates(text) or _named_dates(text)
    if not dates:
        return None
    return dates[0], dates[-1]


def parse_date(text: str) -> dt.date | None:
    """A single date, or None. A range gives its first day."""
    found = parse_date_range(text)
    return found[0] if found else None


def _numeric_dates(text: str) -> list[dt.date]:
    dates = []
    for day, month, year in _NUMERIC.findall(text):
        try:
            dates.append(dt.date(int(year), int(month), int(day)))  # UK order: day first
        except ValueError:
            return []
    return dates


def _named_dates(text: str) -> list[dt.date]:
    partials: list[_Partial] = []
    for year, day, word in _TOKEN.findall(text):
        if day:
            partials.append(_Partial(int(day)))
        elif year and partials and partials[-1].year is None:
            partials[-1].year = int(year)
            partials[-1].year_given = True
        elif word and word.lower() in _MONTHS and partials and partials[-1].month is None:
            partials[-1].month = _MONTHS[word.lower()]
    return _complete(partials)


def _complete(partials: list[_Partial]) -> list[dt.date]:
    month: int | None = None
    year: int | None = None
    for partial in reversed(partials):
        month = partial.month = partial.month or month
        year = partial.year = partial.year or year
    dates: list[dt.date] = []
    for partial in partials:
        if partial.month is None or partial.year is None:
            continue  # a stray number, such as a version
        try:
            dates.append(dt.date(partial.year, partial.month, partial.day))
        except ValueError:
            continue
    if len(dates) > 1 and dates[0] > dates[-1] and not partials[0].year_given:
        # "28 December to 5 January 2024": the year named once belongs to the end.
        try:
            dates[0] = dates[0].replace(year=dates[0].year - 1)
        except ValueError:
            return []
    return dates
