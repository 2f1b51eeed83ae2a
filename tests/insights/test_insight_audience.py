from __future__ import annotations

import pytest
from insight_builders import emotion, episode, item

from reverie.errors import InvalidInput, PermissionDenied
from reverie.insights import InsightState, Item, build_view


def _history() -> list[Item]:
    shared = [
        item(f"s{n}", n, [*episode("partner", 6, 5, 2), emotion("fear")], shared=True) for n in range(4)
    ]
    private = [
        item(f"x{n}", n + 0.5, [*episode("partner", 6, 5, 2), emotion("fear")], shared=False)
        for n in range(3)
    ]
    notes = [
        item(
            f"n{n}",
            n + 0.7,
            episode("therapist", 6, 5, 2),
            kind="session",
            source="session",
            shared=False,
            process_note=True,
        )
        for n in range(3)
    ]
    return shared + private + notes


def test_audience_therapist_sees_only_shared_items() -> None:
    view = build_view(_history(), "therapist")
    assert view.item_count == 4
    assert view.evidence_ids() == {f"s{n}" for n in range(4)}


def test_audience_client_sees_own_items_but_never_process_notes() -> None:
    view = build_view(_history(), "client")
    assert view.item_count == 7
    ids = view.evidence_ids()
    assert {f"x{n}" for n in range(3)} <= ids
    assert not any(i.startswith("n") for i in ids)


def test_audience_process_notes_only_on_explicit_request() -> None:
    state = InsightState(_history())
    assert not any(i.startswith("n") for i in state.view("therapist").evidence_ids())
    with_notes = state.view("therapist", include_process_notes=True)
    assert with_notes.include_process_notes
    assert {f"n{n}" for n in range(3)} <= with_notes.evidence_ids()
    assert not any(i.startswith("x") for i in with_notes.evidence_ids())


def test_audience_client_cannot_ask_for_process_notes() -> None:
    with pytest.raises(PermissionDenied):
        InsightState(_history()).view("client", include_process_notes=True)


def test_audience_unknown_is_refused() -> None:
    with pytest.raises(InvalidInput):
        InsightState().view("stranger")


def test_audience_texts_are_descriptive_not_diagnostic() -> None:
    for audience in ("client", "therapist"):
        for line in build_view(_history(), audience).statements():
            lowered = line.text.lower()
            assert "you have" not in lowered and "diagnos" not in lowered and "disorder" not in lowered
