"""A sign of life for a command that takes more than a second: on a terminal, one line on
standard error that says what the command is doing and for how long, rewritten in place and
wiped when it ends. Nothing at all when standard error is not a terminal (piped, or a file),
so scripts and logs stay clean."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from actionplan.work import Work
from commandline.showable import showable, unwrapped

SHOW_AFTER_SECONDS = 1.0
"""Quicker tasks show nothing. ``ACTIONPLAN_PROGRESS_AFTER`` (seconds) changes it, for tests."""
EVERY_SECONDS = 0.25


@contextmanager
def progress_line(stream: TextIO | None = None, *, force: bool = False) -> Iterator[Work]:
    """A ``Work`` for the task; while it runs past a second, ``Checking the plan… 3 s``."""
    out = unwrapped(stream if stream is not None else sys.stderr)  # the line writes its own codes
    work = Work()
    if not (force or _is_terminal(out)):
        yield work
        return
    after = _seconds(os.environ.get("ACTIONPLAN_PROGRESS_AFTER"), SHOW_AFTER_SECONDS)
    finished = threading.Event()
    shown = threading.Event()
    started = time.monotonic()

    def say() -> None:
        elapsed = int(time.monotonic() - started)
        percent = f" {round(work.fraction * 100)}%" if work.fraction > 0 else ""
        _write(out, f"\r\x1b[2K{showable(work.doing)}…{percent} {elapsed} s")
        shown.set()

    def show() -> None:
        if finished.wait(after):
            return
        while not finished.is_set():
            if work.doing:  # nothing to say until the task has said what it is doing
                say()
                finished.wait(EVERY_SECONDS)
            else:
                finished.wait(min(EVERY_SECONDS, 0.02))

    ticker = threading.Thread(target=show, name="progress line", daemon=True)
    ticker.start()
    try:
        yield work
    finally:
        finished.set()
        ticker.join()
        # A busy machine can starve the ticker: a task that ran past the threshold still says
        # once what it was doing, so what is shown never depends on thread scheduling.
        if not shown.is_set() and work.doing and time.monotonic() - started >= after:
            say()
        if shown.is_set():
            _write(out, "\r\x1b[2K")


def _seconds(text: str | None, default: float) -> float:
    try:
        return max(0.0, float(text)) if text else default
    except ValueError:
        return default


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write(stream: TextIO, text: str) -> None:
    try:
        stream.write(text)
        stream.flush()
    except (OSError, ValueError):
        pass  # the terminal went away: the line is only a courtesy
