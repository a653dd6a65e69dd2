"""Who is sent which actions, which positions --only names, the form's own details, and safe
file names."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.model import Action, Category, Concern, Plan
from actionplan.progress import ActionStatus
from actionplan.tracking import Position
from actionplan.update_forms import FormIdentity, SendTo, form_file_name, forms_to_send, read_positions

TODAY = dt.date(2027, 3, 1)


def plan() -> Plan:
    return Plan(concerns=[
        Concern(category=Category.PRIORITY, text="One.", actions=[
            Action(text="Overdue, led by Priya.", owner="Head of Safety", lead="Priya Shah", target="January 2027"),
            Action(text="Due soon, no lead.", owner="Head of Safety", target="March 2027"),
            Action(text="On track, led by priya.", owner="Governor", lead="priya  shah ", target="December 2027"),
        ]),
        Concern(category=Category.KEY, text="Two.", actions=[
            Action(text="Done, led by Tom.", owner="Governor", lead="Tom Evans", target="January 2027",
                   status=ActionStatus.COMPLETE),
            Action(text="Nobody at all.", target="December 2027"),
        ]),
    ])


def test_by_lead_one_form_each_with_no_lead_going_to_the_owner() -> None:
    chosen = forms_to_send(plan(), SendTo.LEAD, TODAY)
    assert [(form.name, [action.text for _c, action in form.actions]) for form in chosen.forms] == [
        ("Head of Safety", ["Due soon, no lead."]),
        ("Priya Shah", ["Overdue, led by Priya.", "On track, led by priya."]),
        ("Tom Evans", ["Done, led by Tom."]),
    ]
    assert chosen.left_out == ["1 action has no lead or owner, so no form was made for it.",
                               "1 action has no lead, so it goes to the responsible owner."]
    assert chosen.describe() == "3 forms for 4 actions"


def test_by_owner() -> None:
    chosen = forms_to_send(plan(), SendTo.OWNER, TODAY)
    assert [(form.name, len(form.actions)) for form in chosen.forms] == [("Governor", 2), ("Head of Safety", 2)]


def test_only_overdue_and_due_soon() -> None:
    chosen = forms_to_send(plan(), SendTo.LEAD, TODAY, read_positions("overdue, due-soon"))
    assert [action.text for form in chosen.forms for _c, action in form.actions] == [
        "Due soon, no lead.", "Overdue, led by Priya."]


@pytest.mark.parametrize("typed", ["late", "", ",", "overdue,soon"])
def test_positions_not_known_are_refused_naming_the_words_allowed(typed: str) -> None:
    with pytest.raises(ValueError, match="overdue, due-soon, on-track, no-date, complete"):
        read_positions(typed)


def test_positions_in_any_case_and_spacing() -> None:
    assert read_positions("Overdue, Due soon") == {Position.OVERDUE, Position.DUE_SOON}


def test_the_forms_details_survive_being_written_as_text_and_read_back() -> None:
    identity = FormIdentity("0123abcd", "Priya Shah", TODAY, SendTo.OWNER, "HMP & YOI Ashvale", "ashvale.actionplan")
    assert FormIdentity.from_pairs(dict(identity.as_pairs())) == identity
    assert FormIdentity.from_pairs({name.upper(): f" {value} " for name, value in identity.as_pairs()}) == identity


@pytest.mark.parametrize("missing", ["Form id", "Sent to", "Sent on"])
def test_details_missing_what_is_needed_are_none(missing: str) -> None:
    pairs = dict(FormIdentity("f", "P", TODAY, SendTo.LEAD, "", "").as_pairs())
    del pairs[missing]
    assert FormIdentity.from_pairs(pairs) is None


def test_a_date_not_understood_is_none() -> None:
    pairs = dict(FormIdentity("f", "P", TODAY, SendTo.LEAD, "", "").as_pairs())
    assert FormIdentity.from_pairs({**pairs, "Sent on": "1/3/27"}) is None


@given(st.text(max_size=120))
def test_file_names_are_safe_on_windows(name: str) -> None:
    file_name = form_file_name(name)
    assert file_name.startswith("Progress update - ")
    assert file_name.endswith(".xlsx")
    stem = file_name.removeprefix("Progress update - ").removesuffix(".xlsx")
    assert stem
    assert not re.search(r'[<>:"/\\|?*\x00-\x1f]', stem)
    assert stem == stem.strip(" .")
    assert len(stem) <= 80
    assert stem.lower() not in {"con", "prn", "aux", "nul"}


def test_file_names_read_like_the_name() -> None:
    assert form_file_name("J. Patel, Head of Residence") == "Progress update - J. Patel, Head of Residence.xlsx"
    assert form_file_name("Safety/Security") == "Progress update - Safety Security.xlsx"
