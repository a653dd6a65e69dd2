"""Export the sample plan and the two plans rebuilt from the published examples in both
layouts, convert each to PDF with LibreOffice and draw the first pages as PNGs, so the look of
the exported documents can be compared with the published plans.

    python docs/export-pages/make_pages.py

Needs LibreOffice (``soffice``) and poppler's ``pdftoppm``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from actionplan.storage import load_plan  # noqa: E402
from exporters.errors import PlanHasErrors  # noqa: E402
from exporters.export import export_plan  # noqa: E402
from exporters.options import ExportOptions, Layout  # noqa: E402

PLANS = {
    "sample": ROOT / "resources" / "sample-plan.actionplan",
    "stoke-heath": ROOT / "tests" / "fixtures" / "stoke-heath-2026.actionplan",
    "east-sutton-park": ROOT / "tests" / "fixtures" / "east-sutton-park-2024.actionplan",
}
PAGES = 3
"""The title page and the first pages of the table show the whole look."""


def draw(name: str, plan_path: Path, layout: Layout, work: Path) -> None:
    docx = work / f"{name}-{layout.value}.docx"
    plan = load_plan(plan_path)
    try:
        export_plan(plan, docx, ExportOptions(layout=layout))
    except PlanHasErrors:  # as a user would: a plan with errors goes out as a DRAFT
        export_plan(plan, docx, ExportOptions(layout=layout, draft=True))
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx)],
                   check=True, capture_output=True, timeout=180)
    prefix = HERE / f"{name}-{layout.value}"
    subprocess.run(["pdftoppm", "-png", "-r", "45", "-l", str(PAGES), str(docx.with_suffix(".pdf")), str(prefix)],
                   check=True)


def main() -> None:
    for old in HERE.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as folder:
        for name, plan_path in PLANS.items():
            for layout in Layout:
                draw(name, plan_path, layout, Path(folder))
    print("\n".join(sorted(path.name for path in HERE.glob("*.png"))))


if __name__ == "__main__":
    if shutil.which("soffice") is None:
        sys.exit("LibreOffice (soffice) is needed to draw the pages.")
    main()
