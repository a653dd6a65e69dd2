"""Fixtures shared by the editor tests (see ``table_fixtures``)."""

from tests.editor.table_fixtures import document, no_leftover_widgets, window  # noqa: F401
