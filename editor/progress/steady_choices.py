"""Choice boxes that a mouse wheel passing over them does not change. Scrolling the inspector
with the wheel would otherwise choose statuses and judgements on its way past, and a status
chosen is recorded as an update. The wheel still works in a box the user has clicked or
tabbed into."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QComboBox) and not watched.hasFocus():
            event.ignore()  # the scroll area behind it scrolls instead
            return True
        return False


def steady(*boxes: QComboBox) -> None:
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # not focused by the wheel either
        guard = _WheelGuard(box)
        box.installEventFilter(guard)
