"""Header dates in every style published plans use."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.dates import parse_date, parse_date_range
from tests.fixtures.build_docx_fixtures import format_date, format_range


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("9th January 2024", dt.date(2024, 1, 9), dt.date(2024, 1, 9)),
        ("9th January 2024.", dt.date(2024, 1, 9), dt.date(2024, 1, 9)),
        ("05/05/2020", dt.date(2020, 5, 5), dt.date(2020, 5, 5)),
        ("03 June 2020", dt.date(2020, 6, 3), dt.date(2020, 6, 3)),
        ("25 September – 5 October 2023", dt.date(2023, 9, 25), dt.date(2023, 10, 5)),
        ("10-21 February 2020", dt.date(2020, 2, 10), dt.date(2020, 2, 21)),
        ("24-25th February; 2-6th March 2020", dt.date(2020, 2, 24), dt.date(2020, 3, 6)),
        ("23 February to 5 March 2026", dt.date(2026, 2, 23), dt.date(2026, 3, 5)),
        ("28 December to 5 January 2024", dt.date(2023, 12, 28), dt.date(2024, 1, 5)),
        ("1 Sept 2023", dt.date(2023, 9, 1), dt.date(2023, 9, 1)),
        ("22 June 2026 (version 2)", dt.date(2026, 6, 22), dt.date(2026, 6, 22)),
    ],
)
def test_published_date_styles(text: str, start: dt.date, end: dt.date) -> None:
    assert parse_date_range(text) == (start, end)


@pytest.mark.parametrize("text", ["", "not set", "TBC", "31 February 2024", "June", "2024", "32/13/2020"])
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31))


@given(dates, st.sampled_from(["plain", "ordinal", "slash", "padded"]))
def test_any_single_date_reads_back(value: dt.date, style: str) -> None:
    assert parse_date(format_date(value, style)) == value


@given(dates, st.integers(min_value=0, max_value=60), st.sampled_from(["to", "dash", "hyphen"]))
def test_any_range_reads_back(start: dt.date, days: int, style: str) -> None:
    end = start + dt.timedelta(days=days)
    assert parse_date_range(format_range(start, end, style)) == (start, end)


@given(st.text(max_size=60))
def test_any_text_gives_a_range_or_none(text: str) -> None:
    found = parse_date_range(text)
    assert found is None or found[0] <= found[1] or found[0].year == found[1].year
