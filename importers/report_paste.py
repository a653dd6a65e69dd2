"""Split the list of concerns copied out of an inspection report into concerns.

Text copied from a PDF is hard-wrapped, hyphenated at line ends and carries page furniture;
text copied from a web page has bullets. Numbering (``1.``, ``1)``, ``S45``, ``1.12``) starts
a concern, "Priority concerns" and "Key concerns" headings (in any case) set the category,
and every other line continues the concern above it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from actionplan.model import Category
from actionplan.text import clean_text
from importers.growing_text import GrowingText

_HEADING = re.compile(r"^(?:the\s+)?(priority|key)\s+concerns?(?:\s+and\s+recommendations)?\s*:?$", re.IGNORECASE)
# A reference people keep: a report paragraph number (1.12) or a lettered one (S45).
_REFERENCE = re.compile(r"^\(?(?P<ref>\d{1,2}\.\d{1,3}|[A-Z]{1,2}\d{1,3})\)?[.:)]?(?:\s+|$)(?P<rest>.*)$")
# Plain numbering the plan numbers for itself: 1.  1)  (1)
_NUMBER = re.compile(r"^\(?(?P<number>\d{1,3})[.)](?:\s+|$)(?P<rest>.*)$")
_BULLET = re.compile(r"^[•●▪◦‣⁃∙·*\-–—]\s+(?P<rest>.*)$")
_FURNITURE = re.compile(r"^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$", re.IGNORECASE)
# The running footer of an HMIP report page, with or without its page number:
# "Report on an unannounced inspection of HMP & YOI Stoke Heath 7". Only that shape: a capital
# R, the kind of inspection, an establishment's designation, and no punctuation, so a wrapped
# line of a concern that names a report ("Report on an inspection of HMP Ashvale in 2022, and")
# is kept.
_REPORT_FOOTER = re.compile(
    r"^(?:\d{1,4}\s+)?(?-i:R)eport\s+on\s+an?\s+(?:(?:unannounced|announced|scheduled|independent)\s+)?"
    r"inspection(?:\s+of\s+(?:HMP|HMYOI|YOI|HM\s+Prison|HM\s+Young|IRC|STC|Immigration|Secure)\b"
    r"[^.,;:!?]*?)?(?:\s+\d{1,4})?$",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "!", "?")

WordCheck = Callable[[str], bool]


@dataclass(frozen=True)
class PastedConcern:
    text: str
    category: Category
    reference: str = ""
    """A reference to keep, such as ``S45`` or ``1.12``. Plain ``1.`` numbering is not kept."""


@dataclass
class PasteResult:
    concerns: list[PastedConcern] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    """Lines that are not part of any concern, such as page numbers or text before the first."""
    kept_numbers: list[str] = field(default_factory=list)
    """Numbers on a line of their own kept in a concern's text because its sentence runs on
    around them ("had risen to / 120 / a month"); a page number would look the same, so the
    preview names them for a person to check."""


@dataclass
class _Draft:
    lines: list[str]
    category: Category
    reference: str


def split_concerns(
    text: str, category: Category = Category.PRIORITY, *, is_word: WordCheck | None = None
) -> PasteResult:
    """Split ``text`` into concerns. ``category`` applies until a heading says otherwise.

    ``is_word`` decides whether a word hyphenated at a line end is one word ("rehabili-
    tation") or a hyphenated one ("self-harm"); without it, the hyphen is kept.
    """
    lines = _lines(text)
    numbered = any(_start(line) is not None for line in lines)
    result = PasteResult()
    drafts: list[_Draft] = []
    open_draft = False
    for number, line in enumerate(lines):
        heading = _HEADING.match(line)
        if heading:
            category = Category.PRIORITY if heading.group(1).lower() == "priority" else Category.KEY
            open_draft = False
            continue
        if not line:
            open_draft = open_draft and numbered  # a blank line ends an unnumbered concern
            continue
        if open_draft and _runs_on_around(drafts[-1].lines, line, lines, number + 1):
            drafts[-1].lines.append(line)
            result.kept_numbers.append(line)
            continue
        if _FURNITURE.match(line) or _REPORT_FOOTER.match(line):
            result.ignored.append(line)
            continue
        start = _start(line)
        if start is not None:
            reference, rest = start
            drafts.append(_Draft([rest] if rest else [], category, reference))
            open_draft = True
        elif open_draft:
            drafts[-1].lines.append(line)
        elif numbered:
            result.ignored.append(line)
        else:
            drafts.append(_Draft([line], category, ""))
            open_draft = True
    for draft in drafts:
        result.concerns.extend(_finish(draft, numbered, is_word))
    return result


def _runs_on_around(before: list[str], line: str, lines: list[str], after: int) -> bool:
    """A bare number (not "Page 3" or "3 of 40") between two parts of one sentence: the line
    before ends mid-sentence and the next line (from ``lines[after]`` on) carries on in lower
    case. Kept rather than dropped: a figure left out changes what the concern says; a stray
    page number shows."""
    if not (line.isdigit() and before) or before[-1].rstrip().endswith(_SENTENCE_END):
        return False
    # Indexes, not a slice of the lines after: a slice copies the rest of the paste every line.
    following = next((lines[index] for index in range(after, len(lines)) if lines[index]), "")
    return following[:1].islower()


def _lines(text: str) -> list[str]:
    # A soft hyphen at a line end marks a word the PDF broke: join it without a trace.
    text = re.sub("\u00ad[ \t]*(?:\r\n|\r|\n)", "", text)
    return [" ".join(line.split()) for line in clean_text(text).split("\n")]


def _start(line: str) -> tuple[str, str] | None:
    """The reference kept (or "") and the rest of the line, if ``line`` starts a concern."""
    for pattern, keeps in ((_REFERENCE, True), (_NUMBER, False), (_BULLET, False)):
        match = pattern.match(line)
        if match:
            return (match.group("ref") if keeps else ""), match.group("rest")
    return None


def _finish(draft: _Draft, numbered: bool, is_word: WordCheck | None) -> list[PastedConcern]:
    # Each concern grows line by line; joined once at the end, so a concern wrapped over
    # thousands of lines is not copied once for every line.
    pieces: list[GrowingText] = []
    for line in draft.lines:
        # Without numbering, a line that ends a sentence before a capital starts a new concern:
        # a web page puts each concern on its own line.
        if pieces and (numbered or not _ends_concern(pieces[-1], line)):
            _join_onto(pieces[-1], line, is_word)
        else:
            pieces.append(GrowingText(line))
    texts = (str(piece) for piece in pieces)
    return [PastedConcern(text, draft.category, draft.reference) for text in texts if text]


def _ends_concern(text: GrowingText, next_line: str) -> bool:
    return text.endswith(_SENTENCE_END) and next_line[:1].isupper()


_HYPHEN_AT_END = re.compile(r"(\w+)-$")


def _word_before_hyphen(tail: Callable[[int], str], length: int) -> str | None:
    """The word a line-end hyphen follows, as ``_HYPHEN_AT_END.search(text)`` finds it, looking
    only at the end of the text (``tail(n)``: its last n characters). Searched over the whole
    text, the pattern is tried from every character, which made pasting one long concern take
    minutes; the window widens only while the word fills it."""
    size = 64
    while True:
        match = _HYPHEN_AT_END.search(tail(size))
        if match is None:
            return None  # the window holds the end of any match, so there is none
        if match.start() > 0 or size >= length:
            return match.group(1)
        size *= 2


def _joining(head: str | None, after: str, is_word: WordCheck | None) -> tuple[bool, str]:
    """How a line joins the text before it: whether the text's last character (a hyphen)
    goes, and what goes between."""
    if head is not None and after[:1].isalpha():
        tail = re.match(r"\w+", after)
        joined = head + (tail.group(0) if tail else "")
        if is_word is not None and is_word(joined) and not is_word(f"{head}-{tail.group(0) if tail else ''}"):
            return True, ""
        return False, ""
    return False, " "


def _join_onto(before: GrowingText, after: str, is_word: WordCheck | None) -> None:
    """``join_wrapped`` onto growing text: the same join, without copying what came before."""
    if not before:
        before.append(after)
        return
    if not after:
        return
    drop, between = _joining(_word_before_hyphen(before.tail, len(before)), after, is_word)
    if drop:
        before.drop_last_character()
    before.append(between + after)


def join_wrapped(before: str, after: str, is_word: WordCheck | None = None) -> str:
    """Join two lines of a hard-wrapped paragraph, undoing a line-end hyphenation if it is one."""
    if not before:
        return after
    if not after:
        return before
    drop, between = _joining(_word_before_hyphen(lambda size: before[-size:], len(before)), after, is_word)
    return (before[:-1] if drop else before) + between + after


def english_word_check() -> WordCheck | None:
    """A British English spelling check for hyphenation, if enchant has a dictionary."""
    try:
        import enchant
    except ImportError:
        return None
    for tag in ("en_GB", "en_US", "en"):
        try:
            dictionary = enchant.Dict(tag)
        except Exception:  # noqa: BLE001 - enchant raises its own errors for a missing dictionary
            continue
        return lambda word: bool(dictionary.check(word))
    return None
