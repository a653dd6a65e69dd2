"""Word import speed: an exported plan of 200 and of 10,000 actions read back, in both layouts,
and File ▸ Import Word plan… in the editor, from choosing the file to the plan on screen, with
the longest time the window could not respond. Also the Paste concerns preview: how long the
dialog takes to show a changed paste of 300 concerns (it runs after each pause in typing)."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import make_plan
from benchmarks.harness import Benchmark, Result, format_seconds
from exporters.docx_export import export_docx
from exporters.options import ExportOptions, Layout
from importers.docx_import import import_docx

_FOLDER = Path(tempfile.mkdtemp(prefix="bench-import-"))
_DOCUMENTS: dict[tuple[int, Layout], Path] = {}


def exported(actions: int, layout: Layout = Layout.ACCESSIBLE) -> Path:
    """A .docx exported from a generated plan, made once and reused."""
    key = (actions, layout)
    if key not in _DOCUMENTS:
        path = _FOLDER / f"plan-{actions}-{layout.value}.docx"
        export_docx(make_plan(actions), path, ExportOptions(layout=layout, draft=True))
        _DOCUMENTS[key] = path
    return _DOCUMENTS[key]


def import_of(actions: int, layout: Layout = Layout.ACCESSIBLE) -> Callable[[], None]:
    def run() -> None:
        result = import_docx(exported(actions, layout))
        assert result.report.actions == actions, result.report.format()

    return run


def _in_the_editor(actions: int, limit: float) -> Benchmark:
    """Menu to plan on screen, through the real controller and window; the worker thread reads
    the file while a timer on the GUI thread measures the longest gap between its ticks."""

    def measure() -> Result:
        from PySide6.QtCore import QEventLoop, QTimer
        from PySide6.QtWidgets import QApplication

        from actionplan.recovery import RecoveryStore
        from editor.app import make_application
        from editor.common.settings import AppSettings
        from editor.files.installing import install_file_handling
        from editor.files.prompter import QtPrompter
        from editor.window.import_menu import install_import
        from editor.window.main_window import MainWindow

        app = make_application([])
        path = exported(actions)
        window = MainWindow()
        window.resize(1400, 900)
        window.show()
        settings = AppSettings(_FOLDER / "settings.ini")
        files = install_file_handling(window, window.document, QtPrompter(window), settings,
                                      RecoveryStore(_FOLDER / "recovery"))
        controller = install_import(window, files, _Prompter(path)).word
        loop = QEventLoop()
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        ticker = QTimer(interval=1)
        ticker.timeout.connect(tick)
        controller.finished.connect(lambda _outcome: loop.quit())
        ticker.start()
        started = time.perf_counter()
        controller.import_plan()
        loop.exec()
        window.table.row_heights.size_visible()
        app.processEvents()
        elapsed = time.perf_counter() - started
        ticker.stop()
        assert window.document.plan.action_count == actions
        window.document.undo_stack.setClean()
        files.shut_down()
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        longest = max(gaps, default=0.0)
        shown = f"{format_seconds(elapsed)}; longest time the window could not respond {format_seconds(longest)}"
        return Result(benchmark, elapsed, elapsed, shown, elapsed < limit)

    benchmark = Benchmark(f"Import Word plan in the editor, {actions:,} actions: menu to plan on screen",
                          f"under {limit:g} s", limit, lambda: None, measure=measure)
    return benchmark


def _paste_preview(concerns: int) -> Benchmark:
    state: dict[str, object] = {}

    def setup() -> None:
        from PySide6.QtWidgets import QApplication

        from actionplan.spelling import SpellChecker
        from editor.app import make_application
        from editor.exchange.paste_concerns_dialog import PasteConcernsDialog, hyphenation_check

        make_application([])
        text = "\n".join(f"{number}. Leaders had not done enough to reduce the high levels of self-\nharm "
                         "among prisoners, and too many were held in segrega-\ntion for long periods."
                         for number in range(1, concerns + 1))
        dialog = PasteConcernsDialog(hyphenation_check(SpellChecker()), None, text)
        dialog.resize(1100, 640)
        dialog.show()
        QApplication.processEvents()
        state.update(dialog=dialog, text=text, runs=0)

    def run() -> None:
        from PySide6.QtWidgets import QApplication

        from editor.exchange.paste_concerns_dialog import PasteConcernsDialog

        dialog = state["dialog"]
        assert isinstance(dialog, PasteConcernsDialog)
        runs = int(str(state["runs"])) + 1
        state["runs"] = runs
        dialog.text_box.setPlainText(f"{state['text']}\n{concerns + runs}. One more.")
        dialog.update_preview()
        QApplication.processEvents()  # the table lays out and sizes its rows
        assert dialog.preview_model.rowCount() == concerns + 1

    return Benchmark(f"Paste concerns: preview of a changed paste of {concerns} concerns", "under 0.1 s", 0.1,
                     run, setup=setup)


class _Prompter:
    """Chooses the benchmark's document and shows nothing."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def choose_docx(self, folder: Path | None) -> Path | None:
        return self.path

    def show_error(self, title: str, message: str) -> None:
        raise AssertionError(f"{title}: {message}")

    def show_report(self, report: object) -> None:
        pass


def benchmarks() -> list[Benchmark]:
    return [
        Benchmark("import a 200-action plan from .docx (accessible)", "under 0.5 s", 0.5, import_of(200),
                  setup=lambda: exported(200)),
        Benchmark("import a 200-action plan from .docx (classic)", "under 0.5 s", 0.5,
                  import_of(200, Layout.CLASSIC), setup=lambda: exported(200, Layout.CLASSIC)),
        Benchmark("import a 10,000-action plan from .docx (accessible)", "under 5 s", 5.0, import_of(10_000),
                  setup=lambda: exported(10_000), repeat=3),
        Benchmark("import a 10,000-action plan from .docx (classic)", "under 5 s", 5.0,
                  import_of(10_000, Layout.CLASSIC), setup=lambda: exported(10_000, Layout.CLASSIC), repeat=3),
        _in_the_editor(200, 1.0),
        _in_the_editor(10_000, 10.0),
        _paste_preview(300),
    ]
