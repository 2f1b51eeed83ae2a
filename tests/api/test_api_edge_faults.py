"""The API edge as a client app, a therapist app and a hostile app (faults review r82 proved: keys, pairing, errors)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token, error_of
from django.core.files.uploadedfile import SimpleUploadedFile

from reverie.clinic.models import Entry, Pair

pytestmark = pytest.mark.django_db


def test_retry_after_purge_does_not_bring_the_entry_back(make_user: Any) -> None:
    """A phone saves an entry with an Idempotency-Key; the answer is lost, so its queue keeps the request to retry.
    Meanwhile the person deletes that entry for good (trash, then "delete for good"). When the phone's retry
    arrives, the API answers 201 and the entry deleted for good is back in the journal, under the very id that
    was purged. The person should see their deletion stand: the retry refused (409, as for an entry moved to the
    trash since), nothing stored again."""
    user = make_user()
    api = as_token(user)
    key = {"headers": {"Idempotency-Key": "phone-save-0001"}}
    body = {"kind": "dream", "body": "a dream I later chose to delete for good"}
    first = api.post("entries", body, **key)
    assert first.status_code == 201, first.content
    entry_id = json.loads(first.content)["id"]
    assert api.delete(f"entries/{entry_id}").status_code == 204
    assert api.delete(f"trash/{entry_id}").status_code == 204
    assert not Entry.objects.filter(client=user).exists()

    retry = api.post("entries", body, **key)

    assert retry.status_code == 409, (retry.status_code, retry.content)
    assert error_of(retry)["code"] == "E409"
    assert not Entry.objects.filter(client=user).exists()
    assert json.loads(api.get("entries").content) == []


def test_upload_retry_after_the_file_was_removed_does_not_bring_it_back(make_user: Any) -> None:
    """A phone attaches a drawing with an Idempotency-Key and loses the answer; the person then removes that
    drawing "for good" (DELETE /attachments/{id}, 204) from another device. The phone's queued retry answers 201
    and the removed picture is back on the entry, under the id that was removed. The person should see the removal
    stand: the retry refused (409), the entry holding only the files they kept."""
    api = as_token(make_user())
    art = json.loads(api.post("entries", {"kind": "art", "body": "a harbour at dusk"}).content)["id"]

    def upload(key: str, name: str) -> Any:
        png = SimpleUploadedFile(name, b"\x89PNG\r\n\x1a\n" + name.encode(), content_type="image/png")
        url = f"/api/v1/entries/{art}/attachments"
        return api.client.post(url, {"file": png}, headers={"Idempotency-Key": key})

    removed = upload("phone-upload-1", "removed.png")
    kept = upload("phone-upload-2", "kept.png")
    assert removed.status_code == kept.status_code == 201
    assert api.delete(f"attachments/{removed.json()['id']}").status_code == 204

    retry = upload("phone-upload-1", "removed.png")

    assert retry.status_code == 409, (retry.status_code, retry.content)
    listed = [a["filename"] for a in json.loads(api.get(f"entries/{art}/attachments").content)]
    assert listed == ["kept.png"]


def test_code_of_a_deactivated_therapist_links_no_one(make_user: Any) -> None:
    """A therapist gave a client a code, then left the clinic: the operator deactivated the account (it can no
    longer sign in, its tokens stop working). The client redeems the code days later: 201, "linked", and the
    client is told what "your therapist" will see of any risk in what they write, though no one will ever read
    those alerts. The client should be told the code is not valid (404, as for an expired code) and no link made."""
    client = make_user(role="client")
    therapist = make_user(role="therapist")
    from reverie.clinic.services import people

    code = people.issue_invitation(therapist)
    therapist.is_active = False
    therapist.save(update_fields=["is_active"])

    answer = as_token(client).post("pair/accept", {"code": code})

    assert answer.status_code == 404, (answer.status_code, answer.content)
    assert error_of(answer)["code"] == "E404"
    assert not Pair.objects.filter(client=client).exists()


@pytest.mark.parametrize("raw", ["[1, 2]", '"a dream"', "null"])
def test_a_request_that_is_not_an_object_is_not_blamed_on_the_body_field(make_user: Any, raw: str) -> None:
    """A client app sends POST /entries with a JSON list, a string or null instead of an object (a bug in its
    serializer). The 422 says "Check: body (model_attributes_type)": `body` is the name of the entry's text
    field, so the app (and its developer) cannot tell this from `{"body": null}`, which also answers
    "Check: body (…)". The message should say the request body as a whole is not a JSON object, never name
    the entry's `body` field."""
    api = as_token(make_user())
    whole = api.call("POST", "entries", raw=raw)
    field = api.post("entries", {"kind": "dream", "body": None})
    assert whole.status_code == 422 and field.status_code == 422
    whole_message, field_message = error_of(whole)["message"], error_of(field)["message"]
    assert "Check: body (" in field_message  # the entry's text field, rightly named
    assert "Check: body (" not in whole_message, whole_message


