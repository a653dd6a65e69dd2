"""The README's keys table says what Help > Keyboard shortcuts says."""

from __future__ import annotations

from pathlib import Path

from editor.window.shortcuts import SHORTCUTS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_shortcut_is_in_the_readme_keys_table() -> None:
    rows = {line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("| ")}
    missing = [f"| {keys} | {meaning} |" for keys, meaning in SHORTCUTS if f"| {keys} | {meaning} |" not in rows]
    assert not missing, "README keys table lacks:\n" + "\n".join(missing)
