"""Text clean-up: pasted Word junk goes, everything a person can see stays."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from lxml import etree

from actionplan.model import Action, Concern, PlanDetails
from actionplan.text import clean_line, clean_text
from tests.strategies import pasted_text, typed_text

_DROPPED = {"\u00ad", "\u200b", "\u2060", "\ufeff"}


def _is_xml_char(char: str) -> bool:
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("First line\x0bsecond line", "First line\nsecond line"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("page\x0cbreak", "page\nbreak"),
        ("HMP\u00a0Ashvale", "HMP Ashvale"),
        ("10\u202f000", "10 000"),
        ("cell end\x07", "cell end"),
        ("zero\u200bwidth", "zerowidth"),
        ("\ufeffBOM", "BOM"),
        ("soft\u00adhyphen", "softhyphen"),
        ("bell\x00\x1f\x7f\x9f", "bell"),
        ("lone \ud800surrogate", "lone surrogate"),
        ("tab\tkept", "tab\tkept"),
        ("- item one\n- item two", "- item one\n- item two"),
        ("“Smart” quotes – dashes — £5 €5 é 中文 🙂", "“Smart” quotes – dashes — £5 €5 é 中文 🙂"),
        ("family 👩‍👩‍👧 joiner", "family 👩‍👩‍👧 joiner"),
        ("", ""),
    ],
)
def test_clean_text(pasted: str, kept: str) -> None:
    assert clean_text(pasted) == kept


@pytest.mark.parametrize(
    ("pasted", "kept"),
    [
        ("Head of\x0bSafety", "Head of Safety"),
        ("Governor\n", "Governor"),
        ("Head\tof  Safety\n", "Head of Safety"),
        ("Head of  Safety", "Head of  Safety"),
        ("Governor\u00a0", "Governor "),
    ],
)
def test_clean_line(pasted: str, kept: str) -> None:
    assert clean_line(pasted) == kept


def test_model_fields_are_cleaned_on_the_way_in() -> None:
    action = Action(text="One\x0bTwo\x07", owner="Head of\x0bSafety")
    assert action.text == "One\nTwo"
    assert action.owner == "Head of Safety"
    action.text = "Three\u00a0four\x00"
    assert action.text == "Three four"
    concern = Concern(text="a\r\nb", reference=" S45\x0b")
    assert (concern.text, concern.reference) == ("a\nb", "S45")
    assert PlanDetails(establishment="HMP\x0bAshvale").establishment == "HMP Ashvale"


# Properties ------------------------------------------------------------------------------


@settings(deadline=None)
@given(pasted_text())
def test_no_control_characters_survive_but_newline_and_tab(pasted: str) -> None:
    cleaned = clean_text(pasted)
    for char in cleaned:
        assert unicodedata.category(char) not in ("Cc", "Cs") or char in "\n\t"


@settings(deadline=None)
@given(pasted_text())
def test_vertical_tab_becomes_a_newline(pasted: str) -> None:
    assert clean_text(pasted + "\x0b") == clean_text(pasted) + "\n"
    assert clean_text("a\x0bb") == "a\nb"


@settings(deadline=None)
@given(typed_text())
def test_typed_text_is_unchanged(typed: str) -> None:
    visible = typed.translate({ord(c): None for c in _DROPPED | {"\u00a0", "\u2007", "\u202f"}})
    visible = "".join(c for c in visible if unicodedata.category(c) not in ("Zl", "Zp"))
    assert clean_text(visible) == visible


@settings(deadline=None)
@given(pasted_text())
def test_visible_characters_are_kept_in_order(pasted: str) -> None:
    visible = [
        char for char in pasted
        if unicodedata.category(char)[0] in "LNPS" and char not in _DROPPED
        and not (0xFDD0 <= ord(char) <= 0xFDEF or (ord(char) & 0xFFFE) == 0xFFFE)
    ]
    cleaned = clean_text(pasted)
    kept = [char for char in cleaned if unicodedata.category(char)[0] in "LNPS"]
    assert kept == visible


@settings(deadline=None)
@given(pasted_text())
def test_clean_up_is_idempotent(pasted: str) -> None:
    once = clean_text(pasted)
    assert clean_text(once) == once
    line = clean_line(pasted)
    assert clean_line(line) == line
    assert "\n" not in line
    assert "\t" not in line


@settings(deadline=None)
@given(pasted_text())
def test_output_is_valid_xml_and_utf8(pasted: str) -> None:
    cleaned = clean_text(pasted)
    cleaned.encode("utf-8")  # raises on a lone surrogate
    assert all(_is_xml_char(char) for char in cleaned)
    element = etree.Element("t")
    element.text = cleaned  # lxml refuses control characters and non-characters
    parsed = etree.fromstring(etree.tostring(element, encoding="utf-8"))
    assert (parsed.text or "") == cleaned


def _kept_by_definition(char: str) -> bool:
    """The rule in Unicode's words, independent of the regex the code uses."""
    if char in "\n\t":
        return True
    if char in _DROPPED:
        return False
    code = ord(char)
    noncharacter = 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE
    return unicodedata.category(char) not in ("Cc", "Cs") and not noncharacter


_SPECIAL = {"\r", "\x0b", "\x0c", "\u2028", "\u2029", "\x85", "\u00a0", "\u2007", "\u202f"}


def test_every_code_point_follows_the_rule() -> None:
    planes = [chr(code) for code in range(0x10000)]
    planes += [chr(plane * 0x10000 + low) for plane in range(1, 17) for low in (0, 0xF600, 0xFFFD, 0xFFFE, 0xFFFF)
               if plane * 0x10000 + low <= 0x10FFFF]
    planes += [chr(code) for code in range(0xE0000, 0xE0080)]  # tags, used in flag emoji
    for char in planes:
        if char in _SPECIAL:
            continue
        expected = char if _kept_by_definition(char) else ""
        assert clean_text(f"a{char}b") == f"a{expected}b", hex(ord(char))
