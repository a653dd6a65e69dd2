"""A long task's way to say how far it has got and to hear that the person has cancelled it.
Opening, importing, exporting, making a PDF and reading update forms take a ``Work`` and call
``step`` as they go; the editor shows a progress bar with the words and a Cancel button, the
command line a progress line on a terminal. Nothing here knows who is listening."""

from __future__ import annotations

import threading
from collections.abc import Callable


class Cancelled(Exception):
    """The person cancelled the task. Whatever it was writing has been taken away again."""


class Work:
    """Progress of one task, from 0 to 1, with what it is doing in words ("Making the PDF"),
    and a flag the person can set to stop it. Safe to use from a worker thread."""

    def __init__(self, on_progress: Callable[[float, str], None] | None = None) -> None:
        self._on_progress = on_progress
        self._cancelled = threading.Event()
        self.fraction = 0.0
        self.doing = ""

    def step(self, fraction: float, doing: str | None = None) -> None:
        """Say how far the task has got; raises ``Cancelled`` once the person has cancelled."""
        self.check()
        self.fraction = min(1.0, max(self.fraction, fraction))
        if doing is not None:
            self.doing = doing
        if self._on_progress is not None:
            self._on_progress(self.fraction, self.doing)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def check(self) -> None:
        if self._cancelled.is_set():
            raise Cancelled

    def wait(self, seconds: float) -> bool:
        """Wait up to ``seconds``; True as soon as the person cancels."""
        return self._cancelled.wait(seconds)


NO_WORK = Work()
"""For callers that show no progress and never cancel."""
