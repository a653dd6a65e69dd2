"""Fuzzing export templates (issue 16): an organisation's .docx damaged at the byte, zip and XML
levels gives an exported document or a ``TemplateError`` with a one-line message naming the
template, never another exception and never a hang."""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from actionplan.model import Action, Concern, Plan, PlanDetails
from exporters.docx_export import docx_bytes, our_template
from exporters.errors import TemplateError
from exporters.options import ExportOptions
from tests import docx_damage

pytestmark = [
    pytest.mark.timeout(120),
    # A reshaped relationship list makes python-docx write a part twice, with zipfile's warning;
    # the export refuses that template (a test below checks the outcome, not the warning).
    pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning"),
]

Damage = Callable[[bytes, random.Random], bytes]
LEVELS: dict[str, tuple[Damage, int]] = {
    "bytes": (docx_damage.damage_bytes, 300),
    "zip": (docx_damage.damage_zip, 150),
    "xml": (lambda data, rng: docx_damage.damage_xml(data, rng, rng.choice(XML_PARTS)), 100),
    "xml structure": (lambda data, rng: docx_damage.reshape_xml(data, rng, rng.choice(XML_PARTS)), 100),
}
XML_PARTS = ["word/document.xml", "word/styles.xml", "word/numbering.xml", "word/settings.xml",
             "[Content_Types].xml", "word/_rels/document.xml.rels"]
PLAN = Plan(details=PlanDetails(establishment="HMP Example"),
            concerns=[Concern(text="Visits started late.",
                              actions=[Action(text="- Start on time\n- Check weekly", owner="Governor",
                                              target="June 2026")])])


def export_or_explain(template: Path) -> str:
    try:
        document = docx_bytes(PLAN, ExportOptions(template=template, draft=True))
    except TemplateError as error:
        message = error.message
    else:
        message = ""
    if message:
        assert "\n" not in message
        assert f"“{template.name}”" in message, message
        return "refused"
    with zipfile.ZipFile(io.BytesIO(document)) as exported:
        names = exported.namelist()
    assert len(names) == len(set(names))  # Word calls a document with a part twice damaged
    assert "word/document.xml" in names
    return "exported"


@pytest.mark.parametrize("level", LEVELS)
def test_damaged_templates_export_or_are_explained(tmp_path: Path, level: str) -> None:
    whole = our_template()
    damage, count = LEVELS[level]
    rng = random.Random(f"issue-16-template-{level}")
    outcomes = {"exported": 0, "refused": 0}
    template = tmp_path / "brand.docx"
    for number in range(count):
        template.write_bytes(damage(whole, rng))
        try:
            outcomes[export_or_explain(template)] += 1
        except BaseException as failure:  # keep the file that broke it, to reproduce
            kept = tmp_path / f"failure-{level}-{number}.docx"
            kept.write_bytes(template.read_bytes())
            raise AssertionError(f"{kept} gave {failure!r}") from failure
    assert outcomes["refused"] > 0, outcomes
