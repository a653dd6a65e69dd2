"""Import, export and paste dialogs and their controllers. May import files, checks, panes, table, edits and common."""
