"""File ▸ Collect updates ▸ Send forms…: choose whom each form goes to, which actions, and the
folder; the dialog shows who will get a form, and how many actions each, before any is made.

The forms themselves are ``exporters.update_forms``'s; this module only asks.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.model import Plan
from actionplan.tracking import Position
from actionplan.update_forms import FormsToSend, SendTo, forms_to_send
from editor.common.readable_hints import make_placeholders_readable
from editor.common.screen_fit import fit_to_screen

INTRODUCTION = (
    "Make one Excel form for each person, holding just their actions, for them to fill in with a "
    "new status, a progress update, evidence and any new target date. Email each form to the person "
    "it is named after. When they send it back, choose File ▸ Collect updates ▸ Read returned forms…"
)
UNSAVED = ("Save the plan first. The forms find their actions by details kept in the plan file, so a plan "
           "that is not saved could not read them back.")
CHOOSABLE = (Position.OVERDUE, Position.DUE_SOON, Position.ON_TRACK, Position.NO_DATE, Position.COMPLETE)


class SendFormsDialog(QDialog):
    """Whom, which actions, where; and a list of the forms that will be made."""

    def __init__(self, plan: Plan, folder: Path, saved: bool, today: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.today = today or dt.date.today()
        self.saved = saved
        self.setWindowTitle("Send update forms")
        self.setAccessibleName("Send update forms")
        make_placeholders_readable(self)
        self._build(folder)
        self.update_preview()
        fit_to_screen(self, QSize(720, 600))

    # Building ------------------------------------------------------------------------------

    def _build(self, folder: Path) -> None:
        intro = QLabel(INTRODUCTION, self)
        intro.setWordWrap(True)
        self.unsaved_label = QLabel(UNSAVED, self)
        self.unsaved_label.setWordWrap(True)
        self.unsaved_label.setStyleSheet("QLabel { font-weight: bold; }")
        self.unsaved_label.setVisible(not self.saved)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.unsaved_label)
        layout.addWidget(self._whom())
        layout.addWidget(self._which())
        layout.addLayout(self._where(folder))
        layout.addWidget(self._preview(), 1)
        layout.addWidget(self._buttons())

    def _whom(self) -> QGroupBox:
        group = QGroupBox("Send a form to each", self)
        self.by_lead = QRadioButton("&Lead (an action with no lead goes to its responsible owner)", group)
        self.by_owner = QRadioButton("Responsible &owner", group)
        self.by_lead.setChecked(True)
        self.whom = QButtonGroup(self)
        for button in (self.by_lead, self.by_owner):
            self.whom.addButton(button)
        self.whom.buttonToggled.connect(lambda _button, checked: self.update_preview() if checked else None)
        layout = QVBoxLayout(group)
        layout.addWidget(self.by_lead)
        layout.addWidget(self.by_owner)
        return group

    def _which(self) -> QGroupBox:
        group = QGroupBox("Which actions", self)
        self.all_actions = QRadioButton("&All actions", group)
        self.some_actions = QRadioButton("Only actions that are, today:", group)
        self.all_actions.setChecked(True)
        self.which = QButtonGroup(self)
        for button in (self.all_actions, self.some_actions):
            self.which.addButton(button)
        self.which.buttonToggled.connect(lambda _button, checked: self._which_changed() if checked else None)
        self.positions: dict[Position, QCheckBox] = {}
        boxes = QHBoxLayout()
        boxes.setContentsMargins(24, 0, 0, 0)
        for where in CHOOSABLE:
            box = QCheckBox(where.words, group)
            box.setChecked(where in (Position.OVERDUE, Position.DUE_SOON))
            box.setEnabled(False)
            box.toggled.connect(lambda _checked: self.update_preview())
            self.positions[where] = box
            boxes.addWidget(box)
        boxes.addStretch(1)
        layout = QVBoxLayout(group)
        layout.addWidget(self.all_actions)
        layout.addWidget(self.some_actions)
        layout.addLayout(boxes)
        return group

    def _where(self, folder: Path) -> QHBoxLayout:
        label = QLabel("&Folder for the forms:", self)
        self.folder_edit = QLineEdit(str(folder), self)
        self.folder_edit.setAccessibleName("Folder for the forms")
        self.folder_edit.textChanged.connect(lambda _text: self._refresh_button())
        label.setBuddy(self.folder_edit)
        self.choose_button = QPushButton("&Choose…", self)
        self.choose_button.setAccessibleName("Choose the folder for the forms")
        self.choose_button.clicked.connect(self.choose_folder)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        return row

    def _preview(self) -> QWidget:
        side = QWidget(self)
        self.count_label = QLabel(side)
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.forms_list = QListWidget(side)
        self.forms_list.setAccessibleName("The forms that will be made")
        self.notes_label = QLabel(side)
        self.notes_label.setWordWrap(True)
        label = QLabel("Forms to &make", side)
        label.setBuddy(self.forms_list)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.forms_list, 1)
        layout.addWidget(self.notes_label)
        return side

    def _buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(self)
        self.make_button = QPushButton("&Make forms", self)
        self.make_button.setDefault(True)
        self.buttons.addButton(self.make_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # Choices -------------------------------------------------------------------------------

    def send_to(self) -> SendTo:
        return SendTo.OWNER if self.by_owner.isChecked() else SendTo.LEAD

    def only(self) -> frozenset[Position] | None:
        if self.all_actions.isChecked():
            return None
        return frozenset(where for where, box in self.positions.items() if box.isChecked())

    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip()).expanduser()

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Folder for the forms", str(self.folder().parent))
        if chosen:
            self.folder_edit.setText(chosen)

    def chosen(self) -> FormsToSend:
        return forms_to_send(self.plan, self.send_to(), self.today, self.only())

    def _which_changed(self) -> None:
        for box in self.positions.values():
            box.setEnabled(self.some_actions.isChecked())
        self.update_preview()

    def update_preview(self) -> None:
        chosen = self.chosen()
        self.count_label.setText(f"{chosen.describe()}:" if chosen.forms else
                                 "No action matches these choices, so no form would be made.")
        self.forms_list.clear()
        for form in chosen.forms:
            count = len(form.actions)
            self.forms_list.addItem(f"{form.name}: {count} action{'' if count == 1 else 's'}")
        self.notes_label.setText(" ".join(chosen.left_out))
        self.notes_label.setVisible(bool(chosen.left_out))
        self._forms = len(chosen.forms)
        self._refresh_button()

    def _refresh_button(self) -> None:
        count = self._forms
        self.make_button.setText(f"&Make {count} form{'' if count == 1 else 's'}" if count else "&Make forms")
        self.make_button.setAccessibleName(self.make_button.text().replace("&", ""))
        self.make_button.setEnabled(self.saved and bool(count) and bool(self.folder_edit.text().strip()))
