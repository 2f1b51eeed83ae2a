"""h151: ``GET /entries/{id}/revisions`` gives each earlier version whole, with the same fields as the entry."""

from __future__ import annotations

import json
from typing import Any

import pytest
from api_client import Api

pytestmark = pytest.mark.django_db


def test_api_revisions_give_the_whole_earlier_version(client_api: tuple[Any, Api]) -> None:
    _, api = client_api
    made = api.post(
        "entries",
        {
            "kind": "mindful_choice",
            "body": "Mum rang at midnight.",
            "title": "The call",
            "feelings": [{"name": "anger", "intensity": 5}, {"name": "love", "intensity": 4}],
            "people": ["Mum"],
            "tags": ["family"],
            "extra": {"urge": "Hang up.", "choice": "I told her I would call back tomorrow."},
            "happened_at": "2026-03-02T23:00:00+00:00",
        },
    )
    assert made.status_code == 201, made.content
    entry = json.loads(made.content)
    changed = api.patch(
        f"entries/{entry['id']}",
        {
            "title": "The call, later",
            "feelings": [{"name": "anger", "intensity": 2}],
            "extra": {"choice": "I hung up."},
        },
    )
    assert changed.status_code == 200, changed.content
    (version,) = json.loads(api.get(f"entries/{entry['id']}/revisions").content)
    assert version["number"] == 1 and version["saved_at"]
    del version["number"], version["saved_at"]
    assert version == {
        "kind": "mindful_choice",
        "only_text": False,
        "happened_at": "2026-03-02T23:00:00Z",
        "title": "The call",
        "body": "Mum rang at midnight.",
        "feelings": [{"name": "anger", "intensity": 5}, {"name": "love", "intensity": 4}],
        "people": ["Mum"],
        "tags": ["family"],
        "extra": {"urge": "Hang up.", "choice": "I told her I would call back tomorrow."},
    }
