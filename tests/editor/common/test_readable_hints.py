"""Hint text is readable: placeholders and hint lines have at least 4.5:1 contrast against
their background (WCAG AA), worked out from the palette, so a dark theme gets light hints."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from editor.common.readable_hints import ERROR_RED, MIN_CONTRAST, contrast_ratio, hint_colour, readable_colour
from editor.table.columns import Column
from editor.table.owner_editor import OwnerComboBox
from editor.table.target_date_editor import TargetDateEditor
from editor.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "This plugin does not support")

# Screenshots for a person to look at; HELPER_EVIDENCE chooses where.
EVIDENCE = Path(os.environ.get("HELPER_EVIDENCE", Path(tempfile.gettempdir()) / "actionplan-test-screens"))
HINT = "Enter keeps the target date. Esc cancels."
ROLE = QPalette.ColorRole

colours = st.builds(QColor.fromRgb, st.integers(0, 255), st.integers(0, 255), st.integers(0, 255))


def test_contrast_ratio_matches_wcag_figures() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)
    # What Qt draws by default: black text at half strength on white, about 3.9:1, too faint.
    assert contrast_ratio(QColor.fromRgb(127, 127, 127), QColor("white")) < MIN_CONTRAST


@given(text=colours, background=colours)
def test_a_hint_is_readable_and_no_stronger_than_the_text(text: QColor, background: QColor) -> None:
    hint = hint_colour(text, background)
    ratio = contrast_ratio(text, background)
    if ratio >= MIN_CONTRAST:
        assert contrast_ratio(hint, background) >= MIN_CONTRAST
    assert contrast_ratio(hint, background) <= ratio + 1e-9


@given(background=colours)
def test_error_red_is_readable_on_any_background_where_text_is(background: QColor) -> None:
    text = max((QColor("black"), QColor("white")), key=lambda colour: contrast_ratio(colour, background))
    red = readable_colour(ERROR_RED, background, text)
    assert contrast_ratio(red, background) >= min(MIN_CONTRAST, contrast_ratio(text, background))


def feedback_label(editor: TargetDateEditor) -> QLabel:
    return next(label for label in editor.findChildren(QLabel) if label.text().startswith("Not understood"))


def assert_readable_red(editor: TargetDateEditor) -> None:
    colour, background = drawn_colours(feedback_label(editor))
    assert contrast_ratio(colour, background) >= MIN_CONTRAST
    assert colour.red() > colour.green() + 40, f"{colour.name()} should still look red"


def placeholder_contrast(field: QLineEdit) -> float:
    palette = field.palette()
    return contrast_ratio(palette.color(ROLE.PlaceholderText), palette.color(ROLE.Base))


def hint_label_of(editor: TargetDateEditor) -> QLabel:
    return next(label for label in editor.findChildren(QLabel) if label.text() == HINT)


def drawn_colours(label: QLabel) -> tuple[QColor, QColor]:
    """The colours ``label`` is drawn in: in a table cell editor text on base, elsewhere
    window text on window."""
    palette = label.palette()
    return palette.color(label.foregroundRole()), palette.color(label.backgroundRole())


def hint_contrast(editor: TargetDateEditor) -> float:
    return contrast_ratio(*drawn_colours(hint_label_of(editor)))


def open_target_cell(window: MainWindow, qtbot: QtBot) -> TargetDateEditor:
    table = window.table
    index = table.model().index(1, Column.TARGET)
    table.select_cell(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.indexWidget(index)
    assert isinstance(editor, TargetDateEditor)
    return editor


def test_placeholders_in_the_window_are_readable(window: MainWindow, qtbot: QtBot) -> None:
    window.table.select_cell(window.table.model().index(1, Column.CONCERN))
    reference = window.inspector.reference
    assert reference.placeholderText() == "Automatic: 1"
    assert placeholder_contrast(reference) >= MIN_CONTRAST
    assert placeholder_contrast(window.details.establishment) >= MIN_CONTRAST
    window.table.select_cell(window.table.model().index(1, Column.OWNER))
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    owner = window.table.indexWidget(window.table.currentIndex())
    assert isinstance(owner, OwnerComboBox)
    line = owner.lineEdit()
    assert line is not None
    assert placeholder_contrast(line) >= MIN_CONTRAST


def test_the_target_cell_hint_is_readable_and_not_disabled(window: MainWindow, qtbot: QtBot) -> None:
    editor = open_target_cell(window, qtbot)
    label = hint_label_of(editor)
    assert label.isEnabled()
    assert hint_contrast(editor) >= MIN_CONTRAST
    # Quieter than ordinary text, so it still reads as a hint.
    label = hint_label_of(editor)
    assert hint_contrast(editor) < contrast_ratio(QApplication.palette().color(label.foregroundRole()),
                                                  label.palette().color(label.backgroundRole()))
    assert placeholder_contrast(editor.line_edit()) >= MIN_CONTRAST
    editor.line_edit().setText("Dec 26")
    assert_readable_red(editor)
    assert drawn_colours(feedback_label(editor))[0] == ERROR_RED  # on a light theme, as before
    EVIDENCE.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(EVIDENCE / "target-date-not-understood-light.png"))
    editor.line_edit().clear()
    QApplication.processEvents()
    editor.grab().save(str(EVIDENCE / "target-date-hint-light.png"))


def dark_palette() -> QPalette:
    palette = QPalette(QColor("#2b2b2b"))  # a dark window colour; Qt derives the rest
    for role, colour in ((ROLE.Window, "#2b2b2b"), (ROLE.Base, "#1e1e1e"), (ROLE.Text, "#f0f0f0"),
                         (ROLE.WindowText, "#f0f0f0"), (ROLE.Button, "#3a3a3a"), (ROLE.ButtonText, "#f0f0f0")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture
def dark_theme(qapp: QApplication) -> Iterator[None]:
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield
    qapp.setPalette(before)


def test_hints_follow_a_dark_theme(dark_theme: None, window: MainWindow, qtbot: QtBot) -> None:
    editor = open_target_cell(window, qtbot)
    label = hint_label_of(editor)
    assert hint_contrast(editor) >= MIN_CONTRAST
    assert drawn_colours(label)[0].lightness() > 128, "light hints on a dark background"
    window.table.select_cell(window.table.model().index(1, Column.CONCERN))
    assert placeholder_contrast(window.inspector.reference) >= MIN_CONTRAST
    editor = open_target_cell(window, qtbot)
    editor.line_edit().setText("Dec 26")
    assert_readable_red(editor)
    editor.grab().save(str(EVIDENCE / "target-date-not-understood-dark.png"))
    editor.line_edit().clear()
    QApplication.processEvents()
    editor.grab().save(str(EVIDENCE / "target-date-hint-dark.png"))


def test_hints_are_worked_out_again_when_the_theme_changes(window: MainWindow, qtbot: QtBot, qapp: QApplication) -> None:
    editor = open_target_cell(window, qtbot)
    light = drawn_colours(hint_label_of(editor))[0]
    before = QPalette(qapp.palette())
    try:
        qapp.setPalette(dark_palette())
        QApplication.processEvents()
        dark = drawn_colours(hint_label_of(editor))[0]
        assert dark.lightness() > light.lightness()
        assert hint_contrast(editor) >= MIN_CONTRAST
        assert placeholder_contrast(window.inspector.reference) >= MIN_CONTRAST
        editor.line_edit().setText("Dec 26")
        assert_readable_red(editor)
        qapp.setPalette(before)
        QApplication.processEvents()
        assert_readable_red(editor)
        assert drawn_colours(feedback_label(editor))[0] == ERROR_RED
    finally:
        qapp.setPalette(before)
