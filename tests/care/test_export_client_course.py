"""The client's export of their course (``reverie.export/8``, ``record``; review r57) against what the client wrote
and reads on their course pages. Only the clock is moved (tests/course_week.py)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest

from course_week import LONDON
from reverie.care.services import course as courses
from reverie.care.services import formulation, goals
from reverie.clinic.services import portability
from reverie.journal.interchange import dump_reverie_json

pytestmark = [pytest.mark.django_db, pytest.mark.db]


def _exported(client: Any) -> str:
    return dump_reverie_json(portability.export_journal(client)).decode("utf-8")


def test_a_goal_the_client_described_in_their_own_words_keeps_its_words_in_the_export(running: Any) -> None:
    """A client proposes a goal in their own words: a title and a description ("what would be different").
    The course page shows both; the export ("everything you wrote", docs/usage.md) holds only the title, status
    and ratings, so the description the client wrote is gone from the file they keep (and from the only copy
    left once they erase the account). The description should be in the export beside the title."""
    client, _therapist, course, _clock = running
    words = "To ring my sister on Sundays without rehearsing the whole call in my head first"
    goals.propose(client, course.id, title="Talk to my sister", description=words)
    assert any(g.description == words for g in goals.goals_for(client, course.id))  # what the client reads
    assert words in _exported(client)


def test_the_goodbye_letter_the_client_was_given_is_in_their_export(running: Any) -> None:
    """The therapist gives the client the goodbye letter at the end of therapy; the client reads it on their
    course page. Their export, "the course as they may read it", has sessions, goals, questionnaires, progress
    notes and the safety plan, but not the letter: a client who exports before leaving Reverie (or before erasing
    their account) loses the one letter written for them. The given letter should be in the course record."""
    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)  # the ending phase: the letter may be written
    text = "Dear A, what we found together over these weeks stays yours."
    courses.write_letter(therapist, course.id, text)
    courses.give_letter(therapist, course.id)
    assert courses.read_letter(client, course.id) == text  # the client reads it
    exported = json.loads(_exported(client))
    assert text in json.dumps(exported.get("record", {}), ensure_ascii=False)


def test_the_formulation_shared_with_the_client_is_in_their_export(running: Any) -> None:
    """The therapist shares the formulation ("the pattern you and your therapist found") with the client, who
    reads it on their course page. The export of the course "as they may read it" leaves it out, so the file a
    client keeps after therapy (or after erasing their account) does not hold the formulation they were shown.
    The shared version(s) should be in the course record."""
    client, therapist, course, _clock = running
    words = "When I feel left out I go quiet, and then people stop asking me along"
    formulation.save_formulation(therapist, course.id, {"ipaf_self": words})
    formulation.share(therapist, course.id, True)
    assert [v.values["ipaf_self"] for v in formulation.versions(client, course.id)] == [
        words
    ]  # the client reads it
    assert words in _exported(client)


def test_what_only_the_therapist_reads_of_the_letter_and_formulation_stays_out_and_the_file_fits_v7(
    running: Any,
) -> None:
    """A draft formulation never shared, a version saved after sharing stopped and a letter written but not given
    are the therapist's: the client reads none of them, so the export holds none. Once given and shared, the
    record holds them, in the form docs/export-schema-v7.json describes, and a re-import stores nothing twice."""
    from record_schema_check import problems

    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "draft kept by the therapist"})
    courses.write_letter(therapist, course.id, "a letter not given yet")
    exported = _exported(client)
    assert "draft kept by the therapist" not in exported and "a letter not given yet" not in exported
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "the version shared"})
    formulation.share(therapist, course.id, True)
    formulation.share(therapist, course.id, False)
    assert "the version shared" not in _exported(client)  # no longer shared: the client reads none
    formulation.share(therapist, course.id, True)
    courses.give_letter(therapist, course.id)
    goals.propose(client, course.id, title="Sleep", description="in my words")
    document = json.loads(_exported(client))
    assert document["schema"] == "reverie.export/10" and problems(document) == []
    (record,) = document["record"]["courses"]
    assert record["letter"]["text"] == "a letter not given yet"
    assert [f["text"] for v in record["formulation"] for f in v["fields"]] == ["the version shared"]
    assert "draft kept by the therapist" not in json.dumps(document)
    assert [g["description"] for g in record["goals"]] == ["in my words"]
    from reverie.clinic.services import journal
    from reverie.clinic.services.journal import EntryDraft

    journal.create_entry(client, EntryDraft(kind="free_association", body="An evening walk."))
    data = _exported(client).encode("utf-8")
    reports = [portability.import_journal(client, data) for _ in range(2)]
    assert [(r.created, r.skipped) for r in reports] == [(0, 1), (0, 1)]
    assert len(journal.list_entries(client, limit=10)) == 1


def test_the_export_logs_itself_not_the_person_opening_each_part(running: Any) -> None:
    """r134 fault 9: after one export the privacy log said "You opened your formulation", "You looked at the progress
    notes of your sessions" and "You looked at your goals" in the same minute as "You downloaded a copy of your
    journal": the export's own reads, logged as if the person had opened those pages. The export logs itself."""
    from reverie.clinic.models import AuditEvent

    client, therapist, course, clock = running
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)
    goals.propose(client, course.id, title="Talk to my sister")
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "I go quiet"})
    formulation.share(therapist, course.id, True)
    courses.write_letter(therapist, course.id, "Dear A")
    courses.give_letter(therapist, course.id)
    reads = ("goal.list", "note.progress.list", "formulation.read", "letter.read")
    before = AuditEvent.objects.filter(actor_id=client.pk, action__in=reads).count()
    exported = _exported(client)
    assert "I go quiet" in exported and "Talk to my sister" in exported and "Dear A" in exported
    assert AuditEvent.objects.filter(actor_id=client.pk, action__in=reads).count() == before
    assert AuditEvent.objects.filter(actor_id=client.pk, action="journal.export").count() == 1
    goals.goals_for(client, course.id)  # the page still logs the person's own look
    assert AuditEvent.objects.filter(actor_id=client.pk, action="goal.list").count() == before + 1
