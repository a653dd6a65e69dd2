"""Hint text people can read: placeholders ("Automatic: 1", "Type or choose a role") and
hint lines ("Enter keeps the target date. Esc cancels.") at least 4.5:1 against their
background (WCAG AA), still a little fainter than the text typed.

Qt draws placeholders in the text colour at half strength (about 3.9:1 on white) and disabled
labels fainter still (about 1.6:1). The colours here are worked out from the palette's own
text and background, so a dark theme gets light hints, and they are worked out again when the
theme changes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

MIN_CONTRAST = 4.5
"""WCAG 2 AA for normal text."""
_AIM = MIN_CONTRAST + 0.15
"""A little over, so rounding in a screenshot's colours never takes a hint under 4.5:1."""
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of an opaque colour."""
    return 0.2126 * _channel(colour.redF()) + 0.7152 * _channel(colour.greenF()) + 0.0722 * _channel(colour.blueF())


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _mix(text: QColor, background: QColor, share: float) -> QColor:
    """``text`` with ``share`` of ``background`` mixed in."""
    def blend(a: float, b: float) -> float:
        return a * (1 - share) + b * share
    return QColor.fromRgbF(blend(text.redF(), background.redF()), blend(text.greenF(), background.greenF()),
                           blend(text.blueF(), background.blueF()))


def hint_colour(text: QColor, background: QColor) -> QColor:
    """The faintest mix of ``text`` towards ``background`` (at most half way) that keeps at
    least 4.5:1 against ``background``; ``text`` itself if even that is not enough."""
    text, background = QColor(text.rgb()), QColor(background.rgb())  # opaque
    share = 0.5
    while share > 0:
        colour = _mix(text, background, share)
        if contrast_ratio(colour, background) >= _AIM:
            return colour
        share = round(share - 0.02, 2)
    return text


class _FollowTheme(QObject):
    """Works a widget's hint colours out again when the theme changes: a window hears of it as
    an application palette change, the widgets in it as a palette change."""

    def __init__(self, widget: QWidget, apply: Callable[[QWidget], None]) -> None:
        super().__init__(widget)
        self._apply = apply
        self._applying = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _THEME_EVENTS and isinstance(watched, QWidget) and not self._applying:
            self._applying = True  # our own setPalette sends a palette change too
            try:
                self._apply(watched)
            finally:
                self._applying = False
        return False


_THEME_EVENTS = (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange)


def make_placeholders_readable(widget: QWidget) -> None:
    """Placeholders in ``widget`` and every widget in it (not separate windows) readable."""
    if widget.findChild(_FollowTheme, "placeholders") is None:
        _FollowTheme(widget, _apply_placeholders).setObjectName("placeholders")
    _apply_placeholders(widget)


def _apply_placeholders(widget: QWidget) -> None:
    theme = QApplication.palette(widget)  # not the widget's own, which may lag the theme
    palette = QPalette(widget.palette())
    for group in _GROUPS:
        palette.setColor(group, QPalette.ColorRole.PlaceholderText,
                         hint_colour(theme.color(group, QPalette.ColorRole.Text),
                                     theme.color(group, QPalette.ColorRole.Base)))
    _set_if_changed(widget, palette, QPalette.ColorRole.PlaceholderText)


def _set_if_changed(widget: QWidget, palette: QPalette, role: QPalette.ColorRole) -> None:
    current = widget.palette()
    if any(current.color(group, role) != palette.color(group, role) for group in _GROUPS) \
            or not current.isBrushSet(QPalette.ColorGroup.Active, role):
        widget.setPalette(palette)


def hint_label(text: str, parent: QWidget) -> QLabel:
    """A line of help under a field: quieter than the field's label, still readable."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    _FollowTheme(label, _apply_hint_label)
    _apply_hint_label(label)
    return label


def _apply_hint_label(label: QWidget) -> None:
    _colour_text(label, lambda text, background: hint_colour(text, background))


def _colour_text(widget: QWidget, colour_of: Callable[[QColor, QColor], QColor]) -> None:
    """Set the colour ``widget`` draws its text in, from the theme's colours for the roles it
    draws with: inside a table cell editor those are text on base (white), elsewhere window
    text on window (grey)."""
    theme = QApplication.palette(widget)  # not the widget's own, which holds the last colour
    foreground, background = widget.foregroundRole(), widget.backgroundRole()
    palette = QPalette(widget.palette())
    for group in _GROUPS:
        palette.setColor(group, foreground, colour_of(theme.color(group, foreground), theme.color(group, background)))
    _set_if_changed(widget, palette, foreground)


ERROR_RED = QColor("#b10e1e")
"""GOV.UK's error red, readable on a light background (about 6.8:1 on the usual grey)."""
_ERROR = "actionplan_error_text"


def readable_colour(colour: QColor, background: QColor, text: QColor) -> QColor:
    """``colour`` if it has 4.5:1 against ``background``, else ``colour`` mixed towards
    ``text`` until it has: a dark theme gets a lighter red, not dark red on dark grey."""
    colour, background, text = QColor(colour.rgb()), QColor(background.rgb()), QColor(text.rgb())
    share = 0.0
    while share <= 1:
        mixed = _mix(colour, text, share)
        if contrast_ratio(mixed, background) >= _AIM:
            return mixed
        share = round(share + 0.05, 2)
    return text


def show_as_error(label: QLabel, error: bool) -> None:
    """Draw ``label`` in a readable error red, or in ordinary text colour, following the theme."""
    label.setProperty(_ERROR, error)
    if label.findChild(_FollowTheme, "error") is None:
        _FollowTheme(label, _apply_error).setObjectName("error")
    _apply_error(label)


def _apply_error(label: QWidget) -> None:
    error = bool(label.property(_ERROR))
    _colour_text(label, lambda text, background: readable_colour(ERROR_RED, background, text) if error else text)
