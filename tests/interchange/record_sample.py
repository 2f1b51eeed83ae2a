"""A course record as export version 4 carries it (a module of its own: imported by a unique name)."""

from __future__ import annotations


def sample_record() -> dict[str, object]:
    """A course record as export version 4 carries it: a questionnaire names its session by ``session_start``,
    and by ``session`` (its number) while that session is held; the second one's session was cancelled."""
    return {
        "courses": [
            {
                "programme": "dit",
                "programme_name": "Dynamic Interpersonal Therapy (DIT)",
                "therapist": "dr-a",
                "time_zone": "Europe/London",
                "started_at": "2026-01-05T10:00:00+00:00",
                "sessions": [
                    {"number": 1, "start": "2026-01-05T10:00:00+00:00", "attendance": "attended"},
                    {"start": "2026-01-12T10:00:00+00:00", "cancelled": True, "note_to_client": "I am ill."},
                ],
                "goals": [
                    {
                        "title": "Say no at work",
                        "status": "active",
                        "ratings": [{"on": "2026-01-05", "value": 3}],
                    }
                ],
                "measures": [
                    {
                        "questionnaire": "PHQ-9",
                        "submitted_at": "2026-01-05T09:50:00+00:00",
                        "total": 12,
                        "band": "Moderate",
                        "session": 1,
                        "session_start": "2026-01-05T10:00:00+00:00",
                    },
                    {
                        "questionnaire": "GAD-7",
                        "submitted_at": "2026-01-09T18:00:00+00:00",
                        "total": 6,
                        "band": "Mild",
                        "session_start": "2026-01-12T10:00:00+00:00",
                    },
                ],
                "notes": [{"written_at": "2026-01-05T11:00:00+00:00", "text": "We named the pattern."}],
            }
        ],
        "safety_plan": {
            "updated_at": "2026-01-05T11:00:00+00:00",
            "sections": [{"title": "Warning signs", "items": ["Not sleeping"]}],
        },
    }


def sample_record_v6() -> dict[str, object]:
    """The same record as export version 6 carries it: each progress note names its session by ``session_start``,
    by ``session`` while that session is held, and the course's ``format``; the second documents the cancelled one."""
    record = sample_record()
    (course,) = record["courses"]  # type: ignore[misc]
    course["notes"] = [
        {
            "written_at": "2026-01-05T11:00:00+00:00",
            "text": "We named the pattern.",
            "session": 1,
            "session_start": "2026-01-05T10:00:00+00:00",
            "format": "dit",
        },
        {
            "written_at": "2026-01-12T09:00:00+00:00",
            "text": "Cancelled: the client was unwell.",
            "session_start": "2026-01-12T10:00:00+00:00",
            "format": "dit",
        },
    ]
    return record
