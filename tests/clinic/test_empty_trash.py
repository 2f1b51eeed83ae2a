"""The "Empty the trash…" button (e16): asks first on a page of its own, then deletes every entry in one's own
trash for good, each audited as "Delete for good…" is; never a live entry, never another person's; an empty trash
says so plainly.

The last test is the property test's failure in miniature: an answer to the empty trash must not leave a message in
the session that shows up on whatever page comes next (tests/api/test_policy_property.py compares that next page)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from reverie.clinic.models import AuditEvent, Entry

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
CSS = Path(__file__).resolve().parents[2] / "src/reverie/clinic/static/reverie/reverie.css"


def _write(web: Any, body: str) -> str:
    made = web.post("/write/", {"kind": "reflection", "body": body})
    return str(made["Location"]).strip("/").split("/")[-1]


def _confirmed(web: Any) -> Any:
    """Press "Yes, delete them for good" on the confirm page as shown (the form carries what the trash held)."""
    shown = re.search(r'name="shown" value="([0-9a-f]+)"', web.get("/trash/empty/").content.decode())
    assert shown is not None
    return web.post("/trash/empty/", {"confirm": "yes", "shown": shown.group(1)}, follow=True)


def _trashed(web: Any, body: str) -> str:
    entry_id = _write(web, body)
    web.post(f"/journal/{entry_id}/trash/")
    return entry_id


def test_empty_trash_get_and_unconfirmed_post_show_the_confirm_page_and_delete_nothing(
    make_user: Any, web_as: Any
) -> None:
    web = web_as(make_user())
    for body in ("a pebble in my shoe", "rain on the window"):
        _trashed(web, body)
    for page in (web.get("/trash/empty/"), web.post("/trash/empty/"), web.get("/trash/empty/?confirm=yes")):
        text = page.content.decode()
        assert page.status_code == 200 and "Delete 2 entries for good? This cannot be undone." in text
        assert 'name="confirm" value="yes"' in text and '<a class="tap" href="/trash/">Cancel</a>' in text
        assert "onclick" not in text and "pebble" not in text
    assert Entry.objects.count() == 2 and Entry.objects.filter(deleted_at__isnull=True).count() == 0


def test_empty_trash_one_entry_says_entry_not_entries(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    _trashed(web, "a pebble in my shoe")
    assert "Delete 1 entry for good?" in web.post("/trash/empty/").content.decode()
    done = _confirmed(web).content.decode()
    assert "1 entry deleted for good. The trash is empty." in done


def test_empty_trash_confirmed_deletes_only_own_trashed_entries_and_audits_each(
    make_user: Any, web_as: Any
) -> None:
    ada, bo = make_user("ada"), make_user("bo")
    web, other = web_as(ada), web_as(bo)
    gone = {_trashed(web, "a pebble in my shoe"), _trashed(web, "rain on the window")}
    kept = _write(web, "the kettle sang")  # in the journal: never touched
    theirs = _trashed(other, "bo's own entry")  # someone else's trash: never touched
    answer = _confirmed(web)
    assert answer.redirect_chain == [("/trash/", 302)]
    text = answer.content.decode()
    assert "2 entries deleted for good. The trash is empty." in text and "Empty the trash…" not in text
    assert {str(e.id) for e in Entry.objects.all()} == {kept, theirs}
    purged = AuditEvent.objects.filter(action="entry.purge", actor_id=ada.pk, subject_id=ada.pk)
    assert set(purged.values_list("record_id", flat=True)) == gone
    assert Entry.objects.get(id=theirs).deleted_at is not None


def test_empty_trash_by_another_client_leaves_my_trash_alone(make_user: Any, web_as: Any) -> None:
    mine = _trashed(web_as(make_user("ada")), "a pebble in my shoe")
    other = web_as(make_user("bo"))
    answer = other.post("/trash/empty/", {"confirm": "yes"})
    assert (
        answer.status_code == 200
        and "There is nothing to delete: the trash is empty." in answer.content.decode()
    )
    assert Entry.objects.filter(id=mine).exists()


def test_empty_trash_therapist_is_answered_as_purge_answers_them(make_user: Any, web_as: Any) -> None:
    client, therapist = make_user("ada"), make_user("sam", role="therapist")
    entry_id = _trashed(web_as(client), "a pebble in my shoe")
    web = web_as(therapist)
    assert web.post(f"/trash/{entry_id}/purge/", {"confirm": "yes"}).status_code == 404
    for answer in (
        web.get("/trash/empty/"),
        web.post("/trash/empty/"),
        web.post("/trash/empty/", {"confirm": "yes"}),
    ):
        assert answer.status_code == 404
    assert Entry.objects.filter(id=entry_id).exists()


def test_empty_trash_when_empty_says_so_and_hides_the_button(make_user: Any, web_as: Any) -> None:
    web = web_as(make_user())
    _write(web, "the kettle sang")
    for answer in (
        web.post("/trash/empty/"),
        web.post("/trash/empty/", {"confirm": "yes"}),
        web.get("/trash/empty/"),
    ):
        text = answer.content.decode()
        assert answer.status_code == 200 and "There is nothing to delete: the trash is empty." in text
        assert 'name="confirm"' not in text
    assert Entry.objects.count() == 1
    assert "Empty the trash…" not in web.get("/trash/").content.decode()


def test_empty_trash_button_is_a_44px_tap_target(make_user: Any, web_as: Any) -> None:
    """A real ``<button>`` of its own (44 px by reverie.css, as "Delete for good…"), shown only with a full trash;
    the confirm page's Cancel is an ``a.tap`` like the other standalone links."""
    web = web_as(make_user())
    assert "Empty the trash…" not in web.get("/trash/").content.decode()
    _trashed(web, "a pebble in my shoe")
    page = web.get("/trash/").content.decode()
    button = re.compile(
        r'<form method="post" action="/trash/empty/">.*?<button type="submit" class="secondary">Empty the trash…</button>'
    )
    assert button.search(page)
    rule = re.search(r"(?m)^button, \.button \{[^}]*\}", CSS.read_text())
    assert rule is not None and "min-height:44px" in rule.group(0)
    assert '<a class="tap" href="/trash/">Cancel</a>' in web.get("/trash/empty/").content.decode()


def test_empty_trash_leaves_no_message_for_the_next_page(make_user: Any, web_as: Any) -> None:
    """The property test's probe order: an unconfirmed POST, then a 404 for someone else's record and for a missing
    one. Both 404 pages must be the same, so the empty-trash answer may not wait in the session."""
    for who in (make_user(), make_user(role="therapist")):
        web = web_as(who)
        web.post("/trash/empty/")
        first, second = (
            CSRF.sub("", web.get(f"/attachments/{uuid.uuid4()}/").content.decode()) for _ in "12"
        )
        assert first == second and "The trash is" not in first
