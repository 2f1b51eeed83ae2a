"""An export made before h76 imports whole, whatever the length of a label holding a comma (review r66).

h76 replaced each comma of an imported label by " / ", longer than the comma it replaced, so a label the journal
stored (at most 60 characters) could come back over the limit. ``journal.without_commas`` now keeps the length
(", " → "; ").
"""

from __future__ import annotations

import json
from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_a_60_character_person_with_commas_from_an_old_export_is_imported(make_user: Any) -> None:
    """A client exported their journal last year; one reflection names their psychiatrist as the API stored it
    then, "Dr. Maria Elena Rodriguez-Vasquez, MD, PhD, Medical Director" (60 characters, the most allowed).
    Importing that file into Reverie now refuses the entry ("Each person may be at most 60 characters"), because
    the " / " put in place of each ", " makes the name longer than the label it was. The entry should be imported
    with the name kept, its commas replaced as promised."""
    from reverie.clinic.services import journal, portability
    from reverie.errors import ReverieError

    person = "Dr. Maria Elena Rodriguez-Vasquez, MD, PhD, Medical Director"
    assert len(person) <= journal.MAX_LABEL_CHARS
    user = make_user(role="client")
    entry = {
        "id": "old-1",
        "kind": "reflection",
        "body": "The appointment went well.",
        "happened_at": "2025-03-01T09:00:00Z",
        "written_at": "2025-03-01T09:00:00Z",
        "people": [person],
    }
    doc = {"schema": "reverie.export/1", "exported_at": "2025-03-02T00:00:00Z", "entries": [entry]}
    try:
        result = portability.import_journal(user, json.dumps(doc).encode())
    except ReverieError as exc:
        pytest.fail(f"the import is refused: {exc.message}")
    assert result.created == 1, result
    (view,) = journal.list_entries(user)
    assert len(view.people) == 1 and "Rodriguez-Vasquez" in view.people[0], view.people
