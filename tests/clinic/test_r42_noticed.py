"""Review r42: the entry page's risk note against the client's "What Reverie noticed" choice (h39)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "clinic"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "insights"))

pytestmark = pytest.mark.django_db


def test_an_answer_that_cannot_be_opened_never_hides_the_risk_note(make_user: Any, web_as: Any) -> None:
    """On "ask first" (the default), one stored "does this fit?" answer that cannot be opened (altered, or a newer
    version's) still leaves the entry page with its risk note and safety link, as "never show" has."""
    from test_observation_feedback import _analysed

    from reverie.clinic.models import ObservationFeedback, StoredAnalysis
    from reverie.clinic.services import observations

    alice = make_user()
    view = _analysed(alice)
    found = observations.noticed(alice, view.id)
    assert found is not None and found.risk is not None and found.shown
    observations.answer(alice, view.id, found.shown[0].observation.ref, "fits")
    # the row's sealed payload no longer opens (an altered record: what `reverie doctor` calls "altered")
    other = StoredAnalysis.objects.get(entry_id=view.id).payload
    ObservationFeedback.objects.filter(entry_id=view.id).update(payload=other)
    client = web_as(alice)
    try:
        response = client.get(f"/journal/{view.id}/")
        html, status = response.content.decode(), response.status_code
    except Exception as exc:  # the page itself failed
        html, status = f"unhandled {type(exc).__name__}", 500
    assert 'id="risk-note"' in html and 'href="/safety/"' in html, (
        f"status {status}: no risk note on the entry page"
    )
