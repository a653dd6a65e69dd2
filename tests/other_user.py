"""Run a piece of a test as another user, as a colleague on a shared drive would: a root test
run switches to "nobody" in a child process, so folder permissions apply to it as they do to
every member of staff (root itself passes every permission check)."""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from typing import Any

NOBODY = 65534


def can_switch_users() -> bool:
    return hasattr(os, "fork") and os.geteuid() == 0


def as_nobody(work: Callable[[], Any]) -> tuple[str, Any]:
    """Run ``work`` in a child process as "nobody". Returns ("returned", its value) or
    ("raised", the exception it raised)."""
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        os.close(reading)
        try:
            os.setgroups([])
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            try:
                outcome: tuple[str, Any] = ("returned", work())
            except Exception as error:  # handed back to the test to judge
                outcome = ("raised", error)
            os.write(writing, pickle.dumps(outcome))
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as stream:
        data = stream.read()
    os.waitpid(child, 0)
    return pickle.loads(data)
