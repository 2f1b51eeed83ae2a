"""r134 fault 2: a reading the person marked "Doesn't fit" is put away everywhere it was shown, not only on its entry.

The entry page folds it away; the patterns pages (counts, "seen in N of M", the first example), the PDF and the
dream series are built from the same findings less what it rested on (``analysis.stored_findings``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from reverie.clinic.models import StoredAnalysis
from reverie.clinic.services import analysis, journal, keys
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

DREAM = "In the dream my mother was packing a suitcase and would not look at me."
WAKING = "I phoned my mother today and she sounded tired."


def _f(kind: str, value: str, confidence: float, span: tuple[int, int], **data: Any) -> dict[str, Any]:
    return {
        "analyzer": kind,
        "version": "test",
        "model_hash": "test",
        "kind": kind,
        "label": value,
        "confidence": confidence,
        "spans": [list(span)],
        "data": data,
    }


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def _dream_findings() -> list[dict[str, Any]]:
    mother = _span(DREAM, "mother")
    return [
        _f("dream_code", "character:1FMA", 0.9, mother, category="character", code="1FMA", label="mother"),
        _f("person", "mother", 0.9, mother),
        _f("emotion", "sadness", 0.95, _span(DREAM, "would not look at me"), scope="entry"),
    ]


def _waking_findings() -> list[dict[str, Any]]:
    return [_f("person", "mother", 0.9, _span(WAKING, "mother"))]


def _write(client: Any, kind: str, body: str, when: datetime, findings: list[dict[str, Any]]) -> Any:
    view = journal.create_entry(client, EntryDraft(kind=kind, body=body, happened_at=when))
    payload = {"schema": "reverie.analysis/1", "findings": findings}
    sealed = keys.seal_for(
        client, analysis._result_id(view.id, 1), analysis.RESULT_PURPOSE, json.dumps(payload).encode()
    )
    StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
    return view


def _journal(client: Any) -> list[Any]:
    start = datetime(2026, 3, 2, 9, tzinfo=UTC)
    dreams = []
    for i in range(6):
        dreams.append(_write(client, "dream", DREAM, start + timedelta(days=7 * i), _dream_findings()))
        _write(client, "free_association", WAKING, start + timedelta(days=7 * i + 2), _waking_findings())
    for i in range(6):  # entries about no one: the pairing of mother with dreams is beyond chance
        _write(client, "free_association", "A quiet day.", start + timedelta(days=7 * i + 4), [])
    return dreams


def _doesnt_fit(client: Any, entry: Any, starts: str) -> None:
    from reverie.clinic.services import observations

    panel = observations.noticed(client, entry.id)
    assert panel is not None
    found = [s.observation for s in panel.shown if s.observation.text.startswith(starts)]
    assert found, [s.observation.text for s in panel.shown]
    observations.answer(client, entry.id, found[0].ref, "does_not_fit")


def _statements(view: Any) -> dict[str, Any]:
    return {st.key: st for section in view.sections for st in section.statements}


def test_a_reading_that_does_not_fit_leaves_the_patterns_and_the_report(make_user: Any, web_as: Any) -> None:
    from reverie.clinic.models import User
    from reverie.clinic.services import insights
    from reverie.insights.report import printed_ids

    client = make_user()
    dreams = _journal(client)
    before = _statements(insights.view_for(client))
    assert before["dream:figure:mother"].text == "Your mother appears in 6 dreams."
    assert before["dream:figure:mother"].evidence[0] == str(dreams[0].id)
    assert "most often sadness (6 entries)" in before["feelings:range"].text
    first, last = str(dreams[0].id), str(dreams[-1].id)
    assert last in printed_ids(insights.view_for(client))  # the PDF quotes the newest ones
    series = web_as(client).get("/dreams/").content.decode()

    for dream in (dreams[0], dreams[-1]):
        _doesnt_fit(client, dream, "Your mother appears")
        _doesnt_fit(client, dream, "Your words carry sadness")

    # the same cached state, rebuilt for the entries answered
    after = _statements(insights.view_for(User.objects.get(pk=client.pk)))
    assert after["dream:figure:mother"].text == "Your mother appears in 4 dreams."
    assert not {first, last} & set(after["dream:figure:mother"].evidence)  # never cited as its example
    assert "most often sadness (4 entries)" in after["feelings:range"].text
    assert not {first, last} & set(printed_ids(insights.view_for(client)))  # the PDF quotes them nowhere
    page = web_as(client).get("/insights/?show=1").content.decode()
    assert "Your mother appears in 4 dreams." in page and "(seen in 4 dreams)" in page
    assert "appears in 6 dreams" not in page
    assert series != web_as(client).get("/dreams/").content.decode()  # the dream series counts the same way

    # changing the answer back brings the reading back everywhere
    from reverie.clinic.services import observations

    for dream in (dreams[0], dreams[-1]):
        panel = observations.noticed(client, dream.id)
        assert panel is not None and len(panel.folded) == 2
        for shown in panel.folded:
            observations.answer(client, dream.id, shown.observation.ref, "fits")
    again = _statements(insights.view_for(client))
    assert again["dream:figure:mother"].text == "Your mother appears in 6 dreams."
