"""Text put together piece by piece, as an import joins continuation rows and wrapped lines.

Python strings cannot grow: adding to one copies it, and asking how it ends (``rstrip``,
``split("\\n")[-1]``, a regex anchored at ``$``) reads it from the start. Done once for each
row or line joined onto the same concern, both make importing grow with the square of the
input. This keeps the pieces and joins them once, and answers questions about the end by
reading backwards only as far as the answer needs.
"""

from __future__ import annotations

from collections.abc import Callable


class GrowingText:
    __slots__ = ("_parts", "_length", "_line_head", "_since_newline")

    def __init__(self, text: str = "") -> None:
        self._parts: list[str] = [text] if text else []
        self._length = len(text)
        # The start of the last line (at most two characters), so "does the last line start
        # with '- '" never has to look back through a paragraph with no line break in it.
        self._line_head = text[text.rfind("\n") + 1:][:2]
        self._since_newline = len(text) - text.rfind("\n") - 1

    def __len__(self) -> int:
        return self._length

    def __bool__(self) -> bool:
        return self._length > 0

    def __str__(self) -> str:
        if len(self._parts) > 1:
            # Kept joined, so reading the text twice does not join it twice.
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def equals(self, text: str) -> bool:
        # Texts of different lengths differ: most comparisons never join the pieces.
        return len(text) == self._length and text == str(self)

    def append(self, piece: str) -> None:
        if not piece:
            return
        self._parts.append(piece)
        self._length += len(piece)
        newline = piece.rfind("\n")
        if newline >= 0:
            self._line_head = piece[newline + 1:][:2]
            self._since_newline = len(piece) - newline - 1
        else:
            self._since_newline += len(piece)
            if len(self._line_head) < 2:
                self._line_head = (self._line_head + piece)[:2]

    def drop_last_character(self) -> None:
        """Remove the last character (a line-end hyphen)."""
        if not self._parts:
            return
        dropped = self._parts[-1][-1]
        self._parts[-1] = self._parts[-1][:-1]
        self._length -= 1
        if not self._parts[-1]:
            self._parts.pop()
        if dropped == "\n":
            # The line before becomes the last: found by looking back (never for a hyphen).
            text = str(self)
            self._since_newline = len(text) - text.rfind("\n") - 1
            self._line_head = text[text.rfind("\n") + 1:][:2]
        else:
            self._since_newline -= 1
            self._line_head = self._line_head[:self._since_newline]

    def mark(self) -> tuple[int, str, int]:
        """Where the text ends now, for ``rewrite_since``."""
        return self._length, self._line_head, self._since_newline

    def rewrite_since(self, mark: tuple[int, str, int], rewrite: Callable[[str], str]) -> None:
        """Replace what was added since ``mark`` with ``rewrite`` of it (cleaned, say)."""
        length, line_head, since_newline = mark
        added = self.tail(self._length - length)
        excess = len(added)
        while excess:
            last = self._parts.pop()
            if len(last) > excess:
                self._parts.append(last[:len(last) - excess])
                break
            excess -= len(last)
        self._length, self._line_head, self._since_newline = length, line_head, since_newline
        self.append(rewrite(added))

    def tail(self, size: int) -> str:
        """The last ``size`` characters (all of them if fewer), read from the end."""
        if size <= 0:
            return ""
        taken: list[str] = []
        needed = size
        for part in reversed(self._parts):
            if len(part) >= needed:
                taken.append(part[len(part) - needed:])
                break
            taken.append(part)
            needed -= len(part)
        return "".join(reversed(taken))

    def endswith(self, suffixes: tuple[str, ...]) -> bool:
        return self.tail(max(map(len, suffixes), default=0)).endswith(suffixes)

    def last_visible_character(self) -> str:
        """The last character that is not white space ("" if none), as ``text.rstrip()[-1:]``."""
        for part in reversed(self._parts):
            stripped = part.rstrip()
            if stripped:
                return stripped[-1]
        return ""

    def last_line_starts_with(self, prefix: str) -> bool:
        """As ``text.split("\\n")[-1].startswith(prefix)``, for a prefix of up to two characters."""
        assert len(prefix) <= 2
        return self._line_head.startswith(prefix)
