#!/usr/bin/env python3
"""Validate the WordprocessingML parts of a .docx against the ECMA-376 schemas.

Usage: python tools/check_docx_schema.py FILE.docx [...]
Needs lxml. Checks document, styles, numbering, headers and footers against wml.xsd
after a small Markup Compatibility pass (ignorable namespaces dropped, AlternateContent
resolved to its Fallback). Core properties are not checked: their schema imports Dublin
Core schemas from the web.
Prints one line per part; exits 1 if any part is invalid.
"""
import sys
import zipfile
from pathlib import Path

from lxml import etree

SCHEMAS = Path(__file__).resolve().parent / "ooxml-schemas"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS_SCHEMA = b"""<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
  targetNamespace="http://www.w3.org/XML/1998/namespace">
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
    <xs:enumeration value="default"/><xs:enumeration value="preserve"/>
  </xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="lang" type="xs:language"/>
</xs:schema>"""
WML_PARTS = ("word/document.xml", "word/styles.xml", "word/numbering.xml")


class _XmlNamespace(etree.Resolver):
    def resolve(self, url, pubid, context):
        if url.endswith("xml.xsd") or "XML/1998" in url:
            return self.resolve_string(XML_NS_SCHEMA, context)
        return None


def _schema(name, patch_xml_import=False):
    parser = etree.XMLParser()
    parser.resolvers.add(_XmlNamespace())
    path = SCHEMAS / name
    src = path.read_bytes()
    if patch_xml_import:
        src = src.replace(
            b'<xsd:import namespace="http://www.w3.org/XML/1998/namespace"/>',
            b'<xsd:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="xml.xsd"/>')
    return etree.XMLSchema(etree.fromstring(src, parser, base_url=str(path)))


def _resolve_markup_compatibility(root):
    ignorable = {root.nsmap.get(p) for p in root.get(f"{{{MC}}}Ignorable", "").split()}
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        for attr in list(el.attrib):
            ns = attr[1:].split("}")[0] if attr.startswith("{") else None
            if ns == MC or ns in ignorable:
                del el.attrib[attr]
        ns = el.tag[1:].split("}")[0]
        if ns in ignorable and el.getparent() is not None:
            el.getparent().remove(el)
    for alt in root.findall(f".//{{{MC}}}AlternateContent"):
        fallback = alt.find(f"{{{MC}}}Fallback")
        parent = alt.getparent()
        index = parent.index(alt)
        parent.remove(alt)
        if fallback is not None:
            for child in reversed(list(fallback)):
                parent.insert(index, child)
    return root


def check(path, wml):
    ok = True
    safe = etree.XMLParser(resolve_entities=False, no_network=True)
    with zipfile.ZipFile(path) as z:
        names = z.namelist()
        parts = [n for n in names if n in WML_PARTS or
                 (n.startswith("word/header") or n.startswith("word/footer")) and n.endswith(".xml")]
        for part in parts:
            root = _resolve_markup_compatibility(etree.fromstring(z.read(part), safe))
            valid = wml.validate(root)
            ok &= valid
            print(f"{path}: {part}: {'valid' if valid else 'INVALID'}")
            for e in list(wml.error_log)[:5]:
                print(f"    line {e.line}: {e.message[:200]}")
    return ok


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip())
        return 2
    wml = _schema("wml.xsd", patch_xml_import=True)
    results = [check(p, wml) for p in argv[1:]]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
