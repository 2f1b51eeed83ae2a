"""'Go back to this version' on the history page (review r135 fault 8): undoing an edit meant copying an earlier
version by hand on a phone. It asks first, then saves that version's text and fields as a new version: nothing is
deleted (the replaced one is kept among the earlier versions), an edit made meanwhile is not overwritten (as an edit's
conflict), and it is audited."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.models import AuditEvent
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft, Feeling

pytestmark = [pytest.mark.django_db]


def _entry_edited(user: Any) -> Any:
    first = EntryDraft(
        kind="dream",
        body="The house had one more room.",
        title="House",
        feelings=(Feeling("fear", 4),),
        people=("Mother",),
        tags=("house",),
        happened_at=datetime(2026, 12, 6, 3, 10, tzinfo=UTC),
    )
    view = journal.create_entry(user, first)
    journal.update_entry(
        user, view.id, EntryDraft(kind="dream", body="Rewritten, worse.", title="Other"), base_revision=1
    )
    return view


def test_going_back_saves_that_version_as_a_new_one(make_user: Any, web_as: Any) -> None:
    user = make_user("r135-back")
    view = _entry_edited(user)
    web = web_as(user)
    history = web.get(f"/journal/{view.id}/history/").content.decode()
    assert f'href="/journal/{view.id}/history/1/back/"' in history and "Go back to version 1" in history
    asked = web.get(f"/journal/{view.id}/history/1/back/")
    assert asked.status_code == 200 and b"Go back to version 1?" in asked.content
    assert journal.get_entry(user, view.id).revision == 2  # asking changes nothing
    done = web.post(f"/journal/{view.id}/history/1/back/", {"confirm": "yes", "base_revision": "2"})
    assert done.status_code == 302
    now = journal.get_entry(user, view.id)
    assert now.revision == 3 and now.body == "The house had one more room." and now.title == "House"
    assert [(f.name, f.intensity) for f in now.feelings] == [("fear", 4)]
    assert now.people == ("Mother",) and now.tags == ("house",)
    assert now.happened_at == datetime(2026, 12, 6, 3, 10, tzinfo=UTC)
    kept = [v.body for v in journal.revisions(user, view.id)]
    assert kept == ["The house had one more room.", "Rewritten, worse."]  # nothing deleted
    assert AuditEvent.objects.filter(action="entry.revert").count() == 1


def test_an_edit_made_meanwhile_is_not_overwritten(make_user: Any, web_as: Any) -> None:
    user = make_user("r135-back-stale")
    view = _entry_edited(user)
    journal.update_entry(
        user, view.id, EntryDraft(kind="dream", body="Edited on the laptop."), base_revision=2
    )
    answer = web_as(user).post(
        f"/journal/{view.id}/history/1/back/", {"confirm": "yes", "base_revision": "2"}
    )
    assert answer.status_code == 409 and b"changed somewhere else" in answer.content
    assert journal.get_entry(user, view.id).body == "Edited on the laptop."
    assert not AuditEvent.objects.filter(action="entry.revert").exists()


def test_someone_else_s_entry_answers_as_a_missing_one(make_user: Any, web_as: Any) -> None:
    owner = make_user("r135-back-owner")
    view = _entry_edited(owner)
    other = web_as(make_user("r135-back-other"))
    assert other.get(f"/journal/{view.id}/history/1/back/").status_code == 404
    assert other.post(f"/journal/{view.id}/history/1/back/", {"confirm": "yes"}).status_code == 404
    assert journal.get_entry(owner, view.id).revision == 2


def test_going_back_opens_each_version_once(make_user: Any, web_as: Any, monkeypatch: Any) -> None:
    """h199: the press decrypted every earlier version twice, once for the page and again in ``revert_to``. The
    view now hands over the version it opened; the audit and the conflict check stay (the tests above)."""
    user = make_user("h199-back-once")
    view = _entry_edited(user)
    journal.update_entry(user, view.id, EntryDraft(kind="dream", body="A third try."), base_revision=2)
    opened: list[int] = []
    real = journal._open_revision

    def counted(entry: Any, rev: Any, client: Any) -> dict[str, object]:
        opened.append(rev.number)
        return real(entry, rev, client)

    monkeypatch.setattr(journal, "_open_revision", counted)
    done = web_as(user).post(f"/journal/{view.id}/history/1/back/", {"confirm": "yes", "base_revision": "3"})
    assert done.status_code == 302
    assert sorted(opened) == [1, 2]  # each earlier version once (before: [1, 1, 2, 2])
    now = journal.get_entry(user, view.id)
    assert now.revision == 4 and now.body == "The house had one more room." and now.title == "House"
    assert AuditEvent.objects.filter(action="entry.revert").count() == 1


def test_a_version_handed_over_for_another_number_is_not_used(make_user: Any) -> None:
    """``revert_to``'s ``version`` is only a shortcut: one for another number is not taken for the one asked."""
    user = make_user("h199-back-other-number")
    view = _entry_edited(user)
    journal.update_entry(user, view.id, EntryDraft(kind="dream", body="A third try."), base_revision=2)
    second = journal.revisions(user, view.id)[1]
    saved, changed = journal.revert_to(user, view.id, 1, base_revision=3, version=second)
    assert changed and saved.body == "The house had one more room."
