"""SQLite's "unable to open database file" and "attempt to write a readonly database" are told by their result code
(``SQLITE_CANTOPEN``, ``SQLITE_READONLY`` and their extended codes) as :class:`reverie.errors.StorageRefused`
(E550) by the one classification, ``errors.failure_of`` (review r124): before, ``failure_of`` did not know them, so
the command line said "unexpected OperationalError (incident …)", exit 70, and the API a 500. The web and the API
say it without the server's path. Real SQLite errors: a database opened read-only, a folder that is not there."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connections
from django.db.utils import OperationalError as DjangoOperationalError
from django.test import Client

from database_down import take_down
from reverie.errors import StorageRefused, failure_of


def _raised(action: Any) -> BaseException:
    try:
        action()
    except sqlite3.Error as exc:
        return exc
    raise AssertionError("SQLite took it")


def _as_django(exc: BaseException) -> BaseException:
    """Django's wrapping of a driver's error (``DatabaseErrorWrapper``): the same class name, the driver's as cause."""
    wrapped = DjangoOperationalError(*exc.args)
    wrapped.__cause__ = exc
    return wrapped


def test_a_read_only_or_missing_database_is_storage_refused(tmp_path: Path) -> None:
    made = sqlite3.connect(tmp_path / "reverie.sqlite3")
    made.execute("CREATE TABLE t (x)")
    made.close()
    read_only = sqlite3.connect(f"file:{tmp_path / 'reverie.sqlite3'}?mode=ro", uri=True)
    try:
        refused_write = _raised(lambda: read_only.execute("INSERT INTO t VALUES (1)"))
    finally:
        read_only.close()
    cannot_open = _raised(lambda: sqlite3.connect(tmp_path / "missing" / "reverie.sqlite3"))
    for exc in (refused_write, cannot_open):
        for seen in (exc, _as_django(exc)):
            said = failure_of(seen)
            assert isinstance(said, StorageRefused), (exc, said)
            assert said.code == "E550" and said.exit_code == 14
            assert "read-only" in said.message and "unexpected" not in said.message


@pytest.fixture
def folder_gone(django_db_blocker: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The database's folder is not there (SQLite cannot open the file: ``SQLITE_CANTOPEN``)."""
    with django_db_blocker.unblock():
        take_down(monkeypatch, tmp_path)
        yield tmp_path
        for conn in connections.all():
            conn.close()


@pytest.mark.db
def test_the_web_and_the_api_say_it_without_a_server_path(folder_gone: Path) -> None:
    if connections["default"].vendor != "sqlite":
        pytest.skip("SQLite's own file")
    client = Client(raise_request_exception=False)
    api = client.get("/api/v1/entries", HTTP_AUTHORIZATION="Bearer rv_" + "a" * 43)  # looked up: the database
    assert api.status_code == 503, api.content
    error = api.json()["error"]
    assert error["code"] == "E550" and "data folder" in error["message"]
    assert str(folder_gone) not in error["message"]
    page = client.get("/")  # the home page asks the database (is there an account yet?)
    assert page.status_code == 503 and "cannot open or write its data folder" in page.content.decode()
    assert str(folder_gone) not in page.content.decode()
