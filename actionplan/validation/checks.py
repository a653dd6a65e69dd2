"""The rules that look at one item on its own: an action, a concern, or the plan details.

Concern text is quoted from HMIP's report, so only its presence and spelling are checked; the
GOV.UK style rules apply to what the establishment writes (the actions). The fixed introduction
is never checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from actionplan.model import Action, Concern, Era, PlanDetails
from actionplan.spelling import SpellChecker
from actionplan.target_date import TargetKind, format_long_date, parse_target
from actionplan.validation import smart, style
from actionplan.validation.findings import Finding, Location
from actionplan.validation.parsing import TextScan
from actionplan.validation.rules import rule

LocationFor = Callable[[str], Location]
"""Gives the location of a field of the item being checked."""

MAX_MONTHS_AHEAD = 18


def check_action(action: Action, here: LocationFor, spelling: SpellChecker | None = None) -> list[Finding]:
    findings = _owner_findings(action.owner, here) + _target_findings(action, here)
    findings += _text_findings(action, here, spelling)
    return findings


def _owner_findings(owner: str, here: LocationFor) -> list[Finding]:
    if not owner.strip():
        return [rule("owner-missing").finding(
            "Add a responsible owner: the role who answers for this action, such as Governor.",
            here("owner"))]
    findings = []
    if message := smart.multiple_owners_problem(owner):
        findings.append(rule("owner-multiple").finding(message, here("owner")))
    if message := smart.person_name_problem(owner):
        findings.append(rule("owner-person-name").finding(message, here("owner")))
    return findings


def _target_findings(action: Action, here: LocationFor) -> list[Finding]:
    target = action.target
    if target.kind is TargetKind.NOT_SET:
        return [rule("target-missing").finding(
            "Add a target date: a month and year such as December 2026, or Completed.", here("target"))]
    if target.kind is TargetKind.UNRECOGNISED:
        reason = parse_target(target.text or "")[1] or "Write a month and year, such as December 2026."
        return [rule("target-unrecognised").finding(f"“{target.text}” is not a target date. {reason}",
                                                   here("target"))]
    if target.kind is TargetKind.ONGOING:
        return [rule("target-ongoing-only").finding(
            "Add when this will be done or next checked, such as December 2026, rather than "
            "“Ongoing” alone.", here("target"))]
    return []


def _text_findings(action: Action, here: LocationFor, spelling: SpellChecker | None) -> list[Finding]:
    text = action.text
    if not text.strip():
        return [rule("action-text-missing").finding(
            "Write what will be done to answer the concern, or delete this action.", here("text"))]
    scan = TextScan(text)  # what the checks share
    checks: list[tuple[str, str | None]] = [
        ("action-vague", smart.vague_problem(text, scan)),
        ("style-date-format", style.date_format_problem(text, scan)),
        ("style-long-sentence", style.long_sentence_problem(text, scan)),
        ("style-words-to-avoid", style.words_to_avoid_problem(text, scan)),
    ]
    if action.target.kind is not TargetKind.COMPLETED:
        # A completed action reports what was done; there is nothing left to measure.
        checks.insert(1, ("action-no-measure", smart.no_measure_problem(text, scan)))
    findings = [rule(rule_id).finding(message, here("text")) for rule_id, message in checks if message]
    if spelling is not None and (found := spelling_finding(text, here("text"), spelling)):
        findings.append(found)
    return findings


def spelling_finding(text: str, location: Location, spelling: SpellChecker) -> Finding | None:
    unknown = list(dict.fromkeys(spelling.unknown_words(text)))
    if not unknown:
        return None
    shown = ", ".join(f"“{word}”" for word in unknown[:5]) + (" and others" if len(unknown) > 5 else "")
    return rule("spelling").finding(
        f"Check the spelling of {shown}. If a word is right, add it to the dictionary.", location)


def check_timing(action: Action, here: LocationFor, submitted: dt.date | None) -> list[Finding]:
    """Target dates against the submission date; these change when the details do."""
    target = action.target
    if submitted is None or not target.has_date or target.year is None or target.month is None:
        return []
    months_ahead = (target.year - submitted.year) * 12 + target.month - submitted.month
    if months_ahead < 0:
        return [rule("target-before-submission").finding(
            f"“{target.format()}” is before the plan is submitted ({format_long_date(submitted)}). "
            "Mark the action Completed if it is done, or give a later date.", here("target"))]
    if months_ahead > MAX_MONTHS_AHEAD:
        return [rule("target-far").finding(
            f"“{target.format()}” is {months_ahead} months after submission. Add a nearer milestone "
            "that the progress review, 8 to 12 months on, can check.", here("target"))]
    return []


def check_concern(concern: Concern, here: LocationFor, spelling: SpellChecker | None = None) -> list[Finding]:
    if not concern.text.strip():
        return [rule("concern-text-missing").finding(
            "Copy the concern's wording from the inspection report.", here("text"))]
    if spelling is not None and (found := spelling_finding(concern.text, here("text"), spelling)):
        return [found]
    return []


def check_concern_actions(concern: Concern, here: LocationFor) -> list[Finding]:
    if concern.actions:
        return []
    return [rule("concern-without-actions").finding(
        "Add at least one action saying what will be done about this concern.", here("actions"))]


def check_plan_contents(details: PlanDetails, concern_count: int, here: LocationFor) -> list[Finding]:
    """A plan with no concerns (or recommendations, in that era) answers nothing."""
    if concern_count:
        return []
    words = "recommendations" if details.era is Era.RECOMMENDATIONS else "concerns"
    return [rule("plan-empty").finding(f"Add the {words} from the inspection report.", here("concerns"))]


MISSING_DATE_MESSAGES = {
    "submitted": "Add the date the action plan is submitted, such as 15 December 2026.",
    "inspection_start": "Add the inspection's first day, from the inspection report.",
    "inspection_end": "Add the inspection's last day, from the inspection report.",
    "published": "Add the date the inspection report was published.",
}
"""The dates the published plan's heading needs, in the order it shows them."""


def check_details(details: PlanDetails, here: LocationFor) -> list[Finding]:
    findings: list[Finding] = []
    if not details.establishment.strip():
        findings.append(rule("establishment-missing").finding(
            "Add the establishment's name, such as HMP & YOI Stoke Heath.", here("establishment")))
    for field, message in MISSING_DATE_MESSAGES.items():
        if getattr(details, field) is None:
            findings.append(rule("date-missing").finding(message, here(field)))
    order = (
        ("inspection_start", "inspection_end", "The inspection's last day ({later}) is before its first day ({earlier})."),
        ("inspection_end", "published", "The report is published ({later}) before the inspection ends ({earlier})."),
        ("published", "submitted", "The plan is submitted ({later}) before the report is published ({earlier})."),
    )
    for earlier_field, later_field, words in order:
        earlier, later = getattr(details, earlier_field), getattr(details, later_field)
        if earlier is not None and later is not None and later < earlier:
            message = words.format(later=format_long_date(later), earlier=format_long_date(earlier))
            findings.append(rule("dates-inconsistent").finding(f"{message} Correct one of the dates.",
                                                              here(later_field)))
    return findings
