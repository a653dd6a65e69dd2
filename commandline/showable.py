"""What the command line prints is made safe to show on a terminal.

A plan, a Word document or a returned form can hold control characters: escape sequences that
recolour the terminal, clear it, set its title or move the cursor, and marks that reverse the
direction of text. Printed raw they would do those things. ``showable`` writes each one as a
visible ``\\u001b``-style code instead; the plan itself is not changed. The same form is valid
inside a JSON string, so ``check --json`` stays valid JSON.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""Every C0 control but tab and line feed, DEL, the C1 controls (0x9b starts an escape sequence
on some terminals too), and the marks that change the direction of text."""


def showable(text: str) -> str:
    """``text`` with each control character written as a visible code."""
    return _CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


class ShowableStream:
    """A text stream that writes everything through ``showable``. ``raw`` is the stream it
    wraps, for a caller that writes its own control codes on purpose (the progress line)."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        return self.raw.write(showable(text))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def unwrapped(stream: TextIO) -> TextIO:
    """The stream under a ``ShowableStream``, or ``stream`` itself."""
    return stream.raw if isinstance(stream, ShowableStream) else stream


@contextlib.contextmanager
def showable_output() -> Iterator[None]:
    """While it lasts, standard output and standard error print control characters as codes."""
    saved = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, ShowableStream(unwrapped(sys.stdout)))
    sys.stderr = cast(TextIO, ShowableStream(unwrapped(sys.stderr)))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
