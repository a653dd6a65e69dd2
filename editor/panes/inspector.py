"""The inspector beside the table: every field of the selected concern and action, with large
editors for long text. Edits go through the undo stack as you type (one step per field visit).

``Inspector.problems`` is a layout kept for the validation engineer: put the selected item's
findings there, following ``Inspector.item_changed(concern_id, action_id)``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from actionplan.changes import PlanChange
from actionplan.model import Action, Agreement, Category, Concern, Era
from actionplan.target_date import TargetDate
from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument
from editor.table.cell_typing import NOT_UNDERSTOOD_PAUSE_MS
from editor.table.columns import Column
from editor.table.owner_editor import OwnerComboBox
from editor.table.owners import owner_offer, remember_owner
from editor.table.target_date_editor import TargetDateEditor
from editor.table.text_editor import PlanTextEdit

HEADING_STYLE = ("QLabel { border: 2px solid transparent; border-radius: 3px; padding: 1px; }"
                 " QLabel:focus { border-color: palette(highlight); }")


def _stacked_form(parent: QWidget) -> QFormLayout:
    """Labels above their fields, so long text gets the inspector's whole width."""
    form = QFormLayout(parent)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    return form


class Inspector(QScrollArea):
    """Shows and edits the concern (and action) chosen in the table."""

    item_changed = Signal(object, object)
    """The concern id and action id now shown (either may be None)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.concern_id: str | None = None
        self.action_id: str | None = None
        self._loading = False
        self._session = 0
        self._gone: dict[str, bool] = {"gone": False}
        """Set as the inspector or its document starts to be deleted (see ``_watch_teardown``)."""
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The keyboard goes to a field (or the heading), never to the scroll area itself, which
        # shows no sign of having it: after F6 nothing on the screen said where typing would go.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Inspector")
        self._build()
        self._connect()
        self.show_item(None, None)

    # Building ----------------------------------------------------------------------------

    def add_section(self, section: QWidget) -> None:
        """Another room's part of the inspector (progress), under the heading. It follows
        ``item_changed`` itself."""
        layout = self._body_layout
        section.setParent(self.widget())
        layout.insertWidget(1, section)

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self._body_layout = layout
        self.heading = QLabel(body)
        self.heading.setAccessibleName("Selected item")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        # With nothing selected there is no field: the keyboard (F6) lands on the heading, which
        # is then framed, so the focus can be seen and a screen reader reads what to do.
        self.heading.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.heading.setStyleSheet(HEADING_STYLE)
        layout.addWidget(self.heading)
        layout.addWidget(self._build_concern(body))
        layout.addWidget(self._build_action(body))
        self.problems_box = QGroupBox("Problems", body)
        self.problems = QVBoxLayout(self.problems_box)
        self.problems_box.setVisible(False)
        layout.addWidget(self.problems_box)
        layout.addStretch(1)
        self.setWidget(body)

    def _build_concern(self, parent: QWidget) -> QGroupBox:
        self.concern_box = QGroupBox("Concern", parent)
        form = _stacked_form(self.concern_box)
        self.reference = QLineEdit(self.concern_box)
        self.reference.setAccessibleName("Rec No")
        self.reference.setToolTip("Leave empty to number automatically, or type a reference such as S45")
        self.category = QComboBox(self.concern_box)
        self.category.setAccessibleName("Category")
        self.category.addItem("Priority concern", Category.PRIORITY.value)
        self.category.addItem("Key concern", Category.KEY.value)
        self.agreement = QComboBox(self.concern_box)
        self.agreement.setAccessibleName("Agreement")
        self.agreement.addItem("Not recorded", None)
        for agreement in Agreement:
            self.agreement.addItem(agreement.label, agreement.value)
        self.concern_text = PlanTextEdit(self.concern_box)
        self.concern_text.setAccessibleName("Concern text")
        self.concern_text.setMinimumHeight(90)
        self.concern_text.setMaximumHeight(150)
        form.addRow("&Rec No", self.reference)
        form.addRow("Ca&tegory", self.category)
        form.addRow("A&greement", self.agreement)
        self._agreement_label = form.labelForField(self.agreement)
        form.addRow("&Concern", self.concern_text)
        self._concern_label = form.labelForField(self.concern_text)
        return self.concern_box

    def _use_era_words(self, era: Era) -> None:
        """Name the concern fields as the plan does: a recommendations-era plan answers main
        recommendations and recommendations, not priority and key concerns."""
        noun = era.item_noun()
        self.concern_box.setTitle(noun.capitalize())
        if isinstance(self._concern_label, QLabel):
            self._concern_label.setText("Re&commendation" if era is Era.RECOMMENDATIONS else "&Concern")
        self.concern_text.setAccessibleName(f"{noun.capitalize()} text")
        for category in Category:
            self.category.setItemText(self.category.findData(category.value),
                                      category.singular_in(era).capitalize())

    def _build_action(self, parent: QWidget) -> QGroupBox:
        self.action_box = QGroupBox("Action", parent)
        form = _stacked_form(self.action_box)
        self.action_text = PlanTextEdit(self.action_box)
        self.action_text.setAccessibleName("Response action")
        self.action_text.setMinimumHeight(150)
        self.action_text.setMaximumHeight(260)
        self.owner = OwnerComboBox([], self.action_box)
        self.target = TargetDateEditor(self.action_box)
        form.addRow("Response &action", self.action_text)
        form.addRow("Responsible &owner", self.owner)
        form.addRow("Target &date", self.target)
        return self.action_box

    def _connect(self) -> None:
        self.reference.textEdited.connect(lambda text: self._set_concern("reference", text.strip()))
        self.reference.editingFinished.connect(self._end_session)
        self.category.activated.connect(lambda _i: self._change_category())
        self.agreement.activated.connect(lambda _i: self._set_concern("agreement", self._agreement()))
        self.concern_text.textChanged.connect(lambda: self._set_concern("text", self.concern_text.text()))
        self.concern_text.focus_left.connect(self._end_session)
        self.action_text.textChanged.connect(lambda: self._set_action("text", self.action_text.text()))
        self.action_text.focus_left.connect(self._end_session)
        self.owner.editTextChanged.connect(lambda _t: self._set_action("owner", self.owner.owner()))
        line = self.owner.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._owner_finished)
        # As in a table cell: a target not understood yet ("Dec") waits for a pause in typing.
        self._target_pause = QTimer(self, singleShot=True, interval=NOT_UNDERSTOOD_PAUSE_MS)
        self._target_pause.timeout.connect(self.push_pending_target)
        self._target_pending: tuple[str, TargetDate] | None = None
        """The action a half-typed target was typed for, and the target."""
        self._undo_index = self.document.undo_stack.index()
        self.document.undo_stack.indexChanged.connect(self._on_undo_index)
        self.document.plan_replaced.connect(self._drop_pending_target)  # before show_item below
        self.target.changed.connect(self._target_changed)
        self.document.edited.connect(self._on_edited)
        self.document.plan_replaced.connect(lambda: self.show_item(None, None))
        self._watch_teardown()
        self.document.read_only_changed.connect(lambda read_only: self.setEnabled(not read_only))

    def _watch_teardown(self) -> None:
        """While the window is deleted its fields go one by one, and an editor may still say
        its text changed meanwhile: the owner combo whose list was open, as its completions
        are let go of. Pushing that edit made the inspector reload fields already deleted (a
        traceback at exit), or edit a plan whose document had gone. From the moment the
        inspector or its document starts to be deleted, the inspector does nothing more.

        The flag lives in a plain dict the lambdas hold, not in ``self``: no slot of an object
        being deleted is called, and nothing keeps the inspector alive."""
        gone = self._gone

        def mark_gone() -> None:
            gone["gone"] = True

        self.destroyed.connect(mark_gone)
        self.document.destroyed.connect(mark_gone)

    def _torn_down(self) -> bool:
        return self._gone["gone"]

    def field_for(self, column: Column | None) -> QWidget:
        """Where the keyboard goes in the inspector from a table cell in ``column``: the same
        field, if it is shown; else the first field shown; else the heading."""
        fields: dict[Column, QWidget] = {
            Column.REC_NO: self.reference, Column.CONCERN: self.concern_text, Column.ACTION: self.action_text,
            Column.OWNER: self.owner, Column.TARGET: self.target.line_edit(),
        }
        wanted = [fields[column]] if column in fields else []
        for widget in (*wanted, self.reference, self.action_text):
            if widget.isVisibleTo(self) and widget.isEnabled():
                return widget
        return self.heading

    # Showing -----------------------------------------------------------------------------

    def _items(self) -> tuple[Concern | None, Action | None]:
        plan = self.document.plan
        concern = plan.find_concern(self.concern_id) if self.concern_id else None
        if not self.action_id:
            return concern, None
        # Within the concern first: this runs on every keystroke, and a search of every action
        # of a 10,000-action plan costs about a millisecond.
        action = next((a for a in concern.actions if a.id == self.action_id), None) if concern else None
        if action is None:
            found = plan.find_action(self.action_id)
            action = found[1] if found else None
        return concern, action

    def show_item(self, concern_id: str | None, action_id: str | None) -> None:
        if self._target_pending is not None:
            # Not now: this may be called while another change (a move, a delete) is being
            # made. Once it is done, the target goes to the action it was typed for.
            self._target_pause.start(0)
        changed = (concern_id, action_id) != (self.concern_id, self.action_id)
        self.concern_id, self.action_id = concern_id, action_id
        if changed:
            self._end_session()
            self._loading = True
            try:
                plan = self.document.plan
                self.owner.set_choices(*owner_offer(plan))
            finally:
                self._loading = False
        self.load()
        if changed:
            self.item_changed.emit(concern_id, action_id)

    def load(self) -> None:
        if self._torn_down():
            return
        concern, action = self._items()
        self._loading = True
        try:
            self._use_era_words(self.document.plan.details.era)
            self.heading.setText(self._heading(concern, action))
            self._keep_focus_out_of(
                [box for box, shown in ((self.concern_box, concern), (self.action_box, action)) if shown is None])
            self.concern_box.setVisible(concern is not None)
            self.action_box.setVisible(action is not None)
            if concern is not None:
                self._load_concern(concern)
            if action is not None:
                self._load_action(action)
        finally:
            self._loading = False

    def _keep_focus_out_of(self, hiding: list[QWidget]) -> None:
        """A field about to hide with focus in it hands focus back to the table. Left to Qt,
        focus would move on to the next field in line, which may sit on a hidden tab (plan
        details), so what the person types next would go somewhere they cannot see."""
        focus = QApplication.focusWidget()
        if focus is None or not any(box.isVisible() and box.isAncestorOf(focus) for box in hiding):
            return
        home = self._table()
        if home is not None:
            home.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _table(self) -> QWidget | None:
        """The table beside the inspector: the main window's central widget."""
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QMainWindow):
            widget = widget.parentWidget()
        home = widget.centralWidget() if isinstance(widget, QMainWindow) else None
        return home if home is not None and home.isVisible() else None

    def _heading(self, concern: Concern | None, action: Action | None) -> str:
        plan = self.document.plan
        era = plan.details.era
        if concern is None:
            return f"Select a {era.item_noun()} or an action in the table to see all its details here."
        words = f"{concern.category.singular_in(era).capitalize()} {plan.reference_of(concern)}"
        if action is not None:
            number = next(n for n, a in enumerate(concern.actions, start=1) if a is action)
            words += f", action {number} of {len(concern.actions)}"
        return words

    def _load_concern(self, concern: Concern) -> None:
        if self.reference.text().strip() != concern.reference:
            self.reference.setText(concern.reference)
        number = self.document.plan.references().get(concern.id, "")
        self.reference.setPlaceholderText(f"Automatic: {number}" if not concern.reference else "")
        self.category.setCurrentIndex(self.category.findData(concern.category.value))
        self.agreement.setCurrentIndex(max(0, self.agreement.findData(concern.agreement.value if concern.agreement else None)))
        recommendations = self.document.plan.details.era is Era.RECOMMENDATIONS
        self.agreement.setVisible(recommendations)
        if self._agreement_label is not None:
            self._agreement_label.setVisible(recommendations)
        self.concern_text.set_text(concern.text)

    def _load_action(self, action: Action) -> None:
        # Each field is rewritten only when its value differs, so the field being typed in
        # keeps its cursor (and "dec 2026" is not reformatted while it is typed).
        self.action_text.set_text(action.text)
        if self.owner.owner() != action.owner:
            self.owner.set_owner(action.owner)
        if self.target.target() != action.target:
            self.target.set_target(action.target)

    def _on_edited(self, change: PlanChange) -> None:
        if self._torn_down():
            return
        if change.structure or change.details or self.concern_id in change.concern_ids \
                or self.action_id in change.action_ids:
            concern, action = self._items()
            if concern is None:
                self.concern_id = self.action_id = None
            elif self.action_id is not None and action is None:
                self.action_id = None
            self.load()

    # Editing -----------------------------------------------------------------------------

    def commit_pending_edits(self) -> None:
        """Before a save, an export or closing: the field being typed in reaches the plan.
        Each field pushes as it is typed, so this is a safety net that only acts when a field
        shows something the plan does not have yet (``editor.table.open_edits``)."""
        self.push_pending_target()  # a half-typed target waits even once focus has moved on
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return
        fields: tuple[tuple[QWidget, Callable[[], None]], ...] = (
            (self.reference, lambda: self._set_concern("reference", self.reference.text().strip())),
            (self.concern_text, lambda: self._set_concern("text", self.concern_text.text())),
            (self.action_text, lambda: self._set_action("text", self.action_text.text())),
            (self.owner, lambda: self._set_action("owner", self.owner.owner())),
            (self.target, lambda: self._set_action("target", self.target.target())),
        )
        for widget, push in fields:
            if widget is focus or widget.isAncestorOf(focus):
                push()
        if self.owner is focus or self.owner.isAncestorOf(focus):
            remember_owner(self.owner.owner())

    def _end_session(self) -> None:
        self._session += 1

    def _agreement(self) -> Agreement | None:
        value = self.agreement.currentData()
        return Agreement(value) if value else None

    def _owner_finished(self) -> None:
        if self._torn_down():
            return
        remember_owner(self.owner.owner())
        self._end_session()

    def _set_concern(self, name: str, value: Any) -> None:
        if self.concern_id is not None:
            self._push(FieldRef(self.concern_id, None, name), value)

    def _target_changed(self) -> None:
        if self._loading or self.action_id is None:
            return
        target = self.target.target()
        if target.is_recognised:
            self._drop_pending_target()
            self._set_action("target", target)
        else:
            self._target_pending = (self.action_id, target)
            self._target_pause.start(NOT_UNDERSTOOD_PAUSE_MS)

    def push_pending_target(self) -> None:
        """Put a half-typed target in the plan now, on the action it was typed for, if that
        action is still there."""
        self._target_pause.stop()
        pending, self._target_pending = self._target_pending, None
        if pending is None or self._torn_down():
            return
        action_id, target = pending
        found = self.document.plan.find_action(action_id)
        if found is not None:
            self._push(FieldRef(found[0].id, action_id, "target"), target)

    def _drop_pending_target(self) -> None:
        self._target_pause.stop()
        self._target_pending = None

    def _on_undo_index(self, index: int) -> None:
        # Undo from the menu while a target waits: the user is going back, so what waits is
        # dropped rather than pushed on top (which would also throw away Redo).
        if index < self._undo_index:
            self._drop_pending_target()
        self._undo_index = index

    def _set_action(self, name: str, value: Any) -> None:
        if self.concern_id is not None and self.action_id is not None:
            self._push(FieldRef(self.concern_id, self.action_id, name), value)

    def _push(self, ref: FieldRef, value: Any) -> None:
        if self._loading or self._torn_down() or self.document.read_only:
            return
        if ref.read(self.document.plan) == value:
            return
        key = ("inspector", ref, self._session)
        self.document.undo_stack.push(commands.SetField(self.document, ref, value, merge_key=key))

    def _change_category(self) -> None:
        if self._loading or self._torn_down() or self.concern_id is None or self.document.read_only:
            return
        category = Category(self.category.currentData())
        concern = self.document.plan.find_concern(self.concern_id)
        if concern is not None and concern.category is not category:
            self.document.undo_stack.push(commands.ChangeCategory(self.document, self.concern_id, category))
