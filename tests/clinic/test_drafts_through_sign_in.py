"""One mechanism for every form that takes a person's text: a POST arriving signed out gets the sign-in page
carrying the words; after the sign-in they are saved only into the account that wrote them, or shown back."""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

import pytest
from django.core import signing
from django.test import Client

from reverie.clinic.models import Entry
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.clinic.web import drafts
from reverie.errors import KeyUnavailable

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"
WORDS = "Words typed over a long while, kept whatever happens"


def _login(client: Client, name: str, **extra: Any) -> Any:
    return client.post("/login/", {"username": name, "password": PASSWORD, **extra})


def _expire(web: Client) -> None:
    session = web.session
    session["last_seen"] = 0
    session.save()


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("/write/", "body"),
        ("/journal/00000000-0000-0000-0000-000000000000/edit/", "body"),
        ("/courses/00000000-0000-0000-0000-000000000000/sessions/1/", "text"),  # progress and process notes
        ("/courses/00000000-0000-0000-0000-000000000000/formulation/", "presenting"),
        ("/courses/00000000-0000-0000-0000-000000000000/letter/", "text"),
        ("/safety/plan/", "warning_signs"),
        ("/clients/1/safety-plan/", "warning_signs"),
    ],
)
def test_every_text_form_posted_signed_out_carries_the_words(path: str, field: str) -> None:
    response = Client().post(path, {field: WORDS, "password": "never echoed"})
    assert response.status_code == 401
    assert b"never echoed" not in response.content  # a secret is never carried
    draft = response.context["draft"]
    assert draft.get(drafts.PATH) == path and drafts.OWNER not in draft  # no one was known to be signed in
    if drafts.is_clients_own(path):  # a client's own text travels as it is
        assert WORDS.encode() in response.content and drafts.SEALED not in draft
    else:  # a therapist's form: carried sealed, not readable in the page (r13 point 1)
        assert WORDS.encode() not in response.content and draft.get(drafts.SEALED)


def test_an_edit_comes_back_after_the_sign_in_and_is_saved_by_one_press(make_user: Any) -> None:
    cleo = make_user("drafts-cleo")
    entry = journal.create_entry(cleo, EntryDraft(kind="dream", body="first"))
    web = Client()
    _login(web, "drafts-cleo")
    _expire(web)
    path = f"/journal/{entry.id}/edit/"
    expired = web.post(path, {"kind": "dream", "body": WORDS, "base_revision": str(entry.revision)})
    assert expired.status_code == 401
    back = _login(web, "drafts-cleo", **dict(expired.context["draft"]))
    assert back.status_code == 200 and WORDS.encode() in back.content
    assert f'action="{path}"'.encode() in back.content and b"Save it now" in back.content
    assert journal.get_entry(cleo, entry.id).body == "first"  # nothing saved without the press
    saved = web.post(path, dict(back.context["hidden"]) | {"body": WORDS})
    assert saved.status_code == 302 and journal.get_entry(cleo, entry.id).body == WORDS


def test_another_account_sees_none_of_the_words_and_the_writer_gets_them_back(make_user: Any) -> None:
    """A shared phone (review r135 fault 5): Ann's session ends while she writes; Ben signs in on the page that
    carries her words. Ben sees none of them, only that they were kept for someone else, and nothing is saved into
    his journal; "Sign out so they can sign in" takes them, still sealed, to the sign-in page, where Ann signing in
    gets them saved into her own journal. Before, Ben was shown Ann's words under "Not saved yet — your text is
    here", and Ann could never get them back."""
    ann = make_user("drafts-ann")
    ben = make_user("drafts-ben")
    web = Client()
    _login(web, "drafts-ann")
    _expire(web)
    expired = web.post("/write/", {"kind": "dream", "body": WORDS})
    assert WORDS.encode() not in expired.content  # not readable in the sign-in page either
    back = _login(web, "drafts-ben", **dict(expired.context["draft"]))
    assert back.status_code == 409 and WORDS.encode() not in back.content
    assert b"your text" not in back.content.lower()
    assert drafts.KEPT_FOR_WRITER.encode() in back.content
    assert b"Save it now" not in back.content and Entry.objects.filter(client=ben).count() == 0
    kept = dict(back.context["kept"])
    assert drafts.SEALED in kept
    handed = web.post("/logout/", kept)  # "Sign out so they can sign in"
    assert handed.status_code == 200 and WORDS.encode() not in handed.content
    assert not handed.wsgi_request.user.is_authenticated
    saved = _login(web, "drafts-ann", **dict(handed.context["draft"]))
    assert saved.status_code == 302
    assert [v.body for v in journal.list_entries(ann)] == [WORDS]
    assert Entry.objects.filter(client=ben).count() == 0


