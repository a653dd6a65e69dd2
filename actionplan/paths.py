"""Where the application keeps its own files: settings, recovery copies, the user dictionary and
the user's copy of the sample plan.

``ACTIONPLAN_CONFIG_DIR`` and ``ACTIONPLAN_DATA_DIR`` override the defaults, so tests never
touch a real user's folders.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

import resources
from actionplan.safe_writing import write_atomically

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


def sample_plan_copy() -> Path:
    """The user's own copy of the sample plan, made from the one shipped the first time it is
    asked for, so it can be edited and saved: the shipped one may be read-only, and stays as
    shipped. A copy the user has changed is never replaced. Raises PlanSaveError."""
    path = data_dir() / "sample" / resources.SAMPLE_PLAN
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, resources.read_bytes(resources.SAMPLE_PLAN))
    return path
