"""Review r35 of h21 (lock order): a client's erasure takes its locks out of the documented order "link, courses,
entries, audit head". ``portability.erase_client`` deletes the client's entries (their rows locked), records
"client.erase" (the audit chain's head), and only then deletes the account, whose cascade deletes (locks) the
links and courses. ``people.end_pair`` at the same moment locks the link and the courses, then waits on the shared
entries it takes back: the erasure then waits on that link. On PostgreSQL the two deadlock and one request fails
with a database error (the person erasing sees an error, or the therapist's "end link" does).
Run with REVERIE_DATABASE_URL (PostgreSQL); on SQLite the write transaction serialises them."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from racing import failure, on_own_connection
from reverie.clinic.models import Pair
from reverie.clinic.services import audit, journal, people, portability
from reverie.clinic.services.journal import EntryDraft


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_r35_an_erasure_while_the_link_with_an_open_course_ends_does_not_deadlock(
    dit: Any, monkeypatch: Any, tmp_path: Any
) -> None:
    """A client's erasure and the end of their link (with an open course and a share) at once both succeed."""
    client, therapist, _course = dit
    pair = Pair.objects.get(client=client, ended_at__isnull=True)
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="a dream"))
    journal.set_shared(client, entry.id, True)
    racer, ended = on_own_connection("ended", lambda: people.end_pair(therapist, pair.pk))
    real = audit.record

    def record(actor: Any, action: str, *args: Any, **kwargs: Any) -> Any:
        if action == "client.erase" and not racer.is_alive() and not ended:
            racer.start()  # the entries' rows are locked (deleted): the therapist ends the link now
            racer.join(2)  # it locks the link and the course, then waits on the shared entry's row
        return real(actor, action, *args, **kwargs)

    monkeypatch.setattr(audit, "record", record)
    failed = failure(
        lambda: portability.erase_client(client, client.username, "a long test password", data_dir=tmp_path)
    )
    racer.join(60)
    assert failed is None and ended in (["ended"], ["NotFound"]), (connection.vendor, failed, ended)
