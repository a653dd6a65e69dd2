"""Plan dates typed by people: every usual form of a real date is read back exactly, and anything
else is refused with a reason, never guessed (two-digit years included)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from actionplan.target_date import MAX_YEAR, MIN_YEAR, MONTH_NAMES, format_long_date, parse_calendar_date

dates = st.dates(min_value=dt.date(MIN_YEAR, 1, 1), max_value=dt.date(MAX_YEAR, 12, 31))


def usual_forms(day: dt.date) -> list[str]:
    name = MONTH_NAMES[day.month - 1]
    return [
        format_long_date(day),
        f"{day.day} {name[:3]} {day.year}",
        f"{day.day:02} {name.upper()} {day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02}/{day.month:02}/{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day}-{name[:3]}-{day.year}",
        day.isoformat(),
        f"{name} {day.day}, {day.year}",
        f"  {day.day}   {name.lower()}  {day.year} ",
    ]


@given(dates)
@example(dt.date(2026, 12, 15))
@example(dt.date(2028, 2, 29))
def test_every_usual_form_of_a_date_is_read_back_exactly(day: dt.date) -> None:
    for typed in usual_forms(day):
        assert parse_calendar_date(typed) == (day, None), typed


@given(dates)
def test_gov_uk_style_reads_back_to_the_same_date(day: dt.date) -> None:
    shown = format_long_date(day)
    assert parse_calendar_date(shown) == (day, None)
    assert format_long_date(day) == shown


@given(st.text(max_size=40))
@example("")
@example("Completed")
@example("December 2026")
@example("31/02/2026")
def test_anything_typed_gives_a_date_or_a_reason_and_never_fails(typed: str) -> None:
    value, reason = parse_calendar_date(typed)
    if not typed.strip():
        assert (value, reason) == (None, None)
    else:
        assert (value is None) != (reason is None)
    if value is not None:
        assert MIN_YEAR <= value.year <= MAX_YEAR
    if reason is not None:
        assert reason.endswith(".")
        assert "15 December 2026" in reason


@given(dates, st.sampled_from(["{d}/{m}/{yy}", "{d}.{m}.{yy}", "{d}-{m}-{yy}", "{d} {name} {yy}"]))
def test_two_digit_years_are_refused_never_guessed(day: dt.date, form: str) -> None:
    typed = form.format(d=day.day, m=day.month, yy=f"{day.year % 100:02}", name=MONTH_NAMES[day.month - 1])
    value, reason = parse_calendar_date(typed)
    assert value is None
    assert reason == "Write the year in full, like 15 December 2026."


@pytest.mark.parametrize(("typed", "reason"), [
    ("December 2026", "Enter the day as well as the month and year, like 15 December 2026."),
    ("31 June 2026", "That day does not exist in that month. Enter a date, like 15 December 2026."),
    ("13/13/2026", "That month or year does not exist. Enter a date, like 15 December 2026."),
    ("15 Decembr 2026", "“Decembr” is not a month. Enter a date, like 15 December 2026."),
    ("Completed", "Enter a date, like 15 December 2026."),
    ("next week", "Enter a date, like 15 December 2026."),
    ("15 December 1850", "That month or year does not exist. Enter a date, like 15 December 2026."),
])
def test_reasons_say_what_to_write(typed: str, reason: str) -> None:
    assert parse_calendar_date(typed) == (None, reason)
