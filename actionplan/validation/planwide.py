"""The rules that span the plan: Rec Nos, cross-references and abbreviations spelled out earlier.

They work from small per-item summaries (what each text cross-refers to and which
abbreviations it uses), so re-running them after an edit does not re-read every text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from actionplan.model import Concern
from actionplan.validation.findings import Finding, Location
from actionplan.validation.parsing import Abbreviation, CrossReference, abbreviations, cross_references
from actionplan.validation.rules import rule

WELL_KNOWN_ABBREVIATIONS = frozenset(
    {"HMPPS", "HMIP", "HMP", "YOI", "HMYOI", "MoJ", "NHS", "GOV.UK", "GOV", "UK", "HM", "IRC",
     "STC", "IT", "HMI", "HMCIP", "COVID", "CCTV", "ID", "OK", "PDF", "GP", "BBC", "EU", "TV",
     "PE", "DBS", "HR"}
)

LocationOf = Callable[[str, str], Location]
"""The location of (item id, field)."""


@dataclass(frozen=True, slots=True)
class TextSummary:
    """What the plan-wide rules need from one field of one item."""

    item_id: str
    field: str
    cross_references: tuple[CrossReference, ...]
    abbreviations: tuple[Abbreviation, ...]


def summarise(item_id: str, field: str, text: str) -> TextSummary | None:
    """None when the text has no cross-references and no abbreviations, as most have none."""
    references, found = cross_references(text), abbreviations(text)
    if not (references or found):
        return None
    return TextSummary(item_id, field, tuple(references), tuple(found))


def definitions(item_id: str, field: str, text: str) -> TextSummary | None:
    """The abbreviations ``text`` spells out, for a text that is not checked (concerns and the
    introduction): what they spell out still counts as spelled out. None when there are none."""
    found = tuple(a for a in abbreviations(text) if a.defines)
    return TextSummary(item_id, field, (), found) if found else None


def abbreviation_key(summary: TextSummary) -> tuple[tuple[str, bool], ...]:
    """What about a text matters to the abbreviation rule; typing other words leaves it alone."""
    return tuple((a.abbreviation, a.defines) for a in summary.abbreviations)


def cross_reference_key(summary: TextSummary) -> tuple[object, ...]:
    """What about a text matters to the cross-reference rule: each reference and its section,
    and each phrase with how many references it holds. A phrase is named once, not once for each
    of its references, so that a phrase listing thousands of concerns is compared in one go."""
    phrases: list[tuple[str, int]] = []
    for reference in summary.cross_references:
        if phrases and phrases[-1][0] is reference.text:
            phrases[-1] = (reference.text, phrases[-1][1] + 1)
        else:
            phrases.append((reference.text, 1))
    return (tuple((c.reference, c.section) for c in summary.cross_references), tuple(phrases))


# Rec Nos --------------------------------------------------------------------------------------


def duplicate_references(concerns: Iterable[Concern], references: dict[str, str],
                         location_of: LocationOf) -> list[Finding]:
    by_reference: dict[str, list[Concern]] = {}
    for concern in concerns:
        by_reference.setdefault(references[concern.id].strip().lower(), []).append(concern)
    findings = []
    for sharing in by_reference.values():
        if len(sharing) < 2:
            continue
        for concern in sharing:
            findings.append(rule("reference-duplicate").finding(
                _shared_reference_advice(concern, references[concern.id], len(sharing)),
                location_of(concern.id, "reference")))
    return findings


def _shared_reference_advice(concern: Concern, shown: str, sharing: int) -> str:
    said = f"Rec No “{shown}” is used by {sharing} concerns."
    if concern.reference:
        return f"{said} Give each concern its own Rec No, or clear the Rec No to number it automatically."
    # Numbered automatically already: only a Rec No typed on another concern can clash with it.
    others = "the other" if sharing == 2 else "the others"
    return f"{said} This one is numbered automatically: change or clear the Rec No typed on {others}."


# Cross-references -----------------------------------------------------------------------------


def broken_cross_references(summaries: Iterable[TextSummary], concerns: Iterable[Concern],
                            references: dict[str, str], location_of: LocationOf) -> list[Finding]:
    by_reference = {references[c.id].strip().lower(): c for c in concerns}
    findings = []
    for summary in summaries:
        shown: dict[str, str] = {}  # each phrase as quoted, worked out once for all its references
        problems = [problem for ref in summary.cross_references
                    if (problem := _problem(ref, by_reference.get(ref.reference.lower()), shown))]
        if problems:
            findings.append(rule("cross-reference-broken").finding(
                " ".join(dict.fromkeys(problems)), location_of(summary.item_id, summary.field)))
    return findings


def _problem(ref: CrossReference, target: Concern | None, shown: dict[str, str]) -> str | None:
    if target is None:
        return f"There is no concern {ref.reference} in this plan: correct “{_phrase(ref.text, shown)}”."
    if ref.section is not None and ref.section is not target.category:
        return (f"Concern {ref.reference} is a {target.category.singular}, not a "
                f"{ref.section.singular}: correct “{_phrase(ref.text, shown)}”.")
    return None


QUOTED_PHRASE_LIMIT = 200
"""Characters of a cross-reference phrase quoted in a finding; a longer phrase is cut at a word
and ends "…", so a phrase listing thousands of concerns does not repeat itself thousands of
times over in the message. Real phrases ("see actions in priority concern 3 and 4") are far
shorter."""


def _phrase(text: str, shown: dict[str, str]) -> str:
    if text not in shown:
        phrase = text.strip()
        if len(phrase) > QUOTED_PHRASE_LIMIT:
            phrase = phrase[:QUOTED_PHRASE_LIMIT].rsplit(None, 1)[0] + "…"
        shown[text] = phrase
    return shown[text]


# Abbreviations --------------------------------------------------------------------------------


def undefined_abbreviations(ordered: Iterable[TextSummary], known: frozenset[str],
                            location_of: LocationOf, describe: Callable[[str], str]) -> list[Finding]:
    """``ordered`` runs in plan order. Each abbreviation used before it is spelled out gets one
    finding, where it is first used."""
    first_use: dict[str, TextSummary] = {}
    defined: dict[str, TextSummary] = {}
    for summary in ordered:
        for abbreviation in summary.abbreviations:
            name = abbreviation.abbreviation
            if name in known or name.upper() in known or name in defined:
                continue
            if abbreviation.defines:
                defined[name] = summary
            else:
                first_use.setdefault(name, summary)
    by_place: dict[tuple[str, str], list[str]] = {}
    for name, summary in first_use.items():
        by_place.setdefault((summary.item_id, summary.field), []).append(name)
    findings = []
    for (item_id, field), names in by_place.items():
        later = [f"“{n}” is spelled out later ({describe(defined[n].item_id)})" for n in names if n in defined]
        shown = ", ".join(f"“{name}”" for name in names)
        message = (f"Spell out {shown} where first used, with the abbreviation after it in brackets, "
                   "for example “Quality Improvement Group (QIG)”.")
        if later:
            message += " " + "; ".join(later) + ": move that to here."
        findings.append(rule("style-acronym-undefined").finding(message, location_of(item_id, field)))
    return findings
