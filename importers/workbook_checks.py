"""Look at a returned form before any spreadsheet library parses it: its size, what kind of
file it really is, the zip it should be, and every XML part in it.

A form comes back from someone else's laptop, so it may be an old .xls, a CSV, a
password-protected workbook, something that is not a workbook at all, or a file made to hurt:
a zip bomb, or XML that declares entities. Each becomes one ``UnusableWorkbook`` whose
message says, in plain words, what it is and what to do. Nothing here expands an entity or
reads more bytes than the limits allow.
"""

from __future__ import annotations

import re
import stat
import zipfile
from pathlib import Path
from typing import NoReturn

MAX_FILE_BYTES = 50 * 1024 * 1024
"""A returned form for a few hundred actions is well under 1 MB; 10,000 actions in one form is about 2 MB."""
MAX_TOTAL_BYTES = 500 * 1024 * 1024
"""The most all parts together may claim to expand to."""
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 5000
MAX_RATIO = 200
"""Spreadsheet XML compresses about 10 to 1, rarely 50; a zip bomb compresses thousands to 1."""
WORKBOOK_PART = "xl/workbook.xml"

_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 1024 * 1024
_HEAD_BYTES = 2048
_OVERLAP = 32
_NOT_XML = (".bin", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff", ".svg", ".wdp")
_SAVE_AS = "Open it in Excel, choose File ▸ Save As, pick “Excel Workbook (.xlsx)”, and read that copy."


class UnusableWorkbook(Exception):
    """A file that cannot be read as a returned form. ``message`` says why, for a person."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


def check_workbook(path: Path) -> None:
    """Raise ``UnusableWorkbook`` unless ``path`` is a zip workbook that is safe to parse."""
    head, size = _head_and_size(path)
    name = path.name
    if size > MAX_FILE_BYTES:
        raise UnusableWorkbook(path, f"“{name}” is {size / 1024 / 1024:.0f} MB. A returned form is well under 5 MB, "
                                     f"so files over {MAX_FILE_BYTES // 1024 // 1024} MB are not read.")
    if head.startswith(_OLE_SIGNATURE):
        _refuse_ole(path)
    if not head.startswith(b"PK"):
        _refuse_other(path, head)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_entries(path, archive)
            for entry in archive.infolist():
                if not entry.is_dir() and not entry.filename.lower().endswith(_NOT_XML):
                    _check_xml(path, archive, entry)
    except zipfile.BadZipFile:
        raise UnusableWorkbook(path, f"“{name}” is damaged: it looks like an Excel workbook but cannot be unpacked. "
                                     "Ask for it to be saved and sent again.") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError, ValueError):
        raise UnusableWorkbook(path, f"“{name}” is damaged or packed in a way Excel never uses, so it was not "
                                     "read.") from None


def _head_and_size(path: Path) -> tuple[bytes, int]:
    name = path.name
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise UnusableWorkbook(path, f"“{name}” is a folder, not a returned form.")
        if not stat.S_ISREG(status.st_mode):
            raise UnusableWorkbook(path, f"“{name}” is not a file, so it cannot be a returned form.")
        with path.open("rb") as stream:
            return stream.read(_HEAD_BYTES), status.st_size
    except FileNotFoundError:
        raise UnusableWorkbook(path, f"“{name}” could not be found. It may have been moved or deleted.") from None
    except PermissionError:
        raise UnusableWorkbook(path, f"You do not have permission to open “{name}”.") from None
    except OSError as error:
        raise UnusableWorkbook(path, f"“{name}” could not be opened: {error.strerror or error}.") from None


def _refuse_ole(path: Path) -> NoReturn:
    # Excel saves a password-protected workbook as an OLE compound file holding an
    # "EncryptedPackage" stream; an OLE file without one is an Excel 97-2003 workbook (.xls).
    with path.open("rb") as stream:
        data = stream.read(MAX_FILE_BYTES)
    if _ENCRYPTED_STREAM in data:
        raise UnusableWorkbook(path, f"“{path.name}” is protected with a password, so it cannot be read. Ask for it "
                                     "back without the password (in Excel: File ▸ Info ▸ Protect Workbook ▸ Encrypt "
                                     "with Password, then clear the password and save).")
    raise UnusableWorkbook(path, f"“{path.name}” was saved in the old Excel 97–2003 format (.xls), which loses the "
                                 f"form’s hidden details. {_SAVE_AS}")


def _refuse_other(path: Path, head: bytes) -> NoReturn:
    name = path.name
    if path.suffix.lower() in (".csv", ".txt") or _looks_like_csv(head):
        raise UnusableWorkbook(path, f"“{name}” was saved as a CSV file, which keeps only the text of one sheet and "
                                     "loses the details that say which plan and person the form is for. Ask for the "
                                     "form back as an Excel Workbook (.xlsx).")
    raise UnusableWorkbook(path, f"“{name}” is not an Excel workbook, so it cannot be read as a returned form.")


def _looks_like_csv(head: bytes) -> bool:
    """Text whose first lines split into the same number of fields (more than one)."""
    text = head.decode("utf-8-sig", errors="replace")  # Excel may save CSV in Windows-1252 too
    if not all(character.isprintable() or character in "\t\r\n" for character in text[:1024]):
        return False
    lines = [line for line in text.splitlines() if line.strip()]
    if len(head) >= _HEAD_BYTES:
        lines = lines[:-1]  # cut short by reading only the start
    lines = lines[:4]
    if len(lines) < 2:
        return False
    return any(len({line.count(separator) for line in lines}) == 1 and lines[0].count(separator) > 0
               for separator in (",", ";", "\t"))


def _check_entries(path: Path, archive: zipfile.ZipFile) -> None:
    name = path.name
    entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise UnusableWorkbook(path, f"“{name}” holds {len(entries):,} files; a workbook holds a few dozen, so it "
                                     "was not read.")
    if sum(entry.file_size for entry in entries) > MAX_TOTAL_BYTES:
        raise UnusableWorkbook(path, f"“{name}” would unpack to more than {MAX_TOTAL_BYTES // 1024 // 1024} MB, far "
                                     "more than any form, so it was not read.")
    for entry in entries:
        if entry.flag_bits & 0x1:
            raise UnusableWorkbook(path, f"“{name}” is an encrypted zip file, not an Excel workbook.")
        if entry.file_size > MAX_PART_BYTES or (
                entry.file_size > 1024 * 1024 and entry.file_size > MAX_RATIO * max(entry.compress_size, 1)):
            raise UnusableWorkbook(path, f"“{name}” is built to expand enormously when opened (a zip bomb), so it "
                                         "was not read.")
    names = set(archive.namelist())
    if WORKBOOK_PART in names:
        return
    if "mimetype" in names and b"spreadsheet" in archive.read("mimetype")[:100]:
        raise UnusableWorkbook(path, f"“{name}” was saved as an OpenDocument spreadsheet (.ods). {_SAVE_AS}")
    if "word/document.xml" in names:
        raise UnusableWorkbook(path, f"“{name}” is a Word document, not an Excel workbook.")
    raise UnusableWorkbook(path, f"“{name}” is a zip file but not an Excel workbook, so it cannot be a returned form.")


def _check_xml(path: Path, archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Refuse a part that declares a DTD or entities (Excel never writes one) or is not UTF-8,
    reading it in pieces: the size its header claims is checked, and no more is read."""
    read = 0
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            if read == 0 and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:4]):
                _refuse_declarations(path, entry.filename)
            read += len(chunk)
            if read > MAX_PART_BYTES:
                raise UnusableWorkbook(path, f"“{path.name}” expands to more than it says, so it was not read.")
            if _DECLARATION.search(tail + chunk):
                _refuse_declarations(path, entry.filename)
            tail = chunk[-_OVERLAP:]


def _refuse_declarations(path: Path, part: str) -> NoReturn:
    raise UnusableWorkbook(path, f"“{path.name}” contains XML that Excel never writes ({part}), so it was not read "
                                 "in case it was made to cause harm.")
