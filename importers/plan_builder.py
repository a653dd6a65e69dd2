"""Turn action-plan table rows into concerns and actions, noting every guess in the report.

Two layouts meet here. One row per action, with continuation rows whose Rec No and concern
cells are empty; and several actions stacked in one row as matching paragraphs in the
response, owner and date cells. Rows cut by a page break are joined back to what they continue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actionplan.model import Action, Agreement, Category, Concern, Plan
from actionplan.target_date import parse_target
from actionplan.text import clean_text
from importers.growing_text import GrowingText
from importers.plan_table import PlanRow
from importers.report import ImportReport, NoteKind, shorten

_SENTENCE_END = (".", "!", "?", ":", ";")
_AGREEMENTS = {
    "agreed": Agreement.AGREED,
    "accepted": Agreement.AGREED,
    "partlyagreed": Agreement.PARTLY_AGREED,
    "partiallyagreed": Agreement.PARTLY_AGREED,
    "partlyaccepted": Agreement.PARTLY_AGREED,
    "notagreed": Agreement.NOT_AGREED,
    "notaccepted": Agreement.NOT_AGREED,
    "rejected": Agreement.NOT_AGREED,
}


def parse_agreement(text: str) -> Agreement | None:
    return _AGREEMENTS.get(re.sub(r"[^a-z]", "", text.lower()))


def clean_rec(text: str) -> str:
    """``1.`` -> ``1``, ``(S40)`` -> ``S40``."""
    return text.strip().strip("()[]").strip().rstrip(".").strip()


def continue_text(before: str, after: str) -> str:
    """Join text cut by a page break: mid-sentence with a space, otherwise as a new paragraph."""
    growing = GrowingText(before)
    _continue_growing(growing, after)
    return str(growing)


def _continue_growing(before: GrowingText, after: str) -> None:
    # The rule of continue_text, reading only the end of the text before: each row cut by a
    # page break is joined onto the same text, so reading all of it made import quadratic.
    if not before:
        before.append(after)
    elif (_ends_a_sentence_growing(before) or after.startswith("- ")
          or before.last_line_starts_with("- ")):
        before.append(f"\n{after}")
    else:
        before.append(f" {after}")


def _ends_a_sentence_growing(text: GrowingText) -> bool:
    """As ``str(text).rstrip().endswith(_SENTENCE_END)``: every ending is one character."""
    return text.last_visible_character() in _SENTENCE_END


def _starts_mid_sentence(text: str) -> bool:
    return text[:1].islower() or text[:1] in "(,;"


# "1. ", "2) ": how people number the actions they stack in one row.
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")
_CONTINUED = re.compile(r"^(?:(?:priority |key )?concern|(?:main )?recommendation|rec(?:\.|ommendation)? ?no\.?)?"
                        r"\s*(?P<rec>\S+)\s*\((?:continued|cont(?:'d|inued)?\.?)\)$", re.IGNORECASE)


def is_continued_for(text: str, rec: str) -> bool:
    """"Concern 3 (continued)": a concern cell on a later row of concern ``rec`` that only says
    it is still that concern, as the accessible layout writes it."""
    found = _CONTINUED.match(" ".join(text.split()))
    return found is not None and clean_rec(found.group("rec")) == rec


@dataclass
class PlanBuilder:
    plan: Plan
    report: ImportReport
    category: Category = Category.PRIORITY
    saw_section: bool = False
    concern: Concern | None = None
    spare_paragraphs: bool = False
    """The last row gave one action more paragraphs than it had owners."""
    last_row_stacked: bool = False
    """The last row held several actions, so a page break may have cut its last one short."""
    numbers: dict[str, int] = field(default_factory=dict)
    dates_noted: set[str] = field(default_factory=set)
    """Actions whose target date not understood is in the report already, by id."""
    # The texts rows are still being joined onto: the current concern's and its last action's.
    # They go into the plan when the concern or action is done with, or at ``finish``, so a
    # text cut into thousands of rows is put together and checked once, not once a row.
    _concern_text: GrowingText | None = field(default=None, init=False, repr=False)
    _action: Action | None = field(default=None, init=False, repr=False)
    _action_text: GrowingText | None = field(default=None, init=False, repr=False)

    def finish(self) -> Plan:
        """Put the texts still being joined into the plan; call once every row is added."""
        self._settle_concern()
        self._settle_action()
        return self.plan

    def _settle_concern(self) -> None:
        if self._concern_text is not None:
            assert self.concern is not None
            self.concern.text = str(self._concern_text)
            self._concern_text = None

    def _settle_action(self) -> None:
        if self._action is not None and self._action_text is not None:
            self._action.text = str(self._action_text)
        self._action = self._action_text = None

    def _growing_concern_text(self) -> GrowingText:
        assert self.concern is not None
        if self._concern_text is None:
            self._concern_text = GrowingText(self.concern.text)
        return self._concern_text

    def _concern_text_is(self, text: str) -> bool:
        return self._growing_concern_text().equals(text)

    def _growing_last_text(self) -> GrowingText:
        """The last action's text, to join rows onto."""
        last = self._actions[-1]
        if self._action is not last or self._action_text is None:
            self._settle_action()
            self._action, self._action_text = last, GrowingText(last.text)
        return self._action_text

    def set_section(self, section: str, where: str) -> None:
        self.category = Category.KEY if section == "key" else Category.PRIORITY
        self.saw_section = True
        if self.concern is not None and self.category is Category.PRIORITY and self.concern.category is Category.KEY:
            era = self.plan.details.era
            first, then = Category.PRIORITY.heading_in(era), Category.KEY.heading_in(era)
            self.report.add(NoteKind.WARNING, where, f"A “{first}” section comes after “{then}”; "
                            f"{first.lower()} are shown first.")

    def add_row(self, row: PlanRow) -> None:
        self._note_unplaced(row)
        rec = [line for line in row.rec if line]
        if rec and self._repeats_current(clean_rec(rec[0]), row):
            rec = []  # the accessible layout repeats the Rec No on every row of a concern
        if rec:
            self._start_concern(clean_rec(rec[0]), row)
            for extra in rec[1:]:
                self._rec_extra(extra, row.where)
        elif any(row.concern) and not row.concern_merged:
            self._concern_without_rec(row)
        elif self.concern is None and any(any(part) for part in (row.response, row.owners, row.targets, row.agreement)):
            words = " ".join(line for part in (row.response, row.owners, row.targets) for line in part if line)
            self.report.add(NoteKind.GUESSED, row.where, "Actions come before any concern, so they were put "
                            "under a new concern with no text.", words)
            self._start_concern("", PlanRow(row.where))
        self._set_agreement(row)
        if self.concern is not None:
            self._add_actions(row)

    # Concerns --------------------------------------------------------------------------------

    def _start_concern(self, rec: str, row: PlanRow) -> None:
        self._settle_concern()
        number = len(self.plan.concerns) + 1
        reference = "" if rec == str(number) else rec
        text = "\n".join(line for line in row.concern if line)
        concern = Concern(category=self.category, reference=reference, text=text)
        self.plan.concerns.append(concern)
        self.concern = self.plan.concerns[-1]
        self.spare_paragraphs = False
        if not text:
            self.report.add(NoteKind.WARNING, row.where, f"Concern {rec or number} has no text.")

    def _repeats_current(self, rec: str, row: PlanRow) -> bool:
        if self.concern is None or rec != self._number():
            return False
        text = "\n".join(line for line in row.concern if line)
        return not text or self._concern_text_is(text) or is_continued_for(text, rec)

    def _concern_without_rec(self, row: PlanRow) -> None:
        text = "\n".join(line for line in row.concern if line)
        current = self.concern
        if current is not None and (self._concern_text_is(text) or is_continued_for(text, self._number())):
            return  # the concern repeated on each of its rows, or said to go on
        growing = self._growing_concern_text() if current is not None else None
        if growing is not None and (_starts_mid_sentence(text) or not _ends_a_sentence_growing(growing)):
            # Cleaned as the plan would clean it, so the next row is joined onto the same text.
            mark = growing.mark()
            _continue_growing(growing, text)
            growing.rewrite_since(mark, clean_text)
            self.report.add(NoteKind.GUESSED, row.where, f"Read as the rest of concern {self._number()}, "
                            "cut by a page break.", text)
            return
        self.report.add(NoteKind.GUESSED, row.where, "This concern has no Rec No, so it was read as a new "
                        "concern.", text)
        self._start_concern("", row)

    def _rec_extra(self, extra: str, where: str) -> None:
        if parse_agreement(extra) is not None and self.concern is not None and self.concern.agreement is None:
            self.concern.agreement = parse_agreement(extra)
            return
        self.report.add(NoteKind.NOT_IMPORTED, where, "Extra text in the Rec No cell has no place in the plan.", extra)

    def _set_agreement(self, row: PlanRow) -> None:
        words = " ".join(line for line in row.agreement if line)
        if not words or self.concern is None:
            return
        agreement = parse_agreement(words)
        if agreement is None:
            self.report.add(NoteKind.NOT_IMPORTED, row.where, "Not understood as Agreed, Partly agreed or "
                            "Not agreed.", words)
        elif self.concern.agreement is None:
            self.concern.agreement = agreement
        elif self.concern.agreement is not agreement:
            self.report.add(NoteKind.NOT_IMPORTED, row.where, f"Concern {self._number()} already says "
                            f"{self.concern.agreement.label}.", words)

    def _number(self) -> str:
        assert self.concern is not None
        return self.concern.reference or str(len(self.plan.concerns))

    # Actions ---------------------------------------------------------------------------------

    @property
    def _actions(self) -> list[Action]:
        assert self.concern is not None
        return self.concern.actions

    def _add_actions(self, row: PlanRow) -> None:
        stacked_before, self.last_row_stacked = self.last_row_stacked, False
        if row.no_actions and not any(row.owners) and not any(row.targets):
            return  # the exporter's row for a concern with no actions
        actions_before = len(self._actions)
        self._read_actions(row, stacked_before)
        added = self._actions[actions_before:]
        self.last_row_stacked = len(added) > 1
        self._drop_stacked_numbers(added, row.where)
        # The row may also have given the action above its owner and date.
        self._note_dates_not_understood(self._actions[max(0, actions_before - 1):], row.where)

    def _drop_stacked_numbers(self, actions: list[Action], where: str) -> None:
        """Actions stacked in one row and numbered "1. ", "2. " to tell them apart are actions
        of their own once imported, so the numbers go, and the report says so."""
        if len(actions) < 2:
            return
        self._settle_action()  # its text may have been joined onto in this row
        found = [_NUMBERED.match(action.text) for action in actions]
        numbers = [int(match.group(1)) for match in found if match]
        if len(numbers) != len(actions) or numbers != list(range(numbers[0], numbers[0] + len(numbers))):
            return
        for action, match in zip(actions, found, strict=True):
            assert match is not None
            action.text = action.text[match.end():]
        self.report.add(NoteKind.GUESSED, where, f"The {len(actions)} actions stacked in this row were numbered "
                        f"{numbers[0]} to {numbers[-1]}; the numbers were left out, as each is an action of its "
                        "own in the plan.", actions[0].text)

    def _note_dates_not_understood(self, actions: list[Action], where: str) -> None:
        for action in actions:
            if action.target.is_recognised or action.id in self.dates_noted:
                continue
            self.dates_noted.add(action.id)
            written = action.target.format()
            _, why = parse_target(written)
            self.report.add(NoteKind.WARNING, where, "This target date was not understood, so it was kept as "
                            f"written. {why or ''}".strip(), written)

    def _read_actions(self, row: PlanRow, stacked_before: bool) -> None:
        if self._add_aligned(row):
            return
        paragraphs = [p for p in row.response if p]
        owners = [o for o in row.owners if o]
        targets = [t for t in row.targets if t]
        if row.is_a_whole_action and len(owners) <= 1 and len(targets) <= 1:
            # A draft action, its empty cells marked "Not set": its own action, whatever it lacks.
            self._append(Action(text="\n".join(paragraphs), owner=_first(owners), target=_first(targets)))
            self.spare_paragraphs = False
            return
        if not paragraphs:
            if owners or targets:
                self._owner_only(row, owners, targets)
            return
        if not owners and not targets:
            self._continue_last(paragraphs, row.where)
            return
        expected = max(len(owners), len(targets), 1)
        # A row with an owner and date of its own is a whole row, whatever its first word. Only
        # where a page break cut a row of stacked actions mid-sentence does the next row start
        # with the rest of that sentence, beside the owners of the actions after it.
        first = 0  # the paragraphs before it went to the action above; popping each copied the rest
        while (len(paragraphs) - first > expected and stacked_before and _starts_mid_sentence(paragraphs[first])
               and self._actions and not _ends_a_sentence_growing(self._growing_last_text())):
            self._continue_last([paragraphs[first]], row.where)
            first += 1
        self._match(paragraphs[first:], owners, targets, row.where)

    def _add_aligned(self, row: PlanRow) -> bool:
        """Stacked actions lined up paragraph by paragraph, blank lines included."""
        owners_given = sum(1 for o in row.owners if o)
        if owners_given < 2 or len(row.owners) != len(row.response):
            return False
        if row.targets and len(row.targets) != len(row.response):
            return False
        targets = row.targets or [""] * len(row.response)
        for text, owner, target in zip(row.response, row.owners, targets, strict=True):
            if owner or target:
                self._append(Action(text=text, owner=owner, target=target))
            elif text:
                self._continue_last([text], row.where, cut_by_page_break=False)
        self.spare_paragraphs = False
        return True

    def _match(self, paragraphs: list[str], owners: list[str], targets: list[str], where: str) -> None:
        count = max(len(owners), len(targets))
        if count <= 1:
            self._append(Action(text="\n".join(paragraphs), owner=_first(owners), target=_first(targets)))
            self.spare_paragraphs = len(paragraphs) > 1
            return
        if len(paragraphs) == 1 and len(targets) <= 1:
            self.report.add(NoteKind.GUESSED, where, f"The owner cell has {len(owners)} lines for one action; "
                            "they were read as one owner.", " ".join(owners))
            self._append(Action(text=paragraphs[0], owner=" ".join(owners), target=_first(targets)))
            return
        if len(owners) != len(targets) and owners and targets:
            self.report.add(NoteKind.GUESSED, where, f"{len(owners)} owners but {len(targets)} target dates; "
                            "they were matched in order.")
        if len(paragraphs) > count:
            joined = len(paragraphs) - count + 1
            self.report.add(NoteKind.GUESSED, where, f"{len(paragraphs)} paragraphs but {count} owners or dates; "
                            f"the first {joined} paragraphs were read as one action.", paragraphs[0])
            paragraphs = ["\n".join(paragraphs[:joined]), *paragraphs[joined:]]
        for index, text in enumerate(paragraphs):
            owner = owners[index] if index < len(owners) else ""
            target = targets[index] if index < len(targets) else ""
            self._append(Action(text=text, owner=owner, target=target))
        for owner in owners[len(paragraphs):]:
            self.report.add(NoteKind.NOT_IMPORTED, where, "An owner with no matching paragraph of action text.", owner)
        for target in targets[len(paragraphs):]:
            self.report.add(NoteKind.NOT_IMPORTED, where, "A target date with no matching paragraph of action "
                            "text.", target)
        self.spare_paragraphs = False

    def _continue_last(self, paragraphs: list[str], where: str, *, cut_by_page_break: bool = True) -> None:
        if not self._actions:
            self.report.add(NoteKind.GUESSED, where, "Action text with no owner or target date; it was imported "
                            "as an action without them.", paragraphs[0])
            self._append(Action(text="\n".join(paragraphs)))
            return
        text = self._growing_last_text()
        mark = text.mark()
        for paragraph in paragraphs:
            # Lined up beside a blank owner, a paragraph is the same action's next paragraph.
            if cut_by_page_break:
                _continue_growing(text, paragraph)
            else:
                text.append(f"\n{paragraph}")
        # Cleaned as the plan cleans a text it is given, a row at a time, as before.
        text.rewrite_since(mark, clean_text)
        if cut_by_page_break:
                self.report.add(NoteKind.GUESSED, where, f"No owner or date of its own, so it was read as the rest "
                            f"of action {len(self._actions)} of concern {self._number()}, cut by a page break.",
                            paragraphs[0])

    def _owner_only(self, row: PlanRow, owners: list[str], targets: list[str]) -> None:
        owner, target = " ".join(owners), " ".join(targets)
        last = self._actions[-1] if self._actions else None
        if last is not None and not last.owner and not last.target.is_set:
            last.owner, last.target = owner, target  # type: ignore[assignment]
            return
        if last is not None and last.owner == owner and last.target.format() in (target, ""):
            self.report.add(NoteKind.GUESSED, row.where, "Repeats the owner and date of the action above; read "
                            "as part of that action.", f"{owner} {target}")
            return
        if last is not None and self.spare_paragraphs:
            self._settle_action()  # the last action's text is read whole below
        if last is not None and self.spare_paragraphs and "\n" in last.text:
            rest, _, text = last.text.rpartition("\n")
            last.text = rest
            self._append(Action(text=text, owner=owner, target=target))
            self.report.add(NoteKind.GUESSED, row.where, "An owner and date with no action text; the last "
                            "paragraph of the action above was read as their action.", text)
            self.spare_paragraphs = False
            return
        self.report.add(NoteKind.GUESSED, row.where, "An owner and date with no action text; imported as an "
                        "action with no text.", f"{owner} {target}")
        self._append(Action(owner=owner, target=target))

    def _append(self, action: Action) -> None:
        assert self.concern is not None
        self.concern.actions.append(action)

    def _note_unplaced(self, row: PlanRow) -> None:
        for cell in row.unplaced:
            if cell.text:
                self.report.add(NoteKind.NOT_IMPORTED, row.where, "This column is not part of the action plan "
                                "table, so its text has no place in the plan.", shorten(cell.text))


def _first(values: list[str]) -> str:
    return values[0] if values else ""
