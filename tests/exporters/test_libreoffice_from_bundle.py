"""LibreOffice started from the standalone folder gets the user's environment, not the one
PyInstaller's start-up made for the folder's own libraries (which would have LibreOffice load
our copies of libraries instead of its own)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from exporters import libreoffice

FOLDER = Path("/opt/ActionPlanEditor")
INSIDE = FOLDER / "_internal"


@pytest.fixture
def in_the_standalone_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(INSIDE), raising=False)
    monkeypatch.setattr(sys, "executable", str(FOLDER / "ActionPlanEditor"))


def test_run_from_python_the_environment_is_passed_on_whole() -> None:
    environ = {"LD_LIBRARY_PATH": f"{INSIDE}", "PATH": "/usr/bin"}
    assert libreoffice.environment_for_libreoffice(environ) == environ


@pytest.mark.usefixtures("in_the_standalone_folder")
def test_the_folder_s_paths_are_taken_out_and_saved_values_put_back() -> None:
    environ = {
        "LD_LIBRARY_PATH": f"{INSIDE}", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib",
        "PATH": os.pathsep.join([f"{INSIDE}/enchant/data/mingw64/bin", "/usr/bin", "/bin"]),
        "QT_PLUGIN_PATH": f"{INSIDE}/PySide6/Qt/plugins",
        "HOME": "/home/officer", "LANG": "en_GB.UTF-8", "EMPTY": "",
    }
    assert libreoffice.environment_for_libreoffice(environ) == {
        "LD_LIBRARY_PATH": "/usr/local/lib", "PATH": os.pathsep.join(["/usr/bin", "/bin"]),
        "HOME": "/home/officer", "LANG": "en_GB.UTF-8", "EMPTY": "",
    }


@pytest.mark.usefixtures("in_the_standalone_folder")
def test_with_nothing_saved_only_the_folder_s_own_entries_go() -> None:
    environ = {"LD_LIBRARY_PATH": os.pathsep.join([str(INSIDE), "/home/officer/lib"]),
               "OTHER": f"{FOLDER}-old/lib", "RELATIVE": "_internal"}
    assert libreoffice.environment_for_libreoffice(environ) == {
        "LD_LIBRARY_PATH": "/home/officer/lib", "OTHER": f"{FOLDER}-old/lib", "RELATIVE": "_internal"}


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
@pytest.mark.usefixtures("in_the_standalone_folder")
def test_libreoffice_starts_without_the_folder_s_libraries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    seen = tmp_path / "environment.txt"
    # Writes what it was started with, then "converts" as LibreOffice would.
    fake.write_text(f'#!/bin/sh\nenv > "{seen}"\nfor last; do :; done\n'
                    'out="$(dirname "$last")/$(basename "$last" .docx).pdf"\necho "%PDF" > "$out"\n')
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    monkeypatch.setenv("LD_LIBRARY_PATH", str(INSIDE))
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/usr/local/lib")
    monkeypatch.setenv("PATH", os.pathsep.join([str(INSIDE / "bin"), os.environ["PATH"]]))
    (tmp_path / "plan.docx").write_bytes(b"x")
    assert libreoffice.convert(tmp_path / "plan.docx", ".pdf", tmp_path).is_file()
    started_with = dict(line.split("=", 1) for line in seen.read_text().splitlines() if "=" in line)
    assert started_with["LD_LIBRARY_PATH"] == "/usr/local/lib"
    assert "LD_LIBRARY_PATH_ORIG" not in started_with
    assert str(INSIDE) not in started_with["PATH"]
