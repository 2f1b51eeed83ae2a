"""r18 review: an entry trashed (in another tab, on another device, through the API) while an export runs."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

sys.path.insert(0, str(Path(__file__).parents[1] / "api"))
from api_client import as_token

from reverie.clinic.services import journal, portability

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201f5d8"
    "e6a50000000049454e44ae426082"
)


def _two_entries(client: Any, *, drawing: bool) -> tuple[Any, Any]:
    now = timezone.now()
    first = journal.create_entry(
        client, journal.EntryDraft(kind="dream", body="The first dream.", happened_at=now - timedelta(days=2))
    )
    files = [journal.AttachmentDraft("pic.png", "image/png", PNG)] if drawing else []
    second = journal.create_entry(
        client,
        journal.EntryDraft(kind="art", body="A drawing.", title="Later", happened_at=now - timedelta(days=1)),
        files,
    )
    return first, second


def _trash_second_while_exporting(monkeypatch: pytest.MonkeyPatch, client: Any, second: Any) -> None:
    real = portability._portable
    done: list[bool] = []

    def portable(actor: Any, entry: Any) -> Any:
        if not done:  # the export has listed both entries; the second is trashed elsewhere meanwhile
            done.append(True)
            journal.trash_entry(client, second.id)
        return real(actor, entry)

    monkeypatch.setattr(portability, "_portable", portable)


@pytest.mark.django_db
@pytest.mark.parametrize("drawing", [False, True])
def test_api_export_completes_when_an_entry_is_trashed_while_it_runs(
    make_user: Any, monkeypatch: pytest.MonkeyPatch, drawing: bool
) -> None:
    """An export completes (200, every other entry in it) when an entry is trashed elsewhere while it runs."""
    client = make_user(role="client")
    api = as_token(client)
    first, second = _two_entries(client, drawing=drawing)
    _trash_second_while_exporting(monkeypatch, client, second)
    response = api.get("export")
    assert response.status_code == 200, response.content[:200]
    ids = [e["id"] for e in json.loads(response.content)["entries"]]
    assert str(first.id) in ids


@pytest.mark.django_db
def test_web_export_completes_when_an_entry_is_trashed_while_it_runs(
    make_user: Any, web_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The web export downloads the rest when an entry is trashed elsewhere while it runs."""
    client = make_user(role="client")
    web = web_as(client)
    first, second = _two_entries(client, drawing=True)
    _trash_second_while_exporting(monkeypatch, client, second)
    response = web.post("/export/", {"format": "json"})
    assert response.status_code == 200
    assert str(first.id) in response.content.decode()


@pytest.mark.django_db
def test_an_entry_trashed_while_the_export_runs_is_named_with_a_plain_reason(
    make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``format=left_out`` names the entry trashed meanwhile and why; the file itself, like the trash, lacks it."""
    client = make_user(role="client")
    api = as_token(client)
    _, second = _two_entries(client, drawing=True)
    _trash_second_while_exporting(monkeypatch, client, second)
    response = api.get("export?format=left_out")
    assert response.status_code == 200
    assert response["Reverie-Left-Out"] == "1"
    named = response.json()
    assert named["message"] == "1 entry is not in this export; everything else is:"
    assert len(named["left_out"]) == 1 and "“Later”: it was moved to the trash" in named["left_out"][0]
    exported = portability.export_with_report(client)  # later: it is simply in the trash
    assert exported.left_out == () and exported.journal.left_out == ()
