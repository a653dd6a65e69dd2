"""The open plan's undo history and modified flag when the whole plan is replaced."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from actionplan.model import Category, Concern, Plan
from editor.edits import commands
from editor.edits.document import PlanDocument


def test_replace_after_reset_clean_starts_unmodified(qapp: QApplication) -> None:
    document = PlanDocument(Plan())
    changes: list[bool] = []
    document.modified_changed.connect(changes.append)
    # A restored plan (or one changed outside) is marked as not matching its file ...
    document.undo_stack.resetClean()
    assert document.is_modified()
    # ... and then another plan is opened: it matches its file.
    document.replace(Plan(concerns=[Concern(text="Opened")]), Path("opened.actionplan"))
    assert not document.is_modified()
    assert document.undo_stack.count() == 0
    assert changes == [True, False]


def test_replace_after_edits_forgets_them_and_starts_unmodified(qapp: QApplication) -> None:
    document = PlanDocument(Plan())
    document.undo_stack.push(commands.AddConcern(document, Concern(text="Draft"), Category.KEY))
    document.undo_stack.resetClean()
    document.replace(Plan(), None)
    assert not document.is_modified()
    assert not document.undo_stack.canUndo()
    assert document.display_name() == "Untitled plan"


def test_edit_after_replace_is_a_modification_and_undoing_it_is_clean(qapp: QApplication) -> None:
    document = PlanDocument(Plan())
    document.undo_stack.resetClean()
    document.replace(Plan(), None)
    document.undo_stack.push(commands.AddConcern(document, Concern(text="New"), Category.KEY))
    assert document.is_modified()
    document.undo_stack.undo()
    assert not document.is_modified()
