from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from reverie.clinic.models import Entry, EntryRevision
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling
from reverie.errors import InvalidInput, NotFound, PermissionDenied

pytestmark = pytest.mark.django_db


def dream(body: str = "I was in my grandmother's house.", **kw: Any) -> EntryDraft:
    return EntryDraft(kind="dream", body=body, **kw)


def test_journal_create_keeps_contradictory_feelings(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, dream(feelings=(Feeling("love", 4), Feeling("Anger", 3))))
    again = journal.get_entry(alice, view.id)
    assert [(f.name, f.intensity) for f in again.feelings] == [("love", 4), ("anger", 3)]
    assert again.body == "I was in my grandmother's house."


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (EntryDraft(kind="dream", body="   \n"), "empty"),
        (EntryDraft(kind="nightmare", body="x"), "Unknown entry kind"),
        (EntryDraft(kind="reflection", body="x" * 1_000_001), "limit"),
        (EntryDraft(kind="reflection", body="bad \udcff text"), "UTF-8"),
        (EntryDraft(kind="reflection", body="ok", feelings=(Feeling("joy", 9),)), "1 to 5"),
        (EntryDraft(kind="reflection", body="ok", feelings=(Feeling("joy", 2), Feeling("Joy", 3))), "twice"),
    ],
)
def test_journal_bad_input_is_refused_and_nothing_stored(
    make_user: Any, draft: EntryDraft, message: str
) -> None:
    alice = make_user()
    with pytest.raises(InvalidInput, match=message) as info:
        journal.create_entry(alice, draft)
    assert "grandmother" not in str(info.value)
    assert Entry.objects.count() == 0


def test_journal_dream_in_the_future_is_refused(make_user: Any) -> None:
    alice = make_user()
    with pytest.raises(InvalidInput, match="future"):
        journal.create_entry(alice, dream(happened_at=timezone.now() + timedelta(days=2)))


def test_journal_error_messages_never_quote_the_text(make_user: Any) -> None:
    alice = make_user()
    secret = "MARKER-" + "z" * 1_000_000
    with pytest.raises(InvalidInput) as info:
        journal.create_entry(alice, EntryDraft(kind="reflection", body=secret))
    assert "MARKER" not in str(info.value)


def test_journal_edit_keeps_history(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, dream("first version"))
    journal.update_entry(alice, view.id, dream("second version"))
    journal.update_entry(alice, view.id, dream("third version"))
    assert journal.get_entry(alice, view.id).body == "third version"
    assert [v.body for v in journal.revisions(alice, view.id)] == ["first version", "second version"]
    assert EntryRevision.objects.count() == 2


def test_journal_trash_restore_and_purge(make_user: Any) -> None:
    alice = make_user()
    view = journal.create_entry(alice, dream())
    journal.trash_entry(alice, view.id)
    assert journal.list_entries(alice) == []
    assert [v.id for v in journal.list_trash(alice)] == [view.id]
    with pytest.raises(NotFound):
        journal.get_entry(alice, view.id)
    journal.restore_entry(alice, view.id)
    assert journal.get_entry(alice, view.id).id == view.id
    journal.trash_entry(alice, view.id)
    journal.purge_entry(alice, view.id)
    assert Entry.objects.count() == 0


def test_journal_search_decrypts_in_memory(make_user: Any) -> None:
    alice = make_user()
    journal.create_entry(alice, dream("A lighthouse in fog"))
    journal.create_entry(alice, EntryDraft(kind="reflection", body="Lunch with my sister", tags=("family",)))
    assert [v.kind for v in journal.list_entries(alice, query="LIGHTHOUSE")] == ["dream"]
    assert [v.kind for v in journal.list_entries(alice, query="family")] == ["reflection"]
    assert [v.kind for v in journal.list_entries(alice, kind="dream")] == ["dream"]


def test_journal_therapists_do_not_keep_journals(make_user: Any) -> None:
    therapist = make_user(role="therapist")
    with pytest.raises(PermissionDenied):
        journal.create_entry(therapist, dream())


def test_journal_mindful_choice_fields_round_trip(make_user: Any) -> None:
    alice = make_user()
    draft = EntryDraft(
        kind="mindful_choice",
        body="At dinner.",
        extra={"situation": "He criticised me", "urge": "Leave the table", "choice": "Said it hurt"},
    )
    view = journal.get_entry(alice, journal.create_entry(alice, draft).id)
    assert view.extra == {
        "situation": "He criticised me",
        "urge": "Leave the table",
        "choice": "Said it hurt",
    }
