"""``main.py export``: exit codes 0, 1 and 2, with the reason on one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest

from actionplan.storage import save_plan
from commandline.commands import run
from tests.exporters.readback import need_libreoffice, plan_with_both_sections

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.actionplan"
    save_plan(plan_with_both_sections(), path)
    return path


@pytest.fixture
def plan_with_errors(tmp_path: Path) -> Path:
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0].owner = ""
    path = tmp_path / "errors.actionplan"
    save_plan(plan, path)
    return path


def one_line_error(captured: pytest.CaptureFixture[str]) -> str:
    err = captured.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("Error: ")
    return err


def test_a_clean_plan_exports_and_exits_0(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    assert run(["export", str(plan_file), "-o", str(out)]) == 0
    assert f"Exported {out}." in capsys.readouterr().out
    assert len(docx.Document(str(out)).tables) == 2


def test_layout_and_merge_options_reach_the_document(plan_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    assert run(["export", str(plan_file), "-o", str(out), "--layout", "classic", "--merge-concern-cells"]) == 0
    document = docx.Document(str(out))
    assert len(document.tables) == 1
    assert 'w:vMerge w:val="restart"' in document.tables[0]._tbl.xml


def test_a_plan_with_errors_exits_1_without_writing(
    plan_with_errors: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.docx"
    assert run(["export", str(plan_with_errors), "-o", str(out)]) == 1
    err = one_line_error(capsys)
    assert "1 error" in err
    assert "--allow-errors" in err
    assert not out.exists()


def test_allow_errors_exports_a_draft(plan_with_errors: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.docx"
    assert run(["export", str(plan_with_errors), "-o", str(out), "--allow-errors"]) == 0
    assert "as a DRAFT" in capsys.readouterr().out
    assert docx.Document(str(out)).sections[0].header.paragraphs[0].text.startswith("DRAFT")


@pytest.mark.parametrize(
    ("plan_name", "output", "reason"),
    [
        ("missing.actionplan", "out.docx", "could not be found"),
        ("plan.actionplan", "no-such-folder/out.docx", "does not exist"),
        ("plan.actionplan", "out.txt", "must end in .docx, .pdf or .odt"),
    ],
)
def test_unreadable_plans_and_unwritable_outputs_exit_2(
    plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], plan_name: str, output: str, reason: str
) -> None:
    assert run(["export", str(tmp_path / plan_name), "-o", str(tmp_path / output)]) == 2
    assert reason in one_line_error(capsys)


def test_a_bad_template_exits_2(plan_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "brand.docx"
    template.write_text("not a zip")
    assert run(["export", str(plan_file), "-o", str(tmp_path / "out.docx"), "--template", str(template)]) == 2
    assert "not a Word document" in one_line_error(capsys)


def test_pdf_from_the_command_line(plan_file: Path, tmp_path: Path) -> None:
    need_libreoffice()
    result = subprocess.run([sys.executable, "main.py", "export", str(plan_file), "-o", str(tmp_path / "out.pdf")],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
