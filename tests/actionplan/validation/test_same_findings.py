"""The quicker validation functions find exactly what the old, plainer ones found.

``oracle.py`` keeps the functions as they were before the speed-up, word for word. Each test
here gives both the same text and compares the answers: text made of the words and marks the
checks look for (hypothesis), the characters whose lower case is an ASCII letter (which the
quick paths must step around), and every action in the sample plans and a generated plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from actionplan.model import Action, Plan
from actionplan.spelling import SpellChecker
from actionplan.storage import load_plan
from actionplan.target_date import TargetDate
from actionplan.validation import PlanValidator, checks, parsing, smart, style
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
    # Runs that the patterns once backtracked through: white space after the words that start a
    # match, stops, "@", "&" and capitals next to what may not follow an abbreviation.
    "      ", "\t \t", " \n ", "...", "!?.", "@", "@@", "a@b.c", "x@y", "www.", "http://", "https://x",
    "&", "A&B", "A&b&C", "QIG1", "ABC-", "AB.c", "AB'", "ABCD_", "AbCd", "(QIG)", "(a b)",
    "see    concern   3", "see  key  concern  1 ,  2  and   3", "refer   to", "drive   a   car", "drive  ",
    "will   review", "review   weekly", "to   reduce", "reported   to", "Governor  -  Head", " & ", ",,",
    "Mr.  ", "J.   ", "9th   ", "Jan  -  ", "2025 -",
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


# Whole plans ---------------------------------------------------------------------------------
#
# PlanValidator (with its caches, shared scans and quick tests) against oracle.plan_findings, one
# plain pass over the plan with the old functions: the same findings, in the same order, on random
# plans with spelling on.

_SPELLING_PIECES = [
    "recieve", "Recieve", "houseblock", "houseblocks", "Novus", "Stoke Heath", "prisoners'", "prisoner’s",
    "day-to-day", "co-ordinate", "cafés", "colour", "color", "www.example.org", "help@example.org",
    "http://x.y", "a@b", "@@", "x@y.z", "Mr. Smith", "Zorbled", "zorbled", "SMaRG", "B2B", "2nd", "_x",
    "Keywork", "keyworker", "it's", "don't", "'quoted'", "   ", "\t", "  \n  ", "\n\n", "Key work",
]
SPELLING_WORDY = st.lists(st.sampled_from(_PIECES + _SPELLING_PIECES) | st.text(max_size=3), max_size=40).map(
    lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
# ASCII text takes the spell checker's quickest path (chunks), so it gets a strategy of its own.
_ASCII_PIECES = [piece for piece in _PIECES + _SPELLING_PIECES if piece.isascii()]
ASCII_WORDY = st.lists(st.sampled_from(_ASCII_PIECES) | st.text(st.characters(max_codepoint=127), max_size=3),
                       max_size=40).map(lambda parts: " ".join(parts) if len(parts) % 2 else "".join(parts))
PLAN_TEXTS = ASCII_WORDY | ASCII_WORDY | SPELLING_WORDY | ANY
OWNERS = st.sampled_from(["Governor", "", "Governor Governor", "Mr Smith", "HMPPS Estates", "Head of Safety",
                          "a@b.co", "Governor, Head of Safety", "J. Jones"]) | WORDY


@st.composite
def _random_plans(draw: st.DrawFn) -> Plan:
    from actionplan.model import Category, Concern, Dismissal, Era, PlanDetails
    from actionplan.validation import RULES
    from tests.strategies import optional_dates, target_dates

    concerns = []
    for _ in range(draw(st.integers(0, 5))):
        actions = [Action(text=draw(PLAN_TEXTS), owner=draw(OWNERS),
                          target=draw(target_dates() | st.sampled_from(["December 2026", "Ongoing", "Completed"])))
                   for _ in range(draw(st.integers(0, 4)))]
        concerns.append(Concern(category=draw(st.sampled_from(Category)), text=draw(PLAN_TEXTS),
                                reference=draw(st.sampled_from(["", "", "", "1", "2", "S45", "s45 "])),
                                actions=actions))
    details = PlanDetails(
        establishment=draw(st.sampled_from(["HMP Novus Park", "", "HMP & YOI Stoke Heath"]) | SPELLING_WORDY),
        submitted=draw(optional_dates()), inspection_start=draw(optional_dates()),
        inspection_end=draw(optional_dates()), published=draw(optional_dates()),
        introduction=draw(st.sampled_from([PlanDetails().introduction, "The Zorbled Review Group (ZRG) met."])
                          | SPELLING_WORDY),
        era=draw(st.sampled_from(Era)))
    plan = Plan(details=details, concerns=concerns,
                word_list=draw(st.lists(st.sampled_from(["houseblock", "QIG", "recieve", "Zorbled", "SIM"]),
                                        max_size=3)))
    plan.put_in_display_order()
    ids = ["details", *(c.id for c in concerns), *(a.id for c in concerns for a in c.actions)]
    plan.dismissals = [Dismissal(rule=draw(st.sampled_from(sorted(RULES))), item_id=draw(st.sampled_from(ids)),
                                 field=draw(st.sampled_from(["", "text", "owner", "target", "introduction"])))
                       for _ in range(draw(st.integers(0, 3)))]
    return plan


def _dictionary() -> object:
    checker = SpellChecker()
    if not checker.available:
        pytest.skip("no en-GB dictionary here")
    import enchant

    return enchant.Dict("en_GB")


def _same_plan_findings(plan: Plan) -> None:
    plain = oracle.PlainSpelling(_dictionary(), plan.word_list)
    expected = oracle.plan_findings(plan, plain, include_dismissed=True)
    validator = PlanValidator(plan, SpellChecker(plan.word_list))
    assert validator.findings(include_dismissed=True) == expected
    assert validator.findings() == oracle.plan_findings(plan, oracle.PlainSpelling(_dictionary(), plan.word_list))
    assert PlanValidator(plan).findings(include_dismissed=True) == oracle.plan_findings(plan, None, True)


@settings(max_examples=300, deadline=None)
@given(_random_plans())
def test_a_random_plan_gets_the_plain_findings(plan: Plan) -> None:
    _same_plan_findings(plan)


def test_the_sample_and_generated_plans_get_the_plain_findings() -> None:
    for plan in [*_plans_on_disk(), make_plan(3_000, seed=11)]:
        _same_plan_findings(plan)


def _plans_on_disk() -> list[Plan]:
    paths = [*sorted((ROOT / "resources").glob("*.actionplan")), *sorted((ROOT / "tests").rglob("*.actionplan"))]
    return [load_plan(path) for path in paths]


# The patterns rewritten to run in linear time -------------------------------------------------
#
# Each rewrite against the pattern it replaced, on text built from the few characters and words
# where they could differ (small, so the old patterns' backtracking stays quick here).

def _made_of(pieces: list[str], max_size: int = 40) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_OLD_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z][A-Za-z&]*[A-Z][A-Za-z]*(?![\w’'-]|\.[A-Za-z])")
_OLD_EMAIL = re.compile(r"\S+@\S+\.\w+")
_OLD_SKIPPED = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_OLD_SEPARATORS = re.compile(r"\s*(?:[,;/\n]|\s-\s|\s&\s)\s*")


@settings(max_examples=3000, deadline=None)
@given(_made_of(list("AABQab&1._-'’ é(\t")), st.integers(0, 40))
def test_an_abbreviation_ends_where_the_pattern_ended(text: str, start: int) -> None:
    if start < len(text):
        match = _OLD_ACRONYM.match(text, start)
        assert parsing._acronym_end(text, parsing._shapes(text), start) == (match.end() if match else None)


@settings(max_examples=3000, deadline=None)
@given(_made_of(["@", ".", "a", "_", " ", "\t", "é", "-", "x@y.z", "..", "@@"]))
def test_an_email_owner_is_found_as_the_pattern_found_it(owner: str) -> None:
    match = _OLD_EMAIL.search(owner)
    assert smart.first_email(owner) == (match.group() if match else None)


@settings(max_examples=3000, deadline=None)
@given(_made_of(["@", ".", "a", " ", "\n", "http://", "https://", "www.", "http", "ww", "/", ":", "recieve"]))
def test_addresses_are_blanked_as_the_pattern_blanked_them(text: str) -> None:
    from actionplan.spelling import blank_addresses

    assert blank_addresses(text) == _OLD_SKIPPED.sub(lambda m: " " * len(m.group()), text)


@settings(max_examples=3000, deadline=None)
@given(_made_of([" ", "\t", "\n", ",", ";", "/", "-", "&", " - ", " & ", "a", "Head"]))
def test_owners_split_as_the_pattern_split_them(owner: str) -> None:
    assert smart._LIST_SEPARATORS.split(owner) == _OLD_SEPARATORS.split(owner)


@settings(max_examples=3000, deadline=None)
@given(_made_of([" ", "a", "x", "daily", "xdaily", "monitor", "per cent", "5", "٣", "report to", "review by",
                 "İ", "K", "\u212a", "ı", "K", "Weekly", ".", "-"]))
def test_a_measure_reaches_as_far_as_has_measure_finds_one(sentence: str) -> None:
    reach = smart.measure_reach(sentence)
    for cut in range(len(sentence) + 1):
        if cut == len(sentence) or not (sentence[cut].isalnum() or sentence[cut] == "_"):
            assert (reach >= cut) == oracle.smart.has_measure(sentence[cut:]), cut


@settings(max_examples=3000, deadline=None)
@given(_made_of(["will review", "will consider", "to reduce", "so that", "weekly", "5", ". ", "! ", " ", "\n",
                 "The ", "continue to", "be reviewed", "İ", "review", "explore"]))
def test_vague_actions_as_before(text: str) -> None:
    assert smart.vague_problem(text) == oracle.smart.vague_problem(text)


@settings(max_examples=3000, deadline=None)
@given(_made_of(["Mr", ".", " ", "  ", "Mr.", "approx", "X", "J", "e.g", "No", "abc", "Abcdefgh", "!", "?", "\"",
                 "\n", "- ", "1. ", "İ", "\t", ")", "x" * 20 + "no", " " * 22, "y" * 30,
                 "Mr" + " " * 30, "approx." + " " * 25 + ". ", "J" + "\t" * 26,
                 "e.g......" + " " * 25]))
def test_sentences_split_as_before(text: str) -> None:
    assert _sentences(parsing.split_sentences(text)) == _sentences(oracle.split_sentences(text))


@settings(max_examples=2000, deadline=None)
@given(_made_of(["see", "refer", " to", " ", "  ", "\t", "also ", "the ", "actions in ", "key ", "priority ",
                 "concern", "concerns ", "rec.", "no.", "3", "12", "S4", ",", " and ", " or ", "&", "x"]))
def test_cross_references_as_before(text: str) -> None:
    assert [(r.start, r.end, r.text, r.reference, r.section) for r in parsing.cross_references(text)] == [
        (r.start, r.end, r.text, r.reference, r.section) for r in oracle.cross_references(text)]


@settings(max_examples=2000, deadline=None)
@given(_made_of(["drive", "driving", " ", "  ", "\t", "a", "the", "car", "cars", "van", "x", "."]))
def test_words_to_avoid_as_before(text: str) -> None:
    assert style.words_to_avoid(text) == oracle.style.words_to_avoid(text)


@settings(max_examples=2000, deadline=None)
@given(_made_of(["QIG", "AB", "A&B", " ", "(", ")", "(QIG)", "(Quality Group)", "x y", "GOV.UK", "1", "Ab"]))
def test_abbreviations_as_before(text: str) -> None:
    assert parsing.abbreviations(text) == [
        parsing.Abbreviation(a.start, a.abbreviation, a.defines) for a in oracle.abbreviations(text)]


# The spell checker's memory ------------------------------------------------------------------
#
# SpellChecker remembers answers (words, chunks, names read later): through any run of learning
# names, checking texts and accepting words, it answers what the plain checker answers.

# Few words, so that the steps meet the same words again after the checker's memory changed.
_FEW = ["recieve", "Novus", "houseblock"]
_FEW_WORDS = st.lists(st.sampled_from([*_FEW, "Recieve", "The", "met", ".", " ", "\n- ", "é", "x@y.z", "it's"]),
                      max_size=6).map(" ".join)
_SPELLING_STEPS = st.one_of(
    st.tuples(st.just("check"), _FEW_WORDS),
    st.tuples(st.just("learn"), _FEW_WORDS),
    st.tuples(st.just("ignore"), st.sampled_from(_FEW)),
    st.tuples(st.just("plan words"), st.lists(st.sampled_from(_FEW), max_size=2)),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_SPELLING_STEPS, max_size=10))
@example([("check", "recieve"), ("ignore", "recieve"), ("check", "recieve")])
@example([("plan words", ["recieve"]), ("check", "recieve"), ("plan words", []), ("check", "recieve")])
@example([("check", "Novus met"), ("learn", "The Novus"), ("check", "Novus met")])
def test_the_spell_checker_answers_as_the_plain_one_through_any_steps(steps: list[tuple[str, object]]) -> None:
    plain = oracle.PlainSpelling(_dictionary())
    checker = SpellChecker()
    for step, value in steps:
        if step == "check":
            assert isinstance(value, str)
            expected = plain.misspellings(value)
            assert [(m.start, m.end, m.word) for m in checker.misspellings(value)] == [
                (m.start, m.end, m.word) for m in expected]
            assert checker.unknown_words(value) == [m.word for m in expected]
        elif step == "learn":
            assert isinstance(value, str)
            plain.learn_names(value)
            checker.learn_names(value)
        elif step == "ignore":
            assert isinstance(value, str)
            plain.ignored.add(value.lower())
            checker.ignore(value)
        else:
            assert isinstance(value, list)
            plain.set_plan_words(value)
            checker.set_plan_words(value)
