"""Find and replace across the whole plan: the establishment, the introduction, every concern,
action, owner and target date, with a count of matches. Replace all is one undo step.

Unless Match case is ticked, a replacement takes the case of what it replaces, as Word does:
"Prisoners" replaced with "men" gives "Men", "PRISONERS" gives "MEN". Replace all leaves the
standard introduction as HMPPS wrote it (Replace, on a match there, still changes it).

``find_matches`` is pure; ``FindReplaceDialog`` is the window (Edit > Find and replace,
Ctrl+F). Enter finds the next match, Shift+Enter the previous one. The main window shows each
match selected in its cell (``select_match_text``), so the found word is plain to see.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.model import STANDARD_INTRODUCTION, Plan
from actionplan.target_date import TargetDate
from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument

Reveal = Callable[[str | None, str | None, str], None]
INTRODUCTION = FieldRef(None, None, "introduction")


@dataclass(frozen=True)
class Match:
    ref: FieldRef
    start: int
    end: int


def searchable_fields(plan: Plan) -> Iterator[tuple[FieldRef, str]]:
    """Every field a person can search, in reading order, with its text."""
    yield FieldRef(None, None, "establishment"), plan.details.establishment
    yield INTRODUCTION, plan.details.introduction
    for concern in plan.in_display_order():
        yield FieldRef(concern.id, None, "text"), concern.text
        for action in concern.actions:
            yield FieldRef(concern.id, action.id, "text"), action.text
            yield FieldRef(concern.id, action.id, "owner"), action.owner
            yield FieldRef(concern.id, action.id, "target"), action.target.format()


def pattern_for(text: str, match_case: bool = False, whole_words: bool = False) -> re.Pattern[str] | None:
    if not text:
        return None
    body = re.escape(text)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if match_case else re.IGNORECASE)


def find_matches(plan: Plan, pattern: re.Pattern[str] | None) -> list[Match]:
    if pattern is None:
        return []
    return [
        Match(ref, found.start(), found.end())
        for ref, text in searchable_fields(plan)
        for found in pattern.finditer(text)
    ]


def replaced_value(ref: FieldRef, text: str) -> Any:
    """The value to store for ``text``: target dates are parsed, like typing them."""
    return TargetDate.parse(text) if ref.field == "target" else text


def cased_like(found: str, replacement: str) -> str:
    """``replacement`` in the case of ``found``, as Word replaces when Match case is off: all
    capitals stay all capitals ("PRISONERS" to "MEN"), a capital first letter stays capital
    ("Prisoners waited" to "Men waited"); otherwise the replacement is kept as typed."""
    letters = [char for char in found if char.lower() != char.upper()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return replacement.upper()
    if letters[0].isupper():
        first = next((n for n, char in enumerate(replacement) if char.lower() != char.upper()), None)
        if first is not None:
            return replacement[:first] + replacement[first].upper() + replacement[first + 1:]
    return replacement


def replace_in(text: str, pattern: re.Pattern[str], replacement: str, keep_case: bool) -> str:
    """``text`` with every match replaced; with ``keep_case``, each in the case of its match."""
    if keep_case:
        return pattern.sub(lambda found: cased_like(found.group(), replacement), text)
    return pattern.sub(lambda _found: replacement, text)


def is_standard_introduction(ref: FieldRef, text: str) -> bool:
    return ref == INTRODUCTION and text == STANDARD_INTRODUCTION


def replacements(plan: Plan, pattern: re.Pattern[str], replacement: str,
                 keep_case: bool = True) -> list[tuple[FieldRef, Any]]:
    """The new value of every field with a match, for Replace all. The standard introduction
    is HMPPS's fixed wording, the same in every plan, so it is left as it is."""
    changed = []
    for ref, text in searchable_fields(plan):
        if is_standard_introduction(ref, text):
            continue
        new_text = replace_in(text, pattern, replacement, keep_case)
        if new_text != text:
            changed.append((ref, replaced_value(ref, new_text)))
    return changed


def describe_count(matches: list[Match]) -> str:
    if not matches:
        return "No matches"
    places = len({m.ref for m in matches})
    found = f"{len(matches):,} match{'es' if len(matches) != 1 else ''}"
    return f"{found} in {places:,} place{'s' if places != 1 else ''}"


