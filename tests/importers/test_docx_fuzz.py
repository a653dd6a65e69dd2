"""Fuzzing the Word import (issue 16): .docx files damaged at the byte level, at the zip level
(directory whole, data broken; odd compression; encryption flags; lying sizes and checksums)
and at the XML level each give an imported plan or the importer's own error with a one-line
message naming the file, never another exception and never a hang."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from importers.docx_import import ImportResult, import_docx
from importers.errors import DocxImportError
from tests import docx_damage
from tests.importers.test_bad_input import small_plan_xml, word_document

pytestmark = pytest.mark.timeout(120)

Damage = Callable[[bytes, random.Random], bytes]
LEVELS: dict[str, tuple[Damage, int]] = {
    "bytes": (docx_damage.damage_bytes, 1000),
    "zip": (docx_damage.damage_zip, 400),
    "xml": (docx_damage.damage_xml, 400),
    "xml structure": (docx_damage.reshape_xml, 300),
}


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return word_document(tmp_path_factory.mktemp("whole") / "plan.docx", small_plan_xml()).read_bytes()


def import_or_explain(path: Path) -> str:
    """What became of the file: "imported" or "refused". Anything else fails the test."""
    try:
        result = import_docx(path)
    except DocxImportError as error:
        message = error.message
    else:
        message = ""
    if message:
        assert "\n" not in message
        assert path.name in message, message
        return "refused"
    assert isinstance(result, ImportResult)
    ids = [c.id for c in result.plan.concerns] + [a.id for c in result.plan.concerns for a in c.actions]
    assert len(ids) == len(set(ids))
    return "imported"


@pytest.mark.parametrize("level", LEVELS)
def test_damaged_documents_import_or_are_explained(tmp_path: Path, whole: bytes, level: str) -> None:
    damage, count = LEVELS[level]
    rng = random.Random(f"issue-16-{level}")
    outcomes = {"imported": 0, "refused": 0}
    path = tmp_path / "damaged.docx"
    for number in range(count):
        path.write_bytes(damage(whole, rng))
        try:
            outcomes[import_or_explain(path)] += 1
        except BaseException as failure:  # keep the file that broke it, to reproduce
            kept = tmp_path / f"failure-{level}-{number}.docx"
            kept.write_bytes(path.read_bytes())
            raise AssertionError(f"{kept} gave {failure!r}") from failure
    if level == "xml structure":
        assert outcomes["imported"] > count // 2, outcomes  # the damage gets past the checks, to the reader
    else:
        assert outcomes["refused"] > count // 3, outcomes  # the damage reaches the checks
