"""Review r48: `journal list --json --analysis` gives the client what the API and the entry page give them (one rule,
``observations.seen_by``): plain words, under their choice for "What Reverie noticed"."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from reverie.cli.main import app

pytestmark = pytest.mark.django_db

PASSWORD = "a long test password"


def _cli(*args: str) -> Any:
    return CliRunner().invoke(app, list(args), env={"REVERIE_PASSWORD": PASSWORD})


def _rows(username: str) -> dict[str, Any]:
    result = _cli("journal", "list", "--json", "--analysis", "--user", username)
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.output)}


def test_cli_journal_list_analysis_gives_the_client_no_codes_or_risk_level(
    shared_history: tuple[Any, Any, Any, dict[str, str]], web_as: Any
) -> None:
    """The API (and the web entry page) is right: a client's findings are plain words (reverie.noticed/1), never
    the raw analysis with risk level, DMRS levels and ODF that `journal list --json --analysis` printed them."""
    client, _therapist, _course, ids = shared_history
    api = web_as(client).get(f"/api/v1/entries/{ids['r30-01']}/findings").json()
    assert api["result"]["schema"] == "reverie.noticed/1"
    row = _rows(client.username)[ids["r30-01"]]
    printed = json.dumps(row["analysis"])
    for word in ("reverie.analysis/1", '"odf"', '"ideation"', "passive_aggression", '"level"'):
        assert word not in printed, f"the CLI gives the client {word}"
    assert {k: v for k, v in row["analysis"].items() if k not in ("status", "revision")} == api["result"]
    assert (row["analysis"]["status"], row["analysis"]["revision"]) == ("ready", api["revision"])


def test_cli_journal_list_analysis_follows_the_never_show_choice(
    shared_history: tuple[Any, Any, Any, dict[str, str]], web_as: Any
) -> None:
    """A client who chose "never show" gets no observations from the CLI either, with a status and a message naming
    Settings (not a silent empty list), and the risk words as before."""
    from reverie.clinic.models import NoticedOnEntries

    client, _therapist, _course, ids = shared_history
    before = _rows(client.username)
    assert any(row["analysis"]["findings"] for row in before.values())
    client.noticed_on_entries = NoticedOnEntries.NEVER
    client.save(update_fields=["noticed_on_entries"])
    after = _rows(client.username)
    assert set(ids.values()) <= set(after)
    for entry, row in after.items():
        found = row["analysis"]
        assert found["status"] == "hidden_by_your_choice" and "Settings" in found["message"]
        assert found["schema"] == "reverie.noticed/1" and found["findings"] == [] and found["folded"] == []
        assert found["risk"] == before[entry]["analysis"]["risk"]
        api = web_as(client).get(f"/api/v1/entries/{entry}/findings").json()
        assert api["message"] == found["message"]
