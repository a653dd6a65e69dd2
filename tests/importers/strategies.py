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
