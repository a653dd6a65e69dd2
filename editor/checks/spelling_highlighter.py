"""Red wavy underlines under unknown words in the concern and action text editors, and a
context menu on them: suggestions, "Add to dictionary", "Add to this plan's word list" and
"Ignore".

Only the text in an open editor is checked, a paragraph at a time as Qt asks for it, so
typing never re-checks the whole plan.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from actionplan.spelling import Misspelling, SpellChecker


class SpellingHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self.checker = checker
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(QColor(200, 0, 0))

    def highlightBlock(self, text: str) -> None:
        for word in self.checker.misspellings(text):
            self.setFormat(word.start, word.end - word.start, self._format)


class SpellingSupport(QObject):
    """Attaches highlighters and the context menu to text editors, and re-draws them all when
    the dictionary changes."""

    def __init__(self, checker: SpellChecker, on_words_changed: Callable[[], None],
                 parent: QObject | None = None,
                 add_to_plan: Callable[[str], None] | None = None) -> None:
        super().__init__(parent)
        self.checker = checker
        self.on_words_changed = on_words_changed
        self.add_to_plan = add_to_plan
        """Adds a word to the plan's own word list (through the undo stack), when allowed."""
        self._highlighters: weakref.WeakSet[SpellingHighlighter] = weakref.WeakSet()
        self.last_menu: QMenu | None = None
        """The most recent context menu (tests and screenshots look at it)."""

    def attach(self, editor: QPlainTextEdit) -> None:
        if not self.checker.available:
            return
        highlighter = SpellingHighlighter(editor.document(), self.checker)
        self._highlighters.add(highlighter)
        editor.setProperty("spelling_highlighter", highlighter)  # keeps it alive with the editor
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(lambda point: self._show_menu(editor, point))

    def misspelling_at(self, editor: QPlainTextEdit, point: QPoint) -> tuple[QTextCursor, Misspelling] | None:
        cursor = editor.cursorForPosition(point)
        block = cursor.block()
        offset = cursor.positionInBlock()
        for word in self.checker.misspellings(block.text()):
            if word.start <= offset <= word.end:
                found = QTextCursor(block)
                found.setPosition(block.position() + word.start)
                found.setPosition(block.position() + word.end, QTextCursor.MoveMode.KeepAnchor)
                return found, word
        return None

    def build_menu(self, editor: QPlainTextEdit, point: QPoint) -> QMenu:
        standard = editor.createStandardContextMenu(point)
        found = self.misspelling_at(editor, point)
        if found is None:
            return standard
        cursor, word = found
        menu = QMenu(editor)
        suggestions = self.checker.suggestions(word.word)
        for suggestion in suggestions:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _c=False, s=suggestion: _replace(editor, cursor, s))
        if not suggestions:
            menu.addAction("No suggestions").setEnabled(False)
        menu.addSeparator()
        menu.addAction("Add to dictionary").triggered.connect(lambda: self._accept(word.word, permanently=True))
        if self.add_to_plan is not None:
            add_to_plan = self.add_to_plan
            plan_action = menu.addAction("Add to this plan’s word list")
            plan_action.setToolTip("Saved in the plan, so colleagues who open it are not shown this word either")
            plan_action.triggered.connect(lambda: add_to_plan(word.word))
        menu.addAction("Ignore").triggered.connect(lambda: self._accept(word.word, permanently=False))
        menu.addSeparator()
        menu.addActions(standard.actions())  # Cut, Copy, Paste... as usual
        standard.setParent(menu)  # keeps those actions alive as long as the menu
        standard.hide()
        return menu

    def _show_menu(self, editor: QPlainTextEdit, point: QPoint) -> None:
        menu = self.build_menu(editor, point)
        self.last_menu = menu
        menu.popup(editor.viewport().mapToGlobal(point))

    def _accept(self, word: str, permanently: bool) -> None:
        if permanently:
            self.checker.add_to_user_dictionary(word)
        else:
            self.checker.ignore(word)
        self.rehighlight_all()
        self.on_words_changed()

    def rehighlight_all(self) -> None:
        for highlighter in list(self._highlighters):
            highlighter.rehighlight()


def _replace(editor: QPlainTextEdit, cursor: QTextCursor, suggestion: str) -> None:
    cursor.insertText(suggestion)
    editor.setTextCursor(cursor)
