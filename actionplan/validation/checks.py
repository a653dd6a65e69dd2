"""The rules that look at one item on its own: an action, a concern, or the plan details.

Concern text is quoted from HMIP's report, so only its presence and spelling are checked; the
GOV.UK style rules apply to what the establishment writes (the actions). The fixed introduction
is never checked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache

from actionplan.model import Action, Concern, Era, PlanDetails
from actionplan.spelling import SpellChecker
from actionplan.target_date import TargetDate, TargetKind, format_long_date, parse_target
from actionplan.validation import smart, style
from actionplan.validation.findings import Finding, Location
from actionplan.validation.parsing import TextScan
from actionplan.validation.rec_no import looks_like_rec_no
from actionplan.validation.rules import rule

LocationFor = Callable[[str], Location]
"""Gives the location of a field of the item being checked."""

MAX_MONTHS_AHEAD = 18


def check_action(action: Action, here: LocationFor, spelling: SpellChecker | None = None) -> list[Finding]:
    findings = _located(owner_problems(action.owner), here, "owner")
    findings += _target_findings(action, here)
    findings += _text_findings(action, here, spelling)
    return findings


Problems = tuple[tuple[str, str], ...]
"""(rule id, message) for each problem with one field, before it is given a place."""


def _located(problems: Problems, here: LocationFor, field: str) -> list[Finding]:
    if not problems:
        return []
    location = here(field)
    return [rule(rule_id).finding(message, location) for rule_id, message in problems]


@lru_cache(maxsize=4096)
def owner_problems(owner: str) -> Problems:
    """What is wrong with an owner. A plan names the same few owners on thousands of actions, so
    each is worked out once."""
    if not owner.strip():
        return (("owner-missing",
                 "Add a responsible owner: the role who answers for this action, such as Governor."),)
    problems = []
    if message := smart.multiple_owners_problem(owner):
        problems.append(("owner-multiple", message))
    if message := smart.person_name_problem(owner):
        problems.append(("owner-person-name", message))
    return tuple(problems)


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
    problems: list[tuple[str, str]] = []
    if message := smart.vague_problem(text, scan):
        problems.append(("action-vague", message))
    # A completed action reports what was done; there is nothing left to measure.
    if action.target.kind is not TargetKind.COMPLETED and (message := smart.no_measure_problem(text, scan)):
        problems.append(("action-no-measure", message))
    if message := style.date_format_problem(text, scan):
        problems.append(("style-date-format", message))
    if message := style.long_sentence_problem(text, scan):
        problems.append(("style-long-sentence", message))
    if message := style.words_to_avoid_problem(text, scan):
        problems.append(("style-words-to-avoid", message))
    if spelling is not None and (message := spelling_problem(text, spelling)):
        problems.append(("spelling", message))
    return _located(tuple(problems), here, "text")


def spelling_finding(text: str, location: Location, spelling: SpellChecker) -> Finding | None:
    message = spelling_problem(text, spelling)
    return rule("spelling").finding(message, location) if message else None


def spelling_problem(text: str, spelling: SpellChecker) -> str | None:
    unknown = list(dict.fromkeys(spelling.unknown_words(text)))
    if not unknown:
        return None
    shown = ", ".join(f"“{word}”" for word in unknown[:5]) + (" and others" if len(unknown) > 5 else "")
    return f"Check the spelling of {shown}. If a word is right, add it to the dictionary."


def check_timing(action: Action, here: LocationFor, submitted: dt.date | None) -> list[Finding]:
    """Target dates against the submission date; these change when the details do."""
    target = action.target
    if submitted is None or not target.has_date or target.year is None or target.month is None:
        return []
    return _located(timing_problems(target, submitted), here, "target")


@lru_cache(maxsize=4096)
def timing_problems(target: TargetDate, submitted: dt.date) -> Problems:
    """What is wrong with a dated target, against the submission date: worked out once for each
    month or date a plan uses."""
    if target.year is None or target.month is None:
        return ()
    months_ahead = (target.year - submitted.year) * 12 + target.month - submitted.month
    if months_ahead < 0:
        return (("target-before-submission",
                 f"“{target.format()}” is before the plan is submitted ({format_long_date(submitted)}). "
                 "Mark the action Completed if it is done, or give a later date."),)
    if months_ahead > MAX_MONTHS_AHEAD:
        return (("target-far",
                 f"“{target.format()}” is {months_ahead} months after submission. Add a nearer milestone "
                 "that the progress review, 8 to 12 months on, can check."),)
    return ()


def check_concern(concern: Concern, here: LocationFor, spelling: SpellChecker | None = None) -> list[Finding]:
    return _concern_text_findings(concern, here, spelling) + _reference_findings(concern.reference, here)


def _concern_text_findings(concern: Concern, here: LocationFor, spelling: SpellChecker | None) -> list[Finding]:
    if not concern.text.strip():
        return [rule("concern-text-missing").finding(
            "Copy the concern's wording from the inspection report.", here("text"))]
    if spelling is not None and (found := spelling_finding(concern.text, here("text"), spelling)):
        return [found]
    return []


def _reference_findings(reference: str, here: LocationFor) -> list[Finding]:
    """A manual Rec No that is not shaped like one ("Mr Smith"); empty numbers itself."""
    if not reference or looks_like_rec_no(reference):
        return []
    return [rule("reference-unusual").finding(
        f"“{reference}” does not look like a Rec No. Type the reference the inspection report gives, "
        "such as 1, 1.12 or S45, or clear it to number automatically.", here("reference"))]


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
