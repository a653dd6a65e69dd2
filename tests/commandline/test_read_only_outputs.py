"""Issue 16, item 6: ``export -o`` and ``import -o`` never replace a file marked read-only, even
when run by an administrator, whom the system would let replace it."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.storage import save_plan
from commandline.commands import run
from tests.exporters.readback import plan_with_both_sections


def read_only_file(path: Path, text: str = "mine") -> Path:
    path.write_text(text)
    path.chmod(0o444)
    return path


def test_export_leaves_a_read_only_document_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan.actionplan"
    save_plan(plan_with_both_sections(), plan)
    out = read_only_file(tmp_path / "plan.docx")
    assert run(["export", str(plan), "-o", str(out)]) == 2
    assert capsys.readouterr().err == ("Error: “plan.docx” is read-only, so it has not been replaced. Choose "
                                       "another name, or make the file writable and export again.\n")
    assert out.read_text() == "mine"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_import_leaves_a_read_only_plan_as_it_was(
    tmp_path: Path, fixture_documents: dict, capsys: pytest.CaptureFixture[str]  # type: ignore[type-arg]
) -> None:
    source, _fixture = fixture_documents["stoke-heath-2026-stacked"]
    out = read_only_file(tmp_path / "out.actionplan")
    assert run(["import", str(source), "--replace", "-o", str(out)]) == 2
    assert capsys.readouterr().err.endswith(
        "Error: “out.actionplan” could not be saved because the file is read-only. Choose another output file "
        "with -o.\n")
    assert out.read_text() == "mine"
