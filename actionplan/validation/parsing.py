"""Small parsers over action text: sentences, words, cross-references and abbreviations.

Each one takes any string and never raises (property-tested), because it runs on whatever a
person types.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from actionplan.model import Category

# Sentences ----------------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    {"e.g", "i.e", "eg", "ie", "etc", "mr", "mrs", "ms", "mx", "dr", "no", "nos", "st", "vs",
     "approx", "inc", "ltd", "co", "cf", "fig", "para", "ref"}
)
# A run of stops, closing quotes or brackets, then white space. A match only starts at the first
# stop of a run (the look-behind), and its runs never give back what they took (possessive: what
# follows each run cannot match it anyway). Without both, a line of full stops with no space took
# time in the square of its length: each stop started a scan to the end of the run.
# (The look-behind comes after the first stop, so that the search can still look for the stop
# itself first, which is quick.)
_END = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'”’)\]]*+\s+")
_END_STOP = re.compile(r"\.(?<![.!?]\.)[.!?]*+[\"'”’)\]]*+\s+")  # _END, where a line has no ! or ?
_STARTS_SENTENCE = re.compile(r"[\"'“‘(\[]?[A-Z0-9]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DIGIT = re.compile(r"\d")
_LIST_MARK = re.compile(r"\s*(?:[-–—•*]|\d+[.)])\s+")


FOLDS_TO_ASCII = ("İ", "ı", "ſ", "\u212a")
"""The only characters that re.IGNORECASE matches to an ASCII letter (İ ı ſ and the kelvin
sign): in a text without them, a case-blind pattern made of ASCII letters can only match where
the lowered text holds those letters, so ``word in text.lower()`` is a safe quick test."""


def has_folding(text: str) -> bool:
    """Whether ``text`` holds one of FOLDS_TO_ASCII (never, in practice)."""
    return not text.isascii() and any(char in text for char in FOLDS_TO_ASCII)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text and where it starts and ends in the field."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Sentences, line by line: a paragraph or list item never runs into the next."""
    return [Span(start, start + len(sentence), sentence) for start, sentence in sentence_pieces(text)]


def sentence_pieces(text: str) -> list[tuple[int, str]]:
    """``split_sentences`` as (start, text) pairs: the checks need no more, and are quicker
    without building a ``Span`` for each sentence."""
    pieces: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n") if "\n" in text else (text,):
        mark = _LIST_MARK.match(line)
        start = mark.end() if mark else 0
        # _END.finditer(line), quicker: most lines have only full stops, and a pattern that
        # starts with a full stop finds them much faster than one that starts with [.!?].
        length = len(line)
        # What _END.finditer(line) finds, quicker: most lines have only full stops, which a
        # pattern that starts with a full stop finds faster than one that starts with [.!?].
        if "!" in line or "?" in line:
            pattern, at = _END, 0
        else:
            pattern, at = _END_STOP, line.find(".")
            if not 0 <= at < length - 1:
                at = length  # no stop with a space after it
        while at < length and (match := pattern.search(line, at)) is not None:
            at = match.end()
            if at >= length or not _is_boundary(line, match):
                continue
            piece = line[start: match.start() + 1]
            if stripped := piece.strip():
                lead = 0 if piece[0] == stripped[0] else len(piece) - len(piece.lstrip())
                pieces.append((offset + start + lead, stripped))
            start = at
        piece = line[start:] if start else line
        if stripped := piece.strip():
            lead = 0 if piece[0] == stripped[0] else len(piece) - len(piece.lstrip())
            pieces.append((offset + start + lead, stripped))
        offset += length + 1
    return pieces


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    if not _STARTS_SENTENCE.match(line, match.end()):
        return False
    stop = match.start()
    if stop >= 7 and line[stop - 7: stop].isalpha():
        return True  # a word of 7 letters or more is neither an abbreviation nor an initial
    # The word before the stop, from the few characters before it, as copying the line up to
    # each stop took time in the square of its length; the rare word too long for those (or
    # after a long space) from _last_word.
    before = line[stop - 24: stop].rsplit(None, 1) if stop > 24 else line[:stop].rsplit(None, 1)
    if stop <= 24 or len(before) == 2:
        last_word = before[-1].lower().rstrip(".") if before else ""
    else:
        last_word = _last_word(line, stop)
    if last_word in _ABBREVIATIONS:
        return False
    # "J. Jones": a single capital before the stop is an initial, not a sentence end.
    return not (len(last_word) == 1 and last_word.isalpha() and line[match.start()] == ".")


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _last_word(line: str, end: int) -> str:
    """``line[:end].rsplit(None, 1)[-1].lower().rstrip(".")`` (or ""), as far as _is_boundary
    needs it, without copying the line up to each stop (which made a line of many short
    sentences take time in the square of its length). A word too long to be an abbreviation or
    an initial comes back cut, still too long to be either."""
    index = end
    while index > 0 and line[index - 1].isspace():
        index -= 1
    word_end = index
    while index > 0 and line[index - 1] == ".":
        index -= 1
    core_end = index  # the word without its closing stops, which rstrip(".") takes off
    limit = max(0, core_end - _LONGEST_ABBREVIATION - 1)
    while index > limit and not line[index - 1].isspace():
        index -= 1
    if index == limit and index > 0 and not line[index - 1].isspace():
        return line[index:core_end].lower()  # longer still: cut, and too long to matter
    return line[index:word_end].lower().rstrip(".")


