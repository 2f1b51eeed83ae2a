"""A full disk can fail SQLite with an I/O error, not SQLITE_FULL (review r135 fault 2): with no room left the WAL's
shared-memory file cannot grow, the connect fails with ``SQLITE_IOERR_SHMSIZE``, and every command (``journal
write``, ``journal list``, ``doctor``, ``serve``) said "unexpected OperationalError (incident …)". SHMSIZE is now the
disk-full message (E520), and so is any other SQLite I/O error while the data folder's disk has no room left
(``shutil.disk_usage``, faked here at the edge); an I/O error with room left stays what it was."""

from __future__ import annotations

import shutil
import sqlite3
from collections import namedtuple
from typing import Any

import pytest
from django.db.utils import OperationalError as DjangoOperationalError

from reverie.errors import StorageFull, failure_of

Usage = namedtuple("Usage", "total used free")


def _sqlite_error(message: str, name: str) -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError(message)
    exc.sqlite_errorname = name  # as the sqlite3 module sets it (Python 3.11+)
    return exc


def _as_django(exc: BaseException) -> BaseException:
    wrapped = DjangoOperationalError(*exc.args)
    wrapped.__cause__ = exc
    return wrapped


def _room(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    def usage(path: Any) -> Usage:
        return Usage(4 << 20, (4 << 20) - free, free)

    monkeypatch.setattr(shutil, "disk_usage", usage)


def test_the_shared_memory_file_that_cannot_grow_is_a_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    _room(monkeypatch, 10 << 30)  # said so whatever the disk shows
    for exc in (_sqlite_error("disk I/O error", "SQLITE_IOERR_SHMSIZE"),):
        for seen in (exc, _as_django(exc)):
            said = failure_of(seen)
            assert isinstance(said, StorageFull), seen
            assert said.code == "E520" and "the disk is full" in said.message


def test_any_io_error_on_a_disk_with_no_room_is_a_full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    errors = (
        _sqlite_error("disk I/O error", "SQLITE_IOERR_WRITE"),
        _sqlite_error("disk I/O error", "SQLITE_IOERR"),
        sqlite3.OperationalError("disk I/O error"),  # no result code: the engine's fixed words
    )
    _room(monkeypatch, 0)
    for exc in errors:
        assert isinstance(failure_of(_as_django(exc)), StorageFull), exc
    _room(monkeypatch, 10 << 30)  # room left: an I/O error is not called a full disk
    for exc in errors:
        assert not isinstance(failure_of(_as_django(exc)), StorageFull), exc
