"""The Qt binding itself: PySide6 6.12.0 dropped a reference to ``True`` on every
``Signal.emit`` made from Python. Python 3.11 then aborts ("bool_dealloc: deallocating True or
False") once the count runs out: the editor died after about a thousand keystrokes in the
inspector. pyproject.toml keeps PySide6 below 6.12; these tests catch a binding that does it, on
every Python the project supports: from 3.12 ``True`` is immortal, so the count cannot run out
and the same check shows it holding, and the installed binding is always one pyproject allows."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import PySide6
from packaging.requirements import Requirement
from packaging.version import Version
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

EMITS = 2000


class Announcer(QObject):
    said = Signal(int)


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


def test_the_installed_binding_is_one_the_project_allows() -> None:
    pyproject = tomllib.loads((Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    [binding] = [Requirement(line) for line in pyproject["project"]["dependencies"]
                 if Requirement(line).name == "PySide6-Essentials"]
    assert Version("6.12.0") not in binding.specifier
    assert Version(PySide6.__version__) in binding.specifier, PySide6.__version__
