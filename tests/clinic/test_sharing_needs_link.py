"""A share reaches the therapists linked when it is made (``policy.shared_within``): with no link open there is no
one to share with, so the share is refused in plain words and nothing changes (r23 fault 1). Unsharing always
works; the web offers no share button then and says why; an import keeps the words, not the share, and says so."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest

from reverie.clinic.models import Entry
from reverie.clinic.services import journal, people, portability
from reverie.clinic.services.journal import NO_ONE_TO_SHARE_WITH, EntryDraft
from reverie.clinic.services.policy import Action, allows
from reverie.errors import Conflict, ReverieError
from reverie.journal.interchange import dump_reverie_json

pytestmark = pytest.mark.django_db


def test_share_made_with_no_link_open_does_not_say_shared_when_no_therapist_reads_it(make_user: Any) -> None:
    """An entry says "shared" only while a linked therapist reads it: a share made with no link open is refused, or
    does not say "shared" once a therapist is linked who (sharing being per link) cannot read it."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="Shared before I had a therapist."))
    try:
        journal.set_shared(client, entry.id, True)
    except ReverieError:
        return  # refusing a share no one can receive is one correct answer
    people.accept_invitation(therapist, people.issue_invitation(client))
    reads = allows(therapist, Action.READ, Entry.objects.get(pk=entry.id))
    says_shared = journal.get_entry(client, entry.id).shared
    assert not reads  # per-link sharing (h4): a share made before the link never reaches the therapist …
    assert (
        says_shared == reads
    )  # … yet the client's entry (web chip, API/CLI "shared") still says it is shared


def test_share_with_no_link_is_refused_in_plain_words_and_changes_nothing(make_user: Any) -> None:
    client = make_user(role="client")
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="A quiet harbour."))
    with pytest.raises(Conflict) as refused:
        journal.set_shared(client, entry.id, True)
    assert refused.value.message == NO_ONE_TO_SHARE_WITH
    assert "harbour" not in refused.value.message  # entry text never in errors
    stored = Entry.objects.get(pk=entry.id)
    assert (stored.shared, stored.shared_at) == (False, None)
    assert journal.set_shared(client, entry.id, False).shared is False  # unsharing always works


def test_share_after_the_link_ended_is_refused_and_unsharing_still_works(paired: tuple[Any, Any]) -> None:
    client, _therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="Words for my therapist."))
    assert journal.set_shared(client, entry.id, True).shared
    people.end_pair(client, people.active_pairs(client)[0].pk)
    with pytest.raises(Conflict):
        journal.set_shared(client, entry.id, True)
    assert journal.set_shared(client, entry.id, False).shared is False


def test_entry_page_offers_share_only_while_a_link_is_open(make_user: Any, web_as: Any) -> None:
    client, therapist = make_user(role="client"), make_user(role="therapist")
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="A lantern on the water."))
    web = web_as(client)
    page = web.get(f"/journal/{entry.id}/").content.decode()
    assert "Share with my therapist" not in page
    assert "once a therapist is linked with you" in page
    answer = web.post(f"/journal/{entry.id}/share/", {"shared": "1"}, follow=True)
    assert NO_ONE_TO_SHARE_WITH in answer.content.decode()
    assert Entry.objects.get(pk=entry.id).shared is False
    people.accept_invitation(therapist, people.issue_invitation(client))
    page = web.get(f"/journal/{entry.id}/").content.decode()
    assert "Share with my therapist" in page and "once a therapist is linked with you" not in page
    web.post(f"/journal/{entry.id}/share/", {"shared": "1"})
    assert allows(therapist, Action.READ, Entry.objects.get(pk=entry.id))


def test_import_keeps_shared_words_not_shared_and_says_so(paired: tuple[Any, Any], make_user: Any) -> None:
    client, _ = paired
    for body in ("First shared words.", "Second shared words."):
        journal.set_shared(client, journal.create_entry(client, EntryDraft(kind="dream", body=body)).id, True)
    journal.create_entry(client, EntryDraft(kind="dream", body="Kept to myself."))
    exported = dump_reverie_json(portability.export_journal(client))
    other = make_user(role="client")
    report = portability.import_journal(other, exported)
    assert report.created == 3
    assert not Entry.objects.filter(client=other, shared=True).exists()
    assert sorted(v.body for v in journal.list_entries(other)) == [
        "First shared words.",
        "Kept to myself.",
        "Second shared words.",
    ]
    assert [n for n in report.notes if "shared" in n] == [
        "2 entries were shared in the file; here they are kept but not shared. "
        "Share again, once a therapist is linked with you, what they should read."
    ]


def test_a_share_stored_with_no_link_open_is_taken_back_when_a_link_begins(make_user: Any) -> None:
    """A database from before shares needed a link may hold one made with none open: it reaches no therapist, so
    linking takes it back (audited as a stop of sharing by Reverie) instead of leaving it saying "shared"."""
    from django.utils import timezone

    from reverie.clinic.models import AuditEvent

    client, therapist = make_user(role="client"), make_user(role="therapist")
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="Shared long ago."))
    Entry.objects.filter(pk=entry.id).update(shared=True, shared_at=timezone.now())
    people.accept_invitation(therapist, people.issue_invitation(client))
    assert journal.get_entry(client, entry.id).shared is False
    assert (
        AuditEvent.objects.filter(action="entry.unshare", record_id=str(entry.id), actor_id=None).count() == 1
    )


@pytest.mark.django_db(transaction=True)
@pytest.mark.db
def test_a_share_made_while_the_only_link_ends_does_not_stay_shared_with_no_one(
    paired: Any, monkeypatch: Any
) -> None:
    """A share racing the end of the client's only link ends either refused or taken back: never "shared" to no one
    (review r28). The link's end is a request of its own (its own connection), sent where PostgreSQL let it land
    before: between the share's check that a link is open and the share's write. The share now locks the open
    links (the order of ``end_pair``: link first), so the end waits for the share and takes it back. On SQLite the
    write transaction serialises the two anyway; run with REVERIE_DATABASE_URL for PostgreSQL."""
    import threading

    from django.db import connection

    from reverie.clinic.models import Pair

    client, therapist = paired
    pair = Pair.objects.get(client=client, ended_at__isnull=True)
    entry = journal.create_entry(client, EntryDraft(kind="dream", body="a dream"))
    real = journal.can_share
    ended: list[object] = []

    def end_the_link() -> None:
        try:
            people.end_pair(therapist, pair.pk)
            ended.append("ended")
        except Exception as exc:
            ended.append(exc)
        finally:
            connection.close()

    racer, sent = threading.Thread(target=end_the_link), []

    def can_share(actor: Any, **kwargs: Any) -> bool:
        answer = real(actor, **kwargs)  # the link is open now: the share goes ahead
        if not sent:
            sent.append(1)
            racer.start()  # the therapist ends the link, from a request of their own
            racer.join(2)  # done at once where nothing holds the link; otherwise it waits for the share
        return answer

    monkeypatch.setattr(journal, "can_share", can_share)
    with contextlib.suppress(Conflict):  # refused: the link had ended first
        journal.set_shared(client, entry.id, True)
    racer.join(60)
    assert ended == ["ended"], ended
    assert not Pair.objects.filter(client=client, ended_at__isnull=True).exists()
    assert not Entry.objects.get(id=entry.id).shared, (
        "shared, yet no link is open: no therapist will ever read it"
    )
    print("database:", connection.vendor)
