"""The Markdown export (web, API and command line alike: ``dump_markdown`` of ``export_with_report``) holds the
course record the JSON holds, under plain headings: the goals in the client's own words, their safety plan, the
goodbye letter, the formulation shared with them (review r127, point 3: it held the entries alone and did not say
so). What it does not show, it names."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from course_week import LONDON
from reverie.care.models.safety import ANSWER_LABELS
from reverie.care.services import course as courses
from reverie.care.services import formulation, goals, safety
from reverie.clinic.services import journal
from reverie.clinic.services.journal import EntryDraft
from reverie.journal.interchange import (
    CHECK_IN_WORDS,
    SCHEMA,
    PortableJournal,
    dump_markdown,
)

pytestmark = [pytest.mark.django_db, pytest.mark.db]


@pytest.fixture
def running(paired: Any, monkeypatch: Any) -> Any:
    """A DIT course in its seventh week, its clock movable (tests/course_week.py)."""
    from course_week import running_course

    return running_course(paired, monkeypatch)


def test_the_markdown_export_holds_what_the_client_wrote_and_was_given_in_therapy(
    running: Any, web_as: Any
) -> None:
    """Before leaving Reverie a client downloads their journal as Markdown ("easy to read") from the Export page.
    The JSON holds their goal as they described it, their safety plan, the formulation shared with them and the
    letter their therapist gave them; the Markdown, the only file a person can read without Reverie, holds them too,
    each under a plain heading (before, none of them, unsaid: erasing the account lost them for a person who kept
    the readable file)."""
    client, therapist, course, clock = running
    journal.create_entry(client, EntryDraft(kind="reflection", body="A quiet evening."))
    description = "To ring my sister on Sundays without rehearsing the call"
    goals.propose(client, course.id, title="Talk to my sister", description=description)
    safety.save_plan(client, {"reasons_for_living": ["My niece's laugh"]})
    formulation.save_formulation(therapist, course.id, {"ipaf_self": "not good enough"})
    formulation.share(therapist, course.id, True)
    clock.at = datetime(2026, 4, 7, 12, tzinfo=LONDON)  # the ending phase: the letter may be written
    letter = "Dear A, what we found together over these weeks stays yours."
    courses.write_letter(therapist, course.id, letter)
    courses.give_letter(therapist, course.id)

    web = web_as(client)
    json_file = web.post("/export/", {"format": "json"}).content.decode("utf-8")
    assert description in json_file and "My niece" in json_file and "stays yours" in json_file
    assert "not good enough" in json_file
    markdown = web.post("/export/", {"format": "markdown"}).content.decode("utf-8")
    assert "A quiet evening." in markdown
    missing = [
        what
        for what, words in (
            ("goal", description),
            ("safety plan", "My niece's laugh"),
            ("letter", "stays yours"),
            ("formulation", "not good enough"),
        )
        if words not in markdown
    ]
    assert missing == []
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    for heading in (
        "## Your course of therapy: ",
        "### Goals, in your words",
        "#### Talk to my sister",
        "## Your safety plan",
        "### Reasons for living",
        "### Goodbye letter from your therapist, given ",
        "### Your formulation, version 1, shared ",
    ):
        assert any(line.startswith(heading) for line in headings), (heading, headings)


def test_what_the_markdown_does_not_show_of_the_record_it_names() -> None:
    """Each questionnaire's answers item by item are in the JSON alone: the Markdown gives the totals and says so;
    a part of the record it does not know (a later file's) is named, never dropped unsaid."""
    course = {
        "programme_name": "Dynamic Interpersonal Therapy",
        "started_at": "2026-01-05T10:00:00+00:00",
        "measures": [
            {
                "questionnaire": "phq9",
                "submitted_at": "2026-01-05T10:00:00+00:00",
                "total": 7,
                "band": "mild",
                "answers": [1, 1, 1, 1, 1, 1, 1, 0, 0],
            }
        ],
        "new_part": [1],
    }
    record = {
        "courses": [course],
        "safety_plan": {"sections": [], "crisis_country": "IE", "new_plan_part": "x"},
        "check_ins": [
            {"asked_at": "2026-01-06T09:00:00+00:00", "question": "Are you safe?", "answer": "safe"}
        ],
    }
    exported = datetime(2026, 2, 1, tzinfo=UTC)
    text = dump_markdown(PortableJournal(schema=SCHEMA, exported_at=exported, entries=(), record=record))
    assert "- 2026-01-05 10:00 UTC · PHQ-9: 7 (Mild)" in text  # its short name and band label (h168)
    assert "Your answers to each question are not in this file, only the totals." in text
    assert "Not in this file: the course's new part." in text
    # the plan's country (reverie.export/10) is shown by its name; a part of the plan it does not know is named
    assert "Crisis lines shown first: Ireland" in text
    assert "Not in this file: the safety plan's new plan part." in text
    assert "crisis country" not in text
    assert "- 2026-01-06 09:00 UTC · Are you safe? · I'm safe for now" in text


def test_the_check_in_answers_are_said_in_the_words_the_person_chose() -> None:
    assert CHECK_IN_WORDS == ANSWER_LABELS
