"""The two views of the plan in the middle of the window: the drafting view (the published table,
as it has always been) and the progress view. View ▸ Drafting view (Ctrl+1) and View ▸ Progress
view (Ctrl+2) switch between them; the inspector's progress section opens with the progress view.

Both views follow one selection: the row chosen in the progress view is the drafting table's
current action too, so a menu command (delete, move, duplicate) acts on what the user sees.
Commands that work in the drafting table (those, Find, a problem with a concern) bring the
drafting view to the front; a problem with an action shows its row where it is. Edit cell (F2)
in the progress view edits its current status or lead, never the drafting table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QStackedWidget, QWidget

from actionplan.progress import ActionStatus
from editor.common.day_watcher import DayWatcher
from editor.common.settings import AppSettings
from editor.panes.inspector import Inspector
from editor.progress.evidence_links import Opener, open_with_desktop
from editor.progress.progress_filter import ProgressFilter
from editor.progress.progress_panel import ProgressPanel
from editor.progress.progress_questions import ProgressQuestions, QtProgressQuestions
from editor.progress.progress_view import ProgressView
from editor.progress.progress_words import progress_held_words
from editor.progress.recorder import ProgressRecorder
from editor.table.open_edits import keep_open_cell
from editor.table.plan_table_view import PlanTableView
from editor.window.pane_navigation import Pane, PaneNavigation

DRAFTING_KEYS = "Ctrl+1"
PROGRESS_KEYS = "Ctrl+2"


class PlanViews(QObject):
    """Puts the drafting table and the progress view in a stack in the middle of ``window``."""

    switched = Signal(bool)
    """True when the progress view came to the front, False for the drafting view."""

    def __init__(self, window: QMainWindow, table: PlanTableView, inspector: Inspector, view_menu: QMenu,
                 panes: PaneNavigation, drafting_done: SignalInstance, settings: AppSettings | None = None,
                 questions: ProgressQuestions | None = None, opener: Opener = open_with_desktop) -> None:
        super().__init__(window)
        self.window = window
        self.table = table
        self.inspector = inspector
        self.document = table.document
        self.settings = settings or AppSettings()
        self.document.author = self._known_user_name
        self.recorder = ProgressRecorder(self.document, self.settings, questions or QtProgressQuestions(window),
                                         opener=opener, parent=self)
        self.stack = QStackedWidget(window)
        self.stack.setAccessibleName("Plan")
        window.takeCentralWidget()  # the drafting table: kept, not deleted
        self.stack.addWidget(table)
        self.progress = ProgressView(self.document, self._set_status_soon, due_soon_days=self.settings.due_soon_days,
                                     parent=self.stack)
        self.stack.addWidget(self.progress)
        window.setCentralWidget(self.stack)
        self.stack.setFocusProxy(table)
        self.panel = ProgressPanel(self.document, self.recorder, due_soon_days=self.settings.due_soon_days)
        inspector.add_section(self.panel)
        self._unfolded = {False: False, True: True}
        """Whether the progress section is open, in the drafting view (False) and the progress view."""
        self._switching = False
        self.pane = Pane(self.stack, table)
        panes.panes[0] = self.pane
        inspector_pane = next((pane for pane in panes.panes if pane.holds(inspector)), None)
        if inspector_pane is not None:
            drafting_choice = inspector_pane.choose
            # F6 to the inspector from the progress view: its progress section, not the action text.
            inspector_pane.choose = lambda: self._inspector_field(drafting_choice)
        self.drafting_action, self.progress_action = self._actions(view_menu)
        # After a command has changed the plan and chosen its cell in the drafting table.
        drafting_done.connect(self.show_drafting)
        self._connect()

    def _actions(self, menu: QMenu) -> tuple[QAction, QAction]:
        group = QActionGroup(self)
        made = []
        first = menu.actions()[0] if menu.actions() else None
        for words, keys, tip, slot in (
            ("Dra&fting view", DRAFTING_KEYS, "The plan as the published table, for writing it", self.show_drafting),
            ("Pro&gress view", PROGRESS_KEYS, "Status, lead, position and latest update of every action",
             self.show_progress),
        ):
            action = QAction(words, self.window)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(keys))
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False, show=slot: show())
            group.addAction(action)
            menu.insertAction(first, action) if first else menu.addAction(action)
            self.window.addAction(action)
            made.append(action)
        if first is not None:
            menu.insertSeparator(first)
        made[0].setChecked(True)
        return made[0], made[1]

    def _connect(self) -> None:
        self.progress.current_item_changed.connect(self._on_progress_current)
        self.inspector.item_changed.connect(self.panel.show_item)
        self.panel.expanded_changed.connect(self._remember_unfolded)
        self.table.zoom_changed.connect(self._zoom_progress)
        self.day = DayWatcher(parent=self)
        self.day.new_day.connect(self._on_new_day)
        self.panel.show_item(self.inspector.concern_id, self.inspector.action_id)

    # Switching -------------------------------------------------------------------------------

    def showing_progress(self) -> bool:
        return self.stack.currentWidget() is self.progress

    def show_progress(self) -> None:
        self.progress_action.setChecked(True)
        if self.showing_progress():
            return
        had_focus = self._focus_in_middle()
        self.table.keep_open_edit()
        # Read first: a view shown with the keyboard in it makes its first row current.
        action_id = self.inspector.action_id or self._first_action_of(self.inspector.concern_id)
        self._switching = True
        try:
            self.progress.wake(True)
            self.stack.setCurrentWidget(self.progress)
            self._point_keyboard_at(self.progress.table)
            if action_id is None or not self.progress.select_action(action_id):
                self._select_first_row()
            self.panel.set_expanded(self._unfolded[True])
        finally:
            self._switching = False
        if had_focus:
            self.progress.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.switched.emit(True)

    def show_drafting(self) -> None:
        self.drafting_action.setChecked(True)
        if not self.showing_progress():
            return
        had_focus = self._focus_in_middle() or self.table.hasFocus()
        keep_open_cell(self.progress.table)  # a lead or status being chosen is kept
        shown = (self.inspector.concern_id, self.inspector.action_id)
        self._switching = True
        try:
            self.stack.setCurrentWidget(self.table)
            self._point_keyboard_at(self.table)
            self.progress.wake(False)
            self._show_current_in_table(*shown)
            self.panel.set_expanded(self._unfolded[False])
        finally:
            self._switching = False
        if had_focus:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.switched.emit(False)

    def _show_current_in_table(self, concern_id: str | None, action_id: str | None) -> None:
        """The drafting table's current cell, which followed the progress view quietly, in view;
        or the item the inspector showed, if the table's current cell shows another."""
        current = self.table.currentIndex()
        row = self.table.plan_model.row(current.row()) if current.isValid() else None
        if row is not None and row.concern is not None and row.concern.id == concern_id \
                and (row.action.id if row.action else None) == action_id:
            self.table.select_cell(current)
        elif concern_id is not None:
            self.table.select_cell(self.table.plan_model.index_for(concern_id, action_id, "text"))

    def _inspector_field(self, drafting_choice: Callable[[], QWidget | None] | None) -> QWidget | None:
        if self.showing_progress() and self.panel.action_box.isVisibleTo(self.panel) and self.panel.expanded:
            return self.panel.status
        return drafting_choice() if drafting_choice is not None else None

    def _point_keyboard_at(self, view: QWidget) -> None:
        """F6, Esc and the inspector hand the keyboard to the view at the front."""
        self.stack.setFocusProxy(view)
        self.pane.start = view
        self.pane.last = None

    def _focus_in_middle(self) -> bool:
        focus = QApplication.focusWidget()
        return focus is not None and (focus is self.stack or self.stack.isAncestorOf(focus))

    def _on_new_day(self) -> None:
        """Overdue and due soon are counted from today: count again when it changes."""
        if self.progress.model.awake:
            self.progress.model.refresh()
        self.panel.load()

    def _remember_unfolded(self, unfolded: bool) -> None:
        if not self._switching:
            self._unfolded[self.showing_progress()] = unfolded

    def _zoom_progress(self, points: int) -> None:
        font = QFont(self.progress.table.font())
        font.setPointSize(points)
        self.progress.table.setFont(font)
        self.progress.table.fit_rows()
        self.progress.table.fit_columns()

    # Following one selection -----------------------------------------------------------------

    def _on_progress_current(self, concern_id: str, action_id: str) -> None:
        self.inspector.show_item(concern_id, action_id)
        index = self.table.plan_model.index_for(concern_id, action_id, "text")
        if index.isValid() and index != self.table.currentIndex():
            # Quietly: the table is hidden, and scrolling or sizing its rows would cost time.
            self.table.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _first_action_of(self, concern_id: str | None) -> str | None:
        concern = self.document.plan.find_concern(concern_id) if concern_id else None
        return concern.actions[0].id if concern is not None and concern.actions else None

    def _select_first_row(self) -> None:
        if self.progress.filtered.rowCount():
            self.progress.select_action(self.progress.filtered.source_row(0).action.id)

    def reveal(self, concern_id: str | None, action_id: str | None, field: str) -> bool:
        """In the progress view, go to an action's row (clearing the filter if it hides the row),
        with the inspector showing it; True when done. Anything else is the drafting view's."""
        if not self.showing_progress() or concern_id is None:
            return False
        if action_id is None:
            self.show_drafting()  # a concern's own fields are the drafting view's
            return False
        if not self.progress.select_action(action_id):
            self.progress.set_filter(ProgressFilter())
            if not self.progress.select_action(action_id):
                return False
        drafting = self.table.plan_model.index_for(concern_id, action_id, field)
        if drafting.isValid():
            self.table.selectionModel().setCurrentIndex(drafting, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.panel.set_expanded(True)
        self.progress.table.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def edit_progress_cell(self) -> None:
        """Edit cell (F2) with the progress view at the front, from wherever the keyboard is
        (the inspector's progress section, the filter bar): the current row's status or lead,
        if that is the current cell; any other cell is edited in the drafting view, so nothing."""
        table = self.progress.table
        index = table.currentIndex()
        if not index.isValid() or not index.flags() & Qt.ItemFlag.ItemIsEditable:
            return
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if table.state() != table.State.EditingState:
            table.edit(index)

    # Deleting --------------------------------------------------------------------------------

    def may_delete(self, concern_ids: Sequence[str], action_ids: Sequence[str]) -> bool:
        """Asks first when the concerns or actions to be deleted hold progress records, which
        the drafting table does not show; True when nothing is held or the user says go on."""
        plan = self.document.plan
        concerns = [c for c in (plan.find_concern(i) for i in concern_ids) if c is not None]
        found = [plan.find_action(i) for i in action_ids]
        actions = [a for c in concerns for a in c.actions] + [f[1] for f in found if f is not None]
        held = progress_held_words(actions)
        if not held:
            return True
        many = len(concerns) > 1 if concerns else len(actions) > 1
        noun = plan.details.era.item_noun(plural=many) if concerns else ("actions" if many else "action")
        whose, them = ("their", "them") if many else ("its", "it")
        title = f"Delete {noun} and {whose} progress?"
        if concerns:
            holder = f"These {noun}' actions have" if many else f"This {noun}'s actions have"
        else:
            holder = "These actions have" if many else "This action has"
        message = f"{holder} {held}. They will be deleted with {them}."
        return bool(self.recorder.questions.confirm_delete(title, message))

    # Recording from the view -----------------------------------------------------------------

    def _known_user_name(self) -> str:
        """The user's name for a record an edit makes by itself: never asked for in the middle of
        an edit, so empty until the user has given it."""
        return self.settings.user_name() if self.settings.has_user_name() else ""

    def _set_status_soon(self, action_id: str, status: ActionStatus) -> None:
        # After the status list has closed: recording may ask the user's name, and a dialog
        # opened while the list is closing would take its focus and keep the choice twice.
        QTimer.singleShot(0, self, lambda: self.recorder.set_status(action_id, status))


def install_plan_views(window: QMainWindow, table: PlanTableView, inspector: Inspector, view_menu: QMenu,
                       panes: PaneNavigation, drafting_done: SignalInstance) -> PlanViews:
    return PlanViews(window, table, inspector, view_menu, panes, drafting_done)
