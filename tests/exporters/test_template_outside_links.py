"""An organisation's template with links to places outside it (a picture from the web, an
attached template on a network folder): the links are left out of the export, and it says so."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from actionplan.storage import save_plan
from commandline.commands import run
from exporters.docx_export import docx_bytes
from exporters.export import export_and_check
from exporters.options import ExportOptions
from exporters.outside_links import outside_links_note
from tests.exporters.readback import plan_with_both_sections

pytestmark = pytest.mark.timeout(60)
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ATTACHED_TEMPLATE = f"{_R}/attachedTemplate"


def template_with_outside_links(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Our template")
    document.part.relate_to("https://tracker.example/pixel.png", RT.IMAGE, is_external=True)
    document.part.relate_to("https://tracker.example/page", RT.HYPERLINK, is_external=True)
    settings = document.part._settings_part
    attached = settings.relate_to(r"\\server\share\macros.dotm", ATTACHED_TEMPLATE, is_external=True)
    etree.SubElement(document.settings.element, qn("w:attachedTemplate")).set(qn("r:id"), attached)
    header = document.sections[0].header
    logo = header.part.relate_to(r"file://\\server\share\logo.png", RT.IMAGE, is_external=True)
    header.paragraphs[0]._p.append(etree.fromstring(
        f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pict>'
        f'<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata xmlns:r="{_R}" r:id="{logo}"/></v:shape>'
        "</w:pict></w:r>"))
    document.save(str(path))
    return path


def test_links_outside_the_template_are_left_out_of_the_export(tmp_path: Path) -> None:
    template = template_with_outside_links(tmp_path / "brand.docx")
    built = docx_bytes(plan_with_both_sections(), ExportOptions(template=template))
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        everything = b"".join(package.read(name) for name in package.namelist())
        settings = package.read("word/settings.xml")
    assert b'TargetMode="External"' not in everything
    assert b"tracker.example" not in everything
    assert b"server" not in everything
    assert b"attachedTemplate" not in settings
    # What referred to a link is gone with it: no r:id names a relationship that is not there.
    with zipfile.ZipFile(io.BytesIO(built)) as package:
        for name in package.namelist():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            rels_name = f"word/_rels/{name.removeprefix('word/')}.rels"
            known = set(re.findall(rb'Id="(rId\d+)"', package.read(rels_name))) if rels_name in package.namelist() else set()
            used = set(re.findall(rb'r:(?:id|embed|link)="(rId\d+)"', package.read(name)))
            assert used <= known, name
    assert docx.Document(io.BytesIO(built)).paragraphs is not None  # opens again


def test_the_export_says_links_were_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = template_with_outside_links(tmp_path / "brand.docx")
    note = outside_links_note(template)
    assert note == ("The template “brand.docx” has 4 links to web addresses or network folders outside it, such as "
                    "a picture shown from the internet. They were left out of the export, so opening the plan "
                    "never reaches out to them.")
    _path, report = export_and_check(plan_with_both_sections(), tmp_path / "plan.docx",
                                     ExportOptions(template=template))
    assert any(finding.check == "Template" and finding.message == note for finding in report.findings)
    plan = tmp_path / "plan.actionplan"
    save_plan(plan_with_both_sections(), plan)
    run(["export", str(plan), "-o", str(tmp_path / "again.docx"), "--template", str(template)])
    assert f"Note: {note}" in capsys.readouterr().out


def test_a_template_with_no_outside_links_says_nothing(tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    assert outside_links_note(plain) == ""
    assert outside_links_note(None) == ""
