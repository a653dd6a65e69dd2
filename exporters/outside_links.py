"""Links in an organisation's Word template to places outside it are left out of exports.

A template can point outside itself: a picture shown from a web address, a hyperlink, an
"attached template" on a network folder (``\\\\server\\share\\x.dotm``). Carried into every
exported plan, such a link would make Word reach out to that place whenever the plan is
opened: it could tell someone the plan was read, send the reader's Windows credentials to a
network folder, or bring in a template with macros. The plan's own text never needs them, so
each one is dropped, with whatever in the document refers to it, and the user is told.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.document import Document
from lxml import etree

from actionplan.word_package import FOR_TEMPLATE, WordFileError, WordPackage

_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PACKAGE_R = "http://schemas.openxmlformats.org/package/2006/relationships"
_DROPPED_WHOLE = {f"{{{_W}}}attachedTemplate", f"{{{_W}}}subDoc"}
"""Elements that mean nothing without their link: removed whole. Any other element only loses
the attribute that named the link (a hyperlink keeps its text, a picture its embedded copy)."""


def drop_outside_links(document: Document) -> int:
    """Remove every relationship whose target is outside the package, in every part, with what
    refers to it. Returns how many were removed."""
    removed = 0
    for part in document.part.package.iter_parts():
        outside = [r_id for r_id, relationship in part.rels.items() if relationship.is_external]
        if not outside:
            continue
        element = getattr(part, "_element", None)
        if element is not None:
            _unrefer(element, set(outside))
        for r_id in outside:
            del part.rels[r_id]
        removed += len(outside)
    return removed


def _unrefer(root: Any, r_ids: set[str]) -> None:
    for element in list(root.iter()):
        named = [name for name, value in element.attrib.items()
                 if isinstance(name, str) and name.startswith(f"{{{_R}}}") and value in r_ids]
        if not named:
            continue
        parent = element.getparent()
        if element.tag in _DROPPED_WHOLE and parent is not None:
            parent.remove(element)
            continue
        for name in named:
            del element.attrib[name]


def outside_links_note(template: Path | None) -> str:
    """What to tell the user when ``template`` links to places outside it, or "" when it does
    not (or is ours)."""
    if template is None:
        return ""
    try:
        package = WordPackage.open(template, FOR_TEMPLATE)
        count = sum(1 for name in package.archive.namelist() if name.endswith(".rels")
                    for relationship in _relationships(package, name)
                    if relationship.get("TargetMode") == "External")
    except (WordFileError, OSError, ValueError, etree.LxmlError):
        return ""
    if not count:
        return ""
    links = "a link" if count == 1 else f"{count} links"
    return (f"The template “{template.name}” has {links} to web addresses or network folders outside it, "
            "such as a picture shown from the internet. They were left out of the export, so opening "
            "the plan never reaches out to them.")


def _relationships(package: WordPackage, name: str) -> list[Any]:
    root = package.xml_part(name)
    return [] if root is None else list(root.iter(f"{{{_PACKAGE_R}}}Relationship"))
