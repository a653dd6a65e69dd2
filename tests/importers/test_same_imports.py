"""The linear-time importer gives exactly what the old one gave (issue 22).

``oracle/`` keeps the plan builder, the paste-concerns parser and the joining of deleted
paragraph marks as they were before import was made linear, word for word. Each test gives the
old and the new the same input and compares everything that comes out: the plan without its
random ids, and every note of the import report, in order. Inputs are random rows and texts
made of the pieces the rules react to (sentence ends, lower-case starts, dashes, numbering,
"Not set", "(continued)", characters the plan cleans away), the generated shapes that made
import slow, and the realistic fixture documents in every layout.
"""

from __future__ import annotations

import copy
import dataclasses
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from actionplan.model import Category, Plan
from benchmarks.generate import make_plan
from benchmarks.import_inputs import SHAPES, report_text, write_word_plan
from importers import docx_import, wordml
from importers.docx_import import ImportResult, import_docx
from importers.growing_text import GrowingText
from importers.plan_builder import PlanBuilder, continue_text
from importers.plan_table import Column, PlanRow
from importers.report import ImportNote, ImportReport
from importers.report_paste import PasteResult, WordCheck, join_wrapped, split_concerns
from importers.wordml import Paragraph
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.oracle import plan_builder as old_builder
from tests.importers.oracle import report_paste as old_paste
from tests.importers.oracle import wordml as old_wordml

# Pieces of text the joining rules look at: how a piece starts and ends, line breaks, dashes,
# numbering, and characters the plan cleans (which change how the next piece is joined).
_STARTS = ["", "", "the ", "The ", "- ", "-", "(see ", ", and ", "; ", "1. ", "2. ", "3) ", "12. ", "e-", "•\t"]
_WORDS = ["prison", "staff will review", "self-", "harm", "rehabili-", "tation", "weekly", "Governor",
          "S45", "1.12", "120", "Not set", "Concern 2 (continued)", "Agreed", "data", "A wing", "x" * 70 + "-"]
_ENDS = ["", "", "", ".", ":", ";", "!", "?", ",", " -", "-", "\u00a0", "\u200b", " ", "\r", "\u2028", ".\u200b"]


def _piece(rng: random.Random) -> str:
    words = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(0, 4)))
    middle = rng.choice(["", "\n", "\n- ", "\r\n", "\u00ad", "\x0b"]) if rng.random() < 0.15 else ""
    return rng.choice(_STARTS) + words + middle + (rng.choice(_WORDS) if middle else "") + rng.choice(_ENDS)


def _lines(rng: random.Random, most: int = 4) -> list[str]:
    return [_piece(rng) for _ in range(rng.choice([0, 0, 1, 1, 1, 2, most]))]


def _random_row(rng: random.Random, number: int, concern: int) -> PlanRow:
    row = PlanRow(f"Table 1, row {number}")
    roll = rng.random()
    if roll < 0.15:
        row.rec = [rng.choice([f"{concern + 1}.", f"{concern}", "S45", "(1.12)", "", "Agreed"])]
        row.rec += ["Partly agreed"] if rng.random() < 0.1 else []
        row.concern = _lines(rng, 3)
    elif roll < 0.3:
        row.concern = _lines(rng, 2) or [f"Concern {concern} (continued)"]
    count = rng.choice([1, 1, 1, 2, 3])
    row.response = [] if rng.random() < 0.1 else [_piece(rng) for _ in range(rng.choice([1, 1, count, count + 2]))]
    if rng.random() < 0.6:
        row.owners = [rng.choice(["Governor", "Head of Safety", "", "Deputy Governor"]) for _ in range(count)]
    if rng.random() < 0.6:
        row.targets = [rng.choice(["December 2026", "March 2027", "", "soon-ish", "31/13/2026"]) for _ in range(count)]
    if rng.random() < 0.1:
        row.agreement = [rng.choice(["Agreed", "Not agreed", "maybe"])]
    if rng.random() < 0.05:
        row.not_set = {rng.choice([Column.RESPONSE, Column.OWNER, Column.TARGET])}
    row.no_actions = rng.random() < 0.03
    row.concern_merged = rng.random() < 0.05
    return row


