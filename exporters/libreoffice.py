"""PDF (tagged, PDF/UA) and ODT through LibreOffice in headless mode, when it is installed.

LibreOffice runs with a private profile folder, so a copy the user has open cannot swallow the
request, and is stopped if it takes too long. From the standalone folder it starts with the
environment the user's computer gave the application, not the one the folder's start-up made
for its own libraries (see ``environment_for_libreoffice``).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path

from actionplan.work import NO_WORK, Cancelled, Work
from exporters.errors import LibreOfficeError

BASE_SECONDS = 90
SECONDS_PER_ROW = 0.1
"""LibreOffice took 45 seconds for a 2,000-action plan in the merged classic layout on a
2-core machine: about 22 ms a table row. A slow laptop gets four times that, and every
document a minute and a half to start in."""
WORD_PDF_HELP = (
    "To make a PDF without LibreOffice, export as Word (.docx), open the file in Word, choose "
    "File > Save As, pick PDF, and under Options tick “Document structure tags for accessibility”."
)
NOT_INSTALLED = (
    "PDF and ODT export need LibreOffice, which is not installed on this computer. "
    "Install it from libreoffice.org (or ask your IT team). " + WORD_PDF_HELP
)

# Tagged PDF with PDF/UA checks, so headings, tables and reading order reach screen readers.
_PDF_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "UseLosslessCompression": {"type": "boolean", "value": "true"},
}
LIBRARY_PATH_VARIABLES = ("LD_LIBRARY_PATH", "LIBPATH", "DYLD_LIBRARY_PATH")
"""Where PyInstaller's start-up keeps the user's own value in NAME_ORIG."""
FILTERS = {
    ".pdf": "pdf:writer_pdf_Export:" + json.dumps(_PDF_OPTIONS, separators=(",", ":")),
    ".odt": "odt:writer8",
}


def _candidates() -> Iterator[Path]:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            yield Path(found)
    for variable in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
        root = os.environ.get(variable)
        if root:
            yield Path(root) / "LibreOffice" / "program" / "soffice.exe"
            yield Path(root) / "Programs" / "LibreOffice" / "program" / "soffice.exe"
    yield Path(r"C:\Program Files\LibreOffice\program\soffice.exe")
    yield Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
    for folder in ("/usr/bin", "/usr/local/bin", "/usr/lib/libreoffice/program", "/opt/libreoffice/program",
                   "/snap/bin", "/Applications/LibreOffice.app/Contents/MacOS"):
        yield Path(folder) / "soffice"
    yield from sorted(Path("/opt").glob("libreoffice*/program/soffice"), reverse=True)


def find_soffice() -> Path | None:
    """LibreOffice's ``soffice`` program, or None when LibreOffice is not installed."""
    override = os.environ.get("ACTIONPLAN_SOFFICE")
    if override:
        return Path(override) if Path(override).is_file() else None
    return next((path for path in _candidates() if path.is_file()), None)


def time_limit(rows: int) -> float:
    """How long LibreOffice may take for a document whose tables have ``rows`` rows."""
    return BASE_SECONDS + SECONDS_PER_ROW * max(0, rows)


def describe_seconds(seconds: float) -> str:
    """``90 seconds``, ``4 minutes``: how long, in words."""
    if seconds < 120:
        return f"{int(seconds)} seconds"
    return f"{round(seconds / 60)} minutes"


def convert(docx: Path, suffix: str, out_folder: Path, *, timeout: float = BASE_SECONDS,
            work: Work = NO_WORK) -> Path:
    """Convert ``docx`` to ``suffix`` (``.pdf`` or ``.odt``) in ``out_folder``; return the new file.
    LibreOffice is stopped after ``timeout`` seconds, or as soon as ``work`` is cancelled (which
    raises ``Cancelled``)."""
    soffice = find_soffice()
    if soffice is None:
        raise LibreOfficeError(NOT_INSTALLED)
    with tempfile.TemporaryDirectory(prefix="actionplan-lo-") as profile:
        command = [
            str(soffice), f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless", "--invisible", "--norestore", "--nolockcheck", "--nodefault",
            "--convert-to", FILTERS[suffix], "--outdir", str(out_folder), str(docx),
        ]
        _run(command, timeout, work, suffix)
    result = out_folder / (docx.stem + suffix)
    if not result.is_file() or result.stat().st_size == 0:
        raise LibreOfficeError(f"LibreOffice could not convert the document to {suffix[1:].upper()}. " + WORD_PDF_HELP)
    return result


