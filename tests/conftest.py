"""Test set-up: Qt offscreen, and private settings and recovery folders for every test."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.screens import offscreen_platform

# Must happen before any QApplication exists. The offscreen platform's own screen is 800 by
# 800, and windows keep to their screen: give the tests a large one, so windows they size to
# 1920 by 1080 fit. Smaller screens are tried in processes of their own (tests/screens.py).
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = offscreen_platform(2560, 1600, frames=False)
os.environ.setdefault("QT_ACCESSIBILITY", "0")

TESTS_TODAY = dt.date(2026, 7, 1)


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's settings, recovery copies and dictionary, and
    count progress from one fixed day (``actionplan.clock``), so no test changes its mind as the
    calendar moves on: 1 July 2026, just after the test plans were submitted."""
    root: Path = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ACTIONPLAN_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("ACTIONPLAN_DATA_DIR", str(root / "data"))
    monkeypatch.setenv("ACTIONPLAN_TODAY", TESTS_TODAY.isoformat())
