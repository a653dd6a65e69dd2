"""The Qt binding itself: PySide6 6.12.0 dropped a reference to ``True`` on every
``Signal.emit`` made from Python. Python 3.11 then aborts ("bool_dealloc: deallocating True or
False") once the count runs out: the editor died after about a thousand keystrokes in the
inspector. pyproject.toml keeps PySide6 below 6.12; this test catches a binding that does it."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

EMITS = 2000


class Announcer(QObject):
    said = Signal(int)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True and False are immortal from Python 3.12")
def test_emitting_a_signal_keeps_python_s_true_alive(qapp: QApplication) -> None:
    announcer = Announcer()
    heard: list[int] = []
    announcer.said.connect(heard.append)
    before = sys.getrefcount(True)
    for number in range(EMITS):
        announcer.said.emit(number)
    assert len(heard) == EMITS
    # Other code may take or drop a few references meanwhile; a leak loses one per emit.
    assert sys.getrefcount(True) > before - EMITS // 2
