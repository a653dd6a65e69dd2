"""Checks as you type: findings, marks in the table, the Problems list, spelling underlines. May import panes, table, edits and common."""
