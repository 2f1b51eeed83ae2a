"""Hand-built journals for the interchange tests (no shared data: a user's clone has none)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from reverie.journal.interchange import (
    SCHEMA,
    PortableAttachment,
    PortableEntry,
    PortableFeeling,
    PortableFit,
    PortableJournal,
    PortableLeftOut,
    PortableRevision,
)

HERE = Path(__file__).parent
PLUS_TWO = timezone(timedelta(hours=2))


def golden_journal() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v1.json holds."""
    dream = PortableEntry(
        id="entry-1",
        kind="dream",
        body="A house with too many doors. I opened one and found the kitchen from my childhood.",
        happened_at=datetime(2024, 5, 1, 6, 30, tzinfo=PLUS_TWO),
        written_at=datetime(2024, 5, 1, 7, 10, 0, 250000, tzinfo=PLUS_TWO),
        feelings=(PortableFeeling("unease", 4), PortableFeeling("longing", 2)),
        people=("grandmother",),
        tags=("house", "doors"),
        title="The house",
        shared=True,
        attachments=(PortableAttachment("sketch.png", "image/png", b"\x89PNG\r\n\x1a\n"),),
        revisions=(
            PortableRevision("A house with too many doors.", datetime(2024, 5, 1, 7, 2, tzinfo=PLUS_TWO)),
        ),
    )
    choice = PortableEntry(
        id="entry-2",
        kind="mindful_choice",
        body="I wanted to send the angry message and waited an hour instead.",
        happened_at=datetime(2024, 5, 2, 21, 0, tzinfo=UTC),
        written_at=datetime(2024, 5, 2, 21, 15, tzinfo=UTC),
        extra={
            "situation": "Late reply from a friend.",
            "urge": "Send a cutting message.",
            "choice": "Wrote it down, did not send it.",
        },
    )
    return PortableJournal(SCHEMA, datetime(2024, 6, 1, 12, 0, tzinfo=UTC), (dream, choice))


def golden_journal_v3() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v4.json (and -v3.json) holds: the golden journal
    with the person's "does this fit?" answers on the dream and their answers to two "Are you safe?" check-ins."""
    base = golden_journal()
    dream = replace(
        base.entries[0],
        fit=(
            PortableFit("feelings:sadness", "fits", datetime(2024, 5, 1, 8, 0, tzinfo=PLUS_TWO)),
            PortableFit(
                "relationships:mother:W6-RO5-RS2", "does_not_fit", datetime(2024, 5, 1, 8, 1, tzinfo=UTC)
            ),
            PortableFit("unexplained:dont_know_why", "not_sure", datetime(2024, 5, 3, 9, 0, tzinfo=UTC)),
        ),
    )
    record = {
        "check_ins": [
            {
                "asked_at": "2024-05-02T21:16:00+00:00",
                "answered_at": "2024-05-02T21:20:00+00:00",
                "answer": "safe",
            },
            {"asked_at": "2024-05-20T10:00:00+00:00"},
        ]
    }
    return replace(base, entries=(dream, *base.entries[1:]), record=record)


def golden_journal_v5() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v5.json holds: the v4 golden journal with the
    question each check-in asked and two entries the export could not open (one whose title still opened)."""
    base = golden_journal_v3()
    first, second = base.record["check_ins"]
    record = {
        "check_ins": [
            {**first, "question": "It sounds like things are very hard right now. Are you safe?"},
            {
                **second,
                "question": "Reverie may have misread something you wrote. Just in case: are you safe?",
            },
        ]
    }
    left_out = (
        PortableLeftOut(datetime(2024, 5, 3, 22, 0, tzinfo=UTC), "dream"),
        PortableLeftOut(datetime(2024, 5, 4, 9, 30, tzinfo=PLUS_TWO), "art", "The blue door"),
    )
    return replace(base, record=record, left_out=left_out)


def golden_journal_v6() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v6.json holds: the v5 golden journal with a course
    whose progress notes name their sessions (one held, one cancelled)."""
    from record_sample import sample_record_v6

    base = golden_journal_v5()
    return replace(base, record={**sample_record_v6(), **base.record})


