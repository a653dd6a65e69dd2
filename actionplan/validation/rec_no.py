"""What a manual Rec No looks like in real plans, so one that is something else can be flagged.

Seen in published plans and inspection reports: a number (``1``, ``12``, ``1.`` as Stoke
Heath's table has it), a paragraph number (``1.12``, ``4.3.2``), a recommendation reference
with a letter or two in front (``S45``, ``P1``), sometimes with a letter after (``12a``) or in
brackets (``(S40)``), and now and then two of them together (``1.12 and 1.13``, ``S45, 1.12``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ONE = re.compile(
    r"(?P<prefix>[A-Za-z]{0,3})"
    r"(?P<numbers>\d{1,3}(?:\.\d{1,3}){0,2})"
    r"(?P<suffix>[a-z]?)"
    r"(?P<stop>\.?)"
)
_JOINS = re.compile(r"\s*(?:,|&|/|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class RecNo:
    """One reference: ``prefix`` letters (``S``), ``numbers`` (``(1, 12)`` for ``1.12``) and a
    ``suffix`` letter (``a`` in ``12a``)."""

    prefix: str
    numbers: tuple[int, ...]
    suffix: str = ""

    def __str__(self) -> str:
        return f"{self.prefix}{'.'.join(str(n) for n in self.numbers)}{self.suffix}"


def parse_rec_no(text: str) -> tuple[RecNo, ...] | None:
    """The references in a Rec No, or None when it does not look like one ("Mr Smith")."""
    body = text.strip()
    if body.startswith("(") and body.endswith(")"):
        body = body[1:-1].strip()
    if not body:
        return None
    found: list[RecNo] = []
    for part in _JOINS.split(body):
        match = _ONE.fullmatch(part)
        if match is None:
            return None
        numbers = tuple(int(n) for n in match["numbers"].split("."))
        found.append(RecNo(match["prefix"], numbers, match["suffix"]))
    return tuple(found)


def looks_like_rec_no(text: str) -> bool:
    return parse_rec_no(text) is not None
