"""Open a Word document (.docx) without trusting it: a plan being imported, and an organisation's
template for an export, get the same checks.

A .docx is a zip of XML parts. The file is read once, with a size limit, so it cannot change
between the checks and its use. Nothing here expands an entity, fetches a URL or unpacks more
than the limits allow, so a damaged or hostile file cannot hang the application or fill its
memory. Every way a file can be bad becomes one ``WordFileError`` whose message says what
happened and what the user can do.
"""

from __future__ import annotations

import io
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lxml import etree

from actionplan.storage import read_at_most

MAX_FILE_BYTES = 30 * 1024 * 1024
"""A real action plan is well under 1 MB, even with a logo. Anything this big is not one."""
MAX_ENTRIES = 2000
"""A Word document holds a few dozen parts."""
MAX_TOTAL_BYTES = 100 * 1024 * 1024
"""The most all parts together may unpack to: pictures are stored already compressed, so a
document's parts unpack to little more than the file itself, plus its text."""
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""The most the document's text (``word/document.xml``) may unpack to. A plan of 10,000 actions,
far more than any real one, has under 10 MB; reading one takes about ten times its size in memory."""
MAX_PART_BYTES = 4 * 1024 * 1024
"""The most any other XML part that is read (styles, numbering, headers) may unpack to."""

DOCUMENT_PART = "word/document.xml"
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 1 << 20


class Problem(StrEnum):
    UNREADABLE = "unreadable"
    """Missing, a folder, or not allowed to be read."""
    NOT_WORD = "not a Word document"
    OLD_WORD = "an older .doc"
    PASSWORD = "protected with a password"
    DAMAGED = "damaged"
    TOO_LARGE = "too large"
    UNSAFE = "declares XML entities"


class WordFileError(Exception):
    """A Word document cannot be used. ``message`` says why and what to do, in plain words."""

    def __init__(self, path: Path, problem: Problem, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.problem = problem
        self.message = message


@dataclass(frozen=True)
class Use:
    """What the document is for, in the words its messages need."""

    not_used: str
    """How a sentence saying why ends: "so it was not imported"."""
    try_again: str
    """What to do once the file is put right: "import it again"."""


FOR_IMPORT = Use("so it was not imported", "import it again")
FOR_TEMPLATE = Use("so it cannot be used as a template", "choose it as the template again")

_CHECK_IT = "Check that this is the right document."


class WordPackage:
    """A .docx read into memory and checked: its size, what it holds, and what its parts claim
    to unpack to. Read parts with ``xml_part``; ``check_every_part`` unpacks them all."""

    def __init__(self, path: Path, use: Use, data: bytes) -> None:
        self.path = path
        self.use = use
        self.data = data
        """The whole file, as read once: hand this, not the path, to anything else that reads it."""
        with self._as_damage():
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self._check_entries()

    @classmethod
    def open(cls, path: Path | str, use: Use) -> WordPackage:
        path = Path(path)
        return cls(path, use, _read_word_file(path, use))

    @property
    def name(self) -> str:
        return self.path.name

    def error(self, problem: Problem, message: str) -> WordFileError:
        return WordFileError(self.path, problem, message)

    # The zip's directory --------------------------------------------------------------------

    def _check_entries(self) -> None:
        entries = self.archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise self.error(Problem.TOO_LARGE, f"“{self.name}” holds {len(entries)} files, but a Word document holds "
                             f"a few dozen, {self.use.not_used}. {_CHECK_IT}")
        total = sum(entry.file_size for entry in entries)
        if total > MAX_TOTAL_BYTES:
            raise self.error(Problem.TOO_LARGE, f"“{self.name}” would unpack to {_megabytes(total)} MB, far more than "
                             f"an action plan, {self.use.not_used}. {_CHECK_IT}")
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise self.error(Problem.PASSWORD, f"“{self.name}” is an encrypted zip file, not a Word document. "
                                 f"Open it in Word, remove any password, save it as .docx, then {self.use.try_again}.")
        if DOCUMENT_PART not in self.archive.namelist():
            raise self.error(Problem.NOT_WORD, f"“{self.name}” is a zip file but not a Word document: it has no "
                             "document text. Choose a Word document (.docx).")

    # Parts ------------------------------------------------------------------------------------

    def has_part(self, name: str) -> bool:
        return name in self.archive.NameToInfo

    def read_part(self, name: str) -> bytes:
        """The unpacked bytes of part ``name``, refused beyond its limit whatever its header says."""
        info = self.archive.getinfo(name)
        limit = _limit_of(name)
        if info.file_size > limit:
            raise self._too_much_text(name, info.file_size, limit)
        with self._as_damage(), self.archive.open(info) as stream:
            data = stream.read(limit + 1)  # one byte past: a header's size may lie
        if len(data) > limit:
            raise self._too_much_text(name, len(data), limit)
        return data

    def xml_part(self, name: str) -> etree._Element | None:
        """Part ``name`` parsed, or None when the document has no such part."""
        if not self.has_part(name):
            return None
        return parse_part(self.path, self.use, self.read_part(name), name)

    def check_every_part(self) -> None:
        """Unpack every part, as a program that reads them all (python-docx) will, and parse
        every XML part: damage, unusual compression and XML Word never writes are found here,
        with plain words, and never later as some other program's error."""
        for info in self.archive.infolist():
            if info.is_dir():
                continue
            if info.filename.endswith((".xml", ".rels")):
                parse_part(self.path, self.use, self.read_part(info.filename), info.filename)
            else:
                self._unpack_and_discard(info)

    def _unpack_and_discard(self, info: zipfile.ZipInfo) -> None:
        # Pictures and the like: unpacked in pieces, only to check them (the zip checks each
        # one's checksum at its end), and never beyond what its header promised.
        read = 0
        with self._as_damage(), self.archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size:
                    raise self._damaged()

    # Messages ---------------------------------------------------------------------------------

    @contextmanager
    def _as_damage(self) -> Iterator[None]:
        """Every way unpacking a damaged zip can fail becomes one error with plain words."""
        try:
            yield
        except WordFileError:
            raise
        except NotImplementedError:  # before RuntimeError, of which it is a kind
            raise self.error(Problem.DAMAGED, f"“{self.name}” was packed by a program other than Word, in a way "
                             f"this application cannot unpack. Open it in Word and save it again, then "
                             f"{self.use.try_again}.") from None
        except RuntimeError as error:
            if "encrypted" in str(error) or "password" in str(error):
                raise self.error(Problem.PASSWORD, f"“{self.name}” is protected with a password. Open it in Word, "
                                 f"remove the password, save it, then {self.use.try_again}.") from None
            raise self._damaged() from None
        except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError, ValueError,
                struct.error, KeyError, IndexError, OverflowError, UnicodeDecodeError):
            raise self._damaged() from None

    def _damaged(self) -> WordFileError:
        return self.error(Problem.DAMAGED, f"“{self.name}” is damaged: part of it cannot be unpacked, perhaps "
                          "because it did not download or copy completely. Ask for a fresh copy, or open it in Word "
                          f"and save it again, then {self.use.try_again}.")

    def _too_much_text(self, part: str, size: int, limit: int) -> WordFileError:
        usual = "a plan of 10,000 actions has under 10 MB" if part == DOCUMENT_PART else "Word writes far less there"
        return self.error(Problem.TOO_LARGE, f"“{self.name}” has more text than this application can read "
                          f"({_megabytes(size)} MB in {part}; the limit is {_megabytes(limit)} MB, and {usual}), "
                          f"{self.use.not_used}. {_CHECK_IT}")



