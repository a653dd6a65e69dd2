"""Writing the output safely, the template builder, and an organisation's own template."""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from actionplan import safe_writing
from exporters import files
from exporters.docx_export import export_docx, our_template
from exporters.errors import ExportError, TemplateError
from exporters.options import ExportOptions
from exporters.plan_layout import format_date_range
from exporters.selfcheck import check_docx
from tests.exporters.readback import SCHEMA_CHECK, all_parts, plan_with_both_sections
from tests.other_user import as_nobody, can_switch_users
from tools import build_template

ROOT = Path(__file__).resolve().parents[2]


# Writing the output ---------------------------------------------------------------------------


def test_a_file_open_in_word_is_reported_and_left_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"the earlier export")

    def locked(source: object, target: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")  # what Windows says while Word has it open

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(ExportError) as raised:
        export_docx(plan_with_both_sections(), path)
    assert "open in Word" in raised.value.message
    assert path.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]  # no temporary file left behind


def test_a_sharing_violation_says_the_file_is_open_in_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.docx"
    path.write_bytes(b"the earlier export")

    def locked(source: object, target: object) -> None:
        error = PermissionError(errno.EACCES, "The process cannot access the file", str(target))
        error.winerror = 32  # type: ignore[attr-defined]  # Windows: ERROR_SHARING_VIOLATION
        raise error

    monkeypatch.setattr(files.os, "replace", locked)
    with pytest.raises(ExportError) as raised:
        export_docx(plan_with_both_sections(), path)
    assert raised.value.message == (
        "“plan.docx” could not be replaced because it is open in another program, such as Word. "
        "Close it there and export again, or choose another name."
    )
    assert path.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.docx"]


def test_an_export_tidies_temporary_files_an_earlier_killed_export_left(tmp_path: Path) -> None:
    stale, fresh, other = (tmp_path / ".plan.docx.k2j_8xq0.tmp", tmp_path / ".plan.docx.fresh123.tmp",
                           tmp_path / ".other.docx.k2j_8xq0.tmp")
    for leftover in (stale, fresh, other):
        leftover.write_bytes(b"PK half a zip")
    an_hour_ago = time.time() - 3600
    for old in (stale, other):
        os.utime(old, (an_hour_ago, an_hour_ago))
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "plan.docx"])


def test_a_full_disk_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", full)
    with pytest.raises(ExportError) as raised:
        export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    assert "not enough space" in raised.value.message
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(safe_writing.tempfile, "mkstemp", refused)
    with pytest.raises(ExportError) as raised:
        export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    assert "You cannot save files in the folder" in raised.value.message


@pytest.mark.skipif(os.name == "nt", reason="Windows marks files read-only, not folders (tested above)")
def test_a_really_read_only_folder_is_reported() -> None:
    # Outside pytest's own temporary folder, which only its owner may enter: a colleague can open
    # this folder and read it, but not write in it. A root test run exports as "nobody", since
    # root may write anywhere.
    with tempfile.TemporaryDirectory(prefix="shared-drive-") as made:
        Path(made).chmod(0o755)
        folder = Path(made) / "read-only"
        folder.mkdir()
        folder.chmod(0o555)
        try:
            def export() -> None:
                export_docx(plan_with_both_sections(), folder / "plan.docx")

            if can_switch_users():
                kind, raised = as_nobody(export)
            else:
                with pytest.raises(ExportError) as caught:
                    export()
                kind, raised = "raised", caught.value
            assert list(folder.iterdir()) == []
        finally:
            folder.chmod(0o755)
    assert kind == "raised", raised
    assert isinstance(raised, ExportError)
    assert "You cannot save files in the folder" in raised.message


def test_a_folder_is_not_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "plan.docx").mkdir()
    with pytest.raises(ExportError) as raised:
        export_docx(plan_with_both_sections(), tmp_path / "plan.docx")
    assert "is a folder" in raised.value.message


# Dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (dt.date(2026, 2, 23), dt.date(2026, 3, 5), "23 February to 5 March 2026"),
        (dt.date(2020, 3, 2), dt.date(2020, 3, 6), "2 to 6 March 2020"),
        (dt.date(2025, 12, 29), dt.date(2026, 1, 9), "29 December 2025 to 9 January 2026"),
        (dt.date(2026, 3, 5), dt.date(2026, 3, 5), "5 March 2026"),
        (dt.date(2026, 3, 5), None, "5 March 2026"),
        (None, None, "not set"),
    ],
)
def test_inspection_dates_are_written_in_govuk_style(start: dt.date | None, end: dt.date | None, words: str) -> None:
    assert format_date_range(start, end) == words


# The template ---------------------------------------------------------------------------------


def test_the_shipped_template_is_what_its_script_builds(tmp_path: Path) -> None:
    shipped = all_parts(our_template())  # read as every export reads it, from the package
    rebuilt = all_parts(build_template.build(tmp_path / "template.docx"))
    assert set(shipped) == set(rebuilt)
    for name in shipped:
        if name != "docProps/core.xml":  # holds the build time
            assert shipped[name] == rebuilt[name], name
    assert our_template() == (ROOT / "resources" / "template.docx").read_bytes()


