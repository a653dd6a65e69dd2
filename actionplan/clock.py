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
