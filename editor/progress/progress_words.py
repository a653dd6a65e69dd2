"""Progress in the words the editor shows: an update, a piece of evidence, a revised target,
and the tint that goes with each position. Colour is only ever an extra: every position is
shown in words (GOV.UK forbids meaning carried by colour alone)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QColor

from actionplan.model import Action
from actionplan.progress import EvidenceItem, IrpJudgement, ProgressUpdate, TargetRevision
from actionplan.target_date import format_long_date
from actionplan.tracking import Position

POSITION_TINTS = {
    # As boards show them (Blue for done, Green, Amber, Red), light enough for black text.
    Position.COMPLETE: QColor(214, 230, 245),
    Position.ON_TRACK: QColor(220, 238, 219),
    Position.DUE_SOON: QColor(255, 236, 200),
    Position.OVERDUE: QColor(250, 214, 214),
    Position.NO_DATE: QColor(232, 232, 232),
}

NOT_RECORDED = "Not recorded"


def describe_update(update: ProgressUpdate) -> str:
    """"4 December 2026, J. Patel. Status: Complete.\nThe survey is finished." """
    head = format_long_date(update.on)
    if update.author:
        head += f", {update.author}"
    if update.status is not None:
        head += f". Status: {update.status.label}"
    text = update.text.strip()
    return f"{head}.\n{text}" if text else f"{head}."


def latest_update_words(action: Action) -> str:
    """The latest update on one line, for a table cell: "4 December 2026, J. Patel: text"."""
    update = action.latest_update()
    if update is None:
        return ""
    head = format_long_date(update.on) + (f", {update.author}" if update.author else "")
    text = " ".join(update.text.split())
    if not text and update.status is not None:
        text = f"status set to {update.status.label}"
    return f"{head}: {text}" if text else head


def describe_evidence(item: EvidenceItem) -> str:
    """"Minutes of the safety meeting (evidence/minutes.pdf). Added 3 May 2026 by J. Patel." """
    words = item.description.strip() or item.link or "Evidence"
    if item.link and item.description.strip():
        words += f" ({item.link})"
    added = []
    if item.added_on is not None:
        added.append(format_long_date(item.added_on))
    if item.added_by:
        added.append(f"by {item.added_by}")
    return f"{words}. Added {' '.join(added)}." if added else words


def describe_revision(revision: TargetRevision) -> str:
    """"Revised to March 2027 on 5 May 2026 by J. Patel: contractor delayed." """
    words = f"Revised to {revision.target.format()} on {format_long_date(revision.made_on)}"
    if revision.by:
        words += f" by {revision.by}"
    reason = " ".join(revision.reason.split())
    return f"{words}: {reason}" if reason else words


def judgement_words(judgement: IrpJudgement | None) -> str:
    return judgement.label if judgement is not None else NOT_RECORDED


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def progress_held_words(actions: Iterable[Action]) -> str:
    """"2 updates, 1 piece of evidence and 1 revised target" held on ``actions``; "" for none."""
    updates = evidence = revisions = 0
    for action in actions:
        updates += len(action.updates)
        evidence += len(action.evidence)
        revisions += len(action.target_revisions)
    parts = [words for count, words in (
        (updates, _counted(updates, "update", "updates")),
        (evidence, _counted(evidence, "piece of evidence", "pieces of evidence")),
        (revisions, _counted(revisions, "revised target", "revised targets"))) if count]
    return " and ".join([", ".join(parts[:-1]), parts[-1]]) if len(parts) > 1 else "".join(parts)
