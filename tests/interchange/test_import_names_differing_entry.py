"""A person corrects a word in their exported file by hand and imports it again; the import keeps the stored entry
(never overwritten) and names the one of the file it did not import, by its place in the file, kind and date, as
every other import message names its part (review r127, point 8: it said only "1 entry in the file differs")."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.services import journal, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def test_an_entry_of_the_file_not_imported_because_it_differs_is_named(make_user: Any) -> None:
    """Thirty entries exported; the person fixes a typo in the twelfth, in the file, and imports it. The report
    said "1 entry in the file differs from the one here; the one here was kept." and nothing else: neither its place
    in the file (``entries[11]``), nor its date or kind. Every other message of an import names the part it is
    about (``entries[3] repeats an earlier id``); this one, about words of theirs left out, now does too."""
    client = make_user()
    start = datetime(2026, 1, 1, 21, 0, tzinfo=UTC)
    for day in range(30):
        journal.create_entry(
            client,
            EntryDraft(
                kind="reflection",
                body=f"Evening {day}: a walk by the river.",
                happened_at=start + timedelta(days=day),
            ),
        )
    document = json.loads(dump_reverie_json(portability.export_journal(client)))
    document["entries"][11]["body"] = document["entries"][11]["body"].replace("river", "canal")
    report = portability.import_journal(client, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    assert (report.created, report.skipped, report.differ) == (0, 30, 1)
    said = " ".join((*report.notes, *report.problems))
    assert "canal" not in said  # never the words
    named = "entries[11]" in said or "12 Jan 2026" in said or "2026-01-12" in said
    assert named, said
    assert report.notes[0] == (
        "1 entry in the file differs from the one here; the one here was kept: entries[11] (Reflection, 2026-01-12 21:00)."
    )


def test_a_differing_entry_after_one_left_out_on_reading_is_named_by_its_place_in_the_file(
    make_user: Any,
) -> None:
    """An entry of the file left out on reading (here a repeated id, said in ``problems``) does not move the ones
    after it: each is named by its own place in the file (it carries it from the reading, h161), never its place
    among those read."""
    client = make_user()
    start = datetime(2026, 1, 1, 21, 0, tzinfo=UTC)
    for day in range(3):
        journal.create_entry(
            client,
            EntryDraft(kind="dream", body=f"Night {day}.", happened_at=start + timedelta(days=day)),
        )
    document = json.loads(dump_reverie_json(portability.export_journal(client)))
    document["entries"].insert(1, dict(document["entries"][0]))  # a repeated id: left out on reading
    document["entries"][3]["body"] = "Night 2, corrected."
    report = portability.import_journal(client, json.dumps(document).encode("utf-8"))
    assert report.problems == ("entries[1] repeats an earlier id: left out.",)
    assert report.notes[0] == (
        "1 entry in the file differs from the one here; the one here was kept: entries[3] (Dream, 2026-01-03 21:00)."
    )


def test_many_differing_entries_are_named_up_to_a_limit_and_the_rest_counted() -> None:
    names = [f"entries[{i}] (Dream, 2026-01-{i + 1:02d})" for i in range(25)]
    said = portability._differ_words(names)
    assert said.startswith("25 entries in the file differ from the ones here; the ones here were kept: ")
    assert names[19] in said and names[20] not in said and said.endswith(" and 5 more.")
