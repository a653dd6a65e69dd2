"""Open, save, autosave, recovery, locks, outside changes and the questions they ask. May import table, edits and common."""
