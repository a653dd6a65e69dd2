"""The main window: a coordinator that wires the table, the docks, the menus and the status bar
to one ``PlanDocument``. It does no editing itself.

Other parts add their actions to ``self.menus["file"|"edit"|"view"|"plan"|"help"]`` and their
status to ``self.statusBar()`` (``addPermanentWidget``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from actionplan.changes import PlanChange
from actionplan.model import Category, Plan
from editor.checks.validation_ui import CheckedViews, install_validation
from editor.common.readable_hints import make_placeholders_readable
from editor.common.screen_fit import fit_to_screen
from editor.common.wheel_guard import install_wheel_guard
from editor.edits.document import PlanDocument
from editor.exchange.export_controller import install_export
from editor.exchange.progress_report_controller import install_progress_report
from editor.panes.details_form import DetailsForm
from editor.panes.find_replace import FindReplaceDialog, Match, select_match_text
from editor.panes.inspector import Inspector
from editor.table.columns import Column
from editor.table.delegates import install_delegates
from editor.table.open_edits import commit_open_edits
from editor.table.plan_table_view import PlanTableView
from editor.window.pane_navigation import Pane, PaneNavigation
from editor.window.plan_views import install_plan_views
from editor.window.side_docks import SideDockRoom, let_form_shrink
from editor.window.structure_actions import StructureActions

APP_NAME = "Action Plan Editor"
PREFERRED_SIZE = QSize(1400, 900)
"""The window's size on a screen with room for it; a smaller screen gets all its free area."""


