"""Issue 16, bench/web_load.py's hot spots: a page view does not rewrite the session row every time, and the
therapist's home page reads its open alerts twice, not three times."""

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


def test_therapist_home_reads_the_open_alerts_once(make_user: Any) -> None:
    from reverie.care.services import alerts
    from reverie.clinic.models import Pair

    therapist = make_user("yara", role="therapist")
    for n in range(3):
        client = make_user(f"zed{n}")
        Pair.objects.create(client=client, therapist=therapist)
        alerts.raise_alert(client, "journal", "ideation", f"entry-{n}")
    web = Client()
    web.force_login(therapist)
    session = web.session
    session["otp"] = True
    session.save()
    web.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = web.get("/")
    assert response.status_code == 200 and response.content.count(b"thoughts of suicide or self-harm") >= 3
    reads = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "care_riskalert"')]
    # the caseload, the menu count and the alert list share one read (h200; it was three, then two)
    assert len(reads) == 1
