from __future__ import annotations

import uuid
from typing import Any

import pytest

from reverie.clinic.services import journal, people
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import NotFound

pytestmark = pytest.mark.django_db


def _message(fn: Any) -> str:
    with pytest.raises(NotFound) as info:
        fn()
    return str(info.value)


def test_policy_other_clients_entry_answers_like_a_missing_one(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    entry = journal.create_entry(alice, EntryDraft(kind="dream", body="private"))
    theirs = _message(lambda: journal.get_entry(bob, entry.id))
    missing = _message(lambda: journal.get_entry(bob, uuid.uuid4()))
    garbage = _message(lambda: journal.get_entry(bob, "not-an-id"))
    assert theirs == missing == garbage
    assert journal.list_entries(bob) == []
    for action in (journal.trash_entry, journal.revisions):
        assert _message(lambda action=action: action(bob, entry.id)) == missing


def test_policy_therapist_sees_only_shared_entries_of_linked_clients(
    paired: tuple[Any, Any], make_user: Any
) -> None:
    client, therapist = paired
    stranger = make_user(role="therapist")
    private = journal.create_entry(client, EntryDraft(kind="dream", body="not shared"))
    shared = journal.create_entry(client, EntryDraft(kind="dream", body="shared one"))
    journal.set_shared(client, shared.id, True)
    assert [v.id for v in journal.list_entries(therapist)] == [shared.id]
    assert journal.get_entry(therapist, shared.id).body == "shared one"
    with pytest.raises(NotFound):
        journal.get_entry(therapist, private.id)
    with pytest.raises(NotFound):
        journal.get_entry(stranger, shared.id)
    with pytest.raises(NotFound):
        journal.update_entry(therapist, shared.id, EntryDraft(kind="dream", body="edited by therapist"))


def test_policy_revoking_sharing_or_ending_the_pair_hides_entries(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    entry = journal.create_entry(client, EntryDraft(kind="reflection", body="x"))
    journal.set_shared(client, entry.id, True)
    journal.set_shared(client, entry.id, False)
    assert journal.list_entries(therapist) == []
    journal.set_shared(client, entry.id, True)
    pair = people.active_pairs(therapist)[0]
    people.end_pair(therapist, pair.pk)
    assert journal.list_entries(therapist) == []
    with pytest.raises(NotFound):
        journal.get_entry(therapist, entry.id)


def test_policy_invitation_codes_link_once_and_across_roles(make_user: Any) -> None:
    client, other_client, therapist = make_user(), make_user(), make_user(role="therapist")
    code = people.issue_invitation(therapist)
    with pytest.raises(Exception, match="same role"):
        people.accept_invitation(make_user(role="therapist"), code)
    people.accept_invitation(client, code)
    with pytest.raises(NotFound):
        people.accept_invitation(other_client, code)
