"""Review r66: an entry saved before h76 with a comma in a person's name stays editable, and keeps its person.

h76 refuses a comma in a person, tag or feeling name on every door. Entries saved before it may hold one (the API
took "Smith, John" as one person until then). The stored label is sealed entry content: nothing rewrote it.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token

from web_client import form_fields, signed_in

pytestmark = pytest.mark.django_db


def _entry_saved_before_h76(user: Any, **labels: Any) -> str:
    """A reflection about "Smith, John" as the API stored it before commas were refused: the sealed payload written
    by the same sealing the journal uses, the label as it was accepted then (``labels``: other stored fields, e.g.
    ``tags`` or ``feelings`` as ``[[name, intensity]]``)."""
    from reverie.clinic.models import Entry
    from reverie.clinic.services import journal, keys

    api = as_token(user)
    made = api.post("entries", {"kind": "reflection", "body": "Teh meeting went badly.", "people": ["Smith"]})
    assert made.status_code == 201, made.content
    entry_id = json.loads(made.content)["id"]
    entry = Entry.objects.get(pk=entry_id)
    doc = json.loads(keys.open_for(user, str(entry.id), "entry.payload", entry.payload))
    doc["people"] = ["Smith, John"]
    doc.update(labels)
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    entry.payload = keys.seal_for(user, journal._record_id(entry.id), "entry.payload", raw)
    entry.save(update_fields=["payload"])
    assert json.loads(api.get(f"entries/{entry_id}").content)["people"] == ["Smith, John"]
    return str(entry_id)


def test_api_patch_of_the_words_alone_works_on_an_entry_with_an_old_comma_label(make_user: Any) -> None:
    """A client's app fixes a typo in the words of a reflection saved last month about "Smith, John"
    (PATCH {"body": ...}, people not sent). They see 400 "A person cannot hold a comma ... Nothing was saved." for
    a field they did not touch, and no edit of that entry's words can ever be saved through the API. They should
    see the words saved (200), the person left as stored."""
    user = make_user(role="client")
    entry_id = _entry_saved_before_h76(user)
    api = as_token(user)
    answer = api.patch(f"entries/{entry_id}", {"body": "The meeting went badly."})
    assert answer.status_code == 200, answer.content
    stored = json.loads(api.get(f"entries/{entry_id}").content)
    assert stored["body"] == "The meeting went badly.", stored["body"]
    assert len(stored["people"]) == 1, stored["people"]


def test_web_edit_of_the_words_keeps_one_person_on_an_entry_with_an_old_comma_label(make_user: Any) -> None:
    """The same client fixes the typo on the web's edit page instead, touching nothing else. Either the save is
    refused for a person they did not type, or the entry now names two people, "Smith" and "John" (the edit page
    splits the shown list on commas), which is exactly the corruption h76 meant to end. They should see the words
    saved and the entry still about one person."""
    user = make_user(role="client")
    entry_id = _entry_saved_before_h76(user)
    web = signed_in(user)
    page = web.get(f"/journal/{entry_id}/edit/")
    assert page.status_code == 200
    fields = form_fields(page.content.decode())
    assert "body" in fields, sorted(fields)
    fields["body"] = "The meeting went badly."
    saved = web.post(f"/journal/{entry_id}/edit/", fields)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    stored = json.loads(as_token(user).get(f"entries/{entry_id}").content)
    assert stored["body"] == "The meeting went badly.", stored["body"]
    assert len(stored["people"]) == 1, stored["people"]


def test_web_edit_keeps_an_old_tag_and_feeling_name_with_a_comma_whole(make_user: Any) -> None:
    """The same entry also holds a tag "work, stress" and a feeling "tired, wired" (intensity 2) stored before
    commas were refused. Saving the web's edit page untouched but for the words keeps one tag and one feeling,
    each with its comma shown and saved as ";" (never "work" and "stress", never a refusal)."""
    user = make_user(role="client")
    entry_id = _entry_saved_before_h76(user, tags=["work, stress"], feelings=[["tired, wired", 2]])
    web = signed_in(user)
    fields = form_fields(web.get(f"/journal/{entry_id}/edit/").content.decode())
    fields["body"] = "The meeting went badly."
    saved = web.post(f"/journal/{entry_id}/edit/", fields)
    assert saved.status_code == 302, saved.content.decode()[:3000]
    stored = json.loads(as_token(user).get(f"entries/{entry_id}").content)
    assert stored["people"] == ["Smith; John"], stored["people"]
    assert stored["tags"] == ["work; stress"], stored["tags"]
    assert [(f["name"], f["intensity"]) for f in stored["feelings"]] == [("tired; wired", 2)], stored[
        "feelings"
    ]


def test_save_again_of_an_entry_with_an_old_comma_label(make_user: Any) -> None:
    """ "Save again" on an entry about "Smith, John" stored before commas were refused makes the copy (one
    person, its comma as ";"), never a refusal for a name the person did not type."""
    import uuid

    from reverie.clinic.services import journal

    user = make_user(role="client")
    entry_id = _entry_saved_before_h76(user)
    copy = journal.save_again(user, entry_id, uuid.UUID(int=77))
    assert str(copy.id) != entry_id
    assert copy.people == ("Smith; John",), copy.people
