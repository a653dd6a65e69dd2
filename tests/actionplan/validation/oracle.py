"""The validation functions as they were before the speed-up of December 2026, word for word.

They are the oracle for tests/actionplan/validation/test_same_findings.py: the faster functions in
actionplan/validation must find exactly what these found. Do not edit them to follow a rule
change; when a rule's behaviour changes on purpose, delete the oracle for it.
"""

# ruff: noqa
# mypy: ignore-errors
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from actionplan.model import Action, Category
from actionplan.spelling import SpellChecker
from actionplan.target_date import MONTH_NAMES, TargetKind, parse_target
from actionplan.validation.findings import Finding, Location
from actionplan.validation.rules import rule

LocationFor = Callable[[str], Location]


class smart:  # the old smart.py, as a namespace
    pass


class style:  # the old style.py, as a namespace
    pass


# parsing.py ------------------------------------------------------------

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


# style.py --------------------------------------------------------------

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
_HAS_DIGIT = re.compile(r"\d")


def date_format_problem(text: str) -> str | None:
    if not _HAS_DIGIT.search(text):
        return None
    problems: list[tuple[int, str, str]] = []
    for pattern, advice in _DATE_PROBLEMS:
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


def long_sentence_problem(text: str, sentences: list[Span] | None = None) -> str | None:
    if sentences is None:
        sentences = split_sentences(text)
    lengths = [(count, sentence.text) for sentence in sentences
               if (count := word_count(sentence.text)) > MAX_SENTENCE_WORDS]
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
    (r"driv(?:e|es|ing)(?!\s+(?:a|the)?\s*(?:car|vehicle|van|bus)s?\b)", "drive", "say what you are doing"),
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


_SERVICES = re.compile(
    r"\b(?:training|sessions?|courses?|services?|programmes?|lessons?|classes|workshops?|meals?|post|"
    r"parcels?|letters?|mail|inductions?|interventions?)\b", re.IGNORECASE)
_STARTS_HERE = re.compile(r"(?:^|[.!?:]\s+|\n\s*(?:[-–—•*]\s*)?|^\s*[-–—•*]\s*)$")


def words_to_avoid(text: str) -> list[tuple[str, str]]:
    """(the word as shown, a plain alternative) for each listed word in ``text``, once each."""
    found: dict[str, str] = {}
    lowered = text.lower()
    for index in [i for i, stem in enumerate(_AVOID_STEMS) if stem in lowered]:
        _, word, alternative = _AVOID[index]
        for match in _AVOID_PATTERNS[index].finditer(text):
            start = match.start()
            if word == "deliver" and _SERVICES.search(text, max(0, start - 60), match.end() + 40):
                continue  # GOV.UK: services, training and post are delivered; improvements are not
            # A capital inside a sentence marks a name: "Incentivised Substance Free Living".
            if not text[start].isupper() or _STARTS_HERE.search(text[max(0, start - 4): start]):
                found.setdefault(word, alternative)
                break
    return list(found.items())


def words_to_avoid_problem(text: str) -> str | None:
    found = words_to_avoid(text)
    if not found:
        return None
    advice = "; ".join(f"instead of “{word}”, {alternative}" for word, alternative in found)
    return f"Use plain words: {advice}."


# smart.py --------------------------------------------------------------

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


for _name in ('date_format_problem', 'long_sentence_problem', 'words_to_avoid', 'words_to_avoid_problem'):
    setattr(style, _name, staticmethod(globals()[_name]))
for _name in ('vague_problem', 'has_measure', 'no_measure_problem', 'multiple_owners_problem', 'person_name_problem'):
    setattr(smart, _name, staticmethod(globals()[_name]))


# checks.py -------------------------------------------------------------

def check_action(action: Action, here: LocationFor, spelling: SpellChecker | None = None) -> list[Finding]:
    findings = _owner_findings(action.owner, here) + _target_findings(action, here)
    findings += _text_findings(action, here, spelling)
    return findings


def _owner_findings(owner: str, here: LocationFor) -> list[Finding]:
    if not owner.strip():
        return [rule("owner-missing").finding(
            "Add a responsible owner: the role who answers for this action, such as Governor.",
            here("owner"))]
    findings = []
    if message := smart.multiple_owners_problem(owner):
        findings.append(rule("owner-multiple").finding(message, here("owner")))
    if message := smart.person_name_problem(owner):
        findings.append(rule("owner-person-name").finding(message, here("owner")))
    return findings


