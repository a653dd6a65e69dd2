"""The day progress is counted from: overdue and due-soon actions, and the checks that depend
on the date. It is today, unless ``ACTIONPLAN_TODAY`` names another day (``2026-07-01``), so
tests, screenshots and demonstrations see the same positions whatever day they run.
"""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    named = os.environ.get("ACTIONPLAN_TODAY", "").strip()
    if named:
        try:
            return dt.date.fromisoformat(named)
        except ValueError:
            pass  # not a date: the real day, rather than a wrong one
    return dt.date.today()


_EARLIEST = dt.datetime(1980, 1, 1, tzinfo=dt.UTC)
_LATEST = dt.datetime(9000, 1, 1, tzinfo=dt.UTC)


def moment_from_file(value: object) -> dt.datetime | None:
    """A moment written in a lock or a recovery copy's details (ISO 8601 with its offset), in
    UTC; None when it is not one, or is so far from now that it cannot be real: a moment near
    the calendar's ends cannot be shown in every time zone (9999-12-31 is year 10000 in Tokyo),
    and showing it would stop the application."""
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
        if moment.tzinfo is None:
            return None
    except ValueError:
        return None
    return plausible_moment(moment)


def plausible_moment(moment: dt.datetime) -> dt.datetime | None:
    """``moment`` in UTC (a moment without an offset is taken as UTC, as workbooks record them),
    or None when it is too far from now to be real, and too near the calendar's ends to be shown
    in every time zone."""
    try:
        aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
        aware = aware.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        return None
    return aware if _EARLIEST <= aware < _LATEST else None
