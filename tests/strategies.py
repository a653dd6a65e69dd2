"""Hypothesis strategies for plans and what people type, shared by every test folder.

    from tests.strategies import pasted_text, plans, target_dates
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from actionplan.model import (
    Action,
    Agreement,
    Category,
    Concern,
    Dismissal,
    Era,
    Plan,
    PlanDetails,
)
from actionplan.target_date import TargetDate, TargetKind

# What Word, Outlook and PDFs put on the clipboard besides the words themselves.
WORD_JUNK = (
    "\x0b",  # Word's line break inside a table cell
    "\x0c",  # page break
    "\r\n",
    "\r",
    "\u00a0",  # non-breaking space
    "\u202f",
    "\u2007",
    "\u00ad",  # soft hyphen
    "\u200b",  # zero-width space
    "\ufeff",
    "\u2028",
    "\u2029",
    "\x07",  # Word's end-of-cell mark
    "\x00",
    "\x1f",
    "\x7f",
    "\x85",
    "\ud800",  # a lone surrogate, as a broken clipboard can hand over
    "\udfff",
    "\ufffe",
    "\uffff",
    "\U0010fffe",
    "\t",
    "\n",
)
VISIBLE = (
    "Governor", "Head of Safety", "–", "—", "“quoted”", "‘single’", "£", "€", "é", "ß",
    "🙂", "👩‍💻", "中文", "عربي", "•", "- ", "HMP & YOI", "<b>", "]]>", "&amp;", "  ",
)


def pasted_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text as it arrives from a paste: ordinary words mixed with Word's invisible junk."""
    piece = st.one_of(
        st.text(max_size=12),
        st.sampled_from(WORD_JUNK),
        st.sampled_from(VISIBLE),
        st.characters(codec=None),
    )
    return st.lists(piece, max_size=max_size).map("".join)


def typed_text(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text a person could type, without junk (the form a field holds after clean-up)."""
    return st.text(
        st.characters(exclude_categories=("Cc", "Cs", "Cn"), include_characters="\n"),
        max_size=max_size,
    )


def years() -> st.SearchStrategy[int]:
    return st.integers(min_value=1900, max_value=2200)


def months() -> st.SearchStrategy[TargetDate]:
    return st.builds(TargetDate.of_month, years(), st.integers(1, 12))


def exact_dates() -> st.SearchStrategy[TargetDate]:
    return st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)).map(TargetDate.of_date)


def unrecognised_targets() -> st.SearchStrategy[TargetDate]:
    """Whatever was typed and not understood, kept word for word."""
    return (
        st.one_of(st.text(min_size=1, max_size=30), st.sampled_from(["ASAP", "Q3 2026", "12/26", "TBC"]))
        .map(TargetDate.parse)
        .filter(lambda target: target.kind is TargetKind.UNRECOGNISED)
    )


def target_dates() -> st.SearchStrategy[TargetDate]:
    """Every kind of TargetDate."""
    return st.one_of(
        months(),
        exact_dates(),
        st.sampled_from([
            TargetDate.not_set(),
            TargetDate.of_kind(TargetKind.COMPLETED),
            TargetDate.of_kind(TargetKind.COMPLETED_AND_ONGOING),
            TargetDate.of_kind(TargetKind.ONGOING),
        ]),
        unrecognised_targets(),
    )


def ids() -> st.SearchStrategy[str]:
    return st.text("0123456789abcdef", min_size=16, max_size=16)


def actions() -> st.SearchStrategy[Action]:
    return st.builds(
        Action,
        id=ids(),
        text=pasted_text(),
        owner=pasted_text(10),
        target=target_dates(),
    )


def concerns(max_actions: int = 4) -> st.SearchStrategy[Concern]:
    return st.builds(
        Concern,
        id=ids(),
        category=st.sampled_from(Category),
        reference=st.one_of(st.just(""), st.sampled_from(["S45", "1.12", "P1"]), pasted_text(4)),
        text=pasted_text(),
        agreement=st.one_of(st.none(), st.sampled_from(Agreement)),
        actions=st.lists(actions(), max_size=max_actions),
    )


def optional_dates() -> st.SearchStrategy[dt.date | None]:
    return st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)))


def plan_details() -> st.SearchStrategy[PlanDetails]:
    return st.builds(
        PlanDetails,
        establishment=pasted_text(8),
        submitted=optional_dates(),
        inspection_start=optional_dates(),
        inspection_end=optional_dates(),
        published=optional_dates(),
        introduction=st.one_of(st.just(PlanDetails().introduction), pasted_text()),
        era=st.sampled_from(Era),
    )


def dismissals() -> st.SearchStrategy[Dismissal]:
    return st.builds(
        Dismissal,
        rule=st.sampled_from(["owner-vague", "long-sentence", "avoid-word"]),
        item_id=ids(),
        field=st.sampled_from(["", "text", "owner", "target"]),
        reason=pasted_text(6),
        dismissed_on=optional_dates(),
    )


def _in_display_order(plan: Plan) -> Plan:
    plan.put_in_display_order()
    return plan


def _with_unique_ids(plan: Plan) -> Plan:
    """Ids are unique in a plan (loading repairs any that are not), so drawn ones are made so."""
    seen = {"details"}
    items: list[Concern | Action] = []
    for concern in plan.concerns:
        items += [concern, *concern.actions]
    fresh = 0
    for item in items:
        while item.id in seen:
            fresh += 1
            item.id = f"{fresh:016x}"
        seen.add(item.id)
    return plan


def plans(max_concerns: int = 5, max_actions: int = 4) -> st.SearchStrategy[Plan]:
    """Whole plans, concerns in display order (priority first), text full of paste junk."""
    return st.builds(
        Plan,
        details=plan_details(),
        concerns=st.lists(concerns(max_actions), max_size=max_concerns),
        dismissals=st.lists(dismissals(), max_size=3),
        word_list=st.lists(st.text(st.characters(categories=("L",)), min_size=1, max_size=12), max_size=4),
    ).map(_with_unique_ids).map(_in_display_order)
