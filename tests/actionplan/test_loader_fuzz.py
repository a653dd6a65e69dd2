"""Fuzzing the loader: damaged plan files give only typed errors, never another exception."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.file_errors import PlanFileError
from actionplan.model import Plan
from actionplan.storage import plan_from_bytes, plan_to_bytes, read_plan
from benchmarks.generate import make_plan

# JSON pieces a damaged file could hold in the wrong place.
TOKENS = [
    b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b"\\u", b"\\ud800", b"null", b"true", b"false",
    b"0", b"-1", b"1e999", b"NaN", b"Infinity", b"9" * 5000, b'"kind"', b'"month"', b'"date"',
    b'"year"', b'"day"', b'"concerns"', b'"actions"', b'"target"', b'"schema_version"', b"2",
    b'"format"', b'"hmpps-action-plan"', b"\xff", b"\xc3", b"\x00", b"\xef\xbb\xbf", b"[" * 3000,
]


def _real_plans() -> list[bytes]:
    plans = [plan_to_bytes(make_plan(30, seed=seed)) for seed in range(3)]
    plans.append(plan_to_bytes(Plan()))
    return plans


PLANS = _real_plans()


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to four random damages of the kinds disks, networks and editors cause."""
    buffer = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(6)
        at = rng.randrange(len(buffer) + 1)
        if kind == 0 and buffer:  # bit flip
            at = min(at, len(buffer) - 1)
            buffer[at] ^= 1 << rng.randrange(8)
        elif kind == 1:  # delete a run of bytes
            del buffer[at:at + rng.randint(1, 40)]
        elif kind == 2:  # insert random bytes
            buffer[at:at] = rng.randbytes(rng.randint(1, 8))
        elif kind == 3:  # insert a JSON token
            buffer[at:at] = rng.choice(TOKENS)
        elif kind == 4:  # splice in a piece of another plan
            other = rng.choice(PLANS)
            start = rng.randrange(len(other))
            buffer[at:at] = other[start:start + rng.randint(1, 200)]
        else:  # change a value of the right shape to another
            buffer = bytearray(_swap_value(bytes(buffer), rng))
    return bytes(buffer)


_VALUE = re.compile(rb'(?<=: )("[^"\\]*"|-?\d+|true|false|null)')


def _swap_value(data: bytes, rng: random.Random) -> bytes:
    matches = list(_VALUE.finditer(data))
    if not matches:
        return data
    match = rng.choice(matches)
    replacement = rng.choice([b"null", b"0", b"-1", b'""', b"[]", b"{}", b"1e309", b"31", b"13",
                              b'"month"', b'"unrecognised"', b'"2026-02-30"', b"99999999999999999999"])
    return data[:match.start()] + replacement + data[match.end():]


def load_or_typed_error(data: bytes) -> None:
    try:
        plan = plan_from_bytes(data, "fuzzed.actionplan")
    except PlanFileError as error:
        message = error.message
    else:
        # Whatever loads must save again and load the same.
        assert plan_from_bytes(plan_to_bytes(plan)) == plan
        return
    assert message
    assert "\n" not in message


@pytest.mark.slow
def test_thousands_of_mutated_files_give_only_typed_errors() -> None:
    rng = random.Random(20260622)
    outcomes = {"loaded": 0, "refused": 0}
    for _ in range(10_000):
        data = mutate(rng.choice(PLANS), rng)
        try:
            plan_from_bytes(data, "fuzzed.actionplan")
            outcomes["loaded"] += 1
        except PlanFileError:
            outcomes["refused"] += 1
        # Anything else propagates and fails the test, with the seed's data reproducible.
    assert outcomes["loaded"] > 200, outcomes  # the mutations reach the validator, not only the parser
    assert outcomes["refused"] > 5000, outcomes


def test_every_truncation_gives_a_typed_error() -> None:
    data = plan_to_bytes(make_plan(3, seed=1))
    for length in range(len(data) - 2):  # only the final "}\n" may go
        with pytest.raises(PlanFileError):
            plan_from_bytes(data[:length], "cut.actionplan")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(range(len(PLANS))), st.integers(0, 2**32 - 1))
def test_hypothesis_mutations(index: int, seed: int) -> None:
    load_or_typed_error(mutate(PLANS[index], random.Random(seed)))


@settings(max_examples=300, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["details", "concerns", "actions", "target", "kind", "year", "month", "day",
                         "text", "owner", "id", "category", "reference", "agreement", "era",
                         "dismissals", "word_list", "rule", "item_id", "submitted"]),
        inner, max_size=5),
    max_leaves=30,
))
def test_any_json_in_a_plan_envelope_gives_a_plan_or_a_typed_error(plan: object) -> None:
    document = {"format": "hmpps-action-plan", "schema_version": 1, "plan": plan}
    load_or_typed_error(json.dumps(document).encode())


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_give_a_typed_error(data: bytes) -> None:
    load_or_typed_error(data)


def merged_by_hand(data: bytes, rng: random.Random) -> bytes:
    """A concern or an action pasted in twice, as hand merges and copies between files do."""
    document = json.loads(data)
    concerns = document["plan"]["concerns"]
    if concerns:
        concern = rng.choice(concerns)
        if concern["actions"] and rng.random() < 0.5:
            concern["actions"].append(dict(rng.choice(concern["actions"])))
        else:
            concerns.insert(rng.randrange(len(concerns) + 1), json.loads(json.dumps(concern)))
    return json.dumps(document).encode()


@pytest.mark.timeout(60)
def test_damaged_plan_files_on_disk_load_whole_or_are_explained(tmp_path: Path) -> None:
    """Issue 16: every damaged plan file, read from disk as the editor and the command line read
    it, gives a plan whose ids are its own (repairs said in one line) or the project's own error
    with a one-line message naming the file."""
    rng = random.Random("issue-16-plan-files")
    path = tmp_path / "damaged plan.actionplan"
    outcomes = {"loaded": 0, "repaired": 0, "refused": 0}
    for _ in range(1500):
        data = rng.choice(PLANS)
        data = merged_by_hand(data, rng) if rng.random() < 0.3 else data
        path.write_bytes(mutate(data, rng) if rng.random() < 0.8 else data)
        try:
            loaded = read_plan(path)
        except PlanFileError as error:
            message = error.message
        else:
            message = ""
        if message:
            assert "\n" not in message
            assert path.name in message, message
            outcomes["refused"] += 1
            continue
        ids = [c.id for c in loaded.plan.concerns] + [a.id for c in loaded.plan.concerns for a in c.actions]
        assert len(ids) == len(set(ids))
        assert all("\n" not in repair and path.name in repair for repair in loaded.repairs)
        outcomes["repaired" if loaded.repairs else "loaded"] += 1
    assert min(outcomes.values()) > 50, outcomes
