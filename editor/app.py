"""Start the editor: ``python main.py [PLAN] [--screenshot OUT.png] [--quit-when-ready]``."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from actionplan.model import Plan
from actionplan.storage import PlanFileError, load_plan
from editor.edits.document import PlanDocument
from editor.files.file_controller import install_file_handling
from editor.window.import_menu import install_import
from editor.window.main_window import APP_NAME, MainWindow
from editor.window.updates_menu import install_update_forms

SCREENSHOT_SIZE = (1400, 900)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="main.py", description="Open the Action Plan Editor.")
    parser.add_argument("plan", nargs="?", type=Path, help="the .actionplan file to open")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="draw the main window offscreen to a PNG and exit")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="exit as soon as the window is shown and ready for input (for timing)")
    return parser.parse_args(argv)


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Qt 6 scales for high-DPI screens by itself; pass fractional scale factors through so
    # text stays crisp at 125% and 150%.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("HMPPS")
    QCoreApplication.setApplicationName(APP_NAME)
    app = QApplication([sys.argv[0] if sys.argv else "main.py", *argv])
    app.setApplicationDisplayName(APP_NAME)
    return app


def open_document(path: Path | None) -> tuple[PlanDocument, str | None]:
    """The plan at ``path`` (or an empty plan) and, when it could not be read, why."""
    if path is None:
        return PlanDocument(Plan()), None
    try:
        return PlanDocument(load_plan(path), path), None
    except PlanFileError as error:
        return PlanDocument(Plan()), error.message


def save_screenshot(window: MainWindow, out: Path) -> bool:
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    QApplication.processEvents()
    window.table.row_heights.size_visible()
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(out))


def settle_memory() -> None:
    """Put what start-up made (modules, Qt wrappers, the window, the first plan), which lives as
    long as the editor, out of the garbage collector's sight, and turn collection back on.

    A full collection over those objects takes 30 to 70 ms, a dropped frame whenever one lands
    in the middle of typing or scrolling; ``main.py`` turns collection off while they are made.
    """
    gc.freeze()
    gc.enable()


def run_editor(argv: list[str]) -> int:
    started = time.perf_counter()
    args = parse_arguments(argv)
    app = make_application([])
    # A screenshot reads the plan directly; the editor opens it through the file handling,
    # which takes the lock, watches the file and offers recovered work first.
    document, problem = open_document(args.plan if args.screenshot is not None else None)
    window = MainWindow(document)
    if args.screenshot is not None:
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return 0 if save_screenshot(window, args.screenshot) else 1
    files = install_file_handling(window, window.document)
    install_import(window, files)
    install_update_forms(window, files)
    window.show()
    QTimer.singleShot(0, lambda: files.start([args.plan] if args.plan else []))
    QTimer.singleShot(0, settle_memory)
    if args.quit_when_ready:
        def report() -> None:
            print(f"ready in {time.perf_counter() - started:.3f} s", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()
