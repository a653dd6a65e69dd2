"""Splitting a report's list of concerns, as copied from a PDF or a web page."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actionplan.model import Category
from actionplan.text import clean_text
from importers.report_paste import english_word_check, join_wrapped, split_concerns

STOKE_HEATH_PDF = """\
Priority concerns
1. Drugs, particularly psychoactive substances, were too freely
available.
2. Rates of recorded self-harm were very high. There was not enough prison-
wide work to address the reasons for this.
Report on an unannounced inspection
12
Key concerns
3. Leaders had not increased the number of full-time spaces in education.
"""


def test_pdf_copy_with_hard_wraps_headings_and_page_furniture() -> None:
    result = split_concerns(STOKE_HEATH_PDF)
    assert [(c.text, c.category) for c in result.concerns] == [
        ("Drugs, particularly psychoactive substances, were too freely available.", Category.PRIORITY),
        ("Rates of recorded self-harm were very high. There was not enough prison-wide work to address the "
         "reasons for this.", Category.PRIORITY),
        ("Leaders had not increased the number of full-time spaces in education.", Category.KEY),
    ]
    assert result.ignored == ["Report on an unannounced inspection", "12"]


@pytest.mark.parametrize("footer", [
    "Report on an unannounced inspection of HMP & YOI Stoke Heath 7",
    "7 Report on an unannounced inspection of HMP & YOI Stoke Heath",
    "Report on an announced inspection of HMP Ashvale",
    "REPORT ON AN UNANNOUNCED INSPECTION OF HMP ASHVALE 12",
    "Report on a scheduled inspection of HMP East Sutton Park 9",
])
def test_a_report_page_footer_between_lines_of_a_concern_is_left_out(footer: str) -> None:
    result = split_concerns(f"1. Rates of self-harm were high and\n{footer}\nrising.\n2. Visits started late.")
    assert [c.text for c in result.concerns] == ["Rates of self-harm were high and rising.", "Visits started late."]
    assert result.ignored == [footer]


@pytest.mark.parametrize(("pasted", "kept"), [
    ("1. Leaders had not acted on the recommendations in the Chief Inspector's\n"
     "Report on an unannounced inspection of HMP Ashvale in 2022, and\nprogress was slow.",
     "Leaders had not acted on the recommendations in the Chief Inspector's Report on an unannounced "
     "inspection of HMP Ashvale in 2022, and progress was slow."),
    ("1. Work on the Ombudsman's\nReport on the inspection of safer custody had stalled.",
     "Work on the Ombudsman's Report on the inspection of safer custody had stalled."),
    ("1. Leaders had not acted on the\nReport on a full inspection\nof the kitchens.",
     "Leaders had not acted on the Report on a full inspection of the kitchens."),
])
def test_a_wrapped_line_that_names_a_report_is_not_taken_for_a_footer(pasted: str, kept: str) -> None:
    result = split_concerns(pasted)
    assert [c.text for c in result.concerns] == [kept]
    assert result.ignored == []


def test_a_concern_that_mentions_a_report_keeps_its_words() -> None:
    text = "1. Leaders had not acted on the\nreport on an unannounced inspection of the kitchens by the council."
    result = split_concerns(text)
    assert [c.text for c in result.concerns] == [
        "Leaders had not acted on the report on an unannounced inspection of the kitchens by the council."]


@pytest.mark.parametrize("number", ["1.", "1)", "(1)", "S45", "(S45)", "1.12", "•", "-", "–"])
def test_numbering_styles(number: str) -> None:
    result = split_concerns(f"{number} First concern.\n{number.replace('1', '2').replace('45', '46')} Second.")
    assert [c.text for c in result.concerns] == ["First concern.", "Second."]
    if number in ("S45", "(S45)"):
        assert [c.reference for c in result.concerns] == ["S45", "S46"]
    elif number == "1.12":
        assert [c.reference for c in result.concerns] == ["1.12", "2.22"]
    else:
        assert [c.reference for c in result.concerns] == ["", ""]


@pytest.mark.parametrize("heading", ["Priority concerns", "PRIORITY CONCERNS", "priority concerns:", "Key Concerns"])
def test_headings_in_any_case(heading: str) -> None:
    expected = Category.KEY if "key" in heading.lower() else Category.PRIORITY
    other = Category.PRIORITY if expected is Category.KEY else Category.KEY
    result = split_concerns(f"{heading}\n1. A concern.", other)
    assert [c.category for c in result.concerns] == [expected]


def test_number_on_its_own_line() -> None:
    result = split_concerns("1.\nLeaders had not\nimplemented a strategy.\n2.\nVisits started late.")
    assert [c.text for c in result.concerns] == ["Leaders had not implemented a strategy.", "Visits started late."]


def test_web_page_lines_without_numbering() -> None:
    result = split_concerns("Visits started late.\nKey work was poor.\n\nCells were cramped and\nsmall.")
    assert [c.text for c in result.concerns] == ["Visits started late.", "Key work was poor.",
                                                 "Cells were cramped and small."]


def test_text_before_the_first_number_is_listed_not_dropped() -> None:
    result = split_concerns("Concerns from the report\n1. Visits started late.")
    assert result.ignored == ["Concerns from the report"]


def test_line_end_hyphenation() -> None:
    check = english_word_check()
    if check is None:
        pytest.skip("no English dictionary for enchant")
    assert join_wrapped("support their rehabili-", "tation needs", check) == "support their rehabilitation needs"
    assert join_wrapped("rates of self-", "harm", check) == "rates of self-harm"
    assert join_wrapped("rates of self-", "harm") == "rates of self-harm"


def test_soft_hyphen_from_a_pdf() -> None:
    assert split_concerns("1. Their rehabili\u00ad\ntation was poor.").concerns[0].text == (
        "Their rehabilitation was poor."
    )


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ,'", min_size=1, max_size=12).filter(
    lambda w: w[0].isalpha()
)
concern_texts = st.lists(words, min_size=1, max_size=30).map(lambda ws: " ".join(ws) + ".")
numbering = st.sampled_from(["{n}.", "{n})", "({n})", "S{n}", "1.{n}", "•"])


@given(
    st.lists(st.tuples(concern_texts, st.sampled_from(list(Category))), min_size=1, max_size=15),
    numbering,
    st.integers(min_value=20, max_value=120),
    st.booleans(),
)
def test_any_numbered_list_splits_back(
    concerns: list[tuple[str, Category]], style: str, width: int, crlf: bool
) -> None:
    ordered = sorted(concerns, key=lambda c: c[1] is Category.KEY)
    lines: list[str] = []
    section = None
    for number, (text, category) in enumerate(ordered, start=1):
        if category is not section:
            lines.append(category.heading.upper() if number % 2 else category.heading)
            section = category
        # A PDF hard-wraps at word boundaries, whatever the width.
        wrapped = textwrap.wrap(f"{style.format(n=number)} {text}", width, break_long_words=False,
                                break_on_hyphens=False)
        lines.extend(wrapped)
    pasted = ("\r\n" if crlf else "\n").join(lines)
    result = split_concerns(pasted)
    assert [(c.text, c.category) for c in result.concerns] == ordered
    assert result.ignored == []


def _is_subsequence(needle: str, haystack: str) -> bool:
    characters = iter(haystack)
    return all(any(c == h for h in characters) for c in needle)


@given(st.text(max_size=400))
def test_any_text_gives_concerns_made_only_of_its_own_words(text: str) -> None:
    result = split_concerns(text)
    source = "".join(clean_text(text).split())
    for concern in result.concerns:
        assert concern.text
        assert concern.text == concern.text.strip()
        assert _is_subsequence("".join(concern.text.split()), source)


def test_a_figure_on_a_line_of_its_own_inside_a_sentence_is_kept() -> None:
    """Found by a new user: "had risen to / 120 / a month" lost its figure as a page number."""
    pasted = "1. Self-harm incidents had risen to\n120\na month, much higher than at similar prisons.\n" \
             "2. Visits started late.\n14\nKey concerns\n3. Staff did not challenge poor behaviour."
    result = split_concerns(pasted)
    assert [c.text for c in result.concerns] == [
        "Self-harm incidents had risen to 120 a month, much higher than at similar prisons.",
        "Visits started late.",
        "Staff did not challenge poor behaviour.",
    ]
    assert result.kept_numbers == ["120"]
    assert result.ignored == ["14"]  # after a full stop it is a page number, as before


@given(st.integers(1, 9999), st.sampled_from(["to", "and", "of about"]), st.sampled_from(["a", "prisoners", "of"]))
def test_a_number_between_two_halves_of_a_sentence_is_never_lost(figure: int, before: str, after: str) -> None:
    result = split_concerns(f"1. The count had risen {before}\n{figure}\n{after} year.")
    assert str(figure) in result.concerns[0].text
    assert str(figure) in result.kept_numbers
