"""Editing in the progress view: a status chosen from a list (which records an update, dated
today, in the user's name) and a lead typed with the plan's other leads offered."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QCompleter,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from actionplan.progress import ActionStatus
from editor.edits.document import PlanDocument
from editor.progress.progress_model import STATUS_ROLE
from editor.table.delegates import CellDelegate, finish_once

ModelIndex = QModelIndex | QPersistentModelIndex


class StatusBox(QComboBox):
    """The four statuses. A letter typed on the closed box opens the list at the status it
    starts (Qt's own box would choose that status at once, and a status records an update):
    nothing is chosen until Enter or a click in the list."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        typed = event.text().strip().casefold()
        if not typed or not typed.isprintable() or event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier \
                or self.view().isVisible():
            super().keyPressEvent(event)
            return
        labels = [self.itemText(n).casefold() for n in range(self.count())]
        after = [(self.currentIndex() + step) % self.count() for step in range(1, self.count() + 1)]
        found = next((n for n in after if labels[n].startswith(typed)), None)
        self.showPopup()
        if found is not None:
            self.view().setCurrentIndex(self.model().index(found, self.modelColumn()))
        event.accept()


def status_box(parent: QWidget, name: str = "Status") -> QComboBox:
    box = StatusBox(parent)
    box.setAccessibleName(name)
    for status in ActionStatus:
        box.addItem(status.label, status.value)
    return box


def leads_in(document: PlanDocument) -> list[str]:
    """Every lead the plan names, once, in alphabetical order."""
    return sorted({action.lead.strip() for _, action in document.plan.all_actions() if action.lead.strip()},
                  key=str.casefold)


LINES = 2
"""Lines of text in each cell of the progress view."""


_SHOWN: dict[tuple[str, str, int, int], tuple[str, ...]] = {}
_MOST_KEPT = 4096


def first_lines(text: str, font: QFont, width: int, lines: int = LINES) -> tuple[str, ...]:
    """``text`` wrapped to ``width`` as it shows in at most ``lines`` lines, the last one
    ending "…" when there is more. Kept for the cells painted again and again (a hover, the
    selection moving)."""
    key = (text, font.key(), width, lines)
    shown = _SHOWN.get(key)
    if shown is None:
        if len(_SHOWN) >= _MOST_KEPT:
            _SHOWN.clear()
        shown = _SHOWN[key] = tuple(_first_lines(text, font, width, lines))
    return shown


def _first_lines(text: str, font: QFont, width: int, lines: int) -> list[str]:
    metrics = QFontMetrics(font)
    shown: list[str] = []
    paragraphs = text.replace("\u2028", "\n").split("\n")  # Qt gives a cell's new lines as U+2028
    for number, paragraph in enumerate(paragraphs):
        for start, length in _wrapped(paragraph, font, width):
            if len(shown) == lines - 1:
                rest = " ".join([paragraph[start:], *paragraphs[number + 1:]]).strip()
                shown.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
                return shown
            shown.append(paragraph[start:start + length].rstrip())
    return shown


def _wrapped(paragraph: str, font: QFont, width: int) -> list[tuple[int, int]]:
    """Where each line of ``paragraph`` starts, and its length, wrapped to ``width``."""
    layout = QTextLayout(paragraph, font)
    layout.beginLayout()
    spans = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    return spans or [(0, 0)]


class TwoLines:
    """Paints a cell's text in at most two lines, the second ending "…" when there is more. Qt's
    own painting elides the second line but still draws the top of a third under it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        assert isinstance(self, QStyledItemDelegate)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        text, item.text = item.text, ""
        widget = item.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, item, widget)
        area = area.adjusted(margin, 2, -margin, 0)
        metrics = QFontMetrics(item.font)
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal if item.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        pen = item.palette.color(group, role)
        if item.state & QStyle.StateFlag.State_HasFocus:
            # The current cell of a selected row, clearly: Enter and F2 edit it.
            painter.setPen(QPen(pen, 2))
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
        painter.setFont(item.font)
        painter.setPen(pen)
        painter.setClipRect(option.rect)
        top = area.top()
        for line in first_lines(text, item.font, max(10, area.width())) if text else ():
            painter.drawText(area.left(), top + metrics.ascent(), line)
            top += metrics.lineSpacing()
        painter.restore()


class TwoLineDelegate(TwoLines, QStyledItemDelegate):
    """The progress view's cells that are not edited there."""


def _open_list(box: QComboBox) -> None:
    if not box.view().isVisible():  # a letter typed to start the edit has opened it already
        box.showPopup()


class StatusDelegate(TwoLines, CellDelegate):
    """A list of the four statuses, open at once; the status chosen in it (Enter or a click) is
    kept at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        box = status_box(parent)
        box.activated.connect(lambda _number: finish_once(self, box))
        # The list opens at once, so the arrow keys move in it and Enter chooses (on a closed
        # box, each arrow key would choose the next status).
        QTimer.singleShot(0, box, lambda: _open_list(box))
        return box

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        # The status comes through Qt as its plain value ("complete"), not as an ActionStatus.
        status = index.data(STATUS_ROLE)
        if isinstance(editor, QComboBox) and isinstance(status, str):
            editor.setCurrentIndex(max(0, editor.findData(str(status))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox) and editor.currentData():
            model.setData(index, ActionStatus(editor.currentData()), Qt.ItemDataRole.EditRole)


class LeadDelegate(TwoLines, CellDelegate):
    """The person who leads the work, with the plan's other leads offered as they type."""

    def __init__(self, document: PlanDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        line = QLineEdit(parent)
        line.setAccessibleName("Lead")
        completer = QCompleter(leads_in(self.document), line)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        line.setCompleter(completer)  # Enter with the list open closes it; the next Enter keeps the lead
        return line

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
