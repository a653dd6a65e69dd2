"""Realistic plans of any size, for benchmarks and stress tests.

Every concern and action text is different, built from word lists and a seeded random number
generator, so a plan is the same on every run with the same seed. The mix follows the published
plans: most actions are specific and measured, some carry a dash list, many name a meeting by
its abbreviation (spelled out or not), a few cross-refer to another concern, and a few break a
rule (vague, no measure, a word GOV.UK avoids, a long sentence, an ordinal date).

``add_progress`` then gives a plan months of tracking: statuses, leads, dated updates, evidence,
revised targets and IRP judgements, also seeded.

``python -m benchmarks.generate 10000 -o big.actionplan [--progress]`` writes one to disk.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections.abc import Callable
from pathlib import Path

from actionplan.model import Action, Category, Concern, Plan, PlanDetails
from actionplan.progress import ActionStatus, IrpJudgement
from actionplan.recording import add_evidence, record_update, revise_target
from actionplan.storage import save_plan
from actionplan.target_date import MONTH_NAMES, TargetDate

_OWNERS = ("Governor", "Governor", "Governor", "Head of Safety", "HMPPS Estates",
           "Head of Education, Skills and Work", "Governor and Milton Keynes (education provider)")

# Word lists -----------------------------------------------------------------------------------

_PLACES = (
    *(f"{letter} wing" for letter in "ABCDEFGHJK"), *(f"houseblock {n}" for n in range(1, 9)),
    "the care and separation unit", "the first night centre", "the induction unit", "the healthcare unit",
    "the drug recovery wing", "the Incentivised Substance Free Living unit", "the older prisoners' unit",
    "the reception area", "the visits hall", "the education block", "the workshops", "the kitchens",
)
_TEAMS = (
    "safety team", "security team", "residential team", "offender management unit", "chaplaincy",
    "education team", "healthcare team", "industries team", "reducing reoffending team", "visits team",
    "equalities team", "gym team", "catering team", "library team", "key work team",
)
_STAFF = ("all staff", "residential officers", "new officers", "night staff", "supervising officers",
          "custodial managers", "peer mentors", "workshop instructors", "teachers", "healthcare staff")
_FREQUENCIES = ("daily", "weekly", "fortnightly", "monthly", "quarterly")
# (spelled out, abbreviation or "").
_MEETINGS = (
    ("Quality Improvement Group", "QIG"), ("safety intervention meeting", "SIM"),
    ("senior leadership team meeting", "SLT"), ("local security meeting", "LSM"),
    ("Segregation, Monitoring and Review Group", "SMARG"), ("drug strategy committee", "DSC"),
    ("reducing reoffending board", "RRB"), ("equalities action team", "EAT"),
    ("allocation and sequencing board", ""), ("regime planning meeting", ""),
    ("violence reduction meeting", ""), ("performance and quality meeting", ""),
)
_SYSTEMS = (("the case notes system", ""), ("the Prison National Offender Management Information System",
            "P-NOMIS"), ("the Assessment, Care in Custody and Teamwork records", "ACCT"),
            ("the local dashboard", ""), ("the Curious education system", ""), ("a recording sheet", ""))
_PARTNERS = ("the learning and skills partner", "the healthcare provider", "the Forward Trust",
             "the Shannon Trust", "local police", "the community rehabilitation company",
             "the library service", "the catering contractor", "regional colleagues", "the local college")
_THINGS = (
    "visit start and finish times", "cell checks", "self-harm incidents", "use of force incidents",
    "applications and complaints", "time out of cell", "attendance at education", "attendance at work",
    "induction interviews", "first night checks", "key work sessions", "drug test results",
    "searches of cells", "kitchen hygiene checks", "library visits", "gym sessions",
    "reading assessments", "release plans", "accommodation referrals", "prisoner consultation",
)
_OUTCOMES = ("reduce late starts", "reduce self-harm", "increase attendance", "cut waiting times",
             "improve safety", "identify trends early", "stop drugs getting in", "support progression",
             "improve living conditions", "reduce violence", "make sure no session is cancelled")
_PURPOSES = ("identify trends in self-harm data", "analyse use of force", "run the reading strategy",
             "support new arrivals", "cover evening association", "plan release and resettlement",
             "support emergent readers", "improve attendance at activities")
_POSTS = ("analyst", "reading mentor", "peer supporter", "instructor", "case administrator",
          "supervising officer", "key worker", "activities hub officer")
_LIST_ITEMS = (
    "progression routes for every learner", "functional skills in maths and English",
    "a timetable that avoids clashes with visits", "evening association on every wing",
    "a weekly cleaning rota", "a named officer for each new arrival", "more full-time work spaces",
    "a reading assessment at induction", "peer support on the first night", "exercise every morning",
    "family days each quarter", "a daily check of broken furniture", "weekend gym sessions",
    "an updated induction booklet", "reading clubs in the library", "healthcare clinics on each wing",
)
_SUBJECTS = ("Prisoners", "Many prisoners", "Young adults", "Older prisoners", "New arrivals",
             "Prisoners at risk of self-harm", "Prisoners with disabilities", "Foreign national prisoners",
             "Prisoners on remand", "Prisoners in segregation", "Prisoners from minority ethnic groups")
_PROBLEMS = (
    "did not have enough time out of their cells", "could not get to their allocated activities",
    "waited too long for healthcare appointments", "felt unsafe", "had too little contact with families",
    "did not receive effective key work", "found it hard to get their property back",
    "were not helped to find accommodation before release", "were not assessed for reading needs",
    "had not been given an induction", "reported that drugs were easy to get",
)
_CONCERN_STARTS = (
    "Too many cells were small and cramped, particularly on {place}.",
    "Rates of recorded self-harm on {place} were very high.",
    "Drugs, particularly psychoactive substances, were too freely available on {place}.",
    "Too often, visits started late, which was a source of frustration for prisoners and their visitors.",
    "Leaders had not ensured that all prisoners had sufficient access to their allocated activities.",
    "Key work remained disappointing and did not support progression.",
    "Use of force on {place} had increased and oversight was weak.",
    "Leaders had not increased the number of full-time spaces in education.",
)
_WORDS_TO_AVOID = ("take a robust approach to", "utilise the data on", "tackle the backlog of",
                   "facilitate better recording of", "take a key role in monitoring")
_VAGUE_ENDINGS = ("will review the arrangements for", "will consider options for", "will explore the possibility of",
                  "will look into")


# Plans ----------------------------------------------------------------------------------------


def make_plan(actions: int, concerns: int | None = None, seed: int = 0) -> Plan:
    """A plan with ``actions`` actions spread over ``concerns`` concerns (about one concern for
    every seven actions, a third of them priority concerns, when not given)."""
    rng = random.Random(seed)
    concern_count = concerns or max(1, min(actions, round(actions / 7)))
    priority_count = max(1, concern_count // 3)
    plan = Plan(details=PlanDetails(
        establishment="HMP & YOI Example",
        submitted=dt.date(2026, 6, 22),
        inspection_start=dt.date(2026, 2, 23),
        inspection_end=dt.date(2026, 3, 5),
        published=dt.date(2026, 6, 1),
    ))
    seen: set[str] = set()
    for index in range(concern_count):
        category = Category.PRIORITY if index < priority_count else Category.KEY
        plan.concerns.append(Concern(category=category, text=_unique(rng, seen, _concern_text)))
    for index in range(actions):
        concern = plan.concerns[index % concern_count]
        concern.actions.append(Action(
            text=_unique(rng, seen, lambda r: _action_text(r, concern_count, priority_count)),
            owner=rng.choice(_OWNERS),
            target=_target(rng),
        ))
    return plan


def _unique(rng: random.Random, seen: set[str], make: Callable[[random.Random], str]) -> str:
    text = make(rng)
    while text in seen:  # rare: the word lists give millions of combinations
        text = make(rng)
    seen.add(text)
    return text


def _concern_text(rng: random.Random) -> str:
    first = rng.choice(_CONCERN_STARTS).format(place=rng.choice(_PLACES))
    second = f"{rng.choice(_SUBJECTS)} on {rng.choice(_PLACES)} {rng.choice(_PROBLEMS)}."
    return first if rng.random() < 0.3 else f"{first} {second}"


def _meeting(rng: random.Random) -> str:
    """A meeting's name, as the plans write it: spelled out with its abbreviation, the
    abbreviation alone, or the words alone."""
    words, short = rng.choice(_MEETINGS)
    roll = rng.random()
    if not short or roll < 0.4:
        return f"the {rng.choice(_FREQUENCIES[1:])} {words}"
    if roll < 0.7:
        return f"the {rng.choice(_FREQUENCIES[1:])} {words} ({short})"
    return f"the {short}"


def _opening(rng: random.Random) -> str:
    place, thing = rng.choice(_PLACES), rng.choice(_THINGS)
    choice = rng.randrange(6)
    if choice == 0:
        return (f"The {rng.choice(_TEAMS)} will introduce a {rng.choice(_FREQUENCIES)} recording sheet "
                f"for {thing} on {place}.")
    if choice == 1:
        return (f"A {rng.choice(_FREQUENCIES)} training session on {thing} will be held for "
                f"{rng.choice(_STAFF)} on {place}.")
    if choice == 2:
        count = rng.randint(1, 6)
        posts = rng.choice(_POSTS) + ("s" if count > 1 else "")
        return f"The {rng.choice(_TEAMS)} will recruit {count} {posts} to {rng.choice(_PURPOSES)}."
    if choice == 3:
        return (f"Prisoners in need on {place} will receive {rng.choice(_FREQUENCIES[1:])} key work, "
                f"recorded on {rng.choice(_SYSTEMS)[0]}.")
    if choice == 4:
        return (f"The Governor will meet {rng.choice(_PARTNERS)} every {rng.randint(2, 8)} weeks to "
                f"{rng.choice(_OUTCOMES)} on {place}.")
    words, short = rng.choice(_SYSTEMS)
    named = f"{words} ({short})" if short and rng.random() < 0.5 else (short and f"the {short} records") or words
    return f"The {rng.choice(_TEAMS)} will check {thing} on {place} each week using {named}."


def _measure(rng: random.Random) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        return f"Attendance will be monitored through {_meeting(rng)}."
    if choice == 1:
        return f"Findings will be reported to {_meeting(rng)}."
    if choice == 2:
        return f"At least {rng.randrange(50, 100, 5)} per cent of {rng.choice(_THINGS)} will be completed on time."
    return f"Progress against this will be checked by {_meeting(rng)}."


def _action_text(rng: random.Random, concern_count: int, priority_count: int) -> str:
    roll = rng.random()
    if roll < 0.15:
        # A dash list, as in the published plans.
        items = rng.sample(_LIST_ITEMS, rng.randint(2, 4))
        lines = [f"The prison will agree a plan for {rng.choice(_PLACES)} with {rng.choice(_PARTNERS)}:",
                 *(f"- {item}" for item in items), f"- review through {_meeting(rng)}"]
        return "\n".join(lines)
    parts = [_opening(rng)]
    if roll < 0.2:
        parts = [f"The {rng.choice(_TEAMS)} {rng.choice(_VAGUE_ENDINGS)} {rng.choice(_THINGS)} on "
                 f"{rng.choice(_PLACES)}."]  # vague, and often with no measure
    elif roll < 0.25:
        parts = [f"The {rng.choice(_TEAMS)} will {rng.choice(_WORDS_TO_AVOID)} {rng.choice(_THINGS)}.", _measure(rng)]
    elif roll < 0.28:
        parts = [f"The {rng.choice(_TEAMS)} and {rng.choice(_PARTNERS)} will work together on {rng.choice(_PLACES)} "
                 f"and in {rng.choice(_PLACES)} so that {rng.choice(_THINGS)} and {rng.choice(_THINGS)} are "
                 f"checked every week by {rng.choice(_STAFF)} and by {rng.choice(_STAFF)}."]  # too long
    elif roll < 0.30:
        day = rng.randint(1, 28)
        suffix = "st" if day in (1, 21) else "nd" if day in (2, 22) else "rd" if day in (3, 23) else "th"
        parts.append(f"The first check will be on {day}{suffix} {rng.choice(MONTH_NAMES)}.")
    elif roll < 0.95:
        parts.append(_measure(rng))
    if rng.random() < 0.05:
        # "(see actions in priority concern 3)": nearly always to a concern that exists.
        number = rng.randint(1, concern_count)
        section = "priority" if number <= priority_count else "key"
        if rng.random() < 0.02:
            section = "key" if section == "priority" else "priority"
        parts.append(f"(See actions in {section} concern {number}.)")
    return " ".join(parts)


def _target(rng: random.Random) -> TargetDate:
    roll = rng.random()
    if roll < 0.15:
        return TargetDate.parse("Completed")
    if roll < 0.2:
        return TargetDate.parse("Completed and ongoing")
    return TargetDate.of_month(2026 + rng.randint(0, 1), rng.randint(1, 12))


# Progress ---------------------------------------------------------------------------------------

PROGRESS_AS_OF = dt.date(2026, 12, 4)
"""The day ``add_progress`` brings a plan up to: about nine months after the inspection."""
_LEADS = ("J. Patel, Head of Residence", "S. Okafor, Head of Safety", "M. Byrne, Head of Security",
          "A. Novak, Head of Education", "R. Hughes, Custodial Manager", "L. Chen, Head of Reducing Reoffending",
          "P. Walsh, Head of Healthcare", "D. Adeyemi, Business Hub Manager")
_KEEPERS = ("K. Morgan, Head of Performance", "T. Evans, Performance Hub")
_UPDATE_TEXTS = (
    "Recording sheet in use on {place}; first month's figures reported to {meeting}.",
    "Training booked for {staff}; {done} of {planned} sessions held so far.",
    "Checks carried out every week on {place}. Dip sample found {done} of {planned} complete.",
    "Recruitment under way; interviews held and {done} offers made.",
    "No progress this month because of staff shortages on {place}.",
)
_DONE_TEXT = "Completed. Evidence filed: minutes of {meeting} and the monthly dashboard."
_DELAYED_TEXT = "Delayed: {partner} could not start until the new year. Revised date agreed."
_EVIDENCE = ("Minutes of {meeting}", "Monthly dashboard for {place}", "Training attendance register",
             "Dip sample results", "Updated local policy", "Recording sheets for {place}")
_REVISION_REASONS = ("Contractor delayed", "Staff shortages over the summer", "Waiting for funding from HMPPS",
                     "Linked to the new regime, which starts later", "Partner could not start until the new year")


def add_progress(plan: Plan, seed: int = 0, as_of: dt.date = PROGRESS_AS_OF) -> Plan:
    """Months of tracking on ``plan``, as of ``as_of``: most past targets met, some overdue, a
    few pushed back with a reason; monthly updates from the leads; evidence for most completed
    actions; a self-assessment for every concern and HMIP's judgement for a subset."""
    rng = random.Random(seed)
    start = plan.details.submitted or as_of - dt.timedelta(days=180)
    for concern in plan.concerns:
        for action in concern.actions:
            _track(rng, action, start, as_of)
        concern.self_assessment = rng.choices(list(IrpJudgement), weights=(1, 3, 5, 3))[0]
        if rng.random() < 0.6:
            concern.hmip_judgement = rng.choices(list(IrpJudgement), weights=(2, 4, 4, 2))[0]
    return plan


