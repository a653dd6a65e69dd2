"""Killing the application in the middle of a save leaves the old file or the new one, whole."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from pathlib import Path

import pytest

from actionplan.model import Plan
from actionplan.safe_writing import backup_path
from actionplan.storage import load_plan, save_plan
from benchmarks.generate import make_plan

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

KILLS = 30


def _save_forever(first: Path, second: Path, target: Path, saves: multiprocessing.Value) -> None:  # type: ignore[valid-type]
    plans = [load_plan(first), load_plan(second)]
    while True:
        save_plan(plans[saves.value % 2], target)
        saves.value += 1


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_sigkill_during_save_leaves_a_whole_file(tmp_path: Path) -> None:
    plan_a = make_plan(2000, seed=1)
    plan_b = make_plan(2500, seed=2)
    first, second = tmp_path / "a.actionplan", tmp_path / "b.actionplan"
    save_plan(plan_a, first)
    save_plan(plan_b, second)
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "plan.actionplan"

    context = multiprocessing.get_context("fork")
    rng = random.Random(622)
    seen: set[str] = set()
    total_saves = 0
    mid_write = 0
    for _ in range(KILLS):
        saves = context.Value("l", 0, lock=False)
        writer = context.Process(target=_save_forever, args=(first, second, target, saves))
        writer.start()
        started = time.monotonic()
        while saves.value == 0 and time.monotonic() - started < 30:  # one whole save first
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.15))
        assert writer.pid is not None
        os.kill(writer.pid, signal.SIGKILL)
        writer.join()
        assert writer.exitcode == -signal.SIGKILL
        total_saves += saves.value

        loaded = load_plan(target)
        assert loaded in (plan_a, plan_b), "the file is neither the old plan nor the new one"
        seen.add("a" if loaded == plan_a else "b")
        if backup_path(target).exists():
            assert load_plan(backup_path(target)) in (plan_a, plan_b)
        leftovers = list(folder.glob(".*.tmp"))
        mid_write += bool(leftovers)  # killed between creating the temporary file and renaming it
        for leftover in leftovers:
            leftover.unlink()
    assert seen == {"a", "b"}, "the kills should land at different points in the save loop"
    assert total_saves > KILLS
    assert mid_write >= 3, f"only {mid_write} kills landed while a file was being written"


def test_plans_compare_by_content() -> None:
    plan = make_plan(10, seed=3)
    assert plan == Plan.model_validate_json(plan.model_dump_json())
    assert plan != make_plan(10, seed=3)  # ids differ, so two generated plans never match
