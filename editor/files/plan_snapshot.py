"""Turn the open plan into file bytes in small steps, re-serialising only concerns that changed.

Serialising a 10,000-action plan in one go takes about 35 ms, too long for the GUI thread,
and a worker thread would not help: pydantic holds the GIL while it serialises, and the plan
is being edited on the GUI thread. So each concern's JSON is kept with a cheap fingerprint of
its values, and a snapshot only re-serialises concerns whose fingerprint changed. The work is
a generator, so the caller can run it in slices of a few milliseconds between keystrokes.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from actionplan.migrations import SCHEMA_VERSION
from actionplan.model import Concern, Plan
from actionplan.storage import FORMAT_NAME

HEADER = f'{{"format": "{FORMAT_NAME}", "schema_version": {SCHEMA_VERSION}, "plan": '.encode()

Fingerprint = tuple[Any, ...]


def fingerprint(concern: Concern) -> Fingerprint:
    """The concern's field values and each action's. Values are immutable (str, enums, dates,
    the frozen TargetDate), so keeping them and comparing later is enough, and tuple comparison
    short-cuts on identity, which keeps an unchanged plan cheap to check."""
    own = tuple(tuple(value) if isinstance(value, list) else value for value in concern.__dict__.values())
    # Action fields are all scalars; the bare tuple is the fast path for thousands of actions.
    return own, tuple([tuple(action.__dict__.values()) for action in concern.actions])


class PlanSnapshotter:
    """Keeps each concern's serialised JSON between snapshots of the same plan."""

    def __init__(self) -> None:
        self._fragments: dict[str, tuple[Fingerprint, bytes]] = {}
        self.reserialised = 0
        """How many concerns the last snapshot had to serialise again (for tests and benchmarks)."""

    def forget(self) -> None:
        """Drop everything kept: call when the whole plan is replaced."""
        self._fragments.clear()

    def snapshot(self, plan: Plan) -> bytes:
        """The whole snapshot in one go."""
        steps = self.steps(plan)
        while True:
            try:
                next(steps)
            except StopIteration as finished:
                result: bytes = finished.value
                return result

    def steps(self, plan: Plan) -> Generator[bool, None, bytes]:
        """Yields after each concern; returns the same bytes as ``storage.plan_to_bytes``.
        The value yielded is True when the next step is the large one that joins everything,
        so a caller can give that step a time slice of its own.

        The plan must not change while the generator runs: a caller that lets edits in between
        steps must start again (unchanged concerns then cost only their fingerprint)."""
        self.reserialised = 0
        fragments: list[bytes] = []
        kept: dict[str, tuple[Fingerprint, bytes]] = {}
        for concern in plan.concerns:
            kept[concern.id] = self._fragment(concern)
            fragments.append(kept[concern.id][1])
            yield False
        yield True
        self._fragments = kept
        rest = plan.model_dump_json(exclude_none=True, exclude={"concerns"}).encode("utf-8")
        prefix = HEADER + b'{"concerns":['
        suffix = b"]" + (b"," + rest[1:] if rest != b"{}" else b"}") + b"}\n"
        if not fragments:
            return prefix + suffix
        # One join makes one large allocation: each extra copy of a 3 MB plan costs milliseconds
        # in fresh pages, and this runs on the GUI thread.
        fragments[0] = prefix + fragments[0]
        fragments[-1] = fragments[-1] + suffix
        return b",".join(fragments)

    def _fragment(self, concern: Concern) -> tuple[Fingerprint, bytes]:
        current = fingerprint(concern)
        known = self._fragments.get(concern.id)
        if known is not None and known[0] == current:
            return known
        self.reserialised += 1
        return current, concern.model_dump_json(exclude_none=True).encode("utf-8")
