"""Where a piece of evidence is: a web link, or a file kept relative to the plan's folder when it
sits inside it (so the folder can be moved or shared as a whole), and opening it.

A file that is no longer there is said plainly, and the evidence item is kept: nothing is lost
because a shared drive was reorganised.

A program or script is never opened from a plan. Opening a file asks the computer to open it
with whatever it uses for that kind of file, and for a program that means running it: a plan
file shared on a drive could have been changed to name one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

Opener = Callable[[QUrl], bool]
"""Opens a link or file in the program the computer uses for it (``QDesktopServices.openUrl``)."""

_WEB_SCHEMES = ("http://", "https://", "mailto:")
_AROUND = " \t\r\n\""
"""Taken off the ends of a typed link: spaces, and the quotes "Copy as path" puts round it (not
every Unicode space: a file's name may end in one)."""


PROGRAM_SUFFIXES = frozenset((
    ".exe", ".com", ".bat", ".cmd", ".scr", ".pif", ".cpl", ".msi", ".msp", ".mst", ".msc", ".dll",
    ".ps1", ".psm1", ".psd1", ".vbs", ".vbe", ".js", ".jse", ".wsf", ".wsh", ".ws", ".hta", ".jar",
    ".lnk", ".url", ".scf", ".reg", ".inf", ".chm", ".gadget", ".application", ".appref-ms",
    ".sh", ".bash", ".command", ".app", ".desktop", ".py", ".pyw", ".pl", ".rb", ".run", ".bin",
))
"""Kinds of file that the computer runs, rather than shows, when asked to open them."""


def open_with_desktop(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


def is_web_link(link: str) -> bool:
    lowered = link.strip().lower()
    return lowered.startswith(_WEB_SCHEMES) or lowered.startswith("www.")


def link_to_keep(typed: str, plan_folder: Path | None) -> str:
    """What to store for a link typed, pasted or chosen: web links as they are; a file path
    (Windows' "Copy as path" puts quotes round it) relative to ``plan_folder`` when inside it."""
    link = typed.strip(_AROUND)
    if not link or is_web_link(link):
        return link
    if link.lower().startswith("file:"):
        link = QUrl(link).toLocalFile() or link
    path = Path(link)
    if plan_folder is not None and path.is_absolute():
        try:
            return path.resolve().relative_to(plan_folder.resolve()).as_posix()
        except ValueError:
            return link  # outside the plan's folder: kept whole
    return link


def file_of(link: str, plan_folder: Path | None) -> Path | None:
    """The file a stored file link names: a relative one is in the plan's folder. None when it
    is relative and the plan has no folder yet (it has not been saved)."""
    link = link.strip(_AROUND)
    path = Path(link)
    if path.is_absolute():
        return path
    return plan_folder / PurePosixPath(link) if plan_folder is not None else None


@dataclass(frozen=True)
class Opened:
    """What happened when evidence was opened: ``problem`` is None when it opened."""

    problem: str | None = None
    title: str = ""


def open_evidence(link: str, plan_folder: Path | None, opener: Opener) -> Opened:
    """Open the evidence at ``link``, or say in plain words why it cannot be opened."""
    link = link.strip(_AROUND)
    if not link:
        return Opened("This evidence has no link or file to open. Its description is all it holds.",
                      "Nothing to open")
    if is_web_link(link):
        url = QUrl.fromUserInput(link)
        if opener(url):
            return Opened()
        return Opened(f"The link “{link}” could not be opened. Check that a web browser or email "
                      "program is set up on this computer.", "Could not open the link")
    path = file_of(link, plan_folder)
    if path is None:
        return Opened(f"“{link}” is a file named relative to the plan's folder, but this plan has not "
                      "been saved yet. Save the plan in the folder that holds the file, then open it.",
                      "Could not find the file")
    if path.suffix.lower() in PROGRAM_SUFFIXES:
        return Opened(f"“{path.name}” is a program or script, not a document, so it is not opened from a plan: "
                      "opening it would run it. If you know what it is and trust it, open it from its folder "
                      f"({path.parent}).", "Not opened")
    if not path.exists():
        return Opened(f"“{link}” cannot be found at {path}. It may have been moved, renamed or deleted. "
                      "The evidence item is kept: add the file again, or remove the item if it is no "
                      "longer needed.", "File not found")
    if opener(QUrl.fromLocalFile(str(path))):
        return Opened()
    return Opened(f"“{path.name}” is there but could not be opened. Check that a program that opens "
                  "this kind of file is installed.", "Could not open the file")