def test_words_whose_writer_is_unknown_are_never_called_yours(make_user: Any) -> None:
    """No one knew who wrote them (a forged or missing owner): shown to copy or save, said to be perhaps someone
    else's, never "your text"."""
    eve = make_user("drafts-unknown")
    draft = {drafts.PATH: "/write/", "draft_kind": "dream", "draft_body": WORDS}
    back = _login(Client(), eve.username, **draft)
    assert back.status_code == 200 and WORDS.encode() in back.content
    assert b"your text is here" not in back.content and b"someone else on this device" in back.content


def test_a_forged_owner_is_no_owner(make_user: Any) -> None:
    """A token not signed with the drafts' salt (or not signed at all) proves nothing: shown, not saved."""
    eve = make_user("drafts-eve")
    forged = signing.dumps(eve.pk, salt="some other purpose")
    draft = {drafts.PATH: "/write/", drafts.OWNER: forged, "draft_kind": "dream", "draft_body": WORDS}
    back = _login(Client(), "drafts-eve", **draft)
    assert back.status_code == 200 and WORDS.encode() in back.content and b"could not tell" in back.content
    assert Entry.objects.filter(client=eve).count() == 0


def test_the_owner_is_saved_into_their_own_journal_as_before(make_user: Any) -> None:
    fay = make_user("drafts-fay")
    web = Client()
    _login(web, "drafts-fay")
    _expire(web)
    expired = web.post("/write/", {"kind": "dream", "body": WORDS, "entry_id": str(uuid.uuid4())})
    draft = dict(expired.context["draft"])
    assert _login(web, "drafts-fay", **draft).status_code == 302
    assert _login(web, "drafts-fay", **draft).status_code == 302  # the sign-in page sent twice: one entry
    assert [v.body for v in journal.list_entries(fay)] == [WORDS]


def test_a_lost_picture_is_said_and_the_entry_waits(make_user: Any) -> None:
    import io

    gus = make_user("drafts-gus")
    web = Client()
    _login(web, "drafts-gus")
    _expire(web)
    picture = io.BytesIO(b"\x89PNG\r\n\x1a\n")
    picture.name = "p.png"
    expired = web.post("/write/", {"kind": "art", "body": WORDS, "attachment": picture})
    assert b"was not kept: attach it again" in expired.content
    back = _login(web, "drafts-gus", **dict(expired.context["draft"]))
    assert back.status_code == 200 and WORDS.encode() in back.content
    assert b"Your picture was not kept: attach it again." in back.content  # r134: never "picture/recording"
    assert Entry.objects.filter(client=gus).count() == 0


