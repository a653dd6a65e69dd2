"""A date box that can be empty ("Not set"): type a date in any usual form, or choose one from a
calendar. It is shown in GOV.UK style (22 June 2026).

What is typed is read with ``actionplan.target_date.parse_calendar_date`` when the person
leaves the box or presses Enter. Text that is not a date is kept as typed, with a message
under the box saying what to write, and the value does not change until it is a real date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from actionplan.target_date import DATE_EXAMPLE, MAX_YEAR, MIN_YEAR, format_long_date, parse_calendar_date

NOT_SET_TEXT = "Not set"
ERROR_COLOUR = "#b10e1e"
_UK = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class CalendarPopup(QFrame):
    """A month calendar that pops up under the date box. Enter or a click chooses; Esc closes."""

    chosen = Signal(object)
    """The ``datetime.date`` chosen."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.calendar = QCalendarWidget(self)
        self.calendar.setLocale(_UK)
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setDateRange(QDate(MIN_YEAR, 1, 1), QDate(MAX_YEAR, 12, 31))
        self.calendar.setAccessibleName(f"Calendar: {label.lower()}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.setFocusProxy(self.calendar)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)
        for part in (self.calendar, *self.calendar.findChildren(QWidget)):
            part.installEventFilter(self)

    def open_on(self, value: dt.date | None, below: QWidget) -> None:
        """Show the calendar on ``value``'s month, or on today's when there is no date."""
        shown = value or dt.date.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))
        self.calendar.setCurrentPage(shown.year, shown.month)
        self.adjustSize()
        self.move(self._place(below))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _place(self, below: QWidget) -> QPoint:
        place = below.mapToGlobal(QPoint(0, below.height()))
        screen = below.screen().availableGeometry()
        x = max(screen.left(), min(place.x(), screen.right() - self.width()))
        y = place.y()
        if y + self.height() > screen.bottom():
            y = below.mapToGlobal(QPoint(0, 0)).y() - self.height()
        return QPoint(x, max(screen.top(), y))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if _is_escape(event):
            # Esc closes the calendar, before any Esc shortcut of the window around it sees it.
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.close()
            return True
        return super().eventFilter(watched, event)

    def _choose(self, chosen: QDate) -> None:
        self.close()
        self.chosen.emit(dt.date(chosen.year(), chosen.month(), chosen.day()))


class OptionalDateEdit(QWidget):
    """A date box with a calendar and a Clear button; ``date()`` is None when not set.

    ``date_changed`` is emitted when the date changes: a date typed and kept (Enter or
    leaving the box), chosen from the calendar, cleared, or set with ``set_date``.
    """

    date_changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = label
        self._value: dt.date | None = None
        self._problem: str | None = None
        # The box the date is typed in (named ``picker`` since it replaced a date picker).
        self.picker = QLineEdit(self)
        self.picker.setAccessibleName(label)
        self.picker.setPlaceholderText(NOT_SET_TEXT)
        self.picker.setToolTip(f"Type a date, like {DATE_EXAMPLE}, or choose one from the calendar. "
                               "Leave it empty if it is not known yet.")
        # Wide enough for the longest date, so none is cut off in a narrow dock.
        longest = self.picker.fontMetrics().horizontalAdvance("30 September 2026")
        self.picker.setMinimumWidth(longest + 20)
        self.calendar_button = QToolButton(self)
        self.calendar_button.setText("Calendar")
        self.calendar_button.setAccessibleName(f"Choose the {label.lower()} from a calendar")
        self.calendar_button.setToolTip(f"Choose the {label.lower()} from a calendar (F4)")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        self.clear_button.setAccessibleName(f"Clear {label.lower()}")
        self.clear_button.setToolTip(f"Make the {label.lower()} not set")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setAccessibleName(f"Problem with the {label.lower()}")
        self.message.hide()
        self._popup: CalendarPopup | None = None
        self._lay_out()
        self.setFocusProxy(self.picker)
        self.picker.editingFinished.connect(self.commit_pending_edits)
        self.picker.installEventFilter(self)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.clear_button.clicked.connect(lambda: self.set_date(None))

    def _lay_out(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.calendar_button)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.message)

    @property
    def popup(self) -> CalendarPopup:
        """The calendar, made when first opened: most people never open it."""
        if self._popup is None:
            self._popup = CalendarPopup(self._label, self)
            self._popup.chosen.connect(self._chosen_from_calendar)
        return self._popup

    # Reading and writing -----------------------------------------------------------------

    def date(self) -> dt.date | None:
        """The date kept: what is typed counts once it is a real date and has been kept."""
        return self._value

    def set_date(self, value: dt.date | None) -> None:
        """Show ``value``, replacing anything typed; ``date_changed`` if it is a change."""
        self._show(value)
        self._keep(value)

    def problem(self) -> str | None:
        """Why what is typed is not a date, or None."""
        return self._problem

    def has_typing(self) -> bool:
        """Whether the box holds typing that is not the date kept (not yet read, or not a date)."""
        return self.picker.text() != _shown(self._value)

    def commit_pending_edits(self) -> None:
        """Read what is typed: keep it if it is a date or empty, otherwise say what is wrong."""
        if not self.has_typing() and self._problem is None:
            return
        value, problem = parse_calendar_date(self.picker.text())
        if problem is not None:
            self._set_problem(problem)
            return
        self.set_date(value)

    def open_calendar(self) -> None:
        typed, problem = parse_calendar_date(self.picker.text())
        self.popup.open_on(typed if problem is None and typed is not None else self._value, self.picker)

    # Inside ------------------------------------------------------------------------------

    def _show(self, value: dt.date | None) -> None:
        if self.picker.text() != _shown(value):
            self.picker.setText(_shown(value))
        self._set_problem(None)

    def _keep(self, value: dt.date | None) -> None:
        if value != self._value:
            self._value = value
            self.date_changed.emit()

    def _chosen_from_calendar(self, value: dt.date) -> None:
        self.set_date(value)
        self.picker.setFocus(Qt.FocusReason.PopupFocusReason)

    def _set_problem(self, problem: str | None) -> None:
        if problem == self._problem:
            return
        self._problem = problem
        self.message.setText(problem or "")
        self.message.setVisible(problem is not None)
        self.picker.setAccessibleDescription(problem or "")
        self.picker.setStyleSheet(f"QLineEdit {{ border: 2px solid {ERROR_COLOUR}; }}" if problem else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.picker and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, modifiers = event.key(), event.modifiers()
            if key == Qt.Key.Key_F4 or (key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier):
                self.open_calendar()
                return True
        if watched is self.picker and _is_escape(event) and (self.has_typing() or self._problem is not None):
            # Esc puts back the date kept; with nothing to put back it goes on to the window.
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self._show(self._value)
            return True
        return super().eventFilter(watched, event)


def _is_escape(event: QEvent) -> bool:
    return (event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
            and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape)


def _shown(value: dt.date | None) -> str:
    return "" if value is None else format_long_date(value)
