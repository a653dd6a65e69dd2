"""Files that are not usable returned forms: each gets a clear message naming the file, quickly,
and reading never raises."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from actionplan.update_forms import DETAILS_SHEET
from exporters.update_forms import send_update_forms
from importers import workbook_checks
from importers.update_forms import read_returned_form
from tests.other_user import as_nobody, can_switch_users
from tests.update_form_helpers import SENT_ON, realistic_plan

pytestmark = pytest.mark.timeout(30)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(scope="module")
def good_form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sent")
    result = send_update_forms(realistic_plan(), folder, sent_on=SENT_ON, plan_file="ashvale.actionplan")
    return result.forms[0].path


def rewritten(source: Path, target: Path, change: dict[str, bytes], drop: tuple[str, ...] = ()) -> Path:
    with zipfile.ZipFile(source) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist() if info.filename not in drop}
    parts.update(change)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return target


def problem_of(path: Path) -> str:
    form = read_returned_form(path)
    assert form.rows == ()
    assert form.problem
    assert f"“{path.name}”" in form.problem
    return form.problem


def test_a_good_form_has_no_problem(good_form: Path) -> None:
    form = read_returned_form(good_form)
    assert form.problem == ""
    assert form.identity is not None
    assert form.rows


def test_an_old_xls_workbook(tmp_path: Path) -> None:
    path = tmp_path / "Progress update - Priya.xls"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 4000 + "Workbook".encode("utf-16-le"))
    assert "old Excel 97–2003 format (.xls)" in problem_of(path)
    assert "Save As" in problem_of(path)


def test_a_password_protected_workbook(tmp_path: Path) -> None:
    path = tmp_path / "Progress update - Priya.xlsx"
    path.write_bytes(OLE_SIGNATURE + b"\0" * 512 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    assert "protected with a password" in problem_of(path)


@pytest.mark.parametrize("name", ["form.csv", "form.xlsx"])
def test_a_form_saved_as_csv(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Action id (do not change),Rec No,Concern\n0123456789abcdef,1,Drugs\nfedcba9876543210,2,Visits\n",
                    encoding="cp1252")
    assert "saved as a CSV file" in problem_of(path)


@pytest.mark.parametrize("content", [b"", b"hello", b"%PDF-1.7\n" + bytes(range(256)), b"Dear Sam,\nHere it is.\n"])
def test_a_file_that_is_not_a_workbook(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "form.xlsx"
    path.write_bytes(content)
    assert "is not an Excel workbook" in problem_of(path)


def test_a_word_document_and_an_opendocument_spreadsheet(tmp_path: Path) -> None:
    docx = tmp_path / "form.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "is a Word document" in problem_of(docx)
    ods = tmp_path / "form.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    assert "OpenDocument spreadsheet (.ods)" in problem_of(ods)


def test_a_damaged_zip(tmp_path: Path, good_form: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_bytes(good_form.read_bytes()[: 3000])
    assert "damaged" in problem_of(path)


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, good_form: Path) -> None:
    path = rewritten(good_form, tmp_path / "bomb.xlsx", {"xl/worksheets/sheet9.xml": b"\0" * (8 * 1024 * 1024)})
    assert "zip bomb" in problem_of(path)


def test_a_very_large_file_is_refused_by_its_size(tmp_path: Path, good_form: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook_checks, "MAX_FILE_BYTES", 1000)
    assert "files over 0 MB are not read" in problem_of(good_form)


def test_too_many_parts(tmp_path: Path, good_form: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook_checks, "MAX_ENTRIES", 5)
    assert "holds" in problem_of(good_form)


ENTITIES = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>')
EXTERNAL = (b'<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
            b'<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')


@pytest.mark.parametrize(("part", "content"), [
    ("xl/sharedStrings.xml", ENTITIES),
    ("xl/worksheets/sheet2.xml", EXTERNAL),
    ("docProps/custom.xml", b'<!doctype x SYSTEM "http://evil.example/x.dtd"><Properties/>'),
    ("xl/worksheets/sheet2.xml", "<?xml version='1.0' encoding='UTF-16'?><worksheet/>".encode("utf-16")),
])
def test_xml_that_declares_entities_is_never_parsed(tmp_path: Path, good_form: Path, part: str, content: bytes) -> None:
    path = rewritten(good_form, tmp_path / "hostile.xlsx", {part: content})
    problem = problem_of(path)
    assert "XML that Excel never writes" in problem
    assert part in problem


def test_a_declaration_split_across_reading_chunks_is_still_found(tmp_path: Path, good_form: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workbook_checks, "_CHUNK", 64)
    padding = b" " * 61
    path = rewritten(good_form, tmp_path / "hostile.xlsx", {"xl/worksheets/sheet2.xml": padding + EXTERNAL[21:]})
    assert "XML that Excel never writes" in problem_of(path)


def test_a_workbook_that_is_not_a_form(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "budget.xlsx"
    workbook = Workbook()
    workbook.active.append(["Cost centre", "Budget", "Spent"])
    workbook.save(path)
    form = read_returned_form(path)
    assert "has no sheet with the form’s columns" in form.problem


def test_a_workbook_without_the_forms_details_says_so_later(tmp_path: Path, good_form: Path) -> None:
    path = tmp_path / "copied.xlsx"
    workbook = load_workbook(good_form)
    del workbook[DETAILS_SHEET]
    workbook.custom_doc_props.props = []
    workbook.save(path)
    form = read_returned_form(path)
    assert form.identity is None
    assert form.rows  # the rows are read; the plan's proposal refuses the form (see test_returned_forms)


def test_the_hidden_details_sheet_deleted_falls_back_to_the_workbooks_properties(tmp_path: Path,
                                                                                 good_form: Path) -> None:
    path = tmp_path / "no-sheet.xlsx"
    workbook = load_workbook(good_form)
    del workbook[DETAILS_SHEET]
    workbook.save(path)
    assert read_returned_form(path).identity == read_returned_form(good_form).identity


def test_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    assert "is a folder" in problem_of(tmp_path)
    assert "could not be found" in problem_of(tmp_path / "gone.xlsx")


@pytest.mark.skipif(os.name == "nt", reason="Windows marks files read-only, not unreadable")
def test_a_file_that_cannot_be_opened(good_form: Path) -> None:
    # A colleague's file that only its owner may read: a root test run reads as "nobody", since
    # root reads any file (see tests/other_user.py).
    with tempfile.TemporaryDirectory(prefix="shared-drive-") as made:
        Path(made).chmod(0o755)
        path = Path(made) / "locked.xlsx"
        path.write_bytes(good_form.read_bytes())
        path.chmod(0)
        message = as_nobody(lambda: problem_of(path))[1] if can_switch_users() else problem_of(path)
    assert "permission" in message


def test_a_workbook_damaged_inside_says_what_to_do_in_plain_words(tmp_path: Path, good_form: Path) -> None:
    with zipfile.ZipFile(good_form) as archive:
        custom = archive.read("docProps/custom.xml")
    damaged = rewritten(good_form, tmp_path / "damaged.xlsx", {"docProps/custom.xml": custom[:200] + b"\x00\xff"})
    assert problem_of(damaged) == ("“damaged.xlsx” could not be read: it looks like an Excel workbook but is damaged, "
                                   "or was made by a program other than Excel. Ask for it to be saved in Excel and "
                                   "sent again.")
