"""The panes beside the table: the inspector, plan details, find and replace. May import table, edits and common."""
