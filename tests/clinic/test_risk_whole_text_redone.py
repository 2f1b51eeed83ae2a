"""h91: an analysis stored by risk 2.6.1 for a text over the cap is redone, and its risk then reads the tail.

h80 (review r71) made the risk analyzer read the whole text past ``MAX_ANALYSED_CHARS``, but its version stayed
2.6.1: an analysis stored before, of a long entry whose risk lies past the cut, kept the risk finding of its first
part and nothing re-analysed it. The version moved on, so the worker's upkeep finds it outdated and redoes it.

The cap is lowered for the test (a module constant ``prepare`` reads at each call) so the text stays small.
"""

from __future__ import annotations

from typing import Any

import pytest

from configured import configured
from reverie.analysis import document, pipeline
from reverie.clinic.models import Entry
from reverie.clinic.services import analysis, journal, worker
from reverie.clinic.services.journal import EntryDraft

pytestmark = pytest.mark.django_db

BEFORE_WHOLE_TEXT = "2.6.1"  # the risk version that read the first MAX_ANALYSED_CHARS only
LAST = " I have the pills counted out and I am going to kill myself tonight."


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
PLACES = ["the garden", "my sister's flat", "the library", "the market", "the dentist", "the allotment"]
EVERYDAY = " ".join(
    f"On {DAYS[i % 7]} I went to {PLACES[i % 6]} and came home at {i % 12 + 1} o'clock." for i in range(10)
)
CAP = (
    len(EVERYDAY) + 1
)  # MAX_ANALYSED_CHARS for the test: the everyday days fill it, the last sentence lies past it


def _long_text() -> str:
    return EVERYDAY + LAST


def _risk_levels(result: dict[str, Any]) -> list[str]:
    return [f["label"] for f in result["findings"] if f["kind"] == "risk"]


def test_an_analysis_stored_before_whole_text_reading_is_redone_and_reads_the_tail(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document, "MAX_ANALYSED_CHARS", CAP)
    client = make_user(role="client")
    text = _long_text()
    with configured(REVERIE_ANALYSIS="off"):
        view = journal.create_entry(client, EntryDraft(kind="free_association", body=text))
    entry = Entry.objects.get(pk=view.id)

    # What risk 2.6.1 stored: every analyzer of today, the risk screen on the first CAP characters only.
    old = pipeline.analyse(text[:CAP], entry.kind).to_json()
    assert _risk_levels(old) == ["none"]
    current_risk = analysis.current_versions(entry.kind)["risk"]
    old["analyzers"]["risk"] = f"{BEFORE_WHOLE_TEXT}:{current_risk.split(':', 1)[1]}"
    old["truncated"] = True
    old["notes"] = [document.truncation_note(), *old["notes"]]
    assert analysis._store_result(entry, entry.revision, old) is not None
    assert analysis.outdated_count() == 1, "an analysis stored by risk 2.6.1 is not seen as outdated"

    with configured(REVERIE_ANALYSIS="inline"):
        worker._queue_outdated()  # the worker's upkeep step: re-analysis, inline here

    stored = analysis.current_analysis(entry)
    assert stored is not None and stored.analyzers["risk"] == current_risk
    result = analysis.open_result(entry, stored)
    assert _risk_levels(result) == ["behavior"]
    assert stored.risk_level == "behavior"
    assert document.truncation_note(["risk"]) in result["notes"]
    assert analysis.outdated_count() == 0
