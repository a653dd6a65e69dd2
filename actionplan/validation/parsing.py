"""Small parsers over action text: sentences, words, cross-references and abbreviations.

Each one takes any string and never raises (property-tested), because it runs on whatever a
person types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actionplan.model import Category

# Sentences ----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "eg", "ie", "etc", "mr", "mrs", "ms", "mx", "dr", "no", "nos", "st", "vs",
     "approx", "inc", "ltd", "co", "cf", "fig", "para", "ref"}
)
_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+")
_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_LIST_MARK = re.compile(r"\s*(?:[-–—•*]|\d+[.)])\s+")


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text and where it starts and ends in the field."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Sentences, line by line: a paragraph or list item never runs into the next."""
    sentences: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        mark = _LIST_MARK.match(line)
        start = mark.end() if mark else 0
        for match in _END.finditer(line):
            if match.end() >= len(line) or not _is_boundary(line, match):
                continue
            _add(sentences, line, offset, start, match.start() + 1)
            start = match.end()
        _add(sentences, line, offset, start, len(line))
        offset += len(line) + 1
    return sentences


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    if not _STARTS_SENTENCE.match(line, match.end()):
        return False
    before = line[: match.start()].rsplit(None, 1)
    last_word = before[-1].lower().rstrip(".") if before else ""
    if last_word in _ABBREVIATIONS:
        return False
    # "J. Jones": a single capital before the stop is an initial, not a sentence end.
    return not (len(last_word) == 1 and last_word.isalpha() and line[match.start()] == ".")


def _add(sentences: list[Span], line: str, offset: int, start: int, end: int) -> None:
    piece = line[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        sentences.append(Span(offset + start + lead, offset + start + lead + len(stripped), stripped))


def words(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# Cross-references ---------------------------------------------------------------------------

_REF = r"(?:[A-Za-z]{1,2}\d+|\d+(?:\.\d+)?)"
_SECTION = r"(?:(?:priority|key)\s+)"
_NOUN = r"(?:concerns?|recommendations?|recs?\.?)"
_MORE = rf"\s*(?:,|&|\band\b|\bor\b)\s*{_SECTION}?(?:{_NOUN}\s*)?(?:no\.?\s*)?{_REF}\b"
_CROSS_REFERENCE = re.compile(
    rf"\b(?:see|refer\s+to)\s+(?:also\s+)?(?:the\s+)?"
    rf"(?P<actions>(?:actions?|responses?|work)\s+(?:in|at|under|for|against)\s+(?:the\s+)?)?"
    rf"(?P<section>priority|key)?\s*(?P<noun>{_NOUN})?\s*(?:no\.?\s*)?"
    rf"(?P<refs>{_REF}\b(?:{_MORE})*)",
    re.IGNORECASE,
)
_ONE_REF = re.compile(rf"(?:(?P<section>priority|key)\s+)?(?:{_NOUN}\s*)?(?:no\.?\s*)?(?P<ref>{_REF})\b",
                      re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CrossReference:
    """One concern named in a "see ..." phrase. ``section`` is None when the text does not say
    priority or key."""

    start: int
    end: int
    text: str
    reference: str
    section: Category | None


def cross_references(text: str) -> list[CrossReference]:
    """Every concern a "see priority concern 3 and 4"-style phrase points to."""
    found: list[CrossReference] = []
    if "see" not in text.lower() and "refer" not in text.lower():
        return found  # the common case, and cheap
    for match in _CROSS_REFERENCE.finditer(text):
        if not (match.group("noun") or match.group("actions")):
            continue  # "see 3 people" is not a cross-reference
        section = _section(match.group("section"))
        for one in _ONE_REF.finditer(match.group("refs")):
            section = _section(one.group("section")) or section
            found.append(CrossReference(match.start(), match.end(), match.group(), one.group("ref"), section))
    return found


def _section(word: str | None) -> Category | None:
    if not word:
        return None
    return Category.PRIORITY if word.lower() == "priority" else Category.KEY


# Abbreviations ------------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z][A-Za-z&]*[A-Z][A-Za-z]*(?![\w’'-]|\.[A-Za-z])")
_PARENTHESES = re.compile(r"\(([^()]{1,120})\)")
_GOV_UK = re.compile(r"\bGOV\.UK\b", re.IGNORECASE)
# Capitalised ordinary words that a shouty sentence might contain.
_NOT_ABBREVIATIONS = frozenset(
    {"A", "I", "AND", "THE", "OR", "OF", "TO", "IN", "ON", "AT", "BY", "FOR", "NOT", "ALL", "NEW",
     "NO", "IS", "BE", "WE", "AN", "AS", "IF", "SO", "UP", "DO", "MUST", "WILL", "NOTE", "ACTION",
     "PLAN", "KEY", "PRIORITY", "CONCERN", "CONCERNS"}
)


@dataclass(frozen=True, slots=True)
class Abbreviation:
    """An abbreviation in a text, and whether this spot spells it out."""

    start: int
    abbreviation: str
    defines: bool


def normalise_abbreviation(token: str) -> str:
    # "KPIs" is the plural of "KPI".
    if len(token) > 2 and token.endswith("s") and token[:-1].isupper():
        return token[:-1]
    return token


def _looks_like_abbreviation(token: str) -> bool:
    capitals = sum(1 for char in token if char.isupper())
    return capitals >= 2 and capitals * 2 >= len(token) and token.upper() not in _NOT_ABBREVIATIONS


def abbreviations(text: str) -> list[Abbreviation]:
    """Abbreviations in order. "Quality Improvement Group (QIG)" and "QIG (Quality Improvement
    Group)" spell QIG out; any other "QIG" uses it."""
    if "gov.uk" in text.lower():
        text = _GOV_UK.sub(lambda m: " " * len(m.group()), text)
    found: dict[int, Abbreviation] = {}
    for match in _ACRONYM.finditer(text):
        token = normalise_abbreviation(match.group().rstrip("&"))
        if _looks_like_abbreviation(token):
            found[match.start()] = Abbreviation(match.start(), token, defines=False)
    for group in _PARENTHESES.finditer(text):
        _mark_definition(text, group, found)
    return [found[start] for start in sorted(found)]


def _mark_definition(text: str, group: re.Match[str], found: dict[int, Abbreviation]) -> None:
    inside = group.group(1).strip()
    inner_start = group.start(1) + (len(group.group(1)) - len(group.group(1).lstrip()))
    if inner_start in found and normalise_abbreviation(inside) == found[inner_start].abbreviation:
        # "Words (ABC)": the words before spell it out.
        if word_count(text[max(0, group.start() - 80): group.start()]) >= 1:
            found[inner_start] = Abbreviation(inner_start, found[inner_start].abbreviation, True)
        return
    before = text[: group.start()].rstrip()
    # The last abbreviation before the bracket, if the bracket follows it directly.
    match = next(reversed(list(_ACRONYM.finditer(before, max(0, len(before) - 16)))), None)
    if match and match.end() == len(before) and word_count(inside) >= 2 and match.start() in found:
        # "ABC (words spelled out)".
        found[match.start()] = Abbreviation(match.start(), found[match.start()].abbreviation, True)