def _rows(seed: int, count: int) -> Iterator[PlanRow | str]:
    """Rows and, now and then, a section label."""
    rng = random.Random(seed)
    concern = 0
    for number in range(1, count + 1):
        if rng.random() < 0.04:
            yield rng.choice(["priority", "key"])
            continue
        row = _random_row(rng, number, concern)
        concern += bool(row.rec)
        yield row


def _content(plan: Plan) -> object:
    """Everything in the plan but the random ids."""
    return plan.model_dump(mode="json", exclude={"concerns": {"__all__": {"id": True,
                                                                           "actions": {"__all__": {"id"}}}}})


def _build(builder_type: type, items: list[PlanRow | str]) -> tuple[object, list[ImportNote]]:
    plan, report = Plan(), ImportReport()
    builder = builder_type(plan, report)
    for item in items:
        if isinstance(item, str):
            builder.set_section(item, "Paragraph")
        else:
            builder.add_row(item)
    if isinstance(builder, PlanBuilder):
        builder.finish()
    return _content(plan), report.notes


@pytest.mark.parametrize("seed", range(40))
def test_the_plan_builder_builds_the_same_plan_and_report_from_random_rows(seed: int) -> None:
    items = list(_rows(seed, 150))
    assert _build(PlanBuilder, copy.deepcopy(items)) == _build(old_builder.PlanBuilder, items)


@pytest.mark.parametrize("seed", range(10))
def test_continue_text_joins_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        before, after = _piece(rng) + rng.choice(["", "\n", "\n- x"]) + _piece(rng), _piece(rng)
        assert continue_text(before, after) == old_builder.continue_text(before, after), (before, after)


# Word documents: the new importer against the old builder and mark joining put back ---------------


class _OldBuilder(old_builder.PlanBuilder):
    def finish(self) -> Plan:
        return self.plan


