"""Every rule the checker knows: its stable id, severity, a short title and why it matters.

Rule ids are saved in plan files (dismissals) and printed by ``check``: never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.validation.findings import Finding, Location, Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str
    """A few words for filters and menus: "No responsible owner"."""
    why: str
    """Why it matters, in one or two plain sentences."""

    def finding(self, message: str, location: Location) -> Finding:
        return Finding(self.id, self.severity, message, location, self.why)


_E = Severity.ERROR
_W = Severity.WARNING

_ALL = (
    Rule("owner-missing", _E, "No responsible owner",
         "HMIP expects the owner of every step to be clearly identified."),
    Rule("target-missing", _E, "No target date",
         "Every action needs a timescale so progress can be checked at the review."),
    Rule("target-unrecognised", _E, "Target date not understood",
         "A target must be a month and year, a date, Completed, Completed and ongoing or Ongoing, "
         "so readers and the progress review can tell when it is due."),
    Rule("action-text-missing", _E, "No action text",
         "An action with no words does not answer the concern."),
    Rule("concern-text-missing", _E, "No concern text",
         "Readers need the concern from the report to see what the actions answer."),
    Rule("concern-without-actions", _E, "Concern has no actions",
         "HMIP expects a response to every concern in the report."),
    Rule("establishment-missing", _E, "No establishment name",
         "The establishment name is the plan's title and heading on GOV.UK."),
    Rule("plan-empty", _E, "No concerns",
         "An action plan answers the concerns in the inspection report: with none, there is "
         "nothing to publish."),
    Rule("date-missing", _E, "Plan date not set",
         "The published plan starts with the date it was submitted, the inspection's first and "
         "last days and the date the report was published."),
    Rule("dates-inconsistent", _E, "Dates in the wrong order",
         "The inspection comes first, then the report, then the plan: dates in another order "
         "are a typing mistake that readers will notice."),
    Rule("reference-duplicate", _E, "Two concerns share a Rec No",
         "Each concern needs its own Rec No so readers and the progress review can refer to it."),
    Rule("cross-reference-broken", _E, "Cross-reference points nowhere",
         "A reader who follows it finds the wrong concern or none."),
    Rule("reference-unusual", _W, "Rec No does not look like a reference",
         "Readers and the progress review find a concern by the Rec No the inspection report gave "
         "it, such as 1, 1.12 or S45."),
    Rule("target-before-submission", _W, "Target before the plan is submitted",
         "A date already past when the plan is sent means the action is late or the date is "
         "wrong, unless the action is completed."),
    Rule("target-far", _W, "Target more than 18 months away",
         "HMIP reviews progress 8 to 12 months after the inspection; a distant target shows "
         "little progress by then."),
    Rule("target-ongoing-only", _W, "Ongoing with no date",
         "\"Ongoing\" alone gives no timescale, so progress cannot be judged."),
    Rule("owner-multiple", _W, "More than one owner",
         "One owner per action makes it clear who answers for it."),
    Rule("owner-person-name", _W, "Owner looks like a person",
         "Plans are published on GOV.UK and outlive staff changes: name a role, not a person."),
    Rule("action-vague", _W, "Vague action",
         "HMIP looks for actions that are clear and outcome focussed: say what will change."),
    Rule("action-no-measure", _W, "No measure of success",
         "HMIP looks for measurable actions: say how you will know it worked."),
    Rule("style-date-format", _W, "Date not in GOV.UK style",
         "GOV.UK writes dates as 22 June 2026: no ordinals, no leading zeros, and \"to\" in ranges."),
    Rule("style-acronym-undefined", _W, "Abbreviation not spelled out",
         "GOV.UK asks for abbreviations to be spelled out the first time, so every reader "
         "understands them."),
    Rule("style-long-sentence", _W, "Long sentence",
         "GOV.UK keeps sentences to 25 words or fewer so they are easy to read."),
    Rule("style-words-to-avoid", _W, "Word GOV.UK avoids",
         "GOV.UK avoids vague or jargon words because they hide what is actually being done."),
    Rule("spelling", _W, "Spelling",
         "Spelling mistakes in a published plan undermine it."),
    Rule("progress-complete-no-evidence", _W, "Complete with no evidence",
         "Inspectors at the progress review want evidence, not assurances: an action is closed "
         "only when something shows it worked."),
    Rule("progress-overdue", _W, "Overdue action",
         "Overdue actions are what the progress review looks at first; honest tracking shows "
         "them rather than hiding them."),
    Rule("progress-target-revised-often", _W, "Target revised more than twice",
         "A target pushed back again and again is a warning sign that the action is not working."),
    Rule("progress-revision-no-reason", _W, "Target revised with no reason",
         "The inspectorate asks why each target moved; a new date with no reason looks like drift."),
    Rule("progress-complete-target-ahead", _W, "Complete but shown as due",
         "Readers of the published plan would think the work is still to be done."),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _ALL}


def rule(rule_id: str) -> Rule:
    return RULES[rule_id]
