"""Build ``resources/template.docx``, the Word template every export starts from.

    python tools/build_template.py [OUT.docx]

The package is written part by part from the XML below, so nothing is inherited from any
library's default template: A4 landscape, Arial 12pt and larger, real heading styles, a table
style, a bulleted list style, en-GB proofing language and a "Page X of Y" footer.
"""

from __future__ import annotations

import datetime as dt
import sys
import zipfile
from pathlib import Path

TEMPLATE_PATH = Path(__file__).resolve().parents[1] / "resources" / "template.docx"
ORGANISATION = "HM Prison &amp; Probation Service"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# A4 landscape in twentieths of a point, with 2 cm margins.
PAGE_WIDTH = 16838
PAGE_HEIGHT = 11906
MARGIN = 1134
HEADER_FOOTER_DISTANCE = 567

CONTENT_TYPES = f"""{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""{XML_HEAD}<Relationships xmlns="{PR}">
<Relationship Id="rId1" Type="{OFFICE_RT}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{OFFICE_RT}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""{XML_HEAD}<Relationships xmlns="{PR}">
<Relationship Id="rId1" Type="{OFFICE_RT}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{OFFICE_RT}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{OFFICE_RT}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{OFFICE_RT}/fontTable" Target="fontTable.xml"/>
<Relationship Id="rId5" Type="{OFFICE_RT}/footer" Target="footer1.xml"/>
</Relationships>"""

DOCUMENT = f"""{XML_HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>
<w:p><w:r><w:t>{ORGANISATION}</w:t></w:r></w:p>
<w:sectPr>
<w:footerReference w:type="default" r:id="rId5"/>
<w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}" w:orient="landscape"/>
<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" w:header="{HEADER_FOOTER_DISTANCE}" w:footer="{HEADER_FOOTER_DISTANCE}" w:gutter="0"/>
<w:cols w:space="708"/>
</w:sectPr>
</w:body></w:document>"""


def _heading(level: int, size_half_points: int, before: int) -> str:
    return f"""<w:style w:type="paragraph" w:styleId="Heading{level}">
<w:name w:val="heading {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
<w:uiPriority w:val="9"/><w:qFormat/>
<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level - 1}"/></w:pPr>
<w:rPr><w:b/><w:bCs/><w:sz w:val="{size_half_points}"/><w:szCs w:val="{size_half_points}"/></w:rPr>
</w:style>"""


_CELL_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)

STYLES = f"""{XML_HEAD}<w:styles xmlns:w="{W}" xmlns:r="{R}">
<w:docDefaults>
<w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>
<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB" w:eastAsia="en-GB" w:bidi="ar-SA"/>
</w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal">
<w:name w:val="Normal"/><w:qFormat/>
</w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">
<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal">
<w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>
<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>
</w:tblCellMar></w:tblPr>
</w:style>
<w:style w:type="numbering" w:default="1" w:styleId="NoList">
<w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
</w:style>
{_heading(1, 36, 240)}
{_heading(2, 32, 360)}
{_heading(3, 28, 240)}
<w:style w:type="paragraph" w:styleId="ListBullet">
<w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:qFormat/>
<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Header">
<w:name w:val="header"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:spacing w:after="0"/></w:pPr>
</w:style>
<w:style w:type="paragraph" w:styleId="Footer">
<w:name w:val="footer"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
<w:pPr><w:spacing w:after="0"/></w:pPr>
</w:style>
<w:style w:type="character" w:styleId="ActionPlanPlaceholder">
<w:name w:val="Action plan placeholder"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/>
</w:style>
<w:style w:type="table" w:styleId="ActionPlanTable">
<w:name w:val="Action plan table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>
<w:pPr><w:spacing w:after="60" w:line="240" w:lineRule="auto"/></w:pPr>
<w:tblPr><w:tblBorders>{_CELL_BORDERS}</w:tblBorders>
<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>
</w:tblPr>
<w:tblStylePr w:type="firstRow"><w:rPr><w:b/><w:bCs/></w:rPr>
<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="E7E7E7"/></w:tcPr></w:tblStylePr>
</w:style>
</w:styles>"""

# Bullets are plain Unicode in Arial, not Symbol-font glyphs, so a PDF's text layer and a
# screen reader both see a real bullet.
NUMBERING = f"""{XML_HEAD}<w:numbering xmlns:w="{W}">
<w:abstractNum w:abstractNumId="1">
<w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/><w:lvlJc w:val="left"/>
<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:hint="default"/></w:rPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>"""

SETTINGS = f"""{XML_HEAD}<w:settings xmlns:w="{W}">
<w:zoom w:percent="100"/>
<w:defaultTabStop w:val="720"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>
<w:themeFontLang w:val="en-GB"/>
<w:decimalSymbol w:val="."/>
<w:listSeparator w:val=","/>
</w:settings>"""

FONT_TABLE = f"""{XML_HEAD}<w:fonts xmlns:w="{W}">
<w:font w:name="Arial"><w:panose1 w:val="020B0604020202020204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>
</w:fonts>"""


def _field(instruction: str) -> str:
    return (
        f'<w:fldSimple w:instr=" {instruction} \\* MERGEFORMAT ">'
        "<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    )


FOOTER = f"""{XML_HEAD}<w:ftr xmlns:w="{W}" xmlns:r="{R}">
<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>
<w:r><w:t xml:space="preserve">Page </w:t></w:r>{_field("PAGE")}<w:r><w:t xml:space="preserve"> of </w:t></w:r>{_field("NUMPAGES")}
</w:p>
</w:ftr>"""


def core_properties(now: dt.datetime) -> str:
    stamp = now.strftime("%Y-%m-%dT%H:%M:%SZ")
    return f"""{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Action plan template</dc:title>
<dc:subject>Response to an HM Inspectorate of Prisons inspection report</dc:subject>
<dc:creator>{ORGANISATION}</dc:creator>
<cp:lastModifiedBy>{ORGANISATION}</cp:lastModifiedBy>
<cp:revision>1</cp:revision>
<dc:language>en-GB</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>
</cp:coreProperties>"""


APP_PROPERTIES = f"""{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Action Plan Editor</Application>
<DocSecurity>0</DocSecurity>
<Company>{ORGANISATION}</Company>
</Properties>"""


def parts(now: dt.datetime) -> dict[str, str]:
    """Every part of the package by name, in the order they are written."""
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": core_properties(now),
        "docProps/app.xml": APP_PROPERTIES,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": STYLES,
        "word/numbering.xml": NUMBERING,
        "word/settings.xml": SETTINGS,
        "word/fontTable.xml": FONT_TABLE,
        "word/footer1.xml": FOOTER,
    }


def build(path: Path = TEMPLATE_PATH, now: dt.datetime | None = None) -> Path:
    now = now or dt.datetime.now(dt.UTC).replace(microsecond=0)
    stamp = (now.year, now.month, now.day, now.hour, now.minute, now.second)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, text in parts(now).items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, text.encode("utf-8"))
    return path


if __name__ == "__main__":
    out = build(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATE_PATH)
    print(f"Wrote {out}")
