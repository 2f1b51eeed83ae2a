"""Failures of the machine itself, said plainly at the one exit point (``main.py``) instead of "unexpected …": a
disk that refuses a write (full, a quota used up, a file-size limit) and a database file that is not a database
(cut short, overwritten). Light: Django is asked only when a command has already loaded it."""

from __future__ import annotations

import errno
import sys
from pathlib import Path

from reverie.errors import DatabaseDamaged, ReverieError, StorageFull

DISK_FULL = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
# What SQLite says of a file that is not (or no longer) a whole database, and of a disk it cannot grow on.
_DAMAGED = ("file is not a database", "database disk image is malformed")
_FULL = ("database or disk is full",)


def is_disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk refusing a write: full, over quota or over a file-size limit (EFBIG: Python
    ignores SIGXFSZ, so a write past ``ulimit -f`` fails with it)."""
    return isinstance(exc, OSError) and exc.errno in DISK_FULL


def disk_full(kept: str = "") -> StorageFull:
    """The one message for a full disk; ``kept`` says what became of the text (empty: nothing to say)."""
    tail = f" {kept}" if kept else ""
    return StorageFull(
        "Not saved: the disk is full (or a disk quota or file-size limit was reached). Free some space and try"
        f" again.{tail}"
    )


def _database_file() -> str:
    conf = sys.modules.get("django.conf")
    try:
        name = conf.settings.DATABASES["default"]["NAME"] if conf is not None else ""
    except Exception:
        name = ""
    return str(Path(str(name))) if name else "the database file"


def _is_database_error(exc: BaseException) -> bool:
    return any(cls.__name__ == "DatabaseError" for cls in type(exc).__mro__)


def plain(exc: BaseException) -> ReverieError | None:
    """The project's message for a failure of the disk or of the database file; ``None`` for anything else."""
    if is_disk_full(exc):
        return disk_full()
    if not _is_database_error(exc):
        return None
    said = str(exc).lower()
    if any(words in said for words in _FULL):
        return disk_full()
    if any(words in said for words in _DAMAGED):
        return DatabaseDamaged(
            f"The database file {_database_file()} is damaged (cut short or overwritten) and cannot be read;"
            " nothing was changed. Move it aside (keep it), restore your latest backup with `reverie restore FILE`,"
            ' then run `reverie doctor` to check that every record opens (docs/usage.md, "A damaged database").'
        )
    return None
