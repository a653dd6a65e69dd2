"""Issue 16, items 3 and 5: damaged Word documents give the importer's own error with plain words
(never a zlib, zip or XML library's), and limits on what a document unpacks to, on its rows and
paragraphs, and on the length of the import report, keep memory and the report in bounds."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from actionplan.word_package import MAX_DOCUMENT_BYTES
from importers import safe_zip
from importers.docx_import import import_docx
from importers.errors import DamagedWordDocument, DocumentTooLarge, DocxImportError, UnsafeDocument
from tests import docx_damage
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.test_bad_input import small_plan_xml, word_document

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def whole(tmp_path: Path) -> bytes:
    return word_document(tmp_path / "whole.docx", small_plan_xml()).read_bytes()


def refused(path: Path, error: type[DocxImportError]) -> str:
    with pytest.raises(error) as raised:
        import_docx(path)
    message = raised.value.message
    assert f"“{path.name}”" in message
    assert "\n" not in message
    return message


# Item 3: damaged zips ---------------------------------------------------------------------------


def test_a_broken_download_with_a_whole_directory(tmp_path: Path, whole: bytes) -> None:
    path = tmp_path / "download.docx"
    path.write_bytes(docx_damage.damage_compressed_data(whole))
    message = refused(path, DamagedWordDocument)
    assert message == (
        "“download.docx” is damaged: part of it cannot be unpacked, perhaps because it did not download or copy "
        "completely. Ask for a fresh copy, or open it in Word and save it again, then import it again.")


@pytest.mark.parametrize("method", [9, 99])
def test_compression_word_never_uses(tmp_path: Path, whole: bytes, method: int) -> None:
    path = tmp_path / "deflate64.docx"
    path.write_bytes(docx_damage.set_compression(whole, method, "word/document.xml"))
    assert "packed by a program other than Word" in refused(path, DamagedWordDocument)


def test_a_lying_checksum(tmp_path: Path, whole: bytes) -> None:
    path = tmp_path / "crc.docx"
    path.write_bytes(docx_damage.set_sizes(whole, "word/document.xml", crc=12345))
    assert "is damaged" in refused(path, DamagedWordDocument)


def test_a_header_cutting_a_part_short(tmp_path: Path, whole: bytes) -> None:
    path = tmp_path / "short.docx"
    packed = docx_damage.entries(whole)["word/document.xml"].compress_size
    path.write_bytes(docx_damage.set_sizes(whole, "word/document.xml", packed=packed // 2))
    assert "is damaged" in refused(path, DamagedWordDocument)


# Item 5: memory ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("megabytes", "parts", "said"), [
    # Three 40 MB parts in a 7.5 MB file once took 2.4 GB and 22 seconds.
    (40, 3, "“huge.docx” would unpack to 120 MB, far more than an action plan, so it was not imported."),
    (20, 1, "“huge.docx” has more text than this application can read (20 MB in word/document.xml; the limit "
            "is 16 MB, and a plan of 10,000 actions has under 10 MB), so it was not imported."),
    (5, 2, "“huge.docx” has more text than this application can read (5 MB in word/numbering.xml; the limit "
           "is 4 MB, and Word writes far less there), so it was not imported."),
])
def test_parts_too_large_to_read_are_refused_before_they_are_unpacked(
    tmp_path: Path, megabytes: int, parts: int, said: str
) -> None:
    big = b"<w:p><w:r><w:t>" + b"x" * (megabytes * 1024**2) + b"</w:t></w:r></w:p>"
    xml = small_plan_xml().encode()
    if parts != 2:
        xml = xml.replace(b"<w:body>", b"<w:body>" + big, 1)
    extra = {"word/styles.xml": big, "word/numbering.xml": big} if parts > 1 else {}
    path = word_document(tmp_path / "huge.docx", xml, extra)
    assert path.stat().st_size < 1024**2
    tracemalloc.start()
    try:
        message = refused(path, DocumentTooLarge)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message.startswith(said)
    assert peak < 8 * 1024**2  # refused from the zip's directory, before anything is unpacked


def test_a_part_that_unpacks_to_more_than_its_header_says_is_refused(tmp_path: Path, whole: bytes) -> None:
    big = word_document(tmp_path / "big.docx", small_plan_xml().replace(
        "<w:body>", "<w:body><!--" + " " * (MAX_DOCUMENT_BYTES + 10) + "-->", 1)).read_bytes()
    path = tmp_path / "liar.docx"
    path.write_bytes(docx_damage.set_sizes(big, "word/document.xml", unpacked=1000))
    refused(path, DocxImportError)


@pytest.mark.parametrize(("element", "limit", "noun"), [
    ("<w:tr/>", safe_zip.MAX_TABLE_ROWS, "table rows"),
    ("<w:p/>", safe_zip.MAX_PARAGRAPHS, "paragraphs"),
])
def test_rows_and_paragraphs_have_a_limit(tmp_path: Path, element: str, limit: int, noun: str) -> None:
    many = "<w:tbl>" + element * (limit + 1) + "</w:tbl>" if element == "<w:tr/>" else element * (limit + 1)
    path = word_document(tmp_path / "many.docx", small_plan_xml().replace("<w:body>", "<w:body>" + many, 1))
    message = refused(path, DocumentTooLarge)
    assert f" {noun}, more than this application can import (the limit is {limit:,};" in message


def test_one_large_repetitive_cell_is_imported_not_called_a_bomb(tmp_path: Path) -> None:
    plan = fixtures.load_plan(fixtures.EXAMPLE_PLANS["east-sutton-park-2024"])
    plan.concerns[0].actions[0].text = "Check every cell every day. " * 80_000  # 2.2 MB, packs 1,000 to 1
    path = fixtures.build(plan, fixtures.Layout(), tmp_path / "long cell.docx")
    imported = import_docx(path).plan
    assert imported.concerns[0].actions[0].text.startswith("Check every cell every day.")


def test_the_text_report_groups_what_it_repeats(tmp_path: Path) -> None:
    # Every paragraph outside the table was once a line: a 2.7 MB document gave 1.2 million.
    loose = "".join(f"<w:p><w:r><w:t>Loose line {n}</w:t></w:r></w:p>" for n in range(3000))
    path = word_document(tmp_path / "loose.docx", small_plan_xml().replace("</w:body>", loose + "</w:body>", 1))
    report = import_docx(path).report
    lines = report.format().splitlines()
    assert len(lines) < 30
    assert any("2,995 more places like these, not listed here: Text outside the action plan table" in line
               for line in lines)
    assert "3,000 pieces of text not imported" in lines[0] or "3000 pieces" in lines[0]


# Words a person can act on ----------------------------------------------------------------------


def test_xml_nested_deeper_than_word_writes(tmp_path: Path) -> None:
    deep = "<w:sdt>" * 300 + "</w:sdt>" * 300
    path = word_document(tmp_path / "deep.docx", small_plan_xml().replace("<w:body>", "<w:body>" + deep, 1))
    message = refused(path, DamagedWordDocument)
    assert "XML_PARSE_HUGE" not in message
    assert message == (
        "“deep.docx” is built in a way Word never writes: its word/document.xml is nested too deeply or holds "
        "one piece of text too long to read, so it was not imported. If it came from Word, open it there and "
        "save it again, then import it again.")


def test_a_text_too_long_to_read(tmp_path: Path) -> None:
    text = "<w:p><w:r><w:t>" + "y" * 10_500_000 + "</w:t></w:r></w:p>"
    path = word_document(tmp_path / "long.docx", small_plan_xml().replace("<w:body>", "<w:body>" + text, 1))
    message = refused(path, DamagedWordDocument)
    assert "XML_PARSE_HUGE" not in message
    assert "holds one piece of text too long to read" in message


def test_entities_in_utf16_are_refused(tmp_path: Path) -> None:
    xml = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><d>&b;</d>')
    path = word_document(tmp_path / "utf16.docx", xml.encode("utf-16"))
    message = refused(path, UnsafeDocument)
    assert "contains XML declarations Word never writes (word/document.xml)" in message