def _target_findings(action: Action, here: LocationFor) -> list[Finding]:
    target = action.target
    if target.kind is TargetKind.NOT_SET:
        return [rule("target-missing").finding(
            "Add a target date: a month and year such as December 2026, or Completed.", here("target"))]
    if target.kind is TargetKind.UNRECOGNISED:
        reason = parse_target(target.text or "")[1] or "Write a month and year, such as December 2026."
        return [rule("target-unrecognised").finding(f"“{target.text}” is not a target date. {reason}",
                                                   here("target"))]
    if target.kind is TargetKind.ONGOING:
        return [rule("target-ongoing-only").finding(
            "Add when this will be done or next checked, such as December 2026, rather than "
            "“Ongoing” alone.", here("target"))]
    return []


def _text_findings(action: Action, here: LocationFor, spelling: SpellChecker | None) -> list[Finding]:
    text = action.text
    if not text.strip():
        return [rule("action-text-missing").finding(
            "Write what will be done to answer the concern, or delete this action.", here("text"))]
    sentences = split_sentences(text)
    checks: list[tuple[str, str | None]] = [
        ("action-vague", smart.vague_problem(text, sentences)),
        ("style-date-format", style.date_format_problem(text)),
        ("style-long-sentence", style.long_sentence_problem(text, sentences)),
        ("style-words-to-avoid", style.words_to_avoid_problem(text)),
    ]
    if action.target.kind is not TargetKind.COMPLETED:
        # A completed action reports what was done; there is nothing left to measure.
        checks.insert(1, ("action-no-measure", smart.no_measure_problem(text)))
    findings = [rule(rule_id).finding(message, here("text")) for rule_id, message in checks if message]
    if spelling is not None and (found := spelling_finding(text, here("text"), spelling)):
        findings.append(found)
    return findings


def spelling_finding(text: str, location: Location, spelling: SpellChecker) -> Finding | None:
    unknown = list(dict.fromkeys(m.word for m in spelling.misspellings(text)))
    if not unknown:
        return None
    shown = ", ".join(f"“{word}”" for word in unknown[:5]) + (" and others" if len(unknown) > 5 else "")
    return rule("spelling").finding(
        f"Check the spelling of {shown}. If a word is right, add it to the dictionary.", location)


# ================================================================================================
# The whole plan, plainly: what PlanValidator.reset found before the speed-up of issue 21 (December
# 2026), written as one straight pass with no caches, no quick tests and no shared state. Spelling
# is the plain loop over every word, with the names of the plan learnt first; the word-by-word
# dictionary decision is SpellChecker._check as it was, without its cache.
# ================================================================================================

import unicodedata

from actionplan.model import Plan
from actionplan.spelling import _HOUSE_WORDS
from actionplan import clock as _clock
from actionplan.validation import checks as _checks, planwide as _planwide, progress_checks as _progress
from actionplan.validation.findings import Severity
from actionplan.validation.planwide import TextSummary

