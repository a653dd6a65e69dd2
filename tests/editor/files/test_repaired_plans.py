"""A plan file whose concerns share ids (a hand merge, a copy-paste between files) opens with
every item on its own id: an edit reaches the concern typed in, the user is told once, and the
plan counts as changed until it is saved."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from actionplan.model import Action, Concern, Plan
from actionplan.storage import load_plan, plan_to_bytes
from editor.edits.commands import FieldRef, SetField
from tests.editor.file_host import Host, close_quietly, make_host

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def host(qtbot: QtBot) -> Iterator[Host]:
    made = make_host(qtbot)
    yield made
    close_quietly(made)


def merged_by_hand(path: Path) -> Path:
    """Two concerns and their actions with the same ids, as pasting one concern twice makes."""
    concern = Concern(id="c1", text="Visits started late.", actions=[Action(id="a1", text="Start on time.")])
    second = concern.model_copy(update={"text": "Showers were broken."}, deep=True)
    path.write_bytes(plan_to_bytes(Plan(concerns=[concern, second])))
    return path


def test_editing_the_second_copy_changes_only_it_and_saves_it(host: Host, tmp_path: Path) -> None:
    path = merged_by_hand(tmp_path / "merged.actionplan")
    host.prompter.script("show_error", None)
    assert host.files.open_plan(path)

    (title, message), = host.prompter.questions("show_error")
    assert title == "Plan repaired"
    assert "1 concern and 1 action" in message
    assert "saving the plan keeps the repair" in message
    assert host.document.is_modified()

    plan = host.document.plan
    first, second = plan.concerns
    assert len({first.id, second.id, first.actions[0].id, second.actions[0].id}) == 4
    host.document.undo_stack.push(SetField(host.document, FieldRef(second.id, None, "text"), "Showers fixed."))
    assert [c.text for c in plan.concerns] == ["Visits started late.", "Showers fixed."]

    host.files.save()
    assert [c.text for c in load_plan(path).concerns] == ["Visits started late.", "Showers fixed."]
    assert not host.document.is_modified()
