"""SMART checks on one action: is it specific, measurable and owned by one role?

Heuristics in HMIP's terms (see DOMAIN.md): each returns a message saying what to do, or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left

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
    lowered = scan.lowered
    places = _places(lowered, _VAGUE_WORDS)  # every match holds one of the words
    if not places:
        return None
    # Without FOLDS_TO_ASCII the lowered text keeps every place, and the patterns can run on it
    # without IGNORECASE, which is quicker.
    plain = scan.letter_runs is not None
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
        for match in matches:
            # A purpose anywhere after it, or a measure in the same sentence, says what for.
            rest = start + match.end()
            if ((_OUTCOME_LOWERED.search(lowered[rest:]) if plain else _OUTCOME.search(text[rest:]))
                    or has_measure(sentence[match.end():])):
                continue
            verb = " ".join((match.group("verb") or match.group("passive") or match.group("continue")).split())
            return (f"Say what “{verb.lower()}” will achieve, for example “… to reduce …” or "
                    f"“… so that …”, or how it will be measured.")
    return None


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
_LIST_SEPARATORS = re.compile(r"\s*(?:[,;/\n]|\s-\s|\s&\s)\s*")
_SEPARATOR_CHARACTER = re.compile(r"[,;/\n&-]")  # what every separator holds, quicker to find
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?")
# What a match of each of those needs: a title, a full stop or an @.
_TITLE_OR_MARK = re.compile(r"M[rsix]|Dr|Prof|[.@]")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*){1,3}[A-Z][a-z'’-]+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


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
    size = len(words)
    for part in range(1, size // 2 + 1):
        if size % part == 0 and words[:part] * (size // part) == words:
            return True
    return False


def person_name_problem(owner: str) -> str | None:
    # Each pattern needs a title, a full stop or an @: look for those first, as most owners
    # have none.
    if _TITLE_OR_MARK.search(owner) is None:
        return None
    match = _TITLE.search(owner) or _INITIALS.search(owner) or _EMAIL.search(owner)
    if match is None:
        return None
    return (f"Name the role, not the person (“{match.group().strip()}”): for example Governor or "
            "Head of Safety. Plans are published and outlast staff changes.")
