"""Run in a process of its own on a screen of a chosen size (``tests/screens.py``): opens the
editor as ``main.py`` does, on the plan named, opens Paste concerns from report, and prints where
everything landed, as JSON, for ``test_screen_sizes``; then Help ▸ Writing SMART actions and
Help ▸ About.

    python -m tests.editor.window.screen_probe PLAN [SAVED_GEOMETRY_HEX]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QApplication, QWidget

from editor.app import EditorWindows, make_application
from editor.table.columns import Column


def on_screen(widget: QWidget) -> list[int]:
    """``widget``'s rectangle on the screen: left, top, width, height."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    rect = QRect(top_left, widget.size())
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def frame(widget: QWidget) -> list[int]:
    rect = widget.frameGeometry()
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(argv: list[str]) -> None:
    app = make_application([])
    windows = EditorWindows()
    if len(argv) > 1:
        # A layout saved last time, on another screen: the settings hold it.
        from editor.common.settings import AppSettings

        AppSettings().set_window_layout(QByteArray.fromHex(argv[1].encode()), QByteArray())
    window, files, tools = windows.new_window()
    window.show()
    files.start([Path(argv[0])])
    settle(app)
    table = window.table
    report = {
        "screen": on_screen_area(window),
        "window": frame(window),
        "status_bar": on_screen(window.statusBar()),
        "problems": on_screen(window.validation.panel.view),
        "inspector": on_screen(window.inspector_dock),
        "table": on_screen(table),
        "columns": {column.name: table.columnWidth(column) for column in Column},
        "sideways_scrolling": table.horizontalScrollBar().maximum() > 0,
    }
    tools.paste.open_dialog()
    settle(app)
    dialog = tools.paste.dialog
    assert dialog is not None
    report["paste_dialog"] = frame(dialog)
    report["paste_cancel"] = on_screen(dialog.cancel_button)
    report["paste_add"] = on_screen(dialog.add_button)
    dialog.reject()
    smart = window.show_smart_guidance()
    about = window.show_about()
    settle(app)
    report["smart_dialog"] = frame(smart)
    report["about_box"] = frame(about)
    print(json.dumps(report))
    smart.close()
    about.close()
    files.document.undo_stack.setClean()
    window.close()


def on_screen_area(window: QWidget) -> list[int]:
    screen = window.screen()
    area = screen.availableGeometry()
    return [area.x(), area.y(), area.width(), area.height()]


if __name__ == "__main__":
    main(sys.argv[1:])
