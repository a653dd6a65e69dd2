"""Help ▸ Writing SMART actions (what HMIP looks for in an action, in plain words) and Help ▸
About (the version, for when someone asks which one you have). Both fit a 1024 by 700 screen.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from actionplan import APP_NAME, __version__
from editor.common.screen_fit import fit_to_screen

SMART_TITLE = "Writing SMART actions"
SMART_SIZE = QSize(720, 640)

SMART_GUIDANCE = """
<h1>Writing SMART actions</h1>
<p>HMIP reads every action to see whether it will put the concern right. The plan's own
introduction asks for actions that are clear, measurable, achievable and relevant, and that
say what outcome they aim for. The owner and timescale of each step must be clear. SMART is a
short way to remember this.</p>

<h2>Specific</h2>
<p>Say exactly what will be done and what will change. Use a real verb and object, such as
“The safety team will analyse every violent incident each week.”</p>
<p>“Will review”, “will consider” or “explore the possibility of” are vague on their own.
If you review something, say what the review will lead to.</p>

<h2>Measurable</h2>
<p>Say how you will know it has worked, and where that will be seen. For example: “monitored
through the monthly quality improvement group”, “a daily recording sheet” or “a minimum of
fortnightly contact”.</p>

<h2>Achievable and realistic</h2>
<p>Promise what the establishment can do with the staff and money it has. If an action
depends on someone else, such as HMPPS Estates or the education provider, say so.</p>

<h2>Time-bound</h2>
<p>Give every action a target date: a month and year, such as December 2026, or Completed.
“Ongoing” on its own gives no timescale. A date before the plan is submitted is wrong, unless
the action is already completed.</p>

<h2>Owned</h2>
<p>Give every action one responsible owner, and make it a role, not a person: “Head of Safety”,
not “Mr Smith”. The plan is published on GOV.UK and outlives staff changes.</p>

<h2>Relevant</h2>
<p>Answer the concern in front of you. If an action also answers another concern, refer to it
by its number. For example: “(see actions in priority concern 3)”. Check that concern is in
the plan.</p>

<h2>Evidence, not assurances</h2>
<p>About 8 to 12 months after the inspection, HMIP's independent review of progress looks for
evidence that each action happened and made a difference. Write actions whose results someone
can show.</p>

<h2>Plain words</h2>
<p>Keep sentences to 25 words or fewer, spell out an abbreviation the first time you use it,
and write dates as 22 June 2026.</p>

<p>The editor checks for many of these as you type: vague actions, actions with no measure of
success, missing owners and dates, and more. The Problems list shows them all.</p>
"""
"""In the words of the people who use it; from what HMIP and HMPPS ask of an action plan."""


class SmartGuidanceDialog(QDialog):
    """Help ▸ Writing SMART actions: the guidance, to read beside the plan (not modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(SMART_TITLE)
        self.setAccessibleName(SMART_TITLE)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(SMART_TITLE)
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(SMART_GUIDANCE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, SMART_SIZE)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)  # arrows and Page Down scroll it


def about_text() -> str:
    return (f"{APP_NAME}, version {__version__}\n\n"
            "For drafting the action plan that answers an HM Inspectorate of Prisons inspection "
            "report, checking it as you type, and exporting it as the GOV.UK Word document.\n\n"
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide {PySide6.__version__}.")


def about_box(parent: QWidget | None) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setIcon(QMessageBox.Icon.Information)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(about_text())
    box.addButton(QMessageBox.StandardButton.Close)
    return box
