"""Words for a failed save, as the editor shows them when it offers Save As.

The storage layer already tells the causes apart (a folder that cannot be written, a full
disk, a file that is read-only or open in another program such as Word), so the command line
and the editor say the same thing. This adapter is the one place the editor could add words
of its own.
"""

from __future__ import annotations

from actionplan.file_errors import PlanSaveError


def explain_save_failure(error: PlanSaveError) -> str:
    return error.message
