"""Review r48: the web, the API and the CLI show each person the same findings (one rule, ``observations.seen_by``),
under the client's choice for "What Reverie noticed" (ask first, always, never)."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_api_findings_respect_the_clients_never_show_choice(
    shared_history: tuple[Any, Any, Any, dict[str, str]], web_as: Any
) -> None:
    """The web entry page is right: a client who chose "never show" for "What Reverie noticed" is shown no
    observations; GET /api/v1/entries/{id}/findings still read and returned them."""
    from reverie.clinic.models import NoticedOnEntries

    client, _therapist, _course, ids = shared_history

    def shown() -> dict[str, Any]:
        api = web_as(client)
        return {
            r30: (api.get(f"/api/v1/entries/{entry}/findings").json().get("result") or {}).get("findings")
            or []
            for r30, entry in ids.items()
        }

    before = {k: v for k, v in shown().items() if v}
    assert before, "no entry with an observation to hide"
    client.noticed_on_entries = NoticedOnEntries.NEVER
    client.save(update_fields=["noticed_on_entries"])
    r30 = next(iter(before))
    page = web_as(client).get(f"/journal/{ids[r30]}/")
    assert page.status_code == 200
    assert before[r30][0]["text"] not in page.content.decode(), "the web page shows it (the rule moved?)"
    after = {k: v for k, v in shown().items() if v}
    assert after == {}, f"the API shows {len(after)} entries' observations to a client who chose never"


def test_api_never_show_says_so_plainly_keeps_the_risk_words_and_the_schema(
    shared_history: tuple[Any, Any, Any, dict[str, str]], web_as: Any
) -> None:
    """Under "never show" the answer is not a silent empty list: status ``hidden_by_your_choice``, a message naming
    Settings, a valid ``reverie.noticed/1`` with the risk's calm words as before; "ask first" shows (the request is
    the asking); the linked therapist's stored analysis is unchanged whatever the client chose."""
    from reverie.clinic.models import NoticedOnEntries

    client, therapist, _course, ids = shared_history
    paths = [f"/api/v1/entries/{entry}/findings" for entry in ids.values()]
    assert client.noticed_on_entries == NoticedOnEntries.ASK
    asked = {path: web_as(client).get(path).json() for path in paths}
    assert all(a["status"] == "ready" and a["message"] is None for a in asked.values())
    assert any(a["result"]["findings"] for a in asked.values()), "no observation to hide"
    assert any(a["result"]["risk"] for a in asked.values()), "no risk words to keep"
    theirs = {path: web_as(therapist).get(path).json() for path in paths}
    assert {t["result"]["schema"] for t in theirs.values()} == {"reverie.analysis/1"}
    client.noticed_on_entries = NoticedOnEntries.NEVER
    client.save(update_fields=["noticed_on_entries"])
    for path in paths:
        hidden = web_as(client).get(path).json()
        assert hidden["status"] == "hidden_by_your_choice" and hidden["revision"] == asked[path]["revision"]
        assert "Settings" in hidden["message"] and "never show" in hidden["message"]
        assert hidden["result"] == {
            "schema": "reverie.noticed/1",
            "findings": [],
            "folded": [],
            "left_out": 0,
            "risk": asked[path]["result"]["risk"],
        }
        assert web_as(therapist).get(path).json() == theirs[path]
