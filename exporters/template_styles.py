"""Make any Word template fit for an export: the styles the body uses, and the DRAFT header.

An organisation's own template keeps its styles, headers, footers and page set-up; only the
styles it lacks are copied in from ours.
"""

from __future__ import annotations

import functools
import io
import zipfile
from typing import Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.parts.hdrftr import HeaderPart
from lxml import etree

import resources
from exporters import wordml

REQUIRED_STYLES = ("Heading1", "Heading2", "Heading3", "ListBullet", "ActionPlanTable", "Header",
                   wordml.PLACEHOLDER_STYLE)
_W = wordml.W_NS
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@functools.cache
def _our_part(name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(resources.read_bytes(resources.TEMPLATE))) as package:
        return package.read(name)


def _our_styles() -> dict[str, Any]:
    root = etree.fromstring(_our_part("word/styles.xml"))
    return {str(style.get(qn("w:styleId"))): style for style in root.iter(qn("w:style"))}


def ensure_styles(document: Document) -> None:
    """Copy in any style the export uses that the template does not define."""
    styles = document.styles.element
    present = {style.get(qn("w:styleId")) for style in styles.iter(qn("w:style"))}
    ours = _our_styles()
    for style_id in REQUIRED_STYLES:
        if style_id in present:
            continue
        style = parse_xml(etree.tostring(ours[style_id]))
        if style_id == "ListBullet":
            _point_at_our_bullets(document, style)
        styles.append(style)


def _point_at_our_bullets(document: Document, style: Any) -> None:
    numbering = _numbering_element(document)
    abstract_ids = [int(n.get(qn("w:abstractNumId"))) for n in numbering.iter(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))]
    abstract_id = max(abstract_ids, default=0) + 1
    num_id = max(num_ids, default=0) + 1
    source = etree.fromstring(_our_part("word/numbering.xml"))
    ours = source.find(qn("w:abstractNum"))
    assert ours is not None, "our template defines its bullets"
    abstract = parse_xml(etree.tostring(ours, encoding="unicode"))
    abstract.set(qn("w:abstractNumId"), str(abstract_id))
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every abstractNum must come before every num
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num xmlns:w="{_W}" w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
    ))
    style.find(f".//{qn('w:numId')}").set(qn("w:val"), str(num_id))


def _numbering_element(document: Document) -> Any:
    try:
        return document.part.part_related_by(RT.NUMBERING).element  # type: ignore[attr-defined]
    except KeyError:
        pass
    package = document.part.package
    element = parse_xml(f'<w:numbering xmlns:w="{_W}"/>')
    part = XmlPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, package)
    document.part.relate_to(part, RT.NUMBERING)
    return element


def bullet_num_id(document: Document) -> str | None:
    """The numbering id the template's List Bullet style uses, if any."""
    for style in document.styles.element.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == "ListBullet":
            num_id = style.find(f".//{qn('w:numId')}")
            return num_id.get(qn("w:val")) if num_id is not None else None
    return None


# The DRAFT header -----------------------------------------------------------------------------


def _draft_paragraph(text: str) -> Any:
    runs = wordml.run(text, bold=True, size_half_points=32)
    return parse_xml(f'<w:p xmlns:w="{_W}"><w:pPr><w:pStyle w:val="Header"/></w:pPr>{runs}</w:p>')


def add_draft_header(document: Document, text: str) -> None:
    """Put ``text`` at the top of every header the final section uses, adding one if needed."""
    section = document.element.body.find(qn("w:sectPr"))
    if section is None:
        section = document.element.body.get_or_add_sectPr()
    references = section.findall(qn("w:headerReference"))
    # The first-page and even-page headers may share one part with the default header.
    parts = {id(part): part for part in (document.part.related_parts[r.get(qn("r:id"))] for r in references)}
    for header in parts.values():
        header.element.insert(0, _draft_paragraph(text))
    if not any(reference.get(qn("w:type")) == "default" for reference in references):
        _add_header(document, section, text)


def _add_header(document: Document, section: Any, text: str) -> None:
    package = document.part.package
    element = parse_xml(f'<w:hdr xmlns:w="{_W}" xmlns:r="{_R}"/>')
    element.append(_draft_paragraph(text))
    partname = package.next_partname("/word/header%d.xml")
    part = HeaderPart(partname, CT.WML_HEADER, element, package)
    relationship_id = document.part.relate_to(part, RT.HEADER)
    reference = parse_xml(
        f'<w:headerReference xmlns:w="{_W}" xmlns:r="{_R}" w:type="default" r:id="{relationship_id}"/>'
    )
    section.insert(0, reference)  # header and footer references come first in a section
