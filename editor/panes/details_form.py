"""The plan details form: establishment, dates, template era and introduction.

Every change goes through the undo stack; text is kept as one undo step per editing session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.changes import PlanChange
from actionplan.model import STANDARD_INTRODUCTION, Era
from editor.edits.commands import FieldRef, SetField
from editor.edits.document import PlanDocument
from editor.panes.date_field import OptionalDateEdit
from editor.table.text_editor import PlanTextEdit

_ERA_LABELS = {
    Era.CONCERNS: "Concerns (from May 2022)",
    Era.RECOMMENDATIONS: "Recommendations (before May 2022)",
}
DATE_FIELDS = {
    "submitted": "Action plan submitted",
    "inspection_start": "Inspection first day",
    "inspection_end": "Inspection last day",
    "published": "Report published",
}
# Access keys that no menu (File, Edit, View, Plan, Help), no other field here and nothing in
# the Problems list beside it uses (the inspector, in the same place, is never shown with it).
_DATE_LABELS_WITH_KEYS = {
    "submitted": "Action plan &submitted",
    "inspection_start": "Inspection first da&y",
    "inspection_end": "Inspection &last day",
    "published": "Report pu&blished",
}


class DetailsForm(QWidget):
    """Edits ``plan.details``. ``field_widget(name)`` gives the control for a field."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._loading = False
        self._session = 0
        self.establishment = QLineEdit(self)
        self.establishment.setAccessibleName("Establishment")
        self.establishment.setPlaceholderText("For example HMP & YOI Stoke Heath")
        self.dates = {name: OptionalDateEdit(label, self) for name, label in DATE_FIELDS.items()}
        self.era = QComboBox(self)
        self.era.setAccessibleName("Template era")
        for era, label in _ERA_LABELS.items():
            self.era.addItem(label, era.value)
        self.introduction = PlanTextEdit(self)
        self.introduction.setAccessibleName("Introduction")
        self.standard_introduction = QPushButton("Use the standard introduction", self)
        self.standard_introduction.setAccessibleName("Use the standard introduction")
        self._lay_out()
        self._connect()
        self.load()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow("Establish&ment", self.establishment)
        for name in DATE_FIELDS:
            form.addRow(_DATE_LABELS_WITH_KEYS[name], self.dates[name])
        form.addRow("&Template era", self.era)
        form.addRow("I&ntroduction", self.introduction)
        form.addRow("", self.standard_introduction)
        layout = QVBoxLayout(self)
        layout.addLayout(form)

    def _connect(self) -> None:
        self.establishment.textEdited.connect(lambda text: self._set("establishment", text, merge=True))
        self.establishment.editingFinished.connect(self._end_session)
        for name, widget in self.dates.items():
            widget.date_changed.connect(lambda name=name, widget=widget: self._set(name, widget.date()))
        self.era.currentIndexChanged.connect(lambda _i: self._set("era", Era(self.era.currentData())))
        self.introduction.textChanged.connect(
            lambda: self._set("introduction", self.introduction.text(), merge=True)
        )
        self.introduction.focus_left.connect(self._end_session)
        self.standard_introduction.clicked.connect(lambda: self._set("introduction", STANDARD_INTRODUCTION))
        self.document.plan_replaced.connect(lambda: self.load())
        self.document.edited.connect(self._on_edited)
        self.document.read_only_changed.connect(self._set_read_only)

    def field_widget(self, name: str) -> QWidget:
        widgets: dict[str, QWidget] = {"establishment": self.establishment, "era": self.era,
                                       "introduction": self.introduction, **self.dates}
        return widgets.get(name, self.establishment)

    def _set_read_only(self, read_only: bool) -> None:
        for widget in (self.establishment, self.era, self.introduction, self.standard_introduction,
                       *self.dates.values()):
            widget.setEnabled(not read_only)

    # Model to form -----------------------------------------------------------------------

    def _on_edited(self, change: PlanChange) -> None:
        if change.details:
            self.load(keep_typing=True)

    def load(self, keep_typing: bool = False) -> None:
        """Show the plan's details. With ``keep_typing`` (after an edit), a date box still
        holding typing that is not a date keeps it unless its own date changed."""
        details = self.document.plan.details
        self._loading = True
        try:
            if self.establishment.text() != details.establishment:
                self.establishment.setText(details.establishment)
            for name, widget in self.dates.items():
                value = getattr(details, name)
                if not keep_typing or widget.date() != value:
                    widget.set_date(value)
            self.era.setCurrentIndex(max(0, self.era.findData(details.era.value)))
            self.introduction.set_text(details.introduction)
            self.standard_introduction.setEnabled(details.introduction != STANDARD_INTRODUCTION)
        finally:
            self._loading = False

    # Form to model -----------------------------------------------------------------------

    def _end_session(self) -> None:
        self._session += 1

    def _set(self, name: str, value: Any, merge: bool = False) -> None:
        if self._loading or self.document.read_only:
            return
        ref = FieldRef(None, None, name)
        if ref.read(self.document.plan) == value:
            return
        key = ("details", name, self._session) if merge else None
        self.document.undo_stack.push(SetField(self.document, ref, value, merge_key=key))
