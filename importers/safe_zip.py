"""Open a .docx without trusting it: size, zip bomb, encryption and XML entity checks.

Every way a file can be bad becomes one ``DocxImportError`` subclass. Nothing here ever
expands an entity, fetches a URL or reads more bytes than the limits allow, so a hostile file
cannot make the importer hang or fill memory.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from importers.errors import (
    DamagedWordDocument,
    DocumentTooLarge,
    FileUnreadable,
    NotAWordDocument,
    PasswordProtected,
    UnsafeDocument,
)

MAX_FILE_BYTES = 30 * 1024 * 1024
"""A real action plan is well under 1 MB, even with the logo. Anything this big is not one."""
MAX_PART_BYTES = 40 * 1024 * 1024
"""The most any one XML part may expand to."""
MAX_TOTAL_BYTES = 200 * 1024 * 1024
"""The most all entries together may claim to expand to."""
MAX_ENTRIES = 2000
MAX_RATIO = 200
"""Ordinary XML compresses about 10 to 1; a zip bomb compresses thousands to 1."""

DOCUMENT_PART = "word/document.xml"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)


@dataclass(frozen=True)
class DocxParts:
    """The parts of a .docx the importer reads, already parsed."""

    document: etree._Element
    numbering: etree._Element | None
    styles: etree._Element | None


def open_docx(path: Path | str) -> DocxParts:
    """Check ``path`` and return its parsed parts, or raise a ``DocxImportError`` subclass."""
    path = Path(path)
    _check_file(path)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(path, archive)
            document = _read_xml(path, archive, DOCUMENT_PART, required=True)
            assert document is not None
            return DocxParts(
                document=document,
                numbering=_read_xml(path, archive, "word/numbering.xml", required=False),
                styles=_read_xml(path, archive, "word/styles.xml", required=False),
            )
    except zipfile.BadZipFile as error:
        raise DamagedWordDocument(
            path, f"{path.name} is damaged: it looks like a Word document but cannot be unpacked."
        ) from error
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as error:
        raise DamagedWordDocument(path, f"{path.name} is damaged or uses a zip feature Word does not use.") from error


def _check_file(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(8)
    except FileNotFoundError as error:
        raise FileUnreadable(path, f"{path} does not exist.") from error
    except IsADirectoryError as error:
        raise FileUnreadable(path, f"{path} is a folder, not a Word document.") from error
    except OSError as error:
        raise FileUnreadable(path, f"{path} cannot be opened: {error.strerror or error}.") from error
    if size > MAX_FILE_BYTES:
        raise DocumentTooLarge(
            path,
            f"{path.name} is {size / 1024 / 1024:.0f} MB. An action plan is usually well under 1 MB, "
            f"so files over {MAX_FILE_BYTES // 1024 // 1024} MB are not imported.",
        )
    if head == _OLE_SIGNATURE:
        _raise_for_ole(path)
    if not head.startswith(b"PK"):
        raise NotAWordDocument(path, f"{path.name} is not a Word document (.docx).")


def _raise_for_ole(path: Path) -> None:
    # Word saves a password-protected .docx as an OLE compound file holding an
    # "EncryptedPackage" stream; an OLE file without one is an old-style .doc.
    data = path.read_bytes()
    if _ENCRYPTED_STREAM in data:
        raise PasswordProtected(
            path,
            f"{path.name} is protected with a password. Open it in Word, remove the password "
            "(File > Info > Protect Document), save it, then import it again.",
        )
    raise NotAWordDocument(
        path, f"{path.name} is an older Word document (.doc). Open it in Word and save it as .docx first."
    )


def _check_entries(path: Path, archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise DocumentTooLarge(path, f"{path.name} holds {len(entries)} files; a Word document holds a few dozen.")
    total = sum(entry.file_size for entry in entries)
    if total > MAX_TOTAL_BYTES:
        raise DocumentTooLarge(path, f"{path.name} would unpack to {total // 1024 // 1024} MB, too much to import.")
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise PasswordProtected(path, f"{path.name} is an encrypted zip file, not a Word document.")
        if entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
            raise DocumentTooLarge(
                path, f"{path.name} is built to expand enormously when opened (a zip bomb), so it was not imported."
            )
    if DOCUMENT_PART not in archive.namelist():
        raise NotAWordDocument(path, f"{path.name} is a zip file but not a Word document: it has no document text.")


def _read_xml(path: Path, archive: zipfile.ZipFile, name: str, *, required: bool) -> etree._Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        if required:
            raise NotAWordDocument(path, f"{path.name} is not a Word document: it has no {name}.") from None
        return None
    if info.file_size > MAX_PART_BYTES:
        raise DocumentTooLarge(path, f"{path.name} has {info.file_size // 1024 // 1024} MB of text, too much to import.")
    with archive.open(info) as stream:
        # Read one byte past the limit: the header's size may lie.
        data = stream.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise DocumentTooLarge(path, f"{path.name} expands to more text than it says, so it was not imported.")
    return parse_xml(path, data, name)


def parse_xml(path: Path, data: bytes, name: str) -> etree._Element:
    """Parse one XML part, refusing any DTD or entity declaration."""
    if _DECLARATION.search(data[:4096]) or b"<!ENTITY" in data:
        raise UnsafeDocument(
            path, f"{path.name} contains XML declarations Word never writes ({name}), so it was not read."
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise DamagedWordDocument(path, f"{path.name} is damaged: its {name} is not valid XML ({error}).") from error
    tree = root.getroottree()
    if getattr(tree.docinfo, "doctype", "") or tree.docinfo.internalDTD is not None:
        raise UnsafeDocument(path, f"{path.name} declares a DTD in {name}, which Word never writes, so it was not read.")
    return root
