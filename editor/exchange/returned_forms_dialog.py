"""The preview of File ▸ Collect updates ▸ Read returned forms…: for every form and every row,
what will be recorded and what cannot be used and why. Nothing changes until Record is
pressed; Cancel leaves the plan as it was.

What each row would change is ``actionplan.returned_forms``'s; this module only shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMargins,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from actionplan.returned_forms import FormReading, Outcome, Proposal, ProposedRow, shorten
from editor.common.readable_hints import make_placeholders_readable
from editor.common.screen_fit import fit_to_screen

INTRODUCTION = ("Check what each returned form will record before anything changes. Updates are added in "
                "the name of the person each form was sent to, dated the day they last saved it. "
                "Rows marked “Not used” are left out; everything else is recorded in one step that Undo "
                "takes back.")
_ROOT = QModelIndex()
_ACTION_CHARACTERS = 90
_FORM_BACKGROUND = QColor("#e8eef7")
_PROBLEM_TEXT = QColor("#8a1c1c")


@dataclass(frozen=True)
class PreviewLine:
    """One line of the preview: a form's heading (``row`` is None), or one of its rows."""

    form: FormReading
    row: ProposedRow | None = None


def preview_lines(proposal: Proposal, show_empty: bool) -> list[PreviewLine]:
    lines = []
    for form in proposal.forms:
        lines.append(PreviewLine(form))
        lines += [PreviewLine(form, row) for row in form.rows if show_empty or row.outcome is not Outcome.EMPTY]
    return lines


def form_heading(form: FormReading) -> str:
    if form.problem:
        return f"{form.file_name}: not read. {form.problem}"
    empty = sum(1 for row in form.rows if row.outcome is Outcome.EMPTY)
    parts = [form.describe(), *form.notes]
    if empty:
        parts.append(f"{empty} row{' has' if empty == 1 else 's have'} nothing filled in.")
    return " ".join(part if part.endswith(".") else part + "." for part in parts)


def row_cells(row: ProposedRow) -> tuple[str, str, str, str]:
    """Row, Action, What will change, Cannot be used and notes."""
    if row.rec_no:
        action = f"{row.rec_no}. {shorten(row.action_text, _ACTION_CHARACTERS)}"
    else:
        action = "Not in the plan now" if row.action_id else "No action id"
    if row.outcome is Outcome.CHANGES:
        change = "\n".join(row.changes())
    elif row.outcome is Outcome.ALREADY_READ:
        change = "Nothing: this answer is in the plan already."
    elif row.outcome is Outcome.EMPTY:
        change = "Nothing filled in."
    else:
        change = "Nothing."
    remarks = [f"Not used: {problem}" for problem in row.problems] + [f"Note: {note}" for note in row.notes]
    return f"Row {row.row}", action, change, "\n".join(remarks)


def preview_text(proposal: Proposal) -> str:
    """The whole preview as plain text, for Copy to clipboard."""
    lines = [proposal.summary()]
    for line in preview_lines(proposal, show_empty=False):
        if line.row is None:
            lines += ["", form_heading(line.form)]
            continue
        number, action, change, remarks = row_cells(line.row)
        lines.append(f"  {number} ({action})")
        lines += [f"    {part}" for part in (change + "\n" + remarks).splitlines() if part]
    return "\n".join(lines)


