"""``PlanValidator`` keeps every finding of a plan and, after an edit, re-checks only what the
edit touched plus the few rules that span the plan. The editor owns one per open plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from actionplan import clock
from actionplan.changes import PlanChange
from actionplan.model import Action, Concern, Plan
from actionplan.spelling import SpellChecker
from actionplan.validation import checks, planwide, progress_checks
from actionplan.validation.dismissals import dismissed_keys
from actionplan.validation.findings import Finding, Location, Severity
from actionplan.validation.planwide import TextSummary

DETAILS = "details"

# Groups of findings, each recomputed by its own trigger.
_LOCAL = "local"  # the item's own fields
_TIMING = "timing"  # target dates against the submission date
_ACTIONS = "actions"  # a concern with no actions
_REFERENCES = "references"
_CROSS = "cross"
_ABBREVIATIONS = "abbreviations"
_CONTENTS = "contents"  # a plan with no concerns
_PROGRESS = "progress"  # how the action is going, on the day it is checked
_GROUPS = (_CONTENTS, _LOCAL, _TIMING, _ACTIONS, _REFERENCES, _CROSS, _ABBREVIATIONS, _PROGRESS)


@dataclass(frozen=True)
class Counts:
    errors: int
    warnings: int
    """Warnings still showing: dismissed ones are not counted."""
    dismissed: int


class _Store:
    """Findings by group and item, with running totals so counting is instant."""

    def __init__(self) -> None:
        self.groups: dict[str, dict[str, list[Finding]]] = {group: {} for group in _GROUPS}
        self.errors = 0
        self.warnings = 0
        self.version = 0
        """Goes up whenever a finding changes, so readers can keep what they built."""

    def put(self, group: str, item_id: str, findings: list[Finding]) -> None:
        old = self.groups[group].pop(item_id, None)
        if (old or []) != findings:
            self.version += 1
        if old:
            self._count(old, -1)
        if findings:
            self.groups[group][item_id] = findings
            self._count(findings, 1)

    def replace_group(self, group: str, findings: list[Finding]) -> None:
        by_item: dict[str, list[Finding]] = {}
        for finding in findings:
            by_item.setdefault(finding.location.item_id, []).append(finding)
        for item_id in list(self.groups[group]):
            if item_id not in by_item:
                self.put(group, item_id, [])
        for item_id, item_findings in by_item.items():
            if self.groups[group].get(item_id) != item_findings:
                self.put(group, item_id, item_findings)

    def recount(self) -> None:
        """Count every finding afresh, after groups were filled directly."""
        self.errors = self.warnings = 0
        for group in self.groups.values():
            for findings in group.values():
                self._count(findings, 1)
        self.version += 1

    def for_item(self, item_id: str) -> list[Finding]:
        found: list[Finding] = []
        for group in self.groups.values():
            found.extend(group.get(item_id, ()))
        return found

    def _count(self, findings: list[Finding], sign: int) -> None:
        for finding in findings:
            if finding.severity is Severity.ERROR:
                self.errors += sign
            else:
                self.warnings += sign


class PlanValidator:
    """All findings of one plan, kept up to date by ``update(change)`` after each edit.

    ``spelling`` (optional) adds the spelling rule; each edit then re-checks only the edited
    text's spelling.
    """

    def __init__(self, plan: Plan, spelling: SpellChecker | None = None,
                 today: Callable[[], dt.date] = clock.today) -> None:
        self.spelling = spelling
        self.today = today
        self.reset(plan)

    # Whole plan ------------------------------------------------------------------------------

    def reset(self, plan: Plan) -> None:
        """Check ``plan`` from scratch (a plan was opened or replaced)."""
        self.plan = plan
        self._today = self.today()
        self._store = _Store()
        self._in_order: tuple[int, list[Finding]] | None = None
        self._summaries: dict[tuple[str, str], TextSummary] = {}
        self._submitted: dt.date | None = plan.details.submitted
        self._index()
        self._learn_names()
        self._check_details()
        self._check_every_item()
        self._check_structure()
        self._check_cross_references()
        self._check_abbreviations()

    def update(self, change: PlanChange) -> None:
        """Re-check what ``change`` touched, and the plan-wide rules it can affect."""
        self._today = self.today()
        structure = change.structure or not self._ids_known(change)
        if structure:
            self._reindex()
        touched = [*change.action_ids, *change.concern_ids]
        before = self._summary_keys(touched)
        if change.details:
            self._check_details()
        for concern_id in change.concern_ids:
            concern = self.plan.find_concern(concern_id)
            if concern is not None:
                self._check_concern(concern)
        for action_id in change.action_ids:
            found = self.plan.find_action(action_id)
            if found is not None:
                self._check_action(*found)
        if self.plan.details.submitted != self._submitted:
            self._submitted = self.plan.details.submitted
            self._check_all_timing()
        after = self._summary_keys(touched)
        if structure:
            self._check_structure()
        elif change.details:
            self._check_contents()  # its words follow the template era
        if structure or [x for x, _ in before] != [x for x, _ in after]:
            self._check_cross_references()
        if structure or change.details or [a for _, a in before] != [a for _, a in after]:
            self._check_abbreviations()

    def _ids_known(self, change: PlanChange) -> bool:
        # An id we have never seen means a structural change that was not flagged as one.
        return all(i in self._positions for i in change.concern_ids | change.action_ids)

    def _summary_keys(self, item_ids: list[str]) -> list[tuple[object, object]]:
        """What the plan-wide rules read from these items: if it is unchanged after an edit
        (the usual keystroke), they need not run again."""
        keys: list[tuple[object, object]] = []
        for item_id in item_ids:
            summary = self._summaries.get((item_id, "text"))
            if summary is None:
                keys.append(((), ()))  # nothing to summarise, or not summarised yet
            else:
                keys.append((planwide.cross_reference_key(summary), planwide.abbreviation_key(summary)))
        return keys

    def recheck_rule(self, rule_id: str) -> None:
        """Re-check every item that has a ``rule_id`` finding: after a word is added to the
        dictionary, only texts with spelling findings can change."""
        found = [item_id for item_id, findings in self._store.groups[_LOCAL].items()
                 if any(f.rule == rule_id for f in findings)]
        for item_id in found:
            if item_id == DETAILS:
                self._check_details()
            elif (action := self.plan.find_action(item_id)) is not None:
                self._check_action(*action)
            elif (concern := self.plan.find_concern(item_id)) is not None:
                self._check_concern(concern)

    # Reading ---------------------------------------------------------------------------------

    def findings(self, include_dismissed: bool = False) -> list[Finding]:
        """Every finding in plan order: details, then each concern and its actions."""
        if self._in_order is None or self._in_order[0] != self._store.version:
            self._in_order = (self._store.version, list(self._all_in_order()))
        found = list(self._in_order[1])
        if include_dismissed:
            return found
        hidden = dismissed_keys(self.plan)
        return [f for f in found if not _is_hidden(f, hidden)]

    def _all_in_order(self) -> Iterator[Finding]:
        groups = [group for group in self._store.groups.values() if group]  # most are empty
        for item_id in self._ids_in_order():
            for group in groups:
                if found := group.get(item_id):
                    yield from found

    def _ids_in_order(self) -> Iterator[str]:
        # Each id once: findings are kept by id, so an id two items shared (storage repairs
        # that on loading) would otherwise list every finding of that id once per item.
        seen = {DETAILS}
        yield DETAILS
        for concern in self.plan.in_display_order():
            for item_id in (concern.id, *(action.id for action in concern.actions)):
                if item_id not in seen:
                    seen.add(item_id)
                    yield item_id

    def findings_for(self, item_id: str, field: str | None = None, include_dismissed: bool = False) -> list[Finding]:
        found = self._store.for_item(item_id)
        if field is not None:
            found = [f for f in found if f.location.field == field]
        if include_dismissed or not found or not self.plan.dismissals:
            return found
        hidden = dismissed_keys(self.plan)
        return [f for f in found if not _is_hidden(f, hidden)]

    def is_dismissed(self, finding: Finding) -> bool:
        return _is_hidden(finding, dismissed_keys(self.plan))

    def counts(self) -> Counts:
        hidden = dismissed_keys(self.plan)
        dismissed = 0
        for _rule, item_id, _field in hidden:
            dismissed += sum(1 for f in self._store.for_item(item_id) if _is_hidden(f, hidden))
        return Counts(self._store.errors, self._store.warnings - dismissed, dismissed)

    # Indexing --------------------------------------------------------------------------------

    def _index(self) -> None:
        self._references = self.plan.references()
        self._positions: dict[str, int] = {DETAILS: -1}
        self._action_places: dict[str, tuple[str, int]] = {}
        position = 0
        for concern in self.plan.in_display_order():
            self._positions[concern.id] = position
            position += 1
            for number, action in enumerate(concern.actions, start=1):
                self._positions[action.id] = position
                self._action_places[action.id] = (concern.id, number)
                position += 1

    def _reindex(self) -> None:
        old_ids = set(self._positions)
        old_references, old_places = self._references, self._action_places
        self._index()
        for item_id in old_ids - set(self._positions):
            self._forget(item_id)
        for concern in self.plan.concerns:
            if concern.id not in old_ids:
                self._check_concern(concern)
            for action in concern.actions:
                if action.id not in old_ids:
                    self._check_action(concern, action)
        self._relocate(self._moved(old_references, old_places))

    def _forget(self, item_id: str) -> None:
        for group in _GROUPS:
            self._store.put(group, item_id, [])
        for key in [key for key in self._summaries if key[0] == item_id]:
            del self._summaries[key]

    def _moved(self, old_references: dict[str, str], old_places: dict[str, tuple[str, int]]) -> set[str]:
        """The items whose Rec No or action number is not what it was before a structural edit."""
        references = self._references
        moved = {concern_id for concern_id, reference in references.items()
                 if old_references.get(concern_id) != reference}
        moved.update(action_id for action_id, place in self._action_places.items()
                     if old_places.get(action_id) != place or place[0] in moved)
        return moved

    def _relocate(self, moved: set[str]) -> None:
        # Findings carry their Rec No and action number for display: rewrite those that shifted,
        # not every finding in the plan, as most stay where they were.
        self._store.version += 1  # and the plan order of findings changes
        for group in self._store.groups.values():
            for item_id in moved.intersection(group):
                group[item_id] = [replace(f, location=self.location(item_id, f.location.field))
                                  for f in group[item_id]]

    def location(self, item_id: str, field: str) -> Location:
        if item_id == DETAILS:
            return Location(None, None, field)
        place = self._action_places.get(item_id)
        if place is not None:
            concern_id, number = place
            return Location(concern_id, item_id, field, self._references.get(concern_id, ""), number)
        return Location(item_id, None, field, self._references.get(item_id, ""))

    def describe(self, item_id: str) -> str:
        return self.location(item_id, "").describe(self.plan.details.era.item_noun()).lower()

    # Checking items --------------------------------------------------------------------------

    def _here(self, item_id: str) -> checks.LocationFor:
        return lambda field: self.location(item_id, field)

    def _check_details(self) -> None:
        self._store.put(_LOCAL, DETAILS, checks.check_details(self.plan.details, self._here(DETAILS)))
        # The introduction is never checked, but abbreviations it spells out count as spelled out.
        self._put_summary(DETAILS, "introduction", planwide.definitions(DETAILS, "introduction",
                                                                          self.plan.details.introduction))

    def _learn_names(self) -> None:
        # Names the plan uses inside sentences are names wherever they appear (spelling).
        if self.spelling is None:
            return
        self.spelling.learn_names(self.plan.details.establishment)
        for concern in self.plan.concerns:
            self.spelling.learn_names(concern.text)
            for action in concern.actions:
                self.spelling.learn_names(action.text)

    def _check_every_item(self) -> None:
        """_check_concern and _check_action for every item, filling the empty store directly
        (names were just learnt from every text)."""
        groups = self._store.groups
        local, timing, progress = groups[_LOCAL], groups[_TIMING], groups[_PROGRESS]
        summaries, spelling, submitted, today = self._summaries, self.spelling, self._submitted, self._today
        for concern in self.plan.concerns:
            if found := checks.check_concern(concern, self._here(concern.id), spelling):
                local[concern.id] = found
            if summary := planwide.definitions(concern.id, "text", concern.text):
                summaries[(concern.id, "text")] = summary
            for action in concern.actions:
                here = self._here(action.id)
                if found := checks.check_action(action, here, spelling):
                    local[action.id] = found
                if found := checks.check_timing(action, here, submitted):
                    timing[action.id] = found
                if found := progress_checks.check_progress(action, here, today):
                    progress[action.id] = found
                if summary := planwide.summarise(action.id, "text", action.text):
                    summaries[(action.id, "text")] = summary
        self._store.recount()

    def _check_concern(self, concern: Concern) -> None:
        self._store.put(_LOCAL, concern.id, checks.check_concern(concern, self._here(concern.id), self.spelling))
        # Concern text is HMIP's, so it is not checked; what it spells out still counts.
        self._put_summary(concern.id, "text", planwide.definitions(concern.id, "text", concern.text))

    def _check_action(self, concern: Concern, action: Action) -> None:
        here = self._here(action.id)
        if self.spelling is not None:
            self.spelling.learn_names(action.text)
        self._store.put(_LOCAL, action.id, checks.check_action(action, here, self.spelling))
        self._store.put(_TIMING, action.id, checks.check_timing(action, here, self._submitted))
        self._store.put(_PROGRESS, action.id, progress_checks.check_progress(action, here, self._today))
        self._put_summary(action.id, "text", planwide.summarise(action.id, "text", action.text))

    def _put_summary(self, item_id: str, field: str, summary: TextSummary | None) -> None:
        # Most texts have nothing the plan-wide rules read: keep no summary for those.
        if summary is None:
            self._summaries.pop((item_id, field), None)
        else:
            self._summaries[(item_id, field)] = summary

    def _check_all_timing(self) -> None:
        for concern in self.plan.concerns:
            for action in concern.actions:
                self._store.put(_TIMING, action.id, checks.check_timing(action, self._here(action.id), self._submitted))

    # Plan-wide rules -------------------------------------------------------------------------

    def _check_contents(self) -> None:
        self._store.put(_CONTENTS, DETAILS, checks.check_plan_contents(
            self.plan.details, len(self.plan.concerns), self._here(DETAILS)))

    def _check_structure(self) -> None:
        self._check_contents()
        for concern in self.plan.concerns:
            self._store.put(_ACTIONS, concern.id, checks.check_concern_actions(concern, self._here(concern.id)))
        self._store.replace_group(_REFERENCES, planwide.duplicate_references(
            self.plan.concerns, self._references, self.location))

    def _check_cross_references(self) -> None:
        with_references = [s for s in self._summaries.values() if s.cross_references]
        self._store.replace_group(_CROSS, planwide.broken_cross_references(
            with_references, self.plan.concerns, self._references, self.location))

    def _check_abbreviations(self) -> None:
        ordered = sorted((s for s in self._summaries.values() if s.abbreviations),
                         key=lambda s: self._positions.get(s.item_id, -2))
        known = planwide.WELL_KNOWN_ABBREVIATIONS | frozenset(self.plan.word_list)
        self._store.replace_group(_ABBREVIATIONS, planwide.undefined_abbreviations(
            ordered, known, self.location, self.describe))


def _is_hidden(finding: Finding, hidden: frozenset[tuple[str, str, str]]) -> bool:
    return finding.severity is Severity.WARNING and finding.key in hidden
