"""Room for the table on a small screen: the side docks (inspector, plan details) start at a
share of a small window, and give way when the window narrows, before the table would have to
scroll sideways. A layout saved from last time keeps its dock sizes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QDockWidget, QFormLayout, QMainWindow, QWidget

from editor.table.plan_table_view import PlanTableView

DOCK_MIN_WIDTH = 260
DOCK_WIDTH = 440
DOCK_SHARE = 0.3
"""On a small screen the side docks start at this share of the window."""


class SideDockRoom(QObject):
    """Sizes ``docks`` (tabified on the right of ``window``) so ``table`` keeps its columns."""

    def __init__(self, window: QMainWindow, table: PlanTableView, docks: list[QDockWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.table = table
        self.docks = docks
        self._first_fit_due = True
        for dock in docks:
            dock.setMinimumWidth(DOCK_MIN_WIDTH)
        window.resizeDocks(docks[:1], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # after the window has laid itself out at its new size
        self._timer.timeout.connect(self.keep_table_room)
        window.installEventFilter(self)

    def layout_restored(self) -> None:
        """The user's own dock sizes from last time stand: no first fitting."""
        self._first_fit_due = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.window:
            return False
        shown = event.type() == QEvent.Type.Show
        if shown and self._first_fit_due:
            # Before the window lays itself out, so the docks open at this size.
            self._first_fit_due = False
            width = max(DOCK_MIN_WIDTH, min(DOCK_WIDTH, int(self.window.width() * DOCK_SHARE)))
            self.window.resizeDocks(self.docks[:1], [width], Qt.Orientation.Horizontal)
        narrowed = isinstance(event, QResizeEvent) and event.size().width() < event.oldSize().width()
        if shown or narrowed:
            self._timer.start()
        return False

    def keep_table_room(self) -> None:
        """Take width from the side dock when the table is narrower than its columns need (a
        narrower window otherwise takes it all from the table; docks keep their width)."""
        short = self.table.needed_width() - self.table.width()
        shown = [dock for dock in self.docks
                 if dock.isVisible() and not dock.isFloating()
                 and self.window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea]
        if short <= 0 or not shown:
            return
        dock = shown[0]
        width = max(dock.minimumSizeHint().width(), DOCK_MIN_WIDTH,
                    min(dock.width() - short, int(self.window.width() * DOCK_SHARE)))
        if width < dock.width():
            self.window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)


def let_form_shrink(form_widget: QWidget, wide_boxes: list[QComboBox]) -> None:
    """A side form puts its labels above their fields, and its choice boxes need not be as wide
    as their longest choice: the plan details form was over 400 pixels wide at its narrowest,
    which kept the side docks wide and the table cramped on a 1024 by 700 screen."""
    layout = form_widget.layout()
    form = layout if isinstance(layout, QFormLayout) else layout.findChild(QFormLayout) if layout else None
    if form is not None:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    for box in wide_boxes:
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(14)
        box.setMinimumWidth(box.sizeHint().width())  # its minimum size hint is kept from before
