"""Clean text on its way into a plan, so that nothing pasted from Word can break a file or a .docx.

Word's clipboard carries vertical tabs for line breaks inside a cell, non-breaking spaces, and
stray control characters. XML 1.0 (and so .docx) cannot hold most control characters at all.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that mean "new line" to a person, whatever produced them.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029\x85]")
# Spaces that look like an ordinary space to a reader.
_SPACES = re.compile("[\u00a0\u2007\u202f]")
# Invisible formatting that Word and PDFs scatter through copied text. The zero-width joiner
# (U+200D) and non-joiner (U+200C) are kept: emoji and several scripts need them.
_INVISIBLE = frozenset("\u00ad\u200b\u2060\ufeff\ufffe\uffff")


def _is_kept(char: str) -> bool:
    if char in "\n\t":
        return True
    if char in _INVISIBLE:
        return False
    category = unicodedata.category(char)
    # Cc: control characters. Cs: lone surrogates, which cannot be written as UTF-8.
    # Cn: unassigned code points, which include the non-characters XML refuses.
    return category not in ("Cc", "Cs") and not (category == "Cn" and _is_noncharacter(char))


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def clean_text(value: str) -> str:
    """Return ``value`` with line breaks normalised to ``\\n`` and invisible junk removed.

    Everything a person can see is kept, word for word.
    """
    if value.isascii() and value.isprintable():
        return value  # the common case: typed text needs no work
    value = _LINE_BREAKS.sub("\n", value)
    value = _SPACES.sub(" ", value)
    return "".join(char for char in value if _is_kept(char))


def clean_line(value: str) -> str:
    """Clean a single-line field such as an owner: line breaks become spaces."""
    cleaned = clean_text(value)
    if "\n" in cleaned or "\t" in cleaned:
        cleaned = " ".join(cleaned.split())
    return cleaned
