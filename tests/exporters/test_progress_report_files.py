"""Writing a progress report that cannot be written: a clear message, and nothing half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from exporters import files
from exporters.errors import ExportError
from exporters.progress_export import export_progress_report
from exporters.progress_rows import ProgressOptions
from tests.exporters.progress_plans import AS_OF, plan_with_progress

SUFFIXES = (".docx", ".xlsx", ".csv")


def export(path: Path) -> str:
    with pytest.raises(ExportError) as raised:
        export_progress_report(plan_with_progress(), path, ProgressOptions(AS_OF))
    return raised.value.message


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_folder_that_does_not_exist(tmp_path: Path, suffix: str) -> None:
    message = export(tmp_path / "gone" / f"progress{suffix}")
    assert message == f"The folder “{tmp_path / 'gone'}” does not exist. Choose another folder."
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_folder_that_cannot_be_written_to(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refused)
    assert "You cannot save files in the folder" in export(tmp_path / f"progress{suffix}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_read_only_or_open_report_is_left_whole(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"progress{suffix}"
    path.write_bytes(b"last month's report")
    path.chmod(0o444)

    def refused(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # a read-only file, or one open in Excel

    monkeypatch.setattr(files.os, "replace", refused)
    message = export(path)
    assert message.startswith(f"“progress{suffix}” could not be replaced.")
    assert "read-only" in message
    assert path.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root and Windows ignore folder permissions")
def test_a_really_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert "You cannot save files in the folder" in export(folder / "progress.docx")
    finally:
        folder.chmod(0o700)


def test_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    assert "not enough space" in export(tmp_path / "progress.xlsx")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["progress.pdf", "progress", "progress.docx.bak"])
def test_a_name_that_does_not_say_the_format(tmp_path: Path, name: str) -> None:
    assert export(tmp_path / name) == f"“{name}” must end in .docx, .xlsx or .csv, so the format is clear."
    assert list(tmp_path.iterdir()) == []


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "progress.csv").mkdir()
    assert "is a folder" in export(tmp_path / "progress.csv")


def test_an_upper_case_suffix_is_understood(tmp_path: Path) -> None:
    path = export_progress_report(plan_with_progress(), tmp_path / "PROGRESS.XLSX", ProgressOptions(AS_OF))
    assert path.read_bytes().startswith(b"PK")