# XML ------------------------------------------------------------------------------------------


def parse_part(path: Path, use: Use, data: bytes, part: str) -> etree._Element:
    """Parse one XML part of the document at ``path``, refusing any DTD or entity declaration,
    and anything nested or sized beyond what Word writes."""
    if _DECLARATION.search(data[:4096]) or b"<!ENTITY" in data:
        raise _declarations(path, use, part)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise _unreadable_xml(path, use, part, str(error)) from None
    except ValueError:  # lxml refuses some documents this way (an encoding it does not know)
        raise _unreadable_xml(path, use, part, "") from None
    tree = root.getroottree()
    if getattr(tree.docinfo, "doctype", "") or tree.docinfo.internalDTD is not None:
        raise _declarations(path, use, part)
    return root


def _declarations(path: Path, use: Use, part: str) -> WordFileError:
    return WordFileError(path, Problem.UNSAFE, f"“{path.name}” contains XML declarations Word never writes ({part}), "
                         f"{use.not_used}. If it came from Word, open it there and save it again, then "
                         f"{use.try_again}.")


def _unreadable_xml(path: Path, use: Use, part: str, reason: str) -> WordFileError:
    # The XML library's own words ("Excessive depth in document: 256, use XML_PARSE_HUGE
    # option") name its options, not what happened: say that in words a person can act on.
    reason = reason.lower()
    if "amplification" in reason:
        return _declarations(path, use, part)
    if any(word in reason for word in ("xml_parse_huge", "huge", "excessive depth", "too long")):
        return WordFileError(path, Problem.DAMAGED, f"“{path.name}” is built in a way Word never writes: its {part} "
                             f"is nested too deeply or holds one piece of text too long to read, {use.not_used}. If "
                             f"it came from Word, open it there and save it again, then {use.try_again}.")
    return WordFileError(path, Problem.DAMAGED, f"“{path.name}” is damaged: part of it ({part}) cannot be read. Ask "
                         f"for a fresh copy, or open it in Word and save it again, then {use.try_again}.")


