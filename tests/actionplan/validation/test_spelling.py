"""Spelling: en-GB, the plan's word list, the user's dictionary, and names left alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.paths import config_dir
from actionplan.spelling import SpellChecker
from actionplan.validation import validate
from tests.actionplan.validation.small_plans import make_plan

needs_dictionary = pytest.mark.skipif(not SpellChecker().available, reason="no en-GB dictionary here")


@needs_dictionary
def test_british_spelling_and_typos() -> None:
    words = [m.word for m in SpellChecker().misspellings("The organisation will recieve colour and color.")]
    assert words == ["recieve", "color"]


@needs_dictionary
def test_names_acronyms_digits_and_addresses_are_skipped() -> None:
    text = ("HMP & YOI Stoke Heath, Novus and the Shannon Trust will co-ordinate the QIG, SMaRG and "
            "day-to-day cafés at www.example.gov.uk or help@example.org for 25 prisoners' 2nd visits.")
    assert SpellChecker().misspellings(text) == []


@needs_dictionary
def test_a_typo_at_the_start_of_a_sentence_is_still_found() -> None:
    assert [m.word for m in SpellChecker().misspellings("Staff agreed. Recieve the list.")] == ["Recieve"]


@needs_dictionary
def test_plan_word_list_user_dictionary_and_ignore() -> None:
    checker = SpellChecker(plan_words=["Tripartite", "keyworking"])
    assert checker.misspellings("The keyworking tripartite meeting frobnicates.")[0].word == "frobnicates"
    checker.add_to_user_dictionary("frobnicates")
    assert (config_dir() / "dictionary.txt").read_text(encoding="utf-8") == "frobnicates\n"
    assert SpellChecker().is_known("frobnicates")  # remembered for every plan
    checker.ignore("zorbled")
    assert checker.misspellings("It zorbled.") == []
    assert checker.suggestions("recieve")[0] == "receive"


@needs_dictionary
def test_spelling_rule_in_a_full_check() -> None:
    plan = make_plan(action={"text": "A monthly check will recieve attention."})
    [finding] = [f for f in validate(plan, spelling=SpellChecker()) if f.rule == "spelling"]
    assert "“recieve”" in finding.message
    plan.word_list.append("recieve")
    assert [f for f in validate(plan, spelling=SpellChecker(plan.word_list)) if f.rule == "spelling"] == []


def test_without_a_dictionary_spelling_is_off_and_says_why(tmp_path: Path) -> None:
    checker = SpellChecker(language="xx_NOWHERE", user_dictionary=tmp_path / "words.txt")
    assert not checker.available
    assert checker.reason.startswith("Spelling is off:")
    assert "dictionary" in checker.reason
    assert checker.misspellings("Recieve teh lsit.") == []
    assert checker.suggestions("teh") == []
    plan = make_plan(action={"text": "A monthly check will recieve attention."})
    assert validate(plan, spelling=checker) == []


@needs_dictionary
def test_a_name_used_inside_a_sentence_is_a_name_everywhere() -> None:
    text = "Novus runs the classes. Reading is led by Novus and the Shannon Trust."
    plan = make_plan(action={"text": text + " Checked monthly."})
    assert [f for f in validate(plan, spelling=SpellChecker()) if f.rule == "spelling"] == []
    checker = SpellChecker()
    assert [m.word for m in checker.misspellings("Novus runs the classes.")] == ["Novus"]
    checker.learn_names("Classes are run by Novus.")
    assert checker.misspellings("Novus runs the classes.") == []


@needs_dictionary
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeiourstnlcQIG Novus-'’.\n:!?é_1")) | st.characters(), max_size=200))
def test_misspellings_never_raise_and_point_at_the_word(text: str) -> None:
    checker = SpellChecker()
    checker.learn_names(text)
    for found in checker.misspellings(text):
        assert text[found.start:found.end] == found.word
