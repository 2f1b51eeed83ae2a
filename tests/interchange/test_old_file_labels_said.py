"""Review r127, 7: a file from an older Reverie (``reverie.export/8``, made before commas in labels were refused) is
imported: each person, tag and feeling holding a comma is changed (the comma becomes a semicolon) and the import
says nothing of it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.clinic.services import journal, portability

pytestmark = [pytest.mark.django_db, pytest.mark.db]
GOLDEN = Path(__file__).parent / "golden" / "reverie-export-v8.json"


def test_labels_changed_on_import_are_said(make_user: Any) -> None:
    """An older Reverie kept "Smith, John" as the person a dream was about and "home, family" as its tag. The new
    one stores them as "Smith; John" and "home; family" (``without_commas``): the person's own words for the people
    and themes of their journal are changed, and the report (created, notes, problems) says nothing, so they do
    not know to look. Either the words come back as written or the import says it changed them."""
    fresh = make_user()
    document = json.loads(GOLDEN.read_bytes())
    dream = document["entries"][0]
    dream.update(people=["Smith, John"], tags=["home, family"], attachments=[])
    report = portability.import_journal(fresh, json.dumps(document).encode("utf-8"))
    stored = next(e for e in journal.list_entries(fresh) if e.kind == "dream")
    same = stored.people == ("Smith, John",) and stored.tags == ("home, family",)
    said = " ".join((*report.notes, *report.problems)).lower()
    assert same or "comma" in said or "semicolon" in said, (stored.people, stored.tags, report.notes)
