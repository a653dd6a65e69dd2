"""The progress view beside the drafting view: the same plan, one row per action, with Status,
Position, Lead and Latest update after the published columns, a filter bar above (overdue,
due soon, by lead, by owner, by status) and a summary line ("31 actions: 12 complete, 9 on
track, 6 due soon, 4 overdue").

Status and lead are edited in place (Enter, F2, a double-click or typing); everything else is
edited in the inspector or the drafting view. Rows are all one height (two lines, the rest in
the tooltip), so a 10,000-action plan lays out at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan import clock
from actionplan.progress import ActionStatus
from actionplan.tracking import DUE_SOON_DAYS, Position
from editor.common.flow_layout import FlowLayout
from editor.edits.document import PlanDocument
from editor.progress.progress_delegates import LINES, LeadDelegate, StatusDelegate, TwoLineDelegate
from editor.progress.progress_filter import NO_LEAD, FilteredProgress, ProgressFilter
from editor.progress.progress_model import ProgressColumn, ProgressModel, SetStatus

_MIN_WIDTHS = {
    ProgressColumn.REC_NO: 6, ProgressColumn.CONCERN: 12, ProgressColumn.ACTION: 16, ProgressColumn.OWNER: 11,
    ProgressColumn.TARGET: 16, ProgressColumn.STATUS: 11, ProgressColumn.POSITION: 9, ProgressColumn.LEAD: 12,
    ProgressColumn.LATEST: 16,
}
"""Each column's narrowest where there is room, in average character widths."""
_FLOORS = {**_MIN_WIDTHS, ProgressColumn.REC_NO: 4, ProgressColumn.CONCERN: 9, ProgressColumn.ACTION: 13,
           ProgressColumn.TARGET: 15, ProgressColumn.STATUS: 10, ProgressColumn.LEAD: 8, ProgressColumn.LATEST: 10}
"""How far each column gives way when there is not (a 1024 by 700 screen with the inspector
open): every column stays in view, the rest of its text in its tooltip."""
_HEADING_LINES = 3
"""A heading wraps to at most this many lines in a narrow column."""
_SHARE = {ProgressColumn.CONCERN: 2, ProgressColumn.ACTION: 4, ProgressColumn.LATEST: 3, ProgressColumn.LEAD: 1}
"""How the width left over is shared."""
_EDIT_KEYS = (Qt.Key.Key_F2,)


