"""Word documents chosen where a plan file was expected (File ▸ Open, a drop, the command line),
told apart from plan files before reading them, so the editor can offer to import a Word plan
rather than say that it "is not text".
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from actionplan.storage import FILE_SUFFIX
from editor.files.questions import Prompter

_ZIP = b"PK\x03\x04"
"""A .docx is a zip; so is nothing else a person is likely to open here by mistake."""
_OLD_WORD = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Word 97 to 2003 (.doc), and other Office files of that age."""


class WordDocument(Enum):
    DOCX = "docx"
    """Word 2007 or later: the importer reads it."""
    OLD = "doc"
    """Word 97 to 2003: Word must save it as .docx first."""


def word_document_kind(path: Path) -> WordDocument | None:
    """Whether ``path`` is a Word document, by its name or, for a file not named as a plan,
    by its first bytes. None for anything else, a plan file included."""
    suffix = path.suffix.lower()
    if suffix in (".docx", ".docm"):
        return WordDocument.DOCX
    if suffix == ".doc":
        return WordDocument.OLD
    if suffix == FILE_SUFFIX:
        return None
    try:
        with path.open("rb") as file:
            start = file.read(len(_OLD_WORD))
    except OSError:
        return None  # opening it as a plan explains what is wrong
    if start.startswith(_ZIP):
        return WordDocument.DOCX
    if start == _OLD_WORD:
        return WordDocument.OLD
    return None


def old_word_message(name: str) -> str:
    return (f"“{name}” is a Word 97 to 2003 document (.doc), which the editor cannot read. Open it in "
            "Word, save it as a Word Document (.docx), then open that here to import it.")


def offer_to_import(prompter: Prompter, path: Path, word: WordDocument,
                    import_word_plan: Callable[[Path], bool] | None) -> bool:
    """A Word document where a plan file was expected: offer to import it. False, as nothing
    has been opened yet: the import opens the plan once it has read the file."""
    if word is WordDocument.OLD:
        prompter.show_error("Could not open plan", old_word_message(path.name))
    elif import_word_plan is None:
        prompter.show_error(
            "Could not open plan",
            f"“{path.name}” is a Word document, not a plan file. Use File ▸ Import Word plan… to "
            "open the action plan in it.")
    elif prompter.offer_import_word(path.name):
        import_word_plan(path)
    return False
