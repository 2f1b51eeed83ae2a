"""Review r64: ``GET /entries?q=`` finds a word whatever Unicode form the keyboard that typed it used.

"café" can arrive composed (U+00E9, most keyboards) or decomposed ("e" + U+0301: text pasted from some Mac and
Android apps, Vietnamese keyboards). Both look the same on screen; the search compares code points, so a word
typed on one device is not found from another.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from api_client import as_token

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("stored_form, query_form", [("NFD", "NFC"), ("NFC", "NFD")])
def test_search_finds_a_title_typed_in_another_unicode_form(
    make_user: Any, stored_form: str, query_form: str
) -> None:
    """A client titled a dream "Café in Hà Nội" on their phone and searches "café" on the laptop: the list is
    empty, though the title on screen holds exactly that word. They should find the dream."""
    api = as_token(make_user(role="client"))
    title = unicodedata.normalize(stored_form, "Café in Hà Nội")  # type: ignore[arg-type]
    made = api.post("entries", {"kind": "dream", "title": title, "body": "We sat by the lake."})
    assert made.status_code == 201, made.content
    query = unicodedata.normalize(query_form, "café")  # type: ignore[arg-type]
    found = api.get("entries", data={"q": query})
    assert found.status_code == 200
    assert [e["id"] for e in json.loads(found.content)] == [json.loads(made.content)["id"]]


def test_the_same_feeling_in_two_unicode_forms_is_refused_as_listed_twice(make_user: Any) -> None:
    """A client's app sends "énervé" at intensity 2 (typed) and "énervé" at 5 (picked from a list that stores the
    decomposed form). The entry shows the same feeling twice with two strengths, and the insight pages count it
    as two feelings; they should be told "The 2nd feeling is listed twice." as when both are typed alike."""
    api = as_token(make_user(role="client"))
    feelings = [
        {"name": unicodedata.normalize("NFC", "énervé"), "intensity": 2},
        {"name": unicodedata.normalize("NFD", "énervé"), "intensity": 5},
    ]
    answer = api.post("entries", {"kind": "reflection", "body": "A long day.", "feelings": feelings})
    assert answer.status_code == 400, json.loads(answer.content).get("feelings")
    assert json.loads(api.get("entries").content) == []
