"""The editor's own command-line options, kept free of Qt so that ``--help`` can list them
without starting Qt."""

from __future__ import annotations

import argparse
from pathlib import Path


def add_editor_arguments(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    parser.add_argument("plan", nargs="?", type=Path, metavar="PLAN", help="the .actionplan file to open")
    parser.add_argument("--sample", action="store_true",
                        help="open your own copy of the sample plan (made from the one shipped, the first time)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png",
                        help="draw the main window offscreen to a PNG and exit")
    parser.add_argument("--quit-when-ready", action="store_true",
                        help="exit as soon as the window is shown and ready for input (for timing)")


def editor_parser(prog: str = "main.py") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Open the Action Plan Editor.")
    add_editor_arguments(parser)
    return parser
