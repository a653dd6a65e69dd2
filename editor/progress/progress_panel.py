"""The inspector's progress section: for the selected action, its status, lead and evidence
needed, an "Add update" box, the updates newest first, the evidence held (add, open, remove)
and the revised targets; for its concern, the two IRP judgements and where its actions stand.

It folds away to one line (open in the progress view, folded in the drafting view, until the
user says otherwise), so the inspector still fits a 1024 by 700 screen. Every change goes
through the ``ProgressRecorder``: one undo step each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actionplan import clock
from actionplan.changes import PlanChange
from actionplan.model import Action, Concern
from actionplan.progress import ActionStatus, IrpJudgement
from actionplan.target_date import format_long_date
from actionplan.tracking import DUE_SOON_DAYS, standing
from actionplan.validation.progress_checks import completed_target
from editor.common.readable_hints import hint_label
from editor.edits.document import PlanDocument
from editor.progress.panel_recording import PanelRecording
from editor.progress.progress_delegates import leads_in, status_box
from editor.progress.progress_words import (
    NOT_RECORDED,
    describe_evidence,
    describe_revision,
    describe_update,
)
from editor.progress.record_list import RecordList
from editor.progress.recorder import ProgressRecorder
from editor.table.text_editor import PlanTextEdit


def _stacked_form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    return form


def _judgement_box(parent: QWidget, name: str) -> QComboBox:
    box = QComboBox(parent)
    box.setAccessibleName(name)
    box.addItem(NOT_RECORDED, None)
    for judgement in IrpJudgement:
        box.addItem(judgement.label, judgement.value)
    return box


class ProgressPanel(PanelRecording, QWidget):
    """Progress of the concern and action shown in the inspector."""

    expanded_changed = Signal(bool)

    def __init__(self, document: PlanDocument, recorder: ProgressRecorder,
                 today: Callable[[], dt.date] = clock.today, due_soon_days: Callable[[], int] = lambda: DUE_SOON_DAYS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.recorder = recorder
        self.today = today
        self.due_soon_days = due_soon_days
        self.concern_id: str | None = None
        self.action_id: str | None = None
        self._loading = False
        self._session = 0
        self._drafts: dict[str, str] = {}
        """What is typed in the Add update box, by action, until it is added."""
        self.setAccessibleName("Progress")
        self._build()
        self._connect()
        self.set_expanded(False)
        self.show_item(None, None)

    # Building --------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.toggle = QToolButton(self)
        self.toggle.setText("Progress")
        self.toggle.setAccessibleName("Show progress")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setAutoRaise(True)
        font = self.toggle.font()
        font.setBold(True)
        self.toggle.setFont(font)
        self.folded_summary = QLabel(self)
        self.folded_summary.setWordWrap(True)
        top.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.folded_summary, 1)
        top.addStretch(0)
        layout.addLayout(top)
        self.body = QWidget(self)
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._build_action(self.body))
        body.addWidget(self._build_concern(self.body))
        layout.addWidget(self.body)

    def _build_action(self, parent: QWidget) -> QGroupBox:
        self.action_box = QGroupBox("How the action is going", parent)
        form = _stacked_form(self.action_box)
        self.status = status_box(self.action_box)
        self.lead = QLineEdit(self.action_box)
        self.lead.setAccessibleName("Lead")
        self.lead.setPlaceholderText("Who does the work, for example J. Patel, Head of Residence")
        self.lead_completer = QCompleter([], self.lead)
        self.lead_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.lead_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.lead.setCompleter(self.lead_completer)
        self.evidence_needed = PlanTextEdit(self.action_box)
        self.evidence_needed.setAccessibleName("Evidence needed")
        self.evidence_needed.setPlaceholderText("What will show that the action worked")
        self.evidence_needed.setFixedHeight(60)
        form.addRow("&Status", self.status)
        form.addRow("&Lead", self.lead)
        form.addRow("Evidence &needed", self.evidence_needed)
        form.addRow(self._build_update_box(self.action_box))
        self.history = RecordList(self.action_box, "Updates, newest first", 220)
        self.history_label = QLabel("Updates, newest first", self.action_box)
        self.history_label.setBuddy(self.history)
        form.addRow(self.history_label)
        form.addRow(self.history)
        form.addRow(self._build_evidence(self.action_box))
        form.addRow(self._build_revisions(self.action_box))
        self.completed_offer = QLabel(self.action_box)
        self.completed_offer.setWordWrap(True)
        self.show_completed = QPushButton("Show as Completed", self.action_box)
        self.show_completed.setAccessibleName("Show the action as completed in the published plan")
        self.show_completed.setToolTip("Set the published target date to Completed (one undo step)")
        form.addRow(self.completed_offer)
        form.addRow(self.show_completed)
        return self.action_box

    def _build_update_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox("Add an update", parent)
        form = _stacked_form(box)
        self.update_text = PlanTextEdit(box)
        self.update_text.setAccessibleName("Update text")
        self.update_text.setPlaceholderText("What has happened since the last update (Ctrl+Enter adds it)")
        self.update_text.setFixedHeight(64)
        self.update_status = QComboBox(box)
        self.update_status.setAccessibleName("Status the update sets")
        self.update_status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.update_status.setMinimumContentsLength(8)
        self.update_status.addItem("Status unchanged", None)
        for status in ActionStatus:
            self.update_status.addItem(f"Set status to {status.label}", status.value)
        self.add_update = QPushButton("Add &update", box)
        self.add_update.setAccessibleName("Add update")
        row = QHBoxLayout()
        row.addWidget(self.update_status, 1)
        row.addWidget(self.add_update)
        self.signed = hint_label("", box)
        self.change_name = QPushButton("Change na&me…", box)
        self.change_name.setAccessibleName("Change the name updates are recorded in")
        name_row = QHBoxLayout()
        name_row.addWidget(self.change_name)
        name_row.addStretch(1)
        form.addRow(self.update_text)
        form.addRow(row)
        form.addRow(self.signed)
        form.addRow(name_row)
        return box

    def _build_evidence(self, parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        form = _stacked_form(holder)
        form.setContentsMargins(0, 0, 0, 0)
        self.evidence = RecordList(holder, "Evidence held", 140)
        self.evidence.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        label = QLabel("Evidence held", holder)
        label.setBuddy(self.evidence)
        self.add_evidence = QPushButton("Add evidence…", holder)
        self.add_evidence.setAccessibleName("Add evidence")
        self.open_evidence = QPushButton("Open", holder)
        self.open_evidence.setAccessibleName("Open the evidence")
        self.remove_evidence = QPushButton("Remove", holder)
        self.remove_evidence.setAccessibleName("Remove the evidence")
        buttons = QHBoxLayout()
        for button in (self.open_evidence, self.remove_evidence):
            buttons.addWidget(button)
        buttons.addStretch(1)
        adding = QHBoxLayout()
        adding.addWidget(self.add_evidence)
        adding.addStretch(1)
        form.addRow(label)
        form.addRow(self.evidence)
        form.addRow(buttons)
        form.addRow(adding)
        return holder

    def _build_revisions(self, parent: QWidget) -> QWidget:
        holder = QWidget(parent)
        form = _stacked_form(holder)
        form.setContentsMargins(0, 0, 0, 0)
        self.published_target = QLabel(holder)
        self.published_target.setWordWrap(True)
        self.revisions = RecordList(holder, "Revised targets, newest first", 140)
        self.revise = QPushButton("Revise target…", holder)
        self.revise.setAccessibleName("Revise target")
        row = QHBoxLayout()
        row.addWidget(self.revise)
        row.addStretch(1)
        form.addRow(self.published_target)
        form.addRow(self.revisions)
        form.addRow(row)
        return holder

    def _build_concern(self, parent: QWidget) -> QGroupBox:
        self.concern_box = QGroupBox("Progress review", parent)
        form = _stacked_form(self.concern_box)
        self.concern_standing = QLabel(self.concern_box)
        self.concern_standing.setWordWrap(True)
        self.concern_standing.setAccessibleName("Where this concern's actions stand")
        self.self_assessment = _judgement_box(self.concern_box, "Self-assessed progress")
        self.hmip_judgement = _judgement_box(self.concern_box, "HMIP judgement")
        form.addRow(self.concern_standing)
        form.addRow("Self-assessed progress", self.self_assessment)
        form.addRow("HMIP &judgement at the review", self.hmip_judgement)
        return self.concern_box

    def _connect(self) -> None:
        self.toggle.toggled.connect(self._on_toggled)
        self.status.activated.connect(lambda _number: self._set_status())
        self.lead.textEdited.connect(lambda text: self._set_field("lead", " ".join(text.split())))
        self.lead.editingFinished.connect(self._end_session)
        self.evidence_needed.textChanged.connect(lambda: self._set_field("evidence_needed", self.evidence_needed.text()))
        self.evidence_needed.focus_left.connect(self._end_session)
        self.update_text.textChanged.connect(self._keep_draft)
        self.update_text.finished.connect(self._add_update)
        self.add_update.clicked.connect(self._add_update)
        self.change_name.clicked.connect(self._change_name)
        self.add_evidence.clicked.connect(self._add_evidence)
        self.open_evidence.clicked.connect(self._open_evidence)
        self.remove_evidence.clicked.connect(self._remove_evidence)
        self.evidence.itemActivated.connect(lambda _item: self._open_evidence())
        # Not currentRowChanged: a click makes a row current before it selects it.
        self.evidence.itemSelectionChanged.connect(self._update_buttons)
        self.revise.clicked.connect(self._revise)
        self.show_completed.clicked.connect(self._show_as_completed)
        self.self_assessment.activated.connect(lambda _n: self._set_judgement("self_assessment", self.self_assessment))
        self.hmip_judgement.activated.connect(lambda _n: self._set_judgement("hmip_judgement", self.hmip_judgement))
        self.document.edited.connect(self._on_edited)
        self.document.plan_replaced.connect(self._on_plan_replaced)
        self.document.read_only_changed.connect(lambda _read_only: self._update_buttons())

    # Folding ---------------------------------------------------------------------------------

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self._on_toggled(expanded)

    def _on_toggled(self, expanded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.toggle.setAccessibleName("Hide progress" if expanded else "Show progress")
        self.body.setVisible(expanded)
        self.folded_summary.setVisible(not expanded)
        self.expanded_changed.emit(expanded)

    # Showing ---------------------------------------------------------------------------------

    def _items(self) -> tuple[Concern | None, Action | None]:
        plan = self.document.plan
        concern = plan.find_concern(self.concern_id) if self.concern_id else None
        if not self.action_id:
            return concern, None
        # Within the concern first: this runs after every edit, and a 10,000-action search is slow.
        action = next((a for a in concern.actions if a.id == self.action_id), None) if concern else None
        if action is None:
            found = plan.find_action(self.action_id)
            action = found[1] if found else None
        return concern, action

    def show_item(self, concern_id: str | None, action_id: str | None) -> None:
        if (concern_id, action_id) != (self.concern_id, self.action_id):
            self._end_session()
            self.concern_id, self.action_id = concern_id, action_id
            self._loading = True
            try:
                self.update_text.set_text(self._drafts.get(action_id or "", ""))
                self.update_status.setCurrentIndex(0)
                self.lead_completer.model().setStringList(leads_in(self.document))  # type: ignore[attr-defined]
            finally:
                self._loading = False
        self.load()

    def load(self) -> None:
        concern, action = self._items()
        self._loading = True
        try:
            self._keep_focus_out_of([box for box, shown in ((self.action_box, action), (self, concern)) if shown is None])
            self.setVisible(concern is not None)
            self.action_box.setVisible(action is not None)
            self.concern_box.setVisible(concern is not None)
            if action is not None:
                self._load_action(action)
            if concern is not None:
                self._load_concern(concern)
            self.folded_summary.setText(self._folded_words(concern, action))
        finally:
            self._loading = False
        self._update_buttons()

    def _keep_focus_out_of(self, hiding: list[QWidget]) -> None:
        """A field about to hide with the keyboard in it (its action deleted) hands the keyboard
        to the view in the middle of the window. Left to Qt, it would move on to the next field,
        the concern's Rec No, and what is typed next would land there."""
        focus = QApplication.focusWidget()
        if focus is None or not any(box.isVisible() and (box is focus or box.isAncestorOf(focus)) for box in hiding):
            return
        window = self.window()
        middle = window.centralWidget() if isinstance(window, QMainWindow) else None
        (middle or window).setFocus(Qt.FocusReason.OtherFocusReason)

    def _folded_words(self, concern: Concern | None, action: Action | None) -> str:
        if action is not None:
            count = len(action.updates)
            words = f"{action.status.label}, {count} update{'' if count == 1 else 's'}"
            return f"{words}, lead {action.lead}" if action.lead else words
        if concern is not None:
            return self._standing_words(concern)
        return ""

    def _load_action(self, action: Action) -> None:
        self.status.setCurrentIndex(self.status.findData(action.status.value))
        if " ".join(self.lead.text().split()) != action.lead:
            self.lead.setText(action.lead)
        self.evidence_needed.set_text(action.evidence_needed)
        self.history.fill([(describe_update(u), u.id) for u in reversed(action.updates)], "No updates yet.")
        self.evidence.fill([(describe_evidence(e), e.id) for e in action.evidence], "No evidence held yet.")
        self.revisions.fill([(describe_revision(r), r.id) for r in reversed(action.target_revisions)], "Not revised.")
        self.published_target.setText(f"Published target: {action.target.format() or 'not set'}. Revised targets, "
                                      "newest first:" if action.target_revisions else
                                      f"Published target: {action.target.format() or 'not set'}.")
        self._load_offer(action)
        name = self.recorder.settings.user_name() if self.recorder.settings.has_user_name() else None
        on = format_long_date(self.today())
        self.signed.setText(f"Recorded as {name}, dated {on}." if name else
                            f"Dated {on}. You will be asked your name the first time.")

    def _load_offer(self, action: Action) -> None:
        first_day = action.target.first_day()
        offered = action.status.is_done and first_day is not None
        words = completed_target(action.status).format()
        if offered and first_day is not None:
            when = "still shows this action as due in" if first_day > self.today() else "still gives the target"
            self.completed_offer.setText(f"It is {action.status.label.lower()}, but the published plan {when} "
                                         f"{action.target.format()}.")
            self.show_completed.setText(f"Show as {words}")
        self.completed_offer.setVisible(offered)
        self.show_completed.setVisible(offered)

    def _load_concern(self, concern: Concern) -> None:
        noun = self.document.plan.details.era.item_noun()
        self.concern_box.setTitle(f"Progress review of this {noun}")
        self.concern_standing.setText(self._standing_words(concern) + ".")
        for box, judgement in ((self.self_assessment, concern.self_assessment),
                               (self.hmip_judgement, concern.hmip_judgement)):
            box.setCurrentIndex(max(0, box.findData(judgement.value if judgement else None)))

    def _standing_words(self, concern: Concern) -> str:
        if not concern.actions:
            return "No actions yet"
        return standing(concern.actions, self.today(), self.due_soon_days()).describe()

    def _update_buttons(self) -> None:
        editable = not self.document.read_only
        chosen = self._chosen_evidence() is not None
        for widget in (self.status, self.lead, self.evidence_needed, self.update_text, self.update_status,
                       self.add_update, self.add_evidence, self.revise, self.show_completed,
                       self.self_assessment, self.hmip_judgement):
            widget.setEnabled(editable)
        self.open_evidence.setEnabled(chosen)
        self.remove_evidence.setEnabled(chosen and editable)

    def _on_edited(self, change: object) -> None:
        if not isinstance(change, PlanChange) or change.structure or change.details \
                or self.action_id in change.action_ids or self.concern_id in change.concern_ids \
                or self._concern_holds(change.action_ids):
            concern, action = self._items()
            if concern is None or (action is None and self.action_id is not None):
                self.show_item(concern.id if concern else None, None)
            else:
                self.load()

    def _concern_holds(self, action_ids: frozenset[str]) -> bool:
        """Whether an action changed is one of the shown concern's: where its actions stand,
        in the summary, may have moved (a form read back, an update in the progress view)."""
        concern = self.document.plan.find_concern(self.concern_id) if self.concern_id and action_ids else None
        return concern is not None and any(action.id in action_ids for action in concern.actions)

    def _on_plan_replaced(self) -> None:
        self._drafts.clear()
        self.show_item(None, None)
