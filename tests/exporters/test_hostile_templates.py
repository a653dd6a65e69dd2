"""Issue 16, items 3 and 8: an organisation's template gets every check an imported document gets,
with plain words, and an export never replaces its own template or plan."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from actionplan.storage import save_plan
from commandline.commands import run
from exporters.docx_export import export_docx, our_template
from exporters.errors import ExportError, TemplateError
from exporters.export import export_plan
from exporters.options import ExportOptions
from tests import docx_damage
from tests.exporters.readback import plan_with_both_sections

pytestmark = pytest.mark.timeout(60)
TEMPLATE = our_template()


def template_error(tmp_path: Path, data: bytes, name: str = "brand.docx") -> str:
    template = tmp_path / name
    template.write_bytes(data)
    with pytest.raises(TemplateError) as raised:
        export_docx(plan_with_both_sections(), tmp_path / "plan.docx", ExportOptions(template=template))
    assert not (tmp_path / "plan.docx").exists()
    message = raised.value.message
    assert f"“{name}”" in message
    assert "\n" not in message
    return message


def test_a_broken_download_as_template(tmp_path: Path) -> None:
    message = template_error(tmp_path, docx_damage.damage_compressed_data(TEMPLATE, "word/styles.xml"))
    assert message == (
        "“brand.docx” is damaged: part of it cannot be unpacked, perhaps because it did not download or copy "
        "completely. Ask for a fresh copy, or open it in Word and save it again, then choose it as the template "
        "again.")


def test_deflate64_in_a_template(tmp_path: Path) -> None:
    message = template_error(tmp_path, docx_damage.set_compression(TEMPLATE, 9, "word/styles.xml"))
    assert "packed by a program other than Word" in message


def test_an_encrypted_template(tmp_path: Path) -> None:
    assert "encrypted zip file" in template_error(tmp_path, docx_damage.set_encrypted_flag(TEMPLATE))


def test_a_template_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    # A 1 MB template once used 2.1 GB before python-docx gave up on it.
    bomb = docx_damage.rezip(TEMPLATE, {"word/media/zeros.bin": bytes(150 * 1024**2)})
    assert len(bomb) < 1024**2
    tracemalloc.start()
    try:
        message = template_error(tmp_path, bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert message == ("“brand.docx” would unpack to 150 MB, far more than an action plan, so it cannot be used "
                       "as a template. Check that this is the right document.")
    assert peak < 16 * 1024**2


def test_a_template_whose_xml_declares_entities(tmp_path: Path) -> None:
    styles = docx_damage.part(TEMPLATE, "word/styles.xml").replace(
        b"?>", b'?><!DOCTYPE w:styles [<!ENTITY a "aaaa">]>', 1)
    message = template_error(tmp_path, docx_damage.rezip(TEMPLATE, {"word/styles.xml": styles}))
    assert "contains XML declarations Word never writes (word/styles.xml)" in message


def test_a_template_missing_its_document_part(tmp_path: Path) -> None:
    message = template_error(tmp_path, docx_damage.rezip(TEMPLATE, {"word/document.xml": None}))
    assert "has no document text" in message


def test_a_template_python_docx_cannot_use(tmp_path: Path) -> None:
    message = template_error(tmp_path, docx_damage.rezip(TEMPLATE, {"[Content_Types].xml": None}))
    assert message.startswith("“brand.docx” cannot be used as a template")
    assert "choose it again, or export without a template" in message


# Item 8: an export never replaces its own inputs -------------------------------------------------


def test_an_export_onto_its_own_template_is_refused(tmp_path: Path) -> None:
    template = tmp_path / "org.docx"
    template.write_bytes(TEMPLATE)
    with pytest.raises(ExportError) as raised:
        export_plan(plan_with_both_sections(), tmp_path / "org.docx", ExportOptions(template=template))
    assert raised.value.message == ("“org.docx” is the template this export is built on, so the export cannot "
                                    "replace it. Choose another name to export to.")
    assert template.read_bytes() == TEMPLATE


def test_the_command_line_refuses_to_export_over_the_template_or_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.docx"  # a plan file someone named .docx
    save_plan(plan_with_both_sections(), plan)
    before = plan.read_bytes()
    assert run(["export", str(plan), "-o", str(plan)]) == 2
    assert capsys.readouterr().err == (
        "Error: The output file would replace the plan being exported. Choose another output file with -o.\n")
    assert plan.read_bytes() == before

    template = tmp_path / "org.docx"
    template.write_bytes(TEMPLATE)
    saved = tmp_path / "p.actionplan"
    save_plan(plan_with_both_sections(), saved)
    assert run(["export", str(saved), "-o", str(template), "--template", str(template)]) == 2
    assert "is the template this export is built on" in capsys.readouterr().err
    assert template.read_bytes() == TEMPLATE
