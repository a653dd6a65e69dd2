"""Edit ▸ Paste concerns from report…: paste the report's list of concerns, see how it will be
split while typing, and add every concern in one undoable step.

The splitting is ``importers.report_paste.split_concerns``; this module only shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan.model import Category, Concern
from actionplan.spelling import SpellChecker
from editor.common.readable_hints import make_placeholders_readable
from editor.common.screen_fit import fit_to_screen
from editor.edits.commands import AddConcerns
from editor.edits.document import PlanDocument
from importers.report import shorten
from importers.report_paste import PastedConcern, PasteResult, WordCheck, split_concerns

PREVIEW_DELAY_MS = 250
"""Wait this long after the last keystroke before splitting again: typing stays smooth."""
PREVIEW_CHARACTERS = 160
_ROOT = QModelIndex()
INTRODUCTION = (
    "Paste the list of concerns from the inspection report, copied from the PDF or the web page. "
    "Numbering, “Priority concerns” and “Key concerns” headings, line breaks inside a concern and "
    "page numbers are sorted out for you. Check the preview before you add them."
)


def hyphenation_check(spelling: SpellChecker) -> WordCheck | None:
    """``is_word`` for ``split_concerns``: the editor's dictionary, with the plan's own words.

    The checker accepts any hyphenated word whose parts make a word ("rehabili-tation"), which
    is the very question asked, so a hyphenated form never counts as a word here; a real
    compound such as "self-harm" keeps its hyphen because "selfharm" is not a word.
    """
    if not spelling.available:
        return None
    return lambda word: "-" not in word and spelling.is_known(word)


def describe_count(result: PasteResult) -> str:
    """``6 concerns will be added: 2 priority, 4 key``."""
    total = len(result.concerns)
    if not total:
        return "No concerns found yet. Paste the report's list of concerns into the box."
    counts = [
        f"{count} {category.value}"
        for category in (Category.PRIORITY, Category.KEY)
        if (count := sum(1 for concern in result.concerns if concern.category is category))
    ]
    noun = "concern" if total == 1 else "concerns"
    return f"{total} {noun} will be added: {', '.join(counts)}"


def describe_ignored(result: PasteResult) -> str:
    kept = ""
    if result.kept_numbers:
        numbers = ", ".join(f"“{number}”" for number in result.kept_numbers[:8])
        kept = f"Kept in the text, in the middle of a sentence (check none is a page number): {numbers}. "
    return kept + _left_out(result)


def _left_out(result: PasteResult) -> str:
    if not result.ignored:
        return ""
    lines = ", ".join(f"“{shorten(line, 40)}”" for line in result.ignored[:8])
    more = f" and {len(result.ignored) - 8} more" if len(result.ignored) > 8 else ""
    noun = "line" if len(result.ignored) == 1 else "lines"
    return f"Left out, as page numbers or text outside any concern ({len(result.ignored)} {noun}): {lines}{more}"


def new_concerns(pasted: list[PastedConcern]) -> list[Concern]:
    return [Concern(text=item.text, category=item.category, reference=item.reference) for item in pasted]


def add_pasted_concerns(document: PlanDocument, pasted: list[PastedConcern]) -> list[Concern]:
    """Add the concerns at the end of their sections as one undo step. The added concerns, in
    the order they were pasted."""
    concerns = new_concerns(pasted)
    if not concerns:
        return []
    stack = document.undo_stack
    count = len(concerns)
    stack.beginMacro(f"Paste {count} concern{'s' if count != 1 else ''} from report")
    try:
        for category in (Category.PRIORITY, Category.KEY):
            in_category = [concern for concern in concerns if concern.category is category]
            if in_category:
                stack.push(AddConcerns(document, in_category, category))
    finally:
        stack.endMacro()
    return concerns


class PreviewModel(QAbstractTableModel):
    """The concerns the dialog will add, one a row: section, Rec No kept, the start of the text."""

    HEADINGS = ("Section", "Rec No", "Concern")
    REFERENCE_TIP = "A reference such as S45 or 1.12 is kept. Plain numbers are not: the plan numbers its concerns."

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.concerns: list[PastedConcern] = []

    def set_concerns(self, concerns: list[PastedConcern]) -> None:
        self.beginResetModel()
        self.concerns = list(concerns)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.concerns)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADINGS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        concern = self.concerns[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            section = "Priority" if concern.category is Category.PRIORITY else "Key"
            return (section, concern.reference, shorten(concern.text, PREVIEW_CHARACTERS))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return concern.text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADINGS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == 1:
            return self.REFERENCE_TIP
        return None


_CELL_PADDING = (4, 3)
"""Room round the text of a preview cell, across and down, in pixels."""


class _PaddedCells(QStyledItemDelegate):
    """Measures a preview cell's wrapped text in the width left inside its padding: measured in
    the whole width, a line that only just fitted there was cut short ("a sentence …")."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        inside = QStyleOptionViewItem(option)
        inside.rect = option.rect.adjusted(0, 0, -2 * _CELL_PADDING[0], 0)
        return super().sizeHint(inside, index)


