"""Hand-made fakes for editor tests: a prompter that answers from a script."""

from __future__ import annotations

from collections import deque
from typing import Any


class UnexpectedQuestion(AssertionError):
    pass


class ScriptedPrompter:
    """Answers each question from a queue given in advance, and records every question asked.

    A question with no answer queued fails the test at once, so no test can hang on a dialog."""

    def __init__(self) -> None:
        self._answers: dict[str, deque[Any]] = {}
        self.asked: list[tuple[str, tuple[Any, ...]]] = []

    def script(self, question: str, *answers: Any) -> ScriptedPrompter:
        self._answers.setdefault(question, deque()).extend(answers)
        return self

    def questions(self, question: str) -> list[tuple[Any, ...]]:
        return [arguments for asked, arguments in self.asked if asked == question]

    def unanswered(self) -> dict[str, list[Any]]:
        return {question: list(queue) for question, queue in self._answers.items() if queue}

    def _answer(self, question: str, *arguments: Any) -> Any:
        self.asked.append((question, arguments))
        queue = self._answers.get(question)
        if not queue:
            raise UnexpectedQuestion(f"the editor asked {question}{arguments!r} with no answer scripted")
        answer = queue.popleft()
        return answer(*arguments) if callable(answer) else answer

    def ask_save_changes(self, name: str) -> Any:
        return self._answer("ask_save_changes", name)

    def confirm_revert(self, name: str) -> Any:
        return self._answer("confirm_revert", name)

    def choose_open_path(self, folder: Any) -> Any:
        return self._answer("choose_open_path", folder)

    def choose_save_path(self, suggested: Any) -> Any:
        return self._answer("choose_save_path", suggested)

    def show_error(self, title: str, message: str) -> None:
        self._answer("show_error", title, message)

    def offer_save_as(self, message: str) -> Any:
        return self._answer("offer_save_as", message)

    def ask_restore(self, entries: Any) -> Any:
        return self._answer("ask_restore", list(entries))

    def offer_import_word(self, name: str) -> Any:
        return self._answer("offer_import_word", name)

    def ask_locked(self, name: str, info: Any) -> Any:
        return self._answer("ask_locked", name, info)

    def ask_outside_change(self, name: str, modified: bool) -> Any:
        return self._answer("ask_outside_change", name, modified)

    def confirm_replace_locked(self, name: str, info: Any) -> Any:
        return self._answer("confirm_replace_locked", name, info)

    def confirm_save_over_outside_change(self, name: str) -> Any:
        return self._answer("confirm_save_over_outside_change", name)

    def ask_user_name(self, current: str) -> Any:
        return self._answer("ask_user_name", current)
