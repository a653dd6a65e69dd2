"""The multi-line text editor for concerns and actions, used in table cells and the inspector.

Keys: Enter starts a new line (a new paragraph). On a ``- item`` line Enter starts the next
``- `` item, and Enter on an empty ``- `` line ends the list. Ctrl+Enter or Tab finishes
the edit, Shift+Tab finishes and goes back, Esc cancels. The validation engineer can attach a
``QSyntaxHighlighter`` to ``editor.document()`` for spelling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

DASH = "- "

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def is_finish_key(event: QKeyEvent) -> bool:
    """Ctrl+Enter finishes editing a text cell."""
    control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return event.key() in _ENTER_KEYS and control


def _is_tab(event: QKeyEvent) -> bool:
    tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
    control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    return event.type() == QEvent.Type.KeyPress and tab and not control


class PlanTextEdit(QPlainTextEdit):
    """Plain text with paragraphs and dash lists, as in a cell of the Word table."""

    finished = Signal()
    """Ctrl+Enter: keep the text and stop editing."""
    tabbed = Signal(bool)
    """Tab (True) or Shift+Tab (False) in a table cell: keep the text and move on."""
    focus_left = Signal()
    """Focus moved elsewhere: ends a typing session (one undo step) for live editors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.tab_finishes = False
        """In a table cell, Tab finishes the edit and moves to the next cell."""

    def event(self, event: QEvent) -> bool:
        # Tab is taken for focus changes before keyPressEvent (or any delegate) sees it.
        if self.tab_finishes and isinstance(event, QKeyEvent) and _is_tab(event):
            backwards = event.key() == Qt.Key.Key_Backtab or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.tabbed.emit(not backwards)
            return True
        return super().event(event)

    def text(self) -> str:
        return self.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text without disturbing the cursor when nothing changed."""
        if text != self.toPlainText():
            self.setPlainText(text)
            self.moveCursor(QTextCursor.MoveOperation.End)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if is_finish_key(event):
            self.finished.emit()
            return
        plain_enter = event.key() in _ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if plain_enter and self._continue_dash_list():
            return
        super().keyPressEvent(event)

    def _continue_dash_list(self) -> bool:
        cursor = self.textCursor()
        line = cursor.block().text()
        if not line.startswith(DASH) or cursor.hasSelection():
            return False
        if line.strip() == "-":
            # Enter on an empty item ends the list, as in a word processor.
            cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return True
        if cursor.positionInBlock() < len(DASH):
            return False
        cursor.insertText("\n" + DASH)
        self.setTextCursor(cursor)
        return True

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()
