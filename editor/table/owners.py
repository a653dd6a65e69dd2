"""Responsible owners offered for completion: this plan's, a standard list, and typed before.

Owners a person typed are remembered in the editor's settings (``editor.common.settings``, an INI
file in ``actionplan.paths.config_dir()``), most recent first. One can be forgotten again from
the owner list (Delete on the highlighted name, or its context menu).
"""

from __future__ import annotations

from collections import Counter

from actionplan.model import Plan
from editor.common.settings import AppSettings

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


def owners_in_plan(plan: Plan) -> list[str]:
    """The plan's owners, most used first."""
    counts = Counter(action.owner.strip() for _, action in plan.all_actions() if action.owner.strip())
    return [owner for owner, _ in counts.most_common()]


def typed_owners() -> list[str]:
    return AppSettings().remembered_owners()


def remember_owner(owner: str) -> None:
    owner = owner.strip()
    if owner and owner not in STANDARD_OWNERS:
        AppSettings().remember_owners([owner])


def forget_owner(owner: str) -> None:
    """Stop offering an owner typed before (a mistyped name, say)."""
    AppSettings().forget_owners([owner])


def owner_offer(plan: Plan) -> tuple[list[str], set[str]]:
    """What an owner list offers: every owner without repeats (this plan's, the standard list,
    typed before), and those of them that can be forgotten (typed before, and neither in this
    plan nor standard). Together, as counting a large plan's owners takes a few milliseconds."""
    in_plan = owners_in_plan(plan)
    typed = typed_owners()
    seen: dict[str, None] = {}
    for owner in [*in_plan, *STANDARD_OWNERS, *typed]:
        seen.setdefault(owner, None)
    return list(seen), set(typed) - set(in_plan) - set(STANDARD_OWNERS)
