"""Review r123: the ``reverie.export/8`` round trip: export a client with a course and PHQ-9 answers, import into a
fresh account, export again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from reverie.care.services import measures
from reverie.clinic.services import journal, portability
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]

SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "export-schema-v10.json"


def test_import_says_the_questionnaire_answers_in_the_file_were_not_imported(
    running: Any, make_user: Any
) -> None:
    """A client exports (a course, nine PHQ-9 answers, entries) and imports the file into a new account. The entries
    come over; the answers are documented as not imported (docs/measures.md), yet the import's notes say nothing
    of them: the person sees "Imported 2" and believes their answers moved too. The import should say the course
    record (the questionnaire answers) was not imported."""
    client, _therapist, course, _clock = running
    measures.submit(client, "phq9", [3, 0, 2, 1, 3, 0, 2, 1, 0], course_id=course.id)
    for words in ("first words", "second words"):
        journal.create_entry(client, journal.EntryDraft(kind="reflection", body=words))
    data = dump_reverie_json(portability.export_journal(client))
    document = json.loads(data)
    jsonschema.validate(document, json.loads(SCHEMA.read_text()))
    assert document["record"]["courses"][0]["measures"][0]["answers"]
    fresh = make_user("fresh")
    report = portability.import_journal(fresh, data)
    assert report.created == 2
    again = json.loads(dump_reverie_json(portability.export_journal(fresh)))
    assert sorted(e["body"] for e in again["entries"]) == sorted(e["body"] for e in document["entries"])
    said = " ".join(report.notes).lower()
    assert any(word in said for word in ("questionnaire", "answers", "course", "record")), report.notes