def golden_journal_v8() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v8.json holds: the v6 golden journal with the
    client's answers, item by item, on each questionnaire of its course (version 8)."""
    base = golden_journal_v6()
    (course,) = base.record["courses"]
    answers = {"PHQ-9": [2, 1, 1, 2, 1, 2, 1, 1, 1], "GAD-7": [1, 0, 1, 1, 1, 1, 1]}
    measures = [{**m, "answers": answers[m["questionnaire"]]} for m in course["measures"]]
    return replace(base, record={**base.record, "courses": [{**course, "measures": measures}]})


def golden_journal_v9() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v9.json holds: the v8 golden journal whose entries
    keep their earlier versions whole (version 9): the dream's first version only as text (it came from an older
    file), its second whole, with its date; the mindful choice's one earlier version whole, its date not kept."""
    base = golden_journal_v8()
    dream, choice = base.entries
    (text_only,) = dream.revisions
    second = PortableRevision(
        "A house with too many doors. I opened one.",
        datetime(2024, 5, 1, 7, 5, tzinfo=PLUS_TWO),
        only_text=False,
        title="The house",
        feelings=(PortableFeeling("unease", 5),),
        people=("grandmother",),
        tags=("house",),
        happened_at=datetime(2024, 5, 1, 6, 0, tzinfo=PLUS_TWO),
    )
    earlier_choice = PortableRevision(
        "I wanted to send the angry message.",
        datetime(2024, 5, 2, 21, 10, tzinfo=UTC),
        only_text=False,
        title="The message",
        extra={
            "situation": "Late reply from a friend.",
            "urge": "Send a cutting message.",
            "choice": "Sent it.",
        },
    )
    entries = (replace(dream, revisions=(text_only, second)), replace(choice, revisions=(earlier_choice,)))
    return replace(base, entries=entries)


def golden_journal_v10() -> PortableJournal:
    """The journal that tests/interchange/golden/reverie-export-v10.json holds: the v9 golden journal with what the
    person set (version 10): their time zone, when each entry's current version was saved, and a safety plan with
    its crisis lines' country and its trusted contacts and professionals as two sections."""
    base = golden_journal_v9()
    dream, choice = base.entries
    plan = {
        "crisis_country": "IE",
        "sections": [
            {"title": "Warning signs", "items": ["Not sleeping"]},
            {"title": "People I can ask for help", "items": ["Aoife: +353 1 555 0100"]},
            {"title": "Professionals I can contact", "items": ["Dr Ng (GP): +353 1 555 0199"]},
        ],
    }
    return replace(
        base,
        entries=(
            replace(dream, updated_at=datetime(2024, 5, 1, 7, 10, 0, 250000, tzinfo=PLUS_TWO)),
            replace(choice, updated_at=datetime(2024, 5, 3, 8, 0, tzinfo=UTC)),
        ),
        record={**base.record, "safety_plan": plan},
        time_zone="Europe/Berlin",
    )


@pytest.fixture
def journal_v10() -> PortableJournal:
    return golden_journal_v10()


@pytest.fixture
def journal_v8() -> PortableJournal:
    return golden_journal_v8()


@pytest.fixture
def journal_v9() -> PortableJournal:
    return golden_journal_v9()


@pytest.fixture
def journal_v5() -> PortableJournal:
    return golden_journal_v5()


@pytest.fixture
def journal_v6() -> PortableJournal:
    return golden_journal_v6()


@pytest.fixture
def journal() -> PortableJournal:
    return golden_journal()


@pytest.fixture
def journal_v3() -> PortableJournal:
    return golden_journal_v3()


@pytest.fixture
def read_fixture() -> Callable[[str], bytes]:
    """Bytes of a file under tests/interchange (fixtures/..., golden/...)."""

    def read(name: str) -> bytes:
        return (HERE / name).read_bytes()

    return read
