"""The text parsers never raise on anything a person can type, and find what they should."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.model import Category
from actionplan.validation import smart, style
from actionplan.validation.parsing import abbreviations, cross_references, split_sentences, word_count

# Text shaped like action text: words, capitals, brackets, digits, dashes, newlines.
TYPED = st.text(
    alphabet=st.sampled_from(list("aAbBcQIGS see priority key concern actions in and 0123456789()-–./,;:!?\n'’&"))
    | st.characters(),
    max_size=300,
)


@settings(max_examples=300)
@given(TYPED)
def test_parsers_never_raise(text: str) -> None:
    sentences = split_sentences(text)
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
    for ref in cross_references(text):
        assert ref.reference
        assert text[ref.start:ref.end] == ref.text
    for abbreviation in abbreviations(text):
        assert abbreviation.abbreviation
    assert word_count(text) >= 0
    for check in (style.date_format_problem, style.long_sentence_problem, style.words_to_avoid_problem,
                  smart.vague_problem, smart.no_measure_problem, smart.multiple_owners_problem,
                  smart.person_name_problem):
        result = check(text)
        assert result is None or isinstance(result, str)


def test_sentences_split_on_stops_not_on_abbreviations_or_initials() -> None:
    text = "Mr. J. Jones will check e.g. the sheet. It runs daily!\n- first item\n- second item. 1.5 hours."
    assert [s.text for s in split_sentences(text)] == [
        "Mr. J. Jones will check e.g. the sheet.", "It runs daily!", "first item", "second item.", "1.5 hours."]


def test_cross_references_in_the_published_plans() -> None:
    text = ("substances (See actions in priority concern 1), boredom (see actions in priority concern 3 and 4) "
            "and isolation (see actions in key concern 7). Plans (See actions in 3 and 4); (see Priority Concern 2)")
    found = [(ref.reference, ref.section) for ref in cross_references(text)]
    assert found == [("1", Category.PRIORITY), ("3", Category.PRIORITY), ("4", Category.PRIORITY),
                     ("7", Category.KEY), ("3", None), ("4", None), ("2", Category.PRIORITY)]


def test_not_cross_references() -> None:
    assert cross_references("We will see 3 people and see to it by concern 4.") == []


def test_abbreviations_and_where_they_are_spelled_out() -> None:
    text = ("The SIM (Safety Intervention Meeting) and the Quality Improvement Group (QIG) meet. "
            "QIG minutes, KPIs and the Segregation, Monitoring and Review Group (SMaRG). McDonald said OK.")
    found = [(a.abbreviation, a.defines) for a in abbreviations(text)]
    assert found == [("SIM", True), ("QIG", True), ("QIG", False), ("KPI", False), ("SMaRG", True), ("OK", False)]


@given(st.integers(0, 60))
def test_long_sentence_threshold(count: int) -> None:
    text = " ".join(["word"] * count) + "."
    assert (style.long_sentence_problem(text) is not None) == (count > 25)
