"""Windows and dialogs sized from the screen they open on: a window asks for the size it would
like, and gets no more than the screen's available area (without the taskbar), title bar and
borders included. A 1366 by 768 laptop, or a 1024 by 700 one, sees all of every window.

A window's size and place from last time are put back only where they fit on a screen now
there: a window saved on a larger or second monitor comes back whole, on this screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FRAME_GUESS = QMargins(8, 32, 8, 8)
"""Title bar and borders (Windows 10 and 11 at 100%), until the window system says."""


def screen_of(widget: QWidget | None) -> QScreen | None:
    screen = widget.screen() if widget is not None else None
    return screen or QGuiApplication.primaryScreen()


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of ``widget``'s screen (or the main screen) that windows may use."""
    screen = screen_of(widget)
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 700)


def frame_margins(widget: QWidget) -> QMargins:
    """The title bar and borders around ``widget``: as drawn once it is shown, else a guess."""
    frame, inside = widget.frameGeometry(), widget.geometry()
    if widget.isVisible() and frame != inside:
        return QMargins(inside.left() - frame.left(), inside.top() - frame.top(),
                        frame.right() - inside.right(), frame.bottom() - inside.bottom())
    return FRAME_GUESS


def fitted_size(wanted: QSize, area: QRect, frame: QMargins, minimum: QSize | None = None) -> QSize:
    """``wanted``, made smaller where its frame would not fit in ``area``, but never below
    ``minimum`` (the least the window's contents need)."""
    width = min(wanted.width(), area.width() - frame.left() - frame.right())
    height = min(wanted.height(), area.height() - frame.top() - frame.bottom())
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    return QSize(max(1, width), max(1, height))


def placed_inside(frame: QRect, area: QRect) -> QPoint:
    """Where a window frame should go so as much of it as possible is in ``area``, title bar
    first: moved in from any edge it is over, and never above the top."""
    x = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    y = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height()))
    return QPoint(x, y)


def size_to_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Give ``widget`` the size it would like, or less where its screen is smaller."""
    size = fitted_size(wanted, available_area(widget), frame_margins(widget), widget.minimumSizeHint())
    widget.resize(size)
    return size


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a window so its frame lies inside the available area of the screen it is
    on (or of the main screen, when it is on none). A maximised window, and one drawn without
    being shown on a screen (a screenshot), are left alone."""
    if widget.isMaximized() or widget.isFullScreen() or widget.testAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen):
        return
    area = _area_holding(widget.frameGeometry()) or available_area(widget)
    margins = frame_margins(widget)
    size = fitted_size(widget.size(), area, margins, widget.minimumSizeHint())
    if size != widget.size():
        widget.resize(size)
    frame = QRect(widget.frameGeometry().topLeft(), size.grownBy(margins))
    widget.move(placed_inside(frame, area))


def _area_holding(frame: QRect) -> QRect | None:
    """The available area of the screen that holds most of ``frame``, if any does."""
    best: tuple[int, QRect] | None = None
    for screen in QGuiApplication.screens():
        area = screen.availableGeometry()
        shared = area.intersected(frame)
        overlap = shared.width() * shared.height() if not shared.isEmpty() else 0
        if overlap and (best is None or overlap > best[0]):
            best = overlap, area
    return best[1] if best is not None else None


def restore_geometry(widget: QWidget, saved: QByteArray) -> bool:
    """Put back a window's size and place from last time, then make sure all of it is on a
    screen that is there now and no larger than it."""
    restored = widget.restoreGeometry(saved)
    keep_on_screen(widget)
    return restored


class _FitWhenShown(QObject):
    """Keeps a window on its screen each time it is shown, once the window system has placed
    it and its frame is known (a dialog is centred over its parent, which may be near an
    edge)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            QTimer.singleShot(0, watched, lambda: keep_on_screen(watched))
        return False


def fit_to_screen(widget: QWidget, wanted: QSize) -> None:
    """Size ``widget`` (a window or dialog) from its screen now, and keep it on the screen
    whenever it is shown."""
    size_to_screen(widget, wanted)
    widget.installEventFilter(_FitWhenShown(widget))
