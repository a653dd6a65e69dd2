"""The mouse wheel scrolls what is under the pointer; it never changes a value the person has
not chosen to edit. Over a drop-down list or a number box that does not have the keyboard
focus, Qt turns the wheel into a new choice: scrolling the inspector or plan details to reach a
field below silently changed an action's owner, its target month or year, or the template
era. Such a box now passes the wheel on to the panel around it; once clicked or tabbed into,
it takes the wheel as usual."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

_GUARDED = (QComboBox, QAbstractSpinBox)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, _GUARDED):
            return False
        if _has_focus_within(watched):
            return False
        # Not accepted and stopped here: Qt offers the wheel to the widgets around this one,
        # so the panel scrolls instead.
        event.ignore()
        return True


def _has_focus_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def install_wheel_guard(app: QApplication) -> None:
    """Once per application: every window's boxes are guarded."""
    if app.property("actionplan_wheel_guard"):
        return
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    app.setProperty("actionplan_wheel_guard", True)
