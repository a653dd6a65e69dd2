"""The editor shows a failed save in the core's own words, so it matches the command line."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from actionplan import safe_writing
from actionplan.file_errors import PlanSaveError
from actionplan.model import Plan
from actionplan.storage import save_plan
from editor.files.save_failure import explain_save_failure

REAL_REPLACE = safe_writing._replace


def _locked(source: Path, target: Path) -> None:
    if target.name.endswith(".bak"):
        REAL_REPLACE(source, target)
        return
    error = PermissionError(errno.EACCES, "The process cannot access the file", str(target))
    error.winerror = 32  # type: ignore[attr-defined]  # a Windows sharing violation: open in Word
    raise error


def test_a_plan_open_in_word_is_explained_as_the_core_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(Plan(), path)
    monkeypatch.setattr(safe_writing, "_replace", _locked)
    with pytest.raises(PlanSaveError) as caught:
        save_plan(Plan(), path)
    words = explain_save_failure(caught.value)
    assert words == caught.value.message
    assert "open in another program, such as Word" in words
    assert "Close it there and save again" in words
