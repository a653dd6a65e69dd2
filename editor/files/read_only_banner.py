"""A yellow bar across the top of the window while the plan is open read-only.

It says why (who has the plan open, and since when) and offers Save As, which still works.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QToolBar, QWidget

from actionplan.lock import LockInfo
from editor.files.questions import describe_holder

BANNER_STYLE = """
QFrame#readOnlyBanner { background: #fff2b3; border: 2px solid #b58800; border-radius: 3px; }
QFrame#readOnlyBanner QLabel { color: #0b0c0c; background: transparent; }
"""


def read_only_message(holder: LockInfo | None, taken_over: bool = False) -> str:
    if holder is None:
        return "<b>Read-only.</b> You cannot change this plan here. To keep a changed copy, use Save As."
    if taken_over:
        return (
            f"<b>Read-only.</b> {html.escape(holder.user)} (on computer {html.escape(holder.host)}) "
            "has taken over editing "
            "this plan. Your changes are still here: use Save As to keep them as a new file."
        )
    return (
        f"<b>Read-only.</b> {html.escape(describe_holder(holder))}. "
        "To keep a changed copy, use Save As."
    )


class ReadOnlyBanner(QFrame):
    def __init__(self, save_as: Callable[[], object], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName("Read-only")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.save_as_button = QPushButton("Save As…")
        self.save_as_button.clicked.connect(save_as)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.save_as_button)

    def show_for(self, holder: LockInfo | None, taken_over: bool = False) -> None:
        self.label.setText(read_only_message(holder, taken_over))
        self.setAccessibleDescription(self.label.text())
        self._fit_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # A wrapping label asks for the height of its text at a narrow width, which made the bar
        # three lines tall for one line of text: take the height the text needs at this width.
        layout = self.layout()
        if layout is None:
            return
        frame = self.contentsMargins()  # the border the style sheet draws
        height = layout.heightForWidth(self.width() - frame.left() - frame.right())
        if height <= 0:
            return
        height += frame.top() + frame.bottom()
        if height != self.height():
            self.setFixedHeight(height)


def attach_banner(window: QMainWindow, banner: QWidget) -> QToolBar:
    """Put the banner in its own fixed row at the top of the window, above everything else.

    A tool bar row needs no change to the window's own layout."""
    bar = QToolBar("Read-only notice", window)
    bar.setObjectName("readOnlyBannerBar")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.toggleViewAction().setVisible(False)
    bar.addWidget(banner)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    window.insertToolBarBreak(bar)
    bar.setVisible(False)
    return bar
