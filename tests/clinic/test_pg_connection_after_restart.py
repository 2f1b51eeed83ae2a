"""Review r136, on a real PostgreSQL: a clinic's database server restarted (an upgrade, a failover, `pg_ctl
restart`) ends every connection Reverie's web threads keep between requests (`CONN_MAX_AGE`). Each thread's next
request used that dead connection and answered 503 "Not saved: try again in a moment" (the API E540) although the
server was back: measured on `reverie serve` after a 10-s stop, 3 to 5 of the next 9 requests failed, one per
thread, saves among them. Django checks a kept connection before a request reuses it only with
`CONN_HEALTH_CHECKS`."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from django.db import close_old_connections, connection
from django.test import Client

from postgres_only import postgres_only
from web_client import signed_in

pytestmark = [
    *postgres_only("only a database server ends the connections a web thread keeps"),
    pytest.mark.django_db(transaction=True),
]


def _end_the_connection_reverie_keeps() -> None:
    """What a server restart does to the connection a web thread keeps: ended by the server, from outside."""
    pid = connection.connection.info.backend_pid
    s = connection.settings_dict
    with psycopg.connect(
        host=s["HOST"],
        port=s["PORT"],
        user=s["USER"],
        password=s["PASSWORD"] or None,
        dbname=s["NAME"],
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def test_a_page_after_the_database_server_ended_the_kept_connection_answers(make_user: Any) -> None:
    """A client writes in the evening; the clinic's PostgreSQL is restarted for an update; the next page the
    client opens (here their journal) answered 503 on each web thread once. It should open: the server is back."""
    person = make_user()
    web = signed_in(person)
    assert web.get("/journal/").status_code == 200
    assert connection.connection is not None  # kept for the next request (CONN_MAX_AGE)
    _end_the_connection_reverie_keeps()
    close_old_connections()  # what Django's handler does as each request starts (the test client skips it)
    again = Client(raise_request_exception=False)
    again.cookies = web.cookies
    page = again.get("/journal/")
    assert page.status_code == 200, page.status_code


def test_an_api_save_after_the_database_server_ended_the_kept_connection_is_saved(make_user: Any) -> None:
    """The same for a phone's save through the API: it answered 503 E540 once per web thread."""
    from reverie.api import tokens

    person = make_user()
    token = tokens.issue(person, "phone").secret
    api = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/me").status_code == 200
    _end_the_connection_reverie_keeps()
    close_old_connections()
    saved = api.post(
        "/api/v1/entries",
        {"kind": "reflection", "body": "Written after the update."},
        content_type="application/json",
    )
    assert saved.status_code == 201, saved.content
