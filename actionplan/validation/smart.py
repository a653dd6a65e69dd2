"""SMART checks on one action: is it specific, measurable and owned by one role?

Heuristics in HMIP's terms (see DOMAIN.md): each returns a message saying what to do, or None.
"""

from __future__ import annotations

import re

from actionplan.validation.parsing import Span, split_sentences

# Specific -----------------------------------------------------------------------------------

_VAGUE = re.compile(
    r"\b(?:(?:will|shall|would|to|and|we|also)\s+(?:(?:continue\s+to|further|then)\s+)?"
    r"(?P<verb>review|consider|explore|look\s+into)"
    r"|(?:be|being|been)\s+(?P<passive>reviewed|considered|explored|looked\s+into)"
    r"|(?P<continue>continue\s+to))\b",
    re.IGNORECASE,
)
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


def vague_problem(text: str, sentences: list[Span] | None = None) -> str | None:
    """"Review", "consider", "explore", "look into" or "continue to" with nothing after it
    saying what for (in the rest of the action) or how it will be measured (in its sentence)."""
    lowered = text.lower()
    if not any(word in lowered for word in _VAGUE_WORDS):
        return None
    if sentences is None:
        sentences = split_sentences(text)
    for sentence in sentences:
        for match in _VAGUE.finditer(sentence.text):
            # A purpose anywhere after it, or a measure in the same sentence, says what for.
            rest = text[sentence.start + match.end():]
            if _OUTCOME.search(rest) or has_measure(sentence.text[match.end():]):
                continue
            verb = " ".join((match.group("verb") or match.group("passive") or match.group("continue")).split())
            return (f"Say what “{verb.lower()}” will achieve, for example “… to reduce …” or "
                    f"“… so that …”, or how it will be measured.")
    return None


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
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")
_REPORTED = re.compile(r"\b(?:report(?:ed|ing|s)?\s+(?:to|through|at|in|on|via)|review(?:ed)?\s+(?:through|at|in|by|via))\b")


def has_measure(text: str) -> bool:
    lowered = text.lower()
    if any(stem in lowered for stem in _MEASURE_STEMS) or _DIGIT.search(text):
        return True
    if not _MEASURE_WORDS.isdisjoint(_LETTERS.findall(lowered)):
        return True
    return ("report" in lowered or "review" in lowered) and _REPORTED.search(lowered) is not None


def no_measure_problem(text: str) -> str | None:
    if not text.strip() or has_measure(text):
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
_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’-]*)?")
_INITIALS = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*){1,3}[A-Z][a-z'’-]+")
_EMAIL = re.compile(r"\S+@\S+\.\w+")


def multiple_owners_problem(owner: str) -> str | None:
    words = owner.lower().split()
    if not words:
        return None
    if _is_repeated(words):
        return (f"Give this action one owner, or split it into one action per owner: “{owner}” "
                "looks like the same role written more than once.")
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
    match = _TITLE.search(owner) or _INITIALS.search(owner) or _EMAIL.search(owner)
    if match is None:
        return None
    return (f"Name the role, not the person (“{match.group().strip()}”): for example Governor or "
            "Head of Safety. Plans are published and outlast staff changes.")
