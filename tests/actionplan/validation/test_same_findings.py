"""The quicker validation functions find exactly what the old, plainer ones found.

``oracle.py`` keeps the functions as they were before the speed-up, word for word. Each test
here gives both the same text and compares the answers: text made of the words and marks the
checks look for (hypothesis), the characters whose lower case is an ASCII letter (which the
quick paths must step around), and every action in the sample plans and a generated plan.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Plan
from actionplan.storage import load_plan
from actionplan.target_date import TargetDate
from actionplan.validation import checks, parsing, smart, style
from actionplan.validation.findings import Location
from benchmarks.generate import make_plan
from tests.actionplan.validation import oracle

ROOT = Path(__file__).resolve().parents[3]

# Pieces the checks react to: month names and short forms, words GOV.UK avoids (in several
# spellings), vague verbs, measures, abbreviations spelled out or not, cross-references, titles,
# initials, owners' separators, ordinals and ranges, stops before capitals and abbreviations.
_PIECES = [
    "January", "jan", "Sept", "sept", "MAY", "may", "Dec", "december", "9th", "1st", "05", "2026",
    "2025-2026", "10-21", "1/2/2026", "25 September – 5 October", " – ", "—", "-", "/",
    "deliver", "Delivered", "services", "training", "drive", "focussing", "Key", "key", "robustly",
    "going forward", "moving forward", "ring-fence", "ringfenced", "utilize", "liaising", "tackle",
    "going", "ring", "review", "consider", "explore", "look into", "continue to", "to reduce",
    "will be reviewed", "monitored through", "measured by", "reported to", "review through",
    "weekly", "QIG", "Quality Improvement Group (QIG)", "SIM (safety intervention meeting)",
    "HMPPS", "GOV.UK", "gov.uk", "A&E", "R&R", "OMU", "AND", "see priority concern 3",
    "(see key concern 9)", "refer to", "actions", "Mr", "Mrs.", "Dr", "J.", "J. Jones", "Mr Smith",
    "a@b.co", "Governor", "Head of Safety", "Governor Governor", ",", ";", " & ", " - ", "\n",
    "\n- ", "\n1. ", "e.g.", "i.e.", "etc.", "No.", "approx.", "Ltd.", "para.", ". ", "! ", "? ", ".\" ", "’", "'", "(", ")",
    "İ", "ı", "ſ", "\u212a", "é", "\u00a0", "Ş", "ß", "ﬁ", "K", "ſt", "the", "and", "A", "I",
]
WORDY = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=60).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
ANY = st.text(max_size=200)
TEXTS = WORDY | ANY


def _sentences(spans: list[oracle.Span] | list[parsing.Span]) -> list[tuple[int, int, str]]:
    return [(span.start, span.end, span.text) for span in spans]


def _same_text_checks(text: str) -> None:
    assert _sentences(parsing.split_sentences(text)) == _sentences(oracle.split_sentences(text))
    assert parsing.abbreviations(text) == [
        parsing.Abbreviation(a.start, a.abbreviation, a.defines) for a in oracle.abbreviations(text)]
    assert [(r.start, r.end, r.text, r.reference, r.section) for r in parsing.cross_references(text)] == [
        (r.start, r.end, r.text, r.reference, r.section) for r in oracle.cross_references(text)]
    pairs: list[tuple[Callable[[str], object], Callable[[str], object]]] = [
        (style.date_format_problem, oracle.style.date_format_problem),
        (style.long_sentence_problem, oracle.style.long_sentence_problem),
        (style.words_to_avoid, oracle.style.words_to_avoid),
        (style.words_to_avoid_problem, oracle.style.words_to_avoid_problem),
        (smart.vague_problem, oracle.smart.vague_problem),
        (smart.has_measure, oracle.smart.has_measure),
        (smart.no_measure_problem, oracle.smart.no_measure_problem),
        (smart.multiple_owners_problem, oracle.smart.multiple_owners_problem),
        (smart.person_name_problem, oracle.smart.person_name_problem),
    ]
    for new, old in pairs:
        assert new(text) == old(text), new.__name__


def _here(item_id: str) -> Callable[[str], Location]:
    return lambda field: Location(action_id=item_id, field=field)


def _same_action_findings(action: Action) -> None:
    here = _here(action.id)
    assert checks.check_action(action, here) == oracle.check_action(action, here)


@settings(max_examples=1500, deadline=None)
@given(TEXTS)
def test_each_check_finds_what_the_old_one_found(text: str) -> None:
    _same_text_checks(text)


@settings(max_examples=400, deadline=None)
@given(TEXTS, WORDY, st.sampled_from(["December 2026", "Completed", "Ongoing", "", "9th Jan"]))
def test_an_action_gets_the_old_findings(text: str, owner: str, target: str) -> None:
    _same_action_findings(Action(text=text, owner=owner, target=TargetDate.parse(target)))


@pytest.mark.parametrize(
    "text",
    [
        "Key work will be delivered weekly. The İnduction unit will review it.",
        "The SMT (ſenior management team) will meet. ſ\u212a",
        "Moving forward, the team will ring-fence time and going forward report to the QIG.",
        "Training will be delivered on 9th January 2027 – 5 February 2027.",
        "It takes approx. 5 hours, see para. 3 and Smith Ltd. Will report. Dr. Who. No. 4 wing.",
        "Mr. J. Jones will check e.g. the sheet. It runs daily!\n- first item\n- second item. 1.5 hours.",
    ],
)
def test_awkward_texts(text: str) -> None:
    _same_text_checks(text)


def _plans() -> list[Plan]:
    plans = [load_plan(path) for path in sorted((ROOT / "resources").glob("*.actionplan"))]
    plans += [load_plan(path) for path in sorted((ROOT / "tests").rglob("*.actionplan"))]
    return [*plans, make_plan(2_000, seed=7)]


def test_every_action_in_the_sample_and_generated_plans_gets_the_old_findings() -> None:
    actions = [action for plan in _plans() for concern in plan.concerns for action in concern.actions]
    assert len(actions) > 2_000
    for action in actions:
        _same_text_checks(action.text)
        _same_action_findings(action)
