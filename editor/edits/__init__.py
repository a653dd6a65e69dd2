"""Undo commands and structural edits: every change to the open plan. Imports only the core and Qt."""
