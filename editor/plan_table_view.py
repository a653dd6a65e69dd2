"""The plan table as people know it from Word: sections, spanned concern cells, wrapped text.

Enter or F2 edits the current cell; typing starts editing too. Rows are sized lazily (see
``editor.row_heights``). Ctrl+= and Ctrl+- zoom the table text. Drag a concern (its Rec No or
text) to another place or section, or actions to another concern.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QDrag, QFont, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from editor.document import PlanDocument
from editor.plan_table_model import Column, PlanTableModel
from editor.row_heights import RowHeights

MIN_POINT_SIZE = 7
MAX_POINT_SIZE = 36
_REC_NO_WIDTH = 64
_SHARES = {Column.CONCERN: 0.30, Column.ACTION: 0.42, Column.OWNER: 0.15, Column.TARGET: 0.13}


class PlanTableView(QTableView):
    """Shows a ``PlanTableModel``; sizes rows as they come into view."""

    zoom_changed = Signal(int)
    """The table's text size in points."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.plan_model = PlanTableModel(document, self)
        self.setModel(self.plan_model)
        self.row_heights = RowHeights(self, self.plan_model)
        self.context_actions: list[QAction | None] = []
        self._base_point_size = self.font().pointSizeF()
        self._sizing = QTimer(self)
        self._sizing.setSingleShot(True)
        self._sizing.setInterval(0)
        self._sizing.timeout.connect(self.row_heights.size_visible)
        self._top_item: tuple[str | None, str | None, int] | None = None
        self._current_item: tuple[str | None, str | None, int] | None = None
        self._set_up_look()
        self._set_up_editing()
        self._connect()
        self._apply_spans()

    def _set_up_look(self) -> None:
        self.setAccessibleName("Action plan table")
        self.setWordWrap(True)
        self.setShowGrid(True)
        self.setCornerButtonEnabled(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 + 8)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        bold = QFont(header.font())
        bold.setBold(True)
        header.setFont(bold)

    def _set_up_editing(self) -> None:
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.activated.connect(self._edit_on_enter)

    def _connect(self) -> None:
        model = self.plan_model
        model.modelAboutToBeReset.connect(self._remember_top)
        model.modelReset.connect(self._after_reset)
        model.rows_remeasure.connect(self._remeasure)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.schedule_sizing())
        self.horizontalHeader().sectionResized.connect(self._on_column_resized)

    # Layout ------------------------------------------------------------------------------

    def _apply_spans(self) -> None:
        self.clearSpans()
        columns = len(Column)
        for number, row in enumerate(self.plan_model.rows()):
            if row.is_section:
                self.setSpan(number, 0, 1, columns)
            elif row.first and row.span > 1:
                self.setSpan(number, Column.REC_NO, row.span, 1)
                self.setSpan(number, Column.CONCERN, row.span, 1)

    def _item_at(self, number: int) -> tuple[str | None, str | None]:
        row = self.plan_model.row(number)
        return (row.concern.id if row.concern else None), (row.action.id if row.action else None)

    def _remember_top(self) -> None:
        current = self.currentIndex()
        self._current_item = None
        if current.isValid():
            self._current_item = (*self._item_at(current.row()), current.column())
        top = max(0, self.rowAt(0))
        if top < self.plan_model.rowCount():
            row = self.plan_model.row(top)
            concern_id = row.concern.id if row.concern else None
            action_id = row.action.id if row.action else None
            self._top_item = (concern_id, action_id, self.rowViewportPosition(top))

    def _after_reset(self) -> None:
        self._apply_spans()
        self.row_heights.layout_changed()
        if self._top_item is not None:
            concern_id, action_id, offset = self._top_item
            self._top_item = None
            index = self.plan_model.index_for(concern_id, action_id, "text")
            if index.isValid():
                bar = self.verticalScrollBar()
                bar.setValue(self.rowViewportPosition(index.row()) + bar.value() - offset)
        self.row_heights.size_visible()
        self._restore_current()

    def _restore_current(self) -> None:
        """Keep the same concern or action current after rows were rebuilt."""
        if self._current_item is None:
            return
        concern_id, action_id, column = self._current_item
        self._current_item = None
        model = self.plan_model
        number = model.row_of_action(action_id) if action_id else None
        if number is None and concern_id is not None:
            number = model.first_row_of_concern(concern_id)
        if number is not None:
            index = model.index(number, column)
            self.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _remeasure(self, rows: list[int]) -> None:
        self.row_heights.forget_rows(rows)
        self.row_heights.size_visible()

    def schedule_sizing(self) -> None:
        self._sizing.start()

    def _on_column_resized(self, _column: int, _old: int, _new: int) -> None:
        self.row_heights.forget_all()
        self.schedule_sizing()

    def fit_columns(self) -> None:
        """Share the width between the columns much as the Word table does."""
        available = max(400, self.viewport().width() - _REC_NO_WIDTH)
        header = self.horizontalHeader()
        header.blockSignals(True)
        self.setColumnWidth(Column.REC_NO, _REC_NO_WIDTH)
        for column, share in _SHARES.items():
            self.setColumnWidth(column, int(available * share))
        header.blockSignals(False)
        self.row_heights.forget_all()
        self.schedule_sizing()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()
        else:
            self.schedule_sizing()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_columns()

    # Zoom --------------------------------------------------------------------------------

    def point_size(self) -> int:
        return round(self.font().pointSizeF())

    def set_point_size(self, size: float) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, size))
        font = QFont(self.font())
        font.setPointSizeF(size)
        self.setFont(font)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() * 3 + 8)
        self.row_heights.forget_all()
        self.row_heights.size_visible()
        self.zoom_changed.emit(round(size))

    def zoom_in(self) -> None:
        self.set_point_size(self.font().pointSizeF() + 1)

    def zoom_out(self) -> None:
        self.set_point_size(self.font().pointSizeF() - 1)

    def reset_zoom(self) -> None:
        self.set_point_size(self._base_point_size)

    # Editing and selection ---------------------------------------------------------------

    def keep_open_edit(self) -> None:
        """Keep what is in an open cell editor and close it. Call before a change that rebuilds
        the rows (adding, moving, deleting), which would otherwise throw the editor away with
        whatever was typed since it last reached the plan."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = self.indexWidget(self.currentIndex())
        if editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def _edit_on_enter(self, index: QModelIndex) -> None:
        if self.state() != QAbstractItemView.State.EditingState and self.plan_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def select_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        selection = self.selectionModel()
        selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.row_heights.size_visible()
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.schedule_sizing()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.select_cell(index)
        menu = QMenu(self)
        for action in self.context_actions:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(event.globalPos())

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Our own drag: Qt's would clear or remove the source cells after a move, but the
        # model has already moved them through the undo stack.
        indexes: Sequence[QModelIndex] = [
            i for i in self.selectedIndexes() if self.plan_model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled
        ]
        if not indexes:
            return
        drag = QDrag(self)
        drag.setMimeData(self.plan_model.mimeData(indexes))
        drag.exec(Qt.DropAction.MoveAction)
