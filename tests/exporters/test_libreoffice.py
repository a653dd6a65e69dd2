"""PDF and ODT through LibreOffice: the third way every export is read back."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from actionplan.model import Action
from exporters import libreoffice
from exporters.errors import LibreOfficeError
from exporters.export import export_plan
from exporters.options import ExportOptions, Layout
from tests.exporters.readback import need_libreoffice, plan_with_both_sections, recommendations_plan

pytestmark = pytest.mark.libreoffice


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("layout", list(Layout))
def test_both_layouts_convert_to_a_tagged_pdf_holding_every_action(tmp_path: Path, layout: Layout) -> None:
    need_libreoffice()
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0] = Action(text="Emoji 🙂 & <angle> brackets", owner="Governor", target="Completed")
    out = export_plan(plan, tmp_path / "plan.pdf", ExportOptions(layout=layout))
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/StructTreeRoot" in data  # tagged, so screen readers get headings and tables
    assert b"pdfuaid" in data  # declares PDF/UA
    assert b"/Lang(en-GB)" in data.replace(b" ", b"")
    text = " ".join(pdf_text(out).split())
    for _, action in plan.all_actions():
        assert " ".join(action.text.split()[:3]) in text
        assert action.target.format() in text
    assert "Action Plan: HMP & YOI Stoke Heath" in text
    assert "& <angle> brackets" in text
    assert "Page 1 of" in text
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_recommendations_plan_converts_to_pdf(tmp_path: Path) -> None:
    need_libreoffice()
    out = export_plan(recommendations_plan(), tmp_path / "old.pdf")
    text = " ".join(pdf_text(out).split())
    assert "Partly Agreed" in text
    assert "Recommendation S45 (continued)" in text


def test_odt_export_is_an_opendocument_text_file(tmp_path: Path) -> None:
    need_libreoffice()
    out = export_plan(plan_with_both_sections(), tmp_path / "plan.odt")
    with zipfile.ZipFile(out) as package:
        assert package.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = package.read("content.xml").decode()
    assert "Too often, visits started late." in content


def test_without_libreoffice_the_message_explains_how_to_make_a_pdf_in_word(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert libreoffice.find_soffice() is None
    with pytest.raises(LibreOfficeError) as raised:
        export_plan(plan_with_both_sections(), tmp_path / "plan.pdf")
    assert "not installed" in raised.value.message
    assert "Save As" in raised.value.message
    assert not (tmp_path / "plan.pdf").exists()


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
def test_a_hung_libreoffice_is_stopped_and_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"x")
    with pytest.raises(LibreOfficeError) as raised:
        libreoffice.convert(docx, ".pdf", tmp_path, timeout=0.5)
    assert "took longer than" in raised.value.message


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
def test_a_failing_libreoffice_is_reported_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    with pytest.raises(LibreOfficeError) as raised:
        export_plan(plan_with_both_sections(), tmp_path / "plan.odt")
    assert "source file could not be loaded" in raised.value.message
    assert "\n" not in raised.value.message


def test_soffice_is_looked_for_in_the_usual_install_folders(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ACTIONPLAN_SOFFICE", raising=False)
    monkeypatch.setenv("PROGRAMFILES", r"C:\Program Files")
    places = [str(path) for path in libreoffice._candidates()]
    assert any(p.endswith("soffice.exe") and "LibreOffice" in p for p in places)
    assert "/usr/lib/libreoffice/program/soffice" in places


def test_the_time_limit_grows_with_the_document() -> None:
    small, large = libreoffice.time_limit(50), libreoffice.time_limit(10_000)
    assert small >= 90
    assert large > 10 * 45  # the 2,000-action plan took 45 s; five times as many rows get far more room
    assert libreoffice.describe_seconds(90) == "90 seconds"
    assert libreoffice.describe_seconds(1090) == "18 minutes"


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
def test_running_out_of_time_says_the_word_export_is_still_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    monkeypatch.setattr(libreoffice, "BASE_SECONDS", 0.3)
    monkeypatch.setattr(libreoffice, "SECONDS_PER_ROW", 0.0)
    with pytest.raises(LibreOfficeError) as raised:
        export_plan(plan_with_both_sections(), tmp_path / "plan.pdf")
    assert "Word (.docx)" in raised.value.message
    assert "Nothing was written" in raised.value.message
    assert not (tmp_path / "plan.pdf").exists()


@pytest.mark.skipif(os.name == "nt", reason="uses a shell script as a stand-in for LibreOffice")
def test_cancelling_stops_libreoffice_at_once_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    from actionplan.work import Cancelled, Work

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"x")
    work = Work()
    threading.Timer(0.3, work.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        libreoffice.convert(docx, ".pdf", tmp_path / "out", timeout=60, work=work)
    assert time.monotonic() - started < 5
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_libreoffice_that_says_a_great_deal_is_quoted_briefly_with_what_to_do(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice"
    # Twenty megabytes of output, with terminal escape codes in it, then failure.
    fake.write_text("#!/bin/sh\nprintf 'javaldx: \\033[31mfailed\\033]0;x\\007 ' >&2\n"
                    "head -c 20000000 /dev/zero | tr '\\0' 'x'\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("ACTIONPLAN_SOFFICE", str(fake))
    with pytest.raises(LibreOfficeError) as raised:
        export_plan(plan_with_both_sections(), tmp_path / "plan.pdf")
    message = raised.value.message
    assert message.startswith("LibreOffice could not make the PDF, so nothing was written. The Word document, "
                              "which is the one HMPPS publishes, can still be exported: choose Word (.docx).")
    assert "LibreOffice said: “javaldx: [31mfailed ]0;x xxx" in message
    assert len(message) < len(libreoffice.WORD_PDF_HELP) + 500
    assert message.isprintable()
    assert not (tmp_path / "plan.pdf").exists()
