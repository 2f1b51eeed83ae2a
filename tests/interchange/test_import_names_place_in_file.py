"""Every message of an import names an entry by its place in the file as the person sees it (``entries[5]``), even
when entries before it were left out: the messages counted the place in the list of entries still read, so after
one entry was left out each later one was named one place too early (h161, point 1). The place travels with the
entry (``PortableEntry.file_index``, ``PortableFit.file_index``) from the moment it is read."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.errors import InvalidInput
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]
WHEN = "2026-02-01T09:00:00+00:00"


def _new(number: int, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": f"new-{number}",
        "kind": "reflection",
        "body": f"Morning {number}.",
        "happened_at": f"2026-02-{number + 1:02d}T09:00:00+00:00",
        "written_at": f"2026-02-{number + 1:02d}T09:00:00+00:00",
    }
    entry.update(fields)
    return entry


def _file(here: dict[str, Any]) -> dict[str, Any]:
    """Seven entries; the first is left out on reading (an unknown kind), so every later message must still count
    it. Each later entry draws one message: it differs from the one here, repeats an id, holds an answer about an
    observation this Reverie does not make (after a bad answer left out before it), holds a comma, is refused by
    the save's checks (a dream of a night not yet come), holds a comma after that refusal."""
    differs = dict(here, body="Evening, corrected in the file.")
    bad_fit = {"about": "feelings:sadness", "answer": "maybe", "answered_at": WHEN}
    odd_fit = {"about": "horoscope:leo", "answer": "fits", "answered_at": WHEN}
    return {
        "schema": "reverie.export/10",
        "exported_at": WHEN,
        "entries": [
            _new(0, kind="horoscope"),
            differs,
            dict(differs),
            _new(3, fit=[bad_fit, odd_fit]),
            _new(4, tags=["home, family"]),
            _new(5, kind="dream", happened_at="2999-01-01T00:00:00+00:00"),
            _new(6, people=["Smith, John"]),
        ],
    }


def test_every_import_message_names_the_entry_s_place_in_the_file(make_user: Any) -> None:
    person = make_user()
    journal.create_entry(
        person,
        EntryDraft(kind="reflection", body="Evening.", happened_at=datetime(2026, 1, 12, 21, 0, tzinfo=UTC)),
    )
    (here,) = json.loads(dump_reverie_json(portability.export_journal(person)))["entries"]
    report = portability.import_journal(person, json.dumps(_file(here)).encode("utf-8"))
    assert report.created == 3
    problems = list(report.problems)
    assert problems[0].startswith("entries[0]: kind must be one of")
    assert problems[1].startswith("entries[3].fit[0]: fit answer must be one of")
    assert problems[2] == "entries[2] repeats an earlier id: left out."
    assert problems[3].startswith("entries[5]: ") and problems[3].endswith(" Left out.")
    assert problems[4] == "entries[3].fit[1] is about an observation this Reverie does not make: left out."
    assert len(problems) == 5
    assert report.notes[0] == (
        "1 entry in the file differs from the one here; the one here was kept: "
        "entries[1] (Reflection, 2026-01-12 21:00)."
    )
    (commas,) = [note for note in report.notes if "comma" in note]
    assert "entries[4] (2026-02-05), entries[6] (2026-02-07)" in commas


def test_a_refused_entry_of_an_all_or_nothing_import_is_named_by_its_place_in_the_file(
    make_user: Any,
) -> None:
    """jrnl's empty entries are left out even by an all-or-nothing read: the dream after one, of a night not yet
    come, is named by its own place when it refuses the file (it was "Entry 1 of the import")."""
    document = {
        "tags": {"@dream": 1},
        "entries": [
            {"date": "2026-02-01", "time": "09:00", "title": "", "body": "  "},
            {
                "date": "2999-02-02",
                "time": "09:00",
                "title": "Stairs",
                "body": "Endless.",
                "tags": ["@dream"],
            },
        ],
    }
    with pytest.raises(InvalidInput) as refused:
        portability.import_journal(make_user(), json.dumps(document).encode(), all_or_nothing=True)
    assert refused.value.message.startswith("entries[1] of the file: ")
    assert refused.value.message.endswith(" Nothing was imported.")