class ProgressTable(QTableView):
    """The grid of the progress view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Progress of each action")
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setCornerButtonEnabled(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                                   | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # headings wrap: see _fit_header
        bold = QFont(header.font())
        bold.setBold(True)
        header.setFont(bold)
        self.fit_rows()
        self.activated.connect(self._edit_on_enter)

    def _edit_on_enter(self, index: QModelIndex) -> None:
        if self.state() != QAbstractItemView.State.EditingState and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def fit_rows(self) -> None:
        # Two lines of text: the rest of a long cell is in its tooltip and in the inspector.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() * LINES + 6)

    def event(self, event: QEvent) -> bool:
        # F2 edits the status or lead here: the window's "Edit cell" (F2) is the drafting table's.
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.key() in _EDIT_KEYS and not event.modifiers():
            event.accept()
            return True
        return super().event(event)

    def fit_columns(self) -> None:
        """Each column at its narrowest, and the width left shared by the long text columns; on
        a narrow screen the long columns give way, down to their floors, before anything is
        pushed out of view."""
        average = self.fontMetrics().averageCharWidth()
        margin = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_FocusFrameHMargin) + 12
        words = self._heading_words()
        floors = {column: max(chars * average + margin, words[column]) for column, chars in _FLOORS.items()}
        widths = {column: max(chars * average + margin, floors[column]) for column, chars in _MIN_WIDTHS.items()}
        spare = self.viewport().width() - sum(widths.values())
        if spare > 0:
            total = sum(_SHARE.values())
            for column, share in _SHARE.items():
                widths[column] += spare * share // total
        elif spare < 0:
            give = {column: width - floors[column] for column, width in widths.items()}
            can_give = sum(give.values())
            for column, most in give.items():
                widths[column] -= min(most, -spare * most // can_give + 1) if can_give else 0
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self._fit_header()

    def _heading_words(self) -> dict[ProgressColumn, int]:
        """For each column, the width of the longest word of its heading, which cannot wrap."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin, None, header)
        model = self.model()
        found = {}
        for column in ProgressColumn:
            heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
            pieces = heading.replace("/", "/ ").split()
            found[column] = max((metrics.horizontalAdvance(piece) for piece in pieces), default=0) + 2 * margin + 4
        return found

    def _fit_header(self) -> None:
        """Tall enough for the longest heading wrapped to its column (a published heading such
        as "Response action taken/planned" in a narrow column)."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin, None, header)
        model = self.model()
        lines = 1
        for column in range(model.columnCount() if model is not None else 0):
            words = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            room = QRect(0, 0, max(10, self.columnWidth(column) - 2 * margin - 4), 10_000)
            height = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), words).height()
            lines = max(lines, min(_HEADING_LINES, -(-height // metrics.lineSpacing())))
        header.setFixedHeight(lines * metrics.lineSpacing() + 2 * margin + 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()


class FilterBar(QWidget):
    """Overdue and due soon, then lead, owner and status; Show all clears the filter. Only the
    owner has a mnemonic (Alt+W): the others' letters belong to the inspector beside it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Filter actions")
        self.overdue = QCheckBox("Overdue", self)
        self.overdue.setAccessibleName("Show overdue actions")
        self.due_soon = QCheckBox("Due soon", self)
        self.due_soon.setAccessibleName("Show actions due soon")
        self.lead = self._combo("Lead")
        self.owner = self._combo("Owner")
        self.status = self._combo("Status")
        self.status.addItem("Any status", None)
        for status in ActionStatus:
            self.status.addItem(status.label, status.value)
        _list_fits(self.status)
        self.clear = QPushButton("Show all", self)
        self.clear.setAccessibleName("Clear the filter")
        self.clear.setToolTip("Clear the filter and show every action")
        self.clear.clicked.connect(self.clear_filter)
        # Side by side, carrying on on a second line when the view is narrow (a 1024 by 700
        # screen with the inspector open): each label stays with its list.
        layout = FlowLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addWidget(_group(self, [self.overdue, self.due_soon]))
        for box in (self.overdue, self.due_soon):
            box.toggled.connect(lambda _on: self.changed.emit())
        for label, combo in (("Lead", self.lead), ("O&wner", self.owner), ("Status", self.status)):
            words = QLabel(label, self)
            words.setBuddy(combo)
            layout.addWidget(_group(self, [words, combo]))
            combo.currentIndexChanged.connect(lambda _number: self.changed.emit())
        layout.addWidget(self.clear)

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(f"Filter by {name.lower()}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)  # "Any status", "In progress"; a long name shows whole in the list
        return combo

    def choice(self) -> ProgressFilter:
        positions = {where for box, where in ((self.overdue, Position.OVERDUE), (self.due_soon, Position.DUE_SOON))
                     if box.isChecked()}
        status = self.status.currentData()
        return ProgressFilter(frozenset(positions), self.lead.currentData(), self.owner.currentData(),
                              ActionStatus(status) if status else None)

    def clear_filter(self) -> None:
        blocked = self.blockSignals(True)
        try:
            for box in (self.overdue, self.due_soon):
                box.setChecked(False)
            for combo in (self.lead, self.owner, self.status):
                combo.setCurrentIndex(0)
        finally:
            self.blockSignals(blocked)
        self.changed.emit()

    def offer(self, leads: list[str], owners: list[str]) -> None:
        """The leads and owners the plan names now, keeping what is chosen where it still is."""
        _fill(self.lead, [("Any lead", None), ("No lead yet", NO_LEAD), *((lead, lead) for lead in leads)])
        _fill(self.owner, [("Any owner", None), *((owner, owner) for owner in owners)])


def _group(parent: QWidget, widgets: list[QWidget]) -> QWidget:
    """``widgets`` side by side, kept together on one line of the filter bar."""
    group = QWidget(parent)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        widget.setParent(group)
        row.addWidget(widget)
    return group


def _list_fits(combo: QComboBox) -> None:
    """The open list as wide as its longest name (the box itself stays narrow)."""
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setMinimumWidth(view.sizeHintForColumn(0) + view.verticalScrollBar().sizeHint().width() + 8)


def _fill(combo: QComboBox, items: list[tuple[str, str | None]]) -> None:
    if [(combo.itemText(n), combo.itemData(n)) for n in range(combo.count())] == items:
        return
    chosen = combo.currentData()
    blocked = combo.blockSignals(True)
    try:
        combo.clear()
        for words, value in items:
            combo.addItem(words, value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
    finally:
        combo.blockSignals(blocked)
    _list_fits(combo)
    if combo.currentData() != chosen:
        combo.currentIndexChanged.emit(combo.currentIndex())  # what was chosen has gone


class ProgressView(QWidget):
    """The filter bar, the summary line and the grid, over one plan."""

    current_item_changed = Signal(object, object)
    """The concern id and action id of the row now current (None, None for none)."""

    def __init__(self, document: PlanDocument, set_status: SetStatus,
                 today: Callable[[], dt.date] = clock.today, due_soon_days: Callable[[], int] = lambda: DUE_SOON_DAYS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setAccessibleName("Progress view")
        self.model = ProgressModel(document, set_status, today, due_soon_days, parent=self)
        self.filtered = FilteredProgress(self.model, self)
        self.filter_bar = FilterBar(self)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Summary of where the actions stand")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = ProgressTable(self)
        self.table.setModel(self.filtered)
        self.setFocusProxy(self.table)
        self.table.setItemDelegate(TwoLineDelegate(self.table))
        self.status_delegate = StatusDelegate(self.table)
        self.lead_delegate = LeadDelegate(document, self.table)
        self.table.setItemDelegateForColumn(ProgressColumn.STATUS, self.status_delegate)
        self.table.setItemDelegateForColumn(ProgressColumn.LEAD, self.lead_delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_bar)
        summary_row = QHBoxLayout()
        summary_row.setContentsMargins(8, 0, 4, 2)
        summary_row.addWidget(self.summary, 1)
        layout.addLayout(summary_row)
        layout.addWidget(self.table, 1)
        self._summary_due = QTimer(self, singleShot=True, interval=0)
        self._summary_due.timeout.connect(self.update_summary)
        self._choices_due = QTimer(self, singleShot=True, interval=200)  # once per burst of typing
        self._choices_due.timeout.connect(self._offer_choices)
        self._kept: str | None = None
        """The current action while the rows are laid out again."""
        self._connect()

    def _connect(self) -> None:
        self.filter_bar.changed.connect(self._apply_filter)
        self.model.standing_changed.connect(self._summary_due.start)
        self.model.modelAboutToBeReset.connect(self._keep_current)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(lambda *_: self._choices_due.start())
        self.filtered.rowsInserted.connect(lambda *_: self._summary_due.start())
        self.filtered.rowsRemoved.connect(lambda *_: self._summary_due.start())
        self.filtered.modelReset.connect(self._summary_due.start)
        self.table.selectionModel().currentChanged.connect(self._on_current_changed)

    # Waking ----------------------------------------------------------------------------------

    def wake(self, awake: bool) -> None:
        """Shown (lay the plan out) or hidden (let it go, so drafting pays nothing for it)."""
        self.model.set_awake(awake)
        if awake:
            self.table.fit_columns()
            self.update_summary()

    def _keep_current(self) -> None:
        self._kept = self.current_action_id()

    def _after_reset(self) -> None:
        self._offer_choices()
        kept, self._kept = self._kept, None
        if kept is not None:
            self.select_action(kept)

    # Filtering -------------------------------------------------------------------------------

    def set_filter(self, choice: ProgressFilter) -> None:
        """Show only what ``choice`` lets by (the filter bar shows the choice it can)."""
        bar = self.filter_bar
        blocked = bar.blockSignals(True)
        try:
            bar.overdue.setChecked(Position.OVERDUE in choice.positions)
            bar.due_soon.setChecked(Position.DUE_SOON in choice.positions)
            for combo, value in ((bar.lead, choice.lead), (bar.owner, choice.owner),
                                 (bar.status, choice.status.value if choice.status else None)):
                combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)
        finally:
            bar.blockSignals(blocked)
        self._apply_filter()

    def _apply_filter(self) -> None:
        keep = self.current_action_id()
        self.filtered.set_filter(self.filter_bar.choice())
        if keep is not None:
            self.select_action(keep)
        self.update_summary()

    def _offer_choices(self) -> None:
        if not self.model.awake:
            return
        leads: set[str] = set()
        owners: set[str] = set()
        for row in self.model.rows():  # one pass: a 10,000-action plan has a few dozen of each
            leads.add(row.action.lead.strip())
            owners.add(row.action.owner.strip())
        self.filter_bar.offer(sorted(leads - {""}, key=str.casefold), sorted(owners - {""}, key=str.casefold))

    def update_summary(self) -> None:
        standing = self.model.standing()
        if not standing.total:
            self.summary.setText("This plan has no actions yet. Add them in the drafting view (Ctrl+1).")
            return
        words = standing.describe() + "."
        shown = self.filtered.rowCount()
        if self.filtered.choice.is_on:
            words += f" Showing {shown:,}." if shown else " No actions match this filter."
        self.summary.setText(words)

    # The current row -------------------------------------------------------------------------

    def current_action_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.filtered.source_row(index.row()).action.id

    def select_action(self, action_id: str, column: int | None = None) -> bool:
        """Make the row of ``action_id`` current; False when it is not shown (filtered out)."""
        number = self.filtered.row_of_action(action_id)
        if number is None:
            return False
        current = self.table.currentIndex()
        if column is None:
            column = current.column() if current.isValid() else ProgressColumn.STATUS
        index = self.filtered.index(number, column)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.filtered.source_row(current.row())
            self.current_item_changed.emit(row.concern.id, row.action.id)
