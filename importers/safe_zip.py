"""Open a .docx for import without trusting it: the checks every Word document a person names
gets (``actionplan.word_package``: size, zip bomb, encryption, damage, XML entities), and limits
on how many table rows and paragraphs a plan can have.

Every way a file can be bad becomes one ``DocxImportError`` subclass, with a message that says
what happened and what to do.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from actionplan.word_package import (
    DOCUMENT_PART,
    FOR_IMPORT,
    MAX_DOCUMENT_BYTES,
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_PART_BYTES,
    MAX_TOTAL_BYTES,
    Problem,
    WordFileError,
    WordPackage,
    parse_part,
)
from importers.errors import (
    DamagedWordDocument,
    DocumentTooLarge,
    DocxImportError,
    FileUnreadable,
    NotAWordDocument,
    PasswordProtected,
    UnsafeDocument,
)

__all__ = ["DOCUMENT_PART", "MAX_DOCUMENT_BYTES", "MAX_ENTRIES", "MAX_FILE_BYTES", "MAX_PART_BYTES",
           "MAX_PARAGRAPHS", "MAX_TABLE_ROWS", "MAX_TOTAL_BYTES", "DocxParts", "open_docx", "parse_xml"]

MAX_TABLE_ROWS = 30_000
"""A plan of 10,000 actions, far more than any real one, has about 10,000 rows."""
MAX_PARAGRAPHS = 200_000
"""A plan of 10,000 actions has about 56,000 paragraphs."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ERRORS: dict[Problem, type[DocxImportError]] = {
    Problem.UNREADABLE: FileUnreadable,
    Problem.NOT_WORD: NotAWordDocument,
    Problem.OLD_WORD: NotAWordDocument,
    Problem.PASSWORD: PasswordProtected,
    Problem.DAMAGED: DamagedWordDocument,
    Problem.TOO_LARGE: DocumentTooLarge,
    Problem.UNSAFE: UnsafeDocument,
}


@dataclass(frozen=True)
class DocxParts:
    """The parts of a .docx the importer reads, already parsed."""

    document: etree._Element
    numbering: etree._Element | None
    styles: etree._Element | None


def open_docx(path: Path | str) -> DocxParts:
    """Check ``path`` and return its parsed parts, or raise a ``DocxImportError`` subclass."""
    path = Path(path)
    with _as_import_error():
        package = WordPackage.open(path, FOR_IMPORT)
        document = package.xml_part(DOCUMENT_PART)
        assert document is not None  # WordPackage refuses a zip without one
        _check_counts(path, document)
        return DocxParts(
            document=document,
            numbering=package.xml_part("word/numbering.xml"),
            styles=package.xml_part("word/styles.xml"),
        )


def parse_xml(path: Path, data: bytes, name: str) -> etree._Element:
    """Parse one XML part, refusing any DTD or entity declaration."""
    with _as_import_error():
        return parse_part(path, FOR_IMPORT, data, name)


@contextmanager
def _as_import_error() -> Iterator[None]:
    try:
        yield
    except WordFileError as error:
        raise _ERRORS[error.problem](error.path, error.message) from None


def _check_counts(path: Path, document: etree._Element) -> None:
    """Every row and paragraph becomes objects, and possibly a line of the import report: a
    document with millions of them would fill the memory long before it could be read."""
    for tag, limit, noun in (("tr", MAX_TABLE_ROWS, "table rows"), ("p", MAX_PARAGRAPHS, "paragraphs")):
        count = sum(1 for _ in document.iter(f"{{{_W}}}{tag}"))
        if count > limit:
            raise DocumentTooLarge(
                path, f"“{path.name}” has {count:,} {noun}, more than this application can import (the limit is "
                f"{limit:,}; a plan of 10,000 actions has far fewer). Check that this is the right document, or "
                "split it in Word and import each part.")
