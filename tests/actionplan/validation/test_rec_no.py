"""A manual Rec No that does not look like a reference is flagged: the shapes seen in real plans
(1, 1., 1.12, S45, (S40), 12a, "1.12 and 1.13") pass, anything else ("Mr Smith") is warned about."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.validation.rec_no import RecNo, looks_like_rec_no, parse_rec_no
from tests.actionplan.validation.small_plans import findings_of, make_plan

SEEN_IN_PLANS = ["1", "12", "1.", "15.", "1.12", "4.3.2", "S45", "s45", "(S40)", "P1", "12a", "S45, 1.12",
                 "1.12 and 1.13", "1.12 & 1.13", " 3 "]
NOT_REFERENCES = ["Mr Smith", "Governor", "see 3", "1 2", "S", "1..2", "12345", "1.12,", "()", "-", "N/A",
                  "Concern 3", "one"]


@pytest.mark.parametrize("text", SEEN_IN_PLANS)
def test_the_forms_seen_in_real_plans_are_references(text: str) -> None:
    assert looks_like_rec_no(text)
    assert not findings_of(make_plan(concern={"reference": text}), "reference-unusual")


@pytest.mark.parametrize("text", NOT_REFERENCES)
def test_other_text_is_warned_about(text: str) -> None:
    assert not looks_like_rec_no(text)
    [finding] = findings_of(make_plan(concern={"reference": text}), "reference-unusual")
    assert finding.location.field == "reference"
    assert f"“{text.strip()}” does not look like a Rec No" in finding.message


def test_an_automatic_rec_no_is_never_warned_about() -> None:
    assert not findings_of(make_plan(concern={"reference": ""}), "reference-unusual")


def test_the_parts_are_read() -> None:
    assert parse_rec_no("(S40)") == (RecNo("S", (40,)),)
    assert parse_rec_no("1.12 and 4.3.2a") == (RecNo("", (1, 12)), RecNo("", (4, 3, 2), "a"))


# Properties ----------------------------------------------------------------------------------

PREFIXES = st.text(alphabet="SPKCRsp", max_size=2)
NUMBERS = st.lists(st.integers(min_value=0, max_value=999), min_size=1, max_size=3).map(tuple)
SUFFIXES = st.sampled_from(["", "a", "b"])
REFERENCES = st.builds(RecNo, PREFIXES, NUMBERS, SUFFIXES)
JOINS = st.sampled_from([", ", " and ", " & ", "/", ","])


@given(references=st.lists(REFERENCES, min_size=1, max_size=3), join=JOINS, stop=st.booleans(),
       brackets=st.booleans())
def test_any_reference_built_from_the_real_shapes_reads_back(references: list[RecNo], join: str, stop: bool,
                                                            brackets: bool) -> None:
    text = join.join(str(reference) + ("." if stop else "") for reference in references)
    if brackets:
        text = f"({text})"
    assert parse_rec_no(text) == tuple(references)


@given(st.text(max_size=40))
def test_reading_any_text_never_fails(text: str) -> None:
    found = parse_rec_no(text)
    assert found is None or all(reference.numbers for reference in found)


WORDS = st.from_regex(r"[A-Za-z]{2,10}", fullmatch=True)


@given(first=WORDS, second=WORDS, number=st.one_of(st.just(""), st.integers(0, 99).map(str)))
def test_two_words_are_never_a_reference(first: str, second: str, number: str) -> None:
    # A name ("Mr Smith"), a role or a sentence, with or without a number after it.
    assert parse_rec_no(f"{first} {second}{number}") is None
