"""No progress update is ever lost or put out of order: not by undo and redo, not by saving and
reopening, not by the autosaved recovery copy and restoring it after a crash.

The first test runs random sequences of those steps against a plain model of what the plan must
hold; the second drives the real editor: updates typed in the inspector, saved, autosaved,
restored in a second editor after a "crash", undone and redone there, saved and reopened.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import Plan
from actionplan.progress import ActionStatus
from actionplan.recovery import RecoveryStore
from actionplan.storage import load_plan, save_plan
from editor.common.settings import AppSettings
from editor.edits.document import PlanDocument
from editor.files.autosave import Autosaver
from editor.progress.recorder import ProgressRecorder
from editor.window.main_window import MainWindow
from tests.editor.file_host import close_quietly, make_host
from tests.editor.progress.progress_fakes import ScriptedQuestions, tracked_plan

Records = dict[str, list[tuple[str, str, ActionStatus | None]]]
"""Each action's updates: (id, text, status), oldest first."""


def held(plan: Plan) -> Records:
    return {action.id: [(u.id, u.text, u.status) for u in action.updates] for _, action in plan.all_actions()}


def wait_until(done: Callable[[], bool], seconds: float = 10) -> None:
    ends = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < ends, "timed out"
        QApplication.processEvents()
        time.sleep(0.005)


class Reference:
    """What the plan must hold: the states an undo stack moves between."""

    def __init__(self, first: Records) -> None:
        self.states = [first]
        self.at = 0

    @property
    def now(self) -> Records:
        return self.states[self.at]

    def pushed(self, state: Records) -> None:
        del self.states[self.at + 1:]
        self.states.append(state)
        self.at += 1

    def undo(self) -> None:
        self.at = max(0, self.at - 1)

    def redo(self) -> None:
        self.at = min(len(self.states) - 1, self.at + 1)

    def start_again(self) -> None:
        self.states, self.at = [self.now], 0


