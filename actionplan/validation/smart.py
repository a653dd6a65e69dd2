"""SMART checks on one action: is it specific, measurable and owned by one role?

Heuristics in HMIP's terms (see DOMAIN.md): each returns a message saying what to do, or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from actionplan.validation.parsing import TextScan

# Specific -----------------------------------------------------------------------------------

_VAGUE = re.compile(
    r"\b(?:(?:will|shall|would|to|and|we|also)\s+(?:(?:continue\s+to|further|then)\s+)?"
    r"(?P<verb>review|consider|explore|look\s+into)"
    r"|(?:be|being|been)\s+(?P<passive>reviewed|considered|explored|looked\s+into)"
    r"|(?P<continue>continue\s+to))\b",
    re.IGNORECASE,
)
_VAGUE_LOWERED = re.compile(_VAGUE.pattern)  # its letters are all small
_VAGUE_WORDS = ("review", "consider", "explore", "look", "continue")
# The vague verb of every match, a whole word (white space or a word boundary either side): in a
# text without FOLDS_TO_ASCII, one of its runs of letters.
_VAGUE_RUNS = frozenset({b"review", b"consider", b"explore", b"look", b"continue",
                         b"reviewed", b"considered", b"explored", b"looked"})
# What follows a vague verb when the action says what it is for.
_OUTCOME = re.compile(
    r"\b(?:so\s+that|in\s+order\s+to|so\s+as\s+to|with\s+a\s+view\s+to|resulting\s+in|which\s+will"
    r"|ensuring|to\s+(?:ensure|improve|reduce|increase|prevent|support|identify|enable|include"
    r"|address|secure|meet|make|establish|provide|allow|inform|confirm|check|assess|determine"
    r"|decide|agree|achieve|raise|develop|maximise|minimise|optimise|create|implement|embed"
    r"|produce|set|introduce|understand|remove|cut|stop|end|give|offer|bring|help|deliver"
    r"|increase|lower|shorten|speed|strengthen|update|replace|align|extend|expand|target"
    r"|disrupt|protect|keep|record|publish|share|capture|reflect))\b",
    re.IGNORECASE,
)
_OUTCOME_LOWERED = re.compile(_OUTCOME.pattern)


def vague_problem(text: str, scan: TextScan | None = None) -> str | None:
    """"Review", "consider", "explore", "look into" or "continue to" with nothing after it
    saying what for (in the rest of the action) or how it will be measured (in its sentence).

    ``scan`` is ``TextScan(text)``, when the caller has it already."""
    scan = scan or TextScan(text)
    if scan.letter_runs is not None and _VAGUE_RUNS.isdisjoint(scan.letter_runs):
        return None  # the common case: none of the verbs is a word of the text
    lowered = scan.lowered
    places = _places(lowered, _VAGUE_WORDS)  # every match holds one of the words
    if not places:
        return None
    # Without FOLDS_TO_ASCII the lowered text keeps every place, and the patterns can run on it
    # without IGNORECASE, which is quicker.
    plain = scan.letter_runs is not None
    outcome_after = _FirstMatch(_OUTCOME_LOWERED.search if plain else _OUTCOME.search, lowered if plain else text)
    for start, sentence in scan.sentences:
        if plain:
            first = bisect_left(places, start)
            if first == len(places) or places[first] >= start + len(sentence):
                continue  # none of the words in this sentence
            said = lowered[start: start + len(sentence)]
            # A match has at most three words before the vague one ("will continue to review"):
            # when there are more, the first part of the split ends before the match can start.
            before = said[: places[first] - start].rsplit(None, 3)
            matches = _VAGUE_LOWERED.finditer(said, len(before[0]) if len(before) == 4 else 0)
        else:
            matches = _VAGUE.finditer(sentence)
        reach: int | None = None  # how far into the sentence a measure starts; found when needed
        for match in matches:
            # A purpose anywhere after it, or a measure in the same sentence, says what for.
            if outcome_after(start + match.end()):
                continue
            if reach is None:
                reach = measure_reach(sentence)
            if reach >= match.end():
                continue
            verb = " ".join((match.group("verb") or match.group("passive") or match.group("continue")).split())
            return (f"Say what “{verb.lower()}” will achieve, for example “… to reduce …” or "
                    f"“… so that …”, or how it will be measured.")
    return None


class _FirstMatch:
    """Whether ``search(text, place)`` finds anything, asked for places that never go back: each
    answer serves the next question until the place passes the match it found, so a text with
    many vague verbs is searched once, not once for each (which took time in the square of its
    length). A match starts at a word boundary, and the places asked come after a word, where
    searching from the place finds what searching ``text[place:]`` finds."""

    def __init__(self, search: Callable[[str, int], re.Match[str] | None], text: str) -> None:
        self._search, self._text = search, text
        self._asked = -1
        self._found: int | None = None  # where the last search found a match

    def __call__(self, place: int) -> bool:
        if self._asked < 0 or (self._found is not None and self._found < place):
            match = self._search(self._text, place)
            self._found = match.start() if match else None
            self._asked = place
        return self._found is not None


def _places(text: str, words: tuple[str, ...]) -> list[int]:
    """Where each of ``words`` starts in ``text``, in order."""
    places = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            places.append(at)
            at = text.find(word, at + 1)
    places.sort()
    return places


# Measurable ---------------------------------------------------------------------------------

# How success can be seen: checking, counting, data, a frequency, or a meeting that oversees it.
_MEASURE_STEMS = (
    "monitor", "measur", "track", "record", "audit", "survey", "assur", "evaluat", "evidenc",
    "per cent", "percent", "at least", "no less than", "no fewer than", "no more than", "each day",
    "each week", "each month", "completion rate", "oversee", "overseen",
)
_MEASURE_WORDS = frozenset(
    {"data", "figures", "statistics", "dashboard", "kpi", "kpis", "performance", "feedback", "minutes",
     "check", "checks", "checked", "sheet", "sheets", "daily", "weekly", "fortnightly", "monthly",
     "quarterly", "annual", "annually", "yearly", "biannual", "biannually", "every", "minimum",
     "maximum", "target", "targets", "meeting", "meetings", "board", "committee", "forum", "group",
     "qig", "sim", "smt", "slt", "panel", "oversight", "scrutiny"}
)
_MEASURE_RUNS = frozenset(word.encode("ascii") for word in _MEASURE_WORDS)
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_REPORTED = re.compile(r"\b(?:report(?:ed|ing|s)?\s+(?:to|through|at|in|on|via)|review(?:ed)?\s+(?:through|at|in|by|via))\b")


def has_measure(text: str, scan: TextScan | None = None) -> bool:
    scan = scan or TextScan(text)
    if scan.has_digit:
        return True
    lowered = scan.lowered
    if any(stem in lowered for stem in _MEASURE_STEMS):
        return True
    if scan.letter_runs is not None:
        if not _MEASURE_RUNS.isdisjoint(scan.letter_runs):
            return True
    elif not _MEASURE_WORDS.isdisjoint(_LETTERS.findall(lowered)):
        return True
    return ("report" in lowered or "review" in lowered) and _REPORTED.search(lowered) is not None


# A measure word as a whole run of letters, written backwards: searching the reversed text finds
# the last one first.
_MEASURE_WORD_REVERSED = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted((word[::-1] for word in _MEASURE_WORDS), key=len, reverse=True))
    + r")(?![a-z])")


def measure_reach(sentence: str) -> int:
    """Where the last measure in ``sentence`` starts (-1 for none): ``has_measure(sentence[e:])``
    is ``measure_reach(sentence) >= e`` for each ``e`` that is not inside a word. One pass over
    the sentence, where asking has_measure after each of many vague verbs in one sentence took
    time in the square of its length."""
    lowered = sentence.lower()
    last = max(lowered.rfind(stem) for stem in _MEASURE_STEMS)
    if (word := _MEASURE_WORD_REVERSED.search(lowered[::-1])) is not None:
        last = max(last, len(lowered) - word.end())
    if "report" in lowered or "review" in lowered:
        for reported in _REPORTED.finditer(lowered, last + 1):
            last = reported.start()
    if last >= 0 and len(lowered) != len(sentence):
        last = _original_places(sentence)[last]  # "İ" lowers to two characters
    digit = _DIGIT.search(sentence[::-1])
    return max(last, len(sentence) - 1 - digit.start()) if digit else last


def _original_places(text: str) -> list[int]:
    """For each character of ``text.lower()``, the place in ``text`` it comes from."""
    places: list[int] = []
    for index, char in enumerate(text):
        places.extend([index] * len(char.lower()))
    return places


def no_measure_problem(text: str, scan: TextScan | None = None) -> str | None:
    if not text.strip() or has_measure(text, scan):
        return None
    return ("Say how success will be seen: “monitored through the monthly QIG”, a number, a "
            "frequency, or the data that will show it.")


# Owned --------------------------------------------------------------------------------------

_ROLE_WORDS = re.compile(
    r"\b(?:governor|head|deputy|director|directorate|manager|lead|leader|officer|hmpps|estates|team"
    r"|co-?ordinator|chair|supervisor|provider|partner|nhs|healthcare|chaplain|psychologist"
    r"|custodial|senior|chief|coordinator|department|unit|service|group)\b",
    re.IGNORECASE,
)
# The guard (?!(?<=\s)\s) starts a match only where a run of white space starts (or at no white
# space): a match starting inside a run can always start at its beginning instead, which the
# split reaches first. Without it, each space of a long run started a scan to the end of the run.
_LIST_SEPARATORS = re.compile(r"(?!(?<=\s)\s)\s*(?:[,;/\n]|\s-\s|\s&\s)\s*")
_SEPARATOR_CHARACTER = re.compile(r"[,;/\n&-]")  # what every separator holds, quicker to find
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?")
# What a match of each of those needs: a title, a full stop or an @.
_TITLE_OR_MARK = re.compile(r"M[rsix]|Dr|Prof|[.@]")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*){1,3}[A-Z][a-z'’-]+")
_NOT_SPACES = re.compile(r"\S+")
_WORD_CHARACTERS = re.compile(r"\w+")


def multiple_owners_problem(owner: str) -> str | None:
    words = owner.lower().split()
    if not words:
        return None
    if len(words) > 1 and _is_repeated(words):
        return (f"Give this action one owner, or split it into one action per owner: “{owner}” "
                "looks like the same role written more than once.")
    if _SEPARATOR_CHARACTER.search(owner) is None:
        return None  # one part names one role at most
    parts = [part for part in _LIST_SEPARATORS.split(owner) if part.strip()]
    roles = [part for part in parts if _ROLE_WORDS.search(part)]
    if len(roles) >= 2 and not owner.upper().startswith(("HMP/YOI", "HMP / YOI")):
        return (f"Give this action one owner, or split it into one action per owner: “{owner}” "
                f"names {len(roles)} roles.")
    return None


def _is_repeated(words: list[str]) -> bool:
    """Whether ``words`` is one group of words said two or more times over. A text is a
    repetition exactly when it is found inside itself doubled, less the first and last
    characters; ending each word with a space keeps the groups to whole words. One search, where
    trying every group length took time in the length times its number of divisors."""
    said = " ".join(words) + " "
    return said in (said + said)[1:-1]


def first_email(owner: str) -> str | None:
    """What ``re.search(r"\\S+@\\S+\\.\\w+", owner)`` finds, in one pass over the owner (the
    pattern backtracks through every "@" and "." of a word, and a long run of them took hours).

    A match lies in one run of non-space characters and, if it starts anywhere in the run, it can
    start at the run's beginning. Its greedy parts take the last "." with a word character after
    it and at least two characters after an "@", then the last such "@", then the word after."""
    for run in _NOT_SPACES.finditer(owner):
        word = run.group()
        if "@" not in word:
            continue
        stop = len(word)
        while (stop := word.rfind(".", 0, stop)) > 1 and not _is_word_character(word, stop + 1):
            pass
        if stop > 1 and word.rfind("@", 1, stop - 1) > 0:
            after = _WORD_CHARACTERS.match(word, stop + 1)
            return word[: after.end()] if after else None
    return None


def _is_word_character(text: str, index: int) -> bool:
    return index < len(text) and (text[index].isalnum() or text[index] == "_")


def person_name_problem(owner: str) -> str | None:
    # Each pattern needs a title, a full stop or an @: look for those first, as most owners
    # have none.
    if _TITLE_OR_MARK.search(owner) is None:
        return None
    match = _TITLE.search(owner) or _INITIALS.search(owner)
    found = match.group() if match is not None else first_email(owner)
    if found is None:
        return None
    return (f"Name the role, not the person (“{found.strip()}”): for example Governor or "
            "Head of Safety. Plans are published and outlast staff changes.")
