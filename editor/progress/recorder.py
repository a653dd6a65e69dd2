"""The one way the editor records progress: every change is one undo step, dated today and in
the user's name (asked for once, as Word does, and kept in the settings).

Updates, revised targets and evidence go through ``RecordProgress`` (``actionplan.recording``
adds the records); a lead, the evidence needed, a concern's IRP judgements and the published
target of a done action are plain fields, set with ``SetField``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from actionplan import clock, recording
from actionplan.model import Action
from actionplan.progress import ActionStatus
from actionplan.validation.progress_checks import completed_target
from editor.common.settings import AppSettings
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.edits.progress_commands import RecordProgress
from editor.progress.evidence_links import Opened, Opener, open_evidence, open_with_desktop
from editor.progress.progress_questions import ProgressQuestions


class ProgressRecorder(QObject):
    """Records progress on the open plan. Each method returns whether it changed the plan: a
    read-only plan, an action that has gone, or a question cancelled changes nothing."""

    def __init__(self, document: PlanDocument, settings: AppSettings, questions: ProgressQuestions,
                 today: Callable[[], dt.date] = clock.today, opener: Opener = open_with_desktop,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = settings
        self.questions = questions
        self.today = today
        self.opener = opener

    # The user --------------------------------------------------------------------------------

    def user_name(self) -> str | None:
        """The name to sign a record with: asked for the first time, None if that is cancelled."""
        if self.settings.has_user_name():
            return self.settings.user_name()
        return self.change_user_name()

    def change_user_name(self) -> str | None:
        # The login ("root", "jsmith") is no name to sign records with: the box starts empty.
        name = self.questions.ask_user_name(self.settings.user_name() if self.settings.has_user_name() else "")
        if not name:
            return None
        self.settings.set_user_name(name)
        return self.settings.user_name()

    # Records ---------------------------------------------------------------------------------

    def add_update(self, action_id: str, text: str, status: ActionStatus | None = None) -> bool:
        """A dated update in the user's name; with ``status``, the action's status changes too."""
        text = text.strip()
        if not text and status is None:
            return False
        words = f"Set status to {status.label}" if status is not None and not text else "Record update"
        return self._record(action_id, words, lambda action, on, by: recording.record_update(
            action, on, by, text, status))

    def set_status(self, action_id: str, status: ActionStatus) -> bool:
        action = self._action(action_id)
        if action is None or action.status is status:
            return False
        return self.add_update(action_id, "", status)

    def revise_target(self, action_id: str) -> bool:
        action = self._action(action_id)
        by = self.user_name() if action is not None and self._editable() else None
        revised = self.questions.ask_revised_target(action) if action is not None and by else None
        if revised is None:
            return False
        return self._record(action_id, "Revise target", lambda found, on, by: recording.revise_target(
            found, revised.target, revised.reason, on, by))

    def add_evidence(self, action_id: str) -> bool:
        by = self.user_name() if self._action(action_id) is not None and self._editable() else None
        evidence = self.questions.ask_evidence(self.plan_folder()) if by else None
        if evidence is None:
            return False
        return self._record(action_id, "Add evidence", lambda found, on, by: recording.add_evidence(
            found, evidence.description, evidence.link, on, by))

    def remove_evidence(self, action_id: str, evidence_id: str) -> bool:
        action = self._action(action_id)
        if action is None or not self._editable() or not any(e.id == evidence_id for e in action.evidence):
            return False
        def remove(found: dict[str, Action]) -> None:
            recording.remove_evidence(found[action_id], evidence_id)

        self.document.undo_stack.push(RecordProgress(self.document, [action_id], remove, "Remove evidence"))
        return True

    def open_evidence(self, action_id: str, evidence_id: str) -> Opened:
        """Open a piece of evidence; a problem is shown, and the item kept whatever happens."""
        action = self._action(action_id)
        item = next((e for e in action.evidence if e.id == evidence_id), None) if action else None
        if item is None:
            return Opened("That evidence is no longer on this action.", "Nothing to open")
        opened = open_evidence(item.link, self.plan_folder(), self.opener)
        if opened.problem is not None:
            self.questions.show_problem(opened.title, opened.problem)
        return opened

    def plan_folder(self) -> Path | None:
        path = self.document.path
        return path.parent if path is not None else None

    # Plain fields ----------------------------------------------------------------------------

    def set_action_field(self, action_id: str, field: str, value: Any, merge_key: object | None = None) -> bool:
        found = self.document.plan.find_action(action_id)
        if found is None or not self._editable():
            return False
        return self._set(FieldRef(found[0].id, action_id, field), value, merge_key)

    def set_concern_field(self, concern_id: str, field: str, value: Any) -> bool:
        if self.document.plan.find_concern(concern_id) is None or not self._editable():
            return False
        return self._set(FieldRef(concern_id, None, field), value)

    def show_as_completed(self, action_id: str) -> bool:
        """The published target of a done action says Completed (or Completed and ongoing)."""
        found = self.document.plan.find_action(action_id)
        if found is None or not self._editable() or not found[1].status.is_done:
            return False
        target = completed_target(found[1].status)
        ref = FieldRef(found[0].id, action_id, "target")
        if ref.read(self.document.plan) == target:
            return False
        command = SetField(self.document, ref, target)
        command.setText(f"Show action as {target.format()}")
        self.document.undo_stack.push(command)
        return True

    # Plumbing --------------------------------------------------------------------------------

    def _editable(self) -> bool:
        return not self.document.read_only

    def _action(self, action_id: str) -> Action | None:
        found = self.document.plan.find_action(action_id)
        return found[1] if found is not None else None

    def _record(self, action_id: str, words: str, record: Callable[[Action, dt.date, str], object]) -> bool:
        if self._action(action_id) is None or not self._editable():
            return False
        by = self.user_name()
        if by is None or self._action(action_id) is None:  # asking let other events in
            return False
        on = self.today()

        def record_on(found: dict[str, Action]) -> None:
            record(found[action_id], on, by)

        self.document.undo_stack.push(RecordProgress(self.document, [action_id], record_on, words))
        return True

    def _set(self, ref: FieldRef, value: Any, merge_key: object | None = None) -> bool:
        if ref.read(self.document.plan) == value:
            return False
        self.document.undo_stack.push(SetField(self.document, ref, value, merge_key=merge_key))
        return True
