"""What the application reads at run time, shipped inside the package: the Word template, the
sample plan, the application icon and the British English spelling dictionary.

Everything is found through ``importlib.resources``, never a path worked out from the source
tree, so it is there however the application was installed: a checkout, a wheel or the
standalone folder. The scripts that make these files are in ``tools/``, outside the package.
This package imports nothing from the rest of the application.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

TEMPLATE = "template.docx"
SAMPLE_PLAN = "sample-plan.actionplan"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
WINDOWS_ICON = "icons/app.ico"
SPELLING_FOLDER = "spelling"
"""Laid out as Enchant expects a configuration folder: the dictionaries are in ``hunspell/``."""


def resource(name: str) -> Traversable:
    """The shipped file ``name`` (``/`` between folders), which may not exist."""
    return files(__name__).joinpath(*name.split("/"))


def read_bytes(name: str) -> bytes:
    """The contents of the shipped file ``name``. Raises ``FileNotFoundError`` when the
    installation lacks it."""
    return resource(name).read_bytes()


def icon_name(size: int) -> str:
    return f"icons/app-{size}.png"


def folder_on_disk(name: str) -> Path | None:
    """The shipped folder ``name`` as a real folder on disk, for libraries that take a folder
    (Enchant), or None when this installation has no such folder there."""
    found = resource(name)
    if isinstance(found, Path) and found.is_dir():
        return found
    return None
