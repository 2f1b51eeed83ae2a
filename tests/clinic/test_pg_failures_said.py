"""On PostgreSQL: the failures a clinic's database server gives (psycopg's own classes, wrapped by
Django as a real query would be) are said plainly by ``errors.failure_of`` (the CLI's and the web's one
classification) and by the API, never as "unexpected"."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import psycopg
import psycopg.errors as pg
import pytest
from django.db import connection, transaction

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

from reverie.clinic.services import journal
from reverie.errors import DatabaseBusy, StorageFull, failure_of

pytestmark = pytest.mark.db


def _as_django_raises(exc: Exception) -> Exception:
    """``exc`` as Django hands it on from a query: its own class of the same name, the driver's as the cause."""
    try:
        with connection.wrap_database_errors:
            raise exc
    except Exception as wrapped:
        return wrapped
    raise AssertionError("not raised")


SERVER_BUSY = [
    pg.TooManyConnections("sorry, too many clients already"),
    pg.TooManyConnections("remaining connection slots are reserved for roles with the SUPERUSER attribute"),
    pg.CannotConnectNow("the database system is not yet accepting connections"),
    pg.QueryCanceled("canceling statement due to statement timeout"),
    pg.LockNotAvailable("canceling statement due to lock timeout"),
    psycopg.OperationalError("the connection is closed"),
    psycopg.OperationalError("the connection is lost"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("raised", SERVER_BUSY, ids=lambda e: str(e)[:40])
def test_a_busy_or_unreachable_server_is_busy_not_unexpected(raised: Exception) -> None:
    """Too many connections, a server not yet accepting, a statement or lock timeout, a connection lost: "busy,
    try again" (E540, exit 13, 503), not the CLI's "unexpected OperationalError" (exit 70)."""
    assert isinstance(failure_of(_as_django_raises(raised)), DatabaseBusy)


@pytest.mark.django_db
def test_a_full_disk_on_the_server_is_a_full_disk() -> None:
    """PostgreSQL's ENOSPC ("could not extend file ...: No space left on device", DiskFull 53100) is StorageFull."""
    raised = pg.DiskFull('could not extend file "base/16384/16397": No space left on device')
    assert isinstance(failure_of(_as_django_raises(raised)), StorageFull)


@pytest.mark.django_db
def test_a_real_statement_timeout_is_said_plainly() -> None:
    """A statement timeout from the real server is a plain "busy, try again", not None ("unexpected")."""
    if connection.vendor != "postgresql":
        pytest.skip("a statement timeout is PostgreSQL's")
    caught: Exception | None = None
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = 50")
            cursor.execute("SELECT pg_sleep(2)")
    except Exception as exc:
        caught = exc
    assert caught is not None
    assert isinstance(failure_of(caught), DatabaseBusy)


@pytest.mark.django_db
def test_the_api_says_a_serialization_failure_is_busy(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A serialization failure / deadlock on the API is 503 E540 "try again", not 500 E999 "unexpected"."""
    api = as_token(make_user(role="client"))

    def conflict(*args: Any, **kwargs: Any) -> Any:
        raise _as_django_raises(
            pg.SerializationFailure("could not serialize access due to concurrent update")
        )

    monkeypatch.setattr(journal, "list_entries", conflict)
    response = api.get("/api/v1/entries")
    assert response.status_code == 503, response.content
    assert response.json()["error"]["code"] == "E540"


@pytest.mark.django_db
def test_the_web_says_a_server_disk_full_as_a_full_disk(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk on the database server is the web's "the disk is full" (507), not "could not reach"."""
    web = web_as(make_user("disk-full"))

    def full(*args: Any, **kwargs: Any) -> Any:
        raise _as_django_raises(
            pg.DiskFull('could not extend file "base/16384/16397": No space left on device')
        )

    monkeypatch.setattr(journal, "entries_page", full)
    response = web.get("/journal/")
    assert response.status_code == 507 and b"the disk is full" in response.content
