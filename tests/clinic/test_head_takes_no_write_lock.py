"""A HEAD takes no write lock to read (review r124). ``HeadAsGetMiddleware`` runs the GET inside one transaction it
then rolls back, so a HEAD changes nothing; begun ``IMMEDIATE`` (the connections' mode), that transaction took
SQLite's write lock before anything was read, so every HEAD, a static file's and a monitor's included, waited out
the busy timeout while an import, a backup or the worker held the lock (then answered as with the database down),
and held the lock itself against every save while its page rendered. It now reads in a snapshot (``BEGIN
DEFERRED``): a HEAD whose GET writes nothing answers at once; one whose GET writes (a signed-in page's audit line)
is run again holding the lock from its start, so it waits for the lock as a save does, as before. Real SQLite file
database, the lock held by another connection."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client

from web_client import signed_in

READING = ("/static/reverie/reverie.css", "/login/", "/safety/")  # their GETs write nothing
WRITING = "/journal/"  # a signed-in page: its GET adds an audit line


def _answer(response: Any) -> tuple[int, str, str | None]:
    response.close()  # a static file's answer holds it open until closed
    return response.status_code, response["Content-Type"], response.get("Content-Length")


@pytest.mark.django_db(transaction=True)
def test_heads_while_another_process_holds_the_write_lock(make_user: Any) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    web = signed_in(make_user("dana", role="client"))
    web.raise_request_exception = False  # a HEAD that fails is answered, as a server answers it
    anonymous = Client(raise_request_exception=False)
    clients = {"/static/reverie/reverie.css": anonymous, "/login/": anonymous, "/safety/": web, WRITING: web}
    gets = {
        url: client.get(url) for url, client in clients.items()
    }  # the session's first look written before
    expected = {
        url: (got.status_code, got["Content-Type"], str(len(got.getvalue()))) for url, got in gets.items()
    }
    for got in gets.values():
        got.close()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout=10000")  # 30 s configured; 10 s here, far above a page's own time
    holder = sqlite3.connect(
        Path(str(connection.settings_dict["NAME"])), isolation_level=None, check_same_thread=False
    )
    holder.execute("BEGIN IMMEDIATE")  # an import, a backup, the worker: the write lock held
    took: dict[str, float] = {}
    answers: dict[str, tuple[int, str, str | None]] = {}
    release = threading.Timer(1.5, lambda: holder.execute("ROLLBACK"))
    try:
        for url in READING:
            started = time.monotonic()
            answers[url] = _answer(clients[url].head(url))
            took[url] = time.monotonic() - started
        release.start()  # a HEAD that writes waits for the lock, as a save does, and is answered once it is free
        started = time.monotonic()
        answers[WRITING] = _answer(web.head(WRITING))
        took[WRITING] = time.monotonic() - started
    finally:
        release.cancel()
        if release.is_alive():
            release.join()
        if holder.in_transaction:
            holder.execute("ROLLBACK")
        holder.close()
        for conn in connections.all():
            conn.close()
    for url in READING:
        assert took[url] < 3.0, f"HEAD {url} took {took[url]:.1f} s: it waited for the write lock"
    assert answers == expected
    assert took[WRITING] < 8.0
