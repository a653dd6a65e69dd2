"""What the inspector's progress section records, each through the ``ProgressRecorder`` as one
undo step: a status, a lead or the evidence needed, an update (and the draft typed for it),
evidence added, opened or removed, a revised target, Show as Completed and a concern's IRP
judgements. ``ProgressPanel`` shows; this part of it records."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from actionplan.progress import ActionStatus, IrpJudgement
from editor.progress.record_list import ITEM_ID_ROLE, RecordList
from editor.progress.recorder import ProgressRecorder
from editor.table.text_editor import PlanTextEdit


class PanelRecording:
    """The recording half of ``ProgressPanel``, which builds the fields named here."""

    recorder: ProgressRecorder
    concern_id: str | None
    action_id: str | None
    _loading: bool
    _session: int
    _drafts: dict[str, str]
    status: QComboBox
    update_text: PlanTextEdit
    update_status: QComboBox
    evidence: RecordList

    def load(self) -> None:
        raise NotImplementedError

    def _set_status(self) -> None:
        if self._loading or self.action_id is None:
            return
        value = self.status.currentData()
        if value and not self.recorder.set_status(self.action_id, ActionStatus(value)):
            self.load()  # not recorded (the name was not given): show the status as it is

    def _set_field(self, field: str, value: Any) -> None:
        if self._loading or self.action_id is None:
            return
        self.recorder.set_action_field(self.action_id, field, value, merge_key=("progress", field, self._session))

    def _end_session(self) -> None:
        self._session += 1

    def _keep_draft(self) -> None:
        if not self._loading and self.action_id is not None:
            text = self.update_text.text()
            if text.strip():
                self._drafts[self.action_id] = text
            else:
                self._drafts.pop(self.action_id, None)

    def _add_update(self) -> None:
        if self.action_id is None:
            return
        value = self.update_status.currentData()
        status = ActionStatus(value) if value else None
        if not self.update_text.text().strip() and status is None:
            self.update_text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        action_id = self.action_id
        if self.recorder.add_update(action_id, self.update_text.text(), status):
            self._drafts.pop(action_id, None)
            if self.action_id == action_id:
                self._loading = True
                try:
                    self.update_text.set_text("")
                    self.update_status.setCurrentIndex(0)
                finally:
                    self._loading = False
        self.load()

    def _change_name(self) -> None:
        self.recorder.change_user_name()
        self.load()

    def _chosen_evidence(self) -> str | None:
        item = self.evidence.currentItem()
        value = item.data(ITEM_ID_ROLE) if item is not None and item.isSelected() else None
        return value if isinstance(value, str) else None

    def _add_evidence(self) -> None:
        if self.action_id is not None:
            self.recorder.add_evidence(self.action_id)

    def _open_evidence(self) -> None:
        chosen = self._chosen_evidence()
        if self.action_id is not None and chosen is not None:
            self.recorder.open_evidence(self.action_id, chosen)

    def _remove_evidence(self) -> None:
        chosen = self._chosen_evidence()
        if self.action_id is not None and chosen is not None:
            self.recorder.remove_evidence(self.action_id, chosen)

    def _revise(self) -> None:
        if self.action_id is not None:
            self.recorder.revise_target(self.action_id)

    def _show_as_completed(self) -> None:
        if self.action_id is not None:
            self.recorder.show_as_completed(self.action_id)

    def _set_judgement(self, field: str, box: QComboBox) -> None:
        if self._loading or self.concern_id is None:
            return
        value = box.currentData()
        self.recorder.set_concern_field(self.concern_id, field, IrpJudgement(value) if value else None)