def words(text: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


# ASCII letters to lower case, and every other byte to a space.
_LOWER_LETTERS = bytes.maketrans(bytes(range(128)),
                                 bytes(b | 0x20 if chr(b).isalpha() else 0x20 for b in range(128)))


def letter_runs(text: str) -> list[bytes] | None:
    """The runs of ASCII letters in ``text.lower()`` (what ``re.findall("[a-z]+", text.lower())``
    gives) as bytes, about four times quicker than the pattern. None when ``text`` holds one of
    FOLDS_TO_ASCII, the only characters that lower to an ASCII letter."""
    if text.isascii():
        data = text.encode("ascii")
    elif has_folding(text):
        return None
    else:
        data = text.encode("ascii", "replace")  # any other character is not a letter here
    return data.translate(_LOWER_LETTERS).split()


def _has_ascii_digit(text: str) -> bool:
    data = text.encode("ascii")
    return len(data.translate(None, b"0123456789")) != len(data)


class TextScan:
    """What several checks read from one text, worked out once for them all."""

    __slots__ = ("_sentences", "has_digit", "letter_runs", "lowered", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lowered = text.lower()
        self.letter_runs = letter_runs(text)
        """None when the text holds one of FOLDS_TO_ASCII."""
        self.has_digit = (_has_ascii_digit(text) if text.isascii() else _DIGIT.search(text) is not None)
        self._sentences: list[tuple[int, str]] | None = None

    @property
    def sentences(self) -> list[tuple[int, str]]:
        """``sentence_pieces(text)``."""
        if self._sentences is None:
            self._sentences = sentence_pieces(self.text)
        return self._sentences


# Every byte but ASCII letters and digits, to a space.
_LETTERS_AND_DIGITS = bytes.maketrans(
    bytes(b for b in range(128) if not chr(b).isalnum()),
    b" " * sum(1 for b in range(128) if not chr(b).isalnum()))


def at_most_words(text: str, limit: int) -> bool:
    """True when ``text`` certainly has no more than ``limit`` words; False when it may have
    more (then count them). Quicker than counting: in ASCII text each word starts a run of
    letters and digits, and bytes.split counts those runs without a pattern."""
    return text.isascii() and len(text.encode("ascii").translate(_LETTERS_AND_DIGITS).split()) <= limit


# Cross-references ---------------------------------------------------------------------------

# Every run of white space is possessive (++, *+): what follows a run never starts with white
# space, so giving some back cannot help a match, and the next quantifier would only take it
# again. With plain runs, "see" and then many spaces took time in the cube of their number, as
# three runs in a row shared them out every way before giving up.
_REF = r"(?:[A-Za-z]{1,2}\d+|\d+(?:\.\d+)?)"
_SECTION = r"(?:(?:priority|key)\s++)"
_NOUN = r"(?:concerns?|recommendations?|recs?\.?)"
_MORE = rf"\s*+(?:,|&|\band\b|\bor\b)\s*+{_SECTION}?(?:{_NOUN}\s*+)?(?:no\.?\s*+)?{_REF}\b"
_CROSS_REFERENCE = re.compile(
    rf"\b(?:see|refer\s++to)\s++(?:also\s++)?(?:the\s++)?"
    rf"(?P<actions>(?:actions?|responses?|work)\s++(?:in|at|under|for|against)\s++(?:the\s++)?)?"
    rf"(?P<section>priority|key)?\s*+(?P<noun>{_NOUN})?\s*+(?:no\.?\s*+)?"
    rf"(?P<refs>{_REF}\b(?:{_MORE})*)",
    re.IGNORECASE,
)
_ONE_REF = re.compile(rf"(?:(?P<section>priority|key)\s++)?(?:{_NOUN}\s*+)?(?:no\.?\s*+)?(?P<ref>{_REF})\b",
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
    lowered = text.lower()
    if "see" not in lowered and "refer" not in lowered:
        return found  # the common case, and cheap
    for match in _CROSS_REFERENCE.finditer(text):
        if not (match.group("noun") or match.group("actions")):
            continue  # "see 3 people" is not a cross-reference
        section = _section(match.group("section"))
        phrase = match.group()  # one string for all its references: a copy each made a long list quadratic
        for one in _ONE_REF.finditer(match.group("refs")):
            section = _section(one.group("section")) or section
            found.append(CrossReference(match.start(), match.end(), phrase, one.group("ref"), section))
    return found


def _section(word: str | None) -> Category | None:
    if not word:
        return None
    return Category.PRIORITY if word.lower() == "priority" else Category.KEY


# Abbreviations ------------------------------------------------------------------------------

_ACRONYM = re.compile(r"(?<![\w.’'-])[A-Z][A-Za-z&]*[A-Z][A-Za-z]*(?![\w’'-]|\.[A-Za-z])")
_PARENTHESES = re.compile(r"\(([^()]{1,120})\)")
_GOV_UK = re.compile(r"\bGOV\.UK\b", re.IGNORECASE)
# Each character's shape: A for a capital, a for a small letter, & for itself, else a space.
_SHAPES = bytes.maketrans(bytes(range(128)), bytes(
    ord("A") if chr(b).isupper() else ord("a") if chr(b).islower() else b if chr(b) == "&" else 0x20
    for b in range(128)))
# Where an _ACRONYM match can start: a capital, then small letters or "&" up to another capital.
# (The small letters' run is possessive and holds no capital, so each place is tried once: with
# "[Aa&]*A", a run of capitals took time in the square of its length.)
_ACRONYM_START = re.compile(rb"A(?=[a&]*+A)")
_LETTERS_OR_AND = re.compile(rb"[Aa&]*+")


def _shapes(text: str) -> bytes:
    data = text.encode("ascii") if text.isascii() else text.encode("ascii", "replace")  # a byte each
    return data.translate(_SHAPES)


def _acronym_starts(shapes: bytes) -> list[int]:
    """Every place where _ACRONYM can match, found in the text's shapes: a pattern that starts
    with a plain letter is much quicker than _ACRONYM, whose look-behind is tried everywhere."""
    first = _ACRONYM_START.search(shapes)
    if first is None:
        return []  # the common case
    return [match.start() for match in _ACRONYM_START.finditer(shapes, first.start())]


def _acronym_end(text: str, shapes: bytes, start: int) -> int | None:
    """Where ``_ACRONYM.match(text, start)`` ends, or None where it does not match; in time
    linear in the run of letters, where the pattern backtracks through every capital and every
    letter after it when the run cannot end (a long run of capitals then a digit took seconds).

    The pattern's first letter run is greedy, so its second capital is the last one after which
    the match can end; the match then ends at the first "&" after that capital, or at the end of
    the run of letters and "&" if what follows lets it end there."""
    if start and _joins_word(text[start - 1]) or shapes[start] != _CAPITAL:
        return None
    run = _LETTERS_OR_AND.match(shapes, start + 1)
    run_end = run.end() if run else start + 1
    if _can_end_at(text, run_end):
        capital = shapes.rfind(b"A", start + 1, run_end)
    else:
        last_and = shapes.rfind(b"&", start + 1, run_end)  # a match can end only before an "&"
        capital = shapes.rfind(b"A", start + 1, last_and) if last_and > 0 else -1
    if capital < 0:
        return None
    after = shapes.find(b"&", capital + 1, run_end)
    return run_end if after < 0 else after


_CAPITAL = ord("A")
_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _joins_word(char: str) -> bool:
    """_ACRONYM's look-behind: [\\w.’'-]."""
    return char.isalnum() or char in "_.’'-"


def _can_end_at(text: str, end: int) -> bool:
    """_ACRONYM's look-ahead: (?![\\w’'-]|\\.[A-Za-z])."""
    if end >= len(text):
        return True
    char = text[end]
    if char.isalnum() or char in "_’'-":
        return False
    return not (char == "." and end + 1 < len(text) and text[end + 1] in _ASCII_LETTERS)


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
    capitals = sum(map(str.isupper, token))
    return capitals >= 2 and capitals * 2 >= len(token) and token.upper() not in _NOT_ABBREVIATIONS


def abbreviations(text: str) -> list[Abbreviation]:
    """Abbreviations in order. "Quality Improvement Group (QIG)" and "QIG (Quality Improvement
    Group)" spell QIG out; any other "QIG" uses it."""
    shapes = _shapes(text)
    starts = _acronym_starts(shapes)
    if not starts:
        return []  # the common case
    if "gov.uk" in text.lower():
        text = _GOV_UK.sub(lambda m: " " * len(m.group()), text)
        shapes = _shapes(text)
        starts = _acronym_starts(shapes)
    found: dict[int, Abbreviation] = {}
    end = 0
    for start in starts:  # what _ACRONYM.finditer(text) finds, trying only where it can match
        if start < end or (stop := _acronym_end(text, shapes, start)) is None:
            continue
        end = stop
        token = normalise_abbreviation(text[start:stop].rstrip("&"))
        if _looks_like_abbreviation(token):
            found[start] = Abbreviation(start, token, defines=False)
    if found and "(" in text:
        places = list(found)  # in order
        for group in _PARENTHESES.finditer(text):
            _mark_definition(text, group, found, places)
    return list(found.values())  # found in order, and marking keeps the order


def _mark_definition(text: str, group: re.Match[str], found: dict[int, Abbreviation], places: list[int]) -> None:
    """``places``: the keys of ``found``, in order."""
    inside = group.group(1).strip()
    inner_start = group.start(1) + (len(group.group(1)) - len(group.group(1).lstrip()))
    if inner_start in found and normalise_abbreviation(inside) == found[inner_start].abbreviation:
        # "Words (ABC)": the words before spell it out.
        if _WORD.search(text, max(0, group.start() - 80), group.start()):  # a word in the 80 before
            found[inner_start] = Abbreviation(inner_start, found[inner_start].abbreviation, True)
        return
    # Where text[:group.start()].rstrip() ends, found without copying the text before each
    # bracket (many brackets in a long text took time in the square of its length).
    before_end = group.start()
    while before_end > 0 and text[before_end - 1].isspace():
        before_end -= 1
    near = max(0, before_end - 16)
    first = bisect_left(places, near)
    if first == len(places) or places[first] >= before_end:
        return  # no abbreviation just before the bracket
    # The last abbreviation before the bracket, if the bracket follows it directly.
    match = next(reversed(list(_ACRONYM.finditer(text, near, before_end))), None)
    if match and match.end() == before_end and word_count(inside) >= 2 and match.start() in found:
        # "ABC (words spelled out)".
        found[match.start()] = Abbreviation(match.start(), found[match.start()].abbreviation, True)
