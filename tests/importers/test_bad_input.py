"""Every kind of bad file gets one typed error with a clear message, quickly."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest

from importers import safe_zip
from importers.docx_import import import_docx
from importers.errors import (
    DamagedWordDocument,
    DocumentTooLarge,
    DocxImportError,
    FileUnreadable,
    NoActionPlanTable,
    NotAWordDocument,
    PasswordProtected,
    UnsafeDocument,
)
from tests.fixtures import build_docx_fixtures as fixtures

pytestmark = pytest.mark.timeout(20)

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def word_document(path: Path, document_xml: str | bytes, extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", fixtures.CONTENT_TYPES)
        archive.writestr("_rels/.rels", fixtures.PACKAGE_RELS)
        archive.writestr("word/document.xml", document_xml)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path


def small_plan_xml() -> str:
    plan = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    return fixtures.document_xml(plan, fixtures.Layout())


def assert_refused(path: Path, error: type[DocxImportError], *words: str) -> DocxImportError:
    with pytest.raises(error) as raised:
        import_docx(path)
    message = raised.value.message
    assert path.name in message or str(path) in message
    for word in words:
        assert word in message
    assert "\n" not in message
    return raised.value


def test_missing_file(tmp_path: Path) -> None:
    assert_refused(tmp_path / "nowhere.docx", FileUnreadable, "could not be found", "choose it again")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "plans.docx"
    folder.mkdir()
    assert_refused(folder, FileUnreadable, "folder")


@pytest.mark.parametrize("content", [b"", b"Action Plan: HMP Nowhere\n", b"\x89PNG\r\n\x1a\n" + bytes(100)])
def test_not_a_word_document(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(content)
    assert_refused(path, NotAWordDocument, "not a Word document (.docx)")


def test_old_word_document(tmp_path: Path) -> None:
    path = tmp_path / "plan.doc"
    path.write_bytes(OLE_SIGNATURE + bytes(4096) + "WordDocument".encode("utf-16-le"))
    assert_refused(path, NotAWordDocument, "older Word document (.doc)", "save it as .docx")


def test_password_protected(tmp_path: Path) -> None:
    # Word writes a protected .docx as an OLE compound file whose directory names an
    # "EncryptedPackage" stream (names are stored in UTF-16).
    path = tmp_path / "protected.docx"
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(64) + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(OLE_SIGNATURE + bytes(504) + directory + os.urandom(2048))
    assert_refused(path, PasswordProtected, "protected with a password", "remove the password")


def test_encrypted_zip_entries(tmp_path: Path) -> None:
    path = word_document(tmp_path / "zipcrypto.docx", small_plan_xml())
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit on every local and central header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (found := data.find(signature, start)) != -1:
            data[found + offset] |= 0x1
            start = found + 4
    path.write_bytes(bytes(data))
    assert_refused(path, PasswordProtected, "encrypted")


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.docx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(3000))
    assert_refused(path, DamagedWordDocument, "damaged")


def test_truncated_word_document(tmp_path: Path) -> None:
    whole = word_document(tmp_path / "whole.docx", small_plan_xml()).read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(whole[: len(whole) // 2])
    assert_refused(path, DamagedWordDocument, "damaged")


def test_zip_without_document_text(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a plan")
    assert_refused(path, NotAWordDocument, "no document text")


def test_invalid_xml(tmp_path: Path) -> None:
    path = word_document(tmp_path / "broken.docx", "<w:document><w:body><w:p>")
    assert_refused(path, DamagedWordDocument, "is damaged: part of it (word/document.xml) cannot be read",
                   "open it in Word and save it again, then import it again")


def test_zip_bomb_is_refused_by_what_it_unpacks_to(tmp_path: Path) -> None:
    path = word_document(tmp_path / "bomb.docx", small_plan_xml(), {"word/media/zeros.bin": bytes(120 * 1024**2)})
    assert path.stat().st_size < 1024**2
    error = assert_refused(path, DocumentTooLarge, "would unpack to 120 MB, far more than an action plan",
                           "so it was not imported. Check that this is the right document.")
    assert "zip bomb" not in error.message


def test_zip_bomb_by_entry_count(tmp_path: Path) -> None:
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", small_plan_xml())
        for number in range(safe_zip.MAX_ENTRIES + 1):
            archive.writestr(f"word/media/{number}.bin", b"")
    assert_refused(path, DocumentTooLarge, "holds 2002 files")


def test_zip_bomb_with_lying_header(tmp_path: Path) -> None:
    path = word_document(tmp_path / "liar.docx", small_plan_xml())
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        name = bytes(data[central + 46 : central + 46 + name_length])
        if name == b"word/document.xml":
            data[central + 24 : central + 28] = (3 * 1024**3).to_bytes(4, "little")  # claims 3 GB
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    assert_refused(path, DocumentTooLarge, "MB")


def test_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xml = small_plan_xml().replace(
        "<w:document",
        f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://{secret}">]><w:document',
        1,
    ).replace("HMP East Sutton Park", "&secret;", 1)
    assert_refused(word_document(tmp_path / "entity.docx", xml), UnsafeDocument, "declarations")


def test_billion_laughs(tmp_path: Path) -> None:
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    xml = small_plan_xml().replace("<w:document", f"<!DOCTYPE w:document [{entities}]><w:document", 1)
    assert_refused(word_document(tmp_path / "laughs.docx", xml), UnsafeDocument)


def test_entity_in_another_part(tmp_path: Path) -> None:
    styles = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x "y">]><w:styles xmlns:w="x"/>'
    path = word_document(tmp_path / "styles.docx", small_plan_xml(), {"word/styles.xml": styles})
    assert_refused(path, UnsafeDocument, "word/styles.xml")


def test_no_action_plan_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Minutes of the senior leadership meeting")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Item"
    table.cell(0, 1).text = "Decision"
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    assert_refused(path, NoActionPlanTable, "no action plan table", "Rec No")


def test_fifty_megabyte_document(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", small_plan_xml())
        archive.writestr("word/media/photo.bin", os.urandom(50 * 1024 * 1024))
    assert path.stat().st_size > 50 * 1024 * 1024
    assert_refused(path, DocumentTooLarge, "50 MB")


def test_large_photos_under_the_limit_still_import(tmp_path: Path) -> None:
    path = word_document(
        tmp_path / "photos.docx", small_plan_xml(), {"word/media/photo.bin": os.urandom(20 * 1024**2)}
    )
    assert len(import_docx(path).plan.concerns) == 5


def test_errors_leave_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.docx"
    content = b"PK\x03\x04" + bytes(range(256)) * 4
    path.write_bytes(content)
    with pytest.raises(DamagedWordDocument):
        import_docx(path)
    assert path.read_bytes() == content


def test_parse_xml_refuses_a_doctype_without_entities() -> None:
    with pytest.raises(UnsafeDocument):
        safe_zip.parse_xml(Path("x.docx"), b"<?xml version='1.0'?><!DOCTYPE a><a/>", "part")
    assert safe_zip.parse_xml(Path("x.docx"), io.BytesIO(b"<a>1</a>").read(), "part").text == "1"
