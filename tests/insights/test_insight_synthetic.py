from __future__ import annotations

import pytest

from reverie.insights import build_view, synthetic_history, synthetic_texts
from reverie.insights.items import ENTRY_KINDS


def test_synthetic_history_is_deterministic_and_sized() -> None:
    first = synthetic_history(seed=11, n_entries=200, n_sessions=30)
    again = synthetic_history(seed=11, n_entries=200, n_sessions=30)
    assert first == again
    assert sum(i.source == "entry" for i in first) == 200
    assert sum(i.source == "session" and not i.is_process_note for i in first) == 30
    assert sum(i.is_process_note for i in first) == 3
    assert [i.sort_key() for i in first] == sorted(i.sort_key() for i in first)
    assert first != synthetic_history(seed=12, n_entries=200, n_sessions=30)


@pytest.mark.usefixtures("relationships_worded")
def test_synthetic_history_planted_pattern_found_with_partner_and_therapist() -> None:
    view = build_view(synthetic_history(seed=11, n_entries=400, n_sessions=60))
    line = next(s for s in view.statements() if s.key == "pattern:closeness_withdrawal")
    assert "with your partner" in line.text and "with your therapist" in line.text
    assert line.count >= 20 and not line.tentative


def test_synthetic_history_without_plant_has_no_withdrawal_pattern() -> None:
    view = build_view(synthetic_history(seed=11, n_entries=400, n_sessions=60, planted=False))
    assert not any(s.key == "pattern:closeness_withdrawal" for s in view.statements())


def test_synthetic_texts_are_deterministic_plain_entries() -> None:
    texts = synthetic_texts(seed=4, n_entries=30, n_sessions=5)
    assert texts == synthetic_texts(seed=4, n_entries=30, n_sessions=5)
    assert len(texts) == 35 and len({t.id for t in texts}) == 35
    assert all(t.kind in ENTRY_KINDS and t.text and "{" not in t.text for t in texts)
    assert all(t.happened_at.tzinfo is not None for t in texts)
