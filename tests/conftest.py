"""Test set-up: Qt offscreen, and private settings and recovery folders for every test."""

from __future__ import annotations

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


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's settings, recovery copies and dictionary."""
    root: Path = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ACTIONPLAN_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("ACTIONPLAN_DATA_DIR", str(root / "data"))
