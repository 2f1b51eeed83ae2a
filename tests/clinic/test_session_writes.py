"""Issue 16: a page view does not rewrite the session row every time (bench/web_load.py's hot spot)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _session_writes(web: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert web.get(path).status_code == 200
    return sum(
        1 for q in queries.captured_queries if "django_session" in q["sql"] and "UPDATE" in q["sql"].upper()
    )


def test_repeated_page_views_write_the_session_once_a_minute_at_most(make_user: Any) -> None:
    web = Client()
    web.force_login(make_user("wren"))
    web.get("/journal/")  # the first view records when the person was last seen
    assert [_session_writes(web, "/journal/") for _ in range(3)] == [0, 0, 0]


def test_last_seen_is_refreshed_after_a_minute(make_user: Any) -> None:
    web = Client()
    web.force_login(make_user("xena"))
    web.get("/journal/")
    session = web.session
    session["last_seen"] = int(session["last_seen"]) - 61
    session.save()
    assert _session_writes(web, "/journal/") == 1
    assert web.session["last_seen"] > session["last_seen"]
