"""Exported files on a shared drive: colleagues can open them (the permissions any new file gets,
as saved plans have), a file marked read-only is left alone, and long but legal names export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from actionplan import safe_writing, storage
from exporters.errors import ExportError
from exporters.export import export_plan
from exporters.options import ExportOptions
from tests.exporters.readback import need_libreoffice, plan_with_both_sections

pytestmark = pytest.mark.skipif(os.name == "nt", reason="permission bits are a POSIX matter")


def mode_of(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_an_export_gets_the_same_permissions_as_a_saved_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = plan_with_both_sections()
    storage.save_plan(plan, tmp_path / "plan.actionplan")
    export_plan(plan, tmp_path / "plan.docx")
    assert mode_of(tmp_path / "plan.docx") == mode_of(tmp_path / "plan.actionplan") == 0o666 & ~safe_writing._UMASK
    monkeypatch.setattr(safe_writing, "_UMASK", 0o027)  # a team that keeps files from other teams
    export_plan(plan, tmp_path / "team.docx")
    assert mode_of(tmp_path / "team.docx") == 0o640


def test_an_export_over_an_earlier_one_keeps_its_permissions(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"earlier")
    out.chmod(0o660)
    export_plan(plan_with_both_sections(), out)
    assert mode_of(out) == 0o660
    assert out.read_bytes().startswith(b"PK")


def test_a_read_only_export_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "plan.docx"
    out.write_bytes(b"published")
    out.chmod(0o444)
    with pytest.raises(ExportError) as raised:
        export_plan(plan_with_both_sections(), out)
    assert raised.value.message == ("“plan.docx” is read-only, so it has not been replaced. Choose another name, "
                                    "or make the file writable and export again.")
    assert out.read_bytes() == b"published"


@pytest.mark.parametrize("length", [242, 255])
def test_a_long_legal_name_exports_again_and_again(tmp_path: Path, length: int) -> None:
    name = "x" * (length - len(".docx")) + ".docx"
    for _ in range(2):
        export_plan(plan_with_both_sections(), tmp_path / name)
    assert (tmp_path / name).read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.libreoffice
def test_an_odt_through_libreoffice_gets_the_usual_permissions_too(tmp_path: Path) -> None:
    need_libreoffice()
    name = "x" * (255 - len(".odt")) + ".odt"
    out = export_plan(plan_with_both_sections(), tmp_path / name, ExportOptions(draft=True))
    assert mode_of(out) == 0o666 & ~safe_writing._UMASK
