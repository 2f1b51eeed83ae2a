"""Fixtures for the insight tests."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from reverie.insights.observations import MIN_SCORE, SUPPORT


@pytest.fixture
def relationships_worded(monkeypatch: Any) -> None:
    """As if the relationship analyzer scored ``MIN_SCORE`` on held-out data: the client's view then counts its
    episodes (``insights.shown``), so the client's wording of relationship patterns can be tested. Today it scores
    0.25, and a client's view counts no episode."""
    monkeypatch.setitem(SUPPORT, "relationships", replace(SUPPORT["relationships"], score=MIN_SCORE))


@pytest.fixture
def defenses_worded(monkeypatch: Any) -> None:
    """As if the defense analyzer (DMRS) scored ``MIN_SCORE`` on held-out data, with no floor: every reader's summary
    then counts its readings (``insights.shown``), so the defense section, the ODF estimate and the triangles'
    'defense' corner can be tested. Today it scores under it, and no summary counts a defense reading (review r30)."""
    monkeypatch.setitem(SUPPORT, "defenses", replace(SUPPORT["defenses"], score=MIN_SCORE, floor=0.0))
