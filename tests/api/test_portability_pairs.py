from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import as_token, error_of

from reverie.clinic.models import Entry, Pair

pytestmark = pytest.mark.django_db


def test_portability_export_import_round_trip(make_user: Any) -> None:
    alice, bob = as_token(make_user()), as_token(make_user())
    feelings = [{"name": "love", "intensity": 4}, {"name": "anger", "intensity": 5}]
    created = json.loads(
        alice.post("entries", {"kind": "dream", "body": "The boat again.", "feelings": feelings}).content
    )
    alice.patch(f"entries/{created['id']}", {"body": "The boat again, in fog."})
    exported = alice.get("export")
    assert exported.status_code == 200 and exported["Content-Type"] == "application/json"
    doc = json.loads(exported.content)
    assert doc["schema"] == "reverie.export/10" and len(doc["entries"]) == 1
    assert doc["entries"][0]["feelings"] == feelings
    first = bob.call("POST", "import", raw=exported.content)
    assert first.status_code == 200, first.content
    assert json.loads(first.content) == {"created": 1, "skipped": 0}
    again = json.loads(bob.call("POST", "import", raw=exported.content).content)
    assert again == {"created": 0, "skipped": 1}  # bob's own stable copy of alice's id, never alice's row
    mine = json.loads(alice.call("POST", "import", raw=exported.content).content)
    assert mine == {"created": 0, "skipped": 1}
    [entry] = json.loads(bob.get("entries").content)[:1]
    assert entry["body"] == "The boat again, in fog." and entry["shared"] is False
    assert len(json.loads(bob.get(f"entries/{entry['id']}/revisions").content)) == 1
    markdown = alice.get("export?format=markdown")
    assert markdown["Content-Type"].startswith("text/markdown") and b"fog" in markdown.content


@pytest.mark.parametrize(
    "raw",
    [b"", b"[]", b"{}", b"not json", b'{"schema": "reverie.export/99", "entries": []}', b"\xff\xfe"],
)
def test_portability_bad_imports_store_nothing(make_user: Any, raw: bytes) -> None:
    api = as_token(make_user())
    response = api.call("POST", "import", raw=raw)
    assert 400 <= response.status_code < 500, response.content
    error_of(response)
    assert Entry.objects.count() == 0


def test_portability_import_is_all_or_nothing_when_asked(make_user: Any) -> None:
    api = as_token(make_user())
    good = {"id": "a", "kind": "dream", "body": "fine", "happened_at": "2026-01-01T00:00:00+00:00"}
    bad = {**good, "id": "b", "body": ""}
    doc = {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00+00:00", "entries": [good, bad]}
    response = api.post("import?all_or_nothing=true", doc)
    assert response.status_code == 400 and error_of(response)["code"] == "E100"
    assert Entry.objects.count() == 0


def test_portability_import_reports_and_skips_a_bad_entry(make_user: Any) -> None:
    api = as_token(make_user())
    at = "2026-01-01T00:00:00+00:00"
    good = {"id": "a", "kind": "dream", "body": "fine", "happened_at": at, "written_at": at}
    bad = {**good, "id": "b", "body": ""}
    doc = {"schema": "reverie.export/1", "exported_at": "2026-01-02T00:00:00+00:00", "entries": [good, bad]}
    response = api.post("import", doc)
    assert response.status_code == 200, response.content
    report = json.loads(response.content)
    assert (
        report["created"] == 1
        and len(report["problems"]) == 1
        and report["problems"][0].startswith("entries[1]:")
    )
    assert Entry.objects.count() == 1


def test_portability_therapist_has_no_journal_to_export(make_user: Any) -> None:
    response = as_token(make_user(role="therapist")).get("export")
    assert response.status_code == 403 and error_of(response)["code"] == "E403"


def test_pairs_invite_accept_list_and_end(make_user: Any) -> None:
    client, therapist = make_user(), make_user(role="therapist")
    mine, theirs = as_token(client), as_token(therapist)
    invitation = mine.post("pair/invitations")
    assert invitation.status_code == 201
    code = json.loads(invitation.content)["code"]
    accepted = theirs.post("pair/accept", {"code": code})
    assert accepted.status_code == 201
    pair = json.loads(accepted.content)
    assert (pair["client"], pair["therapist"]) == (client.username, therapist.username)
    assert [p["id"] for p in json.loads(mine.get("pairs").content)] == [pair["id"]]
    again = theirs.post("pair/accept", {"code": code})  # its redeemer's retry: the link it made (h76)
    assert again.status_code == 200 and json.loads(again.content)["id"] == pair["id"]
    reused = as_token(make_user(role="therapist")).post("pair/accept", {"code": code})  # anyone else
    assert reused.status_code == 404 and error_of(reused)["code"] == "E404"
    assert mine.post(f"pairs/{pair['id']}/end", {"confirm": True}).status_code == 204
    assert json.loads(theirs.get("pairs").content) == []
    ended = theirs.post("pair/accept", {"code": code})  # the link it made is ended: the code is spent
    assert ended.status_code == 404 and error_of(ended)["code"] == "E404"
    assert Pair.objects.get().ended_at is not None


def test_pairs_other_peoples_links_answer_like_missing_ones(paired: tuple[Any, Any], make_user: Any) -> None:
    stranger = as_token(make_user(role="therapist"))
    pair_id = Pair.objects.get().pk
    theirs = stranger.post(f"pairs/{pair_id}/end", {"confirm": True})
    missing = stranger.post(f"pairs/{pair_id + 1000}/end", {"confirm": True})
    assert theirs.status_code == missing.status_code == 404
    assert theirs.content == missing.content
    assert Pair.objects.get().ended_at is None
