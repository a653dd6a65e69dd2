"""The keyboard shortcuts, in words, for Help > Keyboard shortcuts and the README."""

from __future__ import annotations

SHORTCUT_GROUPS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Files", (
        ("Ctrl+N / Ctrl+O", "New plan / open a plan"),
        ("Ctrl+S", "Save"),
        ("Ctrl+E", "Export as Word, PDF or ODT"),
    )),
    ("Editing cells", (
        ("Enter or F2", "Edit the current cell (typing starts editing too)"),
        ("Enter (while editing text)", "New line; on a “- item” line, the next item"),
        ("Ctrl+Enter", "Keep the edit and finish"),
        ("Tab / Shift+Tab (while editing)", "Keep the edit and go to the next / previous cell"),
        ("Esc", "Cancel the edit"),
        ("Delete or Backspace", "Empty the selected cells (a manual Rec No goes back to automatic numbering)"),
        ("Ctrl+Z / Ctrl+Y", "Undo / redo"),
        ("Delete (in an owner list)", "Forget a name you typed before"),
    )),
    ("Concerns and actions", (
        ("Ctrl+Shift+P", "Add a priority concern"),
        ("Ctrl+Shift+K", "Add a key concern"),
        ("Enter on a section heading", "Add a concern to that section"),
        ("Ctrl+Shift+A", "Add an action to the current concern"),
        ("Ctrl+D", "Duplicate the current concern or action"),
        ("Ctrl+Delete", "Delete the current concern or action (asks first when it holds progress; undo brings it back)"),
        ("Ctrl+Shift+Up / Down", "Move the current concern or action up or down"),
        ("Ctrl+Shift+M", "Make a priority concern a key concern, or the other way round"),
        ("Ctrl+Shift+V", "Paste concerns from the inspection report"),
        ("Alt+P", "The Plan menu: press a command's underlined letter (Alt+P, A adds an action)"),
    )),
    ("Moving around", (
        ("Ctrl+1 / Ctrl+2", "Drafting view / progress view"),
        ("F6 / Shift+F6", "Next / previous pane: the table, the inspector or plan details, the problems list "
                          "(in the inspector, the field of the current cell)"),
        ("Esc (in the inspector, plan details or problems)",
         "Back to the table (from plan details, the inspector comes back to the front)"),
        ("Ctrl+Shift+D", "Plan details"),
        ("Ctrl+F", "Find and replace"),
        ("Enter / Shift+Enter (in Find)", "Find the next / previous match"),
        ("Ctrl+= / Ctrl+- / Ctrl+0", "Zoom the table text in, out, back to normal"),
    )),
    ("Tracking progress", (
        ("Enter, F2 or typing (progress view)", "Choose the status or type the lead of the current action"),
        ("Ctrl+Enter (in Add an update)", "Add the update, dated today, in your name"),
    )),
)
"""Shortcuts by topic: each group's heading, then (keys, what they do)."""

SHORTCUTS = tuple(entry for _group, entries in SHORTCUT_GROUPS for entry in entries)

SHORTCUTS_TEXT = "\n".join(f"{keys}: {meaning}" for keys, meaning in SHORTCUTS)
