"""The keyboard shortcuts, in words, for Help > Keyboard shortcuts and the README."""

from __future__ import annotations

SHORTCUTS = (
    ("Enter or F2", "Edit the current cell (typing starts editing too)"),
    ("Enter (while editing text)", "New line; on a “- item” line, the next item"),
    ("Ctrl+Enter or Tab", "Keep the edit and finish"),
    ("Esc", "Cancel the edit"),
    ("Ctrl+Shift+P", "Add a priority concern"),
    ("Ctrl+Shift+K", "Add a key concern"),
    ("Ctrl+Shift+A", "Add an action to the current concern"),
    ("Ctrl+D", "Duplicate the current concern or action"),
    ("Ctrl+Delete", "Delete the current concern or action (undo brings it back)"),
    ("Ctrl+Shift+Up / Down", "Move the current concern or action up or down"),
    ("Ctrl+Shift+M", "Make a priority concern a key concern, or the other way round"),
    ("Ctrl+Shift+D", "Plan details"),
    ("Ctrl+F", "Find and replace"),
    ("Ctrl+Shift+V", "Paste concerns from the inspection report"),
    ("Ctrl+Z / Ctrl+Y", "Undo / redo"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "Zoom the table text in, out, back to normal"),
)

SHORTCUTS_TEXT = "\n".join(f"{keys}: {meaning}" for keys, meaning in SHORTCUTS)