def _import_the_old_way(path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportResult:
    with monkeypatch.context() as patched:
        patched.setattr(docx_import, "PlanBuilder", _OldBuilder)
        patched.setattr(wordml, "_join_deleted_marks", old_wordml._join_deleted_marks)
        return import_docx(path)


def _same_import(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new, old = import_docx(path), _import_the_old_way(path, monkeypatch)
    assert _content(new.plan) == _content(old.plan)
    assert new.report.notes == old.report.notes
    assert (new.report.concerns, new.report.actions) == (old.report.concerns, old.report.actions)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("new_concern", [0.0, 0.05, 0.3])
def test_generated_word_plans_import_as_before(shape: str, new_concern: float, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    if shape == "exported" and new_concern:
        pytest.skip("an exported plan has its own concerns")
    for seed in range(3):
        path = write_word_plan(tmp_path / f"{shape}-{seed}.docx", shape, 300, seed=seed, new_concern=new_concern)
        _same_import(path, monkeypatch)


def test_the_fixture_plans_in_every_layout_import_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fixture in fixtures.all_fixtures():
        _same_import(fixtures.build(fixture.plan, fixture.layout, tmp_path / f"{fixture.name}.docx"), monkeypatch)


def test_a_generated_plan_in_every_layout_imports_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = make_plan(200, seed=3)
    for name, layout in fixtures.VARIANTS.items():
        _same_import(fixtures.build(plan, layout, tmp_path / f"{name}.docx"), monkeypatch)


@pytest.mark.parametrize("seed", range(10))
def test_deleted_paragraph_marks_join_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        paragraphs = [Paragraph(_piece(rng), rng.choice(["", "ListBullet"]), rng.random() < 0.2,
                                rng.random() < 0.6, rng.random() < 0.1) for _ in range(rng.randint(0, 12))]
        assert wordml._join_deleted_marks(paragraphs) == old_wordml._join_deleted_marks(paragraphs)


# Pasted report text -------------------------------------------------------------------------------

_PASTE_LINES = ["Priority concerns", "KEY CONCERNS:", "", "", "12", "Page 3", "3 of 40", "1.", "(2)",
                "Report on an unannounced inspection of HMP & YOI Stoke Heath 7", "• Staff", "- a list",
                "S45 Leaders", "1.12 Leaders", "the rest of it", "self-", "harm among prisoners.",
                "segrega-", "tion for long periods", "and more.", "Rehabili-", "tation", "x" * 80 + "-",
                "y" * 10, "Leaders had not done enough.", "Too many cells.", "in\u00ad", "side", "\r\n", "\t"]


def _paste(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(0, 60)):
        line = rng.choice(_PASTE_LINES) if rng.random() < 0.6 else _piece(rng)
        lines.append(f"{rng.randint(1, 30)}. {line}" if rng.random() < 0.15 else line)
    return rng.choice(["\n", "\r\n", "\n\n"]).join(lines)


def _fields(result: PasteResult | old_paste.PasteResult) -> object:
    """The result as plain values: the old and new results are different classes."""
    return dataclasses.asdict(result)


def _word_check(seed: int) -> WordCheck | None:
    words = {"selfharm", "rehabilitation", "segregation", "inside", "tiontion"}
    checks: list[WordCheck | None] = [None, lambda word: word.lower() in words,
                                      lambda word: len(word) % (seed % 5 + 2) == 0]
    return checks[seed % 3]


@pytest.mark.parametrize("seed", range(30))
def test_pasted_text_splits_into_the_same_concerns(seed: int) -> None:
    rng = random.Random(seed)
    is_word = _word_check(seed)
    for _ in range(40):
        text = _paste(rng)
        for category in Category:
            new = split_concerns(text, category, is_word=is_word)
            assert _fields(new) == _fields(old_paste.split_concerns(text, category, is_word=is_word)), text


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("one_concern", [False, True])
def test_generated_report_text_splits_as_before(seed: int, one_concern: bool) -> None:
    text = report_text(400, seed=seed, one_concern=one_concern)
    is_word = _word_check(seed)
    assert _fields(split_concerns(text, is_word=is_word)) == _fields(old_paste.split_concerns(text, is_word=is_word))


@pytest.mark.parametrize("seed", range(10))
def test_join_wrapped_joins_as_before(seed: int) -> None:
    rng = random.Random(seed)
    is_word = _word_check(seed)
    for _ in range(300):
        before = rng.choice(["", "a", "-"]) + _piece(rng) + rng.choice(["", "-", "x-", "x" * rng.randint(1, 200) + "-",
                                                                      "é" * 70 + "-", "_9-", "a-\n"])
        after = _piece(rng)
        got = join_wrapped(before, after, is_word)
        assert got == old_paste.join_wrapped(before, after, is_word), (before, after)


# The growing text the joins work on ---------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
def test_growing_text_answers_as_the_whole_string_would(seed: int) -> None:
    rng = random.Random(seed)
    start = rng.choice(["", "a", "- b", "x\n- ", "\n"])
    growing, plain = GrowingText(start), start
    for _ in range(300):
        step = rng.random()
        if step < 0.45:
            piece = rng.choice(["", "\n", "-", " ", "- ", "\n-", "\n- x", "a", "ab", ".", " .  "]) + _piece(rng)
            growing.append(piece)
            plain += piece
        elif step < 0.6 and plain:
            growing.drop_last_character()
            plain = plain[:-1]
        elif step < 0.75:
            mark, before = growing.mark(), plain
            for _ in range(rng.randint(0, 3)):
                piece = _piece(rng)
                growing.append(piece)
                plain += piece
            growing.rewrite_since(mark, str.upper)
            plain = before + plain[len(before):].upper()
        elif step < 0.8:
            assert str(growing) == plain
        size = rng.randint(0, 8)
        assert len(growing) == len(plain)
        assert bool(growing) == bool(plain)
        assert growing.tail(size) == (plain[-size:] if size else "")
        assert growing.endswith((".", "-")) == plain.endswith((".", "-"))
        assert growing.last_visible_character() == plain.rstrip()[-1:]
        assert growing.last_line_starts_with("- ") == plain.split("\n")[-1].startswith("- ")
        assert growing.last_line_starts_with("-") == plain.split("\n")[-1].startswith("-")
        assert growing.equals(plain)
        assert not growing.equals(plain + "x")
    assert str(growing) == plain
