"""The en-GB dictionary shipped in resources/spelling: spelling works from it on any computer,
it comes before a dictionary the system has, and Enchant writes nothing into the application's
folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import resources
from actionplan.spelling import ENCHANT_FOLDER_VARIABLE, SpellChecker

ROOT = Path(__file__).resolve().parents[2]


def everything_in(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*"))}


def test_spelling_works_from_the_dictionary_shipped() -> None:
    folder = resources.folder_on_disk(resources.SPELLING_FOLDER)
    assert folder is not None
    assert (folder / "hunspell" / "en_GB.dic").stat().st_size > 1_000_000
    checker = SpellChecker()
    assert checker.available, checker.reason
    assert checker.is_known("organisation")
    assert not checker.is_known("color")


def test_the_shipped_dictionary_comes_before_the_system_s(tmp_path: Path) -> None:
    # A made-up "en_GB" that knows two words and not "colour", which every real one knows. In a
    # process of its own: Enchant keeps a dictionary it has opened for the life of the process.
    (tmp_path / "hunspell").mkdir()
    (tmp_path / "hunspell" / "en_GB.aff").write_text("SET UTF-8\n", encoding="utf-8")
    (tmp_path / "hunspell" / "en_GB.dic").write_text("2\nfrobnicate\nwidgetry\n", encoding="utf-8")
    (tmp_path / "en_GB.dic").touch()
    (tmp_path / "en_GB.exc").touch()
    script = (
        "import os, pathlib, resources\n"
        f"resources.folder_on_disk = lambda name: pathlib.Path({str(tmp_path)!r})\n"
        "from actionplan.spelling import SpellChecker\n"
        "checker = SpellChecker()\n"
        "print(checker.is_known('frobnicate'), checker.is_known('colour'), os.environ['ENCHANT_CONFIG_DIR'])\n"
    )
    environment = {**os.environ, ENCHANT_FOLDER_VARIABLE: "/somewhere/the/user/set"}
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True,
                            text=True, check=False)
    assert result.stdout.split() == ["True", "False", "/somewhere/the/user/set"], result.stderr


def test_enchant_writes_nothing_into_the_application_s_folder() -> None:
    folder = resources.folder_on_disk(resources.SPELLING_FOLDER)
    assert folder is not None
    before = everything_in(folder)
    checker = SpellChecker()
    assert checker.misspellings("The organisation will recieve it.")[0].word == "recieve"
    assert everything_in(folder) == before
    assert ENCHANT_FOLDER_VARIABLE not in os.environ