def _limit_of(part: str) -> int:
    return MAX_DOCUMENT_BYTES if part == DOCUMENT_PART else MAX_PART_BYTES


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f}" if size >= 1024 * 1024 else f"{size / 1024 / 1024:.1f}"


# The file -------------------------------------------------------------------------------------


def _read_word_file(path: Path, use: Use) -> bytes:
    name = path.name
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise WordFileError(path, Problem.UNREADABLE, f"“{name}” is a folder, not a Word document. "
                                "Choose a Word document (.docx).")
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device would hang the application or never end.
            raise WordFileError(path, Problem.UNREADABLE, f"“{name}” is not a file, so it cannot be a Word "
                                "document. Choose a Word document (.docx).")
        if status.st_size > MAX_FILE_BYTES:
            raise _too_large(path, status.st_size, use)
        with path.open("rb") as stream:
            data = read_at_most(stream, status.st_size, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise WordFileError(path, Problem.UNREADABLE, f"“{name}” could not be found. Check its name and folder, "
                            "or choose it again.") from None
    except PermissionError:
        raise WordFileError(path, Problem.UNREADABLE, f"“{name}” could not be opened because you do not have "
                            "permission to read it. Ask whoever shared it with you, or your IT team, to give "
                            "you access.") from None
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        raise WordFileError(path, Problem.UNREADABLE, f"“{name}” could not be read ({reason}). If it is on a "
                            f"network drive, check you are connected, then {use.try_again}.") from None
    except ValueError:  # a name with a NUL character in it
        raise WordFileError(path, Problem.UNREADABLE, f"“{name}” could not be found: the name is not valid. "
                            "Choose the file again.") from None
    if len(data) > MAX_FILE_BYTES:  # it grew while being read
        raise _too_large(path, len(data), use)
    _check_kind(path, data, use)
    return data


def _too_large(path: Path, size: int, use: Use) -> WordFileError:
    return WordFileError(path, Problem.TOO_LARGE, f"“{path.name}” is {_megabytes(size)} MB. An action plan is "
                         f"usually well under 1 MB, and files over {MAX_FILE_BYTES // 1024 // 1024} MB are not read, "
                         f"{use.not_used}. {_CHECK_IT}")


def _check_kind(path: Path, data: bytes, use: Use) -> None:
    name = path.name
    if data[:8] == _OLE_SIGNATURE:
        # Word saves a password-protected .docx as an OLE compound file holding an
        # "EncryptedPackage" stream; an OLE file without one is an old-style .doc.
        if _ENCRYPTED_STREAM in data:
            raise WordFileError(path, Problem.PASSWORD, f"“{name}” is protected with a password. Open it in Word, "
                                "remove the password (File > Info > Protect Document), save it, then "
                                f"{use.try_again}.")
        raise WordFileError(path, Problem.OLD_WORD, f"“{name}” is an older Word document (.doc). Open it in Word "
                            f"and save it as .docx first, then {use.try_again}.")
    if not data.startswith(b"PK"):
        raise WordFileError(path, Problem.NOT_WORD, f"“{name}” is not a Word document (.docx). Choose a Word "
                            "document, or open the file in Word and save it as .docx.")