@pytest.mark.parametrize(
    ("field", "value"), [("title", "The boat"), ("people", ["father"]), ("tags", ["sea"])]
)
def test_patch_null_is_not_a_silent_success(make_user: Any, field: str, value: Any) -> None:
    """A client app clears a field the JSON way, `PATCH /entries/{id}` with `{"title": null}` (JSON Merge
    Patch: null removes). The API answers 200 with the same revision and the title still there: the app shows
    "saved" and the person's change did not happen. The API should either clear the field or refuse the null
    (422 naming the field), never answer 200 having changed nothing the person asked for."""
    api = as_token(make_user())
    created = json.loads(api.post("entries", {"kind": "dream", "body": "words", field: value}).content)

    answer = api.patch(f"entries/{created['id']}", {field: None, "revision": created["revision"]})

    assert answer.status_code == 200, (answer.status_code, answer.content)
    assert json.loads(answer.content)[field] in ("", []), answer.content  # null clears a clearable field
    assert json.loads(api.get(f"entries/{created['id']}").content)[field] in ("", [])


@pytest.mark.parametrize(("field", "kept"), [("body", "words"), ("happened_at", None)])
def test_patch_null_on_a_field_that_cannot_be_empty_is_refused_naming_it(
    make_user: Any, field: str, kept: Any
) -> None:
    """The words and the date cannot be cleared: null is a 422 that names the field, and nothing changes; a field
    left out keeps its value (not sent is not null)."""
    api = as_token(make_user())
    created = json.loads(api.post("entries", {"kind": "dream", "body": "words", "title": "T"}).content)

    answer = api.patch(f"entries/{created['id']}", {field: None, "revision": created["revision"]})

    assert answer.status_code == 422, (answer.status_code, answer.content)
    assert f"Check: {field} (" in error_of(answer)["message"]
    stored = json.loads(api.get(f"entries/{created['id']}").content)
    assert stored["revision"] == created["revision"] and stored[field] == created[field]
    left_out = api.patch(f"entries/{created['id']}", {"tags": ["x"], "revision": created["revision"]})
    assert left_out.status_code == 200
    assert {k: json.loads(left_out.content)[k] for k in ("title", "body")} == {"title": "T", "body": "words"}


def test_a_request_that_is_not_an_object_is_named_as_the_request(make_user: Any) -> None:
    """The whole request refused is named as the request, with what to send; a field inside is named by its path."""
    api = as_token(make_user())
    whole = error_of(api.call("POST", "entries", raw="[1, 2]"))["message"]
    assert "Check: request (send a JSON object)" in whole
    nested = error_of(api.post("entries", {"kind": "dream", "body": "b", "feelings": [{"name": "x"}]}))
    assert "Check: feelings.0.intensity (missing)" in nested["message"]


@pytest.mark.parametrize("when", [1767261600, 1767261600.5])
def test_happened_at_as_a_bare_number_is_refused(make_user: Any, when: float) -> None:
    """A date needs its time zone (docs/api.md): a number of seconds names none, so it is refused (422), nothing
    stored, on a save and on an edit."""
    user = make_user()
    api = as_token(user)
    answer = api.post("entries", {"kind": "dream", "body": "b", "happened_at": when})
    assert answer.status_code == 422 and "happened_at" in error_of(answer)["message"]
    assert not Entry.objects.filter(client=user).exists()
    made = json.loads(api.post("entries", {"kind": "dream", "body": "b"}).content)
    edit = api.patch(f"entries/{made['id']}", {"happened_at": when})
    assert edit.status_code == 422 and "happened_at" in error_of(edit)["message"]


def test_ending_a_course_with_a_null_day_is_refused(paired: tuple[Any, Any]) -> None:
    """Ending cannot be undone: ``{"on": null}`` is a client's bug, refused (422), never read as "today"."""
    from datetime import datetime

    from reverie.care.services.course import CourseDraft, create_course

    client, therapist = paired
    course = create_course(
        therapist, CourseDraft(client=client.username, programme="long_term", start=datetime(2026, 1, 5, 10))
    )
    api = as_token(therapist)

    answer = api.post(f"courses/{course.id}/end", {"on": None})

    assert answer.status_code == 422 and "Check: on (" in error_of(answer)["message"]
    assert json.loads(api.get(f"courses/{course.id}").content)["ended_on"] is None


def test_therapist_paging_survives_the_client_trashing_the_cursor_entry(
    paired: tuple[Any, Any],
) -> None:
    """A therapist's app pages through a client's shared entries with `after` (docs/api.md: "The entry named may
    have been trashed since ... each still there is reached once"). While the therapist reads page one, the client
    moves the entry at the foot of that page to their trash. The therapist's next page answers 400 "no longer in
    the journal; start again from the first page", so an app paging a busy journal may never reach the end. It
    should give the entries after that one, as the client's own paging does (and as the docs promise)."""
    client, therapist = paired
    writer, reader = as_token(client), as_token(therapist)
    for day in (1, 2, 3):
        body = {"kind": "dream", "body": f"dream {day}", "happened_at": f"2026-01-0{day}T10:00:00+00:00"}
        made = json.loads(writer.post("entries", body).content)
        assert writer.post(f"entries/{made['id']}/share").status_code == 200
    first_page = json.loads(reader.get("entries?limit=1").content)
    assert [e["body"] for e in first_page] == ["dream 3"]
    assert writer.delete(f"entries/{first_page[0]['id']}").status_code == 204

    next_page = reader.get(f"entries?limit=2&after={first_page[0]['id']}")

    assert next_page.status_code == 200, (next_page.status_code, next_page.content)
    assert [e["body"] for e in json.loads(next_page.content)] == ["dream 2", "dream 1"]
