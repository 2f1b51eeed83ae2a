"""Review r30's demo client: 20 short entries in new voices (``fixtures/review_r30_entries.jsonl``), each shared
with the linked therapist, with the analysis the pipeline gave them on main at ae0b001
(``fixtures/review_r30_results.jsonl``: emotions 1.15.0, episodes 1.13.0, defenses 2.7.0, risk 2.5.1), sealed as
the worker would store it. Written by review r30 (new voices, not from the shared evaluation sets)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
START = datetime(2026, 1, 5, 20, tzinfo=UTC)


def entries() -> list[dict[str, Any]]:
    text = (FIXTURES / "review_r30_entries.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def results() -> dict[str, dict[str, Any]]:
    text = (FIXTURES / "review_r30_results.jsonl").read_text(encoding="utf-8")
    rows = (json.loads(line) for line in text.splitlines())
    return {row["id"]: row["result"] for row in rows}


def shared_history(dit: tuple[Any, Any, Any]) -> tuple[Any, Any, Any, dict[str, str]]:
    """(client, therapist, course, {r30 id: entry id}): every entry shared, every analysis stored."""
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import analysis, journal, keys
    from reverie.clinic.services.journal import EntryDraft

    client, therapist, course = dit
    found = results()
    ids: dict[str, str] = {}
    for row in entries():
        view = journal.create_entry(
            client,
            EntryDraft(kind=row["kind"], body=row["text"], happened_at=START + timedelta(days=row["day"])),
        )
        journal.set_shared(client, view.id, True)
        sealed = keys.seal_for(
            client,
            analysis._result_id(view.id, 1),
            analysis.RESULT_PURPOSE,
            json.dumps(found[row["id"]]).encode(),
        )
        StoredAnalysis.objects.create(entry_id=view.id, revision=1, analyzers={}, payload=sealed)
        ids[row["id"]] = str(view.id)
    return client, therapist, course, ids
