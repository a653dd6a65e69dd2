"""A zip archive (a .docx or .xlsx package) whose every entry carries one given time, so the same
report made twice is the same file, byte for byte: nothing in it says when it was made."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from typing import IO, Any

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold."""


def zip_time(day: dt.date) -> tuple[int, int, int, int, int, int]:
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    return max(stamp, _ZIP_EPOCH)


class ReproducibleZip(zipfile.ZipFile):
    """A ``ZipFile`` for writing whose entries are all stamped ``when`` rather than the moment they
    were written (``writestr`` with a name) or the file's own time (``write``)."""

    def __init__(self, file: IO[bytes], when: dt.date) -> None:
        super().__init__(file, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True)
        self._when = zip_time(when)

    def entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self._when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        return info

    def writestr(self, zinfo_or_arcname: str | zipfile.ZipInfo, data: Any,
                 compress_type: int | None = None, compresslevel: int | None = None) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self.entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: str | os.PathLike[str], arcname: str | os.PathLike[str] | None = None,
              compress_type: int | None = None, compresslevel: int | None = None) -> None:
        name = os.fspath(arcname if arcname is not None else filename)
        with open(filename, "rb") as source:
            self.writestr(self.entry(name.lstrip("/")), source.read(), compress_type, compresslevel)
