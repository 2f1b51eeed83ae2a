"""r18 review: one damaged record outside the entries (the safety plan) blocks the whole export on the web and API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

from reverie.care.models import SafetyPlanRecord
from reverie.care.services import safety
from reverie.clinic.services import journal


def _flip(blob: bytes | memoryview) -> bytes:
    data = bytearray(bytes(blob))
    data[-3] ^= 0x01  # one bit of the ciphertext: a damaged disk block, a bad restore
    return bytes(data)


def _client_with_a_damaged_plan(make_user: Any) -> tuple[Any, Any]:
    client = make_user(role="client")
    entry = journal.create_entry(client, journal.EntryDraft(kind="dream", body="A whole year of dreams."))
    safety.save_plan(client, {"coping_steps": ["a walk by the river"]})
    row = SafetyPlanRecord.objects.get(client=client)
    SafetyPlanRecord.objects.filter(pk=row.pk).update(payload=_flip(row.payload))
    return client, entry


@pytest.mark.django_db
def test_api_export_with_a_damaged_safety_plan_still_gives_the_entries(make_user: Any) -> None:
    """GET /export answers 200 with every entry when the safety plan alone does not open (never blocked by one record)."""
    client, entry = _client_with_a_damaged_plan(make_user)
    response = as_token(client).get("export")
    assert response.status_code == 200, response.content[:300]
    assert [e["id"] for e in json.loads(response.content)["entries"]] == [str(entry.id)]


@pytest.mark.django_db
def test_web_export_with_a_damaged_safety_plan_still_gives_the_entries(make_user: Any, web_as: Any) -> None:
    """The web export downloads the entries when the safety plan alone does not open."""
    client, entry = _client_with_a_damaged_plan(make_user)
    response = web_as(client).post("/export/", {"format": "json", "anyway": "yes"})
    assert response.status_code == 200
    assert str(entry.id) in response.content.decode()


@pytest.mark.django_db
def test_a_damaged_progress_note_or_goal_is_left_out_and_named_the_rest_exports(
    dit: tuple[Any, Any, Any],
) -> None:
    """Progress notes and goals are guarded like the entries: left out, named in ``left_out``, the export completes."""
    from reverie.care.models import Goal, ProgressNote
    from reverie.care.services import goals, notes
    from reverie.clinic.services import portability

    client, therapist, course = dit
    entry = journal.create_entry(client, journal.EntryDraft(kind="dream", body="Still exported."))
    notes.write_progress_note(therapist, course.id, 1, "A damaged note.")
    notes.write_progress_note(therapist, course.id, 2, "A whole note.")
    goals.propose(client, course.id, template="voicing_needs")
    first = ProgressNote.objects.get(session__slot=1)
    ProgressNote.objects.filter(pk=first.pk).update(payload=_flip(first.payload))
    goal = Goal.objects.get()
    Goal.objects.filter(pk=goal.pk).update(payload=_flip(goal.payload))

    exported = portability.export_with_report(client)
    assert [e.id for e in exported.journal.entries] == [str(entry.id)]
    (mine,) = exported.journal.record["courses"]
    assert [n["text"] for n in mine["notes"]] == ["A whole note."] and mine["goals"] == []
    assert sorted(item.kind for item in exported.left_out) == ["Goal", "Progress note"]
    assert exported.journal.left_out == ()  # the file's left_out names entries only (its schema)
    words = portability.left_out_words(exported.left_out)
    assert words[0] == "2 records are not in this export; everything else is:"
    assert any("Progress note: it does not open" in line for line in words[1:])
    assert portability.needs_confirming(exported.left_out)
    response = as_token(client).get("export")
    assert response.status_code == 200 and response["Reverie-Left-Out"] == "2"
