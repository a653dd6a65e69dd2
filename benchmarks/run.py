"""Run every benchmark and print a Markdown table; ``--record`` writes it to RESULTS.md.

    python -m benchmarks.run [--only WORD] [--record]
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

from benchmarks.harness import Result, time_it

HERE = Path(__file__).resolve().parent


def discover() -> list[str]:
    return sorted(f"benchmarks.{path.stem}" for path in HERE.glob("bench_*.py"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the benchmarks.")
    parser.add_argument("--only", help="run only modules whose name contains this word")
    parser.add_argument("--record", action="store_true", help="write the table to benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Result] = []
    for module_name in discover():
        if args.only and args.only not in module_name:
            continue
        module = importlib.import_module(module_name)
        for benchmark in module.benchmarks():
            result = time_it(benchmark)
            results.append(result)
            print(_row(result), flush=True)
    table = _table(results)
    print()
    print(table)
    if args.record:
        _record(table, args.only)
    return 0 if all(result.passed for result in results) else 1


def _row(result: Result) -> str:
    verdict = "yes" if result.passed else "NO"
    return f"| {result.benchmark.name} | {result.benchmark.target} | {result.shown} | {verdict} |"


def _table(results: list[Result]) -> str:
    lines = ["| What | Target | Measured (median) | Met |", "| --- | --- | --- | --- |"]
    lines += [_row(result) for result in results]
    return "\n".join(lines)


def _record(table: str, only: str | None) -> None:
    stamp = datetime.now().strftime("%d %B %Y %H:%M").lstrip("0")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {sys.version.split()[0]}"
    section = f"## {only or 'all'}: {stamp}\n\nMachine: {machine}\n\n{table}\n"
    path = HERE / "RESULTS.md"
    existing = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n"
    path.write_text(existing.rstrip() + "\n\n" + section, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
