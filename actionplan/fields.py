"""The kinds of field a plan is made of: stable ids, and text cleaned as it arrives (typed,
pasted or imported), so no control character or stray space ever reaches a plan file."""

from __future__ import annotations

import secrets
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator

from actionplan.target_date import TargetDate
from actionplan.text import clean_line, clean_text


def new_id() -> str:
    """A stable id for a concern, an action or a record: random, so copies made on two laptops
    never clash."""
    return secrets.token_hex(8)


def _clean_multiline(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _clean_single_line(value: object) -> object:
    return clean_line(value) if isinstance(value, str) else value


def _parse_target(value: object) -> object:
    # People and importers hand over what was typed; the file holds the parsed form.
    return TargetDate.parse(clean_text(value)) if isinstance(value, str) else value


def _strip(value: str) -> str:
    return value.strip()


Text = Annotated[str, BeforeValidator(_clean_multiline)]
"""Multi-line text typed by a person: paragraphs separated by newlines, dash lists as ``- item``."""

Line = Annotated[str, BeforeValidator(_clean_single_line)]
"""Single-line text such as a responsible owner."""

Reference = Annotated[str, BeforeValidator(_clean_single_line), AfterValidator(_strip)]

Target = Annotated[TargetDate, BeforeValidator(_parse_target)]