def environment_for_libreoffice(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment LibreOffice starts in: ours, less what the standalone folder added.

    PyInstaller's start-up puts the folder's libraries first on ``LD_LIBRARY_PATH`` (keeping the
    user's own in ``LD_LIBRARY_PATH_ORIG``), and pyenchant puts its DLL folder on ``PATH`` on
    Windows; LibreOffice would then load our copies of libraries it ships or finds itself, and
    fail. So a saved original is put back, and every path inside the folder is taken out of
    every variable (a variable left with none is dropped)."""
    environment = dict(os.environ if environ is None else environ)
    folders = _bundle_folders()
    if not folders:
        return environment
    for name in LIBRARY_PATH_VARIABLES:
        if name + "_ORIG" in environment:
            environment[name] = environment.pop(name + "_ORIG")
    for name, value in list(environment.items()):
        kept = [entry for entry in value.split(os.pathsep) if not _is_inside(entry, folders)]
        if len(kept) == len(value.split(os.pathsep)):
            continue
        if any(kept):
            environment[name] = os.pathsep.join(kept)
        else:
            del environment[name]
    return environment


def _bundle_folders() -> list[Path]:
    """The standalone folder's own folders, or none when not running from one."""
    if not getattr(sys, "frozen", False):
        return []
    folders = [Path(sys.executable).resolve().parent]
    unpacked = getattr(sys, "_MEIPASS", None)
    if unpacked:
        folders.append(Path(unpacked).resolve())
    return folders


def _is_inside(entry: str, folders: list[Path]) -> bool:
    if not entry or not os.path.isabs(entry):
        return False
    path = Path(os.path.normpath(entry))
    return any(path == folder or folder in path.parents for folder in folders)


@contextlib.contextmanager
def _windows_dll_search_as_usual() -> Iterator[None]:
    """On Windows, PyInstaller's start-up adds the folder to the DLL search path with
    SetDllDirectory, which a program we start inherits: undo it while LibreOffice starts.
    (Windows only; untested on Linux, where it does nothing.)"""
    unpacked = getattr(sys, "_MEIPASS", None)
    if os.name != "nt" or not getattr(sys, "frozen", False) or not unpacked:
        yield
        return
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.SetDllDirectoryW(None)
    try:
        yield
    finally:
        kernel32.SetDllDirectoryW(unpacked)


def _run(command: list[str], timeout: float, work: Work, suffix: str) -> None:
    options: dict[str, object] = {"env": environment_for_libreoffice()}
    if os.name == "nt":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        options["start_new_session"] = True
    # What LibreOffice says goes to a temporary file, not a pipe held in memory: it can say a great
    # deal, and only the start of it is ever shown.
    with tempfile.TemporaryFile() as said:
        try:
            with _windows_dll_search_as_usual():
                process = subprocess.Popen(  # noqa: S603 - the command is built here, not typed by a user
                    command, stdin=subprocess.DEVNULL, stdout=said, stderr=said, **options  # type: ignore[call-overload]
                )
        except OSError as error:
            raise LibreOfficeError(f"LibreOffice could not be started: {error.strerror or error}. "
                                   + WORD_PDF_HELP) from None
        deadline = time.monotonic() + timeout
        try:
            _wait(process, deadline, timeout, work, suffix)
        except KeyboardInterrupt:  # Ctrl+C on the command line: LibreOffice runs apart, so stop it too
            _stop(process)
            raise
        if process.returncode != 0:
            said.seek(0)
            raise LibreOfficeError(failure_message(said.read(MAX_DETAIL_BYTES), suffix))


MAX_DETAIL_BYTES = 4096
"""How much of what LibreOffice said is read back after a failure."""
MAX_DETAIL_CHARACTERS = 200
"""How much of it a message quotes."""


def failure_message(output: bytes, suffix: str) -> str:
    """What to tell the user when LibreOffice fails: what to do first, then a short, one-line,
    printable quote of what LibreOffice said."""
    words = " ".join("".join(c if c.isprintable() else " " for c in output.decode("utf-8", "replace")).split())
    if len(words) > MAX_DETAIL_CHARACTERS:
        words = words[:MAX_DETAIL_CHARACTERS - 1].rstrip() + "…"
    quoted = f" LibreOffice said: “{words}”" if words else ""
    return (f"LibreOffice could not make the {suffix[1:].upper()}, so nothing was written. The Word document, which "
            "is the one HMPPS publishes, can still be exported: choose Word (.docx). " + WORD_PDF_HELP + quoted)


def _wait(process: subprocess.Popen[bytes], deadline: float, timeout: float, work: Work, suffix: str) -> None:
    while True:
        try:
            process.wait(timeout=_POLL_SECONDS)
            return
        except subprocess.TimeoutExpired:
            if work.cancelled:
                _stop(process)
                raise Cancelled from None
            if time.monotonic() > deadline:
                _stop(process)
                raise LibreOfficeError(
                    f"LibreOffice took longer than {describe_seconds(timeout)} to make the {suffix[1:].upper()} "
                    "and was stopped. Nothing was written. The Word document, which is the one HMPPS "
                    "publishes, can still be exported: choose Word (.docx). " + WORD_PDF_HELP
                ) from None


_POLL_SECONDS = 0.2
"""How often a running conversion looks to see whether the person has cancelled."""


def _stop(process: subprocess.Popen[bytes]) -> None:
    # LibreOffice starts a child (oosplash starts soffice.bin), so stop the whole group.
    with contextlib.suppress(OSError):
        if os.name == "nt":
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)
