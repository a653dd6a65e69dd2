"""The command line's tests use the importers' fixture Word documents."""

from tests.importers.conftest import fixture_documents

__all__ = ["fixture_documents"]
