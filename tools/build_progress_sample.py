"""Build ``resources/progress-sample.actionplan``: the sample plan a year on, being tracked.

    python tools/build_progress_sample.py

HMP & YOI Ashvale was inspected in March 2026 and sent its plan in August. This is the same plan
on 15 March 2027 (``AS_OF``), just after HMIP's Independent Review of Progress: each action has a
lead, dated updates from the people doing the work (and from the head of performance, who
chases them), the evidence held, and for some a revised target with its reason. As of that day
the actions stand in every position: complete, on track, due soon and overdue. Each concern has
its own self-assessment, and the four concerns HMIP followed up have its judgement.

The editor counts positions from today; to see them as the README's screenshots do, start it
with ``ACTIONPLAN_TODAY=2027-03-15``.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from actionplan.model import Plan  # noqa: E402
from actionplan.progress import (  # noqa: E402
    ActionStatus,
    EvidenceItem,
    IrpJudgement,
    ProgressUpdate,
    TargetRevision,
)
from actionplan.storage import save_plan  # noqa: E402
from actionplan.target_date import TargetDate  # noqa: E402
from tools.build_sample_plan import build_sample_plan  # noqa: E402

PROGRESS_SAMPLE_PATH = ROOT / "resources" / "progress-sample.actionplan"
AS_OF = dt.date(2027, 3, 15)
KEEPER = "L. Morgan, Head of Performance"

STARTED, DONE, KEPT_UP = ActionStatus.IN_PROGRESS, ActionStatus.COMPLETE, ActionStatus.ONGOING
NO_PROGRESS, INSUFFICIENT, REASONABLE, GOOD = IrpJudgement


def day(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%d %B %Y").date()


@dataclass
class Tracked:
    """One action's progress: (day, author, text, status set) updates, (day, description, link)
    evidence and (day, new target, reason) revisions."""

    lead: str
    needed: str
    updates: list[tuple[str, str, str, ActionStatus | None]]
    evidence: list[tuple[str, str, str]] = field(default_factory=list)
    revisions: list[tuple[str, str, str]] = field(default_factory=list)


SAFETY = "S. Okafor, Safer Custody Manager"
SECURITY = "M. Brennan, Head of Security"
RESIDENCE = "J. Patel, Head of Residence"
HEALTHCARE = "A. Hughes, Head of Healthcare"
EDUCATION = "R. Kaur, Head of Education, Skills and Work"
REGIME = "K. Doyle, Deputy Governor"
BUSINESS = "D. Lewis, Business Hub Manager"
OMU = "T. Mensah, Head of Offender Management"
RESETTLEMENT = "C. Evans, Resettlement Lead"
WORKS = "P. Novak, Works Manager"

# In the sample plan's display order: 4, 4 and 3 actions for the priority concerns, then 3, 3,
# 2, 2 and 3 for the key concerns.
TRACKING: list[Tracked] = [
    # Priority concern 1: feeling unsafe, violence.
    Tracked(SAFETY, "Weekly analysis reports, and minutes of the monthly safety meeting acting on them.", [
        ("2 September 2026", SAFETY, "Weekly analysis started. The first report went to the safety meeting "
                                     "on 28 August.", STARTED),
        ("30 September 2026", SAFETY, "Four weekly reports done. They show most incidents on B wing at "
                                      "evening association.", None),
        ("21 October 2026", SAFETY, "Analysis is now routine and runs every Monday. Closing this action.", DONE),
    ], [("14 October 2026", "Weekly violence analysis, September and October", "evidence/violence-analysis-sept-oct-2026.pdf"),
        ("21 October 2026", "Safety meeting minutes, October", "evidence/safety-meeting-minutes-2026-10.pdf")]),
    Tracked(SAFETY, "A plan on file for every prisoner involved in serious violence, each reviewed within 14 days.", [
        ("9 September 2026", SAFETY, "Plans opened for the 11 prisoners involved in serious violence since July.", STARTED),
        ("4 November 2026", SAFETY, "Only 6 of 14 plans reviewed within 14 days. Too few staff trained to "
                                    "run reviews.", None),
        ("18 November 2026", KEEPER, "Target revised at the senior leadership meeting: training places come "
                                     "in January.", None),
        ("3 March 2027", SAFETY, "12 staff trained. 10 of the last 12 plans reviewed on time.", None),
    ], [("3 March 2027", "Review timeliness figures, February", "evidence/csip-reviews-2027-02.xlsx")],
        [("18 November 2026", "April 2027", "Not enough staff were trained to run the reviews; the next "
                                            "training course starts in January.")]),
    Tracked(RESIDENCE, "Forum minutes from every wing, and action lists on wing notice boards.", [
        ("31 August 2026", RESIDENCE, "Forums run on every wing since June. They carry on as business as usual.", KEPT_UP),
        ("1 February 2027", RESIDENCE, "January forums held on all 6 wings. Actions posted within a week.", None),
    ], [("1 February 2027", "Wing forum minutes, January", "evidence/wing-forums-2027-01.pdf")]),
    Tracked(REGIME, "Survey results every 6 months, with the share who feel unsafe falling towards half.", [
        ("5 October 2026", REGIME, "First repeat survey done: 38% felt unsafe, down from 44% at the inspection.", STARTED),
        ("8 March 2027", KEEPER, "Next survey booked for April 2027.", None),
    ], [("5 October 2026", "Safety survey results, September 2026", "evidence/safety-survey-2026-09.pdf")]),

    # Priority concern 2: drugs.
    Tracked(SECURITY, "The review report, and the security meeting minutes that agreed its actions.", [
        ("7 September 2026", SECURITY, "Review under way: visits, post and staff entrances done.", STARTED),
        ("29 September 2026", SECURITY, "Review finished and agreed at the security meeting. Drone work "
                                        "continues under action 4.", DONE),
    ], [("29 September 2026", "Supply reduction review", "evidence/supply-review-2026.pdf")]),
    Tracked(SECURITY, "Weekly figures for post photocopied, reported to the security meeting.", [
        ("31 August 2026", SECURITY, "All general post photocopied since May. Weekly figures go to the "
                                     "security meeting.", DONE),
    ], [("31 August 2026", "Post photocopying figures, June to August", "evidence/post-figures-2026-summer.xlsx")]),
    Tracked(SECURITY, "Monthly drug testing at the full target, tracked through the drug strategy meeting.", [
        ("12 September 2026", SECURITY, "Testing at 60% of target. Two trained officers on long-term sick leave.", STARTED),
        ("17 November 2026", SECURITY, "Testing at 72% of target. A new officer starts training in December.", None),
        ("9 March 2027", KEEPER, "Still below target in February (81%). Chased for a revised date.", None),
    ]),
    Tracked(HEALTHCARE, "Attendance registers for every wing's group, reported each quarter.", [
        ("14 October 2026", HEALTHCARE, "Groups running on 3 of 6 wings. Room bookings needed for the rest.", STARTED),
        ("6 January 2027", HEALTHCARE, "Facilitator left; recruitment under way.", None),
        ("24 February 2027", HEALTHCARE, "New facilitator starts in April. Groups on 4 wings.", None),
    ], [],
        [("16 December 2026", "March 2027", "Rooms on C and D wings were not free until the new regime started."),
         ("6 January 2027", "May 2027", "The group facilitator left in December."),
         ("24 February 2027", "July 2027", "The new facilitator cannot start until April.")]),

    # Priority concern 3: time out of cell.
    Tracked(REGIME, "The published regime, and daily unlock checks by the orderly officer.", [
        ("26 October 2026", REGIME, "New regime published. Every prisoner unlocked at least 6 hours a day.", DONE),
    ], [("26 October 2026", "Core day regime, October 2026", "evidence/regime-2026-10.pdf"),
        ("30 November 2026", "Unlock checks, November", "evidence/unlock-checks-2026-11.xlsx")]),
    Tracked(EDUCATION, "Vacancy figures at the monthly quality meeting, with places filled within 10 working days.", [
        ("15 September 2026", EDUCATION, "Allocations now meet weekly. Average time to fill a place: 17 days.", STARTED),
        ("9 December 2026", EDUCATION, "Down to 12 days. New allocations clerk starts in February.", None),
        ("10 March 2027", EDUCATION, "February average: 9 days, but 3 workshops closed for refurbishment.", None),
    ], [("10 March 2027", "Vacancy figures, February", "evidence/vacancies-2027-02.xlsx")],
        [("9 December 2026", "April 2027", "The allocations clerk post was vacant until February.")]),
    Tracked(EDUCATION, "Records of missed sessions and follow-up for prisoners who miss 3 in a month.", [
        ("18 October 2026", EDUCATION, "Wing staff record every missed session on the regime system. "
                                       "Follow-ups started.", DONE),
    ]),

    # Key concern 4: self-harm.
    Tracked(SAFETY, "A weekly sample of ACCT plans checked within 72 hours of opening.", [
        ("31 August 2026", SAFETY, "Quality checks in place since June and carried on.", KEPT_UP),
    ], [("31 August 2026", "ACCT quality checks, summer 2026", "evidence/acct-checks-2026-summer.pdf")]),
    Tracked(SAFETY, "Training records showing every wing officer refreshed in ACCT case management.", [
        ("10 October 2026", SAFETY, "Training started: 40% of wing staff done.", STARTED),
        ("1 March 2027", SAFETY, "81% done. Night staff sessions booked for March.", None),
    ]),
    Tracked(SAFETY, "The number of trained Listeners, reported to the safety meeting each quarter.", [
        ("20 October 2026", SAFETY, "Samaritans course agreed. 7 Listeners at present.", STARTED),
        ("12 January 2027", SAFETY, "Course postponed by the Samaritans to March.", None),
    ]),

    # Key concern 5: cells.
    Tracked(WORKS, "The cell survey and the repairs list, reported each month.", [
        ("2 October 2026", WORKS, "Survey half done: A to C wings.", STARTED),
        ("27 November 2026", WORKS, "Every cell surveyed. 212 repairs listed and prioritised.", DONE),
    ], [("27 November 2026", "Cell condition survey and repairs list", "evidence/cell-survey-2026.xlsx")]),
    Tracked(WORKS, "Window repair records for A and B wings.", [
        ("4 December 2026", WORKS, "Contractor appointed. A wing started.", STARTED),
        ("5 March 2027", WORKS, "A wing done; B wing half done.", None),
    ]),
    Tracked(REGIME, "The bid, and the outcome reported to the senior leadership meeting.", [
        ("20 January 2027", REGIME, "Bid sent to the prison group director for 40 cells to hold one prisoner.", DONE),
    ], [("20 January 2027", "Capacity reduction bid", "https://intranet.example.org/ashvale/capacity-bid")]),

    # Key concern 6: complaints.
    Tracked(BUSINESS, "Reminder log and weekly late-reply figures.", [
        ("31 August 2026", BUSINESS, "Reminders sent automatically since May. Late replies fell from 22% to 6%.", KEPT_UP),
    ], [("31 August 2026", "Late complaint replies, May to August", "evidence/complaints-late-2026.xlsx")]),
    Tracked(REGIME, "Monthly quality assurance sheets and the briefing that shares findings.", [
        ("30 September 2026", REGIME, "10 replies checked in September. Findings in the October briefing.", STARTED),
        ("31 October 2026", REGIME, "Now monthly as routine.", KEPT_UP),
    ], [("31 October 2026", "Complaint reply checks, September and October", "evidence/complaint-qa-2026.pdf")]),

    # Key concern 7: indeterminate sentences.
    Tracked(OMU, "Case manager allocations and monthly contact records.", [
        ("16 September 2026", OMU, "Named case managers for 31 of 38 prisoners.", STARTED),
        ("14 December 2026", OMU, "All 38 have a named case manager; contact checked monthly.", DONE),
    ], [("14 December 2026", "Case manager list and contact audit", "evidence/ipp-case-managers-2026-12.xlsx")]),
    Tracked(OMU, "Attendance and feedback from each progression day.", [
        ("3 November 2026", OMU, "First progression day held with the Parole Board and probation. "
                                 "27 attended.", STARTED),
    ], [("3 November 2026", "Progression day feedback, October", "evidence/progression-day-2026-10.pdf")]),

    # Key concern 8: release.
    Tracked(RESETTLEMENT, "Monthly checks that planning starts 12 weeks before release.", [
        ("19 October 2026", RESETTLEMENT, "Planning starts at 12 weeks for 70% of releases.", STARTED),
        ("25 November 2026", KEEPER, "Target revised: the community probation team is short of staff.", None),
        ("11 February 2027", RESETTLEMENT, "Now 84%. Probation vacancies filling.", None),
    ], [], [("25 November 2026", "May 2027", "The community probation team could not take referrals at "
                                              "12 weeks until its vacancies were filled.")]),
    Tracked(RESETTLEMENT, "Minutes of the housing meeting and monthly housing outcomes.", [
        ("15 October 2026", RESETTLEMENT, "Meeting running monthly with both councils and probation.", KEPT_UP),
    ], [("15 October 2026", "Housing meeting minutes, October", "evidence/housing-meeting-2026-10.pdf")]),
    Tracked(RESIDENCE, "Use of the departure lounge, recorded and reported each month.", [
        ("13 January 2027", RESIDENCE, "Room in reception refitted. Volunteers recruited.", STARTED),
        ("22 February 2027", RESIDENCE, "Lounge opened on 15 February, ahead of the June target.", DONE),
    ], [("22 February 2027", "Departure lounge use, first week", "evidence/departure-lounge-2027-02.xlsx")]),
]

JUDGEMENTS: list[tuple[IrpJudgement, IrpJudgement | None]] = [
    # (self-assessed, HMIP's at the review) for each concern in display order.
    (REASONABLE, REASONABLE),
    (REASONABLE, INSUFFICIENT),
    (GOOD, REASONABLE),
    (INSUFFICIENT, None),
    (REASONABLE, GOOD),
    (GOOD, None),
    (GOOD, None),
    (REASONABLE, None),
]


def build_progress_sample() -> Plan:
    """The sample plan with a year of progress, with the same ids on every build."""
    plan = build_sample_plan()
    ids = random.Random(2027)

    def new_id() -> str:
        return f"{ids.getrandbits(64):016x}"

    actions = [action for concern in plan.in_display_order() for action in concern.actions]
    assert len(actions) == len(TRACKING), "one entry of progress for every action of the sample plan"
    for action, tracked in zip(actions, TRACKING, strict=True):
        action.lead = tracked.lead
        action.evidence_needed = tracked.needed
        action.updates = [ProgressUpdate(id=new_id(), on=day(on), author=by, text=text, status=status)
                          for on, by, text, status in tracked.updates]
        action.status = next((u.status for u in reversed(action.updates) if u.status is not None), ActionStatus.NOT_STARTED)
        action.evidence = [EvidenceItem(id=new_id(), description=words, link=link, added_on=day(on),
                                        added_by=tracked.lead) for on, words, link in tracked.evidence]
        action.target_revisions = [
            TargetRevision(id=new_id(), target=TargetDate.parse(target), reason=reason, made_on=day(on), by=KEEPER)
            for on, target, reason in tracked.revisions]
    for concern, (own, hmip) in zip(plan.in_display_order(), JUDGEMENTS, strict=True):
        concern.self_assessment, concern.hmip_judgement = own, hmip
    return plan


def main() -> None:
    save_plan(build_progress_sample(), PROGRESS_SAMPLE_PATH, keep_backup=False)
    print(f"Wrote {PROGRESS_SAMPLE_PATH}")


if __name__ == "__main__":
    main()