def test_an_edit_that_fails_to_save_gives_the_words_back(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    hal = make_user("drafts-hal")
    entry = journal.create_entry(hal, EntryDraft(kind="dream", body="first"))
    web = web_as(hal)

    def no_key(*args: Any, **kwargs: Any) -> Any:
        raise KeyUnavailable("The master key is missing.")

    monkeypatch.setattr(journal, "update_entry", no_key)
    with caplog.at_level(logging.INFO):
        response = web.post(
            f"/journal/{entry.id}/edit/",
            {"kind": "dream", "body": WORDS, "base_revision": str(entry.revision)},
        )
    assert response.status_code == 503 and WORDS.encode() in response.content
    assert b"could not save this just now" in response.content
    assert WORDS not in caplog.text and "KeyUnavailable" in caplog.text


def test_a_trashed_entry_is_restored_and_saved_or_the_words_go_to_a_new_entry(
    make_user: Any, web_as: Any
) -> None:
    ivy = make_user("drafts-ivy")
    entry = journal.create_entry(ivy, EntryDraft(kind="reflection", body="first"))
    web = web_as(ivy)
    journal.trash_entry(ivy, entry.id)
    post = {"kind": "reflection", "body": WORDS, "base_revision": str(entry.revision)}
    page = web.post(f"/journal/{entry.id}/edit/", post)
    assert page.status_code == 409 and b"Restore the entry and save this" in page.content
    assert b'formaction="/write/"' in page.content and b"Save as a new entry" in page.content
    saved = web.post(f"/journal/{entry.id}/edit/", {**post, "restore": "1"})
    assert saved.status_code == 302 and journal.get_entry(ivy, entry.id).body == WORDS


def test_someone_elses_trashed_entry_stays_a_plain_404(make_user: Any, web_as: Any) -> None:
    jo = make_user("drafts-jo")
    kim = make_user("drafts-kim")
    entry = journal.create_entry(jo, EntryDraft(kind="reflection", body="Jo kept this to herself"))
    journal.trash_entry(jo, entry.id)
    post = {"kind": "reflection", "body": WORDS, "base_revision": "1", "restore": "1"}
    web = web_as(kim)
    response = web.post(f"/journal/{entry.id}/edit/", post)
    nowhere = web.post(f"/journal/{uuid.uuid4()}/edit/", post)
    assert response.status_code == nowhere.status_code == 404  # as for an entry that does not exist
    assert b"Restore the entry" not in response.content and b"Jo kept this" not in response.content
    assert journal.trashed_entry(jo, entry.id) is not None  # still in jo's trash, unchanged


def test_the_forms_own_mark_binds_the_words_to_one_press_when_the_session_is_gone(
    make_user: Any, web_as: Any
) -> None:
    """Cookies cleared, the 12-hour age, a sign-out in another tab: no session says who wrote; the form does."""
    lea = make_user("drafts-lea")
    page = web_as(lea).get("/write/")
    found = re.search(rb'name="writer" value="([^"]+)"', page.content)
    assert found is not None
    writer = found.group(1).decode()
    assert drafts.writer_of(writer) == lea.pk and drafts.writer_of(writer + "x") is None
    web = Client()  # no session at all
    expired = web.post("/write/", {"kind": "dream", "body": WORDS, "writer": writer})
    assert expired.status_code == 401 and writer not in dict(expired.context["draft"]).get("draft_writer", [])
    # Bound by the form's mark only (anyone who saw the form could carry it): given back to save by one press.
    back = _login(web, "drafts-lea", **dict(expired.context["draft"]))
    assert back.status_code == 200 and b"Save it now" in back.content and not journal.list_entries(lea)
    assert web.post("/write/", {**dict(back.context["hidden"]), "body": WORDS}).status_code == 302
    assert [v.body for v in journal.list_entries(lea)] == [WORDS]


def test_a_refused_form_token_never_shows_the_words_to_the_next_account(make_user: Any) -> None:
    """The usual path on a shared phone (review r135 fault 5): Ben signs in in another tab, which rotates the form's
    token, and Ann's Save is refused by the CSRF check first. The refused-form page showed Ann's words to Ben; now
    they are sealed for Ann, shown to no one, and nothing is saved."""
    ann = make_user("csrf-ann")
    ben = make_user("csrf-ben")
    web = Client(enforce_csrf_checks=True)
    web.force_login(ann)
    found = re.search(rb'name="writer" value="([^"]+)"', web.get("/write/").content)
    assert found is not None
    web.force_login(ben)
    refused = web.post("/write/", {"kind": "dream", "body": WORDS, "writer": found.group(1).decode()})
    assert refused.status_code == 403 and WORDS.encode() not in refused.content
    assert b'name="draft__sealed"' in refused.content
    assert Entry.objects.filter(client__in=[ann, ben]).count() == 0