def test_the_template_has_the_govuk_basics() -> None:
    document = docx.Document(io.BytesIO(our_template()))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (297, 210)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f".//{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == "Arial"
    assert defaults.find(f".//{qn('w:sz')}").get(qn("w:val")) == "24"
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    names = {style.name for style in document.styles}
    assert {"Heading 1", "Heading 2", "List Bullet", "Action plan table"} <= names
    for style in document.styles:
        size = getattr(getattr(style, "font", None), "size", None)
        assert size is None or size >= Pt(12), style.name
    for name, data in all_parts(our_template()).items():
        assert b"python-docx" not in data.lower(), name
        assert b"2013" not in data, name


def test_the_template_is_valid_against_the_ooxml_schemas(tmp_path: Path) -> None:
    (tmp_path / "template.docx").write_bytes(our_template())
    result = subprocess.run([sys.executable, str(SCHEMA_CHECK), str(tmp_path / "template.docx")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


# An organisation's own template ---------------------------------------------------------------


def make_organisation_template(path: Path) -> Path:
    """An A4 portrait template with its own Normal font and a header, and none of our styles."""
    package = {}
    with zipfile.ZipFile(io.BytesIO(our_template())) as ours:
        package = {name: ours.read(name) for name in ours.namelist()}
    styles = package["word/styles.xml"].decode()
    start = styles.index('<w:style w:type="paragraph" w:styleId="Heading1">')
    end = styles.index("</w:styles>")
    styles = styles[:start] + styles[end:]  # drop headings, lists and the table style
    package["word/styles.xml"] = styles.replace('w:ascii="Arial"', 'w:ascii="Verdana"').encode()
    del package["word/numbering.xml"]
    package["[Content_Types].xml"] = package["[Content_Types].xml"].replace(
        b'<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.numbering+xml"/>', b"")
    package["word/_rels/document.xml.rels"] = package["word/_rels/document.xml.rels"].replace(
        b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'numbering" Target="numbering.xml"/>', b"")
    with zipfile.ZipFile(path, "w") as theirs:
        for name, data in package.items():
            theirs.writestr(name, data)
    document = docx.Document(str(path))
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Our organisation"
    document.save(str(path))
    return path


def test_an_organisations_template_gives_its_page_set_up_header_and_fonts(tmp_path: Path) -> None:
    template = make_organisation_template(tmp_path / "brand.docx")
    plan = plan_with_both_sections()
    plan.concerns[0].actions[0].owner = ""
    export_docx(plan, tmp_path / "plan.docx", ExportOptions(template=template, draft=True))
    document = docx.Document(str(tmp_path / "plan.docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    header = [p.text for p in section.header.paragraphs]
    assert header[0].startswith("DRAFT")
    assert "Our organisation" in header
    fonts = document.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:rFonts')}")
    assert fonts.get(qn("w:ascii")) == "Verdana"
    widths = [int(c.get(qn("w:w"))) for c in document.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(widths) * 635 == section.page_width - section.left_margin - section.right_margin
    # The styles it lacked were copied in, with bullets that still work.
    bullets = [p for p in document.tables[0].rows[3].cells[2].paragraphs if p.style.name == "List Bullet"]
    assert len(bullets) == 2
    num_id = bullets[0]._p.pPr.numPr.numId.val
    assert any(num.numId == num_id for num in document.part.numbering_part.element.num_lst)
    assert check_docx(tmp_path / "plan.docx").passed


def test_an_export_on_an_organisations_template_is_valid(tmp_path: Path) -> None:
    template = make_organisation_template(tmp_path / "brand.docx")
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(template=template))
    result = subprocess.run([sys.executable, str(SCHEMA_CHECK), str(tmp_path / "plan.docx")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("brand.docx", b"not a zip", "is not a Word document"),
    ("brand.dotx", b"", "save it as a Word Document"),
    ("missing.docx", None, "could not be found"),
])
def test_an_unusable_template_is_explained(tmp_path: Path, name: str, content: bytes | None, reason: str) -> None:
    template = tmp_path / name
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(TemplateError) as raised:
        export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(template=template))
    assert reason in raised.value.message
    assert not (tmp_path / "plan.docx").exists()


def test_a_template_written_with_another_namespace_prefix_still_works(tmp_path: Path) -> None:
    template = tmp_path / "prefixed.docx"
    with zipfile.ZipFile(io.BytesIO(our_template())) as ours, zipfile.ZipFile(template, "w") as theirs:
        for name in ours.namelist():
            data = ours.read(name)
            if name == "word/document.xml":
                data = data.replace(b"<w:", b"<wx:").replace(b"</w:", b"</wx:").replace(b" w:", b" wx:")
                data = data.replace(b"xmlns:w=", b"xmlns:wx=")
            theirs.writestr(name, data)
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(template=template))
    document = docx.Document(str(tmp_path / "plan.docx"))
    assert [len(table.rows) for table in document.tables] == [4, 4]
    assert document.paragraphs[1].text == "Action Plan: HMP & YOI Stoke Heath"


def test_a_draft_on_a_template_with_a_first_page_header_says_draft_on_every_page(tmp_path: Path) -> None:
    template = make_organisation_template(tmp_path / "brand.docx")
    document = docx.Document(str(template))
    section = document.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Cover page"
    document.save(str(template))
    export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(template=template, draft=True))
    section = docx.Document(str(tmp_path / "plan.docx")).sections[0]
    for header in (section.header, section.first_page_header):
        texts = [p.text for p in header.paragraphs]
        assert texts[0] == "DRAFT: not for publication"
        assert texts.count("DRAFT: not for publication") == 1