def select_match_text(widget: QWidget | None, start: int, end: int) -> bool:
    """Select characters ``start`` to ``end`` in an editor showing a field's text: a text box,
    a line, an owner box or a target date editor. Returns whether it could."""
    line: QLineEdit | None = None
    if isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(min(start, len(widget.toPlainText())))
        cursor.setPosition(min(end, len(widget.toPlainText())), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()
        return True
    if isinstance(widget, QLineEdit):
        line = widget
    elif isinstance(widget, QComboBox):
        line = widget.lineEdit()
    elif widget is not None and callable(getattr(widget, "line_edit", None)):
        found = widget.line_edit()  # type: ignore[attr-defined]
        line = found if isinstance(found, QLineEdit) else None
    if line is None:
        return False
    line.setSelection(start, end - start)
    return True


class FindReplaceDialog(QDialog):
    """A non-modal window that finds text in the plan and replaces it through the undo stack.

    ``show_match`` (when given) shows a found match, for example selected in its cell; without
    it ``reveal`` selects the field. ``before_change`` runs before a replacement changes the
    plan, to keep and close an editor open on a match."""

    def __init__(self, document: PlanDocument, reveal: Reveal, parent: QWidget | None = None,
                 show_match: Callable[[Match], None] | None = None,
                 before_change: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.reveal = reveal
        self.show_match = show_match
        self.before_change = before_change
        self.matches: list[Match] = []
        self.position = -1
        self.setWindowTitle("Find and replace")
        self.setAccessibleName("Find and replace")
        self._build()
        self._connect()

    def _build(self) -> None:
        self.find_text = QLineEdit(self)
        self.find_text.setAccessibleName("Find")
        self.replace_text = QLineEdit(self)
        self.replace_text.setAccessibleName("Replace with")
        self.match_case = QCheckBox("Match &case", self)
        self.match_case.setAccessibleName("Match case")
        self.whole_words = QCheckBox("W&hole words only", self)
        self.whole_words.setAccessibleName("Whole words only")
        self.count = QLabel("No matches", self)
        self.count.setAccessibleName("Number of matches")
        self.next_button = self._button("Find &next")
        self.previous_button = self._button("Find &previous")
        self.replace_button = self._button("&Replace")
        self.replace_all_button = self._button("Replace &all")
        self.close_button = self._button("Close")
        form = QFormLayout()
        form.addRow("&Find", self.find_text)
        form.addRow("Replace &with", self.replace_text)
        options = QHBoxLayout()
        options.addWidget(self.match_case)
        options.addWidget(self.whole_words)
        options.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button, self.replace_button,
                       self.replace_all_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(options)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self.next_button.setDefault(True)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("&", ""))
        button.setAutoDefault(False)
        return button

    def _connect(self) -> None:
        self.find_text.textChanged.connect(lambda _t: self.refresh())
        self.match_case.toggled.connect(lambda _c: self.refresh())
        self.whole_words.toggled.connect(lambda _c: self.refresh())
        self.next_button.clicked.connect(lambda: self.find_next(+1))
        self.previous_button.clicked.connect(lambda: self.find_next(-1))
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close)
        self.document.edited.connect(lambda _change: self.refresh() if self.isVisible() else None)
        self.document.plan_replaced.connect(self.refresh)
        QShortcut(QKeySequence("Shift+Return"), self, lambda: self.find_next(-1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.FindNext), self, lambda: self.find_next(+1))

    # Finding -----------------------------------------------------------------------------

    def pattern(self) -> re.Pattern[str] | None:
        return pattern_for(self.find_text.text(), self.match_case.isChecked(), self.whole_words.isChecked())

    def refresh(self) -> None:
        self.matches = find_matches(self.document.plan, self.pattern())
        self.position = min(self.position, len(self.matches) - 1)
        self.count.setText(describe_count(self.matches))
        editable = bool(self.matches) and not self.document.read_only
        self.replace_button.setEnabled(editable)
        self.replace_all_button.setEnabled(editable)
        self.next_button.setEnabled(bool(self.matches))
        self.previous_button.setEnabled(bool(self.matches))

    def find_next(self, step: int) -> Match | None:
        if not self.matches:
            self.refresh()
        if not self.matches:
            return None
        self.position = (self.position + step) % len(self.matches)
        match = self.matches[self.position]
        self.count.setText(f"{describe_count(self.matches)}: showing {self.position + 1}")
        if self.show_match is not None:
            self.show_match(match)
        else:
            self.reveal(match.ref.concern_id, match.ref.action_id, match.ref.field)
        return match

    def _before_change(self) -> None:
        if self.before_change is not None:
            self.before_change()

    # Replacing ---------------------------------------------------------------------------

    def replace_current(self) -> None:
        """Replace the match last shown (or the next one), then show the next."""
        if self.position < 0 or self.position >= len(self.matches):
            self.find_next(+1)
            return
        self._before_change()
        match = self.matches[self.position]
        text = _field_text(self.document.plan, match.ref)
        replacement = self.replace_text.text()
        if not self.match_case.isChecked():
            replacement = cased_like(text[match.start:match.end], replacement)
        new_text = text[: match.start] + replacement + text[match.end:]
        value = replaced_value(match.ref, new_text)
        if match.ref.read(self.document.plan) != value:
            self.document.undo_stack.push(commands.SetField(self.document, match.ref, value))
        self.refresh()
        # Go on after the replaced text, so a replacement that contains the search is skipped.
        self.position = self._first_after(match.ref, match.start + len(replacement)) - 1
        self.find_next(+1)

    def _first_after(self, ref: FieldRef, offset: int) -> int:
        order = {known: number for number, (known, _) in enumerate(searchable_fields(self.document.plan))}
        here = (order.get(ref, -1), offset)
        return next((n for n, m in enumerate(self.matches) if (order[m.ref], m.start) >= here), 0)

    def replace_all(self) -> int:
        pattern = self.pattern()
        if pattern is None or self.document.read_only:
            return 0
        self._before_change()
        plan = self.document.plan
        kept = [m for m in find_matches(plan, pattern) if is_standard_introduction(m.ref, _field_text(plan, m.ref))]
        count = len(find_matches(plan, pattern)) - len(kept)
        values = replacements(plan, pattern, self.replace_text.text(), keep_case=not self.match_case.isChecked())
        if values:
            self.document.undo_stack.push(commands.ReplaceAll(self.document, values))
        self.refresh()
        words = f"Replaced {count:,} match{'es' if count != 1 else ''}."
        if kept:
            words += " The standard introduction is left as HMPPS wrote it."
        self.count.setText(f"{words} {describe_count(self.matches)} left.")
        return count

    def open_for(self, text: str = "") -> None:
        if text:
            self.find_text.setText(text)
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()
        self.find_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_text.selectAll()


def _field_text(plan: Plan, ref: FieldRef) -> str:
    value = ref.read(plan)
    return value.format() if isinstance(value, TargetDate) else str(value)