class PasteConcernsDialog(QDialog):
    """A text box, the section for text without headings, and a live preview."""

    def __init__(self, is_word: WordCheck | None = None, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.is_word = is_word
        self.pasted = PasteResult()
        self.setWindowTitle("Paste concerns from report")
        self.setAccessibleName("Paste concerns from report")
        # A dialog is a window of its own and does not take the main window's readable hints.
        make_placeholders_readable(self)
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self._build()
        self.text_box.setPlainText(text)
        self.text_box.selectAll()  # pasting straight away replaces what came from the clipboard
        self.update_preview()
        fit_to_screen(self, QSize(1100, 640))  # on a 1024 by 700 screen, all of it, Cancel included

    # Building ------------------------------------------------------------------------------

    def _build(self) -> None:
        intro = QLabel(INTRODUCTION, self)
        intro.setWordWrap(True)
        # Labels keep their text as their accessible name, so screen readers read what they say.
        intro.setAccessibleDescription("What this does")
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._text_side())
        splitter.addWidget(self._preview_side())
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([480, 620])
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        for before, after in ((self.text_box, self.priority), (self.priority, self.key),
                              (self.key, self.preview), (self.preview, self.add_button),
                              (self.add_button, self.cancel_button)):
            self.setTabOrder(before, after)

    def _text_side(self) -> QWidget:
        side = QWidget(self)
        self.text_box = QPlainTextEdit(side)
        self.text_box.setAccessibleName("Report text")
        self.text_box.setAccessibleDescription("The list of concerns copied from the inspection report")
        self.text_box.setPlaceholderText("1. Paste the concerns here…")
        self.text_box.setTabChangesFocus(True)  # Tab leaves the box: the text never needs a tab
        self.text_box.textChanged.connect(self._timer.start)
        label = QLabel("&Report text", side)
        label.setBuddy(self.text_box)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.text_box, 1)
        layout.addWidget(self._section_choice(side))
        return side

    def _section_choice(self, parent: QWidget) -> QGroupBox:
        group = QGroupBox("Where to add concerns that have no heading above them", parent)
        group.setAccessibleName("Section for concerns without a heading")
        self.priority = QRadioButton("&Priority concerns", group)
        self.key = QRadioButton("&Key concerns", group)
        self.priority.setChecked(True)
        self.sections = QButtonGroup(self)
        for button in (self.priority, self.key):
            button.setAccessibleName(f"Add to {button.text().replace('&', '').lower()}")
            self.sections.addButton(button)
        self.sections.buttonToggled.connect(lambda _button, checked: self.update_preview() if checked else None)
        layout = QHBoxLayout(group)
        layout.addWidget(self.priority)
        layout.addWidget(self.key)
        layout.addStretch(1)
        return group

    def _preview_side(self) -> QWidget:
        side = QWidget(self)
        self.count_label = QLabel(side)
        self.count_label.setAccessibleDescription("How many concerns will be added")
        self.count_label.setWordWrap(True)
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.preview_model = PreviewModel(self)
        self.preview = QTableView(side)
        self.preview.setModel(self.preview_model)
        self.preview.setAccessibleName("Preview of the concerns to add")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setTabKeyNavigation(False)  # Tab goes on to Add, not from cell to cell
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setWordWrap(True)
        self.preview.setAlternatingRowColors(True)
        across, down = _CELL_PADDING
        self.preview.setStyleSheet(f"QTableView::item {{ padding: {down}px {across}px; }}")
        self.preview.setItemDelegate(_PaddedCells(self.preview))
        self.preview.verticalHeader().setVisible(False)
        # Rows follow the width the Concern column gets, which is only known once laid out.
        self.preview.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ignored_label = QLabel(side)
        self.ignored_label.setAccessibleDescription("Lines left out")
        self.ignored_label.setWordWrap(True)
        label = QLabel("Pre&view", side)
        label.setBuddy(self.preview)
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.count_label)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.ignored_label)
        return side

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        self.add_button = QPushButton("&Add concerns", self)
        self.add_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # Preview -------------------------------------------------------------------------------

    def category(self) -> Category:
        return Category.KEY if self.key.isChecked() else Category.PRIORITY

    def update_preview(self) -> None:
        self._timer.stop()
        self.pasted = split_concerns(self.text_box.toPlainText(), self.category(), is_word=self.is_word)
        concerns = self.pasted.concerns
        self.count_label.setText(describe_count(self.pasted))
        self.ignored_label.setText(describe_ignored(self.pasted))
        self.ignored_label.setVisible(bool(self.pasted.ignored))
        self.preview_model.set_concerns(concerns)
        count = len(concerns)
        self.add_button.setEnabled(bool(count))
        self.add_button.setText(f"&Add {count} concern{'s' if count != 1 else ''}" if count else "&Add concerns")
        self.add_button.setAccessibleName(self.add_button.text().replace("&", ""))

    def accept(self) -> None:
        self.update_preview()  # the text may have changed within the preview delay
        if self.pasted.concerns:
            super().accept()