_CAPITALISED = re.compile(r"(?<![\w'’@./-])[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*")
_SKIPPED = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*['’]?|\w+")


@dataclass(frozen=True)
class PlainMisspelling:
    start: int
    end: int
    word: str


class PlainSpelling:
    """SpellChecker's answers, worked out afresh for every word of every text."""

    def __init__(self, dictionary, plan_words=(), user_words=()) -> None:
        self._dictionary = dictionary
        self.set_plan_words(plan_words)
        self._user_words = set(user_words)
        self.ignored: set[str] = set()
        self._names: set[str] = set()

    def set_plan_words(self, words) -> None:
        self._plan_words = frozenset(w.strip().lower() for w in words if w.strip())

    def learn_names(self, text: str) -> None:
        for match in _CAPITALISED.finditer(text):
            word = match.group().rstrip("'’")
            if not _starts_sentence(text, match.start()):
                self._names.add(word)

    def is_known(self, word: str) -> bool:
        plain = word.replace("’", "'")
        lowered = plain.lower()
        if lowered in self._plan_words or lowered in self._user_words or lowered in self.ignored:
            return True
        if word in self._names or lowered in _HOUSE_WORDS or self._in_dictionary(plain):
            return True
        stem = re.sub(r"'s?$", "", plain)
        if stem != plain and stem and self.is_known(stem):
            return True
        if "-" in plain:
            parts = [part for part in plain.split("-") if part]
            return self.is_known("".join(parts)) or all(self.is_known(part) for part in parts)
        ascii_form = "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))
        return ascii_form != plain and self.is_known(ascii_form)

    def _in_dictionary(self, word: str) -> bool:
        try:
            return bool(self._dictionary.check(word)) or bool(self._dictionary.check(word.lower()))
        except Exception:
            return True

    def misspellings(self, text: str) -> list[PlainMisspelling]:
        text = _SKIPPED.sub(lambda m: " " * len(m.group()), text)
        found = []
        for match in _TOKEN.finditer(text):
            word = match.group().rstrip("'’")
            if _skipped_by_shape(word):
                continue
            if (word[0].isupper() and not _starts_sentence(text, match.start())) or self.is_known(word):
                continue
            found.append(PlainMisspelling(match.start(), match.start() + len(word), word))
        return found


def _skipped_by_shape(word: str) -> bool:
    if len(word) < 2 or (not word.isalpha() and any(char.isdigit() or char == "_" for char in word)):
        return True
    return word[1:] != word[1:].lower()


def _starts_sentence(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    if index < 0 or text[index] == "\n" or text[index] in ".!?:":
        return True
    if text[index] in "-–—•*":
        before = index - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        return before < 0 or text[before] == "\n"
    return False


def _check_concern(concern, here, spelling) -> list[Finding]:
    if not concern.text.strip():
        return [rule("concern-text-missing").finding(
            "Copy the concern's wording from the inspection report.", here("text"))]
    if spelling is not None and (found := spelling_finding(concern.text, here("text"), spelling)):
        return [found]
    return []


def _summary(item_id: str, field: str, text: str, defining_only: bool) -> TextSummary | None:
    found = abbreviations(text)
    if defining_only:
        found = [a for a in found if a.defines]
        return TextSummary(item_id, field, (), tuple(found)) if found else None
    references = cross_references(text)
    if not (references or found):
        return None
    return TextSummary(item_id, field, tuple(references), tuple(found))


def plan_findings(plan: Plan, spelling: PlainSpelling | None = None, include_dismissed: bool = False) -> list[Finding]:
    """Every finding of ``plan`` in display order, as PlanValidator(plan, spelling).findings() gave."""
    references = plan.references()
    places: dict[str, tuple[str, int]] = {}
    positions: dict[str, int] = {"details": -1}
    for concern in plan.in_display_order():
        positions[concern.id] = len(positions)
        for number, action in enumerate(concern.actions, start=1):
            places[action.id] = (concern.id, number)
            positions[action.id] = len(positions)

    def location(item_id: str, field: str) -> Location:
        if item_id == "details":
            return Location(None, None, field)
        if item_id in places:
            concern_id, number = places[item_id]
            return Location(concern_id, item_id, field, references.get(concern_id, ""), number)
        return Location(item_id, None, field, references.get(item_id, ""))

    def here(item_id: str) -> LocationFor:
        return lambda field: location(item_id, field)

    def describe(item_id: str) -> str:
        return location(item_id, "").describe(plan.details.era.item_noun()).lower()

    if spelling is not None:
        spelling.learn_names(plan.details.establishment)
        for concern in plan.concerns:
            spelling.learn_names(concern.text)
            for action in concern.actions:
                spelling.learn_names(action.text)
    # Groups in the order PlanValidator shows them for one item.
    groups: dict[str, dict[str, list[Finding]]] = {
        name: {} for name in ("contents", "local", "timing", "actions", "references", "cross", "abbreviations",
                             "progress")}

    def put(group: str, findings: list[Finding]) -> None:
        for finding in findings:
            groups[group].setdefault(finding.location.item_id, []).append(finding)

    summaries: list[TextSummary] = []
    put("local", _checks.check_details(plan.details, here("details")))
    if (summary := _summary("details", "introduction", plan.details.introduction, True)) is not None:
        summaries.append(summary)
    for concern in plan.concerns:
        put("local", _check_concern(concern, here(concern.id), spelling))
        if (summary := _summary(concern.id, "text", concern.text, True)) is not None:
            summaries.append(summary)
        for action in concern.actions:
            put("local", check_action(action, here(action.id), spelling))
            put("timing", _checks.check_timing(action, here(action.id), plan.details.submitted))
            put("progress", _progress.check_progress(action, here(action.id), _clock.today()))
            if (summary := _summary(action.id, "text", action.text, False)) is not None:
                summaries.append(summary)
    put("contents", _checks.check_plan_contents(plan.details, len(plan.concerns), here("details")))
    for concern in plan.concerns:
        put("actions", _checks.check_concern_actions(concern, here(concern.id)))
    put("references", _planwide.duplicate_references(plan.concerns, references, location))
    put("cross", _planwide.broken_cross_references(
        [s for s in summaries if s.cross_references], plan.concerns, references, location))
    ordered = sorted((s for s in summaries if s.abbreviations), key=lambda s: positions.get(s.item_id, -2))
    known = _planwide.WELL_KNOWN_ABBREVIATIONS | frozenset(plan.word_list)
    put("abbreviations", _planwide.undefined_abbreviations(ordered, known, location, describe))

    found: list[Finding] = []
    for item_id in positions:
        for group in groups.values():
            found.extend(group.get(item_id, ()))
    if include_dismissed:
        return found
    hidden = {(d.rule, d.item_id, d.field) for d in plan.dismissals}
    return [f for f in found if not (f.severity is Severity.WARNING and f.key in hidden)]
