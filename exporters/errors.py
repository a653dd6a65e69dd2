"""Why an export failed, in words a person can act on (``.message``)."""

from __future__ import annotations

from actionplan.validation import Finding


class ExportError(Exception):
    """An export could not be written. Nothing the user had before has been changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class PlanHasErrors(ExportError):
    """The plan has validation errors and was not exported as a draft."""

    def __init__(self, errors: list[Finding], noun: str = "concern") -> None:
        count = len(errors)
        errors_word = "error" if count == 1 else "errors"
        first = errors[0]
        super().__init__(
            f"The plan has {count} {errors_word}, so it can only be exported as a draft. "
            f"First: {first.location.describe(noun)}: {first.message}"
        )
        self.errors = errors


class TemplateError(ExportError):
    """The chosen Word template cannot be used."""


class LibreOfficeError(ExportError):
    """LibreOffice is missing, failed, or took too long."""
