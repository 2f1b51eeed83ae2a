"""r18 review: an entry a client shared with one therapist, seen by the next therapist they link with."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

from reverie.clinic.services import journal, people


@pytest.mark.django_db
def test_entry_shared_with_a_former_therapist_is_not_shown_to_the_next_one(make_user: Any) -> None:
    """Words shared with therapist A stay unread by therapist B, linked later, until the client shares them again."""
    client = make_user(role="client")
    first, second = make_user(role="therapist"), make_user(role="therapist")
    people.accept_invitation(first, people.issue_invitation(client))
    entry = journal.create_entry(
        client, journal.EntryDraft(kind="dream", body="Only for my first therapist.")
    )
    journal.set_shared(client, entry.id, True)
    people.end_pair(client, people.active_pairs(client)[0].pk)
    people.accept_invitation(
        second, people.issue_invitation(client)
    )  # told: "The alert never quotes your words"

    api = as_token(second)
    listed = api.get("entries").json()
    assert [e["id"] for e in listed] == []
    assert api.get(f"entries/{entry.id}").status_code == 404


@pytest.mark.django_db
def test_relinking_the_same_therapist_does_not_bring_old_shares_back(make_user: Any) -> None:
    """A share lasts as long as the link it was made in: a new link with the same therapist starts with nothing."""
    client, therapist = make_user(role="client"), make_user(role="therapist")
    people.accept_invitation(therapist, people.issue_invitation(client))
    entry = journal.create_entry(client, journal.EntryDraft(kind="dream", body="Shared in the first link."))
    journal.set_shared(client, entry.id, True)
    api = as_token(therapist)
    assert api.get(f"entries/{entry.id}").status_code == 200
    people.end_pair(client, people.active_pairs(client)[0].pk)
    people.accept_invitation(therapist, people.issue_invitation(client))
    assert api.get(f"entries/{entry.id}").status_code == 404
    assert [e["id"] for e in api.get("entries").json()] == []
    journal.set_shared(client, entry.id, True)  # the client chooses again, within the new link
    assert api.get(f"entries/{entry.id}").status_code == 200


@pytest.mark.django_db
def test_a_therapist_linked_later_does_not_see_what_was_shared_with_the_one_still_linked(
    make_user: Any,
) -> None:
    """With two links open, a share made before the second began reaches only the first therapist, insights too."""
    from reverie.clinic.services import insights

    client = make_user(role="client")
    first, second = make_user(role="therapist"), make_user(role="therapist")
    people.accept_invitation(first, people.issue_invitation(client))
    entry = journal.create_entry(client, journal.EntryDraft(kind="dream", body="For the first one."))
    journal.set_shared(client, entry.id, True)
    people.accept_invitation(second, people.issue_invitation(client))
    assert as_token(first).get(f"entries/{entry.id}").status_code == 200
    assert as_token(second).get(f"entries/{entry.id}").status_code == 404
    assert [str(e.id) for e in journal.list_entries(second)] == []
    assert insights.entry_dates(second, [str(entry.id)]) == {}
    assert str(entry.id) in insights.entry_dates(first, [str(entry.id)])


@pytest.mark.django_db
def test_ending_a_link_takes_back_the_shares_that_reach_no_open_link(make_user: Any) -> None:
    """After the link ends, the entry no longer says "shared" (and offers to share again) when no therapist reads it;
    a share made while a second link was open too stays, for that link."""
    from reverie.clinic.models import AuditEvent

    client = make_user(role="client")
    first, second = make_user(role="therapist"), make_user(role="therapist")
    people.accept_invitation(first, people.issue_invitation(client))
    only_first = journal.create_entry(
        client, journal.EntryDraft(kind="dream", body="Shared with the first only.")
    )
    journal.set_shared(client, only_first.id, True)
    people.accept_invitation(second, people.issue_invitation(client))
    both = journal.create_entry(client, journal.EntryDraft(kind="dream", body="Shared with both."))
    journal.set_shared(client, both.id, True)
    link = next(p for p in people.active_pairs(client) if p.therapist_id == first.pk)
    people.end_pair(client, link.pk)
    assert journal.get_entry(client, only_first.id).shared is False
    assert journal.get_entry(client, both.id).shared is True
    assert as_token(second).get(f"entries/{both.id}").status_code == 200
    assert AuditEvent.objects.filter(action="entry.unshare", record_id=str(only_first.id)).count() == 1
    people.end_pair(client, people.active_pairs(client)[0].pk)
    assert journal.get_entry(client, both.id).shared is False
