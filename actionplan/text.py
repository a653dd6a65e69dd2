"""Clean text on its way into a plan, so that nothing pasted from Word can break a file or a .docx.

Word's clipboard carries vertical tabs for line breaks inside a cell, non-breaking spaces, and
stray control characters. XML 1.0 (and so .docx) cannot hold most control characters at all.
"""

from __future__ import annotations

import re

# Characters that mean "new line" to a person, whatever produced them.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85]")
# Spaces that look like an ordinary space to a reader.
_SPACES = re.compile("[\u00a0\u2007\u202f]")
# Invisible formatting that Word and PDFs scatter through copied text. The zero-width joiner
# (U+200D) and non-joiner (U+200C) are kept: emoji and several scripts need them.
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"
# Non-characters, which XML refuses: U+FDD0 to U+FDEF and the last two code points of every plane.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)
)
# Dropped: control characters (Unicode category Cc) but tab and newline; lone surrogates (Cs),
# which cannot be written as UTF-8; non-characters; invisible formatting. One regex, because a
# loop over every character made opening a large plan several times slower.
_DROPPED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}{_INVISIBLE}]")
_NEEDS_WORK = re.compile(f"[\r\u2028\u2029\u00a0\u2007\u202f\x00-\x08\x0b-\x1f\x7f-\x9f"
                         f"\ud800-\udfff{_NONCHARACTERS}{_INVISIBLE}]")


def clean_text(value: str) -> str:
    """Return ``value`` with line breaks normalised to ``\\n`` and invisible junk removed.

    Everything a person can see is kept, word for word.
    """
    # The common case, typed text, needs no work. isprintable() is false for every character
    # that needs work (controls, odd spaces and line separators, formatting, surrogates,
    # non-characters) and runs at C speed, far faster than the regex below.
    if value.replace("\n", "").replace("\t", "").isprintable() or not _NEEDS_WORK.search(value):
        return value
    value = _LINE_BREAKS.sub("\n", value)
    value = _SPACES.sub(" ", value)
    return _DROPPED.sub("", value)


def clean_line(value: str) -> str:
    """Clean a single-line field such as an owner: line breaks become spaces."""
    cleaned = clean_text(value)
    if "\n" in cleaned or "\t" in cleaned:
        cleaned = " ".join(cleaned.split())
    return cleaned
