"""GOV.UK style checks on one piece of text: dates, sentence length and words to avoid.

Each check returns a message saying what to change, or None when the text is fine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from actionplan.target_date import MONTH_NAMES
from actionplan.validation.parsing import TextScan, at_most_words, has_folding, word_count

MAX_SENTENCE_WORDS = 25

# Dates --------------------------------------------------------------------------------------

_MONTH = r"(?:" + "|".join(MONTH_NAMES) + r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"
_DASH = r"\s*[-–—]\s*"
_DATE_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)(?:\s+of)?\s+{_MONTH}", re.IGNORECASE),
     "drop the ordinal"),
    (re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)\b", re.IGNORECASE), "drop the ordinal"),
    (re.compile(rf"\b0\d\s+{_MONTH}", re.IGNORECASE), "drop the leading zero"),
    (re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"), "write the month as a word"),
    (re.compile(rf"\b{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\b", re.IGNORECASE), "write the day first, with no comma"),
    (re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?{_DASH}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}", re.IGNORECASE),
     "use \"to\" in a range, not a dash"),
    (re.compile(rf"\b{_MONTH}(?:\s+\d{{4}})?{_DASH}(?:\d{{1,2}}\s+)?{_MONTH}", re.IGNORECASE),
     "use \"to\" in a range, not a dash"),
    (re.compile(rf"\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?{_DASH}\d{{1,2}}\s+{_MONTH}", re.IGNORECASE),
     "use \"to\" in a range, not a dash"),
    (re.compile(r"\b(?:19|20)\d\d[-–—](?:19|20)?\d\d\b"), "use \"to\" in a range of years, not a dash"),
)
# A digit, then "/" or "-", as 1/2/2026 and 2025-2026 have: quick to look for, as they start
# with the mark.
_DIGIT_SLASH = re.compile(r"/(?<=\d/)")
_DIGIT_HYPHEN = re.compile(r"-(?<=\d-)")
# Every month's name and short form starts with one of these.
_MONTH_STARTS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES_LOWER = (*(name.lower() for name in MONTH_NAMES), "jan", "feb", "mar", "apr", "jun", "jul",
                      "aug", "sep", "sept", "oct", "nov", "dec")
_MONTH_RUNS = frozenset(name.encode("ascii") for name in _MONTH_NAMES_LOWER)
_MONTH_WORD = re.compile("(?:" + "|".join(_MONTH_NAMES_LOWER) + ")(?![a-z])")


def _may_name_a_month(scan: TextScan) -> bool:
    """False only when no date pattern can find a month's name in the text: a quick test, as
    the patterns that look for one are slow to run. A month's name in a date is a whole word,
    so in ASCII text it is one of the runs of letters."""
    if scan.letter_runs is not None:
        return not _MONTH_RUNS.isdisjoint(scan.letter_runs)
    if has_folding(scan.text):
        return True
    lowered = scan.lowered
    return any(start in lowered for start in _MONTH_STARTS) and _MONTH_WORD.search(lowered) is not None


def date_format_problem(text: str, scan: TextScan | None = None) -> str | None:
    """``scan`` is ``TextScan(text)``, when the caller has it already."""
    scan = scan or TextScan(text)
    if not scan.has_digit:
        return None
    if _may_name_a_month(scan):
        patterns = _DATE_PROBLEMS
    else:
        # Only two patterns can match without a month's name: 1/2/2026 and 2025-2026.
        patterns = ()
        if "/" in text and _DIGIT_SLASH.search(text):
            patterns = (_DATE_PROBLEMS[3],)
        if ("-" in text and _DIGIT_HYPHEN.search(text)) or "–" in text or "—" in text:
            patterns = (*patterns, _DATE_PROBLEMS[8])
        if not patterns:
            return None
    problems: list[tuple[int, str, str]] = []
    for pattern, advice in patterns:
        problems.extend((m.start(), m.group(), advice) for m in pattern.finditer(text))
    if not problems:
        return None
    problems.sort()
    kept: list[tuple[int, str, str]] = []
    for problem in problems:
        # Two patterns can find the same range; show it once.
        if not kept or problem[0] >= kept[-1][0] + len(kept[-1][1]):
            kept.append(problem)
    problems = kept
    shown = "; ".join(f"“{found}”: {advice}" for _, found, advice in problems[:3])
    return f"Write dates the GOV.UK way, like 22 June 2026 or 10 to 21 February 2020 ({shown})."


# Sentence length ----------------------------------------------------------------------------


def long_sentence_problem(text: str, scan: TextScan | None = None) -> str | None:
    if at_most_words(text, MAX_SENTENCE_WORDS) or (
            "\n" in text and all(at_most_words(line, MAX_SENTENCE_WORDS) for line in text.split("\n"))):
        return None  # no line, so no sentence, is long enough: no need to find the sentences
    sentences = (scan or TextScan(text)).sentences
    lengths = [(count, sentence) for _, sentence in sentences
               if not at_most_words(sentence, MAX_SENTENCE_WORDS)
               and (count := word_count(sentence)) > MAX_SENTENCE_WORDS]
    if not lengths:
        return None
    if len(lengths) == 1:
        count, sentence = lengths[0]
        return (f"Split this {count}-word sentence into shorter ones of 25 words or fewer: "
                f"“{_opening(sentence)}”.")
    counts = ", ".join(str(count) for count, _ in lengths)
    return (f"Split the {len(lengths)} sentences longer than 25 words ({counts} words) into shorter "
            f"ones, starting with “{_opening(lengths[0][1])}”.")


def _opening(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# Words to avoid -----------------------------------------------------------------------------

# (pattern, the word as shown, the plain alternative). From GOV.UK's "words to avoid" list.
_AVOID: tuple[tuple[str, str, str], ...] = (
    (r"advancing", "advancing", "say what you are doing"),
    (r"collaborat(?:e|es|ed|ing)", "collaborate", "work with"),
    (r"combat(?:ing|s)?", "combat", "solve, fix or stop"),
    (r"counter(?:ing)", "countering", "prevent or stop"),
    (r"deliver(?:s|ed|ing)?", "deliver", "make, create, provide or run"),
    (r"deploy(?:s|ed|ing)?", "deploy", "use or put into place"),
    (r"dialogue", "dialogue", "talk to or discuss"),
    (r"disincentivi[sz]e", "disincentivise", "discourage or deter"),
    # The runs of white space are possessive: "drive" and then many spaces took time in the square
    # of their number, as two runs shared them out every way.
    (r"driv(?:e|es|ing)(?!\s++(?:(?:a|the)\s*+)?(?:car|vehicle|van|bus)s?\b)", "drive", "say what you are doing"),
    (r"empower(?:s|ed|ing)?", "empower", "allow or give permission"),
    (r"facilitat(?:e|es|ed|ing)", "facilitate", "say what you are doing: run, help or arrange"),
    # The verb only: "a clear focus on" is a plain noun.
    (r"focus(?:s?ed|s?ing|es)|(?<=to )focus|(?<=will )focus", "focus", "concentrate on or work on"),
    (r"foster(?:s|ed|ing)?", "foster", "encourage or help"),
    (r"incentivi[sz](?:e|es|ed|ing)", "incentivise", "encourage or reward"),
    (r"initiat(?:e|es|ed|ing)", "initiate", "start"),
    (r"key(?!\s*work|\s+workers?\b|\s+concerns?\b|\s+to\b|s\b)", "key (as an adjective)",
     "important, main or most important"),
    (r"leverag(?:e|es|ed|ing)", "leverage", "use or influence"),
    (r"liais(?:e|es|ed|ing)", "liaise", "work with"),
    (r"overarching", "overarching", "leave it out, or say what you mean"),
    (r"(?<=will )progress|(?<=to )progress|progressing", "progress (as a verb)",
     "say what you are doing: carry on, finish or move forward"),
    (r"robust(?:ly)?", "robust", "strong, thorough or well thought out"),
    (r"slim(?:ming)? down", "slim down", "make smaller or reduce"),
    (r"streamlin(?:e|es|ed|ing)", "streamline", "simplify or make faster"),
    (r"strengthening", "strengthening", "say what you are doing: improving or adding to"),
    (r"tackl(?:e|es|ed|ing)", "tackle", "stop, solve or deal with"),
    (r"transforming", "transforming", "say what you are changing and how"),
    (r"utilis(?:e|es|ed|ing)|utiliz(?:e|es|ed|ing)", "utilise", "use"),
    (r"going forward|moving forward", "going forward", "from now on, or in future"),
    (r"ring[- ]?fenc(?:e|ed|ing)", "ring fencing", "separate or protect"),
)
_AVOID_PATTERNS = tuple(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for pattern, _, _ in _AVOID)
# A word can only be on the list if its stem is in the text: a cheap first test.
_AVOID_STEMS = (
    "advanc", "collaborat", "combat", "counter", "deliver", "deploy", "dialogue", "disincentiv", "driv",
    "empower", "facilitat", "focus", "foster", "incentiv", "initiat", "key", "leverag", "liais",
    "overarching", "progress", "robust", "slim", "streamlin", "strengthening", "tackl", "transforming",
    "utili", "forward", "fenc",
)

# The first word of each match of each pattern, lowered: every spelling the pattern allows.
_AVOID_SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("advancing",),
    ("collaborate", "collaborates", "collaborated", "collaborating"),
    ("combat", "combating", "combats"),
    ("countering",),
    ("deliver", "delivers", "delivered", "delivering"),
    ("deploy", "deploys", "deployed", "deploying"),
    ("dialogue",),
    ("disincentivise", "disincentivize"),
    ("drive", "drives", "driving"),
    ("empower", "empowers", "empowered", "empowering"),
    ("facilitate", "facilitates", "facilitated", "facilitating"),
    ("focused", "focussed", "focusing", "focussing", "focuses", "focus"),
    ("foster", "fosters", "fostered", "fostering"),
    ("incentivise", "incentivises", "incentivised", "incentivising",
     "incentivize", "incentivizes", "incentivized", "incentivizing"),
    ("initiate", "initiates", "initiated", "initiating"),
    ("key",),
    ("leverage", "leverages", "leveraged", "leveraging"),
    ("liaise", "liaises", "liaised", "liaising"),
    ("overarching",),
    ("progress", "progressing"),
    ("robust", "robustly"),
    ("slim", "slimming"),
    ("streamline", "streamlines", "streamlined", "streamlining"),
    ("strengthening",),
    ("tackle", "tackles", "tackled", "tackling"),
    ("transforming",),
    ("utilise", "utilises", "utilised", "utilising", "utilize", "utilizes", "utilized", "utilizing"),
    ("going", "moving"),
    ("ring", "ringfence", "ringfenced", "ringfencing"),
)
"""A match starts at a word boundary, so its first word is a whole run of letters: a text
whose runs of letters include none of these has none of the words."""
_AVOID_BY_FIRST_WORD: dict[bytes, tuple[int, ...]] = {}
for _index, _spellings in enumerate(_AVOID_SPELLINGS):
    for _spelling in _spellings:
        _key = _spelling.encode("ascii")
        _AVOID_BY_FIRST_WORD[_key] = (*_AVOID_BY_FIRST_WORD.get(_key, ()), _index)
_AVOID_FIRST_WORDS = frozenset(_AVOID_BY_FIRST_WORD)
_STEM_OFFSETS = {27: (7, 6), 28: (5, 4)}
"""How far into a match its stem starts, where that is not at the start: "moving forward",
"going forward"; "ring-fence", "ringfence"."""


_SERVICES = re.compile(
    r"\b(?:training|sessions?|courses?|services?|programmes?|lessons?|classes|workshops?|meals?|post|"
    r"parcels?|letters?|mail|inductions?|interventions?)\b", re.IGNORECASE)
_STARTS_HERE = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-–—•*]\s*)?|^\s*[-–—•*]\s*)$")


def words_to_avoid(text: str, scan: TextScan | None = None) -> list[tuple[str, str]]:
    """(the word as shown, a plain alternative) for each listed word in ``text``, once each."""
    found: dict[str, str] = {}
    scan = scan or TextScan(text)
    lowered, runs = scan.lowered, scan.letter_runs
    if runs is None:
        indexes = [i for i, stem in enumerate(_AVOID_STEMS) if stem in lowered]
    else:
        first_words = _AVOID_FIRST_WORDS.intersection(runs)
        if not first_words:
            return []  # the common case
        candidates = sorted({index for run in first_words for index in _AVOID_BY_FIRST_WORD[run]})
        indexes = [i for i in candidates if _AVOID_STEMS[i] in lowered]
    for index in indexes:
        _, word, alternative = _AVOID[index]
        pattern = _AVOID_PATTERNS[index]
        matches = pattern.finditer(text) if runs is None else _matches_at_stems(text, lowered, index)
        for match in matches:
            start = match.start()
            if word == "deliver" and _SERVICES.search(text, max(0, start - 60), match.end() + 40):
                continue  # GOV.UK: services, training and post are delivered; improvements are not
            # A capital inside a sentence marks a name: "Incentivised Substance Free Living".
            if not text[start].isupper() or _STARTS_HERE.search(text[max(0, start - 4): start]):
                found.setdefault(word, alternative)
                break
    return list(found.items())


def _matches_at_stems(text: str, lowered: str, index: int) -> Iterator[re.Match[str]]:
    """What ``_AVOID_PATTERNS[index].finditer(text)`` finds, trying the pattern only where it
    can match: each match holds the stem, a set number of characters in. Needs a text whose
    lowering keeps every character's place (one without FOLDS_TO_ASCII)."""
    pattern, stem, offsets = _AVOID_PATTERNS[index], _AVOID_STEMS[index], _STEM_OFFSETS.get(index, (0,))
    places: list[int] = []
    found = lowered.find(stem)
    while found >= 0:
        places.extend(found - offset for offset in offsets if found >= offset)
        found = lowered.find(stem, found + 1)
    if len(offsets) > 1:
        places.sort()
    end = 0
    for place in places:
        if place >= end and (match := pattern.match(text, place)):
            end = match.end()
            yield match


def words_to_avoid_problem(text: str, scan: TextScan | None = None) -> str | None:
    found = words_to_avoid(text, scan)
    if not found:
        return None
    advice = "; ".join(f"instead of “{word}”, {alternative}" for word, alternative in found)
    return f"Use plain words: {advice}."