class ConcernPaster:
    """The Edit menu action: opens the dialog, adds the concerns, selects the first one."""

    def __init__(self, window: QMainWindow, document: PlanDocument, spelling: SpellChecker,
                 reveal: Callable[[str | None, str | None, str], None]) -> None:
        self.window = window
        self.document = document
        self.spelling = spelling
        self.reveal = reveal
        self.action = QAction("&Paste concerns from report…", window)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+V"))
        self.action.setStatusTip("Add concerns copied from the inspection report")
        self.action.triggered.connect(lambda _checked=False: self.open_dialog())
        self.document.read_only_changed.connect(lambda read_only: self.action.setEnabled(not read_only))
        self.action.setEnabled(not self.document.read_only)
        self.dialog: PasteConcernsDialog | None = None

    def make_dialog(self) -> PasteConcernsDialog:
        text = QGuiApplication.clipboard().text()
        return PasteConcernsDialog(hyphenation_check(self.spelling), self.window, text)

    def open_dialog(self) -> None:
        """Show the dialog, modal to the window; Add adds the concerns."""
        if self.document.read_only:
            return
        if self.dialog is not None:
            self.dialog.raise_()
            return
        dialog = self.dialog = self.make_dialog()
        dialog.accepted.connect(lambda: self.add(list(dialog.pasted.concerns)))
        dialog.finished.connect(lambda _code: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: PasteConcernsDialog) -> None:
        dialog.deleteLater()
        if self.dialog is dialog:
            self.dialog = None

    def add(self, pasted: list[PastedConcern]) -> list[Concern]:
        if self.document.read_only:
            # Someone took the plan over while the dialog was open.
            self.window.statusBar().showMessage("The plan is now read-only, so no concerns were added.", 8000)
            return []
        added = add_pasted_concerns(self.document, pasted)
        if added:
            self.reveal(added[0].id, None, "text")
            count = len(added)
            self.window.statusBar().showMessage(
                f"Added {count} concern{'s' if count != 1 else ''} from the report. Undo takes them all away.", 8000)
        return added