class PreviewModel(QAbstractTableModel):
    HEADINGS = ("Row", "Action", "What will be recorded", "Cannot be used, and notes")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[PreviewLine] = []

    def set_lines(self, lines: list[PreviewLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.HEADINGS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if line.row is None:
            return self._form_data(line.form, index.column(), role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
                return line.row.action_text
            return row_cells(line.row)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 3 and line.row.problems:
            return QBrush(_PROBLEM_TEXT)
        return None

    def _form_data(self, form: FormReading, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return form_heading(form) if column == 0 else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_FORM_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and form.problem:
            return QBrush(_PROBLEM_TEXT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADINGS[section]
        return None


class PaddedDelegate(QStyledItemDelegate):
    """Text from the top of the cell with a little room around it, and rows measured with that
    room taken off the width, so wrapped text is never cut short."""

    PAD = QMargins(5, 3, 5, 3)

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.marginsRemoved(self.PAD)
        size = super().sizeHint(inner, index)
        return size.grownBy(self.PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QBrush):
            painter.fillRect(option.rect, background)
        inner = QStyleOptionViewItem(option)
        inner.rect = option.rect.marginsRemoved(self.PAD)
        super().paint(painter, inner, index)


class PreviewTable(QTableView):
    """The preview's table, whose rows are measured only as they come into view: measuring all
    of them at once takes tens of seconds when every row of a 10,000-action plan was answered.
    Rows are measured again when the columns' widths change (a stretching column changes with
    the window, not always with a signal), checked before each paint."""

    LOOK_AHEAD = 300
    """Pixels below the view measured too, so the next rows are ready when scrolled to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sized: set[int] = set()
        self._widths: tuple[int, ...] = ()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def measure_again(self) -> None:
        self._sized.clear()
        self.size_visible()

    def size_visible(self) -> None:
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if not count:
            return
        widths = tuple(self.columnWidth(column) for column in range(model.columnCount()))
        if widths != self._widths:
            self._widths = widths
            self._sized.clear()
        top = max(0, self.rowAt(0))
        offset = self.rowViewportPosition(top)
        limit = self.viewport().height() + self.LOOK_AHEAD
        row = top
        while row < count and self.rowViewportPosition(row) <= limit:
            if row not in self._sized:
                self.resizeRowToContents(row)
                self._sized.add(row)
            row += 1
        drift = self.rowViewportPosition(top) - offset
        if drift:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + drift)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.size_visible()
        super().paintEvent(event)

    def reset(self) -> None:
        super().reset()
        self._sized.clear()


class ReturnedFormsDialog(QDialog):
    """The summary, every form and row, and Record or Cancel."""

    def __init__(self, proposal: Proposal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposal = proposal
        self.setWindowTitle("Read returned forms")
        self.setAccessibleName("Read returned forms")
        make_placeholders_readable(self)
        self._build()
        self.show_lines()
        fit_to_screen(self, QSize(1000, 640))  # on a 1024 by 700 screen, all of it

    def _build(self) -> None:
        intro = QLabel(INTRODUCTION, self)
        intro.setWordWrap(True)
        self.summary_label = QLabel(self.proposal.summary(), self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleDescription("What will be recorded")
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)
        empty = self.proposal.count(Outcome.EMPTY)
        self.show_empty = QCheckBox(f"&Show rows with nothing filled in ({empty})", self)
        self.show_empty.setEnabled(bool(empty))
        self.show_empty.toggled.connect(lambda _checked: self.show_lines())
        self.model = PreviewModel(self)
        self.table = PreviewTable(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Every returned row: what will be recorded, and what cannot be used")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setItemDelegate(PaddedDelegate(self.table))
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # Not sized to contents: a form's heading spans every column and would widen the first.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("Row 0000") + 16)
        header.resizeSection(1, 230)
        header.resizeSection(3, 300)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.show_empty)
        layout.addWidget(self.buttons)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(self)
        count = len(self.proposal.changes())
        self.record_button = QPushButton(f"&Record {count:,} answer{'' if count == 1 else 's'}" if count
                                         else "&Record answers", self)
        self.record_button.setAccessibleName(self.record_button.text().replace("&", ""))
        self.record_button.setEnabled(bool(count))
        self.record_button.setDefault(bool(count))
        self.copy_button = QPushButton("&Copy to clipboard", self)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.record_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def show_lines(self) -> None:
        lines = preview_lines(self.proposal, self.show_empty.isChecked())
        self.model.set_lines(lines)
        self.table.clearSpans()
        for number, line in enumerate(lines):
            if line.row is None:
                self.table.setSpan(number, 0, 1, len(PreviewModel.HEADINGS))
        self.table.measure_again()

    def copy_to_clipboard(self) -> None:
        QGuiApplication.clipboard().setText(preview_text(self.proposal))
