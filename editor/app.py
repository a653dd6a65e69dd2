"""Start the editor: ``python main.py [PLAN] [--screenshot OUT.png] [--quit-when-ready]``."""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from actionplan import __version__
from actionplan.file_errors import PlanFileError, PlanSaveError
from actionplan.model import Plan
from actionplan.paths import sample_plan_copy
from actionplan.storage import load_plan
from editor.arguments import editor_parser
from editor.common.app_icon import application_icon
from editor.edits.document import PlanDocument
from editor.files.file_controller import FileController
from editor.files.installing import install_file_handling
from editor.files.questions import Prompter
from editor.window.import_menu import ImportTools, install_import
from editor.window.main_window import APP_NAME, MainWindow

SCREENSHOT_SIZE = (1400, 900)


def parse_arguments(argv: list[str], prog: str = "main.py") -> argparse.Namespace:
    return editor_parser(prog).parse_args(argv)


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
    app.setApplicationVersion(__version__)
    app.setWindowIcon(application_icon())  # every window, and the taskbar
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
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # drawn at this size, whatever the screen
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


CASCADE = 32
"""How far down and right a second window opens from the one before, so both can be seen."""


class EditorWindows:
    """The editor's windows, one plan in each. The first opens at start-up; another opens when
    a second plan must be shown beside the first (the plan named on the command line, after
    the work of another plan was restored from a crash)."""

    def __init__(self, prompter_for: Callable[[QMainWindow], Prompter] | None = None) -> None:
        self.prompter_for = prompter_for
        """Makes each window's prompter (tests pass a scripted one); None asks with dialogs."""
        self.windows: list[tuple[MainWindow, FileController, ImportTools]] = []

    def new_window(self, document: PlanDocument | None = None) -> tuple[MainWindow, FileController, ImportTools]:
        window = MainWindow(document)
        prompter = self.prompter_for(window) if self.prompter_for is not None else None
        files = install_file_handling(window, window.document, prompter)
        tools = install_import(window, files)
        files.open_in_new_window = self.open_in_new_window
        made = (window, files, tools)
        self.windows.append(made)
        window.destroyed.connect(lambda _gone=None: self._forget(made))
        return made

    def _forget(self, made: tuple[MainWindow, FileController, ImportTools]) -> None:
        if made in self.windows:
            self.windows.remove(made)

    def open_in_new_window(self, path: Path, note: str = "") -> bool:
        """Show the plan at ``path`` in a window of its own, offset from the last one, with
        ``note`` in its status bar. A plan that cannot be opened is explained there and the new
        window closes again."""
        window, files, tools = self.new_window()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # the first window lives on to the end
        if len(self.windows) > 1:
            last = self.windows[-2][0]
            window.move(last.pos() + QPoint(CASCADE, CASCADE))
        window.show()
        opened = files.open_plan(path)
        if not opened and not tools.word.busy:
            files.document.undo_stack.setClean()
            window.close()
            return False
        if note and opened:
            window.statusBar().showMessage(note, 15000)
        return True


def run_editor(argv: list[str], prog: str = "main.py") -> int:
    started = time.perf_counter()
    args = parse_arguments(argv, prog)
    app = make_application([])
    if args.sample and args.plan is None:
        try:
            args.plan = sample_plan_copy()
        except PlanSaveError as error:
            print(error.message, file=sys.stderr)
    if args.screenshot is not None:
        # A screenshot reads the plan directly; the editor opens it through the file handling,
        # which takes the lock, watches the file and offers recovered work first.
        document, problem = open_document(args.plan)
        if problem:
            print(problem, file=sys.stderr)
            return 1
        return 0 if save_screenshot(MainWindow(document), args.screenshot) else 1
    windows = EditorWindows()
    window, files, _tools = windows.new_window()
    window.show()
    QTimer.singleShot(0, lambda: files.start([args.plan] if args.plan else []))
    QTimer.singleShot(0, settle_memory)
    if args.quit_when_ready:
        def report() -> None:
            print(f"ready in {time.perf_counter() - started:.3f} s", flush=True)
            app.quit()
        QTimer.singleShot(0, report)
    return app.exec()
