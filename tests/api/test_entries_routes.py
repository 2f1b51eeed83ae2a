from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api, as_token, error_of

from reverie.clinic.models import Entry

pytestmark = pytest.mark.django_db


def _write(api: Api, **fields: Any) -> dict[str, Any]:
    response = api.post("entries", {"kind": "dream", "body": "A boat at night.", **fields})
    assert response.status_code == 201, response.content
    return dict(json.loads(response.content))


def test_entries_create_get_and_list_with_filters(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    dream = _write(
        api,
        title="Night",
        feelings=[{"name": "Love", "intensity": 4}, {"name": "anger", "intensity": 5}],
        people=["father"],
        tags=["#sea"],
        happened_at="2026-01-10T03:30:00+00:00",
    )
    assert dream["feelings"] == [{"name": "love", "intensity": 4}, {"name": "anger", "intensity": 5}]
    assert dream["tags"] == ["sea"] and dream["revision"] == 1 and dream["shared"] is False
    _write(api, kind="reflection", body="On the bus home I thought about work.")
    got = json.loads(api.get(f"entries/{dream['id']}").content)
    assert got["body"] == "A boat at night." and got["title"] == "Night"
    assert len(json.loads(api.get("entries").content)) == 2
    assert [e["kind"] for e in json.loads(api.get("entries?kind=reflection").content)] == ["reflection"]
    assert [e["id"] for e in json.loads(api.get("entries?q=BOAT").content)] == [dream["id"]]
    assert json.loads(api.get("entries?q=nothing-like-this").content) == []
    assert len(json.loads(api.get("entries?limit=1").content)) == 1


def test_entries_update_keeps_revisions_and_kind(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    entry = _write(api, title="First title", tags=["sea"])
    response = api.patch(f"entries/{entry['id']}", {"body": "A boat in the fog."})
    assert response.status_code == 200, response.content
    updated = json.loads(response.content)
    assert updated["revision"] == 2 and updated["body"] == "A boat in the fog."
    assert updated["title"] == "First title" and updated["tags"] == ["sea"]  # untouched fields stay
    revisions = json.loads(api.get(f"entries/{entry['id']}/revisions").content)
    assert [(r["number"], r["body"]) for r in revisions] == [(1, "A boat at night.")]
    refused = api.patch(f"entries/{entry['id']}", {"kind": "reflection"})
    assert refused.status_code == 422 and "kind" in error_of(refused)["message"]


def test_entries_share_with_no_link_open_is_refused_and_unshare_works(client_api: tuple[Any, Api]) -> None:
    """A share reaches the therapists linked when it is made: with none linked it is refused (409), nothing
    changes, and creating with ``shared`` is not a way round it (unknown field, 422)."""
    _, api = client_api
    entry = _write(api)
    path = f"entries/{entry['id']}"
    refused = api.post(f"{path}/share")
    assert refused.status_code == 409
    assert error_of(refused)["message"] == (
        "You have no therapist linked yet, so there is no one to share with. Nothing was changed."
    )
    assert json.loads(api.get(path).content)["shared"] is False
    assert json.loads(api.post(f"{path}/unshare").content)["shared"] is False
    assert api.post("entries", {"kind": "dream", "body": "x", "shared": True}).status_code == 422


def test_entries_share_unshare_trash_restore_purge(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    api, their = as_token(client), as_token(therapist)
    entry = _write(api)
    path = f"entries/{entry['id']}"
    assert their.get(path).status_code == 404
    assert json.loads(api.post(f"{path}/share").content)["shared"] is True
    assert json.loads(their.get(path).content)["body"] == "A boat at night."
    assert [e["id"] for e in json.loads(their.get("entries").content)] == [entry["id"]]
    assert json.loads(api.post(f"{path}/unshare").content)["shared"] is False
    assert their.get(path).status_code == 404
    assert api.delete(path).status_code == 204
    assert api.get(path).status_code == 404
    assert [e["id"] for e in json.loads(api.get("trash").content)] == [entry["id"]]
    assert json.loads(api.post(f"trash/{entry['id']}/restore").content)["id"] == entry["id"]
    assert api.get(path).status_code == 200
    assert api.delete(path).status_code == 204
    assert api.delete(f"trash/{entry['id']}").status_code == 204
    assert Entry.objects.count() == 0
    assert json.loads(api.get("trash").content) == []


_ANALYSIS = {
    "schema": "reverie.analysis/1",
    "kind": "reflection",
    "truncated": False,
    "notes": [],
    "analyzers": {"emotions": "1.15.0:x", "defenses": "1.0.0:dmrs"},
    "findings": [
        {
            "analyzer": "emotions",
            "version": "1.15.0",
            "model_hash": "x",
            "kind": "emotion",
            "label": "fear",
            "confidence": 0.95,
            "spans": [[0, 16]],
            "data": {"scope": "entry", "stated": True, "sentences": 1, "intensity": 4},
        },
        {
            "analyzer": "defenses",
            "version": "1.0.0",
            "model_hash": "dmrs",
            "kind": "defense",
            "label": "passive_aggression",
            "confidence": 0.9,
            "spans": [[0, 16]],
            "data": {"defense": "passive_aggression", "level": 3},
        },
    ],
}


def _store_analysis(user: Any, entry_id: str) -> None:
    from reverie.clinic.models import StoredAnalysis
    from reverie.clinic.services import keys
    from reverie.clinic.services.analysis import RESULT_PURPOSE

    row = Entry.objects.get(id=entry_id)
    sealed = keys.seal_for(user, f"{row.id}#a1", RESULT_PURPOSE, json.dumps(_ANALYSIS).encode())
    StoredAnalysis.objects.create(entry=row, revision=1, analyzers={}, payload=sealed)


def test_entries_findings_pending_then_ready(client_api: tuple[Any, Api]) -> None:
    """The writer gets their entry page's observations in its words (reverie.noticed/1): no code, model name,
    version, score or reading the page does not show (r39: the raw analysis, DMRS codes and all)."""
    user, api = client_api
    entry = _write(api, kind="reflection", body="I was so afraid.")
    path = f"entries/{entry['id']}/findings"
    assert json.loads(api.get(path).content) == {
        "status": "pending",
        "revision": None,
        "result": None,
        "message": None,
    }
    _store_analysis(user, entry["id"])
    found = json.loads(api.get(path).content)
    assert (found["status"], found["revision"]) == ("ready", 1)
    shown = found["result"]
    assert shown["schema"] == "reverie.noticed/1"
    assert [(f["kind"], f["text"]) for f in shown["findings"]] == [("feelings", "Your words carry fear.")]
    assert set(shown["findings"][0]) == {"ref", "kind", "text", "evidence", "sureness", "answer"}
    said = json.dumps(found)
    for withheld in (
        "passive_aggression",
        "defense",
        "1.15.0",
        "model_hash",
        "confidence",
        "0.95",
        "emotions",
    ):
        assert withheld not in said, withheld


def test_entries_findings_give_the_therapist_the_detailed_reading(paired: tuple[Any, Any]) -> None:
    """A therapist reading a shared entry keeps the stored analysis, the detailed reading of their entry page, each
    finding's code with its words beside it (h168)."""
    client, therapist = paired
    api = as_token(client)
    entry = _write(api, kind="reflection", body="I was so afraid.")
    assert api.post(f"entries/{entry['id']}/share").status_code == 200
    _store_analysis(client, entry["id"])
    found = json.loads(as_token(therapist).get(f"entries/{entry['id']}/findings").content)
    worded = [
        {**_ANALYSIS["findings"][0], "words": "fear"},
        {**_ANALYSIS["findings"][1], "words": "passive_aggression (Passive aggression)"},
    ]
    given = {**_ANALYSIS, "findings": worded}
    assert found == {"status": "ready", "revision": 1, "result": given, "message": None}


@pytest.mark.django_db
def test_the_clients_api_findings_carry_no_reading_the_client_is_never_shown(
    shared_history: Any, web_as: Any
) -> None:
    """A client's GET /entries/{id}/findings carries no defense (DMRS) or relationship (CCRT) reading: readings
    from analyzers under MIN_SCORE that no client page states, here a DMRS 'passive_aggression' on their own words."""
    client, _therapist, _course, ids = shared_history
    answer = web_as(client).get(f"/api/v1/entries/{ids['r30-01']}/findings")
    assert answer.status_code == 200
    findings = answer.json()["result"]["findings"]
    kinds = {f["kind"] for f in findings}
    assert not kinds & {"defense", "odf", "episode"}, sorted(kinds)
    assert "passive_aggression" not in json.dumps(findings)


def test_entries_therapist_cannot_write_a_journal(paired: tuple[Any, Any]) -> None:
    _, therapist = paired
    response = as_token(therapist).post("entries", {"kind": "dream", "body": "x"})
    assert response.status_code == 403 and error_of(response)["code"] == "E403"
    assert Entry.objects.count() == 0


def test_entries_me_and_crisis_lines(client_api: tuple[Any, Api]) -> None:
    user, api = client_api
    assert json.loads(api.get("me").content) == {"id": user.pk, "username": user.username, "role": "client"}
    lines = json.loads(Api(api.client.__class__()).get("safety/crisis-lines").content)
    assert any(line["name"] for country in lines for line in country["lines"])


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "entries/{id}"),
        ("PATCH", "entries/{id}"),
        ("DELETE", "entries/{id}"),
        ("POST", "entries/{id}/share"),
        ("POST", "entries/{id}/unshare"),
        ("GET", "entries/{id}/revisions"),
        ("GET", "entries/{id}/findings"),
        ("POST", "trash/{id}/restore"),
        ("DELETE", "trash/{id}"),
    ],
)
def test_entries_someone_elses_entry_answers_like_a_missing_one(
    make_user: Any, method: str, path: str
) -> None:
    alice, bob = as_token(make_user()), as_token(make_user())
    live = _write(alice)["id"]
    trashed = _write(alice)["id"]
    alice.delete(f"entries/{trashed}")
    target = trashed if path.startswith("trash") else live
    body = {"body": "bob was here"} if method == "PATCH" else None
    theirs = bob.call(method, path.format(id=target), body)
    missing = bob.call(method, path.format(id="6f1c0c39-8a7e-4a43-9d0e-3a2f1e0b7c11"), body)
    assert theirs.status_code == missing.status_code == 404
    assert theirs.content == missing.content
    assert json.loads(alice.get(f"entries/{live}").content)["body"] == "A boat at night."
    assert json.loads(alice.get("trash").content)[0]["id"] == trashed
