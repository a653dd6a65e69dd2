"""Every window and dialog fits the screen it opens on: on a 1366 by 768 laptop and at 1024 by
700 the Problems list, the status bar, the inspector and the paste-concerns dialog's buttons
are all on the screen, and the response column gets the room. A size and place saved on
another screen come back on this one, whole."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor.common.screen_fit import available_area, fitted_size, placed_inside, restore_geometry
from editor.edits.document import PlanDocument
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import _flush_deletes, small_plan
from tests.screens import offscreen_platform

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support", "propagateSizeHints")

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample-plan.actionplan"


def inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    left, top, area_width, area_height = area
    return left <= x and top <= y and x + width <= left + area_width and y + height <= top + area_height


def probe(tmp_path: Path, width: int, height: int, saved_geometry: bytes | None = None) -> dict:  # type: ignore[type-arg]
    plan = tmp_path / "sample-plan.actionplan"
    shutil.copyfile(SAMPLE, plan)
    environment = {**os.environ, "QT_QPA_PLATFORM": offscreen_platform(width, height),
                   "ACTIONPLAN_CONFIG_DIR": str(tmp_path / "config"), "ACTIONPLAN_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "tests.editor.window.screen_probe", str(plan)]
    if saved_geometry is not None:
        command.append(saved_geometry.hex())
    result = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 700)])
def test_the_window_and_the_paste_dialog_fit_a_small_screen(tmp_path: Path, width: int, height: int) -> None:
    shown = probe(tmp_path, width, height)
    screen = shown["screen"]
    assert screen == [0, 0, width, height]
    for part in ("window", "status_bar", "problems", "inspector", "table", "paste_dialog", "paste_cancel",
                 "paste_add", "smart_dialog", "about_box"):
        assert inside(shown[part], screen), (part, shown[part], screen)
    assert shown["problems"][3] >= 40  # some of the list shows, not a sliver
    # On a small screen the response column gets the room, and nothing scrolls sideways.
    columns = shown["columns"]
    assert columns["ACTION"] == max(columns.values())
    assert not shown["sideways_scrolling"]


@pytest.mark.slow
def test_a_window_saved_on_a_big_second_monitor_comes_back_whole_on_a_laptop(tmp_path: Path, qtbot: QtBot) -> None:
    # Saved here, on the tests' big screen, then moved far off to the right, where a second
    # monitor was.
    window = MainWindow(PlanDocument(small_plan()))
    window.resize(1900, 1100)
    window.move(2000, 300)
    saved = bytes(window.saveGeometry().data())
    window.deleteLater()
    _flush_deletes()
    shown = probe(tmp_path, 1366, 768, saved)
    assert inside(shown["window"], shown["screen"])
    assert inside(shown["status_bar"], shown["screen"])


def test_restoring_a_size_larger_than_the_screen_and_off_it_keeps_the_window_on_it(
        qtbot: QtBot, no_leftover_widgets: None) -> None:
    first = MainWindow(PlanDocument(small_plan()))
    area = available_area(first)
    first.resize(area.width() + 800, area.height() + 600)
    first.move(area.right() + 500, area.bottom() + 400)
    saved = first.saveGeometry()
    first.deleteLater()
    second = MainWindow(PlanDocument(small_plan()))
    try:
        restore_geometry(second, saved)
        second.show()
        qtbot.waitExposed(second)
        QApplication.processEvents()
        assert area.contains(second.frameGeometry())
    finally:
        second.close()
        second.deleteLater()
        _flush_deletes()


AREAS = st.builds(QRect, st.integers(-3000, 3000), st.integers(-1000, 1000), st.integers(640, 4000),
                  st.integers(480, 2400))
SIZES = st.builds(QSize, st.integers(100, 5000), st.integers(100, 3000))
MARGINS = st.builds(QMargins, st.integers(0, 12), st.integers(0, 40), st.integers(0, 12), st.integers(0, 12))


@given(wanted=SIZES, area=AREAS, frame=MARGINS, at=st.builds(QPoint, st.integers(-9000, 9000),
                                                              st.integers(-9000, 9000)))
def test_a_fitted_window_lies_inside_the_screen_wherever_it_was(wanted: QSize, area: QRect, frame: QMargins,
                                                                at: QPoint) -> None:
    size = fitted_size(wanted, area, frame)
    assert size.width() <= wanted.width()
    assert size.height() <= wanted.height()
    framed = QRect(at, size.grownBy(frame))
    assert area.contains(QRect(placed_inside(framed, area), framed.size()))
    if wanted.width() + frame.left() + frame.right() <= area.width():
        assert size.width() == wanted.width()  # a screen with room gives the size asked for


def test_a_window_never_gets_smaller_than_its_contents_need() -> None:
    size = fitted_size(QSize(1400, 900), QRect(0, 0, 640, 480), QMargins(8, 32, 8, 8), minimum=QSize(831, 509))
    assert size == QSize(831, 509)
