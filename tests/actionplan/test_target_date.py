"""TargetDate: everything people type, GOV.UK formatting, and two-digit years refused."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from actionplan.model import Action
from actionplan.target_date import TargetDate, TargetKind, format_long_date, parse_target
from actionplan.text import clean_line
from tests.strategies import target_dates


@pytest.mark.parametrize(
    ("typed", "year", "month"),
    [
        ("Dec 2026", 2026, 12),
        ("December 2026", 2026, 12),
        ("december 2026", 2026, 12),
        ("DECEMBER 2026", 2026, 12),
        ("Dec. 2026", 2026, 12),
        ("Sept 2026", 2026, 9),
        ("Sep 2026", 2026, 9),
        ("March, 2027", 2027, 3),
        ("12/2026", 2026, 12),
        ("3/2027", 2027, 3),
        ("03/2027", 2027, 3),
        ("03-2027", 2027, 3),
        ("03.2027", 2027, 3),
        ("2027-03", 2027, 3),
        ("  June   2026  ", 2026, 6),
        ("June\u00a02026", 2026, 6),
    ],
)
def test_month_and_year(typed: str, year: int, month: int) -> None:
    target, reason = parse_target(typed)
    assert reason is None
    assert target == TargetDate.of_month(year, month)
    assert target.kind is TargetKind.MONTH


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31 March 2027", dt.date(2027, 3, 31)),
        ("31 Mar 2027", dt.date(2027, 3, 31)),
        ("31/03/2027", dt.date(2027, 3, 31)),
        ("31-03-2027", dt.date(2027, 3, 31)),
        ("31.03.2027", dt.date(2027, 3, 31)),
        ("1/3/2027", dt.date(2027, 3, 1)),
        ("9th January 2024", dt.date(2024, 1, 9)),
        ("1st of March 2027", dt.date(2027, 3, 1)),
        ("22nd June 2026", dt.date(2026, 6, 22)),
        ("3rd May 2026", dt.date(2026, 5, 3)),
        ("March 31, 2027", dt.date(2027, 3, 31)),
        ("2027-03-31", dt.date(2027, 3, 31)),
        ("29 February 2028", dt.date(2028, 2, 29)),
    ],
)
def test_exact_date(typed: str, day: dt.date) -> None:
    target, reason = parse_target(typed)
    assert reason is None
    assert target == TargetDate.of_date(day)
    assert target.first_day() == target.last_day() == day


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("completed", TargetKind.COMPLETED),
        ("Completed", TargetKind.COMPLETED),
        ("COMPLETED.", TargetKind.COMPLETED),
        ("Complete", TargetKind.COMPLETED),
        ("Completed and ongoing", TargetKind.COMPLETED_AND_ONGOING),
        ("completed & ongoing", TargetKind.COMPLETED_AND_ONGOING),
        ("Completed/Ongoing", TargetKind.COMPLETED_AND_ONGOING),
        ("Ongoing", TargetKind.ONGOING),
        ("on-going", TargetKind.ONGOING),
        ("", TargetKind.NOT_SET),
        ("   ", TargetKind.NOT_SET),
    ],
)
def test_words(typed: str, kind: TargetKind) -> None:
    target, reason = parse_target(typed)
    assert reason is None
    assert target.kind is kind


@pytest.mark.parametrize("typed", ["Dec 26", "12/26", "31/03/27", "31 March 27", "1.3.27", "026-03"])
def test_two_digit_years_are_refused_not_guessed(typed: str) -> None:
    target, reason = parse_target(typed)
    assert target.kind is TargetKind.UNRECOGNISED
    assert target.text == typed
    assert reason is not None


def test_two_digit_year_reason_asks_for_the_full_year() -> None:
    _, reason = parse_target("Dec 26")
    assert reason == "Write the year in full, for example 2027, so the date cannot be misread."


@pytest.mark.parametrize("typed", ["Spring 2027", "SPRING 2027", "1 Spring 2027"])
def test_a_word_that_is_not_a_month_is_said_back_as_typed(typed: str) -> None:
    word = typed.split()[-2]
    assert parse_target(typed)[1] == f"“{word}” is not a month."


@pytest.mark.parametrize(
    ("typed", "reason_part"),
    [
        ("31 February 2027", "day does not exist"),
        ("13/2026", "does not exist"),
        ("0/2026", "does not exist"),
        ("Decembr 2026", "is not a month"),
        ("December 1066", "does not exist"),
        ("Q3 2026", "Write a month and year"),
        ("ASAP", "Write a month and year"),
        ("end of the year", "Write a month and year"),
    ],
)
def test_not_understood_is_kept_with_a_reason(typed: str, reason_part: str) -> None:
    target, reason = parse_target(typed)
    assert target.kind is TargetKind.UNRECOGNISED
    assert target.text == typed
    assert target.format() == typed
    assert reason is not None
    assert reason_part in reason


@pytest.mark.parametrize(
    ("target", "shown"),
    [
        (TargetDate.of_month(2026, 12), "December 2026"),
        (TargetDate.of_date(dt.date(2027, 3, 31)), "31 March 2027"),
        (TargetDate.of_date(dt.date(2027, 3, 1)), "1 March 2027"),
        (TargetDate.of_kind(TargetKind.COMPLETED), "Completed"),
        (TargetDate.of_kind(TargetKind.COMPLETED_AND_ONGOING), "Completed and ongoing"),
        (TargetDate.of_kind(TargetKind.ONGOING), "Ongoing"),
        (TargetDate.not_set(), ""),
    ],
)
def test_gov_uk_format(target: TargetDate, shown: str) -> None:
    assert target.format() == shown
    assert str(target) == shown


def test_format_long_date() -> None:
    assert format_long_date(dt.date(2026, 6, 22)) == "22 June 2026"
    assert format_long_date(dt.date(2026, 6, 2)) == "2 June 2026"


def test_month_target_spans_the_whole_month() -> None:
    target = TargetDate.of_month(2028, 2)
    assert target.first_day() == dt.date(2028, 2, 1)
    assert target.last_day() == dt.date(2028, 2, 29)
    assert TargetDate.parse("Completed").first_day() is None


def test_kind_properties() -> None:
    assert not TargetDate.not_set().is_set
    assert TargetDate.parse("Completed and ongoing").is_completed
    assert not TargetDate.parse("ASAP").is_recognised
    assert TargetDate.parse("June 2026").has_date


def test_assigning_a_string_to_an_action_parses_it() -> None:
    action = Action()
    action.target = "Dec 2026"  # type: ignore[assignment]
    assert action.target == TargetDate.of_month(2026, 12)


@pytest.mark.parametrize(
    "parts",
    [
        {"kind": "date", "year": 2026, "month": 1, "day": 0},
        {"kind": "date", "year": 2026, "month": 2, "day": 30},
        {"kind": "date", "year": 2026, "month": 1},
        {"kind": "month", "year": 2026, "month": 1, "day": 5},
        {"kind": "month", "year": 2026, "month": 13},
        {"kind": "month", "year": 10**20, "month": 1},
        {"kind": "month", "year": 0, "month": 1},
        {"kind": "month", "month": 1},
        {"kind": "completed", "year": 2026},
        {"kind": "ongoing", "text": "soon"},
        {"kind": "unrecognised"},
        {"kind": "someday"},
    ],
)
def test_impossible_targets_are_refused_with_a_validation_error(parts: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        TargetDate.model_validate(parts)


def test_of_kind_refuses_kinds_that_need_more() -> None:
    with pytest.raises(ValueError, match="needs more"):
        TargetDate.of_kind(TargetKind.MONTH)


# Properties ------------------------------------------------------------------------------


@settings(deadline=None)
@given(target_dates())
def test_parse_of_format_gives_back_the_same_target(target: TargetDate) -> None:
    assert TargetDate.parse(target.format()) == target


@settings(deadline=None)
@given(st.text())
@example("\x00Dec 2026")
@example("31/02/2027")
@example("99/99/9999")
@example("1" * 5000 + "/2026")
@example("\u0661\u0662/\u0662\u0660\u0662\u0666")  # Arabic-Indic digits
def test_parse_never_raises(typed: str) -> None:
    target, reason = parse_target(typed)
    assert isinstance(target, TargetDate)
    assert (reason is None) == target.is_recognised


@settings(deadline=None)
@given(st.text())
def test_unrecognised_text_is_kept_word_for_word(typed: str) -> None:
    # Word for word, cleaned like every other field: control characters go.
    target = TargetDate.parse(typed)
    if target.kind is TargetKind.UNRECOGNISED:
        assert target.text == clean_line(typed)
        assert target.format() == clean_line(typed)


@settings(deadline=None)
@given(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))
def test_every_date_in_every_written_form_parses(day: dt.date) -> None:
    month = format_long_date(day).split()[1]
    forms = [
        f"{day.day} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        day.isoformat(),
    ]
    for form in forms:
        assert TargetDate.parse(form) == TargetDate.of_date(day), form
    assert TargetDate.parse(f"{month} {day.year}") == TargetDate.of_month(day.year, day.month)
    assert TargetDate.parse(f"{day.month}/{day.year}") == TargetDate.of_month(day.year, day.month)


@settings(deadline=None)
@given(target_dates())
def test_json_round_trip(target: TargetDate) -> None:
    assert TargetDate.model_validate_json(target.model_dump_json()) == target
