"""Writing a progress report that cannot be written: a clear message, and nothing half-written."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from actionplan import safe_writing
from actionplan.model import Action, Concern, Plan
from actionplan.work import Cancelled, Work
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

    monkeypatch.setattr(safe_writing.tempfile, "mkstemp", refused)
    assert "You cannot save files in the folder" in export(tmp_path / f"progress{suffix}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name == "nt", reason="permission bits are a POSIX matter")
@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_read_only_report_is_left_whole(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"progress{suffix}"
    path.write_bytes(b"last month's report")
    path.chmod(0o444)
    assert export(path) == (f"“progress{suffix}” is read-only, so it has not been replaced. Choose another name, or "
                            "make the file writable and export again.")
    assert path.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_a_report_open_in_another_program_is_left_whole(tmp_path: Path, suffix: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / f"progress{suffix}"
    path.write_bytes(b"last month's report")

    def refused(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # what Windows says while Excel has it open

    monkeypatch.setattr(files.os, "replace", refused)
    message = export(path)
    assert message.startswith(f"“progress{suffix}” could not be replaced. It may be open in Word or another program")
    assert path.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left behind


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_cancelling_writes_nothing(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"progress{suffix}"
    path.write_bytes(b"last month's report")
    heard: list[str] = []
    work = Work(on_progress=lambda _fraction, doing: heard.append(doing))
    work.cancel()
    with pytest.raises(Cancelled):
        export_progress_report(plan_with_progress(), path, ProgressOptions(AS_OF), work)
    assert path.read_bytes() == b"last month's report"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize(("suffix", "doing"), [(".docx", "Writing the Word document"),
                                               (".xlsx", "Writing the Excel workbook"),
                                               (".csv", "Writing the CSV")])
def test_progress_is_told_as_the_report_is_written(tmp_path: Path, suffix: str, doing: str) -> None:
    heard: list[tuple[float, str]] = []
    work = Work(on_progress=lambda fraction, words: heard.append((fraction, words)))
    export_progress_report(plan_with_progress(), tmp_path / f"progress{suffix}", ProgressOptions(AS_OF), work)
    assert heard[0] == (0.0, doing)
    assert heard[-1] == (0.95, f"Saving “progress{suffix}”")
    assert [fraction for fraction, _ in heard] == sorted(fraction for fraction, _ in heard)


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


@pytest.mark.parametrize("suffix", [".docx", ".xlsx"])
def test_cancel_is_heard_part_way_through_a_large_report(tmp_path: Path, suffix: str) -> None:
    plan = Plan(concerns=[Concern(text=f"Concern {number}.", actions=[
        Action(text=f"Action {number}.{step}.", owner="Governor", target="December 2026") for step in range(5)])
        for number in range(120)])
    heard: list[float] = []

    def listen(fraction: float, _doing: str) -> None:
        heard.append(fraction)
        if 0.1 < fraction < 0.8:
            work.cancel()  # as if Cancel were pressed while the rows are being written

    work = Work(on_progress=listen)
    with pytest.raises(Cancelled):
        export_progress_report(plan, tmp_path / f"progress{suffix}", ProgressOptions(AS_OF), work)
    assert any(0.1 < fraction < 0.8 for fraction in heard)
    assert list(tmp_path.iterdir()) == []
