"""The inspector's lists of progress records (updates, evidence, revised targets): each record
wrapped to the width and shown whole."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QSizePolicy, QWidget

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The id of the evidence item a list row shows."""


class RecordList(QListWidget):
    """Records (updates, evidence, revisions) one under another, each wrapped to the width and
    shown whole: as tall as they need, up to ``most`` pixels, then scrolling."""

    def __init__(self, parent: QWidget, name: str, most: int) -> None:
        super().__init__(parent)
        self.most = most
        self.setAccessibleName(name)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(1)
        self.setAlternatingRowColors(True)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def fill(self, rows: list[tuple[str, str]], empty: str) -> None:
        """Show ``rows`` (words, id); ``empty`` when there are none."""
        if [(self.item(n).text(), self.item(n).data(ITEM_ID_ROLE)) for n in range(self.count())] == rows:
            return
        self.clear()
        for words, item_id in rows:
            item = QListWidgetItem(words, self)
            item.setData(ITEM_ID_ROLE, item_id)
        if not rows:
            QListWidgetItem(empty, self).setFlags(Qt.ItemFlag.NoItemFlags)
        self.fit()

    def fit(self) -> None:
        # Qt measures wrapped items for a width that ignores the frame and scroll bar, and cuts
        # off their last line; each item is measured here for the room it really has.
        width = max(40, self.viewport().width() - 2 * self.spacing() - 8)
        metrics = self.fontMetrics()
        total = 2 * self.frameWidth()
        model = self.model()
        quiet = model.blockSignals(True)  # one layout for all the items, not one each
        try:
            for number in range(self.count()):
                item = self.item(number)
                height = metrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap),
                                              item.text()).height() + 6
                item.setSizeHint(QSize(width, height))
                total += height + 2 * self.spacing()
        finally:
            model.blockSignals(quiet)
        self.doItemsLayout()
        self.setFixedHeight(min(self.most, max(total, metrics.lineSpacing() + 10)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        old = event.oldSize().width()
        super().resizeEvent(event)
        if old != event.size().width():
            self.fit()
