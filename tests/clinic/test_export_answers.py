"""Export version 3 carries the person's "does this fit?" answers; an import into a fresh account stores them
again (sealed for the new owner), so they show on the entry's observations; erasure deletes them."""

from __future__ import annotations

import json
import sys
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reverie.care.models import CheckIn
from reverie.clinic.models import Entry, ObservationFeedback, StoredAnalysis
from reverie.clinic.services import analysis, journal, keys, observations, portability
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import PortableFit, dump_reverie_json, load

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))
from observation_data import TEXT, result

pytestmark = pytest.mark.django_db
WHEN = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def _stored(client: Any, entry_id: uuid.UUID, revision: int) -> None:
    """A hand-made stored analysis for the entry's revision (the real analyzers are tested elsewhere)."""
    sealed = keys.seal_for(
        client,
        analysis._result_id(entry_id, revision),
        analysis.RESULT_PURPOSE,
        json.dumps(result()).encode(),
    )
    StoredAnalysis.objects.create(
        entry_id=entry_id, revision=revision, analyzers={}, risk_level="ideation", payload=sealed
    )


def _answered(client: Any) -> tuple[Any, str, str]:
    """An analysed entry with two answers given ("doesn't fit" first); returns it and the two keys."""
    view = journal.create_entry(client, EntryDraft(kind="free_association", body=TEXT))
    _stored(client, view.id, view.revision)
    reading = observations.noticed(client, view.id)
    assert reading is not None
    first, second = reading.shown[0].observation, reading.shown[1].observation
    observations.answer(client, view.id, second.ref, "does_not_fit")
    observations.answer(client, view.id, first.ref, "fits")
    return view, first.key, second.key


def test_the_export_holds_each_entry_s_answers_oldest_first(make_user: Any) -> None:
    alice = make_user()
    _, fits, does_not = _answered(alice)
    journal.create_entry(alice, EntryDraft(kind="reflection", body="A quiet day, nothing noticed."))
    exported = portability.export_journal(alice)
    answered, plain = sorted(exported.entries, key=lambda e: -len(e.fit))
    assert [(f.about, f.answer) for f in answered.fit] == [(does_not, "does_not_fit"), (fits, "fits")]
    assert answered.fit[0].answered_at <= answered.fit[1].answered_at
    assert plain.fit == ()  # the near miss: an entry without answers carries none
    assert load(dump_reverie_json(exported)) == exported


def test_import_into_a_fresh_account_shows_the_answers_again(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    _, fits, does_not = _answered(alice)
    exported = portability.export_journal(alice)
    report = portability.import_journal(bob, dump_reverie_json(exported))
    assert (report.created, report.skipped, report.problems) == (1, 0, ())
    entry = Entry.objects.get(client=bob)
    rows = ObservationFeedback.objects.filter(client=bob, entry=entry)
    assert sorted((r.analyzer, r.answer) for r in rows) == sorted(
        [(fits.partition(":")[0], "fits"), (does_not.partition(":")[0], "does_not_fit")]
    )
    for row in rows:  # sealed for bob, at the imported entry's revision, answered when alice answered
        assert fits.encode() not in bytes(row.payload) and does_not.encode() not in bytes(row.payload)
        opened = observations._open(row, bob)
        assert opened["revision"] == entry.revision
        was = next(f for f in exported.entries[0].fit if f.about == opened["key"])
        assert datetime.fromisoformat(opened["answered_at"]) == was.answered_at
    _stored(bob, entry.id, entry.revision)
    reading = observations.noticed(bob, entry.id)
    assert reading is not None
    answers = {s.observation.key: s.answer for s in (*reading.shown, *reading.folded)}
    assert answers[fits] == "fits" and answers[does_not] == "does_not_fit"
    assert [s.observation.key for s in reading.folded] == [does_not]  # folded away, as on alice's page
    assert sum(1 for a in answers.values() if a) == 2


def test_a_repeated_import_leaves_the_answers_as_they_are(make_user: Any) -> None:
    alice = make_user()
    _answered(alice)
    exported = portability.export_journal(alice)
    entry = exported.entries[0]
    changed = replace(entry, fit=tuple(replace(f, answer="not_sure") for f in entry.fit))
    report = portability.import_journal(alice, dump_reverie_json(replace(exported, entries=(changed,))))
    assert (report.created, report.skipped) == (0, 1)
    assert sorted(ObservationFeedback.objects.filter(client=alice).values_list("answer", flat=True)) == [
        "does_not_fit",
        "fits",
    ]


def test_an_answer_about_an_observation_this_reverie_does_not_make_is_left_out(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    journal.create_entry(alice, EntryDraft(kind="reflection", body="A first entry."))
    journal.create_entry(alice, EntryDraft(kind="reflection", body="A second entry."))
    exported = portability.export_journal(alice)
    second = replace(
        exported.entries[1],
        fit=(PortableFit("horoscope:leo", "fits", WHEN), PortableFit("feelings:sadness", "not_sure", WHEN)),
    )
    data = dump_reverie_json(replace(exported, entries=(exported.entries[0], second)))
    report = portability.import_journal(bob, data)
    assert report.created == 2
    assert report.problems == (
        "entries[1].fit[0] is about an observation this Reverie does not make: left out.",
    )
    (row,) = ObservationFeedback.objects.filter(client=bob)
    assert (row.analyzer, row.answer) == ("feelings", "not_sure")
    assert observations._open(row, bob)["key"] == "feelings:sadness"


def test_erasure_deletes_the_answers_and_check_ins_and_no_one_else_s(make_user: Any) -> None:
    alice, bob = make_user(), make_user()
    for person in (alice, bob):
        _answered(person)
        CheckIn.objects.create(client=person, created_at=WHEN, answered_at=WHEN, answer="safe")
    kept = (
        ObservationFeedback.objects.filter(client=bob).count(),
        CheckIn.objects.filter(client=bob).count(),
    )
    assert (
        ObservationFeedback.objects.filter(client=alice).exists()
        and CheckIn.objects.filter(client=alice).exists()
    )
    portability.erase_client(alice, alice.username, "a long test password")
    assert not ObservationFeedback.objects.filter(client_id=alice.pk).exists()
    assert not CheckIn.objects.filter(client_id=alice.pk).exists()
    assert kept == (2, CheckIn.objects.filter(client=bob).count()) and kept[1] >= 1
    assert ObservationFeedback.objects.filter(client=bob).count() == 2
