"""F6 and Shift+F6 move the keyboard between the window's panes, as in Windows programs: the
table, the inspector or plan details, and the problems list. Each pane gets back the control
that last had the focus in it, or (the inspector) the control its pane chooses, scrolled into
view. Esc in a side pane returns to the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDockWidget, QScrollArea, QWidget


@dataclass
class Pane:
    """A part of the window the keyboard can move to. ``start`` is where focus goes the first
    time (None: the first control in the pane that takes the Tab key)."""

    container: QWidget
    start: QWidget | None = None
    last: QWidget | None = None
    choose: Callable[[], QWidget | None] | None = None
    """Chooses where focus goes each time, before ``last`` and ``start``: the inspector's field
    for the table's current cell, as what it shows follows the table."""

    def is_shown(self) -> bool:
        # A dock behind another dock's tab is hidden; one on screen but squeezed to nothing is
        # no use to the keyboard either.
        return self.container.isVisible() and not self.container.visibleRegion().isEmpty()

    def holds(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.container or self.container.isAncestorOf(widget))

    def focus_target(self) -> QWidget:
        chosen = self.choose() if self.choose is not None else None
        for candidate in (chosen, self.last, self.start):
            if candidate is not None and shiboken6.isValid(candidate) and self.holds(candidate) \
                    and _can_focus(candidate):
                return candidate
        return _first_focusable(self.container) or self.container


class PaneNavigation(QObject):
    """Cycles the keyboard focus between ``panes`` in order, skipping hidden ones."""

    def __init__(self, window: QWidget, panes: list[Pane], leaving_table: Callable[[], None] | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.panes = panes
        self._leaving_first = leaving_table
        self.next_action = self._action("Ne&xt pane", "F6", lambda: self.move(+1))
        self.previous_action = self._action("Pre&vious pane", "Shift+F6", lambda: self.move(-1))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._remember)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setStatusTip(f"{text.replace('&', '')}: the table, the inspector or plan details, and the problems list")
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    def actions(self) -> list[QAction]:
        return [self.next_action, self.previous_action]

    def current(self) -> Pane | None:
        focus = QApplication.focusWidget()
        return next((pane for pane in self.panes if pane.holds(focus)), None)

    def move(self, step: int) -> Pane | None:
        """Focus the next (+1) or previous (-1) pane on screen; returns it."""
        shown = [pane for pane in self.panes if pane.is_shown() or pane is self.panes[0]]
        here = self.current()
        if here is None or here not in shown:
            target = shown[0] if step > 0 else shown[-1]
        else:
            target = shown[(shown.index(here) + step) % len(shown)]
        if target is here:
            return here
        if here is self.panes[0] and self._leaving_first is not None:
            self._leaving_first()  # keep what is typed in an open table cell
        self.focus(target)
        return target

    def focus(self, pane: Pane) -> None:
        target = pane.focus_target()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        _scroll_to(target)

    def return_on_escape(self, dock: QDockWidget) -> QShortcut:
        """Esc anywhere in ``dock`` goes back to the first pane (the table)."""
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), dock)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.focus(self.panes[0]))
        return shortcut

    def _remember(self, _old: QWidget | None, new: QWidget | None) -> None:
        for pane in self.panes:
            if shiboken6.isValid(pane.container) and pane.holds(new):
                pane.last = new
                return


def _scroll_to(widget: QWidget) -> None:
    """Bring a control that has just been given the focus into view in the scroll areas around
    it (the inspector is one): a focused control scrolled out of sight shows nobody anything."""
    parent = widget.parentWidget()
    while parent is not None:
        inside = parent.widget() if isinstance(parent, QScrollArea) else None
        if isinstance(parent, QScrollArea) and inside is not None and inside.isAncestorOf(widget):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def _can_focus(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def _first_focusable(container: QWidget) -> QWidget | None:
    """The first control in ``container`` that can take the focus, in the order its controls
    were made (the Tab order, where nothing has changed it).

    Not by walking ``nextInFocusChain()``: PySide treats each widget that call returns as owned
    by the widget it was asked of, so a walk through the window made, say, the inspector's era
    label "owned" by a problem label before it; when that problem label was deleted, PySide
    marked the era label and the owner completer's list deleted too, and the inspector stopped
    following the table (typing there then edited the wrong concern)."""
    return next((widget for widget in container.findChildren(QWidget) if _can_focus(widget)), None)
