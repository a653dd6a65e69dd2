"""The plan table as people know it from Word: sections, spanned concern cells, wrapped text.

Enter or F2 edits the current cell; typing starts editing too. Enter or a double-click on a
section row asks for a concern in that section (``section_activated``). Delete or Backspace
empties the selected cells, as one undo step. Rows are sized lazily (see
``editor.table.row_heights``). Ctrl+= and Ctrl+- zoom the table text. Drag a concern (its Rec No or
text) to another place or section, or actions to another concern. A plan with no concerns
shows, under its section rows, how to add one.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDrag,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QMenu,
    QStyle,
    QTableView,
    QWidget,
)

from editor.edits.document import PlanDocument
from editor.table.column_widths import minimum_width, share_width
from editor.table.columns import Column
from editor.table.open_edits import keep_open_cell
from editor.table.plan_table_model import PlanTableModel
from editor.table.row_heights import RowHeights

MIN_POINT_SIZE = 7
MAX_POINT_SIZE = 36
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PlanTableView(QTableView):
    """Shows a ``PlanTableModel``; sizes rows as they come into view."""

    zoom_changed = Signal(int)
    """The table's text size in points."""
    section_activated = Signal(object)
    """Enter or a double-click on a section row: the ``Category`` to add a concern to."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.plan_model = PlanTableModel(document, self)
        self.setModel(self.plan_model)
        self.row_heights = RowHeights(self, self.plan_model)
        self.context_actions: list[QAction | None] = []
        self.empty_plan_actions: list[QAction] = []
        """The actions the empty-plan message names, with their shortcuts."""
        self._base_point_size = self.font().pointSizeF()
        self._sizing = QTimer(self)
        self._sizing.setSingleShot(True)
        self._sizing.setInterval(0)
        self._sizing.timeout.connect(self.row_heights.size_visible)
        self._top_item: tuple[str | None, str | None, int] | None = None
        self._current_item: tuple[str | None, str | None, int, int] | None = None
        """The current cell's concern id, action id, column and row before rows change."""
        self._set_up_look()
        self._set_up_editing()
        self._connect()
        self._apply_spans()
        self._update_empty_description()

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
        # Not ``activated``: some styles activate on a single click, which must not add a concern.
        self.doubleClicked.connect(self._activate_section)

    def _connect(self) -> None:
        model = self.plan_model
        model.modelAboutToBeReset.connect(self._remember_top)
        model.modelReset.connect(self._after_reset)
        model.rows_remeasure.connect(self._remeasure)
        model.rows_about_to_change.connect(self._before_rows_change)
        model.rows_changed.connect(self._after_rows_change)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.schedule_sizing())
        self.horizontalHeader().sectionResized.connect(self._on_column_resized)

    # Layout ------------------------------------------------------------------------------

    def _apply_spans(self) -> None:
        self.clearSpans()
        self._set_spans(0, self.plan_model.rowCount())

    def _set_spans(self, first: int, end: int, remove: bool = False) -> None:
        """Span (or with ``remove``, stop spanning) the section rows and concern cells of the
        rows from ``first`` up to ``end``, which start and end with whole concerns."""
        columns = len(Column)
        rows = self.plan_model.rows()
        for number in range(first, end):
            row = rows[number]
            if row.is_section:
                spans = [(Column.REC_NO, 1, columns)]
            elif row.first and row.span > 1:
                spans = [(Column.REC_NO, row.span, 1), (Column.CONCERN, row.span, 1)]
            else:
                continue
            for column, height, width in spans:
                if not remove:
                    self.setSpan(number, column, height, width)
                elif self.rowSpan(number, column) > 1 or self.columnSpan(number, column) > 1:
                    self.setSpan(number, column, 1, 1)  # Qt's way to take a span off

    def _before_rows_change(self, first: int, end: int) -> None:
        self._remember_top()
        self._set_spans(first, end, remove=True)
        # Qt moves the current cell off rows it removes, one step at a time: those moves are
        # not news (the inspector would load an item for each). The model's ``rows_rebuilt``
        # says where the current cell ended up.
        self.selectionModel().blockSignals(True)

    def _after_rows_change(self, first: int, end: int, concern_ids: list[str]) -> None:
        """Rows were replaced between ``first`` and ``end``: span them, measure again the
        concerns that changed, and keep the top row and the current item where they were."""
        self.selectionModel().blockSignals(False)
        self._set_spans(first, end)
        self.row_heights.forget_concerns(concern_ids)
        self._settle_rows(keep_place=True)

    def _item_at(self, number: int) -> tuple[str | None, str | None]:
        row = self.plan_model.row(number)
        return (row.concern.id if row.concern else None), (row.action.id if row.action else None)

    def _remember_top(self) -> None:
        current = self.currentIndex()
        self._current_item = None
        if current.isValid():
            self._current_item = (*self._item_at(current.row()), current.column(), current.row())
        top = max(0, self.rowAt(0))
        if top < self.plan_model.rowCount():
            row = self.plan_model.row(top)
            concern_id = row.concern.id if row.concern else None
            action_id = row.action.id if row.action else None
            self._top_item = (concern_id, action_id, self.rowViewportPosition(top))

    def _after_reset(self) -> None:
        self._apply_spans()
        self._settle_rows()

    def _settle_rows(self, keep_place: bool = False) -> None:
        self._update_empty_description()
        self.row_heights.layout_changed()
        if self._top_item is not None:
            concern_id, action_id, offset = self._top_item
            self._top_item = None
            index = self.plan_model.index_for(concern_id, action_id, "text")
            if index.isValid():
                bar = self.verticalScrollBar()
                bar.setValue(self.rowViewportPosition(index.row()) + bar.value() - offset)
        self.row_heights.size_visible()
        self._restore_current(keep_place)

    def _restore_current(self, keep_place: bool = False) -> None:
        """Keep the same concern or action current after rows were rebuilt. With
        ``keep_place``, when it is gone (an added concern undone), the item that took its
        place is current, as after deleting it."""
        if self._current_item is None:
            return
        concern_id, action_id, column, old_number = self._current_item
        self._current_item = None
        model = self.plan_model
        number = model.row_of_action(action_id) if action_id else None
        if number is None and concern_id is not None:
            number = model.first_row_of_concern(concern_id)
        if number is None and keep_place and model.rowCount():
            number = min(old_number, model.rowCount() - 1)
            if Column(column).is_concern_column:
                number = self.row_heights.block_start(number)
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

    def minimum_column_width(self, column: Column) -> int:
        """The narrowest a column may be at the current zoom (``column_widths.minimum_width``).
        Headings wrap onto a second line instead (``_fit_header_height``)."""
        return minimum_width(column, self.fontMetrics(), self.horizontalHeader().fontMetrics())

    def needed_width(self) -> int:
        """The table's width with every column at its minimum and room for the scroll bar."""
        columns = sum(self.minimum_column_width(column) for column in Column)
        return columns + self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()

    def column_widths(self, width: int) -> dict[Column, int]:
        """Share ``width`` between the columns much as the Word table does."""
        return share_width({column: self.minimum_column_width(column) for column in Column}, width)

    def _fit_header_height(self) -> None:
        """Tall enough for the headings that wrap in narrow columns."""
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 2
        lines = max(
            metrics.boundingRect(QRect(0, 0, max(20, self.columnWidth(c) - margin), 10_000),
                                 int(Qt.TextFlag.TextWordWrap), c.heading).height()
            for c in Column
        )
        header.setFixedHeight(max(lines + margin, header.sizeHint().height()))

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        header.blockSignals(True)
        for column, width in self.column_widths(self.viewport().width()).items():
            self.setColumnWidth(column, width)
        header.blockSignals(False)
        self._fit_header_height()
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
        self.fit_columns()
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
        keep_open_cell(self)  # an empty action row's owner or date is kept by creating its action

    def _edit_on_enter(self, index: QModelIndex) -> None:
        if self.state() != QAbstractItemView.State.EditingState and self.plan_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)

    def _activate_section(self, index: QModelIndex) -> bool:
        """A section row asks for a new concern in its section; other rows say no."""
        if not index.isValid() or self.state() == QAbstractItemView.State.EditingState:
            return False
        row = self.plan_model.row(index.row())
        if not row.is_section:
            return False
        if not self.document.read_only:
            self.section_activated.emit(row.category)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and self.state() != QAbstractItemView.State.EditingState:
            if event.key() in _CLEAR_KEYS:
                self.clear_selected_cells()
                event.accept()
                return
            if event.key() in _ENTER_KEYS and self._activate_section(self.currentIndex()):
                event.accept()
                return
        super().keyPressEvent(event)

    def moveCursor(self, cursor_action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Tab and Shift+Tab go from cell to cell of concerns and actions, past the section
        headings: Tab from a concern's last target date goes to the next concern, not onto a
        heading where the next keys would do nothing."""
        index = super().moveCursor(cursor_action, modifiers)
        if cursor_action not in (QAbstractItemView.CursorAction.MoveNext,
                                 QAbstractItemView.CursorAction.MovePrevious):
            return index
        start = self.currentIndex()
        if not start.isValid():
            return index  # the table taking focus with no current cell: as Qt does
        selection = self.selectionModel()
        # Stepping moves the current cell for a moment: nobody need hear of it.
        was_blocked = selection.blockSignals(True)
        try:
            for _ in range(len(Column) * 2):  # a heading is one row: a few steps pass it
                if not index.isValid() or not self.plan_model.row(index.row()).is_section:
                    break
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
                index = super().moveCursor(cursor_action, modifiers)
            selection.setCurrentIndex(start, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            selection.blockSignals(was_blocked)
        return index

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Close a cell editor; the keyboard stays in the table. Keeping a value typed into a
        concern's empty action row adds the action and rebuilds that row; Qt, which no longer
        knew the editor, left the focus in it, and once it was deleted the focus was nowhere:
        what was typed next was lost."""
        super().closeEditor(editor, hint)
        focus = QApplication.focusWidget()
        if focus is not None and (focus is editor or editor.isAncestorOf(focus)):
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyboardSearch(self, search: str) -> None:
        """Letters typed where no cell can be edited (a section heading, a read-only plan) do
        nothing, and the status bar says why. Qt would jump to a row starting with them, and
        the next letters would then be typed into that row's cell."""
        del search
        window = self.window()
        if not isinstance(window, QMainWindow):
            return
        index = self.currentIndex()
        row = self.plan_model.row(index.row()) if index.isValid() else None
        if self.document.read_only:
            words = "This plan is read-only. To keep a changed copy, use Save As."
        elif row is not None and row.is_section:
            noun = row.category.singular_in(self.document.plan.details.era) if row.category else "concern"
            words = f"Press Enter to add a {noun} here, or move to a cell to type in it."
        else:
            return
        window.statusBar().showMessage(words, 6000)

    def clear_selected_cells(self) -> int:
        """Empty the selected cells (or the current one), like a spreadsheet: one undo step."""
        indexes = self.selectedIndexes() or [self.currentIndex()]
        return self.plan_model.clear_cells(indexes)

    def select_cell(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        selection = self.selectionModel()
        selection.select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.row_heights.size_visible()
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self.schedule_sizing()

    # An empty plan -----------------------------------------------------------------------

    def set_empty_plan_actions(self, actions: list[QAction]) -> None:
        """The actions the empty-plan message names, with their shortcuts."""
        self.empty_plan_actions = actions
        self._update_empty_description()
        self.viewport().update()

    def empty_plan_lines(self) -> list[str]:
        """What the table says while the plan has no concerns, naming the real shortcuts."""
        lines = [f"This plan has no {self.document.plan.details.era.item_noun(plural=True)} yet."]
        for action in self.empty_plan_actions:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            what = action.text().replace("&", "")
            if what.startswith("Add "):
                what = "Add a " + what[4:]
            lines.append(f"{what}: press {keys}" if keys else what)
        lines.append("Or double-click a section heading above, or press Enter on it.")
        return lines

    def _update_empty_description(self) -> None:
        # The message is painted, so screen readers are told it through the description.
        empty = not self.plan_model.has_concerns()
        self.setAccessibleDescription(" ".join(self.empty_plan_lines()) if empty else "")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.plan_model.has_concerns():
            self._paint_empty_plan_message()

    def _paint_empty_plan_message(self) -> None:
        last = self.plan_model.rowCount() - 1
        top = self.rowViewportPosition(last) + self.rowHeight(last) if last >= 0 else 0
        viewport = self.viewport()
        metrics = self.fontMetrics()
        area = QRect(24, top + 3 * metrics.height(), viewport.width() - 48, viewport.height())
        if area.width() < 100:
            return
        heading, *rest = self.empty_plan_lines()
        centred = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        painter = QPainter(viewport)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.4)
        big.setBold(True)
        painter.setFont(big)
        used = painter.boundingRect(area, centred, heading)
        painter.drawText(area, centred, heading)
        painter.setFont(self.font())
        painter.drawText(area.adjusted(0, used.height() + metrics.height(), 0, 0), centred, "\n".join(rest))
        painter.end()

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
