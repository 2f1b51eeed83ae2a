"""A therapist's home page writes a "journal.list" event per client on every view."""

from __future__ import annotations

from typing import Any

import pytest

from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db


def test_the_therapists_home_page_does_not_bury_the_clients_privacy_log(make_user: Any, web_as: Any) -> None:
    """A client shared one dream; the therapist opened it (the client's Privacy log says "dr-ruiz opened one of your
    journal entries."). The therapist's home page is where every sign-in and many buttons land; it lists the newest
    shared entries, and since h79 each view of it writes "dr-ruiz looked at the list of your journal entries." into
    the client's log. After a working day of 30 home-page views the client's Privacy log (25 lines a page) shows
    nothing but that line, 25 times, and the read of their dream is pushed off the first page. The client should
    see what was read: the home page's repeated listing of the same entries should not write a line per view."""
    client, therapist = make_user("ana-client"), make_user("dr-ruiz", role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    made = journal.create_entry(client, EntryDraft(kind="dream", body="My mother was at the door."))
    journal.set_shared(client, made.id, True)
    web = web_as(therapist)
    assert web.get(f"/journal/{made.id}/").status_code == 200
    for _ in range(30):
        assert web.get("/").status_code == 200
    log = web_as(client).get("/account/audit/").content.decode()
    listed = log.count("looked at the list of your journal entries")
    assert "opened one of your journal entries" in log, (
        f"the client's Privacy log's first page holds {listed} lines of the home page's listing and no longer "
        "shows that their dream was opened"
    )


def test_one_search_page_past_the_end_is_one_search_in_the_clients_log(make_user: Any, web_as: Any) -> None:
    """The therapist opens an old bookmark of a search's page 3 ("There is no page 3: the journal has 1 page for
    this search"). That one page is two lines in the client's Privacy log, "dr-ruiz searched your journal." twice
    (the page's search, then the count of its pages, each audited), as if the therapist had searched twice. One
    page of a search should be one line."""
    from reverie.clinic.models import AuditEvent

    client, therapist = make_user("ana-client"), make_user("dr-ruiz", role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    made = journal.create_entry(client, EntryDraft(kind="dream", body="My mother was at the door."))
    journal.set_shared(client, made.id, True)
    web = web_as(therapist)
    last = AuditEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    page = web.post(
        "/journal/", {"q": "mother", "page": "3"}, follow=True
    )  # the search's page, after its redirect
    assert "There is no page 3" in page.content.decode()
    searched = AuditEvent.objects.filter(pk__gt=last, action="journal.search", subject_id=client.pk).count()
    assert searched == 1, (
        f"one page of a search is {searched} 'searched your journal' lines in the client's log"
    )


def test_the_home_pages_listings_are_one_line_saying_how_many_times(make_user: Any, web_as: Any) -> None:
    """The log stays complete (every listing is counted) and readable: 30 listings in a row are one line."""
    client, therapist = make_user("ana-client"), make_user("dr-ruiz", role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    made = journal.create_entry(client, EntryDraft(kind="dream", body="My mother was at the door."))
    journal.set_shared(client, made.id, True)
    web = web_as(therapist)
    for _ in range(30):
        assert web.get("/").status_code == 200
    log = web_as(client).get("/account/audit/").content.decode()
    assert log.count("looked at the list of your journal entries") == 1
    assert "looked at the list of your journal entries. — 30 times" in log


def test_log_lines_group_runs_only_and_page_by_lines(make_user: Any) -> None:
    """Only consecutive events that read alike are grouped (same person, action, outcome); a page counts lines,
    and the lines of all pages hold every event once."""
    from reverie.clinic.services import audit

    client, therapist = make_user("ana-client"), make_user("dr-ruiz", role="therapist")
    start = len(audit.events_about(client))
    runs = [("journal.list", 3), ("entry.read", 1), ("journal.list", 2), ("journal.search", 4)] * 2
    for action, times in runs:
        for _ in range(times):
            audit.record(therapist, action, "journal", client.pk, subject=client)
    total = len(audit.events_about(client))
    lines, more = audit.log_lines_about(client, limit=5)
    assert more and [(line.newest.action, line.count) for line in lines] == [
        ("journal.search", 4),
        ("journal.list", 2),
        ("entry.read", 1),
        ("journal.list", 3),
        ("journal.search", 4),
    ]
    assert all(line.newest.pk >= line.oldest.pk for line in lines)
    everything, more = audit.log_lines_about(client, limit=1000)
    assert not more and sum(line.count for line in everything) == total == start + sum(t for _, t in runs)
    second, _ = audit.log_lines_about(client, offset=5, limit=3)
    assert [(line.newest.pk, line.count) for line in second] == [
        (line.newest.pk, line.count) for line in everything[5:8]
    ]