def _words(rng: random.Random, template: str) -> str:
    planned = rng.randint(4, 12)
    return template.format(place=rng.choice(_PLACES), meeting=_meeting(rng), staff=rng.choice(_STAFF),
                           partner=rng.choice(_PARTNERS), done=rng.randint(1, planned), planned=planned)


def _track(rng: random.Random, action: Action, start: dt.date, as_of: dt.date) -> None:
    if rng.random() < 0.8:
        action.lead = rng.choice(_LEADS)
    if rng.random() < 0.7:
        action.evidence_needed = _words(rng, rng.choice(_EVIDENCE)) + " showing the change has lasted."
    due = action.target.last_day()
    done = action.target.is_completed or (due is not None and due < as_of and rng.random() < 0.7)
    days = max(2, (as_of - start).days)
    author = action.lead or rng.choice(_KEEPERS)
    # Updates fill the months before the last week; the last week holds what closes or delays it.
    for offset in sorted(rng.sample(range(days - 1), min(days - 1, rng.randint(0, 4)))):
        status = rng.choice((ActionStatus.IN_PROGRESS, None))
        record_update(action, start + dt.timedelta(days=offset), author, _words(rng, rng.choice(_UPDATE_TEXTS)),
                      status)
    last_week = as_of - dt.timedelta(days=rng.randint(0, 6))
    if done:
        finished = ActionStatus.ONGOING if action.target.kind.value.endswith("ongoing") else ActionStatus.COMPLETE
        if rng.random() < 0.6:
            record_update(action, last_week, author, _words(rng, _DONE_TEXT), finished)
        action.status = finished
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            add_evidence(action, _words(rng, rng.choice(_EVIDENCE)), "", as_of - dt.timedelta(days=rng.randint(0, 60)),
                         action.lead)
    elif due is not None and due < as_of + dt.timedelta(days=60) and rng.random() < 0.25:
        later = due + dt.timedelta(days=rng.randint(60, 240))
        revise_target(action, TargetDate.of_month(later.year, later.month), rng.choice(_REVISION_REASONS),
                      last_week, rng.choice(_KEEPERS))
        record_update(action, last_week, author, _words(rng, _DELAYED_TEXT), ActionStatus.IN_PROGRESS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("actions", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--concerns", type=int)
    parser.add_argument("--progress", action="store_true", help="add months of tracking (add_progress)")
    args = parser.parse_args()
    plan = make_plan(args.actions, args.concerns)
    if args.progress:
        add_progress(plan)
    save_plan(plan, args.output, keep_backup=False)


if __name__ == "__main__":
    main()
