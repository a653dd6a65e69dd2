"""Why a file could not be imported: one typed error per kind of bad file, each with a message
a person can act on."""

from __future__ import annotations

from pathlib import Path


class DocxImportError(Exception):
    """A file could not be imported. ``message`` says why, in plain words."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


class FileUnreadable(DocxImportError):
    """The file is missing or cannot be opened."""


class NotAWordDocument(DocxImportError):
    """The file is not a .docx at all (or is an old .doc)."""


class DamagedWordDocument(DocxImportError):
    """A .docx whose zip or XML is broken."""


class DocumentTooLarge(DocxImportError):
    """Too big to import safely: a huge file, or a zip that expands far beyond its size."""


class PasswordProtected(DocxImportError):
    """An encrypted document: Word saves these as an OLE file holding an EncryptedPackage."""


class UnsafeDocument(DocxImportError):
    """XML that declares a DTD or entities: never expanded, so never read."""


class NoActionPlanTable(DocxImportError):
    """A readable Word document without a table of concerns and actions."""