class MainWindow(QMainWindow):
    """One plan, shown as the published table with an inspector and the plan details."""

    def __init__(self, document: PlanDocument | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document if document is not None else PlanDocument(Plan(), None, self)
        self.title_name: Callable[[], str] = self.document.display_name
        """The plan's name in the title bar; the file handling names an imported plan that has
        no file yet ("stoke-heath-2026 (imported, not saved)")."""
        if self.document.parent() is None:
            self.document.setParent(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_wheel_guard(app)
        make_placeholders_readable(self)  # "Automatic: 1" and every other placeholder in the window
        self.table = PlanTableView(self.document, self)
        self.setCentralWidget(self.table)
        self.delegates = install_delegates(self.table, self.document)
        self.structure = StructureActions(self.table, self)
        self.table.context_actions = self.structure.all()
        self.table.set_empty_plan_actions([self.structure.add_priority, self.structure.add_key])
        self.inspector = Inspector(self.document, self)
        self.details = DetailsForm(self.document, self)
        self.inspector_dock = self._dock("Inspector", self.inspector, Qt.DockWidgetArea.RightDockWidgetArea)
        self.details_dock = self._dock("Plan details", self.details, Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.details_dock, self.inspector_dock)
        let_form_shrink(self.details, [self.details.era])
        self.inspector_dock.raise_()
        self.dock_room = SideDockRoom(self, self.table, [self.inspector_dock, self.details_dock])
        # The side docks run the full height; bottom docks sit under the table only.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.menus: dict[str, QMenu] = {}
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.update_title()
        self._update_counts()
        self.validation = install_validation(CheckedViews(
            self, self.table, self.inspector, self.delegates, self.menus["view"], self.reveal))
        self.exporting = install_export(self, self.document, current_errors=self.validation.current_errors)
        self.progress_report = install_progress_report(self, self.document, after=self.exporting.action)
        self.panes = self._build_pane_navigation()
        self.views = install_plan_views(self, self.table, self.inspector, self.menus["view"], self.panes,
                                        self.structure.acted)
        self.structure.may_delete = self.views.may_delete
        fit_to_screen(self, PREFERRED_SIZE)

    # Building ----------------------------------------------------------------------------

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title.replace(" ", "_").lower())
        dock.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", "&File"), ("edit", "&Edit"), ("view", "&View"),
                           ("plan", "&Plan"), ("help", "&Help")):
            self.menus[key] = bar.addMenu(title)
        self.quit_action = self._add(self.menus["file"], "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self._build_edit_menu()
        self._build_view_menu()
        self._build_plan_menu()
        self._add(self.menus["help"], "&Keyboard shortcuts", QKeySequence.StandardKey.HelpContents,
                  self.show_shortcuts)
        self._add(self.menus["help"], "Writing &SMART actions", QKeySequence(), self.show_smart_guidance)
        self.menus["help"].addSeparator()
        about = self._add(self.menus["help"], f"&About {APP_NAME}", QKeySequence(), self.show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    def _build_edit_menu(self) -> None:
        edit = self.menus["edit"]
        self.undo_action = self.document.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.document.undo_stack.createRedoAction(self, "&Redo")
        # Windows' standard Redo is Ctrl+Y already; the same key twice made it ambiguous, so it
        # did nothing. Ctrl+Y everywhere, and the platform's own keys too (Ctrl+Shift+Z).
        self.redo_action.setShortcuts(_distinct("Ctrl+Y", QKeySequence.StandardKey.Redo))
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        # Opening the menu first keeps what is being typed, so Undo undoes it rather than an
        # earlier change, and Redo is not lost when the typing reaches the plan afterwards.
        edit.aboutToShow.connect(lambda: commit_open_edits(self))
        self._last_change: PlanChange | None = None
        self.document.edited.connect(self._remember_change)
        self.undo_action.triggered.connect(self._show_what_came_back)
        self.redo_action.triggered.connect(self._show_what_came_back)
        edit.addSeparator()
        self.edit_cell_action = self._add(edit, "&Edit cell", "F2", self._edit_current)
        self.find_separator = edit.addSeparator()
        self.find_replace = FindReplaceDialog(self.document, self.reveal, self, show_match=self.show_match,
                                              before_change=self.table.keep_open_edit)
        self.find_action = self._add(edit, "&Find and replace…", QKeySequence.StandardKey.Find, self._open_find)
        self.find_action.setShortcuts(_distinct(QKeySequence.StandardKey.Find, "Ctrl+H"))

    def _build_view_menu(self) -> None:
        view = self.menus["view"]
        self._add(view, "Zoom &in", "Ctrl+=", self.table.zoom_in).setShortcuts(
            _distinct("Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn))
        self._add(view, "Zoom &out", "Ctrl+-", self.table.zoom_out).setShortcuts(
            _distinct("Ctrl+-", QKeySequence.StandardKey.ZoomOut))
        self._add(view, "&Actual size", QKeySequence("Ctrl+0"), self.table.reset_zoom)
        view.addSeparator()
        for dock, words in ((self.inspector_dock, "I&nspector"), (self.details_dock, "Plan &details")):
            toggle = dock.toggleViewAction()
            toggle.setText(words)  # an access key of its own; Zoom &in has I
            view.addAction(toggle)

    def _build_plan_menu(self) -> None:
        plan = self.menus["plan"]
        self._add(plan, "Plan &details", QKeySequence("Ctrl+Shift+D"), lambda: self.reveal(None, None, "establishment"))
        plan.addSeparator()
        for action in self.structure.all():
            if action is None:
                plan.addSeparator()
            else:
                plan.addAction(action)
        self.addActions([a for a in self.structure.all() if a is not None])

    def _add(self, menu: QMenu, text: str, keys: QKeySequence | QKeySequence.StandardKey | str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        menu.addAction(action)
        return action

    def _build_pane_navigation(self) -> PaneNavigation:
        panes = [Pane(self.table, self.table), Pane(self.inspector_dock, choose=self._inspector_field),
                 Pane(self.details_dock), Pane(self.validation.dock, self.validation.panel.view)]
        navigation = PaneNavigation(self, panes, leaving_table=self.table.keep_open_edit)
        view = self.menus["view"]
        view.addSeparator()
        for action in navigation.actions():
            view.addAction(action)
        # Done with the plan details: the inspector comes back to the front beside the table, or
        # a new user who started with the details never sees it again.
        navigation.return_on_escape(self.details_dock).activated.connect(self.inspector_dock.raise_)
        navigation.return_on_escape(self.inspector_dock)
        navigation.return_on_escape(self.validation.dock)
        return navigation

    def _inspector_field(self) -> QWidget:
        """F6 to the inspector: the field for the table's current cell, bigger."""
        index = self.table.currentIndex()
        return self.inspector.field_for(Column(index.column()) if index.isValid() else None)

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview, version: int | None = 0) -> bool:
        restored = super().restoreState(state, version or 0)
        if restored:
            self.dock_room.layout_restored()
        return restored

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName("Counts of concerns and actions")
        self.statusBar().addWidget(self.counts_label)

    def _connect(self) -> None:
        document = self.document
        document.modified_changed.connect(lambda _modified: self.update_title())
        document.path_changed.connect(self.update_title)
        document.read_only_changed.connect(lambda _r: self.update_title())
        document.plan_replaced.connect(self.update_title)
        document.plan_replaced.connect(self._update_counts)
        document.edited.connect(lambda change: self._update_counts() if change.structure or change.details else None)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)
        self.table.plan_model.rows_rebuilt.connect(self._follow_current)
        self.table.section_activated.connect(self._add_concern_to_section)

    # Coordinating ------------------------------------------------------------------------

    def update_title(self) -> None:
        suffix = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{self.title_name()}[*]{suffix} — {APP_NAME}")
        self.setWindowModified(self.document.is_modified())

    def _update_counts(self) -> None:
        plan = self.document.plan
        era = plan.details.era
        counts = [_count(len(plan.in_category(category)), category.singular_in(era)) for category in Category]
        self.counts_label.setText(", ".join([*counts, _count(plan.action_count, "action")]))
        self.counts_label.setAccessibleName(f"Counts of {era.item_noun(plural=True)} and actions")

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.inspector.show_item(None, None)
            return
        row = self.table.plan_model.row(current.row())
        self.inspector.show_item(
            row.concern.id if row.concern else None, row.action.id if row.action else None
        )

    def _remember_change(self, change: object) -> None:
        self._last_change = change if isinstance(change, PlanChange) else None

    def _show_what_came_back(self) -> None:
        """After undoing or redoing a structural change (a delete, a move), go to the concern
        or action it brought back or moved, so the user sees what Undo did."""
        change = self._last_change
        if change is None or not change.structure:
            return
        for concern in self.document.plan.in_display_order():
            action = next((a for a in concern.actions if a.id in change.action_ids), None)
            if action is not None or concern.id in change.concern_ids:
                self.reveal(concern.id, action.id if action else None, "text")
                return

    def _follow_current(self) -> None:
        self._on_current_changed(self.table.currentIndex(), QModelIndex())

    def _add_concern_to_section(self, category: Category) -> None:
        """Enter or a double-click on a section row: a new concern there, ready to type."""
        action = self.structure.add_priority if category is Category.PRIORITY else self.structure.add_key
        if not action.isEnabled():
            return
        action.trigger()
        index = self.table.currentIndex()
        if index.isValid() and index.column() == Column.CONCERN and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def _open_find(self) -> None:
        self.find_replace.open_for()

    def _edit_current(self) -> None:
        if self.views.showing_progress():
            self.views.edit_progress_cell()  # the progress view's own cell: never the action text
            return
        index = self.table.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.table.edit(index)

    def reveal(self, concern_id: str | None, action_id: str | None, field: str) -> None:
        """Select and scroll to the cell showing ``field``; plan details fields open the form. In the
        progress view, an action's row is shown there."""
        if self.views.reveal(concern_id, action_id, field):
            return
        if concern_id is None:
            self.details_dock.show()
            self.details_dock.raise_()
            self.details.field_widget(field).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        model = self.table.plan_model
        index = model.index_for(concern_id, action_id, field)
        if not index.isValid() and concern_id is not None:
            row = model.first_row_of_concern(concern_id)
            index = model.index(row, Column.CONCERN) if row is not None else index
        self.table.select_cell(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if field in ("category", "agreement"):
            self.inspector_dock.show()
            self.inspector_dock.raise_()

    def show_match(self, match: Match) -> None:
        """Find: go to the match and show it selected, in its cell opened for editing (the
        found word can then be typed over) or in its plan details field."""
        self.views.show_drafting()
        self.table.keep_open_edit()
        ref = match.ref
        self.reveal(ref.concern_id, ref.action_id, ref.field)
        if ref.concern_id is None:
            widget: QWidget | None = self.details.field_widget(ref.field)
        else:
            index = self.table.currentIndex()
            if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEditable:
                return  # read-only: the cell is selected, which is all that can be shown
            # In the middle, so the editor (taller than a short row) opens over the cell itself.
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self.table.row_heights.size_visible()
            self.table.edit(index)
            widget = self.table.indexWidget(index)
        select_match_text(widget, match.start, match.end)

    def show_shortcuts(self) -> QDialog:
        from editor.window.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_smart_guidance(self) -> QDialog:
        from editor.window.help_dialogs import SmartGuidanceDialog

        dialog = self.findChild(SmartGuidanceDialog)  # one is enough: bring it forward
        if dialog is None:
            dialog = SmartGuidanceDialog(self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: to read beside the plan
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def show_about(self) -> QDialog:
        from editor.window.help_dialogs import about_box

        box = about_box(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def open_plan(self, plan: Plan, path: Path | None) -> None:
        """Show ``plan`` (the file controller calls ``document.replace`` the same way)."""
        self.document.replace(plan, path)


def _distinct(*keys: str | QKeySequence.StandardKey) -> list[QKeySequence]:
    """Key sequences without repeats: a platform's standard zoom keys may be ours already."""
    sequences: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        sequences += [s for s in found if s not in sequences]
    return sequences


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
