"""Find and replace across the plan: counts, whole words, case, replace one, replace all as one
undo step, and target dates parsed after a replacement."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from actionplan.model import STANDARD_INTRODUCTION
from actionplan.target_date import TargetDate
from editor.edits import commands
from editor.edits.commands import FieldRef
from editor.edits.document import PlanDocument
from editor.panes.find_replace import (
    cased_like,
    describe_count,
    find_matches,
    pattern_for,
    replacements,
    searchable_fields,
)
from editor.table.columns import Column
from editor.window.main_window import MainWindow
from tests.editor.table_fixtures import small_plan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def test_counts_matches_in_every_field(document: PlanDocument) -> None:
    matches = find_matches(document.plan, pattern_for("head of"))
    assert describe_count(matches) == "2 matches in 2 places"
    assert {m.ref.field for m in matches} == {"owner"}
    assert describe_count(find_matches(document.plan, pattern_for("2026"))) == "1 match in 1 place"
    # The establishment, and the introduction's "HMPPS" twice.
    assert describe_count(find_matches(document.plan, pattern_for("HMP"))) == "3 matches in 2 places"


def test_case_and_whole_words(document: PlanDocument) -> None:
    assert len(find_matches(document.plan, pattern_for("train", match_case=True))) == 0
    assert len(find_matches(document.plan, pattern_for("Train", match_case=True))) == 1
    assert len(find_matches(document.plan, pattern_for("cell", whole_words=True))) == 0
    assert len(find_matches(document.plan, pattern_for("cells", whole_words=True))) == 1


def test_replacing_in_a_target_parses_it(document: PlanDocument) -> None:
    pattern = pattern_for("2026")
    assert pattern is not None
    values = replacements(document.plan, pattern, "2027")
    assert [value for _, value in values] == [TargetDate.of_month(2027, 12)]


MARK = "§"


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters=MARK), min_size=1, max_size=5),
       st.booleans(), st.booleans())
def test_replace_all_replaces_every_match_and_undoes(find: str, match_case: bool, whole_words: bool) -> None:
    document = PlanDocument(small_plan())
    start = document.plan.model_copy(deep=True)
    pattern = pattern_for(find, match_case, whole_words)
    assert pattern is not None
    expected = len(find_matches(document.plan, pattern))
    values = replacements(document.plan, pattern, MARK)
    if values:
        document.undo_stack.push(commands.ReplaceAll(document, values))
    marks = sum(text.count(MARK) for _, text in searchable_fields(document.plan))
    # Replace all leaves the standard introduction as HMPPS wrote it.
    kept = len(pattern.findall(STANDARD_INTRODUCTION))
    assert marks == expected - kept
    assert document.undo_stack.count() == (1 if expected - kept else 0)
    document.undo_stack.undo()
    assert document.plan == start


def test_dialog_finds_replaces_and_undoes_in_one_step(window: MainWindow, qtbot: QtBot) -> None:
    window.find_action.trigger()
    dialog = window.find_replace
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.find_text, "Head of")
    assert dialog.count.text() == "2 matches in 2 places"
    qtbot.keyClick(dialog.find_text, Qt.Key.Key_Return)
    index = window.table.currentIndex()
    assert (index.row(), index.column()) == (1, Column.OWNER)
    dialog.replace_text.setText("Deputy Head of")
    dialog.replace_button.click()
    assert window.document.plan.concerns[0].actions[0].owner == "Deputy Head of Security"
    assert window.table.currentIndex().row() == 3  # moved on to the next match
    before = window.document.undo_stack.count()
    dialog.find_text.setText("Deputy ")
    dialog.replace_text.setText("")
    assert dialog.replace_all() == 1
    assert window.document.undo_stack.count() == before + 1
    assert dialog.count.text().startswith("Replaced 1 match.")
    window.document.undo_stack.undo()
    assert window.document.plan.concerns[0].actions[0].owner == "Deputy Head of Security"
    dialog.close()


# Showing the match -------------------------------------------------------------------------


def _open_find(window: MainWindow, qtbot: QtBot, text: str):  # type: ignore[no-untyped-def]
    window.find_action.trigger()
    dialog = window.find_replace
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.find_text, text)
    return dialog


def test_find_next_opens_the_cell_with_the_found_word_selected(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractItemView, QPlainTextEdit

    dialog = _open_find(window, qtbot, "freely")
    steps = window.document.undo_stack.count()
    qtbot.keyClick(dialog.find_text, Qt.Key.Key_Return)
    table = window.table
    index = table.currentIndex()
    assert index.column() == Column.CONCERN
    assert table.state() == QAbstractItemView.State.EditingState
    editor = table.indexWidget(index)
    assert isinstance(editor, QPlainTextEdit)
    assert editor.textCursor().selectedText() == "freely"
    assert table.viewport().rect().intersects(table.visualRect(index))  # scrolled into view
    assert QApplication.focusWidget() is dialog.find_text  # typing stays in Find
    assert window.document.undo_stack.count() == steps  # looking changes nothing
    dialog.close()


def test_find_next_in_an_owner_and_a_target_selects_the_match_there(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_find(window, qtbot, "Security")
    dialog.find_next(+1)
    editor = window.table.indexWidget(window.table.currentIndex())
    line = editor.lineEdit()  # type: ignore[union-attr]
    assert line.selectedText() == "Security"
    dialog.find_text.setText("2026")
    dialog.find_next(+1)
    index = window.table.currentIndex()
    assert index.column() == Column.TARGET
    editor = window.table.indexWidget(index)
    assert editor.line_edit().selectedText() == "2026"  # type: ignore[union-attr]
    assert window.document.undo_stack.count() == 0
    dialog.close()


def test_moving_from_match_to_match_keeps_one_editor_and_no_undo_steps(window: MainWindow, qtbot: QtBot) -> None:
    from editor.table.text_editor import PlanTextEdit

    dialog = _open_find(window, qtbot, "e")
    for _ in range(12):
        qtbot.keyClick(dialog.find_text, Qt.Key.Key_Return)
        assert len([e for e in window.table.findChildren(PlanTextEdit) if e.isVisible()]) <= 1
    assert window.document.undo_stack.count() == 0
    dialog.close()


def test_find_in_the_establishment_selects_it_in_plan_details(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_find(window, qtbot, "Testing")
    dialog.find_next(+1)
    assert window.details.establishment.selectedText() == "Testing"
    dialog.close()


def test_replace_with_an_editor_open_on_the_match_replaces_once(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_find(window, qtbot, "Train")
    dialog.find_next(+1)
    dialog.replace_text.setText("Coach")
    dialog.replace_button.click()
    assert window.document.plan.concerns[0].actions[1].text == "Coach staff."
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.document.plan.concerns[0].actions[1].text == "Train staff."
    dialog.close()


def test_a_read_only_plan_shows_the_match_by_selecting_its_cell(window: MainWindow, qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QAbstractItemView

    window.document.set_read_only(True)
    dialog = _open_find(window, qtbot, "Visits")
    dialog.find_next(+1)
    assert window.table.currentIndex().data() == "Visits started late."
    assert window.table.state() != QAbstractItemView.State.EditingState
    dialog.close()


def test_the_find_dialog_s_access_keys_are_all_different(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in window.find_replace.findChildren(QLabel) + window.find_replace.findChildren(QAbstractButton)]
    keys = [text[text.index("&") + 1].lower() for text in texts if "&" in text]
    assert len(keys) >= 8
    assert len(keys) == len(set(keys)), keys


# Keeping the case of what is replaced, and the introduction -----------------------------------


def _type_texts(window: MainWindow, texts: dict[FieldRef, str]) -> None:
    for ref, text in texts.items():
        window.document.undo_stack.push(commands.SetField(window.document, ref, text))


def _prisoner_texts(window: MainWindow) -> dict[str, FieldRef]:
    plan = window.document.plan
    first, second = plan.concerns[0], plan.concerns[1]
    refs = {
        "capital": FieldRef(first.id, None, "text"),
        "lower": FieldRef(first.id, first.actions[0].id, "text"),
        "caps": FieldRef(second.id, second.actions[0].id, "text"),
        "introduction": FieldRef(None, None, "introduction"),
    }
    _type_texts(window, {
        refs["capital"]: "Prisoners waited too long for visits.",
        refs["lower"]: "Ask prisoners each month.",
        refs["caps"]: "Survey PRISONERS and staff.",
        refs["introduction"]: "Our plan for prisoners.",
    })
    return refs


def test_replace_all_keeps_the_case_of_each_word_it_replaces(window: MainWindow, qtbot: QtBot) -> None:
    refs = _prisoner_texts(window)
    steps = window.document.undo_stack.count()
    dialog = _open_find(window, qtbot, "prisoners")
    assert dialog.count.text() == "4 matches in 4 places"  # the introduction is searched too
    qtbot.keyClicks(dialog.replace_text, "men")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    plan = window.document.plan
    assert refs["capital"].read(plan) == "Men waited too long for visits."
    assert refs["lower"].read(plan) == "Ask men each month."
    assert refs["caps"].read(plan) == "Survey MEN and staff."
    assert refs["introduction"].read(plan) == "Our plan for men."
    assert window.document.undo_stack.count() == steps + 1
    dialog.close()


def test_replace_one_keeps_the_case_and_match_case_replaces_as_typed(window: MainWindow, qtbot: QtBot) -> None:
    refs = _prisoner_texts(window)
    dialog = _open_find(window, qtbot, "prisoners")
    qtbot.keyClicks(dialog.replace_text, "men")
    qtbot.keyClick(dialog.find_text, Qt.Key.Key_Return)  # the introduction comes first
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    plan = window.document.plan
    assert refs["introduction"].read(plan) == "Our plan for men."
    assert refs["capital"].read(plan) == "Men waited too long for visits."
    dialog.match_case.setChecked(True)
    dialog.find_text.setText("PRISONERS")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert refs["caps"].read(plan) == "Survey men and staff."
    dialog.close()


def test_find_next_shows_a_match_in_the_introduction_selected_in_plan_details(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_find(window, qtbot, "outcome focussed")
    assert dialog.count.text() == "1 match in 1 place"
    qtbot.keyClick(dialog.find_text, Qt.Key.Key_Return)
    assert window.details_dock.isVisible()
    assert window.details.introduction.textCursor().selectedText() == "outcome focussed"
    dialog.close()


def test_replace_all_leaves_the_standard_introduction_as_hmpps_wrote_it(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.document.plan
    _type_texts(window, {FieldRef(plan.concerns[0].id, None, "text"): "Prisoners were locked up."})
    dialog = _open_find(window, qtbot, "prisoners")
    assert dialog.count.text() == "2 matches in 2 places"
    qtbot.keyClicks(dialog.replace_text, "men")
    qtbot.mouseClick(dialog.replace_all_button, Qt.MouseButton.LeftButton)
    assert plan.details.introduction == STANDARD_INTRODUCTION
    assert plan.concerns[0].text == "Men were locked up."
    assert dialog.count.text() == (
        "Replaced 1 match. The standard introduction is left as HMPPS wrote it. 1 match in 1 place left.")
    dialog.close()


_CASED = st.text(alphabet=st.sampled_from("abcdefgxyzABCDEFGXYZ éÉ-1"), min_size=1, max_size=12)


@given(found=_CASED, replacement=_CASED)
def test_a_replacement_takes_the_case_of_what_it_replaces(found: str, replacement: str) -> None:
    result = cased_like(found, replacement)
    assert result.lower() == replacement.lower()  # only the case ever changes
    letters = [c for c in found if c.lower() != c.upper()]
    if not letters or letters[0].islower():
        assert result == replacement
    elif len(letters) > 1 and all(c.isupper() for c in letters):
        assert result == replacement.upper()
    else:  # capitalised: only the replacement's first letter changes, to a capital
        first = next((n for n, c in enumerate(replacement) if c.lower() != c.upper()), None)
        changed = [n for n, (a, b) in enumerate(zip(result, replacement, strict=True)) if a != b]
        assert changed in ([], [first])
        assert first is None or result[first].isupper()
