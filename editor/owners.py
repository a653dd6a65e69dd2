"""Responsible owners offered for completion: this plan's, a standard list, and typed before.

Owners a person typed are remembered in the editor's settings (an INI file in
``actionplan.paths.config_dir()``), most recent first.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QSettings

from actionplan.model import Plan
from actionplan.paths import config_dir

STANDARD_OWNERS = (
    "Governor",
    "Deputy Governor",
    "Head of Safety",
    "Head of Security",
    "Head of Education, Skills and Work",
    "Head of Residence",
    "Head of Healthcare",
    "Head of Reducing Reoffending",
    "Head of Offender Management",
    "HMPPS Estates",
    "HMPPS Directorate of Prison Operations",
)

_HISTORY_KEY = "owners/typed"
_HISTORY_LIMIT = 50


def settings() -> QSettings:
    path = config_dir() / "settings.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def owners_in_plan(plan: Plan) -> list[str]:
    """The plan's owners, most used first."""
    counts = Counter(action.owner.strip() for _, action in plan.all_actions() if action.owner.strip())
    return [owner for owner, _ in counts.most_common()]


def typed_owners() -> list[str]:
    value: object = settings().value(_HISTORY_KEY, [])
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(owner) for owner in value if str(owner).strip()]


def remember_owner(owner: str) -> None:
    owner = owner.strip()
    if not owner or owner in STANDARD_OWNERS:
        return
    history = [owner] + [known for known in typed_owners() if known != owner]
    store = settings()
    store.setValue(_HISTORY_KEY, history[:_HISTORY_LIMIT])
    store.sync()


def owner_choices(plan: Plan) -> list[str]:
    """Every owner to offer, without repeats: this plan's, the standard list, typed before."""
    seen: dict[str, None] = {}
    for owner in [*owners_in_plan(plan), *STANDARD_OWNERS, *typed_owners()]:
        seen.setdefault(owner, None)
    return list(seen)
