"""Test set-up: Qt offscreen, and private settings and recovery folders for every test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must happen before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_ACCESSIBILITY", "0")


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the real user's settings, recovery copies and dictionary."""
    root: Path = tmp_path_factory.mktemp("user")
    monkeypatch.setenv("ACTIONPLAN_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("ACTIONPLAN_DATA_DIR", str(root / "data"))
