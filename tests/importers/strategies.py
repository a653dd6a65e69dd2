"""Hypothesis strategies for random plans an importer must read back exactly."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from actionplan.model import (
    STANDARD_INTRODUCTION,
    Action,
    Agreement,
    Category,
    Concern,
    Era,
    Plan,
    PlanDetails,
)

# Plain words: none of them is a table heading word, a section label or "Not set", which an
# importer rightly reads as structure rather than text.
WORDS = [
    "the",
    "prison",
    "will",
    "review",
    "visits",
    "staff",
    "weekly",
    "monthly",
    "safety",
    "drugs",
    "education",
    "reading",
    "cells",
    "wing",
    "leaders",
    "prisoners",
    "support",
    "work",
    "health",
    "partners",
    "data",
    "meetings",
    "training",
    "progress",
    "quality",
    "improve",
    "ensure",
    "monitor",
    "complete",
    "plan",
    "strategy",
    "library",
    "kitchen",
    "gym",
    "induction",
    "reception",
]
OWNERS = (
    "Governor",
    "HMPPS Estates",
    "Head of Education, Skills and Work",
    "Governor and Milton Keynes (education provider)",
    "HMPPS Directorate of Prison Operations",
)
TARGETS = (
    "December 2026",
    "Completed",
    "Completed and ongoing",
    "Ongoing",
    "",
    "31 March 2027",
    "Spring 2027",
)

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    chosen = draw(words)
    ending = draw(st.sampled_from([".", "", ":", "?"]))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + ending


@st.composite
def paragraphs(draw: st.DrawFn, max_paragraphs: int = 3) -> str:
    """Paragraphs starting with a capital, sometimes with a dash list."""
    lines = draw(st.lists(sentences(), min_size=1, max_size=max_paragraphs))
    if draw(st.booleans()):
        lines += [f"- {' '.join(draw(words))}" for _ in range(draw(st.integers(1, 3)))]
    return "\n".join(lines)


@st.composite
def actions(draw: st.DrawFn) -> Action:
    return Action(
        text=draw(paragraphs()), owner=draw(st.sampled_from(OWNERS)), target=draw(st.sampled_from(TARGETS))
    )


@st.composite
def plans(draw: st.DrawFn, era: Era | None = None) -> Plan:
    era = era or draw(st.sampled_from(list(Era)))
    count = draw(st.integers(1, 5))
    priority = draw(st.integers(0, count))
    concerns = []
    for number in range(1, count + 1):
        reference = ""
        if era is Era.RECOMMENDATIONS and draw(st.booleans()):
            reference = draw(st.sampled_from([f"S{number + 40}", f"1.{number + 10}"]))
        concerns.append(
            Concern(
                category=Category.PRIORITY if number <= priority else Category.KEY,
                reference=reference,
                text=draw(paragraphs(max_paragraphs=2)),
                agreement=draw(st.sampled_from(list(Agreement))) if era is Era.RECOMMENDATIONS else None,
                actions=draw(st.lists(actions(), min_size=0 if number > 1 else 1, max_size=4)),
            )
        )
    dates = st.none() | st.dates(min_value=dt.date(2018, 1, 1), max_value=dt.date(2030, 12, 31))
    start = draw(dates)
    end = None if start is None else start + dt.timedelta(days=draw(st.integers(0, 20)))
    details = PlanDetails(
        establishment="HMP "
        + " ".join(
            draw(st.lists(st.sampled_from(["Ashvale", "Stoke", "Heath", "Park"]), min_size=1, max_size=2))
        ).title(),
        submitted=draw(dates),
        inspection_start=start,
        inspection_end=end,
        published=draw(dates),
        introduction=STANDARD_INTRODUCTION,
        era=era,
    )
    return Plan(details=details, concerns=concerns)


# What people really write -----------------------------------------------------------------------
# Unlike the plain words above, these are the texts that trip an importer up: actions starting in
# lower case or with a cross-reference in brackets, the table's heading words inside cells, drafts
# with cells left empty, rows far taller than a page, numbered actions, "(continued)" endings and
# target dates nobody can read.

OPENINGS = (
    "The prison will", "Staff will", "e-learning will", "in the meantime, staff will", "(See also key concern 2.) The prison will",
    "(see actions in priority concern 3 and 4) Leaders will", "1. The prison will", "2) Managers will",
    "Concerns raised by prisoners will", "Action plan reviews will", "The responsible manager will",
    "Target dates will", "Not set", "Key concerns will", "iPads will",
)
ENDINGS = (".", "", ":", " (continued)", "?", " (see priority concern 1).")
REAL_OWNERS = (*OWNERS, "", "", "Head of Safety, responsible for complaints", "Responsible owner",
               "Head of Residence", "Deputy Governor")
REAL_TARGETS = (*TARGETS, "", "31/03/27", "Q2 2027", "Target date", "March 2027", "TBC")
CONCERN_OPENINGS = ("Concerns raised by prisoners were", "Too many prisoners were", "e-learning was",
                    "(Repeated from the last inspection.) Leaders had", "Staffing shortages", "Not set")


@st.composite
def written_sentences(draw: st.DrawFn, openings: tuple[str, ...] = OPENINGS) -> str:
    opening = draw(st.sampled_from(openings))
    rest = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=0, max_size=30)))
    text = f"{opening} {rest}".strip() if opening != "Not set" or rest else opening
    return text + ("" if text == "Not set" else draw(st.sampled_from(ENDINGS)))


@st.composite
def written_paragraphs(draw: st.DrawFn, openings: tuple[str, ...] = OPENINGS, *, long: bool = False) -> str:
    lines = draw(st.lists(written_sentences(openings), min_size=1, max_size=8 if long else 3))
    if draw(st.booleans()):
        items = draw(st.integers(1, 32 if long else 4))
        lines += [f"- {' '.join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6)))}"
                  for _ in range(items)]
    return "\n".join(lines)


@st.composite
def written_actions(draw: st.DrawFn) -> Action:
    draft = draw(st.sampled_from(["whole", "whole", "no text", "no owner or target", "nothing"]))
    text = "" if draft in ("no text", "nothing") else draw(written_paragraphs(long=draw(st.booleans())))
    owner, target = draw(st.sampled_from(REAL_OWNERS)), draw(st.sampled_from(REAL_TARGETS))
    if draft in ("no owner or target", "nothing"):
        owner, target = "", ""
    return Action(text=text, owner=owner, target=target)


@st.composite
def written_plans(draw: st.DrawFn) -> Plan:
    """Plans as people really write them, to export and import back."""
    era = draw(st.sampled_from(list(Era)))
    count = draw(st.integers(1, 5))
    priority = draw(st.integers(0, count))
    concerns = []
    for number in range(1, count + 1):
        reference = ""
        if era is Era.RECOMMENDATIONS and draw(st.booleans()):
            reference = draw(st.sampled_from([f"S{number + 40}", f"1.{number + 10}"]))
        text = draw(st.one_of(written_paragraphs(CONCERN_OPENINGS), st.just(""),
                              st.sampled_from([f"Concern {number - 1} (continued)", "Drugs (continued)"])))
        concerns.append(Concern(
            category=Category.PRIORITY if number <= priority else Category.KEY,
            reference=reference,
            text=text,
            agreement=draw(st.sampled_from([*Agreement, None])) if era is Era.RECOMMENDATIONS else None,
            actions=draw(st.lists(written_actions(), min_size=0, max_size=4)),
        ))
    introduction = STANDARD_INTRODUCTION
    if draw(st.booleans()):
        introduction += "\nAction plan progress will be reported to the board every month."
    details = PlanDetails(establishment="HMP Ashvale", era=era, introduction=introduction,
                          submitted=dt.date(2026, 6, 22), published=dt.date(2026, 6, 1),
                          inspection_start=dt.date(2026, 2, 23), inspection_end=dt.date(2026, 3, 5))
    return Plan(details=details, concerns=concerns)
