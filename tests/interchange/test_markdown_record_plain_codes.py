"""h168: the Markdown export's course record says every code through the web's one table of words
(``reverie.words``, the table ``{{ value|words }}`` reads), never a code with its underscores or a bare code: a
session "cancelled by the therapist" (before: "cancelled by therapist", the code with its underscores replaced),
a course of a file that names no programme by its name ("brief psychodynamic therapy", before: "brief_psychodynamic"),
a questionnaire by its short name and its band by its label ("PHQ-9: 17 (Moderately severe)", before: "PHQ9: 17
(moderately severe)")."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from reverie.journal.interchange import SCHEMA, PortableJournal, dump_markdown
from reverie.measures.questionnaires import QUESTIONNAIRES
from reverie.programmes.formats import PROGRAMMES
from reverie.programmes.sessions import Attendance
from reverie.words import words

CODE = re.compile(r"\b[a-z]+_[a-z_]+\b")
CODE_SPAN = re.compile(r"`[^`]*`")


def _record() -> dict[str, object]:
    """A course for every programme (as an older file gives it: no ``programme_name``), each with a session of
    every attendance, a goal of each status and a questionnaire answer in every band."""
    moment = "2026-01-05T10:00:00+00:00"
    measures = [
        {"questionnaire": q.id.value, "submitted_at": moment, "total": band.low, "band": band.key}
        for q in QUESTIONNAIRES
        for band in q.bands
    ]
    return {
        "courses": [
            {
                "programme": programme.id,
                "therapist": "dr-a",
                "started_at": moment,
                "sessions": [{"start": moment, "attendance": a.value} for a in Attendance],
                "goals": [
                    {"title": "Say no at work", "status": status, "ratings": []}
                    for status in ("agreed", "proposed")
                ],
                "measures": measures,
            }
            for programme in PROGRAMMES
        ]
    }


def test_every_status_and_format_of_the_course_record_is_said_in_words() -> None:
    journal = PortableJournal(SCHEMA, datetime(2026, 2, 1, tzinfo=UTC), (), record=_record())
    text = dump_markdown(journal, zone=UTC)
    said = CODE_SPAN.sub("", text).replace("\\_", "_")  # an escaped underscore is still a code's underscore
    assert CODE.findall(said) == []
    for programme in PROGRAMMES:
        assert f"## Your course of therapy: {words(programme.id)}" in text
    assert "cancelled by the therapist" in text and "cancelled by the clinic (an account was closed)" in text
    assert "did not attend" in text
    assert "PHQ-9: 15 (Moderately severe)" in text and "GAD-7: 0 (Minimal" in text
