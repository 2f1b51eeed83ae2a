"""h158 (review r127, 1, 2, 6, 7): what a file from an older Reverie lacks, or what the import changed or kept, is
said in the import's notes; a version 10 file gives back what the person set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reverie.care.services import safety
from reverie.clinic.services import portability
from reverie.clinic.services.local_time import set_time_zone
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]
GOLDEN = Path(__file__).parent / "golden"


def _v9(**record: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((GOLDEN / "reverie-export-v9.json").read_bytes())
    document["record"] = record
    for entry in document["entries"]:
        entry["attachments"] = []
    return document


def _notes(report: portability.ImportReport) -> str:
    return " ".join(report.notes)


def test_an_older_files_one_list_of_people_to_call_comes_back_whole_and_said(make_user: Any) -> None:
    """A /9 file wrote trusted contacts and professionals as one section: 14 people come back, twelve as people to
    ask for help and two as professionals, and the import says so and that the country was not in the file."""
    fresh = make_user()
    people = [f"Friend {n}: +44 20 7946 00{n:02d}" for n in range(14)]
    plan = {"sections": [{"title": "Warning signs", "items": ["Not sleeping"]}]}
    plan["sections"].append({"title": "People I can call", "items": people})
    report = portability.import_journal(fresh, json.dumps(_v9(safety_plan=plan)).encode())
    restored = safety.get_plan(fresh)
    assert restored is not None, report.notes
    assert [c.name for c in restored.trusted_contacts] == [f"Friend {n}" for n in range(12)]
    assert [c.name for c in restored.professionals] == ["Friend 12", "Friend 13"]
    said = _notes(report)
    assert "the rest as professionals" in said and "not the country of your crisis lines" in said
    assert "Friend" not in said


def test_a_plan_here_is_compared_with_a_file_of_its_own_form(make_user: Any) -> None:
    """The same plan, exported before (one list) or now (two lists and the country), is not said to differ."""
    client = make_user()
    safety.save_plan(
        client,
        {
            "warning_signs": ["Not sleeping"],
            "trusted_contacts": [{"name": "Aoife", "phone": "+353 1 555 0100"}],
            "professionals": [{"name": "Dr Ng", "phone": "+353 1 555 0199"}],
            "crisis_country": "IE",
        },
    )
    now = portability.import_journal(client, dump_reverie_json(portability.export_journal(client)))
    assert not any("safety plan" in note for note in now.notes), now.notes
    older = {
        "sections": [
            {"title": "Warning signs", "items": ["Not sleeping"]},
            {"title": "People I can call", "items": ["Aoife: +353 1 555 0100", "Dr Ng: +353 1 555 0199"]},
        ]
    }
    before = portability.import_journal(client, json.dumps(_v9(safety_plan=older)).encode())
    assert not any("safety plan" in note for note in before.notes), before.notes


def test_the_time_zone_is_taken_when_the_account_has_the_default_and_kept_when_chosen(make_user: Any) -> None:
    """A /10 file from Europe/Berlin: an account still on UTC takes it (said); one that chose Asia/Tokyo keeps it
    and is told the file's zone and how to use it; an older file, into an account on UTC, says it held none."""
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    mira, fresh, tokyo, older = make_user(), make_user(), make_user(), make_user()
    set_time_zone(mira, "Europe/Berlin")
    journal.create_entry(mira, EntryDraft(kind="dream", body="The lake was frozen."))
    data = dump_reverie_json(portability.export_journal(mira))
    assert json.loads(data)["time_zone"] == "Europe/Berlin"

    taken = portability.import_journal(fresh, data)
    fresh.refresh_from_db()
    assert fresh.time_zone == "Europe/Berlin"
    assert "Your time zone, Europe/Berlin, was taken from the file" in _notes(taken)

    set_time_zone(tokyo, "Asia/Tokyo")
    kept = portability.import_journal(tokyo, data)
    tokyo.refresh_from_db()
    assert tokyo.time_zone == "Asia/Tokyo"
    assert "The file was made in the time zone Europe/Berlin; yours here, Asia/Tokyo, was kept" in _notes(
        kept
    )

    said = _notes(portability.import_journal(older, json.dumps(_v9()).encode()))
    assert "The file does not say which time zone you were in" in said


def test_labels_with_commas_are_counted_and_their_entries_named_never_their_words(make_user: Any) -> None:
    """Three labels of two entries (one in an earlier version) held commas: the note counts them and names the
    entries by place and date, never the labels."""
    fresh = make_user()
    document = _v9()
    dream, choice = document["entries"]
    dream.update(people=["Smith, John"], tags=["home, family", "doors"])
    choice["revisions"][0]["tags"] = ["work, late"]
    report = portability.import_journal(fresh, json.dumps(document).encode())
    (said,) = [note for note in report.notes if "comma" in note]
    assert said.startswith("3 labels (feelings, people or tags) held a comma")
    assert "entries[0] (2024-05-01), entries[1] (2024-05-02)" in said
    assert not any(word in said for word in ("Smith", "family", "work"))
