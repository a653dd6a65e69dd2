"""Matching a returned row to its action by the words it shows, for any words and any order."""

from __future__ import annotations

from random import Random

from hypothesis import given
from hypothesis import strategies as st

from actionplan.form_answers import AnsweredRow
from actionplan.form_row_checks import FormActions, match_row, typed_in_unread_columns, words_key
from actionplan.model import Action
from actionplan.update_forms import Answer, Shown

texts = st.text(min_size=1, max_size=200)


@given(texts)
def test_an_action_s_own_words_always_match_it(text: str) -> None:
    action = Action(text=text)
    shown = {Shown.ACTION: " \n".join(text.split()).upper()}  # as a spreadsheet might give it back
    row = AnsweredRow(2, action.id, {Answer.PROGRESS_UPDATE: "x"}, shown)
    assert match_row(row, action, FormActions([action], {})).action is action


@given(st.lists(texts.filter(lambda text: words_key(text) != ""), min_size=2, max_size=8,
                unique_by=words_key), st.randoms())
def test_rows_whose_ids_stayed_behind_reach_the_action_whose_words_they_show(words: list[str], random: Random) -> None:
    actions = [Action(text=text) for text in words]
    shuffled = list(actions)
    random.shuffle(shuffled)
    in_form = FormActions(actions, {})
    for id_left, words_moved in zip(actions, shuffled, strict=True):
        row = AnsweredRow(2, id_left.id, {Answer.PROGRESS_UPDATE: "news"}, {Shown.ACTION: words_moved.text})
        assert match_row(row, id_left, in_form).action is words_moved


@given(st.text(max_size=60))
def test_whatever_is_in_the_status_column_never_raises(typed: str) -> None:
    action = Action(text="Train staff.")
    row = AnsweredRow(2, action.id, {}, {Shown.STATUS: typed, Shown.CURRENT_TARGET: typed})
    problems = typed_in_unread_columns(row, action)
    assert all(isinstance(problem, str) and problem for problem in problems)
