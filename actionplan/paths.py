"""Where the application keeps its own files: settings, recovery copies and the user dictionary.

``ACTIONPLAN_CONFIG_DIR`` and ``ACTIONPLAN_DATA_DIR`` override the defaults, so tests never
touch a real user's folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "ActionPlanEditor"


def config_dir() -> Path:
    """Settings (an INI file, never the Windows registry) and the user's dictionary."""
    override = os.environ.get("ACTIONPLAN_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def data_dir() -> Path:
    """Local, per-machine data such as recovery copies of unsaved work."""
    override = os.environ.get("ACTIONPLAN_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=False))


def recovery_dir() -> Path:
    return data_dir() / "recovery"