STEPS = st.one_of(
    st.tuples(st.just("record"), st.integers(0, 4), st.sampled_from(["Done.", "Done.", "Started.", ""]),
              st.sampled_from([None, None, *ActionStatus])),
    st.tuples(st.just("undo")), st.tuples(st.just("redo")), st.tuples(st.just("save")),
    st.tuples(st.just("autosave")), st.tuples(st.just("recover")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(STEPS, min_size=1, max_size=25))
# A copy made, then an update on an action already copied, then another copy: the second copy
# must not keep the first's serialised concern.
@example([("record", 1, "Started.", None), ("autosave",), ("record", 1, "Done.", ActionStatus.COMPLETE),
          ("autosave",), ("recover",), ("undo",), ("record", 0, "Done.", None), ("save",)])
def test_random_steps_never_lose_or_reorder_an_update(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory,
                                                     steps: list[tuple[object, ...]]) -> None:
    folder = tmp_path_factory.mktemp("plans")
    path = folder / "plan.actionplan"
    store = RecoveryStore(folder / "recovery")
    app_settings = AppSettings(folder / "settings.ini")
    app_settings.set_user_name("J. Patel")
    document = PlanDocument(tracked_plan(), path)
    save_plan(document.plan, path)
    recorder = ProgressRecorder(document, app_settings, ScriptedQuestions())
    autosaver = Autosaver(document, store)
    copies: list[bool] = []
    autosaver.copy_requested.connect(lambda: copies.append(True))
    reference = Reference(held(document.plan))
    try:
        for step in steps:
            kind = step[0]
            if kind == "record":
                _, number, text, status = step
                action_id = list(reference.now)[int(number)]  # type: ignore[call-overload]
                if recorder.add_update(action_id, str(text), status):  # type: ignore[arg-type]
                    reference.pushed(held(document.plan))
            elif kind == "undo":
                document.undo_stack.undo()
                reference.undo()
            elif kind == "redo":
                document.undo_stack.redo()
                reference.redo()
            elif kind == "save":
                save_plan(document.plan, path)
                document.mark_saved(path)
                assert held(load_plan(path)) == reference.now
            elif kind == "autosave" and document.is_modified():
                assert held(copied(autosaver, store, copies)) == reference.now
            elif kind == "recover":
                # The editor stops: what comes back is the recovery copy of unsaved work (made
                # within a second or two of the last edit), or else the file as last saved.
                unsaved = document.is_modified()
                back = copied(autosaver, store, copies) if unsaved else load_plan(path)
                key = store.entries(include_live=True)[0].key if unsaved else None
                document.replace(back, path)
                if key is not None:
                    document.undo_stack.resetClean()
                    autosaver.adopt(key)
                reference.start_again()
            assert held(document.plan) == reference.now
    finally:
        autosaver.close()
        document.deleteLater()


def copied(autosaver: Autosaver, store: RecoveryStore, copies: list[bool]) -> Plan:
    """The plan in the recovery copy, once the copy of the plan as it is now has been written."""
    made = len(copies)
    autosaver.copy_now()
    wait_until(lambda: len(copies) > made)
    autosaver.writer.wait()
    [entry] = store.entries(include_live=True)
    return store.load(entry)


def type_update(window: MainWindow, qtbot: QtBot, words: str) -> None:
    panel = window.views.panel
    qtbot.mouseClick(panel.update_text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.update_text, words)
    qtbot.keyClick(panel.update_text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.qt_log_ignore("This plugin does not support")
def test_updates_typed_in_the_editor_survive_save_crash_restore_undo_and_redo(
        qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "plan.actionplan"
    save_plan(tracked_plan(), path)
    AppSettings().set_user_name("J. Patel")
    first = make_host(qtbot, MainWindow(PlanDocument(load_plan(path), path)))
    window = first.window
    assert isinstance(window, MainWindow)
    window.views.recorder.questions = ScriptedQuestions()
    window.show()
    concern = window.document.plan.concerns[0]
    action_id = concern.actions[1].id
    window.views.show_progress()
    window.reveal(concern.id, action_id, "status")

    def updates(plan: Plan) -> list[tuple[str, str]]:
        found = plan.find_action(action_id)
        assert found is not None
        return [(u.id, u.text) for u in found[1].updates]

    def texts(plan: Plan) -> list[str]:
        return [text for _id, text in updates(plan)]

    for words in ("One.", "Two.", "Two."):
        type_update(window, qtbot, words)
    assert first.files.save()
    assert texts(load_plan(path)) == ["Started the survey.", "One.", "Two.", "Two."]
    type_update(window, qtbot, "Three.")
    type_update(window, qtbot, "Four.")
    window.document.undo_stack.undo()  # Four. is taken back before the crash
    before_crash = updates(window.document.plan)
    qtbot.waitUntil(lambda: texts_in_copy(first.store) == texts(window.document.plan), timeout=10_000)

    # The editor "crashes": a second one restores the copy, as at the next start.
    second = make_host(qtbot, MainWindow())
    restored = second.window
    assert isinstance(restored, MainWindow)
    restored.views.recorder.questions = ScriptedQuestions()
    [entry] = first.store.entries(include_live=True)
    first.files.autosaver.close()
    assert second.files.restore(entry)
    assert updates(restored.document.plan) == before_crash
    restored.views.show_progress()
    restored.reveal(concern.id, action_id, "status")
    type_update(restored, qtbot, "Five.")
    restored.document.undo_stack.undo()
    restored.document.undo_stack.redo()
    assert texts(restored.document.plan) == ["Started the survey.", "One.", "Two.", "Two.", "Three.", "Five."]
    assert second.files.save()
    assert updates(load_plan(path)) == updates(restored.document.plan)
    assert updates(load_plan(path))[:5] == before_crash
    close_quietly(second)
    close_quietly(first)


def texts_in_copy(store: RecoveryStore) -> list[str]:
    entries = store.entries(include_live=True)
    if not entries:
        return []
    try:
        plan = store.load(entries[0])
    except OSError:
        return []  # being written
    return [u.text for u in plan.concerns[0].actions[1].updates]
