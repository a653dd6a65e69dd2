"""Build ``resources/sample-plan.actionplan``: a realistic plan for a fictional establishment.

    python tools/build_sample_plan.py

The plan shows good practice: each action starts with a concrete verb, says how progress is
measured, names one role as owner and has a month-and-year target (or Completed). Sentences
stay under 25 words and abbreviations are spelled out the first time.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from actionplan.model import Action, Category, Concern, Plan, PlanDetails  # noqa: E402
from actionplan.storage import save_plan  # noqa: E402

SAMPLE_PATH = ROOT / "resources" / "sample-plan.actionplan"
ESTABLISHMENT = "HMP & YOI Ashvale"

# (category, concern text, [(action text, owner, target), ...])
CONCERNS: list[tuple[Category, str, list[tuple[str, str, str]]]] = [
    (Category.PRIORITY,
     "Too many prisoners said they felt unsafe. Levels of violence were higher than at similar "
     "prisons.",
     [
         ("The safety team will analyse every violent incident each week to find where and when "
          "violence happens. Findings will go to the monthly safety meeting.",
          "Head of Safety", "October 2026"),
         ("The prison will introduce a challenge, support and intervention plan (CSIP) for every "
          "prisoner involved in serious violence. Each plan will be reviewed within 14 days.",
          "Head of Safety", "November 2026"),
         ("Staff on each wing will run a monthly safety forum with prisoners. Actions from each "
          "forum will be published on wing notice boards.",
          "Head of Residence", "Completed"),
         ("The prison will repeat its safety survey every 6 months. The aim is to halve the "
          "number of prisoners who say they feel unsafe by December 2027.",
          "Governor", "December 2027"),
     ]),
    (Category.PRIORITY,
     "Illicit drugs, particularly psychoactive substances, were too easy to get.",
     [
         ("The security department will complete a full review of how drugs enter the prison. "
          "It will cover:\n"
          "- visits and the visits hall\n"
          "- post and legal mail\n"
          "- parcels and staff entrances\n"
          "- drones over the exercise yards\n"
          "Progress will be monitored through the monthly security meeting.",
          "Head of Security", "September 2026"),
         ("The prison will photocopy all general post on arrival and give prisoners the copy. "
          "Weekly figures will be reported to the security meeting.",
          "Head of Security", "Completed"),
         ("The prison will raise mandatory drug testing to the full monthly target. Results will "
          "be tracked through the monthly drug strategy meeting.",
          "Head of Security", "October 2026"),
         ("The healthcare provider will open a recovery support group on every wing. Attendance "
          "will be recorded weekly and reported each quarter.",
          "Head of Healthcare", "January 2027"),
     ]),
    (Category.PRIORITY,
     "Too many prisoners were locked in their cells during the working day. Attendance at "
     "education, skills and work was low.",
     [
         ("The prison will publish a new daily regime that unlocks every prisoner for at least "
          "6 hours. Unlock times will be checked each day by the orderly officer.",
          "Deputy Governor", "November 2026"),
         ("The allocations team will fill every education and work place within 10 working days "
          "of it falling vacant. Vacancy figures will go to the monthly quality meeting.",
          "Head of Education, Skills and Work", "December 2026"),
         ("Wing staff will record the reason for every missed session. The education team will "
          "follow up each prisoner who misses 3 sessions in a month.",
          "Head of Education, Skills and Work", "October 2026"),
     ]),
    (Category.KEY,
     "Recorded self-harm had risen since the last inspection. Support for prisoners in crisis "
     "was not consistent.",
     [
         ("The safer custody team will check the quality of every Assessment, Care in Custody and "
          "Teamwork (ACCT) plan within 72 hours of it opening.",
          "Head of Safety", "Completed"),
         ("All wing staff will complete refresher training in ACCT case management. Completion "
          "rates will be reported to the monthly safety meeting.",
          "Head of Safety", "March 2027"),
         ("The prison will recruit and train 12 more Listeners with the Samaritans. The safety meeting "
          "will track the number of trained Listeners each quarter.",
          "Head of Safety", "February 2027"),
     ]),
    (Category.KEY,
     "Many cells were cramped, poorly ventilated and in need of repair.",
     [
         ("The works team will survey every cell and list the repairs needed. Progress against "
          "the list will be reported each month.",
          "Head of Residence", "November 2026"),
         ("The prison will repair or replace every broken cell window on A and B wings.",
          "Head of Residence", "March 2027"),
         ("The Governor will submit a bid to reduce the number of cells holding 2 prisoners. "
          "The outcome will be reported to the senior leadership meeting.",
          "Governor", "January 2027"),
     ]),
    (Category.KEY,
     "Complaints were not always answered on time. Some replies did not deal with the issue "
     "raised.",
     [
         ("The business hub will send a reminder to managers 3 days before each complaint reply "
          "is due. Late replies will be reported each week.",
          "Head of Business Assurance", "Completed"),
         ("A senior manager will quality assure 10 complaint replies each month. Findings will be "
          "shared with all managers through the monthly briefing.",
          "Deputy Governor", "October 2026"),
     ]),
    (Category.KEY,
     "Prisoners serving indeterminate sentences had too little help to progress.",
     [
         ("The offender management unit will give every prisoner serving an indeterminate "
          "sentence a named case manager. Contact will take place at least monthly.",
          "Head of Reducing Reoffending", "December 2026"),
         ("The prison will hold a progression day for these prisoners every 6 months. Attendance "
          "and feedback will be recorded.",
          "Head of Reducing Reoffending", "April 2027"),
     ]),
    (Category.KEY,
     "Release planning started too late. Too many prisoners left without settled "
     "accommodation.",
     [
         ("The resettlement team will start release planning 12 weeks before each release date. "
          "Start dates will be checked each month.",
          "Head of Reducing Reoffending", "November 2026"),
         ("The prison will hold a monthly housing meeting with local councils and the probation "
          "service. Housing outcomes on release will be reported each month.",
          "Head of Reducing Reoffending", "October 2026"),
         ("The prison will open a departure lounge so prisoners can get help on the day of "
          "release. Use of the lounge will be recorded and reported each month.",
          "Head of Residence", "June 2027"),
     ]),
]


def build_sample_plan() -> Plan:
    """The sample plan, with the same ids on every build so the committed file is stable."""
    ids = random.Random(2026)

    def new_id() -> str:
        return f"{ids.getrandbits(64):016x}"

    plan = Plan(
        details=PlanDetails(
            establishment=ESTABLISHMENT,
            inspection_start=dt.date(2026, 3, 9),
            inspection_end=dt.date(2026, 3, 19),
            published=dt.date(2026, 6, 30),
            submitted=dt.date(2026, 8, 25),
        ),
        word_list=["Ashvale"],
    )
    for category, concern_text, actions in CONCERNS:
        concern = Concern(id=new_id(), category=category, text=concern_text)
        for text, owner, target in actions:
            concern.actions.append(Action(id=new_id(), text=text, owner=owner, target=target))
        plan.concerns.append(concern)
    plan.put_in_display_order()
    return plan


def main() -> None:
    save_plan(build_sample_plan(), SAMPLE_PATH, keep_backup=False)
    print(f"Wrote {SAMPLE_PATH}")


if __name__ == "__main__":
    main()
