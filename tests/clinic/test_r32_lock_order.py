"""Review r32 (moved next to the sharing tests; fixed in ``people.end_pair`` and ``people.accept_invitation``): the
lock order h16 documents for a share and a link's end ("link, courses, entries, audit head") is
not the order ``people.end_pair`` takes: ending a link with an open course records "course.end" (the audit chain's
head, locked) before it takes back the client's shares (the entries' rows). A client's unshare (or an edit) locks
the entry, then the head: the two deadlock on PostgreSQL and one request fails with a database error.
Run with REVERIE_DATABASE_URL (PostgreSQL); on SQLite the write transaction serialises them."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from racing import failure, on_own_connection
from reverie.clinic.models import Entry, Pair
from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_an_unshare_while_the_link_with_an_open_course_ends_does_not_deadlock(
    dit: Any, monkeypatch: Any
) -> None:
    """A client's unshare and the end of their link (with an open course) at the same moment both succeed."""
    client, therapist, _course = dit
    pair = Pair.objects.get(client=client, ended_at__isnull=True)
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="a dream"))
    journal.set_shared(client, entry.id, True)
    racer, ended = on_own_connection("ended", lambda: people.end_pair(therapist, pair.pk))
    real = journal._entry_for

    def entry_for(*args: Any, **kwargs: Any) -> Any:
        row = real(*args, **kwargs)  # the entry's row is locked now (the unshare's first lock)
        if kwargs.get("lock") and not racer.is_alive() and not ended:
            racer.start()  # the therapist ends the link, from a request of their own
            racer.join(2)  # it ends the course (audit head locked), then waits on this entry's row
        return row

    monkeypatch.setattr(journal, "_entry_for", entry_for)
    failed = failure(lambda: journal.set_shared(client, entry.id, False))
    racer.join(60)
    assert (failed, ended) == (None, ["ended"]), (connection.vendor, failed, ended)
    assert not Entry.objects.get(id=entry.id).shared


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_an_unshare_while_a_new_link_takes_back_a_stale_share_does_not_deadlock(
    paired: Any, make_user: Any, monkeypatch: Any
) -> None:
    """A link beginning takes back a share that reaches no one (``accept_invitation``): it too locks the entries
    before the audit head, so a client's unshare of that entry at the same moment does not deadlock with it."""
    client, therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="a dream"))
    journal.set_shared(client, entry.id, True)
    people.end_pair(therapist, Pair.objects.get(client=client, ended_at__isnull=True).pk)
    Entry.objects.filter(id=entry.id).update(shared=True)  # a share stored with no link open (before r23)
    code = people.issue_invitation(client)
    newcomer = make_user(role="therapist")
    racer, began = on_own_connection("began", lambda: people.accept_invitation(newcomer, code))
    real = journal._entry_for

    def entry_for(*args: Any, **kwargs: Any) -> Any:
        row = real(*args, **kwargs)  # the entry's row is locked now
        if kwargs.get("lock") and not racer.is_alive() and not began:
            racer.start()
            racer.join(
                2
            )  # before: it recorded "pair.start" (audit head locked), then waited on this entry's row
        return row

    monkeypatch.setattr(journal, "_entry_for", entry_for)
    failed = failure(lambda: journal.set_shared(client, entry.id, False))
    racer.join(60)
    assert (failed, began) == (None, ["began"]), (connection.vendor, failed, began)
    assert not Entry.objects.get(id=entry.id).shared
