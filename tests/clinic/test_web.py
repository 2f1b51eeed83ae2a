from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db
PASSWORD = "a long test password"


def _without_tokens(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def _signed_up(client: Client, name: str = "dana", role: str = "client") -> Client:
    response = client.post(
        "/setup/" if name == "dana" else "/signup/", {"username": name, "password": PASSWORD, "role": role}
    )
    assert response.status_code == 302, response.content[:500]
    return client


def test_web_first_run_page_creates_the_first_account() -> None:
    client = Client()
    assert client.get("/").url == "/setup/"
    page = client.get("/setup/")
    assert b"first run" in page.content
    _signed_up(client)
    assert client.get("/setup/").status_code == 302  # only while there are no accounts
    assert b"Write whatever comes to mind" in client.get("/").content


def test_web_write_a_dream_with_two_contradictory_feelings_list_and_export() -> None:
    client = _signed_up(Client())
    response = client.post(
        "/write/",
        {
            "kind": "dream",
            "happened_at": "2026-01-10T03:30",
            "body": "My father was on a boat and I could not reach him.",
            "feel_love": "1",
            "int_love": "4",
            "feel_anger": "1",
            "int_anger": "5",
        },
    )
    assert response.status_code == 302
    page = client.get(response.url)
    assert b"love 4/5" in page.content and b"anger 5/5" in page.content
    listing = client.get("/journal/")
    assert b"Dream" in listing.content and b"love 4" in listing.content
    exported = client.post("/export/", {"format": "json"})
    doc = json.loads(exported.content)
    assert doc["schema"] == "reverie.export/10"
    assert [f["name"] for f in doc["entries"][0]["feelings"]] == ["love", "anger"]
    markdown = client.post("/export/", {"format": "markdown"})
    assert "boat" in markdown.content.decode()


@pytest.mark.parametrize(
    ("fields", "phrase"),
    [
        ({"kind": "dream", "body": ""}, b"empty"),
        ({"kind": "dream", "body": "x" * 1_000_001}, b"limit"),
        ({"kind": "dream", "body": "a dream", "happened_at": "2999-01-01T03:00"}, b"future"),
        ({"kind": "nightmare", "body": "text"}, b"Select a valid choice"),
    ],
)
def test_web_bad_entries_get_a_readable_400_and_keep_the_text(fields: dict[str, str], phrase: bytes) -> None:
    client = _signed_up(Client())
    response = client.post("/write/", fields)
    assert response.status_code == 400
    assert phrase in response.content
    if fields["body"] and len(fields["body"]) < 100:
        assert fields["body"].encode() in response.content  # the text is still in the form
    assert Entry.objects.count() == 0


def test_web_other_peoples_entries_answer_404_like_missing_ones() -> None:
    alice = _signed_up(Client())
    alice.post("/write/", {"kind": "reflection", "body": "alice private"})
    entry_id = str(Entry.objects.get().id)
    bob = _signed_up(Client(), "bob")
    theirs = bob.get(f"/journal/{entry_id}/")
    missing = bob.get("/journal/00000000-0000-0000-0000-000000000000/")
    assert theirs.status_code == missing.status_code == 404
    assert _without_tokens(theirs.content) == _without_tokens(missing.content)
    assert bob.post(f"/journal/{entry_id}/share/", {"shared": "1"}).status_code == 404


def test_web_anonymous_visitors_are_sent_to_log_in() -> None:
    _signed_up(Client())
    anonymous = Client()
    assert anonymous.get("/journal/").status_code == 302
    assert (
        anonymous.post("/write/", {"kind": "dream", "body": "x"}).status_code == 401
    )  # asks to sign in, keeps text
    assert Entry.objects.count() == 0


def test_web_wrong_password_is_refused_with_401() -> None:
    _signed_up(Client())
    response = Client().post("/login/", {"username": "dana", "password": "wrong password!"})
    assert response.status_code == 401 and b"Wrong user name or password" in response.content


def test_web_cross_site_post_is_refused() -> None:
    client = Client(enforce_csrf_checks=True)
    _signed_up(Client())
    client.post("/login/", {"username": "dana", "password": PASSWORD})
    assert client.post("/write/", {"kind": "dream", "body": "x"}).status_code == 403
    assert Entry.objects.count() == 0


def test_web_pages_carry_security_headers() -> None:
    response = Client().get("/login/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_web_safety_page_is_one_step_from_every_page(make_user: Any) -> None:
    client = _signed_up(Client())
    for path in ("/", "/journal/", "/export/", "/pair/"):
        assert b'href="/safety/"' in client.get(path).content
    assert b"988" in client.get("/safety/").content


def test_web_art_upload_checks_type(make_user: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _signed_up(Client())
    fake = SimpleUploadedFile("a.png", b"not an image at all", content_type="image/png")
    response = client.post("/write/", {"kind": "art", "body": "", "attachment": fake})
    assert response.status_code == 400 and b"not an image" in response.content
    png = SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n" + b"0" * 100, content_type="image/png")
    response = client.post("/write/", {"kind": "art", "body": "", "attachment": png})
    assert response.status_code == 302
    page = client.get(response.url)
    assert b"/attachments/" in page.content


def test_web_a_replayed_submission_writes_nothing_new() -> None:
    client = _signed_up(Client())
    form = client.get("/write/")
    entry_id = re.search(rb'name="entry_id" value="([0-9a-f-]+)"', form.content)
    assert entry_id is not None
    fields = {"kind": "dream", "body": "only once", "entry_id": entry_id.group(1).decode()}
    first = client.post("/write/", fields)
    second = client.post("/write/", fields)
    assert first.status_code == second.status_code == 302 and first.url == second.url
    assert Entry.objects.count() == 1


def test_web_entry_history_shows_earlier_versions(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    alice = make_user()
    view = journal.create_entry(alice, EntryDraft(kind="dream", body="the first telling"))
    journal.update_entry(alice, view.id, EntryDraft(kind="dream", body="the second telling"))
    page = web_as(alice).get(f"/journal/{view.id}/history/").content.decode()
    assert "the first telling" in page and "Version 1" in page
    assert web_as(make_user()).get(f"/journal/{view.id}/history/").status_code == 404
