"""Review r64: an entry written through the API, then edited on the web page, keeps what the API stored.

docs/api.md: "Nothing the API accepts or refuses differs from what the web accepts or refuses." The API takes a
person or a tag holding a comma (``"Smith, John"``, ``"work, stress"``) as one label; the web's edit page shows the
labels joined by ", " and splits them again on a comma when saved, so editing only the words silently changes
who and what the entry is about.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token, error_of

from web_client import form_fields, signed_in

pytestmark = pytest.mark.django_db


def _edit_words_on_the_web(user: Any, entry_id: str, body: str) -> None:
    web = signed_in(user)
    page = web.get(f"/journal/{entry_id}/edit/")
    assert page.status_code == 200
    fields = form_fields(page.content.decode())
    assert "body" in fields and "tags" in fields, sorted(fields)
    fields["body"] = body
    saved = web.post(f"/journal/{entry_id}/edit/", fields)
    assert saved.status_code == 302, saved.content.decode()[:2000]


def test_a_feeling_name_holding_a_comma_is_refused_naming_the_field(make_user: Any) -> None:
    """A client's app saves a feeling named "tired, wired" at intensity 2; on the web they fix only a typo in the
    text, and the entry then holds two feelings, "tired" at 3 and "wired" at 2. The web can never keep such a name,
    so every door refuses it (h76): a plain 400 naming the feeling by its place, nothing saved; a name without a
    comma survives the web edit unchanged."""
    user = make_user(role="client")
    api = as_token(user)
    refused = api.post(
        "entries",
        {
            "kind": "reflection",
            "body": "Teh day was long.",
            "feelings": [{"name": "tired, wired", "intensity": 2}],
        },
    )
    assert refused.status_code == 400, refused.content
    message = error_of(refused)["message"]
    assert "1st feeling" in message and "comma" in message and "tired" not in message, message
    assert json.loads(api.get("entries").content) == []
    made = api.post(
        "entries",
        {
            "kind": "reflection",
            "body": "Teh day was long.",
            "feelings": [{"name": "tired and wired", "intensity": 2}],
        },
    )
    assert made.status_code == 201, made.content
    entry = json.loads(made.content)
    _edit_words_on_the_web(user, entry["id"], "The day was long.")
    stored = json.loads(api.get(f"entries/{entry['id']}").content)
    assert stored["body"] == "The day was long."
    assert stored["feelings"] == [{"name": "tired and wired", "intensity": 2}], stored["feelings"]


@pytest.mark.parametrize("field, what", [("people", "person"), ("tags", "tag")])
def test_a_person_or_tag_holding_a_comma_is_refused_naming_the_field(
    make_user: Any, field: str, what: str
) -> None:
    """A client's phone app saves a reflection about "Smith, John" tagged "work, stress"; an edit of the words on
    the web's edit page would then list two people, "Smith" and "John", and two tags. The API refuses the comma
    (400 naming the field, never the label), as the web can never store one; nothing is saved."""
    api = as_token(make_user(role="client"))
    answer = api.post(
        "entries", {"kind": "reflection", "body": "Teh meeting went badly.", field: ["Smith, John"]}
    )
    assert answer.status_code == 400, answer.content
    message = error_of(answer)["message"]
    assert f"A {what} cannot hold a comma" in message and "Smith" not in message, message
    assert json.loads(api.get("entries").content) == []


def test_an_imported_label_holding_a_comma_is_kept_with_the_comma_replaced(make_user: Any) -> None:
    """An export made before commas were refused (or another app's file) holds a person "Smith, John", a tag
    "work, stress" and a feeling "tired, wired": the import keeps the entry, its labels with the comma replaced,
    never refused, split or crashed."""
    from reverie.clinic.services import journal, portability

    user = make_user(role="client")
    entry = {
        "id": "x1",
        "kind": "reflection",
        "body": "The meeting went badly.",
        "happened_at": "2024-01-01T00:00:00Z",
        "written_at": "2024-01-01T00:00:00Z",
        "people": ["Smith, John"],
        "tags": ["work, stress"],
        "feelings": [{"name": "tired, wired", "intensity": 2}],
    }
    doc = {"schema": "reverie.export/1", "exported_at": "2024-01-02T00:00:00Z", "entries": [entry]}
    assert portability.import_journal(user, json.dumps(doc).encode()).created == 1
    (view,) = journal.list_entries(user)
    assert view.people == ("Smith; John",) and view.tags == ("work; stress",), (view.people, view.tags)
    assert [(f.name, f.intensity) for f in view.feelings] == [("tired; wired", 2)]
