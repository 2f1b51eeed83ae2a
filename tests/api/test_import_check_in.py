"""Review r103, issue 12 §4 ("the check-in shows right after saving") on the API's import: an imported entry is
screened at the moment of saving and leaves a check-in, but the import's own answer says nothing of it, while every
other saving door tells the person at once (the API's ``POST /entries`` and ``PATCH`` answer with ``check_in``, the
CLI's ``journal import`` prints the question and the crisis lines)."""

from __future__ import annotations

import json
from datetime import UTC, timedelta
from typing import Any

import pytest
from api_client import as_token
from django.utils import timezone

from reverie.care.models import CheckIn

pytestmark = pytest.mark.django_db
RISKY = "I keep thinking I want to kill myself. Nobody would miss me."


def test_review_r103_api_import_answers_with_the_check_in_it_raised(paired: tuple[Any, Any]) -> None:
    """A client's app imports their jrnl journal through ``POST /api/v1/import``; one entry says "I want to kill
    myself". The import answers ``{"created": 1, "skipped": 0}`` and nothing more, so the app shows "Imported 1
    entry" and no check-in: the question and the crisis lines wait for a later ``GET /check-in`` the app has no
    reason to make. The answer should carry the check-in it raised, with its crisis lines, as ``POST /entries``
    does (``check_in``)."""
    client, _ = paired
    at = timezone.now().astimezone(UTC) + timedelta(minutes=2)
    entry = {"title": "", "body": RISKY, "date": f"{at:%Y-%m-%d}", "time": f"{at:%H:%M}", "tags": []}
    body = json.dumps({"tags": {}, "entries": [{**entry, "starred": False}]})
    api = as_token(client)
    response = api.client.post("/api/v1/import", body, content_type="application/json")
    assert response.status_code == 200 and response.json()["created"] == 1, response.content
    raised = CheckIn.objects.get(client=client, answered_at__isnull=True)  # screened at save: the flow ran
    answer = response.json()
    assert answer.get("check_in") is not None, answer
    assert answer["check_in"]["id"] == str(raised.id)
    assert answer["check_in"]["crisis_lines"], answer["check_in"]
