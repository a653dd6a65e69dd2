"""Export a plan to a Word document built on the GOV.UK template (or an organisation's own).

    export_docx(plan, "plan.docx", ExportOptions(layout=Layout.CLASSIC))

The body is written as WordprocessingML text (see ``plan_layout``); python-docx only opens the
template, carries its parts across, and sets the document properties.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

import resources
from actionplan.model import ORGANISATION, Era, Plan
from actionplan.validation import Finding, Severity, validate
from actionplan.word_package import FOR_TEMPLATE, WordFileError, WordPackage
from exporters import template_styles, wordml
from exporters.errors import PlanHasErrors, TemplateError
from exporters.files import write_output
from exporters.options import ExportOptions
from exporters.outside_links import drop_outside_links
from exporters.plan_layout import Page, body_xml
from exporters.row_height import metrics_from_styles

LANGUAGE = "en-GB"


def errors_in(plan: Plan) -> list[Finding]:
    return [finding for finding in validate(plan) if finding.severity is Severity.ERROR]


def export_docx(plan: Plan, path: Path | str, options: ExportOptions | None = None) -> None:
    """Write ``plan`` to ``path`` as .docx. Raises ``PlanHasErrors`` when the plan has errors and
    ``options.draft`` is false, and ``ExportError`` (with a message) when it cannot be written."""
    options = options or ExportOptions()
    errors = errors_in(plan)
    if errors and not options.draft:
        raise PlanHasErrors(errors, plan.details.era.item_noun())
    write_output(Path(path), docx_bytes(plan, options, error_count=len(errors)))


def docx_bytes(plan: Plan, options: ExportOptions, *, error_count: int = 0) -> bytes:
    document = open_template(options.template)
    if options.template is None:
        return _build(document, plan, options, error_count)
    try:
        built = _build(document, plan, options, error_count)
        with zipfile.ZipFile(io.BytesIO(built)) as written:
            names = written.namelist()
    except Exception:  # an organisation's template can be odd in ways python-docx trips over
        raise TemplateError(_UNUSABLE_TEMPLATE.format(name=options.template.name)) from None
    if len(set(names)) != len(names):
        # Two relationships to one part make python-docx write it twice, which Word calls damaged.
        raise TemplateError(_UNUSABLE_TEMPLATE.format(name=options.template.name))
    return built


def _build(document: Document, plan: Plan, options: ExportOptions, error_count: int) -> bytes:
    template_styles.ensure_styles(document)
    page = page_of(document, template_styles.bullet_num_id(document))
    if options.draft:
        template_styles.add_draft_header(document, draft_notice(error_count))
    set_properties(document, plan, draft=options.draft)
    replace_body(document, body_xml(plan, options, page))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def draft_notice(error_count: int) -> str:
    if error_count == 0:
        return "DRAFT: not for publication"
    noun = "error" if error_count == 1 else "errors"
    return f"DRAFT: not for publication. This plan has {error_count} {noun} to fix."


# The template ---------------------------------------------------------------------------------


def open_template(template: Path | None) -> Document:
    """The Word document an export is built on: ours, or an organisation's own. A template a
    person names gets every check an imported document gets (its size, damage, what it unpacks
    to, XML Word never writes) before python-docx reads it, from the bytes that were checked."""
    if template is None:
        return docx.Document(io.BytesIO(our_template()))
    name = template.name
    if template.suffix.lower() in (".dotx", ".dot", ".doc", ".dotm"):
        raise TemplateError(f"“{name}” is not a .docx file. Open it in Word and save it as a Word Document (.docx).")
    try:
        package = WordPackage.open(template, FOR_TEMPLATE)
        package.check_every_part()
    except WordFileError as error:
        raise TemplateError(error.message) from None
    try:
        document = docx.Document(io.BytesIO(package.data))
    except Exception:  # python-docx can fail on an odd document in many ways
        raise TemplateError(_UNUSABLE_TEMPLATE.format(name=name)) from None
    drop_outside_links(document)  # see outside_links_note: the export says so
    return document


def our_template() -> bytes:
    """The GOV.UK template shipped inside the package (``resources/template.docx``)."""
    return resources.read_bytes(resources.TEMPLATE)


_UNUSABLE_TEMPLATE = ("“{name}” cannot be used as a template: it is missing parts every Word document has, or "
                      "holds ones this application cannot read. Open it in Word and save it as a new Word "
                      "Document (.docx), then choose it again, or export without a template.")


def page_of(document: Document, bullet_num_id: str | None = None) -> Page:
    section = document.sections[-1]
    width = (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
    height = (section.page_height or 0) - (section.top_margin or 0) - (section.bottom_margin or 0)
    emu_per_twip = 635
    metrics = metrics_from_styles(document.styles.element)
    if width <= 0 or height <= 0:
        return Page(text_width=14570, text_height=9638, bullet_num_id=bullet_num_id, metrics=metrics)
    return Page(int(width) // emu_per_twip, int(height) // emu_per_twip, bullet_num_id, metrics)


BODY_MARKER = "actionplan-body"


def replace_body(document: Document, content: str) -> None:
    """Replace the template's body text with ``content``, keeping its final page set-up.

    Call this last: the document part gets a new root element. Moving a parsed fragment into
    the template's tree costs time that grows faster than the plan, so the whole part is
    written as text and parsed once.
    """
    root = document.element
    body = root.body
    section = body.find(qn("w:sectPr"))
    for child in list(body):
        if child is not section:
            body.remove(child)
    if root.nsmap.get("w") != wordml.W_NS:  # a template written with an unusual prefix
        _append_parsed(body, section, content)
        return
    marker = etree.Comment(BODY_MARKER)
    if section is not None:
        section.addprevious(marker)
    else:
        body.append(marker)
    text = etree.tostring(root, encoding="unicode")
    document.part._element = parse_xml(text.replace(f"<!--{BODY_MARKER}-->", content, 1))


def _append_parsed(body: Any, section: Any, content: str) -> None:
    for child in list(parse_xml(wordml.body_fragment(content))):
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)


# Properties -----------------------------------------------------------------------------------


def set_properties(document: Document, plan: Plan, *, draft: bool) -> None:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = plan.title()
    properties.subject = subject_of(plan)
    properties.author = ORGANISATION
    properties.last_modified_by = ORGANISATION
    properties.language = LANGUAGE
    properties.keywords = "HMIP, inspection, action plan"
    properties.category = "Action plan"
    properties.content_status = "Draft" if draft else "Final"
    properties.revision = 1
    properties.created = now
    properties.modified = now
    _remove_leftovers(properties)


def _remove_leftovers(properties: object) -> None:
    # A user's template can carry comments, a description or a print date from its own life.
    element = getattr(properties, "_element", None)
    if element is None:
        return
    for name in ("dc:description", "cp:lastPrinted", "cp:version", "dc:identifier"):
        for found in element.findall(qn(name)):
            element.remove(found)


def subject_of(plan: Plan) -> str:
    noun = "recommendations" if plan.details.era is Era.RECOMMENDATIONS else "concerns"
    where = plan.details.establishment.strip() or "the establishment"
    return f"Response to the {noun} in the HM Inspectorate of Prisons report on {where}"
