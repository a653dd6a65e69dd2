"""Where evidence is, and opening it: files inside the plan's folder are kept relative to it,
and a file that has gone is said plainly, with the item kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QUrl

from editor.progress.evidence_links import file_of, is_web_link, link_to_keep, open_evidence
from tests.editor.progress.progress_fakes import FakeOpener


@pytest.mark.parametrize(("typed", "kept"), [
    ("https://intranet.example.org/a?b=c", "https://intranet.example.org/a?b=c"),
    ("  www.gov.uk  ", "www.gov.uk"),
    ("mailto:safety@example.org", "mailto:safety@example.org"),
    ("", ""),
    ("evidence/minutes.pdf", "evidence/minutes.pdf"),
])
def test_links_kept_as_typed(typed: str, kept: str, tmp_path: Path) -> None:
    assert link_to_keep(typed, tmp_path) == kept


def test_a_file_inside_the_plans_folder_is_kept_relative_to_it(tmp_path: Path) -> None:
    inside = tmp_path / "evidence" / "March minutes.pdf"
    assert link_to_keep(str(inside), tmp_path) == "evidence/March minutes.pdf"
    assert link_to_keep(f'"{inside}"', tmp_path) == "evidence/March minutes.pdf"  # Windows' "Copy as path"
    assert link_to_keep(QUrl.fromLocalFile(str(inside)).toString(), tmp_path) == "evidence/March minutes.pdf"
    outside = tmp_path.parent / "elsewhere.pdf"
    assert link_to_keep(str(outside), tmp_path) == str(outside)
    assert link_to_keep(str(inside), None) == str(inside)  # an unsaved plan has no folder


def test_which_file_a_link_names(tmp_path: Path) -> None:
    assert file_of("evidence/a.pdf", tmp_path) == tmp_path / "evidence" / "a.pdf"
    assert file_of(str(tmp_path / "b.pdf"), None) == tmp_path / "b.pdf"
    assert file_of("a.pdf", None) is None
    assert is_web_link("HTTPS://EXAMPLE.ORG")
    assert not is_web_link("evidence/http.pdf")


def test_opening_a_file_a_link_and_what_cannot_be_opened(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    opener = FakeOpener()
    assert open_evidence("a.pdf", tmp_path, opener).problem is None
    assert open_evidence("https://example.org/x", tmp_path, opener).problem is None
    assert [url.toString() for url in opener.opened] == [QUrl.fromLocalFile(str(tmp_path / "a.pdf")).toString(),
                                                         "https://example.org/x"]
    gone = open_evidence("b.pdf", tmp_path, opener)
    assert gone.title == "File not found"
    assert f"cannot be found at {tmp_path / 'b.pdf'}" in (gone.problem or "")
    assert len(opener.opened) == 2  # nothing is opened for a file that is not there
    assert "has not been saved yet" in (open_evidence("a.pdf", None, opener).problem or "")
    assert "no link or file" in (open_evidence("  ", tmp_path, opener).problem or "")
    refused = FakeOpener(works=False)
    assert "could not be opened" in (open_evidence("a.pdf", tmp_path, refused).problem or "")
    assert "web browser" in (open_evidence("www.example.org", tmp_path, refused).problem or "")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_typed_link_is_kept_without_error(typed: str) -> None:
    kept = link_to_keep(typed, Path("/plans/ashvale"))
    assert kept == kept.strip(" \t\r\n\"")
    assert "\n" not in kept or "\n" in typed


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\:\x00\"<>|?*"),
                        min_size=1, max_size=12).filter(lambda part: part.strip(" .") == part and part not in {".", ".."}),
                min_size=1, max_size=3))
def test_a_file_in_the_plans_folder_comes_back_to_the_same_file(tmp_path_factory: pytest.TempPathFactory,
                                                               parts: list[str]) -> None:
    folder = tmp_path_factory.getbasetemp() / "plans"
    chosen = folder.joinpath(*parts)
    kept = link_to_keep(str(chosen), folder)
    assert not Path(kept).is_absolute()
    assert file_of(kept, folder) == chosen


@pytest.mark.parametrize("name", ["run.exe", "tidy.BAT", "setup.msi", "script.ps1", "open.lnk", "x.vbs",
                                  "page.hta", "start.sh", "app.desktop"])
def test_a_program_named_as_evidence_is_never_run(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"MZ")
    opener = FakeOpener()
    refused = open_evidence(name, tmp_path, opener)
    assert opener.opened == []
    assert refused.title == "Not opened"
    assert (refused.problem or "").startswith(f"“{name}” is a program or script, not a document, so it is not "
                                              "opened from a plan: opening it would run it.")
    far = open_evidence(str(tmp_path / name), None, opener)  # a whole path, outside the plan's folder
    assert opener.opened == []
    assert far.title == "Not opened"
