"""Plans written by another word processor import too: every export of both example plans, in
every layout, opened and saved again as .docx by LibreOffice (which writes its own XML: its
own styles, table grid, list numbering and run properties) imports to the same plan.

The closest this machine can come to a document saved by Word; nothing here has Word.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from actionplan.storage import load_plan
from importers.docx_import import import_docx
from tests.exporters.readback import need_libreoffice
from tests.fixtures import build_docx_fixtures as fixtures
from tests.importers.conftest import plan_content
from tests.importers.test_round_trip import EXPORT_CHOICES

docx_export = pytest.importorskip("exporters.docx_export")
CHOICES = EXPORT_CHOICES  # accessible, classic, and classic with merged concern cells
pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    soffice = need_libreoffice()
    folder = tmp_path_factory.mktemp("resaved")
    exported = folder / "exported"
    exported.mkdir()
    names: dict[tuple[str, str], str] = {}
    for example, plan_file in fixtures.EXAMPLE_PLANS.items():
        for choice, chosen in CHOICES.items():
            name = f"{example}-{choice}.docx"
            docx_export.export_docx(load_plan(plan_file), exported / name, chosen)
            names[(example, choice)] = name
    out = folder / "out"
    # One LibreOffice run for every file: starting it is the slow part.
    subprocess.run(
        [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
         *(str(exported / name) for name in names.values())],
        check=True, capture_output=True, timeout=240,
    )
    return {key: out / name for key, name in names.items()}


@pytest.mark.parametrize("choice", list(CHOICES))
@pytest.mark.parametrize("example", list(fixtures.EXAMPLE_PLANS))
def test_a_plan_saved_again_by_libreoffice_imports_to_the_same_plan(
    resaved: dict[tuple[str, str], Path], example: str, choice: str
) -> None:
    path = resaved[(example, choice)]
    assert path.exists(), f"LibreOffice did not write {path.name}"
    assert path.read_bytes() != b""
    result = import_docx(path)
    assert plan_content(result.plan) == plan_content(load_plan(fixtures.EXAMPLE_PLANS[example]))
