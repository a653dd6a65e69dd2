"""The day progress is counted from."""

from __future__ import annotations

import datetime as dt

import pytest

from actionplan import clock


def test_a_named_day_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACTIONPLAN_TODAY", "2027-02-28")
    assert clock.today() == dt.date(2027, 2, 28)


@pytest.mark.parametrize("named", ["", "  ", "28/02/2027", "2027-02-30", "tomorrow"])
def test_otherwise_the_real_day(monkeypatch: pytest.MonkeyPatch, named: str) -> None:
    monkeypatch.setenv("ACTIONPLAN_TODAY", named)
    assert clock.today() == dt.date.today()


def test_the_tests_count_from_one_fixed_day() -> None:
    assert clock.today() == dt.date(2026, 7, 1)
