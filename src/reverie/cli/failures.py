"""Failures of the machine itself, said plainly at the one exit point (``main.py``) instead of "unexpected …": a
disk that refuses a write (full, a quota used up, a file-size limit), a database that is busy (locked by another
writer) and a database file that is not a database (cut short, overwritten). The classification is
:func:`reverie.errors.failure_of`, the same one the web's error handling asks; this module only names it for the
command line. Light: Django is asked only when a command has already loaded it."""

from __future__ import annotations

from reverie.errors import DISK_FULL_ERRNOS as DISK_FULL
from reverie.errors import disk_full, failure_of, is_disk_full

plain = (
    failure_of  # the project's message for a failure of the disk or the database; ``None`` for anything else
)

__all__ = ["DISK_FULL", "disk_full", "is_disk_full", "plain"]
