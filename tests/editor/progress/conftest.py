"""Fixtures for the progress tests: a real main window with scripted questions."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from editor.window.main_window import MainWindow
from tests.editor.progress.progress_fakes import FakeOpener, ScriptedQuestions, close_window, progress_window


@pytest.fixture
def questions() -> ScriptedQuestions:
    return ScriptedQuestions()


@pytest.fixture
def opener() -> FakeOpener:
    return FakeOpener()


@pytest.fixture
def tracking(qtbot: QtBot, no_leftover_widgets: None, questions: ScriptedQuestions,
             opener: FakeOpener) -> Iterator[MainWindow]:
    window = progress_window(qtbot, questions=questions, opener=opener)
    yield window
    close_window(window)
