"""What every page of the clinic reads for its menu and banner is read once a page (issue 16, web under load): the
therapist's open alerts (the home page's caseload, the menu's count and the alert list), the links those alerts
rest on, and a client's pending check-in (the menu's "Check-in waiting" and the banner). Counted in queries, never
timed; the pages still show what they showed."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reverie.care.services import alerts
from reverie.clinic.services import people

pytestmark = pytest.mark.django_db


def _selects(queries: Any, table: str) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith(f'SELECT "{table}"."id"')]


def _links_read(queries: Any) -> list[str]:
    """The reads of a therapist's links by ``alerts._links`` (client and start of each open pair)."""
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "clinic_pair"."client_id" AS "client_id", "clinic_pair"."started_at"')
    ]


def _with_alerts(make_user: Any, count: int = 3) -> tuple[Any, list[Any]]:
    therapist = make_user(role="therapist")
    clients = [make_user(role="client") for _ in range(count)]
    for n, client in enumerate(clients):
        people.accept_invitation(therapist, people.issue_invitation(client))
        alerts.raise_alert(client, "journal", "ideation", f"read-once-{n}")
    return therapist, clients


def test_therapist_home_reads_open_alerts_once(make_user: Any, web_as: Any) -> None:
    therapist, clients = _with_alerts(make_user)
    browser = web_as(therapist)
    browser.get("/")
    with CaptureQueriesContext(connection) as queries:
        page = browser.get("/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Alerts (3)" in text  # the menu's count
    for client in clients:
        assert client.username in text  # the alert list and the caseload
    # before: twice (the caseload, then the menu and the list), each reading the links twice
    assert len(_selects(queries, "care_riskalert")) == 1
    assert len(_links_read(queries)) == 1


@pytest.mark.parametrize("path", ["/courses/", "/week/"])
def test_therapist_menu_reads_links_once(make_user: Any, web_as: Any, path: str) -> None:
    therapist, _ = _with_alerts(make_user, count=2)
    browser = web_as(therapist)
    browser.get(path)
    with CaptureQueriesContext(connection) as queries:
        page = browser.get(path)
    assert page.status_code == 200
    assert "Alerts (2)" in page.content.decode()
    assert len(_selects(queries, "care_riskalert")) == 1
    assert len(_links_read(queries)) == 1  # before: 2 (the alerts' filter and each line's "before the link")


def test_open_alerts_same_rows_with_links_read_once(make_user: Any) -> None:
    therapist, clients = _with_alerts(make_user)
    with CaptureQueriesContext(connection) as queries:
        rows = alerts.open_alerts(therapist)
    assert sorted(r.client_id for r in rows) == sorted(c.pk for c in clients)
    assert not any(r.before_link for r in rows)
    assert len(_links_read(queries)) == 1


def test_open_alerts_on_page_kept_on_the_user_object_only(make_user: Any) -> None:
    therapist, _ = _with_alerts(make_user, count=1)
    first = alerts.open_alerts_on_page(therapist)
    with CaptureQueriesContext(connection) as queries:
        again = alerts.open_alerts_on_page(therapist)
    assert again is first and not queries.captured_queries
    # another object for the same person (the next request's) reads again
    fresh = type(therapist).objects.get(pk=therapist.pk)
    with CaptureQueriesContext(connection) as queries:
        assert [r.pk for r in alerts.open_alerts_on_page(fresh)] == [r.pk for r in first]
    assert _selects(queries, "care_riskalert")


@pytest.mark.parametrize("waiting", [True, False])
def test_client_page_reads_pending_check_in_once(make_user: Any, web_as: Any, waiting: bool) -> None:
    therapist = make_user(role="therapist")
    client = make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(client))
    if waiting:
        alerts.request_check_in(
            client, alerts.raise_alert(client, "journal", "ideation", "read-once-check-in")
        )
        assert alerts.pending_check_in(client) is not None
    browser = web_as(client)
    browser.get("/insights/")  # the full showing, once
    with CaptureQueriesContext(connection) as queries:
        page = browser.get("/insights/")
    assert page.status_code == 200
    text = page.content.decode()
    assert ("Check-in waiting" in text) is waiting  # the menu
    assert ('id="check-in"' in text) is waiting  # the banner
    pending = [
        q
        for q in _selects(queries, "care_checkin")
        if 'WHERE ("care_checkin"."answered_at" IS NULL AND "care_checkin"."client_id"' in q
        and "ORDER BY CASE" in q
    ]
    assert len(pending) == 1  # before: 2 (the menu, then the banner)


def _shared_entry_alert(make_user: Any) -> tuple[Any, Any]:
    """A therapist with one open alert on an entry its client shared with them (its line links the entry)."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    therapist, client = make_user(role="therapist"), make_user(role="client")
    people.accept_invitation(therapist, people.issue_invitation(client))
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="A long quiet evening."))
    journal.set_shared(client, entry.id, True)
    alerts.raise_alert(client, "journal", "ideation", str(entry.id))
    return therapist, entry


def _shared_lookups(queries: Any) -> int:
    """``alerts.mark_shared_entries``' one query: which of the lines' entries the therapist may read."""
    return sum(
        1 for q in queries.captured_queries if q["sql"].startswith('SELECT "clinic_entry"."id" AS "pk"')
    )


@pytest.mark.parametrize("path", ["/week/", "/"])
def test_shared_entries_looked_up_only_for_a_list(make_user: Any, web_as: Any, path: str) -> None:
    therapist, entry = _shared_entry_alert(make_user)
    browser = web_as(therapist)
    browser.get(path)
    with CaptureQueriesContext(connection) as queries:
        page = browser.get(path)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Alerts (1)" in text
    if path == "/":  # the home page's alert list links the shared entry, as before
        assert f'href="/journal/{entry.id}/">Read the entry (shared with you)' in text
        assert _shared_lookups(queries) == 1
    else:  # the menu's count alone: before, the lines' entries were looked up for it too
        assert _shared_lookups(queries) == 0


def test_open_alerts_on_page_marks_once_a_list_asks(make_user: Any) -> None:
    therapist, entry = _shared_entry_alert(make_user)
    counted = alerts.open_alerts_on_page(therapist, marked=False)
    assert len(counted) == 1 and counted[0].shared_entry is None  # not looked up yet
    with CaptureQueriesContext(connection) as queries:
        listed = alerts.open_alerts_on_page(therapist)
    assert listed is counted and listed[0].shared_entry == entry.id
    assert len(queries.captured_queries) == 1  # the lookup only, the alerts not read again
    with CaptureQueriesContext(connection) as queries:
        alerts.open_alerts_on_page(therapist)
    assert not queries.captured_queries
